"""Kind ``tagged``: a pattern whose words must carry given parts of speech (jieba's tags).

Used for 的/地/得: 讲的很好 (a verb, 的, a degree adverb, an adjective, end of clause: 得),
很好的传达贯彻了 (an adjective, 的, a verb with 了 after it: 地).  The regex finds the few
candidates; jieba then cuts a small window around each, and the words next to the hit
are looked up in jieba's dictionary for their tags.  A word jieba does not know, or a
group that is not cut as a word, means "not confident": nothing is reported.

Keys (besides ``pattern``/``patterns``, ``exceptions``):

* ``word_tags``:  {group: [tags]} — the group is exactly one word, with one of the tags;
* ``end_tags``:   {group: [tags]} — the word that ends where the group ends has one of them
  (the group marks the last character of the word before the hit);
* ``next_not_tags``: {group: [tags]} — the word that starts where the group starts is known
  and has none of them (奋斗 before 目标 is part of a noun phrase: 始终不渝的奋斗目标);
* ``not_words``:  words that never satisfy a tag condition, next_not_tags included (多, 少
  after 很: 要做的很多; 做法, 潜能, 干劲: nouns that jieba's dictionary tags as verbs);
* ``split_from``: {group: [words]} — a word_tags group that jieba cut into one word with
  the text right before it counts as a word of its own when that text is one of these
  (its dictionary lists 很快, 更好, 最好 … as words: 跑的很快 has the adjective 快).

Tags are jieba's (ICTCLAS-style): v verb, vn verbal noun, a adjective, ad adverbial
adjective, d adverb, n noun, z state word …  A listed tag matches exactly.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left

from .kinds import PatternRule, _str_list
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_lock = threading.Lock()
_TAGS = None
MIN_FREQ = 10


def _tags_path():
    from ..segment import cache_dir, jieba_version  # (the version without importing jieba)

    return cache_dir() / f"jieba-{jieba_version()}-tags-min{MIN_FREQ}-bytag2.marshal"


class TagTable:
    """jieba's part-of-speech tags, stored as one string of words per tag (it loads in a
    millisecond); the set for a tag is made when a rule first asks about that tag."""

    def __init__(self, by_tag: dict[str, str]):
        self.by_tag = by_tag
        self._sets: dict[str, frozenset] = {}

    def words(self, tag: str) -> frozenset:
        got = self._sets.get(tag)
        if got is None:
            raw = self.by_tag.get(tag)
            got = self._sets[tag] = frozenset(raw.split("\n")) if raw else frozenset()
        return got

    def has(self, word: str, tags) -> bool:
        """word carries one of tags."""
        return any(word in self.words(t) for t in tags)

    def known_not(self, word: str, avoid) -> bool:
        """word is in the table under a tag that is not in avoid."""
        return any(word in self.words(t) for t in self.by_tag if t not in avoid)


def word_tags() -> TagTable:
    """jieba's tags for the words of the trimmed dictionary.

    Names (nr, ns, nt, nz …) are left out: a word not in the table counts as "not
    confident" (no rule asks for a name; next_not_tags rejects unknown words)."""
    global _TAGS
    if _TAGS is None:
        with _lock:
            if _TAGS is None:
                from ..segment import cached

                _TAGS = TagTable(_with_extra(cached(_tags_path(), _build_tags)))
    return _TAGS


def _with_extra(by_tag: dict[str, str]) -> dict[str, str]:
    """jieba's tags with those of resources/lexicon/tags-extra.txt added (words of manner
    and feeling jieba tags as verbs or nouns, or not at all: 开心, 气愤, 慈祥)."""
    from .lexicon_data import read_list

    out = dict(by_tag)
    for line in read_list("tags-extra.txt"):
        word, tag = line.split("\t")
        out[tag] = out[tag] + "\n" + word if out.get(tag) else word
    return out


def _build_tags() -> dict[str, str]:
    from ..segment import open_jieba_dictionary

    lists: dict[str, list] = {}
    with open_jieba_dictionary() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ \
                    and (parts[2] == "n" or not parts[2].startswith("n")):
                lists.setdefault(parts[2], []).append(parts[0])
    return {t: "\n".join(ws) for t, ws in lists.items()}


def _tag_map(spec, key, source, rule_id) -> dict[str, set]:
    v = spec.get(key) or {}
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(t, list) and t
                                           and all(isinstance(x, str) for x in t) for k, t in v.items()):
        raise RuleLoadError(source, f"{key} 必须是“分组: [词性, …]”的映射", rule_id, key)
    return {k: set(t) for k, t in v.items()}


