"""The welcome page, and the draft pane: the editor with its bars (read-only notice, the
first-launch hint, find/replace, fill-in) stacked around it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from .editor import Editor
from .fill import FillBar
from .findbar import FindBar

BAR_STYLE = "background: %s; color: %s; padding: 6px;"


def _bar(background: str, colour: str) -> QLabel:
    bar = QLabel()
    bar.setWordWrap(True)
    bar.setStyleSheet(BAR_STYLE % (background, colour))
    bar.hide()
    return bar


class WelcomePage(QWidget):
    open_clicked = Signal()
    sample_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("文稿审校助手"), alignment=Qt.AlignCenter)
        title.setStyleSheet("font-size: 28px; font-weight: bold;")
        hint = QLabel(self.tr("打开讲话稿、汇报材料，查找未填的占位符、空缺的数字、网页残留等问题。\n"
                              "也可以把 .docx / .txt 文件拖到这里。"), alignment=Qt.AlignCenter)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开文稿…"))
        self.sample_button = QPushButton(self.tr("打开示例文稿"))
        self.open_button.clicked.connect(self.open_clicked)
        self.sample_button.clicked.connect(self.sample_clicked)
        row.addStretch()
        row.addWidget(self.open_button)
        row.addWidget(self.sample_button)
        row.addStretch()
        lay.addStretch()
        lay.addWidget(title)
        lay.addWidget(hint)
        lay.addLayout(row)
        lay.addStretch()


class DraftPane(QWidget):
    hint_dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editor = Editor()
        self.readonly_bar = _bar("#fff3cd", "#664d03")
        self.hint_bar = _bar("#e7f1ff", "#084298")
        self.hint_bar.setText(self.tr("从这里开始：右侧按类别列出问题，点一条即跳到原文，详情里可以接受或忽略；"
                                      "F8 / Shift+F8 逐处查看，Ctrl+E 逐个填写占位符，F1 打开使用说明。"
                                      "（点击此提示关闭）"))
        self.hint_bar.setCursor(Qt.PointingHandCursor)
        self.hint_bar.mousePressEvent = lambda _e: self.dismiss_hint()
        self.find_bar = FindBar(self.editor)
        self.fill_bar = FillBar()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.readonly_bar, self.hint_bar, self.editor, self.find_bar, self.fill_bar):
            lay.addWidget(w)
        self.find_bar.hide()
        self.fill_bar.hide()

    def set_read_only(self, reason: str) -> None:
        self.editor.setReadOnly(bool(reason))
        self.readonly_bar.setText(self.tr("只读：") + reason if reason else "")
        self.readonly_bar.setVisible(bool(reason))
        if reason:
            self.fill_bar.stop() if self.fill_bar.isVisible() else None

    def dismiss_hint(self) -> None:
        self.hint_bar.hide()
        self.hint_dismissed.emit()


class StatusLine:
    """The status bar's permanent fields: 剩余 N 处, the draft's length, when it was checked."""

    def __init__(self, bar):
        self.bar = bar
        self.remaining, self.chars, self.checked = QLabel(), QLabel(), QLabel()
        for w in (self.remaining, self.chars, self.checked):
            bar.addPermanentWidget(w)

    def set_remaining(self, n: int) -> None:
        self.remaining.setText(self.remaining.tr("剩余 %d 处") % n)

    def show_report(self, report, text: str) -> None:
        import time

        self.chars.setText(self.chars.tr("%d 字") % len(text))
        self.checked.setText(self.checked.tr("检查于 %s（%d 毫秒）") % (time.strftime("%H:%M:%S"), report.seconds * 1000))
        self.bar.setToolTip("\n".join(report.warnings))
        if report.warnings:  # e.g. a user rule stopped over its time budget
            more = self.bar.tr("（另有 %d 条，见提示）") % (len(report.warnings) - 1) if len(report.warnings) > 1 else ""
            self.bar.showMessage(report.warnings[0] + more, 20000)


def about(parent) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .. import __version__

    QMessageBox.about(parent, parent.tr("关于文稿审校助手"),
                      parent.tr("<b>文稿审校助手</b> %s<br>检查讲话稿、汇报材料中范文留下的问题。"
                                "<br>全部在本机完成，文稿不会上传。") % __version__)


def restore_state(settings, window, splitter) -> None:
    from PySide6.QtCore import QByteArray

    geo, split = settings.get("geometry"), settings.get("splitter")
    if geo:
        window.restoreGeometry(QByteArray.fromBase64(geo.encode()))
    else:
        window.resize(1400, 860)
    if split:
        splitter.restoreState(QByteArray.fromBase64(split.encode()))


def save_state(settings, window, splitter) -> None:
    settings.set("geometry", bytes(window.saveGeometry().toBase64()).decode())
    settings.set("splitter", bytes(splitter.saveState().toBase64()).decode())


def findings_column(panel) -> QWidget:
    """The findings panel with its category legend above it."""
    column = QWidget()
    lay = QVBoxLayout(column)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(panel.legend_widget())
    lay.addWidget(panel, 1)
    return column


class DropStack(QStackedWidget):
    """The window's central stack (welcome page, review view); a file dropped on it opens."""

    file_dropped = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, e):
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e):
        urls = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.file_dropped.emit(urls[0])
