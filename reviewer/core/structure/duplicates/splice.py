"""An analysis made paragraph by paragraph, re-run after an edit: the paragraphs before
the edit keep the previous call's results, those after it keep theirs moved by the edit's
length, and only the paragraphs between are looked at again.  The previous call is kept
in Context.memo; what is reused is shown equal first (same text, paragraphs and junk)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, repeat
from operator import add, attrgetter, itemgetter

from ...document import common_ends
from ...spans import held

_START = attrgetter("start")
_END = attrgetter("end")


class Layout:
    """What a paragraph-by-paragraph analysis read: the text, where its paragraphs lie and
    the junk spans over it (sorted; their starts, ends, and the furthest end so far)."""

    __slots__ = ("text", "starts", "ends", "junk", "junk_starts", "junk_ends", "reach", "_lines")

    def __init__(self, text: str, paragraphs, junk=()):
        self.text = text
        self.starts, self.ends = bounds(paragraphs)
        self.junk = sorted(junk)
        self.junk_starts = list(map(itemgetter(0), self.junk))
        self.junk_ends = list(map(itemgetter(1), self.junk))
        self.reach = list(accumulate(self.junk_ends, max))
        self._lines = None

    def are_lines(self) -> bool:
        """The paragraphs are the text's lines: back to back, one "\\n" between two (then
        what never spans a line break is found line by line)."""
        if self._lines is None:
            starts, ends, text = self.starts, self.ends, self.text
            known = _VERDICT
            if known[0] is text and known[1] is starts:  # (incremental.LineCache asked first)
                self._lines = known[2]
                return known[2]
            # (and no line break inside a paragraph: then the paragraphs are where the text's
            # line breaks put them, which _unchanged() takes for granted)
            self._lines = (bool(starts) and starts[0] == 0 and ends[-1] == len(text)
                           and text.count("\n") == len(starts) - 1
                           and starts[1:] == moved(ends[:-1], 1) and set(map(text.__getitem__, ends[:-1])) <= {"\n"})
        return self._lines


# The starts and ends of the last list of paragraphs asked for, and whether they were the
# lines of a text: a review asks in the line cache (incremental.py) and for the Layout of its
# paragraph checks (a million characters: ~24,000 paragraphs read once instead of twice).
_BOUNDS: tuple = (None, 0, None, None)  # paragraphs, their number, starts, ends
_VERDICT: tuple = (None, None, None)    # text, starts, whether the paragraphs are its lines


def bounds(paragraphs) -> tuple[list, list]:
    """(starts, ends) of the paragraphs (lists not to be changed: they are shared)."""
    global _BOUNDS
    last = _BOUNDS
    if last[0] is paragraphs and last[1] == len(paragraphs):
        return last[2], last[3]
    starts, ends = list(map(_START, paragraphs)), list(map(_END, paragraphs))
    _BOUNDS = (paragraphs, len(paragraphs), starts, ends)
    return starts, ends


def lines_verdict(text: str, starts: list, verdict: bool) -> None:
    """Say that the paragraphs whose starts (from bounds()) are ``starts`` are the lines of
    ``text`` (``verdict`` True; incremental._lines_are_paragraphs asks more than
    Layout.are_lines: a False of its is not Layout's), for Layout.are_lines() to take."""
    global _VERDICT
    _VERDICT = (text, starts, verdict)


def moved(values: list, d: int) -> list:
    """The numbers of ``values`` plus d (a list of its own)."""
    return list(map(add, values, repeat(d))) if d else list(values)


def _changed_stretch(old: Layout, new: Layout, a: int, c: int) -> tuple[int, int] | None:
    """[lo, hi) in the new text outside which every junk span is an old one (moved by the
    edit's length after it), when the old text's a first and c last characters are the new
    one's.  The spans between the junk before and after the edit count as changed.  None
    when junk changed away from the edit too."""
    d = len(new.text) - len(old.text)
    cut0, cut1 = len(old.text) - c, len(new.text) - c
    m0, m1 = bisect_left(old.junk_starts, cut0), bisect_left(new.junk_starts, cut1)  # from here: after the edit
    k0 = min(m0, bisect_right(old.reach, a))  # before here: spans that end by a
    k1 = min(m1, bisect_right(new.reach, a))
    if old.junk[:k0] != new.junk[:k1]:
        return None
    if moved(old.junk_starts[m0:], d) != new.junk_starts[m1:] or moved(old.junk_ends[m0:], d) != new.junk_ends[m1:]:
        return None
    return (min([a] + old.junk_starts[k0:m0] + new.junk_starts[k1:m1]),
            max([cut1] + moved(old.junk_ends[k0:m0], d) + new.junk_ends[k1:m1]))


# The last two layouts compared and behind -> unchanged(); one tuple, replaced whole (a
# review in another thread sees either the old one or the new one).
_KEPT: tuple = (None, None, {})


def unchanged(old: Layout, new: Layout, behind: int = 0) -> tuple[int, int, int, int] | None:
    """(first, last, mid_end, d): the new paragraphs 0..first-1 are the old ones, the new
    paragraphs from mid_end on are the old ones from ``last`` on moved by d, each with the
    same text, the same ``behind`` characters before it and the same junk over it; the new
    paragraphs first..mid_end-1 are to be looked at.  None when the paragraphs around the
    edit do not line up or junk changed away from it.  (The checks of one review compare
    the same two layouts: worked out once.)"""
    global _KEPT
    last = _KEPT
    if last[0] is not old or last[1] is not new:
        last = _KEPT = (old, new, {})
    known = last[2]
    if behind not in known:
        known[behind] = _unchanged(old, new, behind)
    return known[behind]


def _unchanged(old: Layout, new: Layout, behind: int) -> tuple[int, int, int, int] | None:
    stretch = _stretch(old, new)
    if stretch is None:
        return None
    lo, hi, d = stretch
    starts0, ends0, starts, ends = old.starts, old.ends, new.starts, new.ends
    first = bisect_right(ends0, lo)  # old paragraphs 0..first-1 end before the change
    last = max(first, bisect_left(starts0, hi - d + behind))  # old paragraphs last.. start after it
    mid_end = len(starts) - (len(starts0) - last)
    if mid_end < first:
        return None
    if old.are_lines() and new.are_lines():
        # Lines are where the text's line breaks are: the texts are the same up to lo and the
        # old lines 0..first-1 end by lo, so when the new line first-1 ends where the old one
        # does (a line break, or the end, in both), the lines before it are the same too; and
        # after the edit, the text from the new line mid_end on is the old one's from ``last``
        # on: when that line starts where the old one, moved, does, so do all after it.  (One
        # line compared on each side instead of every paragraph's bounds: a million characters
        # hold ~24,000 lines, compared for each check that splices.)
        if first and (starts[first - 1] != starts0[first - 1] or ends[first - 1] != ends0[first - 1]):
            return None
        if mid_end < len(starts) and (starts[mid_end] != starts0[last] + d or ends[mid_end] != ends0[last] + d):
            return None
        return first, last, mid_end, d
    if starts[:first] != starts0[:first] or ends[:first] != ends0[:first]:
        return None
    if starts[mid_end:] != moved(starts0[last:], d) or ends[mid_end:] != moved(ends0[last:], d):
        return None
    return first, last, mid_end, d


def _stretch(old: Layout, new: Layout) -> tuple[int, int, int] | None:
    """(lo, hi, d): _changed_stretch() of the two texts' common prefix and suffix, and the
    edit's length; None when junk changed away from the edit.  The same for every ``behind``
    (kept with the pair in _KEPT)."""
    last = _KEPT
    known = last[2] if last[0] is old and last[1] is new else {}
    if "stretch" not in known:
        n0, n1 = len(old.text), len(new.text)
        a, c = common_ends(old.text, new.text)
        got = _changed_stretch(old, new, a, c)
        known["stretch"] = None if got is None else (got[0], got[1], n1 - n0)
    return known["stretch"]


_LAST: tuple = (None, None, None, None, None)  # text, paragraphs, junk, what junk held, its Layout


def layout(text: str, paragraphs, junk=()) -> Layout:
    """The Layout of a review's text, paragraphs and junk, made once for the checks that ask."""
    global _LAST
    now = held(junk) if isinstance(junk, list) else None
    last = _LAST
    if last[0] is text and last[1] is paragraphs and last[2] is junk and now is not None and last[3] == now:
        return last[4]
    got = Layout(text, paragraphs, junk)
    _LAST = (text, paragraphs, junk, now, got)
    return got
