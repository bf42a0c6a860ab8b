"""Whether a compiled pattern is line-local: nothing outside its lookarounds can match a
line break, and its lookarounds reach a bounded number of characters before and after.
The incremental re-check (core/incremental.py) caches such rules' hits per line."""
from __future__ import annotations

import re

from ..cache import line_reach as reach_cached

_NL = 10  # "\n"
_CATS_WITH_NL = None


def _class_has_nl(items) -> bool:
    from re import _constants as C

    global _CATS_WITH_NL
    if _CATS_WITH_NL is None:
        _CATS_WITH_NL = {C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE, C.CATEGORY_NOT_DIGIT, C.CATEGORY_UNI_NOT_DIGIT,
                         C.CATEGORY_NOT_WORD, C.CATEGORY_UNI_NOT_WORD, C.CATEGORY_LOC_NOT_WORD,
                         C.CATEGORY_LINEBREAK, C.CATEGORY_UNI_LINEBREAK}
    negate = False
    found = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            found = found or av == _NL
        elif op is C.RANGE:
            found = found or av[0] <= _NL <= av[1]
        elif op is C.CATEGORY:
            found = found or av in _CATS_WITH_NL
        else:
            return True  # not understood: assume the worst
    return found != negate


_FAR = 200  # a lookaround reaching further than this makes a pattern not line-local


def _walk(seq, flags: int, inside: bool, reach: list) -> bool:
    """False when the parsed pattern is not line-local.  Outside lookarounds nothing may
    match a line break; a lookaround may look anywhere within _FAR characters, and its
    width is added to reach (behind, ahead)."""
    from re import _constants as C

    for op, av in seq:
        if op is C.LITERAL:
            if av == _NL and not inside:
                return False
        elif op is C.NOT_LITERAL:
            if av != _NL and not inside:
                return False
        elif op is C.ANY:
            if flags & C.SRE_FLAG_DOTALL and not inside:
                return False
        elif op is C.IN:
            if not inside and _class_has_nl(av):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _walk(av[2], flags, inside, reach):
                return False
        elif op is C.SUBPATTERN:
            _, add, remove, sub = av
            if not _walk(sub, (flags | add) & ~remove, inside, reach):
                return False
        elif op is C.ATOMIC_GROUP:
            if not _walk(av, flags, inside, reach):
                return False
        elif op is C.BRANCH:
            if not all(_walk(alt, flags, inside, reach) for alt in av[1]):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, body = av
            if not inside:
                # a lookahead that matches nothing across a line break stops at the
                # line's end: it reads no further than the line break itself; a lookbehind
                # that matches no line break holds only characters of its own line (before
                # the line's first character it would have to hold the break): it reads
                # nothing of the line before
                own = [0, 0]
                if _walk(body, flags, False, own):
                    reach[0] += own[0]
                    reach[1] += own[1]
                    continue
            width = body.getwidth()[1]
            if width > _FAR:
                return False
            reach[0 if direction < 0 else 1] += width
            if not _walk(body, flags, True, reach):
                return False
        elif op is C.GROUPREF_EXISTS:
            _, yes, no = av
            if not _walk(yes, flags, inside, reach) or (no is not None and not _walk(no, flags, inside, reach)):
                return False
        elif op in (C.GROUPREF, C.AT):
            pass  # a group's text is checked where it is defined; anchors: see line_reach
        else:
            return False  # an opcode not handled here: assume the worst
    return True


def _widest(reaches):
    if any(r is None for r in reaches):
        return None
    return max((r[0] for r in reaches), default=0), max((r[1] for r in reaches), default=0)


_MOST_WIDE = 32  # a match running into the next line: at most this many characters long


