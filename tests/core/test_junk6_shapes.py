"""Site junk, round 6: shapes unseen sites share -- a collection's piece header under the
title the page showed above it (no count in that title), a line of nothing but a page's
facts and buttons (keys left empty, a bare view count), a government site's disclosure
table, a price with its buy/trial buttons, a writing-to-order advert, a watermark's name
repeated where its address was lost -- and the draft's own lines of the same look left alone."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import JUNK_TEST_BODY as BODY, site_junk_of, site_junk_texts as _texts


_junk = site_junk_of  # (rule, text) of the site-junk findings; ``rules``: tests/conftest.py


def test_piece_headers_under_the_page_title_are_flagged_whole(rules):
    text = ("乡镇防汛工作方案\n\n时间：2024-06-01 10:12:30 方案 我要投稿\n\n乡镇防汛工作方案\n\n"
            "乡镇防汛工作方案1\n\n一、指导思想\n" + BODY + "乡镇防汛工作方案2\n\n一、工作目标\n" + BODY)
    found = _texts(rules, text)
    assert "乡镇防汛工作方案1" in found and "乡镇防汛工作方案2" in found
    # the page's title itself is the draft's title; its copy between the page's info bar and
    # the first piece's header is the page's (blind annotators mark it so)
    assert found.count("乡镇防汛工作方案") == 1
    doc = Document.from_text(text)
    starts = [f.start for f in review(doc, rules).findings
              if f.category == "site_junk" and doc.text[f.start:f.end] == "乡镇防汛工作方案"]
    assert starts == [text.index("乡镇防汛工作方案", 1)]


def test_a_piece_header_named_by_the_editors_lead_in(rules):
    text = ("请欣赏村书记述职报告(精选6篇)，由某某网整理，希望能够帮助到大家。\n"
            "村书记述职报告 篇1\n" + BODY)
    found = _texts(rules, text)
    assert "村书记述职报告 篇1" in found
    assert any("由某某网整理" in t for t in found)


def test_the_drafts_own_numbered_headings_are_not_piece_headers(rules):
    text = "全县安全生产工作方案\n一、总体要求\n" + BODY + "二、重点任务\n（一）安全生产工作方案1项\n" + BODY
    assert _junk(rules, text) == []


@pytest.mark.parametrize("line", [
    "发布日期：2019-05-06   来源：   点击量：",
    "复制全文 下载文档 更新 2021-03-08  |   人气 265",
    "网友发表时间 3310925",
    "投稿人：佚名 发布时间：2021/6/3 申请VIP 全文3120字",
    "guest 分享 时间： 加入收藏 共计3650个字，预计阅读时长12分钟。",
    "2022-04-18 09:12:45 367",
])
def test_a_line_of_page_facts_and_buttons_is_flagged(rules, line):
    assert line in _texts(rules, "镇政府工作报告\n\n" + line + "\n\n" + BODY)


@pytest.mark.parametrize("line", [
    "时间：2024年5月6日 地点：镇政府三楼会议室",
    "共计12人参加，分3组开展。",
    "阅读 写作 分享",
    "会议联系人：张三，联系电话：13912345678。",
    "创新·协调·绿色·开放·共享",
    "项目 | 责任单位 | 完成时限",
])
def test_the_drafts_own_lines_of_that_look_are_left_alone(rules, line):
    assert _junk(rules, "镇政府工作报告\n\n" + BODY + line + "\n" + BODY) == []


def test_a_disclosure_table_a_price_and_an_advert(rules):
    table = ["文件名称 | 某某区2024年政府工作报告 | ||", "索引号 | /2024-0001 | 公开目录: | 工作报告 |",
             "有效性 | 有效 | 公开日期: | 2024-04-15 14:43 |"]
    text = "\n".join(table) + "\n￥5.00 免费试读\n专业代写各类讲话稿，联系电话：13912345678\n各位代表：\n" + BODY
    found = _texts(rules, text)
    for line in table + ["￥5.00 免费试读", "专业代写各类讲话稿，联系电话：13912345678"]:
        assert line in found, line


def test_a_watermark_name_without_its_address(rules):
    text = ("某某汇 www.mouhui.com\n" + BODY.splitlines()[0] + " 某某汇 www.mouhui.com\n"
            + BODY.splitlines()[1] + " 某某汇，范文学习文库\n我们走访了某某汇商场。\n")
    found = _texts(rules, text)
    assert "某某汇，范文学习文库" in found
    assert not any("商场" in t for t in found)


def test_an_edit_keeps_the_new_findings_as_a_fresh_review_does(rules):
    text = ("乡镇防汛工作方案\n\n乡镇防汛工作方案1\n\n一、指导思想\n" + BODY
            + "发布日期：2019-05-06   来源：   点击量：\n" + BODY)
    inc = IncrementalReviewer(rules)
    inc.review(Document.from_text(text))
    edited = text.replace("一、指导思想", "一、总体思路")
    got = sorted((f.rule, f.start, f.end) for f in inc.review(Document.from_text(edited)).findings)
    want = sorted((f.rule, f.start, f.end) for f in review(Document.from_text(edited), rules).findings)
    assert got == want
