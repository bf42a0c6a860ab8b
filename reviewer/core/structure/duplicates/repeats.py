"""Paragraphs and sentences given twice (duplicate.paragraph, duplicate.sentence): the
items compared, in order, and the repeats among them; while a draft is edited, from the
previous call's items (splice.py), so that an edit looks at the paragraphs it changed only."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress
from operator import eq, itemgetter, ne

from .paragraph_text import (_PARAGRAPHS, _SENTENCES, STAGE, _clear, _in_junk, _index, _paragraph_key, _sentences,
                             title_paragraph)
from .splice import Layout, layout as layout_of, moved, unchanged
from ...cache import compile as compile_cached  # compiled programs kept between runs (start-up)


class _Items:
    """What a duplicate check compares, in order: each item's key, line (1-based), base (its
    paragraph's start) and (start, end) in the paragraph; ``at[k]``: the items before
    paragraph k (one more entry at the end: all of them)."""

    __slots__ = ("keys", "lines", "bases", "rels", "at")

    def __init__(self):
        self.keys, self.lines, self.bases, self.rels, self.at = [], [], [], [], []


_NO_JUNK = object()


def _junk_key(text, ps, pe, junk, min_length):
    """For a paragraph with website junk over it: (start, end, key) of its text without the
    junk and spaces, or None when what is left is short, junk or a script's formula said
    again by design (as _paragraph_key leaves out).  _NO_JUNK when no junk is over it: then
    its trimmed span and key depend on its text alone (kept by text: _paragraph_key)."""
    i = bisect_left(junk.starts, pe) - 1  # the quick test on the merged spans
    if i < 0 or junk.ends[i] <= ps or not junk.over(ps, pe):
        return _NO_JUNK
    s, e = _clear(text, ps, pe, junk)
    if e - s - _inside(junk, s, e) < min_length or _in_junk(junk, s, e):
        return None  # (short but for the junk inside it: 下面,請上臺領(lǐng)獎; is ten characters)
    key = re.sub(r"\s+", "", text[s:e])
    return None if STAGE.search(key) else (s, e, key)


def _inside(junk, s, e) -> int:
    """How many characters of s..e the junk spans cover (the index's merged, disjoint spans)."""
    starts, ends = junk.starts, junk.ends
    covered = 0
    for i in range(max(bisect_left(starts, s) - 1, 0), bisect_left(starts, e)):
        covered += max(0, min(ends[i], e) - max(starts[i], s))
    return covered


# a line that is an office's name alone (重庆市某区人民政府某某街道办事处): a notice names its
# issuer in its header and signs with it, no repeat (its twin for titles: duplicates._LETTERHEAD)
_OFFICE_LINE = compile_cached(r"(?!.*的)[\u4e00-\u9fff（）()]{2,40}(?:办事处|人民政府|委员会|办公室|办公厅|党委|党组|党工委|管委会|局)")

# a numbered item's name alone on its line, no sentence: a plan lists its activities, then
# gives each one's time and place under the same number and name
_ITEM_NAME = compile_cached(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．][^。！？!?；;，,\n]{2,28}")


def _item_named_again(text, paragraphs, keys, lines, i) -> bool:
    """Whether item i, a repeat, is a numbered item's name given again under another section (4、宣传及
    签名活动 ⏎ 时间：……): no repeat -- unless it stands right below its copy, blank lines between at
    most, a paste that went twice.  (Read off the items and the text only, so that an edit's spliced
    items give what a fresh run gives.)"""
    if not _ITEM_NAME.fullmatch(keys[i]):
        return False
    return not (i and keys[i - 1] == keys[i]
                and all(not text[p.start:p.end].strip() for p in paragraphs[lines[i - 1]:lines[i] - 1]))


def _paragraph_items(text, paragraphs, junk, min_length, near_title, title_key, lo, hi, out: _Items) -> None:
    """The trimmed text of paragraphs lo..hi-1 (without junk, long enough) into ``out``."""
    known = _PARAGRAPHS.get
    keys, lines, bases, rels, at = out.keys, out.lines, out.bases, out.rels, out.at
    for k in range(lo, hi):
        at.append(len(keys))
        p = paragraphs[k]
        ps, pe = p.start, p.end
        if pe - ps < min_length:
            continue
        got = _junk_key(text, ps, pe, junk, min_length)
        if got is None:
            continue
        if got is not _NO_JUNK:
            s, e, key = got
            s, e = s - ps, e - ps
        else:
            # no junk over the paragraph: its trimmed span and key depend on its text alone
            para = text[ps:pe]
            got = known((para, min_length), False)
            if got is False:
                got = _paragraph_key(para, min_length)
            if got is None:
                continue
            s, e, key = got
        if ps + s <= near_title and key == title_key:
            continue  # the title given again near the top: duplicate.title says so
        if _OFFICE_LINE.fullmatch(key):
            continue  # the issuing office over a notice and again at its signature
        keys.append(key)
        lines.append(k + 1)
        bases.append(ps)
        rels.append((s, e))


def _sentence_items(text, paragraphs, junk, min_length, lo, hi, out: _Items) -> None:
    """The sentences of paragraphs lo..hi-1 (long enough, not inside junk) into ``out``."""
    starts, ends = junk.starts, junk.ends
    known = _SENTENCES.get
    keys, lines, bases, rels, at = out.keys, out.lines, out.bases, out.rels, out.at
    for k in range(lo, hi):
        at.append(len(keys))
        p = paragraphs[k]
        base, pe = p.start, p.end
        if pe - base < min_length:
            continue
        para = text[base:pe]
        got = known((para, min_length))
        if got is None:
            got = _sentences(para, min_length)
        found, where = got
        if not found:
            continue
        # a span holding a sentence overlaps its paragraph: the few over it are asked
        i = bisect_left(starts, pe) - 1  # the quick test on the merged spans
        if i >= 0 and ends[i] > base:
            over = junk.over(base, pe)
            if over:
                kept = [j for j, (rs, re_) in enumerate(where)
                        if not any(js <= base + rs and base + re_ <= je for js, je in over)]
                found, where = [found[j] for j in kept], [where[j] for j in kept]
        n = len(found)
        keys += found
        rels += where
        lines += [k + 1] * n
        bases += [base] * n


class _Previous:
    """A check's previous call (kept in Context.memo while a draft is edited)."""

    __slots__ = ("layout", "kind", "items", "again", "lines")

    def __init__(self, layout, kind, items, again, lines=None):
        self.layout, self.kind, self.items, self.again = layout, kind, items, again
        self.lines = lines  # per repeat (``again``): the line of its first copy


def _splice(prev: _Previous, layout: Layout, fill, near_title) -> tuple | None:
    """The items from the previous call's (splice.unchanged), and how many of its repeats
    lead the list unchanged; None when that cannot be shown to equal a fresh run."""
    kept = unchanged(prev.layout, layout)
    if kept is None:
        return None
    first, last, mid_end, d = kept
    if first < len(layout.starts) and layout.starts[first] <= near_title:
        return None  # the title's neighbourhood changed: duplicate.title's repeats are left out there
    old = prev.items
    mid = _Items()
    fill(first, mid_end, mid)
    k0, k1 = old.at[first], old.at[last]
    items = _Items()
    items.keys = old.keys[:k0] + mid.keys + old.keys[k1:]
    items.lines = old.lines[:k0] + mid.lines + moved(old.lines[k1:], mid_end - last)
    items.bases = old.bases[:k0] + mid.bases + moved(old.bases[k1:], d)
    items.rels = old.rels[:k0] + mid.rels + old.rels[k1:]
    items.at = old.at[:first] + moved(mid.at, k0) + moved(old.at[last:], k0 + len(mid.keys) - k1)
    return items, bisect_left(prev.again, k0), (k1, k0 + len(mid.keys), d)


def find_repeats(check: str, text, paragraphs, junk, min_length, memo: dict | None = None) -> tuple[list, int]:
    """(start, end, line of the first copy) of each paragraph (check "paragraph") or
    sentence ("sentence") given again, but the first ``same`` ones, and ``same``: how many
    lead the previous call's list unchanged.  ``memo`` (Context.memo) keeps the call for
    the next one: an edit then looks at the paragraphs it changed only."""
    hits, same, _ = repeats_moved(check, text, paragraphs, junk, min_length, memo)
    return hits, same


def repeats_moved(check: str, text, paragraphs, junk, min_length, memo: dict | None = None,
                  held: int | None = None) -> tuple:
    """find_repeats() that also says which repeats after the edit are the previous call's
    moved: ``(hits, same, tail)``.  With ``tail`` None, ``hits`` are the repeats from
    ``same`` on; else ``tail`` is ``(j, d)``: ``hits`` are the repeats from ``same`` up to
    where the previous call's repeats from its ``j``-th on follow, each moved by ``d`` (the
    same text over them, splice.unchanged, and the same line of the first copy).  Only
    with ``memo`` and when ``held``, the number of repeats the caller holds from the
    previous call, is the number it found.

    Shown from the items (paragraphs or sentences, with their keys): those after the edit
    are the previous call's moved (_splice).  Such an item is a repeat now exactly when it
    was one then (the list of which items are repeats, from there on, is the previous one's
    shifted by the number of items added), and its first copy has the same line then and
    now (compared: an edit that makes the edited paragraph a copy of a later one, or no
    longer one, or adds a line before a first copy after the edit, shows there)."""
    spans = junk
    junk = _index(junk)
    near_title = -1
    if check == "paragraph":
        tp = title_paragraph(text, paragraphs, junk)
        title_key = re.sub(r"\s+", "", text[tp[1]:tp[2]]) if tp else None
        if title_key and (len(title_key) > 80 or title_key.endswith(("。", "！", "？", "；", "：", ":"))):
            title_key = None  # not a title
        if title_key:
            near_title = tp[2] + 1500  # the title given again up to here: duplicate.title's

        def fill(lo, hi, out):
            _paragraph_items(text, paragraphs, junk, min_length, near_title, title_key, lo, hi, out)
        kind = (min_length, near_title, title_key)
    else:
        def fill(lo, hi, out):
            _sentence_items(text, paragraphs, junk, min_length, lo, hi, out)
        kind = (min_length,)
    got = layout = prev = None
    if memo is not None:
        layout = layout_of(text, paragraphs, junk.spans if spans is junk else spans)
        prev = memo.get("previous")
        if prev is not None and prev.kind == kind:
            got = _splice(prev, layout, fill, near_title)
    if got is None:
        items, same, shift = _Items(), 0, None
        fill(0, len(paragraphs), items)
        items.at.append(len(items.keys))
    else:
        items, same, shift = got
    keys, lines, bases, rels = items.keys, items.lines, items.bases, items.rels
    n = len(keys)
    first = dict(zip(reversed(keys), range(n - 1, -1, -1)))  # the earliest item wins
    firsts = list(map(first.__getitem__, keys))
    again = list(compress(range(n), map(ne, firsts, range(n))))
    if check == "paragraph":
        again = [i for i in again if not _item_named_again(text, paragraphs, keys, lines, i)]
    first_lines = list(map(lines.__getitem__, map(firsts.__getitem__, again)))  # per repeat
    stop, tail = len(again), None
    if shift is not None and prev.lines is not None and held == len(prev.again):
        k1, k_new, d = shift  # items: the previous call's from k1 on are these from k_new on
        j0, j1 = bisect_left(prev.again, k1), bisect_left(again, k_new)
        if (len(again) - j1 == len(prev.again) - j0 and j1 < len(again)
                and again[j1:] == moved(prev.again[j0:], k_new - k1) and first_lines[j1:] == prev.lines[j0:]):
            stop, tail = j1, (j0, d)
    if memo is not None:
        memo["previous"] = _Previous(layout, kind, items, again, first_lines)
    return [(bases[i] + rels[i][0], bases[i] + rels[i][1], first_lines[k]) for k, i in
            enumerate(again[same:stop], same)], same, tail


# A sentence given twice in a row (要压实责任。要压实责任。), or a sentence's last clauses given
# again as the next sentence (……，对隐患立即整改。对隐患立即整改。): a paste that went twice.
_TWICE = compile_cached(r"(?:(?<=[。！？!?；;\n])|^)[ \t\u3000]*(?P<s>[^。！？!?；;\n]{4,80}?[。；;])[ \t\u3000]*(?P<again>(?P=s))", re.M)
_TAIL_TWICE = compile_cached(r"[，,](?P<s>[^。！？!?；;\n]{8,80}?[。；;])[ \t\u3000]*(?P<again>(?P=s))")
# a run of two clauses or more, with the comma that ends it, given twice within its sentence
# (比赛开始时，不许用手接触吸管，比赛开始时，不许用手接触吸管，直到……): a paste doubled mid-sentence
_CLAUSES_TWICE = compile_cached(r"(?:(?<=[，,：:。！？!?；;\n])|^)(?P<s>[^。！？!?；;，,\n]{4,40}[，,][^。！？!?；;\n]{4,80}?[，,])(?P<again>(?P=s))", re.M)
# the regexes of find_doubled, in the order of its lists of hits
_DOUBLINGS = (_TWICE, _TAIL_TWICE, _CLAUSES_TWICE)
_HAN = compile_cached(r"[\u4e00-\u9fff]")
_FIGURES = compile_cached(r"[0-9０-９零〇一二三四五六七八九十百千万亿两.．,，%％]+")


# min_length -> line text -> (the _TWICE hits, the _TAIL_TWICE hits) in it: ((start, end)
# of the repeat in the line); matches never cross a line, so while a draft is edited only the
# lines that changed are searched again (a million characters: ~180 → ~15 ms an edit)
_DOUBLED: dict[int, dict[str, tuple]] = {}
_NO_HITS = ((),) * len(_DOUBLINGS)


def _doubled_in(line: str, min_length: int, known: dict) -> tuple:
    got = tuple(
        tuple(m.span("again") for m in rx.finditer(line)
              if len(_HAN.findall(m.group("s"))) >= min_length
              and not (rx is _TWICE and len(re.sub(r"\s+", "", m.group("s"))) >= 20))  # duplicate.sentence's
        for rx in _DOUBLINGS)
    if got == _NO_HITS:
        got = _NO_HITS
    if len(known) > 200_000:
        known.clear()
    known[line] = got
    return got


def find_doubled(text, paragraphs, junk, min_length=4):
    """(start, end, {"first_line"}) of each sentence that repeats the words just before it.
    A whole sentence of 20 characters or more given twice is duplicate.sentence's.

    While a draft is edited (the previous call kept here), when the paragraphs are the text's
    lines: the hits of the lines before the edit are the previous call's, those of the lines
    after it moved (splice.unchanged: same text, same junk over them), and only the lines
    between are looked up."""
    global _DOUBLED_LAST
    jx = _index(junk)
    lay = layout_of(text, paragraphs, jx.spans if junk is jx else junk)
    found = None
    prev = _DOUBLED_LAST
    if prev[0] == min_length and prev[1] is not None and lay.are_lines() and prev[1].are_lines():
        kept = unchanged(prev[1], lay)
        if kept is not None:
            first, last, mid_end, d = kept
            mid = _doubled_lines(text, jx, min_length, lay.starts, lay.ends, first, mid_end)
            lines = mid_end - last
            found = []
            for old, new in zip(prev[2], mid):
                i = bisect_left(old, first + 1, key=_LINE)  # (line k + 1 is paragraph k)
                j = bisect_left(old, last + 1, key=_LINE)
                tail = [(s + d, e + d, n + lines) for s, e, n in old[j:]] if d or lines else old[j:]
                found.append(old[:i] + new + tail)
    if found is None:
        found = tuple([] for _ in _DOUBLINGS)  # the _TWICE hits first, as one pass of each regex gives them
        known = _DOUBLED.setdefault(min_length, {})
        base = 0
        for number, line in enumerate(text.split("\n"), 1):
            _line_doubled(found, known, line, base, number, min_length, jx)
            base += len(line) + 1
    _DOUBLED_LAST = (min_length, lay, found)
    for into in found:
        for s, e, number in into:
            yield s, e, {"first_line": number}


_DOUBLED_LAST: tuple = (None, None, None)  # find_doubled's previous call: (min_length, Layout, its hits)
_LINE = itemgetter(2)


def _doubled_lines(text, jx, min_length, starts, ends, lo, hi) -> tuple[list, ...]:
    """find_doubled's hits (start, end, line) in the lines lo..hi-1 (the paragraphs, which are
    the text's lines)."""
    found = tuple([] for _ in _DOUBLINGS)
    known = _DOUBLED.setdefault(min_length, {})
    for k in range(lo, hi):
        _line_doubled(found, known, text[starts[k]:ends[k]], starts[k], k + 1, min_length, jx)
    return found


def _line_doubled(found, known, line, base, number, min_length, jx) -> None:
    """Add the hits of one line (its text, its start, its number) outside junk to found."""
    hits = known.get(line)
    if hits is None:
        hits = _doubled_in(line, min_length, known)
    if hits is not _NO_HITS:
        for into, spans in zip(found, hits):
            for s, e in spans:
                s, e = base + s, base + e
                if not _in_junk(jx, s, e):
                    into.append((s, e, number))


# What find_near works out per paragraph is kept by text (a paragraph without junk over it:
# _paragraph_key) and by key, so that an edit works out only the paragraphs it changed.
_NEAR_KEYS: dict[str, tuple] = {}  # key -> _near_item(key)
_ALIKE: dict[tuple[str, str], bool] = {}  # (a, b) -> whether b is a near copy of a


def _near_item(key: str) -> tuple:
    """(the key without figures, whether it has Han characters enough)."""
    got = _NEAR_KEYS.get(key)
    if got is None:
        got = _FIGURES.sub("#", key), len(_HAN.findall(key)) >= 15
        if len(_NEAR_KEYS) > 200_000:
            _NEAR_KEYS.clear()
        _NEAR_KEYS[key] = got
    return got


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    got = _ALIKE.get((a, b))
    if got is None:
        sm = SequenceMatcher(None, a, b, autojunk=False)
        got = sm.quick_ratio() >= 0.9 and sm.ratio() >= 0.9
        if len(_ALIKE) > 10_000:
            _ALIKE.clear()
        _ALIKE[(a, b)] = got
    return got


def find_near(text, paragraphs, junk, min_length=30):
    """(start, end, {"first_line"}) of a paragraph that gives one of the two paragraphs
    before it again with small changes (a word added or changed): pasted twice, then half
    edited.  Exact copies are duplicate.paragraph's.

    The paragraphs compared are duplicate.paragraph's items (without the title left out),
    spliced from the previous call's while a draft is edited (the previous call is kept here:
    splice.unchanged shows what is reused equal, whatever draft it was made for).  Which are
    copies of an earlier one is found as find_repeats does; a near copy needs its first four
    characters to be those of one of the two items before it, so only those few items are
    looked at one by one (a million characters: ~22 → ~4 ms an edit)."""
    global _NEAR
    jx = _index(junk)
    lay = layout_of(text, paragraphs, jx.spans if junk is jx else junk)

    def fill(lo, hi, out):
        _paragraph_items(text, paragraphs, jx, min_length, -1, None, lo, hi, out)
    got = None
    prev = _NEAR
    if prev[0] == min_length and prev[1] is not None:
        got = _splice(_Previous(prev[1], None, prev[2], ()), lay, fill, -1)
    if got is None:
        items = _Items()
        fill(0, len(paragraphs), items)
        items.at.append(len(items.keys))
    else:
        items = got[0]
    _NEAR = (min_length, lay, items)
    yield from _near_hits(items)


_NEAR: tuple = (None, None, None)  # find_near's previous call: (min_length, Layout, _Items)
_HEAD = itemgetter(slice(None, 4))


def _near_hits(items: _Items):
    """The walk of the items as written first -- a copy of an earlier item empties the last
    two items kept (``recent``), an item with Han characters enough is compared with them,
    a near copy is reported and empties them, any other item is kept -- taking only the
    items whose head is one of the two items' before it."""
    keys, lines, bases, rels = items.keys, items.lines, items.bases, items.rels
    n = len(keys)
    first = dict(zip(reversed(keys), range(n - 1, -1, -1)))
    again = list(compress(range(n), map(ne, map(first.__getitem__, keys), range(n))))  # copies: they empty recent
    heads = list(map(_HEAD, keys))
    by_one = map(eq, heads[1:], heads)   # i + 1: the head of item i
    by_two = map(eq, heads[2:], heads)   # i + 2: the head of item i
    looked = sorted({*compress(range(1, n), by_one), *compress(range(2, n), by_two)})
    last_hit = -1
    for i in looked:
        k = bisect_left(again, i)
        if k < len(again) and again[k] == i:
            continue  # a copy: duplicate.paragraph's
        reset = max(again[k - 1] if k else -1, last_hit)  # recent holds the items after it
        key = keys[i]
        bare, enough = _near_item(key)
        if not enough:
            continue
        hit = None
        for j in (i - 2, i - 1):  # (recent: the older first)
            if j <= reset:
                continue
            a = keys[j]
            if 0.85 <= len(key) / len(a) <= 1.18 and key[:4] == a[:4] and bare != _near_item(a)[0] and _alike(a, key):
                hit = lines[j]
                break
        if hit is not None:
            last_hit = i
            s, e = rels[i]
            yield bases[i] + s, bases[i] + e, {"first_line": hit}
