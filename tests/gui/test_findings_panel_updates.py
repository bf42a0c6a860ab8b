"""The review pane while the draft is edited: findings that come or go are updated in place
(the selection, what is open and the editor's cursor stay), and a big group starts closed."""
from __future__ import annotations

from reviewer.core.findings import Finding
from reviewer.gui.finding_model import FindingTreeModel
from reviewer.gui.findings_panel import FindingsPanel
from reviewer.gui.tree_state import BIG_GROUP

M = FindingTreeModel
TEXT = "甲" * 40_000


def _dup(k: int) -> Finding:
    return Finding("duplicate.paragraph", "duplicate", "warning", 10 * k, 10 * k + 4, "重复段落", "与前文重复")


def _xx(k: int) -> Finding:
    return Finding("placeholder.xx", "placeholder", "error", 10 * k + 5, 10 * k + 7, "XX", "占位符")


def _panel(qtbot, findings) -> FindingsPanel:
    p = FindingsPanel()
    qtbot.addWidget(p)
    p.resize(520, 700)
    p.show()
    p.set_findings(findings, {"body": TEXT}, set())
    return p


def _group(p, cat):
    m = p.model
    return next(m.index(r, 0) for r in range(m.rowCount()) if m.index(r, 0).data(M.CategoryRole) == cat)


def test_a_big_group_starts_closed_and_stays_open_once_opened(qtbot):
    findings = sorted([_dup(k) for k in range(BIG_GROUP + 1)] + [_xx(k) for k in range(3)], key=lambda f: f.start)
    p = _panel(qtbot, findings)
    assert not p.tree.isExpanded(_group(p, "duplicate"))
    assert p.tree.isExpanded(_group(p, "placeholder"))
    p.tree.expand(_group(p, "duplicate"))          # the user opens it
    p.set_flat(True)
    p.set_flat(False)                               # the tree is built again
    assert p.tree.isExpanded(_group(p, "duplicate"))
    p.tree.collapse(_group(p, "placeholder"))       # a small one the user closed stays closed
    p.set_flat(True)
    p.set_flat(False)
    assert not p.tree.isExpanded(_group(p, "placeholder")) and p.tree.isExpanded(_group(p, "duplicate"))


def test_a_finding_gone_elsewhere_keeps_the_selection_and_does_not_move_the_editor(qtbot):
    findings = sorted([_dup(k) for k in range(50)] + [_xx(k) for k in range(50)], key=lambda f: f.start)
    p = _panel(qtbot, findings)
    activated = []
    p.activated.connect(activated.append)
    p._select_index(findings.index(_xx(40)))
    rebuilds = p.model.rebuilds
    fewer = [f for f in findings if f != _dup(10) and f != _xx(3)]
    p.set_findings(fewer, {"body": TEXT}, set())
    assert p.model.rebuilds == rebuilds                   # updated in place
    assert p.current_finding() == _xx(40)
    p.set_findings([f for f in fewer if f != _xx(40)], {"body": TEXT}, set())   # the current one goes
    assert p.model.rebuilds == rebuilds and activated == []
    assert p.remaining() == 97 and p.remaining_label.text().endswith("97 处）")
    p.step(True)   # 下一处 still goes on from where the user was
    assert activated and activated[-1].start > _xx(40).start - 10


def test_a_new_category_appears_open_with_its_span(qtbot):
    p = _panel(qtbot, [_xx(k) for k in range(5)])
    typo = Finding("typo.jiezhi", "typo", "warning", 21, 23, "截止", "截止应为截至", "截至")
    p.set_findings([_xx(0), _xx(1), typo, _xx(2), _xx(3), _xx(4)], {"body": TEXT}, set())
    assert p.model.rebuilds == 1
    g = _group(p, "typo")
    assert p.tree.isExpanded(g) and p.tree.isFirstColumnSpanned(g.row(), g.parent())
    assert p.model.index(0, 0, g).data(M.FindingRole) is not None
