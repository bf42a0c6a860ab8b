"""The lines that may name a draft's genre when its first line does not: short title-like
lines near the top, and the website's lines above the draft (a breadcrumb's last step, an
editor's lead-in)."""
from __future__ import annotations

from .parts import _MARKER_START, _real_lines, _trimmed_lines
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


# a clause of a host script that calls the next item: a line with a comma and such a clause
# is a sentence, not a title, whatever genre's name it ends with (……，请××副市长作工作报告)
_AGENDA_STEP = compile_cached(r"(?:^|[，,])(?:下面|接下来|现在|首先|先|然后|最后|请|有请)")


_BOOK_TITLES = compile_cached(r"《([^《》\n]{4,80})》")


def _title_lines(text, paragraphs, junk, lo, limit=600) -> list[str]:
    """Short lines near the top that look like a title (for drafts whose first line is not);
    below the text's first sentences only the title of a document the text named in
    book-title marks (a notice forwarding a plan), not a heading."""
    out = []
    begun = False
    for p, s, e in _real_lines(text, paragraphs, junk, lo):
        if p.start >= lo + limit:
            break
        line = text[s:e]
        sentence = any(c in line for c in "。！？")
        if e - s > 30 and sentence:
            begun = True
        if e - s < 4 or e - s > 60:
            continue
        # Below the text's first sentences a line is a heading (20XX年工作回顾, 总结工作成就),
        # unless it is the title of the document the text forwards, named above it in book-title
        # marks (关于印发《……实施方案》的通知 ⏎ …… ⏎ ……实施方案)
        if begun and not any(line.strip() in q for q in _BOOK_TITLES.findall(text, lo, s)):
            continue
        if line.endswith(("。", "；", "！", "？", "，", "：", ":", ";", ",", ".")) or _MARKER_START.match(line):
            continue
        if sentence:
            continue
        if line[0] in "（(" and line[-1] in "）)":
            continue  # a host script's stage direction: （校长讲话）, （掌声）
        if ("，" in line or "," in line) and _AGENDA_STEP.search(line):
            continue  # a host's words calling the next item (下面,先举行第一项议程,请××副市长作工作报告)
        out.append(line)
    return out


_CRUMB = compile_cached(r"\s*[>›»＞]\s*")


# a line short enough to be a title: only such a line's junk is read for the genre (a long
# line of junk could be anything; searching it costs, tests/core/test_reliability_slow.py)
TITLE_SIZED = 120


def _junk_title_lines(text, paragraphs, lo, most: int = 14) -> list[str]:
    """The website lines above the draft (all junk: before its first real text ``lo``) that
    may name it: a breadcrumb's last step (首页 > 心得体会 > 主题教育学习心得), an editor's
    lead-in (下面是小编整理的2023年第一季度工作总结……) -- for a draft whose own title is lost;
    and the junk that opens the draft's first paragraph (a page's 【title】 run into the text)."""
    out = []
    for p in paragraphs[:most]:
        if p.end > lo:
            if p.start < lo <= p.start + TITLE_SIZED and len(text[p.start:lo].strip()) >= 4:
                out.append(text[p.start:lo].strip())
            break
        line = text[p.start:p.end].strip()
        if len(line) >= 4:
            steps = [x for x in _CRUMB.split(line) if x.strip()] if _CRUMB.search(line) else [line]
            if steps:
                out.append(steps[-1])  # (a path may end with its separator: … > 安全演讲稿 > >)
    return out


def _junk_lines_below(text, paragraphs, junk, lo, limit=600) -> list[str]:
    """Title-sized lines that website junk holds whole in the draft's first ``limit``
    characters from ``lo``: a page's title the site repeated inside the text (……工作总结范文),
    read for the genre only when nothing else names it."""
    out = []
    for p, s, e, held in _trimmed_lines(text, paragraphs, junk, lo):
        if p.start >= lo + limit:
            break
        if held and 4 <= e - s <= TITLE_SIZED:
            out.append(text[s:e])
    return out
