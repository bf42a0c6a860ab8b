"""Where an internal error's traceback goes: the log folder in the user's cache folder
(the temporary folder when that cannot be written), so the user sees one Chinese line and
the details are still there for a bug report.  The window's crash log uses the same folder."""
from __future__ import annotations

from pathlib import Path


def log_dir() -> Path:
    from .core.segment import cache_dir

    return cache_dir() / "logs"


def log_exception() -> str:
    """Append the current exception's traceback to the log; returns the log's path."""
    import tempfile
    import traceback

    for folder in (log_dir(), Path(tempfile.gettempdir())):
        path = folder / "reviewer-error.log"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as fh:
                traceback.print_exc(file=fh)
            return str(path)
        except OSError:
            continue
    return str(path)
