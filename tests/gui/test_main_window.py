import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from reviewer.gui.models import IssueModel
from reviewer.gui.positions import PositionMap
from tests.conftest import ROOT, SAMPLE, shared
from tests.gui.conftest import open_and_wait


def selected_finding(w):
    return w.current_finding()


def selected_text(w):
    return w.editor.textCursor().selectedText()


def test_sample_opens_with_findings(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    assert window.stack.currentIndex() == 1
    assert window.model.rowCount() == len(window.visible) > 20
    assert len(window.editor.extraSelections()) == sum(1 for f in window.body if f.end > f.start)
    assert "汇报发言" in window.genre_label.text()
    assert window.outline.topLevelItemCount() > 3


def test_counts_match_cli_on_seeds(qtbot, window):
    seeds = sorted(shared("seeds").glob("*.txt"))
    for seed in seeds:
        open_and_wait(qtbot, window, seed)
        out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(seed)],
                             cwd=ROOT, capture_output=True, text=True)
        issues = json.loads(out.stdout)["issues"]
        assert len(window.visible) == len(issues), seed.name
        got = sorted((f.rule, f.start, f.end) for f in window.visible)
        assert got == sorted((i["rule"], i["start"], i["end"]) for i in issues), seed.name


def test_clicking_a_finding_selects_exactly_its_text(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    for row in range(window.proxy.rowCount()):
        f = window.proxy.data(window.proxy.index(row, 0), IssueModel.FindingRole)
        if f.end <= f.start:
            continue
        window.table.selectRow(row)
        # QTextCursor.selectedText() uses U+2029 for line breaks
        assert selected_text(window).replace("\u2029", "\n") == f.text
    window.table.selectRow(2)
    assert selected_finding(window) is not None


def test_f8_walks_findings_in_order(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    cur = window.editor.textCursor()
    cur.setPosition(0)
    window.editor.setTextCursor(cur)
    seen = []
    expected = [f for f in window.body]
    for _ in expected:
        qtbot.keyClick(window.editor, Qt.Key_F8)
        seen.append(selected_finding(window))
    assert [(f.start, f.rule) for f in seen] == [(f.start, f.rule) for f in expected]
    qtbot.keyClick(window.editor, Qt.Key_F8, Qt.ShiftModifier)
    assert selected_finding(window) == expected[-2]


def test_cursor_in_flagged_text_selects_its_row(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    text = window.editor.toPlainText()
    pos = text.index("XX镇") + 1
    cur = window.editor.textCursor()
    cur.setPosition(window.pos.to_qt(pos))
    window.editor.setTextCursor(cur)
    assert selected_finding(window).text == "XX镇"


def test_deleting_a_placeholder_removes_its_highlight(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    before = len(window.editor.extraSelections())
    text = window.editor.toPlainText()
    start = text.index("XX镇")
    cur = window.editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + 3, QTextCursor.KeepAnchor)
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        cur.insertText("青山镇")
    assert not any(f.text == "XX镇" for f in window.visible)
    assert len(window.editor.extraSelections()) == before - 1


def test_ignore_survives_restart(qtbot, make_window):
    w = make_window()
    open_and_wait(qtbot, w, SAMPLE)
    target = next(f for f in w.visible if f.text == "某某")
    n = len(w.visible)
    w.ignore(target)
    assert len(w.visible) == n - 1
    w.close()
    w2 = make_window()
    open_and_wait(qtbot, w2, SAMPLE)
    assert len(w2.visible) == n - 1
    assert not any(f.text == "某某" for f in w2.visible)


def test_corrupt_file_shows_error_and_window_still_works(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip at all")
    with qtbot.waitSignal(window.load_failed, timeout=5000):
        window.open_path(str(bad))
    assert shown and "坏文件.docx" in shown[0] and "损坏" in shown[0]
    open_and_wait(qtbot, window, SAMPLE)
    assert window.visible


def test_undo_restores_one_click_fix(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    original = window.editor.toPlainText()
    assert sum(f.category == "site_junk" for f in window.visible) >= 4
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        n = window.fix_category("site_junk")
    assert n >= 3  # adjacent junk lines go in one deletion
    fixed = window.editor.toPlainText()
    assert "##paidbegin##" not in fixed and "推荐阅读" not in fixed and "首页 >" not in fixed
    assert not any(f.category == "site_junk" for f in window.visible)
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.editor.undo()
    assert window.editor.toPlainText() == original


def test_punctuation_fix(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE)
    with qtbot.waitSignal(window.review_finished, timeout=5000):
        window.fix_category("punctuation")
    assert "尊敬的各位领导，同志们：" in window.editor.toPlainText()


def test_fill_in_mode_replaces_identical_placeholders(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    open_and_wait(qtbot, window, SAMPLE)
    window.settings.set("region", "青山镇")
    window.start_fill()
    bar = window.fill_bar
    assert bar.isVisible()
    values = {"20xx年": "2024年", "XX镇": None, "XX大": "二十大", "××同志": "王明同志", "某某": "李华"}
    steps = 0
    while bar.target is not None and steps < 40:
        f = bar.target
        if f.category == "placeholder":
            if values.get(f.text) is None:
                assert bar.edit.text() == "青山镇"  # pre-filled from the settings
            else:
                bar.edit.setText(values[f.text])
        else:
            bar.edit.setText("3")
        qtbot.keyClick(bar.edit, Qt.Key_Return)
        steps += 1
    assert not any(f.category == "placeholder" for f in window.visible)
    text = window.editor.toPlainText()
    assert text.count("2024年全县乡村振兴") == 2  # one value, applied to both identical placeholders
    assert "青山镇乡村振兴" in text


def test_save_as_txt_and_over_original_asks(qtbot, window, tmp_path, monkeypatch):
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


def test_issue_model_passes_modeltester(qtbot, qtmodeltester, window):
    open_and_wait(qtbot, window, SAMPLE)
    qtmodeltester.check(window.model)


def test_export_from_window_uses_the_edited_text(qtbot, window, tmp_path):
    import docx as _docx

    from reviewer.core.export.annotate import AUTHOR

    src = tmp_path / "draft.docx"
    d = _docx.Document()
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(src)
    open_and_wait(qtbot, window, src)
    text = window.editor.toPlainText()
    start = text.index("某某")
    cur = window.editor.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + 2, QTextCursor.KeepAnchor)
    cur.insertText("李华")
    out = tmp_path / "annotated.docx"
    assert window.export_to(str(out))
    exported = _docx.Document(out)
    assert "李华" in "\n".join(p.text for p in exported.paragraphs)
    ours = [c for c in exported.comments if c.author == AUTHOR]
    assert len(ours) == sum(1 for f in window.report.findings if f.region == "body")
    assert not any("某某" in c.text for c in ours)
    assert window.export_to(str(tmp_path / "list.xlsx"))


def test_broken_user_rules_are_reported_and_shipped_rules_still_work(qtbot, make_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "bad.yaml").write_text("id: bad\nkind: pattern\n", encoding="utf-8")

    w0 = make_window()
    w0.settings.set("user_rules_dir", str(tmp_path))
    w = make_window()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "bad.yaml" in shown[0]
    open_and_wait(qtbot, w, SAMPLE)
    assert w.visible


def test_fill_in_every_placeholder_of_a_seed(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    seed = shared("seeds") / "004_cf9338460a426b92.txt"
    open_and_wait(qtbot, window, seed)
    assert any(f.category == "placeholder" for f in window.visible)
    window.start_fill()
    bar = window.fill_bar
    steps = 0
    while bar.target is not None and steps < 60:
        bar.edit.setText("2023年" if bar.target.category == "placeholder" else "3")
        qtbot.keyClick(bar.edit, Qt.Key_Return)
        steps += 1
    assert not any(f.category == "placeholder" for f in window.visible)
    assert "在2023年,我们出台了" in window.editor.toPlainText()  # the seed's own half-width comma
