"""The main window: wiring only.  The draft (editor.py), the findings (findings_panel.py),
the outline (outline_panel.py), fill-in and find bars, actions and file dialogs are
modules of their own that talk through signals; the draft under review and everything
decided about it is the ReviewSession (core/session.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter

from .. import paths
from ..core import segment
from ..core.structure import shipped_profiles
from . import edit_ahead, files
from .actions import Actions, GenreBox
from .collector import IdleCollector
from .fill import suggestion
from .findings_panel import FindingsPanel, finding_key
from .outline_panel import OutlinePanel
from .panes import DraftPane, DropStack, StatusLine, WelcomePage, about, findings_column, restore_state, save_state
from .session_settings import apply_settings, load_rules, make_session, reload, ignore as ignore_findings
from .settings import Settings
from .worker import ReviewRunner

TYPING_PAUSE_MS = 40


class MainWindow(QMainWindow):
    review_finished = Signal()
    preliminary_ready = Signal()   # quick findings shown while the full review still runs
    load_failed = Signal(str)

    def __init__(self, settings: Settings, pool: QThreadPool | None = None):
        super().__init__()
        self.settings = settings
        self.path, self._opening, self.newline = None, "", "\n"
        self.ignored: list = []   # take-backs of this session's ignores (撤销忽略), latest last
        self.rules = None          # loaded on a worker: the window shows without waiting for them
        self.session = make_session(settings, None)
        self.runner = ReviewRunner(pool or QThreadPool.globalInstance(), self)
        self.runner.load_rules(lambda: load_rules(settings))
        self.timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.setWindowTitle(self.tr("文稿审校助手"))
        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "app.png")))
        self._build()
        self._connect()
        restore_state(settings, self, self.splitter)

    # ----- construction -------------------------------------------------------------
    def _rules_ready(self, rules, message: str) -> None:
        self.rules = rules
        apply_settings(self.session, self.settings, rules)
        self.panel.set_rules(rules)
        if message:
            QMessageBox.warning(self, self.tr("规则有误"), message)

    def _build(self) -> None:
        self.stack = DropStack()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage()
        self.stack.addWidget(self.welcome)
        self.outline = OutlinePanel()
        self.draft = DraftPane()
        self.editor, self.find_bar, self.fill_bar = self.draft.editor, self.draft.find_bar, self.draft.fill_bar
        self.editor.set_zoom(self.settings.get("zoom"))
        self.fill_bar.suggest = lambda f: suggestion(f, self.settings.get("locality"), self.settings.get("organization"))
        self.panel = FindingsPanel()
        self.splitter = QSplitter(Qt.Horizontal)
        for k, (w, stretch) in enumerate(((self.outline, 1), (self.draft, 4), (findings_column(self.panel), 3))):
            self.splitter.addWidget(w)
            self.splitter.setStretchFactor(k, stretch)
        self.splitter.setSizes([220, 700, 520])
        self.stack.addWidget(self.splitter)
        self.acts = Actions(self)
        self.acts.build_menus(self.menuBar())
        self.genre_box = GenreBox({g.id: g.name for g in shipped_profiles().genres.values()})
        self.toolbar = self.addToolBar(self.tr("工具栏"))
        self.toolbar.setObjectName("main-toolbar")
        self.acts.build_toolbar(self.toolbar, self.genre_box)
        self.status = StatusLine(self.statusBar())
        self.acts.set_document_state(False)
        self.acts.set_recent(self.settings.get("recent_files"), self.open_path)

    def _connect(self) -> None:
        a, e, p = self.acts, self.editor, self.panel
        slots = dict(open=self.choose_file, save=self.save, save_as=self.save, export=self.export_dialog,
                     sample=lambda: self.open_path(str(paths.sample_draft())), quit=self.close,
                     undo=e.undo, redo=e.redo, undo_ignore=self.undo_ignore, recheck=lambda: self.recheck(),
                     find=lambda: self.find_bar.start(False), replace=lambda: self.find_bar.start(True),
                     zoom_in=lambda: e.zoom_by(1), zoom_out=lambda: e.zoom_by(-1), zoom_reset=lambda: e.set_zoom(0),
                     fix_junk=lambda: self.fix_category("site_junk"), fix_punct=lambda: self.fix_category("punctuation"),
                     next=lambda: p.step(True), prev=lambda: p.step(False), fill=self.start_fill,
                     settings=self.open_settings, guide=self.show_guide, about=lambda: about(self))
        for name, slot in slots.items():
            a[name].triggered.connect(slot)
        for act, available in ((a.undo, e.undoAvailable), (a.redo, e.redoAvailable)):
            available.connect(act.setEnabled)
            act.setEnabled(False)
        f = self.fill_bar
        pairs = ((self.stack.file_dropped, self.open_path), (self.welcome.open_clicked, self.choose_file),
            (self.welcome.sample_clicked, a.sample.trigger), (e.textChanged, self.timer.start),
            (e.finding_under_cursor, p.select), (e.accept_requested, self.accept), (e.ignore_requested, self.ignore),
            (p.activated, e.show_finding), (p.accept_requested, self.accept), (p.ignore_requested, self.ignore),
            (p.add_word_requested, self.add_word), (p.remaining_changed, self.status.set_remaining),
            (self.outline.jump_requested, e.jump_to), (f.show_requested, e.select_span), (f.finished, e.setFocus),
            (self.find_bar.closed, e.setFocus), (self.genre_box.genre_chosen, self.set_genre),
            (self.timer.timeout, self.recheck))
        for signal, slot in pairs:
            signal.connect(slot)
        self.draft.hint_dismissed.connect(lambda: self.settings.set("hint_seen", True))
        e.zoom_changed.connect(lambda z: self.settings.set("zoom", z))
        e.ignore_kind_requested.connect(lambda g: self.ignore([g], files.ask_ignore_scope(self, g)))
        f.edits_requested.connect(lambda edits: e.apply_edits(edits) and self.recheck_now())
        for bar in (f, self.find_bar):
            bar.message.connect(lambda m: self.statusBar().showMessage(m, 4000))
        r = self.runner
        r.rules_ready.connect(self._rules_ready)
        r.loaded.connect(self._loaded)
        r.load_failed.connect(lambda m: (self.statusBar().clearMessage(), self.load_failed.emit(m),
                                         QMessageBox.warning(self, self.tr("无法打开文稿"), m.splitlines()[0])))
        r.preliminary.connect(lambda rep, doc: self._present(rep, doc) and self.preliminary_ready.emit())
        r.finished.connect(self._reviewed)
        r.failed.connect(lambda m: (self.statusBar().clearMessage(),
                                    QMessageBox.warning(self, self.tr("检查出错"), m.splitlines()[0])))
        self.collector = IdleCollector(self, e.textChanged, self.review_finished, p.model.take_retired)  # (pauses)
        self.ahead = edit_ahead.EditAhead(self, e.textChanged, e.text, lambda: self.session, TYPING_PAUSE_MS)

    # ----- opening ------------------------------------------------------------------
    def choose_file(self) -> None:
        path = files.choose_open(self, str(Path(self.path).parent) if self.path else str(Path.home()))
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Load a draft on a worker thread; the window stays responsive."""
        if self._confirm_discard():
            self._opening = path
            self.statusBar().showMessage(self.tr("正在打开 %s …") % Path(path).name)
            self.runner.open(path)

    def _loaded(self, doc) -> None:
        from ..core.export.save import editor_text

        self.path = self._opening
        self.newline = files.newline_of(doc.text)
        text = editor_text(doc.text)  # line ends come back on save (save.restore_line_ends)
        self.session.open(doc)
        self.session.genre = self.settings.get("genre") or None
        apply_settings(self.session, self.settings, self.rules)
        self.editor.load(text, doc.paragraphs if text == doc.text else ())
        self.panel.set_findings([], {}, set())
        reason = files.read_only_reason(doc)
        self.draft.set_read_only(reason)
        self.draft.hint_bar.setVisible(not self.settings.get("hint_seen"))
        self.acts.set_document_state(True, read_only=bool(reason))
        self.stack.setCurrentIndex(1)
        self.acts.set_recent(files.remember_recent(self.settings, self.path), self.open_path)
        name = Path(self.path).name + (self.tr("（只读）") if reason else "")
        self.setWindowTitle(f"{name} - {self.tr('文稿审校助手')}")
        self.recheck(quick_first=len(text) > 50_000)  # a big draft shows its quick findings first

    def _confirm_discard(self) -> bool:
        answer = files.ask_unsaved(self) if self.editor.document().isModified() else "discard"
        return self.save() if answer == "save" else answer == "discard"

    # ----- reviewing ----------------------------------------------------------------
    def recheck(self, quick_first: bool = False) -> None:
        """Review the editor's current text on a worker; stale results are dropped."""
        if self.session.source is None:
            return
        self.timer.stop()
        doc = self.ahead.edit(self.editor.text())
        self.statusBar().showMessage(self.tr("正在检查…"))
        self.runner.review(self.session, doc, quick_first=quick_first is True or not segment.is_loaded())

    def recheck_now(self) -> None:
        """Review synchronously (fill-in and export need fresh offsets)."""
        if self.session.source is not None:
            self.timer.stop()
            self.runner.review_now(self.session, self.ahead.edit(self.editor.text()))

    def _reviewed(self, report, doc) -> None:
        if self._present(report, doc, final=True):
            self.review_finished.emit()

    def _present(self, report, doc, final: bool = False) -> bool:
        """Put a report on screen unless a newer edit has overtaken it."""
        if doc.text != self.editor.text():
            return False
        if final:
            self.statusBar().clearMessage()
        s, self.panel.model.source_hint = self.session, (report.findings, report.moved_tail)  # (finding_model)
        s.show(report, doc)
        self.editor.refresh_positions(doc.text)
        self.panel.set_findings(s.findings, {r.name: r.text for r in doc.regions}, set())
        self.editor.set_findings(s.findings, self.panel.model.longest)   # (the body's; the pane's longest span)
        self.outline.set_outline(report.outline)
        self.genre_box.show_choice(s.genre, report.genre, report.genre_reason)
        if not self.fill_bar.isHidden():  # targets are needed only while filling in
            self.fill_bar.set_targets(s.fill_targets(), doc.text)
        self.status.show_report(report, doc.text)
        return True

    def set_genre(self, genre: str | None) -> None:
        """The user picked a genre on the toolbar (None: automatic); re-check at once."""
        self.session.genre = genre
        self.recheck()

    # ----- acting on findings -------------------------------------------------------
    def accept(self, findings) -> int:
        """Apply the findings' fixes as one undo step (site junk deleted with its line)."""
        from ..core.export.clean import edits_for

        edits = edits_for(self.editor.text(), findings, accepted=findings)
        if not self.editor.apply_edits(edits, self.tr("正在修改 %d 处…") % len(edits)):
            return 0
        self.panel.mark_handled({finding_key(f) for f in findings})
        self.recheck()
        self.statusBar().showMessage(self.tr("已修改 %d 处，可按 Ctrl+Z 撤销") % len(edits), 4000)
        return len(edits)

    def fix_category(self, category: str) -> int:
        return self.accept([f for f in self.session.body if f.category == category])

    def ignore(self, findings, scope: str = "finding") -> None:
        """忽略: this finding, or its rule in this draft ("rule-document") or in all ("rule-all")."""
        if scope:
            self.ignored.append(ignore_findings(self.session, self.settings, findings, scope))
            self.panel.mark_handled({finding_key(f) for f in findings})
            self._after_ignore(self.ignored[-1].again)

    def undo_ignore(self) -> None:
        """撤销忽略: the latest ignore is taken back."""
        if self.ignored:
            self.ignored.pop()()
            self._after_ignore(True)

    def _after_ignore(self, again: bool) -> None:
        apply_settings(self.session, self.settings, self.rules)
        self.acts.undo_ignore.setEnabled(bool(self.ignored))
        self.recheck() if again else self._present(self.session.report, self.session.reported)

    def add_word(self, word: str) -> None:
        self.session.add_word(word)
        self._present(self.session.report, self.session.reported)
        self.statusBar().showMessage(self.tr("已将“%s”加入词表，不再提示") % word, 4000)

    def start_fill(self) -> None:
        self.recheck_now()
        self.fill_bar.set_targets(self.session.fill_targets(), self.session.document.text)
        self.fill_bar.start()

    def save(self) -> bool:
        """保存 is 另存为: the original is never touched silently."""
        path = files.choose_save(self, files.suggested_save_path(self.path)) if self.session.source else ""
        return bool(path) and self.save_to(path)

    def save_to(self, path: str) -> bool:
        done = files.save_draft(self, self.session.source, self.editor.text(), path, self.newline, self.path)
        if done:
            self.editor.document().setModified(False)
            self.statusBar().showMessage(self.tr("已保存到 %s") % path, 4000)
        return done

    def export_dialog(self) -> bool:
        source = self.session.source
        path, kw = files.choose_export(self, self.path, source.raw is not None) if source else ("", {})
        return bool(path) and self.export_to(path, **kw)

    def export_to(self, path: str, **kw) -> bool:
        """Export what is on screen: the edited document and its latest review."""
        self.recheck_now()
        done = files.export_review(self, self.session, path, **kw)
        if done:
            self.statusBar().showMessage(self.tr("已导出到 %s") % path, 4000)
        return done

    # ----- settings, help, closing ----------------------------------------------------
    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        self.runner.wait_for_rules()
        if SettingsDialog(self.settings, self.rules, self).exec():
            self._rules_ready(*load_rules(self.settings))
            reload(self.session, self.settings, self.rules)
            self.recheck()

    def show_guide(self) -> None:
        from .help import show_guide

        show_guide(self)

    def closeEvent(self, e):
        if self._confirm_discard():
            save_state(self.settings, self, self.splitter)
            return e.accept()
        e.ignore()
