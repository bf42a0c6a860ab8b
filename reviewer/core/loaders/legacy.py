"""Old Word/WPS/RTF/HTML-as-.doc drafts through LibreOffice, contained.

* No network: LibreOffice runs in its own network namespace (``unshare -n``, or ``-rn``
  for an ordinary user) when the system allows it; otherwise an input with references
  LibreOffice would fetch (remote images, style sheets, INCLUDEPICTURE fields …) is
  refused before LibreOffice sees it.  Either way the private profile points every
  proxy at a dead loopback port and blocks macros and untrusted links.
* A reference to a file elsewhere on this computer is refused in every mode (its
  content would end up in the converted draft).
* Its own profile and temporary folder per conversion; the whole process group is
  killed on timeout and after every run; the folder is removed with a cleanup that
  cannot fail; stale folders of killed runs are removed at the next start.
* One conversion at a time per user (a lock file in the cache folder), so parallel
  runs queue instead of fighting.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..document import DocumentError

TIMEOUT = 25          # seconds for one conversion
LOCK_WAIT = 180       # seconds to wait for another conversion to finish
TMP_PREFIX = "reviewer-convert-"
STALE_AGE = 3600      # a conversion folder older than this belongs to a run that was killed
_ADVICE = "请在 Word/WPS 中另存为 .docx 后再打开"

# ----- the network sandbox -----------------------------------------------------------------

_sandbox_cache: list | None = None


def sandbox_prefix() -> list[str]:
    """The command prefix that runs a program without network access, or [] when unavailable."""
    global _sandbox_cache
    if os.environ.get("REVIEWER_NO_NETNS"):
        return []
    if _sandbox_cache is not None:
        return list(_sandbox_cache)
    found: list[str] = []
    exe = shutil.which("unshare") if sys.platform.startswith("linux") else None
    if exe:
        tries = ([[exe, "-n"]] if hasattr(os, "geteuid") and os.geteuid() == 0 else []) + [[exe, "-rn"]]
        for prefix in tries:
            try:
                ok = subprocess.run(prefix + ["true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, timeout=5).returncode == 0
            except (OSError, subprocess.SubprocessError):
                ok = False
            if ok:
                found = prefix
                break
    _sandbox_cache = found
    return list(found)


# ----- references LibreOffice would follow ------------------------------------------------

# Harmless: inline data and in-document targets; anything else with a scheme counts as remote.


def __getattr__(name: str):
    """external_reference, re-exported for the tests: imported when asked for (html and its
    patterns, ~4 ms of every start, which only tidies up through this module)."""
    if name == "external_reference":
        from .external_refs import external_reference

        return external_reference
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _refusal(path, kind: str, ref: str) -> DocumentError:
    from .safeio import one_line

    shown = one_line(ref, 60)
    if kind == "remote":
        return DocumentError(path, f"文件引用了网络上的内容（{shown}），打开时会联网，已拒绝转换；{_ADVICE}")
    if kind == "entity":
        return DocumentError(path, f"文件声明了外部实体（XML 外部引用），已拒绝转换；{_ADVICE}")
    return DocumentError(path, f"文件引用了本机上的其他文件（{shown}），为免泄露其内容已拒绝转换；{_ADVICE}")


# ----- profile, command, lock ---------------------------------------------------------------

_DEAD_PROXY = ("127.0.0.1", 9)
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{items}
</oor:items>
"""


def _item(path: str, name: str, value) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    return (f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>')


def registry_xcu() -> str:
    """Settings for the private profile: no macros, no untrusted links, every proxy dead, no updates."""
    sec = "/org.openoffice.Office.Common/Security/Scripting"
    inet = "/org.openoffice.Inet/Settings"
    host, port = _DEAD_PROXY
    items = [
        _item(sec, "MacroSecurityLevel", 3),
        _item(sec, "DisableMacrosExecution", True),
        _item(sec, "BlockUntrustedRefererLinks", True),
        _item(inet, "ooInetProxyType", 1),
        _item(inet, "ooInetNoProxy", ""),
    ]
    for proto in ("HTTP", "HTTPS", "FTP"):
        items.append(_item(inet, f"ooInet{proto}ProxyName", host))
        items.append(_item(inet, f"ooInet{proto}ProxyPort", port))
    items.append(_item("/org.openoffice.Office.Common/Misc", "FirstRun", False))
    items.append(_item("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", False))
    items.append(_item("/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments",
                       "AutoCheckEnabled", False))
    return _REGISTRY.format(items="\n".join(items))


def make_profile(folder: Path) -> Path:
    profile = folder / "profile"
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(registry_xcu(), encoding="utf-8")
    return profile


def command(exe: str, profile: Path, outdir: Path, src: Path, sandbox: list[str]) -> list[str]:
    return sandbox + [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
                      "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML",
                      "--outdir", str(outdir), str(src)]


def child_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    dead = f"http://{_DEAD_PROXY[0]}:{_DEAD_PROXY[1]}"
    for key in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY",
                "ALL_PROXY"):
        env[key] = dead
    for key in ("no_proxy", "NO_PROXY"):
        env.pop(key, None)
    env["TMPDIR"] = str(tmp)  # LibreOffice's own temporary files go where we clean up
    env["SAL_USE_VCLPLUGIN"] = "svp"
    return env


