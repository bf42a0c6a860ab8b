"""Reading a draft from disk safely: only regular files, never more than a cap, and every
operating-system error turned into one Chinese line."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..document import DocumentError

_READ_REASONS = {
    errno.ENOENT: "文件不存在（可能已被移动或删除）",
    errno.EACCES: "没有读取该文件的权限",
    errno.EPERM: "没有读取该文件的权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.ELOOP: "符号链接层数过多（可能是循环链接）",
    errno.EIO: "读取磁盘时出错（输入/输出错误），磁盘或网络盘可能有故障",
    errno.ENXIO: "设备不存在或不可用",
    errno.ENODEV: "设备不存在或不可用",
    errno.EAGAIN: "文件暂时无法读取，请稍后再试",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ETXTBSY: "文件正被其他程序占用",
    errno.EMFILE: "同时打开的文件过多",
    errno.ENFILE: "同时打开的文件过多",
    errno.ENOMEM: "内存不足",
    errno.EINVAL: "路径无效",
    errno.EFBIG: "文件过大",
    errno.EOVERFLOW: "文件过大",
    errno.EINTR: "读取被中断",
}
_WRITE_REASONS = {
    errno.ENOENT: "目标文件夹不存在",
    errno.EACCES: "没有写入权限，或文件正被其他程序（如 Word/WPS）打开",
    errno.EPERM: "没有写入权限，或文件正被其他程序（如 Word/WPS）打开",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EISDIR: "目标是一个文件夹",
    errno.EFBIG: "文件过大，目标磁盘不支持",
    errno.EXDEV: "无法跨磁盘替换文件",
    errno.EIO: "写入磁盘时出错（输入/输出错误）",
}
for _code in ("ESTALE",):
    if hasattr(errno, _code):
        _READ_REASONS[getattr(errno, _code)] = "网络文件已失效，请重新打开"


def os_reason(e: BaseException, writing: bool = False) -> str:
    """A one-line Chinese reason for an OSError (or a bad path's ValueError/UnicodeError)."""
    if isinstance(e, UnicodeError):
        return "文件名含有无法识别的字符"
    if isinstance(e, ValueError):
        return "文件名无效（含有空字符等非法字符）"
    code = getattr(e, "errno", None)
    table = _WRITE_REASONS if writing else {}
    reason = table.get(code) or _READ_REASONS.get(code)
    if reason:
        return reason
    name = errno.errorcode.get(code, "") if code else ""
    what = "写入" if writing else "读取"
    return f"{what}文件失败（系统错误 {name or type(e).__name__}）"


def one_line(text: str, limit: int = 200) -> str:
    """``text`` with control characters (line breaks included) made visible, at most ``limit`` chars."""
    out = []
    for ch in text:
        if ch in "\r\n":
            out.append("⏎")
        elif ord(ch) < 32 or ord(ch) == 127 or 0xD800 <= ord(ch) <= 0xDFFF or ch in "\u2028\u2029\x85":
            out.append("�" if 0xD800 <= ord(ch) <= 0xDFFF else f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    s = "".join(out)
    return s if len(s) <= limit else s[:limit - 1] + "…"


def _special(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "这是一个文件夹，不是文件"
    if stat.S_ISFIFO(mode):
        return "这是命名管道（FIFO），不是普通文件，已拒绝读取"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是设备文件，不是普通文件，已拒绝读取"
    if stat.S_ISSOCK(mode):
        return "这是套接字，不是普通文件，已拒绝读取"
    if not stat.S_ISREG(mode):
        return "这不是普通文件，已拒绝读取"
    return None


def too_big(limit: int) -> str:
    return f"文件过大（超过 {limit // (1024 * 1024)} MB 上限）"


def read_regular(path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; at most ``limit`` bytes are read.

    Directories, FIFOs, devices and sockets are refused before anything is read, and
    refused again after opening (the path could be swapped in between).
    """
    spath = os.fspath(path)
    if Path(spath).name in ("", ".", ".."):  # ".", "..": name the folder itself
        try:
            spath = os.path.abspath(spath)
        except (OSError, ValueError):
            pass
    try:
        st = os.stat(spath)
        why = _special(st.st_mode)
        if why:
            raise DocumentError(spath, why)
        if st.st_size > limit:
            raise DocumentError(spath, too_big(limit))
        flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
        fd = os.open(spath, flags)
        try:
            why = _special(os.fstat(fd).st_mode)
            if why:
                raise DocumentError(spath, why)
            chunks, total = [], 0
            while True:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise DocumentError(spath, too_big(limit))
            return b"".join(chunks)
        finally:
            os.close(fd)
    except DocumentError:
        raise
    except (OSError, ValueError, UnicodeError) as e:
        raise DocumentError(spath, os_reason(e)) from e
    except MemoryError as e:
        raise DocumentError(spath, "内存不足，无法读取文件") from e
