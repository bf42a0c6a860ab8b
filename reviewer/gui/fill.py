"""填空模式: walk every placeholder and blank figure in order and type the value in place.

Only the placeholder characters are replaced (党的XX届 → 党的二十届: the 届 stays), a
blank figure gets the value where the figure was cut out (共有［ ］个行政村: the unit
stays).  The bar never touches the window: it asks for edits and for a finding to be
shown by signal; the window applies them, reviews again and hands back new targets.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

# The characters a template writer puts where a name or figure belongs.
_MARKS = re.compile(r"[XxＸｘ×*＊○〇□]+|某+")
_INITIALS = re.compile(r"[A-Z]{2,}")
_CONTEXT = 14          # characters of context shown on each side of a blank
_STOP = "。！？；，：\n"


def slot(f) -> tuple[int, int]:
    """The span a value replaces, in code points: for a placeholder the marker characters
    only (XX届 → XX, 20xx年 → xx, 某某 → 某某); for a blank figure an empty span where
    the figure was cut out (before the unit, inside 《》, after 是/赴 of a missing name)."""
    if f.category == "placeholder":
        m = _MARKS.search(f.text) or (_INITIALS.search(f.text) if f.rule.endswith("initials") else None)
        if m is None:
            return f.start, f.end
        return f.start + m.start(), f.start + m.end()
    if f.rule.endswith("name-gap"):
        return f.end, f.end
    if f.text.startswith("《") and f.text.endswith("》"):
        return f.start + 1, f.start + 1
    return f.start, f.start


def context(text: str, start: int, end: int) -> str:
    """The clause around a slot with the slot shown as ［…］ (全乡共有［ ］个行政村)."""
    lo = start
    while lo > 0 and start - lo < _CONTEXT and text[lo - 1] not in _STOP:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _CONTEXT and text[hi] not in _STOP:
        hi += 1
    inside = text[start:end] or "\u3000"
    return f"{text[lo:start]}［{inside}］{text[end:hi]}"


def suggestion(f, region: str, organization: str) -> str:
    """A value to offer for a slot: the speaker's own region (settings) for XX县/XX镇 …,
    without the unit that stays in the text (青山镇 for XX镇 offers 青山)."""
    if f.category != "placeholder":
        return ""
    s, e = slot(f)
    unit = f.text[e - f.start:]
    for own in (region, organization):
        if own and unit and own.endswith(unit) and len(own) > len(unit):
            return own[:-len(unit)]
    return ""


class FillBar(QWidget):
    edits_requested = Signal(list)       # [(start, end, text)] as one undo step; targets come back by set_targets
    show_requested = Signal(int, int)    # select this span in the editor
    message = Signal(str)
    finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.targets: list = []
        self.text = ""
        self.target = None
        self.done = 0
        self.suggest = lambda f: ""      # the window sets it (the speaker's region from the settings)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.counter = QLabel()
        self.label = QLabel()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("输入要填的内容，按回车填入并跳到下一处"))
        self.edit.returnPressed.connect(self.fill)
        skip = QPushButton(self.tr("跳过"))
        skip.clicked.connect(self.skip)
        close = QPushButton(self.tr("结束填空"))
        close.clicked.connect(self.stop)
        for w in (self.counter, self.label):
            lay.addWidget(w)
        lay.addWidget(self.edit, 1)
        lay.addWidget(skip)
        lay.addWidget(close)

    def set_targets(self, findings, text: str) -> None:
        """The placeholders and blank figures of the current text, in text order."""
        self.targets = [f for f in findings if f.end > f.start]
        self.text = text

    def start(self) -> bool:
        if not self.targets:
            self.message.emit(self.tr("没有需要填写的占位符或空缺。"))
            return False
        self.done = 0
        self.show()
        self._go(0)
        return True

    def stop(self) -> None:
        self.target = None
        self.hide()
        self.finished.emit()

    def keyPressEvent(self, e):
        if e.key() == Qt.Key_Escape:
            self.stop()
        else:
            super().keyPressEvent(e)

    def _go(self, offset: int) -> None:
        items = [f for f in self.targets if f.start >= offset]
        if not items:
            self.message.emit(self.tr("已填完所有占位符和空缺。"))
            self.stop()
            return
        self.target = f = items[0]
        s, e = slot(f)
        self.counter.setText(self.tr("填空 %d/%d") % (self.done + 1, self.done + len(items)))
        self.label.setText(context(self.text, s, e))
        self.show_requested.emit(f.start, f.end)
        self.edit.setText(self.suggest(f))
        self.edit.selectAll()
        self.edit.setFocus()

    def skip(self) -> None:
        if self.target is not None:
            self.done += 1
            self._go(self.target.end)

    def fill(self) -> None:
        f = self.target
        value = self.edit.text().strip()
        if f is None or not value:
            return
        group = [f]
        if f.category == "placeholder":
            same = [g for g in self.targets if g.category == "placeholder" and g.text == f.text and g is not f]
            if same:
                answer = QMessageBox.question(
                    self, self.tr("全部填入"),
                    self.tr("文中还有 %d 处“%s”，要都填入“%s”吗？") % (len(same), f.text, value),
                    QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
                if answer == QMessageBox.Yes:
                    group += same
        edits = sorted((*slot(g), value) for g in group)
        s0, _e0 = slot(f)
        # Where to continue: just after the filled value, shifted by the edits before it.
        shift = sum(len(t) - (e - s) for s, e, t in edits if s < s0)
        after = s0 + shift + len(value)
        self.done += len(group)
        self.edits_requested.emit(edits)   # the window applies, reviews and calls set_targets
        self._go(after)
