"""Re-checking a draft while it is edited: the same report as a full review, sooner.

``IncrementalReviewer(ruleset, options).review(document)`` returns exactly what
``engine.review(document, ruleset, options)`` returns.  Between two calls most lines of
a draft are unchanged, and most rules (the patterns, word lists, blanks, the 的/地/得
checks and the line junk rules) are *line-local*: what they find in a line depends on
that line's text and a few characters around it (``Rule.line_reach()``, proven from
each pattern, see ``rules/kinds.line_reach``).  Their hits are kept per line, keyed by
the line's text and those neighbouring characters, so an edit runs them on the lines
it touched only.  When one stretch of the text changed (typing, a paste, a deletion), the
lines before it keep their findings and the lines after it keep theirs moved by the change
in length (``LineCache._splice``): no work per unchanged line but moving its findings.

A rule whose lines' hits also depend on one value of the whole draft (the draft's year,
rules/stale.py) gives it by ``line_switch(ctx)``: when it changes, every line is computed
again.  Everything that depends on the whole draft runs in full on every call, from the same
code as a full review: the rules that are not line-local (junk decided by its
neighbours, duplicates, numbering, near-miss expressions …), dropping findings inside
junk and overlapping ones, the min_support counts, genre and structure.  The cheap path
is not taken where it could not be proven equal: a draft in traditional characters (the
simplified view depends on the whole draft), text with "\\r" or paragraphs that are not
exactly the lines of the text, and a rule whose candidates or hits reach the per-region
caps (``kinds.max_checks``) -- those rules then run in full.

The report also says which of its findings only moved (``Report.moved_tail``, see
moved_tail()): those after the edit that are the previous report's moved by the change in
length, proven from how the list was built, so that the window skips them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import chain, compress, islice, repeat
from operator import add, attrgetter, gt, sub

from .cache import save as save_cache
from .document import Document, common_ends
from .engine import ReviewOptions, review
from .findings import Finding, Report, moved
from .rules.kinds import max_checks
from .structure.duplicates.splice import bounds, lines_verdict


class LineCache:
    """Hits of the line-local rules, per line (see the module's docstring)."""

    def __init__(self):
        self._entries: dict[str, dict] = {}  # region -> line key -> rule id -> (hits, candidates)
        self._reach: dict = {}  # rule -> its line_reach()
        self._ids: tuple = ()
        self._switches: dict[str, tuple] = {}  # region -> the rules' line_switch() values
        # region -> line start -> (entry, [(rule id, order, its Findings)]): an unchanged
        # line that did not move gives the same Finding objects again (findings are never
        # changed once made), so an edit builds those of the lines after it only
        self._built: dict[str, dict] = {}
        self._state: dict[str, _State] = {}  # region -> the previous call, for _splice()
        self._memos: dict[str, dict] = {}  # region -> Context.memo()'s dicts, kept between calls
        # For IncrementalReviewer's moved tail, what the latest review did: region -> the text
        # its lines were checked in (``seen``); region -> (the previous call's text, d, the
        # old position from which every line's findings were moved by d) when _splice ran
        # (``splices``); region -> how the engine made the findings (``trace``, engine.review_region;
        # None: not recorded)
        self.seen: dict[str, str] = {}
        self.splices: dict[str, tuple] = {}
        self.trace: dict | None = None
        self.stats = {"lines": 0, "computed": 0}
        # region -> (a text, the starts and ends of its lines): the latest text whose paragraphs
        # were found to be its lines, for _lines_are_paragraphs() after the next edit
        self._lines: dict[str, tuple] = {}
        self._common: tuple = (None, None, 0, 0)  # (old, new, common_prefix, common_suffix)

    def clear(self) -> None:
        self._lines.clear()
        self._common = (None, None, 0, 0)
        self._memos.clear()
        self._entries.clear()
        self._switches.clear()
        self._built.clear()
        self._state.clear()

    def memos(self, region: str) -> dict:
        """The region's Context.memo() dicts (engine.Context.memo)."""
        got = self._memos.get(region)
        if got is None:
            got = self._memos[region] = {}
        return got

    def _rule_reach(self, rule):
        got = self._reach.get(rule, False)
        if got is False:
            # a user's rule runs under its time budget (rules/budget.py): always in full
            got = self._reach[rule] = None if getattr(rule, "user", False) else rule.line_reach()
        return got

    def findings(self, ctx, rules) -> dict[str, list[Finding]]:
        """rule id -> what ``rule.run(ctx)`` returns, for the line-local rules among
        ``rules``; {} when the text's lines cannot be checked one by one."""
        text = ctx.text
        paragraphs = ctx.paragraphs
        self.splices.pop(ctx.region, None)
        self.seen.pop(ctx.region, None)
        known = self._lines.get(ctx.region)
        if "\r" in text or not _lines_are_paragraphs(text, paragraphs, known, self._common_ends):
            return {}
        self._lines[ctx.region] = (text,) + bounds(paragraphs)
        fresh = len(self._reach)
        local = [(r, self._rule_reach(r)) for r in rules]
        local = [(r, reach) for r, reach in local if reach is not None]
        if len(self._reach) != fresh:
            save_cache()  # the patterns' reach, worked out once (core/cache.py)
        if not local:
            return {}
        self.seen[ctx.region] = text
        behind = max(b for _, (b, _) in local)
        ahead = max(a for _, (_, a) in local) + 2
        n = len(text)
        region = ctx.region
        ids = tuple(r for r, _ in local)  # the rules (objects) the entries were computed for
        if ids == self._ids:
            ids = self._ids  # the same tuple: the state is checked with `is`
        else:  # other rules: no line's hits are kept, nor what rules worked out per paragraph
            for memos in self._memos.values():
                memos.clear()
            self._entries.clear()
            self._built.clear()
            self._state.clear()
        self._ids = ids
        old, new = self._entries.get(region, {}), {}
        # A rule whose line hits also depend on one value of the whole draft (the draft's
        # year: rules/stale.py) says so by line_switch(ctx); when it changes, no line is kept.
        switches = tuple(r.line_switch(ctx) if hasattr(r, "line_switch") else None for r in ids)
        if self._switches.get(region) != switches:
            old = {}
        self._switches[region] = switches
        state = self._state.get(region)
        if state is not None and state.ids is ids and state.switches == switches:
            got = self._splice(ctx, state, local, behind, ahead)
            if got is not None:
                return got
        per_rule: dict[str, list] = {r.full_id: [] for r in ids}
        checks = dict.fromkeys(per_rule, 0)
        keys = []
        kept = []  # the entry of each line from the previous call, or None
        missing = 0
        get = old.get
        for p in paragraphs:
            s, e = p.start, p.end
            if s == e:
                keys.append(None)
                kept.append(None)
                continue
            stop = e + ahead
            lo = s - behind if s > behind else 0
            # the line with the characters its rules read around it, and where it lies in them
            key = (s == 0, text[lo:stop], s - lo, e - lo, stop >= n)
            keys.append(key)
            entry = get(key)
            if entry is None:
                missing += 1
            kept.append(entry)
        # Most lines new (the first review, a paste): each pattern searches the whole text
        # once and its hits are shared out to the lines -- the same hits (line-local).
        bulk = self._bulk(ctx, local, paragraphs, ahead) if missing > 8 and missing * 4 > len(paragraphs) else None
        computed = 0
        built_old, built = self._built.get(region, {}), {}
        by_id = {r.full_id: r for r in ids}
        records = []  # per line: (key, entry), or None for an empty line
        for i, (p, key, entry) in enumerate(zip(paragraphs, keys, kept)):
            if key is None:
                records.append(None)
                continue
            s, e = p.start, p.end
            if entry is None:
                if bulk is not None:
                    entry = bulk[i]
                else:
                    stop = e + ahead
                    entry = self._compute(ctx, local, s, e, n if stop >= n else stop)
                computed += 1
            new[key] = entry
            records.append((key, entry))
            if not entry:
                continue
            made = built_old.get(s)  # (an entry is made for one key: the same entry, the same line)
            if made is None or made[0] is not entry:
                made = (entry, _build(entry, by_id, s, region))
            built[s] = made
            for got in made[1]:
                per_rule[got[0]].append(got)
            for rid, (hits, count) in entry.items():  # only the rules with hits or candidates
                if count:
                    checks[rid] += count
        self._entries[region] = new
        self._built[region] = built
        self.stats = {"lines": len(paragraphs), "computed": computed}
        lists = {rid: _by_order(per_rule[rid]) for rid in per_rule}
        self._state[region] = _State(text, ids, switches, [p.start for p in paragraphs],
                                     [p.end for p in paragraphs], records, lists, checks)
        return _output(local, lists, checks, n)

    def _splice(self, ctx, st: "_State", local, behind: int, ahead: int):
        """findings() from the previous call's, when an edit changed one stretch of the
        text: the lines before it keep their findings, the lines after it keep theirs
        moved by the change in length, and only the lines between are looked at (their
        entries kept by key, or computed).  None when too much changed (then the full
        path runs, sharing the search of the whole text)."""
        text, old = ctx.text, st.text
        n1, n0 = len(text), len(old)
        region = ctx.region
        paragraphs = ctx.paragraphs
        a, c = self._common_ends(old, text)
        d = n1 - n0
        starts0, ends0, rec0 = st.starts, st.ends, st.records
        l0, l1 = len(starts0), len(paragraphs)
        # Unchanged lines: the characters their rules read (the line, `behind` before it and
        # `ahead` after it, the text's end) lie in the common prefix, or in the common suffix.
        first = bisect_left(ends0, a - ahead)          # lines 0..first-1: e + ahead < a
        last = max(first, bisect_left(starts0, n0 - c + behind))  # lines last..: s - behind >= n0 - c
        mid_end = l1 - (l0 - last)  # the new lines first..mid_end-1 are looked at
        if mid_end < first or (last < l0 and paragraphs[mid_end].start != starts0[last] + d):
            return None
        if mid_end - first > max(64, l1 // 4):
            return None
        entries = self._entries.setdefault(region, {})
        ids = st.ids
        by_id = {r.full_id: r for r in ids}
        records, starts, ends = [], [], []
        computed = 0
        checks = dict(st.checks)
        for k in range(first, last):  # the old lines in between: their counts go
            rec = rec0[k]
            if rec is not None:
                for rid, (_, count) in rec[1].items():
                    if count:
                        checks[rid] -= count
        mids: dict[str, list] = {}
        for k in range(first, mid_end):
            p = paragraphs[k]
            s, e = p.start, p.end
            starts.append(s)
            ends.append(e)
            if s == e:
                records.append(None)
                continue
            stop = e + ahead
            lo = s - behind if s > behind else 0
            key = (s == 0, text[lo:stop], s - lo, e - lo, stop >= n1)
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = self._compute(ctx, local, s, e, n1 if stop >= n1 else stop)
                computed += 1
            records.append((key, entry))
            for rid, (hits, count) in entry.items():
                if count:
                    checks[rid] += count
            if entry:
                for got in _build(entry, by_id, s, region):
                    mids.setdefault(got[0], []).append(got)
        cut_lo = starts0[first] if first < l0 else n0 + 1  # old findings before: kept as they are
        cut_hi = starts0[last] if last < l0 else n0 + 1    # old findings from here: moved by d
        lists = {}
        for rid, orders in st.lists.items():
            new_orders = _by_order(mids.get(rid, ()))
            for order, found in orders.items():
                i = bisect_left(found, cut_lo, key=_START)
                j = bisect_left(found, cut_hi, key=_START)
                # new objects for the moved ones: the report on screen holds the old ones, for
                # the text before the edit, and the window reads them while this runs
                if j < len(found) and d:
                    tail = moved(islice(found, j, None), d)
                else:
                    tail = found[j:]
                got = new_orders.get(order)
                new_orders[order] = found[:i] + (got or []) + tail
            lists[rid] = {k: new_orders[k] for k in sorted(new_orders) if new_orders[k]}
        starts = starts0[:first] + starts + (list(map(add, starts0[last:], repeat(d))) if d else starts0[last:])
        ends = ends0[:first] + ends + (list(map(add, ends0[last:], repeat(d))) if d else ends0[last:])
        records = rec0[:first] + records + rec0[last:]
        if len(entries) > 2 * len(records) + 1000:  # keys of lines long gone
            self._entries[region] = {rec[0]: rec[1] for rec in records if rec is not None}
        self._built.pop(region, None)  # (its lines moved: the full path makes them again)
        self._state[region] = _State(text, ids, st.switches, starts, ends, records, lists, checks)
        if last < l0:
            self.splices[region] = (old, d, cut_hi)
        self.stats = {"lines": l1, "computed": computed}
        return _output(local, lists, checks, n1)

    def _common_ends(self, old: str, text: str) -> tuple[int, int]:
        """(common_prefix, common_suffix) of two texts; the last pair is kept (asked twice
        per edit: for the lines, then for the findings)."""
        last = self._common
        if last[0] is old and last[1] is text:
            return last[2], last[3]
        a, c = common_ends(old, text)
        self._common = (old, text, a, c)
        return a, c

    def _compute(self, ctx, local, s, e, stop) -> dict:
        """One line's hits: rule id -> (hits, candidates), for the rules with either."""
        entry = {}
        text = ctx.text
        for rule, _ in local:
            # The line is searched up to `stop` so that lookaheads read past its end as in
            # a full scan; only matches starting in the line are its own.
            raw, candidates = rule.scan_range(ctx, s, e, stop)
            if not raw and not candidates:
                continue
            hits = []
            for order, hs, he, values in raw:
                f = rule.finding(ctx, text, hs, he, values)
                hits.append((order, hs - s, he - s, f.text, f.message, f.suggestion))
            entry[rule.full_id] = (tuple(hits), len(candidates))  # (tuples: left alone by the gc)
        return entry

    def _bulk(self, ctx, local, paragraphs, ahead) -> list[dict]:
        """_compute() for every paragraph (those with no text get nothing)."""
        text = ctx.text
        n = len(text)
        starts = [p.start for p in paragraphs]
        entries: list[dict] = [{} for _ in paragraphs]
        for rule, _ in local:
            rid = rule.full_id
            if not rule.whole_text_range:
                for i, p in enumerate(paragraphs):
                    if p.start < p.end:
                        got = self._compute(ctx, [(rule, None)], p.start, p.end, min(n, p.end + ahead))
                        if got:
                            entries[i][rid] = got[rid]
                continue
            # (order, start, end, text, message, suggestion) of each hit: a plain pattern
            # rule's made as run() makes them (whole_hits), any other's one by one
            whole = getattr(rule, "whole_hits", None)
            made = whole(ctx) if whole is not None else None
            candidates = ()
            if made is None:
                raw, candidates = rule.scan_range(ctx, 0, n, n)
                made = []
                for order, hs, he, values in raw:
                    f = rule.finding(ctx, text, hs, he, values)
                    made.append((order, hs, he, f.text, f.message, f.suggestion))
            lists: dict[int, list] = {}
            for order, hs, he, *said in made:
                i = bisect_right(starts, hs) - 1
                base = paragraphs[i].start
                lists.setdefault(i, [[], 0])[0].append((order, hs - base, he - base, *said))
            for c in candidates:
                lists.setdefault(bisect_right(starts, c) - 1, [[], 0])[1] += 1
            for i, (hits, count) in lists.items():
                entries[i][rid] = (tuple(hits), count)
        return entries


def _lines_are_paragraphs(text: str, paragraphs, known: tuple | None = None, common=None) -> bool:
    """The paragraphs are the text's lines: back to back, one "\n" between two.  (C loops:
    this is asked on every edit, and a 1M draft has ~14,000 lines.)  ``known``: (a text,
    the starts and ends of its lines), from an earlier call: then only the lines between
    where the two texts start and end to differ are looked at (_lines_after); ``common``:
    (old, new) -> their common prefix and suffix (LineCache._common_ends)."""
    if not paragraphs or paragraphs[0].start != 0 or paragraphs[-1].end != len(text):
        return False
    if text.count("\n") != len(paragraphs) - 1:
        return False
    starts, ends = bounds(paragraphs)  # (shared with the paragraph checks' Layout)
    got = _lines_after(text, starts, ends, known, common) if known is not None else None
    if got is None:
        got = _are_lines(text, starts, ends)
    if got:  # (then Layout.are_lines, which asks less, holds too)
        lines_verdict(text, starts, True)
    return got


def _lines_after(text: str, starts: list, ends: list, known: tuple, common=None) -> bool | None:
    """_are_lines(text, starts, ends) for a text with as many lines as ``starts`` (its "\n"
    counted), from ``known`` = (old, starts0, ends0), the lines of another text ``old``.  The
    old lines that end before the texts first differ are the new text's first lines (the
    same "\n" closes each); those whose "\n" before them lies in the texts' common end
    are its last lines, moved by the change in length; the lines between are split again.
    The paragraphs are the lines when they are those.  None: not worked out here."""
    old, starts0, ends0 = known
    n0, n1 = len(old), len(text)
    a, c = (common or common_ends)(old, text)
    d = n1 - n0
    l0, l1 = len(starts0), len(starts)
    if not l0 or starts0[0] != 0 or ends0[-1] != n0:
        return None
    f = bisect_left(ends0, a)                       # old lines 0..f-1 end before position a
    g = max(f, bisect_left(starts0, n0 - c + 1))    # old lines g..: "\n" before each at or after n0 - c
    m = l1 - (l0 - g)                               # the new lines m.. are the old lines g.. moved
    if m < f or (g < l0 and g == 0):
        return None
    if starts[:f] != starts0[:f] or ends[:f] != ends0[:f]:
        return False
    lo = ends0[f - 1] + 1 if f else 0
    hi = starts0[g] + d - 1 if g < l0 else n1
    pieces = text[lo:hi].split("\n")
    if len(pieces) != m - f:
        return None
    pos = lo
    for k, piece in enumerate(pieces, f):
        if starts[k] != pos:
            return False
        pos += len(piece)
        if ends[k] != pos:
            return False
        pos += 1
    if g < l0 and (list(islice(starts, m, None)) != list(map(add, islice(starts0, g, None), repeat(d)))
                   or list(islice(ends, m, None)) != list(map(add, islice(ends0, g, None), repeat(d)))):
        return False
    return True


def _are_lines(text: str, starts: list, ends: list) -> bool:
    if any(map(gt, starts, ends)):
        return False
    # each line starts one after the end of the one before, and a "\n" stands there
    if list(islice(starts, 1, None)) != list(map(add, ends, repeat(1, len(ends) - 1))):
        return False
    return len(ends) == 1 or set(map(text.__getitem__, islice(ends, 0, len(ends) - 1))) == {"\n"}


def _build(hits_by_rule: dict, rules: dict, base: int, region: str) -> list:
    """A line's Findings: (rule id, pattern (order), its hits in the line) for each."""
    out = []
    for rid, (hits, _) in hits_by_rule.items():
        if not hits:
            continue
        rule = rules[rid]
        cat, sev = rule.category, rule.severity
        orders: dict[int, list] = {}
        for order, rs, re_, text, message, suggestion in hits:
            got = orders.get(order)
            if got is None:
                got = orders[order] = []
            got.append(Finding(rid, cat, sev, base + rs, base + re_, text, message, suggestion, region))
        out.extend((rid, order, found) for order, found in orders.items())
    return out


def _by_order(per_line) -> dict[int, list]:
    """(rule id, order, findings) of lines in their order -> order -> findings, by position."""
    by_order: dict[int, list] = {}
    for _, order, found in per_line:
        got = by_order.get(order)
        if got is None:
            by_order[order] = list(found)
        else:
            got.extend(found)
    return by_order


def _output(local, lists: dict, checks: dict, n: int) -> dict[str, list[Finding]]:
    """rule id -> its findings in the order rule.scan() yields them (by pattern, then by
    position), for the rules that stayed within the candidate and hit budgets."""
    out: dict[str, list[Finding]] = {}
    most = max_checks(n)
    for rule, _ in local:
        rid = rule.full_id
        if checks[rid] > most:
            continue  # over the candidate budget: the full scan stops early, run it
        orders = lists.get(rid, {})
        if len(orders) == 1:
            found = next(iter(orders.values()))
        else:
            found = list(chain.from_iterable([orders[k] for k in sorted(orders)]))  # (joined in C)
        if len(found) > most:
            continue  # Rule.run() keeps the first `most`: run it
        out[rid] = found
    return out


_START = attrgetter("start")
_END = attrgetter("end")
class _State:
    """One region's previous findings() call, for _splice()."""

    __slots__ = ("text", "ids", "switches", "starts", "ends", "records", "lists", "checks")

    def __init__(self, text, ids, switches, starts, ends, records, lists, checks):
        self.text, self.ids, self.switches = text, ids, switches
        self.starts, self.ends, self.records = starts, ends, records  # per line
        self.lists = lists    # rule id -> order -> its findings, by position
        self.checks = checks  # rule id -> candidates counted against max_checks()


class IncrementalReviewer:
    """``review(document)`` == ``engine.review(document, ruleset, options)``, re-running the
    line-local rules only on lines that changed since the previous call."""

    def __init__(self, ruleset, options: ReviewOptions | None = None):
        self.ruleset = ruleset
        self.options = options or ReviewOptions()
        self.lines = LineCache()
        self._prev = None  # (the body's text, its findings list, the engine's trace) of the previous report

    def set_options(self, options: ReviewOptions) -> None:
        self.options = options
        self.lines.clear()
        self._prev = None

    def review(self, document: Document) -> Report:
        """The report; with ``moved_tail`` set (Report.moved_tail) when the findings after
        the edit since the previous call are the previous ones moved (see moved_tail)."""
        prev, self._prev = self._prev, None
        lines = self.lines
        lines.seen.clear()
        lines.splices.clear()
        lines.trace = {}
        try:
            report = review(document, self.ruleset, self.options, lines=lines)
        finally:
            trace, lines.trace = lines.trace, None
        text, body = lines.seen.get("body"), trace.get("body")
        if text is None or body is None or [r.name for r in document.regions] != ["body"]:
            return report  # (a draft in traditional characters, with other regions …: none)
        self._prev = (text, report.findings, body)
        splice = lines.splices.get("body")
        if prev is not None and splice is not None and splice[0] is prev[0]:
            report.moved_tail = moved_tail(prev[1], prev[2], report.findings, body, splice[1], splice[2])
        return report


FRESH_SHARE = 0.125  # see moved_tail
_FIELDS = attrgetter("rule", "category", "severity", "text", "message", "suggestion", "region", "section")


def moved_tail(old: list, old_trace: dict, new: list, trace: dict, d: int, x0: int) -> tuple | None:
    """``(old, k_old, new, k_new, d)`` (Report.moved_tail): the findings from position ``x0
    + d`` on, ``new[k_new:]``, are exactly ``old[k_old:]``, those of the previous report from
    ``x0`` on, moved by ``d``; None when that is not shown.

    Proven from how review() builds its list, not by reading the ~35,000 findings of a 1M
    draft that moved (what the window saves).  Write X for x0 + d, the tail for what starts
    at or after X (x0 in the old report), and hold both reports to each of these:

    * The line-local rules served from the line cache in both calls: LineCache._splice gave
      each of them the old list's tail moved by d (the lines from x0 on are the old lines
      moved).  A rule run in full that built its findings from some k on as moved copies of
      its previous list's (engine.Context.moved: the duplicate checks, rules/outline_kinds.py)
      has, of those, the old ones of the tail moved, and the findings it kept before the edit
      are before X in both; its findings between, and those of the other rules run in full
      and of the structure checks, are compared: their tails, field by field (C passes).
    * _tidy decides a finding of the tail from the tail alone: no junk span starts before X
      and ends at or after it, no run of overlapping findings has its first finding before X
      and another at or after it, no blank_figure finding of the tail was dropped after a
      placeholder that starts before X, nor any finding of the tail dropped for a finding
      before X it yielded to (engine._yield) -- in either call; and the same rules were found
      short of support (_short) in both.
    * Then the tails are the same findings in the same order before the final sort (by
      category, then as _tidy leaves them, then structure), and the sort -- by start, stable,
      then the ties by Finding.sort_key, stable -- puts them after everything before X in
      the same order.

    The comparing costs about what it saves the window when the whole-draft checks made a
    large share of the findings that are not such moved copies: then (more than FRESH_SHARE
    of them) nothing is looked at and there is no tail."""
    x = x0 + d
    if trace["short"] != old_trace["short"] or not new or not old or new[-1].region != "body" \
            or old[-1].region != "body":   # (a finding of another region sorts last: none)
        return None
    cached, old_cached = trace["cached"], old_trace["cached"]
    made, old_made = trace["made"], old_trace["made"]
    if cached.keys() | made.keys() != old_cached.keys() | old_made.keys():
        return None
    pairs, proven = [], []
    fresh = len(trace.get("structure", ()))
    proofs = trace.get("moved", {})
    for r in made.keys() | old_made.keys():
        now, was = made[r] if r in made else cached[r], old_made[r] if r in old_made else old_cached[r]
        proof = proofs.get(r)
        if proof is not None and proof[0] is was and proof[2] is now and proof[4] == d:
            proven.append((now, was, proof[3], proof[1], proof[5]))
        else:
            pairs.append((now, was))
            fresh += len(now)
    if fresh > FRESH_SHARE * len(new):
        return None
    for tr, y in ((trace, x), (old_trace, x0)):
        (js, je), (firsts, lasts) = tr["junk"], tr["runs"]
        i = bisect_left(js, y)   # (merged: disjoint, in order) the last span starting before y ends last
        if i and je[i - 1] >= y:
            return None
        # a run reaches across y when it starts before y and its last finding does not: of
        # the runs starting before y (first <= last for each), not all end before it
        # (thousands of runs on a long draft: counted by bisecting them sorted)
        if firsts and bisect_left(sorted(firsts), y) != bisect_left(sorted(lasts), y):
            return None
        # (a finding of the tail dropped for one before X it yielded to: engine._yield)
        if any(s >= y > c for s, c in tr.get("yielded", ())):
            return None
        dropped = {s for s in tr["units"] if s >= y}
        if dropped and any(f.start < y for f in tr["placeholders"] if f.end in dropped):
            return None
    pairs.append((trace.get("structure", ()), old_trace.get("structure", ())))
    for now, was in pairs:
        if not _same_tail(now, x, was, x0, d):
            return None
    # A rule that made its findings from k on as moved copies of its previous list's from j
    # on (engine.Context.moved): of those, the ones at or after X are the old ones at or after
    # x0 moved, in the same order; its first h, its previous first h, lie before the edit (so
    # before X, and x0); the ones between are compared as any rule's.
    for now, was, k, j, h in proven:
        if not (h <= k and h <= j and _same_tail(now[h:k], x, was[h:j], x0, d)):
            return None
    k_new, k_old = bisect_left(new, x, key=_START), bisect_left(old, x0, key=_START)
    if k_new == len(new) or len(new) - k_new != len(old) - k_old:
        return None
    return (old, k_old, new, k_new, d)


def _same_tail(now: list, x: int, was: list, x0: int, d: int) -> bool:
    """The findings of ``now`` that start at or after ``x``, in order, are those of ``was``
    from ``x0`` on moved by ``d`` (C passes).  (A rule's list is never changed once returned,
    as a finding is never changed once made; the same list again is not taken as proof.)"""
    if not now and not was:
        return True
    if now is was:
        return False
    sa, sb = list(map(_START, now)), list(map(_START, was))
    ka, kb = list(map(x.__le__, sa)), list(map(x0.__le__, sb))
    a, b = list(compress(now, ka)), list(compress(was, kb))
    if len(a) != len(b):
        return False
    if not a:
        return True
    return (list(map(sub, compress(sa, ka), compress(sb, kb))).count(d) == len(a)
            and list(map(sub, map(_END, a), map(_END, b))).count(d) == len(a)
            and list(map(_FIELDS, a)) == list(map(_FIELDS, b)))
