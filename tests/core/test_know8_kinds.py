"""Another place's names and dated references on unseen sites (know8): the kinds read on
the audit sets, in sentences of our own."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.rules.stale import draft_year


def places(rules, text, **options):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule.split(".")[1]) for f in report.findings if f.category == "foreign_locality"]


def stale(rules, text, **options):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule.split(".")[1]) for f in report.findings if f.category == "stale"]


def year_of(text):
    doc = Document.from_text(text)
    ctx = Context("body", doc.text, doc.paragraphs)
    ctx.options = ReviewOptions()
    return draft_year(ctx)


# ----- foreign_locality ----------------------------------------------------------------
def test_partner_towns_visited_are_outside_places(rules):
    # a county and its township in a list (开州区义和镇和万源市花萼乡), visited once: every
    # mention of them is of the same outside places
    text = ("XX乡对标工作总结\n确定开州区义和镇和万源市花萼乡为我乡对标乡镇。\n"
            "我乡组织干部到开州区义和镇和万源市花萼乡进行了考察。\n"
            "一是开州区义和镇的考察中，我乡学习网格化管理。二是万源市花萼乡的考察中，我乡学习产业发展。")
    assert places(rules, text) == []


def test_a_place_visited_once_is_outside_but_the_source_place_is_not(rules):
    text = ("XX村工作总结\n我们组织干部到肥城学习考察，肥城市的做法值得借鉴。与肥城开展合作。\n"
            "全力打造“平安临朐”品牌。")
    assert places(rules, text) == [("临朐", "place-name")]


def test_the_speakers_own_arrival_is_no_visit(rules):
    # 我到某地工作, 来到某地, 回到某地: the speaker's own place, not one visited
    for verb in ("我到", "组织安排我来到", "我又回到"):
        text = f"XX市安全生产会议讲话\n{verb}七台河工作后，深感责任重大。七台河的安全生产形势严峻。"
        assert ("七台河", "place-name") in places(rules, text), verb


def test_an_agenda_item_is_no_name(rules):
    text = "XX区经济运行分析会主持词\n今天会议共有三项内容：一是部门发言，二是分管副区长发言，三是区长讲话。"
    assert places(rules, text) == []


def test_a_blank_line_anonymises(rules):
    text = "教师节庆祝大会主持词\n在20_年农安县庆祝教师节大会上，请_小学和_小学学生代表发言。"
    assert places(rules, text) == [("农安县", "place-name")]


def test_a_township_named_with_its_unit(rules):
    # only where the draft anonymises; a name many counties share (城关镇) is anyone's
    text = "XX县党建工作调研报告\n双泉乡党委下辖24个党支部，城关镇、红牌楼街道积极推进。"
    assert places(rules, text) == [("双泉乡", "place-name"), ("红牌楼街道", "place-name")]
    assert places(rules, "县党建工作调研报告\n双泉乡党委下辖24个党支部。") == []
    # 新华乡村振兴: 乡村 is the word, not 新华乡
    assert places(rules, "XX县工作总结\n推进新华乡村振兴示范带建设。") == []


def test_an_edit_that_makes_a_place_visited_elsewhere(rules):
    # the places visited are a value of the whole draft: an edit in one line changes what
    # another line reports, and the incremental review follows a full one
    inc = IncrementalReviewer(rules)
    base = "XX镇工作总结\n全力打造“平安临朐”品牌。\n今年工作稳步推进。"
    for text in (base, base.replace("今年工作", "组织干部到临朐县考察，今年工作"), base):
        doc = Document.from_text(text)
        want = review(doc, rules)
        got = inc.review(doc)
        assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in want.findings]


# ----- stale: the draft's year -----------------------------------------------------------
@pytest.mark.parametrize("text,year", [
    # the title under a web page's breadcrumbs
    ("当前位置:作文吧实用文档策划方案内容页\n\n2024年安全生产月活动工作方案\n\n一、指导思想", 2024),
    ("首页 > 范文大全 > 演讲稿 >\n\n中学校长在秋季开学典礼上的讲话2022\n\n新学期开始了。", 2022),
    ("学道文库 > 主持稿 >\n\n教师节庆祝大会主持词\n\n下面是整理的主持词，仅供参考。\n\n2016年教师节庆祝大会主持词(一)\n\n各位领导：", 2016),
    # a page's date: the key alone, a line of its own, before the page's other keys
    ("安全生产月活动方案范文\n\n复制全文 下载文档 更新 2022-07-30  |   人气 410\n\n一、指导思想", 2022),
    ("欢迎来到方案网!\n\n范文资料:全县政策宣传解读工作实施方案\n\n2022-01-02\n实施方案", 2022),
    ("您的当前位置:首页正文\n\n全民国家安全教育日活动方案\n\n2020-01-22 来源:旅游网\n\n一、活动时间", 2020),
    # a sentence with a year is no title; a date in a sentence is no page's
    ("首页\n\n下面是小编整理的2016年教师节主持词，仅供参考。\n\n各位领导：", None),
    ("工作总结\n\n会议定于2024-05-04召开。", None),
    # a section's heading is no title
    ("镇政府工作报告\n各位代表：\n一、2025年工作计划", None),
])
def test_draft_year_under_page_lines(text, year):
    assert year_of(text) == year


@pytest.mark.parametrize("text,expected", [
    ("当前位置:首页\n\n2024年安全生产月活动工作方案\n\n一、指导思想\n以科学的发展观为指导，根据安监局要求开展活动。",
     [("以科学的发展观为指导", "old-guideline"), ("安监局", "renamed-institution")]),
    # the formula of 2008—2012 is reported once, where 科学发展观 stands
    ("2022年工作总结\n坚持以邓小平理论和“三个代表”重要思想为指导，以科学发展观统领经济社会发展全局。",
     [("以科学发展观统领", "old-guideline")]),
    ("2023年工作计划\n镇党委以三个代表重要思想为指导，扎实推进各项工作。",
     [("以三个代表重要思想为指导", "old-guideline")]),
    ("2016年教师节庆祝大会主持词\n我们要认真落实党的“十六大”精神。", [("党的“十六大”精神", "congress")]),
    ("2023年工作总结\n按照国家建设部要求，县农委组织人员开展整治。",
     [("国家建设部", "renamed-institution"), ("农委", "renamed-institution")]),
    ("2010年工作总结\n按照建设部要求，县农委组织人员开展整治。", []),
])
def test_stale_kinds(rules, text, expected):
    assert stale(rules, text) == expected
