"""Kind ``near-miss``: a fixed expression written one character off.

A rule lists canonical expressions (inline ``expressions`` and/or data files under
resources/lexicon named in ``lists``).  It reports a stretch of text that is not the
expression but very nearly is:

* one character replaced (``substitute: confusable`` — only by a homophone or a
  look-alike of the right character; ``any`` — by any Han character, for long formulas
  of at least ``any_min_length`` characters, shorter ones still need a confusable);
* ``drop`` (1–2) contiguous characters left out, where ``drop_at`` allows: ``interior``
  (the default), ``start`` (only where a clause starts at the missing character and goes
  on past the remnant: 、志成城谱壮歌), ``end`` (only right before a figure or a Latin
  word: 财政总收45.8亿元); ``drop_min_length`` keeps short expressions out;
  ``drop_not_word`` asks jieba that what is left is not a word in its context
  (``strict``: and a lost character only of an expression jieba counts 20 times or more,
  where what is left reads as no words at all: 众志城, not 稳推进 or 夕阳下);
* a 的 put in between two characters of a political formula (科学的发展观), in the rule of
  category phrasing that also looks for dropped characters (phrasing.formula's short list
  of names; see ``insert_de`` in setup), found from the same anchors;
* ``skip_words``: a stretch that is itself a dictionary word is never reported (``halves``:
  nor one whose changed half, or changed end character with its outside neighbour, is one);
* a list mark (、) of an expression written as a conjunction (和、与、及) is no slip:
  获得感、幸福感和安全感 is 获得感、幸福感、安全感;
* ``inner_lists``: data files of shorter expressions (idioms, set phrases) that another
  rule checks: a character replaced inside a part of the expression that is one of them
  (谦虚谨慎 in 务必谦虚谨慎、艰苦奋斗) is left to that rule, so one slip gets one finding;
* ``pairs`` (four-character expressions): the doubled characters of one written as
  another doubled homophone or look-alike (风度偏偏 for 风度翩翩, 涛涛不绝 for 滔滔不绝).

Speed: every expression is indexed once by its first and last two characters (four-
character ones further by a third character, so a window is settled by a couple of dict
lookups; longer ones by the characters that follow or precede the anchor, so only those
that fit the text there are compared); one pass over the text, shared by all near-miss
and misused rules (lexicon_data.bigram_hits), finds the anchors (one set lookup per
character).  No loop over the list per sentence.  The homophone and look-alike tables
load only when a candidate needs them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .kinds import Rule, _Exceptions, _str_list
from .lexicon_data import (_lock, _positions, bigram_hits, confusable, lexicon_dir,  # noqa: F401  (lexicon_dir: tests)
                           read_list, use_bigrams)
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)
from ..cache import kept as kept_between_runs

_HAN = compile_cached(r"[\u4e00-\u9fff]")
_CLAUSE = set("\n\r\t 　，。、；：！？,.;:!?“”\"‘’'（）()《》【】—…·")
# A pinyin gloss with a tone mark after a character (風(fēng)): it splits the word it stands
# in, and the half after it is not a word with a character dropped (the pinyin-gloss rule
# reports the gloss).
_GLOSS_BEFORE = compile_cached(r"[(（][a-zü]{0,5}[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]{0,5}[)）]$")
_GLOSS_AFTER = compile_cached(r"[(（][a-zü]{0,5}[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")


_VERSE_CLAUSE = compile_cached(r"[\u4e00-\u9fff]{5}|[\u4e00-\u9fff]{7}")
_VERSE_MARK = compile_cached(r"[，,；;。！？!?、]")


def _in_verse(text: str, s: int, t: int) -> bool:
    """Whether s..t stands in a quotation of verse: two or more clauses of five or seven
    characters each, between “ and ” on one line."""
    a = text.rfind("“", max(0, s - 40), s)
    if a < 0 or "\n" in text[a:s] or "”" in text[a:s]:
        return False
    b = text.find("”", t, t + 40)
    if b < 0 or "\n" in text[t:b]:
        return False
    clauses = [c for c in _VERSE_MARK.split(text[a + 1:b]) if c]
    return len(clauses) >= 2 and all(_VERSE_CLAUSE.fullmatch(c) for c in clauses)


def _glossed_beside(text: str, s: int, t: int) -> bool:
    """Whether a pinyin gloss stands right before s or right after t."""
    return (s > 0 and text[s - 1] in ")）" and _GLOSS_BEFORE.search(text, max(0, s - 9), s) is not None) or (
        t < len(text) and text[t] in "(（" and _GLOSS_AFTER.match(text, t) is not None)


def _bounded(text: str, x: int) -> bool:
    return x < 0 or x >= len(text) or text[x] in _CLAUSE


def _start_ok(text: str, s: int, k: int) -> bool:
    """A first character missing: the clause starts there and goes on past the remnant --
    by more than one character: a remnant and one more character standing alone between
    marks (“富民强镇”) is a four-character term of its own."""
    return (_bounded(text, s - 1) and s + k < len(text) and _HAN.match(text[s + k]) is not None
            and not _bounded(text, s + k + 1))


def _end_ok(text: str, t: int) -> bool:
    """A last character missing: right before a figure or a Latin word (财政总收45.8亿元);
    before a mark it is too often a word of its own (周二议事日，)."""
    return t < len(text) and not _HAN.match(text[t]) and not _bounded(text, t)


_INNER: dict[tuple, frozenset] = {}
_LIST_MARKS = frozenset("、，")
_LIST_WORDS = frozenset("和与及")


def _inner_words(names: tuple) -> frozenset:
    """The entries of some data files as one set, cached per process."""
    got = _INNER.get(names)
    if got is None:
        got = _INNER[names] = frozenset(w for name in names for w in read_list(name))
    return got


def _either(a, b):
    """The expressions of two lists (either may be None), each once."""
    if a is None:
        return b or ()
    if b is None:
        return a
    return dict.fromkeys(a + b)


def _freq(w: str) -> int:
    """jieba's count for w (asked only when two expressions tie for one stretch)."""
    from ..segment import tokenizer

    return tokenizer().FREQ.get(w, 0)


