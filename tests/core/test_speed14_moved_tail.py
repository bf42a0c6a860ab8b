"""Issue 11: an incremental re-check tells which findings after the edit only moved
(Report.moved_tail), so the window skips them.  A tail that is wrong even once shows stale
findings: after every random edit the tail, when there is one, is exactly true (against a
full review of the edited text), and whole-draft checks that change far from the edit
shrink it or leave none."""
import random

import pytest

from reviewer.core import incremental
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import SAMPLE, shared
from tests.core.test_incremental import _edit, _snapshot, _structural_edit

FIELDS = ("rule", "category", "severity", "text", "message", "suggestion", "region", "section")


def _check_tail(report, previous, full) -> bool:
    """The report equals the full review; its tail, if any, holds.  True when there was one."""
    assert _snapshot(report) == _snapshot(full)
    got = report.moved_tail
    if got is None:
        return False
    old, k_old, new, k_new, d = got
    assert new is report.findings and old is previous.findings
    assert 0 <= k_new < len(new) and len(new) - k_new == len(old) - k_old
    for f, g in zip(full.findings[k_new:], old[k_old:]):   # (the full review: not the same objects)
        assert [getattr(f, a) for a in FIELDS] == [getattr(g, a) for a in FIELDS]
        assert (f.start, f.end) == (g.start + d, g.end + d)
    return True


def _run(rules, text: str, edits: int, seed: int, corpus: str | None = None) -> int:
    rng = random.Random(seed)
    inc = IncrementalReviewer(rules)
    previous, tails = None, 0
    for step in range(edits):
        doc = Document.from_text(text)
        report = inc.review(doc)
        if previous is None:
            assert report.moved_tail is None
        tails += _check_tail(report, previous, review(doc, rules))
        previous = report
        text = _edit(text, rng, corpus) if corpus is not None else _structural_edit(text, rng)
    return tails


@pytest.fixture
def always(monkeypatch):
    """The tail looked for whatever share of the findings the whole-draft checks made."""
    monkeypatch.setattr(incremental, "FRESH_SHARE", float("inf"))


def test_tail_after_random_edits_of_the_sample_is_exactly_true(rules, always):
    text = SAMPLE.read_text(encoding="utf-8")
    assert _run(rules, text, 150, seed=7, corpus=text) > 30


def test_tail_after_random_edits_of_real_drafts_is_exactly_true(rules, always):
    drafts = sorted(shared("dev", "drafts").glob("*.txt"))
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in drafts)
    tails = sum(_run(rules, p.read_text(encoding="utf-8"), 30, seed=300 + i, corpus=corpus)
                for i, p in enumerate(drafts[::4]))
    assert tails > 20


def test_tail_after_edits_to_duplicates_numbering_and_junk_is_exactly_true(rules, always):
    # edits that make and break duplicates, numbering and junk far from where they are typed
    text = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([text, "讲三点意见：一是抓学习。二是抓落实。三是抓作风。", "本文由网友投稿", text])
    assert sum(_run(rules, text, 60, seed=s) for s in range(3)) > 10


def test_a_duplicate_made_far_from_the_edit_leaves_no_tail_over_it(rules, always):
    lines = [f"第{i}段写的是本单位第{i}项工作的进展情况和下一步打算。" for i in range(40)]
    text = "\n".join(lines)
    inc = IncrementalReviewer(rules)
    first = inc.review(Document.from_text(text))
    # line 5 becomes a copy of line 30: a duplicate finding appears at line 30, far after the edit
    edited = "\n".join(lines[:5] + [lines[30]] + lines[6:])
    report = inc.review(Document.from_text(edited))
    assert _check_tail(report, first, review(Document.from_text(edited), rules)) in (True, False)
    dup = [f for f in report.findings if f.rule.startswith("duplicate.") and f.start > len(edited) // 2]
    assert dup
    if report.moved_tail is not None:  # the tail starts after the new duplicate
        assert report.moved_tail[3] > report.findings.index(dup[-1])


def test_tail_is_found_with_the_shipped_share_on_a_draft_of_line_findings(rules):
    # findings of line-local rules only (half-width commas): the common case of a long draft
    text = "\n".join(f"第{i}项工作,进展顺利,群众满意,各方认可。" for i in range(300))
    inc = IncrementalReviewer(rules)
    first = inc.review(Document.from_text(text))
    edited = text[:500] + "的" + text[500:]
    report = inc.review(Document.from_text(edited))
    assert _check_tail(report, first, review(Document.from_text(edited), rules))
    assert len(report.findings) - report.moved_tail[3] > len(report.findings) // 2


def _trace(junk=(), runs=(), units=(), placeholders=()):
    from reviewer.core.spans import merge_spans

    return {"short": frozenset(), "cached": {}, "made": {}, "junk": merge_spans(junk),
            "runs": ([a for a, _ in runs], [b for _, b in runs]), "units": list(units),
            "placeholders": list(placeholders), "structure": []}


def test_no_tail_where_junk_or_a_run_of_overlapping_findings_reaches_across_it():
    from reviewer.core.findings import Finding

    old = [Finding("r.a", "c", "warning", s, s + 2, "ab", "m") for s in (0, 10, 20)]
    new = [Finding("r.a", "c", "warning", s, s + 2, "ab", "m") for s in (0, 11, 21)]
    def tail(old_trace, trace):   # the old findings from 10 on, moved by 1
        return incremental.moved_tail(old, old_trace, new, trace, 1, 10)
    assert tail(_trace(), _trace())[1:4:2] == (1, 1)
    assert tail(_trace(junk=[(5, 10)]), _trace()) is None            # old junk ends at x0
    assert tail(_trace(), _trace(junk=[(5, 12)])) is None            # new junk reaches past x
    assert tail(_trace(junk=[(5, 9)]), _trace(junk=[(11, 30)])) is not None
    assert tail(_trace(runs=[(8, 10)]), _trace()) is None            # a run from before x0 into the tail
    assert tail(_trace(), _trace(runs=[(0, 30)])) is None
    ph = [Finding("placeholder.x", "placeholder", "warning", 9, 12, "XX", "m")]
    assert tail(_trace(), _trace(units=[12], placeholders=ph)) is None   # dropped after a placeholder before x
