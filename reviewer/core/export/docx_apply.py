"""Writing an edited text back into a .docx body with minimal edits of the runs.

``apply_text`` diffs the loader's text (body paragraphs joined with "\\n") against the
edited one, lines first and then characters, and hands each change to the paragraph
edits of docx_patch.py, so that only the characters that differ change.
"""
from __future__ import annotations

import copy
import difflib

from lxml import etree

from ..docx_xml import Collector, Styles, w
from .docx_edit import _Paragraphs, _run_of
from .docx_patch import _empty_p_like, _rpr_before, delete_range, insert_text, para_segments, split_paragraph


# ----- removing and merging paragraphs ------------------------------------------------------

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
    col = Collector(Styles(None))
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
