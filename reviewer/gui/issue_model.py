"""The findings as a tree: category groups (catalogue order, counts) → entries by position,
where findings that share one fix fold into one entry (core/guide.py fold_key: the same
rule and either all correcting punctuation or all the same text → the same suggestion);
or a flat list in text order.

One model, never a widget per row: a tree of 12,000 findings builds and shows in about
0.1 s; display strings (context, line:column) are computed when a row is shown.
"""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap

from ..core import categories
from ..core.findings import SEVERITY_ZH
from ..core.guide import fold_key
from ..core.positions import LineIndex, region_label

CONTEXT = 8          # characters of context either side in the 原文 column
HIT_MAX = 16         # a longer flagged span is shortened in the middle
GROUP, FOLD, ITEM = "group", "fold", "item"
HANDLED_COLOUR = QColor("#9aa0a6")
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable  # computed once: combining flags is slow in PySide


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


class IssueTreeModel(QAbstractItemModel):
    """Grouped (category → fold → finding) or flat; filtered to one category or none.

    Node ids are ints stored in the indexes (internalId); node 0 is the root.
    """

    HEADERS = ("说明", "原文", "位置")
    FindingRole = Qt.UserRole + 1   # the Finding of an item row, else None
    ItemsRole = Qt.UserRole + 2     # every Finding under the row (a fold's items, a group's)
    KindRole = Qt.UserRole + 3      # "group" | "fold" | "item"
    CategoryRole = Qt.UserRole + 4
    ContextRole = Qt.UserRole + 5   # (before, flagged, after) for the 原文 column
    KeyRole = Qt.UserRole + 6       # a stable key for the row (category, fold key or finding key)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: list = []
        self.keys: list[str] = []
        self.texts: dict[str, str] = {}
        self.handled: set[str] = set()
        self.flat = False
        self.category: str | None = None
        self.rule_names: dict[str, str] = {}
        self._lines: dict[str, LineIndex] = {}
        self._cache: dict[int, tuple] = {}
        self._clear_nodes()

    # ----- building -----------------------------------------------------------------------
    def _clear_nodes(self) -> None:
        self._parent = [0]
        self._row = [0]
        self._kind = [GROUP]
        self._payload: list = [None]   # group: category id; fold: list of finding indexes; item: index
        self._children: list[list[int]] = [[]]
        self._item_node: dict[int, int] = {}

    def _add(self, parent: int, kind: str, payload) -> int:
        n = len(self._parent)
        self._parent.append(parent)
        self._row.append(len(self._children[parent]))
        self._kind.append(kind)
        self._payload.append(payload)
        self._children.append([])
        self._children[parent].append(n)
        if kind == ITEM:
            self._item_node[payload] = n
        return n

    def set_findings(self, findings, texts: dict[str, str], handled: set[str] | None = None) -> None:
        """Findings in text order (region, start); ``texts``: region → text."""
        self.beginResetModel()
        self.findings = list(findings)
        self.keys = [finding_key(f) for f in self.findings]
        self.texts = dict(texts)
        self.handled = set(handled or ())
        self._lines = {}
        self._cache = {}
        self._build()
        self.endResetModel()

    def set_view(self, flat: bool | None = None, category: str | None | bool = False) -> None:
        """Switch flat/grouped and/or filter to one category (None = all; False = unchanged)."""
        self.beginResetModel()
        if flat is not None:
            self.flat = flat
        if category is not False:
            self.category = category
        self._build()
        self.endResetModel()

    def _build(self) -> None:
        self._clear_nodes()
        cat = self.category
        visible = [i for i, f in enumerate(self.findings) if cat is None or f.category == cat]
        if self.flat:
            for i in visible:
                self._add(0, ITEM, i)
            return
        groups: dict[str, list[int]] = {}
        for i in visible:
            groups.setdefault(self.findings[i].category, []).append(i)
        for c in sorted(groups, key=lambda c: (categories.order(c), c)):
            g = self._add(0, GROUP, c)
            members = groups[c]
            folds: dict[tuple, list[int]] = {}
            for i in members:
                k = fold_key(self.findings[i])
                if k is not None:
                    folds.setdefault(k, []).append(i)
            placed: set[tuple] = set()
            for i in members:  # by position; a fold sits where its first item is
                k = fold_key(self.findings[i])
                if k is None or len(folds[k]) < 2:
                    self._add(g, ITEM, i)
                elif k not in placed:
                    placed.add(k)
                    fnode = self._add(g, FOLD, folds[k])
                    for j in folds[k]:
                        self._add(fnode, ITEM, j)

    # ----- queries ------------------------------------------------------------------------
    def node_of(self, index: QModelIndex) -> int:
        return index.internalId() if index.isValid() else 0

    def index_of_node(self, n: int, column: int = 0) -> QModelIndex:
        return QModelIndex() if n == 0 else self.createIndex(self._row[n], column, n)

    def index_of_finding(self, i: int) -> QModelIndex:
        n = self._item_node.get(i)
        return QModelIndex() if n is None else self.index_of_node(n)

    def structure(self) -> list[tuple[int, str, list[tuple[int, str]]]]:
        """For the view after a rebuild: (row, key, [(row, key) of its folds]) per group."""
        out = []
        for row, g in enumerate(self._children[0]):
            if self._kind[g] != GROUP:
                continue
            folds = [(r, repr(fold_key(self.findings[self._payload[c][0]])))
                     for r, c in enumerate(self._children[g]) if self._kind[c] == FOLD]
            out.append((row, self._payload[g], folds))
        return out

    def items_of(self, n: int) -> list[int]:
        """Finding indexes under node ``n`` in panel order."""
        kind = self._kind[n]
        if kind == ITEM:
            return [self._payload[n]]
        if kind == FOLD:
            return list(self._payload[n])
        out: list[int] = []
        for c in self._children[n]:
            out.extend(self.items_of(c))
        return out

    def panel_order(self) -> list[int]:
        """Every visible finding's index in the order the panel shows them."""
        return self.items_of(0)

    def is_handled(self, i: int) -> bool:
        return self.keys[i] in self.handled

    def counts(self, remaining: bool = False) -> dict[str, int]:
        """Category → number of findings (or of those not handled), whatever the filter."""
        out: dict[str, int] = {}
        for f, k in zip(self.findings, self.keys):
            if not remaining or k not in self.handled:
                out[f.category] = out.get(f.category, 0) + 1
        return out

    def mark_handled(self, keys: set[str]) -> None:
        new = set(keys) - self.handled
        if not new:
            return
        self.handled |= new
        touched: set[int] = set()
        for i, k in enumerate(self.keys):
            if k in new:
                n = self._item_node.get(i)
                while n:
                    touched.add(n)
                    n = self._parent[n]
        rows: dict[int, list[int]] = {}  # parent node -> rows changed: one signal per parent
        for n in touched:
            rows.setdefault(self._parent[n], []).append(self._row[n])
        last = len(self.HEADERS) - 1
        for p, rs in rows.items():
            first = self.createIndex(min(rs), 0, self._children[p][min(rs)])
            self.dataChanged.emit(first, self.createIndex(max(rs), last, self._children[p][max(rs)]))

    # ----- QAbstractItemModel -------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        p = self.node_of(parent)
        if p >= len(self._children) or not (0 <= row < len(self._children[p])) or not (
                0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, self._children[p][row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        return self.index_of_node(self._parent[index.internalId()])

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children[self.node_of(parent)])

    def columnCount(self, parent=QModelIndex()):
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index):
        return _FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        n, col = index.internalId(), index.column()
        kind = self._kind[n]
        if kind == GROUP:
            return self._group_data(n, col, role)
        if kind == FOLD:
            return self._fold_data(n, col, role)
        return self._item_data(self._payload[n], col, role)

    def _group_data(self, n: int, col: int, role):
        cat = self._payload[n]
        if role == self.KindRole:
            return GROUP
        if role in (self.CategoryRole, self.KeyRole):
            return cat
        if role == self.ItemsRole:
            return [self.findings[i] for i in self.items_of(n)]
        if role == self.FindingRole:
            return None
        if col != 0:
            return None
        if role == Qt.DisplayRole:
            items = self.items_of(n)
            left = sum(1 for i in items if not self.is_handled(i))
            text = f"{categories.label(cat)}　{len(items)} 处"
            return text + (f"（剩 {left} 处）" if left != len(items) else "")
        if role == Qt.DecorationRole:
            return category_icon(cat)
        if role == Qt.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            return categories.get(cat).description
        return None

    def _fold_data(self, n: int, col: int, role):
        items = self._payload[n]
        first = self.findings[items[0]]
        if role == self.KindRole:
            return FOLD
        if role == self.CategoryRole:
            return first.category
        if role == self.KeyRole:
            return repr(fold_key(first))
        if role == self.ItemsRole:
            return [self.findings[i] for i in items]
        if role == self.FindingRole:
            return None
        left = sum(1 for i in items if not self.is_handled(i))
        if role == Qt.DisplayRole:
            if col == 0:
                return self.fold_title(items)
            if col == 1:
                return f"{first.text} → {first.suggestion}" if fold_key(first)[1] == "pair" else \
                    "、".join(dict.fromkeys(f"{self.findings[i].text}→{self.findings[i].suggestion}"
                                            for i in items[:200]))
            return f"剩 {left} 处" if left != len(items) else ""
        if role == Qt.ForegroundRole and left == 0:
            return QBrush(HANDLED_COLOUR)
        if role == Qt.ToolTipRole:
            return first.message
        return None

    def fold_title(self, items: list[int]) -> str:
        """“中文中的半角标点 174 处 — 全部改为全角”."""
        first = self.findings[items[0]]
        name = self.rule_names.get(first.rule) or categories.label(first.category)
        if fold_key(first)[1] == "punct":
            full = all(_full_width(self.findings[i].suggestion) for i in items)
            return f"{name} {len(items)} 处 — " + ("全部改为全角" if full else "全部按建议修改")
        return f"“{first.text}”应为“{first.suggestion}” {len(items)} 处 — 全部改正"

    def location(self, f) -> str:
        text = self.texts.get(f.region)
        prefix = "" if f.region == "body" else region_label(f.region) + " "
        if text is None:
            return prefix.strip()
        li = self._lines.get(f.region)
        if li is None:
            li = self._lines[f.region] = LineIndex(text)
        line, col = li.line_col(f.start)
        return f"{prefix}{line}:{col}"

    def context(self, f) -> tuple[str, str, str]:
        text = self.texts.get(f.region, "")
        before = text[max(0, f.start - CONTEXT):f.start]
        after = text[f.end:f.end + CONTEXT]
        hit = f.text if f.end > f.start else ""
        if len(hit) > HIT_MAX:
            hit = hit[:HIT_MAX // 2] + "…" + hit[-(HIT_MAX // 2 - 1):]
        fix = lambda s: s.replace("\r", "").replace("\n", "⏎").replace("\t", " ")  # noqa: E731
        return fix(before), fix(hit), fix(after)

    def _strings(self, i: int) -> tuple:
        got = self._cache.get(i)
        if got is None:
            f = self.findings[i]
            ctx = self.context(f)
            got = self._cache[i] = (short_message(f.message), ctx, "".join(ctx), self.location(f))
        return got

    def _item_data(self, i: int, col: int, role):
        f = self.findings[i]
        if role == self.FindingRole:
            return f
        if role == self.ItemsRole:
            return [f]
        if role == self.KindRole:
            return ITEM
        if role == self.CategoryRole:
            return f.category
        if role == self.KeyRole:
            return self.keys[i]
        if role == Qt.DisplayRole:
            short, _ctx, joined, loc = self._strings(i)
            return (short, joined, loc)[col]
        if role == self.ContextRole:
            return self._strings(i)[1]
        handled = self.is_handled(i)
        if role == Qt.ForegroundRole and handled:
            return QBrush(HANDLED_COLOUR)
        if role == Qt.FontRole and handled and col == 0:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.DecorationRole and col == 0 and self.flat:
            return category_icon(f.category)
        if role == Qt.ToolTipRole:
            tip = f"{categories.label(f.category)}·{SEVERITY_ZH.get(f.severity, f.severity)}\n{f.message}"
            return tip + (f"\n建议：{f.suggestion}" if f.suggestion else "") + ("\n（已处理）" if handled else "")
        if role == Qt.TextAlignmentRole and col == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
