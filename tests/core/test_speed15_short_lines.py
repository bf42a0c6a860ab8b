"""Issue 11: a junk rule's ``lines`` prefilter searches only the lines its max_line_length
allows, laid out once per review shortest first (junk_lines._short_lines_holding).  It
finds the lines a search of each line alone finds, and every junk rule finds the same
with it as on every line (test_fused_prefilters holds the latter on the shipped texts)."""
import random
import re

from reviewer.core.rules import load_rules
from reviewer.core.rules.junk_lines import JunkRule, _short_lines_holding, _stripped_lines
from reviewer.core.rules.reach import any_of
from tests.conftest import body_context, junk_rules_and_text


_ctx = body_context  # tests/conftest.py


def _by_each_line(text, lines, pre, most):
    return [i for i, (s, e) in enumerate(lines) if e - s <= most and pre.search(text[s:e])]


def test_short_lines_holding_is_a_search_of_each_line_alone():
    rnd = random.Random(15)
    for _ in range(400):
        words = list({"".join(rnd.choice("ab-下载1") for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 5))})
        pre = re.compile(any_of(words))
        text = "".join(rnd.choice("ab-下载1 \n\n") for _ in range(rnd.randint(0, 120)))
        ctx = _ctx(text)
        lines = _stripped_lines(ctx)
        starts = [s for s, _ in lines]
        for most in (0, 1, 3, 8, 200):
            assert _short_lines_holding(ctx, lines, starts, pre, most) == _by_each_line(ctx.text, lines, pre, most), \
                (words, text, most)


def test_a_match_running_past_the_line_end_does_not_count():
    # the needle "a " begins in the stripped line "x a" and ends in the blank after it
    text = "x a \nshort a b\n"
    ctx = _ctx(text)
    lines = _stripped_lines(ctx)
    pre = re.compile(any_of(["a "]))
    got = _short_lines_holding(ctx, lines, [s for s, _ in lines], pre, 200)
    assert got == _by_each_line(ctx.text, lines, pre, 200) == [1]


def test_a_needle_with_a_line_break_is_searched_in_the_text():
    text = "甲\n乙\n丙丁\n"
    ctx = _ctx(text)
    lines = _stripped_lines(ctx)
    pre = re.compile(re.escape("甲\n乙"))
    assert _short_lines_holding(ctx, lines, [s for s, _ in lines], pre, 200) == [0]


def test_junk_rules_find_the_same_with_long_and_short_lines_mixed():
    rules, text = junk_rules_and_text(5)
    for rule in rules:
        fast = list(rule.scan(_ctx(text)))
        saved = rule._prefilters
        rule._make_prefilters()
        rule._prefilters = (None, None)  # every line tried
        try:
            plain = list(rule.scan(_ctx(text)))
        finally:
            rule._prefilters = saved
        assert fast == plain, rule.full_id
