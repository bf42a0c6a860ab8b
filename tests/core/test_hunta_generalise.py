"""False alarms of the structure, duplicate and blank-figure checks on drafts from sites
nobody here had seen (hunta): a written 总结汇报 read as a speech, a pasted table's repeated
rows, a page's date stamp given twice, a self-criticism closed by a pledge, names and
departments read as counts.  The texts are written for the tests."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections


_missing = missing_sections  # tests/conftest.py


def _rules(rep, category):
    return sorted(f.rule for f in rep.findings if f.category == category)


_SUMMARY = ("一、主要工作\n（一）加强理论学习。组织中心组集中学习4次，开展专题研讨2次。\n"
            "二、存在问题\n一是学习深度不够；二是党建与业务融合不紧。\n"
            "三、下一步打算\n下一步，我们将进一步加强理论武装，推动党建与业务深度融合。")


def test_a_written_summary_report_is_a_summary(rules):
    text = "学校第一季度党建工作总结汇报\n今年第一季度，学校党委扎实推进各项党建工作。\n" + _SUMMARY
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary", rep.genre_reason
    assert _missing(rep) == []  # no salutation or closing is asked of a written summary


def test_a_summary_report_given_at_a_meeting_is_a_report_speech(rules):
    text = ("学校第一季度党建工作总结汇报\n尊敬的各位领导、同志们：\n"
            "现将第一季度党建工作情况汇报如下。\n" + _SUMMARY + "\n汇报完毕，谢谢大家！")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech", rep.genre_reason


def test_a_pasted_tables_repeated_rows_are_no_duplicate_paragraphs(rules):
    row = "| 信息内容 | 本年处理决定数量 | 备注 |"
    text = ("关于信息公开工作的情况报告\n一、总体情况\n本年度主动公开信息120条。\n"
            f"{row}\n| 行政许可 | 0 | |\n{row}\n| 行政处罚 | 3 | |\n"
            "项目名称\t实施单位\t完成时限\n道路硬化\t交通局\t年底\n项目名称\t实施单位\t完成时限\n"
            "2018-08-27 11:51:03\n正文到此结束。\n2018-08-27 11:51:03")
    rep = review(Document.from_text(text), rules)
    assert "duplicate.paragraph" not in _rules(rep, "duplicate")


def test_a_paragraph_pasted_twice_is_still_reported(rules):
    para = "我们坚持问题导向，着力解决群众急难愁盼问题，推动各项工作落地见效。"
    text = f"工作总结\n{para}\n二是加强队伍建设。\n{para}"
    rep = review(Document.from_text(text), rules)
    assert "duplicate.paragraph" in _rules(rep, "duplicate")


def test_a_self_criticism_closed_by_a_pledge_is_not_cut_off(rules):
    text = ("尊敬的各位领导、同志们：\n今天，我们怀着自责的心情在这里作检讨发言。督察发现的问题，"
            "暴露出我们工作中的短板。\n我们一定诚恳接受批评，全面认领问题，坚决打好整改攻坚战。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech", rep.genre_reason
    assert "closing" not in _missing(rep)


def test_names_departments_and_unit_lines_are_not_lost_figures(rules):
    text = ("组织领导\n成立工作领导小组，由张三任组长，王五、项博威、李四任副组长，"
            "成员包括大黄元过路桥、刘六、赵七。领导小组办公室设在综合部，负责日常工作。\n"
            "副院长杨万明、主任李万元出席会议。\n（单位：万元）\n项目经费合计120万元。\n"
            "两者在性质上虽有 所不同，但逻辑一致。\n全体中层干部亮绩迎“年考”。")
    rep = review(Document.from_text(text), rules)
    assert _rules(rep, "blank_figure") == []


def test_a_heading_led_by_a_marker_and_the_text_under_it(rules):
    text = ("实施方案\n一、编制说明\n（一）编制依据\n依据《中华人民共和国城乡规划法》编制本方案。\n"
            "（二）编制范围\n范围为全镇行政区域。")
    rep = review(Document.from_text(text), rules)
    assert "duplicate.word-twice" not in _rules(rep, "duplicate")


def test_a_host_scripts_goodbye_closes_it(rules):
    text = ("教师节表彰大会主持词\n甲：尊敬的各位领导、老师们：\n乙：在过去的一学年里，全乡教育事业蓬勃发展。\n"
            "甲：下面进行第一项，请乡长讲话。\n乙：全乡教师节表彰大会就要结束了！\n合：再见！")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script", rep.genre_reason
    assert "closing" not in _missing(rep)


def test_a_site_lead_in_naming_a_summary_and_its_plans_places_the_draft(rules):
    # 工作思路 inside 工作总结及……工作思路 is part of one name, not a second genre on a menu
    text = ("下面是小编为大家整理的街道工作总结及2024年工作思路，供大家参考。\n"
            "2023年来，街道认真贯彻落实区委全会精神，真抓实干。现将主要工作汇报如下。\n"
            "一、亮点工作\n组建核酸采样点18个，固定资产投资12.43亿元。\n二、存在问题\n发展后劲不足。\n"
            "三、2024年工作思路\n我们将继续推进各项工作。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary", rep.genre_reason
    assert "salutation" not in _missing(rep)


def test_a_short_line_long_only_with_pinyin_glosses_is_no_duplicate_paragraph(rules):
    """duplicate.paragraph measures a paragraph without the junk inside it: a host's short line
    said again each round (下面,請上臺領獎;) is ten characters, fifteen with a page's gloss."""
    line = "下面,請上臺領(lǐng)獎;"
    text = ("五一表彰大會主持詞\n同志們：\n現(xiàn)在開會。請市委領(lǐng)導(dǎo)講話。\n"
            f"{line}\n請頒獎嘉賓為他們頒獎。\n{line}\n大會到此結(jié)束，謝謝大家！")
    rep = review(Document.from_text(text), rules)
    assert "duplicate.paragraph" not in _rules(rep, "duplicate")
    # the same line with words enough of its own is still a repeat
    longer = "下面,請獲得勞動模范稱號的同志們上臺領(lǐng)獎;"
    rep = review(Document.from_text(text.replace(line, longer)), rules)
    assert "duplicate.paragraph" in _rules(rep, "duplicate")
