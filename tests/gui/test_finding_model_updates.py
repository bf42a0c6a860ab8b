"""An edit that adds, removes or changes a few findings updates the review pane's tree in
place (rows removed and inserted, no reset).  Whatever the change, the tree must then be
exactly the one a fresh model builds from the same findings."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reviewer.core.findings import Finding
from reviewer.gui.finding_model import FindingTreeModel

M = FindingTreeModel

# (rule, category, text, suggestion): punctuation folds, a word fix folds when repeated,
# findings without a suggestion never fold, one category may appear or vanish altogether.
KINDS = [
    ("punctuation.halfwidth", "punctuation", ",", "，"),
    ("punctuation.halfwidth", "punctuation", ";", "；"),
    ("punctuation.colon", "punctuation", ":", "："),
    ("typo.jiezhi", "typo", "截止", "截至"),
    ("typo.zaijie", "typo", "再接再励", "再接再厉"),
    ("duplicate.paragraph", "duplicate", "重复段落", None),
    ("placeholder.xx", "placeholder", "XX", None),
    ("stale.plan", "stale", "十三五", None),
]


def _finding(rng: random.Random, start: int) -> Finding:
    rule, cat, text, sugg = rng.choice(KINDS)
    return Finding(rule, cat, "warning", start, start + len(text), text, f"{text}有误", sugg)


def _dump(m: FindingTreeModel, parent: QModelIndex = QModelIndex()) -> list:
    """The tree as the view sees it: every row's kind, key, the findings under it, its text."""
    out = []
    for r in range(m.rowCount(parent)):
        ix = m.index(r, 0, parent)
        assert m.parent(ix) == parent and ix.row() == r
        items = ix.data(M.ItemsRole)
        out.append((ix.data(M.KindRole), ix.data(M.KeyRole), [(f.rule, f.start, f.text) for f in items],
                    [m.index(r, c, parent).data() for c in range(3)], _dump(m, ix)))
    return out


def _check(m: FindingTreeModel, findings, text) -> None:
    fresh = FindingTreeModel()
    fresh.flat, fresh.category = m.flat, m.category
    fresh.set_findings(findings, {"body": text})
    assert _dump(m) == _dump(fresh)
    for i, f in enumerate(findings):   # every shown finding's row is found by its index
        ix = m.index_of_finding(i)
        if m.category in (None, f.category):
            assert ix.data(M.FindingRole) is f
            assert m.index(ix.row(), 0, m.parent(ix)) == ix   # the row it claims is its row
        else:
            assert not ix.isValid()
    assert m.panel_order() == fresh.panel_order()


def _edit(rng: random.Random, findings: list) -> list:
    """A local change: a few findings around one place removed, added or changed; the ones
    after it shifted (positions only)."""
    out = list(findings)
    at = rng.randrange(len(out) + 1)
    removed = rng.choice([0, 0, 1, 1, 2, 5])
    del out[at:at + removed]
    base = out[at - 1].end + 1 if at else 0
    out[at:at] = [_finding(rng, base + 3 * k) for k in range(rng.choice([0, 1, 1, 2, 4]))]
    shift = rng.choice([0, 1, 3])
    pos = 0
    for k, f in enumerate(out):   # positions strictly increasing, shifted after the change
        start = max(pos, f.start + (shift if k >= at else 0))
        out[k] = Finding(f.rule, f.category, f.severity, start, start + len(f.text), f.text, f.message, f.suggestion)
        pos = start + len(f.text) + 1
    return out


@pytest.mark.parametrize("flat,category", [(False, None), (True, None), (False, "typo"), (True, "punctuation")])
def test_updates_in_place_equal_a_fresh_build(qtbot, qtmodeltester, flat, category):
    rng = random.Random(f"{flat}{category}")
    findings = [_finding(rng, 10 * k) for k in range(60)]
    text = "甲" * 2000
    m = FindingTreeModel()
    m.set_findings(findings, {"body": text})
    m.set_view(flat=flat, category=category)
    patched = 0
    for n in range(150):
        findings = _edit(rng, findings) or [_finding(rng, 0)]
        if n % 2:  # a second change elsewhere: the findings between only move (a duplicate made far away)
            findings = _edit(rng, findings) or [_finding(rng, 0)]
        rebuilds = m.rebuilds
        m.set_findings(findings, {"body": text})
        patched += m.rebuilds == rebuilds
        _check(m, findings, text)
    assert patched > 100, "most local changes should be patched, not rebuilt"
    qtmodeltester.check(m)   # the checks stay connected: a few more updates under its eye
    for _ in range(3):
        findings = _edit(rng, findings) or [_finding(rng, 0)]
        m.set_findings(findings, {"body": text})
    _check(m, findings, text)


def test_a_category_appears_and_vanishes_in_place(qtbot):
    text = "甲" * 200
    base = [Finding("placeholder.xx", "placeholder", "error", 0, 2, "XX", "占位符"),
            Finding("punctuation.halfwidth", "punctuation", "warning", 10, 11, ",", "半角", "，"),
            Finding("punctuation.halfwidth", "punctuation", "warning", 20, 21, ",", "半角", "，")]
    m = FindingTreeModel()
    m.set_findings(base, {"body": text})
    typo = Finding("typo.jiezhi", "typo", "warning", 5, 7, "截止", "截止应为截至", "截至")
    with qtbot.waitSignal(m.rowsInserted), qtbot.assertNotEmitted(m.modelReset):
        m.set_findings([base[0], typo] + base[1:], {"body": text})
    assert [m.index(r, 0).data(M.CategoryRole) for r in range(m.rowCount())] == ["placeholder", "typo", "punctuation"]
    assert m.patched and m.index_of_node(m.patched[0]).data(M.CategoryRole) == "typo"
    with qtbot.waitSignal(m.rowsRemoved), qtbot.assertNotEmitted(m.modelReset):
        m.set_findings([base[0], base[2]], {"body": text})   # the fold of two dissolves, typo gone
    _check(m, [base[0], base[2]], text)
    assert m.index(1, 0).data(Qt.DisplayRole).endswith("1 处")
