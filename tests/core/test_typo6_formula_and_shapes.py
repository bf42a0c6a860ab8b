"""typo6: a political formula with a 的 put inside it (phrasing.formula, nearmiss
``insert_de``), the free ways of saying a formula that are no slip, a formula that lost
its head (phrasing.dropped-head-formula), and the general shapes of misused words found in
real drafts: 的 before a complement of degree, 得 after an idiom used as an adverb, a
document title ending in 的》, a congress ordinal in quotes, 在……来看, 形势……严重, 项日程,
谨让我, 在我宣布 at a sentence's start."""
import pytest

from ..conftest import body_findings


def _got(rules, text, rule):
    return [(f.text, f.suggestion) for f in body_findings(rules, text) if f.rule == rule]


@pytest.mark.parametrize("text,found,right", [
    ("我们始终以科学的发展观为指导，推动各项工作。", "科学的发展观", "科学发展观"),   # 的 inside (found from the tail)
    ("推进全面的从严治党向纵深发展。", "全面的从严治党", "全面从严治党"),
    ("深入学习习近平新时代中国特色社会主义的思想。", "习近平新时代中国特色社会主义的思想",
     "习近平新时代中国特色社会主义思想"),                                   # 的 near the end (found from the head)
])
def test_a_formula_with_a_de_put_inside_it(rules, text, found, right):
    assert _got(rules, text, "phrasing.formula") == [(found, right)]


@pytest.mark.parametrize("text", [
    "各项部署都体现了以人民为中心的思想。",
    "坚持科学发展观的指导，践行社会主义核心价值观的要求。",   # the 的 after the formula is the sentence's
    "走有中国特色的社会主义道路，落实中央八项规定的精神。",
    "发展全过程的人民民主，充分发挥党员的先锋模范作用。",
    "为实现中华民族的伟大复兴而奋斗，促进人与自然的和谐共生。",  # formula-list: no insertion at all
    "坚持中国共产党的人民立场，彰显中国共产党的人民性。",  # 的 before one character of 中国共产党人
    "坚定中国特色社会主义的道路、理论、制度，践行社会主义的核心价值观。",  # a name of its own before 的
    "深入学习新时代的中国特色社会主义思想。",
])
def test_free_ways_of_saying_a_formula_are_quiet(rules, text):
    got = [f for f in body_findings(rules, text) if f.category == "phrasing"]
    assert got == [], [(f.rule, f.text) for f in got]


def test_a_formula_that_lost_its_head_is_phrasing(rules):
    got = [(f.rule, f.category, f.text) for f in body_findings(rules, "把落实规定作为风廉政建设的重要内容。")
           if f.text == "风廉政"]
    assert got == [("phrasing.dropped-head-formula", "phrasing", "风廉政")]
    assert _got(rules, "同志们：作为党风廉政建设的重要内容。", "phrasing.dropped-head-formula") == []


@pytest.mark.parametrize("rule,text,found", [
    ("typo.de-complement-degree", "没想到这几年城市发展的如此之快，变化的如此之大。", ["的", "的"]),
    ("typo.de-di-idiom", "这些措施毫无疑问得增加了群众负担。", ["得"]),
    ("typo.title-trailing-de", "根据《关于开展安全生产月活动的通知的》要求。", ["通知的"]),
    ("phrasing.congress-quoted", "全校以党的“十七”大精神为指导。", ["“十七”大"]),
    ("typo.zai-laikan", "近几年在全乡来看，人居环境明显改善。", ["在全乡来看"]),
    ("typo.xingshi-yanjun", "当前安全工作形势依然严重，不容乐观。", ["严重"]),
    ("typo.agenda-item", "今天的大会共有六项日程。", ["日程"]),
    ("typo.jin-rang-mixed", "在此，谨让我代表全体员工向各位表示欢迎。", ["谨让我"]),
    ("typo.dropped-xian", "各位老师：\n在我宣布，全县庆祝教师节大会开始！\n", ["在我宣布"]),
    ("typo.latin-case", "凭vip入场券入场。", ["vip"]),
])
def test_shapes_of_misused_words(rules, rule, text, found):
    assert [t for t, _ in _got(rules, text, rule)] == found


@pytest.mark.parametrize("rule,text", [
    ("typo.de-complement-degree", "他们的目的如此之多，这样的差距真的如此之大。"),
    ("typo.de-di-idiom", "大家高兴得跳了起来，会场气氛热烈得很。"),
    ("typo.title-trailing-de", "大家学唱了《好样的》，朗读了《钢铁是怎样炼成的》。"),
    ("phrasing.congress-quoted", "学习党的二十大报告，编制“十四五”规划。"),
    ("typo.zai-laikan", "现在来看，领导在百忙之中来看望大家；从全乡来看，成绩不小。"),
    ("typo.xingshi-yanjun", "国际形势严重影响了外贸出口，问题依然严重。"),
    ("typo.agenda-item", "会议日程安排见手册，共有六项议程。"),
    ("typo.jin-rang-mixed", "我谨代表公司，请允许我代表大家致谢。"),
    ("typo.dropped-xian", "在我宣布比赛开始之前，请评委就座。现在我宣布，大会开始！"),
])
def test_correct_text_of_the_same_shapes_is_quiet(rules, rule, text):
    assert _got(rules, text, rule) == []


def test_a_character_lost_from_a_collocation_of_party_life(rules):
    text = "全体党员在党旗下宣入党誓词，由县青少活动中心承办。"
    assert sorted(_got(rules, text, "typo.near-collocation")) == [
        ("宣入党誓词", "宣读入党誓词"), ("青少活动中心", "青少年活动中心")]
    quiet = "全体党员在党旗下宣读入党誓词、重温入党誓词，由县青少年活动中心承办；年青少女。"
    assert _got(rules, quiet, "typo.near-collocation") == []
