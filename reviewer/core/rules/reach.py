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
            if direction > 0 and not inside:
                # a lookahead that matches nothing across a line break stops at the
                # line's end: it reads no further than the line break itself
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
    if not isinstance(rx, re.Pattern):
        return None  # a user's pattern under a time budget
    from re import _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - compiled once already; assume the worst
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
    from ..cache import needed as needed_cached

    return needed_cached(rx, _needed_chars)


def _needed_chars(rx) -> str | None:
    if not isinstance(rx, re.Pattern) or rx.flags & re.IGNORECASE:
        return None
    from re import _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - compiled once already
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    got = _need_seq(parsed)
    if not got or len(got) > _MOST_NEEDED:
        return None
    return "".join(sorted(got))


def _need_seq(seq) -> frozenset | None:
    """The smallest needed set of any item of a sequence (all of them must match)."""
    best = None
    for item in seq:
        got = _need_item(*item)
        if got is not None and (best is None or len(got) < len(best)):
            best = got
    return best


def _need_item(op, av) -> frozenset | None:
    from re import _constants as C

    if op is C.LITERAL:
        return frozenset((chr(av),))
    if op is C.IN:
        chars = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < _MOST_NEEDED:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None  # negated, a category, a wide range: not a small set
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
        out = set()
        for alt in av[1]:
            got = _need_seq(alt)
            if got is None:
                return None
            out |= got
            if len(out) > _MOST_NEEDED:
                return None
        return frozenset(out)
    return None  # lookarounds, anchors, back references, anything else: needs nothing
