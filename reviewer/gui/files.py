"""Choosing files and the questions around them: open, save as, export, overwrite, discard.

Every dialog is Qt's own (not the platform's), with its labels set in Chinese here, so
it reads the same whether or not Qt's translation catalogue was found.  Nothing here
knows the window: functions take a parent widget and return the user's answer.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox

OPEN_FILTER = "文稿 (*.docx *.txt *.doc *.wps *.docm);;所有文件 (*)"
SAVE_FILTER = "Word 文档 (*.docx);;文本文件 (*.txt)"
RECENT_MAX = 8
# (filter label, suffix or None = the draft's own kind, export options)
EXPORTS = (("问题清单 Excel (*.xlsx)", ".xlsx", {}), ("带批注的 Word 文稿 (*.docx)", ".docx", {}),
           ("带修订的 Word 文稿 (*.docx)", ".docx", {"track_changes": True}),
           ("网页报告 (*.html)", ".html", {}), ("问题清单 CSV (*.csv)", ".csv", {}),
           ("JSON (*.json)", ".json", {}), ("清理后的文稿 (*.docx *.txt)", None, {"clean": True}))


def _tr(text: str) -> str:
    return QCoreApplication.translate("files", text)


def file_dialog(parent, title: str, directory: str, filters: str, save: bool) -> QFileDialog:
    """A file dialog whose every label is Chinese."""
    dlg = QFileDialog(parent, title, directory, filters)
    dlg.setOption(QFileDialog.DontUseNativeDialog, True)
    dlg.setAcceptMode(QFileDialog.AcceptSave if save else QFileDialog.AcceptOpen)
    dlg.setFileMode(QFileDialog.AnyFile if save else QFileDialog.ExistingFile)
    dlg.setLabelText(QFileDialog.LookIn, _tr("查找范围："))
    dlg.setLabelText(QFileDialog.FileName, _tr("文件名："))
    dlg.setLabelText(QFileDialog.FileType, _tr("文件类型："))
    dlg.setLabelText(QFileDialog.Accept, _tr("保存") if save else _tr("打开"))
    dlg.setLabelText(QFileDialog.Reject, _tr("取消"))
    return dlg


def _run(dlg: QFileDialog) -> tuple[str, str]:
    if not dlg.exec():
        return "", ""
    files = dlg.selectedFiles()
    return (files[0] if files else ""), dlg.selectedNameFilter()


def choose_open(parent, start: str) -> str:
    return _run(file_dialog(parent, _tr("打开文稿"), start, OPEN_FILTER, save=False))[0]


def choose_save(parent, suggested: str) -> str:
    dlg = file_dialog(parent, _tr("另存为"), suggested, SAVE_FILTER, save=True)
    dlg.selectFile(Path(suggested).name)
    dlg.setOption(QFileDialog.DontConfirmOverwrite, False)
    return _run(dlg)[0]


def choose_export(parent, draft_path: str | None, is_docx: bool) -> tuple[str, dict]:
    """The export file and its options; ("", {}) when cancelled."""
    stem = Path(draft_path).with_suffix("") if draft_path else Path.home() / "文稿"
    filters = ";;".join(_tr(name) for name, _, _ in EXPORTS)
    dlg = file_dialog(parent, _tr("导出"), f"{stem}-审校.xlsx", filters, save=True)
    dlg.selectFile(f"{stem.name}-审校.xlsx")
    path, chosen = _run(dlg)
    if not path:
        return "", {}
    for name, suffix, kw in EXPORTS:
        if _tr(name) == chosen:
            suffix = suffix or (".docx" if is_docx else ".txt")
            if not path.lower().endswith(suffix):
                path = str(Path(path).with_suffix(suffix))
            return path, dict(kw)
    return path, {}


def suggested_save_path(path: str | None) -> str:
    if not path:
        return str(Path.home() / "审校后的文稿.txt")
    p = Path(path)
    ext = p.suffix.lower() if p.suffix.lower() in (".txt", ".docx") else ".docx"
    return str(p.with_name(f"{p.stem}-已审校{ext}"))


def confirm_overwrite_original(parent, path: str) -> bool:
    answer = QMessageBox.question(parent, _tr("覆盖原文件"),
                                  _tr("确定要用修改后的内容覆盖原文件“%s”吗？") % Path(path).name,
                                  QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")


def ask_unsaved(parent) -> str:
    """"save", "discard" or "cancel" for a draft with unsaved changes."""
    answer = QMessageBox.question(parent, _tr("未保存的修改"), _tr("当前文稿有未保存的修改，要先保存吗？"),
                                  QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
    return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")


def ask_ignore_scope(parent, f) -> str | None:
    """忽略此类…: "rule-document", "rule-all" (the 所有文稿 box ticked) or None."""
    from ..core import categories

    label = categories.label(f.category) + "：" + f.message.split("，")[0]
    box = QMessageBox(QMessageBox.Question, _tr("忽略此类问题"),
                      _tr("不再提示“%s”这一类问题？\n默认只对当前文稿生效，可以随时撤销。") % label,
                      QMessageBox.Ok | QMessageBox.Cancel, parent)
    check = QCheckBox(_tr("所有文稿都不再提示"))
    box.setCheckBox(check)
    box.button(QMessageBox.Ok).setText(_tr("忽略"))
    box.button(QMessageBox.Cancel).setText(_tr("取消"))
    if box.exec() != QMessageBox.Ok:
        return None
    return "rule-all" if check.isChecked() else "rule-document"


def read_only_reason(doc) -> str:
    """Why a draft opens read-only ("" when it does not)."""
    if doc.raw is None:
        return ""
    from ..core.export.docx_write import declares_entities

    try:
        entities = declares_entities(doc.raw)
    except Exception:  # a damaged part: saving will say so by name
        return ""
    if entities:
        return _tr("此文稿的 Word 正文声明了 DOCTYPE/XML 实体（正常的 Word 文件不会这样），"
                   "修改后无法安全地写回 Word 格式，因此以只读方式打开：可以查看问题、导出问题清单，"
                   "也可以原样另存。")
    return ""


def remember_recent(settings, path: str) -> list[str]:
    path = os.path.abspath(path)
    recent = [p for p in settings.get("recent_files") if p != path]
    recent.insert(0, path)
    settings.set("recent_files", recent[:RECENT_MAX])
    return recent[:RECENT_MAX]


def save_draft(parent, source, text: str, path: str, newline: str, original: str | None) -> bool:
    """Write the edited text over ``source`` to ``path``; asks before replacing the
    original and says in Chinese why a save failed."""
    from ..core.export.save import SaveError, save_text

    if original and Path(path).resolve() == Path(original).resolve() and not confirm_overwrite_original(parent, path):
        return False
    try:
        save_text(source, text, path, newline=newline)
    except SaveError as e:
        QMessageBox.warning(parent, _tr("保存失败"), str(e))
        return False
    return True


def export_review(parent, session, path: str, **kw) -> bool:
    """Export the session's document and shown findings (see core.export.export)."""
    from ..core.export import SaveError

    try:
        session.export(path, **kw)
    except (SaveError, ValueError) as e:
        QMessageBox.warning(parent, _tr("导出失败"), str(e))
        return False
    return True
