"""The issue table: a model over the report's findings and a proxy for the filters."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from bisect import bisect_right

from ..core.findings import CATEGORY_ZH, SEVERITY_ZH

CATEGORY_COLORS = {
    "placeholder": "#d93025",
    "blank_figure": "#e8710a",
    "site_junk": "#8e24aa",
    "missing_section": "#5f6368",
    "numbering": "#1a73e8",
    "typo": "#c5221f",
    "duplicate": "#00897b",
    "foreign_locality": "#795548",
    "punctuation": "#f9ab00",
}
REGION_ZH = {"header": "页眉", "footer": "页脚", "footnote": "脚注"}


def category_color(cat: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(cat, "#607d8b"))


class IssueModel(QAbstractTableModel):
    HEADERS = ("类别", "级别", "位置", "原文", "说明")
    FindingRole = Qt.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings = []
        self.rows: list[tuple] = []

    def set_findings(self, findings, texts: dict[str, str]) -> None:
        """Findings arrive in text order; their display strings are computed once here."""
        self.beginResetModel()
        self.findings = list(findings)
        line_starts = {name: [0] + [i + 1 for i, ch in enumerate(t) if ch == "\n"] for name, t in texts.items()}
        rows = []
        for f in self.findings:
            starts = line_starts.get(f.region, [0])
            line = bisect_right(starts, f.start)
            col = f.start - starts[line - 1] + 1
            excerpt = f.text.replace("\n", "⏎")
            rows.append((CATEGORY_ZH.get(f.category, f.category), SEVERITY_ZH[f.severity],
                         f"{REGION_ZH.get(f.region, '')}{line}:{col}",
                         excerpt if len(excerpt) <= 24 else excerpt[:22] + "……",
                         f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")))
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.findings)):
            return None
        f = self.findings[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return self.rows[index.row()][col]
        if role == Qt.ToolTipRole:
            return f.message + (f"\n建议：{f.suggestion}" if f.suggestion else "")
        if role == Qt.ForegroundRole and col == 0:
            return QBrush(category_color(f.category))
        if role == self.FindingRole:
            return f
        return None


class IssueFilter(QSortFilterProxyModel):
    """Filter rows by category and severity ("" = all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = ""
        self.severity = ""

    def set_filter(self, category: str, severity: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.category, self.severity = category, severity
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.category, self.severity = category, severity
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):
        model = self.sourceModel()
        if row >= len(model.findings):
            return False
        f = model.findings[row]
        return (not self.category or f.category == self.category) and (not self.severity or f.severity == self.severity)
