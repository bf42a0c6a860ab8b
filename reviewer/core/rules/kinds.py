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
| script      | the draft is written in traditional characters (script.py)           |
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import Finding
from .budget import compile_pattern
from .loader import RuleLoadError

COMMON_KEYS = {"id", "name", "kind", "category", "severity", "message", "examples", "description",
               "suggestion", "enabled", "min_support"}
_VAR = re.compile(r"\{(\w+)\}")


def fill(template: str | None, values: dict) -> str | None:
    """Replace {name} with values[name]; unknown names stay as written."""
    if template is None:
        return None
    return _VAR.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


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
            out.append(Finding(self.full_id, self.category, self.severity, start, end, text,
                               message, suggestion or None, ctx.region))
        return out

    def __repr__(self):
        return f"<{self.kind} rule {self.full_id}>"


class _Exceptions:
    """Longer strings inside which a hit is not an error (e.g. 个人 for 个)."""

    def __init__(self, words: list[str]):
        self.longest = max((len(w) for w in words), default=0)
        self.rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))) if words else None

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
        text = ctx.text
        # A context check (jieba) costs ~30 µs: a line that is one candidate after another
        # ('届' * 100000) would take seconds.  Real drafts give a rule a few hundred at most;
        # past max_checks() the rule stops looking in this region.
        checks = max_checks(len(text)) if self.needs_jieba else None
        for rx in self.regexes:
            has_hit = "hit" in rx.groupindex
            for m in rx.finditer(text):
                if has_hit and m.group("hit") is not None:
                    start, end = m.span("hit")
                else:
                    start, end = m.span()
                if start == end or self.exceptions.covers(text, start, end):
                    continue
                if checks is not None:
                    if checks <= 0:
                        return
                    checks -= 1
                if not self.accept(ctx, m):
                    continue
                values = {k: v for k, v in m.groupdict().items() if v is not None}
                if self.translate is not None:
                    values["suggestion"] = text[start:end].translate(self.translate)
                yield start, end, values


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
    REQUIRED = ("words",)

    def setup(self, spec):
        words = spec["words"]
        if isinstance(words, list):
            words = {w: None for w in words}
        if not isinstance(words, dict) or not words or not all(
                isinstance(k, str) and k and (v is None or isinstance(v, str)) for k, v in words.items()):
            raise RuleLoadError(self.source, "words 必须是“误用: 正确”的映射或词语列表", self.id, "words")
        self.words = words
        self.rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))

    def scan(self, ctx):
        text = ctx.text
        for m in self.rx.finditer(text):
            if self.exceptions.covers(text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), {"suggestion": self.words[m.group()]}


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
        self.lines = [_line_matcher(p) for p in _str_list(spec, "lines")]
        self.markers = [compile_pattern(p) for p in _str_list(spec, "markers")]
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
            line = text[s:e]
            if e - s <= self.max_len and any(match(line) for match in self.lines):
                yield s, e, {}
                continue
            if marked is not None and i not in marked:
                continue
            spans = []
            for rx in self.markers:
                for m in rx.finditer(line):
                    ms, me = _strip_span(text, s + m.start(), s + m.end())
                    if ms < me:
                        spans.append((ms, me))
            if not spans:
                continue
            # Markers that make up most of a line: the rest of it is the same junk's glue
            # (separators, a label, a trailing "click here"), so the whole line goes.
            if e - s <= self.max_len and _solid(text, spans) >= 0.67 * _solid(text, [(s, e)]):
                yield s, e, {}
                continue
            for ms, me in spans:
                yield ms, me, {}


def _solid(text: str, spans) -> int:
    """Non-blank characters covered by (possibly overlapping) spans."""
    covered = set()
    for a, b in spans:
        covered.update(i for i in range(a, b) if not text[i].isspace())
    return len(covered)


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


from .nearmiss import NearMissRule  # noqa: E402  (they subclass Rule)
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
}

from .junk import JunkContextRule  # noqa: E402  (it builds on the classes above)

KINDS["junk-context"] = JunkContextRule

from .script import ScriptRule  # noqa: E402  (a draft in traditional characters)

KINDS["script"] = ScriptRule
