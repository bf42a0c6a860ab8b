"""A user rule stopped over its time budget is named in the window's status bar."""
from reviewer.core.rules import budget
from tests.core.test_reliability_slow import BACKTRACK
from tests.gui.conftest import open_and_wait


def test_stopped_user_rule_is_shown_in_the_status_bar(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "BUDGET", 0.3)
    folder = tmp_path / "mine" / "custom"
    folder.mkdir(parents=True)
    (folder / "backtrack.yaml").write_text(BACKTRACK, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("在全县工作会议上的讲话\n同志们：\nXX县今年各项工作稳步推进。\n" + "a" * 30_000 + "b\n谢谢大家！\n",
                     encoding="utf-8")
    w0 = make_window()
    w0.settings.set("user_rules_dir", str(tmp_path / "mine"))
    w = make_window()
    qtbot.waitUntil(lambda: w.rules is not None)  # loaded on a worker while the window shows
    assert any(r.user for r in w.rules)
    open_and_wait(qtbot, w, draft)
    assert w.session.report.warnings and "custom.backtrack" in w.session.report.warnings[0]
    message = w.statusBar().currentMessage()
    assert "custom.backtrack" in message and "backtrack.yaml" in message and "已停止" in message
    assert any(f.rule == "placeholder.xx" for f in w.session.report.findings)  # the rest of the review ran
