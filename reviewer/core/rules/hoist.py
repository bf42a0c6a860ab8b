"""A pattern that opens with lookbehinds, rewritten so that ``re`` can skip ahead.

``re`` searches fast when a pattern begins with a character, a character class or a
choice of words that each begin with a character: it jumps from one such character to
the next.  A pattern that begins with a lookbehind -- most of ours do, to rule out a
digit before 年 -- gets no such start, and is tried at every character of the text.

The same pattern with the lookbehinds moved behind its first character matches the same
text at the same places::

    (?<![0-9])(?P<hit>年月日|月日)   →   (?P<hit>年(?<=(?<![0-9])(?s:.))月日|月(?<=(?<![0-9])(?s:.))日)

At the match's start p the lookbehinds read the text before p; after the first
character, ``(?<=Z(?s:.))`` steps back over that one character and checks Z at p again.
Nothing else changes: the same groups in the same order, the same spans, the same
flags.  A pattern this module cannot rewrite with certainty (captures in the moved part,
scoped flags, an optional first character, anything it does not know) is left as it
was.  PatternRule (kinds.py) searches with the rewritten pattern; ``rule.regexes`` keep
the rule's own.
"""
from __future__ import annotations

import re

_VERSION = "hoist-v4"  # in the cache key: change it when the rewriting changes
_MERGED_VERSION = "m2-" + _VERSION  # the same for merged_search()


class _Unsupported(Exception):
    pass


def hoisted(rx) -> re.Pattern | None:
    """``rx`` rewritten as above, or None (not a pattern of ``re``, nothing to gain, or not
    rewritten with certainty).  The rewriting is kept between runs (core/cache.py)."""
    if not isinstance(rx, re.Pattern):
        return None
    from ..cache import compile as compile_cached, remembered

    got = remembered(rx, rx.flags, _VERSION, lambda _tagged: _rewrite(rx))
    if not got:
        return None
    try:
        out = compile_cached(got, rx.flags & ~re.VERBOSE)
    except re.error:
        return None
    if out.groups != rx.groups or dict(out.groupindex) != dict(rx.groupindex):
        return None
    return out


def merged_search(rxs) -> str | None:
    """The pattern of one search that finds every place where one of the regexes ``rxs``
    matches (reach.mergeable; see reach.start_chars): ``[F](?<=(?=P1|P2|…)(?s:.))``.
    Kept between runs (core/cache.py), under a digest of the patterns."""
    try:  # (BLAKE2 is built in: hashlib's sha1 loads OpenSSL, ~3-6 ms of a start)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover
        from hashlib import blake2b
    from ..cache import remembered

    key = blake2b("\n".join(f"{rx.flags}:{rx.pattern}" for rx in rxs).encode("utf-8"), digest_size=20).hexdigest()
    return remembered(key, 0, "merged-" + _MERGED_VERSION, lambda _tagged: _merged_search(rxs)) or None


def _merged_search(rxs) -> str | None:
    from re import _parser
    from .reach import refers_back, start_chars

    chars: set = set()
    alts = []
    try:
        for rx in rxs:
            # (rewritten as below: its first character tried before its lookbehinds)
            fast = hoisted(rx) or rx
            parsed = _parser.parse(fast.pattern, fast.flags)
            if refers_back(parsed):
                raise _Unsupported  # (mergeable() says no first)
            # No group captures: two patterns may share a name, and only whether one of
            # them matches counts (no back references: reach.mergeable).  Each choice then
            # opens with its first character, which ``re`` checks before entering it
            # (a group's mark came first: every choice was entered at every place).
            body = _Unparser({}, capture=False).seq(parsed)
            flags = _flags(parsed.state.flags & ~re.VERBOSE)
            alts.append(f"(?{flags[2:-1]}:{body})" if flags else f"(?:{body})")
            chars.update(start_chars(rx))
    except (_Unsupported, RecursionError):
        return None
    first = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
    return first + "(?<=(?=" + "|".join(alts) + ")(?s:.))"


