"""Heading and item numbers: find the markers, then check each sequence.

Levels of headings (at the start of a paragraph): 一、 > （一） > 1. > （1） > 1).
Enumerations: 一是…二是…, 第一，第二，… and inline 1. 2. after a full stop.
Besides the sequence: the items of one list written in two formats (1) 2) 3)、), a
list announced with 如下： whose items lost their numbers and labels, and a marker written
twice in a row (二、二、).
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from ..duplicates.paragraph_text import _strip, merged
from ..duplicates.splice import layout, unchanged
from .markers import ENUMERATIONS, HEADING_RES, LEVEL_LABEL, WORDED, Marker, cn_to_int, find_markers, int_to_cn
from ...cache import compile as compile_cached  # compiled programs kept between runs (start-up)

# An announced count: 讲四点意见： / 从五个方面 … ： / 主要为四个方面的成效。  The number and
# its measure word are searched first (cheap); the verb before it is checked after.
COUNT_RE = compile_cached(r"(?P<n>[两二三四五六七八九十])(?:点|个方面|方面|条|个问题|项)[^。：:\n，,；]{0,10}?[：:。]")
COUNT_VERB_RE = compile_cached(
    r"(?:讲|谈|提|强调|汇报|交流|说|从|抓好|做好|突出|把握|注重|围绕|主要有|主要为|主要是|体现在|包括|归纳为|概括为|有以下|以下)"
    r"[^。：:\n，,；]{0,6}$")

_START = attrgetter("start")
_LEVELS = {f"h{level}": level for level in range(1, 6)}


@dataclass
class Event:
    check: str
    start: int
    end: int
    values: dict = field(default_factory=dict)


def analyse(text: str, paragraphs, junk=(), markers=None, memo: dict | None = None,
            splice=None) -> list[Event]:
    """``memo``: Context.memo for _by_line(), _doubled_spliced() and the plans below.
    ``splice``: find_markers()'s account of how ``markers`` came from its previous call
    (markers.Splice), or None."""
    if markers is None:
        markers = find_markers(text, paragraphs, junk)
    counts, announced = _by_line(text, paragraphs, junk, memo)
    plans = _plans(markers, memo, splice)
    js, je = merged(junk) if junk else ((), ())
    events: list[Event] = []
    for plan in plans:
        _carry_out(plan, text, markers, js, je, events)
    events += _counts(text, markers, junk, counts)
    events += _lost(text, paragraphs, junk, announced, memo)
    events += _doubled(text, junk, paragraphs, memo)
    return events


def _plans(markers: list[Marker], memo: dict | None, splice) -> tuple:
    """The plans of _headings_plan(), _formats_plan() and _enumerations_plan() (in order).  They
    depend on the markers' kinds, numbers, written forms, paragraphs and order alone (the
    text and junk only through the probes in them, carried out on every call): while a
    draft is edited, an edit that leaves every marker as it was (the same kind, number,
    form, paragraph and place in the list; most typing) keeps the previous call's plans,
    and only their few probes are carried out again.  (A million characters: ~5,000
    markers walked three times, ~5 ms an edit.)"""
    if memo is not None:
        prev = memo.get("plans")
        if prev is not None and splice is not None and _same_markers(prev[0], markers, splice):
            memo["plans"] = (markers, prev[1])
            return prev[1]
    index = {id(m): i for i, m in enumerate(markers)}
    plans = (_headings_plan(markers, index), _formats_plan(markers, index), _enumerations_plan(markers, index))
    if memo is not None:
        memo["plans"] = (markers, plans)
    return plans


def _same_markers(old: list, new: list, splice) -> bool:
    """The markers ``new`` are ``old`` one for one: find_markers() made ``new`` from ``old``
    (its previous call) keeping the markers before the edit and moving those after it, and
    the few it found again in between are the old ones there (kind, number, form,
    whether first in the paragraph, paragraph), no paragraph added or taken away."""
    if splice.old is not old or splice.new is not new or splice.lines or len(old) != len(new):
        return False
    k0, k1 = splice.k0, splice.k1
    return all(a.kind == b.kind and a.n == b.n and a.raw == b.raw and a.at_start == b.at_start and a.para == b.para
               for a, b in zip(splice.old_mid, new[k0:k1]))


def _carry_out(plan: list, text: str, markers: list, js, je, events: list) -> None:
    """A plan's steps, in order: (check, i, values) an event at marker i; (probe, i, j, k) a
    probe of the text at markers i (and j, k: -1 when none), which adds what it finds."""
    for step in plan:
        if isinstance(step[0], str):
            m = markers[step[1]]
            events.append(Event(step[0], m.start, m.end, dict(step[2])))
        else:
            probe, i, j, k = step
            probe(text, markers, js, je, events, i, j, k)


# A marker written twice in a row (二、二、基础设施, （三）（三）): a number typed again.  Each
# pattern starts with the marker's last character, a literal the search skips to quickly;
# the copy before it is compared after.
_DOUBLED = (compile_cached(r"、[ \t\u3000]*(?=([一二三四五六七八九十]{1,3}|\d{1,2})、)"),
            compile_cached(r"）[ \t\u3000]*(?=（([一二三四五六七八九十\d]{1,2})）)"),
            compile_cached(r"\)[ \t\u3000]*(?=\(([一二三四五六七八九十\d]{1,2})\))"))
_NUMERALS = frozenset("零〇一二三四五六七八九十百千0123456789０１２３４５６７８９")


def _doubled(text: str, junk, paragraphs=None, memo: dict | None = None) -> list[Event]:
    """``memo``: Context.memo, for _doubled_spliced()."""
    events = []
    js, je = merged(junk) if junk else ((), ())
    hits = _doubled_spliced(text, paragraphs, junk, memo) if paragraphs is not None else None
    if hits is None:
        hits = _doubled_hits(text, 0, len(text))
    for first, end, marker in hits:
        k = bisect_right(js, first) - 1
        if k >= 0 and je[k] >= end:
            continue  # inside website junk
        events.append(Event("doubled", first, end, {"current": marker}))
    # (no two hits share a start: a marker opens with a numeral, "（" or "(", and holds no
    # closer of its own -- so the order is the same however the hits were gathered)
    events.sort(key=_START)
    return events


def _doubled_hits(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, the marker) of each marker written twice in text[lo:hi], by pattern then
    by position.  None crosses a line break (no pattern matches one, and the copy before the
    closer is compared with the marker, which holds none; the character before the copy is a
    line break at a line's start): searched in a stretch of whole lines or in the whole text,
    the stretch's hits are the same."""
    out = []
    for rx, opener in zip(_DOUBLED, (0, 1, 1)):
        for m in rx.finditer(text, lo, hi):
            again = m.end()
            marker = text[again:again + len(m.group(1)) + 1 + opener]
            first = m.start() + 1 - len(marker)
            if first < lo or text[first:m.start() + 1] != marker or first > lo and text[first - 1] in _NUMERALS:
                continue
            out.append((first, again + len(marker), marker))
    return out


