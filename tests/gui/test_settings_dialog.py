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
