"""Dated references (category stale): the draft's year and the timeline rules."""
import json
import subprocess
import sys

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.rules.stale import draft_year, plan_of_year, plan_period
from tests.conftest import ROOT, shared


def year_of(text, **options):
    doc = Document.from_text(text)
    ctx = Context("body", doc.text, doc.paragraphs)
    ctx.options = ReviewOptions(**options)
    return draft_year(ctx)


@pytest.mark.parametrize("text,options,year", [
    ("2023年镇政府工作报告\n各位代表：", {}, 2023),
    ("二〇二四年新春贺词\n同志们：", {}, 2024),
    ("镇政府工作报告\n2019年，我镇……2023年是全面落实的一年。", {}, 2023),
    ("镇政府工作报告\n二〇二二年一月，我们召开了全会。", {}, 2022),
    # targets and plans are not the draft's date
    ("镇政府工作报告\n到2035年基本实现现代化，2025年前完成改造。", {}, None),
    ("镇政府工作报告\n同志们：今年以来，全镇上下团结一心。", {}, None),
    # a year long after this one is a target even when written like a present one
    ("镇政府工作报告\n2024年，全镇平稳运行。2035年，全镇基本实现现代化。", {}, 2024),
    # a forecast, a plan, the day a rule takes effect (in the title too)
    ("俄方拟于2030年试飞新型飞机\n同志们：", {}, None),
    ("工作总结\n2019年全镇平稳运行。预计2020年全镇人口达到五万，自2020年1月1日起施行新办法，"
     "2020年和2021年，组织对全镇道路进行改造。", {}, 2019),
    # the dateline under a title (——2026年1月20日在…会议上) is a year spoken of as present;
    # the end of a span of years (2021—2025年) is not
    ("政府工作报告\n——2026年1月20日在县第十八届人民代表大会第五次会议上\n2025年，全县平稳运行。", {}, 2026),
    ("镇政府工作报告\n2021—2025年，全镇经济总量翻番。2023年，我们召开了全会。", {}, 2023),
    # the web page's own date (a lower bound: the draft is used then or later), when later
    # than the body's years; not an event's date (活动时间：) nor a date in the future
    ("镇政府工作报告\n发布时间：2024-11-09 作者：某某\n2015年以来，我镇……", {}, 2024),
    ("述职报告\n时间:2023-09-12 12:28:47 讲话稿 来源:网友投稿\n同志们：", {}, 2023),
    ("述职报告\n更新于2022/5/2\n2023年，我们召开了全会。", {}, 2023),
    ("活动方案\n活动时间：2024-05-04\n同志们：", {}, None),
    ("镇政府工作报告\n发布时间：2099-01-01\n同志们：", {}, None),
    # the user's date wins
    ("2023年镇政府工作报告", {"draft_date": "2019-12-30"}, 2019),
    ("镇政府工作报告", {"draft_date": "2021"}, 2021),
])
def test_draft_year(text, options, year):
    assert year_of(text, **options) == year


def test_five_year_plans():
    assert plan_period(11) == (2006, 2010)
    assert plan_period(12) == (2011, 2015)
    assert plan_period(14) == (2021, 2025)
    assert plan_period(15) == (2026, 2030)
    assert [plan_of_year(y) for y in (2010, 2011, 2015, 2016, 2025, 2026)] == [11, 12, 12, 13, 14, 15]


def found(rules, text, **options):
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule.split(".")[1]) for f in report.findings if f.category == "stale"]


@pytest.mark.parametrize("text,expected", [
    ("2019年镇政府工作报告\n今年是“十二五”的收官之年。", [("“十二五”的收官之年", "five-year-plan")]),
    ("2015年镇政府工作报告\n今年是“十二五”的收官之年。", []),
    ("2026年工作报告\n2025年是“十四五”收官之年，今年是“十五五”开局之年。", []),
    ("2023年工作总结\n县安监局、国土资源局、工商局联合检查。",
     [("安监局", "renamed-institution"), ("国土资源局", "renamed-institution"), ("工商局", "renamed-institution")]),
    ("2016年工作总结\n县安监局、国土资源局、工商局联合检查。", []),
    ("2023年工作报告\n农村居民人均纯收入达到22000元。", [("农村居民人均纯收入", "per-capita-income")]),
    ("2022年乡镇工作要点\n今年要为全面建设小康社会的决胜之年画上句号。", [("全面建设小康社会的决胜之年", "xiaokang")]),
    ("2024年工作要点\n要深入学习贯彻党的十九大精神。", [("党的十九大精神", "congress")]),
    ("2024年工作要点\n要扎实开展党史学习教育。", [("党史学习教育", "campaign")]),
    # no year anywhere: nothing is judged
    ("工作报告\n今年是“十二五”的收官之年，县安监局农村居民人均纯收入增长。", []),
])
def test_stale_rules(rules, text, expected):
    assert found(rules, text) == expected


