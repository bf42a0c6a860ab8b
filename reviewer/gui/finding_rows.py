"""The pieces of the review pane's rows that need no model: a finding's key, its short
message, a category's icon, and the shape a tree of findings depends on."""
from __future__ import annotations

import unicodedata
from collections import Counter
from operator import attrgetter, sub

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from ..core import categories

# What the tree's shape and the rows' first column depend on (category, fold_key, order,
# message), positions left out: an edit shifts the findings after it, and a shift alone
# changes only the 原文 and 位置 columns.  Severity and region are no part of it: no row
# shows them but a tooltip, asked for when shown.  Read in C (map), in one pass: the first
# reading of the ~35,000 findings an edit of a 1M draft moved is what costs (they are new).
_SHAPE = attrgetter("rule", "category", "text", "suggestion", "message")
_START, _END, _CATEGORY = attrgetter("start"), attrgetter("end"), attrgetter("category")
# The roles read once: Qt.DisplayRole goes through PySide's lookup of a shortened name
# (~3.5 µs, Qt.ItemDataRole.DisplayRole ~0.1 µs, a global ~20 ns), and data() compares a
# role with several of them, thousands of times a paint
_DISPLAY, _DECORATION, _FONT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole
_TOOLTIP, _FOREGROUND = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole
_ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def shape_of(findings) -> tuple[list, list]:
    """Everything the tree built from ``findings`` depends on, without positions: the
    shapes (_SHAPE) and the spans' lengths (end - start: a fold needs a span that is not
    empty, and the editor's highlights the longest)."""
    return list(map(_SHAPE, findings)), list(map(sub, map(_END, findings), map(_START, findings)))


def shape_after(old_shape: tuple[list, list], p: int, findings: list) -> tuple[list, list]:
    """shape_of(findings) when its first ``p`` findings equal those ``old_shape`` was made
    of (an edit: the findings before it are the same): only the rest is read."""
    tail = shape_of(findings[p:]) if p else shape_of(findings)
    return (old_shape[0][:p] + tail[0], old_shape[1][:p] + tail[1]) if p else tail


class Change:
    """New findings against those shown: the first index ``p`` where the lists differ, the
    new ``shape`` (shape_of), whether only positions moved (``same``), else ``diff``: (p,
    removed, added) -- the old [p, p + removed) became the new [p, p + added), all else has
    the same shape."""

    __slots__ = ("p", "shape", "same", "diff")

    def __init__(self, old: list, old_shape: tuple, new: list, tail: tuple | None = None):
        """``tail``: (k_old, k_new) when the core proved ``new[k_new:]`` to be ``old[k_old:]``
        moved (Report.moved_tail): their shapes are the old ones, not read (a 1M draft: the
        ~35,000 findings after an edit, new objects, ~13 ms)."""
        # the findings before an edit are the same (objects): their shapes are not read again
        p = self.p = common_prefix(old, new) if old and new else 0
        if tail is not None and old and new:
            k_old, k_new = tail
            p = min(p, k_old, k_new)
            mid = shape_of(new[p:k_new])
            was = (old_shape[0][p:k_old], old_shape[1][p:k_old])
            shape = self.shape = (old_shape[0][:p] + mid[0] + old_shape[0][k_old:],
                                  old_shape[1][:p] + mid[1] + old_shape[1][k_old:])
            self.same = len(new) == len(old) and mid[0] == was[0] and mid[1] == was[1]
            self.diff = None if self.same else _diff(old_shape, shape, p)
            return
        shape = self.shape = shape_after(old_shape, p, new)
        self.same = bool(old) and len(new) == len(old) and shape[0][p:] == old_shape[0][p:] and \
            shape[1][p:] == old_shape[1][p:]
        self.diff = None if self.same or not old or not new else _diff(old_shape, shape, p)


def report_tail(m, findings: list) -> tuple | None:
    """For the findings model ``m`` (finding_model.py) about to show ``findings`` instead of
    ``m.findings``: (k_old, k_new) of the report's Report.moved_tail, or None.  Reads the
    window's ``m.source_hint`` -- (the report's findings list, its moved_tail), set just
    before, used once -- and ``m._source``, the report's list ``m.findings`` are in full (None:
    they are not, or it is not known); sets both, and counts in ``m.tails`` a tail taken.
    The session only ever drops findings of a report, keeping the order: the same length is
    the same list.  The tail is taken when both lists are whole reports' and it was told of
    the report shown."""
    hint, source = m.source_hint, m._source
    m.source_hint = m._source = None
    if hint is None or len(findings) != len(hint[0]):
        return None
    new, moved = hint
    m._source = new
    if moved is None or source is None or moved[0] is not source or moved[2] is not new \
            or len(m.findings) != len(source):
        return None
    m.tails += 1
    return moved[1], moved[3]


