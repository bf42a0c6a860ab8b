"""Another place's names (category foreign_locality): the gazetteer and the locality kind."""
import json
import subprocess
import sys

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.knowledge_places import NameFinder, gazetteer, related, short_name, unit_of
from tests.conftest import ROOT, shared


# ----- the gazetteer -------------------------------------------------------------------
@pytest.mark.parametrize("full,short", [
    ("铜梁区", "铜梁"), ("上海市", "上海"), ("河北省", "河北"), ("凉山彝族自治州", "凉山"),
    ("石柱土家族自治县", "石柱"), ("新疆维吾尔自治区", "新疆"), ("广西壮族自治区", "广西"),
    ("沙县", "沙县"), ("大兴安岭地区", "大兴安岭"),
])
def test_short_names(full, short):
    assert short_name(full) == short


def test_gazetteer_levels_and_paths():
    gaz = gazetteer()
    assert len(gaz.places) > 3000
    assert {p.level for p in gaz.by_name["铜梁区"]} == {"county"}
    assert gaz.describe("500151") == "重庆市铜梁区"
    assert gaz.describe("310109") == "上海市虹口区"
    assert gaz.describe("330382") == "浙江省温州市乐清市"
    assert gaz.by_code["330000"].level == "province" and gaz.by_code["330300"].level == "city"


@pytest.mark.parametrize("query,code", [
    ("浙江省乐清市", "330382"), ("乐清", "330382"), ("铜梁区", "500151"), ("重庆市巴南区", "500113"),
    ("木洞镇", "500113"),  # a township alone: its county
])
def test_resolve_locality(query, code):
    assert code in {p.code for p in gazetteer().resolve(query)}


def test_related_is_containment():
    assert related("330000", "330382") and related("330382", "330300") and related("330382", "330382")
    assert not related("330382", "500151") and not related("330300", "330100")


def test_name_finder_finds_the_longest_name_without_overlaps():
    words = ["上海", "上海市", "虹口区", "海口市", "市虹口"]
    finder = NameFinder(words)
    text = "上海市虹口区与海口市，上海"
    assert [n for _, _, n in finder.finditer(text)] == ["上海市", "虹口区", "海口市", "上海"]
    assert all(text[s:e] == n for s, e, n in finder.finditer(text))
    # the same answer as a plain scan, on every name of the gazetteer in a row
    names = list(gazetteer().by_name)[:500]
    text = "，".join(names)
    assert [n for _, _, n in NameFinder(names).finditer(text)] == names


# ----- the rules through the engine ------------------------------------------------------
def found(rules, text, **options):
    doc = Document.from_text(text)
    report = review(doc, rules, ReviewOptions(structure=False, **options))
    return [(f.text, f.rule) for f in report.findings if f.category == "foreign_locality"]


@pytest.mark.parametrize("text,expected", [
    # the draft anonymises its own place: a real place left over is reported
    ("在创建“文明某某”推进会上的讲话\n今天召开“文明临朐”推进大会，把临朐打造成文明之城。",
     ["临朐", "临朐"]),
    ("X学校的一年\n我们要成为鼓楼区乃至南京市有影响的特色学校。", ["鼓楼区", "南京市"]),
    ("在xx县委的领导下，富平县委坚持全县“一张图”规划。", ["富平"]),
    # the same sentences in a draft that names no placeholder: nothing to compare with
    ("今天召开“文明临朐”推进大会，把临朐打造成文明之城。", []),
    # a place mentioned as a place
    ("在xx镇党委领导下，选派干部到成都、武汉学习考察，在成都市、武汉市等地设立联络站。", []),
    ("在xx县委领导下，融入长江经济带，学习浙江经验，与临朐县开展合作，引进合肥工业大学的技术。", []),
    # words that are also short names of counties
    ("在XX镇党委领导下，全镇平安和谐、富裕文明，勠力同心，惠民生、暖民心，庆元旦。", []),
])
def test_places(rules, text, expected):
    assert [t for t, r in found(rules, text) if r.endswith("place-name")] == expected


