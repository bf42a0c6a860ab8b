"""The category legend: one chip per category (colour, label, count) in a flow layout, so a
label never wraps inside a word — a chip moves to the next line whole.  Clicking a chip
filters the list to that category; clicking it again clears the filter."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QSizePolicy, QToolButton, QWidget

from ..core import categories
from .finding_model import category_icon


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line between items (never inside one)."""

    def __init__(self, parent=None, spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item):
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect):
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        r = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = r.x(), r.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x > r.x() and x + hint.width() > r.right() + 1:
                x, y, line = r.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class Legend(QWidget):
    """Chips for the categories present; ``category_clicked`` carries the id or None (cleared)."""

    category_clicked = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self.chips: dict[str, QToolButton] = {}
        self.current: str | None = None
        self._state: tuple | None = None
        sp = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def set_counts(self, counts: dict[str, int], remaining: dict[str, int] | None = None) -> None:
        """One chip per category with findings, in the catalogue's order (unchanged counts:
        nothing to do — every edit of the draft ends here)."""
        state = (dict(counts), None if remaining is None else dict(remaining))
        if state == self._state:
            return
        self._state = state
        for chip in self.chips.values():
            self.flow.removeWidget(chip)
            chip.hide()  # a chip waiting for deleteLater would still be painted under its successor
            chip.deleteLater()
        self.chips = {}
        for cat in sorted(counts, key=lambda c: (categories.order(c), c)):
            chip = QToolButton(self)
            chip.setCheckable(True)
            chip.setAutoRaise(True)
            chip.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            chip.setIcon(category_icon(cat))
            left = (remaining or counts).get(cat, 0)
            chip.setText(f"{categories.label(cat)} {counts[cat]}")
            chip.setToolTip(categories.get(cat).description
                            + (self.tr("\n剩余 %d 处") % left if remaining is not None else "")
                            + self.tr("\n点击只看这一类，再点一次显示全部"))
            chip.setChecked(cat == self.current)
            chip.clicked.connect(lambda _checked=False, c=cat: self._clicked(c))
            self.flow.addWidget(chip)
            self.chips[cat] = chip
        if self.current not in self.chips:
            self.current = None
        self.updateGeometry()

    def set_current(self, cat: str | None) -> None:
        """Show ``cat`` as the active filter (no signal)."""
        self.current = cat if cat in self.chips else None
        for c, chip in self.chips.items():
            chip.setChecked(c == self.current)

    def _clicked(self, cat: str) -> None:
        new = None if self.current == cat else cat
        self.set_current(new)
        self.category_clicked.emit(new)

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return self.flow.heightForWidth(width)
