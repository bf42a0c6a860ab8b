"""填空模式: walk every placeholder and blank figure in order and type the value in place."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

FILL_CATEGORIES = ("placeholder", "blank_figure")
_ADMIN = re.compile(r"^[XxＸｘ×*]+(?P<suffix>省|市|县|区|镇|乡|街道|社区|村)$")
_ORG = re.compile(r"^[XxＸｘ×*]+(?P<suffix>单位|局|委|办|公司|学校|小学|中学)$")


class FillBar(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.target = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("输入实际内容，按回车填入并跳到下一处"))
        self.edit.returnPressed.connect(self.fill)
        skip = QPushButton(self.tr("跳过"))
        skip.clicked.connect(self.skip)
        close = QPushButton(self.tr("结束填空"))
        close.clicked.connect(self.stop)
        lay.addWidget(self.label)
        lay.addWidget(self.edit, 1)
        lay.addWidget(skip)
        lay.addWidget(close)

    def targets(self):
        return [f for f in self.window_.body if f.category in FILL_CATEGORIES and f.end > f.start]

    def start(self) -> None:
        if not self.targets():
            self.window_.statusBar().showMessage(self.tr("没有需要填写的占位符或空缺。"), 3000)
            return
        self.show()
        self._go(0)

    def stop(self) -> None:
        self.target = None
        self.hide()
        self.window_.editor.setFocus()

    def keyPressEvent(self, e):
        if e.key() == Qt.Key_Escape:
            self.stop()
        else:
            super().keyPressEvent(e)

    def _go(self, offset: int) -> None:
        items = [f for f in self.targets() if f.start >= offset]
        if not items:
            self.window_.statusBar().showMessage(self.tr("已填完所有占位符和空缺。"), 4000)
            self.stop()
            return
        self.target = f = items[0]
        total = len(self.targets())
        n = total - len(items) + 1
        self.label.setText(self.tr("填空 %d/%d：“%s”") % (n, total, f.text))
        self.window_.select_finding(f)
        self.edit.setText(self.suggestion(f))
        self.edit.selectAll()
        self.edit.setFocus()

    def suggestion(self, f) -> str:
        region = self.window_.settings.get("region")
        org = self.window_.settings.get("organization")
        m = _ADMIN.match(f.text)
        if m and region and region.endswith(m.group("suffix")):
            return region
        m = _ORG.match(f.text)
        if m and org:
            return org
        return ""

    def _replacement(self, f, value: str) -> tuple[int, int, str]:
        """Where the value goes: a placeholder is replaced; a hole is filled before its unit."""
        if f.category == "placeholder":
            return f.start, f.end, value
        if f.rule.endswith("name-gap"):
            return f.end, f.end, value
        if f.text.startswith("《") and f.text.endswith("》"):
            return f.start + 1, f.end - 1, value
        return f.start, f.start, value

    def skip(self) -> None:
        if self.target is not None:
            self._go(self.target.end)

    def fill(self) -> None:
        f = self.target
        value = self.edit.text().strip()
        if f is None or not value:
            return
        w = self.window_
        same = [g for g in self.targets() if g.category == "placeholder" and g.text == f.text and g is not f] \
            if f.category == "placeholder" else []
        edits = [self._replacement(f, value)]
        if same:
            answer = QMessageBox.question(
                w, self.tr("全部替换"),
                self.tr("文中还有 %d 处“%s”，要全部替换为“%s”吗？") % (len(same), f.text, value),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            if answer == QMessageBox.Yes:
                edits += [self._replacement(g, value) for g in same]
        edits.sort()
        cur = QTextCursor(w.editor.document())
        cur.beginEditBlock()
        for s, e, text in reversed(edits):
            w.replace_span(s, e, text, cur)
        cur.endEditBlock()
        # Where to continue: just after the filled text, shifted by the edits before it.
        s0, _e0, t0 = self._replacement(f, value)
        shift = sum(len(t) - (e - s) for s, e, t in edits if s < s0)
        w.recheck_now()
        self._go(s0 + shift + len(t0))
