"""Plain-text drafts: detect the encoding from the bytes."""
from __future__ import annotations

import codecs

from ..document import Document, DocumentError

# Control characters that never occur in a real draft; many of them mean "binary".
_BAD_CONTROLS = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\x0c"}


def _looks_textual(text: str) -> bool:
    """Few control characters, and not mostly U+FFFD.  A draft copied from a page that had
    lost a few characters holds a few U+FFFD (the decoding here is strict: they are in the
    file as such): it is text, and the reviewer reports them (typo.garbled-replacement)."""
    if not text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if ch in _BAD_CONTROLS)
    lost = sample.count("\ufffd")
    return bad <= max(2, len(sample) // 200) and lost <= len(sample) // 4


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name) or raise DocumentError.

    A UTF-8 byte-order mark gives "utf-8-sig", a UTF-16 one "utf-16" (see ``bom_of`` for
    which order); the text never holds the mark.
    """
    if not data:
        raise DocumentError(path, "文件是空的（0 字节）")
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        candidates = ["utf-16"]
    elif b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows as every other byte zero in ASCII-heavy text;
        # anything else with NULs is binary.
        even = data[0:4096:2].count(0)
        odd = data[1:4096:2].count(0)
        # (a few zeros on the other side are characters like U+4E00 "一")
        if odd > len(data[:4096]) // 8 and even <= odd // 16:
            candidates = ["utf-16-le"]
        elif even > len(data[:4096]) // 8 and odd <= even // 16:
            candidates = ["utf-16-be"]
        else:
            raise DocumentError(path, "这不是文本文件（含有二进制数据），请确认文件类型")
    else:
        candidates = ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return text, enc
        raise DocumentError(path, "这不是文本文件（含有大量控制字符或无法识别的字符），请确认文件类型")
    # Neither UTF-8 nor GB18030: ask charset-normalizer, but only accept a confident answer.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _looks_textual(text):
            return text, best.encoding
    raise DocumentError(path, "无法识别文件的文字编码（不是 UTF-8、GBK/GB18030 或 UTF-16），请另存为 UTF-8 后再打开")


def bom_of(data: bytes) -> bytes:
    """The byte-order mark the file starts with (kept so that saving writes it back)."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return bom
    return b""


def load_txt(data: bytes, path: str | None = None) -> Document:
    text, enc = decode(data, path)
    if not text.strip():
        raise DocumentError(path, "文件中没有文字")
    doc = Document.from_text(text, path=path, encoding=enc)
    if enc in ("utf-8-sig", "utf-16"):
        doc.bom = bom_of(data)
    return doc
