"""The review pane: the findings grouped by category (or flat), a detail pane for the one
selected, the category legend, and the buttons to work through them.

It knows nothing of the window.  The window calls set_findings / mark_handled / select /
step / filter_category / set_flat and listens to the signals; it applies the edits (one
undo step per accept_requested), persists ignores and the word list, and calls
mark_handled afterwards.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QToolButton, QVBoxLayout, QWidget)

from ..core.export.clean import fixable
from ..core import categories
from ..core.guide import RuleInfo, rule_info, shipped_rule_info
from .detail_pane import ContextDelegate, DetailPane, ask_ignore_scope
from .finding_model import FOLD, GROUP, ITEM, FindingTreeModel, finding_key
from .finding_advance import AdvanceAfterAction
from .legend import Legend
from .tree_state import Expansion, FindingsTree

__all__ = ["FindingsPanel", "finding_key"]

_RESIZE = QEvent.Type.Resize   # read once: the filter sees every event of the tree's viewport


class FindingsPanel(AdvanceAfterAction, QWidget):
    """See the module docstring; the interface is agreed with the window (issue 13)."""

    activated = Signal(object)            # a Finding to show in the editor
    accept_requested = Signal(list)       # apply these findings' suggestions as ONE undo step
    ignore_requested = Signal(list, str)  # findings, "finding" | "rule-document" | "rule-all"
    add_word_requested = Signal(str)
    remaining_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FindingTreeModel(self)
        self._info: dict[str, RuleInfo] | None = None
        self._key_index: tuple[int, dict[str, int]] = (-1, {})   # (model version, key -> index)
        self._anchor: tuple[int, bool] | None = None  # (finding index, before it?) for step()
        self._quiet = False

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.grouped_button = QToolButton()
        self.grouped_button.setText(self.tr("按类别"))
        self.flat_button = QToolButton()
        self.flat_button.setText(self.tr("按位置"))
        self.grouped_button.setToolTip(self.tr("按类别分组，同一种改法合成一条"))
        self.flat_button.setToolTip(self.tr("按在文稿中的位置逐条列出"))
        self._view_group = QButtonGroup(self)
        for b in (self.grouped_button, self.flat_button):
            b.setCheckable(True)
            self._view_group.addButton(b)
            top.addWidget(b)
        self.grouped_button.setChecked(True)
        self.grouped_button.clicked.connect(lambda: self.set_flat(False))
        self.flat_button.clicked.connect(lambda: self.set_flat(True))
        top.addStretch()
        self.remaining_label = QLabel()
        top.addWidget(self.remaining_label)

        self.tree = FindingsTree()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setWordWrap(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setItemDelegateForColumn(1, ContextDelegate(self.tree))
        hh = self.tree.header()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(0, QHeaderView.Interactive)
        hh.setSectionResizeMode(1, QHeaderView.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.Fixed)
        fm = self.tree.fontMetrics()
        self.tree.setColumnWidth(2, fm.horizontalAdvance("9999:999") + 16)
        self.tree.viewport().installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.expansion = Expansion(self.tree, self.model)

        self.detail = DetailPane()
        self.detail.accept_clicked.connect(self._accept)
        self.detail.ignore_clicked.connect(self._ignore)
        self.detail.ignore_kind_clicked.connect(self._ignore_kind)
        self.detail.add_word_clicked.connect(self._add_word)
        self.detail.previous_clicked.connect(lambda: self.step(False))
        self.detail.next_clicked.connect(lambda: self.step(True))

        self.legend = Legend()
        self.legend.category_clicked.connect(self.filter_category)

        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 280])
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.splitter)
        self._update_counts()

    # ----- the agreed interface -----------------------------------------------------------
    def set_rules(self, ruleset) -> None:
        """Optional: the rules in use (with the user's own), for names and descriptions.
        Without it the shipped rules are read once, the first time they are needed."""
        self._info = rule_info(ruleset)

    def set_findings(self, findings, texts: dict[str, str], handled: set[str]) -> None:
        """Findings in text order; ``texts``: region → text; ``handled``: keys already done.
        Only positions moved (an edit shifted the findings after it): the rows, selection and
        what is open stay; the work is a few passes in C, not per row."""
        current = self.current_finding()
        current_key = finding_key(current) if current is not None else None
        if findings or self._info is not None:  # (an empty list needs no names: a draft just opened
            # asks before the window's rules are loaded, which then come with set_rules)
            self.model.rule_names = {rid: ri.name for rid, ri in self._rule_info().items()}
        self._quiet = True   # a removed current row moves the selection: not the user's doing
        try:
            reset = self.model.set_findings(findings, texts, handled)
        finally:
            self._quiet = False
        if not reset:
            self._after_patch()
            if self.tree.currentIndex().isValid():
                self._show_current()
            self._update_counts()
            self._go_on()
            return
        self._after_reset()
        i = self._index_of_key.get(current_key) if current_key else None
        if i is not None:
            self._select_index(i)
        else:
            self._anchor = None
            self.detail.show_nothing()
        self._update_counts()
        self._go_on()

    @property
    def _index_of_key(self) -> dict[str, int]:
        """finding_key -> index into the model's findings (built when first needed)."""
        version, index = self._key_index
        if version != self.model.version:
            index = {k: i for i, k in enumerate(self.model.keys)}
            self._key_index = (self.model.version, index)
        return index

    def mark_handled(self, keys: set[str]) -> None:
        self.model.mark_handled(keys)
        self._update_counts()
        self._show_current()

    def remaining(self) -> int:
        if not self.model.handled:
            return len(self.model.findings)
        return sum(1 for k in self.model.keys if k not in self.model.handled)

    def select(self, f) -> None:
        """The editor's cursor is on ``f`` (or on no finding): follow it without emitting activated."""
        i = self._index_of_key.get(finding_key(f)) if f is not None else None
        if i is None:
            self._quiet = True
            try:
                self.tree.selectionModel().clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
            finally:
                self._quiet = False
            if f is None:
                self.detail.show_nothing()
            return
        self._select_index(i)

    def step(self, forward: bool) -> None:
        """Go to the next (previous) unhandled finding in panel order, wrapping around."""
        order = self.model.panel_order()
        if not order:
            return
        pos = {fi: p for p, fi in enumerate(order)}
        n = len(order)
        if self._anchor is not None and self._anchor[0] in pos:
            at, before = pos[self._anchor[0]], self._anchor[1]
            start = (at if before else at + 1) if forward else at - 1
        else:
            start = 0 if forward else n - 1
        for k in range(n):
            p = (start + k) % n if forward else (start - k) % n
            i = order[p]
            if not self.model.is_handled(i):
                self._select_index(i)
                self.activated.emit(self.model.findings[i])
                return

    def filter_category(self, cat: str | None) -> None:
        """Show only ``cat`` (None: every category)."""
        if cat == self.model.category:
            self.legend.set_current(cat)
            return
        current = self.current_finding()
        self.model.set_view(category=cat)
        self._after_reset()
        self.legend.set_current(cat)
        if current is not None and (cat is None or current.category == cat):
            self._select_index(self._index_of_key[finding_key(current)])
        elif cat is not None:
            self._show_current()

    def set_flat(self, flat: bool) -> None:
        (self.flat_button if flat else self.grouped_button).setChecked(True)
        if flat == self.model.flat:
            return
        current = self.current_finding()
        self.model.set_view(flat=flat)
        self._after_reset()
        if current is not None:
            self._select_index(self._index_of_key[finding_key(current)])

    def legend_widget(self) -> QWidget:
        return self.legend

    # ----- helpers ------------------------------------------------------------------------
    def eventFilter(self, obj, e):
        if obj is self.tree.viewport() and e.type() == _RESIZE:
            self._fit_columns()
        return super().eventFilter(obj, e)

    def _fit_columns(self) -> None:
        """说明 takes nearly half the width (13 characters at most), 原文 the rest."""
        fm = self.tree.fontMetrics()
        room = self.tree.viewport().width() - self.tree.columnWidth(2)
        self.tree.setColumnWidth(0, max(fm.horizontalAdvance("中") * 6, min(fm.horizontalAdvance("中") * 13 + 40,
                                                                            room * 9 // 20)))

    def current_finding(self):
        """The finding of the selected row (None for a group or fold row, or nothing)."""
        return self.tree.currentIndex().data(FindingTreeModel.FindingRole)

    def current_items(self) -> list:
        """Every finding under the selected row."""
        return self.tree.currentIndex().data(FindingTreeModel.ItemsRole) or []

    def _rule_info(self) -> dict[str, RuleInfo]:
        if self._info is None:
            self._info = shipped_rule_info()
        return self._info

    def why(self, f) -> str:
        """Why it matters: the rule's description, else its category's."""
        ri = self._rule_info().get(f.rule)
        if ri is not None and ri.description:
            return ri.description
        return categories.get(f.category).description

    def _after_reset(self) -> None:
        self.expansion.after_reset()

    def _after_patch(self) -> None:
        """Rows made by an in-place update get their spans and expansion; the anchor for
        下一处 follows the current row (finding indexes may have moved)."""
        self.expansion.after_patch()
        m, current = self.model, self.tree.currentIndex()
        if not current.isValid():
            return
        items = m.items_of(m.node_of(current))   # an item row: its own finding
        self._anchor = (items[0], current.data(FindingTreeModel.KindRole) != ITEM) if items else None

    def _select_index(self, i: int) -> None:
        """Make finding ``i`` the current row (its fold opened) without emitting activated."""
        ix = self.model.index_of_finding(i)
        self._anchor = (i, False)
        if not ix.isValid():  # filtered out: show it anyway
            f = self.model.findings[i]
            self._show_finding(f)
            return
        parent = ix.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self._quiet = True
        try:
            self.tree.setCurrentIndex(ix)
        finally:
            self._quiet = False
        self.tree.scrollTo(ix)
        self._show_current()

    def _current_changed(self, current: QModelIndex, _previous) -> None:
        kind = current.data(FindingTreeModel.KindRole)
        if kind == ITEM:
            i = self._index_of_key[current.data(FindingTreeModel.KeyRole)]
            self._anchor = (i, False)
        elif kind in (GROUP, FOLD):
            items = current.data(FindingTreeModel.ItemsRole)
            if items:
                self._anchor = (self._index_of_key[finding_key(items[0])], True)
        self._show_current()
        if kind == ITEM and not self._quiet:
            self.activated.emit(current.data(FindingTreeModel.FindingRole))

    def _double_clicked(self, index: QModelIndex) -> None:
        f = index.data(FindingTreeModel.FindingRole)
        if f is not None:
            self.activated.emit(f)

    def _show_finding(self, f) -> None:
        self.detail.reset_labels()
        handled = finding_key(f) in self.model.handled
        self.detail.show_finding(f, self.model.texts.get(f.region, ""), self.model.location(f), self.why(f), handled)

    def _show_current(self) -> None:
        ix = self.tree.currentIndex()
        kind = ix.data(FindingTreeModel.KindRole)
        if kind == ITEM:
            self._show_finding(ix.data(FindingTreeModel.FindingRole))
        elif kind == FOLD:
            items = ix.data(FindingTreeModel.ItemsRole)
            left = sum(1 for f in items if finding_key(f) not in self.model.handled)
            idx = [self._index_of_key[finding_key(f)] for f in items]
            self.detail.show_fold(self.model.fold_title(idx), items, left, self.why(items[0]))
        elif kind == GROUP:
            self.detail.reset_labels()
            items = ix.data(FindingTreeModel.ItemsRole)
            left = sum(1 for f in items if finding_key(f) not in self.model.handled)
            self.detail.show_category(ix.data(FindingTreeModel.CategoryRole), len(items), left)
        elif self._anchor is None:
            self.detail.reset_labels()
            self.detail.show_nothing()

    def _update_counts(self) -> None:
        left = self.remaining()
        total = len(self.model.findings)
        self.remaining_label.setText(self.tr("剩余 %d 处（共 %d 处）") % (left, total) if total else
                                     self.tr("没有发现问题"))
        self.legend.set_counts(self.model.counts(), self.model.counts(remaining=True))
        self.legend.set_current(self.model.category)
        self.remaining_changed.emit(left)

    def _unhandled(self, items) -> list:
        return [f for f in items if finding_key(f) not in self.model.handled]

    # ----- the buttons --------------------------------------------------------------------
    def _accept(self) -> None:
        items = [f for f in self._unhandled(self.current_items()) if fixable(f)]
        if items:
            self._emit_and_advance(self.accept_requested, items)

    def _ignore(self) -> None:
        items = self._unhandled(self.current_items())
        if items:
            self._emit_and_advance(self.ignore_requested, items, "finding")

    def _ignore_kind(self) -> None:
        items = self.current_items()
        if not items:
            return
        rule = items[0].rule
        same = [f for f in self.model.findings if f.rule == rule and finding_key(f) not in self.model.handled]
        scope = self.ask_ignore_scope(items[0], len(same))
        if scope is None:
            return
        self._emit_and_advance(self.ignore_requested, same, scope)

    def ask_ignore_scope(self, f, count: int) -> str | None:
        """忽略此类…: "rule-document", "rule-all" (the user ticked 所有文稿) or None (cancelled).
        Tests replace this method."""
        ri = self._rule_info().get(f.rule)
        return ask_ignore_scope(self, ri.name if ri is not None else categories.label(f.category), count)

    def _add_word(self) -> None:
        f = self.current_finding()
        if f is not None and f.text.strip():
            self.add_word_requested.emit(f.text.strip())
