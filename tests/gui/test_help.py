"""帮助 > 使用说明: generated from the category catalogue, the rules and the actions."""
from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reviewer.core import categories
from reviewer.core.guide import guide_html, rule_info
from reviewer.gui.help import GuideDialog, shortcuts_from_actions, show_guide
from reviewer.errorlog import log_dir
from reviewer.gui.main import make_settings


def actions(parent):
    out = []
    for text, key in (("下一个问题", "F8"), ("上一个问题", "Shift+F8"), ("填空模式…", "Ctrl+E"),
                      ("导出(&E)…", "Ctrl+Shift+E"), ("重新检查", "F5")):
        a = QAction(text, parent)
        a.setShortcut(QKeySequence(key))
        out.append(a)
    out.append(QAction("关于", parent))  # no shortcut: not listed
    return out


def test_shortcuts_come_from_the_actions(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    pairs = shortcuts_from_actions(actions(w))
    assert [p[0] for p in pairs] == ["下一个问题", "上一个问题", "填空模式", "导出", "重新检查"]
    assert pairs[0][1] == QKeySequence("F8").toString(QKeySequence.NativeText)


def test_guide_names_every_category_shortcut_and_place(rules, tmp_path):
    shortcuts = [("下一个问题", "F8"), ("查找", "Ctrl+F"), ("放大", "Ctrl+=")]
    page = html.unescape(guide_html(shortcuts, settings_path=str(tmp_path / "s.ini"), log_dir="/x/logs", rules=rules))
    for cat in categories.catalogue().values():
        assert cat.label in page and cat.description in page, cat.id
    for what, key in shortcuts:
        assert what in page and key in page
    assert str(tmp_path / "s.ini") in page and "/x/logs" in page
    for heading in ("填空", "加入词表", "自己的规则", "设置和日志在哪里"):
        assert heading in page
    # real examples: a rule's bad example with its flagged span marked
    info = rule_info(rules)
    shown = [ri for ri in info.values() if ri.example and ri.name in page]
    assert len(shown) >= len(categories.catalogue()) // 2
    first = shown[0].example
    assert first.replace("[[", "").replace("]]", "") in page.replace('<span class="hit">', "").replace("</span>", "")


def test_dialog_shows_the_guide_with_the_windows_shortcuts(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = make_settings(str(tmp_path / "s.ini"))
    dlg = show_guide(parent, actions(parent), settings)
    qtbot.addWidget(dlg)
    text = dlg.browser.toPlainText()
    assert "使用说明" in text and "标点符号" in text
    for _what, key in shortcuts_from_actions(actions(parent)):
        assert key in text
    assert str(log_dir()) in text and str(tmp_path / "s.ini") in text
    assert dlg.isVisible()


def test_dialog_accepts_pairs(qtbot):
    dlg = GuideDialog(None, [("自定义操作", "Ctrl+K")])
    qtbot.addWidget(dlg)
    assert "自定义操作" in dlg.browser.toPlainText()


def test_the_windows_call_finds_its_actions(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.settings = make_settings(str(tmp_path / "s.ini"))
    acts = actions(parent)
    dlg = show_guide(parent)  # as the window calls it: actions, settings from the parent
    qtbot.addWidget(dlg)
    text = dlg.browser.toPlainText()
    for what, key in shortcuts_from_actions(acts):
        assert what in text and key in text
    assert str(tmp_path / "s.ini") in text
