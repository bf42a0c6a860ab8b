"""An annotated copy of the draft: a Word comment on exactly the flagged characters,
or, with track_changes, a tracked replacement for each finding that has a suggestion.

Punctuation fixes (guide.is_punctuation_fix: "," → "，") are tracked replacements in
both modes, never a comment each (a pasted draft carries hundreds); in comment mode one
summary comment per category says how many there are and how to review them."""
from __future__ import annotations

import copy
import io
import itertools
import time

from ..document import Document
from .. import categories
from ..findings import SEVERITY_ZH
from ..guide import is_punctuation_fix
from ..docx_xml import Fields, append_text, w
from .docx_edit import DocxBody, new_run
from .docx_write import text_to_docx

AUTHOR = "文稿审校助手"
INITIALS = "审校"


def comment_text(f) -> str:
    head = f"【{categories.label(f.category)}·{SEVERITY_ZH[f.severity]}】"
    if f.suggestion is None:
        return head + f.message
    # Quoted, so that a suggested "：" never reads as a doubled colon.
    return head + f.message + (f"（建议改为“{f.suggestion}”）" if f.suggestion else "（建议删除）")


def as_revision(f, track_changes: bool = False) -> bool:
    """Whether ``f`` is written as a tracked replacement rather than a comment (when its
    span does not overlap one already replaced)."""
    if f.region != "body" or f.suggestion is None or f.end <= f.start:
        return False
    return track_changes or is_punctuation_fix(f)


def summary_text(category: str, fixes: list) -> str:
    """The one comment that stands for a category's revisions."""
    pairs = "、".join(dict.fromkeys(f"“{f.text}”改为“{f.suggestion}”" for f in fixes))
    if len(pairs) > 60:
        pairs = pairs[:60].rsplit("、", 1)[0] + "等"
    return (f"【{categories.label(category)}】本文稿有 {len(fixes)} 处已按规范改正（{pairs}），"
            "以修订显示，可在 Word 的“审阅”中逐条或全部接受、拒绝。")


def docx_source(doc: Document) -> tuple[bytes, str, callable]:
    """The package to annotate, its body text, and a map from the draft's offsets to it."""
    if doc.raw is not None:
        return doc.raw, doc.text, (lambda o: o)
    text = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    if text == doc.text:
        return text_to_docx(text), text, (lambda o: o)
    # \r\n became \n: an offset moves back by the number of \r before it (a lone \r stays one char).
    removed = [0] * (len(doc.text) + 1)
    n = 0
    for i, ch in enumerate(doc.text):
        removed[i] = n
        if ch == "\r" and doc.text[i + 1:i + 2] == "\n":
            n += 1
    removed[len(doc.text)] = n
    return text_to_docx(text), text, (lambda o: o - removed[o])


def _anchor_paragraph(body: DocxBody, offset: int, backwards: bool) -> int | None:
    i = body.para_at(offset)
    order = range(i, -1, -1) if backwards else itertools.chain(range(i, len(body.paras)), range(i - 1, -1, -1))
    for k in order:
        if body.paragraph_runs(k):
            return k
    return None


