"""Saving keeps everything the user did not change (issue 14, item 1).

.docx: nothing edited gives the original package bytes; one edited paragraph changes only
that paragraph, keeps its runs' formatting and every non-text element (drawings, breaks,
fields, bookmarks, comment anchors); a soft line break never splits a paragraph.
.txt: every character, every line end (mixed stays mixed), the byte-order mark and the
byte order survive a round trip in every encoding the loader reads.
"""
from __future__ import annotations

import codecs
import copy
import io
import random
import zipfile

import pytest
from lxml import etree

from reviewer.core.document import DocumentError
from reviewer.core.export.atomic import SaveError
from reviewer.core.export.docx_apply import text_edits
from reviewer.core.export.docx_write import rewrite_docx
from reviewer.core.export.save import editor_text, restore_line_ends, save_text
from reviewer.core.loaders import load, load_bytes
from reviewer.core.loaders.docx import W, _Reader, body_paragraphs, w
from tests.conftest import docx_package, shared, zip_package

# ----- helpers ---------------------------------------------------------------------------

# Elements that are not text: an edit of the paragraph's text must keep every one of them.
NON_TEXT = ("drawing", "pict", "object", "br", "cr", "tab", "fldChar", "instrText", "fldSimple", "bookmarkStart",
            "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "commentReference", "footnoteReference",
            "hyperlink", "sdt", "ins", "del", "lastRenderedPageBreak")

