"""The main window: the draft with its problems highlighted, the list beside it, the outline."""
from __future__ import annotations

import os
import time
from bisect import bisect_right
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (QAction, QColor, QIcon, QKeySequence, QTextCharFormat, QTextCursor,
                           QTextFormat)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QProgressBar, QPushButton,
                               QSplitter, QStackedWidget, QTableView, QTextEdit, QToolTip, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from .. import __version__, paths
from ..core.document import Document, DocumentError, split_lines
from ..core.engine import ReviewOptions, review
from ..core.export.save import editor_text
from ..core.findings import CATEGORY_ZH, SEVERITY_ZH
from ..core.loaders import load
from ..core.rules import RuleLoadError, load_rules
from .fill import FillBar
from .models import IssueFilter, IssueModel, category_color
from .positions import PositionMap
from .settings import Settings
from .worker import Task, start

OPEN_FILTER = "文稿 (*.docx *.txt *.doc *.wps *.docm);;所有文件 (*)"
RECENT_MAX = 8


def finding_key(f, n: int) -> str:
    return f"{f.rule}|{f.text}|{n}"


class Editor(QPlainTextEdit):
    """The draft.  Shows a tooltip for the finding under the mouse."""

    context_requested = Signal(QPoint, int)  # global position, code-point offset

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setMouseTracking(True)

    def event(self, e):
        if e.type() == e.Type.ToolTip:
            cursor = self.cursorForPosition(e.pos())
            f = self.window_.finding_at(self.window_.pos.from_qt(cursor.position()))
            if f is not None:
                tip = f"【{CATEGORY_ZH.get(f.category, f.category)}·{SEVERITY_ZH[f.severity]}】{f.message}"
                if f.suggestion:
                    tip += f"\n建议：{f.suggestion}"
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def text(self) -> str:
        """The text exactly as edited, one "\n" between blocks.

        ``toPlainText()`` is not that: it turns U+00A0 into a space and U+2028 into a line
        break.  The raw text keeps every character; only the block separators (U+2029)
        become "\n", so positions are the same as the document's.
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def contextMenuEvent(self, e):
        cursor = self.cursorForPosition(e.pos())
        menu = self.createStandardContextMenu()
        f = self.window_.finding_at(self.window_.pos.from_qt(cursor.position()))
        if f is not None:
            menu.insertSeparator(menu.actions()[0] if menu.actions() else None)
            for act in reversed(self.window_.finding_actions(f, menu)):
                menu.insertAction(menu.actions()[0], act)
        menu.exec(e.globalPos())


class MainWindow(QMainWindow):
    review_finished = Signal()
    preliminary_ready = Signal()   # quick findings shown while jieba is still loading
    load_failed = Signal(str)

    def __init__(self, settings: Settings, pool: QThreadPool | None = None):
        super().__init__()
        self.settings = settings
        self.pool = pool or QThreadPool.globalInstance()
        self.path: str | None = None
        self.source: Document | None = None   # the document as loaded (kind, encoding, regions)
        self.newline = "\n"
        self.report = None
        self.visible: list = []               # findings not ignored, in text order
        self.visible_starts: list[int] = []
        self.body: list = []
        self.keys: dict = {}
        self.generation = 0
        self.pos = PositionMap("")
        self.last_check = None
        self._syncing = False
        self._loading = False
        self._pending: dict[int, object] = {}   # generation -> path being opened / document being checked
        self._prelim: dict[int, object] = {}    # generation -> document of a quick (jieba-free) check
        self.rules = self._load_rules()

        self.setWindowTitle(self.tr("文稿审校助手"))
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "app.png")))
        self.setAcceptDrops(True)
        self._build_ui()
        self._build_actions()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(40)  # the typing pause before a re-check
        self.timer.timeout.connect(self.recheck)
        self._restore_geometry()

    # ----- construction -------------------------------------------------------------
    def _load_rules(self):
        extra = [d for d in [self.settings.get("user_rules_dir")] if d and Path(d).is_dir()]
        try:
            return load_rules(extra)
        except RuleLoadError as e:
            message = self.tr("用户规则未加载：") + str(e)  # e is gone once the except block ends
            QTimer.singleShot(0, lambda: QMessageBox.warning(self, self.tr("规则有误"), message))
            return load_rules()

    def _build_ui(self):
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        welcome = QWidget()
        wl = QVBoxLayout(welcome)
        wl.addStretch()
        title = QLabel(self.tr("文稿审校助手"))
        title.setAlignment(Qt.AlignCenter)
        title.setStyleSheet("font-size: 28px; font-weight: bold;")
        hint = QLabel(self.tr("打开讲话稿、汇报材料，查找未填的占位符、空缺的数字、网页残留等问题。\n"
                              "也可以把 .docx / .txt 文件拖到这里。"))
        hint.setAlignment(Qt.AlignCenter)
        wl.addWidget(title)
        wl.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch()
        self.open_button = QPushButton(self.tr("打开文稿…"))
        self.sample_button = QPushButton(self.tr("打开示例文稿"))
        self.open_button.clicked.connect(self.choose_file)
        self.sample_button.clicked.connect(self.open_sample)
        row.addWidget(self.open_button)
        row.addWidget(self.sample_button)
        row.addStretch()
        wl.addLayout(row)
        wl.addStretch()
        self.stack.addWidget(welcome)

        self.outline = QTreeWidget()
        self.outline.setHeaderLabel(self.tr("文稿结构"))
        self.outline.itemClicked.connect(self._outline_clicked)

        self.editor = Editor(self)
        font = self.editor.font()
        font.setPointSize(max(font.pointSize(), 12))
        self.editor.setFont(font)
        self.editor.textChanged.connect(self._text_changed)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.fill_bar = FillBar(self)
        self.fill_bar.hide()
        mid = QWidget()
        ml = QVBoxLayout(mid)
        ml.setContentsMargins(0, 0, 0, 0)
        self.readonly_bar = QLabel()
        self.readonly_bar.setWordWrap(True)
        self.readonly_bar.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.readonly_bar.hide()
        ml.addWidget(self.readonly_bar)
        ml.addWidget(self.editor)
        ml.addWidget(self.fill_bar)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.category_box = QComboBox()
        self.severity_box = QComboBox()
        self.severity_box.addItem(self.tr("全部级别"), "")
        for sev in ("error", "warning", "info"):
            self.severity_box.addItem(SEVERITY_ZH[sev], sev)
        self.category_box.currentIndexChanged.connect(self._filter_changed)
        self.severity_box.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.category_box, 2)
        filters.addWidget(self.severity_box, 1)
        rl.addLayout(filters)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        rl.addWidget(self.counts_label)
        self.model = IssueModel(self)
        self.proxy = IssueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.Interactive)
        hh.setStretchLastSection(True)
        for col, width in enumerate((86, 46, 64, 120)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        rl.addWidget(self.table)

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(mid)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([220, 700, 520])
        self.stack.addWidget(self.splitter)

        sb = self.statusBar()
        self.genre_label = QLabel()
        self.chars_label = QLabel()
        self.findings_label = QLabel()
        self.time_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        for w in (self.genre_label, self.chars_label, self.findings_label, self.time_label):
            sb.addPermanentWidget(w)
        sb.addPermanentWidget(self.progress)

    def _build_actions(self):
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("文件(&F)"))
        self.act_open = self._action(file_menu, self.tr("打开(&O)…"), QKeySequence.Open, self.choose_file)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self._update_recent_menu()
        self._action(file_menu, self.tr("打开示例文稿"), None, self.open_sample)
        file_menu.addSeparator()
        self.act_save = self._action(file_menu, self.tr("保存(&S)…"), QKeySequence.Save, self.save)
        self.act_save_as = self._action(file_menu, self.tr("另存为(&A)…"), QKeySequence.SaveAs, self.save_as)
        self.act_export = self._action(file_menu, self.tr("导出(&E)…"), QKeySequence("Ctrl+Shift+E"), self.export_dialog)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), QKeySequence.Quit, self.close)

        edit_menu = mb.addMenu(self.tr("编辑(&E)"))
        undo = self._action(edit_menu, self.tr("撤销"), QKeySequence.Undo, self.editor.undo)
        redo = self._action(edit_menu, self.tr("重做"), QKeySequence.Redo, self.editor.redo)
        self.editor.undoAvailable.connect(undo.setEnabled)
        self.editor.redoAvailable.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        edit_menu.addSeparator()
        self.act_fix_junk = self._action(edit_menu, self.tr("删除全部网页残留"), None,
                                         lambda: self.fix_category("site_junk"))
        self.act_fix_punct = self._action(edit_menu, self.tr("半角标点全部改为全角"), None,
                                          lambda: self.fix_category("punctuation"))

        check_menu = mb.addMenu(self.tr("检查(&C)"))
        self._action(check_menu, self.tr("重新检查"), QKeySequence("F5"), self.recheck)
        self.act_next = self._action(check_menu, self.tr("下一个问题"), QKeySequence("F8"), self.next_finding)
        self.act_prev = self._action(check_menu, self.tr("上一个问题"), QKeySequence("Shift+F8"), self.previous_finding)
        self.act_fill = self._action(check_menu, self.tr("填空模式…"), QKeySequence("Ctrl+E"), self.start_fill)
        check_menu.addSeparator()
        self._action(check_menu, self.tr("设置…"), QKeySequence("Ctrl+,"), self.open_settings)

        help_menu = mb.addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于文稿审校助手"), None, self.about)

    def _action(self, menu, text, shortcut, slot):
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
            act.setShortcutContext(Qt.WindowShortcut)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    # ----- opening ------------------------------------------------------------------
    def choose_file(self):
        start = str(Path(self.path).parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开文稿"), start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_sample(self):
        self.open_path(str(paths.samples_dir() / "示例-汇报发言.txt"))

    def open_path(self, path: str) -> None:
        """Load a draft on a worker thread; the window stays responsive."""
        if not self._confirm_discard():
            return
        self.generation += 1
        self._busy(True, self.tr("正在打开 %s …") % Path(path).name)
        self._pending[self.generation] = path
        task = Task(self.generation, load, path)
        # Bound methods of this QObject: Qt queues the call to the GUI thread.
        task.signals.done.connect(self._loaded)
        task.signals.failed.connect(self._load_error)
        start(self.pool, task)

    def _loaded(self, generation: int, doc: Document) -> None:
        path = self._pending.pop(generation, None)
        if generation != self.generation or path is None:
            return
        self.source = doc
        self.path = path
        self.newline = "\r\n" if "\r\n" in doc.text else ("\r" if "\r" in doc.text else "\n")
        text = editor_text(doc.text)  # line ends come back on save (save.restore_line_ends)
        self._loading = True
        self.editor.setPlainText(text)
        self._loading = False
        self.editor.document().setModified(False)
        self._set_read_only(self._read_only_reason(doc))
        self.stack.setCurrentIndex(1)
        self._remember_recent(path)
        self.setWindowTitle(f"{Path(path).name} - {self.tr('文稿审校助手')}")
        if self.editor.isReadOnly():
            self.setWindowTitle(self.windowTitle() + self.tr("（只读）"))
        self.recheck()

    def _read_only_reason(self, doc: Document) -> str:
        if doc.raw is None:
            return ""
        from ..core.export.docx_write import declares_entities

        try:
            entities = declares_entities(doc.raw)
        except Exception:  # a damaged part: saving will say so by name
            return ""
        if entities:
            return self.tr("此文稿的 Word 正文声明了 DOCTYPE/XML 实体（正常的 Word 文件不会这样），"
                           "修改后无法安全地写回 Word 格式，因此以只读方式打开：可以查看问题、导出问题清单，"
                           "也可以原样另存。")
        return ""

    def _set_read_only(self, reason: str) -> None:
        self.editor.setReadOnly(bool(reason))
        self.readonly_bar.setText(self.tr("只读：") + reason if reason else "")
        self.readonly_bar.setVisible(bool(reason))
        for act in (self.act_fix_junk, self.act_fix_punct, self.act_fill):
            act.setEnabled(not reason)
        if reason:
            self.statusBar().showMessage(self.tr("此文稿以只读方式打开（正文含 XML 实体声明）"), 8000)

    def _load_error(self, generation: int, message: str) -> None:
        self._pending.pop(generation, None)
        if generation != self.generation:
            return
        self._busy(False)
        self.load_failed.emit(message)
        QMessageBox.warning(self, self.tr("无法打开文稿"), message.splitlines()[0])

    def _confirm_discard(self) -> bool:
        if not self.editor.document().isModified():
            return True
        answer = QMessageBox.question(self, self.tr("未保存的修改"),
                                      self.tr("当前文稿有未保存的修改，要先保存吗？"),
                                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # ----- checking -----------------------------------------------------------------
    def options(self) -> ReviewOptions:
        return ReviewOptions(genre=self.settings.get("genre") or None,
                             disabled_rules=frozenset(self.settings.get("disabled_rules")),
                             disabled_categories=frozenset(self.settings.get("disabled_categories")),
                             references=tuple(self._references()))

    def _references(self):
        from ..core.structure.references import load_references

        paths_ = [p for p in self.settings.get("references") if os.path.exists(p)]
        if not paths_:
            return []
        try:
            return load_references(paths_)
        except DocumentError:
            return []

    def _text_changed(self):
        if self._loading:
            return
        self.timer.start()

    def current_document(self) -> Document:
        text = self.editor.text()
        src = self.source
        return Document(text=text, paragraphs=split_lines(text), path=self.path,
                        kind=src.kind if src else "txt", extra_regions=list(src.extra_regions) if src else [])

    def _next_check(self) -> Document | None:
        """Start a new generation of checks; the document to check, or None with no draft."""
        if self.source is None:
            return None
        self.timer.stop()
        self.generation += 1
        return self.current_document()

    def recheck(self) -> None:
        """Review the editor's current text on a worker; stale results are dropped."""
        doc = self._next_check()
        if doc is None:
            return
        self._busy(True)
        self._pending[self.generation] = doc
        options = self.options()
        from ..core import segment

        if not segment.is_loaded():
            # jieba is still loading: show what regexes find at once, the rest when it is ready.
            from dataclasses import replace

            self._prelim[self.generation] = doc
            quick = Task(self.generation, review, doc, self.rules, replace(options, without_jieba=True))
            quick.signals.done.connect(self._prelim_done)
            start(self.pool, quick)
        task = Task(self.generation, review, doc, self.rules, options)
        task.signals.done.connect(self._review_done)
        task.signals.failed.connect(self._review_error)
        start(self.pool, task)

    def _prelim_done(self, generation: int, report) -> None:
        doc = self._prelim.pop(generation, None)
        if doc is not None and self._show(generation, doc, report):
            self.preliminary_ready.emit()

    def _review_done(self, generation: int, report) -> None:
        self._prelim.pop(generation, None)  # the full result is here: a late quick one is dropped
        doc = self._pending.pop(generation, None)
        if doc is not None:
            self._reviewed(generation, doc, report)

    def recheck_now(self) -> None:
        """Review synchronously (the fill-in mode needs fresh offsets before it moves on)."""
        doc = self._next_check()
        if doc is not None:
            self._reviewed(self.generation, doc, review(doc, self.rules, self.options()))

    def _review_error(self, generation, message):
        self._pending.pop(generation, None)
        if generation == self.generation:
            self._busy(False)
            QMessageBox.warning(self, self.tr("检查出错"), message.splitlines()[0])

    def _show(self, generation: int, doc: Document, report) -> bool:
        """Put a report on screen unless a newer edit or check has overtaken it."""
        if generation != self.generation or doc.text != self.editor.text():
            return False
        self.report = report
        self.pos = PositionMap(doc.text)
        self.last_check = time.strftime("%H:%M:%S")
        self._apply_report(doc)
        return True

    def _reviewed(self, generation: int, doc: Document, report) -> None:
        if self._show(generation, doc, report):
            self._busy(False)
            self.review_finished.emit()

    def _ignored_keys(self) -> set[str]:
        return set(self.settings.get("ignored").get(self._doc_key(), []))

    def _doc_key(self) -> str:
        return os.path.abspath(self.path) if self.path else ""

    def _keyed(self, findings):
        seen: dict[tuple, int] = {}
        out = []
        for f in findings:
            k = (f.rule, f.text)
            seen[k] = seen.get(k, 0) + 1
            out.append((finding_key(f, seen[k]), f))
        return out

    def _apply_report(self, doc: Document) -> None:
        ignored = self._ignored_keys()
        self.keys = {}
        visible = []
        for key, f in self._keyed(self.report.findings):
            self.keys[id(f)] = key
            if key not in ignored:
                visible.append(f)
        self.visible = visible
        body = sorted((f for f in visible if f.region == "body"), key=lambda f: (f.start, f.end))
        self.body = body
        self.visible_starts = [f.start for f in body]
        texts = {r.name: r.text for r in doc.regions}
        current = self.current_finding()
        self.model.set_findings(visible, texts)
        self._update_categories()
        self._highlight()
        self._update_outline()
        self._update_status(doc)
        if current is not None:
            self._select_like(current)

    def _highlight(self) -> None:
        sels = []
        qdoc = self.editor.document()
        for f in self.body:
            if f.start == f.end:
                continue
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(qdoc)
            cur.setPosition(self.pos.to_qt(f.start))
            cur.setPosition(self.pos.to_qt(f.end), QTextCursor.KeepAnchor)
            sel.cursor = cur
            fmt = QTextCharFormat()
            color = category_color(f.category)
            if f.severity == "error":
                tint = QColor(color)
                tint.setAlpha(60)
                fmt.setBackground(tint)
                fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
            elif f.severity == "warning":
                fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
            else:
                fmt.setUnderlineStyle(QTextCharFormat.DotLine)
            fmt.setUnderlineColor(color)
            fmt.setProperty(QTextFormat.UserProperty, f.rule)
            sel.format = fmt
            sels.append(sel)
        self.editor.setExtraSelections(sels)

    def _update_categories(self) -> None:
        counts: dict[str, int] = {}
        for f in self.visible:
            counts[f.category] = counts.get(f.category, 0) + 1
        current = self.category_box.currentData()
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("全部类别（%d）") % len(self.visible), "")
        for cat, n in sorted(counts.items(), key=lambda x: -x[1]):
            self.category_box.addItem(f"{CATEGORY_ZH.get(cat, cat)}（{n}）", cat)
        idx = self.category_box.findData(current)
        self.category_box.setCurrentIndex(max(idx, 0))
        self.category_box.blockSignals(False)
        self._filter_changed()
        parts = [f"<span style='color:{category_color(c).name()}'>■</span> {CATEGORY_ZH.get(c, c)} {n}"
                 for c, n in sorted(counts.items(), key=lambda x: -x[1])]
        self.counts_label.setText("　".join(parts) if parts else self.tr("没有发现问题。"))

    def _update_status(self, doc: Document) -> None:
        rep = self.report
        from ..core.structure import shipped_profiles

        genre = shipped_profiles().genres.get(rep.genre).name if rep.genre else self.tr("未识别")
        self.genre_label.setText(self.tr("文种：%s") % genre)
        self.genre_label.setToolTip(rep.genre_reason)
        self.chars_label.setText(self.tr("%d 字") % len(doc.text))
        self.findings_label.setText(self.tr("%d 处问题") % len(self.visible))
        self.time_label.setText(self.tr("检查于 %s（%d 毫秒）") % (self.last_check, rep.seconds * 1000))
        warnings = getattr(rep, "warnings", None)  # e.g. a user rule stopped over its time budget
        if warnings:
            more = self.tr("（另有 %d 条，见提示）") % (len(warnings) - 1) if len(warnings) > 1 else ""
            self.statusBar().showMessage(warnings[0] + more, 20000)
            self.statusBar().setToolTip("\n".join(warnings))
        else:
            self.statusBar().setToolTip("")

    def _update_outline(self) -> None:
        """Title, then the genre's parts in order (missing ones greyed), headings under the body."""
        self.outline.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for item in self.report.outline:
            if item.kind == "part":
                label = self.tr("（缺少）%s") % item.text if item.missing else f"【{item.text}】"
            else:
                label = item.text
            node = QTreeWidgetItem([label])
            node.setData(0, Qt.UserRole, item.start)
            node.setToolTip(0, label)
            if item.missing:
                node.setForeground(0, QColor("#9e9e9e"))
            level = item.level if item.kind == "heading" else 0
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack and level > 0:
                stack[-1][1].addChild(node)
            else:
                self.outline.addTopLevelItem(node)
            stack.append((level, node))
        self.outline.expandAll()

    def _outline_clicked(self, item, _col):
        offset = item.data(0, Qt.UserRole)
        if offset is None:
            return
        cur = self.editor.textCursor()
        cur.setPosition(self.pos.to_qt(min(offset, len(self.editor.text()))))
        self.editor.setTextCursor(cur)
        self.editor.centerCursor()
        self.editor.setFocus()

    def _busy(self, on: bool, message: str = "") -> None:
        self.progress.setVisible(on)
        if message:
            self.statusBar().showMessage(message, 3000)

    # ----- findings, selection, navigation ------------------------------------------
    def finding_at(self, offset: int):
        """The (shortest) visible body finding covering a code-point offset."""
        i = bisect_right(self.visible_starts, offset)
        best = None
        for f in reversed(self.body[max(0, i - 40):i]):
            if f.start <= offset < f.end or (f.start == f.end == offset):
                if best is None or f.end - f.start < best.end - best.start:
                    best = f
        return best

    def current_finding(self):
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.proxy.data(idx, IssueModel.FindingRole)

    def select_finding(self, f) -> None:
        """Select the finding's row; the text selection follows (see _row_changed)."""
        row = self.model.findings.index(f) if f in self.model.findings else -1
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():  # filtered out: clear the filter so it can be shown
            self.category_box.setCurrentIndex(0)
            self.severity_box.setCurrentIndex(0)
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(idx)

    def _select_like(self, old) -> None:
        for f in self.visible:
            if f.rule == old.rule and f.start == old.start:
                self._syncing = True
                try:
                    self.select_finding(f)
                finally:
                    self._syncing = False
                return

    def _row_changed(self, current: QModelIndex, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        f = self.proxy.data(current, IssueModel.FindingRole)
        if f is None or f.region != "body":
            return
        self._syncing = True
        try:
            cur = self.editor.textCursor()
            cur.setPosition(self.pos.to_qt(f.start))
            cur.setPosition(self.pos.to_qt(f.end), QTextCursor.KeepAnchor)
            self.editor.setTextCursor(cur)
            self.editor.ensureCursorVisible()
        finally:
            self._syncing = False

    def _cursor_moved(self) -> None:
        if self._syncing or not self.body:
            return
        cur = self.editor.textCursor()
        f = self.finding_at(self.pos.from_qt(cur.selectionStart()))
        if f is None:
            return
        self._syncing = True
        try:
            self.select_finding(f)
        finally:
            self._syncing = False

    def _filter_changed(self) -> None:
        self.proxy.set_filter(self.category_box.currentData() or "", self.severity_box.currentData() or "")

    def _navigable(self):
        cat, sev = self.proxy.category, self.proxy.severity
        return [f for f in self.body if (not cat or f.category == cat) and (not sev or f.severity == sev)]

    def _selection_is(self, f) -> bool:
        cur = self.editor.textCursor()
        return (self.pos.from_qt(cur.selectionStart()), self.pos.from_qt(cur.selectionEnd())) == (f.start, f.end)

    def _step(self, forward: bool) -> None:
        items = self._navigable()
        if not items:
            return
        current = self.current_finding()
        if current is not None and current in items and self._selection_is(current):
            i = items.index(current) + (1 if forward else -1)
        else:
            here = self.pos.from_qt(self.editor.textCursor().selectionStart())
            if forward:
                i = next((k for k, f in enumerate(items) if f.start >= here), len(items))
            else:
                i = next((k for k in range(len(items) - 1, -1, -1) if items[k].start < here), -1)
        if not 0 <= i < len(items):
            i = 0 if forward else len(items) - 1
            self.statusBar().showMessage(self.tr("已回到第一个问题") if forward else self.tr("已回到最后一个问题"), 2000)
        self.select_finding(items[i])

    def next_finding(self) -> None:
        self._step(True)

    def previous_finding(self) -> None:
        self._step(False)

    # ----- acting on findings -------------------------------------------------------
    def finding_actions(self, f, parent) -> list[QAction]:
        acts = []
        if f.suggestion is not None and f.region == "body" and f.end > f.start:
            a = QAction(self.tr("改为“%s”") % f.suggestion, parent)
            a.triggered.connect(lambda: self.apply_suggestion(f))
            acts.append(a)
        a = QAction(self.tr("忽略此处"), parent)
        a.triggered.connect(lambda: self.ignore(f))
        acts.append(a)
        a = QAction(self.tr("忽略此规则（%s）") % f.rule, parent)
        a.triggered.connect(lambda: self.ignore_rule(f.rule))
        acts.append(a)
        return acts

    def _table_menu(self, point) -> None:
        idx = self.table.indexAt(point)
        if not idx.isValid():
            return
        f = self.proxy.data(idx, IssueModel.FindingRole)
        menu = QMenu(self)
        for act in self.finding_actions(f, menu):
            menu.addAction(act)
        menu.exec(self.table.viewport().mapToGlobal(point))

    def replace_span(self, start: int, end: int, text: str, cursor: QTextCursor | None = None) -> None:
        cur = cursor or QTextCursor(self.editor.document())
        cur.setPosition(self.pos.to_qt(start))
        cur.setPosition(self.pos.to_qt(end), QTextCursor.KeepAnchor)
        cur.insertText(text)

    def apply_suggestion(self, f) -> None:
        if self.editor.isReadOnly():
            return
        self.replace_span(f.start, f.end, f.suggestion)
        self.recheck()

    def ignore(self, f) -> None:
        data = self.settings.get("ignored")
        keys = set(data.get(self._doc_key(), []))
        keys.add(self.keys[id(f)])
        data[self._doc_key()] = sorted(keys)
        self.settings.set("ignored", data)
        self._apply_report(self.current_document())

    def ignore_rule(self, rule: str) -> None:
        rules = set(self.settings.get("disabled_rules"))
        rules.add(rule)
        self.settings.set("disabled_rules", sorted(rules))
        self.recheck()

    def fix_category(self, category: str) -> int:
        """Apply every safe fix of one category as one undoable edit; returns how many."""
        from ..core.export.clean import edits_for

        if self.editor.isReadOnly():
            return 0
        merged = edits_for(self.editor.text(), self.body, categories={category})
        if not merged:
            return 0
        cur = QTextCursor(self.editor.document())
        cur.beginEditBlock()
        for s, e, t in reversed(merged):
            self.replace_span(s, e, t, cur)
        cur.endEditBlock()
        self.recheck()
        self.statusBar().showMessage(self.tr("已修改 %d 处，可按 Ctrl+Z 撤销") % len(merged), 4000)
        return len(merged)

    # ----- fill-in mode -------------------------------------------------------------
    def start_fill(self) -> None:
        self.fill_bar.start()

    # ----- saving -------------------------------------------------------------------
    def _suggested_path(self) -> str:
        if not self.path:
            return str(Path.home() / "审校后的文稿.txt")
        p = Path(self.path)
        ext = p.suffix.lower() if p.suffix.lower() in (".txt", ".docx") else ".docx"
        return str(p.with_name(f"{p.stem}-已审校{ext}"))

    def save(self) -> bool:
        """保存 writes a new file (另存为) by default; the original is never touched silently."""
        return self.save_as()

    def save_as(self) -> bool:
        if self.source is None:
            return False
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), self._suggested_path(),
                                              "Word 文档 (*.docx);;文本文件 (*.txt)")
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        from ..core.export.save import SaveError, save_text

        if self.path and os.path.abspath(path) == os.path.abspath(self.path):
            answer = QMessageBox.question(self, self.tr("覆盖原文件"),
                                          self.tr("确定要用修改后的内容覆盖原文件“%s”吗？") % Path(path).name,
                                          QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return False
        try:
            save_text(self.source, self.editor.text(), path, newline=self.newline)
        except SaveError as e:
            QMessageBox.warning(self, self.tr("保存失败"), str(e))
            return False
        self.editor.document().setModified(False)
        self.statusBar().showMessage(self.tr("已保存到 %s") % path, 4000)
        return True

    # ----- export -------------------------------------------------------------------
    EXPORTS = (("问题清单 Excel (*.xlsx)", ".xlsx", {}), ("带批注的 Word 文稿 (*.docx)", ".docx", {}),
               ("带修订的 Word 文稿 (*.docx)", ".docx", {"track_changes": True}),
               ("网页报告 (*.html)", ".html", {}), ("问题清单 CSV (*.csv)", ".csv", {}),
               ("JSON (*.json)", ".json", {}), ("清理后的文稿 (*.docx *.txt)", None, {"clean": True}))

    def export_dialog(self) -> bool:
        if self.source is None or self.report is None:
            return False
        filters = ";;".join(self.tr(name) for name, _, _ in self.EXPORTS)
        stem = Path(self.path).with_suffix("") if self.path else Path.home() / "文稿"
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("导出"), f"{stem}-审校.xlsx", filters)
        if not path:
            return False
        for name, suffix, kw in self.EXPORTS:
            if self.tr(name) == chosen:
                if suffix is None:
                    suffix = ".docx" if self.source.raw is not None else ".txt"
                if not path.lower().endswith(suffix):
                    path = str(Path(path).with_suffix(suffix))
                return self.export_to(path, **kw)
        return self.export_to(path)

    def export_to(self, path: str, **kw) -> bool:
        """Export what is on screen (the edited text and its latest check)."""
        from ..core.export import SaveError, export
        from ..core.export.docx_write import rewrite_docx
        from ..core.export.save import restore_line_ends

        self.recheck_now()
        doc = self.current_document()
        if self.source.kind == "txt":
            doc.encoding, doc.bom = self.source.encoding, self.source.bom
        try:
            if self.source.raw is not None:  # the package itself when nothing was edited
                doc.raw = rewrite_docx(self.source.raw, restore_line_ends(self.source.text, doc.text, "\n"), path)
            export(doc, self.report, path, **kw)
        except (SaveError, ValueError) as e:
            QMessageBox.warning(self, self.tr("导出失败"), str(e))
            return False
        self.statusBar().showMessage(self.tr("已导出到 %s") % path, 4000)
        return True

    # ----- settings, recent files, misc ---------------------------------------------
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self.rules, self)
        if dlg.exec():
            self.rules = self._load_rules()
            self.recheck()

    def _remember_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [p for p in self.settings.get("recent_files") if p != path]
        recent.insert(0, path)
        self.settings.set("recent_files", recent[:RECENT_MAX])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("recent_files")
        for p in recent:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _=False, p=p: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于文稿审校助手"),
                          self.tr("<b>文稿审校助手</b> %s<br>检查讲话稿、汇报材料中范文留下的问题。"
                                  "<br>全部在本机完成，文稿不会上传。") % __version__)

    def _restore_geometry(self) -> None:
        from PySide6.QtCore import QByteArray

        geo = self.settings.get("geometry")
        if geo:
            self.restoreGeometry(QByteArray.fromBase64(geo.encode()))
        else:
            self.resize(QSize(1400, 860))
        split = self.settings.get("splitter")
        if split:
            self.splitter.restoreState(QByteArray.fromBase64(split.encode()))

    def closeEvent(self, e):
        if not self._confirm_discard():
            e.ignore()
            return
        self.settings.set("geometry", bytes(self.saveGeometry().toBase64()).decode())
        self.settings.set("splitter", bytes(self.splitter.saveState().toBase64()).decode())
        e.accept()

    def dragEnterEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e):
        urls = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0])