def test_suggestion_is_the_current_form(rules):
    report = review(Document.from_text("2023年工作报告\n农村居民人均纯收入增长。"), rules, ReviewOptions(structure=False))
    (f,) = [f for f in report.findings if f.category == "stale"]
    assert f.suggestion == "农村居民人均可支配收入" and "2023年" in f.message


def test_dated_alternatives_one_pattern_a_timeline():
    """A term whose alternatives are named by a year (?P<y2018>…) reports the alternative
    that matched -- its own span, its own year in the period -- only after that year."""
    from reviewer.core.rules.stale import StaleRule

    spec = {"id": "t", "name": "t", "kind": "stale", "check": "terms", "severity": "warning",
            "message": "{match} {period} {year}",
            "terms": [{"pattern": "“(?:(?P<y2018>甲乙)|(?P<y2020>丙丁))”主题", "since": 2019,
                       "period": "{y}年的主题"}]}
    rule = StaleRule(spec, "stale", "t.yaml", [])

    def hits(text):
        doc = Document.from_text(text)
        ctx = Context("body", doc.text, doc.paragraphs)
        ctx.options = ReviewOptions()
        return [(f.text, f.message) for f in rule.run(ctx)]

    assert hits("2021年方案\n围绕“甲乙”主题，又围绕“丙丁”主题。") == [
        ("甲乙", "甲乙 2018年的主题 2021"), ("丙丁", "丙丁 2020年的主题 2021")]
    assert hits("2020年方案\n围绕“甲乙”主题，又围绕“丙丁”主题。") == [("甲乙", "甲乙 2018年的主题 2020")]
    assert hits("2018年方案\n围绕“甲乙”主题。") == []


@pytest.mark.parametrize("text,expected", [
    ("2023年上半年工作总结\n我们用科学发展观指导全镇工作，加快社会主义新农村建设步伐。",
     [("用科学发展观指导", "old-guideline"), ("社会主义新农村建设", "old-guideline")]),
    ("2023年七一党课\n现在我们有9500多万名党员。", [("9500多万名党员", "party-members")]),
    ("2022年七一党课\n现在我们有9500多万名党员。", []),
    ("2023年安全生产月活动总结\n我们围绕“治理隐患，防范事故”活动主题开展宣传。",
     [("治理隐患，防范事故", "safety-month-theme")]),
    ("2008年安全生产月活动总结\n我们围绕“治理隐患，防范事故”活动主题开展宣传。", []),
])
def test_round3_timelines(rules, text, expected):
    assert found(rules, text) == expected


def test_cli_date_option(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("工作报告\n县安监局开展了安全生产大检查。\n", encoding="utf-8")

    def stale(*extra):
        out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", *extra, str(draft)],
                             cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        return [i["text"] for i in json.loads(out.stdout)["issues"] if i["category"] == "stale"]

    assert stale() == []
    assert stale("--date", "2024-05-01") == ["安监局"]
    assert stale("--date", "2015") == []


def test_dev_set_and_clean_texts(rules):
    from tests.core.test_locality import _score

    gold_n, found_n, reported, right = _score(rules, "stale")
    assert gold_n and found_n / gold_n >= 0.6, (found_n, gold_n)
    assert reported and right / reported >= 0.9, (right, reported)
    for path in sorted(shared("clean").glob("*.txt")):
        report = review(Document.from_text(path.read_text(encoding="utf-8")), rules, ReviewOptions(structure=False))
        assert [f.text for f in report.findings if f.category == "stale"] == [], path.name


def _docx_draft(paragraphs, created=None, modified=None):
    """A .docx we make ourselves, with its core.xml dates set (None: the element left out)."""
    from reviewer.core.loaders.docx import load_docx
    from tests.conftest import docx_package, zip_package
    from tests.core.test_loaders import _core_xml

    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{body}</w:body></w:document>")
    parts = docx_package(**{"word/document.xml": document, "docProps/core.xml": _core_xml(created, modified)})
    return load_docx(zip_package(parts), "d.docx")


def docx_found(rules, doc, **options):
    report = review(doc, rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule.split(".")[1]) for f in report.findings if f.category == "stale"]


