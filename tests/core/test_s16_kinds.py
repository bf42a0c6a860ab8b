"""Kinds from the blind sets h138-h157, in the engine's code rather than in rule data: a
report handed in rather than spoken, a notice's issuing office given twice, a PDF copy's
blank line after each wrapped line, and a collection's title printed again over its first
piece.  The texts are written for the tests."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections

_BODY = ("一、主要做法\n今年以来，我们坚持以人民为中心，扎实推进驻村帮扶，完成了年初确定的各项任务，"
         "群众满意度明显提升，村集体经济收入稳步增长。\n二、下一步打算\n我们将继续巩固拓展脱贫攻坚成果。")


def _genre(text, rules):
    rep = review(Document.from_text(text), rules)
    return rep.genre, rep


def test_a_work_report_with_no_salutation_is_handed_in(rules):
    # delivered as a report, checked by its own profile (genres/written_report.yaml): no salutation
    # is asked of it, nor a closing thanks when it ends on its next steps
    genre, rep = _genre("驻村工作队三季度工作汇报\n" + _BODY, rules)
    assert genre == "report_speech" and "书面汇报" in rep.genre_reason, rep.genre_reason
    assert "salutation" not in missing_sections(rep) and "closing" not in missing_sections(rep)


def test_a_report_given_at_a_meeting_stays_spoken(rules):
    # said so in the title, or in its opening (作工作汇报)
    assert _genre("在全市乡村振兴工作推进会上的汇报\n" + _BODY, rules)[0] == "report_speech"
    opening = "现在，我代表县委向调研组作工作汇报，请予指正。\n"
    assert _genre("某某县关于巡察整改工作的汇报\n" + opening + _BODY, rules)[0] == "report_speech"
    assert _genre("驻村工作队三季度工作汇报\n各位领导：\n" + _BODY, rules)[0] == "report_speech"


def _rules_found(text, rules, rule_id):
    rep = review(Document.from_text(text), rules)
    return [text[f.start:f.end] for f in rep.findings if f.rule == rule_id]


def test_a_notices_issuing_office_at_its_head_and_signature_is_no_repeat(rules):
    office = "某某市某某区人民政府某某街道办事处"
    text = (f"关于印发《某某街道突发事件应急预案》的通知\n{office}\n各村（社区）：\n"
            f"现将预案印发给你们，请结合实际，认真抓好落实。\n{office}\n2024年10月17日")
    assert _rules_found(text, rules, "duplicate.paragraph") == []
    # a slogan pasted twice is still a repeat, whatever it ends with
    slogan = "全力打造人民满意的现代化品牌示范学校"
    text = f"一、工作目标\n{slogan}\n二、主要措施\n加强队伍建设，提升办学水平。\n{slogan}"
    assert _rules_found(text, rules, "duplicate.paragraph") == [slogan]


def test_a_blank_line_after_each_wrapped_line_keeps_the_words_whole(rules):
    text = "研究部署了全年的工作任务，几\n\n个乡镇也从不同角度作了交流发言，向在\n\n座的各位表示慰问。"
    assert _rules_found(text, rules, "blank_figure.count-word") == []
    # a heading above the blank line ends there: the count below it lost its figure
    text = "二、坚持标准统一\n\n个重点项目全部开工，进展顺利。"
    assert _rules_found(text, rules, "blank_figure.count-word") == ["个"]


def test_a_collections_title_again_over_its_first_piece_is_junk(rules):
    text = ("城管局副局长述职报告范文五篇\n\n城管局副局长述职报告\n\n城管局副局长述职报告篇1\n\n"
            "本人自任职以来，在局党组的正确领导下，认真履行职责，较好地完成了各项工作任务。")
    found = _rules_found(text, rules, "site_junk.piece-header")
    assert "城管局副局长述职报告" in found and "城管局副局长述职报告篇1" in found
