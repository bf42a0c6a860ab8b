"""The review pane's tree as plain data, and how it changes: node arrays (parent, row,
kind, payload, children) built from the findings in bulk, and the in-place update after an
edit that added, removed or changed a few findings — the groups and folds that changed get
their rows removed and inserted (beginRemoveRows / beginInsertRows), so the view keeps what
is open, selected and scrolled, and lays out only what it must.

Mixed into FindingTreeModel (finding_model.py), which owns the findings and answers Qt.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import deque
from itertools import chain, compress, islice, repeat
from operator import add, eq, ne

from PySide6.QtCore import QModelIndex

from ..core import categories
from ..core.guide import DELETED_ALIKE, fold_key
from .finding_rows import _CATEGORY
from .finding_splice import members, splice_items

GROUP, FOLD, ITEM = "group", "fold", "item"
PATCH_LIMIT = 2000   # findings added and removed by one update: more, and the tree is rebuilt


def _first_true(flags: list, default: int) -> int:
    """Index of the first True in ``flags`` (a scan in C), else ``default``."""
    try:
        return flags.index(True)
    except ValueError:
        return default


class FindingNodes:
    """Node 0 is the root; a node id is the internalId of its indexes.  Needs ``findings``,
    ``_shape`` (finding_rows.shape_of), ``flat``, ``category`` and the QAbstractItemModel
    row signals of the class it is mixed into."""

    # ----- building -----------------------------------------------------------------------
    def _clear_nodes(self) -> None:
        self._parent = [0]
        self._row = [0]
        self._kind = [GROUP]
        self._payload: list = [None]   # group: category id; fold: list of finding indexes; item: index
        self._children: list = [[]]    # child node ids; () for an item
        self._item_node: list[int] = [0] * len(self.findings)   # finding index -> its item node (0: none)
        self._fkey: dict[int, tuple] = {}   # fold node -> its fold key
        self._cat_list: list | None = None   # the findings' categories (kept by in-place updates)
        self._dead = 0                 # nodes removed by in-place updates (ids are not reused)
        self._counts = {}              # group or fold node -> number of findings under it

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

    def _build(self) -> None:
        """The tree from scratch: nodes for a whole run of items are added in bulk (a 1M-character
        draft has ~70,000 findings) and fold keys come from a cache keyed by the rows' shape."""
        self._clear_nodes()
        cat, findings = self.category, self.findings
        if cat is None:
            visible = range(len(findings))
        else:
            visible = [i for i, c in enumerate(map(_CATEGORY, findings)) if c == cat]
        if self.flat:
            self._fold_key_list = None
            self._add_items(0, list(visible))
            return
        keys = self._fold_keys()
        groups: dict[str, list[int]] = {}
        categories_of = self._cat_list = list(map(_CATEGORY, findings))
        for i in visible:
            groups.setdefault(categories_of[i], []).append(i)
        add, add_items = self._add, self._add_items
        for c in sorted(groups, key=lambda c: (categories.order(c), c)):
            g = add(0, GROUP, c)
            members = groups[c]
            folds: dict = {}
            for i in members:
                k = keys[i]
                if k is not None:
                    folds.setdefault(k, []).append(i)
            if all(len(v) < 2 for v in folds.values()):
                add_items(g, members)
                continue
            run: list[int] = []   # items between folds, added in bulk
            for i in members:  # by position; a fold sits where its first item is
                k = keys[i]
                if k is None or len(folds[k]) < 2:
                    run.append(i)
                elif folds[k][0] == i:
                    if run:
                        add_items(g, run)
                        run = []
                    fnode = add(g, FOLD, folds[k])
                    self._fkey[fnode] = k
                    add_items(fnode, folds[k])
            if run:
                add_items(g, run)

    def _add_items(self, parent: int, items: list[int]) -> None:
        """Item nodes for the finding indexes ``items``, appended under ``parent``."""
        m = len(items)
        first = len(self._parent)
        kids = self._children[parent]
        self._parent.extend(repeat(parent, m))
        self._row.extend(range(len(kids), len(kids) + m))
        self._kind.extend(repeat(ITEM, m))
        self._payload.extend(items)
        self._children.extend(repeat((), m))   # an item has no children: one shared empty tuple
        kids.extend(range(first, first + m))
        item_node = self._item_node
        for i, n in zip(items, range(first, first + m)):
            item_node[i] = n

    def _fold_keys(self) -> list:
        """fold_key of every finding, in order; a finding's fold key depends only on its shape
        (rule, text, suggestion …), so they are cached by shape across edits."""
        cache = self._fold_cache
        if len(cache) > 4 * len(self.findings) + 1000:
            cache.clear()
        self._fold_key_list = self._fold_keys_of(range(len(self.findings)))
        return self._fold_key_list

    def _fold_keys_of(self, indexes) -> list:
        cache, get, missing = self._fold_cache, self._fold_cache.get, object()
        shapes, lengths, findings = self._shape[0], self._shape[1], self.findings
        out = []
        append = out.append
        for i in indexes:
            s = shapes[i]
            if lengths[i] <= 0 or s[3] is None and s[0] not in DELETED_ALIKE:
                append(None)  # an empty span, or no suggestion (save a site's marks deleted alike): never folds
                continue
            k = get(s, missing)
            if k is missing:
                k = cache[s] = fold_key(findings[i])
            append(k)
        return out

    def _all_changed(self, first_column: int = 1) -> None:
        """dataChanged over every row, one signal per parent.  From column 1 when column 0 is
        as it was: for column 0 QTreeView asks every row whether it has children."""
        last = len(self.HEADERS) - 1
        kind = self._kind
        for p in chain((0,), self._children[0], [n for n in self._fkey if kind[n] is FOLD]):
            kids = self._children[p]
            if kids:
                self.dataChanged.emit(self.createIndex(0, first_column, kids[0]),
                                      self.createIndex(len(kids) - 1, last, kids[-1]))

    # ----- updating in place ----------------------------------------------------------------
    def _changed_categories(self, shape, p: int, removed: int, added: int) -> tuple[set, dict]:
        """(the categories whose findings in the changed stretch changed, old index -> new index
        of the findings there of the other categories).  The stretch runs from the first to the
        last changed finding of the whole report -- an edit that makes a duplicate elsewhere
        spans thousands of findings that only moved; a category whose findings in it are the
        same, in the same order, keeps its rows (its group is not compared row by row)."""
        old, old_len = self._shape[0][p:p + removed], self._shape[1][p:p + removed]
        new, new_len = shape[0][p:p + added], shape[1][p:p + added]
        at_old: dict[str, list[int]] = {}
        at_new: dict[str, list[int]] = {}
        for at, stretch in ((at_old, old), (at_new, new)):
            for i, t in enumerate(stretch):
                got = at.get(t[1])
                if got is None:
                    at[t[1]] = [i]
                else:
                    got.append(i)
        touched, remap = set(), {}
        for c in at_old.keys() | at_new.keys():
            a, b = at_old.get(c, ()), at_new.get(c, ())
            if len(a) == len(b) and all(old[i] == new[j] and old_len[i] == new_len[j] for i, j in zip(a, b)):
                remap.update((p + i, p + j) for i, j in zip(a, b))
            else:
                touched.add(c)
        return touched, remap

    def _patch(self, p: int, removed: int, added: int, touched: set[str], remap: dict[int, int]) -> None:
        """Bring the tree to the new findings, of which [p, p + added) are new or moved and the
        rest the old ones shifted (see _diff, _changed_categories): finding indexes in the
        nodes are renumbered (one comprehension over the nodes; ``remap`` for those that moved
        within the stretch), then only the groups of the ``touched`` categories are compared
        row by row and their changed rows removed and inserted."""
        cut, delta = p + removed, added - removed
        kind, payload = self._kind, self._payload
        moved = remap.get
        nodes = self._item_node   # finding index -> its item node: the items from p on are renumbered
        for i in range(p, cut):
            if nodes[i]:
                payload[nodes[i]] = moved(i, -1)
        if delta:   # the findings after the stretch moved by delta (stores in C)
            deque(map(payload.__setitem__, islice(nodes, cut, None), range(cut + delta, len(nodes) + delta)), 0)
            payload[0] = None   # (the root stood for the findings not shown)
        for n in self._fkey:   # every fold made (those removed since are skipped)
            items = payload[n]
            if kind[n] is FOLD and items[-1] >= p:   # a fold's items are in order: cut where they move
                a, b = bisect_left(items, p), bisect_left(items, cut)
                if a < b or delta:
                    payload[n] = items[:a] + [moved(x, -1) for x in items[a:b]] + \
                        (list(map(add, items[b:], repeat(delta))) if delta else items[b:])
        if self.flat:
            self._fold_key_list = None
        elif self._fold_key_list is None or len(self._fold_key_list) != len(self.findings) - delta:
            self._fold_keys()
        else:
            self._fold_key_list[p:cut] = self._fold_keys_of(range(p, p + added))
        # the item nodes kept keep their findings; new ones are set as made
        self._item_node = nodes[:p] + [0] * added + nodes[cut:]
        for i, j in remap.items():
            self._item_node[j] = nodes[i]
        cats = self._cat_list   # the findings' categories: those of the stretch are read
        if cats is not None and len(cats) == len(self.findings) - delta:
            cats = cats[:p] + list(map(_CATEGORY, self.findings[p:p + added])) + cats[cut:]
        else:
            cats = list(map(_CATEGORY, self.findings))
        self._cat_list = cats
        if self.flat:
            visible = [i for i, c in enumerate(cats) if self.category is None or c == self.category]
            self._sync(0, visible)
        else:
            for c in sorted(touched, key=lambda c: (categories.order(c), c)):
                if self.category is None or c == self.category:
                    new = list(compress(range(p, p + added), map(eq, islice(cats, p, p + added), repeat(c))))
                    if not splice_items(self, c, new, p, added):
                        self._sync_group(c, members(self, c, new))
        self._counts = {}   # a row painted while the rows were changing may have cached a tally

    def _entries(self, members: list[int]) -> list:
        """A group's rows for the finding indexes ``members`` (in order): an int for an item,
        (fold key, [indexes]) for a fold, which sits where its first item is (as _build)."""
        ks = list(map(self._fold_key_list.__getitem__, members))
        if ks.count(None) == len(ks):  # nothing folds (findings without a fix: duplicates …)
            return list(members)
        folds: dict = {}
        for i, k in zip(members, ks):
            if k is not None:
                folds.setdefault(k, []).append(i)
        out: list = []
        for i, k in zip(members, ks):
            if k is None or len(folds[k]) < 2:
                out.append(i)
            elif folds[k][0] == i:
                out.append((k, folds[k]))
        return out

    def _sync_group(self, cat: str, members: list[int]) -> None:
        """Make the group of ``cat`` show ``members``: the group row goes or comes, or its
        changed rows are replaced."""
        root = self._children[0]
        g = next((n for n in root if self._payload[n] == cat), None)
        if g is None and not members:
            return
        if not members:
            row = self._row[g]
            self.beginRemoveRows(QModelIndex(), row, row)
            self._kill(g)
            del root[row]
            self._renumber(root, row)
            self.endRemoveRows()
            return
        entries = self._entries(members)
        if g is None:
            order = (categories.order(cat), cat)
            row = sum(1 for n in root if (categories.order(self._payload[n]), self._payload[n]) < order)
            self.beginInsertRows(QModelIndex(), row, row)
            g = self._make(0, GROUP, cat)
            self._children[g] = [self._make(g, None, e) for e in entries]
            self._renumber(self._children[g], 0)
            root.insert(row, g)
            self._renumber(root, row)
            self.endInsertRows()
            return
        self._sync(g, entries, folds=True)
        row = self._row[g]
        self.dataChanged.emit(self.createIndex(row, 0, g), self.createIndex(row, len(self.HEADERS) - 1, g))

    def _sync(self, node: int, new: list, folds: bool = False) -> None:
        """Replace the children of ``node`` that differ from ``new`` (entries as _entries
        makes them): the rows before and after the first and last difference stay (a fold
        there whose items changed is synced in turn), the rows between are removed and the
        new ones inserted — two signals, not a reset."""
        kids = self._children[node]
        kind, payload, fkey = self._kind, self._payload, self._fkey
        folds = folds and (FOLD in map(kind.__getitem__, kids) or tuple in map(type, new))   # (else: in C)
        if folds:
            old = [payload[c] if kind[c] is ITEM else (fkey[c], payload[c]) for c in kids]
            same_old = [e if type(e) is int else (e[0],) for e in old]
            same_new = [e if type(e) is int else (e[0],) for e in new]
        else:
            old = same_old = list(map(payload.__getitem__, kids))
            same_new = new
        n = min(len(old), len(new))
        s = _first_true(list(map(ne, same_old, same_new)), n)
        m = n - s
        t = _first_true(list(map(ne, islice(reversed(same_old), m), islice(reversed(same_new), m))), m)
        hi_old, hi_new = len(old) - t, len(new) - t
        if folds:   # folds kept in place whose items changed
            last = len(self.HEADERS) - 1
            for r in chain(range(s), range(hi_old, len(old))):
                if type(old[r]) is not int:
                    items = new[r if r < s else r - hi_old + hi_new][1]
                    if old[r][1] != items:
                        fn = kids[r]
                        self._sync(fn, items)
                        payload[fn] = list(items)
                        self.dataChanged.emit(self.createIndex(r, 0, fn), self.createIndex(r, last, fn))
        parent = self.index_of_node(node)
        if hi_old > s:
            self.beginRemoveRows(parent, s, hi_old - 1)
            for c in kids[s:hi_old]:
                self._kill(c)
            del kids[s:hi_old]
            self._renumber(kids, s)
            self.endRemoveRows()
        if hi_new > s:
            self.beginInsertRows(parent, s, hi_new - 1)
            kids[s:s] = [self._make(node, None, e) for e in new[s:hi_new]]
            self._renumber(kids, s)
            self.endInsertRows()

    def _make(self, parent: int, kind, payload) -> int:
        """A new node under ``parent`` (its row set by the caller): an item for an int, a fold
        with its items for (key, items), a group for kind GROUP."""
        n = len(self._parent)
        if kind is None:
            kind = ITEM if type(payload) is int else FOLD
        self._parent.append(parent)
        self._row.append(0)
        self._kind.append(kind)
        if kind is FOLD:
            key, items = payload
            self._payload.append(list(items))
            self._fkey[n] = key
            self._children.append([])
            self._add_items(n, list(items))
            self.patched.append(n)
        elif kind is GROUP:
            self._payload.append(payload)
            self._children.append([])
            self.patched.append(n)
        else:
            self._payload.append(payload)
            self._children.append(())
            self._item_node[payload] = n
        return n

    def alive(self, n: int) -> bool:
        """Whether node ``n`` is in the tree (an in-place update removes nodes)."""
        return 0 < n < len(self._kind) and self._kind[n] is not None

    def _kill(self, n: int) -> None:
        """Node ``n`` and everything under it leave the tree (their ids are not reused)."""
        stack = [n]
        while stack:
            m = stack.pop()
            stack.extend(self._children[m])
            self._kind[m] = None
            self._children[m] = ()
            self._dead += 1

    def _renumber(self, kids: list[int], start: int) -> None:
        row = self._row
        for r in range(start, len(kids)):
            row[kids[r]] = r
