"""Issue 11: the junk rules' line prefilters answered by one Aho-Corasick pass (rules/keypass.py)
instead of a search per rule.  Each rule gets exactly the lines its own search finds --
inside a line for ``lines`` (junk_lines._short_lines_holding), starting in it for ``markers``
(_lines_holding) --, strings cut before a digit class or before trailing blanks included,
and every junk rule finds the same with the pass as without it."""
import random
import re

import pytest

from reviewer.core.rules import keypass, load_rules
from reviewer.core.rules.junk_lines import (JunkRule, _keypass_lines, _lines_holding, _short_lines_holding,
                                            _stripped_lines)
from reviewer.core.rules.reach import _DIGIT, any_of
from tests.conftest import body_context, junk_rules_and_text

pytestmark = pytest.mark.skipif(not keypass.available(), reason="pyahocorasick not installed")


@pytest.fixture
def always(monkeypatch):
    monkeypatch.setattr(keypass, "LEAST", 0)  # the pass on texts of any length


def _compare(text, words):
    ctx = body_context(text)
    lines = _stripped_lines(ctx)
    starts = [s for s, _ in lines]
    pre = re.compile(any_of(words))
    inside, starting = keypass.bit(words), keypass.bit(words, starting=True)
    for most in (0, 1, 3, 8, 200):
        if inside is not None:
            assert _keypass_lines(ctx, lines, inside, pre, most) == _short_lines_holding(ctx, lines, starts, pre, most), \
                (words, text, most)
    if starting is not None:
        assert _keypass_lines(ctx, lines, starting, pre) == _lines_holding(ctx.text, lines, starts, pre), (words, text)


@pytest.mark.parametrize("piece", [1 << 16, 5])
def test_the_pass_finds_the_lines_each_search_finds(always, monkeypatch, piece):
    monkeypatch.setattr(keypass, "_PIECE", piece)  # (the text encoded a few lines at a time)
    rnd = random.Random(16)
    alphabet = "ab-下载1２٣ \u3000\t😀"
    for _ in range(600):
        words = set()
        for _ in range(rnd.randint(1, 5)):
            w = rnd.choice("ab-下载😀") + "".join(rnd.choice(alphabet.replace("\t", "") + _DIGIT * 3)
                                                for _ in range(rnd.randint(0, 3)))
            words.add(w)
        text = "".join(rnd.choice(alphabet + "\n\n") for _ in range(rnd.randint(0, 160)))
        _compare(text, sorted(words))


def test_a_string_ending_in_blanks_counts_where_it_starts(always):
    # "a " starts in the stripped line "x a" and ends in the blank after it: a marker's line
    # (_lines_holding), not a whole line's (_short_lines_holding)
    _compare("x a \nshort a b\n", ["a "])
    _compare("甲（\u3000\n乙（\u3000丙\n", ["（\u3000", "丁"])


def test_strings_up_to_a_digit_are_searched_again(always):
    _compare("第-1页\n第-a页\n2024-٣\n-\n", ["-" + _DIGIT])
    assert keypass.bit(["-" + _DIGIT])[1] is True
    assert keypass.bit(["下载"])[1] is False


def test_one_automaton_for_the_rules_loaded(always):
    from reviewer.core.document import Document
    from reviewer.core.engine import review

    rules = load_rules()
    text = "\n".join(ex.text for r in rules if isinstance(r, JunkRule) for ex in r.examples)
    review(Document.from_text(text), rules)
    built = keypass._BUILT[1]
    assert built is not None
    review(Document.from_text(text + "\n又一行"), rules)
    assert keypass._BUILT[1] is built


def test_junk_rules_find_the_same_with_the_pass_as_without(monkeypatch):
    rules, text = junk_rules_and_text(6)
    for rule in rules:
        monkeypatch.setattr(keypass, "LEAST", 0)
        fast = list(rule.scan(body_context(text)))
        monkeypatch.setattr(keypass, "LEAST", 1 << 60)  # each rule's own searches
        plain = list(rule.scan(body_context(text)))
        assert fast == plain, rule.full_id


def test_a_character_class_and_the_tone_marks_are_keys_too(always):
    from reviewer.core.rules.junk_lines import _TONE, _TONE_BIT

    rnd = random.Random(7)
    pattern = "[☀-➿🀀-🫿]"
    chars = keypass.class_chars(pattern)
    assert len(chars) == 0x27BF - 0x2600 + 1 + 0x1FAFF - 0x1F000 + 1
    assert keypass.class_chars("[a-z]x") is None and keypass.class_chars(r"[\w]") is None
    b = keypass.bit(chars, starting=True)
    pre = re.compile(pattern)
    for _ in range(200):
        text = "".join(rnd.choice("ab ☆★\u2600\u27c0🀄😀🫿ǎàx\n") for _ in range(rnd.randint(0, 80)))
        ctx = body_context(text)
        lines = _stripped_lines(ctx)
        starts = [s for s, _ in lines]
        assert _keypass_lines(ctx, lines, b, pre) == _lines_holding(ctx.text, lines, starts, pre), text
        assert _keypass_lines(ctx, lines, _TONE_BIT, _TONE) == _lines_holding(ctx.text, lines, starts, _TONE), text
