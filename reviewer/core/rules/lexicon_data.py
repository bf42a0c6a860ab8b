"""The word lists under resources/lexicon (one entry a line, ``#`` comments), read once per
process, and the confusion sets behind near misses: same syllable (pinyin.txt) or look-alike
(lookalike*.txt)."""
from __future__ import annotations

import threading

_lock = threading.RLock()
_FILES: dict[str, list[str]] = {}
_CONFUSION: dict | None = None


def lexicon_dir():
    from ... import paths

    return paths.resources_dir() / "lexicon"


def read_list(name: str) -> list[str]:
    """Lines of a data file (``#`` starts a comment), cached per process."""
    got = _FILES.get(name)
    if got is None:
        with _lock:
            got = _FILES.get(name)
            if got is None:
                text = (lexicon_dir() / name).read_text(encoding="utf-8")
                if "#" in text:
                    got = [ln.split("#", 1)[0].strip() for ln in text.splitlines()]
                    got = [ln for ln in got if ln]
                else:
                    got = text.split("\n")
                    got = [ln for ln in got if ln] if "" in got else got
                _FILES[name] = got
    return got


def _confusion():
    """(syllable lines, char -> look-alikes, reading cache), loaded on the first near miss."""
    global _CONFUSION
    if _CONFUSION is None:
        with _lock:
            if _CONFUSION is None:
                lines = [ln.split(" ", 1) for ln in read_list("pinyin.txt")]
                looks: dict[str, set] = {}
                for line in read_list("lookalike.txt") + read_list("lookalike-extra.txt"):
                    group = line.split()
                    for c in group:
                        looks.setdefault(c, set()).update(g for g in group if g != c)
                _CONFUSION = (lines, looks, {})
    return _CONFUSION


def _readings(c: str) -> frozenset:
    lines, _, cache = _confusion()
    got = cache.get(c)
    if got is None:
        got = cache[c] = frozenset(syl for syl, chars in lines if c in chars)
    return got


def confusable(a: str, b: str) -> bool:
    """a and b sound alike (same syllable, any tone) or look alike."""
    if _readings(a) & _readings(b):
        return True
    looks = _confusion()[1]
    return b in looks.get(a, ()) or a in looks.get(b, ())
