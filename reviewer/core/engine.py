"""review(document, ruleset, options) -> Report.  Pure: no settings, no I/O."""
from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from bisect import bisect_left, bisect_right
from itertools import islice
from operator import attrgetter

from .document import Document, Paragraph, common_ends
from .findings import SEVERITY_RANK, Finding, Report, sort_ties
from .rules.budget import run_with_budget
from .segment import Segmenter
from .spans import merge_spans, merged_list


@dataclass(frozen=True)
class ReviewOptions:
    genre: str | None = None                      # None: detect from the title
    disabled_rules: frozenset = frozenset()       # full ids, e.g. "placeholder.xx"
    disabled_categories: frozenset = frozenset()
    structure: bool = True                        # missing parts (needs genre profiles)
    references: tuple = ()                        # reference Documents (structure comparison)
    profiles: dict | None = None                  # genre id -> profile; None: the shipped ones
    without_jieba: bool = False                   # a quick first pass: skip rules that need word boundaries
    simplified_view: bool = True                  # rules see a traditional (繁體) draft as simplified
    draft_date: str | None = None                 # the draft's date (2024, 2024-03-01) for stale references; None: inferred
    locality: str | None = None                   # the speaker's own region (浙江省乐清市) for another place's names
    file_dates: tuple = ()                        # the file's own (("created", "2019-…"), …), set by review() from Document.meta


