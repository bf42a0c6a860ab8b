"""Character-exact edits inside a .docx body: find the runs behind a span of the
loader's text, split runs at the span's edges (keeping their formatting), replace
text in place, wrap runs in tracked changes.

Offsets are the loader's: body paragraphs joined with "\\n".
"""
from __future__ import annotations

import copy
from bisect import bisect_right

from lxml import etree

from ..loaders.docx import _SKIP, Fields, _Collector, _Styles, w
from .docx_write import append_text

XML_NS = "http://www.w3.org/XML/1998/namespace"


def _segments(p) -> list[tuple[int, int, object]]:
    """(start, end, element) for each piece of a paragraph's accepted-view text.

    Mirrors loaders.docx._para_text: w:t gives its text; w:tab, w:br and w:cr give
    one character each.  Field instructions and deletions give nothing.
    """
    out = []
    pos = 0
    fields = Fields()

    def walk(el):
        nonlocal pos
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == w("p"):
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
        col = _Collector(_Styles(None))
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


# ----- writing an edited text back: minimal edits of the runs ------------------------------
#
# The editor shows the loader's text (body paragraphs joined with "\n"; a soft line break
# w:br/w:cr is a "\n" inside a paragraph).  ``apply_text`` diffs that text against the edited
# one and changes only the characters that differ: text inside a w:t is cut or extended in
# place, so every run keeps its formatting and every element that is not text (drawings,
# breaks, fields, bookmarks, comment anchors) stays where it was.  A "\n" the user typed
# splits the paragraph; a paragraph boundary the user deleted merges two paragraphs.

import difflib
import re

_CLEAN_MARKS = {w("ins"), w("del"), w("moveFrom"), w("moveTo")}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_FRESH_IDS = {f"{{{_W14}}}paraId", f"{{{_W14}}}textId"}


class _Seg:
    """One piece of a paragraph's text: a w:t (its text) or a one-character element."""

    __slots__ = ("s", "e", "el", "field")

    def __init__(self, s, e, el, field):
        self.s, self.e, self.el, self.field = s, e, el, field


class _FieldSpan:
    """A field whose result is on screen: where its first and last runs are."""

    __slots__ = ("first", "last")

    def __init__(self, first):
        self.first, self.last = first, None


def para_segments(els) -> list[_Seg]:
    """The live segments of a paragraph (all its w:p elements), as the loader reads them."""
    out: list[_Seg] = []
    base = 0
    for p in els:
        fields = Fields()
        open_fields: list[_FieldSpan] = []
        pos = base

        def walk(el, simple):
            nonlocal pos
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP or tag == w("p"):
                    continue
                field = simple or (open_fields[0] if open_fields else None)
                if tag == w("t"):
                    if not fields.hidden and child.text:
                        out.append(_Seg(pos, pos + len(child.text), child, field))
                        pos += len(child.text)
                elif tag == w("fldChar"):
                    kind = child.get(w("fldCharType"))
                    if kind == "begin":
                        open_fields.append(_FieldSpan(_run_of(child) if _run_of(child) is not None else child))
                    elif kind == "end" and open_fields:
                        span = open_fields.pop()
                        span.last = _run_of(child) if _run_of(child) is not None else child
                    fields.update(child)
                elif tag in (w("tab"), w("ptab"), w("cr"), w("noBreakHyphen")) or (
                        tag == w("br") and child.get(w("type")) in (None, "textWrapping")):
                    if not fields.hidden:
                        out.append(_Seg(pos, pos + 1, child, field))
                        pos += 1
                elif tag == w("fldSimple"):
                    span = _FieldSpan(child)
                    span.last = child
                    walk(child, simple or span)
                else:
                    walk(child, simple)

        walk(p, None)
        base = pos
    return out


def _preserve(t) -> None:
    if t.text and (t.text[0].isspace() or t.text[-1].isspace()):
        t.set(f"{{{XML_NS}}}space", "preserve")


def _text_nodes(text: str) -> list:
    """w:t / w:tab elements for ``text`` (no line breaks)."""
    nodes = []
    for i, part in enumerate(text.split("\t")):
        if i:
            nodes.append(etree.Element(w("tab")))
        if part:
            t = etree.Element(w("t"))
            t.text = part
            _preserve(t)
            nodes.append(t)
    return nodes