class _Lock:
    """An exclusive lock on a file in the cache folder (a no-op where locks are unavailable)."""

    def __init__(self, paths, wait: float):
        self.fd = None
        try:
            import fcntl
        except ImportError:
            return
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
        for path in paths:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                self.fd = os.open(path, flags, 0o600)
                break
            except OSError:
                continue
        if self.fd is None:
            return
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(self.fd)
                    self.fd = None
                    raise TimeoutError from None
                time.sleep(0.05)
            except OSError:  # a file system without locks: go ahead unlocked
                return

    def release(self):
        if self.fd is not None:
            try:
                os.close(self.fd)  # closing releases the flock
            except OSError:
                pass
            self.fd = None


def lock_paths() -> list[Path]:
    """The lock file in the cache folder, or one in the temporary folder when that is not writable."""
    from ..segment import cache_dir

    uid = os.getuid() if hasattr(os, "getuid") else 0
    return [cache_dir() / "convert.lock", Path(tempfile.gettempdir()) / f"reviewer-convert-{uid}.lock"]


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill the converter and everything it started (soffice forks soffice.bin)."""
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
    elif proc.poll() is None:
        try:  # Windows: the whole tree
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=10)
        except (OSError, subprocess.SubprocessError):
            pass
    try:
        proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def remove_tree(folder) -> None:
    """Remove a folder; never raises (a second try catches files written while the first ran)."""
    for _ in range(3):
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.lexists(folder):
            return
        time.sleep(0.1)


def clean_stale(max_age: float = STALE_AGE) -> int:
    """Remove conversion folders left by killed runs (ours, older than ``max_age``)."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return 0
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in entries:
        if not entry.name.startswith(TMP_PREFIX):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or (uid is not None and st.st_uid != uid):
                continue
            if now - st.st_mtime < max_age:
                continue
        except OSError:
            continue
        remove_tree(entry.path)
        removed += 1
    return removed


# ----- the conversion ---------------------------------------------------------------------


def convert(data: bytes, path: str | None, exe: str, suffix: str, limit: int) -> bytes:
    """The .docx bytes LibreOffice makes of ``data``; DocumentError (naming the file) on failure."""
    from .safeio import read_regular

    sandbox = sandbox_prefix()
    try:
        lock = _Lock(lock_paths(), LOCK_WAIT)
    except TimeoutError:
        raise DocumentError(path, f"另一个旧版文件转换长时间未结束，请稍后再试，或{_ADVICE}") from None
    try:
        try:
            tmp = Path(tempfile.mkdtemp(prefix=TMP_PREFIX))
        except OSError as e:
            raise DocumentError(path, f"无法创建临时文件夹，旧版文件无法转换；{_ADVICE}") from e
        proc = None
        try:
            from .external_refs import external_reference

            found = external_reference(data, tmp, network_ok=bool(sandbox))
            if found:
                raise _refusal(path, *found)
            src = tmp / f"draft{suffix}"
            src.write_bytes(data)
            profile = make_profile(tmp)
            cmd = command(exe, profile, tmp, src, sandbox)
            try:
                proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, cwd=str(tmp), env=child_env(tmp),
                                        close_fds=True, start_new_session=(os.name == "posix"),
                                        creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))
            except OSError as e:
                raise DocumentError(path, f"无法调用 LibreOffice 转换旧版文件，{_ADVICE}") from e
            try:
                proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                raise DocumentError(path, f"转换旧版 Word/WPS 文件超时（{TIMEOUT} 秒），{_ADVICE}") from None
            finally:
                _kill_group(proc)
            out = tmp / "draft.docx"
            if not out.is_file():
                raise DocumentError(path, f"旧版 Word/WPS 文件转换失败（文件可能已损坏），{_ADVICE}")
            try:
                return read_regular(out, limit)
            except DocumentError as e:
                raise DocumentError(path, f"转换结果无法读取（{e.reason}）") from e
        except OSError as e:
            from .safeio import os_reason

            raise DocumentError(path, f"转换旧版文件时出错（{os_reason(e, writing=True)}），{_ADVICE}") from e
        finally:
            remove_tree(tmp)
    finally:
        lock.release()
