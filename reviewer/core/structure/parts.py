"""Where a draft's parts are: its real extent (website junk left out), its title, and
the parts a genre profile names (salutation, closing, next steps …), found by cues."""
from __future__ import annotations

import re
from bisect import bisect_right

from .duplicates.paragraph_text import _strip, merged, title_paragraph
from .numbering import find_markers
from .profiles import Genre, Profiles
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


def _real_span(text, paragraphs, junk) -> tuple[int, int]:
    """First and last offsets of text that is not website junk."""
    js, je = merged(junk)

    def junky(i):
        k = bisect_right(js, i) - 1
        return k >= 0 and i < je[k]
    lo, hi = 0, len(text)
    while lo < hi and (text[lo].isspace() or junky(lo)):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or junky(hi - 1)):
        hi -= 1
    for _ in range(6):  # a site's footer the junk rules missed is not the draft's ending
        start = text.rfind("\n", lo, hi) + 1
        if start <= lo or hi - start > 80 or not _NAV.search(text, start, hi):
            break
        hi = start
        while hi > lo and (text[hi - 1].isspace() or junky(hi - 1)):
            hi -= 1
    return lo, hi


_NAV = compile_cached(r"上一篇|下一篇|相关(?:推荐|阅读|文章|范文)|猜你喜欢|查看更多|阅读全文|更多精彩|点击(?:下载|查看|阅读)|下载(?:全文|文档|本文)"
                      r"|版权(?:所有|归|声明)|Copyright|All Rights|ICP|备案号|免责声明|侵权|赞助商|扫码|关注(?:公众号|我们)|本文(?:由|来源|链接)"
                      r"|www\.|https?://|\.(?:com|cn|net)\b"
                      r"|(?<![^\n])[ \t]*(?:收藏|分享到?|打印|举报)[《“：:]", re.I)  # a page's buttons: 收藏《标题》


_MARKER_START = compile_cached(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                               r"|\d{1,2}\s*[、.．)）]|第[一二三四五六七八九十]+[，,、：:])")


# a heading numbered with a comma (1，指导思想): a sloppy section number, no title
_NUMBERED_COMMA = compile_cached(r"\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[，,](?=\S{2,12}\s*$)")


def _salutation_line(line: str, profiles: Profiles) -> bool:
    sal = profiles.parts.get("salutation")
    if not sal or len(line) > 60:
        return False
    if any(c.match(line) for c in sal.cues):
        return True
    return line.endswith(("：", ":")) and len(line) <= 30 and any(c.search(line) for c in sal.cues)


_SENTENCE_END = compile_cached(r"[。！？!?]")
_ADDRESSED = compile_cached(r"[^。！？!?；;：:\n]{2,40}[：:]")
_GREETED = compile_cached(r"[^。！？!?\n]{0,60}?(?:大家|各位|们)(?:上午|下午|晚上|早上|中午)?好[！!，,。]")


def _salutation_opening(line: str, profiles: Profiles) -> str:
    """A first paragraph that opens with the salutation and runs on (尊敬的各位老师，亲爱的同仁们，
    大家下午好！时光荏苒……): the salutation up to its greeting, else ""."""
    sal = profiles.parts.get("salutation")
    if not sal or not any(c.match(line) for c in sal.cues):
        return ""
    m = _GREETED.match(line)
    if m:
        return line[:m.end()]
    # or ends it with a colon and the text runs on in the same line, as a page joined the
    # lines (同志们： 前不久，……; 各位领导、同志们：上午，……)
    m = _ADDRESSED.match(line)
    return line[:m.end()] if m and any(c.match(m.group()) for c in sal.cues) else ""


def _trimmed_lines(text, paragraphs, junk, start):
    """(paragraph, start, end, whether website junk holds it whole) of the paragraphs that
    end after ``start``, spaces trimmed, less the blank ones."""
    js, je = merged(junk)
    for p in paragraphs:
        if p.end <= start:
            continue
        s, e = _strip(text, p.start, p.end)
        if s < e:
            k = bisect_right(js, s) - 1
            yield p, s, e, k >= 0 and e <= je[k]


def _real_lines(text, paragraphs, junk, start):
    """(paragraph, start, end) of the paragraphs that end after ``start``, spaces trimmed,
    less the blank ones and those that website junk holds whole."""
    for p, s, e, held in _trimmed_lines(text, paragraphs, junk, start):
        if not held:
            yield p, s, e


