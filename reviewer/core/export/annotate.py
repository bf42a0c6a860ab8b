"""An annotated copy of the draft: a Word comment on exactly the flagged characters,
or, with track_changes, a tracked replacement for each finding that has a suggestion."""
from __future__ import annotations

import copy
import io
import itertools
import time

from ..document import Document
from ..findings import CATEGORY_ZH, SEVERITY_ZH
from ..loaders.docx import Fields, w
from .docx_edit import DocxBody, new_run
from .docx_write import append_text
from .docx_write import text_to_docx

AUTHOR = "文稿审校助手"
INITIALS = "审校"


def comment_text(f) -> str:
    head = f"【{CATEGORY_ZH.get(f.category, f.category)}·{SEVERITY_ZH[f.severity]}】"
    return head + f.message + (f"（建议改为：{f.suggestion}）" if f.suggestion else "")


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
    # From the end backwards: a tracked insertion changes the text after it, never before.
    for f in sorted((f for f in report.findings if f.region == "body"), key=lambda f: (-f.start, -f.end)):
        start, end = remap(f.start), remap(f.end)
        if track_changes and f.suggestion is not None and end > start and not any(
                s < end and start < e for s, e in changed):
            runs = body.runs_between(start, end)
            if runs:
                _tracked_replace(runs, f.suggestion, next(ids), next(ids), date)
                changed.append((start, end))
                continue
        if end > start:
            runs = body.runs_between(start, end)
        else:
            k = _anchor_paragraph(body, start, backwards=start >= len(text.rstrip()))
            runs = body.paragraph_runs(k) if k is not None else []
        if runs:
            d.add_comment(runs=[Run(runs[0], None), Run(runs[-1], None)], text=comment_text(f),
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
