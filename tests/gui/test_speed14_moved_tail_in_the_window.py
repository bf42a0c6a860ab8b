"""Issue 11: after an edit the window takes the findings the core proved only moved
(Report.moved_tail) without reading them, and still shows what a fresh open shows."""
import random

import pytest

from reviewer.core import incremental
from reviewer.core.engine import review

from .conftest import open_and_wait
from .test_speed12_edit_equals_fresh import _edit, _expected_highlights, _fresh_model, _highlights, _tree

# a long draft whose findings are mostly of single lines (half-width commas, blanks)
LINES = [f"第{i}项工作,全年完成投资XX亿元,进展顺利,群众满意。" for i in range(120)]


@pytest.mark.parametrize("share", [incremental.FRESH_SHARE, float("inf")])
def test_edits_take_the_moved_tail_and_show_what_a_fresh_open_shows(qtbot, window, tmp_path, monkeypatch, share):
    monkeypatch.setattr(incremental, "FRESH_SHARE", share)
    path = tmp_path / "draft.txt"
    path.write_text("在全县工作会议上的讲话\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    window.resize(900, 500)
    w = open_and_wait(qtbot, window, path)
    rng = random.Random(14)
    tails = w.panel.model.tails
    for step in range(40):
        if step % 10 == 7:
            w.panel.set_flat(not w.panel.model.flat)
        _edit(w, rng)
        with qtbot.waitSignal(w.review_finished, timeout=30_000):
            w.recheck()
        fresh = review(w.session.reported, w.session.ruleset, w.session.options(references=w.session.load_references()))
        assert w.session.findings == fresh.findings, step
        assert _tree(w.panel.model, None) == _tree(_fresh_model(w, fresh.findings), None), step
        assert w.editor.findings == [f for f in fresh.findings if f.region == "body"], step
        w.editor.highlight_visible()
        assert _highlights(w.editor) == _expected_highlights(w.editor, fresh.findings, w.editor.text()), step
    assert w.panel.model.tails - tails > 15   # the fast path was taken


def test_speed12s_random_edits_with_a_tail_looked_for_on_every_edit(qtbot, window, tmp_path, monkeypatch):
    # (its draft is full of duplicates, numbering and junk: whole-draft findings everywhere)
    from .test_speed12_edit_equals_fresh import test_random_edits_show_what_a_fresh_open_shows as run

    monkeypatch.setattr(incremental, "FRESH_SHARE", float("inf"))
    tails = window.panel.model.tails
    run(qtbot, window, tmp_path)
    assert window.panel.model.tails > tails