def test_placeholder_inside_site_junk_does_not_count(rules):
    text = ("潍坊市奎文区以网格化管理推进社区治理，形成了一批特色品牌。\n\n最新范文\n\nXX小学德育工作总结\n"
            "XX中学安全工作计划\n某某村村规民约\n")
    assert found(rules, text) == []


def test_users_locality(rules):
    text = "关于乐清市电气产业的汇报\n我市要打造温州电气产业的新高地。铜梁区的企业也来投资。"
    got = found(rules, text, locality="浙江省乐清市")
    assert [t for t, _ in got] == ["铜梁区"]
    assert found(rules, text) == []                                   # no locality, no placeholder
    assert [t for t, _ in found(rules, text, locality="重庆市铜梁区")] == ["乐清市", "温州"]


@pytest.mark.parametrize("text,expected", [
    ("这一年，xx乡各项工作稳步推进。刚才，党委副书记、乡长龚建华同志作了报告。县委党校副校长陈卫东同志讲了课。",
     ["龚建华", "陈卫东"]),
    ("《某某县文明创建实施方案》已经印发，晓峰书记还将作重要讲话。", ["晓峰"]),
    ("这一年，xx乡各项工作稳步推进。要学习焦裕禄同志的公仆情怀，乡党委书记作了讲话，各位书记要带头。", []),
    ("刚才，党委副书记、乡长龚建华同志作了报告。", []),  # no placeholder: the draft's own people
])
def test_people(rules, text, expected):
    assert [t for t, r in found(rules, text) if r.endswith("person-name")] == expected


def test_name_lists(rules):
    text = ("xx小学六一歌咏比赛方案\n评 委: 孙立群 郑晓梅 何 平\n地点: 礼堂\n时间: 上午九点\n"
            "参加人员: 全体师生\n组员:\n柯佳怡、王小明\n请按时到达。")
    assert [t for t, r in found(rules, text) if r.endswith("name-list")] == ["孙立群 郑晓梅 何 平", "柯佳怡、王小明"]


