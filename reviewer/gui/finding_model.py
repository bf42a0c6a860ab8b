"""The findings as a tree: category groups (catalogue order, counts) → entries by position,
where findings that share one fix fold into one entry (core/guide.py fold_key: the same
rule and either all correcting punctuation or all the same text → the same suggestion);
or a flat list in text order.

One model, never a widget per row: a tree of 12,000 findings builds and shows in about
0.1 s; display strings (context, line:column) are computed when a row is shown.
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core import categories
from ..core.findings import SEVERITY_ZH
from ..core.guide import fold_key
from ..core.positions import LineIndex, region_label
from .finding_nodes import FOLD, GROUP, ITEM, PATCH_LIMIT, FindingNodes
from .finding_rows import (_ALIGNMENT_ROLE, _CATEGORY, _DECORATION, _DISPLAY, _FONT, _FOREGROUND, _RIGHT, _TOOLTIP,
                           _full_width, category_icon, finding_key, longest_after, recount, shape_of,
                           short_message, Change, report_tail)

__all__ = ["FindingTreeModel", "finding_key", "short_message", "category_icon", "FOLD", "GROUP", "ITEM"]

CONTEXT = 8          # characters of context either side in the 原文 column
HIT_MAX = 16         # a longer flagged span is shortened in the middle
HANDLED_COLOUR = QColor("#9aa0a6")
_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable  # computed once: combining flags is slow in PySide


class FindingTreeModel(FindingNodes, QAbstractItemModel):
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
        self._keys: list[str] | None = []
        self._shape, self.longest = shape_of([]), 0   # (finding_rows.shape_of; the longest span, for the editor)
        self.version = 0          # bumped whenever the findings list changes
        self.rebuilds = self.tails = 0   # full rebuilds (a shift alone makes none), updates by a moved tail
        self.texts: dict[str, str] = {}
        self.handled: set[str] = set()
        self.flat = False
        self.category: str | None = None
        self.rule_names: dict[str, str] = {}
        self._lines: dict[str, LineIndex] = {}
        self._cache: dict[int, tuple] = {}
        self._fold_cache: dict = {}          # shape of a finding -> its fold_key
        self._fold_key_list: list | None = []
        self.patched: list[int] = []         # group and fold nodes made by the latest in-place update
        self.retired: list = []   # what set_findings replaced, to be freed in a pause (take_retired)
        self.source_hint = self._source = None   # set by the window, used once; the report shown (report_tail)
        self._clear_nodes()

    # ----- building -----------------------------------------------------------------------
    def set_findings(self, findings, texts: dict[str, str], handled: set[str] | None = None) -> bool:
        """Findings in text order (region, start); ``texts``: region → text.  True when the
        tree was rebuilt (a reset).  False when only positions moved (an edit shifted the
        findings after it): no reset, no per-row work — strings are made for the rows shown,
        when shown — and the view keeps its selection, expansion and scroll position.  Also
        False when an edit added, removed or changed a few findings (a duplicate appeared or
        vanished): the rows of those groups and folds are removed and inserted in place
        (``patched`` then lists the group and fold nodes made anew)."""
        findings = list(findings)
        change = Change(self.findings, self._shape, findings, report_tail(self, findings))
        p, shape, same, patch = change.p, change.shape, change.same, change.diff
        if patch is not None and (self._dead > len(self._parent) // 2 + 1000 or patch[1] + patch[2] > PATCH_LIMIT):
            patch = None   # too large to be worth patching, or too many nodes dead already: a rebuild
        counted = self._counts.get("all") if same or patch is not None else None
        if patch is not None:   # the categories that changed, and where the others' findings went
            if counted is not None:   # the category counts, from those of the changed stretch
                counted = recount(counted, self._shape[0], shape[0], *patch)
            patch += self._changed_categories(shape, *patch)
        elif not same:
            self.beginResetModel()
        self.longest = longest_after(self.longest, self._shape[1], shape[1], (p, 0, 0) if same else patch)
        self.retired.append((self.findings, self._shape, self._cache))   # freed when the user pauses
        del self.retired[:-2]   # (kept at most two: nobody takes them in a model without a window)
        self.findings, self._shape = findings, shape
        self._keys = None
        self.texts = dict(texts)
        handled = set(handled or ())
        first_column = 1 if handled == self.handled else 0   # handled rows look different
        self.handled = handled
        self._lines = {}
        self._cache = {}
        self._counts = {}
        self.version += 1
        self.patched = []
        if same or patch is not None:
            if patch is not None:
                self._patch(*patch)
            if counted is not None:
                self._counts["all"] = counted
            self._all_changed(first_column)
            return False
        self.rebuilds += 1
        self._build()
        self.endResetModel()
        return True

    def take_retired(self) -> list:
        """What set_findings replaced since the last call (freed in the user's pause: collector.py)."""
        got, self.retired = self.retired, []
        return got

    @property
    def keys(self) -> list[str]:
        """finding_key of every finding, in order (built when first asked for)."""
        if self._keys is None:
            self._keys = [finding_key(f) for f in self.findings]
        return self._keys

    def set_view(self, flat: bool | None = None, category: str | None | bool = False) -> None:
        """Switch flat/grouped and/or filter to one category (None = all; False = unchanged)."""
        self.beginResetModel()
        if flat is not None:
            self.flat = flat
        if category is not False:
            self.category = category
        self._build()
        self.endResetModel()

    # ----- queries ------------------------------------------------------------------------
    def node_of(self, index: QModelIndex) -> int:
        return index.internalId() if index.isValid() else 0

    def index_of_node(self, n: int, column: int = 0) -> QModelIndex:
        return QModelIndex() if n == 0 else self.createIndex(self._row[n], column, n)

    def index_of_finding(self, i: int) -> QModelIndex:
        n = self._item_node[i] if 0 <= i < len(self._item_node) else 0
        return self.index_of_node(n)

    def structure(self) -> list[tuple[int, str, list[tuple[int, str]]]]:
        """For the view after a rebuild: (row, key, [(row, key) of its folds]) per group."""
        out = []
        for row, g in enumerate(self._children[0]):
            if self._kind[g] != GROUP:
                continue
            folds = [(r, repr(self._fkey[c]))
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
        return bool(self.handled) and self.keys[i] in self.handled

    def counts(self, remaining: bool = False) -> dict[str, int]:
        """Category → number of findings (or of those not handled), whatever the filter."""
        if not remaining or not self.handled:
            got = self._counts.get("all")
            if got is None:
                got = self._counts["all"] = dict(Counter(map(_CATEGORY, self.findings)))
            return dict(got)
        out = self._counts.get("left")
        if out is None:
            out = self._counts["left"] = {}
            for f, k in zip(self.findings, self.keys):
                if k not in self.handled:
                    out[f.category] = out.get(f.category, 0) + 1
        return dict(out)

    def mark_handled(self, keys: set[str]) -> None:
        new = set(keys) - self.handled
        if not new:
            return
        self.handled |= new
        self._counts = {}
        touched: set[int] = set()
        for i, k in enumerate(self.keys):
            if k in new:
                n = self._item_node[i]
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
        # QTreeView calls this twice per row it lays out (70,000 findings: ~40,000 calls)
        p = parent.internalId() if parent.isValid() else 0
        kids = self._children[p] if p < len(self._children) else ()
        if 0 <= row < len(kids) and 0 <= column < 3:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        return self.index_of_node(self._parent[index.internalId()])

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._children[0])
        return 0 if parent.column() else len(self._children[parent.internalId()])

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

    def _tally(self, n: int) -> tuple[int, int]:
        """(findings, those not handled) under a group or fold node; kept until the findings
        or what is handled change (a row is painted many times, a fold can hold 40,000).  A
        group holds every finding of its category: the category counts, counted in C."""
        got = self._counts.get(n)
        if got is None:
            if self._kind[n] == GROUP:
                cat = self._payload[n]
                got = (self.counts().get(cat, 0), self.counts(remaining=True).get(cat, 0))
            else:
                items = self._payload[n]
                left = sum(1 for i in items if not self.is_handled(i)) if self.handled else len(items)
                got = (len(items), left)
            self._counts[n] = got
        return got

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
        if role == _DISPLAY:
            total, left = self._tally(n)
            text = f"{categories.label(cat)}　{total} 处"
            return text + (f"（剩 {left} 处）" if left != total else "")
        if role == _DECORATION:
            return category_icon(cat)
        if role == _FONT:
            font = QFont()
            font.setBold(True)
            return font
        if role == _TOOLTIP:
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
        total, left = self._tally(n)
        if role == _DISPLAY:
            if col == 0:
                title = self._counts.get(-n)
                if title is None:
                    title = self._counts[-n] = self.fold_title(items)
                return title
            if col == 1:
                how = fold_key(first)[1]
                return f"{first.text} → {first.suggestion}" if how == "pair" else "、".join(dict.fromkeys(
                    self.findings[i].text + ("" if how == "delete" else "→" + self.findings[i].suggestion)
                    for i in items[:200]))
            return f"剩 {left} 处" if left != total else ""
        if role == _FOREGROUND and left == 0:
            return QBrush(HANDLED_COLOUR)
        if role == _TOOLTIP:
            return first.message
        return None

    def fold_title(self, items: list[int]) -> str:
        """“中文中的半角标点 174 处 — 全部改为全角”."""
        first = self.findings[items[0]]
        name = self.rule_names.get(first.rule) or categories.label(first.category)
        how = fold_key(first)[1]
        if how == "punct":
            full = all(_full_width(self.findings[i].suggestion) for i in items)
            return f"{name} {len(items)} 处 — " + ("全部改为全角" if full else "全部按建议修改")
        return f"{name} {len(items)} 处 — 全部删除" if how == "delete" else \
            f"“{first.text}”应为“{first.suggestion}” {len(items)} 处 — 全部改正"

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
            return self._keys[i] if self._keys is not None else finding_key(f)
        if role == _DISPLAY:
            short, _ctx, joined, loc = self._strings(i)
            return (short, joined, loc)[col]
        if role == self.ContextRole:
            return self._strings(i)[1]
        handled = self.is_handled(i)
        if role == _FOREGROUND and handled:
            return QBrush(HANDLED_COLOUR)
        if role == _FONT and handled and col == 0:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == _DECORATION and col == 0 and self.flat:
            return category_icon(f.category)
        if role == _TOOLTIP:
            tip = f"{categories.label(f.category)}·{SEVERITY_ZH.get(f.severity, f.severity)}\n{f.message}"
            return tip + (f"\n建议：{f.suggestion}" if f.suggestion else "") + ("\n（已处理）" if handled else "")
        if role == _ALIGNMENT_ROLE and col == 2:
            return _RIGHT
        return None
