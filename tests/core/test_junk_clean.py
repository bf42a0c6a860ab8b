"""Site junk: the one-click removal and the cleaned copy leave no junk and no broken sentence,
and real speech (headings, dates, official texts) is never taken for junk."""
import io

import docx
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.export.clean import apply_edits, cleaned, continues_sentence, edits_for, ends_mid_sentence
from tests.conftest import shared


def _junk(report):
    return [f for f in report.findings if f.category == "site_junk"]


def _broken_at(text: str, pos: int) -> bool:
    """A sentence is cut in two at ``pos``: ``pos`` is at a line break (with only blanks
    between), the paragraph before it stops mid-sentence and the next line goes on."""
    k = text.rfind("\n", 0, pos + 1)
    if k < 0 or text[k:pos].strip():
        k = text.find("\n", pos)
        if k < 0 or text[pos:k].strip():
            return False
    nxt = k
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    return ends_mid_sentence(text, k) is not None and continues_sentence(text, nxt)


def _check_cleaned(rules, text):
    rep = review(Document.from_text(text), rules)
    edits = edits_for(text, rep.findings, categories={"site_junk"})
    out = apply_edits(text, edits)
    again = review(Document.from_text(out), rules)
    left = [f.text for f in _junk(again)]
    assert not left, f"junk left after removal: {left}"
    shift = 0
    for s, e, t in edits:
        pos = s + shift
        shift += len(t) - (e - s)
        before_broken = _broken_at(text, s) and not _broken_at(text, e)
        assert not (_broken_at(out, pos) and not before_broken), (
            f"a sentence is broken at a removed junk span: {out[max(0, pos - 20):pos + 20]!r}")
    return out


def test_removal_rejoins_a_sentence_cut_by_a_page_number(rules):
    head = "在学习贯彻主题教育工作会议上，总书记强调，要教育引导各级党组织和广大党员、干部突出问题导向，" * 3
    text = f"某某发言材料.docx\n1、{head}矛盾是普遍的、客观的，问题也\n2、是普遍的、客观的，事物在矛盾推动下实现发展。"
    out = _check_cleaned(rules, text)
    assert "问题也是普遍的" in out and "2、" not in out and ".docx" not in out


def test_removal_of_a_page_header_keeps_the_paragraphs(rules):
    text = ("五四活动方案\n\n一、活动主题\n\n青春，活力，健康，快乐\n\n五四活动方案\n\n二、活动目的\n\n"
            "丰富校园文化生活。\n\n五四活动方案\n\n三、注意事项\n\n做文明观众。")
    out = _check_cleaned(rules, text)
    assert out.count("五四活动方案") == 1
    assert "快乐\n\n二、活动目的" in out and "生活。\n\n三、注意事项" in out


def test_removal_of_stray_characters_keeps_the_words(rules):
    out = _check_cleaned(rules, "活动方案\n为了展示教职工的.精神风貌，促进教职工之间的`交流，特制定本方案。")
    assert "的精神风貌" in out and "的交流" in out


def test_every_dev_draft_cleans_without_junk_or_broken_sentences(rules):
    drafts = sorted(shared("dev", "drafts").glob("*.txt"))
    for path in drafts:
        _check_cleaned(rules, path.read_text(encoding="utf-8"))


def test_every_dev_draft_cleaned_copy_has_no_junk(rules):
    from reviewer.core.loaders import load

    for path in sorted(shared("dev", "drafts").glob("*.txt")):
        doc = load(path)
        out = cleaned(doc, review(doc, rules)).decode(doc.encoding or "utf-8")
        left = [f.text for f in _junk(review(Document.from_text(out), rules))]
        assert not left, (path.name, left)


def test_cleaned_docx_joins_a_sentence_cut_by_a_page_number(rules):
    from reviewer.core.loaders import load_bytes

    d = docx.Document()
    head = "在学习贯彻主题教育工作会议上，总书记强调，要教育引导各级党组织和广大党员、干部突出问题导向，" * 4
    for line in ("某某发言材料.docx", f"1、{head}问题也", "2、是普遍的、客观的，事物在矛盾推动下实现发展。"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), "draft.docx")
    out = docx.Document(io.BytesIO(cleaned(doc, review(doc, rules))))
    paras = [p.text for p in out.paragraphs if p.text.strip()]
    assert len(paras) == 1 and "问题也是普遍的" in paras[0] and not paras[0].startswith("1、")


@pytest.mark.parametrize("text", [
    "关于做好春节期间安全工作的通知\n各村、各单位：\n一、加强领导，落实责任。\n二、强化宣传。\n\n某某镇人民政府\n2024年3月15日",
    "同志们：\n今年以来，我们坚持稳中求进工作总基调。请登录www.example.gov.cn查询。\n（来源：中国政府网）",
    "活动方案\n一、活动时间：2024年5月4日下午\n二、活动地点：学校操场\n三、参加人员：全体师生\n1、组织团员去敬老院义务劳动\n2、打扫校园卫生",
    "在全县经济工作会议上的讲话\n同志们：\n一、回顾过去一年的工作\n全县生产总值增长6.5%，万博商务区建设稳步推进，万博商务区路网持续完善，万博商务区发展势头良好。",
])
def test_no_junk_in_real_speech(rules, text):
    assert _junk(review(Document.from_text(text), rules)) == []


def test_no_junk_on_clean_official_texts(rules):
    for path in sorted(shared("clean").glob("*.txt")):
        found = _junk(review(Document.from_text(path.read_text(encoding="utf-8-sig")), rules))
        assert not found, (path.name, [f.text for f in found])