class Context:
    """What a rule sees: one region's text and paragraphs, plus shared lazy helpers.

    ``text`` is what rules match; for a draft in traditional characters it is the
    simplified view (same length, traditional.py), for one with Kangxi radicals or
    compatibility ideographs (⼯作) the view with common characters in their place, and
    ``source`` the original, from which a finding's text is taken.  Otherwise both are the
    same string."""

    def __init__(self, region: str, text: str, paragraphs: list[Paragraph], source: str | None = None):
        self.region = region
        self.text = text
        self.source = text if source is None else source
        self.traditional = False  # the view is a traditional draft's simplified one (review_region)
        self.paragraphs = paragraphs
        self.junk: list[tuple[int, int]] = []
        self.warnings: list[str] = []  # for the user: a rule of theirs stopped over its time budget
        self._seg: Segmenter | None = None
        self._cache: dict = {}
        self._memos: dict = {}  # key -> dict; an incremental re-check keeps them between calls
        # rule id -> (old, k_old, new, k_new, d, h): what rule.run() returned, ``new``, from
        # k_new on are the findings of the list it returned in the previous call, ``old``,
        # from k_old on, moved by d, and its first h are old's first h, the same objects, all
        # before the first character the edit changed (made so: the rule says it only when it
        # built its list so); for incremental.moved_tail
        self.moved: dict = {}

    def memo(self, key: str) -> dict:
        """A dict that outlives this review when the draft is re-checked while it is edited
        (incremental.IncrementalReviewer keeps one per region and key; a one-shot review
        gets a fresh one; emptied when options or rules change), so that an edit recomputes
        only what it touched.  Two ways are in use: values keyed by a paragraph's or a line's
        text (never by its position), or the previous call's text with its results, re-used
        after comparing the texts (kinds.spliced, structure/duplicates/splice.py: results
        before the edit kept, after it moved).  Either way the rule's result must equal a
        full review's (the random-edit tests), and a rule keeps only what the current call
        used, so the memo never outgrows the draft."""
        got = self._memos.get(key)
        if got is None:
            got = self._memos[key] = {}
        return got

    @property
    def seg(self) -> Segmenter:
        if self._seg is None:
            self._seg = Segmenter(self.text)
        return self._seg

    def markers(self):
        """Heading and item markers (一、 （一） 1. 一是 …), found once per review."""
        from .structure.numbering import find_markers

        return self.cached("markers", lambda: find_markers(self.text, self.paragraphs, self.junk))

    def cached(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


def _active(rule, options: ReviewOptions) -> bool:
    return (rule.enabled and rule.full_id not in options.disabled_rules
            and rule.category not in options.disabled_categories
            and not (options.without_jieba and rule.needs_jieba))


_START = attrgetter("start")
_END = attrgetter("end")
_REGION = attrgetter("region")


def _greedy_key(f: Finding):
    return f.category, -SEVERITY_RANK[f.severity], -(f.end - f.start), f.start, f.rule


def _tidy(findings, junk: list[tuple[int, int]], ordered: bool = True, bounds: dict | None = None,
          trace: dict | None = None, junk_of_findings: bool = False,
          over_junk: frozenset = frozenset()) -> list[Finding]:
    """Drop what hides inside website junk, and overlapping findings of one category.

    Within a category a finding overlapping a stronger one goes: the findings are taken
    strongest first (severity, then longer, then earlier) and each is kept unless it
    overlaps one kept before it.  Only findings that overlap decide each other, so the
    findings are cut into runs of overlapping ones (by category and start) and the order
    is applied within each run: most findings overlap nothing and are kept as they are.

    ``findings``: a list, or a dict category -> that category's findings (review_region
    collects them so).  They come back strongest first by category (``ordered``), or -- for
    review(), which sorts them itself -- by category and start.  ``bounds``: a dict that
    gets category -> (first, end), where that category's findings lie in the list.
    ``trace``: a dict that gets what lets a decision reach across a position (for an
    incremental re-check's moved tail, incremental.moved_tail): "junk", the merged junk
    spans (starts, ends); "runs", the starts of the first and of the last finding of every
    run of more than one finding (two lists); "units", the starts of the blank_figure
    findings dropped after a placeholder; "placeholders", the placeholder findings.
    ``junk_of_findings``: ``junk`` is the spans of the site_junk findings made (a review's
    Context.junk): then only the junk findings kept hide what lies in them.  ``over_junk``:
    the ids of rules whose findings junk does not hide (a rule's ``shown_over_junk``: the
    collection's title given again is junk and a repeat at once).

    A 1M-character draft has ~70,000 findings on every edit: each category is sorted on its
    own by start (an int key read in C; 33 → 21 ms at 1M against one sort on (category,
    start)).  Walking them once in Python was measured quicker than chains of C calls
    (bisecting junk for every finding, a running maximum of the ends): 21 against 48 ms."""
    if isinstance(findings, dict):
        groups = findings
    else:
        groups = {}
        for f in findings:
            got = groups.get(f.category)
            if got is None:
                groups[f.category] = [f]
            else:
                got.append(f)
    js, je = merged_list(junk) if isinstance(junk, list) else merge_spans(junk)
    # A unit right after a placeholder (××亿元, XX个) belongs to it: the slot is the
    # placeholder, not a stripped figure.  (Not after one that ends in a word of its own,
    # ××年 or ××镇: 年月， there is the month taken out.)
    # The ends of the placeholders that do not end in a Han character (asked only when there
    # are blank_figure findings; the test written inline: thousands of placeholders on a long
    # draft, on every edit).
    placeholder_ends = {f.end for f in groups.get("placeholder", ())
                        if not ((t := f.text) and "\u4e00" <= t[-1] <= "\u9fff")} if "blank_figure" in groups else ()
    firsts, lasts, dropped = [], [], []   # (for trace: a handful on a long draft)

    def tidy_one(cat: str, js, je) -> list[Finding]:
        """The category's findings kept: not inside junk, the strongest of each run."""
        out: list[Finding] = []
        append = out.append
        nj = len(js)
        in_junk, units = cat != "site_junk" and nj > 0, cat == "blank_figure" and placeholder_ends
        # the run: its first finding (``last``), and the list of all when it has more
        last, run = None, None
        reach, k = -1, 0
        # The junk spans are walked alongside: ``held_to``, the end of the last span starting
        # at or before the finding (-1: none), ``nxt``, the start of the next (a finding
        # starting after ``held_to`` ends after it: only one starting by then is asked its end)
        held_to, nxt = -1, js[0] if in_junk else _FAR
        # by start (stable: findings at one place keep their order)
        for f in sorted(groups[cat], key=_START):
            s = f.start
            if s >= nxt:
                while k < nj and js[k] <= s:
                    k += 1
                held_to = je[k - 1]
                nxt = js[k] if k < nj else _FAR
            if s <= held_to and f.end <= held_to and f.rule not in over_junk:  # that span holds f
                continue
            if units and s in placeholder_ends:
                dropped.append(s)
                continue
            # f may overlap a finding of the run only when one of them ends after f starts
            # (a run may hold some that overlap nothing: the order inside it decides the same)
            if s < reach:
                if run is None:
                    run = [last, f]
                else:
                    run.append(f)
                if f.end > reach:
                    reach = f.end
                continue
            if run is not None:
                firsts.append(run[0].start)
                lasts.append(run[-1].start)
                out.extend(_strongest(run))
                run = None
            elif last is not None:
                append(last)
            last = f
            reach = f.end
        if run is not None:
            firsts.append(run[0].start)
            lasts.append(run[-1].start)
            out.extend(_strongest(run))
        elif last is not None:
            append(last)
        return out

    # Website junk first: only the junk that is shown hides what lies in it.  A junk
    # finding that lost to an overlapping stronger one (a site's abstract to an anti-copy
    # character inside it), or a rule short of support, would else hide a typo the reader
    # never sees marked as junk.  (Most reviews keep every junk finding: the merged spans
    # of the whole list are used then.)
    kept_junk = tidy_one("site_junk", (), ()) if "site_junk" in groups else []
    if junk_of_findings and len(kept_junk) != len(junk):
        js, je = merge_spans([(f.start, f.end) for f in kept_junk])
    out: list[Finding] = []
    for cat in sorted(groups):
        first = len(out)
        out.extend(kept_junk if cat == "site_junk" else tidy_one(cat, js, je))
        if bounds is not None:
            bounds[cat] = (first, len(out))
    if trace is not None:
        trace.update(junk=(js, je), runs=(firsts, lasts), units=dropped, placeholders=groups.get("placeholder", ()))
    if ordered:
        out.sort(key=_greedy_key)  # (by category first: each keeps its place in the list)
    return out


def _strongest(findings: list[Finding]) -> list[Finding]:
    """Strongest first, each finding kept unless it overlaps one kept before it.

    ``findings``: a run of one category in order of start.  Most runs on a long draft are
    one finding holding the others (a repeated paragraph and its repeated sentences): when
    the first holds every other, none is stronger (severity, then length; a finding of the
    same span ranks by rule) and none is empty at its start, it comes first in the order
    and every other overlaps it -- it alone is kept, without the sort."""
    head = findings[0]
    hs, he = head.start, head.end
    rank = SEVERITY_RANK[head.severity]
    for g in islice(findings, 1, None):
        ge = g.end
        if ge > he or ge <= hs or g.start < hs:
            break
        r = SEVERITY_RANK[g.severity]
        if r > rank or (r == rank and ge - g.start == he - hs and g.rule < head.rule):
            break
    else:
        return [head]
    findings = sorted(findings, key=_greedy_key)
    if len(findings) <= 16:  # most runs: two or three findings at one place
        out, spans = [], []
        for f in findings:
            s, e = f.start, f.end
            for ks, ke in spans:
                if ks < e and ke > s:
                    break
            else:
                spans.append((s, e))
                out.append(f)
        return out
    # The kept spans are listed in the buckets of _BUCKET characters they cover, so a
    # finding is compared with the few kept spans near it (a run may be long: a line of
    # hundreds of thousands of findings).
    out: list[Finding] = []
    size = _BUCKET
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        s, e = f.start, f.end
        first, last = s // size, max(s, e - 1) // size
        if first == last:  # most findings: one bucket, looked at without a generator
            got = taken.get(first)
            if got is None:
                taken[first] = [(s, e)]
            else:
                for ks, ke in got:
                    if ks < e and ke > s:
                        break
                else:
                    got.append((s, e))
                    out.append(f)
                continue
            out.append(f)
            continue
        buckets = range(first, last + 1)
        if any(ks < e and ke > s for b in buckets for ks, ke in taken.get(b, ())):
            continue
        for b in buckets:
            got = taken.get(b)
            if got is None:
                taken[b] = [(s, e)]
            else:
                got.append((s, e))
        out.append(f)
    return out


_BUCKET = 256
_FAR = 1 << 62  # past any position


_TRADITIONAL = "engine.traditional"


def _simplified_view(text: str, memo: dict | None) -> str | None:
    """traditional.simplified_view(text).  While a draft is edited (``memo``: kept between
    calls) the counts it decides by are the previous call's, corrected by those of the
    stretch that changed: both count characters one by one, so the counts of the text
    before and after the edit stay (a million characters: ~10 ms less on every edit)."""
    from . import traditional as tr

    prev = memo.get("counts") if memo is not None else None
    if prev is None:
        n, han = tr.count_traditional(text), None
    else:
        old, n, han = prev
        a, c = common_ends(old, text)
        was, now = old[a:len(old) - c], text[a:len(text) - c]
        if was or now:
            n += tr.count_traditional(now) - tr.count_traditional(was)
            if han is not None:
                han += len(tr._HAN.findall(now)) - len(tr._HAN.findall(was))
    if n >= tr.MIN_CHARS:
        traditional = True
    elif n < tr.MIN_FEW:
        traditional = False
    else:  # (is_traditional: the share of the Han characters decides)
        if han is None:
            han = len(tr._HAN.findall(text))
        traditional = n >= tr.MIN_SHARE * han
    if memo is not None:
        memo["counts"] = (text, n, han)
    if not traditional:
        return None
    view = tr.to_simplified(text)
    assert len(view) == len(text)
    return view


def _compat_map(rules) -> dict:
    """The radical -> character map of the rules' compat-char rule (typo.garbled-radical)."""
    for rule in rules:
        got = getattr(rule, "map", None)
        if isinstance(got, dict) and getattr(rule, "kind", None) == "compat-char":
            return got
    return {}


def review_region(region: str, text: str, paragraphs, rules, options: ReviewOptions,
                  lines=None, ordered: bool = True) -> tuple[list[Finding], Context]:
    """``lines``: an incremental re-check's cache (incremental.LineCache), which gives the
    findings of line-local rules from the lines' earlier results.  ``ordered``: the
    findings by category, strongest first (False: in no promised order, for a caller
    that sorts them)."""
    view = traditional = None
    if options.simplified_view:
        view = traditional = _simplified_view(text, lines.memos(region).setdefault(_TRADITIONAL, {}) if lines is not None else None)
        from .traditional import compat_view

        view = compat_view(view or text, lambda: _compat_map(rules)) or view  # ⼯作 seen as 工作 (garbled-radical reads the source)
    ctx = Context(region, view or text, paragraphs, source=text)
    ctx.traditional = traditional is not None
    ctx.options = options  # rules that read the user's date or locality (rules/stale.py, rules/locality.py)
    if lines is not None:
        ctx._memos = lines.memos(region)
    active = [r for r in rules if _active(r, options)]
    # findings by rule id, exactly as rule.run(ctx) gives them; only for a plain draft
    cached = lines.findings(ctx, active) if lines is not None and view is None else {}
    # an incremental re-check's record of how the findings were made (incremental.moved_tail)
    trace = lines.trace.setdefault(region, {}) if lines is not None and lines.trace is not None else None
    made = {} if trace is not None else None   # rule id -> its findings, for the rules run here
    groups: dict[str, list[Finding]] = {}  # category -> findings, for _tidy
    for phase in sorted({r.phase for r in active}):
        for rule in active:
            if rule.phase != phase:
                continue
            got = cached.get(rule.full_id)
            if got is None and getattr(rule, "user", False):
                # a user's rule: stopped when over its time budget (rules/budget.py)
                got = run_with_budget(rule, ctx)
                if got is None:
                    continue
            elif got is None:
                got = rule.run(ctx)
            if made is not None and rule.full_id not in cached:
                made[rule.full_id] = got
            if rule.category == "site_junk":
                ctx.junk.extend(zip(map(_START, got), map(_END, got)))  # (C passes: thousands on a long draft)
            if got:
                into = groups.get(rule.category)
                if into is None:
                    groups[rule.category] = into = []
                into.extend(got)
    yielding = [r for r in active if getattr(r, "yields_to", None)]
    yielded: list = []
    if yielding:
        _yield(groups, yielding, yielded)
    # Support is counted after junk is dropped: a hole-like string inside junk supports nothing.
    bounds: dict = {}
    if trace is not None:
        trace.update(cached=cached, made=made, short=frozenset(), moved=ctx.moved, yielded=yielded)
    over_junk = frozenset(r.full_id for r in active if getattr(r, "shown_over_junk", False))
    tidy = _tidy(groups, ctx.junk, ordered, bounds, trace, junk_of_findings=True, over_junk=over_junk)
    short = _short(tidy, active, bounds)
    if not short or not any(f.rule in short for f in tidy):
        return tidy, ctx
    if trace is not None:
        trace["short"] = frozenset(short)
    # The findings of rules that lack support go -- and not what they displaced: a certain
    # finding of the same span that lost the tie to one of them (same severity and length:
    # the rule id decides) is kept.  So the findings are tidied again without them.  (The
    # certain findings can only grow then; the rules found short stay dropped.)
    groups = {cat: [f for f in got if f.rule not in short] for cat, got in groups.items()}
    return _tidy(groups, ctx.junk, ordered, None, trace, junk_of_findings=True, over_junk=over_junk), ctx


def _yield(groups: dict[str, list[Finding]], yielding, record: list | None = None) -> None:
    """Drop from ``groups`` each finding of a rule in ``yielding`` that overlaps a finding of
    a rule it yields to (a rule's ``yields_to``): placeholder.underline leaves the underscore
    that blank_figure.filtered-underline reads as a filtered word (推动_组织和工作).  Every drop
    is decided against the findings as the rules made them, so the order of the rules (or a
    chain of rules yielding to each other) changes nothing.  ``record`` gets each drop as (its
    start, the start of the earliest finding it yielded to), kept in an incremental re-check's
    trace: incremental.moved_tail shows no tail a drop reaches across."""
    spans_of = {}
    for rule in yielding:
        for other in rule.yields_to:
            if other not in spans_of:
                spans_of[other] = [(f.start, f.end) for f in groups.get(other.split(".", 1)[0], ()) if f.rule == other]
    drops = []  # (category, the ids of its findings to drop)
    for rule in yielding:
        mine = groups.get(rule.category)
        if not mine:
            continue
        spans = sorted(sp for other in rule.yields_to for sp in spans_of[other])
        if not spans:
            continue
        starts = [s for s, _ in spans]
        reach, top = [], -1  # reach[k]: the furthest end among spans[:k + 1] (never decreasing)
        for _, e in spans:
            top = max(top, e)
            reach.append(top)
        gone = set()
        for f in mine:
            if f.rule != rule.full_id:
                continue
            k = bisect_left(starts, f.end) - 1  # the spans starting before f ends
            if k >= 0 and reach[k] > f.start:
                gone.add(id(f))
                if record is not None:  # the first span that reaches past f's start overlaps it
                    record.append((f.start, starts[bisect_right(reach, f.start)]))
        if gone:
            drops.append((rule.category, gone))
    for cat, gone in drops:
        groups[cat] = [f for f in groups[cat] if id(f) not in gone]


def _supported(findings: list[Finding], rules, bounds: dict | None = None) -> list[Finding]:
    """Drop findings of min_support rules whose category lacks enough certain findings.
    ``bounds``: category -> (first, end), where its findings lie in the list (_tidy's)."""
    short = _short(findings, rules, bounds)
    return [f for f in findings if f.rule not in short] if short else findings


def _short(findings: list[Finding], rules, bounds: dict | None = None) -> set[str]:
    """The min_support rules whose category has fewer certain findings (of other rules) in
    ``findings`` than they ask.  ``bounds``: category -> (first, end), where its findings lie
    in the list (_tidy's)."""
    needs = {r.full_id: (r.category, r.min_support) for r in rules if r.min_support}
    if not needs:
        return set()
    # Certain findings are counted in the categories that need them, until each has as
    # many as its most demanding rule asks (on a long draft: after a few findings).
    want: dict[str, int] = {}
    for cat, k in needs.values():
        want[cat] = max(want.get(cat, 0), k)
    certain = dict.fromkeys(want, 0)
    left = len(want)
    if bounds is not None:  # each category counted in its own stretch of the list
        for cat, most in want.items():
            n = 0
            for i in range(*bounds.get(cat, (0, 0))):
                if findings[i].rule not in needs:
                    n += 1
                    if n == most:
                        break
            certain[cat] = n
            left -= n == most
        if not left:
            return set()
    else:
        for f in findings:
            cat = f.category
            if cat in want and f.rule not in needs:
                certain[cat] += 1
                if certain[cat] == want[cat]:
                    left -= 1
                    if not left:
                        return set()  # every category has its support
    return {rid for rid, (cat, k) in needs.items() if certain[cat] < k}


def _sort(findings: list[Finding], body: bool = False) -> None:
    """findings.sort(key=Finding.sort_key), the same order, quicker for a body's tens of
    thousands: by start (a key read in C), then the few at one start by the full key.
    ``body``: the caller knows every finding is the body's (not looked at again: a pass
    over tens of thousands of findings spread over memory, ~2 ms at 1M)."""
    if not body and set(map(_REGION, findings)) - {"body"}:
        findings.sort(key=Finding.sort_key)
        return
    findings.sort(key=_START)
    sort_ties(findings, Finding.sort_key, ordered=True)


def _restore_structure(result, view: str, source: str) -> None:
    """Structure analysis of a traditional draft ran on its simplified view: its findings
    and outline show the original characters."""
    from .traditional import restore_outline, restore_quotes

    for f in result.findings:
        f.text = source[f.start:f.end]
        f.message = restore_quotes(f.message, view, source)
    restore_outline(result.outline, view, source)


def review(document: Document, ruleset, options: ReviewOptions | None = None, *, lines=None) -> Report:
    """``lines`` is for incremental.IncrementalReviewer only: the same report, sooner."""
    with no_cycle_collection():
        return _review(document, ruleset, options, lines)


_reviews_running = 0  # reviews in progress (threads), while the cycle collector is off
_collector_was_on = False
_running_lock = threading.Lock()


@contextmanager
def no_cycle_collection():
    """A review makes tens of thousands of objects (a 1M draft: ~70,000 findings) and keeps
    them; each 700 new objects Python's cycle collector runs, and often over every object of
    the process (jieba's dictionary, the caches).  None of it is garbage: with the collector
    off while a review runs, an edit of a 1M draft takes ~425 → ~350 ms and a full review ~5%
    less.  Reference counting still frees everything at once; cycles wait for the next
    collection after the review.  Reviews in two threads: the last one out turns it back on."""
    global _reviews_running, _collector_was_on
    with _running_lock:
        if _reviews_running == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _reviews_running += 1
    try:
        yield
    finally:
        with _running_lock:
            _reviews_running -= 1
            if _reviews_running == 0 and _collector_was_on and not _holders:
                if not gc.get_freeze_count():
                    # What the review made (a 1M draft: ~250,000 objects, none of it in
                    # cycles) counts as new: the first allocation from here would walk it all
                    # (~25 ms at 1M, ~1.5 ms at 10k).  Moved to the oldest generation at
                    # once (freeze, then unfreeze: two list splices), it is walked only by
                    # the next full collection.  (Not when something is frozen: the window
                    # freezes what it loaded for good, gui/collector.py.)
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


_holders = 0  # callers that keep the collector off between reviews too (hold_collector)


def reviews_running() -> int:
    """How many reviews are running now (in any thread)."""
    return _reviews_running


def hold_collector(hold: bool) -> None:
    """For a caller that runs the cycle collector itself at times of its choosing (the
    window: in the user's pauses, gui/collector.py): ``True`` turns it off until as many
    ``False`` calls have come, and reviews ending meanwhile leave it off; the last ``False``
    turns it on again (at once, or when the reviews running then are over)."""
    global _holders, _collector_was_on
    with _running_lock:
        if hold:
            _holders += 1
            gc.disable()
        elif _holders:
            _holders -= 1
            if not _holders:
                if _reviews_running:
                    _collector_was_on = True
                else:
                    gc.enable()


def _unglossed_review(document, ruleset, options, lines, findings, genre, reason, outline):
    """glossed.py: adds to ``findings`` what the draft without its pinyin glosses shows;
    the genre, its reason, the outline and the structure checks' findings are that
    review's (unless it named no genre and this one did)."""
    from .glossed import added, gloss_spans, placed, placed_span, runs, unglossed
    from .rules.kinds import fill

    spans = gloss_spans(findings)
    got = unglossed(document, spans)
    if got is None:
        return genre, reason, outline
    stripped, origin = got
    sub = _review(Document.from_text(stripped, path=document.path), ruleset, options, None)
    text = document.regions[0].text
    # the parts and the genre as the draft without glosses has them (a glossed salutation,
    # 同志們(men)：, is none to the structure checks)
    take = sub.genre is not None or genre is None
    if take:
        findings[:] = [f for f in findings if not f.rule.startswith("structure.")]
    findings.extend(added(findings, [placed(f, origin, text) for f in sub.findings], take))
    for rule in ruleset:
        if rule.kind == "gloss-run" and _active(rule, options):
            findings.extend(runs(document, spans, stripped, origin, rule, fill))
    if lines is not None and lines.trace is not None:
        lines.trace.pop("body", None)  # (findings not made by this review's rules: no moved tail)
    if take:
        genre, reason = sub.genre, sub.genre_reason
        outline = []
        for o in sub.outline:
            s, e = placed_span(origin, o.start, o.end)
            outline.append(replace(o, start=s, end=e))
    return genre, reason, outline


def _review(document: Document, ruleset, options: ReviewOptions | None, lines) -> Report:
    options = options or ReviewOptions()
    t0 = time.perf_counter()
    if not options.file_dates and getattr(document, "meta", None):  # the .docx's dates: rules/stale.py's last fallback
        options = replace(options, file_dates=tuple(sorted(document.meta.items())))
    findings: list[Finding] = []
    warnings: list[str] = []
    body_ctx = None
    # a draft of one region, the body (every .txt): its rules' findings are all the body's
    body_only = all(region.name == "body" for region in document.regions)
    for region in document.regions:
        got, ctx = review_region(region.name, region.text, region.paragraphs, ruleset, options, lines, ordered=False)
        findings.extend(got)
        warnings.extend(ctx.warnings)
        if region.name == "body":
            body_ctx = ctx
    genre, reason, outline = None, "", []
    if options.structure:
        from .rules.structure_kind import structure_findings
        from .structure import analyse_structure

        result = analyse_structure(document, body_ctx, options)
        result.findings = structure_findings(result.findings, ruleset, options)  # rules/structure/*.yaml
        if body_ctx is not None and body_ctx.source is not body_ctx.text:
            _restore_structure(result, body_ctx.text, body_ctx.source)
        genre, reason, outline = result.genre, result.reason, result.outline
        kept = [f for f in result.findings if "structure" not in options.disabled_categories
                and f.category not in options.disabled_categories
                and f.rule not in options.disabled_rules]
        body_only = body_only and all(f.region == "body" for f in kept)
        findings.extend(kept)
        if lines is not None and lines.trace is not None and "body" in lines.trace:
            lines.trace["body"]["structure"] = kept
    if body_ctx is not None and body_ctx.traditional:
        # a draft in traditional characters (a simplified view): the ones whose page glossed
        # its characters with pinyin are reviewed again without the glosses (glossed.py)
        genre, reason, outline = _unglossed_review(document, ruleset, options, lines, findings, genre, reason,
                                                   outline)
    _sort(findings, body_only)
    # What the rules worked out on first use (prefilters, rewritten patterns, tries) is
    # kept for the next run too; nothing is written when nothing is new (core/cache.py).
    from .cache import save as save_cache

    # (after the window's quick first pass, what its few rules looked up is no sign of what
    # is stale: the full review that follows may prune)
    save_cache(prune=not options.without_jieba)
    return Report(document.path, genre, findings, genre_reason=reason,
                  seconds=time.perf_counter() - t0, outline=outline, warnings=warnings)
