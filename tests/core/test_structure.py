import json
import subprocess
import sys

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.loaders import load
from reviewer.core.rules import RuleLoadError
from reviewer.core.structure import load_profiles
from tests.conftest import ROOT, shared

SPEECH = """在全县乡村振兴工作推进会上的汇报发言
尊敬的各位领导，同志们：
根据会议安排，现将我镇乡村振兴工作情况汇报如下。
一、主要做法
（一）抓产业
我们坚持一村一品，培育茶叶、蔬菜等特色产业，全年新增合作社12家，带动群众增收。
（二）抓人才
我们实施头雁工程，选派年轻干部到村任职，培训致富带头人300人次，为乡村振兴注入活力。
二、存在的问题
一是产业链条较短，二是人才支撑不足。
三、下一步打算
我们将持续用力，推动乡村振兴取得新成效。
汇报完毕，谢谢大家！
"""


def missing(report, severity="warning"):
    return sorted(f.section for f in report.findings if f.category == "missing_section" and f.severity == severity)


def test_complete_speech_has_no_missing_parts(rules):
    rep = review(Document.from_text(SPEECH), rules)
    assert rep.genre == "report_speech" and "汇报发言" in rep.genre_reason
    assert missing(rep) == []


def test_outline_has_title_parts_and_headings_with_levels(rules):
    rep = review(Document.from_text(SPEECH), rules)
    kinds = [(o.kind, o.text[:6], o.level) for o in rep.outline]
    assert kinds[0] == ("title", "在全县乡村振", 0)
    headings = [(o.text, o.level) for o in rep.outline if o.kind == "heading"]
    assert headings[:3] == [("一、主要做法", 1), ("（一）抓产业", 2), ("（二）抓人才", 2)]
    for o in rep.outline:
        if o.kind == "heading":
            assert SPEECH[o.start:o.start + len(o.text)] == o.text
    parts = [o.section for o in rep.outline if o.kind == "part"]
    assert {"salutation", "body", "next_steps", "closing"} <= set(parts)


@pytest.mark.parametrize("greeting", ["大家下午好！", "大家新年好！", "各位早上好！"])
def test_the_hall_greeted_with_its_time_or_feast_is_a_salutation(rules, greeting):
    text = SPEECH.replace("尊敬的各位领导，同志们：", greeting)
    assert missing(review(Document.from_text(text), rules)) == []
    assert missing(review(Document.from_text(SPEECH.replace("尊敬的各位领导，同志们：\n", "")), rules)) == ["salutation"]
    # a wish at the end is no greeting of the hall
    wish = SPEECH.replace("尊敬的各位领导，同志们：\n", "").replace("汇报完毕，谢谢大家！", "祝大家新年好！汇报完毕，谢谢大家！")
    assert "salutation" in missing(review(Document.from_text(wish), rules))


def test_missing_salutation_and_closing_are_anchored(rules):
    text = SPEECH.replace("尊敬的各位领导，同志们：\n", "").replace("汇报完毕，谢谢大家！\n", "")
    rep = review(Document.from_text(text), rules)
    assert missing(rep) == ["closing", "salutation"]
    by = {f.section: f for f in rep.findings if f.category == "missing_section"}
    assert by["salutation"].start == text.index("\n") + 1  # right after the title
    assert by["closing"].start == len(text.rstrip())


@pytest.mark.parametrize("title,genre", [
    ("2024年“我们的节日”主题活动计划", "plan"), ("关于开展安全生产大检查的实施方案", "plan"),
    ("在全市文明创建工作会议上的讲话", "leader_speech"), ("2023年度个人述职报告", "debrief"),
    ("学习二十大精神心得体会", "reflection"), ("2023年民政局工作总结", "summary"),
    ("县政府2026年新春贺词", "leader_speech"), ("县政府第二次全体会议主持词", "host_script"),
    ("交流发言：深刻理解党纪学习教育的时代意义", "reflection"), ("主题教育研讨交流会发言材料", "reflection"),
    ("在全县党建工作推进会上的交流发言", "report_speech"), ("县人大会议表态发言", "report_speech"),
    ("2023年镇人民政府工作报告", "report_speech"), ("政 府 工 作 报 告", "report_speech"),
    ("社区创建文明城市第一阶段工作小结", "summary"), ("大学生征文比赛活动策划书", "plan"),
    ("数据发展中心2024年度项目支出绩效单位自评报告", "summary"),  # a self-assessment: 自查报告's profile
    # a genre named inside book-title marks is the document spoken of, not the title's own
    ("关于印发《全县防汛工作实施方案》的通知", None), ("学习《习近平谈治国理政》第四卷心得体会", "reflection"),
    ("《全县防汛工作实施方案》", "plan"),
    # a party member's own check (自查自纠), not the plan that arranges the checks
    ("从六个方面进行自查自纠材料", "report_speech"), ("关于开展作风问题自查自纠工作的实施方案", "plan"),
    ("医保基金使用自查自纠整改报告", None),
    ("2022年度专题党课：从党史中汲取智慧和力量", "leader_speech"), ("2023年镇政府信息公开工作年度报告", "summary"),
])
def test_genre_from_title(rules, title, genre):
    rep = review(Document.from_text(title + "\n" + "正文内容。" * 40), rules)
    assert rep.genre == genre


@pytest.mark.parametrize("head,genre", [
    ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n", "report_speech"),
    ("各位父老乡亲、同志们：\n值此新春佳节到来之际，我谨代表县委、县政府，致以诚挚的问候！\n", "leader_speech"),
    ("一、活动主题：\n颂歌献给党\n二、活动目的：\n加强党员队伍建设。\n", "plan"),
    # no title, no salutation: what the first lines open with
    ("今年以来，我镇在县委、县政府的正确领导下，紧紧围绕全年目标任务，扎实推进各项工作。\n", "summary"),
    ("2021年9月上级领导把我调入社区，任命为社区居委会主任兼支部书记。一年来，我认真履职。\n", "debrief"),
    ("在街道党工委、办事处的正确领导下，在辖区单位和居民的大力支持下，社区各项工作稳步推进，取得了较好成绩。\n", "summary"),
    ("10月16日上午，我和支部全体党员一起认真收看了大会开幕会直播，聆听了报告。\n", "reflection"),
    ("1，指导思想\n深入贯彻落实安全发展理念，坚持安全第一、预防为主、综合治理的方针。\n", "plan"),
    ("为确保我区按时完成村庄环境整治任务，根据市里的实施方案要求，结合实际，现将各单位在整治工作中的任务作如下明确：\n", "plan"),
    # a debrief's, a summary's announcement; a leader opening his meeting; a host's order of proceedings
    ("县河长制办公室：\n根据通知要求，现将2023年度县级河长述职情况报告如下：\n", "debrief"),
    ("按照会议要求，现将我履行基层党建工作第一责任人职责情况报告如下：\n", "debrief"),
    ("按照区里要求，现将今年以来的工作开展情况报告如下：\n", "summary"),
    # the unit's year told under its leaders' and its superiors' guidance
    ("在去年的工作中，办公室在市局党组的领导下，在省局办公室的关心帮助和具体指导下，较好地发挥了职能作用。\n", "summary"),
    ("在这个关键时期，我们召开这次驻村帮扶工作会议，主要任务是部署下一阶段工作。\n", "leader_speech"),
    ("在这充满希望的季节，我们迎来了运动会。\n开幕式程序：\n一、请校长宣布运动会开幕\n", "host_script"),
    # a notice that issues the plan it names in book-title marks
    ("各科室，各村：为提高处置突发公共事件的能力，经研究，制定《某镇突发公共事件总体应急预案（修订）》，现印发给你们。\n",
     "plan"),
    # a speaker thanking the hall for its trust; greeting a festival 在此……之际
    ("非常感谢大家对我的信任，选举我担任新一任市长。\n", "leader_speech"),
    ("在爆竹声声中，我们迎来了新的一年。在此新年佳节之际，向全体员工和家属致以新年的祝福！\n", "leader_speech"),
])
def test_genre_of_a_draft_without_title(rules, head, genre):
    rep = review(Document.from_text(head + "正文内容，正文内容。" * 30), rules)
    assert rep.genre == genre


