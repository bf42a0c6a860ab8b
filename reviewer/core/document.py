"""The document model every loader produces and every rule reads.

Offsets are Python string indices (Unicode code points) into ``Document.text``;
only the GUI converts them to Qt's UTF-16 positions.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
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
    meta: dict = field(default_factory=dict, repr=False)  # the file's own metadata: a .docx's "created"/"modified" dates

    @classmethod
    def from_text(cls, text: str, path: str | None = None, encoding: str | None = None) -> "Document":
        """A document whose paragraphs are the lines of ``text`` (any of \\n, \\r\\n, \\r)."""
        return cls(text=text, paragraphs=split_lines(text), path=path, kind="txt", encoding=encoding)

    @property
    def regions(self) -> list[Region]:
        return [Region("body", self.text, self.paragraphs), *self.extra_regions]

    def edited(self, text: str) -> "Document":
        """This document with its body text replaced by ``text`` (the user's edits).

        Paragraphs whose text is unchanged keep their metadata (style, outline level,
        bold, source); new or changed ones are plain paragraphs.  A .txt document's
        paragraphs are its lines again.  Path, kind, encoding, byte-order mark, headers
        and footers and the original package stay: they describe where the text came
        from, and the writers need them."""
        if text == self.text:
            return self
        if self.kind == "txt":
            paragraphs = _splice_lines(self.text, self.paragraphs, text)
            if paragraphs is None:
                paragraphs = split_lines(text)
        else:
            paragraphs = _carry_paragraphs(self.text, self.paragraphs, text)
        return replace(self, text=text, paragraphs=paragraphs)


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


_CHUNK = 4096


def common_prefix(x: str, y: str) -> int:
    """The length of the longest common prefix of x and y (compared a block at a time, the
    first differing block bisected).  Shared by Document.edited and the incremental re-check."""
    n = min(len(x), len(y))
    i = 0
    while i < n and x[i:i + _CHUNK] == y[i:i + _CHUNK]:
        i += _CHUNK
    if i >= n:
        return n
    lo, hi = i, min(i + _CHUNK, n)  # the first difference is in lo..hi
    while lo < hi:
        mid = (lo + hi) // 2
        if x[lo:mid + 1] == y[lo:mid + 1]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def common_suffix(x: str, y: str, most: int) -> int:
    """The length of the longest common suffix of x and y, at most ``most``."""
    nx, ny = len(x), len(y)
    j = 0
    while j < most:
        k = min(_CHUNK, most - j)
        if x[nx - j - k:nx - j] != y[ny - j - k:ny - j]:
            break
        j += k
    else:
        return most
    lo, hi = 0, k  # the last lo characters of the block are equal, the last hi are not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if x[nx - j - mid:nx - j] == y[ny - j - mid:ny - j]:
            lo = mid
        else:
            hi = mid
    return j + lo


def common_ends(x: str, y: str) -> tuple[int, int]:
    """(common prefix, common suffix) of x and y, the suffix no longer than what the prefix
    leaves of the shorter: where an edit begins and, counted from the end, where it stops."""
    a = common_prefix(x, y)
    return a, common_suffix(x, y, min(len(x), len(y)) - a)


def _splice_lines(old: str, paragraphs: list[Paragraph], new: str) -> list[Paragraph] | None:
    """``split_lines(new)`` from ``split_lines(old)`` when only some lines changed: the lines
    before the edit are kept as they are, the edited lines are split again and the lines
    after it are moved by the edit's length (renumbered when it added or removed lines).
    None when that cannot be done safely (text with "\\r", paragraphs that are not the
    lines): the caller then splits the whole text."""
    if "\r" in old or "\r" in new or len(paragraphs) != old.count("\n") + 1:
        return None
    pre, suf = common_ends(old, new)
    old_stop = len(old) - suf                     # the edit is old[pre:old_stop]
    first_start = old.rfind("\n", 0, pre) + 1     # the edited lines: old[first_start:last_end]
    last_end = old.find("\n", old_stop)
    if last_end < 0:
        last_end = len(old)
    first = old.count("\n", 0, first_start)
    last = first + old.count("\n", first_start, last_end)
    if paragraphs[first].start != first_start or paragraphs[last].end != last_end:
        return None
    delta = len(new) - len(old)
    middle = new[first_start:last_end + delta].split("\n")
    out = paragraphs[:first]
    pos = first_start
    for k, line in enumerate(middle, first + 1):
        out.append(Paragraph(pos, pos + len(line), source=f"第{k}行"))
        pos += len(line) + 1
    renumber = len(middle) - (last - first + 1)
    new_obj = object.__new__
    set_dict = object.__setattr__
    append = out.append
    no = last + 1 + renumber
    for p in paragraphs[last + 1:]:
        # a moved copy of p (Paragraph is frozen: its fields are written directly)
        fields = p.__dict__.copy()
        fields["start"] += delta
        fields["end"] += delta
        no += 1
        if renumber:
            fields["source"] = f"第{no}行"
        moved = new_obj(Paragraph)
        set_dict(moved, "__dict__", fields)
        append(moved)
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _carry_paragraphs(old: str, paragraphs: list[Paragraph], new: str) -> list[Paragraph]:
    """Paragraphs of ``new``: an old paragraph whose lines all survive unchanged, in one
    piece, keeps its metadata at its new offsets; every other line of ``new`` is a plain
    paragraph.  Lines, not characters, are compared, so a long draft stays quick."""
    old_starts, new_starts = _line_starts(old), _line_starts(new)
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    line_map: dict[int, int] = {}  # old line -> new line, for unchanged lines
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            line_map[a + k] = b + k
    kept: dict[int, Paragraph] = {}  # first new line -> carried paragraph
    covered: set[int] = set()
    for p in paragraphs:
        first = bisect_right(old_starts, p.start) - 1
        last = bisect_right(old_starts, max(p.start, p.end - 1)) - 1 if p.end > p.start else first
        if old_starts[first] != p.start or any(k not in line_map for k in range(first, last + 1)):
            continue
        nfirst = line_map[first]
        if any(line_map[k] != nfirst + (k - first) for k in range(first, last + 1)):
            continue
        nlast = nfirst + (last - first)
        if any(k in covered for k in range(nfirst, nlast + 1)):
            continue
        start = new_starts[nfirst]
        kept[nfirst] = replace(p, start=start, end=start + (p.end - p.start))
        covered.update(range(nfirst, nlast + 1))
    out: list[Paragraph] = []
    for k, start in enumerate(new_starts):
        if k in kept:
            out.append(kept[k])
        elif k not in covered:
            out.append(Paragraph(start, start + len(new_lines[k])))
    return out
