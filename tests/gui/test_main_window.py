import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from reviewer.gui.positions import PositionMap
from tests.conftest import ROOT, SAMPLE, shared
from tests.gui.conftest import body, open_and_wait, shown


def selected_text(w):
    # QTextCursor.selectedText() uses U+2029 for line breaks
    return w.editor.textCursor().selectedText().replace("\u2029", "\n")


def highlighted_spans(w):
    pm = w.editor.pos_map
    return {(pm.from_qt(s.cursor.selectionStart()), pm.from_qt(s.cursor.selectionEnd()))
            for s in w.editor.extraSelections()}


def test_sample_opens_with_findings(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    assert window.stack.currentIndex() == 1
    assert window.panel.remaining() == len(shown(window)) > 20
    assert window.status.remaining.text() == f"剩余 {len(shown(window))} 处"
    lo, hi = window.editor.visible_range()
    on_screen = {(f.start, f.end) for f in body(window) if f.end > f.start and f.start < hi and f.end > lo}
    assert on_screen and highlighted_spans(window) == on_screen
    assert "汇报发言" in window.genre_box.currentText()
    assert window.outline.topLevelItemCount() > 3
    assert window.statusBar().currentMessage() == ""  # 正在打开… / 正在检查… are gone


def test_counts_match_cli_on_seeds(qtbot, window):
    seeds = sorted(shared("seeds").glob("*.txt"))
    for seed in seeds:
        open_and_wait(qtbot, window, seed)
        out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(seed)],
                             cwd=ROOT, capture_output=True, text=True)
        issues = json.loads(out.stdout)["issues"]
        got = sorted((f.rule, f.start, f.end) for f in shown(window))
        assert got == sorted((i["rule"], i["start"], i["end"]) for i in issues), seed.name


