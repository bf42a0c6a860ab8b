"""Writing drafts and reports.  Nothing here imports Qt.

export(doc, report, out_path, ...) picks the format from the file name:
.xlsx .csv .html .json (the list of findings), .docx (annotated copy, or a cleaned copy).
Every failure is a SaveError: one Chinese line naming the file.
"""
from __future__ import annotations

import copy
import logging
from pathlib import Path

from .atomic import SaveError, clean_litter, write_atomic

FORMATS = (".xlsx", ".csv", ".html", ".htm", ".json", ".docx", ".txt")
__all__ = ["FORMATS", "SaveError", "clean_litter", "export", "render", "write_atomic"]
_log = logging.getLogger(__name__)


def _render(doc, report, suffix: str, out, *, clean: bool, track_changes: bool, accepted) -> bytes:
    suffix = suffix.lower()
    if clean:
        from .clean import cleaned

        want = ".docx" if doc.raw is not None else ".txt"
        if suffix != want:
            raise SaveError(out, f"清理后的文稿与原稿同一格式，请用 {want} 作为文件扩展名")
        return cleaned(_for_python_docx(doc), report, accepted)
    from . import report as rep

    if suffix == ".xlsx":
        return rep.to_xlsx(doc, report)
    if suffix == ".csv":
        return rep.to_csv(doc, report)
    if suffix in (".html", ".htm"):
        return rep.to_html(doc, report).encode("utf-8")
    if suffix == ".json":
        return rep.to_json(doc, report).encode("utf-8")
    if suffix == ".docx":
        from .annotate import annotate

        return annotate(_for_python_docx(doc), report, track_changes=track_changes)
    raise SaveError(out, f"不支持的导出格式“{suffix}”，可用：.xlsx .csv .html .json .docx")


def _for_python_docx(doc):
    """``doc`` itself, or a shallow copy whose package python-docx can open."""
    if doc.raw is None:
        return doc
    from .annotate import word_package

    raw = word_package(doc.raw)
    if raw is doc.raw:
        return doc
    fixed = copy.copy(doc)
    fixed.raw = raw
    return fixed


def _reason(e: BaseException, doc) -> str:
    """One Chinese line for an exception raised while rendering ``doc``."""
    import zipfile
    import zlib

    from lxml import etree

    from ..document import DocumentError
    from ..loaders.safeio import one_line
    from .annotate import PackageError

    draft = f"原稿“{Path(doc.path).name}”" if getattr(doc, "path", None) else "原稿"
    if isinstance(e, DocumentError):
        return e.reason
    if isinstance(e, PackageError):
        return f"{str(e).replace('原稿', draft, 1)}，无法写出 Word 文稿（可导出为 .xlsx/.csv/.html）"
    if isinstance(e, MemoryError):
        return "内存不足，无法导出"
    if isinstance(e, (zipfile.BadZipFile, zlib.error, EOFError, KeyError, NotImplementedError)):
        return f"{draft}的压缩包已损坏，无法写出 Word 文稿（可导出为 .xlsx/.csv/.html）"
    if isinstance(e, etree.LxmlError):
        return f"{draft}中有无效的 XML，无法写出 Word 文稿（可导出为 .xlsx/.csv/.html）"
    if isinstance(e, ValueError) and any("\u4e00" <= ch <= "\u9fff" for ch in str(e)):
        return one_line(str(e))
    if isinstance(e, ValueError):
        return f"{draft}不是标准的 Word 文稿，无法写出 Word 文稿（可导出为 .xlsx/.csv/.html）"
    return f"导出时出错（{type(e).__name__}）"


def render(doc, report, suffix: str, *, clean: bool = False, track_changes: bool = False, accepted=(),
           out_path=None) -> bytes:
    """The export's bytes; SaveError (naming ``out_path``) on any failure."""
    out = out_path if out_path is not None else f"out{suffix}"
    try:
        return _render(doc, report, suffix, out, clean=clean, track_changes=track_changes, accepted=accepted)
    except SaveError:
        raise
    except Exception as e:  # every failure of one export is that export's error, in Chinese
        _log.debug("export of %s failed", getattr(doc, "path", None), exc_info=True)
        raise SaveError(out, _reason(e, doc)) from e


def export(doc, report, out_path, **kw) -> None:
    """Render and write atomically; never over the draft itself."""
    try:
        same = bool(doc.path) and Path(out_path).resolve() == Path(doc.path).resolve()
    except (OSError, RuntimeError, ValueError):
        same = False
    if same:
        raise SaveError(out_path, "输出文件不能与原稿相同，原稿不会被覆盖")
    data = render(doc, report, Path(out_path).suffix, out_path=out_path, **kw)
    write_atomic(out_path, data, source=doc.path)