def annotate(doc: Document, report, track_changes: bool = False) -> bytes:
    import docx
    from docx.text.run import Run

    raw, text, remap = docx_source(doc)
    d = docx.Document(io.BytesIO(raw))
    body = DocxBody(d)
    if body.text != text:
        raise ValueError("文稿内容与检查时不一致，无法定位批注位置")
    ids = itertools.count(_max_revision_id(d) + 1)
    date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    changed: list[tuple[int, int]] = []
    revised: dict[str, list] = {}  # category -> its punctuation fixes made revisions (comment mode)
    # From the end backwards: a tracked insertion changes the text after it, never before.
    for f in sorted((f for f in report.findings if f.region == "body"), key=lambda f: (-f.start, -f.end)):
        start, end = remap(f.start), remap(f.end)
        if as_revision(f, track_changes) and not any(s < end and start < e for s, e in changed):
            runs = body.runs_between(start, end)
            if runs:
                _tracked_replace(runs, f.suggestion, next(ids), next(ids), date)
                changed.append((start, end))
                if not track_changes:
                    revised.setdefault(f.category, []).append(f)
                continue
        if end > start:
            runs = body.runs_between(start, end)
        else:
            k = _anchor_paragraph(body, start, backwards=start >= len(text.rstrip()))
            runs = body.paragraph_runs(k) if k is not None else []
        if runs:
            d.add_comment(runs=[Run(runs[0], None), Run(runs[-1], None)], text=comment_text(f),
                          author=AUTHOR, initials=INITIALS)
    for category, fixes in revised.items():  # on the paragraph of the category's first fix
        first = min(fixes, key=lambda f: f.start)
        runs = [r for r in body.paragraph_runs(body.para_at(remap(first.start))) if r.getparent().tag == w("p")]
        if runs:
            d.add_comment(runs=[Run(runs[0], None), Run(runs[-1], None)], text=summary_text(category, fixes[::-1]),
                          author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _max_revision_id(d) -> int:
    best = 0
    for el in d.element.iter(w("ins"), w("del")):
        try:
            best = max(best, int(el.get(w("id"), "0")))
        except ValueError:
            pass
    return max(best, 1000)


def _tracked_replace(runs, suggestion: str, del_id: int, ins_id: int, date: str) -> None:
    from docx.oxml.parser import OxmlElement

    first = runs[0]
    rpr = first.find(w("rPr"))
    dele = OxmlElement("w:del")
    for el, rid in ((dele, del_id),):
        el.set(w("id"), str(rid))
        el.set(w("author"), AUTHOR)
        el.set(w("date"), date)
    first.addprevious(dele)
    for r in runs:
        for t in r.iter(w("t")):
            t.tag = w("delText")
        for t in r.iter(w("instrText")):
            t.tag = w("delInstrText")
        dele.append(r)
    if suggestion:
        ins = OxmlElement("w:ins")
        ins.set(w("id"), str(ins_id))
        ins.set(w("author"), AUTHOR)
        ins.set(w("date"), date)
        r = new_run()
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        append_text(r, suggestion)
        ins.append(r)
        dele.addnext(ins)


def comment_anchors(data: bytes) -> dict[str, str]:
    """Comment id -> the (accepted-view) text its range covers, paragraphs joined with \\n."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    hidden = 0  # depth inside w:del
    fields = Fields()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if tag == w("del"):
            hidden += 1 if event == "start" else -1
        elif event == "start" and tag == w("commentRangeStart"):
            cid = el.get(w("id"))
            open_ids.append(cid)
            texts.setdefault(cid, [])
        elif event == "start" and tag == w("commentRangeEnd"):
            cid = el.get(w("id"))
            if cid in open_ids:
                open_ids.remove(cid)
        elif event == "start" and tag == w("fldChar"):
            fields.update(el)
        elif event == "start" and tag == w("t") and not hidden and not fields.hidden:
            for cid in open_ids:
                texts[cid].append(el.text or "")
        elif event == "start" and tag in (w("tab"),) and not hidden:
            for cid in open_ids:
                texts[cid].append("\t")
        elif event == "end" and tag == w("p"):
            for cid in open_ids:
                texts[cid].append("\n")
    return {cid: "".join(parts) for cid, parts in texts.items()}


# ----- a package python-docx can open ---------------------------------------------------------

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = {"application/vnd.ms-word.document.macroEnabled.main+xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"}


class PackageError(ValueError):
    """The draft's package cannot be rebuilt for writing; the message is Chinese."""


def word_package(raw: bytes) -> bytes:
    """``raw`` made acceptable to python-docx, or ``raw`` itself when it already is.

    A template (.dotx) or macro document (.docm) gets the ordinary document type and loses
    its macros; a part that cannot be decompressed (bad CRC, damaged data) or is missing
    is left out together with the relationships that point at it.  Sizes are capped as
    in the loader, since python-docx reads every part.
    """
    import posixpath
    import zipfile
    import zlib

    from lxml import etree

    from ..docx_xml import MAX_PART, MAX_TOTAL

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error, NotImplementedError) as e:
        raise PackageError("原稿的压缩包已损坏") from e
    with zf:
        blobs: dict[str, bytes] = {}
        order: list[zipfile.ZipInfo] = []
        changed = False
        total = 0
        for info in zf.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_PART or total + info.file_size > MAX_TOTAL:
                raise PackageError("原稿中有解压后异常庞大的内容，已拒绝写出")
            try:
                with zf.open(info) as fh:
                    data = fh.read(MAX_PART + 1)
            except Exception:  # bad CRC, damaged deflate stream, unsupported method, encryption
                changed = True
                continue
            if len(data) > MAX_PART:
                raise PackageError("原稿中有解压后异常庞大的内容，已拒绝写出")
            total += len(data)
            if b"<!DOCTYPE" in data[:65536] and info.filename.lower().endswith((".xml", ".rels")):
                # python-docx would drop the declarations and keep the references: invalid XML.
                raise PackageError("原稿的 XML 中声明了 DOCTYPE/实体（Word 文档不应含有）")
            if info.filename in blobs:  # a duplicate name: python-docx reads the last one anyway
                changed = True
            blobs[info.filename] = data
            order = [i for i in order if i.filename != info.filename] + [info]
    if "[Content_Types].xml" not in blobs:
        raise PackageError("原稿的压缩包中缺少内容类型清单（[Content_Types].xml）")
    try:
        types = etree.fromstring(blobs["[Content_Types].xml"], parser)
    except (etree.LxmlError, ValueError) as e:
        raise PackageError("原稿的内容类型清单已损坏") from e
    defaults = {(d.get("Extension") or "").lower() for d in types.iter(f"{{{_CT_NS}}}Default")}
    overrides = {}
    for o in types.iter(f"{{{_CT_NS}}}Override"):
        overrides[(o.get("PartName") or "").lstrip("/")] = o
        if o.get("ContentType") in _OTHER_MAINS:
            o.set("ContentType", _DOC_MAIN)
            changed = True

    def has_type(name: str) -> bool:
        return name in overrides or posixpath.splitext(name)[1].lstrip(".").lower() in defaults

    new_rels: dict[str, bytes] = {}
    for name in list(blobs):
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
        try:
            root = etree.fromstring(blobs[name], parser)
        except (etree.LxmlError, ValueError):
            del blobs[name]
            changed = True
            continue
        dropped = False
        for rel in list(root.iter(f"{{{_RELS_NS}}}Relationship")):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join("/" + folder, rel.get("Target") or "")).lstrip("/")
            if ((rel.get("Type") or "").endswith("/vbaProject") or target not in blobs
                    or not has_type(target)):
                rel.getparent().remove(rel)
                dropped = True
        if dropped:
            new_rels[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            changed = True
    if not changed:
        return raw
    blobs.update(new_rels)
    blobs["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in order:
            if info.filename in blobs:
                dst.writestr(info.filename, blobs[info.filename])
    return out.getvalue()