_FIRST = itemgetter(0)


def _doubled_spliced(text, paragraphs, junk, memo: dict | None) -> list | None:
    """_doubled_hits() of the whole text, by start, when the paragraphs are the text's lines:
    kept in ``memo`` for the next call, whose hits in the lines before the edit are these,
    those in the lines after it these moved, and only the lines between are searched
    (duplicates/splice.py).  None otherwise."""
    if memo is None:
        return None
    now = layout(text, paragraphs, junk)
    if not now.are_lines():
        return None
    prev = memo.get("doubled")
    kept = unchanged(prev[0], now) if prev is not None else None
    if kept is None:
        hits = sorted(_doubled_hits(text, 0, len(text)), key=_FIRST)
    else:
        first, last, mid_end, d = kept
        old, starts, starts0 = prev[1], now.starts, prev[0].starts
        # (the lines before ``first`` are the old ones: their hits are the old hits before the
        # old line ``first``)
        i = bisect_left(old, starts0[first], key=_FIRST) if first < len(starts0) else len(old)
        j = bisect_left(old, starts0[last], key=_FIRST) if last < len(starts0) else len(old)
        mid = sorted(_doubled_hits(text, starts[first], now.ends[mid_end - 1]), key=_FIRST) if mid_end > first else []
        tail = [(s + d, e + d, marker) for s, e, marker in old[j:]] if d else old[j:]
        hits = old[:i] + mid + tail
    memo["doubled"] = (now, hits)
    return hits


def _line_hits(line: str) -> tuple[tuple, bool] | None:
    """A line's announced counts (start, end, the number) and whether it announces a list;
    None when neither."""
    counts = tuple((m.start(), m.end(), m.group("n")) for m in COUNT_RE.finditer(line)
                   if COUNT_VERB_RE.search(line, max(0, m.start() - 10), m.start()))
    announces = _ANNOUNCE_ANYWHERE.search(line) is not None
    return (counts, announces) if counts or announces else None


def _text_hits(text, starts) -> list:
    """_line_hits() of every line (starting at ``starts``), from one search of the whole
    text: quicker than line by line when most lines are new.  A line may also be said to
    announce a list where an announcement runs over its end (如下\n：); _lost() looks at
    each such line again and finds none there."""
    found: list = [None] * len(starts)
    for m in COUNT_RE.finditer(text):
        if COUNT_VERB_RE.search(text, max(0, m.start() - 10), m.start()):
            k = bisect_right(starts, m.start()) - 1
            counts, announces = found[k] or ((), False)
            found[k] = (counts + ((m.start() - starts[k], m.end() - starts[k], m.group("n")),), announces)
    for m in _ANNOUNCE_ANYWHERE.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        found[k] = ((found[k] or ((), False))[0], True)
    return found