PLAN = ["镇政府工作报告", "同志们：今年是“十二五”的收官之年，全镇上下团结一心。"]
RENAMED = ["镇政府工作报告", "同志们：县安监局开展了安全生产大检查。"]


@pytest.mark.parametrize("created,modified,expected", [
    # no year in the text: the file's own creation date is the draft's year
    ("2019-04-01T02:00:00Z", None, [("“十二五”的收官之年", "five-year-plan")]),
    ("2015-04-01T02:00:00Z", "2019-04-01T02:00:00Z", []),  # created wins over modified
    (None, "2019-04-01", [("“十二五”的收官之年", "five-year-plan")]),  # modified when created is missing
    # dates that say nothing about the draft
    ("1980-04-01T02:00:00Z", None, []),
    ("1601-01-01T00:00:00Z", None, []),
    ("2999-04-01T02:00:00Z", None, []),
    ("2013-12-23T23:15:00Z", "2013-12-23T23:15:00Z", []),  # python-docx's template default
    (None, None, []),
])
def test_year_from_the_docx_dates(rules, created, modified, expected):
    assert docx_found(rules, _docx_draft(PLAN, created, modified)) == expected


def test_template_date_passed_over_for_a_real_one(rules):
    # python-docx's default creation date is passed over; a real modified date is used
    doc = _docx_draft(RENAMED, "2013-12-23T23:15:00Z", "2020-06-01T00:00:00Z")
    assert docx_found(rules, doc) == [("安监局", "renamed-institution")]
    assert docx_found(rules, _docx_draft(RENAMED, "2013-12-23T23:15:00Z", "2013-12-23T23:15:00Z")) == []
    assert docx_found(rules, _docx_draft(RENAMED, "2016-06-01")) == []


def test_text_and_user_win_over_the_docx_dates(rules):
    # a year in the title, a year in the body, and the user's date all come before the file's date
    titled = _docx_draft(["2015年镇政府工作报告", PLAN[1]], created="2019-04-01T02:00:00Z")
    assert docx_found(rules, titled) == []
    in_body = _docx_draft(["镇政府工作报告", "2015年以来，全镇发展较快。今年是“十二五”的收官之年。"], created="2019-04-01")
    assert docx_found(rules, in_body) == []
    assert docx_found(rules, _docx_draft(PLAN, created="2019-04-01"), draft_date="2014") == []
    assert docx_found(rules, _docx_draft(PLAN, created="2015-04-01"), draft_date="2019") == [
        ("“十二五”的收官之年", "five-year-plan")]


def test_the_docx_date_is_a_lower_bound(rules):
    # a file copied from an older one keeps its creation date: a plan that had not begun by
    # then is not reported, one that had already ended is
    later = ["镇政府工作报告", "同志们：今年是“十三五”的开局之年。"]
    assert docx_found(rules, _docx_draft(later, created="2015-04-01")) == []
    assert docx_found(rules, _docx_draft(later, created="2021-04-01")) == [("“十三五”的开局之年", "five-year-plan")]


def test_file_year_after_an_edit(rules):
    # the user's edits keep the file's dates (Document.edited)
    doc = _docx_draft(PLAN, created="2019-04-01").edited("镇政府工作报告\n今年是“十二五”的收官之年。")
    assert docx_found(rules, doc) == [("“十二五”的收官之年", "five-year-plan")]


def test_file_year():
    from datetime import date

    from reviewer.core.rules.stale import file_year

    today = date(2024, 6, 1)
    assert file_year((("created", "2019-04-01T02:00:00Z"), ("modified", "2023-01-01")), today) == 2019
    assert file_year((("created", "2024-06-02T01:00:00+08:00"),), today) == 2024  # a time zone's day ahead
    assert file_year((("created", "2024-06-05"), ("modified", "2021-01-01")), today) == 2021
    assert file_year((("created", "1989-12-31"),), today) is None
    assert file_year((("created", "2019-02-30"),), today) is None
    assert file_year((("created", "2013-12-23T23:15:00Z"), ("modified", "2013-12-23T23:15:00Z")), today) is None
    assert file_year((), today) is None