def cross_reach(rx) -> tuple[int, int, int] | None:
    """(behind, ahead, width) for a pattern that is not line-local (line_reach) only
    because its matches may run on across a line break, a bounded way: every match is at
    most ``width`` characters long (at most _MOST_WIDE) and its lookarounds read at most
    ``behind`` characters before the place they are tried and ``ahead`` after it.  What the
    matches starting in a line are then depends on the text from ``behind`` characters
    before the line to ``width + ahead + 2`` after it -- and on where the match before them
    ended (kinds.spliced(crossing=True) keeps track of the matches that run on).  None when
    it is line-local or not bounded so.  Kept between runs (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return None
    from ..cache import kept

    got = kept(("cross-reach-v1", rx.pattern, str(int(rx.flags))), lambda: _cross_reach(rx))
    if not got:
        return None
    behind, ahead, width = map(int, got.split(","))
    return behind, ahead, width


def bounded_reach(rx, most: int = 200) -> tuple[int, int, int] | None:
    """(behind, ahead, width) as cross_reach() gives them, for any pattern whose matches are
    at most ``most`` characters long, line-local or not (stale.py: a term that may run on
    over a line break, searched around the characters it needs); None when unbounded."""
    parsed = parsed_or_none(rx)
    if parsed is None:
        return None
    width = parsed.getwidth()[1]
    if width > most:
        return None
    reach = [0, 0]
    # walked as if inside a lookaround: a line break may be matched anywhere, and every
    # lookaround's width is added up (each no wider than _FAR)
    if not _walk(parsed, parsed.state.flags, True, reach):
        return None
    return reach[0], reach[1], width


def _cross_reach(rx) -> str | None:
    if line_reach(rx) is not None:
        return None
    got = bounded_reach(rx, _MOST_WIDE)
    return None if got is None else ",".join(map(str, got))


def parsed_or_none(rx):
    """``rx`` parsed by ``re``'s own parser; None for a user's pattern (not compiled by us)
    or one the parser refuses (compiled once already: assume the worst)."""
    if not isinstance(rx, re.Pattern):
        return None
    from re import _parser

    try:
        return _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001
        return None


def line_reach(rx) -> tuple[int, int] | None:
    """_line_reach(rx), remembered between runs (core/cache.py)."""
    return reach_cached(rx, _line_reach)


def _line_reach(rx) -> tuple[int, int] | None:
    """How far beyond a line ``rx`` may look, as (behind, ahead); None when a match may
    run across a line break.

    When nothing outside its lookarounds can match "\n", every match lies within one
    line, and ``rx.finditer(text, s, end)`` over a line s..e of a text finds exactly the
    matches of ``rx.finditer(text)`` that start in the line, provided ``end`` lies at
    least ``ahead + 2`` characters past e (or is the text's end): lookbehinds, ``\\b``
    and ``^`` read the text before s as usual, lookaheads read past e, and ``$``/``\\Z``
    (which also match at ``end`` or before a "\n" at ``end - 1``) are never tried there.
    What the line's matches are then depends on its text, ``behind`` characters before
    it and ``ahead + 2`` after it (core/incremental.py)."""
    parsed = parsed_or_none(rx)  # (None: a user's pattern under a time budget)
    if parsed is None:
        return None
    reach = [0, 0]
    if not _walk(parsed, parsed.state.flags, False, reach):
        return None
    return reach[0], reach[1]


# ----- a prefilter for line-local patterns (PatternRule.scan) ---------------------------
# A pattern that opens with lookbehinds gives ``re`` no prefix to skip ahead with: it is
# tried at every character.  When every match must hold one of a few characters (its
# "needed" characters), only the lines holding one can have a match; for a line-local
# pattern the matches of those lines, searched line by line as the incremental re-check
# does, are the matches of the whole text.

_MOST_NEEDED = 64  # more characters than this: the prefilter would find most lines anyway


def needed_chars(rx) -> str | None:
    """Characters of which every match of ``rx`` holds at least one (in its consumed text,
    not in a lookaround), as a string; None when there is no such small set."""
    if not isinstance(rx, re.Pattern):
        return _needed_chars(rx)
    from ..cache import kept

    # (v3: of equally small sets, the rarest -- _need_seq; the v1 answers were the first)
    return kept(("needed-v3", rx.pattern, str(int(rx.flags))), lambda: _needed_chars(rx))


def _parsed_with_case(rx):
    """``rx`` parsed, or None: not a pattern of ``re``, or case-insensitive (by flag or
    inline), where no analysis of the characters it needs holds."""
    if not isinstance(rx, re.Pattern) or rx.flags & re.IGNORECASE:
        return None
    from re import _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - compiled once already
        return None
    return None if parsed.state.flags & re.IGNORECASE else parsed


def _needed_chars(rx) -> str | None:
    parsed = _parsed_with_case(rx)
    if parsed is None:
        return None
    got = _need_seq(parsed)
    if not got or len(got) > _MOST_NEEDED:
        return None
    return "".join(sorted(got))


def _need_seq(seq) -> frozenset | None:
    """The smallest needed set of any item of a sequence (all of them must match); of
    equally small ones the rarest (_weight: 旗 of 伟大旗帜 rather than 高), then the first."""
    best = None
    for item in seq:
        got = _need_item(*item)
        if got is not None and (best is None or _rarer(got, best)):
            best = got
    return best


def _rarer(a: frozenset, b: frozenset) -> bool:
    return len(a) < len(b) or len(a) == len(b) and _weight(a) < _weight(b)


def _weight(chars) -> int:
    """_frequency() in whole numbers (a frequent character 10, another 1): compared exactly."""
    return sum(10 if c in _COMMON or c.isspace() or c.isdigit() else 1 for c in chars)


def _class_chars(items, widest: int = _MOST_NEEDED) -> list[str] | None:
    """The characters of a character class's parsed items (literals and ranges narrower than
    ``widest``), in order; None when it holds anything else (a negation, a category, a wide range)."""
    from re import _constants as C

    chars: list[str] = []
    for iop, iav in items:
        if iop is C.LITERAL:
            chars.append(chr(iav))
        elif iop is C.RANGE and iav[1] - iav[0] < widest:
            chars.extend(chr(c) for c in range(iav[0], iav[1] + 1))
        else:
            return None
    return chars


def _need_item(op, av) -> frozenset | None:
    from re import _constants as C

    if op is C.LITERAL:
        return frozenset((chr(av),))
    if op is C.IN:
        chars = _class_chars(av)  # None: negated, a category, a wide range -- not a small set
        return frozenset(chars) if chars else None
    if op is C.SUBPATTERN:
        _, add, _remove, sub = av
        if add & re.IGNORECASE:
            return None
        return _need_seq(sub)
    if op is C.ATOMIC_GROUP:
        return _need_seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        return _need_seq(body) if lo >= 1 else None
    if op is C.BRANCH:
        return _union(av[1], _need_seq, _MOST_NEEDED)
    return None  # lookarounds, anchors, back references, anything else: needs nothing


# ----- the same for a pattern matched against one line alone (junk_lines.JunkRule) -----
# A rule of kind ``junk`` matches its patterns against a line cut out of the text: a
# lookaround then sees nothing but that line, so what a positive lookaround needs is in
# the line too.  Here what a match needs is a set of strings (为大家|给您 rather than
# 为|给): lines holding none of a rule's needed strings are never tried.

_MOST_STRINGS = 400  # more alternatives than this: no prefilter
# In a needed string, a digit (\d) -- a noncharacter, which no pattern of ours holds: "-7"
# and ":30" find far fewer lines than "-" and ":".  A string never begins with it.
_DIGIT = "\ufdd0"


def line_needed(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings of which a line holds at least one when ``pattern`` matches somewhere in it
    (consumed or inside a positive lookaround), or None.  Kept between runs (core/cache.py)
    under the pattern with a comment appended (its version: change it with the analysis),
    apart from needed_chars()."""
    from ..cache import remembered

    got = remembered(pattern, flags, "line-needed-v5", _line_needed)
    return None if got is None else tuple(got.split("\n"))


