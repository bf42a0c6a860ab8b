"""Kind ``script``: a draft written in traditional characters (繁體).

The engine already reviews such a draft through its simplified view (traditional.py):
``ctx.source`` is then the original and differs from ``ctx.text``.  This kind reports that
once, at the first traditional character outside website junk, so that the writer
converts the draft (Word: 繁转简).  ``{count}`` in the message is how many traditional
characters the region holds.
"""
from __future__ import annotations

from bisect import bisect_right

from ..spans import merge_spans
from .kinds import Rule


class ScriptRule(Rule):
    KEYS: set[str] = set()
    phase = 2  # after the junk rules: the finding should not sit in junk, where it would be dropped

    def scan(self, ctx):
        source = getattr(ctx, "source", ctx.text)
        if not getattr(ctx, "traditional", False) or ctx.region != "body":
            return  # (a view of radicals written as common characters is no traditional draft)
        from ..traditional import count_traditional

        js, je = merge_spans(ctx.junk)
        first = None
        for i, (a, b) in enumerate(zip(source, ctx.text)):
            if a != b:
                k = bisect_right(js, i) - 1
                if k >= 0 and i < je[k]:
                    continue
                first = i
                break
        if first is None:
            return
        yield first, first + 1, {"count": count_traditional(source)}


class GlossRunRule(Rule):
    """Kind ``gloss-run``: the pinyin glosses of one paragraph as one finding whose fix
    removes them all (core/glossed.py, runs()).  It scans nothing itself: its findings are
    made after the others are tidied, for a draft in traditional characters with at least
    glossed.MIN_GLOSSES glosses, because a run spans the draft's own words and so must not
    hide what lies inside it as junk does.  ``{count}``: the glosses in the paragraph."""

    KEYS: set[str] = set()

    def scan(self, ctx):
        return ()
