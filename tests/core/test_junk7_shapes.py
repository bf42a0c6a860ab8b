"""Site junk, round 7: shapes that pages of more unseen sites share -- a breadcrumb kept under a
list's number, a column's name with the site's 导航 button, a document site's rights notice, a
time line holding the font-size and close buttons, a time key holding the source and the column,
a site's address with a date and the source, a piece's number in brackets or between runs of
stars, a report form's reasons, a table border left after a sentence, a piece header whose stem
ends in 流程/简报/范文 -- and the draft's own lines of the same look left alone."""
import time

from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import JUNK_TEST_BODY as BODY, site_junk_texts as _texts


def test_breadcrumb_under_a_list_number_and_a_menu_button(rules):
    found = _texts(rules, "2. 首页 > 工作总结\n\n单位年度工作总结\n\n" + BODY)
    assert "2. 首页 > 工作总结" in found
    found = _texts(rules, "党建 导航\n\n机关党支部工作制度\n\n" + BODY)
    assert "党建 导航" in found
    assert _texts(rules, "二、卫星导航\n" + BODY + "1. 首页设计要简洁，栏目设置要清晰。\n") == []


def test_rights_notice_of_a_document_site(rules):
    text = "3、若资料侵犯了您的著作权，请联系客服，我们将及时删除。\n工作方案\n\n" + BODY
    assert "3、若资料侵犯了您的著作权，请联系客服，我们将及时删除。" in _texts(rules, text)
    assert _texts(rules, "对侵犯群众合法权益的行为，要依法严肃查处，及时删除违法有害信息。\n" + BODY) == []


def test_time_lines_with_buttons_or_a_column(rules):
    text = "发布日期：2022-03-01 字号：【大 中 小】【打印】【关闭】\n\n" + BODY
    assert "发布日期：2022-03-01 字号：【大 中 小】【打印】【关闭】" in _texts(rules, text)
    text = "年终总结\n\n时间: 某某 工作总结\n\n" + BODY
    assert "时间: 某某 工作总结" in _texts(rules, text)
    assert _texts(rules, "时间：每周一 上午\n地点：社区活动室\n" + BODY) == []


def test_address_date_and_source_before_a_report(rules):
    text = "https://news.example.cn 2020年05月06日08:15 某某日报\n" + BODY
    found = _texts(rules, text)
    assert any(t.startswith("https://news.example.cn 2020年05月06日08:15") for t in found)


def test_piece_numbers_in_brackets_or_stars(rules):
    text = "竞选演讲稿\n\n【篇二：竞选学习委员演讲稿】\n\n" + BODY + "\n===三===\n\n" + BODY
    found = _texts(rules, text)
    assert "【篇二：竞选学习委员演讲稿】" in found and "===三===" in found
    assert _texts(rules, "——二〇二四年工作回顾——\n" + BODY) == []


def test_report_reasons_and_a_table_border(rules):
    text = BODY + "举报原因：\n垃圾广告 违法违规 色情低俗 恶意攻击 其他\n"
    assert "垃圾广告 违法违规 色情低俗 恶意攻击 其他" in _texts(rules, text)
    text = "各单位要认真抓好落实。 |\n" + BODY
    assert "|" in _texts(rules, text)
    assert _texts(rules, "坚决打击黄赌毒、电信诈骗等违法犯罪活动，净化社会环境。\n" + BODY) == []


def test_piece_header_of_a_flow_or_briefing(rules):
    text = "会议筹备流程\n\n会议筹备流程\n\n会议筹备流程 篇1\n\n一、确定议题\n" + BODY
    assert "会议筹备流程 篇1" in _texts(rules, text)


def test_new_lines_are_quick_on_long_lines_of_digits_and_stars(rules):
    for line in ("1 " * 50000, "*" * 100000, "侵权 " * 30000, "| " * 50000, "时间: " + "某某 " * 30000):
        t0 = time.perf_counter()
        review(Document.from_text(line + "\n" + BODY), rules)
        assert time.perf_counter() - t0 < 20, line[:10]


def test_emoji_a_hacked_page_scattered_through_the_text(rules):
    text = "要求入党的同志要主动接受监督🙋🏻‍♂️，积极汇报自己的思想🌭、学习和工作情况。\n" + BODY
    found = _texts(rules, text)
    assert "🙋🏻‍♂️" in found and "🌭" in found
    # bullets and check marks a draft may use
    assert _texts(rules, "★ 重点任务\n✔ 已完成\n☆☆☆ 星级文明户\n" + BODY) == []


def test_summary_slogan_link_text_and_column(rules):
    text = "某某材料网—写材料的好助手\n\n工作总结\n\n导读 1.加强组织领导。2.强化责任落实。这是从正文里截下的一段摘要。\n\n" + BODY
    found = _texts(rules, text)
    assert "某某材料网—写材料的好助手" in found
    assert any(t.startswith("导读 1.加强组织领导") for t in found)
    assert "更多内容请点击：" in _texts(rules, BODY + "更多内容请点击：\n")
    assert "《在全县大会上的讲话》所属栏目：领导讲话" in _texts(rules, "《在全县大会上的讲话》所属栏目：领导讲话\n同志们：\n" + BODY)
    assert _texts(rules, "各单位要加强导读服务，做好图书借阅工作。\n" + BODY) == []


def test_piece_header_with_the_sites_word_between_stem_and_number(rules):
    text = "年度述职报告范文(通用3篇)\n\n年度述职报告范文 第1篇\n\n各位领导：\n" + BODY
    assert "年度述职报告范文 第1篇" in _texts(rules, text)
