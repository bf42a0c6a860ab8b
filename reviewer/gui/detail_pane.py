"""The detail pane under the list: everything about the selected finding (or folded fix,
or category) and the buttons to act on it.  It only shows and signals; FindingsPanel decides.
Also how a finding's context is drawn in the list (ContextDelegate) and the question
asked before 忽略此类…."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton,
                               QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from ..core.export.clean import fixable
from ..core import categories
from ..core.findings import SEVERITY_ZH
from ..core.guide import ink_on
from .finding_model import FindingTreeModel

# enum members read once (a shortened name such as Qt.ElideLeft is a slow lookup in PySide,
# and paint runs for every row shown)
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ELIDE_LEFT, _ELIDE_MIDDLE, _ELIDE_RIGHT = (Qt.TextElideMode.ElideLeft, Qt.TextElideMode.ElideMiddle,
                                          Qt.TextElideMode.ElideRight)
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_ITEM_VIEW_ITEM, _SELECTED = QStyle.ControlElement.CE_ItemViewItem, QStyle.StateFlag.State_Selected
_HIGHLIGHTED_TEXT, _TEXT = QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Text

CONTEXT = 40  # characters either side in the context box
WORD_MAX = 12  # 加入词表 is offered for a flagged word, not for a sentence


class DetailPane(QWidget):
    """A one-line heading (category, level, place), then one scrolling page with the full
    message, why it matters, the text in context and the suggestion; the buttons below."""

    accept_clicked = Signal()
    ignore_clicked = Signal()
    ignore_kind_clicked = Signal()
    add_word_clicked = Signal()
    previous_clicked = Signal()
    next_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        self.title = QLabel()
        self.title.setTextFormat(Qt.RichText)
        self.title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        # One rich-text page, not a column of word-wrapped labels: it scrolls when the pane
        # is short instead of squeezing the lines over each other.
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.NoFrame)
        self.browser.viewport().setAutoFillBackground(False)
        lay.addWidget(self.title)
        lay.addWidget(self.browser, 1)
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.accept_button = QPushButton(self.tr("接受"))
        self.ignore_button = QPushButton(self.tr("忽略"))
        self.ignore_kind_button = QPushButton(self.tr("忽略此类…"))
        self.add_word_button = QPushButton(self.tr("加入词表"))
        self.prev_button = QPushButton(self.tr("上一处"))
        self.next_button = QPushButton(self.tr("下一处"))
        self.accept_button.setToolTip(self.tr("采用建议的改法（可撤销）"))
        self.ignore_button.setToolTip(self.tr("这一处不改，标为已处理"))
        self.ignore_kind_button.setToolTip(self.tr("这一类问题不再提示：本文稿，或勾选后对所有文稿"))
        self.add_word_button.setToolTip(self.tr("把这个词加入词表，以后不再提示"))
        self.prev_button.setToolTip(self.tr("上一个未处理的问题（Shift+F8）"))
        self.next_button.setToolTip(self.tr("下一个未处理的问题（F8）"))
        for col, b in enumerate((self.accept_button, self.ignore_button, self.ignore_kind_button)):
            buttons.addWidget(b, 0, col)
        for col, b in enumerate((self.add_word_button, self.prev_button, self.next_button)):
            buttons.addWidget(b, 1, col)
        lay.addLayout(buttons)
        self.accept_button.clicked.connect(self.accept_clicked)
        self.ignore_button.clicked.connect(self.ignore_clicked)
        self.ignore_kind_button.clicked.connect(self.ignore_kind_clicked)
        self.add_word_button.clicked.connect(self.add_word_clicked)
        self.prev_button.clicked.connect(self.previous_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.setMinimumHeight(180)
        self.show_nothing()

    def text(self) -> str:
        """Everything the pane says, as plain text (heading and page)."""
        return self.title.text() and (_plain(self.title.text()) + "\n" + self.browser.toPlainText())

    # ----- what to show -------------------------------------------------------------------
    def _buttons(self, accept: bool, ignore: bool, kind: bool, word: bool) -> None:
        self.accept_button.setEnabled(accept)
        self.ignore_button.setEnabled(ignore)
        self.ignore_kind_button.setEnabled(kind)
        self.add_word_button.setEnabled(word)

    def _head(self, cat: str, extra: str) -> str:
        c = categories.get(cat)
        return (f'<span style="background:{c.colour}; color:{ink_on(c.colour)}; font-weight:bold;">'
                f"&nbsp;{html.escape(c.label)}&nbsp;</span>&nbsp; {html.escape(extra)}")

    def _page(self, *parts: str) -> None:
        self.browser.setHtml("".join(f'<p style="margin:0 0 6px 0">{p}</p>' for p in parts if p))

    def show_nothing(self, text: str = "") -> None:
        self.title.setText("")
        self._page(html.escape(text or self.tr("选择上方列表中的一条问题，这里显示详细说明和改法。")))
        self._buttons(False, False, False, False)

    def show_category(self, cat: str, count: int, left: int) -> None:
        c = categories.get(cat)
        self.title.setText(self._head(cat, self.tr("共 %d 处，剩余 %d 处") % (count, left)))
        self._page(html.escape(c.description), _grey(self.tr("例：") + c.example) if c.example else "")
        self._buttons(False, False, False, False)

    def show_finding(self, f, text: str, location: str, why: str, handled: bool) -> None:
        """``text``: the finding's region text (for the context); ``why``: why it matters."""
        sev = SEVERITY_ZH.get(f.severity, f.severity)
        state = self.tr("（已处理）") if handled else ""
        self.title.setText(self._head(f.category, f"{sev} · {location}{state}"))
        deletes = f.category == "site_junk" and f.suggestion is None  # accepted by deleting it (clean.py)
        if f.suggestion is not None or deletes:
            shown = f"<b>{html.escape(f.suggestion)}</b>" if f.suggestion else self.tr("（删除）")
            sugg = html.escape(self.tr("建议改为：")) + shown
        else:
            sugg = html.escape(self.tr("没有自动改法，请在正文中修改。"))
        self._page(html.escape(f.message),
                   context_html(f, text, categories.colour(f.category)),
                   sugg,
                   _grey(html.escape(self.tr("为什么要改：") + why)) if why else "")
        word = 0 < len(f.text.strip()) <= WORD_MAX and "\n" not in f.text
        self._buttons(fixable(f) and not handled, not handled, True, word)

    def show_fold(self, title: str, items: list, left: int, why: str) -> None:
        f = items[0]
        self.title.setText(self._head(f.category, self.tr("%d 处，剩余 %d 处") % (len(items), left)))
        pairs = list(dict.fromkeys(f"{x.text} → {x.suggestion}" for x in items))
        self._page(f"<b>{html.escape(title)}</b>",
                   html.escape("；".join(pairs[:8]) + ("……" if len(pairs) > 8 else "")),
                   _grey(html.escape(self.tr("为什么要改：") + why)) if why else "")
        self._buttons(left > 0, left > 0, True, False)
        self.accept_button.setText(self.tr("全部接受（%d）") % left if left else self.tr("接受"))

    def reset_labels(self) -> None:
        self.accept_button.setText(self.tr("接受"))


