"""Text repeated by accident: the title again in the next lines, a paragraph or a sentence twice."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..spans import merge_spans

_TITLE_TAIL = re.compile(r"[（(][一二三四五六七八九十\d]{1,2}[）)]$|[（(]?(?:精选|通用)?\d*篇[）)]?$")
# A run of text and the stops that end it.  The stops are optional so that a line with no
# full stop is one match, not a scan from every character to its end (quadratic); a match
# without stops is not a sentence and is skipped.
_SENTENCE = re.compile(r"[^。！？!?\n]+(?P<stop>[。！？!?]+)?")
_STOPS = "。，；！？"


def _strip(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Junk:
    """Junk spans found by position: a paragraph looks only at the spans over it (looking
    at all of them for every paragraph is quadratic on thousands of junk lines).  Each
    span is listed in the buckets of BUCKET characters it covers."""

    BUCKET = 512

    def __init__(self, junk):
        self.spans = list(junk)
        buckets: dict[int, list[int]] = {}
        size = self.BUCKET
        for i, (js, je) in enumerate(self.spans):
            for b in range(js // size, max(js, je - 1) // size + 1):
                buckets.setdefault(b, []).append(i)
        self.buckets = buckets
        # merged: a quick test whether any span is over s..e (the last merged span starting
        # before e ends after s), asked for every paragraph before over()
        self.starts, self.ends = merge_spans(self.spans)

    def over(self, s, e) -> list[tuple[int, int]]:
        """The spans that overlap s..e (or, for an empty s..e, hold s), in their original order."""
        size = self.BUCKET
        spans = self.spans
        lo, hi = s // size, max(s, e - 1) // size
        if lo == hi:
            got = [i for i in self.buckets.get(lo, ()) if spans[i][0] < e and spans[i][1] > s]
        else:
            seen = set()
            for b in range(lo, hi + 1):
                seen.update(self.buckets.get(b, ()))
            got = sorted(i for i in seen if spans[i][0] < e and spans[i][1] > s)
        return [spans[i] for i in got]


_LAST: tuple = (None, None, None)  # (junk list, what it held, its index): one review asks many times


def _index(junk) -> _Junk:
    """The index of a list of junk spans, built once per list (the engine's list of junk
    only grows, during the junk rules; later asks find it complete)."""
    global _LAST
    if isinstance(junk, _Junk):
        return junk
    last, held, index = _LAST
    if last is junk and held == (len(junk), junk[:1], junk[-1:]):
        return index
    index = _Junk(junk)
    if isinstance(junk, list):
        _LAST = (junk, (len(junk), junk[:1], junk[-1:]), index)
    return index


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
    """Index and span of the first paragraph that is real text (not website junk)."""
    junk = _index(junk)
    for i, p in enumerate(paragraphs):
        s, e = _clear(text, p.start, p.end, junk)
        if s < e and not _in_junk(junk, s, e):
            return i, s, e
    return None


_PIECE = re.compile(r"篇[一二三四五六七八九十\d]{1,3}(?![\u4e00-\u9fff])|第[一二三四五六七八九十\d]{1,3}篇|【篇")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SEGMENT = re.compile(r"[^ \t　.。．|｜/]+")
_SEP = " \t　.。．,，、·|｜/-—_"
_DASH = ("—", "-", "－", "–", "─")


def _bigrams(s: str) -> set:
    s = re.sub(r"[\W_]+", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similar(a: str, b: str) -> float:
    """Share of the shorter string's character pairs found in the other (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _variant(a: str, b: str) -> bool:
    """b is a rewording of the title a (在创建“平安某某”…的讲话 / 在建设平安创建…的讲话)."""
    la, lb = len(a.strip()), len(b.strip())
    if min(la, lb) < 6 or not 0.6 <= lb / la <= 1.6:
        return False
    return similar(a, b) >= 0.55


