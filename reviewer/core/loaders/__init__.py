"""Open a draft from disk: pick the loader from the bytes (and the name as a hint)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import Document, DocumentError
from .docx import load_docx
from .txt import load_txt

MAX_FILE = 100 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
DOCX_EXT = {".docx", ".docm", ".dotx", ".dotm"}
LEGACY_EXT = {".doc", ".wps", ".dot", ".wpt", ".rtf"}
TEXT_EXT = {".txt", ".text", ".md"}
SUPPORTED = sorted(DOCX_EXT | LEGACY_EXT | TEXT_EXT)


def _encrypted_ole(data: bytes) -> bool:
    # Password-protected OOXML is an OLE container holding these streams (names are UTF-16LE).
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def load(path: str | os.PathLike) -> Document:
    """Read a draft; raise DocumentError (Chinese reason naming the file) on any failure."""
    p = Path(path)
    spath = str(path)
    try:
        if p.is_dir():
            raise DocumentError(spath, "这是一个文件夹，不是文件")
        size = p.stat().st_size
        if size > MAX_FILE:
            raise DocumentError(spath, f"文件过大（{size // (1024 * 1024)} MB），超过 {MAX_FILE // (1024 * 1024)} MB 上限")
        data = p.read_bytes()
    except DocumentError:
        raise
    except FileNotFoundError as e:
        raise DocumentError(spath, "文件不存在（可能已被移动或删除）") from e
    except PermissionError as e:
        raise DocumentError(spath, "没有读取该文件的权限") from e
    except OSError as e:
        raise DocumentError(spath, f"读取文件失败（{e.strerror or e}）") from e
    return load_bytes(data, spath)


def load_bytes(data: bytes, path: str | None = None) -> Document:
    ext = Path(path).suffix.lower() if path else ""
    if not data:
        raise DocumentError(path, "文件是空的（0 字节）")
    if data.startswith(OLE_MAGIC):
        if _encrypted_ole(data):
            raise DocumentError(path, "文件设置了打开密码（已加密），请先在 Word/WPS 中取消密码后再打开")
        return _convert_legacy(data, path)
    if data.startswith(ZIP_MAGIC) or ext in DOCX_EXT:
        if not data.startswith(ZIP_MAGIC) and data[:5] in (b"{\\rtf",):
            return _convert_legacy(data, path)
        if not data.startswith(b"PK"):
            raise DocumentError(path, "文件已损坏或不是 .docx 文件（文件头不是 Word 压缩包）")
        return load_docx(data, path)
    if data[:5] == b"{\\rtf" or ext in LEGACY_EXT:
        return _convert_legacy(data, path)
    return load_txt(data, path)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert_legacy(data: bytes, path: str | None) -> Document:
    exe = soffice()
    if exe is None:
        raise DocumentError(path, "这是旧版 Word/WPS 文件（.doc/.wps），请在 Word/WPS 中另存为 .docx 后再打开")
    ext = Path(path).suffix.lower() if path else ".doc"
    with tempfile.TemporaryDirectory(prefix="reviewer-") as tmp:
        src = Path(tmp) / f"draft{ext if ext in LEGACY_EXT else '.doc'}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
               "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=25, check=False)
        except subprocess.TimeoutExpired as e:
            raise DocumentError(path, "转换旧版 Word/WPS 文件超时，请在 Word/WPS 中另存为 .docx 后再打开") from e
        except OSError as e:
            raise DocumentError(path, "无法调用 LibreOffice 转换旧版文件，请在 Word/WPS 中另存为 .docx 后再打开") from e
        out = Path(tmp) / "draft.docx"
        if not out.exists():
            raise DocumentError(path, "旧版 Word/WPS 文件转换失败（文件可能已损坏），请在 Word/WPS 中另存为 .docx 后再打开")
        doc = load_docx(out.read_bytes(), path)
    doc.kind = "doc"
    return doc
