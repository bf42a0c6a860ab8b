"""Paragraph-level edits of a .docx body for writing an edited text back: cut or extend
the text inside w:t elements, insert text with the formatting around it, split, merge
and remove paragraphs (docx_apply.py decides what to change).

The editor shows the loader's text (body paragraphs joined with "\\n"; a soft line break
w:br/w:cr is a "\\n" inside a paragraph).  ``apply_text`` diffs that text against the edited
one and changes only the characters that differ: text inside a w:t is cut or extended in
place, so every run keeps its formatting and every element that is not text (drawings,
breaks, fields, bookmarks, comment anchors) stays where it was.  A "\\n" the user typed
splits the paragraph; a paragraph boundary the user deleted merges two paragraphs.
"""
from __future__ import annotations

import copy
import re

from lxml import etree

from ..docx_xml import SKIP, XML_NS, Fields, w
from .docx_edit import _run_of, _split_run, new_run


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
                if not isinstance(tag, str) or tag in SKIP or tag == w("p"):
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