def test_next_and_previous_select_exactly_the_findings_text(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    activated = []
    window.panel.activated.connect(activated.append)
    n = window.panel.remaining()
    for _ in range(n):
        qtbot.keyClick(window.editor, Qt.Key_F8)
        f = activated[-1]
        if f.region == "body" and f.end > f.start:
            assert selected_text(window) == f.text
    assert len({id(f) for f in activated}) == n  # every finding once
    qtbot.keyClick(window.editor, Qt.Key_F8, Qt.ShiftModifier)
    assert activated[-1] is activated[-3]  # back to the one before the last


def test_cursor_in_flagged_text_selects_it_in_the_panel(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    pos = window.editor.text().index("XX镇") + 1
    cur = window.editor.textCursor()
    cur.setPosition(window.editor.pos_map.to_qt(pos))
    window.editor.setTextCursor(cur)
    assert window.panel.current_finding().text == "XX镇"


def test_deleting_a_placeholder_removes_its_highlight(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    start = window.editor.text().index("XX镇")
    assert (start, start + 3) in highlighted_spans(window)
    cur = window.editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + 3, QTextCursor.KeepAnchor)
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        cur.insertText("青山镇")
    assert not any(f.text == "XX镇" for f in shown(window))
    assert not any(s <= start < e for s, e in highlighted_spans(window))


def test_ignore_survives_restart(qtbot, make_window):
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    target = next(f for f in shown(w) if f.text == "某某")
    n = len(shown(w))
    w.panel.ignore_requested.emit([target], "finding")
    assert len(shown(w)) == n - 1 == w.panel.remaining()
    w.close()
    w2 = make_window()
    open_and_wait(qtbot, w2, SAMPLE)
    assert len(shown(w2)) == n - 1
    assert not any(f.text == "某某" for f in shown(w2))


def test_ignoring_a_kind_for_this_draft_only(qtbot, make_window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    target = next(f for f in shown(w) if f.rule == "placeholder.xx")
    with qtbot.waitSignal(w.review_finished, timeout=5000):
        w.panel.ignore_requested.emit([target], "rule-document")
    assert not any(f.rule == "placeholder.xx" for f in shown(w))
    open_and_wait(qtbot, w, other)
    assert any(f.rule == "placeholder.xx" for f in shown(w))  # another draft still shows them
    open_and_wait(qtbot, w, SAMPLE)
    assert not any(f.rule == "placeholder.xx" for f in shown(w))


def test_corrupt_file_shows_error_and_window_still_works(qtbot, window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: said.append(text)))
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip at all")
    with qtbot.waitSignal(window.load_failed, timeout=5000):
        window.open_path(str(bad))
    assert said and "坏文件.docx" in said[0] and "损坏" in said[0]
    assert window.statusBar().currentMessage() == ""
    open_and_wait(qtbot, window, SAMPLE)
    assert shown(window)


def test_undo_restores_one_click_fix(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    original = window.editor.toPlainText()
    assert sum(f.category == "site_junk" for f in shown(window)) >= 4
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        n = window.fix_category("site_junk")
    assert n >= 3  # adjacent junk lines go in one deletion
    fixed = window.editor.toPlainText()
    assert "##paidbegin##" not in fixed and "推荐阅读" not in fixed and "首页 >" not in fixed
    assert not any(f.category == "site_junk" for f in shown(window))
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.editor.undo()
    assert window.editor.toPlainText() == original


def test_accepting_from_the_panel_is_one_undo_step(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    original = window.editor.text()
    marks = [f for f in shown(window) if f.category == "punctuation" and f.suggestion]
    assert len(marks) >= 2
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.panel.accept_requested.emit(marks)
    assert "尊敬的各位领导，同志们：" in window.editor.text()
    assert not any(f.category == "punctuation" and f.suggestion for f in shown(window))
    window.editor.undo()
    assert window.editor.text() == original


def test_fill_in_mode_replaces_identical_placeholders(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    open_and_wait(qtbot, window, SAMPLE)
    window.settings.set("region", "青山镇")
    window.start_fill()
    bar = window.fill_bar
    assert bar.isVisible()
    values = {"20xx年": "24", "XX镇": None, "XX大": "二十", "××同志": "王明", "某某": "李华"}
    steps = 0
    while bar.target is not None and steps < 40:
        f = bar.target
        if f.category == "placeholder":
            if values.get(f.text) is None:
                assert bar.edit.text() == "青山"  # pre-filled from the settings; the 镇 stays
            else:
                bar.edit.setText(values[f.text])
        else:
            bar.edit.setText("3")
        qtbot.keyClick(bar.edit, Qt.Key_Return)
        steps += 1
    assert not any(f.category == "placeholder" for f in shown(window))
    text = window.editor.toPlainText()
    assert text.count("2024年全县乡村振兴") == 2  # one value, applied to both identical placeholders
    assert "青山镇乡村振兴" in text and "党的二十大" in text and "王明同志" in text


def test_save_as_txt_and_over_original_asks(qtbot, window, tmp_path):
    src = tmp_path / "draft.txt"
    src.write_bytes(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    open_and_wait(qtbot, window, src)
    cur = window.editor.textCursor()
    cur.movePosition(QTextCursor.End)
    cur.insertText("补充一句。")
    out = tmp_path / "out.txt"
    assert window.save_to(str(out))
    data = out.read_bytes()
    assert data.decode("gb18030").endswith("补充一句。") and b"\r\n" in data
    before = src.read_bytes()
    assert window.save_to(str(src)) is False  # the question is answered No
    assert src.read_bytes() == before


def test_positions_convert_astral_characters():
    text = "a😀XX县😀b"
    pm = PositionMap(text)
    assert [pm.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6, 8, 9]
    assert [pm.from_qt(pm.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_export_from_window_uses_the_edited_text(qtbot, window, tmp_path):
    import docx as _docx

    from reviewer.core.export.annotate import AUTHOR

    src = tmp_path / "draft.docx"
    d = _docx.Document()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(src)
    open_and_wait(qtbot, window, src)
    start = window.editor.text().index("某某")
    cur = window.editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + 2, QTextCursor.KeepAnchor)
    cur.insertText("李华")
    out = tmp_path / "annotated.docx"
    assert window.export_to(str(out))
    exported = _docx.Document(out)
    assert "李华" in "\n".join(p.text for p in exported.paragraphs)
    ours = [c for c in exported.comments if c.author == AUTHOR]
    assert ours and not any("某某" in c.text for c in ours)
    assert window.export_to(str(tmp_path / "list.xlsx"))


def test_broken_user_rules_are_reported_and_shipped_rules_still_work(qtbot, make_window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: said.append(text)))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "bad.yaml").write_text("id: bad\nkind: pattern\n", encoding="utf-8")

    w0 = make_window()
    w0.settings.set("user_rules_dir", str(tmp_path))
    w = make_window()
    qtbot.waitUntil(lambda: bool(said), timeout=3000)
    assert "bad.yaml" in said[0]
    open_and_wait(qtbot, w, SAMPLE)
    assert shown(w)


def test_fill_in_every_placeholder_of_a_seed(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    seed = shared("seeds") / "004_cf9338460a426b92.txt"
    open_and_wait(qtbot, window, seed)
    assert any(f.category == "placeholder" for f in shown(window))
    window.start_fill()
    bar = window.fill_bar
    steps = 0
    while bar.target is not None and steps < 60:
        bar.edit.setText("23" if bar.target.category == "placeholder" else "3")
        qtbot.keyClick(bar.edit, Qt.Key_Return)
        steps += 1
    assert not any(f.category == "placeholder" for f in shown(window))
    assert "在2023年,我们出台了" in window.editor.toPlainText()  # the seed's own half-width comma
