"""Shapes read on the blind audit sets of the 2026-12-03 evening session (g34-g39, kept out of
the repo): the cases are written here, not copied from any draft."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review


def found(text, rules, rule):
    return [text[f.start:f.end] for f in review(Document.from_text(text), rules).findings if f.rule == rule]


def test_a_text_generators_prompts_in_brackets_are_placeholders(rules):
    text = "主持人：[Your Name]\n欢迎[嘉宾所在机构或职位]的各位来宾。[Insert Date]\n参见文献[12]，按[Enter]键确认。\n"
    assert found(text, rules, "placeholder.form-prompt") == ["[Your Name]", "[嘉宾所在机构或职位]", "[Insert Date]"]


def test_a_row_of_web_keys_between_bars_is_page_metadata(rules):
    text = ("乡镇防汛准备工作汇报\n来源:某某县政府 办公室 | 浏览量:35 | 发布时间:2017-09-19 分享\n"
            "今年以来，我镇高度重视防汛工作，层层压实责任。\n会议时间：2024年3月5日上午\n")
    assert found(text, rules, "site_junk.publish-meta") == ["来源:某某县政府 办公室 | 浏览量:35 | 发布时间:2017-09-19 分享"]


# Untitled drafts placed by their first words. (genre, a word of the reason: an investigation is checked
# as a summary of its own, genres/investigation.yaml)
UNTITLED = [
    # a leader speaking last, on what the others reported, as the draft's first words: a speech
    ("刚才，王市长和李主任分别介绍了全市地方志工作的情况，讲得很好，我都同意。"
     "下面，我再讲两点意见。一是提高认识，二是加强领导，各地要把修志工作摆上重要议事日程，", "leader_speech", ""),
    # the page's lead-in names what it shares (……分享的一些有关于……工作情况总结范文4篇的内容)
    ("宗教是一种社会意识形态。下面是小编给大家分享的一些有关于乡镇宗教工作情况总结范文4篇的内容，希望能对大家有所帮助。\n"
     "今年以来，我镇认真贯彻上级决策部署，扎实做好民族宗教各项工作，取得了明显成效。\n一、主要工作\n加强政策宣传，开展培训六次，",
     "summary", ""),
    # a year's work told by the unit itself from its first words
    ("2023年，在区委区政府的正确领导下，我局围绕中心、服务大局，各项工作取得了显著成绩。\n"
     "一、主要工作\n（一）水资源管理更加高效。全年完成节水改造项目十二个，水", "summary", ""),
    # the writer saying the text reports a survey
    ("乡镇调研是了解基层情况的重要途径。下面将对我所在乡镇进行一次综合性调研，并撰写调研报告。\n"
     "1. 人口状况\n全乡总人口约5000人，其中农业人口占比较高。\n2. 产业状况\n以种植业为主，", "summary", "调研报告"),
]


@pytest.mark.parametrize("text,genre,reason", UNTITLED)
def test_untitled_drafts_placed_by_their_first_words(rules, text, genre, reason):
    rep = review(Document.from_text(text), rules)
    assert rep.genre == genre and reason in rep.genre_reason
