"""A rule's ``yields_to`` (a rule leaves the characters another rule explains: the engine
drops its overlapping findings, strictly loaded), and the summary openings and site lead-ins
that place an untitled draft, from the blind sets h202-h213.  The texts are written for
the tests."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review, review_region
from reviewer.core.rules import RuleLoadError, load_rules

_RULE = """id: {id}
name: 测试规则
kind: pattern
severity: warning
message: 测试“{{match}}”
pattern: '{pattern}'
{extra}examples:
  - bad: {bad}
  - good: 这是测试。
"""


def _write(folder, rid, pattern, bad, extra="", category="mine"):
    path = folder / category / f"{rid}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_RULE.format(id=rid, pattern=pattern, bad=bad, extra=extra), encoding="utf-8")


def test_a_rule_leaves_what_the_rule_it_yields_to_found(tmp_path):
    _write(tmp_path, "wide", "[_]", "这是[[_]]。", "yields_to: [mine.narrow]\n")
    _write(tmp_path, "narrow", "_(?=组织)", "推动[[_]]组织。")
    rules = load_rules([tmp_path], builtin=False)
    text = "推动_组织和工作，由_小学承办。"
    doc = Document.from_text(text)
    got = sorted((f.rule, text[f.start:f.end], f.start) for f in review_region(
        "body", doc.text, doc.paragraphs, list(rules), ReviewOptions())[0])
    assert got == [("mine.narrow", "_", 2), ("mine.wide", "_", 10)]
    # without the rule it yields to, it reports both
    alone = [r for r in rules if r.id == "wide"]
    got = review_region("body", doc.text, doc.paragraphs, alone, ReviewOptions())[0]
    assert sorted(f.start for f in got) == [2, 10]


def test_yields_to_names_a_rule_that_exists(tmp_path):
    _write(tmp_path, "wide", "[_]", "这是[[_]]。", "yields_to: [mine.nowhere]\n")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert "mine.nowhere" in str(err.value)


def test_yields_to_is_a_list_of_ids(tmp_path):
    _write(tmp_path, "wide", "[_]", "这是[[_]]。", "yields_to: narrow\n")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert "yields_to" in str(err.value)


def test_the_shipped_underline_leaves_the_filtered_word(rules):
    text = "推动_组织和工作有效覆盖，根据《_央国务院关于教师队伍建设的意见》，由_小学承办。"
    rep = review(Document.from_text(text), rules)
    got = sorted((f.start, f.rule) for f in rep.findings if f.category in ("placeholder", "blank_figure"))
    assert got == [(text.index("_组织"), "blank_figure.filtered-underline"),
                   (text.index("_央"), "blank_figure.filtered-underline"),
                   (text.index("_小学"), "placeholder.underline")]


_BODY = ("\n一、主要工作\n全年完成营造林三万亩，森林防火形势平稳。\n二、主要做法\n"
         "一是压实责任，二是强化巡护，三是加强宣传。")


@pytest.mark.parametrize("opening", [
    "一年来，我镇政风行风建设工作在区委、区政府的正确领导下，取得了新的成效。",
    "2006年**区计划生育协会在区委、区政府的正确领导下，开展了一系列活动。",
    # (a long first line: a short one is read as the title, and the cues are read under it)
    "镇工会在镇党委领导下，在上级工会指导下，按照年初确定的目标任务，围绕党的工作大局，突出工会维权职能，"
    "健全创新工作机制，深化工会规范化建设，促进我镇工会工作进一步发展，今年着重做了以下几方面工作：",
])
def test_an_untitled_summary_is_placed_by_its_opening(rules, opening):
    rep = review(Document.from_text(opening + _BODY), rules)
    assert rep.genre == "summary", rep.genre_reason


def test_a_lead_in_that_picked_pieces_names_the_genre(rules):
    text = ("时间:2022-09-29 22:26:31\n引言:寻求写作上的突破?我们特意为您精选了12篇法院副院长述职报告范文,"
            "希望这些范文能够成为您写作时的参考。\n一、工作实绩。\n在履行分管业务庭审判管理职责外，开展了以下工作。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "debrief", rep.genre_reason


def _titles(rules, text):
    rep = review(Document.from_text(text), rules)
    return [text[f.start:f.end] for f in rep.findings if f.rule == "duplicate.title"]


def test_a_unit_name_above_the_real_title_is_no_title_given_twice(rules):
    text = ("清远市政务服务数据管理局\n\n清远市政务服务数据管理局2021年工作总结和2022年工作计划\n\n"
            "2021年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，助力营商环境优化。")
    assert _titles(rules, text) == []


def test_a_notice_issuing_a_plan_is_followed_by_the_plans_title(rules):
    text = ("关于建立健全全市企业服务体系工作方案\n各县级市(区)人民政府，市各委办局：\n"
            "《关于建立健全全市企业服务体系工作方案》已经市政府常务会议审议通过，现印发给你们，请认真贯彻落实。\n"
            "市人民政府办公室\n2023年12月27日\n关于建立健全全市企业服务体系工作方案\n为进一步建立健全企业服务体系，制定本方案。")
    assert _titles(rules, text) == []


def test_the_title_again_under_the_sites_lines_is_still_reported(rules):
    text = "重阳节活动致辞\n\n发布时间：2023-10-20 浏览：356\n\n重阳节活动致辞\n\n尊敬的各位老人："
    assert _titles(rules, text) == ["重阳节活动致辞"]


def test_a_chain_of_rules_yielding_is_decided_whatever_their_order(tmp_path):
    for first in ("aaa", "zzz"):  # the yielding rule sorts before or after the others
        folder = tmp_path / first
        _write(folder, first, "甲乙", "这是[[甲乙]]。", "yields_to: [mine.bbb]\n")
        _write(folder, "bbb", "乙丙", "这是[[乙丙]]。", "yields_to: [mine.ccc]\n")
        _write(folder, "ccc", "丙丁", "这是[[丙丁]]。")
        rules = load_rules([folder], builtin=False)
        doc = Document.from_text("甲乙丙丁")
        got = review_region("body", doc.text, doc.paragraphs, list(rules), ReviewOptions())[0]
        # each drop is decided on the findings as made: 甲乙 yields to 乙丙, 乙丙 to 丙丁
        assert sorted(f.rule for f in got) == ["mine.ccc"], first


def test_a_structure_check_cannot_be_yielded_to(tmp_path):
    _write(tmp_path, "wide", "营商环境", "这是[[营商环境]]。", "yields_to: [structure.truncated]\n")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path])
    assert "structure.truncated" in str(err.value)


def test_an_edit_that_changes_what_a_tail_finding_yielded_to_is_no_moved_tail(tmp_path):
    from reviewer.core.incremental import IncrementalReviewer

    # (two categories: within one, _tidy's own runs would keep the tail from being shown)
    _write(tmp_path / "a", "narrowa", "甲[^\\n]{0,400}\\n乙", '"[[甲\\n乙]]"', category="alpha")
    _write(tmp_path / "a", "narrowb", "丙[^\\n]{0,400}\\n乙丁", '"[[丙\\n乙丁]]"', category="alpha")
    _write(tmp_path / "b", "widea", "乙", "这是[[乙]]。", "yields_to: [alpha.narrowa]\n", category="beta")
    _write(tmp_path / "b", "wideb", "丁", "这是[[丁]]。", "yields_to: [alpha.narrowb]\n", category="beta")
    rules = load_rules([tmp_path / "a", tmp_path / "b"])  # (the shipped rules too: a tail is shown only among many findings)
    filler = "\n".join(f"第{i}项工作,进展顺利,群众满意,各方认可。" for i in range(100))
    line = "甲" + "这是一行普通的文字内容没有任何问题需要指出来请大家放心阅读后面还有更多的文字" * 6
    text0 = filler + "\n" + line + "\n乙丁，后面的工作。\n" + filler
    text1 = text0.replace("\n甲这是", "\n丙这是")
    inc = IncrementalReviewer(rules)
    inc.review(Document.from_text(text0))
    now = inc.review(Document.from_text(text1))
    full = review(Document.from_text(text1), rules)
    key = lambda rep: [(f.rule, f.start, f.end) for f in rep.findings]
    assert key(now) == key(full)
    tail = now.moved_tail
    if tail is not None:  # a tail, if shown, holds what the full review holds there
        old, k_old, new, k_new, d = tail
        assert [(f.rule, f.start + d) for f in old[k_old:]] == [(f.rule, f.start) for f in new[k_new:]]