def _salutation_below(text, paragraphs, junk, profiles, start, limit=4, outline=False) -> str:
    """A salutation among the first ``limit`` real lines from ``start`` (a speech whose title
    names no genre -- 建设美丽乡村 有你 有我 -- or has a subtitle, the speaker and the date
    between it and 同志们：), else "".  ``outline``: a salutation line with no sentence above
    it (an outline a site put above a speech: 目录/提纲：…… and its headings, then 同志们：)."""
    seen = 0
    for _, s, e in _real_lines(text, paragraphs, junk, start):
        line = text[s:e]
        if _salutation_line(line, profiles):
            return line
        got = "" if outline else _salutation_opening(line, profiles)
        if got or outline and _SENTENCE_END.search(line):
            return got
        seen += 1
        if seen >= limit:
            return ""
    return ""


_SPEAKER = compile_cached(r"[ \t\u3000]*(?:男|女|合|甲|乙)[ \t\u3000]*[:：]")


def _title_span(text, paragraphs, junk, profiles) -> tuple[int, int] | None:
    """The title: the first real line when it is short, not a sentence, not the salutation
    and not a numbered heading."""
    tp = title_paragraph(text, paragraphs, junk)
    if not tp:
        return None
    _, ts, te = tp
    line = text[ts:te]
    if len(line) > 80 or line.endswith(("。", "；", "！", "？", "，", "!", "?", ";", ",")) or _MARKER_START.match(line) \
            or _NUMBERED_COMMA.match(line):
        return None  # (a sentence's stop, full-width or as a page folded it to ASCII; 1，指导思想 a heading)
    if _SPEAKER.match(line):
        return None  # a host's line (男：…… 女：…… 合：大家好！), not a title
    if _ANNOUNCES.search(line):
        return None  # a sentence announcing what follows (……现将自查情况汇报如下：), not a title
    if _salutation_line(line, profiles):
        return None
    return ts, te


class _Glossed:
    """The text from ``lo`` to ``hi`` without the short junk spans a site put inside its lines
    (a pinyin gloss after a character: 指導(dǎo)思想), and the offsets between the two; ``view``
    is None when there is none (the usual case: nothing is built)."""

    def __init__(self, text, js, je, lo, hi):
        self.view = None
        glosses = [(s, e) for s, e in zip(js, je) if lo < s and e < hi and e - s <= 8
                   and not text[s - 1].isspace() and not text[e].isspace() and "\n" not in text[s:e]]
        if not glosses:
            return
        pieces, self.vs, self.os = [], [], []
        pos, vpos = lo, 0
        for s, e in glosses:
            pieces.append(text[pos:s])
            self.vs.append(vpos)
            self.os.append(pos)
            vpos += s - pos
            pos = e
        pieces.append(text[pos:hi])
        self.vs.append(vpos)
        self.os.append(pos)
        self.view = "".join(pieces)

    def to_view(self, i: int) -> int:
        k = max(bisect_right(self.os, i) - 1, 0)
        end = self.vs[k + 1] if k + 1 < len(self.vs) else len(self.view)
        return min(self.vs[k] + max(i - self.os[k], 0), end)

    def to_orig(self, v: int) -> int:
        k = max(bisect_right(self.vs, v) - 1, 0)
        return self.os[k] + (v - self.vs[k])


_OWN_LINE_MAX = 30
_ANNOUNCES = compile_cached(r"[，,][^，,]*如下[：:]\s*$")
_FIRST_STOP = compile_cached(r"[，,。：:；;！!？?]")

# A line of a table of contents: a section's number and its short name, perhaps its page
# (1.总则 / 7.保障措施 / 第三章 应急响应……12); no sentence.
_TOC_LINE = compile_cached(r"[ \t\u3000]*(?:第[一二三四五六七八九十\d]{1,3}[章节部分]|[一二三四五六七八九十]{1,3}、"
                           r"|\d{1,2}(?:\.\d{1,2})*[.、．]?)[ \t\u3000]*(?P<name>[^\n。，,；;：:！!？?]{1,24}?)"
                           r"(?:[ \t\u3000.…·]*\d{1,3})?[ \t\u3000]*")
_TOC_MIN = 4      # lines in a row
_TOC_LINES = 80   # lines read from the draft's start (a contents table comes first)


