"""Heading and item markers (一、 （一） 1. （1） 1) 一是 第一， inline 1.): where they are
and which number each gives (numbering/__init__.py checks the sequences)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from ..duplicates.paragraph_text import merged
from ..duplicates.splice import layout as layout_of, unchanged
from ...cache import compile as compile_cached  # compiled programs kept between runs (start-up)

CN = "零一二三四五六七八九十"
_CN_NUM = "[一二三四五六七八九十]{1,3}"

# A space may sit before the 、 (四 、活动时间); 一、2014年 is a heading, 一．5 is not.  A comma
# after the number (一，生命安全 / 5，留守儿童) is a marker written wrong: the format check tells.
_COMMA = "[，,](?=[\u4e00-\u9fff])"
# 一、二食堂前 / 三、四年级: two ordinals naming places or classes, not a marker
_ORDINAL_PAIR = "[一二三四五六七八九](?:食堂|号楼|楼|层|号|年级|班|期|等奖|批|车间|中队|小组|组|单元|栋|幢|教学楼|校区|会议室)"
# what follows a date written 五.一 (劳动节, 期间, 来临 ...)
_FESTIVE = "(?:劳动节|妇女节|儿童节|青年节|建军节|建党节|国庆|黄金周|小长假|长假|假期|节|期间|前夕|前后|来临|到来|之际|当天|那天)"
HEADING_RES = {
    # (五.一劳动节, 三.八妇女节, 十.一黄金周: a date, not a marker; 三.一般险情处置 is a heading)
    1: compile_cached(rf"(?P<n>{_CN_NUM})[ \t　]?(?:、(?!{_ORDINAL_PAIR})|[．.](?!\d)(?!{_CN_NUM}{_FESTIVE})|{_COMMA})"),
    2: compile_cached(rf"[（(](?P<n>{_CN_NUM})[）)]、?"),
    # (1：由宣传部负责 -- a colon after the number, written for 1、 -- still numbers the list)
    3: compile_cached(rf"(?P<n>\d{{1,2}})[ \t　]?(?:[.．](?!\d)|、|{_COMMA}|[:：](?=[\u4e00-\u9fff]))"),
    4: compile_cached(r"[（(](?P<n>\d{1,2})[）)]、?"),
    5: compile_cached(r"(?P<n>\d{1,2})[)）]、?"),
}
LEVEL_LABEL = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）", 5: "1)"}
# 一是 / 第一， : preceded by the start of a paragraph, a stop, a space or an opening bracket.
_LEAD = r"(?:(?<=^)|(?<=[。；;：:！？!?\s”\"）)]))"
SHI_RE = compile_cached(_LEAD + rf"(?P<n>{_CN_NUM})是(?=[\u4e00-\u9fff“\"（(])", re.M)
DI_RE = compile_cached(_LEAD + rf"第(?P<n>{_CN_NUM})[，,、：:](?=[\u4e00-\u9fff“\"])", re.M)
# ①②③ with an item after it (not a stop: 据统计①，); which of them are items, _circled_items says
CIRCLED_RE = compile_cached(r"(?P<n>[\u2460-\u2473])(?![，。、；：,.;:！？!?）)”’\s]|$)")
_CIRCLED_LEAD = frozenset("：:；;。！？!? \t\u3000（(")
_CIRCLED_NOT = frozenset("图式表注见")   # 如图①所示, 式③, 注②: a figure's or a note's number
_CIRCLED_ONE = 0x2460
# the enumerations within a text (not headings): 一是, 第一，, ①, inline 1.; WORDED: labelled by number
ENUMERATIONS = ("shi", "di", "circ", "inline")
WORDED = ("shi", "di", "circ")
INLINE_DIGIT_RE = compile_cached(r"(?<=[。；;！？!?])\s*(?P<n>[1-9]\d?)[.．、](?=[\u4e00-\u9fff“\"])")

_START = attrgetter("start")


def cn_to_int(s: str) -> int | None:
    """70, 七十, 十五, 两 → int; also hundreds (一百, 一百零五, 两百一十: an anniversary's
    count, rules/anniversary.py); None for anything else."""
    if s.isdigit():
        return int(s)
    if s == "两":
        return 2
    if "百" in s:
        hundreds, _, rest = s.partition("百")
        h = 1 if not hundreds else (2 if hundreds == "两" else cn_to_int(hundreds))
        if h is None or not 1 <= h <= 9:
            return None
        rest = rest[1:] if rest.startswith("零") and len(rest) == 2 else rest
        r = cn_to_int(rest) if rest else 0
        return None if r is None else h * 100 + r
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


@dataclass(slots=True)  # thousands per review of a long draft
class Marker:
    kind: str        # "h1".."h5", "shi", "di", "circ" (①), "inline"
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
        if self.kind == "circ":
            return chr(_CIRCLED_ONE + n - 1) if 1 <= n <= 20 else str(n)
        return f"{n}."


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
    for kind, rx in (("shi", SHI_RE), ("di", DI_RE), ("circ", CIRCLED_RE), ("inline", INLINE_DIGIT_RE)):
        found = rx.finditer(text, head, end) if kind != "circ" else _circled_items(text, head, end)
        for m in found:
            n = ord(m.group("n")) - _CIRCLED_ONE + 1 if kind == "circ" else cn_to_int(m.group("n"))
            if not n:
                continue
            s = m.start("n") - (1 if kind == "di" else 0)
            out.append((kind, n, s - start, m.end() - start, s == head, ""))
    got = tuple(out)
    if len(_PARA_MARKERS) > 200_000:
        _PARA_MARKERS.clear()
    _PARA_MARKERS[key] = got
    return got


def _circled_items(text: str, head: int, end: int):
    """The ①②③ of a paragraph that number its items: one opening the paragraph, or after a
    colon, a stop or a blank, and those after such a one (a list run on in a line: ①齐步走②画像);
    not a number after 图/式/表/注 (如图①所示) nor a footnote's mark after a word (……指出②要)."""
    opened = False
    for m in CIRCLED_RE.finditer(text, head, end):
        s = m.start()
        before = text[s - 1] if s > head else ""
        if before in _CIRCLED_NOT:
            continue
        if s == head or before in _CIRCLED_LEAD:
            opened = True
        if opened:
            yield m