# -- the search: from the particle, not from every character --------------------------------
# A tagged pattern opens with a Han character or two (the word before 的/地/得), so ``re``
# tries it at every character of the text.  Where the pattern has one of a few characters
# (the particle) at a fixed distance from the match's start, the match can start only
# that far before one of them: the pattern is tried there alone, left to right, on from
# the end of the last match -- rx.finditer's matches exactly, at a fraction of the cost.

_SMALL = 16  # a character class of at most this many plain characters is an anchor


def _anchor(rx) -> tuple[str, int] | None:
    """(the anchor characters, their distance from the match's start), or None; remembered
    between runs by pattern (core/cache.py: ~80 patterns parsed at every start, ~15 ms)."""
    if not isinstance(rx, re.Pattern) or rx.flags & (re.IGNORECASE | re.LOCALE) \
            or not isinstance(rx.pattern, str):
        return None
    from ..cache import remembered

    got = remembered(rx, rx.flags, "tagged-anchor-v1", lambda _tagged: _kept_anchor(_anchor_of(rx)))
    if not got:
        return None
    off, chars = got.split("\x00", 1)
    return chars, int(off)


def _kept_anchor(got) -> str:
    """_anchor_of()'s answer as the string the cache keeps ("" for none)."""
    return f"{got[1]}\x00{got[0]}" if got else ""


def _anchor_of(rx) -> tuple[str, int] | None:
    """_anchor() worked out: a parse of the pattern."""
    from re import _constants as C, _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - whatever it is, the pattern is searched as it is
        return None
    state = parsed.state
    fixed = {C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.MAX_REPEAT, C.MIN_REPEAT, C.BRANCH, C.SUBPATTERN,
             C.GROUPREF}  # of these, only what matches a fixed number of characters

    def first(seq, off):
        for op, av in seq:
            if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue  # zero width: the match tried at the start checks it
            if op is C.LITERAL:
                return chr(av), off
            if op is C.IN and len(av) <= _SMALL and all(o is C.LITERAL for o, _ in av):
                return "".join(sorted(chr(v) for _, v in av)), off
            if op is C.SUBPATTERN:
                if av[1] or av[2]:
                    return None  # scoped flags
                got = first(av[3], off)
                if got is None or got[0]:
                    return got
                off = got[1]
                continue
            if op not in fixed:
                return None
            lo, hi = _parser.SubPattern(state, [(op, av)]).getwidth()
            if lo != hi:
                return None
            off += lo
        return "", off

    got = first(parsed.data, 0)
    return got if got and got[0] else None


_PLACES: tuple = (None, {})  # (the text, {anchor characters: their offsets}) of the last full search


class _Anchored:
    """Stands for a pattern in the rule's search plan (kinds.PatternRule._hits reads
    ``finditer`` and ``groupindex``); the matches are the pattern's own Match objects."""

    __slots__ = ("rx", "chars", "off", "groupindex", "pattern", "flags", "_finder")

    def __init__(self, rx, chars: str, off: int):
        self.rx, self.chars, self.off = rx, chars, off
        self.groupindex, self.pattern, self.flags = rx.groupindex, rx.pattern, rx.flags
        self._finder = compile_cached("[" + "".join(re.escape(c) for c in chars) + "]")

    def _places(self, text: str, lo: int, hi: int):
        if hi != len(text):
            return [m.start() for m in self._finder.finditer(text, lo, hi)]
        global _PLACES
        cache = _PLACES
        if cache[0] is not text:
            cache = _PLACES = (text, {})
        got = cache[1].get(self.chars)
        if got is None:
            got = cache[1][self.chars] = [m.start() for m in self._finder.finditer(text)]
        return got[bisect_left(got, lo):] if lo else got

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        n = len(text)
        hi = n if endpos is None or endpos > n else endpos
        off = self.off
        match = self.rx.match
        last = pos
        for q in self._places(text, pos + off, hi):
            p = q - off
            if p < last:
                continue
            m = match(text, p, hi)
            if m is not None:
                yield m
                last = m.end()


def _split_at(text: str, s: int, e: int, cuts: set, ok) -> set:
    """``cuts`` with a boundary at s when jieba cut s..e into one word with the text right
    before it and ``ok`` holds for that text; else ``cuts`` (a new set: the window's are kept)."""
    below = [c for c in cuts if c < s]
    if not below or e not in cuts or any(s < c < e for c in cuts):
        return cuts
    return cuts | {s} if ok(text[max(below):s]) else cuts


def _split_de(text: str, hs: int, he: int, cuts: set) -> set:
    """_split_at() for the 的 at hs..he when the word before it is an adverb of two characters
    or more (_DE_STEMS): jieba's dictionary lists reduplicated words with their 的 (悄悄的,
    缓缓的 …), so in 他悄悄的走了 no rule saw a 的 of its own.  The rule's tag conditions then
    decide, as for any word before a 的.  A 的 inside a word that is none (目的, 有的是) keeps
    its word."""
    if text[hs:he] != "的":
        return cuts
    return _split_at(text, hs, he, cuts, lambda stem: len(stem) >= 2 and word_tags().has(stem, _DE_STEMS))


