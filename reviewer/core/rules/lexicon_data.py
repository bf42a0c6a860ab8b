"""The word lists under resources/lexicon (one entry a line, ``#`` comments), read once per
process, the confusion sets behind near misses: same syllable (pinyin.txt) or look-alike
(lookalike*.txt), and the one pass over a text that finds the bigrams the list kinds
(near-miss, misused, formula-order) start from."""
from __future__ import annotations

import sys
import threading
import weakref
from itertools import compress, count

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


# -- one pass over the text for the bigrams the list kinds start from --------------------------
# near-miss anchors every expression on its first and last two characters, misused every
# wrong form on its first two: one pass over the text finds where any of them occurs, and
# every rule of these kinds reads its own bigrams' positions from it (ctx.cached, keyed by
# the union's version: a rule loaded later makes the next review pass again).
_BIGRAMS: list = [frozenset(), 0]
_USERS: "weakref.WeakSet" = weakref.WeakSet()
_JOINED: "weakref.WeakSet" = weakref.WeakSet()  # those whose set is in the union


def use_bigrams(rule) -> None:
    """rule.bigrams() gives the set it needs (built on first call); every registered rule's
    set joins the union before the first pass (bigram_hits)."""
    _USERS.add(rule)


def _register(sets) -> None:
    """The bigram sets of rules new since the last review into the union: one new union for
    them all (one for each rule copied the growing union each time: ~40,000 bigrams, ~30 ms
    of the first review)."""
    with _lock:
        union = _BIGRAMS[0]
        extra = [b for b in sets if not b <= union]
        if extra:
            _BIGRAMS[0] = union.union(*extra)
            _BIGRAMS[1] += 1


def _positions(text: str, lo: int = 0, hi: int | None = None, union=None) -> dict[str, list[int]]:
    """bigram -> the positions (in lo..hi, ascending) where it starts, for the bigrams in
    union (default: every registered one)."""
    if union is None:
        union = _BIGRAMS[0]
    hi = len(text) - 1 if hi is None else min(hi, len(text) - 1)
    if hi - lo >= _WIDE and isinstance(union, frozenset):
        got = _wide_positions(text, lo, hi, union)
        if got is not None:
            return got
    return _by_bigram(text, [i for i in range(lo, hi) if text[i:i + 2] in union])


def _by_bigram(text: str, at) -> dict[str, list[int]]:
    """bigram -> its positions, of the ascending positions ``at``."""
    out: dict[str, list[int]] = {}
    get = out.get
    for i in at:
        bg = text[i:i + 2]
        got = get(bg)
        if got is None:
            out[bg] = [i]
        else:
            got.append(i)
    return out


# A long stretch (the whole draft, once per review) is looked up as numbers, not strings:
# the text in UTF-16 read as 32-bit words is every bigram at an even position, and the
# same two bytes on every bigram at an odd one -- each one int (two characters' code
# units), looked up in the union as ints, in C loops.  A slice of two characters for
# each of a million positions cost ~115 ms; this ~85 ms.  (A text with a character beyond
# the BMP takes the slices: its UTF-16 is not one unit a character.)  The union as ints is
# made once a process (~5 ms): not for a short draft, which gains less than that.
_WIDE = 50_000
_INT_UNIONS: dict = {}  # id(union) -> (union, the same bigrams as ints); a frozenset is never changed
_LITTLE = sys.byteorder == "little"
_UTF16 = "utf-16-le" if _LITTLE else "utf-16-be"  # (a 32-bit word of two units: the first unit low on this machine)


def _bigram_ints(union: frozenset):
    got = _INT_UNIONS.get(id(union))
    if got is None or got[0] is not union:
        ints = None
        if set(map(len, union)) == {2}:  # (the usual union: one string of its words, read as words)
            units = "".join(union).encode(_UTF16, "surrogatepass")
            if len(units) == 4 * len(union):  # (no character beyond the BMP)
                ints = frozenset(memoryview(units).cast("I"))
        if ints is None:
            ints = frozenset(ord(b[0]) | ord(b[1]) << 16 if _LITTLE else ord(b[0]) << 16 | ord(b[1])
                             for b in union if len(b) == 2 and b[0] < "\U00010000" and b[1] < "\U00010000")
        with _lock:
            if len(_INT_UNIONS) > 32:  # (unions of rule sets no longer in use; each rule's own set is one)
                _INT_UNIONS.clear()
            got = _INT_UNIONS[id(union)] = (union, ints)
    return got[1]


def _wide_positions(text: str, lo: int, hi: int, union: frozenset):
    """_positions() of lo..hi (hi <= len(text) - 1) by the text's UTF-16 words; None for a
    text it cannot read so."""
    piece = text[lo:hi + 1]  # the bigrams starting in lo..hi-1, the last one's second character
    units = piece.encode(_UTF16, "surrogatepass")
    if len(units) != 2 * len(piece):
        return None
    try:
        words = memoryview(units)
        even = words[:len(units) // 4 * 4].cast("I")
        odd = words[2:2 + (len(units) - 2) // 4 * 4].cast("I")
    except (TypeError, ValueError):
        return None
    if even.itemsize != 4:
        return None
    has = _bigram_ints(union).__contains__
    at = list(compress(count(lo, 2), map(has, even)))
    at += compress(count(lo + 1, 2), map(has, odd))
    at.sort()  # (two ascending runs: merged)
    return _by_bigram(text, at)


def bigram_hits(ctx) -> dict[str, list[int]]:
    """The positions of every registered bigram in ctx.text, found once per review."""
    if len(_JOINED) != len(_USERS):  # a rule made since the last review (_JOINED is a subset)
        with _lock:
            new = [rule for rule in list(_USERS) if rule not in _JOINED]
            _register([rule.bigrams() for rule in new])
            for rule in new:
                _JOINED.add(rule)
    text = ctx.text
    return ctx.cached(("list-bigrams", _BIGRAMS[1]), lambda: _positions(text))
