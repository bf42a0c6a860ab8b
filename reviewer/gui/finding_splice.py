"""Two shortcuts of FindingNodes._patch (finding_nodes.py) for a category an edit changed:
its group's rows and its findings are read from the tree, whose nodes _patch has just
renumbered (the old rows of the changed stretch hold -1), not found among all findings
(~70,000 in a 1M draft) nor compared row by row."""
from __future__ import annotations

from bisect import bisect_left
from collections import deque

FOLD = "fold"   # (finding_nodes.FOLD, compared by value)


def _group(m, cat: str):
    return next((n for n in m._children[0] if m._payload[n] == cat), None)


def splice_items(m, cat: str, new: list[int], p: int, added: int) -> bool:
    """A group of items only, that stays so (no finding of the stretch ``new`` folds), gets
    the stretch's rows replaced, found by bisection.  False when that does not hold."""
    g = _group(m, cat)
    kids, payload = m._children[g] if g is not None else (), m._payload
    if not kids or any(m._parent[f] == g and m._kind[f] == FOLD for f in m._fkey) or \
            any(m._fold_key_list[i] is not None for i in new):
        return False
    at = lambda n: payload[n] if payload[n] >= 0 else p - 0.5   # noqa: E731  (-1: a row of the stretch)
    s, e = bisect_left(kids, p - 0.5, key=at), bisect_left(kids, p + added, key=at)
    if e - s == len(kids) and not new:
        return False   # (the group goes)
    parent = m.index_of_node(g)
    if e > s:
        m.beginRemoveRows(parent, s, e - 1)
        deque(map(m._kill, kids[s:e]), 0)
        del kids[s:e]
        m._renumber(kids, s)
        m.endRemoveRows()
    if new:
        m.beginInsertRows(parent, s, s + len(new) - 1)
        kids[s:s] = [m._make(g, None, i) for i in new]
        m._renumber(kids, s)
        m.endInsertRows()
    m.dataChanged.emit(parent, m.createIndex(parent.row(), len(m.HEADERS) - 1, g))
    return True


def members(m, cat: str, new: list[int]) -> list[int]:
    """The new indexes of ``cat``'s findings: those its group's rows and folds hold, and the
    stretch's ``new``, in order."""
    g = _group(m, cat)
    held = []
    for v in map(m._payload.__getitem__, m._children[g] if g is not None else ()):
        if type(v) is list:
            held.extend(v)
        else:
            held.append(v)
    held.extend(new)
    return sorted(filter((-1).__ne__, held))
