"""The one place that converts between Python code points and Qt's UTF-16 positions."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    """Offsets into one text: code points (core) <-> UTF-16 units (QTextDocument)."""

    def __init__(self, text: str):
        # Code-point offsets of characters outside the BMP: each takes two UTF-16 units.
        # One regex scan (C speed): a 1M-character draft is mapped in a few milliseconds.
        self.astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self.astral_utf16 = [i + k for k, i in enumerate(self.astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset)

    def from_qt(self, pos: int) -> int:
        # An astral character k starts at UTF-16 unit astral_utf16[k] and ends two units later.
        return pos - bisect_right(self.astral_utf16, pos - 2)
