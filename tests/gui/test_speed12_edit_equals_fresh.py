"""Issue 11, the window's share of an edit: after every edit the findings pane and the
editor's highlights are what a fresh open of the edited text shows, though the window only
patches what the edit changed (the rows' shapes, the longest span, the position map)."""
import random

from PySide6.QtGui import QTextCursor

from reviewer.core.engine import review
from reviewer.gui.editor import highlight_format
from reviewer.gui.finding_model import FindingTreeModel
from reviewer.gui.positions import PositionMap

from .conftest import open_and_wait

# A made-up draft with what drafts from the web carry: blanks, half-width commas, a
# repeated paragraph, a source line, numbered headings.
LINES = [
    "在XX县2023年工作会议上的讲话",
    "同志们：",
    "今天我们召开会议,主要任务是总结工作,部署下一阶段任务。",
    "一、过去一年的主要工作",
    "全县上下认真贯彻上级部署,经济运行稳中有进,全年完成生产总值XX亿元。",
    "（一）坚持项目带动。全年实施重点项目XX个,完成投资XX亿元,占年度计划的%。",
    "（二）坚持民生优先。新增就业岗位XX个，城乡居民收入稳步增长。",
    "本文来源：www.fanwen-example.com 更多范文请访问本站",
    "二、下一阶段的重点任务",
    "全县上下认真贯彻上级部署,经济运行稳中有进,全年完成生产总值XX亿元。",
    "（一）抓好项目建设。要紧盯XX个重点项目,倒排工期,挂图作战。",
    "（三）抓好作风建设。各级干部要履职尽责,真抓实干,确保各项任务落到实处。",
    "同志们，新的一年任务艰巨，让我们团结一心，奋力开创各项工作新局面！",
    "谢谢大家！",
]
SNIPPETS = ["的", "，", ",", "XX", "\n", "本站", "𠀀", "\u00a0", "\u2028", "\t", "全年完成生产总值XX亿元。", "三、", "　",
            "\n全县上下认真贯彻上级部署,经济运行稳中有进,全年完成生产总值XX亿元。"]


def _tree(m: FindingTreeModel, parent=None, depth=0) -> list:
    """Every row of ``m``: its kind, key, three columns and the findings under it."""
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for r in range(m.rowCount(parent)):
        ix = m.index(r, 0, parent)
        items = [(f.rule, f.region, f.start, f.end, f.message) for f in ix.data(m.ItemsRole) or []]
        cols = tuple(m.index(r, c, parent).data() for c in range(3))
        out.append((depth, ix.data(m.KindRole), ix.data(m.KeyRole), cols, items))
        out.extend(_tree(m, ix, depth + 1))
    return out


def _fresh_model(w, findings) -> FindingTreeModel:
    m = FindingTreeModel()
    m.rule_names = dict(w.panel.model.rule_names)
    m.flat, m.category = w.panel.model.flat, w.panel.model.category
    m.set_findings(findings, {r.name: r.text for r in w.session.reported.regions}, set())
    return m


def _highlights(editor) -> list:
    out = []
    for sel in editor.extraSelections():
        fmt = sel.format
        out.append((sel.cursor.selectionStart(), sel.cursor.selectionEnd(), fmt.underlineStyle().value,
                    fmt.underlineColor().name(), fmt.background().color().name(), fmt.background().style().value))
    return out


def _expected_highlights(editor, findings, text) -> list:
    """The highlights a fresh editor makes of ``findings`` for the blocks on screen."""
    pm = PositionMap(text)
    start, end = editor.visible_range()
    body = [f for f in findings if f.region == "body"]
    shown = sorted((f for f in body if f.start < end and f.end > start and f.end > f.start),
                   key=lambda f: (f.start, f.end))
    out = []
    for f in shown:
        fmt = highlight_format(f)
        out.append((pm.to_qt(f.start), pm.to_qt(f.end), fmt.underlineStyle().value, fmt.underlineColor().name(),
                    fmt.background().color().name(), fmt.background().style().value))
    return out


