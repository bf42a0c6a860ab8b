"""hunt7: false alarms found on drafts and correct texts of unseen sites, removed by kind.
A listed misused form that is a person's name in a list of names (杨帆 beside 周立、王海明)
or before 同志; a place named as the venue of a meeting, as an end of a route between
places, in a project's name, or as the head of a firm's short name in a list of firms;
家 beside 国 (国与家) at a clause end; two straight quote marks with a curly one between
them (two quotations, not one); 长期一来 as a misspelling of 长期以来 (typo), not a year
with its figure removed.  The shapes that stay reported are checked beside them."""
import pytest

from ..conftest import body_findings


def _rule(rules, text, rule):
    return [f.text for f in body_findings(rules, text) if f.rule == rule]


@pytest.mark.parametrize("text", [
    "县委常委李明、杨帆、邓晓宇出席会议。",          # an item of a list of names
    "县委副书记张成群，县委常委陈迪、杨帆出席。",    # the last item
    "会上，杨帆同志作了说明。",                      # a name before 同志
])
def test_a_name_in_a_list_of_names_is_no_misused_word(rules, text):
    assert _rule(rules, text, "typo.misused-words") == []


@pytest.mark.parametrize("text", [
    "新的一年，我们将杨帆起航。",
    "让我们杨帆远航、再创辉煌。",
])
def test_the_misused_word_itself_stays_reported(rules, text):
    assert _rule(rules, text, "typo.misused-words") == ["杨帆"]


def test_a_homophone_of_yilai_after_a_span_of_time_is_a_typo_not_a_stripped_year(rules):
    text = "向长期一来关心支持医院发展的各界人士表示感谢。"
    assert _rule(rules, text, "typo.misused-words") == ["长期一来"]
    assert _rule(rules, text, "blank_figure.year-stem") == []
    # a year removed before 一来 is still one
    assert _rule(rules, "向一来为全镇发展作出贡献的同志表示敬意。", "blank_figure.year-stem") == ["一来"]


@pytest.mark.parametrize("text", [
    "××县召开座谈会。9月10日，全国教育大会在北京召开。",                  # a venue
    "××县召开座谈会。第十九届亚运会在杭州隆重举行。",
    "xx年，建设了乌海—巴彦浩特、巴彦浩特—雅布赖2条线路。",               # a route
    "xx年，重点实施了天然林保护、黑河工程等项目。",                       # a project's name
    "xx县引进华能、山东新冰、上海客道、北京金泰港和陕西福顺达、蓝海、小野等投资企业。",
])
def test_places_named_as_places_in_an_anonymised_draft_are_quiet(rules, text):
    assert _rule(rules, text, "foreign_locality.place-name") == []


@pytest.mark.parametrize("text,place", [
    ("在XX县委的领导下，富平县委坚持全县“一张图”规划。", "富平"),
    ("xx镇征文活动以“共创东升繁荣，共建和谐社会”为主题。", "东升"),
    ("X学校要成为鼓楼区乃至全省有影响的特色学校。", "鼓楼区"),
])
def test_the_sources_place_used_as_the_drafts_own_stays_reported(rules, text, place):
    assert place in _rule(rules, text, "foreign_locality.place-name")


def test_home_beside_country_in_a_quoted_poem_is_no_stripped_count(rules):
    text = "他以诗句“历览前贤国与家，成由勤俭败由奢”与同学们共勉。"
    assert _rule(rules, text, "blank_figure.unit-at-clause-end") == []
    assert "件" in _rule(rules, "全年办结投诉件，新建图书室个。", "blank_figure.unit-at-clause-end")


def test_straight_marks_closing_two_curly_quotations_are_not_one_quotation(rules):
    text = "“廉\"，是一个重要的概念，在古代，“廉\"代表一种政治主张。"
    assert _rule(rules, text, "punctuation.straight-quotes") == []
    assert _rule(rules, "推动\"弹簧门\"问题整改。", "punctuation.straight-quotes") == ["\"弹簧门\""]
