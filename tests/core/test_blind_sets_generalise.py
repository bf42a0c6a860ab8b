"""Shapes read on the blind audit sets of the 2026-12-03 evening session (g34-g39, kept out of
the repo): the cases are written here, not copied from any draft."""
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
