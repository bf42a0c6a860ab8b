"""rules/README.md is generated from the rule kinds (scripts/gen_rules_readme.py) and
must be up to date; every key of every kind has a meaning there."""
import importlib.util

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("gen_rules_readme", ROOT / "scripts" / "gen_rules_readme.py")
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)


def test_every_key_of_every_kind_has_a_meaning():
    assert gen.missing_docs() == []


def test_readme_is_up_to_date():
    text = (ROOT / "rules" / "README.md").read_text(encoding="utf-8")
    assert text == gen.render(), "rules/README.md is stale: run .venv/bin/python scripts/gen_rules_readme.py"


def test_readme_lists_every_kind_with_an_example():
    from reviewer.core.rules.registry import KINDS

    text = gen.render()
    for kind in KINDS:
        section = text.split(f"\n### {kind}\n", 1)[1].split("\n### ", 1)[0]
        assert "提示文字可用的值" in section and "```yaml" in section, kind


def test_a_kind_gaining_an_undocumented_key_is_caught(monkeypatch):
    from reviewer.core.rules.registry import KINDS

    monkeypatch.setattr(KINDS["lexicon"], "KEYS", KINDS["lexicon"].KEYS | {"brand_new"})
    assert "lexicon.brand_new" in gen.missing_docs()


def test_named_groups_of_patterns_are_not_listed_one_by_one():
    section = gen.render().split("\n### pattern\n", 1)[1].split("\n### ", 1)[0]
    assert "{hit}" not in section.split("提示文字可用的值", 1)[1].split("\n", 1)[0]
