import pytest

from reviewer.core.rules import RuleLoadError, load_rules

GOOD = """id: {id}
name: 测试规则
kind: pattern
severity: warning
message: 测试“{{match}}”
pattern: 测试词
examples:
  - bad: 这是[[测试词]]。
  - good: 这是测试。
"""


def write(tmp_path, rel, text):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_user_folder_adds_rules(tmp_path):
    write(tmp_path, "mine/my-word.yaml", GOOD.format(id="my-word"))
    rules = load_rules([tmp_path])
    assert "mine.my-word" in rules.by_id
    assert len(rules) == len(load_rules()) + 1


def test_clash_with_shipped_rule_names_both_files(tmp_path):
    write(tmp_path, "placeholder/xx.yaml", GOOD.format(id="xx"))
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path])
    assert err.value.key == "id"
    assert "placeholder/xx.yaml" in err.value.file and "rules/placeholder/xx.yaml" in str(err.value)


def test_duplicate_id_in_user_folders(tmp_path):
    write(tmp_path / "a", "mine/dup.yaml", GOOD.format(id="dup"))
    write(tmp_path / "b", "mine/dup.yaml", GOOD.format(id="dup"))
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path / "a", tmp_path / "b"], builtin=False)
    assert str(tmp_path / "a") in str(err.value) and str(tmp_path / "b") in err.value.file


@pytest.mark.parametrize("mutate,key", [
    (lambda s: s + "colour: red\n", "colour"),
    (lambda s: s.replace("pattern: 测试词", "pattern: '测试(词'"), "pattern"),
    (lambda s: s.replace("  - good: 这是测试。\n", ""), "examples"),
    (lambda s: s.replace("  - bad: 这是[[测试词]]。\n", ""), "examples"),
    (lambda s: s.replace("  - bad: 这是[[测试词]]。", "  - bad: 这是测试词。"), "examples"),
    (lambda s: s.replace("severity: warning", "severity: fatal"), "severity"),
    (lambda s: s.replace("kind: pattern", "kind: magic"), "kind"),
    (lambda s: s.replace("id: t-rule", "id: other"), "id"),
    (lambda s: s.replace("name: 测试规则\n", ""), "name"),
])
def test_schema_errors_name_file_and_key(tmp_path, mutate, key):
    path = write(tmp_path, "mine/t-rule.yaml", mutate(GOOD.format(id="t-rule")))
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.file == str(path)
    assert err.value.key == key
    assert "t-rule.yaml" in str(err.value)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    write(tmp_path, "mine/t-rule.yaml", GOOD.format(id="t-rule") + "severity: error\n")
    with pytest.raises(RuleLoadError, match="重复的键"):
        load_rules([tmp_path], builtin=False)


def test_missing_folder(tmp_path):
    with pytest.raises(RuleLoadError, match="不存在"):
        load_rules([tmp_path / "nope"])


def test_exception_lists_are_read_and_checked(tmp_path):
    """A shared word list named by exception_lists works as the rule's own exceptions; a
    list that is not a bare .txt name under resources/lexicon, or is missing, stops loading."""
    listed = GOOD.format(id="t-list").replace(
        "pattern: 测试词", "pattern: 户\nexception_lists: [households.txt]").replace(
        "这是[[测试词]]。", "这是[[户]]。").replace("这是测试。", "与贫困户交谈。")
    write(tmp_path, "mine/t-list.yaml", listed)
    rules = load_rules([tmp_path], builtin=False)
    assert rules.by_id["mine.t-list"].exceptions.covers("与贫困户交谈。", 3, 4)
    for bad in ("../rules/x.txt", "households.yaml", "no-such-list.txt"):
        write(tmp_path, "mine/t-list.yaml", listed.replace("[households.txt]", f"['{bad}']"))
        with pytest.raises(RuleLoadError) as err:
            load_rules([tmp_path], builtin=False)
        assert err.value.key == "exception_lists" and bad in str(err.value)
