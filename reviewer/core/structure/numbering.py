"""Heading and item numbers: find the markers, then check each sequence.

Levels of headings (at the start of a paragraph): 一、 > （一） > 1. > （1） > 1).
Enumerations: 一是…二是…, 第一，第二，… and inline 1. 2. after a full stop.
Besides the sequence: the items of one list written in two formats (1) 2) 3)、), and a
list announced with 如下： whose items lost their numbers and labels.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..spans import merge_spans

CN = "零一二三四五六七八九十"
_CN_NUM = "[一二三四五六七八九十]{1,3}"

# A space may sit before the 、 (四 、活动时间); 一、2014年 is a heading, 一．5 is not.
HEADING_RES = {
    1: re.compile(rf"(?P<n>{_CN_NUM})[ \t　]?(?:、|[．.](?!\d))"),
    2: re.compile(rf"[（(](?P<n>{_CN_NUM})[）)]、?"),
    3: re.compile(r"(?P<n>\d{1,2})[ \t　]?(?:[.．](?!\d)|、)"),
    4: re.compile(r"[（(](?P<n>\d{1,2})[）)]、?"),
    5: re.compile(r"(?P<n>\d{1,2})[)）]、?"),
}
LEVEL_LABEL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "1)"}
# 一是 / 第一， : preceded by the start of a paragraph, a stop, a space or an opening bracket.
_LEAD = r"(?:(?<=^)|(?<=[。；;：:！？!?\s”\"）)]))"
SHI_RE = re.compile(_LEAD + rf"(?P<n>{_CN_NUM})是(?=[\u4e00-\u9fff“\"（(])", re.M)
DI_RE = re.compile(_LEAD + rf"第(?P<n>{_CN_NUM})[，,、：:](?=[\u4e00-\u9fff“\"])", re.M)
INLINE_DIGIT_RE = re.compile(r"(?<=[。；;！？!?])\s*(?P<n>[1-9]\d?)[.．、](?=[\u4e00-\u9fff“\"])")
# An announced count: 讲四点意见： / 从五个方面 … ： / 主要为四个方面的成效。  The number and
# its measure word are searched first (cheap); the verb before it is checked after.
COUNT_RE = re.compile(r"(?P<n>[两二三四五六七八九十])(?:点|个方面|方面|条|个问题|项)[^。：:\n，,；]{0,10}?[：:。]")
COUNT_VERB_RE = re.compile(
    r"(?:讲|谈|提|强调|汇报|交流|说|从|抓好|做好|突出|把握|注重|围绕|主要有|主要为|主要是|体现在|包括|归纳为|概括为|有以下|以下)"
    r"[^。：:\n，,；]{0,6}$")


def cn_to_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s == "两":
        return 2
    if not s or any(c not in CN for c in s):
        return None
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = CN.index(tens) if tens else 1
        o = CN.index(ones) if ones else 0
        return t * 10 + o
    return CN.index(s) if len(s) == 1 else None


def int_to_cn(n: int) -> str:
    if n <= 10:
        return CN[n] if n < 10 else "十"
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


@dataclass
class Marker:
    kind: str        # "h1".."h4", "shi", "di", "inline"
    n: int
    start: int
    end: int
    para: int
    at_start: bool   # first thing in its paragraph
    raw: str = ""    # the marker as written (for the format check)

    def label(self, n: int | None = None) -> str:
        n = self.n if n is None else n
        if self.kind == "shi":
            return f"{int_to_cn(n)}是"
        if self.kind == "di":
            return f"第{int_to_cn(n)}"
        if self.kind in ("h1",):
            return f"{int_to_cn(n)}、"
        if self.kind == "h2":
            return f"（{int_to_cn(n)}）"
        if self.kind == "h4":
            return f"（{n}）"
        if self.kind == "h5":
            return f"{n})"
        return f"{n}."


@dataclass
class Event:
    check: str
    start: int
    end: int
    values: dict = field(default_factory=dict)


def _para_start(text: str, start: int, end: int, junk_starts, junk_ends) -> int:
    """Where a paragraph's own text begins: after spaces and any website marker."""
    pos = start
    moved = True
    while moved and pos < end:
        moved = False
        while pos < end and text[pos].isspace():
            pos += 1
            moved = True
        i = bisect_right(junk_starts, pos) - 1
        if i >= 0 and pos < junk_ends[i]:
            pos = junk_ends[i]
            moved = True
    return pos


# A paragraph's markers by what they depend on: the character before it (SHI_RE's ^ and
# lookbehinds read it), its text and where its own text begins after junk; offsets from its
# start, so a re-check after an edit (core/incremental.py) matches only changed paragraphs.
_PARA_MARKERS: dict[tuple, tuple] = {}


