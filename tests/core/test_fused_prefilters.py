"""The pattern kinds' shortcuts find exactly what the plain searches find (issue 11).

PatternRule searches with rewritten patterns (rules/hoist.py) or only where a match can
begin (kinds._Starts); junk rules try only the lines holding a string their patterns need
(reach.line_needed), junk-context checks likewise (reach.span_needed); lexicons search a
trie (reach.longest_of).  Each test runs the shortcut and the plain search side by side
over the same texts -- every shipped rule's examples, the bundled samples, and the
development drafts when ../shared is beside the repo -- and asks for the same result."""
import random
import re

import pytest

from reviewer import paths
from reviewer.core.loaders import load
from reviewer.core.rules import kinds, load_rules
from reviewer.core.rules.hoist import hoisted
from reviewer.core.rules.junk import JunkContextRule
from reviewer.core.rules.junk_lines import JunkListRule, JunkRule
from reviewer.core.rules.kinds import LexiconRule, PatternRule, _Starts, fill
from reviewer.core.rules.reach import any_of, first_chars, longest_of
from tests.conftest import SHARED
from tests.conftest import body_context

RULES = load_rules()


def _texts() -> list[str]:
    """Every example of every rule (alone, and all in one text as lines), the samples and
    the development drafts when present."""
    examples = [ex.text for rule in RULES for ex in rule.examples]
    out = examples + ["\n".join(examples)]
    out += [load(p).text for p in sorted(paths.samples_dir().iterdir()) if p.suffix in (".txt", ".docx")]
    dev = SHARED / "dev" / "drafts"
    if dev.is_dir():
        out += [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
    return out


TEXTS = _texts()
BIG = "\n".join(TEXTS[-40:])  # a longer text: the samples and drafts together


def _spans(matches, groups: int):
    return [tuple(m.span(g) for g in range(groups + 1)) for m in matches]


_ctx = body_context  # tests/conftest.py


def _pattern_regexes():
    return [(r.full_id, rx) for r in RULES if isinstance(r, PatternRule) for rx in r.regexes]


def test_some_patterns_are_rewritten_and_every_rewrite_matches_as_the_original():
    rewritten = [(rid, rx, hoisted(rx)) for rid, rx in _pattern_regexes()]
    rewritten = [(rid, rx, h) for rid, rx, h in rewritten if h is not None]
    assert len(rewritten) >= 20  # most blank_figure patterns open with a lookbehind
    for rid, rx, h in rewritten:
        assert h.pattern != rx.pattern and dict(h.groupindex) == dict(rx.groupindex)
        for text in TEXTS:
            assert _spans(h.finditer(text), h.groups) == _spans(rx.finditer(text), rx.groups), (rid, rx.pattern)


def test_rewriting_leaves_what_it_cannot_keep_alone():
    for pattern in [r"(?<=(a))b", r"(?<!x)(?:y)?z", r"(?<!x)(?i:y)", r"abc", r"(?<=a)[^b]c"]:
        assert hoisted(re.compile(pattern)) is None, pattern
    h = hoisted(re.compile(r"(?<![0-9])(?P<hit>年月日|月日)"))
    assert h is not None
    got = [m.span("hit") for m in h.finditer("1月日，月日与年月日")]
    assert got == [m.span("hit") for m in re.finditer(r"(?<![0-9])(?P<hit>年月日|月日)", "1月日，月日与年月日")]
    assert got == [(4, 6), (7, 10)]


def test_tried_where_a_match_can_begin_gives_the_same_matches(monkeypatch):
    monkeypatch.setattr(kinds, "_SPARSE", 0)  # always try each place, however many
    tried = 0
    for rid, rx in _pattern_regexes():
        first = first_chars(rx)
        if not first:
            continue
        tried += 1
        starts = _Starts(rx, first)
        for text in TEXTS[-40:] + [BIG]:
            assert _spans(starts.finditer(text), rx.groups) == _spans(rx.finditer(text), rx.groups), (rid, rx.pattern)
            assert _spans(starts.finditer(text, 5, len(text) - 3), rx.groups) == \
                _spans(rx.finditer(text, 5, len(text) - 3), rx.groups), (rid, rx.pattern)
    assert tried >= 10


def _plain_plan(rule):
    return [(rx, None, None) for rx in rule.regexes]


def test_pattern_rules_find_the_same_with_and_without_their_plan():
    rules = [r for r in RULES if isinstance(r, PatternRule)]
    for text in TEXTS[-40:] + [BIG]:
        for rule in rules:
            plan = rule._make_plan()
            try:
                ctx = _ctx(text)
                fast = [(f.start, f.end, f.message, f.suggestion) for f in rule.run(ctx)]
                rule._plan = _plain_plan(rule)
                ctx = _ctx(text)
                plain = [(f.start, f.end, f.message, f.suggestion) for f in rule.run(ctx)]
            finally:
                rule._plan = plan
            assert fast == plain, rule.full_id


def test_junk_rules_find_the_same_on_every_line_as_on_the_lines_they_try():
    rules = [r for r in RULES if isinstance(r, (JunkRule, JunkListRule))]
    assert any(r._make_prefilters()[0] for r in rules if isinstance(r, JunkRule))
    for text in TEXTS:
        for rule in rules:
            fast = list(rule.scan(_ctx(text)))
            if isinstance(rule, JunkRule):
                saved = rule._prefilters
                rule._prefilters = (None, None)  # any line may match: every line is tried
            else:
                saved = rule._header_pre
                rule._header_pre = False
            try:
                plain = list(rule.scan(_ctx(text)))
            finally:
                if isinstance(rule, JunkRule):
                    rule._prefilters = saved
                else:
                    rule._header_pre = saved
            assert fast == plain, (rule.full_id, text[:40])


def test_junk_context_checks_find_the_same_on_every_line():
    rules = [r for r in RULES if isinstance(r, JunkContextRule) and r.check in ("domain", "glued-marker", "stray-char")]
    assert len(rules) == 3
    for text in TEXTS:
        for rule in rules:
            fast = list(rule.scan(_ctx(text)))
            saved, user = rule._span_pre, rule.user
            rule._span_pre, rule.user = False, True  # a user's rule: no shortcut at all
            try:
                plain = list(rule.scan(_ctx(text)))
            finally:
                rule._span_pre, rule.user = saved, user
            assert fast == plain, (rule.full_id, text[:40])


def test_lexicons_match_as_their_word_alternation():
    for rule in (r for r in RULES if isinstance(r, LexiconRule)):
        for text in TEXTS:
            assert [(m.span(), m.group()) for m in rule._trie.finditer(text)] == \
                [(m.span(), m.group()) for m in rule.rx.finditer(text)], rule.full_id


def test_word_tries_on_random_words():
    rnd = random.Random(11)
    for _ in range(1500):
        words = list({"".join(rnd.choice("ab-[c") for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 7))})
        text = "".join(rnd.choice("ab-[cx\n") for _ in range(40))
        longest = re.compile(longest_of(words))
        alternation = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        assert [(m.span(), m.group()) for m in longest.finditer(text)] == \
            [(m.span(), m.group()) for m in alternation.finditer(text)], (words, text)
        found = re.compile(any_of(words))
        for i in range(len(text)):
            for j in range(i + 1, len(text) + 1):
                if any(w in text[i:j] for w in words):  # a word inside i..j: found starting before j
                    m = found.search(text, i)
                    assert m is not None and m.start() < j, (words, text, i, j)