def _toc_spans(text, lo, hi) -> list[tuple[int, int]]:
    """Where the draft's table of contents is: _TOC_MIN or more contents lines in a row
    among its first _TOC_LINES lines, the first of them named again further down (where
    the section itself begins).  A part named only there (7.保障措施 in the contents of a
    contingency plan cut off in its first section) is not in the draft."""
    out = []
    run: list[tuple[int, int, str]] = []
    pos, n = lo, 0
    while pos < hi and n < _TOC_LINES:
        end = text.find("\n", pos, hi)
        end = hi if end < 0 else end
        line = text[pos:end]
        n += 1
        m = _TOC_LINE.fullmatch(line) if line.strip() else None
        name = m.group("name").strip() if m else None
        if m and not (run and name == run[0][2]):
            run.append((pos, end, name))
        elif m or line.strip():
            # a line of text ends the run; so does the first section named again right after
            # the contents (where it begins, and a run of its own starts)
            if len(run) >= _TOC_MIN:
                out.append(run)
            run = [(pos, end, name)] if m else []
        pos = end + 1
    if len(run) >= _TOC_MIN:
        out.append(run)
    spans = []
    for run in out:
        first = run[0][2]
        if first and text.find(first, run[-1][1], hi) >= 0:
            spans.append((run[0][0], run[-1][1]))
    return spans


def _line_of_its_own(text, cues, lo, hi, in_junk):
    """(start, end) of the first cue match between lo and hi that is a short line of its own
    ending in a colon (各位同事们：); None when there is none."""
    for cue in cues:
        for m in cue.finditer(text, lo, hi):
            if in_junk(m.start()):
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            line = text[ls:le if le >= 0 else len(text)].strip()
            if len(line) <= _OWN_LINE_MAX and line[-1:] in "：:":
                return m.span()
    return None


# a top-level section's heading: 二、 at a line's start or run into the text after a stop,
# the words up to the first stop
_SECTION_HEAD = compile_cached(r"(?:^|(?<=[。；;！？!?]))[ \t\u3000]*[一二三四五六七八九十]{1,3}[、．.][ \t\u3000]*"
                               r"(?P<head>[^，,。；;：:！？!?\n]{2,30})", re.M)


_SUB_HEAD = compile_cached(r"\s*[（(][一二三四五六七八九十]{1,3}[）)][ \t\u3000]*(?P<head>[^，,。；;：:！？!?\n]{2,30})")


def _other_section(text, lo, hi, not_it, other_cues, in_junk) -> tuple[int, int] | None:
    """The first top-level section heading between ``lo`` and ``hi`` that ``not_it`` does not
    match and no other part's cue finds on its line: the part a genre's sections hold when
    none of its cues names it (a plan's work items: 二、融合发展，完善…)."""
    for m in _SECTION_HEAD.finditer(text, lo, hi):
        if in_junk(m.start("head")):
            continue
        hs, he = m.span("head")
        if not_it.search(re.sub(r"[ \t\u3000]", "", text[hs:he])):  # (总 则: spaced out)
            continue
        line_end = text.find("\n", he, hi)
        line_end = hi if line_end < 0 else line_end
        if any(c.search(text, m.start(), min(line_end, he + 1)) for c in other_cues):
            continue
        sub = _SUB_HEAD.match(text, line_end, hi)
        if sub and not_it.search(re.sub(r"[ \t\u3000]", "", sub.group("head"))):
            continue  # a chapter opening on its background (一、……⏎（一）发展基础)
        return hs, he
    return None


