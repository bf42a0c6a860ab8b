"""The window's actions, menus and toolbar, and the genre selector.

Actions are created here with their Chinese text and shortcuts; the window connects
their ``triggered`` signals.  Nothing here knows what an action does.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


# name: (text, shortcut or None, tooltip)
SPECS = {
    "open": ("打开(&O)…", QKeySequence.Open, "打开 .docx / .txt 文稿"),
    "sample": ("打开示例文稿", None, ""),
    "save": ("保存(&S)…", QKeySequence.Save, "另存为新文件，原文件不变"),
    "save_as": ("另存为(&A)…", QKeySequence.SaveAs, ""),
    "export": ("导出(&E)…", "Ctrl+Shift+E", "导出问题清单、带批注或修订的 Word 文稿"),
    "quit": ("退出(&Q)", QKeySequence.Quit, ""),
    "undo": ("撤销(&U)", QKeySequence.Undo, ""),
    "redo": ("重做(&R)", QKeySequence.Redo, ""),
    "undo_ignore": ("撤销忽略", None, "恢复最近一次忽略的问题"),
    "find": ("查找(&F)…", QKeySequence.Find, ""),
    "replace": ("替换(&H)…", "Ctrl+H", ""),
    "zoom_in": ("放大", "Ctrl+=", ""),
    "zoom_out": ("缩小", "Ctrl+-", ""),
    "zoom_reset": ("原始大小", "Ctrl+0", ""),
    "fix_junk": ("删除全部网页残留", None, "一次删除，可按 Ctrl+Z 撤销"),
    "fix_punct": ("半角标点全部改为全角", None, "一次修改，可按 Ctrl+Z 撤销"),
    "recheck": ("重新检查", "F5", "按当前内容重新检查（F5）"),
    "next": ("下一处", "F8", "跳到下一处问题（F8）"),
    "prev": ("上一处", "Shift+F8", "跳到上一处问题（Shift+F8）"),
    "fill": ("填空…", "Ctrl+E", "逐个填写占位符和空缺的数字（Ctrl+E）"),
    "settings": ("设置…", "Ctrl+,", ""),
    "guide": ("使用说明", "F1", ""),
    "about": ("关于文稿审校助手", None, ""),
}

MENUS = (("文件(&F)", ("open", "recent", "sample", None, "save", "save_as", "export", None, "quit")),
         ("编辑(&E)", ("undo", "redo", "undo_ignore", None, "find", "replace", None, "fix_junk", "fix_punct")),
         ("视图(&V)", ("zoom_in", "zoom_out", "zoom_reset")),
         ("检查(&C)", ("recheck", "next", "prev", "fill", None, "settings")),
         ("帮助(&H)", ("guide", "about")))
TOOLBAR = ("prev", "next", None, "recheck", "fill", "export")


class Actions:
    """Every QAction of the window, by name (``actions.next``, ``actions["next"]``)."""

    def __init__(self, host: QWidget):
        self.host = host
        self.all: dict[str, QAction] = {}
        for name, (text, shortcut, tip) in SPECS.items():
            act = QAction(_tr(text), host)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.WindowShortcut)
            if tip:
                act.setToolTip(_tr(tip))
                act.setStatusTip(_tr(tip))
            host.addAction(act)
            self.all[name] = act
        self.all["zoom_in"].setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.all["undo_ignore"].setEnabled(False)   # until something is ignored
        self.recent_menu = QMenu(_tr("最近打开"), host)
        self.genre_box = None

    def __getattr__(self, name):
        try:
            return self.__dict__["all"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name) -> QAction:
        return self.all[name]

    def build_menus(self, menubar) -> dict[str, QMenu]:
        menus = {}
        for title, names in MENUS:
            menu = menubar.addMenu(_tr(title))
            menus[title] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "recent":
                    menu.addMenu(self.recent_menu)
                else:
                    menu.addAction(self.all[name])
        return menus

    def build_toolbar(self, toolbar: QToolBar, genre_box: QWidget) -> None:
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.all[name])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(_tr(" 文种：")))
        toolbar.addWidget(genre_box)
        self.genre_box = genre_box

    def set_document_state(self, open_: bool, read_only: bool = False) -> None:
        """Actions that need a draft are off without one; edits are off when it is read-only."""
        for name in ("save", "save_as", "export", "recheck", "next", "prev", "find", "replace"):
            self.all[name].setEnabled(open_)
        for name in ("fix_junk", "fix_punct", "fill"):
            self.all[name].setEnabled(open_ and not read_only)
        if self.genre_box is not None:
            self.genre_box.setEnabled(open_)

    def set_recent(self, paths, open_path) -> None:
        from pathlib import Path

        self.recent_menu.clear()
        for p in paths:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _=False, p=p: open_path(p))
        self.recent_menu.setEnabled(bool(paths))


class GenreBox(QComboBox):
    """自动（detected genre） or a genre the user picks; the tooltip says why."""

    genre_chosen = Signal(object)   # a genre id, or None for automatic

    def __init__(self, genres: dict[str, str], parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.addItem(_tr("自动"), None)
        for gid, name in genres.items():
            self.addItem(name, gid)
        self.activated.connect(lambda i: self.genre_chosen.emit(self.itemData(i)))

    def show_choice(self, chosen: str | None, detected: str | None, reason: str) -> None:
        """``chosen``: the user's genre (None = automatic); ``detected``: the report's genre."""
        self.blockSignals(True)
        if chosen is None:
            name = self.itemText(self.findData(detected)) if detected and self.findData(detected) > 0 else _tr("未识别")
            self.setItemText(0, _tr("自动（%s）") % name)
            self.setCurrentIndex(0)
        else:
            self.setItemText(0, _tr("自动"))
            self.setCurrentIndex(max(0, self.findData(chosen)))
        self.setToolTip(reason or _tr("按这个文种检查缺少的部分；选“自动”由标题判断。"))
        self.blockSignals(False)