def span_needed(rx) -> tuple[str, ...] | None:
    """Strings of which every match of ``rx``, searched between a line's start and end
    (``rx.finditer(text, s, e)``), holds one between them: in its text or a lookahead,
    which reads no further than e; a lookbehind may read before s and does not count."""
    if not isinstance(rx, re.Pattern):
        return None
    from ..cache import remembered

    got = remembered(rx, rx.flags, "span-needed-v1", lambda _tagged: _line_needed(rx, behind=False))
    return None if got is None else tuple(got.split("\n"))


def consumed_needed(rx) -> tuple[str, ...] | None:
    """Strings of which every match of ``rx`` holds one in the text it consumes (not in a
    lookaround): for a line-local pattern (line_reach), in its line, however far its
    lookarounds read (PatternRule's prefilter)."""
    if not isinstance(rx, re.Pattern):
        return None
    got = _facts(rx)["consumed"]
    return None if got is None else tuple(got.split("\n"))


def _line_needed(rx, behind: bool | None = True) -> str | None:
    """line_needed() as one string, the strings joined by line breaks (cache.needed keeps
    strings); a pattern whose needed strings hold a line break gets None."""
    parsed = _parsed_with_case(rx)
    if parsed is None:
        return None
    got = _strings_seq(parsed, behind)
    if not got:
        return None
    got = {x.lstrip(_DIGIT) for x in got}  # a line holding "7:" holds ":"
    if "" in got or any("\n" in x for x in got):
        return None
    return "\n".join(sorted(got))


# The most frequent characters of Chinese official prose: a needed set made of them finds
# most lines (第 of 第一, 共 of 共同), a rarer one (页, 版权) few.
_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
              "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小"
              "物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相"
              "全表间样与关各重新线内数正心反明看原又利比或但质气第向道此变条只没结解问意建月公无系"
              "情者最立代已通并提直题党程展五果员位入常文总次品式活设及管特件长求基资边流路级少统接"
              "知较将组见计别期论运农指区强放决被做必先回则任取据处南给门即保治北百规领导志世金增争"
              "济阶思术极交受联认共权收证改清美再采转更单风切教速带安场身例真务具万每目至达积示议报"
              "完类名确科信节话整空元况今集传土群广记需段研界林律且究观越织影算持众书布复容须际商非"
              "验断深难近千周委素技备半办青省列习响约支般史感劳便团往历市何除构府称准精值号率族维划"".,:;-、，。：；“”（）")


def _cost(strings) -> float:
    """How often the strings may be expected in a draft: the lower, the fewer lines found."""
    total = 0.0
    for x in strings:
        p = 1.0
        for c in x:
            p *= 0.2 if c == _DIGIT else 0.02 if c in _COMMON or c.isspace() else 0.002
        total += p
    return total


