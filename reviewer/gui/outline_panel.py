"""The outline beside the draft: title, the genre's parts (missing ones greyed), headings."""
from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolTip, QTreeWidget, QTreeWidgetItem

_SHAPE, _START = attrgetter("kind", "text", "level", "missing"), attrgetter("start")
# the roles as plain ints, read once: Qt.UserRole + 1 in the loop below (an enum's sum, made
# per node) cost more than the node itself -- 5,887 headings of a 1M draft: 65 → 12 ms
_INDEX_ROLE = int(getattr(Qt.UserRole, "value", Qt.UserRole))
_LEVEL_ROLE = _INDEX_ROLE + 1


class OutlinePanel(QTreeWidget):
    jump_requested = Signal(int)   # code-point offset in the body

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderLabel(self.tr("文稿结构"))
        self.itemClicked.connect(self._clicked)
        self._shape: list | None = None
        self._starts: list[int] = []   # each node's offset; a node's Qt.UserRole is its index here

    def set_outline(self, outline) -> None:
        """``outline``: the report's items (kind "part" or "heading", text, level, start, missing).

        After an edit the outline is mostly the same with shifted offsets: then only the
        list of offsets is replaced (no Qt call: a long draft has thousands of headings),
        and the tree (its expansion, its scroll position) stays."""
        shape = list(map(_SHAPE, outline))   # read in C: this runs after every edit
        self._starts = list(map(_START, outline))
        if shape == self._shape:
            return
        self._shape = shape
        self.setUpdatesEnabled(False)   # a long draft has thousands of headings: one layout at the end
        try:
            self.clear()
            self.addTopLevelItems(self._items(outline))
            self.expandAll()
        finally:
            self.setUpdatesEnabled(True)

    def _items(self, outline) -> list[QTreeWidgetItem]:
        """The top-level nodes, each with its headings below it."""
        stack: list[tuple[int, QTreeWidgetItem]] = []
        top = []
        missing_label, grey = self.tr("（缺少）%s"), QColor("#9e9e9e")
        for index, item in enumerate(outline):
            if item.kind == "part":
                label = missing_label % item.text if item.missing else f"【{item.text}】"
            else:
                label = item.text
            level = item.level if item.kind == "heading" else 0
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and level > 0:
                node = QTreeWidgetItem(stack[-1][1], [label])   # made as the child: no addChild call
            else:
                node = QTreeWidgetItem([label])
                top.append(node)
            node.setData(0, _INDEX_ROLE, index)
            node.setData(0, _LEVEL_ROLE, level)
            if item.missing:
                node.setForeground(0, grey)
            stack.append((level, node))
        return top

    def tooltip_at(self, pos) -> str:
        """A long entry's full text, shown as its tooltip (asked for when the mouse rests on
        it: setting thousands of tooltips up front costs more than building the tree)."""
        item = self.itemAt(pos)
        return item.text(0) if item is not None and len(item.text(0)) > 12 else ""

    def viewportEvent(self, e):
        if e.type() == QEvent.ToolTip:
            tip = self.tooltip_at(e.pos())
            QToolTip.showText(e.globalPos(), tip, self.viewport()) if tip else QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def headings(self) -> list[tuple[str, int]]:
        """(text, level) of every heading shown, in order (what tests compare with the CLI)."""
        out = []

        def walk(node):
            level = node.data(0, Qt.UserRole + 1)
            if level:
                out.append((node.text(0), level))
            for k in range(node.childCount()):
                walk(node.child(k))

        for k in range(self.topLevelItemCount()):
            walk(self.topLevelItem(k))
        return out

    def offset_of(self, item: QTreeWidgetItem) -> int | None:
        """The body offset a node jumps to (as of the latest outline)."""
        index = item.data(0, Qt.UserRole)
        if index is None or not 0 <= int(index) < len(self._starts):
            return None
        return self._starts[int(index)]

    def _clicked(self, item, _col) -> None:
        offset = self.offset_of(item)
        if offset is not None:
            self.jump_requested.emit(int(offset))