def _paragraph_markers(text: str, start: int, end: int, head: int, key) -> tuple:
    """(kind, n, start, end, at_start, raw) of one paragraph's markers, offsets from ``start``."""
    out = []
    for level, rx in HEADING_RES.items():
        m = rx.match(text, head, end)
        if m:
            n = cn_to_int(m.group("n"))
            if n:
                out.append((f"h{level}", n, m.start() - start, m.end() - start, True, m.group()))
            break
    for kind, rx in (("shi", SHI_RE), ("di", DI_RE), ("inline", INLINE_DIGIT_RE)):
        for m in rx.finditer(text, head, end):
            n = cn_to_int(m.group("n"))
            if not n:
                continue
            s = m.start("n") - (1 if kind == "di" else 0)
            out.append((kind, n, s - start, m.end() - start, s == head, ""))
    got = tuple(out)
    if len(_PARA_MARKERS) > 200_000:
        _PARA_MARKERS.clear()
    _PARA_MARKERS[key] = got
    return got


def find_markers(text: str, paragraphs, junk=()) -> list[Marker]:
    markers: list[Marker] = []
    js, je = merge_spans(junk)
    known = _PARA_MARKERS.get
    for pi, p in enumerate(paragraphs):
        start, end = p.start, p.end
        if start == end:
            continue
        i = bisect_right(js, start) - 1
        if text[start].isspace() or (i >= 0 and start < je[i]):
            head = _para_start(text, start, end, js, je)
        else:
            head = start  # most paragraphs: their own text begins at once
        key = (text[start - 1:end] if start else text[:end], start == 0, head - start)
        got = known(key)
        if got is None:
            got = _paragraph_markers(text, start, end, head, key)
        for kind, n, s, e, at_start, raw in got:
            markers.append(Marker(kind, n, start + s, start + e, pi, at_start, raw))
    markers.sort(key=lambda m: m.start)
    return markers


def analyse(text: str, paragraphs, junk=(), markers=None) -> list[Event]:
    if markers is None:
        markers = find_markers(text, paragraphs, junk)
    events: list[Event] = []
    events += _headings(markers, text)
    events += _formats(markers)
    events += _enumerations(markers)
    events += _counts(text, markers, junk)
    events += _lost(text, paragraphs, junk)
    return events


def _headings(markers: list[Marker], text: str = "") -> list[Event]:
    """一、 （一） 1. （1） at paragraph starts: one counter per level, reset by a higher level."""
    events = []
    last: dict[int, Marker] = {}
    for m in markers:
        if not m.kind.startswith("h"):
            continue
        level = int(m.kind[1])
        prev = last.get(level)
        deeper_open = [lv for lv in last if lv > level]
        if prev is None and deeper_open:
            top = min(deeper_open)
            events.append(Event("mixed", m.start, m.end, {
                "current": m.label(), "previous": last[top].label()}))
        for lv in [lv for lv in last if lv > level]:
            del last[lv]
        if prev is not None:
            _step(events, prev, m)
        elif m.n != 1 and m.n <= 20 and m.label(1) not in text[max(0, m.start - 300):m.start]:
            # (the first item glued to the end of the title line, 方案一、引言, is not missing)
            events.append(Event("skip", m.start, m.end, {
                "previous": "（开头）", "current": m.label(), "expected": m.label(1)}))
        last[level] = m
    return events


_DIGITS = re.compile(r"[零一二三四五六七八九十\d]+")
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


def _formats(markers: list[Marker]) -> list[Event]:
    """One list, two formats (1) 2) then 3)、 4)、): the items that differ from the format
    most of the list uses (on a tie, the first item's) are flagged.  A list is the run of
    one level's markers between two markers of a higher level."""
    events = []
    runs: dict[int, list[Marker]] = {}

    def close(level):
        run = runs.pop(level, [])
        if len(run) < 2:
            return
        counts: dict[str, int] = {}
        for m in run:
            counts[_style(m)] = counts.get(_style(m), 0) + 1
        if len(counts) < 2:
            return
        first = _style(run[0])
        main = max(counts, key=lambda k: (counts[k], k == first))
        ref = next(m for m in run if _style(m) == main)
        for m in run:
            if _style(m) != main:
                events.append(Event("format", m.start, m.end, {"current": m.raw.strip(), "previous": ref.raw.strip()}))

    for m in markers:
        if not m.kind.startswith("h"):
            continue
        level = int(m.kind[1])
        for lv in [lv for lv in runs if lv > level]:
            close(lv)
        run = runs.setdefault(level, [])
        if run and m.n <= run[-1].n:  # a new list of the same level begins
            close(level)
            run = runs.setdefault(level, [])
        run.append(m)
    for lv in list(runs):
        close(lv)
    return events