def test_cli_locality_option(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于乐清市电气产业的汇报\n我市要打造温州电气产业的新高地。铜梁区的企业也来投资。\n",
                     encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", "--locality", "浙江省乐清市",
                          str(draft)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    issues = [i for i in json.loads(out.stdout)["issues"] if i["category"] == "foreign_locality"]
    assert [i["text"] for i in issues] == ["铜梁区"]
    assert "重庆市铜梁区" in issues[0]["message"] and "浙江省温州市乐清市" in issues[0]["message"]


# ----- a draft stitched from several places' materials (mixed-places) ---------------------
def test_unit_of_groups_a_municipality_and_leaves_provinces_out():
    gaz = gazetteer()
    assert unit_of(gaz.by_code["500151"]) == ("500000", "500000")      # 铜梁区 is 重庆's
    assert unit_of(gaz.by_code["500000"]) == ("500000", "500000")
    assert unit_of(gaz.by_code["330382"]) == ("330300", "330000")      # 乐清 is 温州's
    assert unit_of(gaz.by_code["330000"]) == (None, "330000")


_STITCHED = ("关于推进老旧小区改造的工作计划\n"
             "一、主要做法\n"
             "鄞州区坚持规划先行，统一编制改造方案。\n"
             "近年来，福州市鼓楼区探索“居民点单”改造模式，鼓楼区的小区面貌一新。\n"
             "广元，正在推行“先自治后改造”机制。\n"
             "自2022年以来，临沂市兰山区建立改造资金共担机制。\n"
             "二、保障措施\n加强组织领导，落实工作责任。")


def _mixed(rules, text, **options):
    return [t for t, r in found(rules, text, **options) if r.endswith("mixed-places")]


def test_stitched_draft_reports_each_other_place_once(rules):
    assert _mixed(rules, _STITCHED) == ["鄞州区", "福州市鼓楼区", "广元", "临沂市兰山区"]


@pytest.mark.parametrize("change", [
    # the first place is the draft's own (in its title): the other three are still reported
    lambda t: t.replace("关于推进老旧小区改造", "宁波市鄞州区推进老旧小区改造"),
])
def test_the_drafts_own_place_is_not_reported(rules, change):
    assert _mixed(rules, change(_STITCHED)) == ["福州市鼓楼区", "广元", "临沂市兰山区"]


@pytest.mark.parametrize("change", [
    # places cited as examples to learn from
    lambda t: t.replace("一、主要做法", "一、学习借鉴外地做法"),
    lambda t: t.replace("关于推进老旧小区改造的工作计划", "赴外地考察老旧小区改造的报告"),
    # the places mentioned as places (到…考察, …的经验)
    lambda t: t.replace("鄞州区坚持", "到鄞州区考察，").replace("广元，正在推行", "广元的经验是推行"),
    # two places only
    lambda t: t.replace("广元，正在推行“先自治后改造”机制。\n", "").replace("临沂市兰山区建立", "我们建立"),
    # the draft anonymises its own place: the place check reports (not this one)
    lambda t: t.replace("加强组织领导", "在XX县委领导下，加强组织领导"),
    # the draft's own city (宁波) is named most often: one other place is left
    lambda t: t.replace("广元", "宁波市").replace("临沂市兰山区", "宁波市"),
])
def test_mixed_places_stays_silent(rules, change):
    assert _mixed(rules, change(_STITCHED)) == []


def test_mixed_places_leaves_a_users_locality_to_the_place_check(rules):
    assert _mixed(rules, _STITCHED, locality="浙江省宁波市鄞州区") == []
    assert {"福州市", "广元"} <= {t for t, r in found(rules, _STITCHED, locality="浙江省宁波市鄞州区")}


def test_seed_with_other_places_materials(rules):
    """The seed whose gold marks other places' materials (hard items): most are found, and
    every finding of the check is one of them."""
    for g in sorted(shared("gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        spans = [(it["start"], it["end"]) for it in gold["items"] if it["category"] == "foreign_locality"]
        text = (shared("seeds") / gold["file"]).read_text(encoding="utf-8")
        report = review(Document.from_text(text), rules, ReviewOptions(structure=False))
        mine = [(f.start, f.end) for f in report.findings if f.rule.endswith("mixed-places")]
        assert all(any(s < e2 and s2 < e for s2, e2 in spans) for s, e in mine), gold["file"]
        if spans:
            hit = sum(any(s < e2 and s2 < e for s2, e2 in mine) for s, e in spans)
            assert hit >= 0.8 * len(spans), (gold["file"], hit, len(spans))


# ----- the dev set (../shared) ------------------------------------------------------------
def _score(rules, category):
    drafts, gold_dir = shared("dev", "drafts"), shared("dev", "gold")
    gold_n = found_n = reported = right = 0
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = (drafts / gold["file"]).read_text(encoding="utf-8")
        spans, seen = [], {}
        for it in gold["items"]:
            if it["category"] != category:
                continue
            k = seen[it["quote"]] = seen.get(it["quote"], 0) + 1
            pos = -1
            for _ in range(k):
                pos = text.find(it["quote"], pos + 1)
            spans.append((pos, pos + len(it["quote"])))
        report = review(Document.from_text(text), rules, ReviewOptions(structure=False))
        mine = [(f.start, f.end) for f in report.findings if f.category == category and f.severity != "info"]
        gold_n += len(spans)
        found_n += sum(any(s < e2 and s2 < e for s2, e2 in mine) for s, e in spans)
        reported += len(mine)
        right += sum(any(s < e2 and s2 < e for s2, e2 in spans) for s, e in mine)
    return gold_n, found_n, reported, right


def test_dev_set_recall_and_precision(rules):
    gold_n, found_n, reported, right = _score(rules, "foreign_locality")
    assert gold_n and found_n / gold_n >= 0.6, (found_n, gold_n)
    assert reported and right / reported >= 0.9, (right, reported)


def test_clean_official_texts_are_silent(rules):
    for path in sorted(shared("clean").glob("*.txt")):
        report = review(Document.from_text(path.read_text(encoding="utf-8")), rules, ReviewOptions(structure=False))
        assert [f.text for f in report.findings if f.category == "foreign_locality"] == [], path.name