def _better(a, b):
    """The more selective of two needed sets."""
    if a is None:
        return b
    if b is None:
        return a
    return b if _cost(b) < _cost(a) else a


def _product(a, b):
    if a is None or b is None or len(a) * len(b) > _MOST_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _strings_seq(seq, behind: bool = True):
    """Needed strings of a sequence: the best of its items' own, and of each run of
    consecutive items that match one of a few exact strings (their product).
    ``behind``: what a positive lookbehind needs counts too."""
    best = None
    run = frozenset(("",))
    for op, av in seq:
        exact = _exact(op, av)
        if exact is not None:
            joined = _product(run, exact)
            run = joined if joined is not None else exact
            if "" not in run:
                best = _better(best, run)
        else:
            run = frozenset(("",))
        got = _strings_item(op, av, behind)
        if got is not None and "" not in got:
            best = _better(best, got)
    return best


def _strings_item(op, av, behind: bool = True):
    from re import _constants as C

    if op is C.SUBPATTERN:
        _, add, _remove, sub = av
        return None if add & re.IGNORECASE else _strings_seq(sub, behind)
    if op is C.ATOMIC_GROUP:
        return _strings_seq(av, behind)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        return _strings_seq(body, behind) if lo >= 1 else None
    if op is C.ASSERT:  # a positive lookaround: it reads the line alone
        return _strings_seq(av[1], behind) if behind or (behind is False and av[0] > 0) else None
    if op is C.BRANCH:
        out = set()
        for alt in av[1]:
            got = _strings_seq(alt, behind)
            if got is None or "" in got:
                return None
            out |= got
        return _fit(out)
    return _exact(op, av)


def _fit(strings):
    """At most _MOST_STRINGS strings: their beginnings, as long as that allows (a string
    holding one of the strings holds its beginning)."""
    if len(strings) <= _MOST_STRINGS:
        return frozenset(strings)
    for k in range(max(map(len, strings)) - 1, 0, -1):
        cut = {x[:k] for x in strings}
        if len(cut) <= _MOST_STRINGS:
            return frozenset(cut)
    return None


def _exact(op, av):
    """The few strings an item can match, or None ("" for what matches nothing)."""
    from re import _constants as C

    if op is C.LITERAL:
        return None if chr(av) == _DIGIT else frozenset((chr(av),))
    if op is C.IN:
        if av == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
            return frozenset((_DIGIT,))
        chars = set()
        for iop, iav in av:
            if iop is C.LITERAL and chr(iav) != _DIGIT:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < _MOST_NEEDED and not iav[0] <= ord(_DIGIT) <= iav[1]:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None
        return frozenset(chars) if chars else None
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return frozenset(("",))
    if op is C.SUBPATTERN:
        _, add, _remove, sub = av
        return None if add & re.IGNORECASE else _exact_seq(sub)
    if op is C.BRANCH:
        return _union(av[1], _exact_seq, _MOST_STRINGS)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, body = av
        if hi > 2:
            return None
        one = _exact_seq(body)
        if one is None:
            return None
        out, power = set(), frozenset(("",))
        for k in range(hi + 1):
            if k >= lo:
                out |= power
            if k < hi:
                power = _product(power, one)
                if power is None:
                    return None
        return frozenset(out)
    return None


def _exact_seq(seq):
    out = frozenset(("",))
    for op, av in seq:
        out = _product(out, _exact(op, av))
        if out is None:
            return None
    return out


def any_of(strings) -> str:
    """A pattern that finds any of ``strings`` (literal; _DIGIT for a digit), as a trie:
    下(?:面(?:是|为)|载)…
    ``re`` tries a long alternation of words one word after another at every character;
    a trie reads each character once.  A string holding another one of the set is left
    out: where it stands, the shorter one does too.  Remembered between runs (a junk
    rule's word lists made every first review pay ~30 ms for these)."""
    from ..cache import kept

    words = tuple(sorted(set(strings)))
    return kept(("any_of-v1",) + words, lambda: _any_of(words))


def _any_of(strings) -> str:
    words = sorted(strings, key=len)
    kept: list[str] = []
    seen: set = set()
    for w in words:  # (its substrings looked up: a scan of all kept words was quadratic)
        n = len(w)
        if "" in seen or any(w[i:j] in seen for i in range(n) for j in range(i + 1, n + 1)):
            continue
        kept.append(w)
        seen.add(w)
    return _emit(_trie(kept))


def _trie(words) -> dict:
    """The words as nested dicts a character a level; "" marks where a word ends."""
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return trie


