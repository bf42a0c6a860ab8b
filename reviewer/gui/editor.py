"""The draft: plain-text editor with the findings highlighted where the user is looking.

The editor knows findings (code-point spans) and text; it never reaches into the window.
What the user asks for from here (accept a suggestion, ignore a finding) leaves as a signal.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter, sub

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QProgressDialog, QTextEdit, QToolTip

from ..core.export.clean import fixable
from ..core import categories
from ..core.findings import SEVERITY_ZH
from .positions import _ASTRAL, PositionMap

ZOOM_MIN, ZOOM_MAX = -6, 12
HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15}
# Edits applied between two progress updates; a bulk fix larger than this may show progress.
CHUNK = 400
_START, _END, _START_END = attrgetter("start"), attrgetter("end"), attrgetter("start", "end")


def _NOT_BODY(f) -> bool:
    return f.region != "body"


# enum members read once (a shortened name such as QTextCursor.KeepAnchor is a slow lookup
# in PySide, and these run for every finding on screen after every edit)
_SINGLE, _WAVE, _DOTS = (QTextCharFormat.UnderlineStyle.SingleUnderline, QTextCharFormat.UnderlineStyle.WaveUnderline,
                         QTextCharFormat.UnderlineStyle.DotLine)
_KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor


_formats: dict[tuple, QTextCharFormat] = {}


def highlight_format(f) -> QTextCharFormat:
    """Tint for errors, wavy underline for warnings, dotted for hints; colour from the catalogue.
    One per category and severity, made once (the highlights on screen are made after every edit)."""
    key = (f.category, f.severity)
    fmt = _formats.get(key)
    if fmt is None:
        fmt = _formats[key] = _make_format(f)
    return fmt


def _make_format(f) -> QTextCharFormat:
    fmt = QTextCharFormat()
    color = QColor(categories.colour(f.category))
    if f.severity == "error":
        tint = QColor(color)
        tint.setAlpha(60)
        fmt.setBackground(tint)
        fmt.setUnderlineStyle(_SINGLE)
    elif f.severity == "warning":
        fmt.setUnderlineStyle(_WAVE)
    else:
        fmt.setUnderlineStyle(_DOTS)
    fmt.setUnderlineColor(color)
    return fmt


class Editor(QPlainTextEdit):
    """The draft.  Highlights cost time only for the blocks on screen."""

    finding_under_cursor = Signal(object)     # the user moved the cursor onto a finding (or None)
    accept_requested = Signal(list)           # findings whose suggestion the user accepted
    ignore_requested = Signal(list, str)      # findings, scope ("finding")
    ignore_kind_requested = Signal(object)    # 忽略此类…: the window asks for the scope
    zoom_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setMouseTracking(True)
        font = self.font()
        font.setPointSize(max(font.pointSize(), 12))
        self.setFont(font)
        self.base_size = font.pointSizeF()
        self.zoom = 0
        self.pos_map = PositionMap("")
        self._mapped: str | None = ""   # the text pos_map is for
        self.findings: list = []      # body findings, in text order (by start)
        self.longest = 0              # no finding is longer (an upper bound: see set_findings)
        self.syncing = False          # True while the window moves the cursor itself
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self.highlight_visible)
        self.verticalScrollBar().valueChanged.connect(self._visible_timer.start)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._text: str | None = None   # text(), kept through edits (1M chars: toRawText ~3 ms)
        self._astral = True             # whether _text has characters outside the BMP
        self.document().contentsChange.connect(self._text_changed)

    def _text_changed(self, pos: int, removed: int, added: int) -> None:
        """An edit of the document: text() is patched with the characters it put there (in
        UTF-16 units: only while the text has no character outside the BMP), else read again."""
        old, self._text = self._text, None
        n = self.document().characterCount() - 1
        if old is None or self._astral or pos + removed > len(old) or pos + added > n:
            return
        cur = QTextCursor(self.document())
        cur.setPosition(pos)
        cur.setPosition(pos + added, _KEEP_ANCHOR)
        new = cur.selectedText().replace("\u2029", "\n")
        if len(old) - removed + added == n and not _ASTRAL.search(new):
            self._text = old[:pos] + new + old[pos + removed:]

    # ----- text --------------------------------------------------------------------
    def text(self) -> str:
        """The text exactly as edited, one "\\n" between blocks.

        ``toPlainText()`` is not that: it turns U+00A0 into a space and U+2028 into a line
        break.  The raw text keeps every character; only the block separators (U+2029)
        become "\\n", so positions are the same as the document's.
        """
        if self._text is None:
            self._text = self.document().toRawText().replace("\u2029", "\n")
            self._astral = _ASTRAL.search(self._text) is not None
        return self._text

    def load(self, text: str, paragraphs=()) -> None:
        """Show a freshly opened draft; ``paragraphs`` (offsets into ``text``) with an
        outline level are shown as headings.

        Headings are shown bold and larger, as in Word; the formatting is not an edit (no
        undo step, not saved: saving writes text into the original package)."""
        self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(False)
        self.pos_map = PositionMap(text)
        self._mapped = text
        self.set_findings([])
        headings = [(p.start, p.end, p.level) for p in paragraphs if p.level]
        if headings:
            doc = self.document()
            doc.setUndoRedoEnabled(False)
            cur = QTextCursor(doc)
            for start, end, level in headings:
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Bold)
                fmt.setFontPointSize(self.base_size * HEADING_SCALE.get(level, 1.05))
                cur.setPosition(self.pos_map.to_qt(start))
                cur.setPosition(self.pos_map.to_qt(end), QTextCursor.KeepAnchor)
                cur.mergeCharFormat(fmt)
            doc.setUndoRedoEnabled(True)
        self.document().setModified(False)

    def refresh_positions(self, text: str | None = None) -> None:
        text = self.text() if text is None else text
        held = self._mapped
        # after an edit only its stretch is scanned (a 1M-character draft: ~2 ms → ~0.2 ms)
        self.pos_map = self.pos_map.edited(held, text) if held is not None else PositionMap(text)
        self._mapped = text

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) (code points) without telling anyone the cursor moved."""
        self.syncing = True
        try:
            cur = self.textCursor()
            cur.setPosition(self.pos_map.to_qt(start))
            cur.setPosition(self.pos_map.to_qt(end), QTextCursor.KeepAnchor)
            self.setTextCursor(cur)
            self.ensureCursorVisible()
        finally:
            self.syncing = False

    def show_finding(self, f) -> None:
        """Select a body finding's text (findings in headers or footers are not in the editor)."""
        if f is not None and f.region == "body":
            self.select_span(f.start, f.end)

    def jump_to(self, offset: int) -> None:
        self.select_span(offset, offset)
        self.centerCursor()
        self.setFocus()

    def selection(self) -> tuple[int, int]:
        cur = self.textCursor()
        return self.pos_map.from_qt(cur.selectionStart()), self.pos_map.from_qt(cur.selectionEnd())

    def apply_edits(self, edits, label: str = "") -> bool:
        """Apply (start, end, text) edits (code points, non-overlapping) as ONE undo step.

        Applied from the end so earlier offsets stay valid.  A large batch shows progress
        once it takes longer than half a second and can be cancelled: the draft is then
        left exactly as it was.  Returns False when cancelled or read-only."""
        if self.isReadOnly() or not edits:
            return False
        edits = sorted(edits)
        pm = self.pos_map
        progress = None
        if len(edits) > CHUNK:
            progress = QProgressDialog(label or self.tr("正在修改…"), self.tr("取消"), 0, len(edits), self)
            progress.setWindowTitle(self.tr("批量修改"))
            progress.setWindowModality(Qt.WindowModal)
            progress.setMinimumDuration(500)
        cur = QTextCursor(self.document())
        cur.beginEditBlock()
        cancelled = False
        done = 0
        for s, e, t in reversed(edits):
            cur.setPosition(pm.to_qt(s))
            cur.setPosition(pm.to_qt(e), QTextCursor.KeepAnchor)
            cur.insertText(t)
            done += 1
            if progress is not None and done % CHUNK == 0:
                progress.setValue(done)
                QApplication.processEvents()
                if progress.wasCanceled():
                    cancelled = True
                    break
        cur.endEditBlock()
        if progress is not None:
            progress.reset()
            progress.deleteLater()
        if cancelled:
            self.document().undo()   # the partial batch was one edit block: one undo removes it
            self.refresh_positions()
            return False
        self.refresh_positions()
        return True

    # ----- findings ----------------------------------------------------------------
    def set_findings(self, findings, longest: int | None = None) -> None:
        """The findings to show, in text order (a report's: the body's first, by start;
        those of other regions after them are left out); only the visible ones become
        highlights.  ``longest``: no finding is longer (the window passes the findings
        pane's, which it keeps from the stretch an edit changed); else it is counted here."""
        findings = list(findings)
        body = bisect_left(findings, True, key=_NOT_BODY)
        if body < len(findings):
            del findings[body:]
        if longest is None:
            longest = max(map(sub, map(_END, findings), map(_START, findings)), default=0)
        self.findings = findings
        self.longest = longest
        self.highlight_visible()

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the blocks on screen."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        first = block.position()
        offset = self.contentOffset()
        height = self.viewport().height()
        last = block
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block
            block = block.next()
        return self.pos_map.from_qt(first), self.pos_map.from_qt(last.position() + last.length())

    def findings_between(self, start: int, end: int) -> list:
        hi = bisect_left(self.findings, end, key=_START)
        lo = bisect_left(self.findings, start - self.longest, 0, hi, key=_START)
        # by (start, end), as the session's body: the slice holds whole runs of one start
        return sorted((f for f in self.findings[lo:hi] if f.end > start and f.end > f.start), key=_START_END)

    def highlight_visible(self) -> None:
        start, end = self.visible_range()
        sels = []
        doc = self.document()
        to_qt = self.pos_map.to_qt
        for f in self.findings_between(start, end):
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(to_qt(f.start))
            cur.setPosition(to_qt(f.end), _KEEP_ANCHOR)
            sel.cursor = cur
            sel.format = highlight_format(f)
            sels.append(sel)
        self.setExtraSelections(sels)

    def finding_at(self, offset: int):
        """The shortest finding covering a code-point offset."""
        i = bisect_right(self.findings, offset, key=_START)
        best = None
        lo = bisect_left(self.findings, offset - self.longest, 0, i, key=_START)
        for f in self.findings[lo:i]:
            if f.start <= offset < f.end or f.start == f.end == offset:
                if best is None or f.end - f.start < best.end - best.start:
                    best = f
        return best

    def _cursor_moved(self) -> None:
        if self.syncing or not self.findings:
            return
        self.finding_under_cursor.emit(self.finding_at(self.selection()[0]))

    # ----- zoom --------------------------------------------------------------------
    def set_zoom(self, level: int) -> None:
        level = max(ZOOM_MIN, min(ZOOM_MAX, int(level)))
        self.zoom = level
        font = self.font()
        font.setPointSizeF(max(6.0, self.base_size + level))
        self.setFont(font)
        self.zoom_changed.emit(level)
        self._visible_timer.start()

    def zoom_by(self, step: int) -> None:
        self.set_zoom(self.zoom + step)

    # ----- events ------------------------------------------------------------------
    def resizeEvent(self, e):
        super().resizeEvent(e)
        self._visible_timer.start()

    def event(self, e):
        if e.type() == e.Type.ToolTip:
            cursor = self.cursorForPosition(e.pos())
            f = self.finding_at(self.pos_map.from_qt(cursor.position()))
            if f is not None:
                tip = f"【{categories.label(f.category)}·{SEVERITY_ZH[f.severity]}】{f.message}"
                if f.suggestion:
                    tip += self.tr("\n建议：") + f.suggestion
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def finding_actions(self, f, parent) -> list[QAction]:
        """接受 / 忽略此处 / 忽略此类… for one finding (no rule ids: the user never sees them)."""
        acts = []
        if fixable(f) and not self.isReadOnly():
            a = QAction(self.tr("改为“%s”") % f.suggestion if f.suggestion else self.tr("删除"), parent)
            a.triggered.connect(lambda: self.accept_requested.emit([f]))
            acts.append(a)
        a = QAction(self.tr("忽略此处"), parent)
        a.triggered.connect(lambda: self.ignore_requested.emit([f], "finding"))
        acts.append(a)
        a = QAction(self.tr("忽略此类问题…"), parent)
        a.triggered.connect(lambda: self.ignore_kind_requested.emit(f))
        acts.append(a)
        return acts

    def contextMenuEvent(self, e):
        menu = self.createStandardContextMenu(e.pos())
        f = self.finding_at(self.pos_map.from_qt(self.cursorForPosition(e.pos()).position()))
        if f is not None:
            first = menu.actions()[0] if menu.actions() else None
            for act in self.finding_actions(f, menu):
                menu.insertAction(first, act)
            menu.insertSeparator(first)
        menu.exec(e.globalPos())
        menu.deleteLater()

    def wheelEvent(self, e):
        if e.modifiers() & Qt.ControlModifier:
            self.zoom_by(1 if e.angleDelta().y() > 0 else -1)
            e.accept()
            return
        super().wheelEvent(e)
