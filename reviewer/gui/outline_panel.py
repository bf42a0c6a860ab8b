"""The outline beside the draft: title, the genre's parts (missing ones greyed), headings."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


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
        shape = [(i.kind, i.text, i.level, i.missing) for i in outline]
        self._starts = [i.start for i in outline]
        if shape == self._shape:
            return
        self._shape = shape
        self.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        top = []
        for index, item in enumerate(outline):
            if item.kind == "part":
                label = self.tr("（缺少）%s") % item.text if item.missing else f"【{item.text}】"
            else:
                label = item.text
            level = item.level if item.kind == "heading" else 0
            node = QTreeWidgetItem([label])
            node.setData(0, Qt.UserRole, index)
            node.setData(0, Qt.UserRole + 1, level)
            if len(label) > 12:
                node.setToolTip(0, label)
            if item.missing:
                node.setForeground(0, QColor("#9e9e9e"))
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and level > 0:
                stack[-1][1].addChild(node)
            else:
                top.append(node)
            stack.append((level, node))
        self.addTopLevelItems(top)
        self.expandAll()

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