def _emit(node: dict) -> str:
    if "" in node:
        return ""  # a whole word ends here (no word of the set continues it)
    # every branch opens with a literal: ``re`` then skips ahead to the characters that
    # can begin one (a character class among them would make it try every position)
    alts = [("\\d" if c == _DIGIT else re.escape(c)) + _emit(node[c]) for c in sorted(node, key=_by_frequency)]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# ----- where a match can begin (kinds.PatternRule) ----------------------------------------
# Every match of a pattern that cannot match an empty string begins with a character its
# first consumed item can match.  When those are a few characters, the pattern is tried
# only where one of them stands.

_MOST_FIRST = 200


def first_chars(rx) -> str | None:
    """The characters a (never empty) match of ``rx`` can begin with, or None -- also when
    ``re`` skips ahead to them by itself.  Kept between runs (core/cache.py) under the
    pattern with a comment appended."""
    if not isinstance(rx, re.Pattern):
        return None
    from ..cache import remembered

    return remembered(rx, rx.flags, "first-v2", lambda _tagged: _first_chars(rx))


def _first_chars(rx) -> str | None:
    parsed = _parsed_with_case(rx)
    if parsed is None or parsed.getwidth()[0] < 1 or _has_prefix(parsed):
        return None
    got = _first_seq(parsed)
    if got is None or got[1] or not got[0] or len(got[0]) > _MOST_FIRST:
        return None
    return "".join(sorted(got[0]))


# ----- what the search plans of kinds.PatternRule ask of a pattern ----------------------
# One analysis of the pattern, kept between runs as one entry (core/cache.py keeps each
# entry under the pattern compiled once more: one entry a pattern, not one an answer).

_FACTS: dict = {}


def _facts(rx) -> dict:
    key = (rx.pattern, rx.flags)
    got = _FACTS.get(key)
    if got is None:
        import json

        from ..cache import remembered

        raw = remembered(rx, rx.flags, "plan-facts-v4", lambda _tagged: json.dumps(_all_facts(rx)))
        got = _FACTS[key] = json.loads(raw) if raw else _all_facts(rx)
    return got


def _all_facts(rx) -> dict:
    return {"consumed": _line_needed(rx, behind=None), "pivot": _pivot_chars(rx), "start": _start_chars(rx),
            "mergeable": _mergeable(rx), "pays": _pays(rx), "skips": _skips(rx),
            "pivot_strings": _pivot_strings(rx)}


# ----- where a match holds one of a few characters, not far from its start ---------------
# A pattern that opens with a choice of a mark, a space or nothing (“，个” “ 个” “个”) has no
# first characters of its own; but each match holds 个 at most one character after its
# start.  It is tried only that far before each place where one stands (kinds._Starts).

_MOST_SPAN = 3   # starts tried before each place: at most this many + 1
_MOST_AHEAD = 8  # the place at most this far from the match's start


