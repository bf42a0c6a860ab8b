"""Check ``inserted-char`` of kind ``junk-context``: rare characters a document site puts
inside words against copying (代谀表, 发糯展, 一荃个 for 代表, 发展, 一个).

A character is a candidate when it is rare -- the words of jieba's dictionary that hold it
weigh little together (谀, 糯, 荃; not 危 or 融, which live in 危机, 融合) -- it makes no word
of the dictionary with the characters around it, and taking it out joins its neighbours
into a common word.  Ordinary prose has such a spot now and then (以晴为主 gives 以为); a
page treated this way has them every few lines, so only a run of them is reported: at least
``min_count`` candidates with ``window`` characters of each other.

The finding spans the broken word (代谀表) and its suggestion is the word (代表)."""
from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..cache import compile as compile_cached

_lock = threading.Lock()
_RARE = None


def _weights_path(below: int):
    from ..segment import cache_dir, jieba_version

    return cache_dir() / f"jieba-{jieba_version()}-rare-below{below}.marshal"


def _build_rare(below: int) -> str:
    """The Han characters (U+4E00-U+9FFF) whose dictionary words weigh less than ``below``
    together, as a regex character class body of ranges."""
    from ..segment import open_jieba_dictionary

    weight: dict[str, int] = {}
    with open_jieba_dictionary() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 2 and parts[1].isdigit():
                f = int(parts[1])
                for c in set(parts[0]):
                    weight[c] = weight.get(c, 0) + f
    ranges, start, prev = [], None, None
    for cp in range(0x4E00, 0xA000):
        if weight.get(chr(cp), 0) < below:
            if start is None:
                start = cp
            prev = cp
        elif start is not None:
            ranges.append((start, prev))
            start = None
    if start is not None:
        ranges.append((start, prev))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def rare_pattern(below: int):
    """A rare Han character between two Han characters (compiled once per threshold)."""
    global _RARE
    if _RARE is None or _RARE[0] != below:
        with _lock:
            if _RARE is None or _RARE[0] != below:
                from ..segment import cached

                body = cached(_weights_path(below), lambda: _build_rare(below))
                _RARE = (below, compile_cached(rf"(?<=[\u4e00-\u9fff])[{body}](?=[\u4e00-\u9fff])"))
    return _RARE[1]


def _joins(text: str, i: int, get, least: int) -> tuple[int, int] | None:
    """(start, end) of the broken word around text[i] whose other characters make a common
    word of two or three (代|谀|表 → 代表, 企业|瞀|家 → 企业家), or None when text[i] makes a
    word of three with its neighbours (天方夜谭; inserted_chars asks for words of two: 糯米)
    or no common word is joined."""
    n = len(text)
    for a, b in ((i - 2, i + 1), (i - 1, i + 2), (i, i + 3)):
        if a >= 0 and b <= n and get(text[a:b]):
            return None
    best, most = None, least - 1
    for a, b in ((i - 1, i + 2), (i - 2, i + 2), (i - 1, i + 3)):
        if a >= 0 and b <= n:
            f = get(text[a:i] + text[i + 1:b]) or 0  # (punctuation inside makes no word)
            if f > most:
                best, most = (a, b), f
    return best


def _candidates(text: str, rx, least: int, lo: int, hi: int, stop: int) -> list:
    """(i, (start, end)) of the rare characters at i in lo..hi (searched up to ``stop``)
    whose neighbours, without them, join into a common word."""
    from ..segment import tokenizer

    found = []
    get = None
    for m in rx.finditer(text, lo, stop):
        i = m.start()
        if i >= hi:
            break
        if get is None:  # (jieba's dictionary only for a text with a rare character)
            get = _with_new_words(tokenizer().FREQ.get)
        # (most rare characters in prose are a word's with the next or the previous one: a
        # cheap first look, the rest in _joins)
        if get(text[i:i + 2]) or get(text[i - 1:i + 1]):
            continue
        span = _joins(text, i, get, least)
        if span is not None:
            found.append((i, span))
    return found


@lru_cache(maxsize=None)
def _new_words() -> frozenset:
    """The terms newer than jieba's dictionary (resources/lexicon/newwords.txt), once per process."""
    from .lexicon_data import read_list

    return frozenset(read_list("newwords.txt"))


def _with_new_words(get):
    """``get`` (jieba's frequencies) that also knows the terms newer than its dictionary
    (抗疫, 战疫 -- no 抗战 broken by a 疫)."""
    new = _new_words()

    def known(w):
        return get(w) or (w in new and 1)
    return known


def _moved(hit: tuple, d: int) -> tuple:
    i, (s, e) = hit
    return i + d, (s + d, e + d)


# What decides a candidate reads two characters before it and three after (_joins), and a
# line break inside those makes no word: a line's candidates depend on the line and these.
_REACH = (2, 3)


def inserted_chars(text: str, below: int, least: int, window: int, count: int, ctx=None, key: str = ""):
    """(start, end, values) of the inserted characters of ``text``, in order.  With ``ctx``
    (a review's Context): the candidates of the lines an edit did not touch are the previous
    call's (kinds.spliced, kept under ``key``: the rule's id) -- a whole 1M-character draft
    looked at again took ~35 ms of every edit."""
    rx = rare_pattern(below)
    if ctx is None:
        found = _candidates(text, rx, least, 0, len(text), len(text))
    else:
        from .kinds import spliced

        found, _ = spliced(ctx, "inserted-char:" + key, (below, least), _REACH,
                           lambda lo, hi, stop: (_candidates(text, rx, least, lo, hi, stop), []), move=_moved)
    if len(found) < count:
        return
    # (a rare character of a place's name is the place's: 大碶街道, not 大街 broken)
    from .kinds import _in_division

    found = [hit for hit in found if not _in_division(text, hit[0])]
    if len(found) < count:
        return
    at = [i for i, _ in found]
    for i, (s, e) in found:
        if bisect_right(at, i + window) - bisect_left(at, i - window) < count:
            continue  # one such spot alone is prose (以晴为主), a run of them is the page's
        word = text[s:i] + text[i + 1:e]
        yield s, e, {"stray": text[i], "word": word, "suggestion": word}
