"""The pieces of the review pane's rows that need no model: a finding's key, its short
message, a category's icon, and the shape a tree of findings depends on."""
from __future__ import annotations

import unicodedata
from collections import Counter
from operator import attrgetter, gt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from ..core import categories

# What the tree's shape and the rows' first column depend on (category, fold_key, order,
# message), positions left out: an edit shifts the findings after it, and a shift alone
# changes only the 原文 and 位置 columns.  Read in C (map).
_SHAPE = attrgetter("rule", "category", "region", "text", "suggestion", "message", "severity")
_START, _END, _CATEGORY = attrgetter("start"), attrgetter("end"), attrgetter("category")
# The roles read once: Qt.DisplayRole goes through PySide's lookup of a shortened name
# (~3.5 µs, Qt.ItemDataRole.DisplayRole ~0.1 µs, a global ~20 ns), and data() compares a
# role with several of them, thousands of times a paint
_DISPLAY, _DECORATION, _FONT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole
_TOOLTIP, _FOREGROUND = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole
_ALIGNMENT_ROLE = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def shape_of(findings) -> tuple[list, list]:
    """Everything the tree built from ``findings`` depends on, without positions."""
    return list(map(_SHAPE, findings)), list(map(gt, map(_END, findings), map(_START, findings)))


def shape_after(old_shape: tuple[list, list], p: int, findings: list) -> tuple[list, list]:
    """shape_of(findings) when its first ``p`` findings equal those ``old_shape`` was made
    of (an edit: the findings before it are the same): only the rest is read."""
    tail = shape_of(findings[p:]) if p else shape_of(findings)
    return (old_shape[0][:p] + tail[0], old_shape[1][:p] + tail[1]) if p else tail


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
