"""A draft whose page put a pinyin gloss after its characters (數(shù)據(jù), 小時(shí)工作制).

Such a page (a site's conversion to traditional characters, its readings added) hides the
draft's other defects from the rules: 實行小時(shí)工作制 is not 小时工作制 with its number
stripped to a pattern, nor is 新世紀(jì)的個(gè)“三八” a count with its number gone.  The
glosses themselves are reported (site_junk.pinyin-gloss); once the user deletes them the
rest shows.  To show it at once, the draft is also reviewed with the glosses left out, and
what that review finds beside junk and punctuation is added where the first found nothing
of its kind, at the same characters of the draft as it is.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from .findings import Finding

GLOSS_RULE = "site_junk.pinyin-gloss"
MIN_GLOSSES = 10  # fewer: a word or two glossed on purpose, or nothing to gain
_ADDED = ("site_junk", "punctuation")  # the categories the first review has whole


def gloss_spans(findings) -> list[tuple[int, int]]:
    """Where the glosses are (site_junk.pinyin-gloss's findings), in order."""
    return sorted((f.start, f.end) for f in findings if f.rule == GLOSS_RULE)


def unglossed(document, spans) -> tuple[str, list[int]] | None:
    """``(text, origin)``: the draft's text without the glosses at ``spans`` (gloss_spans),
    and for each of its characters (and one past the end) its offset in the draft; None when
    the draft is not a text of one region with at least MIN_GLOSSES glosses."""
    regions = document.regions
    if len(regions) != 1 or regions[0].name != "body" or len(spans) < MIN_GLOSSES:
        return None
    text = regions[0].text
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            parts.append(text[pos:s])
            origin.extend(range(pos, s))
        pos = max(pos, e)
    parts.append(text[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return "".join(parts), origin


def placed_span(origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The span ``start``-``end`` of the text without glosses, as the draft's characters."""
    s = origin[start]
    return s, (origin[end - 1] + 1 if end > start else s)


def placed(f: Finding, origin: list[int], text: str) -> Finding:
    """``f``, found in the text without glosses, at the same characters of the draft."""
    s, e = placed_span(origin, f.start, f.end)
    return Finding(f.rule, f.category, f.severity, s, e, text[s:e], f.message, f.suggestion, f.region, f.section)


def added(findings: list[Finding], extra: list[Finding], with_structure: bool) -> list[Finding]:
    """The findings of ``extra`` (placed) to add to ``findings``: not junk or punctuation,
    not inside the draft's junk, not overlapping a finding of their category; the structure
    checks' only ``with_structure`` (the first review named no genre) and then each part
    once."""
    by_cat: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        by_cat.setdefault(f.category, []).append((f.start, f.end))
    index = {}
    for cat, spans in by_cat.items():
        spans.sort()
        index[cat] = ([s for s, _ in spans], list(accumulate((e for _, e in spans), max)))
    junk = index.get("site_junk")
    parts = {(f.rule, f.section) for f in findings if f.rule.startswith("structure.")}
    out = []
    for g in extra:
        if g.category in _ADDED:
            continue
        if g.rule.startswith("structure."):
            if with_structure and (g.rule, g.section) not in parts:
                out.append(g)
            continue
        if junk is not None:
            i = bisect_left(junk[0], g.start + 1)  # the junk starting at or before g
            if i and junk[1][i - 1] >= g.end:
                continue
        got = index.get(g.category)
        if got is not None:
            i = bisect_left(got[0], g.end)  # those starting before g ends
            if i and got[1][i - 1] > g.start:
                continue
        out.append(g)
    return out


def runs(document, spans, stripped: str, origin: list[int], rule, fill) -> list[Finding]:
    """The ``gloss-run`` rule's findings (rules/site_junk/pinyin-gloss-run.yaml): one per
    paragraph that holds glosses (``spans``), from its first gloss's character to the end of
    its last gloss, the same stretch of the text without glosses (``stripped``, ``origin``:
    unglossed()) its suggestion -- one fix for the paragraph, where the glosses themselves
    (site_junk.pinyin-gloss) are one finding each.  Made after the findings are tidied: a
    run spans the draft's own words, which must not count as junk.  ``fill``: the rules'
    message filler (rules.kinds.fill: this layer does not import the rules)."""
    text = document.regions[0].text
    out: list[Finding] = []
    i = 0
    for p in document.regions[0].paragraphs:
        inside = []
        while i < len(spans) and spans[i][0] < p.end:
            if spans[i][0] >= p.start:
                inside.append(spans[i])
            i += 1
        if not inside:
            continue
        # (from the glossed character, which the fix keeps; the paragraph's start when a gloss
        # finding opens it)
        s, e = max(inside[0][0] - 1, p.start), inside[-1][1]
        suggestion = stripped[bisect_left(origin, s):bisect_left(origin, e)]
        message = fill(rule.message, {"count": len(inside), "match": text[s:e]})
        out.append(Finding(rule.full_id, rule.category, rule.severity, s, e, text[s:e], message, suggestion,
                           "body"))
    return out