def _doubled(text, s, e, core=None) -> tuple[int, int] | None:
    """The start of a line that gives the title twice: 标题标题, 标题 标题, or two wordings of
    it (2023年镇人民政府政府工作报告 镇人民政府2023年政府工作报告)."""
    n = e - s
    run_end = s  # separators are skipped once, not again for every k (a line of 。 is long)
    for k in range(6, min(80, n // 2) + 1):
        q = s + k
        if q < run_end:
            q = run_end
        else:
            while q < e and text[q] in _SEP:
                q += 1
            run_end = q
        seg = text[s:s + k]
        if q + k <= e and text[q:q + k] == seg and not any(c in seg for c in "，,。！？；：:") \
                and len(_HAN.findall(seg)) >= 4 and (core is None or seg == core or _variant(core, seg)):
            return s, q + k
    segs = [(m.start(), m.end()) for m in _SEGMENT.finditer(text, s, min(e, s + 170))][:2]
    if len(segs) == 2 and segs[0][0] == s:
        a, b = text[slice(*segs[0])], text[slice(*segs[1])]
        if (min(len(a), len(b)) >= 6 and not any(c in a + b for c in "，,：:；;！？")
                and (a in b or b in a or _variant(a, b))
                and (core is None or _variant(core, a) or _variant(core, b))):
            return s, segs[1][1]
    if core:
        pos = text.find(core, s + 6, min(e, s + 2 * len(core) + 8))
        if pos > s:
            head = text[s:pos].strip(_SEP)
            if head and not any(c in head for c in "。！？；，,：:") and _variant(core, head):
                return s, pos + len(core)
    return None


def find_title(text, paragraphs, junk, min_length=8):
    """The title given again: doubled in its own line or at the start of a line just below
    it, repeated after the site's header lines (before the salutation), glued to the
    salutation (标题同志们：) or reworded on the line right below it."""
    junk = _index(junk)
    found = title_paragraph(text, paragraphs, junk)
    if not found:
        return
    ti, ts, te = found
    title = text[ts:te]
    own = _doubled(text, ts, te)
    if own:
        first = re.split(r"[ \t　.。．|｜/]", text[own[0]:own[1]], maxsplit=1)[0]
        half = text[own[0]:own[0] + (own[1] - own[0]) // 2]
        yield own[0], own[1], {"title": (first if len(first) < own[1] - own[0] else half)[:40]}
        return
    if len(title) > 80 or title.endswith(("。", "：", ":")):
        return
    core = _TITLE_TAIL.sub("", title).strip()
    if len(core) < min_length:
        return
    seen = 0
    for p in paragraphs[ti + 1:]:
        s, e = _clear(text, p.start, p.end, junk)
        if s == e or _in_junk(junk, s, e):
            continue
        if s - te > 1500:
            break
        seen += 1
        if _PIECE.search(text, p.start, p.end):
            continue  # the next piece of a collection (……方案篇二) has the same title
        line = text[s:e]
        pos = line.find(core)
        if pos == 0 or (pos > 0 and len(line) <= len(core) + 30 and not any(c in line for c in _STOPS)):
            if len(line) <= len(core) + 30 and not any(c in line for c in _STOPS):
                yield s, e, {"title": core}
                continue
            end = s + len(core)
            while True:
                q = end
                while q < e and text[q].isspace():
                    q += 1
                if text.startswith(core, q):
                    end = q + len(core)
                else:
                    break
            yield s, end, {"title": core}
            continue
        twice = _doubled(text, s, e, core)
        if twice:
            yield twice[0], twice[1], {"title": core}
            continue
        if (seen == 1 and len(line) <= 80 and not any(c in line for c in _STOPS + "：:")
                and not line.startswith(_DASH) and _variant(core, line)):
            yield s, e, {"title": core}


_PARAGRAPHS: dict[tuple[str, int], tuple | None] = {}  # paragraph text -> _paragraph_key()


def _paragraph_key(para: str, min_length: int) -> tuple | None:
    """(start, end, key) of a paragraph without junk, spaces trimmed; None when short."""
    got = _PARAGRAPHS.get((para, min_length), False)
    if got is False:
        s, e = _strip(para, 0, len(para))
        got = (s, e, re.sub(r"\s+", "", para[s:e])) if e - s >= min_length else None
        if len(_PARAGRAPHS) > 200_000:
            _PARAGRAPHS.clear()
        _PARAGRAPHS[(para, min_length)] = got
    return got


def find_paragraph(text, paragraphs, junk, min_length=15):
    junk = _index(junk)
    seen: dict[str, int] = {}
    tp = title_paragraph(text, paragraphs, junk)
    title_key = re.sub(r"\s+", "", text[tp[1]:tp[2]]) if tp else None
    if title_key and (len(title_key) > 80 or title_key.endswith(("。", "！", "？", "；", "：", ":"))):
        title_key = None  # not a title
    starts, ends = junk.starts, junk.ends
    known = _PARAGRAPHS.get
    for line, p in enumerate(paragraphs, 1):
        ps, pe = p.start, p.end
        if pe - ps < min_length:
            continue
        i = bisect_left(starts, pe) - 1  # the quick test on the merged spans
        if i >= 0 and ends[i] > ps and junk.over(ps, pe):
            s, e = _clear(text, ps, pe, junk)
            if e - s < min_length or _in_junk(junk, s, e):
                continue
            key = re.sub(r"\s+", "", text[s:e])
        else:
            # no junk over the paragraph: its trimmed span and key depend on its text alone
            para = text[ps:pe]
            got = known((para, min_length), False)
            if got is False:
                got = _paragraph_key(para, min_length)
            if got is None:
                continue
            s, e, key = ps + got[0], ps + got[1], got[2]
        if key == title_key and tp and s - tp[2] <= 1500:
            continue  # the title given again near the top: duplicate.title says so
        if key in seen:
            yield s, e, {"first_line": seen[key]}
        else:
            seen[key] = line


# paragraph text -> its sentences long enough to compare, (start, end, key) in the paragraph:
# a re-check after an edit (core/incremental.py) splits the changed paragraphs only
_SENTENCES: dict[tuple[str, int], tuple] = {}


def _sentences(para: str, min_length: int) -> tuple:
    got = _SENTENCES.get((para, min_length))
    if got is None:
        out = []
        for m in _SENTENCE.finditer(para):
            if m.group("stop") is None:
                continue
            s, e = _strip(para, m.start(), m.end())
            if e - s < min_length:
                continue
            key = re.sub(r"\s+", "", para[s:e])
            if len(key) >= min_length:
                out.append((s, e, key))
        got = tuple(out)
        if len(_SENTENCES) > 200_000:
            _SENTENCES.clear()
        _SENTENCES[(para, min_length)] = got
    return got


def find_sentence(text, paragraphs, junk, min_length=20):
    junk = _index(junk)
    seen: dict[str, int] = {}
    starts, ends = junk.starts, junk.ends
    known = _SENTENCES.get
    for line, p in enumerate(paragraphs, 1):
        base, pe = p.start, p.end
        if pe - base < min_length:
            continue
        # a span holding a sentence overlaps its paragraph: the few over it are asked
        i = bisect_left(starts, pe) - 1  # the quick test on the merged spans
        over = junk.over(base, pe) if i >= 0 and ends[i] > base else ()
        para = text[base:pe]
        got = known((para, min_length))
        if got is None:
            got = _sentences(para, min_length)
        for rs, re_, key in got:
            s, e = base + rs, base + re_
            if over and any(js <= s and e <= je for js, je in over):
                continue
            if key in seen:
                yield s, e, {"first_line": seen[key]}
            else:
                seen[key] = line


_LABEL = re.compile(r"^\s*(?:内容)?(?:摘要|导语|简介|提要|描述|概要|资源描述|文档描述|内容简介|文章简介)\s*[:：】\]]?\s*")
_ELLIPSIS = re.compile(r"(?:…+|\.{3,}|。{3,})\s*$")


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "，": ",", "：": ":", "；": ";",
                       "（": "(", "）": ")", "！": "!", "？": "?"})


def _norm(s: str) -> str:
    """Text for comparing copies: no blanks, one form of each quote and common mark (a
    site's summary folds “” to straight quotes and ，to , where the speech keeps them)."""
    return re.sub(r"\s+", "", s).translate(_FOLD)


def find_lead(text, paragraphs, junk, min_length=20):
    """A site's summary line that repeats the lead paragraph (often cut with “……”): the
    first paragraphs are looked at, and one whose text the next real text starts with
    again is reported."""
    junk = _index(junk)
    lines = []
    for p in paragraphs:
        s, e = _clear(text, p.start, p.end, junk)
        if s < e and not _in_junk(junk, s, e):
            lines.append((s, e))
        if len(lines) >= 12:
            break
    for i, (s, e) in enumerate(lines[:8]):
        raw = text[s:e]
        m = _LABEL.match(raw)
        body = raw[m.end():] if m else raw
        body = _ELLIPSIS.sub("", body)
        key = _norm(body)
        if len(key) < min_length:
            continue
        probe = key[:60]
        # the lead may repeat one paragraph, or the title, date and salutation lines and the
        # start of the speech run together (a sharing site's one-line summary)
        joined, repeated = "", False
        for s2, e2 in lines[i + 1:i + 9]:
            part = _norm(text[s2:e2])
            repeated = repeated or part == key  # a title written twice: the title rule's
            joined += part
            if len(joined) > len(key):
                break
        if repeated:
            continue
        s2 = lines[i + 1][0] if i + 1 < len(lines) else e
        if joined != key and joined.startswith(probe) and len(joined) > len(key):
            yield s, e, {"first_line": text.count("\n", 0, s2) + 1}
