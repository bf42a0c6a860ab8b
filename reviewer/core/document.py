"""The document model every loader produces and every rule reads.

Offsets are Python string indices (Unicode code points) into ``Document.text``;
only the GUI converts them to Qt's UTF-16 positions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_LINE = re.compile(r"[^\r\n]*")


class DocumentError(Exception):
    """A file that cannot be read.  ``str(err)`` is one Chinese line naming the file."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = str(path) if path is not None else None
        self.reason = reason
        name = Path(self.path).name if self.path else "文稿"
        super().__init__(f"无法打开“{name}”：{reason}")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (a line of a .txt file, a w:p of a .docx)."""

    start: int
    end: int
    style: str | None = None
    level: int | None = None  # outline level 1..9 from heading style or w:outlineLvl
    source: str = ""          # where it came from, for people: "第3行", "表格1 第2行第1列"
    bold: bool = False


@dataclass
class Region:
    """A run of text with its own offsets: the body, or a header/footer/footnote part."""

    name: str
    text: str
    paragraphs: list[Paragraph]


@dataclass
class Document:
    text: str
    paragraphs: list[Paragraph]
    path: str | None = None
    kind: str = "txt"              # txt | docx
    encoding: str | None = None
    extra_regions: list[Region] = field(default_factory=list)  # header, footer, footnote
    raw: bytes | None = field(default=None, repr=False)  # the .docx package, for writing back
    bom: bytes = field(default=b"", repr=False)  # a .txt file's byte-order mark, written back on save

    @classmethod
    def from_text(cls, text: str, path: str | None = None, encoding: str | None = None) -> "Document":
        """A document whose paragraphs are the lines of ``text`` (any of \\n, \\r\\n, \\r)."""
        return cls(text=text, paragraphs=split_lines(text), path=path, kind="txt", encoding=encoding)

    @property
    def regions(self) -> list[Region]:
        return [Region("body", self.text, self.paragraphs), *self.extra_regions]


def split_lines(text: str) -> list[Paragraph]:
    paras = []
    pos = 0
    n = len(text)
    line_no = 1
    while True:
        m = _LINE.match(text, pos)
        end = m.end()
        paras.append(Paragraph(pos, end, source=f"第{line_no}行"))
        if end >= n:
            break
        # skip one line break (\r\n counts as one)
        pos = end + (2 if text.startswith("\r\n", end) else 1)
        line_no += 1
        if pos > n:
            break
    return paras