_NOTHING = ()     # a stretch that gives no candidate (_head4, _tail4)
_MOST_MEMO = 300_000  # stretches kept per rule (_memo4): a draft of 1M characters has ~100,000

_COMMON_IDIOM = 20  # jieba's count: 众志成城 30, 和衷共济 97; 乱作胡为, 又弱一个 0
_FREE_CHAR = 5000  # jieba's count of a character standing alone: 不 360331, 城 19953; 济 2043, 衷 368
_COMMON_WORD = 500  # jieba's count: 有人 15007, 先生 14470, 老鼠 747; 成城 6, 壮歌 12


def _is_word(w: str) -> bool:
    """w is an entry of jieba's (trimmed) dictionary."""
    from ..segment import tokenizer

    return tokenizer().FREQ.get(w, 0) > 0


def _half_word(text: str, s: int, t: int, e: str, got: str) -> bool:
    """The stretch text[s:t] (``got``, one character off ``e``) reads as words after all: the
    half of a four-character compound that holds the changed character is a dictionary
    word, or a changed first (last) character makes a word with the character before (after)
    the stretch, or the stretch ends inside a word (its changed half no word, its last
    character one with the next: 创新新动|能)."""
    diff = [k for k in range(min(len(e), len(got))) if e[k] != got[k]]
    if len(diff) != 1:
        return False
    k = diff[0]
    if len(got) == 4 and _is_word(got[:2] if k < 2 else got[2:]):
        return True
    if k == 0 and s > 0 and _is_word(text[s - 1] + got[0]):
        return True
    if k == len(got) - 1 and t < len(text) and _is_word(got[-1] + text[t]):
        return True
    # (the stretch's last two characters no word, its last one a word with the next: the
    # stretch ends inside a word -- 科技创新|新动能 is no 创新驱动)
    return (len(got) == 4 and t < len(text) and not _is_word(got[-2:]) and _is_word(got[-1] + text[t])
            and k >= 2)


# the heads of the language's A-X-A-Y shapes (一言一语, 不慌不忙, 有说有笑, 边学边干 …)
_PARALLEL_HEADS = frozenset("一不无有自半全多大非若边越又没先且连")


def _echoed(e: str, k: int, got: str) -> bool:
    """Character k of a four-character idiom e written as another character of e: a slip of
    the eye or the hand that copies a character from nearby (得天独厚 written 独天独厚).  Not
    where the copy makes a word with a neighbour (少年老年, 一步一步), nor where it makes one
    of the language's parallel shapes, X-A-Y-A (东家西家) or A-X-A-Y after 一, 不 … (一言一语)."""
    if len(e) != 4 or got == e[k] or got not in e:
        return False
    w = e[:k] + got + e[k + 1:]
    if w[1] == w[3] or (w[0] == w[2] and w[0] in _PARALLEL_HEADS):
        return False
    return not any(_is_word(w[j:j + 2]) for j in (k - 1, k) if 0 <= j <= 2)


