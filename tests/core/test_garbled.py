"""Garbled characters: Kangxi radicals and compatibility ideographs standing in for Han
characters, and the symbols a filter leaves where it deleted a name inside a formula."""
import unicodedata

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review


def typo(rules, text):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False))
    return [(f.text, f.suggestion) for f in report.findings if f.rule.startswith("typo.garbled")]


@pytest.mark.parametrize("text,expected", [
    ("扎实做好各项⼯作，在各⽅⾯取得新成效。", [("⼯", "工"), ("⽅⾯", "方面")]),
    ("加强⻔户网站建设，推动⻓江经济带发展。", [("⻔", "门"), ("⻓", "长")]),
    ("部首“⼈”。", []),                       # a radical standing alone
    ("扎实做好各项工作。", []),
    ("深入学习贯彻.总书记重要讲话精神。", [(".", "习近平")]),
    ("深入学习贯彻·重要讲话精神。", [("·", "习近平总书记")]),
    ("更加紧密地团结在以.同志为核心的党中央周围。", [(".", "习近平")]),
    ("深入学习贯彻*重要讲话精神。", []),   # stars are a placeholder's (below)
    ("1.深入学习贯彻重要讲话精神。", []),
])
def test_garbled(rules, text, expected):
    assert typo(rules, text) == expected


def test_every_kangxi_radical_inside_a_word_gets_its_han_character(rules):
    """The whole block, not a sample: each radical between two Han characters is reported
    with NFKC's character as the suggestion."""
    radicals = [chr(c) for c in range(0x2F00, 0x2FD6)]
    text = "。".join(f"各{r}面" for r in radicals)
    got = typo(rules, text)
    assert got == [(r, unicodedata.normalize("NFKC", r)) for r in radicals]


def test_supplement_map_gives_han_characters(rules):
    (rule,) = [r for r in rules if r.full_id == "typo.garbled-radical"]
    for radical, han in rule.map.items():
        assert 0x2E80 <= ord(radical) <= 0x2EF3, radical
        assert "\u4e00" <= han <= "\u9fff", han
        assert unicodedata.name(radical).startswith("CJK RADICAL")


def test_no_double_report_with_stray_char_junk(rules):
    """的.人文 is the junk rule's (an anti-copy character), not a deleted word."""
    report = review(Document.from_text("培养和展示学生的.人文素质。"), rules, ReviewOptions(structure=False))
    assert [f.rule for f in report.findings] == ["site_junk.stray-char"]


@pytest.mark.parametrize("text,expected", [
    ("深入学习贯彻*重要讲话精神。", [("*", "习近平总书记")]),
    ("更加紧密地团结在以***同志为核心的党中央周围。***总书记指出，要坚持问题导向。", [("***", "习近平"), ("***", "习近平")]),
    ("坚持以**新时代中国特色社会主义思想为指导。", [("**", "习近平")]),
    ("由**同志牵头负责。", [("**", None)]),
])
def test_filtered_leader_name_is_a_placeholder_with_its_name(rules, text, expected):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False))
    assert [(f.text, f.suggestion) for f in report.findings if f.category == "placeholder"] == expected