_ANNOUNCE = re.compile(r"(?:如下|以下|安排是|包括)\s*[：:]\s*$")
_ANNOUNCE_ANYWHERE = re.compile(r"(?:如下|以下|安排是|包括)\s*[：:]")  # every _ANNOUNCE hit is one of these
_LABEL = re.compile(r"^[^，,。；;：:]{1,8}[：:]")
_WHEN = re.compile(r"[\dxX×]{1,2}月|[\dxX×]{1,2}日|星期[一二三四五六日天]|周[一二三四五六日]|[上下]午|晚上|\d{1,2}[:：]\d{2}")
_LINE_END = ("。", "！", "？", "；", ";", "!", "?", "：", ":", "，", ",")


def _lost(text: str, paragraphs, junk) -> list[Event]:
    """具体安排如下： followed by bare values (a date, a place, a group, an event) each on its
    own short line, with no number and no label: the site dropped the list's headings
    (一、活动时间： …).  Three such lines in a row, one of them a bare date or time, are
    reported as one span; a plain list of agenda items is not."""
    events = []
    js, je = merge_spans(junk)

    def junky(s, e):
        k = bisect_right(js, s) - 1
        return k >= 0 and e <= je[k]

    def span_of(k):
        """Paragraph k's text span without its spaces, or None when empty or junk."""
        p = paragraphs[k]
        s, e = p.start, p.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return (s, e) if s < e and not junky(s, e) else None

    # Only the paragraphs holding an announcement are looked at, and the lines after them:
    # a line of a run never ends with a colon, so no announcement is inside another's run.
    starts = [p.start for p in paragraphs]
    announced = sorted({bisect_right(starts, m.start()) - 1 for m in _ANNOUNCE_ANYWHERE.finditer(text)})
    for k in announced:
        first = span_of(k) if k >= 0 else None
        if first is None or not _ANNOUNCE.search(text, *first):
            continue
        run = []  # the bare lines after the announcement, up to one that ends the run
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
        if len(run) >= 3 and any(_WHEN.search(text, *r) for r in run):
            events.append(Event("lost", run[0][0], run[-1][1], {"count": len(run)}))
    return events


def _step(events: list[Event], prev: Marker, m: Marker) -> None:
    if m.n == prev.n + 1 or m.n == 1:
        return
    if m.n == prev.n:
        events.append(Event("repeat", m.start, m.end, {"previous": prev.label(), "current": m.label(),
                                                          "expected": prev.label(prev.n + 1)}))
    elif m.n > prev.n + 1:
        events.append(Event("skip", m.start, m.end, {"previous": prev.label(), "current": m.label(),
                                                        "expected": prev.label(prev.n + 1)}))
    else:
        events.append(Event("repeat", m.start, m.end, {"previous": prev.label(), "current": m.label(),
                                                          "expected": prev.label(prev.n + 1)}))


def _enumerations(markers: list[Marker]) -> list[Event]:
    """一是/第一/inline 1.: within a paragraph, and across paragraphs that open with one."""
    events = []
    heading_starts = [h.start for h in markers if h.kind.startswith("h")]
    for kind in ("shi", "di", "inline"):
        mine = [m for m in markers if m.kind == kind]
        by_para: dict[int, list[Marker]] = {}
        for m in mine:
            by_para.setdefault(m.para, []).append(m)
        # Inside one paragraph.
        for seq in by_para.values():
            for a, b in zip(seq, seq[1:]):
                if b.n == a.n == 1:
                    events.append(Event("nested", b.start, b.end, {"current": b.label(), "parent": a.label()}))
                    break
                if b.n == 1:
                    continue
                if b.n != a.n + 1:
                    _step(events, a, b)
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
            if b.n != a.n + 1 and b.n != 1:
                _step(events, a, b)
    return events


def _counts(text: str, markers: list[Marker], junk) -> list[Event]:
    """讲四点意见 followed by a list of three: the announced count does not match."""
    events = []
    js, je = merge_spans(junk)
    starts = [k.start for k in markers]  # markers are sorted by start
    for m in COUNT_RE.finditer(text):
        if not COUNT_VERB_RE.search(text, max(0, m.start() - 10), m.start()):
            continue
        i = bisect_right(js, m.start()) - 1
        if i >= 0 and m.start() < je[i]:
            continue  # inside website junk
        want = cn_to_int(m.group("n"))
        at = bisect_left(starts, m.end())
        if at == len(markers) or markers[at].n != 1 or markers[at].start - m.end() > 80:
            continue
        first = markers[at]
        after = itertools.islice(markers, at, None)  # looked at lazily: the loop below stops early
        same = (k for k in after if k.kind == first.kind)
        if first.kind in ("shi", "di", "inline"):
            same = (k for k in same if k.para == first.para) if not first.at_start else \
                (k for k in same if k.at_start or k.para == first.para)
        got = 0
        for k in same:
            if k.n == got + 1:
                got += 1
            elif k.n == 1 and got:
                if first.kind.startswith("h"):
                    continue
                break
            elif k.n <= got:
                break
        if got >= 2 and want and got != want:
            events.append(Event("count", m.start(), m.end() - 1, {
                "announced": int_to_cn(want), "found": int_to_cn(got)}))
    return events
