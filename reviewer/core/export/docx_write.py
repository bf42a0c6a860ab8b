"""Write edited text back into a .docx, touching only the paragraphs whose text changed.

Unchanged paragraphs keep every run, style and revision mark; a changed paragraph
keeps its paragraph properties and the formatting of its first text run.
"""
from __future__ import annotations

import copy
import difflib
import io
import zipfile

from lxml import etree

from ..loaders.docx import _Reader, body_paragraphs, w

XML_NS = "http://www.w3.org/XML/1998/namespace"
_KEEP = {w("pPr"), w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd")}


def _first_rpr(p):
    for r in p.iter(w("r")):
        if r.find(w("t")) is not None:
            rpr = r.find(w("rPr"))
            return copy.deepcopy(rpr) if rpr is not None else None
    return None


def append_text(r, text: str) -> None:
    """Text into a run: w:t pieces (spaces preserved) with w:tab for tabs."""
    for i, part in enumerate(text.split("\t")):
        if i:
            etree.SubElement(r, w("tab"))
        if part:
            t = etree.SubElement(r, w("t"))
            t.text = part
            t.set(f"{{{XML_NS}}}space", "preserve")


def make_run(text: str, rpr=None):
    r = etree.Element(w("r"))
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    append_text(r, text)
    return r


def set_paragraph_text(p, text: str) -> None:
    rpr = _first_rpr(p)
    for child in list(p):
        if child.tag not in _KEEP:
            p.remove(child)
    if text:
        p.append(make_run(text, rpr))


def _remove(p) -> None:
    parent = p.getparent()
    if parent is None:
        return
    if parent.tag == w("tc") and len(parent.findall(w("p"))) <= 1:
        set_paragraph_text(p, "")  # a table cell must keep one paragraph
        return
    parent.remove(p)


def _new_paragraph_after(anchor, text: str):
    p = etree.Element(w("p"))
    ppr = anchor.find(w("pPr")) if anchor is not None else None
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
        for rpr in p.iter(w("rPr")):  # a copied paragraph mark must not carry revision marks
            for mark in list(rpr):
                if mark.tag in (w("ins"), w("del")):
                    rpr.remove(mark)
    if text:
        p.append(make_run(text, _first_rpr(anchor) if anchor is not None else None))
    anchor.addnext(p)
    return p


def rewrite_docx(raw: bytes, new_text: str, path=None) -> bytes:
    """The package ``raw`` with its body paragraphs changed to the lines of ``new_text``.

    Any failure (a damaged part, XML that cannot be written back) is a SaveError naming
    ``path`` (or “文稿”) with a Chinese reason; nothing is half-written.
    """
    from ..document import DocumentError
    from .atomic import SaveError

    try:
        return _rewrite_docx(raw, new_text)
    except SaveError:
        raise
    except DocumentError as e:
        raise SaveError(path, f"原稿{e.reason.replace('文件', '', 1)}，无法按 Word 格式保存（可另存为 .txt）") from e
    except _Unwritable as e:
        raise SaveError(path, f"{e}，无法按 Word 格式保存（可另存为 .txt）") from e
    except Exception as e:  # zip/zlib/lxml failures while copying the other parts
        raise SaveError(path, f"原稿的压缩包有损坏的部分（{type(e).__name__}），无法按 Word 格式保存（可另存为 .txt）") from e


class _Unwritable(Exception):
    pass


def _rewrite_docx(raw: bytes, new_text: str) -> bytes:
    rd = _Reader(raw, None)
    main, root, paras = body_paragraphs(rd)
    head = rd.read(main) or b""
    if b"<!DOCTYPE" in head[:65536]:
        # lxml keeps the entity references but cannot write the declarations back.
        raise _Unwritable("原稿的正文 XML 声明了 DOCTYPE/实体")
    old = [t for t, _ in paras]
    new = new_text.split("\n")
    ops = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            els = paras[i1 + k][1]
            set_paragraph_text(els[-1], new[j1 + k])
            for extra in els[:-1]:
                _remove(extra)
        for k in range(i1 + paired, i2):  # old paragraphs with no counterpart
            for el in paras[k][1]:
                _remove(el)
        if j1 + paired < j2:  # new lines with no counterpart: after the last kept paragraph
            if i1 + paired - 1 >= 0 and paras[i1 + paired - 1][1]:
                anchor = paras[i1 + paired - 1][1][-1]
                if anchor.getparent() is None:
                    anchor = None
            else:
                anchor = None
            if anchor is None:
                body = root.find(w("body"))
                first = body[0] if len(body) else None
                anchor = etree.Element(w("p"))
                if first is not None:
                    first.addprevious(anchor)
                else:
                    body.append(anchor)
                placeholder = anchor
            else:
                placeholder = None
            for line in new[j1 + paired:j2]:
                anchor = _new_paragraph_after(anchor, line)
            if placeholder is not None:
                placeholder.getparent().remove(placeholder)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = xml if info.filename == main else src.read(info)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def text_to_docx(text: str) -> bytes:
    """A new .docx holding ``text``, one paragraph per line."""
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
