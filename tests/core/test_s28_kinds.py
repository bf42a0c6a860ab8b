"""Kinds read on the blind sets of the 2026-12-06 (h) session (h376-h407, kept out of the repo):
the cases are written here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.traditional import compat_view


def _radicals(text: str) -> str:
    """``text`` with some common characters written as the Kangxi radicals a PDF copy leaves."""
    return text.translate(str.maketrans({"工": "⼯", "方": "⽅", "大": "⼤", "小": "⼩", "面": "⾯", "一": "⼀"}))


_LEAD = "下面是小编帮大家整理的工作方案范文，希望对大家有所帮助。"
_BODY = "为做好今年的安全生产工作，结合实际，制定本方案。一、工作目标。全面落实安全生产责任制。"


def test_compat_view_keeps_every_offset():
    text = _radicals(_LEAD + _BODY)
    view = compat_view(text)
    assert view == _LEAD + _BODY and len(view) == len(text)
    assert compat_view(_LEAD) is None


def test_compat_view_asks_for_the_rules_map_only_when_a_radical_is_there():
    asked = []

    def extra():
        asked.append(1)
        return {"⻔": "门"}

    assert compat_view(_LEAD + _BODY, extra) is None and not asked
    assert compat_view("出⻔", extra) == "出门" and asked == [1]


def test_junk_written_with_radicals_is_found_as_junk(rules):
    # the editor's lead-in is the same junk whether its characters are common or radicals
    def junk(text):
        return [(f.start, f.end, f.text) for f in review(Document.from_text(text), rules).findings
                if f.category == "site_junk"]

    plain = junk("安全生产工作方案\n" + _LEAD + "\n" + _BODY)
    odd = junk("安全生产工作方案\n" + _radicals(_LEAD) + "\n" + _BODY)
    assert plain and [s[:2] for s in odd] == [s[:2] for s in plain]
    assert any("⼩编" in s[2] for s in odd)  # the finding shows the draft's own characters


def test_a_radical_is_still_reported_with_the_common_character_as_its_fix(rules):
    rep = review(Document.from_text("今年的⼯作取得了新进展，各⽅⾯都有提高。"), rules)
    got = [(f.text, f.suggestion) for f in rep.findings if f.rule == "typo.garbled-radical"]
    assert got == [("⼯", "工"), ("⽅⾯", "方面")]
    assert all("应为“工”" in f.message or "应为“方面”" in f.message for f in rep.findings if f.rule == "typo.garbled-radical")


def test_a_headline_column_ends_at_its_blank_line(rules):
    text = ("点击排行\n学院举办迎新晚会...\n第五届团学名单\n篮球赛啦啦队策划书\n\n"
            "《生死抉择》观后感\n\n看了电影《生死抉择》，我深受教育，久久不能平静。")
    spans = [(f.start, f.end) for f in review(Document.from_text(text), rules).findings if f.rule == "site_junk.recommend-list"]
    assert spans == [(0, text.index("\n\n"))]


def test_a_web_row_needs_two_of_a_pages_own_keys_or_a_sites_button(rules):
    junk = "文章来源某某日报     作者张三     日期2015-07-08     点击量2110"
    plan = "时间：2023年5月4日 地点：学校礼堂"
    text = f"活动方案\n{junk}\n一、活动安排\n{plan}\n二、活动要求\n请各班认真组织，确保活动安全有序。"
    got = [f.text for f in review(Document.from_text(text), rules).findings if f.rule == "site_junk.web-row"]
    assert got == [junk]


def test_an_editors_lead_in_names_the_piece_it_shares(rules):
    # the lead-in explains the genre first and names the piece after 整理的: that name, not its first clause
    text = ("为了确保工作能无误进行，时常需要预先开展方案准备工作，方案是阐明行动的时间、地点、目的的书面计划。"
            "以下是小编精心整理的清明节扫墓活动方案，欢迎阅读，希望大家能够喜欢。\n"
            "一、活动目的\n缅怀革命先烈，弘扬爱国主义精神。\n二、活动时间\n4月3日上午。\n三、活动内容\n到烈士陵园")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "plan" and "活动方案" in rep.genre_reason


def test_a_summary_without_its_title_is_known_by_its_year_looked_back_on(rules):
    for opening in ("在这即将过去的一年里，在小区物业领导的英明领导下，在广大业主的支持配合下，",
                    "后勤科在医院的领导下，在全体员工的辛勤劳动下，"):
        text = opening + "小区的道路不断完善，绿化不断到位，管理逐步规范，收费逐步合理。"
        assert review(Document.from_text(text), rules).genre == "summary", opening
    # a speech's salutation still decides first
    text = "同志们：\n在这即将过去的一年里，在县委的正确领导下，全县经济持续向好。"
    assert review(Document.from_text(text), rules).genre == "leader_speech"


def test_an_english_paragraph_is_junk_but_an_english_greeting_is_not(rules):
    english = ("On the eve of the joyous Spring Festival, we would like to extend our sincere greetings "
               "to all of you and your families at home and abroad, and wish you a happy new year")
    text = f"新春佳节即将到来，祝大家身体健康、阖家幸福！\n{english}"
    got = [f.text for f in review(Document.from_text(text), rules).findings if f.rule == "site_junk.english-paragraph"]
    assert got == [english]
    host = "主持人甲：Ladies and gentlemen, good evening! Welcome to our party tonight!\n主持人乙：女士们、先生们，晚上好！"
    assert not [f for f in review(Document.from_text(host), rules).findings if f.category == "site_junk"]


# ----- a draft numbered 一、 with no 二、 after it (structure.cutoff._lone_section) -----

_PART = "今年以来，全县上下认真贯彻上级部署，扎实做好防汛抗旱各项工作，确保了安全度汛。" * 4


def _missing(text, rules):
    rep = review(Document.from_text(text), rules)
    return {f.section for f in rep.findings if f.rule == "structure.missing-part" and f.severity != "info"}


def test_a_speech_shown_only_up_to_its_first_part_lost_its_closing(rules):
    text = ("在全县防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n一、认清形势，充分认识防汛工作的重要性\n"
            + _PART + "\n希望大家顶住压力、克服困难，再接再厉做好防汛工作。\n")
    assert "closing" in _missing(text, rules)


def test_a_whole_document_with_one_numbered_part_is_not_cut():
    from reviewer.core.structure.cutoff import _lone_section

    pledge = ("在全县干部大会上的表态发言\n尊敬的各位领导，同志们：\n一、坚定信念，对党忠诚。" + _PART
              + "\n第二，勤政为民。" + _PART + "\n第三，廉洁自律。" + _PART + "\n我将以实际行动作出新的更大贡献！\n")
    report = ("关于防汛工作开展情况的报告\n县委：\n一、工作开展情况\n" + _PART + "\n特此报告。\n某某县水利局\n2024年7月5日")
    plan = ("防汛工作方案\n一、指导思想\n" + _PART + "\n工作目标\n" + _PART + "\n保障措施\n" + _PART)
    cut = ("在全县防汛工作会议上的讲话\n同志们：\n一、认清形势，充分认识防汛工作的重要性\n" + _PART
           + "\n希望大家顶住压力，再接再厉做好防汛工作。")
    for text in (pledge, report, plan):
        assert _lone_section(text, 0, len(text)) is None, text[:12]
    got = _lone_section(cut, 0, len(cut))
    assert got is not None and got.kind == "counted" and got.start == len(cut)
