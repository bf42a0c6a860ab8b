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
