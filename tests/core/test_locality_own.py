"""The speaker's own place inferred from the draft (rules/locality_own.py): where it is
read from, when no place is inferred, and what is reported against it."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from tests.conftest import shared


def place_findings(rules, text, **options):
    doc = Document.from_text(text)
    report = review(doc, rules, ReviewOptions(structure=False, **options))
    return [f for f in report.findings if f.rule == "foreign_locality.place-name"]


def own_place(rules, text):
    """(the inferred divisions' codes, where they were read) or None."""
    rule = next(r for r in rules if r.full_id == "foreign_locality.place-name")
    seen = {}
    run = rule.run

    def spy(ctx):
        seen["ctx"] = ctx
        return run(ctx)

    rule.run = spy
    try:
        review(Document.from_text(text), rules, ReviewOptions(structure=False))
    finally:
        del rule.run
    got = rule._own_place(seen["ctx"])
    return None if got is None else ({p.code for p in got[0]}, got[1])


@pytest.mark.parametrize("text,code,where", [
    # the title names the county
    ("富平县2024年政府工作报告\n过去一年，我县经济稳步增长。", "610528", "标题"),
    # a subtitle under a title without a name; a province before the county narrows nothing away
    ("政府工作报告\n——在陕西省富平县第十八届人民代表大会第三次会议上\n各位代表：我县经济稳步增长。", "610528", "标题"),
    # the signature
    ("同志们：全县上下要团结一心，再接再厉。\n中共宁海县委\n2024年1月5日", "330226", "署名"),
    # the body names one county as its own, far more often than any other place
    ("中共永嘉县委、永嘉县人民政府高度重视。永嘉县委坚持生态优先，永嘉县人民政府狠抓落实，全县面貌一新。",
     "330324", "正文"),
])
def test_own_place_is_read(rules, text, code, where):
    assert own_place(rules, text) == ({code}, where)


@pytest.mark.parametrize("text", [
    # two places in the title: neither is the draft's own
    "富平县、临朐县结对共建工作总结\n我县全力打造“平安临朐”品牌。",
    # a study tour names other places by design
    "赴富平县学习考察报告\n我县组织干部赴富平县学习。",
    # the body never speaks of itself as 我县/全区/本市
    "富平县2024年政府工作报告\n过去一年，经济稳步增长。",
    # named often, but never as the speaker's own unit
    "永嘉县坚持生态优先。永嘉县狠抓落实。永嘉县面貌一新。全县上下团结一心。",
    # a draft without a place
    "在全县经济工作会议上的讲话\n同志们：我县经济稳步增长。",
])
def test_no_own_place(rules, text):
    assert own_place(rules, text) is None


def test_a_place_used_as_the_drafts_own_is_reported_with_where_the_own_place_was_read(rules):
    got = place_findings(rules, "富平县2024年政府工作报告\n过去一年，我县经济稳步增长，全力打造“平安临朐”品牌。")
    assert [f.text for f in got] == ["临朐"]
    assert "标题" in got[0].message and "陕西省渭南市富平县" in got[0].message


@pytest.mark.parametrize("sentence", [
    "组织干部赴临朐县学习考察。",        # mentioned as a place
    "新开通至杭州、成都的航线。",          # a list of places
    "省委常委、临朐县委书记到我县调研。",  # another county's official visits
    "与“平安蒲城”同步推进。",              # a neighbour county of the same city
    "全力打造“美丽陕西”。",                # a province
    "临朐县坚持生态立县，值得学习。",      # named, but not as the draft's own
])
def test_other_places_are_not_reported(rules, sentence):
    assert place_findings(rules, "富平县2024年政府工作报告\n过去一年，我县经济稳步增长。" + sentence) == []


def test_the_users_locality_comes_before_the_inferred_one(rules):
    text = "富平县2024年政府工作报告\n过去一年，我县经济稳步增长，全力打造“平安临朐”品牌。"
    # the user says the draft is 临朐's: 富平 in the title is then the foreign place
    got = place_findings(rules, text, locality="山东省潍坊市临朐县")
    assert [f.text for f in got] == ["富平县"]
    assert "设置的本地地区" in got[0].message


def test_anonymised_drafts_keep_their_own_check(rules):
    # XX县 in the draft: the anonymised check, not the inferred one, decides
    got = place_findings(rules, "XX县2024年政府工作报告\n我县全力打造“平安临朐”品牌，学习富平县的做法。")
    assert [f.text for f in got] == ["临朐"]
    assert "XX" in got[0].message


def test_no_inferred_finding_on_the_clean_official_texts(rules):
    """The official texts name their own place (海拉尔区, 洛阳市 …) and others as places:
    nothing of them is a place used as the draft's own."""
    from reviewer.core.loaders import load

    for path in sorted(shared("clean").glob("*.txt")):
        doc = load(path)
        report = review(doc, rules, ReviewOptions())
        assert [f.text for f in report.findings if f.rule == "foreign_locality.place-name"] == [], path.name


def test_a_residue_put_into_an_official_text_is_found(rules):
    """An official report that names its own district in its title, with another city's
    slogan and organs pasted into it, as a draft copied from elsewhere would carry them."""
    from reviewer.core.loaders import load

    path = shared("clean", "09_hailaer_qu_gzbg_2012.txt")
    text = load(path).text
    cut = text.index("\n", len(text) // 2)
    pasted = "\n全力打造“平安临朐”品牌，临朐县委、县政府高度重视这项工作。" + "\n"
    got = place_findings(rules, text[:cut] + pasted + text[cut:])
    assert [(f.text, f.start - cut) for f in got] == [("临朐", 8), ("临朐", 14)]


def test_a_document_number_above_the_title_names_no_place(rules):
    # 鲁定安发〔2020〕8号: the issuer abbreviated (its characters hold 定安, a county of Hainan);
    # the title under it is what names the draft's place
    text = "鲁定安发〔2020〕8号\n兰山区2020年安全生产工作要点\n全区上下要认真贯彻执行，我区将加强督查。"
    got = own_place(rules, text)
    assert got is not None and got[1] == "标题"
    assert all(not code.startswith("4690") for code in got[0]), got