# the stems whose 的 is split off: adverbs (缓缓, 轻轻; 悄悄 by tags-extra.txt) -- not adjectives or
# state words, whose AA的 before a verb mostly opens a noun phrase (淡淡的忧伤笼罩着他, 重重的打击压垮了他)
_DE_STEMS = ("d",)


class TaggedRule(PatternRule):
    KEYS = PatternRule.KEYS | {"word_tags", "end_tags", "next_not_tags", "not_words", "split_from"}
    needs_jieba = True
    LINE_LOCAL = True

    def setup(self, spec):
        super().setup(spec)
        self.word_tags = _tag_map(spec, "word_tags", self.source, self.id)
        self.end_tags = _tag_map(spec, "end_tags", self.source, self.id)
        self.next_not = _tag_map(spec, "next_not_tags", self.source, self.id)
        if not self.word_tags and not self.end_tags:
            raise RuleLoadError(self.source, "tagged 规则至少要有 word_tags 或 end_tags", self.id, "word_tags")
        for g in list(self.word_tags) + list(self.end_tags) + list(self.next_not):
            if not any(g in rx.groupindex for rx in self.regexes):
                raise RuleLoadError(self.source, f"分组“{g}”不在任何正则中", self.id, "word_tags")
        self.not_words = set(_str_list(spec, "not_words"))
        split = spec.get("split_from") or {}
        if not isinstance(split, dict) or not all(
                isinstance(g, str) and g in self.word_tags and isinstance(ws, list) and ws
                and all(isinstance(w, str) and w for w in ws) for g, ws in split.items()):
            raise RuleLoadError(self.source, "split_from 必须是“word_tags 里的分组: [词, …]”的映射", self.id,
                                "split_from")
        self.split_from = {g: frozenset(ws) for g, ws in split.items()}
        self._known: dict = {}  # (condition, group, word) -> whether the tag condition holds

    def _make_plan(self):
        plan = super()._make_plan()
        if not self.user:
            for k, entry in enumerate(plan):
                got = _anchor(self.regexes[k])
                if got is not None:  # searched over the whole text: no prefilter (None)
                    plan[k] = (_Anchored(self.regexes[k], *got),) + (None,) * (len(entry) - 1)
        return plan

    def _tagged(self, cond: str, g: str, w: str, want) -> bool:
        """w is no not_word and carries one of want (cond "word" or "end": the key of
        ``want``) / is a known word under a tag not in want (cond "not"); remembered per
        word, drafts repeat their words."""
        key = (cond, g, w)
        got = self._known.get(key)
        if got is None:
            tags = word_tags()
            if w in self.not_words:
                got = False
            elif cond != "not":
                got = tags.has(w, want)
            else:
                got = tags.known_not(w, want)
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[key] = got
        return got

    def accept(self, ctx, m) -> bool:
        groupindex = m.re.groupindex
        tagged = self._tagged
        # The groups that must be one word are looked up before jieba cuts anything:
        # most candidates fail here (的 before a noun is the common case).
        for g, want in self.word_tags.items():
            if g in groupindex:
                w = m.group(g)
                if w is not None and not tagged("word", g, w, want):
                    return False
        cuts = ctx.seg.cuts(m.start(), m.end())
        hs, he = m.span("hit") if "hit" in groupindex and m.group("hit") is not None else m.span()
        text = ctx.text
        if hs not in cuts and he in cuts:
            cuts = _split_de(text, hs, he, cuts)
        if hs not in cuts or he not in cuts:
            return False  # the particle is part of a word (目的, 土地, 懂得)
        for g, want in self.word_tags.items():
            if g not in groupindex or m.group(g) is None:
                continue
            s, e = m.span(g)
            if s not in cuts and g in self.split_from:  # 很快 as 很 + 快 (split_from)
                cuts = _split_at(text, s, e, cuts, self.split_from[g].__contains__)
            if s not in cuts or e not in cuts or any(s < c < e for c in cuts):
                return False
            if not tagged("word", g, text[s:e], want):
                return False
        for g, want in self.end_tags.items():
            if g not in groupindex or m.group(g) is None:
                continue
            e = m.end(g)
            if e not in cuts:
                return False
            below = [c for c in cuts if c < e]
            if not below:
                return False
            if not tagged("end", g, text[max(below):e], want):
                return False
        for g, avoid in self.next_not.items():
            if g not in groupindex or m.group(g) is None:
                continue
            s = m.start(g)
            above = [c for c in cuts if c > s]
            if s not in cuts or not above:
                return False
            if not tagged("not", g, text[s:min(above)], avoid):
                return False
        return True
