"""A paragraph's own text: without the website junk over it (the junk spans indexed by
position) and its spaces; the first real paragraph (the title); the trimmed paragraphs and
the sentences the duplicate checks compare, kept by text."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from operator import itemgetter, sub

from ...spans import held, merge_spans, merged_list
from ...cache import compile as compile_cached  # compiled programs kept between runs (start-up)

# A run of text and the stops that end it.  The stops are optional so that a line with no
# full stop is one match, not a scan from every character to its end (quadratic); a match
# without stops is not a sentence and is skipped.
_SENTENCE = compile_cached(r"[^。！？!?\n]+(?P<stop>[。！？!?]+)?")


def _strip(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Junk:
    """Junk spans found by position: a paragraph looks only at the spans over it (looking
    at all of them for every paragraph is quadratic on thousands of junk lines).  The spans
    are sorted by start with the furthest end so far: the spans over s..e start before e,
    and going back from there stops where nothing before reaches s.  A span longer than
    LONG characters (rare: a whole block of junk) would make that walk long for every
    paragraph after it, so those are listed in the buckets of BUCKET characters they cover
    instead.  (Built on every review: a sort and a few C loops over ~4,000 spans on a
    million characters, where a bucket list per span cost ~1.3 ms.)"""

    BUCKET = 512
    LONG = 2048

    def __init__(self, junk):
        self.spans = spans = list(junk)
        long_ = self.LONG
        order = sorted(range(len(spans)), key=spans.__getitem__)
        starts = list(map(itemgetter(0), spans))
        ends = list(map(itemgetter(1), spans))
        buckets: dict[int, list[int]] = {}
        if spans and max(map(sub, ends, starts)) > long_:
            size = self.BUCKET
            for i in order:
                js, je = spans[i]
                if je - js > long_:
                    for b in range(js // size, max(js, je - 1) // size + 1):
                        buckets.setdefault(b, []).append(i)
            order = [i for i in order if ends[i] - starts[i] <= long_]
        self.buckets = buckets  # the long spans' indices, by bucket
        self.order = order  # the other spans' indices, by start (then end)
        self.sorted_starts = list(map(starts.__getitem__, order))
        self.reach = list(accumulate(map(ends.__getitem__, order), max))
        # merged: a quick test whether any span is over s..e (the last merged span starting
        # before e ends after s), asked for every paragraph before over()
        self.starts, self.ends = merged_list(junk) if isinstance(junk, list) else merge_spans(self.spans)

    def over(self, s, e) -> list[tuple[int, int]]:
        """The spans that overlap s..e (or, for an empty s..e, hold s), in their original order."""
        spans, order, reach = self.spans, self.order, self.reach
        got = []
        k = bisect_left(self.sorted_starts, e) - 1  # (spans that start before e)
        while k >= 0 and reach[k] > s:  # (a span before k reaching past s may be over s..e)
            i = order[k]
            if spans[i][1] > s:
                got.append(i)
            k -= 1
        if self.buckets:
            size = self.BUCKET
            for b in range(s // size, max(s, e - 1) // size + 1):
                got += [i for i in self.buckets.get(b, ()) if spans[i][0] < e and spans[i][1] > s]
            got = set(got)
        if not got:
            return []
        return [spans[i] for i in sorted(got)] if len(got) > 1 else [spans[i] for i in got]


_LAST: tuple = (None, None, None)  # (junk list, what it held, its index): one review asks many times


def _index(junk) -> _Junk:
    """The index of a list of junk spans, built once per list (the engine's list of junk
    only grows, during the junk rules; later asks find it complete)."""
    global _LAST
    if isinstance(junk, _Junk):
        return junk
    last, was, index = _LAST
    if last is junk and was == held(junk):
        return index
    index = _Junk(junk)
    if isinstance(junk, list):
        _LAST = (junk, held(junk), index)
    return index


def merged(junk) -> tuple[list[int], list[int]]:
    """merge_spans(junk), worked out once per list of junk (spans.merged_list; the engine's
    tidy asks for the same list) -- the index of the spans is not built for it."""
    if isinstance(junk, list):
        return merged_list(junk)
    index = _index(junk)
    return index.starts, index.ends


def _in_junk(junk, s, e) -> bool:
    return any(js <= s and e <= je for js, je in _index(junk).over(s, e))


def _clear(text, s, e, junk) -> tuple[int, int]:
    """The paragraph's span with leading/trailing website junk and spaces removed."""
    # Only spans overlapping the paragraph can move either end, and the ends only move inwards.
    junk = _index(junk).over(s, e)
    changed = True
    while changed:
        changed = False
        s, e = _strip(text, s, e)
        for js, je in junk:
            if js <= s < je < e:
                s, changed = je, True
            if s < js < e <= je:
                e, changed = js, True
    return s, e


