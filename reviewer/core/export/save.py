"""Save the edited draft as .txt (original encoding, byte-order mark and line ends) or .docx.

The window edits one line per block; ``editor_text`` is what it shows for a loaded draft and
``restore_line_ends`` puts every original line end back (``\\r\\n``, ``\\r``, ``\\n`` or
U+2029, mixed as they were) wherever the user did not change the lines around it.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..document import Document
from .atomic import SaveError, write_atomic
from .docx_apply import line_opcodes
from .docx_write import rewrite_docx, text_to_docx

__all__ = ["SaveError", "save_text", "encode_text", "editor_text", "restore_line_ends", "text_bytes"]

# What a plain-text editor (QTextDocument) splits into blocks.
_BREAK = re.compile("\r\n|\r|\n|\u2029")


def split_ends(text: str) -> tuple[list[str], list[str]]:
    """Lines and the line end after each ("" after the last)."""
    lines, ends, pos = [], [], 0
    for m in _BREAK.finditer(text):
        lines.append(text[pos:m.start()])
        ends.append(m.group())
        pos = m.end()
    lines.append(text[pos:])
    ends.append("")
    return lines, ends


def editor_text(text: str) -> str:
    """The text as an editor shows it: one "\\n" for every line end."""
    return _BREAK.sub("\n", text)


def dominant_end(text: str, default: str = "\n") -> str:
    counts: dict[str, int] = {}
    for m in _BREAK.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    counts.pop("\u2029", None)
    return max(counts, key=lambda k: counts[k]) if counts else default


def restore_line_ends(original: str, edited: str, default: str | None = None) -> str:
    """``edited`` (lines joined with "\\n") with the line ends of ``original`` back in place.

    Lines are matched with a diff: an unchanged line keeps its own end, a changed line the
    end of the line it replaced, a new line the file's usual end (``default``).
    """
    if default is None:
        default = dominant_end(original)
    old, ends = split_ends(original)
    new = edited.split("\n")
    if old == new:
        return original
    out_ends = [None] * len(new)
    for tag, i1, i2, j1, j2 in line_opcodes(old, new):
        if tag == "equal" or tag == "replace":
            for k in range(j2 - j1):
                out_ends[j1 + k] = ends[min(i1 + k, i2 - 1)] if i2 > i1 else None
        # inserted lines: the default below
    parts = []
    for k, line in enumerate(new):
        parts.append(line)
        if k < len(new) - 1:
            end = out_ends[k]
            parts.append(end if end else default)
    return "".join(parts)


def encode_text(text: str, encoding: str | None, newline: str = "\n", bom: bytes | None = None) -> bytes:
    """``text`` in ``encoding``; with ``bom`` (a loaded file's mark) written exactly as it
    was.  "utf-16" without a known mark is little-endian with a mark."""
    if newline != "\n":
        text = text.replace("\n", newline)
    enc = (encoding or "utf-8").lower().replace("_", "-")
    if enc in ("utf-16", "utf16"):
        bom = bom or codecs.BOM_UTF16_LE
        enc = "utf-16-be" if bom == codecs.BOM_UTF16_BE else "utf-16-le"
    elif enc in ("utf-8-sig", "utf8-sig"):
        bom, enc = codecs.BOM_UTF8, "utf-8"
    elif bom and enc.startswith("utf-16"):
        bom = b""  # an explicit byte order (no mark in the original)
    try:
        return (bom or b"") + text.encode(enc)
    except (UnicodeEncodeError, LookupError):
        return (bom if enc == "utf-8" else b"") + text.encode("utf-8")


def text_bytes(source: Document, edited: str) -> bytes:
    """A loaded .txt draft's bytes after editing: every character, line end, the byte-order
    mark and the byte order kept as loaded wherever the user did not change them."""
    return encode_text(restore_line_ends(source.text, edited), source.encoding, bom=source.bom)


def save_text(source: Document, text: str, path, newline: str = "\n") -> None:
    """Write ``text`` (the edited body, lines joined with "\\n" as ``editor_text`` shows
    it) to ``path``; the kind follows the file name."""
    if Path(path).suffix.lower() == ".docx":
        if source.raw is not None:
            data = rewrite_docx(source.raw, restore_line_ends(source.text, text, "\n"), path)
        else:
            data = text_to_docx(text)
    elif source.kind == "txt" and source.raw is None:
        data = text_bytes(source, text)
    else:
        data = encode_text(text, "utf-8", newline)
    write_atomic(path, data)
