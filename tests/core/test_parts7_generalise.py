"""Genre and lost parts on drafts from more sites nobody had seen (parts7): the cases are
written here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections


missing = missing_sections  # tests/conftest.py


def numbering(report):
    return [f for f in report.findings if f.category == "numbering" and f.severity != "info"]


def test_self_inspection_report_is_written_not_spoken(rules):
    # 现将自查情况汇报如下 after a document's name: a written report, no salutation or thanks asked for;
    # having found nothing wrong, it needs no problems or rectification either
    text = ("根据县委办《关于开展公务接待专项检查的通知》要求，我局组织开展了自查，现将自查情况汇报如下：\n"
            "一、基本情况\n我局严格执行公务接待标准，全年接待批次和费用均比上年下降，没有超标准接待。\n"
            "二、自查情况\n经逐项对照检查，我局公务接待审批、清单、结算手续齐全，未发现违规问题。\n"
            "特此报告。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary" and "自查报告" in rep.genre_reason
    assert missing(rep) == []


def test_self_inspection_titles(rules):
    for title in ("镇机关食堂管理自查自纠报告", "关于落实八项规定的自查情况报告", "学校安全工作自纠报告"):
        text = (f"{title}\n按照上级通知要求，我单位对照检查了有关工作，现报告如下：\n"
                "一、工作开展情况\n单位成立了领导小组，制定了方案，逐项开展了检查，档案资料齐全，账目清楚。")
        rep = review(Document.from_text(text), rules)
        assert "自查报告" in rep.genre_reason, title


def test_self_inspection_cut_off_loses_problems_and_measures(rules):
    text = ("【专项检查自查自纠报告】自查报告范文5篇\n"
            "按照市里统一部署，我公司对安全生产工作开展了全面自查。\n一、组织领导\n公司成立了以总经理为组长的"
            "自查工作领导小组，明确了各部门职责，制定了检查清单，确保检查不留死角。\n二、自查内容\n"
            "重点检查了消防设施、特种设备、危险化学品存放和员工培训等情况，对发现的隐患逐一登记，建立")
    rep = review(Document.from_text(text), rules)
    assert "自查报告" in rep.genre_reason
    assert missing(rep) == ["next_steps", "problems"]


def test_a_later_part_reached_before_the_cut_keeps_an_earlier_one_customary(rules):
    # the draft got to its 下一步 heading with no problems section above it: never written, not lost
    text = ("公务用车使用自查报告\n根据通知要求，现将我单位公务用车使用自查情况报告如下：\n一、基本情况\n"
            "我单位现有公务用车两辆，均按规定登记使用，车辆运行费用纳入预算管理，没有公车私用。\n"
            "二、下一步工作打算\n我单位将以这次自查为契机，进一步完善车辆管理制度，严格出车审批，节约运")
    rep = review(Document.from_text(text), rules)
    assert "problems" not in missing(rep)
    assert "next_steps" in missing(rep)


def test_research_report_is_an_investigation(rules):
    text = ("关于基层社会治理的研究报告\n近年来，各地在基层社会治理方面进行了积极探索，取得了一定成效。\n"
            "一、基层社会治理的基本情况\n全县共有村（社区）一百多个，网格员队伍基本建立，矛盾纠纷调处机制逐步健全，"
            "群众安全感明显提升，但是各地发展还不平衡，有的村")
    rep = review(Document.from_text(text), rules)
    assert "调研报告" in rep.genre_reason
    assert "next_steps" in missing(rep)


def test_address_under_an_editors_story_is_the_salutation(rules):
    text = ("迎春茶话会致辞\n今天上午接到通知，要在中午的茶话会上讲几句。思来想去，还是把心里话说给大家听。"
            "会后有同事要稿子，现将当时讲的话整理如下，文字略有改动，供大家一笑。回想这一年，大家辛苦了，"
            "每个人都在自己的岗位上默默付出，这份情谊值得记下来，这份辛劳也值得说出来，所以才有了下面这些话。"
            "写下这些，既是记录，也是感谢，更是对来年的期待。说的不好，还请大家多多包涵。\n"
            "各位同事们：\n大家中午好！\n一年来，大家同心协力，各项工作都取得了新的进步，单位面貌焕然一新。"
            "新的一年，希望大家继续发扬团结奋进的精神，再接再厉。\n最后，祝大家新春快乐，阖家幸福！\n谢谢大家！")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech"
    assert "salutation" not in missing(rep)
    # an address far down a speech that opened without one is not taken for its salutation
    late = ("年终工作会讲话\n今年以来，全局上下认真履行职责，各项工作稳步推进，取得了明显成效。" * 14
            + "\n同志们：\n新的一年任务艰巨，希望大家再接再厉，再创佳绩！")
    assert "salutation" in missing(review(Document.from_text(late), rules))


def test_opening_words_of_a_host_ask_for_no_closing(rules):
    text = ("新年联欢会主持词开场白 男：尊敬的各位领导、各位来宾， 女：亲爱的同学们：大家好！ "
            "男：辞旧迎新，我们欢聚一堂。 女：联欢会进行第一项，请校长致辞。 男：联欢会现在开始。 |")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script"
    assert "closing" not in missing(rep)


def test_a_bar_after_the_last_sentence_is_no_cut(rules):
    from reviewer.core.structure.cutoff import _cut_off
    text = "五、活动流程\n1、清理垃圾。\n2、结束后合影留念。 |"
    assert _cut_off(text, 0, len(text)) is None


def test_a_page_stopping_inside_a_gloss_is_cut(rules):
    from reviewer.core.structure.cutoff import _cut_off
    text = "六、活动裁判：\n由工会(hu"
    cut = _cut_off(text, 0, len(text))
    assert cut is not None and cut.kind == "sentence"
    text = "附件：活动报名表(PDF)"
    assert _cut_off(text, 0, len(text)) is None


def test_two_ordinals_naming_places_are_no_marker(rules):
    text = ("植树活动方案\n一、活动目的\n美化校园环境，增强爱绿护绿意识。\n二、活动时间\n三月十二日下午\n"
            "三、活动地点\n一、二食堂前的空地\n四、活动安排\n1：宣传部负责宣传。\n2：体育部负责摆放桌椅。\n"
            "3：外联部负责联系各部门。")
    rep = review(Document.from_text(text), rules)
    assert numbering(rep) == []
    # a heading that only starts with a numeral stays a heading: 二、三农工作 after 一、
    text = "工作要点\n一、党建工作\n加强支部建设。\n二、三农工作\n推进乡村振兴。\n四、民生工作\n办好民生实事。"
    assert any("三、" in f.message for f in numbering(review(Document.from_text(text), rules)))
