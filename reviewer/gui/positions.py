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

    def edited(self, old: str, new: str) -> "PositionMap":
        """The map of ``new``, from this one of ``old``: only the stretch an edit changed is
        scanned (the characters before it keep their offsets, those after it move)."""
        from ..core.document import common_prefix, common_suffix

        a = common_prefix(old, new)
        c = common_suffix(old, new, min(len(old), len(new)) - a)
        d = len(new) - len(old)
        got = PositionMap("")
        i, j = bisect_left(self.astral, a), bisect_left(self.astral, len(old) - c)
        mid = [m.start() for m in _ASTRAL.finditer(new, a, len(new) - c)]
        if mid or self.astral:
            got.astral = self.astral[:i] + mid + [k + d for k in self.astral[j:]]
            got.astral_utf16 = [k + n for n, k in enumerate(got.astral)]
        return got

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset)

    def from_qt(self, pos: int) -> int:
        # An astral character k starts at UTF-16 unit astral_utf16[k] and ends two units later.
        return pos - bisect_right(self.astral_utf16, pos - 2)