def title_paragraph(text, paragraphs, junk):
    """Index and span of the first paragraph that is real text (not website junk, not a
    date alone: an e-paper's issue date above the title is no title of its own)."""
    junk = _index(junk)
    for i, p in enumerate(paragraphs):
        s, e = _clear(text, p.start, p.end, junk)
        if s < e and not _in_junk(junk, s, e) and not _DATE_ONLY.fullmatch(text, s, e):
            return i, s, e
    return None


_DATE_ONLY = compile_cached(r"[ \t\u3000]*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t\u3000]*(?:星期|周)[一二三四五六日天])?[ \t\u3000]*")


_PARAGRAPHS: dict[tuple[str, int], tuple | None] = {}  # paragraph text -> _paragraph_key()


# A line not compared: one with a script's stage direction (（稍停） （掌声） （如没有意见）), a
# formula said again at every vote by design (同意的请举手。（稍停）请放下。, 一致通过（或同意的超过半数，
# 通过）。: the script's other wording in brackets after 或); a table's row
# (cells between | or tabs): a pasted table repeats its header or a row by design
# (| 信息内容 | 数量 |), no paragraph was pasted twice; a line with no Chinese at all (a
# page's date stamp, 2018-08-27 11:51.); a template's row, short, with three blanks or more
# (×镇发生火灾×起，占全县×%；): one such row for each town is the template's design; a short line
# of two fields or more (高中组：高中1-3年级；中学组：初中1-3年级；): the same groups defined again
# under each contest of a plan; a plan's field (活动时间：3月20日上午), the same under each activity.
STAGE = compile_cached(r"[（(][^（）()\n]{0,10}?(?:稍停|停顿|掌声|鼓掌|奏毕|奏畢|起立|如没有|如沒有|完毕|完畢|音乐|音樂|请放下|请举手|举手)[^（）()\n]{0,10}?[）)]|[（(]或[^（）()\n]{1,30}[）)]"
                   r"|^[ \t\u3000]*[|｜][^\n]*[|｜][^\n]*[|｜][ \t\u3000]*$|^[^\t\n]+(?:\t+[^\t\n]*){2,}$"
                   r"|^[^\u4e00-\u9fff\n]+$"
                   r"|^(?=[^\n]{0,40}$)(?:[^\n×Ｘ]*(?:[×Ｘ]+|(?<![A-Za-z])[Xx]+(?![A-Za-z]))){3}[^\n]*$"
                   r"|^(?=[^\n]{0,40}$)[^\n:：]{1,12}[:：][^\n:：]+[:：][^\n]*$"
                   # (a plan's field, the same for each of its activities: 活动时间：3月20日上午)
                   r"|^(?=[^\n]{0,40}$)[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、)）]|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、.．])?[ \t\u3000]*(?:活动|比赛|会议|培训)?(?:时间|地点|对象|负责人|责任人|责任单位|牵头单位"
                   r"|配合单位|完成时限|主办单位|承办单位|参加人员|参与人员|参加对象)[ \t\u3000]*[:：][^\n]*$", re.M)


def _paragraph_key(para: str, min_length: int) -> tuple | None:
    """(start, end, key) of a paragraph without junk, spaces trimmed; None when short or a
    script's line with a stage direction."""
    got = _PARAGRAPHS.get((para, min_length), False)
    if got is False:
        s, e = _strip(para, 0, len(para))
        got = (s, e, re.sub(r"\s+", "", para[s:e])) if e - s >= min_length and not STAGE.search(para) else None
        if len(_PARAGRAPHS) > 200_000:
            _PARAGRAPHS.clear()
        _PARAGRAPHS[(para, min_length)] = got
    return got


# paragraph text -> its sentences long enough to compare, (their keys, their (start, end) in
# the paragraph): a re-check after an edit (core/incremental.py) splits the changed paragraphs only
_SENTENCES: dict[tuple[str, int], tuple] = {}


def _sentences(para: str, min_length: int) -> tuple:
    got = _SENTENCES.get((para, min_length))
    if got is None:
        keys, spans = [], []
        for m in _SENTENCE.finditer(para):
            if m.group("stop") is None:
                continue
            s, e = _strip(para, m.start(), m.end())
            if e - s < min_length:
                continue
            key = re.sub(r"\s+", "", para[s:e])
            if len(key) >= min_length and not STAGE.search(key):  # (a script's formula: as for paragraphs)
                keys.append(key)
                spans.append((s, e))
        got = (tuple(keys), tuple(spans))
        if len(_SENTENCES) > 200_000:
            _SENTENCES.clear()
        _SENTENCES[(para, min_length)] = got
    return got
