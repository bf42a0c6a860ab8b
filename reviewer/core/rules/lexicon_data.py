"""The word lists under resources/lexicon (one entry a line, ``#`` comments), read once per
process, the confusion sets behind near misses: same syllable (pinyin.txt) or look-alike
(lookalike*.txt), and the one pass over a text that finds the bigrams the list kinds
(near-miss, misused, formula-order) start from."""
from __future__ import annotations

import threading
import weakref
from collections import defaultdict

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
    out: defaultdict = defaultdict(list)
    for i in [i for i in range(lo, hi) if text[i:i + 2] in union]:
        out[text[i:i + 2]].append(i)
    return dict(out)


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