def detect_parts(text, paragraphs, junk, profiles: Profiles, part_ids, markers=None, genre: Genre | None = None
                 ) -> tuple[dict, dict]:
    """part id -> (start, end) where found; and the anchors for those that are not."""
    found: dict[str, tuple[int, int]] = {}
    lo, hi = _real_span(text, paragraphs, junk)
    title = _title_span(text, paragraphs, junk, profiles)
    title_end = lo
    if title:
        found["title"] = title
        title_end = title[1]
    js, je = merged(junk)
    # the head: 400 characters of the draft after the title, website junk not counted (a
    # page's style sheet between the title and 同志们： does not push the salutation out)
    head_end = title_end + 400
    k = bisect_right(je, title_end)
    while k < len(js) and js[k] < head_end:
        head_end += je[k] - max(js[k], title_end)
        k += 1
    head_end = min(hi, head_end)
    tail_start = max(title_end, hi - 300)
    if markers is None:
        markers = find_markers(text, paragraphs, junk)
    markers = [m for m in markers if m.kind.startswith("h") or m.at_start]

    toc = _toc_spans(text, title_end, hi)

    def in_junk(i):
        k = bisect_right(js, i) - 1
        return k >= 0 and i < je[k] or any(s <= i < e for s, e in toc)

    glossed = _Glossed(text, js, je, title_end, hi)
    # no title line: a first line that runs the title into the text (……主持词开场白 女：尊敬的……)
    # names it up to its first stop
    lead_title = None
    if not title and lo < hi:
        nl = text.find("\n", lo, hi)
        stop = _FIRST_STOP.search(text, lo, nl if nl >= 0 else hi)
        lead_title = (lo, stop.start() if stop else (nl if nl >= 0 else hi))
    for pid in part_ids:
        pdef = profiles.parts[pid]
        cues = list(pdef.cues) + (genre.extra_cues.get(pid, []) if genre else [])
        if pdef.builtin == "title":
            continue
        if pdef.builtin == "body":
            if hi - title_end >= 150:
                found[pid] = (title_end, hi)
                continue
        elif pdef.builtin == "opening":
            first = next((m.start for m in markers if m.start > title_end), hi)
            if first - title_end >= 30:
                found[pid] = (title_end, first)
                continue
        lo_s, hi_s = {"head": (title_end, head_end), "tail": (tail_start, hi), "anywhere": (title_end, hi)}[pdef.scope]
        for cue in cues:
            m = cue.search(text, lo_s, hi_s)
            while m and in_junk(m.start()):
                m = cue.search(text, m.end(), hi_s) if m.end() > m.start() else None
            if m:
                found[pid] = m.span()
                if pdef.scope != "head":
                    break
                # (the head's earliest: a later cue may find the address on its line, 居民代表们：,
                # above an earlier cue's words inside the text, 各位居民代表要……)
                hi_s = m.start()
        if pid not in found and pdef.scope == "head" and cues:
            # a speech set down under a story or an editor's note (……现将脱口而出的话整理于此。⏎
            # 各位同事们：⏎大家中午好！): its address on a line of its own, further down but in the
            # draft's first half
            m = _line_of_its_own(text, cues, head_end, head_end + max(0, (hi - head_end) // 2), in_junk)
            if m:
                found[pid] = m
        if pid not in found and glossed.view is not None:
            # cues read through what a site put inside the words (指導(dǎo)思想): the same
            # search on the text without those short junk spans
            view, vlo, vhi = glossed.view, glossed.to_view(lo_s), glossed.to_view(hi_s)
            for cue in cues:
                m = cue.search(view, vlo, vhi)
                if m:
                    found[pid] = (glossed.to_orig(m.start()), glossed.to_orig(max(m.start(), m.end() - 1)) + 1)
                    break
        tcues = list(pdef.title_cues) + (genre.extra_title_cues.get(pid, []) if genre else [])
        if pid not in found and tcues and (title or lead_title):
            ts, te = title or lead_title
            for cue in tcues:
                m = cue.search(text, ts, te)
                if m:
                    found[pid] = m.span()
                    break
    for pid, not_it in (genre.other_sections.items() if genre else ()):
        if pid not in found and pid in part_ids:
            got = _other_section(text, title_end, hi, not_it, [c for q in part_ids if q != pid for c in
                                 list(profiles.parts[q].cues) + list(genre.extra_cues.get(q, []))], in_junk)
            if got:
                found[pid] = got
    if genre and genre.contract_id == "host_script" and "salutation" in found:
        # a host's script addresses the hall before the meeting opens: an address after the
        # opening words or an item of the agenda (……现在开始！ ⏎二、学校领导致辞⏎亲爱的同学们， /
        # 下面，举行第三项议程……⏎同志们，刚才……) is inside a speech the script quotes
        # (said in a sentence of the script's, not in a heading naming the item: 一、致词并宣布晚会开始)
        s = found["salutation"][0]

        def said(m):
            end = text.find("\n", m.end())
            return _SENTENCE_END.fullmatch(text[m.start():end if end >= 0 else len(text)].rstrip()[-1:]) is not None
        if any(said(m) for q in ("opening", "body") if q in profiles.parts
               for c in list(profiles.parts[q].cues) + list(genre.extra_cues.get(q, []))
               for m in c.finditer(text, title_end, s)):
            del found["salutation"]
    anchors = {"start": title_end + (1 if title_end < len(text) and text[title_end:title_end + 1] == "\n" else 0),
               "end": hi}
    return found, anchors
