"""The closed set of rule kinds.  A rule file picks one with ``kind:``.

| kind        | what it does                                                         |
|-------------|----------------------------------------------------------------------|
| pattern     | regular expressions; group ``hit`` (if any) is the flagged span      |
| lexicon     | a word list with suggestions, matched as one compiled alternation    |
| blank       | patterns whose named groups must be whole words (jieba, small window)|
| junk        | website leftovers: whole lines (``lines``) or inline ``markers``      |
| junk-list   | a recommendation list: a header line and a run of short title lines  |
| junk-context| junk decided by its surroundings (junk.py): page breaks, headers,  |
|             | stray anti-copy characters, hijacked brands, domains, junk blocks    |
| numbering   | heading/item numbers: skipped, repeated, nested, mixed, count        |
| duplicate   | a repeated title, paragraph or sentence                              |
| near-miss   | a listed fixed expression one character off (nearmiss.py)            |
| tagged      | a pattern whose neighbouring words need given jieba tags (tagged.py) |
| misused     | misused words from data files, whole words only (nearmiss.py)        |
| formula-order| a listed formula's parts (joined by 、) out of order (nearmiss.py)   |
| script      | the draft is written in traditional characters (script.py)           |
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import Finding
from ..cache import compile as compile_cached
from ..cache import line_reach as reach_cached
from .budget import compile_pattern
from ..yamlfile import RuleLoadError

COMMON_KEYS = {"id", "name", "kind", "category", "severity", "message", "examples", "description",
               "suggestion", "enabled", "min_support"}
_VAR = re.compile(r"\{(\w+)\}")


def fill(template: str | None, values: dict) -> str | None:
    """Replace {name} with values[name]; unknown names stay as written."""
    if template is None:
        return None
    if "{" not in template:
        return template
    return _VAR.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


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


def _str_list(spec, key, required=False) -> list[str]:
    v = spec.get(key)
    if v is None:
        if required:
            raise ValueError(f"缺少“{key}”")
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise ValueError(f"“{key}”必须是字符串或字符串列表")
    return v


class Rule:
    KEYS: set[str] = set()
    REQUIRED: tuple[str, ...] = ()
    phase = 1  # junk rules run first so that later rules can skip junk
    needs_jieba = False
    user = False  # from a user's folder: its patterns run under a time budget (budget.py)

    def __init__(self, spec: dict, category: str, source: str, examples):
        self.id: str = spec["id"]
        self.category = category
        self.full_id = f"{category}.{self.id}"
        self.kind: str = spec["kind"]
        self.name: str = spec["name"]
        self.severity: str = spec["severity"]
        self.message: str = spec["message"]
        self.description: str = spec.get("description") or ""
        self.suggestion: str | None = spec.get("suggestion")
        self.enabled: bool = bool(spec.get("enabled", True))
        # Report only when the region already has this many findings of the category from
        # rules that need no support (for candidates that are ambiguous on their own).
        self.min_support: int = int(spec.get("min_support", 0))
        self.source = source
        self.examples = examples
        self.setup(spec)

    def setup(self, spec: dict) -> None:
        pass

    def scan(self, ctx):
        """Yield (start, end, values) for each hit."""
        raise NotImplementedError

    def run(self, ctx) -> list[Finding]:
        out = []
        source = getattr(ctx, "source", ctx.text)  # the original of a simplified view (traditional.py)
        most = max_checks(len(ctx.text))  # a line of 50,000 hits is garbage, not a draft to list
        for start, end, values in self.scan(ctx):
            if len(out) >= most:
                break
            out.append(self.finding(ctx, source, start, end, values))
        return out

    def finding(self, ctx, source, start, end, values) -> Finding:
        """The finding for one hit of scan()."""
        text = source[start:end]
        values = {"match": text, **values}
        suggestion = values.get("suggestion")
        if suggestion is None:
            suggestion = fill(self.suggestion, values)
            values["suggestion"] = suggestion or ""
        message = fill(self.message, values)
        if source is not ctx.text:
            from ..traditional import restore_quotes, restore_suggestion

            message = restore_quotes(message, ctx.text, source)
            if suggestion:
                suggestion = restore_suggestion(ctx.text[start:end], text, suggestion)
        return Finding(self.full_id, self.category, self.severity, start, end, text,
                       message, suggestion or None, ctx.region)

    # ----- incremental re-check (core/incremental.py) ---------------------------------
    # A rule is *line-local* when what it finds in one line (paragraph) depends on that
    # line's text alone: then a re-check after an edit runs it on the touched lines only.
    # Only kinds whose scan is proven so say yes (below); the rest run on the whole text.

    def line_reach(self) -> tuple[int, int] | None:
        """(behind, ahead) when the rule is line-local (see line_reach() below), else None."""
        return None

    # scan_range() over the whole text gives the hits of every line at once (patterns)
    whole_text_range = False

    def scan_range(self, ctx, start: int, end: int, stop: int):
        """For a line-local rule: the hits of scan() that start in the line start..end, in
        scan order, as (order, start, end, values) -- order: which of the rule's patterns
        found it, for scan()'s pattern-by-pattern order -- and the starts of the
        candidates counted against max_checks().  The text is searched up to ``stop``."""
        raise NotImplementedError

    def __repr__(self):
        return f"<{self.kind} rule {self.full_id}>"


class _Exceptions:
    """Longer strings inside which a hit is not an error (e.g. 个人 for 个)."""

    def __init__(self, words: list[str]):
        self.longest = max((len(w) for w in words), default=0)
        self.rx = compile_cached("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))) if words else None

    def line_reach(self):
        """Exceptions are literal words: they never span a line break (checked)."""
        if self.rx is None:
            return 0, 0
        if any(c in self.rx.pattern for c in "\n\r"):
            return None
        return 0, 0  # a word covering a hit lies in the hit's line

    def covers(self, text: str, start: int, end: int) -> bool:
        if self.rx is None:
            return False
        lo = max(0, start - self.longest)
        hi = min(len(text), end + self.longest)
        pos = lo
        while True:
            m = self.rx.search(text, pos, hi)
            if not m:
                return False
            if m.start() <= start and m.end() >= end:
                return True
            pos = m.start() + 1


def max_checks(length: int) -> int:
    """How many candidates a rule may check with jieba in a region of this length: 12,000
    for 100,000 characters, ten times what the busiest rule meets in real drafts."""
    return 2000 + length // 10


class PatternRule(Rule):
    KEYS = {"pattern", "patterns", "exceptions", "translate"}
    whole_text_range = True

    def setup(self, spec):
        pats = _str_list(spec, "pattern") + _str_list(spec, "patterns")
        if not pats:
            raise RuleLoadError(self.source, "缺少 pattern 或 patterns", self.id, "pattern")
        self.regexes = [self._compile(p) for p in pats]
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))
        tr = spec.get("translate")
        if tr is not None and (not isinstance(tr, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in tr.items())):
            raise RuleLoadError(self.source, "translate 必须是“原字符: 替换字符”的映射", self.id, "translate")
        self.translate = str.maketrans(tr) if tr else None

    def _compile(self, pattern: str):
        try:
            return compile_pattern(pattern)
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}：{pattern}", self.id, "pattern") from e

    def accept(self, ctx, m) -> bool:
        return True

    def scan(self, ctx):
        # A context check (jieba) costs ~30 µs: a line that is one candidate after another
        # ('届' * 100000) would take seconds.  Real drafts give a rule a few hundred at most;
        # past max_checks() the rule stops looking in this region.
        checks = max_checks(len(ctx.text)) if self.needs_jieba else None
        for rx in self.regexes:
            for hit in self._hits(ctx, rx, 0, len(ctx.text), len(ctx.text)):
                if hit.__class__ is int:  # a candidate that needs a context check
                    if checks is not None:
                        if checks <= 0:
                            return
                        checks -= 1
                    continue
                yield hit

    def _hits(self, ctx, rx, lo, before, hi):
        """Hits of one regex starting in lo..before (searching up to hi); before each
        candidate's context check, the candidate's start (an int)."""
        text = ctx.text
        has_hit = "hit" in rx.groupindex
        covers = self.exceptions.covers
        for m in rx.finditer(text, lo, hi):
            if m.start() >= before:
                return
            if has_hit and m.group("hit") is not None:
                start, end = m.span("hit")
            else:
                start, end = m.span()
            if start == end or covers(text, start, end):
                continue
            yield m.start()
            if not self.accept(ctx, m):
                continue
            values = {k: v for k, v in m.groupdict().items() if v is not None}
            if self.translate is not None:
                values["suggestion"] = text[start:end].translate(self.translate)
            yield start, end, values

    def line_reach(self):
        if type(self) not in _LOCAL_PATTERN_KINDS or self.user:
            return None
        return _widest([line_reach(rx) for rx in self.regexes] + [self.exceptions.line_reach()])

    def scan_range(self, ctx, start, end, stop):
        candidates = []
        out = []
        for k, rx in enumerate(self.regexes):
            for hit in self._hits(ctx, rx, start, end, stop):
                if hit.__class__ is int:
                    candidates.append(hit)
                else:
                    out.append((k, *hit))
        return out, (candidates if self.needs_jieba else [])


class BlankRule(PatternRule):
    """A pattern whose listed groups must be whole words in context (decided by jieba).

    ``whole_words`` names groups that must start and end on word boundaries, so that
    个 in 的个经济 (个 alone: a number is missing) is told from 个 in 的个人 (a word).
    """

    KEYS = PatternRule.KEYS | {"whole_words"}
    needs_jieba = True

    def setup(self, spec):
        super().setup(spec)
        self.whole_words = _str_list(spec, "whole_words")
        for g in self.whole_words:
            if not any(g in rx.groupindex for rx in self.regexes):
                raise RuleLoadError(self.source, f"whole_words 中的分组“{g}”不在任何正则中", self.id, "whole_words")

    def accept(self, ctx, m) -> bool:
        spans = []
        for g in self.whole_words:
            if g not in m.re.groupindex or m.group(g) is None:
                continue
            s, e = m.span(g)
            if s == e:
                return False
            if not _TRIVIAL.fullmatch(m.group(g)):  # punctuation is a boundary by itself
                spans.append((s, e))
        if not spans:
            return True
        cuts = ctx.seg.cuts(m.start(), m.end())
        return all(s in cuts and e in cuts for s, e in spans)


_TRIVIAL = re.compile(r"[\s\W]+")


class LexiconRule(Rule):
    KEYS = {"words", "exceptions"}
    whole_text_range = True
    REQUIRED = ("words",)

    def setup(self, spec):
        words = spec["words"]
        if isinstance(words, list):
            words = {w: None for w in words}
        if not isinstance(words, dict) or not words or not all(
                isinstance(k, str) and k and (v is None or isinstance(v, str)) for k, v in words.items()):
            raise RuleLoadError(self.source, "words 必须是“误用: 正确”的映射或词语列表", self.id, "words")
        self.words = words
        self.rx = compile_cached("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))

    def scan(self, ctx):
        return self._hits(ctx.text, 0, len(ctx.text), len(ctx.text))

    def _hits(self, text, lo, before, hi):
        for m in self.rx.finditer(text, lo, hi):
            if m.start() >= before:
                return
            if self.exceptions.covers(text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), {"suggestion": self.words[m.group()]}

    def line_reach(self):
        if type(self) is not LexiconRule:
            return None
        return _widest([line_reach(self.rx), self.exceptions.line_reach()])

    def scan_range(self, ctx, start, end, stop):
        return [(0, *hit) for hit in self._hits(ctx.text, start, end, stop)], []


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class JunkRule(Rule):
    """Website leftovers.  ``lines``: a line that is nothing but this is flagged whole.
    ``markers``: flagged wherever they stand, the rest of the line left alone -- unless
    they make up two thirds of the line, which then goes whole."""

    KEYS = {"lines", "markers", "max_line_length", "regions", "trigger"}
    phase = 0

    def setup(self, spec):
        # where the rule looks: a page number is junk in the body, not in a footer
        self.regions = set(_str_list(spec, "regions"))
        self.lines = _line_matchers(_str_list(spec, "lines"))
        self.markers = [compile_pattern(p) for p in _str_list(spec, "markers")]
        # All markers as one search: a line where it finds nothing has no marker (most
        # lines), and the markers are searched one by one only on the others.
        self._any_marker = None
        if len(self.markers) > 1 and all(isinstance(m, re.Pattern) and not _NO_MERGE.search(m.pattern)
                                         for m in self.markers):
            try:
                self._any_marker = compile_pattern("|".join(f"(?:{m.pattern})" for m in self.markers))
            except re.error:
                pass  # inline flags or the same group name twice: no shortcut
        if not self.lines and not self.markers:
            raise RuleLoadError(self.source, "junk 规则至少要有 lines 或 markers", self.id, "lines")
        self.max_len = int(spec.get("max_line_length", 200))
        # ``trigger``: words every marker contains.  Markers that open with a loose prefix
        # ([^。]{0,20}…) cost a scan at every character; with a trigger they run only on
        # the lines where one pass over the text found one of those words.
        triggers = _str_list(spec, "trigger")
        self.trigger = compile_pattern("|".join(f"(?:{t})" for t in triggers)) if triggers else None

    def _marker_lines(self, text: str, lines) -> set[int] | None:
        if self.trigger is None:
            return None
        starts = [s for s, _ in lines]
        found = set()
        for m in self.trigger.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < lines[i][1]:
                found.add(i)
        return found

    def scan(self, ctx):
        if self.regions and ctx.region not in self.regions:
            return
        text = ctx.text
        lines = ctx.cached("stripped_lines", lambda: _stripped_lines(ctx))
        marked = self._marker_lines(text, lines) if self.markers else None
        for i, (s, e) in enumerate(lines):
            yield from self._line(text, s, e, marked is None or i in marked)

    def _line(self, text, s, e, marked):
        line = text[s:e]
        if e - s <= self.max_len and any(match(line) for match in self.lines):
            yield s, e, {}
            return
        if not marked or (self._any_marker is not None and self._any_marker.search(line) is None):
            return
        spans = []
        for rx in self.markers:
            for m in rx.finditer(line):
                ms, me = _strip_span(text, s + m.start(), s + m.end())
                if ms < me:
                    spans.append((ms, me))
        if not spans:
            return
        # Markers that make up most of a line: the rest of it is the same junk's glue
        # (separators, a label, a trailing "click here"), so the whole line goes.
        if e - s <= self.max_len and _solid(text, spans) >= 0.67 * _solid(text, [(s, e)]):
            yield s, e, {}
            return
        for ms, me in spans:
            yield ms, me, {}

    def line_reach(self):
        # lines and markers are matched against the line alone; the trigger is searched in
        # the whole text, so it must not reach across a line break
        if type(self) is not JunkRule:
            return None
        return (0, 0) if self.trigger is None else line_reach(self.trigger)

    def scan_range(self, ctx, start, end, stop):
        """``start..end`` is one paragraph: the line scan() sees is the paragraph stripped."""
        if self.regions and ctx.region not in self.regions:
            return [], []
        text = ctx.text
        s, e = _strip_span(text, start, end)
        if s >= e:
            return [], []
        marked = True
        if self.markers and self.trigger is not None:
            marked = False
            for m in self.trigger.finditer(text, start, stop):
                if m.start() >= e:
                    break
                if m.start() >= s:
                    marked = True
                    break
        return [(0, *hit) for hit in self._line(text, s, e, marked)], []


def _solid(text: str, spans) -> int:
    """Non-blank characters covered by (possibly overlapping) spans."""
    covered = set()
    for a, b in spans:
        covered.update(i for i in range(a, b) if not text[i].isspace())
    return len(covered)


_NO_MERGE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # numbered or named back-references


def _line_matchers(patterns: list[str]) -> list:
    """The rule's ``lines`` as few matchers as possible: the whole-line patterns as one
    alternation (a line matches one of them exactly when it matches their alternation)
    and the ``.*X.*`` ones as one search.  One test per line instead of up to sixteen.
    Patterns that cannot share an alternation (back-references, inline flags, a user's
    pattern under a time budget) keep their own matcher."""
    each = [_line_matcher(p) for p in patterns]  # compiled one by one first: errors name the pattern
    whole, found, alone = [], [], []
    for p, matcher in zip(patterns, each):
        if _NO_MERGE.search(p):
            alone.append(matcher)
        elif p.startswith(".*") and p.endswith(".*") and not p.endswith("\\.*"):
            found.append(p[2:-2])
        else:
            whole.append(p)
    out = []
    for group, how in ((whole, "fullmatch"), (found, "search")):
        if not group:
            continue
        try:
            rx = compile_pattern("|".join(f"(?:{p})" for p in group)) if len(group) > 1 else None
        except re.error:
            rx = None
        if not isinstance(rx, re.Pattern):  # one pattern, flags that cannot be merged, a user's rule
            out.extend(m for p, m in zip(patterns, each) if p in group or p[2:-2] in group and how == "search")
            continue
        test = getattr(rx, how)
        out.append(lambda line, test=test: test(line) is not None)
    return out + alone


def _line_matcher(pattern: str):
    """A function telling whether a whole (stripped) line matches ``pattern``.

    ``.*X.*`` over one line is the same as searching for X, and much faster than
    letting fullmatch backtrack through every split of the line.
    """
    if pattern.startswith(".*") and pattern.endswith(".*") and not pattern.endswith("\\.*"):
        inner = compile_pattern(pattern[2:-2])
        return lambda line: inner.search(line) is not None
    rx = compile_pattern(pattern)
    return lambda line: rx.fullmatch(line) is not None


def _stripped_lines(ctx) -> list[tuple[int, int]]:
    out = []
    for p in ctx.paragraphs:
        s, e = _strip_span(ctx.text, p.start, p.end)
        if s < e:
            out.append((s, e))
    return out


class JunkListRule(Rule):
    """A header such as 最新范文 followed by a run of short title-like lines: one block."""

    KEYS = {"headers", "max_title_length", "min_titles"}
    REQUIRED = ("headers",)
    phase = 0
    _SENTENCE = re.compile(r"[，。；！？,;!?]")

    def setup(self, spec):
        self.headers = [compile_pattern(p) for p in _str_list(spec, "headers", required=True)]
        self.max_title = int(spec.get("max_title_length", 40))
        self.min_titles = int(spec.get("min_titles", 2))

    def _title_like(self, line: str) -> bool:
        return 0 < len(line) <= self.max_title and not self._SENTENCE.search(line[:-1] if line else line)

    def scan(self, ctx):
        text = ctx.text
        paras = ctx.paragraphs
        i = 0
        while i < len(paras):
            s, e = _strip_span(text, paras[i].start, paras[i].end)
            if s < e and any(rx.fullmatch(text[s:e]) for rx in self.headers):
                titles, last_end, j = 0, e, i + 1
                while j < len(paras):
                    ls, le = _strip_span(text, paras[j].start, paras[j].end)
                    if ls == le:
                        j += 1
                        continue
                    line = text[ls:le]
                    if not self._title_like(line) or line.endswith(("。", "；", "！", "？")):
                        break
                    if not any(rx.fullmatch(line) for rx in self.headers):
                        titles += 1
                    last_end = le
                    j += 1
                if titles >= self.min_titles:
                    yield s, last_end, {}
                    i = j
                    continue
            i += 1


class NumberingRule(Rule):
    """One check of the numbering analysis (see structure.numbering)."""

    KEYS = {"check"}
    REQUIRED = ("check",)
    CHECKS = ("skip", "repeat", "nested", "mixed", "count", "format", "lost")

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]

    def scan(self, ctx):
        from ..structure.numbering import analyse

        for ev in ctx.cached("numbering", lambda: analyse(ctx.text, ctx.paragraphs, ctx.junk, ctx.markers())):
            if ev.check == self.check:
                yield ev.start, ev.end, dict(ev.values)


class DuplicateRule(Rule):
    KEYS = {"check", "min_length"}
    REQUIRED = ("check",)
    CHECKS = ("title", "paragraph", "sentence", "lead")

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]
        self.min_length = int(spec.get("min_length", 8))

    def scan(self, ctx):
        from ..structure import duplicates

        finder = getattr(duplicates, f"find_{self.check}")
        for start, end, values in finder(ctx.text, ctx.paragraphs, ctx.junk, self.min_length):
            yield start, end, values


from .nearmiss import FormulaOrderRule, MisusedRule, NearMissRule  # noqa: E402  (they subclass Rule)
from .tagged import TaggedRule  # noqa: E402

KINDS = {
    "pattern": PatternRule,
    "lexicon": LexiconRule,
    "blank": BlankRule,
    "junk": JunkRule,
    "junk-list": JunkListRule,
    "numbering": NumberingRule,
    "duplicate": DuplicateRule,
    "near-miss": NearMissRule,
    "tagged": TaggedRule,
    "misused": MisusedRule,
    "formula-order": FormulaOrderRule,
}

from .junk import JunkContextRule  # noqa: E402  (it builds on the classes above)

KINDS["junk-context"] = JunkContextRule

from .script import ScriptRule  # noqa: E402  (a draft in traditional characters)

KINDS["script"] = ScriptRule

_LOCAL_PATTERN_KINDS = (PatternRule, BlankRule, TaggedRule)  # accept() looks only inside the line

from .locality import LocalityRule  # noqa: E402  (another place's names, rules/foreign_locality)

KINDS["locality"] = LocalityRule

from .stale import StaleRule  # noqa: E402  (dated references, rules/stale)

KINDS["stale"] = StaleRule

from .garbled import CompatCharRule  # noqa: E402  (look-alike radicals, rules/typo/garbled-radical)

KINDS["compat-char"] = CompatCharRule

from .structure_kind import StructureRule  # noqa: E402  (missing parts, cut-off text, references: rules/structure)

KINDS["structure"] = StructureRule
