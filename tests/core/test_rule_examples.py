"""Every rule's bad/good examples, run as tests (LanguageTool-style)."""
import re

import pytest

from reviewer.core.examples import example_findings
from reviewer.core.rules import load_rules

RULES = load_rules()
CASES = [(rule, ex) for rule in RULES for ex in rule.examples]


def _findings(rule, text):
    # A rule that needs support from its category is run with its category's other rules;
    # a structure rule through a whole review (reviewer/core/examples.py).
    return example_findings(rule, text, RULES)


def _run(rule, text):
    return sorted((f.start, f.end) for f in _findings(rule, text))


@pytest.mark.parametrize("rule,example", CASES,
                         ids=[f"{r.full_id}:{'good' if e.good else 'bad'}:{e.text[:12]}" for r, e in CASES])
def test_rule_example(rule, example):
    got = _run(rule, example.text)
    want = sorted(example.spans)
    assert got == want, (
        f"{rule.full_id}: expected {[example.text[s:e] for s, e in want]}, got {[example.text[s:e] for s, e in got]}")


BAD = [(rule, ex) for rule, ex in CASES if not ex.good]


@pytest.mark.parametrize("rule,example", BAD, ids=[f"{r.full_id}:{e.text[:12]}" for r, e in BAD])
def test_messages_have_every_placeholder_filled(rule, example):
    for f in _findings(rule, example.text):
        for text in (f.message, f.suggestion or ""):
            assert not re.search(r"\{[A-Za-z_]\w*\}", text), f"{rule.full_id}: unfilled name in {text!r}"


def test_every_rule_has_bad_and_good_examples():
    for rule in RULES:
        assert any(e.good for e in rule.examples) and any(not e.good for e in rule.examples), rule.full_id


def test_every_shipped_category_is_covered():
    cats = {r.category for r in RULES}
    assert {"placeholder", "blank_figure", "site_junk", "typo", "punctuation", "numbering", "duplicate"} <= cats
