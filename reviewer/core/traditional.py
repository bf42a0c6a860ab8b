"""Drafts in traditional characters (繁體): a simplified view for the rules.

About one 范文 page in six is served in traditional characters.  Every rule is written
for simplified text, so the engine matches rules against a *view* of such a draft in
which each traditional-only character is replaced by its simplified form, one code point
for one (``resources/lexicon/t2s.txt``, from OpenCC's TSCharacters.txt).  The view has
the same length as the text, so every offset found in it is an offset into the text;
findings show the original characters (``restore_*`` below).

A draft is treated as traditional when it holds at least ``MIN_CHARS`` traditional-only
characters, or at least ``MIN_SHARE`` of its Han characters (and ``MIN_FEW`` at least):
one stray 們 in a simplified draft is left to the typo rules.  Characters marked ``shared``
in the table (於 餘 徵 …, normative simplified characters too) are converted in the view
but are no evidence.  A draft without any traditional character costs one set test.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from .cache import compile as compile_cached  # compiled programs kept between runs (start-up)

MIN_CHARS = 20
MIN_SHARE = 0.01
MIN_FEW = 2

_HAN = compile_cached(r"[\u4e00-\u9fff]")
_QUOTED = compile_cached(r"“([^“”\n]{1,200})”")
_TABLE: dict[int, int] | None = None
_KEYS: frozenset = frozenset()


def _load() -> tuple[dict[int, int], frozenset]:
    global _TABLE, _KEYS
    if _TABLE is None:
        from .. import paths

        table, evidence = {}, set()
        path = paths.resources_dir() / "lexicon" / "t2s.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            trad, simp, *mark = line.split("\t")
            if len(trad) == 1 and len(simp) == 1:
                table[ord(trad)] = ord(simp)
                if not mark:  # "shared": also a normative simplified character (於 as a surname)
                    evidence.add(trad)
        _KEYS = frozenset(evidence)
        _TABLE = table
    return _TABLE, _KEYS


_KEYS_RX = None


def count_traditional(text: str) -> int:
    """How many traditional-only characters ``text`` holds (於 and the like not counted)."""
    global _KEYS_RX
    if _KEYS_RX is None:
        # Two character classes: those of the BMP, which ``re`` tests with a bitmap (a
        # million characters in ~3 ms, where set(text) took ~30 -- this runs after every
        # edit), and the few beyond it, which as ranges would cost a walk at every character.
        from .. import paths
        from .cache import kept_for_file

        def classes() -> str:
            _, keys = _load()
            return "\x00".join(("".join(re.escape(c) for c in sorted(keys) if ord(c) <= 0xFFFF),
                                "".join(re.escape(c) for c in sorted(keys) if ord(c) > 0xFFFF)))

        # (kept between runs by the table file: a simplified draft never reads the table --
        # ~5 ms of every first review)
        parts = kept_for_file(paths.resources_dir() / "lexicon" / "t2s.txt", "traditional-keys-v1", classes).split("\x00")
        bmp, astral = parts if len(parts) == 2 else classes().split("\x00")
        _KEYS_RX = (compile_cached(f"[{bmp}]"), compile_cached(f"[{astral}]") if astral else None,
                    compile_cached("[\U00010000-\U0010FFFF]"))
    bmp, astral, beyond = _KEYS_RX
    n = len(bmp.findall(text))
    if astral is not None and beyond.search(text):
        n += len(astral.findall(text))
    return n


def is_traditional(text: str) -> bool:
    n = count_traditional(text)
    if n >= MIN_CHARS:
        return True
    if n < MIN_FEW:
        return False
    return n >= MIN_SHARE * len(_HAN.findall(text))


def to_simplified(text: str) -> str:
    """Every traditional-only character replaced by its simplified form (same length)."""
    table, _ = _load()
    return text.translate(table)


def simplified_view(text: str) -> str | None:
    """The simplified view of a traditional draft, or None for any other text."""
    if not is_traditional(text):
        return None
    view = to_simplified(text)
    assert len(view) == len(text)
    return view


def restore_suggestion(view_span: str, source_span: str, suggestion: str) -> str:
    """A suggestion built from the view, with the characters it copies from the matched
    span given back in their original form (豐富多采 -> 豐富多彩, not 丰富多彩)."""
    if view_span == source_span or not suggestion:
        return suggestion
    out = []
    ops = SequenceMatcher(None, view_span, suggestion, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            out.append(suggestion[j1:j2])
        elif _COMPAT.search(source_span, i1, i2) is None:
            out.append(source_span[i1:i2])
        else:  # a radical (⾃) is given back as its common character, not kept in the fix
            out.append("".join(v if _COMPAT.match(c) else c
                               for c, v in zip(source_span[i1:i2], view_span[i1:i2])))
    return "".join(out)


def restore_quotes(message: str, view: str, source: str) -> str:
    """Quoted text (“…”) of a message that was copied from the view, in its original form."""
    if not message or "“" not in message:
        return message

    global _FOUND
    memo = _FOUND
    if memo[0] is not view:  # where each quote is in this view: a search of the whole
        memo = _FOUND = (view, {})  # view per finding is quadratic on a line of 50,000 hits

    def back(m):
        q = m.group(1)
        if to_simplified(q) != q:  # traditional characters: the original already, not the view's
            return m.group(0)
        k = memo[1].get(q)
        if k is None:
            k = memo[1][q] = view.find(q)
        if k < 0:
            return m.group(0)
        return "“" + source[k:k + len(q)] + "”"

    return _QUOTED.sub(back, message)


_FOUND: tuple = (None, {})


def restore_outline(items, view: str, source: str) -> None:
    """Titles and headings of the outline (copied from the view) in their original form."""
    for item in items:
        if item.kind == "part" or not item.text:
            continue
        k = view.find(item.text, item.start)
        if 0 <= k <= item.start + 8:
            item.text = source[k:k + len(item.text)]


# Kangxi radicals, CJK radical supplements and compatibility ideographs that a PDF or a
# page's copy put in place of the common characters (⼯作, ⽅⾯): the rules see the common
# character, one code point for one, so that a page's junk, a placeholder or a typo written
# with them is still found; typo.garbled-radical reads the original.  The common character is
# NFKC's, simplified (⾨ → 門 → 门), or the rule's own map for the supplements NFKC leaves
# (⻔ → 门: typo.garbled-radical's ``map``, passed in by the engine).
# Kangxi radicals, CJK radicals supplement, compatibility ideographs (typo.garbled-radical too)
COMPAT_RANGES = "\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff"
_COMPAT = compile_cached(f"[{COMPAT_RANGES}]")
_COMPAT_TABLES: dict = {}


def _compat_table(extra: dict | None) -> dict[int, int]:
    key = tuple(sorted(extra.items())) if extra else ()
    table = _COMPAT_TABLES.get(key)
    if table is None:
        import unicodedata

        table = {}
        for lo, hi in ((0x2E80, 0x2EF3), (0x2F00, 0x2FD5), (0xF900, 0xFAFF)):
            for cp in range(lo, hi + 1):
                got = unicodedata.normalize("NFKC", chr(cp))
                if len(got) == 1 and "\u4e00" <= got <= "\u9fff":
                    table[cp] = ord(to_simplified(got))
        for k, v in (extra or {}).items():
            if len(k) == 1 and len(v) == 1 and _COMPAT.match(k) and "\u4e00" <= v <= "\u9fff":
                table[ord(k)] = ord(v)
        _COMPAT_TABLES[key] = table
    return table


def compat_view(text: str, extra=None) -> str | None:
    """``text`` with its radicals and compatibility ideographs as common characters (same
    length), or None when it holds none (one search).  ``extra``: radical -> character, or
    a function that gives it, asked only when the text holds one."""
    if _COMPAT.search(text) is None:
        return None
    if callable(extra):
        extra = extra()
    view = text.translate(_compat_table(extra))
    assert len(view) == len(text)
    return view if view != text else None