def _edit(w, rng: random.Random) -> None:
    doc = w.editor.document()
    n = doc.characterCount() - 1
    cur = QTextCursor(doc)
    op = rng.random()
    at = rng.randint(0, n)
    if op < 0.55:
        cur.setPosition(at)
        cur.insertText(rng.choice(SNIPPETS))
    elif op < 0.85:
        cur.setPosition(at)
        cur.setPosition(min(n, at + rng.randint(1, 12)), QTextCursor.KeepAnchor)
        cur.removeSelectedText()
    else:   # a line pasted again elsewhere (a duplicate appears)
        line = rng.choice(LINES)
        block = doc.findBlock(at)
        cur.setPosition(block.position())
        cur.insertText(line + "\n")


def test_random_edits_show_what_a_fresh_open_shows(qtbot, window, tmp_path):
    text = "\n".join(LINES * 3) + "\n"
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    window.resize(900, 500)   # the draft longer than the editor: highlights for what is on screen
    w = open_and_wait(qtbot, window, path)
    rng = random.Random(12)
    rebuilds = w.panel.model.rebuilds
    ahead, made, edit = [], w.ahead.make, w.ahead.edit
    w.ahead.make = lambda: (made(), ahead.append(w.ahead._held is not None))
    w.ahead.edit = lambda text: (ahead.append(w.ahead._held is not None and w.ahead._held[1] == text), edit(text))[1]
    for step in range(150):
        if step % 15 == 7:
            w.panel.set_flat(not w.panel.model.flat)
        if step % 20 == 11:   # the legend's filter: one category, or all again
            w.panel.filter_category(rng.choice([None, "duplicate", "punctuation", "placeholder", "site_junk"]))
        for _ in range(rng.choice((1, 1, 2, 3))):   # (several edits before one review: text() patched on)
            _edit(w, rng)
        with qtbot.waitSignal(w.review_finished, timeout=30_000):
            if step % 2 == 0:   # else after the typing pause, its Document made ahead (edit_ahead.py)
                w.recheck()
        text = w.editor.text()
        assert w.session.reported.text == text and w.session.reported == w.session.source.edited(text), step
        assert text == w.editor.document().toRawText().replace("\u2029", "\n")
        fresh = review(w.session.reported, w.session.ruleset, w.session.options(references=w.session.load_references()))
        assert w.session.findings == fresh.findings, step
        assert _tree(w.panel.model, None) == _tree(_fresh_model(w, fresh.findings), None), step
        pm = PositionMap(text)
        assert (w.editor.pos_map.astral, w.editor.pos_map.astral_utf16) == (pm.astral, pm.astral_utf16), step
        assert w.editor.findings == [f for f in fresh.findings if f.region == "body"], step
        bar = w.editor.verticalScrollBar()
        bar.setValue(rng.randint(0, bar.maximum()))
        w.editor.highlight_visible()
        assert _highlights(w.editor) == _expected_highlights(w.editor, fresh.findings, text), step
    assert w.panel.model.rebuilds - rebuilds < 30   # the pane was mostly updated in place
    assert ahead.count(True) > 100   # made ahead, and taken by the review


def test_the_longest_span_is_kept_from_the_changed_stretch(qtbot):
    """The pane's longest span after an update in place: a longer one added, the longest
    removed (then counted again), or only moved."""
    from reviewer.core.findings import Finding

    def f(start, end, rule="duplicate.sentence"):
        return Finding(rule, "duplicate", "warning", start, end, "字" * (end - start), "重复")

    m = FindingTreeModel()
    base = [f(k * 100, k * 100 + 5) for k in range(50)]
    m.set_findings(base, {"body": "x" * 6000})
    assert m.longest == 5
    longer = base[:10] + [f(1005, 1045)] + base[10:]
    m.set_findings(longer, {"body": "x" * 6000})
    assert m.longest == 40
    m.set_findings(base, {"body": "x" * 6000})
    assert m.longest == 5
    moved = base[:20] + [f(g.start + 3, g.end + 3) for g in base[20:]]
    m.set_findings(moved, {"body": "x" * 6000})
    assert m.longest == 5


def test_the_position_map_of_an_edit_is_that_of_its_text():
    """PositionMap.edited scans only the changed stretch: the same map as a fresh one."""
    rng = random.Random(7)
    alphabet = "ab中文\U0001F600\U00020000\n"
    for _ in range(3000):
        old = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        a = rng.randint(0, len(old))
        b = rng.randint(a, len(old))
        new = old[:a] + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))) + old[b:]
        got, want = PositionMap(old).edited(old, new), PositionMap(new)
        assert (got.astral, got.astral_utf16) == (want.astral, want.astral_utf16), (old, new)
