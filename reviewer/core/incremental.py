"""Re-checking a draft while it is edited: the same report as a full review, sooner.

``IncrementalReviewer(ruleset, options).review(document)`` returns exactly what
``engine.review(document, ruleset, options)`` returns.  Between two calls most lines of
a draft are unchanged, and most rules (the patterns, word lists, blanks, the 的/地/得
checks and the line junk rules) are *line-local*: what they find in a line depends on
that line's text and a few characters around it (``Rule.line_reach()``, proven from
each pattern, see ``rules/kinds.line_reach``).  Their hits are kept per line, keyed by
the line's text and those neighbouring characters, so an edit runs them on the lines
it touched only.

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
"""
from __future__ import annotations

from bisect import bisect_right

from .cache import save as save_cache
from .document import Document
from .engine import ReviewOptions, review
from .findings import Finding, Report
from .rules.kinds import max_checks


class LineCache:
    """Hits of the line-local rules, per line (see the module's docstring)."""

    def __init__(self):
        self._entries: dict[str, dict] = {}  # region -> line key -> (rules, hits)
        self._reach: dict = {}  # rule -> its line_reach()
        self._ids: tuple = ()
        self._switches: dict[str, tuple] = {}  # region -> the rules' line_switch() values
        self.stats = {"lines": 0, "computed": 0}

    def clear(self) -> None:
        self._entries.clear()
        self._switches.clear()

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
        if "\r" in text or not _lines_are_paragraphs(text, paragraphs):
            return {}
        fresh = len(self._reach)
        local = [(r, self._rule_reach(r)) for r in rules]
        local = [(r, reach) for r, reach in local if reach is not None]
        if len(self._reach) != fresh:
            save_cache()  # the patterns' reach, worked out once (core/cache.py)
        if not local:
            return {}
        behind = max(b for _, (b, _) in local)
        ahead = max(a for _, (_, a) in local) + 2
        n = len(text)
        region = ctx.region
        ids = tuple(r for r, _ in local)  # the rules (objects) an entry was computed for
        if ids == self._ids:
            ids = self._ids  # the same tuple: entries are checked with `is`
        self._ids = ids
        old, new = self._entries.get(region, {}), {}
        # A rule whose line hits also depend on one value of the whole draft (the draft's
        # year: rules/stale.py) says so by line_switch(ctx); when it changes, no line is kept.
        switches = tuple(r.line_switch(ctx) if hasattr(r, "line_switch") else None for r in ids)
        if self._switches.get(region) != switches:
            old = {}
        self._switches[region] = switches
        per_rule: dict[str, list] = {r.full_id: [] for r in ids}
        checks = dict.fromkeys(per_rule, 0)
        keys = []
        missing = 0
        for p in paragraphs:
            s, e = p.start, p.end
            if s == e:
                keys.append(None)
                continue
            stop = e + ahead
            key = (region, s == 0, text[s - behind if s > behind else 0:s], text[s:e],
                   text[e:stop], stop >= n)
            keys.append(key)
            entry = old.get(key)
            if entry is None or entry[0] is not ids:
                missing += 1
        # Most lines new (the first review, a paste): each pattern searches the whole text
        # once and its hits are shared out to the lines -- the same hits (line-local).
        bulk = self._bulk(ctx, local, paragraphs, ahead) if missing > 8 and missing * 4 > len(paragraphs) else None
        computed = 0
        for i, (p, key) in enumerate(zip(paragraphs, keys)):
            if key is None:
                continue
            s, e = p.start, p.end
            entry = old.get(key)
            if entry is None or entry[0] is not ids:
                if bulk is not None:
                    entry = (ids, bulk[i])
                else:
                    stop = e + ahead
                    entry = (ids, self._compute(ctx, local, s, e, n if stop >= n else stop))
                computed += 1
            new[key] = entry
            for rid, (hits, count) in entry[1].items():  # only the rules with hits or candidates
                if hits:
                    per_rule[rid].append((s, hits))
                if count:
                    checks[rid] += count
        self._entries[region] = new
        self.stats = {"lines": len(paragraphs), "computed": computed}
        out: dict[str, list[Finding]] = {}
        most = max_checks(n)
        for rule, _ in local:
            rid = rule.full_id
            if checks[rid] > most:
                continue  # over the candidate budget: the full scan stops early, run it
            found = _assemble(rule, per_rule[rid], region)
            if len(found) > most:
                continue  # Rule.run() keeps the first `most`: run it
            out[rid] = found
        return out

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
            entry[rule.full_id] = (hits, len(candidates))
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
            raw, candidates = rule.scan_range(ctx, 0, n, n)
            lists: dict[int, list] = {}
            for order, hs, he, values in raw:
                i = bisect_right(starts, hs) - 1
                f = rule.finding(ctx, text, hs, he, values)
                base = paragraphs[i].start
                lists.setdefault(i, [[], 0])[0].append((order, hs - base, he - base, f.text, f.message, f.suggestion))
            for c in candidates:
                lists.setdefault(bisect_right(starts, c) - 1, [[], 0])[1] += 1
            for i, (hits, count) in lists.items():
                entries[i][rid] = (hits, count)
        return entries


def _lines_are_paragraphs(text: str, paragraphs) -> bool:
    """The paragraphs are the text's lines: back to back, one "\\n" between two."""
    if not paragraphs or paragraphs[0].start != 0 or paragraphs[-1].end != len(text):
        return False
    if text.count("\n") != len(paragraphs) - 1:
        return False
    prev = None
    for p in paragraphs:
        if prev is not None and (p.start != prev + 1 or text[prev] != "\n"):
            return False
        if p.end < p.start:
            return False
        prev = p.end
    return True


def _assemble(rule, per_line, region) -> list[Finding]:
    """The hits in the order rule.scan() yields them: by pattern, then by position."""
    rid, cat, sev = rule.full_id, rule.category, rule.severity
    by_order: dict[int, list] = {}
    for base, hits in per_line:
        for order, rs, re_, text, message, suggestion in hits:
            got = by_order.get(order)
            if got is None:
                got = by_order[order] = []
            got.append(Finding(rid, cat, sev, base + rs, base + re_, text, message, suggestion, region))
    if len(by_order) == 1:
        return next(iter(by_order.values()))
    return [f for k in sorted(by_order) for f in by_order[k]]


class IncrementalReviewer:
    """``review(document)`` == ``engine.review(document, ruleset, options)``, re-running the
    line-local rules only on lines that changed since the previous call."""

    def __init__(self, ruleset, options: ReviewOptions | None = None):
        self.ruleset = ruleset
        self.options = options or ReviewOptions()
        self.lines = LineCache()

    def set_options(self, options: ReviewOptions) -> None:
        self.options = options
        self.lines.clear()

    def review(self, document: Document) -> Report:
        return review(document, self.ruleset, self.options, lines=self.lines)
