"""Save the edited draft as .txt (original encoding and line breaks) or .docx."""
from __future__ import annotations

from pathlib import Path

from ..document import Document
from .atomic import SaveError, write_atomic
from .docx_write import rewrite_docx, text_to_docx

__all__ = ["SaveError", "save_text", "encode_text"]


def encode_text(text: str, encoding: str | None, newline: str = "\n") -> bytes:
    if newline != "\n":
        text = text.replace("\n", newline)
    enc = encoding or "utf-8"
    try:
        return text.encode(enc)
    except (UnicodeEncodeError, LookupError):
        return text.encode("utf-8")


def save_text(source: Document, text: str, path, newline: str = "\n") -> None:
    """Write ``text`` (the edited body) to ``path``; the kind follows the file name."""
    if Path(path).suffix.lower() == ".docx":
        if source.raw is not None:
            data = rewrite_docx(source.raw, text, path)
        else:
            data = text_to_docx(text)
    else:
        data = encode_text(text, source.encoding if source.kind == "txt" else "utf-8", newline)
    write_atomic(path, data)