def _diff(old_shape: tuple, shape: tuple, start: int) -> tuple[int, int, int]:
    """(p, removed, added), see Change; the shapes before ``start`` are known to be the same."""
    (old, old_len), (new, new_len) = old_shape, shape
    n = min(len(old), len(new))
    p = min(common_prefix(old, new, start), common_prefix(old_len, new_len, start))
    m = n - p
    q = common_suffix(old_len, new_len, m)   # the lengths (ints: quick), then the shapes in one go
    if q and old[len(old) - q:] != new[len(new) - q:]:
        q = common_suffix(old, new, q)
    return p, len(old) - p - q, len(new) - p - q


def longest_after(longest: int, old: list, new: list, patch) -> int:
    """The longest span (end - start) of the findings whose lengths are ``new``, when those
    of ``old`` had ``longest``: from the changed stretch when only that changed (``patch``:
    (p, removed, added, …), the rest the same), else counted in C."""
    if patch is not None:
        p, removed, added = patch[:3]
        if not removed or max(old[p:p + removed]) < longest:
            return max(longest, max(new[p:p + added], default=0))
    return max(new, default=0)


def recount(counts: dict, old: list, new: list, p: int, removed: int, added: int) -> dict:
    """Category -> findings, after the shapes ``old`` [p, p + removed) became ``new`` [p, p + added)."""
    got = Counter(counts)
    got.subtract(Counter(t[1] for t in old[p:p + removed]))
    got.update(Counter(t[1] for t in new[p:p + added]))
    return {c: k for c, k in got.items() if k > 0}


def common_prefix(old: list, new: list, start: int = 0) -> int:
    """The first index from ``start`` at which ``old`` and ``new`` differ (their common
    length if none): lists compared in C, in slices that grow, then halve round the first
    difference -- findings that are the same objects compare without a call."""
    n = min(len(old), len(new))
    lo, step = start, 64
    while lo < n:
        hi = min(n, lo + step)
        if old[lo:hi] != new[lo:hi]:
            while hi - lo > 8:
                mid = (lo + hi) // 2
                if old[lo:mid] == new[lo:mid]:
                    lo = mid
                else:
                    hi = mid
            while lo < hi and old[lo] == new[lo]:
                lo += 1
            return lo
        lo, step = hi, step * 2
    return n


def common_suffix(old: list, new: list, limit: int) -> int:
    """How many items at the ends of ``old`` and ``new`` are equal, at most ``limit``
    (compared as common_prefix does)."""
    a, b = len(old), len(new)
    k, step = 0, 64
    while k < limit:
        hi = min(limit, k + step)
        if old[a - hi:a - k] != new[b - hi:b - k]:
            while hi - k > 8:
                mid = (k + hi) // 2
                if old[a - mid:a - k] == new[b - mid:b - k]:
                    k = mid
                else:
                    hi = mid
            while k < hi and old[a - k - 1] == new[b - k - 1]:
                k += 1
            return k
        k, step = hi, step * 2
    return limit


def finding_key(f) -> str:
    """The identity of a finding across re-checks (also the window's ignore key)."""
    return f"{f.rule}|{f.region}|{f.start}|{f.end}|{f.text}"


def _full_width(s: str) -> bool:
    return all(unicodedata.east_asian_width(ch) in "FW" or ch in "“”‘’…—" for ch in s)


def short_message(message: str, limit: int = 26) -> str:
    """The first clause of a message (up to a "，。；" or "（" outside quotes and book-title
    marks): enough to recognise the problem in a list."""
    depth = 0
    cut = len(message)
    for i, ch in enumerate(message):
        if ch in "“‘《「":
            depth += 1
        elif ch in "”’》」":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，。；（" and i >= 4:
            cut = i
            break
    s = message[:cut]
    return s if len(s) <= limit else s[:limit - 1] + "…"


_icons: dict[str, QIcon] = {}


def category_icon(cat: str) -> QIcon:
    """A small square in the category's colour (rules/categories.yaml)."""
    icon = _icons.get(cat)
    if icon is None:
        pm = QPixmap(12, 12)
        pm.fill(QColor(categories.colour(cat)))
        icon = _icons[cat] = QIcon(pm)
    return icon


def nearest_same(findings, f) -> int | None:
    """Index of the finding of ``f``'s rule, region and text whose start is nearest ``f``'s:
    where ``f`` went after an edit moved it; None if it is gone.  (One pass: ~5 ms for 70,000.)"""
    best, gap = None, None
    rule, region, text, start = f.rule, f.region, f.text, f.start
    for i, g in enumerate(findings):
        if g.text == text and g.rule == rule and g.region == region:
            d = abs(g.start - start)
            if gap is None or d < gap:
                best, gap = i, d
    return best
