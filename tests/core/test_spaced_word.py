"""A blank left inside a word (kind spaced-word, rules/punctuation/spaced-word.yaml; a slip of
layout, not of a word: the category of spacing and marks): found where
the words run across the blank, not between two words, in a form's spaced labels, or where
the joined text gains little (a name before a place, a count's lost figure)."""
import pytest

from reviewer.core.rules.loader import RuleLoadError, load_rule_file

from ..conftest import body_findings


def _spaced(rules, text):
    return [(f.text, f.suggestion) for f in body_findings(rules, text) if f.rule == "punctuation.spaced-word"]


@pytest.mark.parametrize("text,found", [
    ("全体师生参加了消 防演习，有条不紊地进 行了疏散。", [("消 防", "消防"), ("进 行", "进行")]),
    ("与会代表认真学习领 会全会精神。", [("领 会", "领会")]),
    ("会议结束后，消 防演习正式开始。\n各级党组织要切实履 行", [("消 防", "消防"), ("履 行", "履行")]),
    ("坚持属地管理 分级负责 人人有责，推进文化 教育 卫生事业。", []),  # a list's parts
    ("检测学校教学管理 工作和教研水平。", []),                       # two words
    ("办公室主任，段红英 国土分局资环股股长。", []),                # 英国 across the blank, a name
    ("经清点，实到代表 人，已达到应到会代表的半数。", []),          # a lost figure
    ("领导小组：\n组 长：李杰\n成 员：各科室负责人", []),          # a form's labels
])
def test_spaced_word(rules, text, found):
    assert _spaced(rules, text) == found


def test_min_gain_is_validated(tmp_path):
    folder = tmp_path / "punctuation"
    folder.mkdir()
    path = folder / "x.yaml"
    path.write_text("id: x\nname: x\nkind: spaced-word\nseverity: warning\nmessage: m\nmin_gain: -1\n"
                    "pattern: '(?P<hit>[\\u4e00-\\u9fff] [\\u4e00-\\u9fff])'\n"
                    "examples:\n  - bad: '[[消 防]]演习'\n  - good: 好\n", encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_rule_file(path, "punctuation")
    path.write_text(path.read_text(encoding="utf-8").replace("min_gain: -1", "min_gain: 2.5"), encoding="utf-8")
    assert load_rule_file(path, "punctuation")