def _png() -> bytes:
    """A 1x1 PNG, built here (no binary fixture)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _docx_files():
    folders = [shared("docx_cases")]
    try:
        folders.append(shared("realworld_docx"))
    except pytest.skip.Exception:
        pass
    out = []
    for folder in folders:
        out += sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".docx", ".docm", ".dotx"))
    return out


def _loadable(files):
    """The Word packages that load as such.  A legacy .doc in disguise (converted through
    LibreOffice when it is installed) is saved as a new .docx, so it has no bytes to keep."""
    for path in files:
        try:
            doc = load(path)
        except DocumentError:
            continue
        if doc.kind == "docx":
            yield path, doc


def _paragraph_xml(raw: bytes):
    rd = _Reader(raw, None)
    _main, _root, paras = body_paragraphs(rd)
    return [(text, [etree.tostring(p) for p in els], els) for text, els in paras]


def _counts(els, names=NON_TEXT):
    out = {}
    for name in names:
        out[name] = sum(1 for p in els for _ in p.iter(w(name)))
    return out


def _rprs(els):
    return {etree.tostring(r) for p in els for r in p.iter(w("rPr"))}


def _edit_line(text: str, i: int, new: str) -> str:
    lines = text.split("\n")
    lines[i] = new
    return "\n".join(lines)


def _build_docx(body_xml: str, extra_parts: dict | None = None) -> bytes:
    """A python-docx document whose body is ``body_xml`` (w:p / w:tbl elements)."""
    import docx

    d = docx.Document()
    d.add_paragraph("占位")
    d.add_picture(io.BytesIO(_png()))  # brings the image part and its relationship
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    rid = next(rel.get("Id") for rel in etree.fromstring(parts["word/_rels/document.xml.rels"])
               if rel.get("Type", "").endswith("/image"))
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(w("body"))
    drawing = copy.deepcopy(next(body.iter(w("drawing"))))
    sect = body.find(w("sectPr"))
    for child in list(body):
        body.remove(child)
    frag = etree.fromstring(f'<x xmlns:w="{W}">{body_xml}</x>')
    for child in frag:
        body.append(child)
    for marker in list(body.iter("PICTURE")):
        marker.getparent().replace(marker, copy.deepcopy(drawing))
    body.append(sect)
    assert rid
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts.update(extra_parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


# A paragraph with everything issue 14 saw lost: a soft line break, an italic run after a
# bold one, a tab, a picture, a PAGE field, a bookmark and a comment anchor.
RICH = (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:bookmarkStart w:id="7" w:name="mark"/>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t>第一行加粗</w:t></w:r>'
    '<w:r><w:rPr><w:b/></w:rPr><w:br/></w:r>'
    '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">第二行斜体 </w:t></w:r>'
    '<w:r><w:tab/><w:t>制表后</w:t></w:r>'
    '<w:r><PICTURE/></w:r>'
    '<w:bookmarkEnd w:id="7"/>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>页尾</w:t></w:r>'
    '</w:p>')
PLAIN = '<w:p><w:r><w:t>{}</w:t></w:r></w:p>'
TABLE = ('<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
         '<w:tr><w:tc><w:p><w:r><w:t>单元一</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr><w:i/></w:rPr>'
         '<w:t>单元一下</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单元二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')


@pytest.fixture(scope="module")
def rich_docx():
    body = PLAIN.format("标题") + RICH + TABLE + PLAIN.format("结尾段落。")
    return _build_docx(body)


# ----- .docx: nothing edited -------------------------------------------------------------

def test_unedited_docx_saves_the_original_bytes(tmp_path, rich_docx):
    src = tmp_path / "rich.docx"
    src.write_bytes(rich_docx)
    doc = load(src)
    assert "第一行加粗\n第二行斜体 \t制表后3页尾" in doc.text  # the soft break is a "\n" on screen
    out = tmp_path / "out.docx"
    save_text(doc, editor_text(doc.text), out)
    assert out.read_bytes() == rich_docx


def test_every_shared_docx_round_trips_identical(tmp_path, capsys):
    tried = identical = 0
    for path, doc in _loadable(_docx_files()):
        tried += 1
        out = tmp_path / "out.docx"
        save_text(doc, editor_text(doc.text), out)
        identical += out.read_bytes() == path.read_bytes()
    with capsys.disabled():
        print(f"\n[save round trip] .docx saved without edits: {identical}/{tried} byte-identical")
    assert tried and identical == tried


# ----- .docx: one paragraph edited -------------------------------------------------------

def _check_one_paragraph_edit(raw: bytes, doc, i: int, new_line: str):
    """Edit paragraph-line i; return (old paragraphs, new paragraphs, edited index) after
    checking that the text is exactly the edit and every other paragraph is unchanged."""
    expected = _edit_line(doc.text, i, new_line)
    out = rewrite_docx(raw, expected)
    assert load_bytes(out, "out.docx").text == expected
    before, after = _paragraph_xml(raw), _paragraph_xml(out)
    assert len(before) == len(after)
    line_para = [k for k, (text, _x, _e) in enumerate(before) for _ in text.split("\n")]
    edited = line_para[i]
    for k, (b, a) in enumerate(zip(before, after)):
        if k != edited:
            assert b[1] == a[1], f"paragraph {k} changed"
    old_els, new_els = before[edited][2], after[edited][2]
    assert _counts(old_els) == _counts(new_els)
    assert _rprs(new_els) <= _rprs(old_els)
    return before, after, edited


def test_editing_the_line_after_a_soft_break_keeps_everything_else(rich_docx):
    doc = load_bytes(rich_docx, "rich.docx")
    lines = doc.text.split("\n")
    i = lines.index("第二行斜体 \t制表后3页尾")
    _b, after, edited = _check_one_paragraph_edit(rich_docx, doc, i, "第二行改为斜体 \t制表后3页尾")
    p = after[edited][2][0]
    runs = [(r.find(w("rPr")), "".join(t.text for t in r.iter(w("t")))) for r in p.iter(w("r"))]
    italic = [t for rpr, t in runs if rpr is not None and rpr.find(w("i")) is not None]
    bold = [t for rpr, t in runs if rpr is not None and rpr.find(w("b")) is not None]
    assert italic == ["第二行改为斜体 "] and bold == ["第一行加粗", ""]
    assert len(list(p.iter(w("drawing")))) == 1 and len(list(p.iter(w("br")))) == 1


def test_editing_inside_a_run_keeps_the_runs_around_it(rich_docx):
    doc = load_bytes(rich_docx, "rich.docx")
    i = doc.text.split("\n").index("第一行加粗")
    _b, after, edited = _check_one_paragraph_edit(rich_docx, doc, i, "第一行很加粗")
    p = after[edited][2][0]
    assert [t.text for t in p.iter(w("t"))] == ["第一行很加粗", "第二行斜体 ", "制表后", "3", "页尾"]


def test_editing_a_table_cell_line_keeps_the_cell(rich_docx):
    doc = load_bytes(rich_docx, "rich.docx")
    i = doc.text.split("\n").index("单元一下")
    _check_one_paragraph_edit(rich_docx, doc, i, "单元一下方")


def _untouched_bytes(raw: bytes, out: bytes) -> bool:
    """Whether the edited main part differs from the original in one body child only,
    every other byte (prolog, other paragraphs and tables, section properties) the same."""
    from reviewer.core.export.docx_write import _body_children
    from reviewer.core.loaders.docx import main_part

    rd = _Reader(raw, None)
    main = main_part(rd, None)[0]
    head = rd.read(main)
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        xml = zf.read(main)
    a, b = _body_children(head), _body_children(xml)
    if a is None or b is None or len(a[2]) != len(b[2]):
        return False
    differ = [k for k, ((s1, e1), (s2, e2)) in enumerate(zip(a[2], b[2])) if head[s1:e1] != xml[s2:e2]]
    return (len(differ) == 1 and head[:a[2][0][0]] == xml[:b[2][0][0]]
            and head[a[2][-1][1]:] == xml[b[2][-1][1]:])


def test_every_shared_docx_edit_of_one_paragraph_changes_only_it(capsys):
    rnd = random.Random(14)
    tried = kept = refused = same_bytes = 0
    for path, doc in _loadable(_docx_files()):
        raw = path.read_bytes()
        lines = doc.text.split("\n")
        candidates = [k for k, line in enumerate(lines) if len(line.strip()) >= 4]
        if not candidates:
            continue
        i = rnd.choice(candidates)
        line = lines[i]
        k = rnd.randrange(1, len(line) - 1)
        tried += 1
        new_line = line[:k] + "改动" + line[k + 1:]
        try:
            _check_one_paragraph_edit(raw, doc, i, new_line)
        except SaveError as e:  # a damaged part or declared entities: refused by name
            assert "\n" not in str(e) and "内部错误" not in str(e)
            refused += 1
            continue
        kept += 1
        same_bytes += _untouched_bytes(raw, rewrite_docx(raw, _edit_line(doc.text, i, new_line)))
    with capsys.disabled():
        print(f"[save round trip] .docx with one paragraph edited: {kept}/{tried} changed only that paragraph "
              f"({same_bytes} with every other byte of the part unchanged), {refused} refused with a named reason")
    assert tried and kept + refused == tried and refused <= 3
    assert same_bytes >= kept * 0.95


# ----- .docx: arbitrary edits give exactly the edited text -------------------------------

def _random_edit(text: str, rnd: random.Random) -> str:
    n = len(text)
    s = rnd.randrange(0, n + 1)
    e = min(n, s + rnd.choice([0, 0, 1, 2, 5, 20]))
    new = rnd.choice(["", "改", "新的文字", "\n", "新段\n", "\t", "甲\n乙"])
    return text[:s] + new + text[e:]


def test_random_edits_of_the_loader_cases_give_exactly_the_edited_text():
    rnd = random.Random(2024)
    tried = exact = 0
    misses = []
    for path, doc in _loadable(sorted(shared("docx_cases").glob("*.docx"))):
        raw = path.read_bytes()
        for _ in range(25):
            new = doc.text
            for _k in range(rnd.randint(1, 3)):
                new = _random_edit(new, rnd)
            tried += 1
            got = load_bytes(rewrite_docx(raw, new), "out.docx").text
            if got == new:
                exact += 1
            else:
                misses.append((path.name, new[:60]))
    # Deleting across a table cell's edge cannot be written as a merge; everything else is exact.
    assert exact >= tried * 0.95, misses[:5]


def test_text_edits_are_minimal():
    assert text_edits("甲乙丙\n丁戊", "甲乙丙\n丁戊") == []
    assert text_edits("甲乙丙\n丁戊", "甲X丙\n丁戊") == [(1, 2, "X")]
    assert text_edits("一\n二\n三", "一\n三") == [(2, 4, "")]


def test_a_new_line_typed_in_a_paragraph_splits_it_and_keeps_formatting(rich_docx):
    doc = load_bytes(rich_docx, "rich.docx")
    new = doc.text.replace("结尾段落。", "结尾\n段落。")
    out = rewrite_docx(rich_docx, new)
    assert load_bytes(out, "o.docx").text == new
    before, after = _paragraph_xml(rich_docx), _paragraph_xml(out)
    assert len(after) == len(before) + 1
    assert [b[1] for b in before[:-1]] == [a[1] for a in after[:-2]]


def test_an_entity_docx_is_refused_only_when_edited(tmp_path):
    raw = zip_package(docx_package(**{"word/document.xml": (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "甲">]><w:document xmlns:w="{W}"><w:body>'
        '<w:p><w:r><w:t>正文&a;</w:t></w:r></w:p></w:body></w:document>').encode()}))
    doc = load_bytes(raw, "实体.docx")
    assert rewrite_docx(raw, doc.text) == raw
    with pytest.raises(SaveError) as err:
        rewrite_docx(raw, doc.text + "改", "实体.docx")
    assert "实体" in str(err.value) and "\n" not in str(err.value)


# ----- .txt ------------------------------------------------------------------------------

LINES = ["在全县工作会议上的讲话", "同志们：", "今年以来，\u00a0XX县\u2028各项工作稳步推进。", "\t一、主要成绩",
         "GDP 增长 5.2%, 2024 年 (estimate) ok ok ok ok", "", "最后一行"]
ENDS = ["\r\n", "\n", "\r", "\r\n", "\n", "\r\n", ""]


def _txt(lines=LINES, ends=ENDS) -> str:
    return "".join(line + end for line, end in zip(lines, ends))


ENCODINGS = [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""),
]


def _ascii_heavy(text: str) -> str:
    """Enough ASCII for the loader to recognise UTF-16 without a mark."""
    return text + "\n" + "The quick brown fox jumps over the lazy dog. " * 40


@pytest.mark.parametrize("encoding,bom", ENCODINGS)
@pytest.mark.parametrize("final_newline", [False, True])
def test_txt_round_trips_byte_identical(tmp_path, encoding, bom, final_newline):
    text = _txt()
    if final_newline:
        text += "\r\n"
    if encoding.startswith("utf-16") and not bom:
        text = _ascii_heavy(text)
    data = bom + text.encode(encoding)
    src = tmp_path / "draft.txt"
    src.write_bytes(data)
    doc = load(src)
    assert doc.text == text
    out = tmp_path / "out.txt"
    save_text(doc, editor_text(doc.text), out)
    assert out.read_bytes() == data

    # one line edited: only that line's bytes change
    shown = editor_text(doc.text).split("\n")
    k = shown.index("同志们：")
    shown[k] = "各位同志：\u00a0"
    save_text(doc, "\n".join(shown), out)
    assert out.read_bytes() == bom + text.replace("同志们：\n", "各位同志：\u00a0\n", 1).encode(encoding)


def test_gbk_file_round_trips(tmp_path):
    text = "在全县工作会议上的讲话\r\n同志们：\n今年以来各项工作稳步推进。\r"
    data = text.encode("gbk")
    src = tmp_path / "gbk.txt"
    src.write_bytes(data)
    doc = load(src)
    out = tmp_path / "out.txt"
    save_text(doc, editor_text(doc.text), out)
    assert out.read_bytes() == data


def test_line_ends_follow_the_lines():
    original = "a\r\nb\nc\rd\u2029e"
    assert restore_line_ends(original, "a\nb\nc\nd\ne") == original
    # a line inserted between b and c takes the usual end; the rest keep theirs
    assert restore_line_ends(original, "a\nb\nNEW\nc\nd\ne") == "a\r\nb\nNEW\r\nc\rd\u2029e"
    # a changed line keeps the end of the line it replaced
    assert restore_line_ends(original, "a\nB!\nc\nd\ne") == "a\r\nB!\nc\rd\u2029e"
    assert restore_line_ends(original, "a\nb\nd\ne") == "a\r\nb\nd\u2029e"


def test_docx_saved_as_txt_and_txt_saved_as_docx(tmp_path, rich_docx):
    doc = load_bytes(rich_docx, "rich.docx")
    out = tmp_path / "as.txt"
    save_text(doc, editor_text(doc.text), out)
    assert out.read_bytes().decode("utf-8") == doc.text
    src = tmp_path / "a.txt"
    src.write_bytes(_txt().encode("utf-8"))
    tdoc = load(src)
    save_text(tdoc, editor_text(tdoc.text), tmp_path / "as.docx")
    assert load(tmp_path / "as.docx").text == editor_text(tdoc.text)
