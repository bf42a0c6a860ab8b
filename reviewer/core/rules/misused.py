"""Kinds over long word lists: ``misused`` (wrong<TAB>right data files, whole jieba words
only) and ``formula-order`` (a listed formula's parts, joined by 、, out of order)."""
from __future__ import annotations

import re

from ..yamlfile import RuleLoadError
from .kinds import Rule, _Exceptions, _str_list
from .lexicon_data import _lock, _positions, bigram_hits, read_list, use_bigrams
from .nearmiss import _HAN
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

# -- kind ``misused``: a long list of misused words, each with its correction -----------------

def read_pairs(name: str) -> dict[str, str]:
    """``wrong<TAB>right`` lines of a data file (``#`` starts a comment)."""
    out: dict[str, str] = {}
    for line in read_list(name):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            out.setdefault(parts[0].strip(), parts[1].strip())
    return out


_LIST_EDGE = frozenset("、，,：:；;。（）() \t　")


def _name_item(text: str, start: int, end: int) -> bool:
    """The form is a whole item of a list of people's names: two or three characters
    opening with a surname, set off by 、 from a neighbouring item that is a name of the same
    shape (县委常委张成群、杨帆、邓晓宇出席; 杨帆 there is a person, not 扬帆), the last
    name of such a list before 出席/列席/参加, or a form followed by 同志.  Only the hit's
    own line is read."""
    from ..knowledge_places import surnames

    sur = surnames()
    if not 2 <= end - start <= 3 or text[start] not in sur:
        return False
    n = len(text)

    def name_before(i):  # a name of two or three characters ends at i (text[i] is its 、)
        return any(i - k >= 0 and text[i - k] in sur and all(_HAN.match(c) for c in text[i - k:i])
                   for k in (2, 3))

    def name_after(i):  # a name starts at i (text[i - 1] is its 、)
        return i + 1 < n and text[i] in sur and _HAN.match(text[i + 1]) is not None

    if text.startswith("同志", end):  # 杨帆同志
        return True
    # a person's name after the role it is given (记者岳静 实习生杨帆) or before what the person says
    if text.endswith(_ROLE_BEFORE, max(0, start - 4), start) or text.startswith(_SAYS_AFTER, end):
        return True
    if text.startswith(("出席", "列席", "参加"), end) and start and text[start - 1] == "、":
        return name_before(start - 1)  # the last name of a list before its verb (陈迪、杨帆出席)

    before = text[start - 1] if start else "\n"
    after = text[end] if end < n else "\n"
    if before not in _LIST_EDGE and before != "\n" or after not in _LIST_EDGE and after != "\n":
        return False
    return before == "、" and name_before(start - 1) or after == "、" and name_after(end + 1)


_ROLE_BEFORE = ("记者", "实习生", "通讯员", "编辑", "作者", "主持人", "摄影", "撰稿", "审核", "校对", "责编", "讲解员",
                "教授", "主任", "书记", "局长", "校长", "经理", "老师", "同学", "学员")
_SAYS_AFTER = ("说，", "说,", "说：", "说:", "表示", "介绍", "指出", "告诉", "老师", "同学")