def _by_line(text, paragraphs, junk, memo: dict | None) -> tuple[list | None, list | None]:
    """The announced counts (start, end, the number) and the paragraphs holding an
    announcement (如下：), found line by line when the paragraphs are the text's lines:
    then the call is kept in ``memo`` (Context.memo) for the next one, and an edit looks at
    the lines it changed only (duplicates/splice.py).  (None, None) otherwise: the checks
    search the whole text.  Neither pattern spans a line break: a count's verb is in its
    line; an announcement over a line break (如下\n：) would end the paragraph before it
    without a colon, which _lost() asks of an announcement."""
    if memo is None:
        return None, None
    now = layout(text, paragraphs, junk)
    if not now.are_lines():
        return None, None
    prev = memo.get("previous")
    kept = unchanged(prev[0], now) if prev is not None else None
    if kept is None:
        found = _text_hits(text, now.starts)
    else:
        mid = [_line_hits(text[p.start:p.end]) for p in paragraphs[kept[0]:kept[2]]]
        found = prev[1][:kept[0]] + mid + prev[1][kept[1]:]
    memo["previous"] = (now, found)
    counts, announced = [], []
    for k in itertools.compress(range(len(found)), found):  # the few lines with either
        here, announces = found[k]
        if here:
            base = paragraphs[k].start
            counts += [(base + s, base + e, n) for s, e, n in here]
        if announces:
            announced.append(k)
    return counts, announced


def _headings_plan(markers: list[Marker], index: dict) -> list:
    """一、 （一） 1. （1） at paragraph starts: one counter per level, reset by a higher level.
    No step is reported across what hides the cause: the lines between the two items run
    together (……。 3. …… or ……。 四、…… inside a line), or the site left a marker there
    (……此处隐藏2万字……, a page counter); nor a list begun again at 1 after a line that
    announces it (……如下：).  The plan (_carry_out): which markers break the count, from
    the markers alone; the text and junk around them are read by its probes."""
    plan: list = []
    last: dict[int, Marker] = {}
    closed: dict[int, Marker] = {}  # each level's last item of a list a higher heading closed
    at = index.__getitem__
    for m in markers:
        if m.kind[0] != "h":
            continue
        level = _LEVELS[m.kind]
        prev = last.get(level)
        deeper_open = [lv for lv in last if lv > level]
        if deeper_open:
            if prev is None:
                plan.append((_probe_mixed, at(id(m)), at(id(last[min(deeper_open)])), -1))
            for lv in deeper_open:
                closed[lv] = last.pop(lv)
        if prev is not None:
            if m.n != prev.n + 1 and m.n != 1:  # (most steps: the next number)
                plan.append((_probe_step, at(id(m)), at(id(prev)), -1))
            elif m.n == 1 and prev.n >= 2 and m.para == prev.para + 1 and m.kind == prev.kind:
                plan.append((_probe_restart, at(id(m)), at(id(prev)), -1))
        elif m.n != 1 and m.n <= 20:
            # (the first item glued to the end of the title line, 方案一、引言, is not missing;
            # nor the first of a section whose items go on counting from the section before,
            # 一、……（一）（二）（三） 二、……（四）, as a 意见 numbers its points)
            done = closed.get(level)
            if done is None or done.kind != m.kind or m.n != done.n + 1:
                plan.append((_probe_first, at(id(m)), -1, -1))
        last[level] = m
    return plan


def _hidden(text: str, js, je, prev: Marker, m: Marker) -> bool:
    """Between the two items: the next item at a line's start but read as a figure, the next
    item (or a higher heading) run into a line, or junk that counts something (此处隐藏27020
    个字, 第1页 共4页)."""
    k = bisect_right(js, m.start) - 1
    while k >= 0 and je[k] > prev.end:
        if _junk_counts(text, max(js[k], prev.end), min(je[k], m.start)):
            return True
        k -= 1
    between = text[prev.end:m.start]
    nxt = _next_raw(prev)
    if "\n" + nxt in between:
        return True  # the item is there, read as a figure (21.5+2就业之家)
    if _run_in(between, nxt):
        return True  # the item run into the end of the one before (祝贺词2、文艺: numbering.run-in's)
    return _RUN_ON.search(between) is not None and (
        nxt in between or _RUN_ON_HIGHER.search(between) is not None)


def _run_in(between: str, raw: str) -> bool:
    """The next item's number ``raw`` (2、) right after a Han character or a closing bracket
    in ``between``: the item run into the line above it, not lost (第2、3名 is no item, nor a
    pair of figures, a figure right after the number: 前3、4名, 今年2、3月份, 初二2、3班 --
    numbering.run-in's test)."""
    if not (raw.endswith("、") and raw[:-1].isdigit()):
        return False
    k = between.find(raw)
    while k >= 0:
        c = between[k - 1] if k else ""
        if c and (("\u4e00" <= c <= "\u9fff" and c != "第") or c in "）)") and not _DIGIT.match(between, k + len(raw)):
            return True
        k = between.find(raw, k + 1)
    return False


