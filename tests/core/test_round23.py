"""Round 23 of drafts from unseen sites (kept out of the repo): the cases are written here,
not copied from any draft.  A line's condition (kind line-pattern, linecheck.py): a draft
whose every quotation opens with a right quote."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules import RuleLoadError, load_rules
from tests.core.test_round22 import _hits

RULE = "punctuation.quote-right-pairs"


def _openings(rules, text):
    """The offsets of the right quotes reported as openings, by either quote rule."""
    return sorted(f.start for f in review(Document.from_text(text), rules).findings
                  if f.rule in (RULE, "punctuation.quote-direction"))


def _expected(text):
    """The first of each pair of right quotes in each line with no left quote and an even
    number of right ones -- worked out here by counting, not by the rule's regex."""
    out, at = [], 0
    for line in text.split("\n"):
        marks = [at + k for k, c in enumerate(line) if c == "”"]
        if "“" not in line and marks and len(marks) % 2 == 0:
            out.extend(marks[::2])
        at += len(line) + 1
    return out


def test_every_pair_of_right_quotes_opens_with_its_first(rules):
    text = ("坚决纠治发生在群众身边的”四风”问题，从”温水煮青蛙”的警示到”带电的高压线”的约束。\n"
            "推动纪律教育从”纸上”走向”心上”，做到”知敬畏、存戒惧、守底线”。\n"
            "”两学一做”常态化，”三会一课”抓落实。\n")
    assert _openings(rules, text) == _expected(text) and len(_expected(text)) == 8


def test_a_line_with_a_left_quote_or_an_odd_count_is_left_to_the_other_rules(rules):
    mixed = "他说：“要从‘纸上’走向‘心上’。”大家深受触动，”这是一次深刻的教育”，”真好”。\n"
    odd = "大家一致认为，”这次会议开得很好”。会议结束。”\n"
    got = [f for f in review(Document.from_text(mixed + odd), rules).findings if f.rule == RULE]
    assert got == []


def test_an_odd_count_below_the_first_line_is_left_alone_too(rules):
    # (a quotation over two paragraphs: the second line opens with its closing, then a pair;
    # line_unless is searched from the line's start, where a bare ^ would not match)
    text = ("他在讲话中强调：“要坚持以人民为中心的发展思想，\n"
            "一件事情接着一件事情办，一年接着一年干。”他还要求大家发扬”钉钉子”精神。\n"
            "第一行。\n”好”，”行”，”对”，我说”是。\n")
    got = [f for f in review(Document.from_text(text), rules).findings if f.rule == RULE]
    assert got == []


def test_a_long_line_is_searched_once_for_its_condition(rules):
    rule = rules.by_id[RULE]
    calls = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def search(self, *a):
            calls.append(1)
            return self.rx.search(*a)

    kept = rule.line_unless
    rule.line_unless = [Counting(rx) for rx in kept]
    try:
        text = "”学习”和”实践”，" * 1000  # (9,000 characters: under the cap of findings, kinds.max_checks)
        got = [f for f in review(Document.from_text(text), rules).findings if f.rule == RULE]
    finally:
        rule.line_unless = kept
    assert len(got) == 2000  # (the line opens with one: no quote-direction before it)
    assert len(calls) <= 2 * len(kept)  # one line: asked once (a quick pass and a full one at most)


def test_edits_equal_a_full_review(rules):
    """The rule's hits are kept per line between edits (incremental.py): a left quote typed
    into a line, or a right quote taken out of it, changes only that line's answer."""
    from tests.core.test_incremental import _check_edits

    lines = ["坚决纠治发生在群众身边的”四风”问题，从”温水煮青蛙”的警示到”带电的高压线”的约束。",
             "他说：“要从‘纸上’走向‘心上’。”", "大家一致认为，这次会议开得很好。”", "推动”双减”落地。"]
    text = "\n".join(lines * 3) + "\n"
    _check_edits(rules, text, "\n".join(lines) + "“”", edits=80, seed=23)