def _insert_after(anchor, nodes) -> None:
    for n in nodes:
        anchor.addnext(n)
        anchor = n


def _insert_before(anchor, nodes) -> None:
    for n in nodes:
        anchor.addprevious(n)


def _mark_rpr(p):
    """The paragraph mark's formatting as run formatting (for text in an empty paragraph)."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if child.tag in _CLEAN_MARKS or child.tag == w("rPrChange"):
            rpr.remove(child)
    return rpr if len(rpr) else None


def _drop_if_empty(r) -> None:
    if r is not None and r.tag == w("r") and all(c.tag == w("rPr") for c in r) and r.getparent() is not None:
        r.getparent().remove(r)


def delete_range(els, a: int, b: int) -> None:
    """Delete characters [a, b) of a paragraph, leaving everything else in place."""
    if b <= a:
        return
    for seg in reversed(para_segments(els)):
        lo, hi = max(seg.s, a), min(seg.e, b)
        if lo >= hi:
            continue
        el = seg.el
        if el.tag == w("t") and (lo > seg.s or hi < seg.e):
            el.text = el.text[:lo - seg.s] + el.text[hi - seg.s:]
            _preserve(el)
            continue
        r = _run_of(el)
        el.getparent().remove(el)
        _drop_if_empty(r)


def insert_text(els, k: int, text: str, rpr=None) -> None:
    """Insert ``text`` (tabs allowed, no line breaks) at character k of a paragraph.

    The text joins the run of the character before it (as typing does), or of the
    character after it at a paragraph's start; never the inside of a field result
    when there is an alternative.
    """
    text = _XML_BAD.sub("", text)
    if not text:
        return
    segs = para_segments(els)
    prev = next((s for s in reversed(segs) if s.s < k <= s.e), None)
    nxt = next((s for s in segs if s.s <= k < s.e), None)
    if prev is not None and prev.field is not None and prev.e == k and (nxt is None or nxt.field is not prev.field):
        if nxt is not None and nxt.field is None:
            prev = None
        elif prev.field.last is not None and prev.field.last.getparent() is not None:
            r = _new_run_like(_run_of(prev.el), text)
            prev.field.last.addnext(r)
            return
    if prev is not None:
        el = prev.el
        if el.tag == w("t") and (k < prev.e or "\t" not in text):
            j = k - prev.s
            head, tail = el.text[:j], el.text[j:]
            parts = text.split("\t")
            el.text = head + parts[0]
            _preserve(el)
            rest = _text_nodes("\t".join(parts[1:])) if len(parts) > 1 else []
            if len(parts) > 1:
                rest.insert(0, etree.Element(w("tab")))
                if tail:
                    if rest and rest[-1].tag == w("t"):
                        rest[-1].text += tail
                        _preserve(rest[-1])
                    else:
                        rest.extend(_text_nodes(tail))
            elif tail:
                el.text += tail
                _preserve(el)
            _insert_after(el, rest)
            return
        _insert_after(el, _text_nodes(text))
        return
    if nxt is not None:
        if nxt.field is not None and nxt.field.first is not None and nxt.field.first.getparent() is not None \
                and nxt.s == k:
            nxt.field.first.addprevious(_new_run_like(_run_of(nxt.el), text))
            return
        el = nxt.el
        if el.tag == w("t") and "\t" not in text:
            el.text = text + el.text
            _preserve(el)
            return
        _insert_before(el, _text_nodes(text))
        return
    # No text at all in this paragraph: a new run at its end, formatted like its mark.
    p = els[-1]
    r = new_run()
    if rpr is None:
        rpr = _mark_rpr(p)
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    for n in _text_nodes(text):
        r.append(n)
    p.append(r)


def _new_run_like(r, text):
    new = new_run()
    rpr = r.find(w("rPr")) if r is not None else None
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    for n in _text_nodes(_XML_BAD.sub("", text)):
        new.append(n)
    return new


def _rpr_before(els, k: int):
    for seg in reversed(para_segments(els)):
        if seg.s < k:
            r = _run_of(seg.el)
            rpr = r.find(w("rPr")) if r is not None else None
            return copy.deepcopy(rpr) if rpr is not None else None
    return None


def _fresh_mark(ppr) -> None:
    """A paragraph mark made by a split: no section break, no revision marks of its own."""
    if ppr is None:
        return
    for child in list(ppr):
        if child.tag == w("sectPr"):
            ppr.remove(child)
    rpr = ppr.find(w("rPr"))
    if rpr is not None:
        for child in list(rpr):
            if child.tag in _CLEAN_MARKS:
                rpr.remove(child)


def _new_p_like(p):
    new = etree.Element(w("p"))
    for key, value in p.attrib.items():
        if key not in _FRESH_IDS:
            new.set(key, value)
    return new


def _empty_p_like(p):
    """A new, empty paragraph formatted like p (its properties, with a fresh mark)."""
    new = _new_p_like(p)
    ppr = p.find(w("pPr"))
    if ppr is not None:
        ppr = copy.deepcopy(ppr)
        _fresh_mark(ppr)
        new.append(ppr)
    return new


def split_paragraph(els, k: int):
    """Split a paragraph at character k (the user pressed Enter there); return the
    elements of the second part.  The first part keeps the original w:p element."""
    segs = para_segments(els)
    total = segs[-1].e if segs else 0
    if k >= total:  # at the end: a new empty paragraph after it
        p = els[-1]
        new = _empty_p_like(p)
        p.addnext(new)
        return [new]
    seg = next(s for s in segs if s.s <= k < s.e)
    node = seg.el
    r = _run_of(node)
    if r is not None:
        node = _split_run(r, node, k - seg.s)
    p = node.getparent()
    while p is not None and p.tag != w("p"):
        p = p.getparent()
    idx = next(i for i, e in enumerate(els) if e is p)
    # Split every element between the node and the paragraph (hyperlinks, content controls,
    # tracked insertions) so that the node and what follows it move as a whole.
    while node.getparent() is not p:
        parent = node.getparent()
        clone = etree.Element(parent.tag, dict(parent.attrib))
        for child in parent:
            if isinstance(child.tag, str) and child.tag.endswith("Pr") and child is not node:
                if child.getparent() is parent and _index(parent, child) < _index(parent, node):
                    clone.append(copy.deepcopy(child))
        moving = [c for c in parent[_index(parent, node):]]
        for c in moving:
            clone.append(c)
        parent.addnext(clone)
        node = clone
    new = _new_p_like(p)
    ppr = p.find(w("pPr"))
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
        _fresh_mark(ppr)
    for c in list(p[_index(p, node):]):
        new.append(c)
    p.addnext(new)
    return [new] + list(els[idx + 1:])


def _index(parent, child) -> int:
    for i, c in enumerate(parent):
        if c is child:
            return i
    raise ValueError("not a child")


def _cell(el):
    cur = el.getparent()
    while cur is not None and cur.tag != w("tc"):
        cur = cur.getparent()
    return cur


def _remove_p(p) -> None:
    parent = p.getparent()
    if parent is None:
        return
    cell = _cell(p)
    if cell is not None and sum(1 for _ in cell.iter(w("p"))) <= 1:
        for child in list(p):  # a table cell keeps one paragraph
            if child.tag != w("pPr"):
                p.remove(child)
        return
    parent.remove(p)
    _prune(parent)


def _prune(el) -> None:
    """Content controls and insertions left without content go too."""
    while el is not None and el.tag in (w("sdtContent"), w("sdt"), w("ins"), w("customXml"), w("smartTag")) \
            and not any(isinstance(c.tag, str) and not c.tag.endswith("Pr") for c in el):
        parent = el.getparent()
        if parent is None:
            return
        if el.tag == w("sdtContent"):
            el = parent  # the whole control
            parent = el.getparent()
            if parent is None:
                return
        parent.remove(el)
        el = parent


def remove_paragraphs(paras, first: int, last: int) -> None:
    """Remove whole paragraphs; a table whose every paragraph goes is removed with them."""
    gone = {id(p) for i in range(first, last + 1) for p in paras[i][1]}
    tables = []
    for i in range(first, last + 1):
        for p in paras[i][1]:
            t = p.getparent()
            while t is not None and t.tag != w("tbl"):
                t = t.getparent()
            if t is not None and all(id(q) in gone for q in t.iter(w("p")) if not _in_textbox(q)) \
                    and not any(t is x for x in tables):
                tables.append(t)
    for t in tables:
        # the outermost such table only
        if any(o is not t and any(t is d for d in o.iter(w("tbl"))) for o in tables):
            continue
        parent = t.getparent()
        if parent is not None:
            parent.remove(t)
            _prune(parent)
    for i in range(first, last + 1):
        for p in paras[i][1]:
            if _attached(p):
                _remove_p(p)


def _in_textbox(p) -> bool:
    cur = p.getparent()
    while cur is not None:
        if cur.tag == w("txbxContent"):
            return True
        cur = cur.getparent()
    return False


def _attached(el) -> bool:
    while el is not None:
        if el.tag == w("body"):
            return True
        el = el.getparent()
    return False


def merge_paragraphs(a_els, b_els) -> bool:
    """Join paragraph b onto the end of paragraph a (the user deleted the break between
    them).  Only inside one container: never out of or into a table cell."""
    target = a_els[-1]
    if _cell(target) is not _cell(b_els[0]):
        return False
    tppr = target.find(w("pPr"))
    for p in b_els:
        ppr = p.find(w("pPr"))
        sect = ppr.find(w("sectPr")) if ppr is not None else None
        if sect is not None and (tppr is None or tppr.find(w("sectPr")) is None):
            if tppr is None:
                tppr = etree.Element(w("pPr"))
                target.insert(0, tppr)
            tppr.append(sect)
        for child in list(p):
            if child.tag != w("pPr"):
                target.append(child)
        parent = p.getparent()
        if parent is not None:
            parent.remove(p)
            _prune(parent)
    return True


def text_edits(old: str, new: str, fine: int = 3000) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in ``old``'s offsets, in order, turning ``old`` into ``new``:
    lines are matched first, then the characters of the lines that differ."""
    if old == new:
        return []
    a, b = old.split("\n"), new.split("\n")
    la, lb = _line_starts(a), _line_starts(b)  # one past the end: len(text) + 1
    edits = []
    for tag, i1, i2, j1, j2 in line_opcodes(a, b):
        if tag == "equal":
            continue
        if i2 < len(a):
            os_, oe, ns, ne = la[i1], la[i2], lb[j1], lb[j2]
        elif i1 > 0:
            os_, oe, ns, ne = la[i1] - 1, len(old), lb[j1] - 1, len(new)
        else:
            os_, oe, ns, ne = 0, len(old), 0, len(new)
        o, n = old[os_:oe], new[ns:ne]
        p = 0
        while p < len(o) and p < len(n) and o[p] == n[p]:
            p += 1
        q = 0
        while q < len(o) - p and q < len(n) - p and o[-1 - q] == n[-1 - q]:
            q += 1
        o, n = o[p:len(o) - q], n[p:len(n) - q]
        base = os_ + p
        if o and n and len(o) <= fine and len(n) <= fine:
            for t2, x1, x2, y1, y2 in difflib.SequenceMatcher(None, o, n, autojunk=False).get_opcodes():
                if t2 != "equal":
                    edits.append((base + x1, base + x2, n[y1:y2]))
        elif o or n:
            edits.append((base, base + len(o), n))
    return edits


