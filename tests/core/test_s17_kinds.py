"""Kinds from the blind sets h158-h169 that live in the engine's code rather than in rule
data: a character written as its pinyin (kind pinyin-char), and the genre read from a
page's title the site repeated inside the text's top when the first line is a slogan.
The texts are written for the tests."""
from reviewer.core.document import Document
from reviewer.core.engine import review

_SUMMARY = ("今年以来，我局认真落实各项工作部署，完成了年初确定的造林任务，森林防火形势平稳，"
            "林业产业稳步发展。\n一、主要工作\n全年完成营造林三万亩。")


def _found(rules, text, rule):
    rep = review(Document.from_text(text), rules)
    return [(f.text, f.suggestion) for f in rep.findings if f.rule == rule]


def test_a_character_written_as_its_pinyin(rules):
    got = _found(rules, "他受到dang内警告处分，zheng府要带头；用app办公，登录ehall系统，一个fan，用ping命令。",
                 "typo.pinyin-char")
    assert got == [("dang", "党"), ("zheng", "政")]


def test_a_pinyin_with_no_word_around_it_is_left(rules):
    # si makes no word of jieba's with 音 or 镇: no suggestion, no finding
    assert _found(rules, "观音si镇的群众积极参与。", "typo.pinyin-char") == []


def test_the_genre_from_a_page_title_repeated_under_a_slogan(rules):
    text = "荟聚奇文、博采众长、见贤思齐\n\n林业局2021年度工作总结范文\n\n" + _SUMMARY
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary", rep.genre_reason
    junk = [f.text for f in rep.findings if f.rule == "site_junk.title-fanwen"]
    assert junk == ["林业局2021年度工作总结范文"]


def test_an_item_run_into_the_line_above_is_not_a_skip(rules):
    text = ("二、活动流程\n1、校长致祝贺词2、文艺舞蹈活动。\n3、游园活动。\n"
            "三、时间安排\n1、4月初确定方案，排演新节目（舞蹈队）2、各班级对照方案组织训练。\n3、5月下旬准备游园。\n"
            # a pair of figures after the number is no item run in (今年2、3月份完成)
            "四、工作要求\n1、今年2、3月份完成摸底调查。\n2、做好宣传。\n")
    rep = review(Document.from_text(text), rules)
    got = sorted((f.rule, f.text) for f in rep.findings if f.category == "numbering")
    assert got == [("numbering.run-in", "2、"), ("numbering.run-in", "2、"), ("numbering.skipped", "二、")]


def test_a_page_number_inside_a_split_word_joins_it(rules):
    text = ("同志们：\n今天召开会议，通过主题班会、专题讲座、知识竞赛等形式，深入开展宣传教育活动，进一\n\n\n1\n\n\n"
            "步普及防灾减灾知识，增强防灾减灾意识，提高广大师生自护自救能力。\n")
    rep = review(Document.from_text(text), rules)
    got = [(f.text, f.suggestion) for f in rep.findings if f.rule == "site_junk.lone-mark"]
    assert got == [("一\n\n\n1\n\n\n步", "一步")]
    # under a heading run into the line, the next paragraph is no second half of a word
    text = ("同志们：\n今天和大家一起谈谈。 一、了解党的历史——中国共产党领导中国人民站起来、强起来\n\n1\n\n"
            "中国共产党走过了光辉历程，经受了革命战争的严峻考验，取得了伟大成就。\n")
    rep = review(Document.from_text(text), rules)
    assert [f.text for f in rep.findings if f.rule == "site_junk.lone-mark"] == ["1"]
    # two paragraphs, not a word the page split: 效|我 make no word
    text = ("同志们：\n今年以来，我们坚持问题导向，聚焦重点任务，扎实推进，各项工作取得了明显成效\n\n2\n\n"
            "我们的主要做法是：坚持统筹谋划，坚持上下联动，坚持真抓实干，确保各项任务落地见效。\n")
    rep = review(Document.from_text(text), rules)
    assert [(f.text, f.suggestion) for f in rep.findings if f.rule == "site_junk.lone-mark"] == [("2", None)]
