"""The stale rules search each pattern only in the lines that hold a character it needs
(stale.line_stretches): the same hits, in the same order, as a search of the whole text."""
import random

import pytest

from tests.conftest import body_context
from reviewer.core.rules.stale import line_stretches


def stale_rules(rules):
    return [r for r in rules if r.category == "stale" and hasattr(r, "_prefiltered")]


context = body_context  # tests/conftest.py


PIECES = ["2019年是", "今年是", "明年是", "“十二五”的收官之年", "十三五开局之年", "十四五", "全面建设小康社会",
          "全面建成小康社会的决胜之年", "决胜全面建成小康社会", "党的十六大提出", "跨世纪", "安监局", "原安监局",
          "农村居民人均纯收入", "，", "。", "\n", "\n\n", "我县", "工作", "全面", "十", "为"]


@pytest.mark.parametrize("seed", range(6))
def test_prefiltered_hits_equal_a_search_of_the_whole_text(rules, seed):
    rnd = random.Random(seed)
    text = "".join(rnd.choice(PIECES) for _ in range(600))
    ctx = context(text)
    hits = 0
    for rule in stale_rules(rules):
        for year in (2005, 2014, 2019, 2024):
            plain = list(rule._terms(ctx, year) if rule.check == "terms" else rule._plans(ctx, year))
            assert list(rule._prefiltered(ctx, year)) == plain, (rule.id, year)
            hits += len(plain)
    assert hits > 50


def test_prefilters(rules):
    # the five-year plans and the 小康 slogans are line-local and need a character: none of
    # their patterns is tried at every character; a pattern that may run across a line
    # break (congress: [^，。；]) has none and is searched in the whole text
    by_id = {r.id: r for r in stale_rules(rules)}
    for rule in by_id.values():
        list(rule._prefiltered(context("2019年是"), 2019))
    for rid in ("five-year-plan", "xiaokang"):
        assert all(f is not None for f in by_id[rid]._filters), rid
    # the plenary sessions named alone (十九届五中全会精神) stay in a line
    congress = by_id["congress"]
    for term, f in zip(congress.terms, congress._filters):
        assert (f is None) == ("[^" in term[0].pattern), term[0].pattern


def test_line_stretches_cover_the_lines_holding_a_needed_character():
    import re

    text = "甲\n乙十丙\n丁\n" + "戊" * 100 + "\n十"
    got = list(line_stretches(text, re.compile("十"), 0))
    assert [(text[s:e]) for s, e, _ in got] == ["乙十丙", "十"]
    # within lo..hi only
    assert [text[s:e] for s, e, _ in line_stretches(text, re.compile("十"), 0, 0, 6)] == ["乙十丙"]