def pivot_chars(rx) -> tuple[str, int, int] | None:
    """(characters, lo, hi): every match of ``rx`` (never empty) holds one of the
    characters lo to hi characters after its start; None when there is no such small
    set close to the start -- also when ``re`` skips ahead by itself.  Kept between runs
    (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return None
    got = _facts(rx)["pivot"]
    if not got:
        return None
    lo, hi, chars = got.split(",", 2)
    return chars, int(lo), int(hi)


def _pivot_chars(rx) -> str | None:
    from re import _parser, _constants as C

    parsed = _parsed_with_case(rx)
    if parsed is None or parsed.getwidth()[0] < 1 or _has_prefix(parsed):
        return None
    lo = hi = 0
    best = None
    for item in parsed:
        got = _first_item(*item)
        if got is not None and got[0] and not got[1] and len(got[0]) <= _MOST_FIRST:
            cost = _frequency(got[0]) * (hi - lo + 1)
            if best is None or cost < best[0]:
                best = (cost, lo, hi, "".join(sorted(got[0])))
        a, b = _parser.SubPattern(parsed.state, [item]).getwidth()
        lo, hi = lo + a, hi + b
        if hi > _MOST_AHEAD or hi - lo > _MOST_SPAN or item[0] is C.GROUPREF:
            break
    if best is None or best[2] == 0:
        return None  # (first_chars' business)
    return f"{best[1]},{best[2]},{best[3]}"


# ----- where a match holds one of a few strings, not far from its start ------------------
# A pattern that opens with a run of common characters before what it is about (preview-cut:
# up to ten characters of a clause, a Han character, then .. … 。。。 ···) has neither first
# characters nor a rare pivot character (。 is everywhere); but every match holds one of a few
# *strings* -- rare ones -- a bounded distance after its start.  It is tried only that far
# before each place where one of them starts (kinds._Starts with a finder of the strings).

_MOST_STRINGS_AHEAD = 20  # the strings at most this far from the match's start
_MOST_STRINGS_SPAN = 16   # starts tried before each place: at most this many + 1
_MOST_STRINGS_COST = 0.05  # expected tries a character of a draft (_cost × starts)


def pivot_strings(rx) -> tuple[tuple[str, ...], int, int] | None:
    """(strings, lo, hi): every match of ``rx`` (never empty) holds one of the strings,
    starting lo to hi characters after its start; None when there are no such rare strings
    close to the start, or when first_chars or pivot_chars serve.  Kept between runs."""
    if not isinstance(rx, re.Pattern):
        return None
    got = _facts(rx).get("pivot_strings")
    if not got:
        return None
    lo, hi, strings = got
    return tuple(strings), lo, hi


def _pivot_strings(rx) -> list | None:
    from re import _parser, _constants as C

    parsed = _parsed_with_case(rx)
    if parsed is None or parsed.getwidth()[0] < 1 or (_has_prefix(parsed) and not _wide_lead(parsed)):
        return None
    items = _flat_items(parsed)
    if items is None:
        return None
    lo = hi = 0
    best = None
    for k, item in enumerate(items):
        got = _opening_strings(items, k)
        if got:
            cost = _cost(got) * (hi - lo + 1)
            if best is None or cost < best[0]:
                best = (cost, lo, hi, got)
        a, b = _parser.SubPattern(parsed.state, [item]).getwidth()
        lo, hi = lo + a, hi + b
        if hi > _MOST_STRINGS_AHEAD or hi - lo > _MOST_STRINGS_SPAN or item[0] is C.GROUPREF:
            break
    if best is None or best[2] == 0 or best[0] > _MOST_STRINGS_COST:
        return None  # (at the start: first_chars' business)
    return [best[1], best[2], sorted(best[3])]


_MOST_PIVOT_STRINGS = 64  # a product of classes with more strings than this is cut short
_PIVOT_LENGTH = 4         # characters of each string looked at, at most


def _wide_lead(parsed) -> bool:
    """The pattern opens with a class of a great many characters ([\u4e00-\u9fff], [^，。]):
    ``re``'s own skipping ahead to it passes over next to nothing in a draft."""
    from re import _constants as C

    first = leading_item(parsed)
    return first is not None and first[0] is C.IN and _class_chars(first[1], _MOST_FIRST) is None


def _flat_items(seq):
    """The items of a sequence with its groups opened (a group holds a sequence of its own,
    matched where the group stands), or None when a group changes the flags."""
    from re import _constants as C

    out = []
    for op, av in seq:
        if op is C.SUBPATTERN:
            if av[1] or av[2]:
                return None
            sub = _flat_items(av[3])
            if sub is None:
                return None
            out.extend(sub)
        else:
            out.append((op, av))
    return out


def _opening_strings(items, k: int) -> frozenset | None:
    """Strings of which the text a match of items[k:] consumes always begins with one (each
    at most _PIVOT_LENGTH long); None when unknown, or when the empty string is among them."""
    got = _seq_openings(items, k)
    if not got or "" in got:
        return None
    return frozenset(got)


def _leaf_chars(op, av) -> list[str] | None:
    """The characters one item of one character matches: a literal, a class of literals and
    narrow ranges (not negated, no category); None for anything else."""
    from re import _constants as C

    if op is C.LITERAL:
        return [chr(av)]
    if op is C.IN:
        chars = _class_chars(av, 16)
        return chars if chars and len(chars) <= 16 else None
    return None


def _seq_openings(items, k: int) -> set | None:
    """The openings of items[k:] as a set of strings (the empty one when nothing is known):
    each item that must consume a known character extends them all; the walk stops at the
    first item that may consume nothing or anything, after a choice, after a repeat that
    may run on, or at _PIVOT_LENGTH characters."""
    from re import _constants as C

    out = {""}

    def extend(chars) -> bool:
        nonlocal out
        grown = {p + c for p in out for c in chars}
        if len(grown) > _MOST_PIVOT_STRINGS:
            return False
        out = grown
        return True

    for op, av in items[k:]:
        if min(map(len, out)) >= _PIVOT_LENGTH:
            break
        chars = _leaf_chars(op, av)
        if chars is not None:
            if not extend(chars):
                break
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            least, most, body = av
            if least < 1:
                break
            body = _flat_items(body)
            if body is None:
                break
            leaf = _leaf_chars(*body[0]) if len(body) == 1 else None
            if leaf is not None:
                done = True
                for _ in range(min(least, 2)):
                    if not extend(leaf):
                        done = False
                        break
                if not done or most != least or least > 2:
                    break
                continue
            first = _seq_openings(body, 0)  # the first time round, which must be there
            if not first or "" in first:
                break
            grown = {p + f for p in out for f in first}
            if len(grown) <= _MOST_PIVOT_STRINGS:
                out = grown
            break
        if op is C.BRANCH:
            alts = set()
            for alt in av[1]:
                flat = _flat_items(alt)
                got = _seq_openings(flat, 0) if flat is not None else None
                if not got or "" in got:
                    alts = None
                    break
                alts |= got
            if alts:
                grown = {p + a for p in out for a in alts}
                if len(grown) <= _MOST_PIVOT_STRINGS:
                    out = grown
            break
        break
    return {x[:_PIVOT_LENGTH] for x in out}


