"""Text repeated by accident: the title again in the next lines, a paragraph or a sentence twice."""
from __future__ import annotations

import re

_TITLE_TAIL = re.compile(r"[（(][一二三四五六七八九十\d]{1,2}[）)]$|[（(]?(?:精选|通用)?\d*篇[）)]?$")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]+")
_STOPS = "。，；！？"


def _strip(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _in_junk(junk, s, e) -> bool:
    return any(js <= s and e <= je for js, je in junk)


def _clear(text, s, e, junk) -> tuple[int, int]:
    """The paragraph's span with leading/trailing website junk and spaces removed."""
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
    for i, p in enumerate(paragraphs):
        s, e = _clear(text, p.start, p.end, junk)
        if s < e and not _in_junk(junk, s, e):
            return i, s, e
    return None


def find_title(text, paragraphs, junk, min_length=8):
    found = title_paragraph(text, paragraphs, junk)
    if not found:
        return
    ti, ts, te = found
    title = text[ts:te]
    if len(title) > 80 or title.endswith(("。", "：", ":")):
        return
    core = _TITLE_TAIL.sub("", title).strip()
    if len(core) < min_length:
        return
    seen = 0
    for p in paragraphs[ti + 1:]:
        s, e = _clear(text, p.start, p.end, junk)
        if s == e:
            continue
        seen += 1
        if seen > 4:
            break
        line = text[s:e]
        pos = line.find(core)
        if pos < 0:
            continue
        if len(line) <= len(core) + 30 and not any(c in line for c in _STOPS):
            yield s, e, {"title": core}
            continue
        if pos == 0:
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


def find_paragraph(text, paragraphs, junk, min_length=15):
    seen: dict[str, int] = {}
    for line, p in enumerate(paragraphs, 1):
        s, e = _clear(text, p.start, p.end, junk)
        if e - s < min_length or _in_junk(junk, s, e):
            continue
        key = re.sub(r"\s+", "", text[s:e])
        if key in seen:
            yield s, e, {"first_line": seen[key]}
        else:
            seen[key] = line


def find_sentence(text, paragraphs, junk, min_length=20):
    seen: dict[str, int] = {}
    for line, p in enumerate(paragraphs, 1):
        for m in _SENTENCE.finditer(text, p.start, p.end):
            s, e = _strip(text, m.start(), m.end())
            if e - s < min_length or _in_junk(junk, s, e):
                continue
            key = re.sub(r"\s+", "", text[s:e])
            if len(key) < min_length:
                continue
            if key in seen:
                yield s, e, {"first_line": seen[key]}
            else:
                seen[key] = line
