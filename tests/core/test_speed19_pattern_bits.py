"""Issue 11: a junk rule with many patterns tries on each line only the patterns whose strings
the line holds (each pattern's strings a set of its own in keypass's automaton,
junk_lines.JunkRule._make_pattern_bits); the automaton reads three letters a character
(keypass._letters); a stale rule's search of one term looks that term up alone.  Every
rule finds exactly what it found trying all its patterns on every candidate line."""
import random

import pytest

from reviewer.core.rules import keypass, load_rules
from reviewer.core.rules.junk_lines import JunkRule, _keypass_found, _stripped_lines
from reviewer.core.rules.stale import StaleRule, draft_year
from tests.conftest import body_context, junk_rules_and_text

pytestmark = pytest.mark.skipif(not keypass.available(), reason="pyahocorasick not installed")

# lines of my own: a byline with a date and a counter, a page counter, a glossed word, a
# collection's piece number, a long paragraph, a short title, a table-like bar line
_OWN = [
    "发布时间：2024-05-06 10:20 浏览次数：318",
    "作者：某某 来源：某某网 2023年3月2日",
    "第2页 共5页",
    "价(jià)值观教育 阅读 12 下载 3",
    "【篇二：社区防汛工作总结】",
    "社区防汛工作总结（精选6篇）",
    "上传者：abc 文档价格：5积分",
    "全镇上下齐心协力，扎实推进乡村振兴各项工作，" * 12,
    "一、总体要求",
    "指标 | 完成情况 | 备注",
    "2025-07-10演讲稿",
    "相关标签：防汛 应急 演练",
    "😀 第3页",
]


def _text(seed: int) -> str:
    rules, text = junk_rules_and_text(seed)
    rnd = random.Random(seed)
    own = [rnd.choice(_OWN) for _ in range(600)]
    return text + "\n" + "\n".join(own)


@pytest.fixture
def always(monkeypatch):
    monkeypatch.setattr(keypass, "LEAST", 0)  # the pass on texts of any length


def test_a_rule_with_many_patterns_gets_a_bit_for_each(always):
    rules = {r.full_id: r for r in load_rules() if isinstance(r, JunkRule)}
    rule = rules["site_junk.publish-meta"]
    rule._keypass_strings()
    line_bits, marker_bits, matchers = rule._pattern_bits
    assert len(line_bits) == len(matchers) == len(rule._patterns[0])
    assert sum(b is not None for b in line_bits) > len(line_bits) // 2
    # a line holding none of the rule's strings is tried on the patterns without a bit alone
    tried, markers = rule._by_mask(0)
    assert len(tried) == sum(b is None for b in line_bits)


@pytest.mark.parametrize("seed", [19, 20])
def test_junk_rules_find_the_same_trying_only_a_lines_patterns(always, seed):
    text = _text(seed)
    for rule in [r for r in load_rules() if isinstance(r, JunkRule)]:
        rule._keypass_strings()
        fast = list(rule.scan(body_context(text)))
        bits = rule._pattern_bits
        try:
            rule._pattern_bits = None  # every pattern on every candidate line
            plain = list(rule.scan(body_context(text)))
        finally:
            rule._pattern_bits = bits
        assert fast == plain, rule.full_id


def test_the_lines_keys_are_or_ed_per_line(always):
    text = _text(21)
    ctx = body_context(text)
    lines = _stripped_lines(ctx)
    found, order = _keypass_found(ctx, lines)
    by_line = found.by_line(order)
    want: dict[int, int] = {}
    for mask, ks in found.by_mask.items():
        for k in ks:
            want[order[k]] = want.get(order[k], 0) | mask
    assert by_line == want
    assert found.by_line(order) is by_line  # (made once per pass)


def test_three_letters_a_character():
    for s in ["", "a", "下载", "😀x", "\u3000\t", "価\U0010ffff"]:
        letters = keypass._letters(s)
        assert len(letters) == 3 * len(s)
        assert letters == "".join(c.encode("utf-32-be")[1:].decode("latin-1") for c in s)
    with pytest.raises(UnicodeEncodeError):
        keypass._letters("a\ud800b")


def test_a_stale_term_alone_finds_what_it_finds_among_all():
    rules = [r for r in load_rules() if isinstance(r, StaleRule) and r.check == "terms"]
    assert rules
    text = "2024年\n" + "\n".join(ex.text for r in rules for ex in r.examples)
    for rule in rules:
        ctx = body_context(text)
        year = draft_year(ctx)
        if year is None:
            continue
        every = list(rule._terms(ctx, year))
        for k in range(len(rule.terms)):
            assert list(rule._terms(ctx, year, only=k)) == [h for h in every if h[0] == k], (rule.full_id, k)