# ----- a rule's patterns searched as one ------------------------------------------------
# Every pattern of a rule is a search of its own over the whole text: ~2.5 ms for 1M
# characters even when ``re`` skips ahead to a few rare characters, and a rule may have
# twenty.  When each match of each pattern begins with one of a few characters, one
# search finds every place where one of them matches:
#
#     [F](?<=(?=P1|P2|…)(?s:.))
#
# -- F the characters they begin with, the lookbehind stepping back over that one
# character to ask whether one of the patterns matches there (each as written, its
# groups unnamed, its flags kept to it).  Each pattern is then tried at those places
# only (kinds._Starts): the same matches.  The pattern is written by hoist.merged_search.

_MERGE_FREQUENCY = 0.05  # a pattern whose first characters are more frequent keeps its own search


def start_chars(rx) -> str | None:
    """The characters a (never empty) match of ``rx`` can begin with -- also when ``re``
    skips ahead to them by itself (first_chars) --, or None."""
    if not isinstance(rx, re.Pattern):
        return None
    return _facts(rx)["start"]


def _start_chars(rx) -> str | None:
    parsed = _parsed_with_case(rx)
    if parsed is None or parsed.getwidth()[0] < 1:
        return None
    got = _first_seq(parsed)
    if got is None or got[1] or not got[0] or len(got[0]) > _MOST_FIRST:
        return None
    return "".join(sorted(got[0]))


