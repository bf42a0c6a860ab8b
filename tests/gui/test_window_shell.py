"""The window as wiring (issue 12), big drafts and bulk fixes (issue 11), the toolbar,
genre, find/replace, zoom, fill-in and Chinese dialogs (issue 13)."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QMenu, QPushButton

from reviewer.core.loaders import load
from reviewer.core.session import ReviewSession
from reviewer.gui import files
from reviewer.gui.main import install_translator
from tests.conftest import ROOT, SAMPLE
from tests.gui.conftest import open_and_wait, shown

GUI = ROOT / "reviewer" / "gui"


def _styled_docx(path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("关于推进乡村振兴工作的实施方案")
    d.add_heading("一、总体要求", level=1)
    d.add_paragraph("坚持以人民为中心的发展思想，推动各项工作落实。")
    d.add_heading("（一）工作目标", level=2)
    d.add_paragraph("到年底，全乡共有个行政村完成改造。")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate((("项目", "责任单位"), ("道路硬化", "XX局"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_heading("二、保障措施", level=1)
    d.add_paragraph("各单位要加强组织领导,确保任务完成。")
    d.save(path)


def test_docx_outline_and_heading_levels_equal_the_cli(qtbot, window, tmp_path, rules):
    src = tmp_path / "方案.docx"
    _styled_docx(src)
    open_and_wait(qtbot, window, src)
    cli = ReviewSession(rules, load(src))
    cli.check()
    heads = [(i.text, i.level) for i in cli.report.outline if i.kind == "heading"]
    assert ("一、总体要求", 1) in heads and ("（一）工作目标", 2) in heads  # the styles were read
    assert window.outline.headings() == heads
    assert [(i.kind, i.text, i.level, i.start) for i in window.session.report.outline] == \
        [(i.kind, i.text, i.level, i.start) for i in cli.report.outline]
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(src)],
                         cwd=ROOT, capture_output=True, text=True)
    issues = json.loads(out.stdout)["issues"]
    assert sorted((f.rule, f.start, f.end) for f in shown(window)) == \
        sorted((i["rule"], i["start"], i["end"]) for i in issues)
    # what is exported is the document as loaded: the same paragraphs and levels
    exported = window.session.export_document()
    assert [(p.start, p.level) for p in exported.paragraphs] == [(p.start, p.level) for p in load(src).paragraphs]
    # headings look like headings in the editor
    start = window.editor.text().index("一、总体要求")
    block = window.editor.document().findBlock(window.editor.pos_map.to_qt(start))
    fmt = block.begin().fragment().charFormat()
    assert fmt.fontWeight() == QFont.Bold and fmt.fontPointSize() > window.editor.font().pointSizeF()
    assert not window.editor.document().isUndoAvailable()  # the formatting is not an edit


def test_a_big_draft_shows_its_first_screen_first(qtbot, window, tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(sample * (100_000 // len(sample) + 1), encoding="utf-8")
    early = []
    window.preliminary_ready.connect(lambda: early.append({(f.rule, f.start, f.end) for f in shown(window)}))
    open_and_wait(qtbot, window, big)
    final = {(f.rule, f.start, f.end) for f in shown(window)}
    assert early and early[0] and early[0] <= final  # nothing shown early that the full review drops
    assert max(s for _, s, _ in early[0]) < 40_000 < max(s for _, s, _ in final)


def _many_commas(tmp_path, n: int = 10_000):
    line = "今天我们召开会议,研究部署工作,安排下一阶段任务,大家要认真落实,确保取得实效,"
    lines = ["在全县工作会议上的讲话", "同志们："] + [line] * (n // line.count(","))
    path = tmp_path / "逗号.txt"
    path.write_text("\n".join(lines) + "\n谢谢大家！\n", encoding="utf-8")
    return path


def test_bulk_fix_of_10000_marks_is_one_undo_step(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, _many_commas(tmp_path))
    original = window.editor.text()
    assert sum(f.rule == "punctuation.halfwidth" for f in shown(window)) == 10_000
    with qtbot.waitSignal(window.review_finished, timeout=30000):
        assert window.fix_category("punctuation") == 10_000
    assert "," not in window.editor.text() and window.editor.text().count("，") == 10_000
    window.editor.undo()
    assert window.editor.text() == original
    assert not window.editor.document().isUndoAvailable()  # it was one step


def test_cancelling_a_bulk_fix_leaves_the_draft_as_it_was(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    open_and_wait(qtbot, window, _many_commas(tmp_path))
    original = window.editor.text()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert window.fix_category("punctuation") == 0
    assert window.editor.text() == original
    assert not window.editor.document().isUndoAvailable()


def test_fill_in_replaces_only_the_placeholder_and_keeps_the_unit(qtbot, window, tmp_path):
    src = tmp_path / "方案.txt"
    src.write_text("关于学习贯彻党的XX届三中全会精神的工作方案\n一、工作目标\n全乡共有个行政村，今年新建文化广场处。\n",
                   encoding="utf-8")
    open_and_wait(qtbot, window, src)
    window.start_fill()
    bar = window.fill_bar
    assert bar.target.text == "XX届" and bar.counter.text() == "填空 1/3"
    assert bar.label.text() == "关于学习贯彻党的［XX］届三中全会精神的工作方案"
    bar.edit.setText("二十")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert "党的二十届三中全会" in window.editor.text()
    assert bar.counter.text() == "填空 2/3"                      # the counter advances
    assert bar.label.text() == "全乡共有［\u3000］个行政村"       # the blank shown in its context
    bar.edit.setText("12")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert "全乡共有12个行政村" in window.editor.text()           # the unit stays
    assert bar.counter.text() == "填空 3/3"
    bar.skip()
    assert bar.isHidden()


def test_genre_change_rechecks_at_once(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    assert window.genre_box.currentText() == "自动（汇报发言）"
    assert window.session.report.genre_reason in window.genre_box.toolTip()
    before = {(f.rule, f.message) for f in shown(window) if f.category == "missing_section"}
    plan = window.genre_box.findData("plan")
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.genre_box.activated.emit(plan)
    assert window.session.report.genre == "plan" and window.genre_box.currentIndex() == plan
    after = {(f.rule, f.message) for f in shown(window) if f.category == "missing_section"}
    assert after != before
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.genre_box.activated.emit(0)
    assert window.session.report.genre == "report_speech"
    assert window.genre_box.currentText() == "自动（汇报发言）"


def test_toolbar_carries_navigation_recheck_fill_export_and_genre(window):
    texts = [a.text() for a in window.toolbar.actions()]
    for wanted in ("上一处", "下一处", "重新检查", "填空…", "导出(&E)…"):
        assert wanted in texts
    assert window.toolbar.widgetForAction(window.toolbar.actions()[-1]) is window.genre_box


def test_find_and_replace(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    qtbot.keyClick(window.editor, Qt.Key_F, Qt.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    bar.find_edit.setText("乡村振兴")
    assert bar.find(True)
    assert window.editor.textCursor().selectedText() == "乡村振兴"
    n = window.editor.text().count("乡村振兴")
    original = window.editor.text()
    qtbot.keyClick(window.editor, Qt.Key_H, Qt.ControlModifier)
    assert bar.replace_edit.isVisible()
    bar.replace_edit.setText("乡村全面振兴")
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        assert bar.replace_all() == n > 1
    assert window.editor.text() == original.replace("乡村振兴", "乡村全面振兴")
    window.editor.undo()
    assert window.editor.text() == original
    bar.find_edit.setText("没有这段话")
    assert not bar.find(True) and "找不到" in bar.status.text()


def test_zoom_is_remembered(qtbot, make_window):
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    size = w.editor.font().pointSizeF()
    qtbot.keyClick(w.editor, Qt.Key_Equal, Qt.ControlModifier)
    qtbot.keyClick(w.editor, Qt.Key_Equal, Qt.ControlModifier)
    assert w.editor.font().pointSizeF() == size + 2
    qtbot.keyClick(w.editor, Qt.Key_Minus, Qt.ControlModifier)
    assert w.editor.font().pointSizeF() == size + 1
    w2 = make_window()
    assert w2.editor.zoom == 1 and w2.editor.font().pointSizeF() == size + 1


def test_file_dialogs_and_message_boxes_are_chinese(qtbot):
    app = QApplication.instance()
    installed = install_translator(app)
    try:
        for save in (False, True):
            dlg = files.file_dialog(None, "打开文稿", str(ROOT), files.OPEN_FILTER, save=save)
            qtbot.addWidget(dlg)
            dlg.show()
            texts = [w.text() for w in dlg.findChildren(QLabel) + dlg.findChildren(QPushButton)
                     if w.isVisible() and w.text()]
            assert "查找范围：" in texts and "文件名：" in texts and "文件类型：" in texts
            assert ("保存" if save else "打开") in texts and "取消" in texts
            english = [t for t in texts if re.search(r"[A-Za-z]{3,}", t) and "*" not in t]
            assert not english, english
            dlg.close()
        box = QMessageBox(QMessageBox.Question, "问", "要保存吗？", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
        qtbot.addWidget(box)
        labels = sorted(b.text().replace("&", "") for b in box.buttons())
        assert not any(re.search(r"[A-Za-z]{2,}", t) for t in labels), labels
    finally:
        for tr in installed:
            app.removeTranslator(tr)


def test_no_rule_id_in_menus_and_one_spelling_of_undo(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    app = QApplication.instance()
    installed = install_translator(app)
    try:
        texts = []
        for menu in window.menuBar().findChildren(QMenu):
            texts += [a.text() for a in menu.actions()]
        menu = window.editor.createStandardContextMenu()
        texts += [a.text() for a in menu.actions()]
        for f in shown(window):
            texts += [a.text() for a in window.editor.finding_actions(f, menu)]
            assert not any(f.rule in t for t in texts)
        assert not any("撤消" in t for t in texts) and any("撤销" in t for t in texts)
        assert not any(re.search(r"[a-z]+[._-][a-z]+", t) for t in texts)  # nothing like a rule id
    finally:
        for tr in installed:
            app.removeTranslator(tr)


def test_first_launch_hint_is_shown_once(qtbot, make_window):
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    assert w.draft.hint_bar.isVisible() and "F8" in w.draft.hint_bar.text()
    qtbot.mouseClick(w.draft.hint_bar, Qt.LeftButton)
    assert not w.draft.hint_bar.isVisible()
    w2 = make_window()
    open_and_wait(qtbot, w2, SAMPLE)
    assert not w2.draft.hint_bar.isVisible()


def test_the_window_is_wiring():
    assert len((GUI / "window.py").read_text(encoding="utf-8").splitlines()) <= 300
    big = [str(p.relative_to(ROOT)) for p in GUI.rglob("*.py")
           if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert not big, f"modules over 400 lines: {big}"
    # the views never reach into the window
    for name in ("editor.py", "outline_panel.py", "fill.py", "findbar.py", "panes.py", "actions.py", "files.py"):
        tree = ast.parse((GUI / name).read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert "window" not in imported, name
        assert "window_" not in (GUI / name).read_text(encoding="utf-8"), name


def test_nothing_shadows_a_qt_method(window):
    from reviewer.gui.window import MainWindow

    events = {n for n in vars(MainWindow) if n.endswith("Event")}  # overridden on purpose
    own = (set(vars(MainWindow)) | set(vars(window))) - events - {"staticMetaObject"}
    own = {n for n in own if not n.startswith("__") and type(getattr(window, n)).__name__ != "SignalInstance"}
    assert own >= {"editor", "panel", "session", "open_path"}
    assert not sorted(n for n in own if hasattr(QMainWindow, n))


def test_an_ignore_can_be_taken_back(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    before = {(f.rule, f.start) for f in shown(window)}
    target = next(f for f in shown(window) if f.rule == "placeholder.xx")
    assert not window.acts.undo_ignore.isEnabled()
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.panel.ignore_requested.emit([target], "rule-all")
    assert "placeholder.xx" in window.settings.get("disabled_rules")
    assert not any(f.rule == "placeholder.xx" for f in shown(window))
    assert window.acts.undo_ignore.isEnabled()
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.acts.undo_ignore.trigger()
    assert window.settings.get("disabled_rules") == []
    assert {(f.rule, f.start) for f in shown(window)} == before
    assert not window.acts.undo_ignore.isEnabled()


def test_an_ignored_missing_part_stays_ignored_after_the_settings_dialog(qtbot, window, monkeypatch):
    from reviewer.gui.settings_dialog import SettingsDialog

    open_and_wait(qtbot, window, SAMPLE)
    part = next(f for f in shown(window) if f.category == "missing_section")
    for scope in ("rule-document", "rule-all"):
        with qtbot.waitSignal(window.review_finished, timeout=5000):
            window.panel.ignore_requested.emit([part], scope)
        assert not any(f.rule == part.rule for f in shown(window))
        monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.accept(), True)[1])  # 确定 pressed
        with qtbot.waitSignal(window.review_finished, timeout=5000):
            window.acts.settings.trigger()
        assert not any(f.rule == part.rule for f in shown(window)), scope
        with qtbot.waitSignal(window.review_finished, timeout=5000):
            window.acts.undo_ignore.trigger()
        assert any(f.rule == part.rule for f in shown(window))


def test_highlights_follow_the_screen(qtbot, window, tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    draft = tmp_path / "long.txt"
    draft.write_text(sample * 30, encoding="utf-8")
    open_and_wait(qtbot, window, draft)
    body = [f for f in window.session.body if f.end > f.start]

    def on_screen():
        lo, hi = window.editor.visible_range()
        return sorted((f.start, f.end) for f in body if f.start < hi and f.end > lo)

    def highlighted():
        pm = window.editor.pos_map
        return sorted((pm.from_qt(s.cursor.selectionStart()), pm.from_qt(s.cursor.selectionEnd()))
                      for s in window.editor.extraSelections())

    top = on_screen()
    assert top and highlighted() == top and len(top) < len(body)
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: highlighted() == on_screen() != top)
    assert min(s for s, _ in highlighted()) > len(window.editor.text()) // 2
