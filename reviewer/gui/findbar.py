"""查找和替换 (Ctrl+F, Ctrl+H): a bar under the draft, working on a QPlainTextEdit it is given."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    message = Signal(str)
    closed = Signal()

    def __init__(self, editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("查找内容"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText(self.tr("替换为"))
        self.status = QLabel()
        self.buttons = {}
        lay.addWidget(QLabel(self.tr("查找：")))
        lay.addWidget(self.find_edit, 2)
        for key, text, slot in (("prev", "上一个", lambda: self.find(False)), ("next", "下一个", lambda: self.find(True))):
            self.buttons[key] = b = QPushButton(self.tr(text))
            b.clicked.connect(slot)
            lay.addWidget(b)
        self.replace_label = QLabel(self.tr("替换为："))
        lay.addWidget(self.replace_label)
        lay.addWidget(self.replace_edit, 2)
        for key, text, slot in (("replace", "替换", self.replace_one), ("all", "全部替换", self.replace_all)):
            self.buttons[key] = b = QPushButton(self.tr(text))
            b.clicked.connect(slot)
            lay.addWidget(b)
        lay.addWidget(self.status)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.stop)
        lay.addWidget(close)
        self.find_edit.returnPressed.connect(lambda: self.find(True))
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.find_edit.textChanged.connect(lambda _t: self.status.clear())

    def start(self, replace: bool) -> None:
        for w in (self.replace_label, self.replace_edit, self.buttons["replace"], self.buttons["all"]):
            w.setVisible(replace)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def stop(self) -> None:
        self.hide()
        self.status.clear()
        self.closed.emit()

    def keyPressEvent(self, e):
        if e.key() == Qt.Key_Escape:
            self.stop()
        else:
            super().keyPressEvent(e)

    def find(self, forward: bool = True) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlags() if forward else QTextDocument.FindBackward
        doc = self.editor.document()
        found = doc.find(needle, self.editor.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if not forward:
                start.movePosition(QTextCursor.End)
            found = doc.find(needle, start, flags)
        if found.isNull():
            self.status.setText(self.tr("找不到“%s”") % needle)
            return False
        self.status.clear()
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        return True

    def replace_one(self) -> bool:
        """Replace the selected match (if the selection is one), then find the next."""
        needle = self.find_edit.text()
        cur = self.editor.textCursor()
        if needle and cur.selectedText() == needle and not self.editor.isReadOnly():
            cur.insertText(self.replace_edit.text())
        return self.find(True)

    def replace_all(self) -> int:
        """Every occurrence, as one undo step."""
        needle, value = self.find_edit.text(), self.replace_edit.text()
        if not needle or self.editor.isReadOnly():
            return 0
        doc = self.editor.document()
        cur = QTextCursor(doc)
        cur.beginEditBlock()
        n = 0
        found = doc.find(needle, 0)
        while not found.isNull():
            found.insertText(value)
            n += 1
            found = doc.find(needle, found)
        cur.endEditBlock()
        self.status.setText(self.tr("已替换 %d 处") % n)
        self.message.emit(self.tr("已替换 %d 处，可按 Ctrl+Z 撤销") % n)
        return n
