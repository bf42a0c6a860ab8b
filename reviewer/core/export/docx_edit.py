"""Character-exact edits inside a .docx body: find the runs behind a span of the
loader's text, split runs at the span's edges (keeping their formatting), replace
text in place, wrap runs in tracked changes.

Offsets are the loader's: body paragraphs joined with "\\n".
"""
from __future__ import annotations

import copy
from bisect import bisect_right

from lxml import etree

from ..docx_xml import SKIP, XML_NS, Collector, Fields, Styles, append_text, w



def _segments(p) -> list[tuple[int, int, object]]:
    """(start, end, element) for each piece of a paragraph's accepted-view text.

    Mirrors docx_xml.para_text: w:t gives its text; w:tab, w:br and w:cr give
    one character each.  Field instructions and deletions give nothing.
    """
    out = []
    pos = 0
    fields = Fields()

    def walk(el):
        nonlocal pos
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP or tag == w("p"):
                continue
            hidden = fields.hidden
            if tag == w("t"):
                if not hidden and child.text:
                    out.append((pos, pos + len(child.text), child))
                    pos += len(child.text)
            elif tag == w("fldChar"):
                fields.update(child)
            elif tag in (w("tab"), w("ptab"), w("cr")) or (
                    tag == w("br") and child.get(w("type")) in (None, "textWrapping")):
                if not hidden:
                    out.append((pos, pos + 1, child))
                    pos += 1
            elif tag == w("noBreakHyphen"):
                if not hidden:
                    out.append((pos, pos + 1, child))
                    pos += 1
            else:
                walk(child)

    walk(p)
    return out


def _run_of(el):
    r = el.getparent()
    while r is not None and r.tag != w("r"):
        r = r.getparent()
    return r


class _Paragraphs:
    """Body paragraphs ``(text, elements)`` addressed with the loader's offsets (texts
    joined with "\n")."""

    def _index(self, paras) -> None:
        self.paras = paras
        self.starts = []
        pos = 0
        for text, _ in self.paras:
            self.starts.append(pos)
            pos += len(text) + 1
        self.text = "\n".join(t for t, _ in self.paras)

    def para_at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)


class DocxBody(_Paragraphs):
    """The body of a python-docx Document, addressed with the loader's offsets."""

    def __init__(self, document):
        self.document = document
        body = document.element.body
        col = Collector(Styles(None))
        col.block(body, "", [0, 0])
        col.finish()
        self._index([(piece[0], els) for piece, els in zip(col.pieces, col.elements)])

    def _element_segments(self, i: int):
        """Segments of paragraph i, over all its w:p elements (merged by a deleted mark)."""
        out, base = [], 0
        for p in self.paras[i][1]:
            segs = _segments(p)
            out.extend((s + base, e + base, el) for s, e, el in segs)
            base += segs[-1][1] if segs else 0
        return out

    def split_before(self, offset: int):
        """Make a run start exactly at ``offset``; return that run (None at a paragraph's end)."""
        i = self.para_at(offset)
        k = offset - self.starts[i]
        for s, e, el in self._element_segments(i):
            if s <= k < e:
                r = _run_of(el)
                if r is None:
                    return None
                return _split_run(r, el, k - s)
        return None

    def runs_between(self, start: int, end: int) -> list:
        """Split runs so that [start, end) is exactly a sequence of whole runs; return them."""
        if end <= start:
            return []
        self.split_before(end)  # the end first: splitting at the start keeps the end boundary
        first = self.split_before(start)
        if first is None:
            return []
        runs = []
        i0, i1 = self.para_at(start), self.para_at(end - 1)
        for i in range(i0, i1 + 1):
            base = self.starts[i]
            for s, e, el in self._element_segments(i):
                if base + s >= start and base + e <= end:
                    r = _run_of(el)
                    if r is not None and (not runs or runs[-1] is not r):
                        runs.append(r)
        return runs

    def paragraph_runs(self, i: int) -> list:
        runs = []
        for _s, _e, el in self._element_segments(i):
            r = _run_of(el)
            if r is not None and (not runs or runs[-1] is not r):
                runs.append(r)
        return runs

    def replace(self, start: int, end: int, new: str) -> None:
        """Replace text in place; the first touched run keeps its formatting for ``new``."""
        runs = self.runs_between(start, end) if end > start else []
        if not runs:
            anchor = self.split_before(start)
            if anchor is None:
                return
            r = copy.deepcopy(anchor)
            for child in list(r):
                if child.tag != w("rPr"):
                    r.remove(child)
            append_text(r, new)
            anchor.addprevious(r)
            return
        for k, r in enumerate(runs):
            for child in list(r):
                if child.tag != w("rPr"):
                    r.remove(child)
            if k == 0:
                append_text(r, new)
        for r in runs[1:]:
            r.getparent().remove(r)

    def remove_paragraphs(self, first: int, last: int) -> None:
        for i in range(first, last + 1):
            for p in self.paras[i][1]:
                parent = p.getparent()
                if parent is None:
                    continue
                if parent.tag == w("tc") and len(parent.findall(w("p"))) <= 1:
                    for child in list(p):
                        if child.tag != w("pPr"):
                            p.remove(child)
                else:
                    parent.remove(p)


def new_run():
    """A w:r element of python-docx's own class, so python-docx can anchor comments on it."""
    from docx.oxml.parser import OxmlElement

    return OxmlElement("w:r")


def _split_run(r, el, k: int):
    """Split run ``r`` so that a run starts at character k of element ``el``; return it."""
    children = [c for c in r if c.tag != w("rPr")]
    idx = children.index(el) if el in children else -1
    if idx < 0:  # el is nested deeper (rare): keep the run whole
        return r
    if k == 0 and idx == 0:
        return r
    rpr = r.find(w("rPr"))
    new = new_run()
    for key, value in r.attrib.items():
        new.set(key, value)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    if k > 0:  # split the text node itself
        tail = etree.SubElement(new, w("t"))
        tail.text = el.text[k:]
        tail.set(f"{{{XML_NS}}}space", "preserve")
        el.text = el.text[:k]
        el.set(f"{{{XML_NS}}}space", "preserve")
        moving = children[idx + 1:]
    else:
        moving = children[idx:]
    for c in moving:
        new.append(c)
    r.addnext(new)
    return new
