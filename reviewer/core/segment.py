"""jieba, loaded only when a rule needs context that a regex cannot decide.

Rules never segment the whole text: they ask whether a candidate span sits on
word boundaries inside a small window around it.
"""
from __future__ import annotations

import logging
import threading
import time

_lock = threading.Lock()
_tokenizer = None
stats = {"init_seconds": 0.0, "cut_seconds": 0.0, "calls": 0}


def tokenizer():
    """The shared jieba tokenizer, initialised on first use (about half a second)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                t0 = time.perf_counter()
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                stats["init_seconds"] += time.perf_counter() - t0
                _tokenizer = tok
    return _tokenizer


def warm_up() -> None:
    """Initialise jieba ahead of time (the GUI calls this on a worker thread)."""
    tokenizer()


class Segmenter:
    """Word-boundary questions about one text, with the answers cached."""

    WINDOW = 8
    _STOP = "\n\r。！？；!?;"

    def __init__(self, text: str):
        self.text = text
        self._cache: dict[tuple[int, int], set[int]] = {}

    def _window(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, start - self.WINDOW)
        hi = min(len(text), end + self.WINDOW)
        for i in range(start - 1, lo - 1, -1):
            if text[i] in self._STOP:
                lo = i + 1
                break
        for i in range(end, hi):
            if text[i] in self._STOP:
                hi = i
                break
        return lo, hi

    def cuts(self, start: int, end: int) -> set[int]:
        """Absolute offsets of the word boundaries in the window around start..end."""
        lo, hi = self._window(start, end)
        key = (lo, hi)
        got = self._cache.get(key)
        if got is None:
            t0 = time.perf_counter()
            pos = lo
            got = {lo}
            for word in tokenizer().cut(self.text[lo:hi], HMM=False):
                pos += len(word)
                got.add(pos)
            stats["cut_seconds"] += time.perf_counter() - t0
            stats["calls"] += 1
            self._cache[key] = got
        return got

    def is_word(self, start: int, end: int) -> bool:
        """True when start and end are both word boundaries (the span is whole words)."""
        c = self.cuts(start, end)
        return start in c and end in c

    def word_at(self, pos: int) -> tuple[int, int]:
        """The word covering offset ``pos``."""
        c = sorted(self.cuts(pos, pos + 1))
        s = max(x for x in c if x <= pos)
        bigger = [x for x in c if x > pos]
        return s, (bigger[0] if bigger else pos + 1)
