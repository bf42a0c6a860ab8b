"""Open a draft from disk: pick the loader from the bytes (and the name as a hint)."""
from __future__ import annotations

import logging
import os
import shutil
import sys
import zipfile
import zlib
from pathlib import Path

from ..document import Document, DocumentError
from .safeio import read_regular
from .txt import load_txt

# The .docx reader (lxml) and the converter of old formats (subprocess) are imported when a
# draft needs them: a .txt draft on the command line starts ~10 ms sooner without them.

_log = logging.getLogger(__name__)

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
    """Read a draft; raise DocumentError (Chinese reason naming the file) on any failure.

    Only regular files are read (a directory, FIFO, device or socket is refused before
    reading) and never more than MAX_FILE bytes, whatever the file system says its size is.
    """
    spath = os.fspath(path) if not isinstance(path, str) else path
    data = read_regular(spath, MAX_FILE)
    return load_bytes(data, spath)


def load_bytes(data: bytes, path: str | None = None) -> Document:
    """A Document from the bytes of a draft; any failure is a DocumentError naming ``path``."""
    try:
        return _load_bytes(data, path)
    except DocumentError:
        raise
    except MemoryError as e:
        raise DocumentError(path, "文件内容过大，内存不足，无法打开") from e
    except RecursionError as e:
        raise DocumentError(path, "文件结构嵌套过深（可能已损坏或是恶意构造的文件），已拒绝打开") from e
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise DocumentError(path, "文件已损坏（压缩数据无法解开）") from e
    except Exception as e:  # anything else while reading one file is still that file's failure
        etree = sys.modules.get("lxml.etree")  # (an lxml error only once the .docx reader is in)
        if etree is not None and isinstance(e, etree.LxmlError):
            raise DocumentError(path, "文件已损坏（内部 XML 无效）") from e
        _log.debug("unexpected error reading %s", path, exc_info=True)
        raise DocumentError(path, f"文件已损坏或格式异常，无法读取（{type(e).__name__}）") from e


def _load_bytes(data: bytes, path: str | None) -> Document:
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
        from .docx import load_docx

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
    from .docx import load_docx
    from .legacy import convert

    ext = Path(path).suffix.lower() if path else ".doc"
    converted = convert(data, path, exe, ext if ext in LEGACY_EXT else ".doc", MAX_FILE)
    doc = load_docx(converted, path)
    doc.kind = "doc"
    return doc