def test_filled_messages_are_remembered_by_value_only():
    template = "“{match}”应为“{suggestion}”，{other}"
    assert fill(template, {"match": "a", "suggestion": "b"}) == "“a”应为“b”，{other}"
    assert fill(template, {"match": "a", "suggestion": "b", "other": 1}) == "“a”应为“b”，1"
    assert fill(template, {"match": "a", "suggestion": "b", "other": 1.0}) == "“a”应为“b”，1.0"
    assert fill(template, {"match": "c", "suggestion": "b"}) == "“c”应为“b”，{other}"
    assert fill("无占位", {"match": "x"}) == "无占位" and fill(None, {}) is None


@pytest.mark.parametrize("size", [200_000])
def test_the_shortcuts_pay_on_a_junk_rich_text(size):
    """Not a timing test: the plain searches try many more lines and places."""
    from reviewer.core.rules.junk_lines import _lines_holding, _stripped_lines

    text = (BIG + "\n") * (size // max(1, len(BIG)) + 1)
    ctx = _ctx(text)
    lines = _stripped_lines(ctx)
    starts = [s for s, _ in lines]
    tried = 0
    for rule in (r for r in RULES if isinstance(r, JunkRule)):
        pre_lines, _ = rule._make_prefilters()
        if pre_lines:
            tried += len(_lines_holding(text, lines, starts, pre_lines))
    junk_rules = sum(1 for r in RULES if isinstance(r, JunkRule))
    assert tried < junk_rules * len(lines) / 3


def test_no_junk_line_pattern_loses_its_prefilter_to_an_inline_case_flag():
    """A ``lines`` or ``markers`` pattern with (?i:...) hides its literals from
    reach.line_needed, and one such pattern turns the whole rule's line prefilter off (every
    line of a draft then tried against every pattern: +0.8 s on a million characters when
    buttons got an English label that way).  Spell the case forms out instead."""
    from reviewer.core.rules.reach import line_needed

    lost = []
    for rule in (r for r in RULES if isinstance(r, JunkRule)):
        for patterns in rule._patterns:
            for p in patterns or ():
                src = p if isinstance(p, str) else p.pattern
                if "(?i" in src and line_needed(src) is None and \
                        line_needed(src.replace("(?i:", "(?:")) is not None:
                    lost.append((rule.full_id, src[:60]))
    assert not lost
