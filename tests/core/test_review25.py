"""A review of round 24's change (the cases written here): a word ending in 讯 is no wire's
tag, the second time of a verb said twice is judged, a paper's parts are no site's panel."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules.confusion import _reduplicated
from reviewer.core.structure.news import news_lead


def test_a_wire_tag_outranks_a_quotation_in_the_first_person():
    assert news_lead("本报讯（通讯员 张明）“去年底，我当选为村党支部书记，深感责任重大。”日前，李华说。")
    assert news_lead("县融媒体中心讯（记者 张三）“我们村的路终于修好了！”村民说。")


def test_a_word_ending_in_xun_is_no_wire_tag():
    for line in ("同志们：今天召开通讯（信息）员会议，主要任务是总结去年工作。",
                 "我局通讯（宣传）工作在局党组的领导下，取得了一定成绩。现将有关情况总结如下：",
                 "我校简讯（第3期）出版后，我认真阅读了其中的教学案例，深有感触。",
                 "我所审讯（讯问）室改造工作已于今年完成，现将有关情况汇报如下："):
        assert not news_lead(line), line


def test_a_speech_whose_first_line_names_a_correspondent_keeps_its_parts(rules):
    text = ("同志们：今天召开通讯（信息）员会议，主要任务是总结去年工作，部署今年任务。\n一、去年工作回顾\n"
            "去年以来，全县信息工作取得了新成绩。\n二、今年重点任务\n今年要着力提升信息报送质量。\n")
    assert review(Document.from_text(text), rules).genre == "leader_speech"


def test_only_the_first_time_of_a_verb_said_twice_is_skipped():
    s = "我与村医聊了聊，大家来偿一偿"
    assert _reduplicated(s, s.index("聊"))
    assert not _reduplicated(s, s.rindex("聊"))
    assert _reduplicated(s, s.index("偿")) and not _reduplicated(s, s.rindex("偿"))


def test_a_papers_parts_in_a_column_are_no_site_panel(rules):
    exam = "期中考试质量分析\n本次语文试卷分为四部分：\n积累运用\n30\n阅读\n30\n作文\n40\n全年级平均分为85分。\n"
    site = "民情日记本(最新20篇)\n\n浏览\n\n1523\n\n作文\n\n435\n\n党员联系群众民情日记\n"
    found = lambda t: [f for f in review(Document.from_text(t), rules).findings if f.rule == "site_junk.stat-panel"]
    assert not found(exam)
    assert found(site)