def _grey(s: str) -> str:
    return f'<span style="color:#555">{s}</span>'


def _plain(rich: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rich))


def context_html(f, text: str, colour: str) -> str:
    """The finding in its sentence, the flagged characters marked in the category colour."""
    start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    if "\n" in before:
        before = before[before.rfind("\n") + 1:]
    if "\n" in after:
        after = after[:after.find("\n")]
    hit = text[start:end] or "▍"

    def esc(s):
        return html.escape(s).replace("\n", "⏎")

    return (f'<span style="color:#555">{"…" if start - len(before) > 0 else ""}{esc(before)}</span>'
            f'<span style="background:{tint(colour)}; font-weight:bold; text-decoration:underline;">'
            f"{esc(hit)}</span>"
            f'<span style="color:#555">{esc(after)}{"…" if end + len(after) < len(text) else ""}</span>')


def tint(colour: str, strength: float = 0.35) -> str:
    """``colour`` mixed with white: a background that black text stays readable on."""
    h = colour.lstrip("#")
    rgb = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    return "#%02x%02x%02x" % tuple(round(255 - (255 - c) * strength) for c in rgb)


class ContextDelegate(QStyledItemDelegate):
    """The 原文 column: a little context in grey, the flagged characters bold on a tint of the
    category colour, elided so that the flagged part stays in view."""

    def paint(self, painter, option, index):
        ctx = index.data(FindingTreeModel.ContextRole)
        if not ctx:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(_ITEM_VIEW_ITEM, opt, painter, opt.widget)
        before, hit, after = ctx
        rect = opt.rect.adjusted(4, 0, -4, 0)
        fm = opt.fontMetrics
        selected = bool(opt.state & _SELECTED)
        handled = index.data(_FOREGROUND) is not None
        ink = opt.palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        grey = ink if selected else QColor("#777777")
        if handled and not selected:
            ink = grey = QColor("#9aa0a6")
        painter.save()
        bold = opt.font
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        # the flagged part is drawn whole when it fits: eliding it to exactly its own advance
        # width cut 20xx to 2…x (the painter's bold font rounds wider than QFontMetrics says)
        full_w = bfm.horizontalAdvance(hit) + 2
        hit_w = min(full_w, rect.width())
        room = max(0, rect.width() - hit_w)
        before = fm.elidedText(before, _ELIDE_LEFT, min(fm.horizontalAdvance(before), max(room // 3, room - fm.horizontalAdvance(after))))
        x = rect.x()
        painter.setFont(opt.font)
        painter.setPen(grey)
        w = fm.horizontalAdvance(before)
        painter.drawText(QRect(x, rect.y(), w, rect.height()), _LEFT, before)
        x += w
        if hit:
            cat = index.data(FindingTreeModel.CategoryRole)
            box = QRect(x, rect.y() + 2, hit_w, rect.height() - 4)
            if not selected and not handled:
                painter.fillRect(box, QColor(tint(categories.colour(cat), 0.45)))
            painter.setFont(bold)
            painter.setPen(ink)
            painter.drawText(QRect(x, rect.y(), hit_w, rect.height()), _LEFT,
                             hit if full_w <= hit_w else bfm.elidedText(hit, _ELIDE_MIDDLE, hit_w))
            x += hit_w
        else:  # an insertion point (a missing part): a thin caret
            painter.fillRect(QRect(x, rect.y() + 3, 2, rect.height() - 6), QColor(categories.colour(
                index.data(FindingTreeModel.CategoryRole))))
            x += 3
        painter.setFont(opt.font)
        painter.setPen(grey)
        rest = rect.right() - x
        if rest > 0:
            painter.drawText(QRect(x, rect.y(), rest, rect.height()), _LEFT,
                             fm.elidedText(after, _ELIDE_RIGHT, rest))
        painter.restore()


def ask_ignore_scope(parent, name: str, count: int) -> str | None:
    """Ask before 忽略此类…: "rule-document", "rule-all" (所有文稿 ticked) or None (cancelled)."""
    dlg = QDialog(parent)
    dlg.setWindowTitle(dlg.tr("忽略此类问题"))
    lay = QVBoxLayout(dlg)
    text = QLabel(dlg.tr("不再提示“%s”这一类问题（本文稿中还有 %d 处）。\n可以用“撤销”恢复。") % (name, count))
    text.setWordWrap(True)
    lay.addWidget(text)
    everywhere = QCheckBox(dlg.tr("所有文稿（以后打开的文稿也不再提示）"))
    lay.addWidget(everywhere)
    box = QDialogButtonBox()
    box.addButton(dlg.tr("忽略"), QDialogButtonBox.AcceptRole)
    box.addButton(dlg.tr("取消"), QDialogButtonBox.RejectRole)
    box.accepted.connect(dlg.accept)
    box.rejected.connect(dlg.reject)
    lay.addWidget(box)
    if dlg.exec() != QDialog.Accepted:
        return None
    return "rule-all" if everywhere.isChecked() else "rule-document"