def _probe_mixed(text, markers, js, je, events, i, j, k) -> None:
    """A heading of a higher level's list begun while a deeper one is open (markers[j]),
    unless a line between them announces what follows."""
    m, deeper = markers[i], markers[j]
    if not _announced_apart(text, deeper, m):
        events.append(Event("mixed", m.start, m.end, {"current": m.label(), "previous": deeper.label()}))


def _probe_step(text, markers, js, je, events, i, j, k) -> None:
    """A step from markers[j] to markers[i] that is not the next number, unless hidden or the
    outer list taken up again after a list run into a line (_nested_resumed)."""
    prev, m = markers[j], markers[i]
    if not _hidden(text, js, je, prev, m) and not _nested_resumed(text, markers, j, i) \
            and not _nested_begun(text, prev, m):
        _step(events, prev, m)


def _nested_begun(text: str, prev, m) -> bool:
    """m, numbered 2, opens its line right under a line that ran a list's 1 into it after a colon
    (①参赛要求：1、主题鲜明⏎2、设计新颖): that list's second item, not the next of prev's."""
    return m.n == 2 and _one_run_in_above(text, prev.end, m.start, m.raw)


# a list begun inside a line after a colon, its first item there (②征文要求：1、思想健康……)
_INLINE_ONE = compile_cached(r"[：:][ \t\u3000]*[1１](?P<sep>[、.．)）])")


def _one_run_in_above(text: str, lo: int, at: int, raw: str) -> bool:
    """The line right above ``at`` (not before ``lo``) ran a list's 1 into it after a colon, written
    as ``raw`` (the item at ``at``) is: 1、 for 2、."""
    line = text.rfind("\n", lo, at)
    if line < 0:
        return False
    above = text.rfind("\n", lo, line) + 1
    one = _INLINE_ONE.search(text, max(above, lo), line)
    return one is not None and raw.strip().endswith(one.group("sep"))


def _nested_resumed(text: str, markers: list, j: int, i: int) -> bool:
    """markers[j] ends a run 2、3、4、 of line-start items whose 1、 was run into the line above
    its 2、 after a colon (②征文要求：1、……⏎2、……⏎3、……), and markers[i] takes up the list
    before that run, one after its item (1、举办…… ⏎ … ⏎ 2、举办……): a list inside an item, no step.
    (Read back from j only as far as the run and the item before it.)"""
    prev, m = markers[j], markers[i]
    same = (q for q in map(markers.__getitem__, range(j, -1, -1)) if q.kind == prev.kind and q.at_start)
    first = next(same, None)
    if first is not prev:
        return False
    outer = next(same, None)
    while outer is not None and first.n > 2 and outer.n == first.n - 1:
        first, outer = outer, next(same, None)
    if first.n != 2 or outer is None or outer.n != m.n - 1:
        return False
    return _one_run_in_above(text, outer.end, first.start, first.raw)


# the line two hosts say together (合：大家下午好！) -- their other lines numbered 1: and 2:
_BOTH_HOSTS = compile_cached(r"(?m)^[ \t\u3000]*(?:合|齐|男女合)[:：]")


def _probe_restart(text, markers, js, je, events, i, j, k) -> None:
    """A list that starts again at 1 in the very next paragraph (1、2、1、), unless the
    paragraph before announces it (……：) or something hides the cause."""
    prev, m = markers[j], markers[i]
    if prev.raw.rstrip().endswith(("：", ":")) and m.raw.rstrip().endswith(("：", ":")) and _BOTH_HOSTS.search(text):
        return  # 1: 2: 1: -- two hosts' lines numbered as speakers (合: for both), not a list
    if not text[prev.start:m.start].rstrip().endswith(("：", ":")) and not _hidden(text, js, je, prev, m):
        events.append(Event("repeat", m.start, m.end, {
            "previous": prev.label(), "current": m.label(), "expected": prev.label(prev.n + 1)}))


def _probe_first(text, markers, js, je, events, i, j, k) -> None:
    """A list whose first item is lost (_first_lost), looked for since markers[j] (the
    section's heading; the text's start when j is -1)."""
    events += _first_lost(text, markers[i], markers[j].start if j >= 0 else 0)


def _announced_apart(text: str, deeper: Marker, m: Marker) -> bool:
    """A line of its own between a list's last item and a higher heading that announces what
    follows (活动内容：1.…… 4.…… 具体流程：一、……): the list was a list of that part's,
    closed before the outline began -- no level was turned upside down."""
    if not text:
        return False
    line_end = text.find("\n", deeper.end, m.start)
    if line_end < 0:
        return False
    return _LEAD_IN.search(text, line_end, m.start) is not None


