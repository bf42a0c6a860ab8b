"""What a review produces: findings and the report that holds them."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, islice
from operator import attrgetter, eq, gt

from . import categories as _categories

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

CATEGORY_ZH = _categories.labels()  # from rules/categories.yaml


# slots: a 1M-character draft has ~70,000 findings; without a __dict__ each is one object
# for the garbage collector instead of two, and quicker to make
@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    region: str = "body"
    section: str | None = None

    def sort_key(self):
        return (self.region != "body", self.region, self.start, -SEVERITY_RANK[self.severity], self.rule, self.end)

    def to_dict(self) -> dict:
        d = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.section is not None:
            d["section"] = self.section
        if self.region != "body":
            d["region"] = self.region
        return d


@dataclass
class Report:
    file: str | None
    genre: str | None
    findings: list[Finding]
    genre_reason: str = ""
    seconds: float = 0.0
    outline: list = field(default_factory=list)
    # Said to the user beside the findings: e.g. a rule from their folder that was stopped
    # over its time budget (rules/budget.py), so the review went on without it.
    warnings: list[str] = field(default_factory=list)
    # Set by an incremental re-check (incremental.IncrementalReviewer) when it is proven, else
    # None: ``(old, k_old, new, k_new, d)`` -- ``new`` is this report's ``findings`` list as
    # made, ``old`` the previous report's, and ``new[k_new:]`` are exactly ``old[k_old:]``
    # moved by ``d`` characters (every field the same but start and end, each + d).  A reader
    # checks that ``new`` is the report's list (a copy with other findings does not hold it)
    # and that ``old`` is the list it shows.
    moved_tail: tuple | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict:
        d = {"file": self.file, "genre": self.genre, "genre_reason": self.genre_reason,
             "issues": [f.to_dict() for f in self.findings]}
        return d

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.category] = out.get(f.category, 0) + 1
        return out


_START = attrgetter("start")
_new = object.__new__


def move(f: Finding, d: int) -> Finding:
    """A copy of ``f`` moved by ``d`` characters: a new object, as a finding is never changed
    once made (the window reads the previous report while the next is made).  Made without
    the dataclass's __init__ (its call and keyword defaults): an edit of a 1M-character
    draft moves tens of thousands of findings after it."""
    g = _new(Finding)
    g.rule = f.rule
    g.category = f.category
    g.severity = f.severity
    g.start = f.start + d
    g.end = f.end + d
    g.text = f.text
    g.message = f.message
    g.suggestion = f.suggestion
    g.region = f.region
    g.section = f.section
    return g


def moved(found, d: int) -> list:
    """move() of each of ``found`` (written out in the loop: tens of thousands on every edit
    of a long draft, ~10% quicker without a call for each)."""
    out = []
    append = out.append
    new, cls = _new, Finding
    for f in found:
        g = new(cls)
        g.rule = f.rule
        g.category = f.category
        g.severity = f.severity
        g.start = f.start + d
        g.end = f.end + d
        g.text = f.text
        g.message = f.message
        g.suggestion = f.suggestion
        g.region = f.region
        g.section = f.section
        append(g)
    return out


def sort_ties(found: list, key, ordered: bool = False) -> bool:
    """For findings in order of start: sort each group that shares a start by ``key``, in
    place (found by C loops: a 1M draft has ~70,000 findings and few ties).  False, and
    nothing done, when ``found`` is not in order of start (``ordered``: the caller has just
    sorted them by start, it is not asked again)."""
    starts = list(map(_START, found))
    if not ordered and any(map(gt, starts, islice(starts, 1, None))):
        return False
    ties = list(compress(range(len(starts)), map(eq, starts, islice(starts, 1, None))))  # i: i and i + 1 tie
    k, n = 0, len(ties)
    while k < n:
        i = j = ties[k]
        while k < n and ties[k] == j:
            j += 1
            k += 1
        if j == i + 1:  # two at one start (most ties): compared, not sorted
            a, b = found[i], found[j]
            if key(b) < key(a):
                found[i], found[j] = b, a
        else:
            found[i:j + 1] = sorted(found[i:j + 1], key=key)
    return True