class MisusedRule(Rule):
    """Misused words from data files (``lists``: ``wrong<TAB>right`` lines under
    resources/lexicon) and inline ``words``.  Over the whole text they are found from the
    pass over the text's bigrams that the near-miss rules share (lexicon_data.bigram_hits),
    over a line of an incremental re-check from a pass over that line: 10-15 ms per million
    characters for the rule itself with the 4,038 forms of misused.txt, against ~10 s for
    one compiled ``re`` alternation of them (re tries the forms one by one at every
    position: 0.1 s for 285 forms) and 0.4-0.9 s for pyahocorasick 2.3.1 (iter_long).  So
    neither is used but for a list with a one-character form (the alternation, which finds
    the same), and pyahocorasick is not a dependency (for the shared pass it was slower
    too: its iterator over a million characters with 35,000 bigrams ~1.1 s, the set
    lookups ~0.3 s).

    A wrong form can be the join of two good words (股份公司 holds 份公司, 原因该 holds
    因该): a hit is reported only where jieba, cutting its sentence, puts a word boundary
    at both of its ends (``boundary: jieba``, the default; ``none`` for forms that are
    never part of anything else)."""

    KEYS = {"lists", "words", "exceptions", "boundary"}
    needs_jieba = True

    def setup(self, spec):
        self.lists = self._lexicon_files(spec, "lists")
        words = spec.get("words") or {}
        if not isinstance(words, dict) or not all(isinstance(k, str) and k and isinstance(v, str)
                                                  for k, v in words.items()):
            raise RuleLoadError(self.source, "words 必须是“误用: 正确”的映射", self.id, "words")
        if not words and not self.lists:
            raise RuleLoadError(self.source, "缺少 lists 或 words", self.id, "lists")
        self.inline = dict(words)
        self.boundary = spec.get("boundary", "jieba")
        if self.boundary not in ("jieba", "none"):
            raise RuleLoadError(self.source, "boundary 只能是 jieba 或 none", self.id, "boundary")
        self.needs_jieba = self.boundary == "jieba"
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))
        self._rx = None
        self.words: dict[str, str] = {}
        self._heads: dict[str, list[str]] | None = None
        self._thirds: dict[str, frozenset | None] = {}
        self._head_set: frozenset | None = None
        use_bigrams(self)

    def _load(self) -> None:
        """The words of the lists and inline, and by their first two characters (heads)."""
        if self._heads is None:
            with _lock:
                if self._heads is None:
                    words: dict[str, str] = {}
                    for name in self.lists:
                        for w, r in read_pairs(name).items():
                            words.setdefault(w, r)
                    words.update(self.inline)
                    self.words = words
                    # Every form of two characters or more: the words by their first two,
                    # longest first, as the alternation tries them (bigrams(), _found()).
                    heads: dict[str, list[str]] = {}
                    if all(len(w) >= 2 for w in words):
                        for w in sorted(words, key=len, reverse=True):
                            heads.setdefault(w[:2], []).append(w)
                    # The third characters of a head's forms, or None when one of them is
                    # the head itself: most places that start a head (社会, 人民 …) start
                    # none of its longer forms (社会祖义), and the next character says so.
                    self._thirds = {h: None if any(len(w) == 2 for w in ws) else frozenset(w[2] for w in ws)
                                    for h, ws in heads.items()}
                    self._head_set = frozenset(heads)
                    self._heads = heads

    def matcher(self):
        """One alternation of every form, longest first: what _found() finds the same as,
        and the search itself for a list with a one-character form."""
        if self._rx is None:
            self._load()
            with _lock:
                if self._rx is None:
                    from ..cache import compile as compile_cached  # kept between runs

                    ordered = sorted(self.words, key=len, reverse=True)
                    self._rx = compile_cached("|".join(re.escape(w) for w in ordered))
        return self._rx

    def bigrams(self) -> set:
        self._load()
        return set(self._heads)

    def _found(self, ctx, lo: int = 0, hi: int | None = None):
        """(start, end, form) of rx.finditer(text, lo, hi), from where the forms' first two
        characters occur (over the whole text: the shared pass over its bigrams; over a
        range, a line of an incremental re-check: a pass over that range): at each position
        that starts a listed form's first two characters (and its third, when every form of
        that head is longer), the longest form there (the alternation is longest first)
        ending by hi, and on after its end."""
        text = ctx.text
        hi = len(text) if hi is None else hi
        heads = self._heads
        thirds = self._thirds
        hits = bigram_hits(ctx) if lo == 0 and hi == len(text) else _positions(text, lo, hi, self._head_set)
        starts: list[int] = []
        for bg in hits.keys() & heads.keys():
            third = thirds[bg]
            if third is None:
                starts += hits[bg]
            else:
                starts += [p for p in hits[bg] if text[p + 2:p + 3] in third]
        starts.sort()
        last = 0
        startswith = text.startswith
        for p in starts:
            if p < last:
                continue
            for w in heads[text[p:p + 2]]:
                if startswith(w, p, hi):
                    last = p + len(w)
                    yield p, last, w
                    break

    def scan(self, ctx):
        return self._hits(ctx, 0, len(ctx.text))

    def _hits(self, ctx, lo, hi):
        text = ctx.text
        self._load()
        words = self.words
        covers = self.exceptions.covers
        jieba = self.boundary == "jieba"
        if self._heads:
            found = self._found(ctx, lo, hi)
        else:
            found = ((m.start(), m.end(), m.group()) for m in self.matcher().finditer(text, lo, hi))
        for s, t, w in found:
            if covers(text, s, t):
                continue
            if jieba and not ctx.seg.is_word(s, t):
                continue
            if _name_item(text, s, t):
                continue
            yield s, t, {"suggestion": words[w]}

    # Line-local (core/incremental.py): the words are literal and hold no line break, so
    # a match lies in one line and a search of a line finds that line's matches of the
    # whole text; exceptions are literal words too (_Exceptions.line_reach), and jieba's
    # window (segment.Segmenter) stops at a line break.
    whole_text_range = True

    def line_reach(self):
        if type(self) is not MisusedRule or self.user:
            return None
        self._load()
        if any("\n" in w or "\r" in w for w in self.words):
            return None
        return self.exceptions.line_reach()

    def scan_range(self, ctx, start, end, stop):
        return [(0, *hit) for hit in self._hits(ctx, start, end)], []


# -- kind ``formula-order``: the parts of an ordered formula written out of order -----------

def _runs_on(ctx, end: int) -> bool:
    """Whether a match ending at ``end`` stops inside a word as the segmenter reads the
    sentence (更高|效 is 更|高效; 法治|理念 and 自信|教育 end where the parts do)."""
    text = ctx.text
    if end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff"):
        return False
    return end not in ctx.seg.cuts(end - 1, end)


