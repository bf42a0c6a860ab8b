"""What the review pane's buttons do in the window: 加入词表 silences a word (window, re-check
and `reviewer check`), 接受 deletes site junk, a folded fix is one undo step."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.gui.conftest import open_and_wait, shown

DRAFT = "在全县经济工作会议上的讲话\n同志们：\n今年我们要再接再励，推动各项工作落实。再接再励是我们的作风。\n谢谢大家！\n"


def _typos(findings, word):
    return [f for f in findings if f.text == word]


def test_added_word_is_silenced_in_the_window_and_in_the_cli(qtbot, window, tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_text(DRAFT, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    assert len(_typos(shown(window), "再接再励")) == 2, "the sample word must be flagged first"

    window.panel.add_word_requested.emit("再接再励")
    assert _typos(shown(window), "再接再励") == []
    with qtbot.waitSignal(window.review_finished, timeout=15000):
        window.recheck_now()
    assert _typos(shown(window), "再接再励") == []
    assert shown(window), "other findings must stay"

    env = dict(os.environ, REVIEWER_CONFIG_DIR=os.environ["REVIEWER_CONFIG_DIR"])
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(path)],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    data = json.loads(out.stdout)
    issues = (data[0] if isinstance(data, list) else data)["issues"]
    assert not [i for i in issues if i["text"] == "再接再励"]
    assert issues


def test_site_junk_is_accepted_by_deleting_it(qtbot, window, tmp_path):
    """A junk line has no replacement text, yet 接受 deletes it (as the cleaned export does)."""
    path = tmp_path / "讲话.txt"
    path.write_text("在全县经济工作会议上的讲话\n同志们：\n本站声明：本文由网友上传，仅供参考。\n"
                    "今年我们要推动各项工作落实。\n谢谢大家！\n", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    junk = [f for f in shown(window) if f.category == "site_junk"]
    assert junk and junk[0].suggestion is None
    window.panel.select(junk[0])
    detail = window.panel.detail
    detail.show_finding(junk[0], window.session.document.text, "3:1", "", False)
    assert detail.accept_button.isEnabled()
    with qtbot.waitSignal(window.review_finished, timeout=15000):
        detail.accept_button.click()
    assert "本站声明" not in window.editor.text()
    assert "今年我们要推动各项工作落实。" in window.editor.text()


def _folds(panel) -> list:
    """The fold entries of the grouped list (“… N 处 — 全部……”)."""
    from reviewer.gui.finding_model import FindingTreeModel as M

    m = panel.model
    groups = [m.index(g, 0) for g in range(m.rowCount())]
    return [m.index(r, 0, g) for g in groups for r in range(m.rowCount(g)) if m.index(r, 0, g).data(M.ItemsRole)]


def test_a_folded_fix_in_the_window_is_one_undo_step(qtbot, window, tmp_path):
    """“中文中的半角标点 N 处 — 全部改为全角”: every item fixed, one Ctrl+Z undoes them all."""
    from reviewer.gui.finding_model import FindingTreeModel as M

    text = "在全县经济工作会议上的讲话\n同志们:\n今年,我们要推动工作,抓好落实,确保完成任务.\n谢谢大家!\n"
    path = tmp_path / "讲话.txt"
    path.write_text(text, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    panel = window.panel
    folds = _folds(panel)
    fold = next(ix for ix in folds if "全部改为全角" in ix.data())
    n = len(fold.data(M.ItemsRole))
    assert n >= 3
    panel.tree.setCurrentIndex(fold)
    with qtbot.waitSignal(window.review_finished, timeout=15000):
        panel.detail.accept_button.click()
    fixed = window.editor.text()
    assert "," not in fixed and "，" in fixed
    window.editor.document().undo()
    assert window.editor.text() == text


def test_after_a_fix_the_next_finding_is_selected_at_its_new_place(qtbot, window, tmp_path):
    """接受 on one junk line of several: once re-checked, the pane is on the next junk line and
    the text selection is that line at its place in the changed text (its offsets before the
    re-check were those of the text before the fix: the selection landed lines further down)."""
    lines = [f"第{k}页 / 共6页" for k in range(1, 6)]
    path = tmp_path / "讲话.txt"
    path.write_text("在全县经济工作会议上的讲话\n\n" + "\n\n".join(lines)
                    + "\n\n同志们：\n今年我们要推动各项工作落实。\n谢谢大家！\n", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    panel = window.panel
    first = next(f for f in shown(window) if f.text == lines[0])
    panel.select(first)
    for k in range(1, 4):
        with qtbot.waitSignal(window.review_finished, timeout=15000):
            panel.detail.accept_button.click()
        qtbot.waitUntil(lambda: panel.current_finding() is not None
                        and panel.current_finding().text == lines[k], timeout=5000)
        cur = window.editor.textCursor()
        assert window.editor.toPlainText()[cur.selectionStart():cur.selectionEnd()] == lines[k]
    assert lines[0] not in window.editor.text() and lines[3] in window.editor.text()


def test_a_sites_pinyin_glosses_fold_into_one_deletion(qtbot, window, tmp_path):
    """A converter's 拼音注音 after dozens of characters (發(fā)展): one entry “… N 处 — 全部删除”,
    accepted as one undo step that deletes the glosses and nothing else."""
    from reviewer.gui.finding_model import FindingTreeModel as M

    text = ("在全鎮經(jīng)濟工作會議上的講話\n同志們:\n今年全鎮經(jīng)濟發(fā)展穩(wěn)中有進,"
            "各項(xiàng)工作取得新進展(zhǎn)。\n謝謝大家!\n")
    path = tmp_path / "講話.txt"
    path.write_text(text, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    panel = window.panel
    folds = _folds(panel)
    fold = next(ix for ix in folds if "全部删除" in ix.data())
    assert len(fold.data(M.ItemsRole)) == 6
    panel.tree.setCurrentIndex(fold)
    with qtbot.waitSignal(window.review_finished, timeout=15000):
        panel.detail.accept_button.click()
    fixed = window.editor.text()
    assert "(" not in fixed and "在全鎮經濟工作會議上的講話" in fixed and "經濟發展穩中有進,各項工作取得新進展。" in fixed
    window.editor.document().undo()
    assert window.editor.text() == text
