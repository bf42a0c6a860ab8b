"""Rounds 21-22 of drafts from unseen sites, and a review of round 20's change: kinds that
need a whole review to show -- a plan's fields said again under each activity, an untitled
draft's genre from its first words, each sentence's own year for an anniversary."""
from reviewer.core.document import Document
from reviewer.core.engine import review


def _review(rules, text):
    return review(Document.from_text(text), rules)


def _hits(rules, text, rule_id):
    """The texts of ``rule_id``'s findings on ``text`` (a whole review)."""
    return [text[f.start:f.end] for f in _review(rules, text).findings if f.rule == rule_id]


def test_a_plans_field_said_again_under_each_activity_is_no_repeated_paragraph(rules):
    text = ("文化旅游节活动方案\n一、开幕式\n活动时间:3月20日上午(启动仪式结束后)\n活动地点:文化广场。\n"
            "二、美食节\n活动时间:3月20日上午(启动仪式结束后)\n活动地点:美食街。\n")
    rep = _review(rules, text)
    assert not [f for f in rep.findings if f.category == "duplicate"]
    # a sentence of the text pasted twice still is one
    twice = text + "为进一步丰富群众文化生活，展示本地特色文化，特举办本次文化旅游节。\n" * 2
    rep = _review(rules, twice)
    assert [f.rule for f in rep.findings if f.category == "duplicate"]


def test_an_untitled_summary_is_told_by_its_first_words_not_a_plan_by_its_own(rules):
    looked_back = ("本学期，语文教研组的工作在区教研员的指导下顺利开展。\n一、实绩介绍\n"
                   "本学期我们组的五位老师在组内和校内开设公开课，效果良好。其")
    assert _review(rules, looked_back).genre == "summary"
    ahead = ("本学期，学校德育工作将以立德树人为根本任务，扎实开展各项工作。\n一、指导思想\n"
             "坚持立德树人，落实五育并举。\n二、工作安排\n开展主题教育活动。\n")
    assert _review(rules, ahead).genre != "summary"


def test_each_sentence_is_read_with_its_own_year(rules):
    right = "2019年是新中国成立70周年，2021年是中国共产党成立100周年，2024年是新中国成立75周年。"
    assert _hits(rules, right, "stale.anniversary") == []
    wrong = "2019年是新中国成立70周年，2021年是中国共产党成立99周年。"
    assert _hits(rules, wrong, "stale.anniversary") == ["99周年"]


def test_an_untitled_drafts_first_sentence_gives_no_year_past_its_first_mark(rules):
    # (the year named after the first mark is a target, not the title's: no 今年 to correct)
    untitled = "今年是中国共产党成立100周年，也是“十四五”开局之年。展望2025年，全县地区生产总值突破500亿元。"
    assert _hits(rules, untitled, "stale.anniversary-this-year") == []
    titled = "2024年宣传思想工作要点。今年我们将迎来中国共产党成立100周年。"
    assert _hits(rules, titled, "stale.anniversary-this-year") == ["100周年"]


def test_this_years_anniversaries_after_edits_equal_a_full_review(rules):
    """stale.anniversary-this-year keeps its lines' hits between edits (kinds.spliced, the
    draft's year the switch): after each edit -- the title's year changed too -- the window's
    incremental review finds what a full review finds."""
    from tests.core.test_incremental import _check_edits

    line = "今年我们将迎来中国共产党建党90周年，也是新中国成立70周年。"
    text = "2024年工作要点\n" + "\n".join([line, "要认真总结经验。", line] * 4) + "\n"
    corpus = "\n".join([line, "2019年工作要点", "2021年", "今年是改革开放40周年。", "同志们："])
    for seed in range(3):
        _check_edits(rules, text, corpus, edits=30, seed=300 + seed)
