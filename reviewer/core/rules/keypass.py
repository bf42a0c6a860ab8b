"""One pass over a draft's lines for the strings every junk rule's prefilter looks for.

Each rule of kind ``junk`` tries only the lines that hold one of the strings its patterns
need (junk_lines.JunkRule._candidates; reach.line_needed): searched rule by rule, that is
some forty searches of the whole text (3-14 ms each on 1M characters).  Here the strings of
all those rules are the keys of one Aho-Corasick automaton (pyahocorasick), built once for
the rules loaded and kept; one pass of it over the review's lines tells every rule its lines.

The automaton looks a character's successor up by a linear scan of a node's children, so a
root with the ~450 first characters of those strings would cost more than the searches it
replaces (~130 ns a character).  Keys and text are fed to it as UTF-32 (big-endian) bytes
without the first one, always 0 (_letters): three 8-bit letters a character, its plane,
high and low byte; the nodes then have a few dozen children at most (the high bytes
first, added commonest first).  A key found not at a multiple of three letters
(straddling two characters) is no match and is left out.  A string holding a digit class
(reach._DIGIT) is looked for up to it, and the lines found searched again with the rule's
own search (likewise a marker's string ending in blanks, below).  Everything is left to the
searches rule by rule when the package is missing, for a text shorter than LEAST, for a
user's rule, and for strings that cannot be keys.

What each rule gets equals what its own search finds (tests/core/test_speed16_keypass.py):
the lines are searched as junk_lines._short_first lays them out, each stripped line once,
joined by line breaks, and no key holds a line break, so a key found lies inside one line.
"""
from __future__ import annotations

import re
import threading
import weakref
from array import array
from bisect import bisect_right

try:
    import ahocorasick  # pyahocorasick
except ImportError:  # pragma: no cover - the searches rule by rule do the same work
    ahocorasick = None

from .reach import _DIGIT, _cost

_SETS: dict[tuple[str, ...], int] = {}  # a rule's strings -> its bit in the keys' values
_BUILT: list = [0, None]  # (how many sets, the automaton over them)
_WAITING: "weakref.WeakSet" = weakref.WeakSet()  # rules whose strings are not asked yet


def available() -> bool:
    return ahocorasick is not None


def enrol(rule) -> None:
    """``rule`` (with a ``_keypass_strings()`` method) will have its strings in the automaton:
    they are asked for all enrolled rules at once before the first pass, so that one
    automaton serves every rule of the review."""
    if ahocorasick is not None:
        _WAITING.add(rule)


def bit(words, starting: bool = False) -> tuple[int, bool] | None:
    """(the bit of the set of strings ``words`` in the keys' values, whether a line found must
    be searched again); None when the set cannot be searched this way (a line break, a lone
    surrogate, strings found nearly everywhere).  Keys are looked for inside the stripped
    lines.  A string holding a digit class (reach._DIGIT) is looked for up to it; with
    ``starting`` (a line holding a string's start: it may run on into the blanks after the
    line, junk_lines._lines_holding) one ending with blanks is looked for without them.
    Either way the lines found are a few more than those holding the string, and are
    searched again."""
    if ahocorasick is None or not words:
        return None
    asked = (frozenset(words), starting)
    got = _ASKED.get(asked, False)
    if got is not False:
        return got
    keys, again = set(), False
    for w in asked[0]:
        if "\n" in w or not w or w[0] == _DIGIT or _surrogate(w):
            keys = None
            break
        k = w.split(_DIGIT, 1)[0]
        if starting and len(k) > 1:
            k = k.rstrip()
        if not k:
            keys = None
            break
        again = again or k != w
        keys.add(k)
    if keys is None or again and _cost(keys) > _MOST_COST:
        got = None
    else:
        keys = tuple(sorted(keys))
        got = (_SETS.setdefault(keys, len(_SETS)), again)
    _ASKED[asked] = got
    return got


_ASKED: dict = {}
# Below this many characters of lines the rules' own searches cost less than building the
# automaton (~12 ms, once) and the pass: a short draft is searched rule by rule.
LEAST = 100_000
# Strings cut short before a digit class (年 of 年\d, : of :\d\d) that are common (reach._cost:
# expected every few characters): the many lines found would be searched again one by one,
# and their hits cost the pass more than the rule's own search.
_MOST_COST = 0.1


_MOST_CHARS = 5000


def class_chars(pattern: str) -> set[str] | None:
    """The characters of a pattern that is one character class of characters and ranges
    ([☀-➿🀀-🫿]: reach.first_class), as keys of one character each; None for any other
    pattern or more than _MOST_CHARS characters."""
    from re import _parser, _constants as C

    try:
        parsed = list(_parser.parse(pattern))
    except Exception:  # noqa: BLE001
        return None
    if len(parsed) != 1 or parsed[0][0] is not C.IN:
        return None
    out: set[str] = set()
    for op, av in parsed[0][1]:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < _MOST_CHARS:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
        if len(out) > _MOST_CHARS:
            return None
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(w: str) -> bool:
    return _SURROGATE.search(w) is not None