def mergeable(rx) -> bool:
    """Whether ``rx`` can join a merged search (above) to its gain: a few rare first
    characters, no back references (its groups lose their numbers).  Kept between runs
    (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return False
    return _facts(rx)["mergeable"] == "1"


def _mergeable(rx) -> str:
    chars = _start_chars(rx)
    if not chars or _frequency(chars) > _MERGE_FREQUENCY:
        return "0"
    return "0" if refers_back(_parser_parse(rx)) else "1"


def refers_back(parsed) -> bool:
    """Whether a parsed pattern refers back to a group (a back reference, a conditional)."""
    from re import _constants as C

    for op, av in parsed:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            return True
        if op is C.SUBPATTERN and refers_back(av[3]):
            return True
        if op is C.BRANCH and any(refers_back(a) for a in av[1]):
            return True
        if op in (C.ASSERT, C.ASSERT_NOT) and refers_back(av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and refers_back(av[2]):
            return True
        if op is C.ATOMIC_GROUP and refers_back(av):
            return True
    return False


def _parser_parse(rx):
    from re import _parser

    return _parser.parse(rx.pattern, rx.flags)


def _union(alternatives, each, most: int):
    """The union of ``each(alt)`` over a branch's alternatives; None when one of them is
    None or the union grows past ``most``."""
    out: set = set()
    for alt in alternatives:
        got = each(alt)
        if got is None:
            return None
        out |= got
        if len(out) > most:
            return None
    return frozenset(out)


def prefilter_pays(rx) -> bool:
    """Whether searching only the lines that hold one of ``rx``'s needed characters
    (needed_chars; PatternRule's prefilter) can be expected to cost less than searching
    the whole text.  Not when ``re`` skips ahead through the text by itself
    (_has_prefix) to characters about as frequent as the needed ones: it passes the
    other lines as fast, and the prefilter costs a search a line.  Kept between runs
    (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return True
    return _facts(rx)["pays"] != "0"


def skips_ahead(rx) -> bool:
    """Whether ``re`` skips ahead through a search for ``rx`` by itself (_has_prefix).
    Kept between runs (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return False
    return _facts(rx)["skips"] == "1"


def _skips(rx) -> str:
    parsed = _parsed_with_case(rx)
    return "1" if parsed is not None and _has_prefix(parsed) else "0"


_PAYS = 5  # the prefix's characters this many times as frequent as the needed ones


def _pays(rx) -> str:
    parsed = _parsed_with_case(rx)
    need = needed_chars(rx)
    if parsed is None or not need or not _has_prefix(parsed):
        return "1"
    first = _prefix_chars(leading_item(parsed))
    return "1" if first is None or _frequency(first) > _PAYS * _frequency(need) else "0"


def _prefix_chars(item):
    """The characters ``re`` skips ahead to for a pattern led by ``item`` (_has_prefix);
    None when that is a category or a wide range (digits, Han: frequent)."""
    from re import _constants as C

    op, av = item
    if op is C.LITERAL:
        return chr(av)
    if op is C.BRANCH:
        return "".join(chr(alt[0][1]) for alt in av[1])
    chars = _class_chars(av)
    return None if chars is None else "".join(chars)


def _frequency(chars: str) -> float:
    """How often one of ``chars`` may be expected at a character of a draft (_COMMON)."""
    return sum(0.02 if c in _COMMON or c.isspace() or c.isdigit() else 0.002 for c in set(chars))


def leading_item(parsed):
    """The first (op, argument) of a parsed pattern, inside any groups it opens with; None
    for an empty one."""
    from re import _constants as C

    items = list(parsed)
    while items and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][3])
    return items[0] if items else None


def _has_prefix(parsed) -> bool:
    """Whether ``re`` skips ahead by itself: the pattern begins with a character, a class,
    or words that each begin with a character (re._compiler._compile_info)."""
    from re import _constants as C

    first = leading_item(parsed)
    if first is None:
        return False
    op, av = first
    if op in (C.LITERAL, C.IN):
        return True
    return op is C.BRANCH and all(alt and alt[0][0] is C.LITERAL for alt in av[1])


def first_class(rx) -> str | None:
    """A character class (a pattern) holding every character a non-empty match of ``rx``
    can begin with, ranges of any width kept (emoji: [\U0001F000-\U0001FAFF…]); None
    when unknown (a category, a negated class, any character, ignored case)."""
    parsed = _parsed_with_case(rx)
    if parsed is None:
        return None
    got = _class_seq(parsed)
    if not got or not got[0]:
        return None
    return "[" + "".join(sorted(got[0])) + "]"


def _class_seq(seq):
    """(class items as pattern text, whether the sequence can be empty), or None: the walk
    of _first_seq, a class's ranges kept whole (no bound on how many characters)."""
    return _opening_seq(seq, _class_leaf, None)


def _class_leaf(op, av):
    from re import _constants as C

    if op is C.LITERAL:
        return {re.escape(chr(av))}, False
    out = set()
    for iop, iav in av:
        if iop is C.LITERAL:
            out.add(re.escape(chr(iav)))
        elif iop is C.RANGE:
            out.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
        else:
            return None  # negated, a category
    return out, False


def _first_seq(seq):
    """(characters the sequence's text can begin with, whether it can be empty), or None."""
    return _opening_seq(seq, _first_leaf, _MOST_FIRST)


def _first_item(op, av):
    return _opening_item(op, av, _first_leaf, _MOST_FIRST)


def _first_leaf(op, av):
    from re import _constants as C

    if op is C.LITERAL:
        return {chr(av)}, False
    chars = _class_chars(av, _MOST_FIRST)
    return None if chars is None else (set(chars), False)  # (None: negated, a category, a wide range)


def _opening_seq(seq, leaf, most):
    """(what the sequence's text can begin with, as ``leaf`` reads a literal or a class --
    (a set, False) or None --, whether the sequence can be empty), or None when unknown or
    more than ``most`` (None: no bound)."""
    found: set = set()
    for op, av in seq:
        got = _opening_item(op, av, leaf, most)
        if got is None:
            return None
        found |= got[0]
        if most is not None and len(found) > most:
            return None
        if not got[1]:
            return found, False
    return found, True


def _opening_item(op, av, leaf, most):
    from re import _constants as C

    if op is C.LITERAL or op is C.IN:
        return leaf(op, av)
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True  # reads the text, consumes none of it
    if op is C.SUBPATTERN:
        _, add, _remove, sub = av
        return None if add & re.IGNORECASE else _opening_seq(sub, leaf, most)
    if op is C.ATOMIC_GROUP:
        return _opening_seq(av, leaf, most)
    if op is C.BRANCH:
        found, empty = set(), False
        for alt in av[1]:
            got = _opening_seq(alt, leaf, most)
            if got is None:
                return None
            found |= got[0]
            empty = empty or got[1]
        return found, empty
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, body = av
        got = _opening_seq(body, leaf, most)
        if got is None:
            return None
        return got[0], got[1] or lo == 0
    return None  # any character, a back reference, anything else: unknown


def _by_frequency(c: str):
    """Branches in this order: ``re`` tries a choice's branches one after another, so those
    opening with a frequent character come first (they are distinct characters: the
    order changes nothing else)."""
    return (c not in _COMMON, c)


def longest_of(words) -> str:
    """A pattern that matches what the alternation of ``words`` sorted longest first
    matches -- at the leftmost place, the longest word there -- written as a trie, so that
    ``re`` reads each character once instead of trying every word in turn."""
    return _emit_longest(_trie(set(words)))


def _emit_longest(node: dict) -> str:
    # every branch opens with a literal, so ``re`` skips ahead to where a word can begin;
    # where a word ends and longer ones go on, the longer are tried first (greedy ?)
    alts = [re.escape(c) + _emit_longest(node[c]) for c in sorted(node, key=_by_frequency) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body