@pytest.mark.parametrize("top,genre", [
    # the website's lines above a draft whose own title is lost: the breadcrumb's last step,
    # an editor's lead-in; not a menu naming many genres, not a file name or a how-to
    ("当前位置：首页 > 心得体会 > 党员干部主题教育学习心得\n", "reflection"),
    ("下面是小编为大家整理的2023年第一季度工作总结（镇乡）【完整版】，供大家参考。\n", "summary"),
    ("2023年参观红色教育基地感想范文4【优秀范文】\n", "reflection"),  # the page title, with the piece's number
    ("2025年社区工作PPT汇报课件.pptx\n", None),
    ("文件名称:儿童中秋节活动策划方案.docx\n文件大小:39.81 KB\n", "plan"),  # a document site's file name
    ("当前位置：首页 > 写作指导 > 怎样写好讲话稿的技巧\n", None),
    # a collection's title with 集锦; a lead-in naming the piece in book-title marks only
    ("学校安全工作自查报告集锦15篇\n", "summary"),
    ("摘要：某某网小编为你整理了多篇相关的《2024县委书记在全县村（社区）党组织书记培训班上的讲话》，希望对你有帮助。\n",
     "leader_speech"),
    # a document site's file name alone on its line; a lead-in offering a 参考范文
    ("区长在全区三季度安全生产工作例会上的讲话.doc\n", "leader_speech"),
    ("重阳节活动主持词由某某文库小编整理，希望给你工作、学习、生活带来方便。\n", "host_script"),
    ("本站小编为你精心准备了社区党建经验交流会上讲话参考范文，愿这些范文能点燃您思维的火花，激发您的写作灵感。\n",
     "leader_speech"),
])
def test_genre_from_the_sites_lines_above_a_draft_without_title(rules, top, genre):
    text = top + "今年以来，我们坚持稳中求进，各项工作有序推进，成效明显。" * 8 + "\n"
    rep = review(Document.from_text(text), rules)
    assert all(f.category == "site_junk" for f in rep.findings if f.start < len(top)), "the top line is junk"
    assert rep.genre == genre, rep.genre_reason


def test_the_pages_bracketed_title_run_into_the_text_still_names_the_genre(rules):
    # (site_junk.bracket-title reports the 【title】; the genre is read from it all the same)
    text = "【社区工作计划】" + "今年以来，我们坚持稳中求进，各项工作有序推进，成效明显。" * 8 + "\n"
    rep = review(Document.from_text(text), rules)
    assert [f.rule for f in rep.findings if f.start == 0 and f.category == "site_junk"] == ["site_junk.bracket-title"]
    assert rep.genre == "plan", rep.genre_reason


def test_a_site_line_naming_many_genres_names_none():
    from reviewer.core.structure import detect_genre, shipped_profiles

    profiles = shipped_profiles()
    assert detect_genre("", "", profiles, site_titles=["范文 工作总结 述职报告 讲话稿"])[0] is None
    assert detect_genre("", "", profiles, site_titles=["范文 述职报告"])[0] == "debrief"


def test_a_first_paragraph_that_opens_with_the_salutation_is_a_speech(rules):
    text = "尊敬的各位老师，亲爱的同仁们，大家下午好！时光荏苒，转眼又到了教师节。" + "这一年，我们收获满满。" * 20 + "\n"
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech" and "称谓" in rep.genre_reason


@pytest.mark.parametrize("top", [
    "建设美丽乡村 有你 有我 有大家\n各位领导、各位同志：\n",                          # a title naming no genre
    "高举伟大旗帜\n为建设美好家园而努力奋斗\n张三\n（2024年10月1日）\n同志们，朋友们：\n",  # subtitle, speaker, date
])
def test_a_salutation_a_few_lines_below_a_title_naming_no_genre_is_a_speech(rules, top):
    text = top + "今年以来，我们坚持稳中求进，各项工作有序推进，成效明显。" * 8 + "\n"
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech" and "称谓" in rep.genre_reason and "标题未指明文种" in rep.genre_reason
    # a salutation further down (a quoted letter in a summary) names nothing
    late = "关于社区工作的几点情况\n" + "今年以来，各项工作有序推进。\n" * 4 + "同志们：\n" + "正文内容，正文内容。" * 20
    assert review(Document.from_text(late), rules).genre is None


