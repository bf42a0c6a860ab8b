"""Where an internal error's traceback goes: one log file in the temporary folder, so
the user sees one Chinese line and the details are still there for a bug report."""
from __future__ import annotations


def log_exception() -> str:
    """Append the current exception's traceback to the log; returns the log's path."""
    import tempfile
    import traceback
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / "reviewer-error.log"
    try:
        with open(path, "a", encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
    except OSError:
        pass
    return str(path)
