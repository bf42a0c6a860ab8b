"""通用规范汉字表 (resources/lexicon/tongyong8105.txt) and the rare-char rules
(rules/typo/garbled-rare-char*.yaml, kind rare-char in garbled.py)."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.rules.garbled import _HAN_BLOCKS, _outside_pattern, table_chars
from tests.conftest import shared


def test_the_table_has_its_8105_characters():
    table = table_chars()
    assert len(table) == 8105
    assert {"国", "的", "戌", "戍", "戊", "喆", "䶮"} <= table
    assert not {"囯", "佈", "経", "們", "鐘"} & table
    assert sum(1 for c in table if ord(c) > 0xFFFF) == 196


def test_the_pattern_finds_exactly_the_han_characters_outside_the_table():
    table = table_chars()
    rx = _outside_pattern()
    han = "".join(chr(cp) for lo, hi in _HAN_BLOCKS[:2] for cp in range(lo, hi + 1))
    found = {m.group() for m in rx.finditer(han)}
    assert found == {c for c in han if c not in table}
    # and nothing else: the hexagrams between the blocks, kana, punctuation
    assert not rx.search("䷀䷿あア，。ＡＢ１２")
    # beyond the BMP the pattern takes every character; the rule looks them up
    assert rx.fullmatch("\U00020000") and rx.fullmatch("𬺓")


def findings(rules, text, **options):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule.split(".")[1], f.severity, f.suggestion) for f in report.findings
            if f.rule.startswith("typo.garbled-rare-char")]


@pytest.mark.parametrize("text,expected", [
    ("建设社会主义现代化强囯。", [("囯", "garbled-rare-char", "warning", "国")]),
    ("科学佈局重大产业项目。", [("佈", "garbled-rare-char", "warning", "布")]),
    ("推动経济高质量发展。", [("経", "garbled-rare-char", "warning", "经")]),
    ("确保䶯期完成任务。", [("䶯", "garbled-rare-char-unknown", "info", None)]),
    # names of people and places
    ("王喆同志、李鐘同志到尖塚镇调研。", []),
    ("参加人员：张鐘、赵磊。", []),
    # characters of the table
    ("戍边、戌时、戊戌变法。", []),
])
def test_rare_characters(rules, text, expected):
    assert findings(rules, text) == expected


def test_a_traditional_draft_is_not_reported_character_by_character(rules):
    text = ("關於開展中秋節慶祝活動的策劃書\n為了弘揚中華民族傳統文化，豐富學生的課餘生活，學校決定開展中秋節慶祝活動。"
            "活動時間為九月，地點在學校禮堂，請各班認真組織，積極參與，確保活動圓滿成功。囯")
    assert findings(rules, text) == []


def test_nothing_on_the_clean_seed_and_dev_texts(rules):
    from reviewer.core.loaders import load

    paths = sorted(shared("clean").glob("*.txt")) + sorted(shared("seeds").glob("*.txt")) + sorted(
        shared("dev", "drafts").glob("*.txt"))
    for path in paths:
        report = review(load(path), rules, ReviewOptions())
        assert [f.text for f in report.findings if f.rule.startswith("typo.garbled-rare-char")] == [], path.name