def test_a_hosts_call_of_the_next_item_is_no_title(rules):
    # (……请××副市长作工作报告 ends with a genre's name; the site's lead-in names the script)
    text = ("前言：本站为你精心整理了防汛会议主持词范文，希望能为你的创作提供参考价值。\n"
            "为切实抓好今年的防汛工作，市委决定今天召开全市防汛工作会议\n"
            "下面,先举行第一项议程,请××副市长作工作报告\n" + "各单位要认真落实。" * 20 + "\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script", rep.genre_reason


def test_a_salutation_under_an_outline_a_site_put_above_the_speech_is_a_speech(rules):
    outline = "目录/提纲：……\n一、认清形势，统一思想\n（一）从气象预测趋势看\n二、明确任务，强化措施\n……\n"
    text = outline + "同志们：\n" + "今年以来，我们坚持稳中求进，各项工作有序推进，成效明显。" * 8 + "\n"
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech" and "称谓" in rep.genre_reason, rep.genre_reason
    # sentences above it: a letter quoted in the text, no speech
    prose = outline.replace("……\n", "今年以来，各项工作有序推进。\n")
    assert review(Document.from_text(prose + "同志们：\n" + "正文内容，正文内容。" * 20), rules).genre is None


def test_a_host_script_without_title_is_known_by_its_host_and_its_stage_directions(rules):
    # the host opens the meeting and introduces the guests; （校长讲话） is a stage direction,
    # not a title naming a speech
    text = ("在这个金秋时节，我们迎来了教师节。首先，请允许我宣布表彰大会正式开始！" + "老师们辛苦了。" * 10 + "\n"
            "接下来，有请校长讲话。\n（校长讲话）\n" + "感谢校长的讲话。" * 10 + "\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script", rep.genre_reason
    guests = "尊敬的各位领导、老师们：\n金秋十月，我们欢聚一堂。首先请允许我介绍出席今天大会的领导。" + "欢迎各位。" * 20
    assert review(Document.from_text(guests), rules).genre == "host_script"


def test_body_sentence_does_not_set_the_genre(rules):
    text = "同志们：\n刚才，会议总结了上半年工作，部署了下半年任务。" + "正文内容，正文内容。" * 30
    assert review(Document.from_text(text), rules).genre == "leader_speech"  # a speech, not a 工作总结


def test_pledge_and_gov_report_parts(rules):
    pledge = ("县人大会议表态发言\n各位代表：\n今天，大会选举我担任县长，我深感责任重大。" + "我将忠诚履职，实干担当。" * 12 +
              "\n请各位代表监督，我一定不负重托！\n")
    assert missing(review(Document.from_text(pledge), rules)) == []  # a pledge has no 下一步打算 part
    report = ("2023年镇人民政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n一、2023年工作回顾\n"
              + "一年来，全镇经济社会发展取得新成效。" * 10 + "\n二、2024年工作安排\n" + "今年要稳中求进。" * 5 +
              "\n让我们团结一心，为建设美丽新镇而努力奋斗！\n")
    rep = review(Document.from_text(report), rules)
    assert rep.genre == "report_speech" and "政府工作报告" in rep.genre_reason
    assert missing(rep) == []
    assert not any(f.category == "numbering" for f in rep.findings)  # 一、2023年 is a heading


def test_host_script_parts(rules):
    text = ("全体会议主持词\n同志们：\n现在开会。\n今天的会议有两项议程。下面进行第一项议程，请副市长传达会议精神。"
            "下面请市长作重要讲话。" * 3 + "\n会议到此结束，散会！\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script" and missing(rep) == []
    cut = review(Document.from_text(text.split("会议到此")[0] + "讲话目标明确，任务具体，是推动今年各项工作顺利实施、确保各项目标任务"),
                 rules)
    assert missing(cut) == ["closing"]


def test_a_plan_named_in_passing_is_not_the_next_steps_part(rules):
    """工作计划/工作思路 name the next-steps part as its heading; in a sentence of a summary
    cut off before that part they are a mention."""
    head = "2023年社区工作总结\n今年以来，社区按照年初制定的工作计划，扎实推进各项工作，取得了显著成效。\n"
    body = "一是加强党建引领，完成了年度目标任务。二是优化服务，群众满意度达到95%。" * 3 + "\n存在的问题：服务能力还有不足。\n"
    cut = review(Document.from_text(head + body + "三是强化安全管理，确保"), rules)
    assert "next_steps" in missing(cut)
    done = review(Document.from_text(head + body + "二、2024年工作计划\n明年我们将继续做好为民服务。\n"), rules)
    assert "next_steps" not in missing(done)


def test_genre_override(rules):
    rep = review(Document.from_text(SPEECH), rules, ReviewOptions(genre="plan"))
    assert rep.genre == "plan" and rep.genre_reason == "按指定文种检查"
    assert {"objectives", "schedule"} <= set(missing(rep, "info"))  # a plan's customary parts: hints


def test_truncated_draft_is_reported(rules):
    text = SPEECH.split("三、下一步打算")[0] + "三、下一步打算\n我们将持续用力，推动产业提质增效，加快人才队伍建设，为全县乡村振兴作出"
    rep = review(Document.from_text(text), rules)
    closing = [f for f in rep.findings if f.category == "missing_section" and f.section == "closing"]
    assert len(closing) == 1 and closing[0].severity == "warning"
    assert closing[0].text == "为全县乡村振兴作出" and "截断" in closing[0].message and "乡村振兴作出" in closing[0].message
    assert not any(f.rule == "structure.truncated" for f in rep.findings)  # one finding, not two


def test_cut_off_summary_loses_its_later_parts(rules):
    # One paragraph, no headings, cut mid-word: the parts that would have followed are reported.
    text = ("2023年社区创建文明城市工作小结\n今年以来，社区紧紧围绕创建中心工作，召开动员大会，制定实施方案，"
            "取得了明显成效。一是社区制作了大型喷绘条幅两条，二是社区干部上门入户发放")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary"
    warn = {f.section: f for f in rep.findings if f.category == "missing_section" and f.severity == "warning"}
    assert sorted(warn) == ["next_steps", "problems"]
    assert all("截断" in f.message and "入户发放" in f.message for f in warn.values())
    assert any(f.rule == "structure.truncated" for f in rep.findings)


def test_speech_that_stops_before_any_ending(rules):
    body = "这一年，我们同舟共济战疫情。\n" + "我们坚持人民至上，常态化推进疫情防控，书写了一份优异的答卷。" * 6 + "\n"
    text = "2022年春节团拜会致辞\n同志们、朋友们\n新春佳节就要到了。\n" + body + "这一年，我们稳中求进促发展。\n"
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech"
    assert missing(rep) == ["closing"]  # the salutation has no colon but is one
    done = text + "让我们携手并进，为全县高质量发展而努力奋斗！\n"
    assert missing(review(Document.from_text(done), rules)) == []


def test_a_preview_cut_mid_sentence_loses_the_ending_a_wish_above_it_seemed_to_give(rules):
    head = ("秋季开学典礼校长讲话\n老师们，同学们：\n" + ("新的学期带来了新的挑战，也孕育着新的希望，我们要站在新的起跑线上认真审视自己。" * 4 + "\n") * 3 +
            "在此，我祝愿每一位老师和同学都能书写满意的答卷！\n借此机会，给同学们提三点要求：\n"
            "1、要加强安全防范意识。\n")
    cut = head + "人的生命对于其它任 ...\n附件列表\n"
    assert missing(review(Document.from_text(cut), rules)) == ["closing"]
    # the same lines with the page's notice that it showed part of the text: the wish is the ending
    shown = head + "查看全文\n"
    assert missing(review(Document.from_text(shown), rules)) == []
    # and with the preview's last sentence whole, nothing was cut there
    whole = head + "人的生命对于其它任何事物来说都是最宝贵的。\n"
    assert missing(review(Document.from_text(whole), rules)) == []


def test_a_plan_stopping_on_its_next_items_number_lost_its_later_parts(rules):
    head = ("森林防火工作方案\n一、指导思想\n" + "坚持预防为主、积极消灭的方针，切实保护森林资源安全。" * 3 + "\n"
            "二、工作目标\n确保不发生重特大森林火灾，火灾受害率控制在千分之一以内。\n"
            "三、主要任务\n1、区森林警察大队加大火灾案件查办力度，对肇事者依法给予刑事、行政、经济的处罚，形成有力震慑。\n")
    assert "safeguards" in missing(review(Document.from_text(head + "\n2"), rules))
    # a page number under a paragraph that is no item numbered one less, or one of a PDF's page
    # numbers (another line of a number alone above): nothing cut
    page = head.replace("1、区森林", "区森林") + "\n2"
    assert "safeguards" not in missing(review(Document.from_text(page), rules))
    pages = head.replace("二、工作目标", "1\n二、工作目标") + "\n2"
    assert "safeguards" not in missing(review(Document.from_text(pages), rules))


def test_late_part_cut_in_its_first_sentence_is_lost(rules):
    head = ("2023年机关后勤工作总结\n一年来，我们紧扣中心工作，完成了各项任务，取得了明显成效。\n"
            "一、存在的问题\n经费管理还不够精细，个别制度落实不到位。\n")
    cut = head + "二、下一步工作打算\n我们将以此次检查为契机，进一步挖掘增收节支潜"
    warn = {f.section for f in review(Document.from_text(cut), rules).findings
            if f.category == "missing_section" and f.severity == "warning"}
    assert "next_steps" in warn
    done = cut + "力，严格执行预算。\n"  # one finished sentence: the part is there
    assert "next_steps" not in missing(review(Document.from_text(done), rules))
    # a line opening with 工作思路 and running on past a comma is a sentence, not the part's heading
    text = ("2023年学校德育工作总结\n学校坚持德育为首的工作思路，积极研究德育工作内容，取得了明显成效。\n"
            "一、存在的问题\n个别班级活动流于形式。\n")
    assert "next_steps" in missing(review(Document.from_text(text), rules))


def test_signature_ending_is_not_truncation(rules):
    rep = review(Document.from_text(SPEECH + "青山镇人民政府\n2024年3月15日\n"), rules)
    assert not any(f.rule == "structure.truncated" for f in rep.findings)


def test_meeting_notice_topics_are_required(rules, tmp_path):
    notice = Document.from_text("关于召开推进会的通知\n各乡镇：\n请主要负责同志作汇报发言，汇报内容包括："
                                "1.工作进展；2.存在问题；3.下一步打算。\n", path="通知.txt")
    text = SPEECH.replace("二、存在的问题\n一是产业链条较短，二是人才支撑不足。\n", "")
    rep = review(Document.from_text(text), rules, ReviewOptions(references=(notice,)))
    msgs = [f.message for f in rep.findings if f.rule == "structure.notice-topic"]
    assert msgs == ["会议通知要求汇报“存在问题”，本稿未见对应内容。"]


def test_reference_makes_customary_part_expected(rules):
    # a reflection calls the next steps customary (info); two references with them make them expected.
    essay = "学习党纪学习教育心得体会\n" + "通过学习，我深刻认识到加强纪律建设是全面从严治党的治本之策。" * 8 + "\n"
    ref = Document.from_text(essay + "下一步，我将把学习成果转化为推动工作的强大动力。\n", path="去年体会.txt")
    plain = review(Document.from_text(essay), rules)
    assert missing(plain) == [] and "next_steps" in missing(plain, "info")
    with_ref = review(Document.from_text(essay), rules, ReviewOptions(references=(ref, ref)))
    assert missing(with_ref) == ["next_steps"]


def test_seed_004_against_000_and_001():
    seeds = shared("seeds")
    refs = (load(seeds / "000_2b1bcdec9dc714f6.txt"), load(seeds / "001_66caa9cd159b2e3a.txt"))
    from reviewer.core.rules import load_rules

    rep = review(load(seeds / "004_cf9338460a426b92.txt"), load_rules(), ReviewOptions(references=refs))
    assert missing(rep) == ["closing", "salutation"]


def test_seed_001_against_000():
    seeds = shared("seeds")
    from reviewer.core.rules import load_rules

    rep = review(load(seeds / "001_66caa9cd159b2e3a.txt"), load_rules(),
                 ReviewOptions(references=(load(seeds / "000_2b1bcdec9dc714f6.txt"),)))
    assert missing(rep) == ["next_steps"]


def test_reference_folder_of_mixed_files_from_cli(tmp_path):
    seeds, docx = shared("seeds"), shared("seeds_docx")
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "a.txt").write_bytes((seeds / "000_2b1bcdec9dc714f6.txt").read_bytes())
    (folder / "b.docx").write_bytes((docx / "001_66caa9cd159b2e3a.docx").read_bytes())
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", "--reference", str(folder),
                          str(seeds / "004_cf9338460a426b92.txt")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    warn = sorted(i["section"] for i in data["issues"] if i["category"] == "missing_section"
                  and i["severity"] == "warning")
    assert warn == ["closing", "salutation"]


def test_empty_reference_folder_is_an_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--reference", str(tmp_path),
                          str(ROOT / "resources" / "samples" / "示例-汇报发言.txt")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2 and "没有" in out.stderr


def test_profile_unknown_key_is_a_load_error(tmp_path):
    import shutil

    folder = tmp_path / "genres"
    shutil.copytree(ROOT / "rules" / "genres", folder)
    (folder / "plan.yaml").write_text((folder / "plan.yaml").read_text(encoding="utf-8") + "colour: red\n",
                                      encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_profiles(folder)
    assert err.value.key == "colour" and "plan.yaml" in err.value.file


def test_run_in_headings_and_docx_headings_in_outline(rules, tmp_path):
    text = ("在全县基层治理工作会议上的汇报发言\n"
            "做好加法，完善组织体系。我们推动县、街道、社区、网格四级联动，建立协调机制，定期研究解决问题。\n"
            "做好减法，减轻基层负担。我们精简会议文件，优化考核评价，让基层干部有更多时间抓落实。\n"
            "今年以来，成效明显。我们坚持问题导向，推动各项工作落地见效，群众满意度持续提升。\n")
    rep = review(Document.from_text(text), rules)
    assert [o.text for o in rep.outline if o.kind == "heading"] == ["做好加法，完善组织体系", "做好减法，减轻基层负担"]
    import docx

    d = docx.Document()
    d.add_paragraph("关于基层治理工作的汇报")
    d.add_heading("总体情况", level=1)
    d.add_paragraph("正文内容，正文内容。")
    d.add_paragraph().add_run("加粗的小标题").bold = True
    d.add_paragraph("正文内容，正文内容。")
    d.save(tmp_path / "h.docx")
    rep = review(load(tmp_path / "h.docx"), rules)
    assert [(o.text, o.level) for o in rep.outline if o.kind == "heading"] == [("总体情况", 1), ("加粗的小标题", 1)]


@pytest.mark.parametrize("ending,cut", [
    ("二是加强", True), ("下面，我讲三点意见：", True), ("全年实现增长12.", True),
    ("我们要深入学习贯彻会议精神，扎实推进各项工作……", True), ("继续保持“咬定青山不放松”", True),
    ("青山镇人民政府\n2024年3月15日", False), ("附件：1.报名表，2.评分表", False), ("谢谢大家！", False),
    # a word that never ends a text, left last (a toast's 祝, an ordinal's 第, a particle)
    ("祝", True), ("男：下面进行的是第", True), ("我们要把这项工作作为", True), ("女：谢谢各位的光临！", False),
    # a list's item ending on a semicolon, last: the items after it were lost
    ("（二）开展隐患排查\n重点检查制度落实情况；隐患整改情况；", True), ("三、检查内容\n制度落实情况；", True),
    # a few words with no stop under a heading or a label: the section's first sentence broken off
    ("二、学习体会\n报告内容引人深", True), ("2、拔河比赛：\n负责", True), ("五、实施步骤\n学校交通安全隐患排查工作实施", True),
    # ... but not a heading that asks for a few words, a sign-off, a signature
    ("六、活动地点\n学校操场", False), ("三、主办单位\n县总工会", False), ("三、总结表彰\n谢谢大家", False),
    ("四、工作要求\n青山镇人民政府", False),
    # the next paragraph's first character alone: cut there; an end mark of a piece is not
    ("通过活动，教师体会到了主人翁的责任感。\n学", True), ("通过活动，教师体会到了主人翁的责任感。\n完", False),
    # a clause opening a condition or a concession, left without the clause it asks for
    ("其实没有任何理由可以成为借口。\n如果背离了", True), ("尽管困难很多", True),
    # a book title opened and never closed; a PDF's hard-wrapped paragraph going on into the last line
    ("县上制定下发了《民勤县农村", True), ("对照年初确定的目标任务完成情况，2022年度全市争取省\n政府真抓实干督", True),
    ("县政府关于印发《民勤县农村人居环境整治方案》的通知\n民勤县人民政府", False),
    # a new paragraph's first words under a finished one, the page stopping there; a short clause and the next
    ("经济总", True), ("今天，我体会到", True), ("二是抓", True),
    # ... but not a name, an organisation's signature, a caption or a closing wish without its stop
    ("李明", False), ("青山镇实验小学", False), ("图为会议现场", False), ("祝大家新春快乐", False),
    ("此致，敬礼", False), ("四、工作要求", True),
    # an item of a running list without its stop, the item before it closed by one; the last words
    # closed by a semicolon (what followed was lost) -- but not a list finished with its stop
    ("①不准私自下河游泳；\n\n②不准在不会游泳的监护人带领", True), ("①不准私自下河游泳；\n②不准私自外出。", False),
    ("公路两侧不得出现垃圾和白色污染物;", True),
])
def test_where_a_draft_is_cut_off(ending, cut):
    from reviewer.core.structure import _cut_off

    text = "在全县经济工作会议上的讲话\n同志们：\n" + "我们坚持以人民为中心，统筹推进各项工作。" * 6 + "\n" + ending
    assert (_cut_off(text, 0, len(text)) is not None) == cut


def test_site_footer_is_not_the_ending(rules):
    speech = ("在全县经济工作会议上的讲话\n同志们：\n" + "我们坚持以人民为中心，统筹推进各项工作。" * 8 +
              "\n让我们团结一心，为建设美丽家园而努力奋斗！\n")
    for footer in ("上一篇：在全县会议上的讲话\n下一篇：工作总结范文\n", "更多精彩范文，请查看更多>>\n"):
        rep = review(Document.from_text(speech + footer), rules)
        assert missing(rep) == [] and not any(f.rule == "structure.truncated" for f in rep.findings)


def test_greeting_needs_no_salutation_but_an_ending(rules):
    text = ("县政府2026年新春贺词\n岁序更替，华章日新。值此新春佳节到来之际，向全县父老乡亲致以诚挚的问候！\n"
            + "这一年，我们聚势赋能，产业发展跑出加速度，乡村振兴奏响奋进曲。" * 6 + "\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech" and "贺词" in rep.genre_reason
    assert missing(rep) == ["closing"]
    rep = review(Document.from_text(text + "祝全县人民新春快乐、阖家幸福！\n"), rules)
    assert missing(rep) == []


def test_new_year_address_signed_below_its_wish_is_complete(rules):
    # an organisation's 新春致辞 has no salutation line; its signature and date, set off by
    # blank lines, follow the closing wish
    text = ("公司董事长2026年新春致辞\n岁序更替，华章日新。我谨代表公司向全体员工致以新春的祝福！\n"
            + "这一年，我们攻坚克难，主营业务稳步增长，新项目顺利投产。" * 6
            + "\n\n祝大家新春快乐，阖家幸福！\n\n公司董事长 王明\n\n2026年2月1日\n")
    rep = review(Document.from_text(text), rules)
    assert "贺词" in rep.genre_reason and missing(rep) == []


def test_party_lesson_needs_no_salutation(rules):
    body = "我们知道，党的先进性首先体现为思想理论上的先进性。" * 8
    rep = review(Document.from_text("专题党课讲稿：把学习引向深入\n" + body + "\n让我们不忘初心，砥砺前行！\n"), rules)
    assert rep.genre == "leader_speech" and "党课" in rep.genre_reason
    assert missing(rep) == [] and missing(rep, "info") == ["salutation"]
    assert missing(review(Document.from_text("专题党课讲稿：把学习引向深入\n" + body + "\n"), rules)) == ["closing"]


def test_occasion_speech_has_no_next_steps_part(rules):
    body = "今天，我们迎来了新学期，心中充满喜悦。老师们辛勤耕耘，同学们刻苦学习。" * 6
    for title in ("教师代表在开学典礼上的发言", "在退休欢送仪式上的发言"):
        rep = review(Document.from_text(title + "\n尊敬的各位领导、老师们：\n" + body + "\n谢谢大家！\n"), rules)
        assert rep.genre == "report_speech" and missing(rep) == []
    # a report at a meeting still states its next steps
    rep = review(Document.from_text("在全县工作会议上的汇报发言\n尊敬的各位领导：\n" + body + "\n谢谢大家！\n"), rules)
    assert "next_steps" in missing(rep)


def test_investigation_report_needs_problems_and_suggestions(rules):
    head = ("关于全县农村人居环境整治情况的调研报告\n为全面了解情况，调研组深入乡镇开展调研。现将有关情况报告如下。\n一、基本情况\n"
            + "全县共建成美丽乡村示范点，农村生活垃圾得到有效治理。" * 6)
    rep = review(Document.from_text(head + "\n"), rules)   # cut off after its first part
    assert rep.genre == "summary" and "调研报告" in rep.genre_reason
    assert missing(rep) == ["next_steps", "problems"] and missing(rep, "info") == []
    for problems, suggestions in (("二、面临的困难和问题", "三、加强和改进工作的几点思考"), ("二、问题及原因分析", "三、意见和建议"),
                                  ("二、制约因素", "三、加强农村人居环境整治的建议")):
        text = head + f"\n{problems}\n部分村庄管护机制不健全。\n{suggestions}\n建立长效机制。\n"
        assert missing(review(Document.from_text(text), rules)) == [], (problems, suggestions)


def test_a_work_item_that_solves_problems_is_not_the_problems_part(rules):
    text = ("2025年社区工作总结\n一、主要工作\n" + "今年以来，社区围绕中心工作，扎实推进各项任务。" * 5
            + "\n二、着力解决群众急难愁盼问题\n新建便民服务点三个。\n三、下一步工作打算\n继续做好服务。\n")
    assert "problems" in missing(review(Document.from_text(text), rules))


def test_salutation_run_into_the_first_sentence(rules):
    body = "今天我们召开全县工作会议，主要任务是总结工作、部署任务，安排下一阶段的重点工作。" * 6
    for head, found in (("同志们下午好，", True), ("同志们：\n", True), ("", False)):
        rep = review(Document.from_text("在全县工作会议上的讲话\n" + head + body + "\n谢谢大家！\n"), rules)
        assert ("salutation" not in missing(rep)) == found, head


def test_a_closing_call_above_the_break_is_not_the_ending(rules):
    speech = ("在全市作风建设大会上的讲话\n同志们：\n" + "今天召开这次会议，主要任务是总结经验、部署工作。" * 6
              + "\n我们要以铁的纪律锻造过硬作风，为奋力谱写现代化建设新篇章提供坚强保障。\n")
    cut = review(Document.from_text(speech + "一、肯定成绩，总结经验，进一步坚定抓作风的信心决心\n"), rules)
    assert [(f.section, f.severity) for f in cut.findings if f.category == "missing_section"] == [("closing", "warning")]
    assert missing(review(Document.from_text(speech), rules)) == []


def test_a_plan_broken_off_inside_its_running_list(rules):
    head = ("社区中秋游园活动实施方案\n一、活动主题：欢度中秋\n二、活动时间：9月15日\n三、活动内容\n"
            + "1)猜灯谜，设置灯谜一百条，猜中者领取小礼品一份\n2)包月饼，社区居民现场制作月饼并分享\n3)我爱记歌词，居民分组比赛\n")
    cut = review(Document.from_text(head + "4)交"), rules)
    assert ("safeguards", "warning") in [(f.section, f.severity) for f in cut.findings if f.category == "missing_section"]
    whole = review(Document.from_text(head + "4)交流分享\n四、工作要求\n注意安全。\n"), rules)
    assert "safeguards" not in missing(whole)


def test_development_plan_is_a_plan(rules):
    rep = review(Document.from_text("某镇“十四五”发展规划\n“十四五”时期是全面建设社会主义现代化国家新征程的头五年。\n"), rules)
    assert rep.genre == "plan" and "发展规划" in rep.genre_reason


def test_first_item_glued_to_the_title_is_not_missing(rules):
    from reviewer.core.document import Document
    from reviewer.core.engine import review

    glued = "五一活动方案一、活动目的\n为丰富校园生活，特制定本方案。\n二、活动时间\n5月1日。\n"
    missing = "五一活动方案\n为丰富校园生活，特制定本方案。\n二、活动时间\n5月1日。\n"
    assert not any(f.rule == "numbering.skipped" for f in review(Document.from_text(glued), rules).findings)
    assert any(f.rule == "numbering.skipped" for f in review(Document.from_text(missing), rules).findings)


def test_plan_parts_under_other_names(rules):
    from reviewer.core.document import Document
    from reviewer.core.engine import review

    text = "中秋游园活动方案\n一、活动背景\n传统节日需要传承。\n二、活动过程\n1.猜灯谜。\n三、评选目的：\n激发热情。\n"
    missing = {f.section for f in review(Document.from_text(text), rules).findings
               if f.category == "missing_section"}
    assert "objectives" not in missing and "tasks" not in missing
    assert "schedule" in missing  # no time or steps anywhere


# ----- structure checks are rules (rules/structure/*.yaml) ---------------------------

CUT = SPEECH.replace("三、下一步打算\n我们将持续用力，推动乡村振兴取得新成效。\n汇报完毕，谢谢大家！\n",
                     "三、下一步打算\n我们将持续用力，推动乡村振兴")


def test_every_structure_check_has_a_rule(rules):
    from reviewer.core.rules.structure_kind import CHECKS

    checks = {r.check for r in rules if r.kind == "structure"}
    assert checks == set(CHECKS)
    assert all(r.category == "structure" and r.full_id == f"structure.{r.check}" for r in rules if r.kind == "structure")


def test_turning_a_structure_rule_off_drops_only_its_findings(rules):
    on = review(Document.from_text(CUT), rules)
    assert any(f.rule == "structure.missing-part" for f in on.findings)
    off = review(Document.from_text(CUT), rules, ReviewOptions(disabled_rules=frozenset({"structure.missing-part"})))
    assert not any(f.rule == "structure.missing-part" for f in off.findings)
    assert off.genre == on.genre and off.outline == on.outline  # the analysis itself still runs
    others = [f.to_dict() for f in on.findings if f.rule != "structure.missing-part"]
    assert [f.to_dict() for f in off.findings] == others


def test_severity_and_message_come_from_the_rule_file(rules, tmp_path):
    """A copy of the shipped structure rules with other words: the findings follow the file."""
    from reviewer.core.rules import load_rules

    folder = tmp_path / "rules" / "structure"
    folder.mkdir(parents=True)
    for rule in rules:
        if rule.kind == "structure":
            text = open(rule.source, encoding="utf-8").read()
            if rule.check == "missing-part":
                text = text.replace("customary_severity: info", "customary_severity: warning")
                text = text.replace("cut-sentence: 文稿似乎在“{tail}”处被截断", "cut-sentence: 文稿停在“{tail}”")
            (folder / f"{rule.id}.yaml").write_text(text, encoding="utf-8")
    mine = load_rules([tmp_path / "rules"], builtin=False)
    rep = review(Document.from_text(CUT), mine)
    closing = next(f for f in rep.findings if f.section == "closing")
    assert closing.message.startswith("文稿停在“") and closing.severity == "warning"
    no_salutation = Document.from_text(SPEECH.replace("尊敬的各位领导，同志们：\n", ""))
    assert missing(review(no_salutation, rules), "info") == ["opening"]
    assert missing(review(no_salutation, mine), "info") == []  # a customary part is a warning now
    assert "opening" in missing(review(no_salutation, mine))


def test_without_structure_rules_there_are_no_structure_findings(rules):
    from reviewer.core.rules import RuleSet

    plain = RuleSet([r for r in rules if r.kind != "structure"])
    rep = review(Document.from_text(CUT), plain)
    assert rep.genre == "report_speech" and rep.outline
    assert not any(f.category in ("missing_section", "truncated") for f in rep.findings)


def test_structure_rule_with_an_unknown_check_is_a_load_error(tmp_path):
    from reviewer.core.rules import load_rules

    (tmp_path / "structure").mkdir()
    (tmp_path / "structure" / "odd.yaml").write_text(
        "id: odd\nname: 怪\nkind: structure\ncheck: no-such-check\nseverity: info\nmessage: 怪\n"
        "examples:\n  - bad: \"x[[]]\"\n  - good: y\n", encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "check" and "odd.yaml" in err.value.file


def test_structure_messages_are_unchanged_by_the_move_to_rules(rules):
    """The texts the analysis gave before the checks became rules."""
    rep = review(Document.from_text(CUT), rules)
    closing = next(f for f in rep.findings if f.section == "closing")
    assert closing.message == "文稿似乎在“推动乡村振兴”处被截断，后文和结束语缺失，请补全结尾。"
    trunc = review(Document.from_text("今年以来，我们坚持稳中求进工作总基调，扎实推进各项工作，全年目标任务顺利完成。\n"
                                      "下一步，我们将继续深化改革，着力优化营商环境"), rules)
    t = next(f for f in trunc.findings if f.rule == "structure.truncated")
    assert t.category == "truncated" and t.severity == "warning"
    assert t.message == "正文在“着力优化营商环境”处中断（句子没有写完），可能是从网页预览复制的不完整文稿，请补全后文。"


def test_structure_has_no_module_over_400_lines():
    for path in (ROOT / "reviewer" / "core" / "structure").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def _rules_of(rep, prefix):
    return sorted((f.rule, f.text) for f in rep.findings if f.rule.startswith(prefix))


def test_plan_cut_off_in_its_first_section_lost_its_tasks(rules):
    # Cut off while still in the background section: the tasks never came (a warning, not a hint).
    text = ("2024年乡镇产业发展实施方案\n一、发展基础\n我镇地处山区，交通不便，产业基础薄弱，农民收入主要依靠外出务工，"
            "近年来镇党委坚持把产业发展作为头等大事来抓，先后引进了茶叶、中药材等")
    warn = missing(review(Document.from_text(text), rules))
    assert "tasks" in warn and "safeguards" in warn
    # the same plan cut off after its second section had begun: its tasks were begun above the cut
    later = text.replace("近年来", "二、主要任务\n近年来")
    assert "tasks" not in missing(review(Document.from_text(later), rules))
    # a plan of labelled paragraphs (no numbered sections) cut off: nothing says where it broke off
    labelled = ("2024年街道工作计划\n党建工作：完善党建引领机制，以社区大党委为抓手，对辖区社区进行精准定位、分类打造。\n"
                "经济工作：坚持把经济发展作为第一要务，坚持引进来与走出去并举，重点围绕文旅商贸、数字经济、总部经济，"
                "大力开展招商引资、招才引智等工作，持续加强与有关企业的洽谈对接，争取早日取得项目落地新进展。\n"
                "创建工作：严格对照文明城市测评体系新标准、新要求，全面查漏补缺，把各项指标任务分解到每个季度、每个月，"
                "重点针对辖区内的薄弱点、空白点，进一步加强与工信、市政等部门")
    assert "tasks" not in missing(review(Document.from_text(labelled), rules))


def test_late_part_whose_heading_ends_the_draft_is_missing(rules):
    # 五、工作要求 is there, but the draft breaks off under it: its content was lost.
    text = ("社区重阳节敬老活动方案\n一、活动目的\n弘扬敬老爱老的传统美德，营造尊老氛围。\n二、活动时间\n10月11日上午。\n"
            "三、活动地点\n社区活动中心。\n四、活动内容\n1、为老人义诊。\n2、文艺演出。\n五、工作要求\n1、注意")
    assert "safeguards" in missing(review(Document.from_text(text), rules))
    whole = text + "老人安全，安排专人负责接送。\n2、各小组要按分工做好准备，确保活动顺利进行。"
    assert "safeguards" not in missing(review(Document.from_text(whole), rules))


def test_numbering_step_across_what_hides_it(rules):
    # the missing item ran into the line above, a heading ran into a line, a list announced by
    # a colon line starts again at 1: no skip, no repeat
    text = ("一、目标任务\n1. 成立领导小组。\n2. 设立指挥部。 3. 组建专班。\n4. 加强协作。 二、工作措施\n1. 加强监测。\n"
            "2. 及时预警，流程如下：\n1. 发布预警。\n2. 启动响应。\n")
    rep = review(Document.from_text(text), rules)
    assert _rules_of(rep, "numbering.") == []
    # the same lines with nothing run together: the skip is reported
    plain = "一、目标任务\n1. 成立领导小组。\n2. 设立指挥部。\n4. 加强协作。\n"
    assert _rules_of(review(Document.from_text(plain), rules), "numbering.") == [("numbering.skipped", "4.")]


def test_a_list_run_into_an_item_after_a_colon_is_a_list_of_its_own(rules):
    # ②征文要求：1、…⏎2、…⏎3、… is a list inside item 1; the outer list takes up again at 2
    text = ("一、活动安排\n1、举办征文比赛。\n①征文时间：4月13日至4月30日\n②征文要求：1、思想健康，切合主题\n"
            "2、诗歌、散文均可\n3、每班推荐5篇上交\n2、举办板报评比。\n①参赛要求：1、主题鲜明\n2、设计新颖\n"
            "3、书写工整\n3、各团支部开展一次主题团日活动。\n")
    assert _rules_of(review(Document.from_text(text), rules), "numbering.") == []
    # with no list run into a line the outer list's step back to 2 is reported
    plain = text.replace("②征文要求：1、思想健康，切合主题", "②征文要求：思想健康，切合主题")
    assert ("numbering.repeated", "2、") in _rules_of(review(Document.from_text(plain), rules), "numbering.") \
        or ("numbering.skipped", "2、") in _rules_of(review(Document.from_text(plain), rules), "numbering.")


def test_a_vote_formula_said_at_each_vote_is_no_repeated_sentence(rules):
    vote = "同意的请举手，没有（或请放下）；弃权的请举手，没有（或请放下）。一致通过（或同意的超过应到会党员的半数，通过）。\n"
    text = ("党员大会主持词\n同志们：\n现在进行第一项议程，表决选举办法（草案）。\n" + vote +
            "现在进行第二项议程，表决监票人名单（草案）。\n" + vote)
    assert not any(f.category == "duplicate" for f in review(Document.from_text(text), rules).findings)
    # a sentence of the speech pasted twice still is one
    twice = text + "我们要认真履行党员义务，积极参加组织生活，发挥先锋模范作用。\n" * 2
    assert any(f.rule == "duplicate.sentence" or f.rule == "duplicate.paragraph"
               for f in review(Document.from_text(twice), rules).findings)


def test_numbering_skip_across_text_the_site_hid():
    from reviewer.core.structure.numbering import analyse

    def checks(hidden, with_junk=True):
        text = f"一、工作目标\n力争创建规范化学校。\n{hidden}\n五、项目方案\n拆除危旧教室。\n"
        d = Document.from_text(text)
        junk = [(text.index(hidden), text.index(hidden) + len(hidden))] if with_junk else []
        return [e.check for e in analyse(text, d.paragraphs, junk)]

    assert checks("……此处隐藏2000个字……") == []
    assert checks("……此处隐藏2000个字……", with_junk=False) == ["skip"]
    # junk that counts nothing does not explain the gap
    assert checks("……此处隐藏了……") == ["skip"]


def test_marker_written_twice(rules):
    rep = review(Document.from_text("一、基本情况\n村里有耕地三千亩。\n二、二、存在问题\n道路失修。（三）（三）人才不足。\n"), rules)
    assert _rules_of(rep, "numbering.doubled") == [("numbering.doubled", "二、二、"), ("numbering.doubled", "（三）（三）")]
    assert _rules_of(review(Document.from_text("第十二、二十项由办公室负责。\n"), rules), "numbering.doubled") == []


def test_first_item_lost_one_helper_for_headings_and_enumerations():
    from reviewer.core.structure.numbering import _first_lost
    from reviewer.core.structure.numbering.markers import Marker

    def second(text):
        return Marker("shi", 2, text.index("二是"), text.index("二是") + 2, text.count("\n", 0, text.index("二是")), True, "二是")

    text = "一、主要做法\n二是强化排查。"
    assert [e.values["expected"] for e in _first_lost(text, second(text))] == ["一是"]
    earlier = "一是压实责任。\n" + text
    assert _first_lost(earlier, second(earlier)) == []  # the first item is there
    # since the section's heading: a first item above the heading does not count
    assert _first_lost(earlier, second(earlier), since=earlier.index("一、")) != []


def test_title_repeats_a_site_makes_are_not_duplicates(rules):
    # a collection's numbered piece (……方案1) and the site's 【title】 before the text are site junk
    piece = "社区中秋活动实施方案\n下面是小编整理的方案，欢迎阅读。\n社区中秋活动实施方案1\n一、活动主题：团圆中秋\n"
    assert _rules_of(review(Document.from_text(piece), rules), "duplicate.title") == []
    bracket = "乡镇安全生产工作半年总结\n\n【乡镇安全生产工作半年总结】（三）存在的薄弱环节\n监管力量不足。\n"
    assert _rules_of(review(Document.from_text(bracket), rules), "duplicate.title") == []
    # a title given again in two parts (……讲稿：……) after the site's byline is a duplicate
    again = "党课讲稿 中国共产党的精神力量\n时间:2020-12-05 10:39:50 来源:网友投稿\n党课讲稿：中国共产党的精神力量\n同志们：\n"
    assert [t for _, t in _rules_of(review(Document.from_text(again), rules), "duplicate.title")] == [
        "党课讲稿：中国共产党的精神力量"]


def test_near_duplicate_trims_like_the_junk_lines():
    from reviewer.core.structure.duplicates.repeats import find_near

    a = "  我们坚持问题导向，着力解决群众反映强烈的急难愁盼问题，推动各项工作落地见效。  "
    b = "  我们坚持问题导向，着力解决群众反映强烈的急难愁盼问题，推动各项任务落地见效。  "
    text = a + "\n" + b + "\n"
    d = Document.from_text(text)
    (s, e, v), = list(find_near(text, d.paragraphs, []))
    assert text[s:e] == b.strip() and v == {"first_line": 1}


def test_text_the_site_hid_counts_as_a_cut(rules):
    # ……此处隐藏N个字……: the stretch the site hid may have held the plan's requirements
    head = ("社区文明创建工作方案\n一、指导思想\n以提升居民文明素质为目标，深入开展文明创建。\n二、工作目标\n"
            "力争年内创成文明社区。")
    tail = "\n四、工作步骤\n3月前完成动员部署，6月前完成集中整治。\n"
    hidden = review(Document.from_text(head + "……此处隐藏5230个字……" + tail), rules)
    assert "safeguards" in missing(hidden)
    assert any("此处隐藏" in f.message for f in hidden.findings if f.section == "safeguards")
    assert "safeguards" not in missing(review(Document.from_text(head + tail), rules))


def test_points_numbered_on_across_sections_are_not_skips(rules):
    # A 意见 numbers its points on across its sections: （三） under 二、 follows （二） under 一、,
    # far below the first point.
    filler = "各地区各部门要提高政治站位，把这项工作摆在突出位置，加强统筹协调，形成工作合力。" * 5
    text = (f"关于加强基层治理的意见\n一、总体要求\n（一）指导思想。{filler}\n（二）基本原则。{filler}\n"
            f"二、重点任务\n（三）加强领导。{filler}\n（四）强化保障。{filler}\n")
    assert _rules_of(review(Document.from_text(text), rules), "numbering.") == []
    # a section whose points start at （四） after a list that ended at （二）: a skip
    skipped = text.replace("（三）", "（五）").replace("（四）", "（六）")
    assert [r for r, _ in _rules_of(review(Document.from_text(skipped), rules), "numbering.")] == ["numbering.skipped"]


def test_site_junk_between_title_and_salutation_does_not_hide_it(rules):
    # a page's style sheet (400+ characters of junk) between the title and 同志们：
    css = "@page { size: 8.27in 11.69in; margin-left: 1.25in; margin-right: 1.25in } " + " ".join(
        f"p.c{i} {{ color: #000000; line-height: 115%; font-size: 10pt; so-language: zh-CN }}" for i in range(8))
    body = "今天召开全县防汛工作会议，主要任务是部署今年的防汛工作。" * 4
    text = f"在全县防汛工作会议上的讲话\n{css}\n同志们：\n{body}\n同志们，让我们共同努力，确保安全度汛。谢谢大家！\n"
    rep = review(Document.from_text(text), rules)
    assert any(f.category == "site_junk" and "@page" in f.text for f in rep.findings)
    assert "salutation" not in missing(rep)


def test_sentences_a_site_summary_repeats_are_not_repeats_of_the_text(rules):
    # the site's summary line repeats the speech's opening: duplicate.lead reports the summary,
    # and the text's own sentences are not reported again as repeats of it
    opening = ("同志们：非常感谢组织和大家对我的信任，选举我担任本所所长。我深知这次选举的分量，"
               "因为在它的身后，是全所六十多名职工的重托。")
    text = (f"所长就职演讲稿\n\n所长就职演讲稿 {opening}本所有过辉煌\n\n所长就职演讲稿\n{opening}本所有过辉煌的昨天，"
            "也面临新的挑战。我们要在关键时期大有作为。\n今后我将带领大家务实工作，谢谢大家！\n")
    rep = review(Document.from_text(text), rules)
    # (the summary line, cut off mid-sentence, is also the site's preview: site_junk.preview
    # reports it, and a duplicate inside junk is dropped)
    line = text.index("所长就职演讲稿 同志们")
    assert [f.rule for f in rep.findings if f.start <= line + 8 < f.end and f.category in ("duplicate", "site_junk")] \
        in (["duplicate.lead"], ["site_junk.preview"])
    assert not [f for f in rep.findings if f.rule == "duplicate.sentence"]


def test_part_cues_read_through_pinyin_glosses(rules):
    # a converting site put tone-marked pinyin after some characters: 指导(dǎo)思想, 组织领(lǐng)导
    text = ("校园消防安全教育活动方案\n一、指导(dǎo)思想\n牢固树立安全第一的意识，切实加强学生消防安全教育。\n"
            "二、活动目的\n增强学生消防安全意识，提高自护自救能力。\n三、活动时间：11月4日至11月8日\n"
            "四、活动内(nèi)容\n组织消防知识讲座和疏散演练。\n五、组织领(lǐng)导\n组长：校长\n副组长：分管副校长\n")
    rep = review(Document.from_text(text), rules)
    assert any(f.rule == "site_junk.pinyin-gloss" for f in rep.findings)
    assert missing(rep) == [] and missing(rep, "info") == []
    assert "guiding_principle" in missing(review(Document.from_text(text.replace("指导(dǎo)思想", "总纲")), rules), "info")


def test_a_plan_section_named_for_its_work_holds_its_tasks_and_steps(rules):
    """四、整治内容 / 五、整治步骤: a section whose heading ends in 内容/任务/措施 (步骤/进度) holds the
    plan's tasks (schedule), whatever the work is called; the words in a sentence do not."""
    text = ("学校交通安全专项整治工作方案\n一、总体思路\n以保障师生出行安全为目标，全面排查整治交通安全隐患。\n"
            "二、整治内容\n（一）完善学校交通安全制度。\n（二）加强上下学路队管理。\n"
            "三、整治步骤\n九月排查，十月整改，十一月验收。\n四、工作要求\n各班要高度重视，认真组织，确保实效。\n")
    warn_or_info = {f.section for f in review(Document.from_text(text), rules).findings if f.category == "missing_section"}
    assert "tasks" not in warn_or_info and "schedule" not in warn_or_info
    inline = text.replace("二、整治内容\n", "").replace("三、整治步骤\n", "本次整治步骤和整治内容如下。\n")
    warn_or_info = {f.section for f in review(Document.from_text(inline), rules).findings if f.category == "missing_section"}
    assert "tasks" in warn_or_info and "schedule" in warn_or_info


def test_a_first_section_numbered_with_a_comma_is_no_title(rules):
    """1，指导思想 opening a plan copied without its title: the plan's first section (its guiding
    principle is there), not a title under which the guiding principle would be missing."""
    text = ("1，指导思想\n深入贯彻安全发展理念，坚持安全第一、预防为主、综合治理的方针，扎实开展安全生产月活动。\n"
            "2，活动主题\n强化安全基础，促进安全发展。\n3，活动时间\n6月1日至30日。\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "plan"
    assert "guiding_principle" not in {f.section for f in rep.findings if f.category == "missing_section"}
    assert not [o for o in rep.outline if o.kind == "title"]
