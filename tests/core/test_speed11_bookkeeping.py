"""speed11: the per-edit bookkeeping of a re-check (moved findings, moved outline items, the
final sort of a body-only draft) gives a full review's report, and never changes what the
previous report holds."""
import random

from reviewer.core.document import Document
from reviewer.core.engine import _sort, review
from reviewer.core.findings import Finding, moved
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import SAMPLE

# What gets typed into a draft whose outline is under edit: markers of every level,
# enumerations, line breaks, and plain words.
PIECES = ["一、", "二、", "（一）", "（二）", "1.", "2.", "（1）", "3)", "一是", "二是", "第一，", "\n", "\n\n",
          "做好加法，抓实。", "讲三点意见：", "抓落实。", "XX县", "本文由网友投稿", "二、二、", "（三）（三）",
          "(2)(2)", "12、12、", "、"]


def _snapshot(report):
    return ([(f.to_dict(), f.region, f.section) for f in report.findings], report.genre, report.genre_reason,
            [(o.kind, o.text, o.start, o.end, o.level, o.section, o.missing) for o in report.outline])


def _frozen(report):
    """What the window reads of a report: every finding's and outline item's fields."""
    return ([(f.rule, f.category, f.severity, f.start, f.end, f.text, f.message, f.suggestion, f.region,
              f.section) for f in report.findings],
            [(o.kind, o.text, o.start, o.end, o.level, o.section, o.missing) for o in report.outline])


def test_moved_findings_are_new_objects_moved_by_d():
    old = [Finding("a.b", "typo", "warning", 3, 5, "xx", "m", "s", "body", "sec"),
           Finding("a.c", "placeholder", "error", 9, 12, "XXX", "n")]
    got = moved(old, 7)
    assert [(f.start, f.end) for f in got] == [(10, 12), (16, 19)]
    assert [(f.start, f.end) for f in old] == [(3, 5), (9, 12)]  # the originals untouched
    for f, g in zip(old, got):
        assert g is not f
        assert (g.rule, g.category, g.severity, g.text, g.message, g.suggestion, g.region, g.section) == \
            (f.rule, f.category, f.severity, f.text, f.message, f.suggestion, f.region, f.section)
        assert g == Finding(f.rule, f.category, f.severity, f.start + 7, f.end + 7, f.text, f.message,
                            f.suggestion, f.region, f.section)
    assert moved([], 5) == []


def test_sort_of_a_body_only_draft_equals_the_full_key(rules):
    rng = random.Random(11)
    found = [Finding(rng.choice(["a.x", "b.y", "c.z"]), "typo", rng.choice(["error", "warning", "info"]),
                     s, s + rng.randrange(0, 4), "t", "m") for s in (rng.randrange(50) for _ in range(400))]
    want = sorted(found, key=Finding.sort_key)
    for body in (True, False):
        got = list(found)
        _sort(got, body)
        assert got == want


def test_random_outline_edits_equal_a_full_review_and_leave_the_previous_report_alone(rules):
    sample = SAMPLE.read_text(encoding="utf-8")
    rng = random.Random(2024)
    text = "\n".join(["关于做好工作的讲话", "一、总体要求", "（一）抓学习。", "1.学理论。", "2.学业务。",
                      "（二）抓作风。", "二、主要任务", "一是抓队伍。", "二是抓项目。", sample])
    inc = IncrementalReviewer(rules)
    prev = prev_frozen = None
    headings = doubled = 0
    for step in range(90):
        doc = Document.from_text(text)
        got = inc.review(doc)
        assert _snapshot(got) == _snapshot(review(doc, rules)), f"step {step}"
        if prev is not None:
            assert _frozen(prev) == prev_frozen, f"step {step}: the previous report changed"
        prev, prev_frozen = got, _frozen(got)
        headings += sum(o.kind == "heading" for o in got.outline)
        doubled += sum(f.rule == "numbering.doubled" for f in got.findings)
        pos = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.55:
            text = text[:pos] + rng.choice(PIECES) + text[pos:]
        elif op < 0.8:
            text = text[:pos] + text[pos + rng.randrange(1, 12):]
        else:  # an edit far from the outline: the items after it move
            text = "的" + text if op < 0.9 else text[1:]
    assert headings > 90  # the edits did run over an outline
    assert doubled > 5    # and wrote markers twice


def test_doubled_markers_kept_between_edits_equal_one_search_of_the_text():
    """numbering._doubled while a draft is edited (the hits of the lines before and after the
    edit kept from the previous call) finds what one search of the whole text finds."""
    from reviewer.core.document import split_lines
    from reviewer.core.structure.numbering import _doubled

    rng = random.Random(7)
    parts = ["二、二、基础", "（三）（三）", "(4)(4)", "12、12、", "十二、十二、", "一二、二、", "、", "\n", "\n\n", "。",
             "1、1、", "（1）（1）", "九、 九、", "三三、三、"]
    seen = 0
    for _ in range(400):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 14)))
        junk = [(2, 9)] if rng.random() < 0.3 else []
        memo = {}
        for step in range(5):
            want = [(e.start, e.end, e.values) for e in _doubled(text, junk)]
            got = [(e.start, e.end, e.values) for e in _doubled(text, junk, split_lines(text), memo)]
            assert got == want, (step, text)
            seen += len(got)
            pos, op = rng.randrange(len(text) + 1), rng.random()
            if op < 0.5:
                text = text[:pos] + rng.choice(parts) + text[pos:]
            elif op < 0.8:
                text = text[:pos] + text[pos + rng.randrange(1, 8):]
            else:
                text = text[:pos] + "\n" + text[pos:]
    assert seen > 1000