def _rewrite(rx) -> str | None:
    from re import _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - compiled once already
        return None
    names = {n: name for name, n in parsed.state.groupdict.items()}
    items = list(parsed)
    lead = []
    while items and _zero_width(items[0]):
        lead.append(items.pop(0))
    if not lead or not items:
        return None
    try:
        if any(_captures(item) for item in lead):
            raise _Unsupported
        u = _Unparser(names)
        behind = "(?<=" + "".join(u.item(*i) for i in lead) + "(?s:.))"
        first = _insert(items[0], behind, u)
        if not _skips_ahead(first, u):
            return None
        body = first + "".join(u.item(*i) for i in items[1:])
    except (_Unsupported, RecursionError):
        return None
    return _flags(parsed.state.flags) + body


def _zero_width(item) -> bool:
    from re import _constants as C

    op, av = item
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return True
    if op is C.BRANCH:
        return all(alt and all(_zero_width(i) for i in alt) for alt in av[1])
    if op is C.SUBPATTERN:
        _, add, remove, sub = av
        return not (add | remove) & ~re.VERBOSE and len(sub) > 0 and all(_zero_width(i) for i in sub)
    return False


def _captures(item) -> bool:
    from re import _constants as C

    op, av = item
    if op is C.SUBPATTERN:
        return av[0] is not None or any(_captures(i) for i in av[3])
    if op is C.BRANCH:
        return any(_captures(i) for alt in av[1] for i in alt)
    if op in (C.ASSERT, C.ASSERT_NOT):
        return any(_captures(i) for i in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return any(_captures(i) for i in av[2])
    if op is C.ATOMIC_GROUP:
        return any(_captures(i) for i in av)
    if op in (C.GROUPREF_EXISTS, C.GROUPREF):
        raise _Unsupported  # a group read before the match begins: not worth the doubt
    return False


def _insert(item, behind: str, u) -> str:
    """The item with ``behind`` right after its first character, on every path."""
    from re import _constants as C

    op, av = item
    if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
        return u.item(op, av) + behind
    if op is C.SUBPATTERN:
        group, add, remove, sub = av
        if (add | remove) & ~re.VERBOSE:
            raise _Unsupported  # ``behind`` would read under other flags
        inner = _insert_seq(sub, behind, u)
        return "(" + ("?:" if group is None else f"?P<{u.name(group)}>" if group in u.names else "") + inner + ")"
    if op is C.BRANCH:
        return "(?:" + "|".join(_insert_seq(alt, behind, u) for alt in av[1]) + ")"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        # X{2,} is X followed by X{1,}: ``behind`` goes into the first X alone (X holds
        # no group, which would then be written twice, and never matches nothing)
        lo, hi, body = av
        if lo < 1 or body.getwidth()[0] < 1 or any(_captures(i) for i in body):
            raise _Unsupported
        rest = u.repeat(op, lo - 1, hi if hi is C.MAXREPEAT else hi - 1, u.seq(body))
        return "(?:" + _insert_seq(body, behind, u) + ")" + rest
    raise _Unsupported


def _insert_seq(seq, behind: str, u) -> str:
    items = list(seq)
    if not items or _zero_width(items[0]):
        raise _Unsupported
    return _insert(items[0], behind, u) + "".join(u.item(*i) for i in items[1:])


def _skips_ahead(first: str, u) -> bool:
    """Whether ``re`` gives the rewritten pattern a start to skip ahead with (a literal,
    a class, or words that each begin with a literal; sre_compile._compile_info)."""
    from re import _parser, _constants as C

    try:
        parsed = _parser.parse(first)
    except Exception:  # noqa: BLE001
        return False
    from .reach import leading_item

    first = leading_item(parsed)
    if first is None:
        return False
    op, av = first
    if op is C.LITERAL:
        return True
    if op is C.IN:  # a few characters, not all of the Han block
        return all(iop is C.LITERAL or (iop is C.RANGE and iav[1] - iav[0] < 256) for iop, iav in av)
    if op is C.BRANCH:
        return all(alt and alt[0][0] is C.LITERAL for alt in av[1])
    return False


_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.ASCII, "a"))