def _digest(exprs: list) -> str:
    from hashlib import blake2b

    return blake2b("\x00".join(exprs).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _four_index(exprs: list) -> tuple[str, str]:
    """The four-character expressions (the idioms: tens of thousands) joined in the order
    of their first two characters and in that of their last two (each a stable sort: a
    group keeps the order of the lists; four characters an entry, no separator).  Sorting
    them is ~25 ms of a fresh start for each of the two idiom rules, and even a split of
    the sorted text into its entries ~8: kept between runs under a digest of the
    expressions (core/cache.py), read by _Groups without a split."""

    def make() -> str:
        four = [e for e in exprs if len(e) == 4 and "\x00" not in e]  # (the text's separator)
        return "\x00".join(("".join(sorted(four, key=lambda e: e[:2])), "".join(sorted(four, key=lambda e: e[2:]))))

    got = kept_between_runs(("nearmiss-four-v3", _digest(exprs)), make)
    parts = got.split("\x00") if isinstance(got, str) else ()
    if len(parts) != 2:  # (not kept: a string the cache would not take)
        parts = make().split("\x00")
    by_head, by_tail = parts
    return by_head, by_tail


_PAIRS: dict = {}  # data file name -> _four_pairs of its lines, once a process


def _four_pairs(exprs: list, name: str | None = None) -> frozenset:
    """The first and the last two characters of the four-character expressions in exprs,
    the lines of the data file ``name`` when given: made once a process for a file -- the
    two idiom rules list the same idioms.txt (~34,000 pairs: making the strings of a set
    of them was ~8 ms for each rule) -- and kept between runs as one string of the pairs."""
    got = _PAIRS.get(name) if name is not None else None
    if got is None:
        def make() -> str:
            four = [e for e in exprs if len(e) == 4 and "\x00" not in e]  # (as _four_index)
            return "".join(sorted({e[:2] for e in four} | {e[2:] for e in four}))

        pairs = kept_between_runs(("nearmiss-pairs-v1", _digest(exprs)), make)
        if not isinstance(pairs, str):
            pairs = make()
        got = frozenset(pairs[k:k + 2] for k in range(0, len(pairs), 2))
        if name is not None:
            _PAIRS[name] = got
    return got


class _Groups:
    """head4 or tail4 of NearMissRule's index: the four-character expressions whose two
    characters at ``at`` (0: the first two, 2: the last two) are a given pair, found by
    bisection in the text of them all sorted by those (_four_index); each group made on
    first use and kept (its id keys _by)."""
    __slots__ = ("_text", "_pair", "_made")

    def __init__(self, text: str, at: int) -> None:
        self._text, self._made = text, {}
        self._pair = lambda k: text[4 * k + at:4 * k + at + 2]

    def get(self, pair: str):
        got = self._made.get(pair, False)
        if got is False:
            text, key = self._text, self._pair
            entries = range(len(text) // 4)
            lo = bisect_left(entries, pair, key=key)
            hi = bisect_right(entries, pair, lo, key=key)
            # (setdefault: two threads asking at once keep one list)
            got = self._made.setdefault(pair, [text[4 * k:4 * k + 4] for k in range(lo, hi)] if lo < hi else None)
        return got


class NearMissRule(Rule):
    KEYS = {"expressions", "lists", "accepted", "substitute", "any_min_length", "drop", "drop_min_length",
            "drop_at", "drop_not_word", "skip_words", "pairs", "exceptions", "inner_lists"}

    def setup(self, spec):
        exprs = _str_list(spec, "expressions")
        self.lists = self._lexicon_files(spec, "lists")
        if not exprs and not self.lists:
            raise RuleLoadError(self.source, "缺少 expressions 或 lists", self.id, "expressions")
        for e in exprs:
            if len(e) < 3:
                raise RuleLoadError(self.source, f"表述“{e}”太短（至少 3 个字）", self.id, "expressions")
        self.inline = exprs
        self.accepted = set(_str_list(spec, "accepted"))
        self.substitute = spec.get("substitute", "confusable")
        if self.substitute not in ("confusable", "any", "none"):
            raise RuleLoadError(self.source, "substitute 必须是 confusable/any/none", self.id, "substitute")
        self.any_min = int(spec.get("any_min_length", 6))
        self.drop = int(spec.get("drop", 0))
        if not 0 <= self.drop <= 2:
            raise RuleLoadError(self.source, "drop 只能是 0、1 或 2", self.id, "drop")
        self.drop_min = int(spec.get("drop_min_length", 5))
        self.drop_at = set(_str_list(spec, "drop_at") or ["interior"])
        if not self.drop_at <= {"start", "interior", "end"}:
            raise RuleLoadError(self.source, "drop_at 只能列 start、interior、end", self.id, "drop_at")
        # ``drop_not_word: strict``: besides, a character lost only from an expression jieba
        # counts at least _COMMON_IDIOM times, and only where the remnant reads as no words at
        # all (_remnant_odd: 稳|推进 and 不|动摇 read as words, 和衷|济 and 众志|城 do not)
        strict = spec.get("drop_not_word", False)
        if isinstance(strict, str) and strict != "strict":
            raise RuleLoadError(self.source, "drop_not_word 只能是 true、false 或 strict", self.id, "drop_not_word")
        self.drop_not_word = bool(strict)
        self.drop_strict = strict == "strict"
        self.skip_words = bool(spec.get("skip_words", False))
        self.pairs = bool(spec.get("pairs", False))
        # ``skip_words: halves`` (compounds of two words, 党风廉政): besides, a slip leaves its
        # half no word -- the changed half a dictionary word is another compound (法制建设
        # beside 法治建设, 工作中点滴 beside 工作重点), a changed end character that makes a
        # word with the character outside is a stretch across two words (社会主|义法治国家 is
        # no 依法治国)
        self.odd_half = spec.get("skip_words") == "halves"
        self.needs_jieba = (self.drop_not_word and self.drop > 0) or self.skip_words or self.odd_half
        self.inner_lists = self._lexicon_files(spec, "inner_lists")
        self._inner: dict[str, dict] = {}
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))
        # A political formula with a 的 put inside it (科学的发展观, 社会主义的核心价值观): the
        # names of the short list of phrasing.formula (the rule that also looks for dropped
        # characters) are fixed wordings, so an extra 的 between two of their words breaks
        # them as a changed character does.  Not the long list of phrasing.formula-list
        # (人与自然的和谐共生, 治理能力的现代化, 中国特色的大国外交 are free ways of saying
        # it), nor set phrases and proper names (typo rules).
        self.insert_de = self.category == "phrasing" and self.substitute == "any" and self.drop > 0
        self._index = None
        use_bigrams(self)  # its anchors join the one pass over the text (lexicon_data.bigram_hits)

    # -- index -------------------------------------------------------------------------
    def index(self):
        """Built once per rule.  Four-character expressions (the idioms: tens of thousands)
        are grouped by their first and by their last two characters, each group split by
        one more character on first use; longer ones are few and compared directly."""
        if self._index is not None:
            return self._index
        with _lock:  # two reviews on two threads (the window's quick and full pass)
            if self._index is None:
                self._build_index()
        return self._index

    def _build_index(self) -> None:
        exprs = list(self.inline)
        for name in self.lists:
            exprs.extend(read_list(name))
        canon = set(exprs)
        long: dict[str, list] = {}
        for e in [e for e in exprs if len(e) != 4]:  # (most are four characters long)
            if len(e) >= 3:
                long.setdefault(e[:2], []).append((e, True))
                long.setdefault(e[-2:], []).append((e, False))
        by_head, by_tail = _four_index(exprs)
        anchors = [_four_pairs(read_list(name), name) for name in self.lists]
        if self.inline:
            anchors.append(_four_pairs(self.inline))
        self._anchors = set(long).union(*anchors)
        # the first words that several listed names share (中国特色社会主义 of its
        # 道路, 理论体系, 制度 …): names of their own, before which a 的 is free (_inserted)
        starts: dict = {}
        for e in (exprs if self.insert_de else ()):
            for k in range(3, len(e)):
                starts.setdefault(e[:k], set()).add(e[k])
        self._shared_heads = {h for h, nxt in starts.items() if len(nxt) >= 2}
        self._split: dict = {}
        self._long_split: dict = {}
        head4, tail4 = _Groups(by_head, 0), _Groups(by_tail, 2)
        self._index = (canon, head4, tail4, long)  # last: a reader that sees it sees the rest

    def _by(self, group: list, a: int, b: int) -> tuple[dict, dict]:
        """A group of four-character expressions keyed by the character at a, and at b."""
        key = (id(group), a)
        got = self._split.get(key)
        if got is None:
            da: dict = {}
            db: dict = {}
            for e in group:
                da.setdefault(e[a], []).append(e)
                db.setdefault(e[b], []).append(e)
            got = self._split[key] = (da, db)
        return got

    def _long_by(self, bg: str) -> tuple:
        """The longer expressions anchored on bg: those starting with it, by the character
        at 2, 3 or 4 (any of them) and at 3; those ending with it, by the character at -5,
        -4 or -3 and at -4 (what _scan's tests ask of the text's next characters)."""
        got = self._long_split.get(bg)
        if got is None:
            entries = dict.fromkeys(self._index[3][bg])
            heads = [e for e, head in entries if head]
            tails = [e for e, head in entries if not head]
            by_c2: dict = {}
            by_c3: dict = {}
            for e in heads:
                for c in dict.fromkeys(e[2:5]):
                    by_c2.setdefault(c, []).append(e)
                if e[3:4]:
                    by_c3.setdefault(e[3], []).append(e)
            by_c1: dict = {}
            by_c0: dict = {}
            for e in tails:
                for c in dict.fromkeys(e[-5:-2]):
                    by_c1.setdefault(c, []).append(e)
                if e[-4:-3]:
                    by_c0.setdefault(e[-4], []).append(e)
            got = self._long_split[bg] = (heads, by_c2, by_c3, tails, by_c1, by_c0)
        return got

    # -- scan --------------------------------------------------------------------------
    def bigrams(self) -> set:
        self.index()
        return self._anchors

    def scan(self, ctx):
        return self._scan(ctx, bigram_hits(ctx))

    # Line-local (core/incremental.py): every candidate is a stretch of an expression's
    # characters (a line break in it fails the comparison), found from an anchor inside
    # it; what decides it reads one character on either side of it (_bounded, _start_ok,
    # _end_ok), the listed words and jieba's window, which stops at a line break.  Ties
    # between expressions are settled by jieba's counts whether or not jieba was loaded
    # (_freq), so a line's hits do not depend on what ran before.
    whole_text_range = True

    def line_reach(self):
        if type(self) is not NearMissRule or self.user:
            return None
        canon = self.index()[0]
        joined = "\x00".join(canon) + "\x00" + "\x00".join(self.accepted)  # (one C search, not 120,000)
        if "\n" in joined or "\r" in joined:
            return None
        if self.exceptions.line_reach() is None:
            return None
        return 2, 2

    def scan_range(self, ctx, start, end, stop):
        text = ctx.text
        if start == 0 and end == len(text):
            found = self.scan(ctx)
        else:
            found = self._scan(ctx, _positions(text, start, end, self.bigrams()))
        return [(0, s, t, v) for s, t, v in found if start <= s < end], []

    def _scan(self, ctx, hits):
        text = ctx.text
        canon, head4, tail4, long = self.index()
        cands: dict[tuple, tuple] = {}
        exact: list = []
        n = len(text)
        heads4, tails4, heads_long, tails_long = self._memo4
        if len(heads4) + len(tails4) + len(heads_long) + len(tails_long) > _MOST_MEMO:
            heads4.clear()
            tails4.clear()
            heads_long.clear()
            tails_long.clear()
        for bg in hits.keys() & self._anchors:
            positions = hits[bg]
            group = head4.get(bg)
            if group is not None:
                # What a four-character stretch at i gives depends on its characters alone
                # (_head4), but for the last one dropped, which asks what follows it.
                for i in positions:
                    key = text[i:i + 4]
                    got = heads4.get(key)
                    if got is None:
                        got = heads4[key] = self._head4(group, key)
                    if got is _NOTHING:
                        continue
                    found, ends = got
                    for ds, dt, e, info in found:
                        cands.setdefault((i + ds, i + dt, e), info)
                    if ends and _end_ok(text, i + 3):
                        for e, info in ends:
                            cands.setdefault((i, i + 3, e), info)
            group = tail4.get(bg)
            if group is not None:
                for j in positions:
                    if j < 1:
                        continue
                    key = text[j - 2:j + 2] if j >= 2 else text[j - 1:j + 2]
                    got = tails4.get(key)
                    if got is None:
                        got = tails4[key] = self._tail4(group, key if j >= 2 else "\0" + key)
                    if got is _NOTHING:
                        continue
                    found, starts = got
                    s0 = j - 2
                    for ds, dt, e, info in found:
                        cands.setdefault((s0 + ds, s0 + dt, e), info)
                    if starts and _start_ok(text, j - 1, 3):
                        for e, info in starts:
                            cands.setdefault((j - 1, j + 2, e), info)
            got = self._long_by(bg) if bg in long else None
            if got is not None:
                heads, by_c2, by_c3, tails, by_c1, by_c0 = got
                for i in (positions if heads else ()):
                    # One character replaced or one or two dropped after the first two
                    # leaves e[2], e[3] or e[4] at i + 2 or i + 3: only the expressions
                    # that have the text's next characters there are tried (found once
                    # per stretch of four characters).
                    key = text[i:i + 4]
                    group = heads_long.get(key)
                    if group is None:
                        group = heads_long[key] = tuple(
                            _either(by_c2.get(key[2]), by_c3.get(key[3])) if len(key) == 4 else heads)
                    if not group:
                        continue
                    c2, c3 = key[2:3], key[3:4]
                    for e in group:
                        m = len(e)
                        if text.startswith(e, i):
                            exact.append((i, i + m))
                            continue
                        if c2 and c2 not in e[2:5] and c3 != e[3:4]:
                            continue
                        self._subst(text, i, e, text[i:i + m], cands)
                        if self.insert_de:
                            self._inserted(text, i, e, cands)
                        if self.drop:
                            self._drops(text, i, e, True, cands)
                for i in (positions if tails else ()):
                    end = i + 2
                    if i >= 2:
                        key = text[i - 2:end]
                        group = tails_long.get(key)
                        if group is None:
                            group = tails_long[key] = tuple(_either(by_c1.get(key[1]), by_c0.get(key[0])))
                        if not group:
                            continue
                        c1, c0 = key[1], key[0]
                    else:
                        c1, c0 = text[i - 1:i], ""
                        group = tails
                    for e in group:
                        m = len(e)
                        if end - m >= 0 and text.startswith(e, end - m):
                            continue  # found as a head too
                        if c1 and c1 not in e[-5:-2] and c0 != e[-4:-3]:
                            continue
                        if end - m >= 0:
                            self._subst(text, end - m, e, text[end - m:end], cands)
                        if self.insert_de and end - m - 1 >= 0:
                            self._inserted(text, end - m - 1, e, cands)
                        if self.drop:
                            self._drops(text, end, e, False, cands)
        exact.sort()
        # the furthest end among the first k exact matches: a stretch s..t overlaps one of
        # them when those starting before t reach past s (a bisect, not a loop over all)
        ex_starts = [a for a, _ in exact]
        ex_reach = []
        far = -1
        for _, b in exact:
            far = b if b > far else far
            ex_reach.append(far)
        # Several expressions one character off the same stretch (再接再厉, and the variant
        # 再接再历 the idiom list also has): the most frequent one in jieba's dictionary.
        best: dict[tuple, tuple] = {}
        for (s, t, e), info in sorted(cands.items()):
            other = best.get((s, t))
            if other is None or _freq(e) > _freq(other[0]):
                best[(s, t)] = (e, info)
        for (s, t), (e, (what, right, wrong)) in sorted(best.items()):
            got = text[s:t]
            if what == "drop":
                # Part of a listed expression written out in full (双管齐下 is no 多管齐下
                # without 多), or the dropped character is there after all.
                if text[max(0, s - 1):s + 3] in canon or text[s:s + 4] in canon:
                    continue
                k = bisect_left(ex_starts, t)
                if k and ex_reach[k - 1] > s:
                    continue
                if text.startswith(e, s) or text.startswith(e, max(0, s - (len(e) - (t - s)))):
                    continue
            if got in canon or got in self.accepted or self.exceptions.covers(text, s, t):
                continue
            if self._accepted_near(text, s, t):
                continue
            if what == "drop" and _in_verse(text, s, t):
                continue  # a quoted line of verse (“轻风托纸鸢，扶摇上青天”) is no idiom lost a character
            if (what == "sub" and got[0] != e[0] and s > 0 and _is_word(text[s - 1] + got[0])
                    and _in_verse(text, s, t)):
                continue  # nor one whose first character is a word with the one before (黄莺报喜|喜临门)
            if what == "drop" and _glossed_beside(text, s, t):
                continue  # a pinyin gloss a converting site put in the word (風(fēng)清氣正): junk's
            if what == "drop" and self.drop_strict and _freq(e) < _COMMON_IDIOM:
                continue
            if what == "drop" and self.drop_not_word and not self._remnant_ok(ctx, s, t, e.endswith(got)):
                continue
            if what == "drop" and self.drop_strict and not self._remnant_odd(ctx, s, t, e, got):
                continue
            if self.skip_words and _is_word(got):
                continue
            if what == "sub" and self.odd_half and _half_word(text, s, t, e, got):
                continue
            if what == "sub" and self.inner_lists and self._inside_inner(e, got):
                continue
            if what == "sub" and (got[:-1] == e[:-1] and got[:-1] in canon or got[1:] == e[1:] and got[1:] in canon):
                continue  # a listed expression whole and the next word (中国共产党云南省委: not 中国共产党员)
            if what == "sub" and right in _LIST_MARKS and wrong in _LIST_WORDS:
                continue  # a list's last 、 written 和 (获得感、幸福感和安全感): the same formula
            if (what == "sub" and len(got) == 4 and got[0] == got[1] and got[2] == got[3]
                    and _is_word(got[0] + got[2])):
                continue  # a word said twice, character by character (整洁 → 整整洁洁): no 整整截截
            how_zh = (f"漏了“{right}”" if what == "drop" else f"多了“{right}”" if what == "ins"
                      else f"“{right}”写成了“{wrong}”")
            yield s, t, {"suggestion": e, "canonical": e, "how": what, "right": right, "how_zh": how_zh}

    # -- four-character expressions, by the stretch the anchor stands in --------------
    # A draft repeats its words: what an anchor's stretch of four characters gives is
    # worked out once per stretch (kept by the rule, _memo4) as the candidates it adds,
    # in the order _scan adds them, at offsets from the stretch's start.

    @property
    def _memo4(self) -> tuple[dict, dict, dict, dict]:
        """(head, tail) stretches of four-character expressions, then the groups of longer
        expressions tried at a head or a tail stretch of four characters."""
        got = self.__dict__.get("_memo4_")
        if got is None:
            got = self.__dict__["_memo4_"] = ({}, {}, {}, {})
        return got

    def _head4(self, group: list, key: str):
        """For a stretch ``key`` (up to four characters) that opens with the anchor of
        ``group``: ([(start, end, expression, info)], [(expression, info)] of the last
        character dropped, to add where the stretch is followed by a figure), or _NOTHING."""
        by2, by3 = self._by(group, 2, 3)
        c2, c3 = key[2:3], key[3:4]
        han = _HAN.match
        out: dict = {}
        if self.substitute != "none" and c3:
            # e and the text differ at one known place: the text's character there must
            # be Han (_subst), then it is compared with e's
            g = by2.get(c2)
            if g and han(c3):
                for e in g:      # the fourth character replaced
                    if e[3] != c3:
                        self._sub_at(0, e, 3, c3, out)
            g = by3.get(c3)
            if g and han(c2):
                for e in g:      # the third
                    if e[2] != c2:
                        self._sub_at(0, e, 2, c2, out)
            if self.pairs and c2 == c3 and han(c2):
                self._pair_at(0, 2, c2, by2, out)
        ends = []
        if self.drop and self.drop_min <= 4:
            if "interior" in self.drop_at:
                for e in by3.get(c2, ()):  # the third missing: e0 e1 e3
                    out.setdefault((0, 3, e), ("drop", e[2], ""))
            if "end" in self.drop_at:
                ends = [(e, ("drop", e[3], "")) for e in by2.get(c2, ())]  # the last missing: e0 e1 e2
        if not out and not ends:
            return _NOTHING
        return [(s, t, e, info) for (s, t, e), info in out.items()], ends

    def _tail4(self, group: list, key: str):
        """_head4() for a stretch ``key`` of four characters that ends with the anchor of
        ``group`` ("\\0" standing for the text's start): the candidates from its start, and
        those of the first character dropped, to add where a clause starts there."""
        by0, by1 = self._by(group, 0, 1)
        c0, c1 = key[0], key[1]
        if c0 == "\0":
            c0 = ""
        han = _HAN.match
        out: dict = {}
        if self.substitute != "none" and c0:
            g = by0.get(c0)
            if g and han(c1):
                for e in g:      # the second character replaced
                    if e[1] != c1:
                        self._sub_at(0, e, 1, c1, out)
            g = by1.get(c1)
            if g and han(c0):
                for e in g:      # the first
                    if e[0] != c0:
                        self._sub_at(0, e, 0, c0, out)
            if self.pairs and c0 == c1 and han(c0):
                self._pair_at(0, 0, c0, by0, out)
        starts = []
        if self.drop and self.drop_min <= 4:
            if "interior" in self.drop_at:
                for e in by0.get(c1, ()):  # the second missing: e0 e2 e3
                    out.setdefault((1, 4, e), ("drop", e[1], ""))
            if "start" in self.drop_at:
                starts = [(e, ("drop", e[0], "")) for e in by1.get(c1, ())]  # the first missing: e1 e2 e3
        if not out and not starts:
            return _NOTHING
        return [(s, t, e, info) for (s, t, e), info in out.items()], starts

    def _inside_inner(self, e: str, got: str) -> bool:
        """The replaced characters of ``got`` (one substitution of ``e``) all lie inside a
        part of ``e`` (or all of it) that is an entry of ``inner_lists``, and the rule for that list finds
        the slip there: in an entry of six characters or more any character, in a shorter
        one (an idiom) a homophone or a look-alike -- other slips stay this rule's."""
        cover = self._inner.get(e)
        if cover is None:
            words = _inner_words(tuple(self.inner_lists))
            longest: dict[int, int] = {}
            for n in range(4, len(e) + 1):
                for i in range(len(e) - n + 1):
                    if e[i:i + n] in words:
                        for k in range(i, i + n):
                            longest[k] = max(longest.get(k, 0), n)
            cover = self._inner[e] = longest
        if not cover or len(got) != len(e):
            return False
        diff = [i for i in range(len(e)) if e[i] != got[i]]
        return bool(diff) and all(
            i in cover and (cover[i] >= 6 or confusable(got[i], e[i])) for i in diff)

    def _accepted_near(self, text, s, t) -> bool:
        """The span lies inside an accepted form written out in full."""
        for a in self.accepted:
            lo = max(0, s - len(a))
            k = text.find(a, lo, t + len(a))
            while k != -1 and k <= s:
                if k + len(a) >= t:
                    return True
                k = text.find(a, k + 1, t + len(a))
        return False

    def _subst(self, text, s, e, w, cands):
        if self.substitute == "none" or len(w) != len(e):
            return
        diff = -1
        for k, (a, b) in enumerate(zip(w, e)):
            if a != b:
                if diff >= 0:
                    return
                diff = k
        if diff < 0:
            return
        got, right = w[diff], e[diff]
        if not _HAN.match(got):
            return  # X, *, ○, a space or a mark: placeholders and junk are other rules' business
        if self.substitute == "any" and len(e) >= self.any_min and diff not in (0, len(e) - 1):
            pass
        elif not confusable(got, right) and not _echoed(e, diff, got):
            return
        cands.setdefault((s, s + len(e), e), ("sub", right, got))

    def _inserted(self, text, s, e, cands):
        """The stretch at s is e with one 的 put in between two of its characters (not
        before its first nor after its last: 坚持科学发展观的 is e and a 的 of the sentence).
        Only where the 的 splits the name into parts that do not stand alone: what follows
        it is two characters or more (中国共产党的人民立场 is no 中国共产党人), and what
        precedes it is no name of its own: listed, the first words of several listed names,
        or a dictionary word of three characters or more (中国特色社会主义的道路、理论,
        社会主义的核心价值观: free ways of saying it; 科学的发展观 is not)."""
        m = len(e)
        if m < self.any_min:
            return
        w = text[s:s + m + 1]
        k = w.find("的", 1)
        while 0 < k < m:
            if w[:k] + w[k + 1:] == e:
                head = e[:k]
                if m - k < 2 or (len(head) >= 3 and (head in self._index[0] or head in self._shared_heads
                                                     or _is_word(head))):
                    return
                cands.setdefault((s, s + m + 1, e), ("ins", "的", ""))
                return
            k = w.find("的", k + 1)

    def _sub_at(self, s, e, k, got, cands):
        """_subst for a stretch at s that differs from e at k alone, by got (a Han
        character)."""
        if not (self.substitute == "any" and len(e) >= self.any_min and k not in (0, len(e) - 1)) \
                and not confusable(got, e[k]) and not _echoed(e, k, got):
            return
        cands.setdefault((s, s + len(e), e), ("sub", e[k], got))

    def _pair_at(self, s, k, a, by_k, cands):
        """The stretch at s is a four-character expression whose doubled characters at k,
        k + 1 are written as another doubled character a, a homophone or look-alike (by_k:
        the anchor's expressions by their character at k; asked only where the text
        doubles a character there, a few times a page)."""
        for x, group in by_k.items():
            if x != a and confusable(a, x):
                for e in group:
                    if e[k + 1] == x:
                        cands.setdefault((s, s + 4, e), ("sub", x + x, a + a))

    def _drops(self, text, at, e, head, cands):
        m = len(e)
        if m < self.drop_min:
            return
        for d in range(1, self.drop + 1):
            k = m - d
            if k < 2:
                break
            s = at if head else at - k
            if s < 0 or s + k > len(text):
                continue
            w = text[s:s + k]
            # What is left is e less e[p:p + d]: p is where w and e first differ.
            if w[-1] != e[-1] and w != e[:k]:
                continue
            if w[0] != e[0] and w != e[d:]:
                continue
            p = 0
            while p < k and w[p] == e[p]:
                p += 1
            if w[p:] != e[p + d:]:
                continue
            if p == 0:
                ok = "start" in self.drop_at and _start_ok(text, s, k)
            elif p == k:
                ok = "end" in self.drop_at and _end_ok(text, s + k)
            else:
                ok = "interior" in self.drop_at
            if ok:
                cands.setdefault((s, s + k, e), ("drop", e[p:p + d], ""))

    def _remnant_ok(self, ctx, s, t, head_lost: bool = False) -> bool:
        """What is left must not read as ordinary words in its context: jieba must not cut a
        word that crosses its edges, and must leave a character of it standing alone.
        ``head_lost``: the expression's first characters are what is missing."""
        cuts = ctx.seg.cuts(s, t)
        if s not in cuts or t not in cuts:
            return False
        inner = sorted(c for c in cuts if s < c < t)
        if not inner or not all(_HAN.match(ch) for ch in ctx.text[s:t]):
            return False
        # A character left stranded on its own (坚|步伐, 财政|总|收): compounds that lose a
        # part usually still read as words (基层组织, 财政收入) and are not reported.
        edges = [s] + inner + [t]
        if not any(b - a == 1 for a, b in zip(edges, edges[1:])):
            return False
        # Three characters holding a common word are ordinary text far more often than an
        # idiom without its head (有人在 of 大有人在, 其所以 of 忘其所以; not 志成城 of 众志成城;
        # a part lost inside reads otherwise: 坚|步伐 of 坚实步伐)
        text = ctx.text
        return not head_lost or t - s > 3 or not any(b - a > 1 and _freq(text[a:b]) >= _COMMON_WORD for a, b in zip(edges, edges[1:]))

    def _remnant_odd(self, ctx, s, t, e, got) -> bool:
        """``drop_not_word: strict``: a character lost inside a short expression is told only where
        the remnant reads as no words at all -- the part before or after the gap is no
        dictionary word (和衷|济, 众志|城, 付|一炬; not 夕阳|下 of 夕阳西下), jieba cuts no
        dictionary word out of it (无|牵挂 of 无牵无挂), and not every character it leaves
        standing alone is a common word by itself (不|了|了 of 不甚了了)."""
        k = next((i for i in range(len(got)) if got[i] != e[i]), len(got))
        if _is_word(e[:k]) and k > 1 or _is_word(e[k + 1:]) and len(e) - k - 1 > 1:
            return False
        cuts = ctx.seg.cuts(s, t)
        edges = [s] + sorted(c for c in cuts if s < c < t) + [t]
        text = ctx.text
        if any(b - a > 1 and _is_word(text[a:b]) for a, b in zip(edges, edges[1:])):
            return False
        return not all(_freq(text[a:b]) >= _FREE_CHAR for a, b in zip(edges, edges[1:]) if b - a == 1)