# a line that ends with a colon, right before the heading
_LEAD_IN = compile_cached(r"\n[^\n]{1,30}[：:][ \t\u3000]*\n[ \t\u3000]*\Z")


# Items run together in one line: a sentence's end, a space, then a number (……。 3. ……).
_RUN_ON = compile_cached(r"[。；;！？!?][ \t\u3000]+(?:[（(]?[0-9一二三四五六七八九十]{1,3}[、.．)）])")
_RUN_ON_HIGHER = compile_cached(r"[。；;！？!?][ \t\u3000]+(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_ASCII_DIGITS = compile_cached(r"\d+")
_DIGIT = compile_cached(r"[0-9０-９]")
# a figure of a page's count in junk (第1页 共4页, 此处隐藏27020个字), not one glued to a Latin name (Word's
# <?xml:namespace prefix = st1 …/> between 一、 and 四、 hides no item)
_COUNT_DIGIT = compile_cached(r"(?<![A-Za-z_])[0-9０-９]")
# a tag of a page's or of Word's markup: the figures inside it (<st1:chsdate year="2012" month="3" …>,
# <span style="font-size:16px">) are its attributes', no count of what the page hid
_MARKUP_TAG = compile_cached(r"<[/?!]?[A-Za-z][^<>\n]*>")


def _junk_counts(text: str, a: int, b: int) -> bool:
    """Whether the junk ``a..b`` holds a figure of a count (_COUNT_DIGIT) outside any tag."""
    if _COUNT_DIGIT.search(text, a, b) is None:
        return False
    if "<" not in text[a:b]:
        return True
    return _COUNT_DIGIT.search(_MARKUP_TAG.sub(" ", text[a:b])) is not None


_TO_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _raw_with(m: Marker, n: int) -> str:
    """Item n's marker as ``m`` is written (2、 after 1、, (一) before (二)), spaces left out."""
    raw = m.raw.strip()
    got = _ASCII_DIGITS.search(raw)
    if got:
        # (in the digits' own width: ２、 after １、)
        digits = str(n) if got.group().isascii() else str(n).translate(_TO_FULL)
        return _ASCII_DIGITS.sub(digits, raw, count=1)
    if m.kind in WORDED:
        return m.label(n)
    return _DIGITS.sub(int_to_cn(n), raw, count=1)


def _next_raw(m: Marker) -> str:
    return _raw_with(m, m.n + 1)


def _first_lost(text: str, m: Marker, since: int = 0) -> list[Event]:
    """A skip from the start when the first item (m.label(1), or written as ``m`` is) is
    nowhere in the 300 characters before ``m`` (nor before ``since``); else nothing."""
    lo = max(since, m.start - 300)
    before = text[lo:m.start]
    if m.label(1) in before or m.raw and _raw_with(m, 1) in before:
        return []  # (as the label reads, or as this list writes it: 1、 (一))
    if m.n == 2:
        label = _unnumbered_first(text, lo, m)
        if label is not None:
            ls, le = label
            return [Event("unnumbered", ls, le, {"current": m.label(), "expected": _raw_with(m, 1) or m.label(1)})]
    return [Event("skip", m.start, m.end, {"previous": "（开头）", "current": m.label(), "expected": m.label(1)})]


# a heading written as a label: a few Han characters and a colon (活动目的：), at a line's start
# or right after a marker
_LABEL_WORDS = r"[\u4e00-\u9fff]{2,10}[：:]"
_LABEL_LINE = compile_cached(rf"(?m)^[ \t\u3000]*(?P<label>{_LABEL_WORDS})")
_LABELLED = compile_cached(rf"[ \t\u3000]*{_LABEL_WORDS}")
_ANNOUNCING = compile_cached(r"(?:如下|以下|下列|包括|如次|是|有|为)[：:]")


def _unnumbered_first(text: str, lo: int, m: Marker) -> tuple[int, int] | None:
    """The first heading of a list that starts at 二、 written without its number (活动目的：⏎
    ……⏎二、活动时间：): one label line before ``m`` (in ``lo``..m), where ``m`` is a label
    too, not at the text's first line (a title), nothing else a label there."""
    own = _LABELLED.match(text, m.end)
    if not own:
        return None
    found = [g.span("label") for g in _LABEL_LINE.finditer(text, lo, m.start)]
    if len(found) != 1:
        return None
    s, e = found[0]
    if not text[:s].strip() or _ANNOUNCING.search(text, s, e):
        return None  # (the title; or a line announcing the list, 主要做法如下：, whose first item was lost)
    # a heading of the same series: it opens with the words the 二、 heading opens with
    # (活动目的： / 二、活动时间：), or it names a part that comes first (指导思想：, 目的意义：) -- not an
    # address (各班主任：, 同志们：), a note (备注：, 编者按：) or a numeral whose 、 was left out (一活动目的：)
    if text[s] in "一二三四五六七八九十" or (text[s:s + 2] != own.group().strip(" \t\u3000")[:2]
                                             and not _FIRST_PART.fullmatch(text, s, e)):
        return None
    return s, e


# the names of a document's first part (a plan's, a summary's, a report's)
_FIRST_PART = compile_cached(r"(?:指导思想|目的意义|活动目的|活动意义|活动背景|活动主题|工作目标|总体要求|总体目标|"
                             r"基本情况|工作回顾|主要成绩|主要做法)[：:]")


_DIGITS = compile_cached(r"[零一二三四五六七八九十\d]+")
_FOLD = str.maketrans({"（": "(", "）": ")", "．": ".", " ": None, "\t": None, "　": None})


def _style(marker: Marker) -> str:
    """A marker's format with the number taken out: 1) and 2) share "#)", 3)、 is "#)、"."""
    got = _STYLES.get(marker.raw)
    if got is None:
        if len(_STYLES) > 10_000:
            _STYLES.clear()
        got = _STYLES[marker.raw] = _DIGITS.sub("#", marker.raw.translate(_FOLD))
    return got


_STYLES: dict[str, str] = {}
# the top level's standard form, as _style() writes it ("#、": 一、 over 一.; 1、 and 1. are
# both met in drafts, so the lower levels keep the form most of their items use)
_STANDARD = {1: _DIGITS.sub("#", LEVEL_LABEL[1].translate(_FOLD))}


def _formats_plan(markers: list[Marker], index: dict) -> list:
    """One list, two formats (1) 2) then 3)、 4)、): the items that differ from the format
    most of the list uses (on a tie, the first item's) are flagged.  A list is the run of
    one level's markers between two markers of a higher level.  (From the markers alone:
    the plan's steps are its events.)"""
    plan: list = []
    runs: dict[int, list[Marker]] = {}
    at = index.__getitem__

    def close(level):
        run = runs.pop(level, [])
        if len(run) < 2:
            return
        get = _STYLES.get
        styles = [get(m.raw) or _style(m) for m in run]
        if styles.count(styles[0]) == len(styles):
            return  # one format (most lists): nothing differs
        counts: dict[str, int] = {}
        for style in styles:
            counts[style] = counts.get(style, 0) + 1
        if len(counts) < 2:
            return
        first = styles[0]
        # (the top level's standard form wins wherever it is used -- 一. 二. 三. 四、 is told at
        # 一. 二. 三., not at 四、; else the form most items use, then the first item's)
        standard = _STANDARD.get(level)
        main = max(counts, key=lambda k: (k == standard, counts[k], k == first))
        ref = run[styles.index(main)]
        for m, style in zip(run, styles):
            if style != main:
                plan.append(("format", at(id(m)), {"current": m.raw.strip(), "previous": ref.raw.strip()}))

    for m in markers:
        if m.kind[0] != "h":
            continue
        level = _LEVELS[m.kind]
        if (len(runs) > 1 or level not in runs) and runs and max(runs) > level:  # (else no deeper run is open)
            for lv in [lv for lv in runs if lv > level]:
                close(lv)
        run = runs.setdefault(level, [])
        if run and m.n <= run[-1].n:  # a new list of the same level begins
            close(level)
            run = runs.setdefault(level, [])
        run.append(m)
    for lv in list(runs):
        close(lv)
    _dotted_plan(markers, plan, at)
    return plan


def _dotted_plan(markers: list[Marker], plan: list, at) -> None:
    """Top-level headings numbered 一. 二. (a Chinese numeral takes 、: 一、): a style the whole
    draft keeps, so it is told once, at its first heading, with how many there are (a list
    that mixes 一. with 二、 is the format check's).  From the markers alone, as the plan is."""
    dotted = [m for m in markers if m.kind == "h1" and m.at_start and m.raw.rstrip()[-1:] in ".．"]
    if not dotted or any(check == "format" and markers[i].kind == "h1" for check, i, _ in plan):
        return  # (a list mixing 一. with 二、: the format check tells which to change, once)
    raw = dotted[0].raw.strip()
    plan.append(("dotted", at(id(dotted[0])), {"current": raw, "count": len(dotted),
                                                "suggestion": raw.rstrip(".． \t\u3000") + "、"}))


_ANNOUNCE = compile_cached(r"(?:如下|以下|安排是|包括)\s*[：:]\s*$")
_ANNOUNCE_ANYWHERE = compile_cached(r"(?:如下|以下|安排是|包括)\s*[：:]")  # every _ANNOUNCE hit is one of these
_LABEL = compile_cached(r"^[^，,。；;：:]{1,8}[：:]")
_WHEN = compile_cached(r"[\dxX×]{1,2}月|[\dxX×]{1,2}日|星期[一二三四五六日天]|周[一二三四五六日]|[上下]午|晚上|\d{1,2}[:：]\d{2}")
_LINE_END = ("。", "！", "？", "；", ";", "!", "?", "：", ":", "，", ",")


def _lost(text: str, paragraphs, junk, announced=None, memo: dict | None = None) -> list[Event]:
    """具体安排如下： followed by bare values (a date, a place, a group, an event) each on its
    own short line, with no number and no label: the site dropped the list's headings
    (一、活动时间： …).  Three such lines in a row, one of them a bare date or time, are
    reported as one span; a plain list of agenda items is not.

    ``memo`` (Context.memo; with ``announced`` from _by_line): each announcement's run is
    kept for the next call, and an edit looks again only at those whose paragraphs, from
    the announcement to the line that ends its run, it touched (duplicates/splice.py: the
    paragraphs before the edit are the same, with the same junk over them, those after it
    the same moved)."""
    events = []
    js, je = merged(junk)
    now = kept = None
    if memo is not None and announced is not None:
        now = layout(text, paragraphs, junk)
        prev = memo.get("lost")
        kept = unchanged(prev[0], now) if prev is not None else None
        done: dict = {}  # announcement's paragraph -> (the paragraph that ended its run, its event)
        if kept is not None:
            old = prev[1]
            first, last, mid_end, d = kept
            shift, n0 = mid_end - last, len(prev[0].starts)

    def junky(s, e):
        k = bisect_right(js, s) - 1
        return k >= 0 and e <= je[k]

    def span_of(k):
        """Paragraph k's text span without its spaces, or None when empty or junk."""
        s, e = _strip(text, paragraphs[k].start, paragraphs[k].end)
        return (s, e) if s < e and not junky(s, e) else None

    # Only the paragraphs holding an announcement are looked at, and the lines after them:
    # a line of a run never ends with a colon, so no announcement is inside another's run.
    if announced is None:
        announced = sorted({bisect_right(paragraphs, m.start(), key=_START) - 1
                            for m in _ANNOUNCE_ANYWHERE.finditer(text)})
    for k in announced:
        if kept is not None:
            if k < first:
                got = old.get(k)
                if got is not None and got[0] < first:  # (its run ended before the edit)
                    done[k] = got
                    if got[1] is not None:
                        events.append(got[1])
                    continue
            elif k >= mid_end:
                got = old.get(k - shift)
                if got is not None:  # (after the edit: moved)
                    ev = got[1]
                    if ev is not None:
                        ev = Event("lost", ev.start + d, ev.end + d, dict(ev.values))
                        events.append(ev)
                    done[k] = (got[0] + shift if got[0] < n0 else len(paragraphs), ev)
                    continue
        first_span = span_of(k) if k >= 0 else None
        if first_span is None or not _ANNOUNCE.search(text, *first_span):
            if now is not None and k >= 0:
                done[k] = (k, None)
            continue
        run = []  # the bare lines after the announcement, up to one that ends the run
        q = len(paragraphs)  # (the paragraph that ends it: none, the text's end)
        for q in range(k + 1, len(paragraphs)):
            got = span_of(q)
            if got is None:
                continue
            ls, le = got
            line = text[ls:le]
            if (le - ls > 40 or line.endswith(_LINE_END) or _LABEL.match(line)
                    or any(rx.match(line) for rx in HEADING_RES.values()) or line[0] in "（(【[第"):
                break
            run.append(got)
        else:
            q = len(paragraphs)
        ev = None
        if len(run) >= 3 and any(_WHEN.search(text, *r) for r in run):
            ev = Event("lost", run[0][0], run[-1][1], {"count": len(run)})
            events.append(ev)
        if now is not None:
            done[k] = (q, ev)
    if now is not None:
        memo["lost"] = (now, done)
    return events


def _step(events: list[Event], prev: Marker, m: Marker) -> None:
    got = _step_values(prev, m)
    if got is not None:
        events.append(Event(got[0], m.start, m.end, got[1]))


def _step_values(prev: Marker, m: Marker) -> tuple[str, dict] | None:
    """(check, values) of a step from prev to m that is not the next number, else None."""
    if m.n == prev.n + 1 or m.n == 1:
        return None
    return ("skip" if m.n > prev.n + 1 else "repeat",
            {"previous": prev.label(), "current": m.label(), "expected": prev.label(prev.n + 1)})


def _enumerations_plan(markers: list[Marker], index: dict) -> list:
    """一是/第一/①/inline 1.: within a paragraph, and across paragraphs that open with one.
    (From the markers alone, but for the probes of _headless_plan.)"""
    plan: list = []
    at = index.__getitem__
    heads = [h for h in markers if h.kind.startswith("h")]
    heading_starts = [h.start for h in heads]
    for kind in ENUMERATIONS:
        mine = [m for m in markers if m.kind == kind]
        by_para: dict[int, list[Marker]] = {}
        for m in mine:
            by_para.setdefault(m.para, []).append(m)
        # Inside one paragraph.
        for seq in by_para.values():
            for a, b in zip(seq, seq[1:]):
                if b.n == a.n == 1:
                    plan.append(("nested", at(id(b)), {"current": b.label(), "parent": a.label()}))
                    break
                if b.n == 1:
                    continue
                if b.n != a.n + 1:
                    got = _step_values(a, b)
                    if got is not None:
                        plan.append((got[0], at(id(b)), got[1]))
                    break
        # Across paragraphs: the markers that open paragraphs form their own sequence,
        # restarted by any heading of the 一、 family in between.
        openers = [m for m in mine if m.at_start]
        for a, b in zip(openers, openers[1:]):
            # a heading strictly between the two (heading starts are sorted: bisect)
            k = bisect_right(heading_starts, a.start)
            between = k < len(heading_starts) and heading_starts[k] < b.start
            if between or b.para == a.para:
                continue
            # (a list run on in a paragraph, ①……②……③……, goes on from its last item -- as far
            # as its items follow one another: 一是……：一是……二是…… restarts a list inside)
            for k in by_para[a.para]:
                if k.start <= a.start:
                    continue
                if k.n != a.n + 1:
                    break
                a = k
            if b.n != a.n + 1 and b.n != 1:
                got = _step_values(a, b)
                if got is not None:
                    plan.append((got[0], at(id(b)), got[1]))
        if kind != "inline":
            plan += _headless_plan(mine, heads, heading_starts, at)
    return plan


def _headless_plan(mine: list[Marker], heads: list[Marker], heading_starts: list[int], at) -> list:
    """A section's enumeration that opens a paragraph with 二是 (第二，) where no 一是 (第一，)
    came before it since the section's heading: the first item was lost (a probe of the
    text before it, _probe_first)."""
    plan = []
    for i, m in enumerate(mine):
        if not m.at_start or m.n != 2:  # (a later number first: a page's hidden part, not one lost item)
            continue
        k = bisect_right(heading_starts, m.start) - 1
        since = heading_starts[k] if k >= 0 else 0
        if i and mine[i - 1].start >= since:
            continue  # not the section's first item of this kind
        plan.append((_probe_first, at(id(m)), at(id(heads[k])) if k >= 0 else -1, -1))
    return plan


_SENTENCE_END = frozenset("。！？!?…”」』）)；;")


def _open_end(text: str, js, je) -> int:
    """Where the draft stops mid-sentence: the end of its last character outside website
    junk when that character ends no sentence (……，从党史 -- cut), else -1."""
    pos, i = len(text), len(js) - 1
    while pos > 0:
        while i >= 0 and js[i] >= pos:
            i -= 1
        if i >= 0 and je[i] >= pos:
            pos = js[i]
            continue
        ch = text[pos - 1]
        if ch.isspace():
            pos -= 1
            continue
        return -1 if ch in _SENTENCE_END else pos
    return -1


def _counts(text: str, markers: list[Marker], junk, counts=None) -> list[Event]:
    """讲四点意见 followed by a list of three: the announced count does not match.
    ``counts``: the announced counts (start, end, the number), or None to search the text."""
    events = []
    js, je = merged(junk)
    open_end = last_of_kind = None  # (asked only when a list falls short of its count)
    if counts is None:
        counts = [(m.start(), m.end(), m.group("n")) for m in COUNT_RE.finditer(text)
                  if COUNT_VERB_RE.search(text, max(0, m.start() - 10), m.start())]
    for start, end, number in counts:
        i = bisect_right(js, start) - 1
        if i >= 0 and start < je[i]:
            continue  # inside website junk
        want = cn_to_int(number)
        at = bisect_left(markers, end, key=_START)  # markers are sorted by start
        if at == len(markers) or markers[at].n != 1 or markers[at].start - end > 80:
            continue
        first = markers[at]
        after = itertools.islice(markers, at, None)  # looked at lazily: the loop below stops early
        same = (k for k in after if k.kind == first.kind)
        if first.kind in ENUMERATIONS:
            same = (k for k in same if k.para == first.para) if not first.at_start else \
                (k for k in same if k.at_start or k.para == first.para)
        got, last = 0, first
        for k in same:
            if k.n == got + 1:
                got, last = got + 1, k
            elif k.n == 1 and got:
                if first.kind.startswith("h"):
                    continue
                break
            elif k.n <= got:
                break
        if 2 <= got < want:
            # the draft breaks off inside the list (主要包括三点：第一…… 第二……，从党史 -- cut):
            # no item of its kind after the last one counted, the text open at its end -- the
            # rest went with the cut (each asked once per review, not per count)
            if open_end is None:
                open_end = _open_end(text, js, je)
                last_of_kind = {}
                for k in markers:
                    last_of_kind[k.kind] = k.start
            if open_end >= last.end and last_of_kind.get(last.kind) == last.start:
                continue
        if got >= 2 and want and got != want:
            events.append(Event("count", start, end - 1, {
                "announced": int_to_cn(want), "found": int_to_cn(got)}))
    return events
