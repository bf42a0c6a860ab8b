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
    ("2023年工作报告\n2023年是我们全面建设小康社会的决胜之年。", [("全面建设小康社会的决胜之年", "xiaokang")]),
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
