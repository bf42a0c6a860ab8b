"""A review of round 26's change (the cases written here): a signature line holds no clause's
mark, a date closes a draft only under a signature, not under a sentence cut off."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.structure.ending import _cut_line

_SPEECH = ("同志们：\n今天，我们召开全县经济工作会议，主要任务是总结今年工作，部署明年任务。刚才，几位同志作了很好的发言，"
           "我完全同意。下面，我再讲三点意见。\n一、充分肯定成绩，坚定发展信心\n今年以来，全县上下认真贯彻落实党中央决策部署，"
           "经济社会发展取得了显著成效。\n二、突出工作重点，推动高质量发展\n明年是实施“十四五”规划的关键一年，我们要坚持稳中求进"
           "工作总基调，全力抓好项目建设、产业升级、民生保障等重点工作。\n")
_GREETING = ("新年贺词\n亲爱的同事们、朋友们：\n岁月不居，时节如流。值此新年到来之际，我谨代表集团董事局，向全体员工及家属致以"
             "新年的问候和祝福！\n过去的一年，我们迎难而上，各项业务取得长足发展，销售收入突破百亿元，品牌影响力持续提升。\n")


def _closing_missing(text, rules):
    rep = review(Document.from_text(text), rules)
    return [f for f in rep.findings if f.category == "missing_section" and f.section == "closing"]


def test_a_signature_line_is_no_cut_sentence():
    for last in ("董事局主席  李松坚", "党支部副书记、总经理 张东权"):
        text = _SPEECH + last
        assert _cut_line(text, 0, len(text)) is None, last


def test_a_sentence_ending_on_an_office_and_a_name_is_cut():
    for last in ("会上，县委书记 王刚强调", "最后，请县委副书记、县长 李明讲话", "下面，有请县委书记 王刚作"):
        text = _SPEECH + last
        assert _cut_line(text, 0, len(text)) is not None, last


def test_a_date_under_a_signature_closes_a_greeting(rules):
    signed = _GREETING + "新的一年，我们将坚持稳中求进，全力推动企业高质量发展。\n董事局主席  李松坚\n二〇一七年十二月三十一日"
    assert not _closing_missing(signed, rules)


def test_a_date_under_a_cut_sentence_or_a_label_closes_nothing(rules):
    cut = _GREETING + "新的一年，我们将坚持稳中求进，全力推动企业高质量发展，进一步加大\n2018年1月1日"
    assert _closing_missing(cut, rules)
    cut = _SPEECH + "三、强化组织保障，确保任务落实\n各级各部门要进一步提高政治站位，切实\n2023年12月20日"
    assert _closing_missing(cut, rules)
    # (a page's key left empty above the date: 发布时间：)
    report = ("关于2023年度安全生产工作情况的汇报\n县安委会：\n今年以来，我镇坚持安全发展理念，全面落实安全生产责任制。\n"
              "一、主要工作\n（一）强化责任落实。镇党委多次召开会议研究部署安全生产工作。\n二、存在问题\n"
              "部分企业主体责任落实不到位，安全投入\n发布时间：\n2023年12月10日")
    assert _closing_missing(report, rules)
