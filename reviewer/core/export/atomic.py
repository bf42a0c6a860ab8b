"""Write a file through a temporary file and a rename, with Chinese error messages."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class SaveError(Exception):
    """A file that could not be written.  ``str(err)`` is one Chinese line naming the file."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"无法保存“{Path(path).name}”：{reason}")


def write_atomic(path: str | os.PathLike, data: bytes, *, source: str | None = None) -> None:
    """Write ``data`` to ``path``: temporary file in the same folder, then rename over it.

    ``source`` is the draft the data came from; writing over it by accident is refused
    here only when the caller says so (the GUI asks the user first and passes None).
    """
    path = Path(path)
    if source is not None and path.resolve() == Path(source).resolve():
        raise SaveError(path, "输出文件不能与原稿相同，原稿不会被覆盖")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(path, f"文件夹“{folder}”不存在")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
    except PermissionError as e:
        raise SaveError(path, "没有写入权限，或文件正被其他程序（如 Word/WPS）打开") from e
    except OSError as e:
        raise SaveError(path, f"写入失败（{e.strerror or e}）") from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