class FormulaOrderRule(Rule):
    """Formulas whose parts have a fixed order (富强、民主、文明、和谐; 道路自信、理论自信、
    制度自信、文化自信): every line of the ``lists`` files (and inline ``expressions``) that
    is nothing but parts joined by 、 is taken.  One alternation finds a run of listed parts
    joined by 、; it is reported when it holds exactly the parts of one formula in another
    order.  The canonical order is the suggestion."""

    KEYS = {"lists", "expressions"}

    def setup(self, spec):
        self.lists = self._lexicon_files(spec, "lists")
        self.inline = _str_list(spec, "expressions")
        if not self.inline and not self.lists:
            raise RuleLoadError(self.source, "缺少 expressions 或 lists", self.id, "expressions")
        for e in self.inline:
            if len(e.split("、")) < 2:
                raise RuleLoadError(self.source, f"表述“{e}”不是用顿号连接的几个部分", self.id, "expressions")
        self._index = None
        use_bigrams(self)

    def index(self):
        if self._index is None:
            by_parts: dict[frozenset, str] = {}
            for e in list(self.inline) + [x for name in self.lists for x in read_list(name)]:
                parts = e.split("、")
                if len(parts) >= 2 and all(len(p) >= 2 and _HAN.fullmatch(p[0]) and
                                           all(_HAN.match(c) for c in p) for p in parts) \
                        and len(set(parts)) == len(parts):
                    by_parts.setdefault(frozenset(parts), e)
            words = sorted(sorted({p for k in by_parts for p in k}), key=len, reverse=True)  # (the same pattern in every process)
            alt = "|".join(re.escape(w) for w in words)
            # (the last part may follow 和/及/与: 人生观、价值观和世界观)
            rx = compile_cached(f"(?:{alt})(?:、(?:{alt}))*(?:[、和及与](?:{alt}))") if words else None
            self._heads = {w[:2] for w in words}  # every part has two characters or more
            self._parts = compile_cached(alt) if words else None
            self._index = (by_parts, rx)
        return self._index

    def bigrams(self) -> set:
        self.index()
        return self._heads

    def _matches(self, ctx, rx):
        """rx.finditer(ctx.text): a match begins with a part, so only where the shared pass
        over the text (lexicon_data.bigram_hits) found a part's first two characters is
        the pattern tried, left to right, on from the end of the last match."""
        text = ctx.text
        hits = bigram_hits(ctx)
        last = 0
        match = rx.match
        for p in sorted(p for bg in hits.keys() & self._heads for p in hits[bg]):
            if p >= last:
                m = match(text, p)
                if m is not None:
                    last = m.end()
                    yield m

    def scan(self, ctx):
        by_parts, rx = self.index()
        if rx is None:
            return
        for m in self._matches(ctx, rx):
            hit = self._judge(ctx, m, by_parts)
            if hit is not None:
                yield hit

    def _judge(self, ctx, m, by_parts):
        # the parts, read left to right as the pattern matched them (a part may hold 和: 和谐,
        # 享乐主义和奢靡之风; a joiner is one character between two parts)
        got = self._parts.findall(m.group())
        canon = by_parts.get(frozenset(got))
        parts = canon.split("、") if canon is not None else None
        if parts is None or len(got) != len(parts) or got == parts:
            return None  # (not one formula's parts once each, or in its order: 世界观、人生观和价值观)
        if _runs_on(ctx, m.end()):
            return None  # (the last part begins a longer word: 更快、更强、更高效的服务)
        joiner = m.group()[m.group().rfind(got[-1]) - 1]
        # (the writer's joiner before the last part kept: 世界观、人生观与价值观)
        said = "、".join(parts[:-1]) + joiner + parts[-1] if joiner in "和及与" else canon
        return m.start(), m.end(), {"suggestion": said, "canonical": canon}

    # Line-local (core/incremental.py): a match is listed parts (Han characters only)
    # joined by 、, so it lies in one line, and the pattern has no lookaround: searching a
    # line finds that line's matches of the whole text.  A re-check after an edit then
    # looks at the touched lines only, without the shared pass over the whole text.
    whole_text_range = True

    def line_reach(self):
        if type(self) is not FormulaOrderRule or self.user:
            return None
        return 0, 2  # (_runs_on reads past a match: the segmenter's window, inside the line)

    def scan_range(self, ctx, start, end, stop):
        by_parts, rx = self.index()
        if rx is None:
            return [], []
        if start == 0 and end >= len(ctx.text):
            found = self._matches(ctx, rx)  # the first review: the shared pass, as scan()
        else:
            found = rx.finditer(ctx.text, start, end)
        out = []
        for m in found:
            if m.start() >= end:
                break
            hit = self._judge(ctx, m, by_parts)
            if hit is not None:
                out.append((0, *hit))
        return out, []