def _markers_of(text: str, paragraphs, js, je, lo: int, hi: int, markers: list) -> None:
    """The Markers of paragraphs lo..hi-1, appended to ``markers``."""
    known = _PARA_MARKERS.get
    for pi in range(lo, hi):
        p = paragraphs[pi]
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


class _Previous:
    """find_markers()'s previous call (kept in Context.memo while a draft is edited)."""

    __slots__ = ("layout", "markers")

    def __init__(self, layout, markers):
        self.layout, self.markers = layout, markers


_PARA = attrgetter("para")


class Splice:
    """How find_markers() made its list from its previous call's (kept in its memo as
    "splice", for numbering.analyse): ``new`` is ``old``'s first k0 markers, then ``mid``
    (found again in the paragraphs the edit touched, where ``old_mid``, old[k0:k1], were),
    then old[k1:] moved in place; ``lines``: the number of paragraphs added (or taken
    away, below 0)."""

    __slots__ = ("old", "new", "k0", "k1", "old_mid", "lines")

    def __init__(self, old, new, k0, k1, old_mid, lines):
        self.old, self.new, self.k0, self.k1, self.old_mid, self.lines = old, new, k0, k1, old_mid, lines


def find_markers(text: str, paragraphs, junk=(), memo: dict | None = None) -> list[Marker]:
    """The markers by start.  ``memo`` (Context.memo) keeps the call for the next one: an
    edit then looks at the paragraphs it changed only (duplicates/splice.py)."""
    js, je = merged(junk)
    layout = layout_of(text, paragraphs, junk) if memo is not None else None
    prev = memo.get("previous") if memo is not None else None
    # (a paragraph's markers depend on the character before it too: SHI_RE's ^ and lookbehinds)
    kept = unchanged(prev.layout, layout, behind=1) if prev is not None else None
    splice = None
    if kept is None:
        markers = []
        _markers_of(text, paragraphs, js, je, 0, len(paragraphs), markers)
        markers.sort(key=_START)
    else:
        first, last, mid_end, d = kept
        mid = []
        _markers_of(text, paragraphs, js, je, first, mid_end, mid)
        mid.sort(key=_START)
        # the previous markers of paragraphs before ``first`` and from ``last`` on (they are
        # by start, so by paragraph too)
        old = prev.markers
        k0 = bisect_left(old, first, key=_PARA)
        k1 = bisect_left(old, last, lo=k0, key=_PARA)
        dl = mid_end - last
        tail = old[k1:]
        if d or dl:
            # moved in place (the previous call's markers are this memo's alone; a heading
            # made from one is made again when its place differs, structure._headings)
            for m in tail:
                m.start += d
                m.end += d
                m.para += dl
        markers = old[:k0] + mid + tail
        splice = Splice(old, markers, k0, k1, old[k0:k1], dl)
    if memo is not None:
        memo["previous"] = _Previous(layout, markers)
        memo["splice"] = splice
    return markers


def context_markers(ctx) -> list[Marker]:
    """ctx.markers(), kept for the next call while the draft is edited (Context.memo)."""
    return ctx.cached("markers", lambda: find_markers(ctx.text, ctx.paragraphs, ctx.junk, ctx.memo("markers")))