def _prepare() -> None:
    while _WAITING:
        for rule in list(_WAITING):
            try:
                rule._keypass_strings()
            except Exception:  # noqa: BLE001 - left out: the rule meets it in its own scan
                pass
            _WAITING.discard(rule)  # (after: a rule is off the list once its strings are in)


# Two reviews may ask at once (the window's quick and full pass): one asks the rules for their
# strings and builds, the other waits for it -- never an automaton without a waiting rule's
# strings.  A pass also knows how many sets its automaton holds (Found.sets): a rule whose set
# came later is searched by its own search.
_LOCK = threading.RLock()


def _automaton():
    with _LOCK:
        return _built()


def _built():
    _prepare()
    if _BUILT[1] is None or _BUILT[0] != len(_SETS):
        masks: dict[str, int] = {}
        for words, b in _SETS.items():
            for w in words:
                masks[w] = masks.get(w, 0) | (1 << b)
        auto = ahocorasick.Automaton()
        # The keys whose first character's high byte is commonest in a draft first: a node's
        # children are scanned in the order they were added.
        keys = sorted(masks, key=_commonest_first)
        letters = _letters("".join(keys))  # (all at once: one call per key cost ~10 ms)
        at = 0
        for w in keys:
            end = at + 3 * len(w)
            auto.add_word(letters[at:end], masks[w])
            at = end
        auto.make_automaton()
        _BUILT[:] = [len(_SETS), auto]
    return _BUILT[1]


_HIGH: dict[int, int] = {}


def _commonest_first(w: str):
    if not _HIGH:
        from .reach import _COMMON

        for c in _COMMON:
            _HIGH[ord(c) >> 8] = _HIGH.get(ord(c) >> 8, 0) + 1
    return -_HIGH.get(ord(w[0]) >> 8, 0), w


_PIECE = 1 << 16  # characters encoded at a time: 1M would take 8 MB more at the peak


def _letters(text: str) -> str:
    """``text`` as the automaton reads it: each character's UTF-32 (big-endian) bytes but
    the first, which is 0 for every character, as three Latin-1 letters (C loops: one
    transition less a character than the four bytes, ~15 % of the pass).  Raises
    UnicodeEncodeError on a lone surrogate."""
    b = text.encode("utf-32-be")
    out = bytearray(len(b) // 4 * 3)
    out[0::3] = b[1::4]
    out[1::3] = b[2::4]
    out[2::3] = b[3::4]
    return out.decode("latin-1")


class Found:
    """The pass over one review's lines: for each set of keys' values found, the lines (as
    positions in junk_lines._short_first's order) holding such a key."""

    def __init__(self, joined: str, where: list[int]):
        with _LOCK:
            auto, self.sets = _automaton(), _BUILT[0]
        self.by_mask: dict[int, array] = {}
        self.ok = self.sets > 0  # (no strings at all: no automaton to pass)
        if not self.ok:
            return
        by_mask: dict[int, set[int]] = {}
        get = by_mask.get
        starts = [x * 3 for x in where]  # the lines' starts in letters
        starts.append(1 << 62)
        k, after = -1, -1  # the line of the last key found, where the next line starts
        n = len(joined)
        a = 0
        while a < n:  # a piece at a time (ending with a line): its letters are 3 a character
            b = joined.find("\n", a + _PIECE)
            b = n if b < 0 else b + 1
            try:
                units = _letters(joined[a:b])
            except UnicodeEncodeError:  # a lone surrogate
                self.ok = False
                return
            base = a * 3
            for end, mask in auto.iter(units):  # (in the order of their ends)
                if end % 3 == 2:  # (else a key straddling two characters)
                    end += base
                    if end >= after:
                        k = bisect_right(starts, end) - 1
                        after = starts[k + 1]
                    got = get(mask)
                    if got is None:
                        by_mask[mask] = {k}
                    else:
                        got.add(k)
            a = b
        # kept while the review lasts: as arrays, a tenth of the sets' memory (~3 MB on 1M)
        self.by_mask = {mask: array("l", ks) for mask, ks in by_mask.items()}

    _by_line = None

    def by_line(self, order) -> dict[int, int]:
        """{line: the keys' values found in it, or-ed}, the lines as ``order`` names those
        in the short-first order (junk_lines._short_first); made once per pass."""
        got = self._by_line
        if got is None or got[0] is not order:
            out: dict[int, int] = {}
            get = out.get
            for mask, ks in self.by_mask.items():
                for i in map(order.__getitem__, ks):
                    out[i] = get(i, 0) | mask
            got = self._by_line = (order, out)
        return got[1]

    def lines(self, b: int) -> set[int]:
        """Positions (in the short-first order) of the lines holding a key of set ``b``."""
        out: set[int] = set()
        for mask, ks in self.by_mask.items():
            if mask >> b & 1:
                out.update(ks)
        return out