def _flags(flags: int) -> str:
    letters = "".join(c for f, c in _FLAG_LETTERS if flags & f)
    return f"(?{letters})" if letters else ""


def _char(c: int) -> str:
    return f"\\u{c:04x}" if c < 0x10000 else f"\\U{c:08x}"


class _Unparser:
    """A parsed pattern (re._parser) written back as a pattern: every character as an
    escape, every group as it was (named, numbered or not capturing), or, without
    ``capture``, every group not capturing (for a pattern without back references)."""

    def __init__(self, names: dict[int, str], capture: bool = True):
        self.names = names
        self.capture = capture

    def name(self, group: int) -> str:
        return self.names[group]

    def seq(self, seq) -> str:
        return "".join(self.item(op, av) for op, av in seq)

    def repeat(self, op, lo: int, hi, body: str) -> str:
        from re import _constants as C

        count = f"{{{lo},}}" if hi is C.MAXREPEAT else f"{{{lo},{hi}}}"
        return f"(?:{body}){count}" + ("?" if op is C.MIN_REPEAT else "+" if op is C.POSSESSIVE_REPEAT else "")

    def item(self, op, av) -> str:
        from re import _constants as C

        if op is C.LITERAL:
            return _char(av)
        if op is C.NOT_LITERAL:
            return "[^" + _char(av) + "]"
        if op is C.ANY:
            return "."
        if op is C.IN:
            return self._class(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, body = av
            return self.repeat(op, lo, hi, self.seq(body))
        if op is C.SUBPATTERN:
            group, add, remove, sub = av
            add &= ~re.VERBOSE
            remove &= ~re.VERBOSE
            inner = self.seq(sub)
            if add or remove:
                on = "".join(c for f, c in _FLAG_LETTERS if add & f)
                off = "".join(c for f, c in _FLAG_LETTERS if remove & f)
                if (add | remove) & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.ASCII):
                    raise _Unsupported
                inner = f"(?{on}{'-' + off if off else ''}:{inner})"
            if group is None or not self.capture:
                return f"(?:{inner})"
            if group in self.names:
                return f"(?P<{self.names[group]}>{inner})"
            return f"({inner})"
        if op is C.BRANCH:
            return "(?:" + "|".join(self.seq(alt) for alt in av[1]) + ")"
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, body = av
            kind = ("=" if op is C.ASSERT else "!") if direction > 0 else ("<=" if op is C.ASSERT else "<!")
            return f"(?{kind}{self.seq(body)})"
        if op is C.AT:
            return _AT[av]
        if op is C.ATOMIC_GROUP:
            return f"(?>{self.seq(av)})"
        if op is C.GROUPREF:
            return f"(?:\\{av})"
        raise _Unsupported

    def _class(self, items) -> str:
        from re import _constants as C

        out = []
        for op, av in items:
            if op is C.NEGATE:
                out.append("^")
            elif op is C.LITERAL:
                out.append(_char(av))
            elif op is C.RANGE:
                out.append(_char(av[0]) + "-" + _char(av[1]))
            elif op is C.CATEGORY and av in _CATEGORIES:
                out.append(_CATEGORIES[av])
            else:
                raise _Unsupported
        if out == ["^"]:
            raise _Unsupported
        return "[" + "".join(out) + "]"


def _tables():
    from re import _constants as C

    at = {C.AT_BEGINNING: "^", C.AT_BEGINNING_STRING: "\\A", C.AT_END: "$", C.AT_END_STRING: "\\Z",
          C.AT_BOUNDARY: "\\b", C.AT_NON_BOUNDARY: "\\B"}
    cats = {C.CATEGORY_DIGIT: "\\d", C.CATEGORY_NOT_DIGIT: "\\D", C.CATEGORY_SPACE: "\\s",
            C.CATEGORY_NOT_SPACE: "\\S", C.CATEGORY_WORD: "\\w", C.CATEGORY_NOT_WORD: "\\W"}
    return at, cats


_AT, _CATEGORIES = _tables()
