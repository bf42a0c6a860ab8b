"""Site junk, round 5: shapes unseen sites share -- a page glossed with pinyin (價(jià)值)
whose counters and notices read as on any other page, a lone dash or page number between
paragraphs, a site's column menu one name to a line, other pieces' titles under a speech's
closing, and a recommendation list that stops at the draft's own heading."""

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import site_junk_of

BODY = ("要聚焦重点行业领域，深入开展隐患排查整治，确保不留死角，确保各项措施落到实处。\n"
        "各级各部门要严格落实安全生产责任制，层层压实责任，形成齐抓共管的工作格局。\n")


_junk = site_junk_of  # (rule, text) of the site-junk findings; ``rules``: tests/conftest.py


def test_a_glossed_page_counter_is_flagged_whole_at_its_own_offsets(rules):
    counter = "已閱讀5頁(yè),還剩10頁(yè)未讀, 繼續(xù)免費(fèi)閱讀"
    text = "崗位評估方法\n" + counter + "\n" + BODY
    found = _junk(rules, text)
    assert ("preview-notice", counter) in found
    # the glosses inside it are not reported again on their own
    assert not [t for r, t in found if r == "pinyin-gloss" and t in counter]


def test_a_glossed_sentence_of_the_body_keeps_only_its_gloss_findings(rules):
    text = "會議要求,各部門要切實加強領導,確保節(jié)日期間安全穩(wěn)定。\n" + BODY
    assert {r for r, _ in _junk(rules, text)} == {"pinyin-gloss"}


def test_a_lone_dash_or_number_between_paragraphs_is_junk_but_not_in_a_table(rules):
    text = BODY + "—\n" + BODY + "3\n二、强化保障\n" + BODY
    assert [t for r, t in _junk(rules, text) if r == "lone-mark"] == ["—", "3"]
    table = "指标\n2023年\n增长\n—\n地区生产总值\n12.5亿元\n—\n"
    assert not [t for r, t in _junk(rules, table) if r == "lone-mark"]


def test_a_column_menu_and_the_titles_under_a_closing_go_as_blocks(rules):
    text = ("同志们：\n" + BODY + "谢谢大家！\n在全县组织工作会议上的讲话\n乡镇年度工作总结\n"
            "网站首页\n工作总结\n心得体会\n述职报告\n")
    found = _junk(rules, text)
    assert ("tail-titles", "在全县组织工作会议上的讲话\n乡镇年度工作总结") in found
    assert ("nav-run", "网站首页\n工作总结\n心得体会\n述职报告") in found


def test_a_recommendation_list_stops_at_the_drafts_own_heading(rules):
    text = "读书月活动方案\n相关文章：\n在读书月启动仪式上的讲话\n读书月活动总结\n一、活动目的\n" + BODY
    found = [t for r, t in _junk(rules, text) if r == "recommend-list"]
    assert found == ["相关文章：\n在读书月启动仪式上的讲话\n读书月活动总结"]


def test_an_edit_gives_the_same_junk_as_a_full_review(rules):
    text = ("谢谢大家！\n在全县组织工作会议上的讲话\n乡镇年度工作总结\n" + BODY + "—\n" + BODY
            + "已閱讀5頁(yè),還剩10頁(yè)未讀\n" + BODY) * 3
    inc = IncrementalReviewer(rules)
    inc.review(Document.from_text(text))
    edited = text.replace("层层压实责任", "层层压实工作责任", 1)
    got = inc.review(Document.from_text(edited))
    want = review(Document.from_text(edited), rules)
    key = lambda rep: sorted((f.rule, f.start, f.end) for f in rep.findings if f.category == "site_junk")
    assert key(got) == key(want)
