"""Write a file through a temporary file and a rename, with Chinese error messages.

A temporary file is named ``.NAME.reviewer-XXXXXXXX.tmp`` beside the destination and
noted in a small journal in the cache folder while it exists.  When a run is killed
mid-write, clean_litter() at the next start removes it: at once when the journal says
its process is gone, or by its name and age (over an hour) in a folder being written to.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from ..loaders.safeio import one_line, os_reason

TMP_TAG = "reviewer-"
STALE_AGE = 3600
# .NAME.reviewer-XXXXXXXX.tmp, and .NAME.XXXXXXXX.tmp from versions before the tag
_TMP_NAME = re.compile(r"^\..+\.(?:reviewer-)?[a-z0-9_]{8}\.tmp$")


class SaveError(Exception):
    """A file that could not be written.  ``str(err)`` is one Chinese line naming the file."""

    def __init__(self, path, reason: str):
        self.path = str(path) if path is not None else None
        self.reason = reason
        name = Path(self.path).name if self.path else "文稿"
        super().__init__(one_line(f"无法保存“{name}”：{reason}", 400))


# ----- the journal of temporary files in flight --------------------------------------------


def _journal_dir() -> Path:
    from ..segment import cache_dir

    return cache_dir() / "pending"


def _journal_add(tmp: str) -> str | None:
    try:
        folder = _journal_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, entry = tempfile.mkstemp(prefix=f"{os.getpid()}-", suffix=".entry", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(f"{os.getpid()}\n{os.path.abspath(tmp)}\n")
        return entry
    except (OSError, ValueError):
        return None


def _journal_remove(entry: str | None) -> None:
    if entry:
        try:
            os.unlink(entry)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # on Windows os.kill(pid, 0) would terminate it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _remove_if_ours(path: str) -> bool:
    try:
        if _TMP_NAME.match(os.path.basename(path)) and os.path.isfile(path) and not os.path.islink(path):
            os.unlink(path)
            return True
    except OSError:
        pass
    return False


def clean_litter(folders=(), max_age: float = STALE_AGE) -> int:
    """Remove what interrupted runs left behind; returns how many items went. Never raises.

    * temporary files listed in the journal whose process is gone (or older than ``max_age``);
    * ``.NAME.reviewer-XXXXXXXX.tmp`` files older than ``max_age`` in ``folders``;
    * LibreOffice conversion folders older than ``max_age`` in the system temporary folder.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(_journal_dir()))
    except OSError:
        entries = []
    for entry in entries:
        if not entry.name.endswith(".entry"):
            continue
        try:
            lines = Path(entry.path).read_text(encoding="utf-8", errors="surrogateescape").splitlines()
            pid, tmp = int(lines[0]), lines[1]
            age = now - entry.stat().st_mtime
        except (OSError, ValueError, IndexError):
            try:
                if now - entry.stat().st_mtime > max_age:
                    os.unlink(entry.path)
            except OSError:
                pass
            continue
        if age > max_age or not _alive(pid):
            removed += _remove_if_ours(tmp)
            try:
                os.unlink(entry.path)
            except OSError:
                pass
    for folder in folders:
        try:
            items = list(os.scandir(folder or "."))
        except OSError:
            continue
        for item in items:
            if not _TMP_NAME.match(item.name):
                continue
            try:
                if now - item.stat(follow_symlinks=False).st_mtime > max_age:
                    removed += _remove_if_ours(item.path)
            except OSError:
                continue
    try:
        from ..loaders.legacy import clean_stale

        removed += clean_stale(max_age)
    except Exception:  # cleaning up must never stop the program
        pass
    return removed


# ----- writing ------------------------------------------------------------------------------


def _same_file(a: Path, b) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def write_atomic(path: str | os.PathLike, data: bytes, *, source: str | None = None) -> None:
    """Write ``data`` to ``path``: temporary file in the same folder, then rename over it.

    ``source`` is the draft the data came from; writing over it by accident is refused
    here only when the caller says so (the GUI asks the user first and passes None).
    """
    path = Path(path)
    if source is not None and _same_file(path, source):
        raise SaveError(path, "输出文件不能与原稿相同，原稿不会被覆盖")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise SaveError(path, f"文件夹“{one_line(str(folder), 120)}”不存在")
        if path.is_dir():
            raise SaveError(path, "目标是一个文件夹")
    except (OSError, ValueError) as e:
        raise SaveError(path, os_reason(e, writing=True)) from e
    tmp = None
    entry = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{TMP_TAG}", suffix=".tmp", dir=folder)
        entry = _journal_add(tmp)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode a normal new file would have
        # (or keep the mode of the file being replaced).
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError, UnicodeError) as e:
        raise SaveError(path, os_reason(e, writing=True)) from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        _journal_remove(entry)
