"""The base of every rule kind (Rule), the pattern kinds (pattern, blank, lexicon) and the
helpers the other kind modules share.  registry.py maps each ``kind:`` name to its class;
rules/README.md (generated) lists every kind's keys and message values."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from itertools import chain, repeat
from operator import itemgetter

from ..findings import Finding, move
from ..segment import Segmenter
from ..cache import compile as compile_cached
from .budget import compile_pattern
from .hoist import hoisted, merged_search
from .reach import (_cost, _widest, any_of, consumed_needed, cross_reach, first_chars, line_reach, longest_of,
                    mergeable, needed_chars, pivot_chars, pivot_strings, prefilter_pays, skips_ahead)
from ..yamlfile import RuleLoadError

COMMON_KEYS = {"id", "name", "kind", "category", "severity", "message", "examples", "description",
               "suggestion", "enabled", "min_support", "yields_to"}
_VAR = compile_cached(r"\{(\w+)\}")


def fill(template: str | None, values: dict) -> str | None:
    """Replace {name} with values[name]; unknown names stay as written."""
    if template is None:
        return None
    if "{" not in template:
        return template
    filler = _FILLERS.get(template)
    if filler is None:
        filler = _FILLERS[template] = _Filler(template)
    return filler(values)


def _fill(template: str, values: dict) -> str:
    return _VAR.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


_MISSING = object()


class _Filler:
    """fill() for one template, remembering what it gave for the values it reads: a rule
    with 40,000 hits of a few kinds (半角逗号) fills its message a few times, not 40,000."""

    __slots__ = ("template", "names", "memo")
    MOST = 4096

    def __init__(self, template: str):
        self.template = template
        self.names = tuple(dict.fromkeys(_VAR.findall(template)))
        self.memo: dict = {}

    def __call__(self, values: dict) -> str:
        names = self.names
        if len(names) == 1:
            key = (values.get(names[0], _MISSING),)
        elif len(names) == 2:
            key = (values.get(names[0], _MISSING), values.get(names[1], _MISSING))
        else:
            key = tuple([values.get(n, _MISSING) for n in names])
        try:
            got = self.memo.get(key)
        except TypeError:  # a value that cannot be a key
            return _fill(self.template, values)
        if got is not None:
            return got  # only strings are kept: nothing else compares equal to them
        got = _fill(self.template, values)
        if len(self.memo) < self.MOST and all(v.__class__ is str or v is _MISSING for v in key):
            self.memo[key] = got  # strings print as they compare; 1 and 1.0 would not
        return got


def _filler(template: str | None):
    """fill(template, ·) as a function of the values, for a rule filling many."""
    if template is None or "{" not in template:
        return lambda values: template
    got = _FILLERS.get(template)
    if got is None:
        got = _FILLERS[template] = _Filler(template)
    return got


_FILLERS: dict[str, _Filler] = {}


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

    def _lexicon_files(self, spec, key) -> list[str]:
        """The data files ``key`` names: each a bare .txt file name under resources/lexicon
        that is there (read by read_list), else the rule does not load."""
        from .lexicon_data import lexicon_dir

        names = _str_list(spec, key)
        for name in names:
            if "/" in name or "\\" in name or not name.endswith(".txt") or not (lexicon_dir() / name).is_file():
                raise RuleLoadError(self.source, f"数据文件“{name}”不在 resources/lexicon 中", self.id, key)
        return names

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
        # Ids (category.id) of rules whose findings explain the same characters better: a
        # finding of this rule that overlaps one of theirs is dropped (engine._yield), so a
        # rule need not copy another rule's words as lookaheads of its own.
        yields = spec.get("yields_to", ())
        if not isinstance(yields, (list, tuple)) or not all(isinstance(y, str) and "." in y for y in yields):
            raise RuleLoadError(source, "yields_to 必须是规则 id 的列表（类别.id，如 blank_figure.filtered-underline）",
                                self.id, "yields_to")
        self.yields_to: tuple[str, ...] = tuple(yields)
        self.source = source
        self.examples = examples
        self.setup(spec)

    @property
    def examples(self) -> tuple:
        """The rule's examples (loader.Example).  A rule file whose examples an earlier run
        checked (loader.load_rule_file) hands a function instead: they are parsed here, when
        first asked for (the tests, the guide) -- a check of a draft never asks."""
        got = self._examples
        if callable(got):
            got = self._examples = got()
        return got

    @examples.setter
    def examples(self, value) -> None:
        self._examples = value

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

    def finding(self, ctx, source, start, end, values, restore: bool = True) -> Finding:
        """The finding for one hit of scan().  ``restore``: a message and suggestion read off
        the rules' view (a traditional draft's simplified text) are given the source's
        characters back; False keeps them as they are."""
        text = source[start:end]
        values = {"match": text, **values}
        suggestion = values.get("suggestion")
        if suggestion is None:
            suggestion = fill(self.suggestion, values)
            values["suggestion"] = suggestion or ""
        message = fill(self.message, values)
        if restore and source is not ctx.text:
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


_FIRST = itemgetter(0)


def _moved(hit: tuple, d: int) -> tuple:
    """A hit (start, end, …) moved by d."""
    return (hit[0] + d, hit[1] + d, *hit[2:])


def moved_finding(hit: tuple, d: int) -> tuple:
    """A kept (start, end, order, Finding) moved by d."""
    s, e, k, f = hit
    return s + d, e + d, k, move(f, d)


def spliced(ctx, key: str, switch, reach: tuple[int, int], scan, move=_moved, start=_FIRST, crossing=False):
    """What ``scan(lo, hi, stop)`` finds in the whole text, worked out again after an edit
    only for the lines the edit touched (the previous call's is kept in ctx.memo(key)).

    ``scan`` gives (hits, candidates) of the lines lo..hi (lo a line's start, hi a line's
    end), reading the text up to ``stop``: lists sorted by start (``start`` gives a hit's,
    a candidate is its start).  What it finds in a line must depend on that line, on
    ``reach`` = (behind, ahead) characters before it and ``ahead + 2`` after it (or the
    text's ends), and on ``switch``, a value of the whole draft (another switch: all is
    found again).  The hits of the lines before the edit are kept, those of the lines
    after it moved (``move``) by the change in length, as incremental.LineCache does for
    the line-local rules.

    ``crossing``: a match may run on from its line into the next one (reach.cross_reach),
    and the search then goes on where it ended, not at that line's start.  ``scan`` then
    also gives the (start, end) of its matches that hold a line break -- all its matches,
    whether hits or not -- and the lines looked at again are widened until no kept match
    runs into them nor a new one out of them."""
    text = ctx.text
    n1 = len(text)
    memo = ctx.memo(key)
    state = memo.get("state")
    crossers = None
    if state is None or state[1] != switch or state[2] != reach or (crossing and state[5] is None):
        if crossing:
            hits, candidates, crossers = scan(0, n1, n1)
        else:
            hits, candidates = scan(0, n1, n1)
    else:
        old, _, _, hits, candidates, crossers = state
        n0 = len(old)
        a, c = edit_of(ctx, old)
        if a == n0 == n1:
            return hits, candidates
        d = n1 - n0
        behind, ahead = reach
        # kept before: the lines whose end + ahead + 2 <= a (all they read is unchanged)
        p = a - ahead - 2
        lo = text.rfind("\n", 0, p + 1) + 1 if p >= 0 else 0
        # kept after: the lines from the first one starting at or past n0 - c + behind
        # (after its line break, in the common suffix), and not at the text's start
        q = max(n0 - c + behind, 1 - d, 1)
        r = old.find("\n", max(q - 1, n0 - c))
        if r < 0:
            cut, hi = n0 + 1, n1
        else:
            cut, hi = r + 1, r + d
        if not crossing:
            mid, mid_candidates = scan(lo, hi, min(n1, hi + ahead + 2))
        else:
            # a kept match before lo that runs on into the lines from lo: look again from
            # its line on (the search over the lines from lo must go on where it ended)
            while True:
                into = [ms for ms, me in crossers if ms < lo < me]
                if not into:
                    break
                lo = text.rfind("\n", 0, min(into)) + 1
            while True:
                mid, mid_candidates, mid_crossers = scan(lo, hi, min(n1, hi + ahead + 2))
                if hi >= n1:
                    break
                # an old match running on into the kept lines after, or a new one: those
                # lines' matches may change too -- look at one more line
                if not any(ms < cut < me for ms, me in crossers) and not any(me > hi + 1 for _, me in mid_crossers):
                    break
                r = text.find("\n", hi + 1)
                if r < 0:
                    cut, hi = n0 + 1, n1
                else:
                    cut, hi = r - d + 1, r
            i = bisect_left(crossers, (lo,))
            j = bisect_left(crossers, (cut,))
            crossers = crossers[:i] + mid_crossers + ([(x + d, y + d) for x, y in crossers[j:]] if d else crossers[j:])
        hits = _joined(hits, mid, lo, cut, d, move, start)
        i, j = bisect_left(candidates, lo), bisect_left(candidates, cut)
        candidates = candidates[:i] + mid_candidates + ([x + d for x in candidates[j:]] if d else candidates[j:])
    memo["state"] = (text, switch, reach, hits, candidates, crossers)
    return hits, candidates


def edit_of(ctx, old: str) -> tuple[int, int]:
    """(common prefix, common suffix) of ``old`` and the text, the suffix no longer than
    what the prefix leaves; worked out once per review for the rules that kept the same
    previous text."""
    from ..document import common_ends

    edits = ctx.cached("edit-of", dict)  # id(old) -> (old, prefix, suffix), this review's
    got = edits.get(id(old))
    if got is None or got[0] is not old:  # (an id names one text while it lives)
        got = edits[id(old)] = (old, *common_ends(old, ctx.text))
    return got[1], got[2]


def _joined(old: list, mid: list, lo: int, cut: int, d: int, move, start) -> list:
    """old's items before lo, mid, then old's from cut on moved by d."""
    i = bisect_left(old, lo, key=start)
    j = bisect_left(old, cut, key=start)
    tail = [move(h, d) for h in old[j:]] if d else old[j:]
    return old[:i] + mid + tail


class PatternRule(Rule):
    KEYS = {"pattern", "patterns", "exceptions", "exception_lists", "translate"}
    whole_text_range = True
    LINE_LOCAL = True  # accept() looks only inside the line; a subclass must say so itself

    def setup(self, spec):
        pats = _str_list(spec, "pattern") + _str_list(spec, "patterns")
        if not pats:
            raise RuleLoadError(self.source, "缺少 pattern 或 patterns", self.id, "pattern")
        self.regexes = [self._compile(p) for p in pats]
        self.exceptions = _Exceptions(_str_list(spec, "exceptions") + self._listed_exceptions(spec))
        tr = spec.get("translate")
        if tr is not None and (not isinstance(tr, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in tr.items())):
            raise RuleLoadError(self.source, "translate 必须是“原字符: 替换字符”的映射", self.id, "translate")
        self.translate = str.maketrans(tr) if tr else None

    def _listed_exceptions(self, spec) -> list[str]:
        """Words of the files under resources/lexicon that ``exception_lists`` names: one
        list that several rules share (households, offices) is kept once."""
        from .lexicon_data import read_list

        return [w for name in self._lexicon_files(spec, "exception_lists") for w in read_list(name)]

    def _compile(self, pattern: str):
        try:
            return compile_pattern(pattern)
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}：{pattern}", self.id, "pattern") from e

    def accept(self, ctx, m) -> bool:
        return True

    def _plain(self, ctx) -> bool:
        """The rule scans and makes its findings as PatternRule does, on a plain draft (not a
        traditional one's simplified view): run()'s written-out paths apply."""
        cls = type(self)
        return (cls.scan is PatternRule.scan and cls.finding is Rule.finding
                and getattr(ctx, "source", ctx.text) is ctx.text)

    def run(self, ctx) -> list[Finding]:
        """Rule.run() with its loop and finding() written out, for a rule without context
        checks on a plain draft: the same findings (a punctuation rule may have 40,000)."""
        cls = type(self)
        plain = self._plain(ctx)
        if plain and self._split is not False:
            split = self._split_plan()
            if split is not None:
                return self._run_split(ctx, *split)
        if self.needs_jieba or not plain:
            return Rule.run(self, ctx)
        text = ctx.text
        most = max_checks(len(text))
        out: list[Finding] = []
        append = out.append
        made = self._maker(ctx)
        quick = cls.accept is PatternRule.accept
        for rx, pre, ahead in self._plan if self._plan is not None else self._make_plan():
            if quick and _only_hit(rx):
                for matches, before in self._runs(ctx, rx, pre, ahead):
                    if not self._plain_hits(ctx, rx, matches, before, out, most):
                        return out
                continue
            for start, end, values in self._search(ctx, rx, pre, ahead, False):
                if len(out) >= most:
                    return out
                append(made(start, end, values))
        return out

    def _runs(self, ctx, rx, pre, ahead):
        """_search()'s matches of ``rx`` as (matches, before): runs of matches, of which
        those starting before ``before`` are the rule's."""
        text = ctx.text
        n = len(text)
        if rx.__class__ is _Starts:
            if rx.sparse(text):
                yield rx.finditer(text, 0, n), n
                return
            rx = rx.rx
        if pre is not None:
            for s, e, stop in _stretches(text, pre, ahead):
                yield rx.finditer(text, s, stop), e
            return
        yield rx.finditer(text, 0, n), n

    def _plain_hits(self, ctx, rx, matches, before, out, most) -> bool:
        """_each() and _maker()'s findings written out for a regex whose only named group
        is ``hit`` (or none), the findings appended to ``out``: then what a finding says
        depends on its text (and whether ``hit`` took part) alone, and is made once per
        text.  False when ``out`` holds ``most``."""
        rule, category, severity, region = self.full_id, self.category, self.severity, ctx.region
        append = out.append
        for start, end, match, message, suggestion in self._plain_said(ctx, rx, matches, before):
            if len(out) >= most:
                return False
            append(Finding(rule, category, severity, start, end, match, message, suggestion, region))
        return True

    def _plain_said(self, ctx, rx, matches, before):
        """(start, end, text, message, suggestion) of the hits among ``matches`` (of a regex
        whose only named group is ``hit``, or none) that start before ``before``."""
        text = ctx.text
        hit_at = rx.groupindex.get("hit")
        covers = self.exceptions.covers if self.exceptions.rx is not None else None
        memo = self._said_memo
        if memo is None:
            memo = self._said_memo = {}
        for m in matches:
            first = m.start()
            if first >= before:
                return
            if hit_at is not None:
                start, end = m.span(hit_at)
                hit = start >= 0
                if not hit:
                    start, end = first, m.end()
            else:
                start, end, hit = first, m.end(), False
            if start == end or (covers is not None and covers(text, start, end)):
                continue
            match = text[start:end]
            got = memo.get((match, hit))
            if got is None:
                got = self._said(match, hit)
                if len(memo) < 4096:
                    memo[(match, hit)] = got
            yield start, end, match, got[0], got[1]

    _said_memo = None  # (text, hit) -> _said(), for the rule's life (it reads nothing else)

    def _said(self, match: str, hit: bool) -> tuple:
        """(message, suggestion) of _maker() for a hit of _plain_hits()."""
        values = {"match": match, "hit": match} if hit else {"match": match}
        if self.translate is not None:
            values["suggestion"] = match.translate(self.translate)
        suggestion = values.get("suggestion")
        if suggestion is None:
            suggestion = _filler(self.suggestion)(values)
            values["suggestion"] = suggestion or ""
        return _filler(self.message)(values), suggestion or None

    def _maker(self, ctx):
        """finding() for a plain draft as one function of (start, end, values): messages
        filled by _filler, nothing looked up per hit but the values."""
        text = ctx.text
        rule, category, severity, region = self.full_id, self.category, self.severity, ctx.region
        message, suggest = _filler(self.message), _filler(self.suggestion)

        def made(start, end, values):
            match = text[start:end]
            values = {"match": match, **values}
            suggestion = values.get("suggestion")
            if suggestion is None:
                suggestion = suggest(values)
                values["suggestion"] = suggestion or ""
            return Finding(rule, category, severity, start, end, match, message(values), suggestion or None, region)

        return made

    def scan(self, ctx):
        # A context check (jieba) costs ~30 µs: a line that is one candidate after another
        # ('届' * 100000) would take seconds.  Real drafts give a rule a few hundred at most;
        # past max_checks() the rule stops looking in this region.
        if not self.needs_jieba:  # no candidates to count
            for rx, pre, ahead in self._plan if self._plan is not None else self._make_plan():
                yield from self._search(ctx, rx, pre, ahead, False)
            return
        checks = max_checks(len(ctx.text))
        plan = self._plan if self._plan is not None else self._make_plan()
        for rx, pre, ahead in plan:
            for hit in self._search(ctx, rx, pre, ahead, True):
                if hit.__class__ is int:  # a candidate that needs a context check
                    if checks <= 0:
                        return
                    checks -= 1
                    continue
                yield hit

    _plan = None

    def _make_plan(self):
        """(regex, prefilter or None, ahead) for each regex, searched by _search() with the
        same matches in the same order as ``regex.finditer(text)``:

        * a regex that opens with lookbehinds is rewritten so that ``re`` skips ahead to
          where it can match (hoist.py) and searched over the whole text;
        * else, when every match begins with one of a few characters (reach.first_chars),
          it is tried only where one of them stands (_Starts) -- unless they are
          everywhere in this text;
        * else a line-local regex (reach.line_reach) with a small set of needed
          characters (reach.needed_chars) is searched only in the lines that hold one;
        * else it is searched over the whole text."""
        plan = self._merged([self._plan_entry(rx) for rx in self.regexes], self.regexes)
        self._plan = plan
        return plan

    def _merged(self, plan: list, regexes: list) -> list:
        """The plan with the regexes that can be searched as one (hoist.merged_search) --
        at least two -- tried only where that one search finds one of them matching."""
        if self.user or type(self)._make_plan is not PatternRule._make_plan:
            return plan
        which = [k for k, rx in enumerate(regexes) if mergeable(rx)]
        if len(which) < 2:
            return plan
        got = merged_search([regexes[k] for k in which])
        if got is None:
            return plan
        places = _places_of(got)
        plan = list(plan)
        for k in which:
            plan[k] = (_Starts(regexes[k], None, places=places), None, None)
        return plan

    def _plan_entry(self, rx, prefilter: bool = True):
        """_make_plan()'s (regex, prefilter or None, ahead) for one regex; without
        ``prefilter``, not searched line by line (as the regex it was split from)."""
        pre = ahead = None
        if not self.user:
            fast = hoisted(rx)
            if fast is not None:
                return fast, None, None
            reach = line_reach(rx)
            need = needed_chars(rx) if reach is not None and prefilter and prefilter_pays(rx) else None
            if reach is not None and prefilter and not skips_ahead(rx):
                # strings a match holds far rarer than its characters (部一 of 部, 组一 of 一)
                strings = consumed_needed(rx)
                chars = needed_chars(rx)
                if strings and _cost(strings) * _RARER < (_cost(chars) if chars else 1.0):
                    need = None
                    pre = compile_cached(any_of(strings))
                    ahead = reach[1]
            first = first_chars(rx)
            if first:
                rx = _Starts(rx, first)
            else:
                pivot = pivot_chars(rx)
                if pivot is not None:
                    rx = _Starts(rx, *pivot)
                else:
                    pivot = pivot_strings(rx)
                    if pivot is not None:
                        rx = _Starts(rx, None, pivot[1], pivot[2], places=_strings_places(pivot[0]))
            if need:
                pre = compile_cached("[" + "".join(re.escape(c) for c in need) + "]")
                ahead = reach[1]
        return rx, pre, ahead

    # ----- a rule that is line-local but for lookaheads past its lines' ends -------------
    # A title alone on its line (name-gap) or an empty field (empty-field) is reported
    # according to what the next lines hold: ``X$(?!…)`` under re.M.  Such a rule runs in
    # full on every re-check (incremental.py), but X is line-local and every match of X
    # ends at its line's end, where the lookahead decides for all of them; so X's hits
    # are kept between calls for the lines an edit did not touch (spliced()) and the
    # lookahead is asked again at each one's line end.  A regex whose matches may run on
    # into the next line a bounded way (reach.cross_reach: duplicate.word-twice's word at a line's
    # end written again at the next one's start) is kept so too (spliced(crossing=True)).

    _split = None

    def _split_plan(self):
        """([(plan entry of X, tail lookahead or None)], reach of the X's) when every regex
        is line-local or X$(?!…) with a line-local X (at least one), else None."""
        if self._split is None:
            self._split = self._make_split() or False
        return self._split or None

    def _make_split(self):
        if self.user or not type(self).__dict__.get("LINE_LOCAL", False):
            return None
        reaches = [self.exceptions.line_reach()]
        parts = []
        for rx in self.regexes:
            tail = None
            if line_reach(rx) is None:
                got = _tail_split(rx)
                if got is None:
                    cross = cross_reach(rx) if type(self).accept in (PatternRule.accept, BlankRule.accept) else None
                    if cross is None:
                        return None
                    # its matches may run on into the next line (duplicate.word-twice: a word at a
                    # line's end and again at the next one's start): read as far as a match
                    # may reach past its line's end, and a whole word's check past that
                    behind, ahead, width = cross
                    reaches.append((max(behind, _WRAP_REACH), width + max(ahead, _WRAP_REACH)))
                    parts.append((self._plan_entry(rx, prefilter=False), _CROSS))
                    continue
                rx, tail = got
            reaches.append(line_reach(rx))
            parts.append((self._plan_entry(rx, prefilter=tail is None), tail))
        if all(tail is None for _, tail in parts):
            return None  # line-local: the re-check runs it line by line itself
        heads = [_tail_split(rx)[0] if tail is not None and tail is not _CROSS else rx
                 for rx, (_, tail) in zip(self.regexes, parts)]
        parts = list(zip(self._merged([entry for entry, _ in parts], heads), [tail for _, tail in parts]))
        reach = _widest(reaches)
        return (parts, reach) if reach is not None else None

    def _run_split(self, ctx, parts, reach) -> list[Finding]:
        """run() of a rule with a _split_plan(), on a plain draft."""
        text = ctx.text
        n = len(text)
        made = self._maker(ctx)

        crossing = any(tail is _CROSS for _, tail in parts)

        def scan(lo, hi, stop):  # (start, end, order, Finding) of X's hits, and candidates
            hits, candidates, crossers = [], [], []
            whole = lo == 0 and hi == n
            for k, ((rx, pre, ahead), tail) in enumerate(parts):
                if tail is _CROSS:
                    found = self._crossing(ctx, rx, lo, n if hi >= n else hi + 1, stop, crossers)
                else:
                    found = self._search(ctx, rx, pre, ahead, True) if whole else self._hits(ctx, rx, lo, hi, stop)
                for hit in found:
                    if hit.__class__ is int:
                        candidates.append(hit)
                        continue
                    start, end, values = hit
                    hits.append((start, end, k, made(start, end, values)))
            if len(parts) > 1:  # by position (stable: by pattern at one place)
                hits.sort(key=_FIRST)
                candidates.sort()
                crossers.sort()
            return (hits, candidates, crossers) if crossing else (hits, candidates)

        hits, candidates = spliced(ctx, "pattern:" + self.full_id, None, reach, scan, moved_finding,
                                   crossing=crossing)
        most = max_checks(n)
        if self.needs_jieba and len(candidates) > most:
            # (X's candidates, a few more than the regex's): scan() may stop at the budget
            return Rule.run(self, ctx)
        tails = [tail for _, tail in parts]
        find = text.find

        def holds(k, start):  # the tail lookahead of X's pattern, at the end of its line
            tail = tails[k]
            if tail is None or tail is _CROSS:
                return True
            e = find("\n", start)
            return tail.match(text, n if e < 0 else e) is not None

        kept = [h for h in hits if holds(h[2], h[0])]
        kept.sort(key=_ORDER)  # pattern by pattern, as scan() gives them
        return [h[3] for h in kept[:most]]

    def _crossing(self, ctx, rx, lo, before, stop, crossers: list):
        """_hits() of a regex whose matches may run on into the next line, starting in
        lo..before (searching up to stop); the (start, end) of each match holding a line
        break -- hit or not: the search goes on where it ended -- appended to ``crossers``."""
        text = ctx.text
        find = text.find
        for m in rx.finditer(text, lo, stop):
            first, last = m.span()
            if first >= before:
                return
            if last > first and -1 < find("\n", first, last):
                crossers.append((first, last))
            yield from self._each(ctx, rx, (m,), before, True)

    def _search(self, ctx, rx, pre, ahead, count):
        text = ctx.text
        n = len(text)
        if rx.__class__ is _Starts:
            if rx.sparse(text):
                return self._hits(ctx, rx, 0, n, n, count)
            rx = rx.rx
        if pre is not None:
            return self._lines_with(ctx, rx, pre, ahead, count)
        return self._hits(ctx, rx, 0, n, n, count)

    def _lines_with(self, ctx, rx, pre, ahead, count=True):
        """_hits() over the whole text, searched only in the lines where ``pre`` matches:
        a line is searched as the incremental re-check searches it (scan_range), up to
        ``ahead + 2`` characters past its end so that lookaheads read on."""
        for s, e, stop in _stretches(ctx.text, pre, ahead):
            yield from self._hits(ctx, rx, s, e, stop, count)

    def _hits(self, ctx, rx, lo, before, hi, count=True):
        """Hits of one regex starting in lo..before (searching up to hi); before each
        candidate's context check, the candidate's start (an int) when ``count``."""
        return self._each(ctx, rx, rx.finditer(ctx.text, lo, hi), before, count)

    def _each(self, ctx, rx, matches, before, count):
        """_hits() for the given matches of ``rx``."""
        text = ctx.text
        has_hit = "hit" in rx.groupindex
        covers = self.exceptions.covers if self.exceptions.rx is not None else None
        accept = None if type(self).accept is PatternRule.accept else self.accept
        translate = self.translate
        only_hit = has_hit and len(rx.groupindex) == 1  # then the values are {"hit": …} or {}
        for m in matches:
            first = m.start()
            if first >= before:
                return
            hit = False
            if has_hit:
                start, end = m.span("hit")
                hit = start >= 0  # -1 when the group took no part
            if not hit:
                start, end = first, m.end()
            if start == end or (covers is not None and covers(text, start, end)):
                continue
            if count:
                yield first
            if accept is not None and not accept(ctx, m):
                continue
            if only_hit:
                values = {"hit": text[start:end]} if hit else {}
            else:
                values = {k: v for k, v in m.groupdict().items() if v is not None}
            if translate is not None:
                values["suggestion"] = text[start:end].translate(translate)
            yield start, end, values

    def line_reach(self):
        if not type(self).__dict__.get("LINE_LOCAL", False) or self.user:
            return None
        return _widest([line_reach(rx) for rx in self.regexes] + [self.exceptions.line_reach()])

    def whole_hits(self, ctx) -> list[tuple] | None:
        """scan_range(ctx, 0, n, n)'s hits over the whole text, each made into what the
        incremental re-check keeps per line: (order, start, end, text, message, suggestion),
        in the same order.  Made as run()'s quick path makes its findings (the lines that
        can hold a match searched, a message made once per text) for a plain pattern rule
        -- no context check, a plain draft; None for any other (scan_range then).  The
        window's first review of a 1M-character draft spent ~1 s more than a plain review
        making these one by one."""
        if self.needs_jieba or type(self).accept is not PatternRule.accept or not self._plain(ctx):
            return None
        text = ctx.text
        n = len(text)
        out: list[tuple] = []
        append = out.append
        plan = self._plan if self._plan is not None else self._make_plan()
        for k, (rx, pre, ahead) in enumerate(plan):
            if not _only_hit(rx):
                for start, end, values in self._hits(ctx, rx, 0, n, n, False):
                    f = self.finding(ctx, text, start, end, values)
                    append((k, start, end, f.text, f.message, f.suggestion))
                continue
            for matches, before in self._runs(ctx, rx, pre, ahead):
                for hit in self._plain_said(ctx, rx, matches, before):
                    append((k, *hit))
        return out

    def scan_range(self, ctx, start, end, stop):
        candidates = []
        out = []
        plan = self._plan if self._plan is not None else self._make_plan()
        for k, (rx, _pre, _ahead) in enumerate(plan):  # the plan's regexes match as the rule's own
            for hit in self._hits(ctx, rx, start, end, stop):
                if hit.__class__ is int:
                    candidates.append(hit)
                else:
                    out.append((k, *hit))
        return out, (candidates if self.needs_jieba else [])


def _only_hit(rx) -> bool:
    """The regex's only named group is ``hit``, or it has none: what a finding of it says
    depends on its text alone (PatternRule._plain_said)."""
    return not rx.groupindex or (len(rx.groupindex) == 1 and "hit" in rx.groupindex)


_ORDER = itemgetter(2)
_CROSS = object()  # the "tail" of a regex whose matches may run on into the next line


def _tail_split(rx):
    """(X, L) for a regex ``X$L`` under re.M whose last item L is a lookahead, X is
    line-local (reach.line_reach) and L has no groups; else None.  Every match of X
    then ends at its line's end (X reads no line break and ends with $), where L holds
    for all of them or for none: X's matches where L holds there are the regex's own."""
    if not isinstance(rx, re.Pattern) or not rx.flags & re.M:
        return None
    from ..cache import kept

    # where the pattern is split, remembered between runs (core/cache.py): three parses
    # of each such pattern were ~10 ms of the first review in every process
    at = kept(("tail-split-1", rx.pattern, str(int(rx.flags))), lambda: _tail_split_at(rx))
    if not at:
        return None
    i = int(at)
    return compile_cached(rx.pattern[:i], rx.flags), compile_cached(rx.pattern[i:], rx.flags)


def _tail_split_at(rx) -> str | None:
    """Where _tail_split() splits ``rx``'s pattern (a string of digits), or None."""
    from re import _constants as C, _parser

    pattern = rx.pattern
    for mark in ("$(?!", "$(?="):
        i = pattern.rfind(mark) + 1
        if not i:
            continue
        try:  # a mark inside a group or a class leaves a half that does not compile
            head, tail = compile_cached(pattern[:i], rx.flags), compile_cached(pattern[i:], rx.flags)
            whole, front, back = (_parser.parse(p, rx.flags) for p in (pattern, pattern[:i], pattern[i:]))
        except re.error:
            continue
        if (len(back) == 1 and back[0][0] in (C.ASSERT, C.ASSERT_NOT) and back[0][1][0] == 1
                and len(whole) == len(front) + 1 and front[-1] == (C.AT, C.AT_END)
                and tail.groups == 0 and head.groupindex == rx.groupindex and head.groups == rx.groups
                and line_reach(head) is not None):
            return str(i)
    return None


# A prefilter by strings a match needs (reach.consumed_needed) rather than characters when
# they are expected this many times less often (reach._cost).
_RARER = 4
# Lines with a needed character closer than this are searched together: a regex search
# over a short gap costs less than starting a new one.
_GAP = 64
# A regex is tried at each place where a match can begin when there are fewer of those
# than one in this many characters; more, and one search costs less (a try from Python
# costs ~0.2 µs, a search that ``re`` cannot skip through 20-50 ns a character).
_SPARSE = 8
_SAMPLE = 50_000


def finditer_fast(rx, text: str):
    """``rx.finditer(text)`` (a shipped rule's regex) searched as PatternRule searches:
    rewritten (hoist.py), tried where its matches can begin, or only in the lines that
    hold a character it needs.  The same matches in the same order."""
    fast = hoisted(rx)
    if fast is not None:
        return fast.finditer(text)
    first = first_chars(rx)
    pivot = (first, 0, 0) if first else pivot_chars(rx)
    if pivot:
        starts = _Starts(rx, *pivot)
        if starts.sparse(text):
            return starts.finditer(text)
    reach = line_reach(rx)
    need = needed_chars(rx) if reach is not None else None
    if need:
        pre = compile_cached("[" + "".join(re.escape(c) for c in need) + "]")
        return _stretch_matches(rx, text, pre, reach[1])
    return rx.finditer(text)


def _stretch_matches(rx, text: str, pre, ahead: int):
    """PatternRule._lines_with() for matches: those of a line-local regex, searched only
    in the lines where ``pre`` finds a character (up to ``ahead + 2`` past each)."""
    for s, e, stop in _stretches(text, pre, ahead):
        for hit in rx.finditer(text, s, stop):
            if hit.start() >= e:
                break
            yield hit


def _stretches(text: str, pre, ahead: int):
    """(start, end, stop) of the lines where ``pre`` finds something -- lines close together
    (within _GAP) as one stretch, which gives the same matches --, ``stop`` being where a
    search of the stretch ends: ``ahead + 2`` past its end, so that lookaheads read on."""
    n = len(text)
    search = pre.search
    find, rfind = text.find, text.rfind
    m = search(text, 0)
    while m is not None:
        p = m.start()
        s = rfind("\n", 0, p) + 1
        while True:
            e = find("\n", p)
            if e < 0:
                e = n
            m = search(text, e + 1) if e < n else None
            if m is None or m.start() - e > _GAP:
                break
            p = m.start()
        stop = e + ahead + 2
        yield s, e, (n if stop >= n else stop)


def _class_chars(rx, whole: bool = True) -> frozenset | None:
    """_class_chars_parsed(), remembered between runs (core/cache.py): a merged finder is
    a long pattern, and parsing the ~110 of them was half of loading the rules."""
    if rx.flags & (re.I | re.X) or not rx.pattern.startswith("["):
        return None
    from ..cache import kept

    got = kept(("class-chars-1", rx.pattern, str(int(rx.flags)), "whole" if whole else "lead"),
               lambda: _chars_string(_class_chars_parsed(rx, whole)))
    return frozenset(got) if got else None


def _chars_string(chars: frozenset | None) -> str | None:
    return "".join(sorted(chars)) if chars else None


def _class_chars_parsed(rx, whole: bool = True) -> frozenset | None:
    """The characters of a finder that is one character class of plain characters and
    small ranges (``[ \\t，,]``, no flags that widen it): it matches where one of them
    stands.  None for any other regex.  Not ``whole``: the class a finder of one
    character begins with (``[们的](?<=…)``, the rest lookarounds), which every match is."""
    from re import _constants as C, _parser

    if rx.flags & (re.I | re.X) or not rx.pattern.startswith("["):
        return None
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return None
    if len(parsed) != 1 if whole else (len(parsed) < 2 or any(
            op not in (C.ASSERT, C.ASSERT_NOT, C.AT) for op, _ in parsed[1:])):
        return None
    op, av = parsed[0]
    if op is C.LITERAL:
        return frozenset(chr(av))
    if op is not C.IN:
        return None
    out: set[str] = set()
    for o, a in av:
        if o is C.LITERAL:
            out.add(chr(a))
        elif o is C.RANGE and a[1] - a[0] < 256:
            out.update(map(chr, range(a[0], a[1] + 1)))
        else:  # NEGATE, a category (\s), a wide range
            return None
    return frozenset(out) if out else None


# Where each character of the class finders stands in the text last asked about: the
# finders of many rules share characters (the blanks, 主副组…, the commas), and one pass
# lists each place once for all of them instead of once for each (~63 finders at 1M).
# (text, char -> its positions ascending); replaced as a whole for another text.
# Positions are kept as arrays of C ints, here and in _Places: a list holds an int object
# for each (36 bytes against 4), and at 1M characters these lists held ~26 MB while a
# review ran -- the window's peak memory when it opens a big draft.
_CHAR_PLACES: list = [(None, {})]
_NO_PLACES = array("i")
_MATCH_START = re.Match.start
_ONE_CHAR: dict = {}  # char -> its regex (its program kept in the rule cache: ~170 of them)


def _char_places(text: str, chars: frozenset, most: int | None = None) -> array | None:
    """The positions in ``text`` of any of ``chars``, ascending: what ``[chars]``'s
    finditer() finds.  The returned list is shared: not to be changed.  None when more
    than ``most`` of the characters are not listed yet (one search for the class then
    costs less than one for each)."""
    state = _CHAR_PLACES[0]
    if state[0] is not text:
        state = _CHAR_PLACES[0] = (text, {})
    got = state[1]
    if most is not None and sum(1 for c in chars if c not in got) > most:
        return None
    for c in chars:
        if c not in got:
            # one character is searched for as a string (~0.4 ns a character of the text),
            # a class of them character by character (~6 ns)
            rx = _ONE_CHAR.get(c)
            if rx is None:
                rx = _ONE_CHAR[c] = compile_cached(re.escape(c))
            got[c] = array("i", map(_MATCH_START, rx.finditer(text)))
    lists = [got[c] for c in chars]
    lists = [ps for ps in lists if ps]
    if len(lists) <= 1:
        return lists[0] if lists else _NO_PLACES
    return array("i", sorted(chain.from_iterable(lists)))  # ascending runs: merged by the sort in C


class _Places:
    """Where a regex (a finder) matches in a text, listed once per text; shared by the
    _Starts of a rule's merged patterns (PatternRule._merged).  A finder that is one
    character class reads its places from _char_places()."""

    __slots__ = ("finder", "_got", "_chars", "_lead", "_lead_rx")

    def __init__(self, finder):
        self.finder = finder
        self._got = (None, _NO_PLACES)
        self._chars = _class_chars(finder)
        # a merged finder, ``[firsts](?<=(?=…))``: its matches all start on one of the
        # firsts; where those are rare it is tried there rather than searched
        self._lead = _class_chars(finder, whole=False) if self._chars is None else None
        self._lead_rx = None

    def known(self, text: str) -> bool:
        return self._got[0] is text

    def of(self, text: str) -> array:
        got = self._got
        if got[0] is not text:
            places = _char_places(text, self._chars, _PER_CHAR) if self._chars is not None else None
            if places is not None:
                got = self._got = (text, places)
            elif self._lead is not None and self._rare_lead(text):
                leads = _char_places(text, self._lead, _PER_CHAR)
                if leads is None:
                    if self._lead_rx is None:
                        self._lead_rx = compile_cached("[" + "".join(map(re.escape, sorted(self._lead))) + "]")
                    leads = array("i", map(_MATCH_START, self._lead_rx.finditer(text)))
                match = self.finder.match  # a match of one character at i is finditer's
                got = self._got = (text, array("i", [i for i in leads if match(text, i) is not None]))
            else:
                got = self._got = (text, array("i", map(_MATCH_START, self.finder.finditer(text))))
        return got[1]

    def _rare_lead(self, text: str) -> bool:
        """Fewer than one first character in _TRY_EVERY in the text's first _SAMPLE
        characters: trying the finder at each (from Python, ~0.4 µs) costs less than a
        search through the text (~6 ns a character)."""
        n = min(len(text), _SAMPLE)
        return _count_of(text, self._lead, n) * _TRY_EVERY < n


def _count_of(text: str, chars, n: int) -> int:
    """How many of ``text``'s first ``n`` characters are one of ``chars`` (counted in C)."""
    count = text.count
    return sum([count(c, 0, n) for c in chars])


_TRY_EVERY = 100
# A class finder's characters are listed one by one (~0.4 ms each at 1M, shared with the
# other finders) when at most this many are new; more, and one search for the class
# (~5 ms at 1M) costs less.
_PER_CHAR = 10


_SHARED_PLACES: dict[str, _Places] = {}


def _strings_places(strings) -> "_Places":
    """The _Places of every start of one of ``strings`` (reach.pivot_strings), overlapping
    ones too: each is a first character where the whole string follows.  (Not any_of's
    trie: it leaves out a string holding another anywhere, whose start is not the other's.)"""
    firsts = "".join(sorted({s[0] for s in strings}))
    kept = [w for w in sorted(set(strings), key=len) if not any(w.startswith(v) for v in strings if len(v) < len(w))]
    alts = "|".join(map(re.escape, sorted(kept, key=lambda w: (-len(w), w))))
    return _places_of("[" + re.escape(firsts) + "](?<=(?=" + alts + ")(?s:.))")


def _places_of(pattern: str) -> _Places:
    """The _Places of a finder, one for all the regexes tried where it matches (many
    begin with a comma): the places are listed once per text."""
    got = _SHARED_PLACES.get(pattern)
    if got is None:
        got = _SHARED_PLACES[pattern] = _Places(compile_cached(pattern))
    return got


class _Starts:
    """A regex that matches no empty string and whose matches all begin with one of a few
    characters (reach.first_chars), searched by trying it where one of them stands: the
    same matches as the regex's own finditer().  The places are found once per text.

    With ``lo``, ``hi``: every match holds one of the characters ``lo`` to ``hi``
    characters after its start (reach.pivot_chars: 个 of “，个小区”, which a mark or
    nothing stands before), and is tried at the places that far before one.  With
    ``places``: tried where that finder matches (PatternRule._merged), a superset of
    where the regex does."""

    __slots__ = ("rx", "groupindex", "pattern", "flags", "_found", "_sparse", "lo", "hi")

    def __init__(self, rx, chars: str | None, lo: int = 0, hi: int = 0, places: _Places | None = None):
        self.rx, self.groupindex, self.pattern, self.flags = rx, rx.groupindex, rx.pattern, rx.flags
        self._found = places if places is not None else _places_of("[" + "".join(re.escape(c) for c in chars) + "]")
        self._sparse = (None, False)
        self.lo, self.hi = lo, hi

    def places(self, text: str) -> array:
        return self._found.of(text)

    def sparse(self, text: str) -> bool:
        """Fewer places to try than one in _SPARSE characters: trying each costs less than a
        search.  Judged on the text's first _SAMPLE characters, not to list the places of a
        text full of them (either way gives the same matches)."""
        got = self._sparse
        if got[0] is not text:
            n = len(text)
            tries = self.hi - self.lo + 1
            if n <= _SAMPLE or self._found.known(text):
                sparse = len(self.places(text)) * tries * _SPARSE <= n
            else:
                chars = self._found._chars  # (a class finder: its characters counted in C)
                if chars is not None and len(chars) <= 32:
                    found = _count_of(text, chars, _SAMPLE)
                else:
                    found = sum(1 for _ in self._found.finder.finditer(text, 0, _SAMPLE))
                sparse = found * tries * _SPARSE <= _SAMPLE
            got = self._sparse = (text, sparse)
        return got[1]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if not self._found.known(text) and ((len(text) if endpos is None else endpos) - pos) * 64 < len(text):
            # one line of a long text (core/incremental.py re-checks the lines an edit
            # touched): searched by itself, without finding the places in the whole text
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        if not self.sparse(text):
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        n = len(text)
        hi = n if endpos is None or endpos > n else endpos
        places = self.places(text)
        if self.hi:
            yield from self._windows(text, places, pos, hi)
            return
        i = bisect_left(places, pos)
        k = bisect_left(places, hi, i) - i
        if k <= 0:
            return
        # tried at every place by C loops (map, filter: most tries fail); a match at a
        # place inside the previous match is not finditer's and is passed over
        last = pos
        for m in filter(None, map(self.rx.match, repeat(text, k), places[i:i + k], repeat(hi, k))):
            if m.start() < last:
                continue
            last = m.end()
            yield m

    def _windows(self, text: str, places: list, pos: int, end: int):
        """finditer() trying the starts ``hi`` to ``lo`` characters before each place, each
        start once and in order: the first match from a start on is the leftmost one."""
        lo, hi = self.lo, self.hi
        match = self.rx.match
        last = pos  # the next start to try: those before it failed or lie in a match
        for u in places[bisect_left(places, pos + lo):]:
            q = u - hi
            if q >= end:
                return
            if q < last:
                q = last
            stop = u - lo
            while q <= stop and q < end:
                m = match(text, q, end)
                if m is None:
                    q += 1
                    continue
                yield m
                q = last = m.end()
            if last <= stop:
                last = stop + 1

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


_FINDERS: dict[bool, object] = {}  # towns? -> a NameFinder over the gazetteer's full names, made on first use


def _place_finder(towns: bool):
    """A NameFinder over the full names of the provinces, cities and counties (台安县, 台州市),
    with the towns' (大碶街道) when ``towns``."""
    got = _FINDERS.get(towns)
    if got is None:
        from ..knowledge_places import NameFinder, gazetteer

        places = gazetteer()
        names = list(places.names(short=False, min_length=3))
        if towns:
            names += list(places.towns())
        got = _FINDERS[towns] = NameFinder(names)
    return got


def _starts_division(text: str, at: int) -> bool:
    """Whether the full name of a province, city or county of the gazetteer starts at ``at``."""
    return _place_finder(False).name_at(text, at) is not None


def _in_division(text: str, i: int) -> bool:
    """Whether text[i] lies inside the full name of a division or a town of the gazetteer
    (大碶街道): asked only of the few spots another check doubts."""
    finder = _place_finder(True)
    for a in range(max(0, i - 8), i + 1):
        name = finder.name_at(text, a)
        if name is not None and a + len(name) > i:
            return True
    return False


class BlankRule(PatternRule):
    """A pattern whose listed groups must be whole words in context (decided by jieba).

    ``whole_words`` names groups that must start and end on word boundaries, so that
    个 in 的个经济 (个 alone: a number is missing) is told from 个 in 的个人 (a word).
    """

    LINE_LOCAL = True

    KEYS = PatternRule.KEYS | {"whole_words", "word_before"}
    needs_jieba = True

    def setup(self, spec):
        super().setup(spec)
        self.whole_words = _str_list(spec, "whole_words")
        for g in self.whole_words:
            if not any(g in rx.groupindex for rx in self.regexes):
                raise RuleLoadError(self.source, f"whole_words 中的分组“{g}”不在任何正则中", self.id, "whole_words")
        # A one-character word right before a whole word joins it into a compound noun
        # (车户, 警种, 补台, 级部) unless it is one of these (的/和/等/到…: a count may follow).
        wb = spec.get("word_before")
        if wb is not None and (not isinstance(wb, str) or not wb):
            raise RuleLoadError(self.source, "word_before 必须是非空字符串（可在量词前成词的单字）", self.id, "word_before")
        self.word_before = frozenset(wb) if wb else None

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
        if not all(s in cuts and e in cuts for s, e in spans):
            return False
        if _wrapped(ctx.text, spans):
            return False
        s, e = spans[-1]
        if e - s == 1 and _starts_division(ctx.text, s):
            return False  # the unit's character begins a county's or a city's name (之称的台安县)
        wb = self.word_before
        if wb is not None:
            text = ctx.text

            def compound(c: str) -> bool:
                """A one-character word (a Han character cut off on its own) that makes a
                compound with what follows it, not a word a count may follow."""
                return "\u4e00" <= c <= "\u9fff" and c not in wb

            # the last group only (the unit); one right after another group (的个, 了名)
            # is preceded as the pattern says
            s = spans[-1][0]
            # (a unit of one character only: 公里, 英寸 make no compound with the word before)
            if spans[-1][1] - s == 1 and all(e != s for _, e in spans):
                c = text[s - 1] if s else ""
                if compound(c) and s - 1 in cuts:
                    return False
                # (出了名。, 捐了款。: see below)
                if c == "了" and s > 1 and s - 1 in cuts and s - 2 in cuts and compound(text[s - 2]):
                    return False
            elif text[spans[0][0]:spans[0][1]] == "了" and (s := spans[0][0]) and s - 1 in cuts:
                # 了 before the unit after a one-character verb: spoken Chinese (出了名,
                # 敬了个礼), not a count (举办了场 still is)
                if compound(text[s - 1]):
                    return False
        return True

    # A PDF copy's hard line breaks fall inside words (六届三⏎次全会, 个⏎个勇争先, 大⏎家要):
    # accept() reads across the break of the line a whole word starts or ends (_wrapped),
    # up to _WRAP_REACH characters into the line before or after.
    def line_reach(self):
        got = super().line_reach()
        if got is None:
            return None
        return max(got[0], _WRAP_REACH, _HEADING_REACH), max(got[1], _WRAP_REACH)

    def _make_split(self):
        got = super()._make_split()
        if not got:
            return got
        parts, (behind, ahead) = got
        return parts, (max(behind, _WRAP_REACH, _HEADING_REACH), max(ahead, _WRAP_REACH))


_TRIVIAL = compile_cached(r"[\s\W]+")

# How far a whole word's check reads into the next or the previous line (a PDF copy's hard
# line break): the segmenter's window and the line break itself.
_WRAP_REACH = Segmenter.WINDOW + 2  # (the window, and a break of up to two newlines)
# a figure (or a placeholder's X, reported as such) right before a line break, and a measure
# word right after it: one count
_FIGURE_END = frozenset("0123456789０１２３４５６７８９零〇○一二三四五六七八九十百千万亿两几XxＸｘ×*＊")


# how far back a heading over a blank line is read (its line, up to this many characters)
_HEADING_REACH = 40
# a numbered heading's start (二、 （三） 4. 第五), its line never runs on into the next paragraph
_HEADING_LINE = compile_cached(r"[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，,、：:])")


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _wrapped(text: str, spans) -> bool:
    """True when a whole word of ``spans`` starts or ends at a line break that a PDF
    copy's hard wrap put inside the sentence -- a Han character (or a figure) on both
    sides of the break -- and, read as one line, the text there is one word across the
    break (大⏎家, 个⏎个), or a figure stands right before the line break and the word
    after it (三⏎次全会): then the words were cut by the page's width, no figure was lost.
    A copy that leaves a blank line after every wrapped line breaks the same way (几⏎⏎个).
    Reads at most _WRAP_REACH characters past the line's ends."""
    n = len(text)
    for s, e in spans:
        if s >= 2 and text[s - 1] == "\n" and _han(text[s]):
            k = 2 if s >= 3 and text[s - 2] == "\n" else 1
            if k == 2:
                ls = text.rfind("\n", 0, s - 2) + 1
                if s - ls <= _HEADING_REACH and _HEADING_LINE.match(text, ls):
                    continue  # (a heading above the blank line ends its own line: 二、坚持标准统一⏎⏎个……)
            c = text[s - 1 - k]
            if c in _FIGURE_END:
                return True
            if _han(c) and not _whole_across(text, s - k, k, s, e):
                return True
        if e + 1 < n and text[e] == "\n" and e > s and _han(text[e - 1]):
            k = 2 if e + 2 < n and text[e + 1] == "\n" else 1
            if _han(text[e + k]) and not _whole_across(text, e, k, s, e):
                return True
    return False


def _whole_across(text: str, b: int, k: int, s: int, e: int) -> bool:
    """Whether s..e is whole words (Segmenter.is_word) in the text around it read with the
    line break of ``k`` characters at ``b`` (before s or at e) taken out: the segmenter's
    window around the span then runs on across the break."""
    w = Segmenter.WINDOW
    base = max(0, min(s, b) - w)
    piece = text[base:b] + text[b + k:max(e, b + k) + w]

    def at(p: int) -> int:  # p's offset in ``piece`` (the break is one place)
        return p - base if p <= b else p - base - k

    return Segmenter(piece).is_word(at(s), at(e))


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
        # the same matches, searched as a trie (reach.longest_of): one word after another
        # at every character would cost a search per word
        self._trie = compile_cached(longest_of(words))
        # a wrong form inside its own right form (青团中央 in 共青团中央) is no error there: the
        # right forms that hold their wrong ones are exceptions of themselves
        self.exceptions = _Exceptions(_str_list(spec, "exceptions") + sorted(
            {r for w, r in words.items() if r and w in r and w != r}))
        # Every match begins with a word's first two characters: the one pass over the
        # text that finds the bigrams of the list kinds (lexicon_data.bigram_hits, made
        # for near-miss and misused rules anyway) finds where a match can begin.
        self._heads = frozenset(w[:2] for w in words) if all(len(w) >= 2 for w in words) else None
        if self._heads is not None:
            from .lexicon_data import use_bigrams

            use_bigrams(self)

    def bigrams(self) -> frozenset:
        return self._heads or frozenset()

    def scan(self, ctx):
        text = ctx.text
        if self._heads is None:
            return self._hits(text, 0, len(text), len(text))
        from .lexicon_data import bigram_hits

        return self._hits_at(text, bigram_hits(ctx))

    def _hits_at(self, text, hits):
        """_hits() over the whole text, the trie tried only where a word's first two
        characters stand (``hits``: bigram -> positions): the same matches."""
        lists = [hits[b] for b in self._heads & hits.keys()]
        if not lists:
            return
        places = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        match = self._trie.match
        covers = self.exceptions.covers
        last = 0
        for i in places:
            if i < last:
                continue  # inside the previous match (finditer goes on from its end)
            m = match(text, i)
            if m is None:
                continue
            last = m.end()
            if covers(text, i, last):
                continue
            yield i, last, {"suggestion": self.words[m.group()]}

    def _hits(self, text, lo, before, hi):
        for m in self._trie.finditer(text, lo, hi):
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