def test_a_line_pattern_needs_its_line_condition(tmp_path):
    rule = ("id: mine\nname: 测试\nkind: line-pattern\nseverity: info\nmessage: 测试\npattern: 测试词\n"
            "{extra}examples:\n  - bad: 这是[[测试词]]。\n  - good: 这是测试词，又是测试。\n")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "mine.yaml").write_text(rule.format(extra=""), encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "line_unless"
    (tmp_path / "x" / "mine.yaml").write_text(rule.format(extra="line_unless: '，'\n"), encoding="utf-8")
    loaded = load_rules([tmp_path], builtin=False)
    hits = [f.text for f in review(Document.from_text("这是测试词。\n这是测试词，又是测试。"), loaded).findings]
    assert hits == ["测试词"]


def test_a_short_line_below_the_first_sentences_is_a_heading_not_a_title(rules):
    # a template's outline: its guidance lines (总结工作成就) are no title of a summary
    outline = ("一、开场白\n表达敬意与不舍\n“今天我们怀着复杂的心情，欢送敬爱的老领导退休。在座的每一位同事都与他共事多年。”\n"
               "二、回顾与感谢\n总结工作成就\n“在老领导的带领下，我们单位取得了很大成绩。”\n")
    assert review(Document.from_text(outline), rules).genre != "summary"
    # the document a notice forwards, named in book-title marks above its own title line
    notice = ("某某县人民政府关于印发《某某县贯彻“十四五”市场监管现代化规划实施方案》的通知\n"
              "各乡（镇）人民政府，县级各有关单位：\n"
              "《某某县贯彻“十四五”市场监管现代化规划实施方案》已经县人民政府常务会议研究同意，现印发给你们，请认真贯彻执行。\n"
              "某某县人民政府\n某某县贯彻“十四五”市场监管现代化规划实施方案\n为贯彻落实省市部署，制定本方案。\n")
    assert review(Document.from_text(notice), rules).genre == "plan"


def test_a_headline_that_goes_on_past_its_genre_word_names_no_genre(rules):
    news = ("委员发言时念材料被相关负责人打断\n在专题座谈会上，众多委员都是脱稿参与讨论，而个别委员却因在发言时念材料，被屡次打断。"
            "座谈会刚开始，市政协主席就强调说，请大家在发言时抓住要点。\n")
    assert review(Document.from_text(news), rules).genre is None
    # (a draft's own title run into its first sentence: 时光 opens the text, no time of the speech)
    # (a representative's speech: no next steps asked of it, as of a work report)
    speech = "留队老兵代表发言稿 时光荏苒，斗转星移。每年的这个时候都特别难忘，总叫人思绪难平、心潮澎湃。\n"
    rep = review(Document.from_text(speech), rules)
    assert rep.genre == "report_speech"
    assert not [f for f in rep.findings if f.category == "missing_section" and f.section == "next_steps"]


def test_a_title_run_into_the_text_after_a_blank_keeps_its_genre(rules):
    # (时至今日, 时间过得真快 open the text: the blank ends the title, no time of the speech)
    for text in ("退休教师代表发言 时至今日，我在讲台上已经站了三十八个年头。今天学校为我们举行欢送会，我心里非常激动。\n",
                 "在全县安全生产工作会议上的讲话 时间过得真快，转眼间一年又过去了。今天我们召开会议，总结去年工作。\n"):
        assert review(Document.from_text(text), rules).genre is not None


def test_a_plans_span_of_years_and_a_goals_year_do_not_date_the_draft(rules):
    """A plan for 2015—2020 was written at the span's start, and 以2020年全面建成…为时间节点 names
    a goal: neither makes 系列重要讲话精神 (the wording of 2013—2017) out of date."""
    text = ("某省民族团结进步创建活动规划纲要\n（2015—2020年）\n"
            "为深入贯彻落实习近平总书记系列重要讲话精神，制定本纲要。创建活动以2020年全面建成小康社会为时间节点。\n")
    assert _hits(rules, text, "stale.old-guideline") == []
    dated = "2022年镇人大主席团工作报告\n一年来，我们深入学习贯彻习近平总书记系列重要讲话精神。\n"
    assert _hits(rules, dated, "stale.old-guideline") == ["习近平总书记系列重要讲话精神"]
