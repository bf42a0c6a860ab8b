"""The knowledge-based typo and phrasing rules: near misses of listed expressions and the
part-of-speech checks for 的/地/得 (kinds ``near-miss`` and ``tagged``)."""
import time

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review, review_region
from reviewer.core.rules.loader import RuleLoadError, load_rule_file
from reviewer.core.rules.lexicon_data import confusable, read_list

from ..conftest import body_findings, shared

CATS = ("typo", "phrasing")


def _found(rules, text, cats=CATS):
    """Warnings and errors of the given categories (an info hint is not a finding here)."""
    return [(f.rule, f.text, f.suggestion) for f in body_findings(rules, text)
            if f.category in cats and f.severity != "info"]


def test_lexicon_data_is_there_and_sourced():
    assert len(read_list("idioms.txt")) > 25000
    assert "众志成城" in read_list("idioms.txt")
    from reviewer.core.rules.lexicon_data import lexicon_dir

    sources = (lexicon_dir() / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("idioms.txt", "pinyin.txt", "lookalike.txt", "phrases.txt", "collocations.txt"):
        assert name in sources
    assert "MIT" in sources and "Apache-2.0" in sources


def test_confusable_by_sound_and_by_shape():
    assert confusable("越", "跃") and confusable("建", "健")  # same syllable
    assert confusable("骇", "赅") or confusable("已", "己")   # look-alikes
    assert not confusable("党", "团")


@pytest.mark.parametrize("text,rule,suggestion", [
    ("大家要全力以付完成任务。", "typo.near-idiom", "全力以赴"),
    ("要未雨稠缪，防患未然。", "typo.near-idiom", "未雨绸缪"),
    ("同舟共济战疫情、志成城谱壮歌。", "typo.near-idiom", "众志成城"),
    ("在以习近平同志为中心的党中央坚强领导下。", "phrasing.formula", "以习近平同志为核心的党中央"),
    ("为了纪念中国党成立一百周年。", "phrasing.formula", "中国共产党"),
    ("充分发挥党员先锋典范作用。", "phrasing.formula", "党员先锋模范作用"),
    ("全镇财政总收45.8亿元。", "typo.near-collocation", "财政总收入"),
    ("他们都讲的很好，大家要认真领会。", "typo.de-complement", "得"),
    ("大家认真的学习了文件。", "typo.de-adverbial", "地"),
    ("人均gdp超过一万美元。", "typo.latin-case", "GDP"),
])
def test_finds_the_kind(rules, text, rule, suggestion):
    got = _found(rules, text)
    assert any(r == rule and s == suggestion for r, _, s in got), got


@pytest.mark.parametrize("text", [
    "全县上下一鼓作气、众志成城，勠力同心打赢攻坚战。",
    "向关心和支持中国现代化建设的各国朋友表示感谢，形成全面开放新格局。",
    "学习马克思主义基本原理，全面建设社会主义现代化强国。",
    "确保方针不会变、不动摇，周二议事日，“十五五”开好局。",
    "结果比预想的好，这是最好的证明了，取得举世公认的成功。",
    "加强基层组织建设，财政收入增长5%，组建全县应急队伍。",
    "各项工作扎实地推进，问题得到了及时有效的解决。",
])
def test_silent_on_good_text(rules, text):
    assert _found(rules, text) == []


def test_silent_on_clean_official_texts(rules):
    folder = shared("clean")
    for path in sorted(folder.glob("*.txt")):
        doc = Document.from_text(path.read_text(encoding="utf-8-sig"))
        rep = review(doc, rules, ReviewOptions(structure=False))
        bad = [(f.rule, f.text) for f in rep.findings if f.category in CATS and f.severity != "info"]
        assert bad == [], (path.name, bad)


def test_near_miss_scan_is_linear(rules):
    """Ten times the text takes about ten times as long, not a hundred."""
    chunk = "全县上下一鼓作气，在以习近平同志为核心的党中央坚强领导下，财政总收入增长，取得显著成效。" * 20
    mine = [r for r in rules if r.kind == "near-miss"]

    def timed(text):
        doc = Document.from_text(text)
        t0 = time.process_time()  # CPU time: CI shares its cores (the wall clock failed this once under load)
        review_region("body", doc.text, doc.paragraphs, mine, ReviewOptions())
        return time.process_time() - t0

    timed(chunk)  # indexes built, tables loaded
    small = min(timed(chunk * 5) for _ in range(3))
    big = min(timed(chunk * 50) for _ in range(3))
    assert big < small * 25


def test_near_miss_rule_is_validated(tmp_path):
    folder = tmp_path / "typo"
    folder.mkdir()
    path = folder / "x.yaml"
    path.write_text("id: x\nname: x\nkind: near-miss\nseverity: warning\nmessage: m\n"
                    "expressions: [中国共产党]\ndrop: 3\nexamples:\n  - bad: '[[中国党]]'\n  - good: 好\n",
                    encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_rule_file(path, "typo")
    path.write_text(path.read_text(encoding="utf-8").replace("drop: 3", "lists: [no-such-file.txt]"),
                    encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_rule_file(path, "typo")


@pytest.mark.parametrize("text,rule,suggestion", [
    ("只有这样才能更好的推动全县发展。", "typo.de-modal-adverbial", "地"),
    ("干部要真正的把群众的冷暖放在心上。", "typo.de-adverb-preposition", "地"),
    ("村里的变化大家都慢慢的看在眼里。", None, "地"),      # 看在: not a verb word of two characters
    ("环卫工人每天都默默的守护城市的整洁。", "typo.de-reduplicated", "地"),
    ("这份荣誉极其的珍贵。", "typo.de-degree-adverb", "地"),
    ("这次运动会办的不错，大家都很满意。", "typo.de-complement-fine", "得"),
    ("新建的广场显的更加宽敞明亮。", "typo.de-verb-de", "得"),
    ("要激发群众参与地热情。", "typo.de-verb-noun", "的"),
])
def test_more_de_di_de(rules, text, rule, suggestion):
    got = [(r, s) for r, _, s in _found(rules, text) if r.startswith("typo.de-")]
    if rule is None:
        assert got == [], got
    else:
        assert (rule, suggestion) in got, got


@pytest.mark.parametrize("text", [
    "群众的获得感显著增强，发展的基础更加牢固。",
    "这是一次非常的考验，也是一次难得的机遇。",
    "老师讲的不错，同学们听得很认真。",
    "要把有限的资金用在刀刃上。",
    "去年全县粮食总产值的增长幅度居全市第一。",
    "我们沉甸甸的收获来自大家的努力。",
    "感谢环卫工人默默的守护。",
    "我们将新的发现公之于众。",
])
def test_more_de_di_de_quiet(rules, text):
    new = {"typo.de-modal-adverbial", "typo.de-adverb-preposition", "typo.de-reduplicated",
           "typo.de-degree-adverb", "typo.de-complement-fine", "typo.de-verb-de", "typo.de-verb-noun"}
    assert [r for r, _, _ in _found(rules, text) if r in new] == []


@pytest.mark.parametrize("text,want", [
    # a homophone inside the idiom 艰苦奋斗 of a formula: the idiom rule's finding, not a second one
    ("牢记“三个务必”，务必谦虚谨慎、坚苦奋斗。", [("typo.idioms", "坚苦奋斗")]),
    # a character no idiom rule would take for a slip of the idiom: the formula's finding
    ("牢记“三个务必”，务必谦虚高慎、艰苦奋斗。", [("phrasing.formula-list", "务必谦虚高慎、艰苦奋斗")]),
    # outside any idiom of the formula
    ("推进人口规模巨大的现代华。", [("phrasing.formula-list", "人口规模巨大的现代华")]),
])
def test_one_finding_per_slip_in_a_formula(rules, text, want):
    got = [(r, t) for r, t, _ in _found(rules, text)]
    assert got == want
