"""The window's per-edit shortcuts (issue 11) give what the long way gave: the list
comparisons, the editor's findings read from a report's order, the category counts and the
renumbered rows after an in-place update, the findings kept until a pause."""
from __future__ import annotations

import dataclasses
import random

from reviewer.core.findings import Finding
from reviewer.gui.collector import KEEP, IdleCollector
from reviewer.gui.editor import Editor
from reviewer.gui.finding_model import FindingTreeModel
from reviewer.gui.finding_rows import common_prefix, common_suffix

from PySide6.QtCore import QObject, Signal


def test_common_prefix_and_suffix_match_a_plain_scan():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randrange(0, 600)
        a = [rng.randrange(3) for _ in range(n)]
        b = list(a)
        if b and rng.random() < 0.8:
            b[rng.randrange(len(b))] += 10
        if rng.random() < 0.5:
            b.insert(rng.randrange(len(b) + 1), 99)
        m = min(len(a), len(b))
        p = next((i for i in range(m) if a[i] != b[i]), m)
        assert common_prefix(a, b) == p
        start = rng.randrange(p + 1)
        assert common_prefix(a, b, start) == p
        limit = m - p
        q = next((k for k in range(limit) if a[-1 - k] != b[-1 - k]), limit)
        assert common_suffix(a, b, limit) == q


def _f(start, end, rule="placeholder.xx", region="body", severity="error"):
    cat = rule.split(".")[0]
    return Finding(rule, cat, severity, start, end, "X" * (end - start), "提示", None, region)


def test_the_editor_reads_the_body_from_a_report_and_sorts_only_what_it_shows(qtbot):
    e = Editor()
    qtbot.addWidget(e)
    e.load("甲乙丙丁戊己庚辛壬癸\n" * 20)
    # report order: body first (start, then severity, rule, end), then other regions
    body = [_f(0, 8, "repetition.x", severity="warning"), _f(0, 2), _f(3, 4), _f(3, 3, "structure.y"),
            _f(30, 34), _f(30, 31, "typo.z", severity="warning"), _f(100, 150, "duplicate.p", severity="warning")]
    report = body + [_f(0, 2, region="header"), _f(5, 6, region="footer")]
    e.set_findings(report)
    assert e.findings == body and e.longest == 50
    by_start_end = sorted(body, key=lambda f: (f.start, f.end))
    for start, end in ((0, 10), (2, 40), (31, 120), (0, 300), (120, 130)):
        want = [f for f in by_start_end if f.start < end and f.end > start and f.end > f.start]
        assert e.findings_between(start, end) == want
    assert e.finding_at(1) is body[1] and e.finding_at(130) is body[6]
    # an edit: the findings before it the same objects, those after it moved
    moved = body[:3] + [dataclasses.replace(f, start=f.start + 1, end=f.end + 1) for f in body[3:6]]
    e.set_findings(moved)
    assert e.longest == 8 and e.findings == moved


def _group_findings(n, moved_from=None, extra_at=None):
    out = []
    for i in range(n):
        s = i * 10 + (1 if moved_from is not None and i * 10 >= moved_from else 0)
        if i % 3 == 0:
            out.append(Finding("punctuation.halfwidth", "punctuation", "warning", s, s + 1, ",", "半角逗号", "，"))
        elif i % 3 == 1:
            out.append(Finding("placeholder.xx", "placeholder", "error", s, s + 2, "XX", "占位符"))
        else:
            out.append(Finding("typo.a", "typo", "warning", s, s + 2, "甲乙", "错字", "甲已"))
        if extra_at == i:
            out.append(Finding("duplicate.sentence", "duplicate", "warning", s + 3, s + 5, "丙丁", "重复"))
    return out


def test_an_update_in_place_renumbers_counts_and_keeps_what_it_replaced(qtbot):
    text = "XX,甲乙丙丁戊己" * 300
    m = FindingTreeModel()
    m.set_findings(_group_findings(300), {"body": text})
    m.take_retired()
    for extra in (150, None, 40, 41, None):
        new = _group_findings(300, moved_from=1200, extra_at=extra)
        assert m.set_findings(new, {"body": text}) is False
        fresh = FindingTreeModel()
        fresh.set_findings(new, {"body": text})
        assert m.counts() == fresh.counts()
        assert m.panel_order() == fresh.panel_order()
        for i in range(len(new)):
            assert m.index_of_finding(i).data(FindingTreeModel.FindingRole) is new[i]
        assert len(m.take_retired()) == 1


class _Window(QObject):
    edited = Signal()
    shown = Signal()


def test_what_a_report_replaced_is_freed_in_the_pause(qtbot):
    w = _Window()
    batches = iter(range(100))
    c = IdleCollector(w, w.edited, w.shown, lambda: [next(batches)])
    for _ in range(KEEP + 3):
        w.shown.emit()
        w.edited.emit()
    assert len(c.kept) == KEEP and c.kept[-1] == [KEEP + 2]
    c.collect()
    assert c.kept == []
    c.release()
