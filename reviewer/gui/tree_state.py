"""Which groups and folds of the findings tree are open.  The user's choices are kept by
key (a group's category, a fold's fold key) across rebuilds and in-place updates; a group
of more than BIG_GROUP rows starts closed: after a rebuild the view lays out every row of
an open group (20,000 rows take ~0.3 s), and a thousand findings of one kind are worked
through with 下一处, not read as a list."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from .finding_nodes import GROUP

BIG_GROUP = 500   # rows


class FindingsTree(QTreeView):
    """The findings view.  After an edit the model reports new positions for every row, one
    dataChanged per group and fold; QTreeView answers each with work that calls back into
    the model hundreds of times, even for rows inside a closed fold (70,000 findings: ~40 ms
    per keystroke).  Rows under a closed parent are not on screen: nothing to repaint."""

    def dataChanged(self, top_left, bottom_right, roles=()):
        parent = top_left.parent()
        if parent.isValid() and not self.isExpanded(parent):
            return
        super().dataChanged(top_left, bottom_right, roles)


class Expansion:
    def __init__(self, tree, model):
        self.tree, self.model = tree, model
        self.collapsed: set[str] = set()       # groups the user closed
        self.opened: set[str] = set()          # groups the user opened (a big one starts closed)
        self.expanded_folds: set[str] = set()  # folds the user opened (folds start closed)
        self._restoring = False
        tree.collapsed.connect(lambda ix: self.remember(ix, False))
        tree.expanded.connect(lambda ix: self.remember(ix, True))

    def group_open(self, index: QModelIndex) -> bool:
        key = index.data(self.model.KeyRole)
        if self.model.rowCount(index) > BIG_GROUP:
            return key in self.opened
        return key not in self.collapsed

    def after_reset(self) -> None:
        """Spans and expansion after the model was rebuilt (every row is closed then)."""
        m, tree = self.model, self.tree
        if m.flat:
            return
        root = QModelIndex()
        self._restoring = True   # expanding here is not the user's choice: not remembered
        try:
            for row, _cat, folds in m.structure():
                tree.setFirstColumnSpanned(row, root, True)
                g = m.index(row, 0)
                for r, key in folds:
                    tree.setFirstColumnSpanned(r, g, True)
                    if key in self.expanded_folds:
                        tree.expand(m.index(r, 0, g))
                if self.group_open(g):
                    tree.expand(g)
        finally:
            self._restoring = False

    def after_patch(self) -> None:
        """The same for the group and fold rows an in-place update made (model.patched)."""
        m, tree = self.model, self.tree
        self._restoring = True
        try:
            for n in m.patched:
                ix = m.index_of_node(n)
                kind = ix.data(m.KindRole) if m.alive(n) else None
                if kind is None:
                    continue
                tree.setFirstColumnSpanned(ix.row(), ix.parent(), True)
                if self.group_open(ix) if kind == GROUP else ix.data(m.KeyRole) in self.expanded_folds:
                    tree.expand(ix)
        finally:
            self._restoring = False

    def remember(self, index: QModelIndex, expanded: bool) -> None:
        if self._restoring:
            return
        kind, key = index.data(self.model.KindRole), index.data(self.model.KeyRole)
        if kind == GROUP:
            (self.opened.add if expanded else self.opened.discard)(key)
            (self.collapsed.discard if expanded else self.collapsed.add)(key)
        elif expanded:
            self.expanded_folds.add(key)
        else:
            self.expanded_folds.discard(key)
