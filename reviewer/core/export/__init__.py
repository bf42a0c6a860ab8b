"""Writing drafts and reports.  Nothing here imports Qt.

export(doc, report, out_path, ...) picks the format from the file name:
.xlsx .csv .html .json (issue list), .docx (annotated copy, or a cleaned copy).
"""
from __future__ import annotations

from pathlib import Path

from .atomic import SaveError, write_atomic

FORMATS = (".xlsx", ".csv", ".html", ".htm", ".json", ".docx", ".txt")


def render(doc, report, suffix: str, *, clean: bool = False, track_changes: bool = False, accepted=()) -> bytes:
    suffix = suffix.lower()
    if clean:
        from .clean import cleaned

        want = ".docx" if doc.raw is not None else ".txt"
        if suffix != want:
            raise SaveError(f"out{suffix}", f"清理后的文稿与原稿同一格式，请用 {want} 作为文件扩展名")
        return cleaned(doc, report, accepted)
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

        return annotate(doc, report, track_changes=track_changes)
    raise SaveError(f"out{suffix}", f"不支持的导出格式“{suffix}”，可用：.xlsx .csv .html .json .docx")


def export(doc, report, out_path, **kw) -> None:
    """Render and write atomically; never over the draft itself."""
    if doc.path and Path(out_path).resolve() == Path(doc.path).resolve():
        raise SaveError(out_path, "输出文件不能与原稿相同，原稿不会被覆盖")
    data = render(doc, report, Path(out_path).suffix, **kw)
    write_atomic(out_path, data, source=doc.path)
