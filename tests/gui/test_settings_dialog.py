"""The settings dialog keeps what it does not show, lists the structure rules, and
stores the speaker's locality (formerly "region")."""
from PySide6.QtCore import QSettings, Qt

from reviewer.gui.settings import Settings
from reviewer.gui.settings_dialog import SettingsDialog


def _settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))


def _item(dlg, rule_id):
    for i in range(dlg.tree.topLevelItemCount()):
        cat = dlg.tree.topLevelItem(i)
        for j in range(cat.childCount()):
            if cat.child(j).text(1) == rule_id:
                return cat.child(j)
    return None


def test_ok_keeps_every_disabled_id_known_or_not(qtbot, tmp_path, rules):
    s = _settings(tmp_path)
    s.set("disabled_rules", ["structure.missing-part", "mine.gone-rule"])
    s.set("disabled_categories", ["no_such_category"])
    dlg = SettingsDialog(s, rules)
    qtbot.addWidget(dlg)
    assert _item(dlg, "structure.missing-part").checkState(0) == Qt.Unchecked  # listed, and off
    _item(dlg, "punctuation.halfwidth").setCheckState(0, Qt.Unchecked)
    dlg.accept()
    assert s.get("disabled_rules") == ["mine.gone-rule", "punctuation.halfwidth", "structure.missing-part"]
    assert s.get("disabled_categories") == ["no_such_category"]


def test_turning_a_listed_rule_back_on_removes_it(qtbot, tmp_path, rules):
    s = _settings(tmp_path)
    s.set("disabled_rules", ["structure.truncated"])
    dlg = SettingsDialog(s, rules)
    qtbot.addWidget(dlg)
    _item(dlg, "structure.truncated").setCheckState(0, Qt.Checked)
    dlg.accept()
    assert s.get("disabled_rules") == []


def test_every_structure_check_is_listed(qtbot, tmp_path, rules):
    dlg = SettingsDialog(_settings(tmp_path), rules)
    qtbot.addWidget(dlg)
    for check in ("missing-part", "truncated", "reference-part", "reference-topic", "notice-topic", "extra-topic"):
        assert _item(dlg, f"structure.{check}") is not None, check


def test_locality_is_read_from_the_old_region_key(qtbot, tmp_path, rules):
    s = _settings(tmp_path)
    s.q.setValue("region", '"青阳县"')
    assert s.get("locality") == "青阳县" and s.get("region") == "青阳县"
    dlg = SettingsDialog(s, rules)
    qtbot.addWidget(dlg)
    assert dlg.locality.text() == "青阳县"
    dlg.locality.setText("乐清市")
    dlg.accept()
    assert s.get("locality") == "乐清市"


def test_locality_and_year_from_the_dialog_reach_the_review(qtbot, tmp_path, rules):
    """本地区 and 文稿年份 typed in 设置 change what the session's review reports."""
    from reviewer.core.document import Document
    from reviewer.core.session import ReviewSession
    from reviewer.gui.session_settings import apply_settings

    text = ("在全乡经济工作会议上的讲话\n同志们：\n今年，临朐县委坚持项目带动，全县农民人均纯收入稳步增长。\n"
            "谢谢大家！\n")
    s = _settings(tmp_path)
    session = ReviewSession(rules)
    session.open(Document.from_text(text))

    def rules_hit():
        apply_settings(session, s, rules)
        return {f.rule.split(".")[0] for f in session.review().findings}

    before = rules_hit()
    assert "foreign_locality" not in before and "stale" not in before
    dlg = SettingsDialog(s, rules)
    qtbot.addWidget(dlg)
    dlg.locality.setText("浙江省乐清市")
    dlg.draft_date.setText("2024")
    dlg.accept()
    after = rules_hit()
    assert "foreign_locality" in after and "stale" in after
