"""The pieces of the review pane's rows that need no model: a finding's key, its short
message, a category's icon, and the shape a tree of findings depends on."""
from __future__ import annotations

import unicodedata
from operator import attrgetter, gt

from PySide6.QtGui import QColor, QIcon, QPixmap

from ..core import categories

# What the tree's shape and the rows' first column depend on (category, fold_key, order,
# message), positions left out: an edit shifts the findings after it, and a shift alone
# changes only the 原文 and 位置 columns.  Read in C (map).
_SHAPE = attrgetter("rule", "category", "region", "text", "suggestion", "message", "severity")
_START, _END, _CATEGORY = attrgetter("start"), attrgetter("end"), attrgetter("category")


def shape_of(findings) -> tuple[list, list]:
    """Everything the tree built from ``findings`` depends on, without positions."""
    return list(map(_SHAPE, findings)), list(map(gt, map(_END, findings), map(_START, findings)))


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
