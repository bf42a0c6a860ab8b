"""Round 17 of drafts from unseen sites: a news item about a meeting or a contest is no
speech or summary -- its lines about speeches (做工作汇报, 演讲) are the event's, and
none of a speech's parts is missing from it.  A title still names a draft's genre."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.structure.news import news_lead

_BODY = ("大会对年度先进集体和先进个人进行了表彰，各部室负责人依次上台做工作汇报。集团董事长出席并讲话，"
         "他充分肯定了过去一年取得的成绩，对新一年的工作提出了明确要求。全体员工表示，将以更加饱满的热情"
         "投入到新一年的工作中去。\n")


def _missing(rep):
    return {f.section for f in rep.findings if f.category == "missing_section"}


@pytest.mark.parametrize("lead", [
    "1月9日上午8:00，某某公司2014年度总结表彰大会隆重召开。",
    "近日，某某县召开2024年度安全生产工作会议。",
    "本报讯（记者 张三）9月27日下午，某某市第3期科级干部培训班毕业仪式在市委党校举行。",
    "某某网讯（通讯员 李四）为进一步加强党员教育，某某学院召开的新一期党课培训于2023年5月23日开课。",
])
def test_a_page_that_opens_with_a_news_lead_is_no_speech(rules, lead):
    assert news_lead(lead)
    rep = review(Document.from_text(lead + "\n" + _BODY), rules)
    assert rep.genre is None, rep.genre_reason
    assert not _missing(rep)


_PLAIN = ("过去一年，全县上下齐心协力，较好地完成了各项目标任务。新的一年，我们要坚定信心、真抓实干，"
          "以更加饱满的热情投入到工作中去，努力开创各项事业发展新局面。\n")


def test_a_draft_that_opens_otherwise_keeps_its_genre(rules):
    for text in ("同志们：\n" + _PLAIN, "在全县安全生产工作会议上的讲话\n" + "近日，县委召开常委会议专题研究安全生产工作。\n" + _PLAIN):
        rep = review(Document.from_text(text), rules)
        assert rep.genre == "leader_speech", rep.genre_reason
    # (and without the lead, the event's words decide as before)
    assert review(Document.from_text(_BODY), rules).genre == "report_speech"
    # a report that announces itself after the event's date is no news item
    assert not news_lead("3月5日，我局召开了安全生产工作会议，现将会议精神贯彻落实情况汇报如下：")
    assert not news_lead("10月16日上午，我和支部全体党员一起认真收看了大会开幕会直播。")
    # (first person or a report on itself anywhere in the paragraph, a salutation before it)
    for lead in ("3月12日，某某小学举办了植树节活动。现将活动情况总结如下：",
                 "2月18日，省委召开全省高质量发展大会。今天召开这次会议。下面，我讲三点意见。",
                 "同志们：3月5日，市委召开了全市经济工作会议。",
                 "2022年10月16日上午，大会隆重开幕。作为一名基层党员，我和同志们一起收看了直播。"):
        assert not news_lead(lead), lead
    assert news_lead("近日，我县召开2024年度安全生产工作会议。")


def test_a_contest_of_speeches_is_no_speech(rules):
    text = "市委机关工委举办市直机关“共建清廉机关”主题演讲赛\n" + _PLAIN
    assert review(Document.from_text(text), rules).genre is None
    text = "在市直机关“共建清廉机关”主题演讲比赛上的演讲稿\n尊敬的各位评委：\n" + _PLAIN
    assert review(Document.from_text(text), rules).genre == "leader_speech"


def test_a_first_line_run_into_the_text_is_cut_at_its_piece_number(rules):
    # (the title, a piece's number and the text on one line: the text's 工作要点 names no genre)
    text = ("养老服务工作情况调研报告6篇 【篇1】 根据人大常委会工作要点安排，为审议好市人民政府关于老龄工作"
            "情况的报告，调查组深入有关部门进行了调查。现将调查情况报告如下。\n一、基本情况\n全市老年人口逐年增加。\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary", rep.genre_reason


def test_a_digest_of_speeches_misses_no_salutation(rules):
    # (an excerpt: rules/genres/parts.yaml excerpt_cues -- its speakers' names head its parts)
    text = "市政协八届三次会议委员发言摘要\n白宇委员：\n" + _PLAIN
    assert not _missing(review(Document.from_text(text), rules))


def test_a_headline_that_someone_spoke_is_no_speech(rules):
    for title in ("全县经济工作会议召开 王五出席并讲话", "县委书记张三出席会议并作总结讲话"):
        assert review(Document.from_text(title + "\n" + _PLAIN), rules).genre is None, title
    assert review(Document.from_text("在全市经济工作会议上的讲话\n" + _PLAIN), rules).genre == "leader_speech"


def test_a_first_line_opening_with_a_tag_keeps_its_title(rules):
    text = "【范文】XX局2023年工作总结 一年来，我局在县委、县政府的正确领导下，较好地完成了各项任务。\n一、主要工作\n二、主要成效\n"
    assert review(Document.from_text(text), rules).genre == "summary"
