"""Small helpers over (start, end) spans."""
from __future__ import annotations


def merge_spans(spans) -> tuple[list[int], list[int]]:
    """Sorted, disjoint version of spans as (starts, ends), ready for bisect."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def held(spans) -> tuple:
    """What tells a review's junk list now from the same list later: it is only ever appended
    to (Context.junk), so its length and its first and last span.  For the caches kept per list
    (this module's merged_list, duplicates.paragraph_text._index, duplicates.splice.layout)."""
    return len(spans), spans[:1], spans[-1:]


_MERGED: tuple = (None, None, None)  # the last list merged: (list, what it held, merge_spans of it)


def merged_list(spans: list) -> tuple[list[int], list[int]]:
    """merge_spans(spans) of a list of spans, worked out once while the list holds the same
    spans: a review's junk list (Context.junk) is only ever appended to, so its length and
    its first and last span tell (the duplicate checks' junk index and the engine's tidy ask
    for the same list; a million characters: ~4,000 spans merged once instead of twice).
    The lists returned are shared: read only."""
    global _MERGED
    now = held(spans)
    last = _MERGED
    if last[0] is spans and last[1] == now:
        return last[2]
    got = merge_spans(spans)
    _MERGED = (spans, now, got)  # (one tuple, replaced whole: a review in another thread sees either)
    return got
