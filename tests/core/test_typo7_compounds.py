"""typo7: a character of a compound of official writing (two words written as one: 党风廉政,
廉洁自律, 无上光荣) replaced by a homophone or a look-alike -- jieba's dictionary lacks these
compounds, so confusable-char has no word to compare; typo.near-compound checks the list
resources/lexicon/compounds.txt (near-miss, ``skip_words: halves``).  And 巳 outside the
stems-and-branches words is a slip of 已/己 (typo.si-yi)."""
import pytest

from ..conftest import body_findings


def _got(rules, text, rule):
    return [(f.text, f.suggestion) for f in body_findings(rules, text) if f.rule == rule]


@pytest.mark.parametrize("text,found,right", [
    ("今年要把党凤廉政教育抓在日常。", "党凤廉政", "党风廉政"),     # homophone, first half
    ("领导干部要带头廉沽自律。", "廉沽自律", "廉洁自律"),               # look-alike 沽/洁
    ("能为群众办实事是无尚光荣的事。", "无尚光荣", "无上光荣"),
    ("持续改善生态坏境，提升群众满意度。", "生态坏境", "生态环境"),     # look-alike, second half
    ("扎实开展安全隐患排査整治。", "隐患排査", "隐患排查"),              # a variant form (Japanese 査)
])
def test_a_compound_one_character_off(rules, text, found, right):
    got = _got(rules, text, "typo.near-compound")
    assert got == [(found, right)]


@pytest.mark.parametrize("text", [
    "坚持党风廉政建设和反腐败工作两手抓，始终保持廉洁自律的本色。",
    "加强社会主义法治国家的法制建设。",          # 法制 is a word: another compound, not 法治建设
    "在工作中点滴积累经验，建设社会主义法治国家。",  # 义|法治国 crosses two words; 中点 a word
    "全面推进依法治国，推进基层治理体系现代化。",
])
def test_compounds_written_right_or_other_words_are_quiet(rules, text):
    assert _got(rules, text, "typo.near-compound") == []


@pytest.mark.parametrize("text,n", [
    ("现在会议时间巳到，请大家入座。", 1),
    ("报名人数巳满，各项工作巳全部完成。", 2),
    ("乙巳年正月，辛巳日巳时，上巳节，辰巳之交。", 0),
])
def test_si_outside_stems_and_branches(rules, text, n):
    assert len(_got(rules, text, "typo.si-yi")) == n