def line_opcodes(a: list, b: list):
    """difflib opcodes for two lists of lines, with the common first and last lines
    matched as such first (a diff alone can align repeated lines off by a block)."""
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[len(a) - 1 - q] == b[len(b) - 1 - q]:
        q += 1
    out = [("equal", 0, p, 0, p)] if p else []
    a2, b2 = a[p:len(a) - q], b[p:len(b) - q]
    # Long stretches: let difflib skip very common lines (empty ones) so it stays fast.
    mid = difflib.SequenceMatcher(None, a2, b2, autojunk=len(b2) > 2000).get_opcodes()
    out += [(t, i1 + p, i2 + p, j1 + p, j2 + p) for t, i1, i2, j1, j2 in mid if i2 > i1 or j2 > j1]
    if q:
        out.append(("equal", len(a) - q, len(a), len(b) - q, len(b)))
    return out


def _line_starts(lines) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    out.append(pos)
    return out


class TextPatcher(_Paragraphs):
    """Apply text edits (in the loader's offsets) to the body paragraphs of a package."""

    def __init__(self, paras):
        self._index([(t, list(els)) for t, els in paras])

    def end_of(self, i: int) -> int:
        return self.starts[i] + len(self.paras[i][0])

    def apply(self, edits) -> None:
        for s, e, new in sorted(edits, key=lambda x: (x[0], x[1]), reverse=True):
            self.edit(s, e, new)

    def edit(self, s: int, e: int, new: str) -> None:
        i0, i1 = self.para_at(s), self.para_at(e)
        # Whole paragraphs (with one of their breaks) deleted or inserted: remove or add
        # elements and leave the neighbours untouched.
        if i1 > i0 and s == self.starts[i0] and e == self.starts[i1] and (not new or new.endswith("\n")):
            remove_paragraphs(self.paras, i0, i1 - 1)
            if new:
                self._insert_lines(i0 - 1, i1, new[:-1])
            return
        if i1 > i0 and s == self.end_of(i0) and e == self.end_of(i1) and (not new or new.startswith("\n")):
            remove_paragraphs(self.paras, i0 + 1, i1)
            if new:
                self._insert(i0, s - self.starts[i0], new)
            return
        if not new and s == e:
            return
        if s == e and new.endswith("\n") and s == self.starts[i0]:
            self._insert_lines(i0 - 1, i0, new[:-1])
            return
        a_els = self.paras[i0][1]
        if i1 == i0:
            delete_range(a_els, s - self.starts[i0], e - self.starts[i0])
        else:
            delete_range(self.paras[i1][1], 0, e - self.starts[i1])
            if i1 - 1 >= i0 + 1:
                remove_paragraphs(self.paras, i0 + 1, i1 - 1)
            delete_range(a_els, s - self.starts[i0], len(self.paras[i0][0]))
            merge_paragraphs(a_els, self.paras[i1][1])
        self._insert(i0, s - self.starts[i0], new)

    def _insert(self, i: int, k: int, new: str) -> None:
        if not new:
            return
        els = self.paras[i][1]
        lines = new.split("\n")
        insert_text(els, k, lines[0])
        k += len(lines[0])
        for line in lines[1:]:
            rpr = _rpr_before(els, k)
            els = split_paragraph(els, k)
            insert_text(els, 0, line, rpr)
            k = len(line)

    def _insert_lines(self, before: int, after: int, text: str) -> None:
        """New paragraphs between paragraphs ``before`` and ``after`` (either may be -1 or
        past the end): formatted like the following paragraph when both are in the same
        container (body or one table cell), else like the previous one."""
        prev = self.paras[before][1] if before >= 0 else None
        nxt = self.paras[after][1] if after < len(self.paras) else None
        if nxt and _attached(nxt[0]) and (not prev or not _attached(prev[-1]) or _cell(prev[-1]) is _cell(nxt[0])):
            first = nxt[0]
            segs = para_segments(nxt)
            rpr = None
            if segs:
                r = _run_of(segs[0].el)
                found = r.find(w("rPr")) if r is not None else None
                rpr = copy.deepcopy(found) if found is not None else None
            for line in text.split("\n"):
                p = _empty_p_like(first)
                first.addprevious(p)
                insert_text([p], 0, line, rpr)
        elif prev and _attached(prev[-1]):
            self._insert(before, len(self.paras[before][0]), "\n" + text)


def body_text(root) -> str:
    """The loader's body text of a (modified) document root."""
    col = _Collector(_Styles(None))
    col.block(root.find(w("body")), "", [0, 0])
    col.finish()
    return "\n".join(piece[0] for piece in col.pieces)


def apply_text(paras, old: str, new: str, fine: int = 3000, body=None) -> None:
    """Turn the body whose paragraphs are ``paras`` (the loader's (text, [w:p])) from
    ``old`` into ``new`` with the fewest changes to the XML.  ``fine=0`` replaces each
    changed stretch of lines as a whole (no character diff).  A body without any
    paragraph gets one (before its section properties) for the new text."""
    if not paras:
        if body is None or old == new:
            return
        p = etree.Element(w("p"))
        sect = body.find(w("sectPr"))
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)
        paras = [("", [p])]
    TextPatcher(paras).apply(text_edits(old, new, fine))
