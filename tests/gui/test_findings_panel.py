"""The review pane (reviewer/gui/findings_panel.py) driven as the window drives it."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from reviewer.core import categories
from reviewer.core.engine import review
from reviewer.core.findings import Finding
from reviewer.core.guide import fold_key
from reviewer.core.loaders import load
from reviewer.gui.finding_model import FindingTreeModel
from reviewer.gui.findings_panel import FindingsPanel, finding_key
from tests.conftest import SAMPLE

M = FindingTreeModel


@pytest.fixture(scope="module")
def sample(rules):
    doc = load(SAMPLE)
    rep = review(doc, rules)
    return rep, {r.name: r.text for r in doc.regions}


@pytest.fixture
def panel(qtbot, rules, sample):
    p = FindingsPanel()
    qtbot.addWidget(p)
    p.set_rules(rules)
    rep, texts = sample
    p.set_findings(rep.findings, texts, set())
    p.resize(520, 700)
    p.show()
    return p


def top_rows(model):
    return [model.index(r, 0) for r in range(model.rowCount())]


def children(model, parent):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def fold_rows(model):
    return [c for g in top_rows(model) for c in children(model, g) if c.data(M.KindRole) == "fold"]


def test_model_is_a_valid_item_model(qtmodeltester, panel):
    qtmodeltester.check(panel.model)
    panel.set_flat(True)
    qtmodeltester.check(panel.model)


def test_group_counts_equal_the_reports(panel, sample):
    rep, _ = sample
    m = panel.model
    groups = top_rows(m)
    cats = [g.data(M.CategoryRole) for g in groups]
    assert cats == sorted(rep.counts(), key=categories.order)  # catalogue order
    for g in groups:
        cat = g.data(M.CategoryRole)
        assert len(g.data(M.ItemsRole)) == rep.counts()[cat]
        assert g.data().startswith(f"{categories.label(cat)}　{rep.counts()[cat]} 处")
        starts = [f.start for f in g.data(M.ItemsRole)]
        firsts = [c.data(M.ItemsRole)[0].start for c in children(m, g)]
        assert firsts == sorted(firsts) and sorted(starts) == sorted(f.start for f in rep.findings
                                                                     if f.category == cat)
    legend = panel.legend_widget()
    assert {c: chip.text() for c, chip in legend.chips.items()} == {
        c: f"{categories.label(c)} {n}" for c, n in rep.counts().items()}


def test_flat_view_one_click_away(panel, qtbot, sample):
    rep, _ = sample
    qtbot.mouseClick(panel.flat_button, Qt.LeftButton)
    m = panel.model
    assert m.flat and m.rowCount() == len(rep.findings)
    assert [ix.data(M.FindingRole) for ix in top_rows(m)] == list(rep.findings)
    panel.set_flat(False)
    assert not m.flat and m.rowCount() == len(rep.counts())


def test_columns_short_message_context_and_line_column(panel, sample):
    rep, texts = sample
    panel.set_flat(True)
    m = panel.model
    f = next(f for f in rep.findings if f.end > f.start and f.region == "body" and f.start > 20)
    ix = m.index_of_finding(rep.findings.index(f))
    short = ix.data()
    assert len(short) <= 26 and f.message.startswith(short.rstrip("…"))
    before, hit, after = m.index(ix.row(), 1).data(M.ContextRole)
    assert texts["body"][:f.start].endswith(before.replace("⏎", "\n"))
    assert all(part in f.text for part in hit.split("…")) and len(hit) <= 16  # a long span shortened
    assert texts["body"][f.end:].startswith(after.replace("⏎", "\n"))
    line = texts["body"].count("\n", 0, f.start) + 1
    col = f.start - (texts["body"].rfind("\n", 0, f.start) + 1) + 1
    assert m.index(ix.row(), 2).data() == f"{line}:{col}"


def test_a_folded_fix_accepts_all_its_items(panel, qtbot, sample):
    rep, _ = sample
    folds = fold_rows(panel.model)
    assert folds, "the sample draft has repeated half-width punctuation"
    fold = next(ix for ix in folds if "全部改为全角" in ix.data())
    items = fold.data(M.ItemsRole)
    assert len(items) >= 2 and len({fold_key(f) for f in items}) == 1
    assert items == [f for f in rep.findings if fold_key(f) == fold_key(items[0])]
    panel.tree.setCurrentIndex(fold)
    assert panel.detail.accept_button.isEnabled() and str(len(items)) in panel.detail.accept_button.text()
    with qtbot.waitSignal(panel.accept_requested) as sig:
        panel.detail.accept_button.click()
    assert sig.args[0] == items
    panel.mark_handled({finding_key(f) for f in items})
    assert panel.remaining() == len(rep.findings) - len(items)
    assert "剩 0 处" in panel.model.index(fold.row(), 2, fold.parent()).data()


def test_step_skips_handled_findings_and_wraps(panel, qtbot):
    order = [panel.model.findings[i] for i in panel.model.panel_order()]
    panel.mark_handled({finding_key(order[1]), finding_key(order[2])})
    with qtbot.waitSignal(panel.activated) as first:
        panel.step(True)
    assert first.args[0] is order[0]
    with qtbot.waitSignal(panel.activated) as second:
        panel.step(True)
    assert second.args[0] is order[3]
    with qtbot.waitSignal(panel.activated) as back:
        panel.step(False)
    assert back.args[0] is order[0]
    with qtbot.waitSignal(panel.activated) as wrapped:
        panel.step(False)
    assert wrapped.args[0] is order[-1]
    assert panel.current_finding() is order[-1]


def test_buttons_step_too(panel, qtbot):
    with qtbot.waitSignal(panel.activated):
        panel.detail.next_button.click()
    first = panel.current_finding()
    with qtbot.waitSignal(panel.activated) as sig:
        panel.detail.next_button.click()
    assert sig.args[0] is not first


def test_select_follows_the_editor_without_activating(panel, qtbot, sample):
    rep, _ = sample
    f = rep.findings[-1]
    with qtbot.assertNotEmitted(panel.activated):
        panel.select(f)
    assert panel.current_finding() is f
    assert f.message in panel.detail.text()
    with qtbot.assertNotEmitted(panel.activated):
        panel.select(None)
    assert panel.current_finding() is None


def test_legend_click_filters_and_clicking_again_clears(panel, qtbot, sample):
    rep, _ = sample
    cat = max(rep.counts(), key=rep.counts().get)
    chip = panel.legend_widget().chips[cat]
    chip.click()
    assert panel.model.category == cat and chip.isChecked()
    assert [g.data(M.CategoryRole) for g in top_rows(panel.model)] == [cat]
    with qtbot.waitSignal(panel.activated) as sig:
        panel.step(True)
    assert sig.args[0].category == cat
    panel.legend_widget().chips[cat].click()
    assert panel.model.category is None and panel.model.rowCount() == len(rep.counts())


def test_remaining_counts_and_signal(panel, qtbot, sample):
    rep, texts = sample
    assert panel.remaining() == len(rep.findings)
    with qtbot.waitSignal(panel.remaining_changed) as sig:
        panel.mark_handled({finding_key(rep.findings[0])})
    assert sig.args == [len(rep.findings) - 1] and panel.remaining() == len(rep.findings) - 1
    handled = {finding_key(f) for f in rep.findings[:3]}
    with qtbot.waitSignal(panel.remaining_changed) as sig:
        panel.set_findings(rep.findings, texts, handled)
    assert sig.args == [len(rep.findings) - 3]
    assert f"剩余 {len(rep.findings) - 3} 处" in panel.remaining_label.text()


def test_ignore_this_and_ignore_the_kind(panel, qtbot, monkeypatch):
    panel.step(True)
    f = panel.current_finding()
    with qtbot.waitSignal(panel.ignore_requested) as sig:
        panel.detail.ignore_button.click()
    assert sig.args == [[f], "finding"]
    same = [x for x in panel.model.findings if x.rule == f.rule]
    panel.select(f)
    monkeypatch.setattr(panel, "ask_ignore_scope", lambda finding, n: "rule-all" if n == len(same) else None)
    with qtbot.waitSignal(panel.ignore_requested) as sig:
        panel.detail.ignore_kind_button.click()
    assert sig.args == [same, "rule-all"]
    monkeypatch.setattr(panel, "ask_ignore_scope", lambda finding, n: None)  # cancelled
    with qtbot.assertNotEmitted(panel.ignore_requested):
        panel.detail.ignore_kind_button.click()


def test_add_word(panel, qtbot, sample):
    rep, _ = sample
    f = next(f for f in rep.findings if 0 < len(f.text) <= 6 and f.text.strip())
    panel.select(f)
    assert panel.detail.add_word_button.isEnabled()
    with qtbot.waitSignal(panel.add_word_requested) as sig:
        panel.detail.add_word_button.click()
    assert sig.args == [f.text.strip()]


def test_detail_pane_is_complete(panel, sample):
    rep, texts = sample
    f = next(f for f in rep.findings if f.suggestion and f.category == "typo" and f.start)  # 再接再励
    panel.select(f)
    d = panel.detail
    page = d.text()
    assert f.message in page
    assert "为什么要改：" in page  # the rule's description or the category's
    assert f.text in page
    assert texts["body"][max(0, f.start - 5):f.start].replace("\n", "") in page.replace("⏎", "")
    assert panel.model.location(f) in page and categories.label(f.category) in page
    assert f"建议改为：{f.suggestion}" in page and d.accept_button.isEnabled()
    for b in (d.ignore_button, d.ignore_kind_button, d.prev_button, d.next_button):
        assert b.isEnabled()


def test_twelve_thousand_findings_build_fast(qtbot):
    text = "近年来,我县坚持党建引领XX。\n" * 4000
    findings = []
    for k in range(4000):
        base = k * 16
        findings.append(Finding("punctuation.halfwidth", "punctuation", "warning", base + 3, base + 4, ",",
                                "中文里应使用全角标点“，”，不用半角“,”。", "，"))
        findings.append(Finding("placeholder.xx", "placeholder", "error", base + 12, base + 14, "XX", "未填写。"))
        findings.append(Finding("typo.x", "typo", "warning", base + 5, base + 7, "我县", "示例。", "本县"))
    p = FindingsPanel()
    qtbot.addWidget(p)
    p.set_rules(type("R", (), {"rules": []})())
    p.resize(520, 700)
    p.show()
    t = time.process_time()  # CPU time: CI's cores are shared
    p.set_findings(findings, {"body": text}, set())
    qtbot.wait(1)
    assert time.process_time() - t < 1.0  # about 0.1 s on an idle machine
    groups = top_rows(p.model)
    assert [g.data(M.CategoryRole) for g in groups] == ["placeholder", "typo", "punctuation"]
    punct = children(p.model, groups[2])
    assert len(punct) == 1 and punct[0].data().endswith("4000 处 — 全部改为全角")
    typo = children(p.model, groups[1])
    assert len(typo) == 1 and "“我县”应为“本县” 4000 处" in typo[0].data()
    assert len(children(p.model, groups[0])) == 4000  # no suggestion: never folded


def test_after_accept_or_ignore_the_next_finding_follows(panel, qtbot, sample):
    rep, texts = sample
    order = [panel.model.findings[i] for i in panel.model.panel_order()]
    panel.select(order[0])
    # the window marks accepted findings handled
    panel.accept_requested.connect(lambda fs: panel.mark_handled({finding_key(f) for f in fs}))
    # and re-lists the findings without an ignored one
    panel.ignore_requested.connect(lambda fs, scope: panel.set_findings(
        [f for f in rep.findings if f not in fs], texts, set(panel.model.handled)))
    with qtbot.waitSignal(panel.activated) as sig:
        panel.detail.ignore_button.click()
    assert sig.args[0] is order[1] and panel.current_finding() is order[1]
    assert order[0] not in panel.model.findings
    if panel.detail.accept_button.isEnabled():
        items = panel.current_items()
        with qtbot.waitSignal(panel.activated) as sig:
            panel.detail.accept_button.click()
        assert sig.args[0] not in items and not panel.model.is_handled(panel.model.findings.index(sig.args[0]))


def test_step_wraps_to_the_only_one_left_and_stops_when_none(panel, qtbot, sample):
    rep, _ = sample
    panel.mark_handled({finding_key(f) for f in rep.findings[1:]})
    panel.select(rep.findings[0])
    with qtbot.waitSignal(panel.activated) as sig:
        panel.step(True)
    assert sig.args[0] is rep.findings[0]  # the only one left, found again after wrapping
    panel.mark_handled({finding_key(rep.findings[0])})
    assert panel.remaining() == 0
    with qtbot.assertNotEmitted(panel.activated):
        panel.step(True)


def test_an_empty_list_does_not_load_the_shipped_rules_the_window_is_loading(qtbot, monkeypatch):
    """A draft just opened clears the pane before the window's rules are loaded (they come
    with set_rules); reading the shipped rules then was a second load on the GUI thread."""
    from reviewer.gui import findings_panel

    loads = []
    monkeypatch.setattr(findings_panel, "shipped_rule_info", lambda: loads.append(1) or {})
    p = FindingsPanel()
    qtbot.addWidget(p)
    p.set_findings([], {"body": ""}, set())
    assert loads == []
    p.set_findings([Finding("placeholder.xx", "placeholder", "error", 0, 2, "XX", "占位符")], {"body": "XX"}, set())
    assert loads == [1]  # without set_rules: the shipped rules, read once when first needed
