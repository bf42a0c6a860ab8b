"""Issue 11, fewer and cheaper passes: the bigram pass of the list kinds read as UTF-16
words (lexicon_data._wide_positions) and merged finders without capturing groups
(hoist.merged_search) -- each giving exactly what the plain way gives."""
from __future__ import annotations

import random
import re
from collections import defaultdict

from pathlib import Path

from reviewer.core.rules import hoist, lexicon_data

ROOT = Path(__file__).resolve().parents[2]


def _plain_positions(text, lo=0, hi=None, union=frozenset()):
    """_positions() as one slice a position (the way it was)."""
    hi = len(text) - 1 if hi is None else min(hi, len(text) - 1)
    out = defaultdict(list)
    for i in range(lo, hi):
        if text[i:i + 2] in union:
            out[text[i:i + 2]].append(i)
    return dict(out)


_POOL = "我们要坚持以人民为中心的发展思想全面推进乡村振兴加快建设现代化产业体系，。、的了是在和有不这一个\n 0123abcXY"


def _union(rng, text: str, extra: int = 300) -> frozenset:
    got = {text[i:i + 2] for i in rng.sample(range(len(text) - 1), min(extra, len(text) - 1))}
    got |= {a + b for a in rng.sample(_POOL, 10) for b in rng.sample(_POOL, 10)}
    return frozenset(got | {"𠀀的", "的𠀀", "x"})  # (a character beyond the BMP, one of a single character)


def test_bigram_positions_by_words_equal_those_by_slices(monkeypatch):
    monkeypatch.setattr(lexicon_data, "_WIDE", 64)  # (a long stretch, made short)
    rng = random.Random(7)
    for trial in range(300):
        n = rng.choice([2, 3, 63, 64, 65, 66, 67, 200, 1001])
        text = "".join(rng.choice(_POOL) for _ in range(n))
        union = _union(rng, text)
        for lo, hi in [(0, None), (0, n), (0, n + 7), (1, n - 1), (rng.randrange(0, 5), n - rng.randrange(0, 5)),
                       (3, 70), (n, n), (n + 1, None)]:
            want = _plain_positions(text, lo, hi, union)
            got = lexicon_data._positions(text, lo, hi, union)
            assert got == want and list(got) == list(want), (trial, lo, hi)  # (keys in order of first place)


def test_a_text_beyond_the_bmp_or_a_set_that_may_change_takes_the_slices(monkeypatch):
    monkeypatch.setattr(lexicon_data, "_WIDE", 64)
    rng = random.Random(8)
    text = "".join(rng.choice(_POOL) for _ in range(6000))
    text = text[:3000] + "𠀀的𠀀" + text[3000:]
    union = _union(rng, text)
    assert lexicon_data._wide_positions(text, 0, len(text) - 1, union) is None
    assert lexicon_data._positions(text, 0, None, union) == _plain_positions(text, 0, None, union)
    assert lexicon_data._positions(text, 0, None, set(union)) == _plain_positions(text, 0, None, union)


def test_the_words_of_a_union_are_made_once_and_follow_a_new_union(monkeypatch):
    monkeypatch.setattr(lexicon_data, "_WIDE", 64)
    rng = random.Random(9)
    text = "".join(rng.choice(_POOL) for _ in range(5000))
    first = _union(rng, text)
    assert lexicon_data._bigram_ints(first) is lexicon_data._bigram_ints(first)
    # the union read as one string of words gives what each bigram's two characters give
    plain = frozenset(b for b in first if len(b) == 2 and b.isascii() or len(b) == 2 and max(b) < "\U00010000")
    words = lexicon_data._bigram_ints(plain)
    assert words == {ord(b[0]) | ord(b[1]) << 16 if lexicon_data._LITTLE else ord(b[0]) << 16 | ord(b[1]) for b in plain}
    second = first | {"中心"}
    assert lexicon_data._positions(text, 0, None, second) == _plain_positions(text, 0, None, second)
    assert lexicon_data._positions(text, 0, None, first) == _plain_positions(text, 0, None, first)


def test_merged_finders_without_captures_find_the_same_places():
    """The merged finder of each rule whose patterns are searched as one matches where the
    same finder with its groups capturing does, on text made of the rules' own examples."""
    from re import _parser

    from reviewer.core.rules import load_rules
    from reviewer.core.rules.kinds import PatternRule
    from reviewer.core.rules.reach import mergeable

    from reviewer.core.loaders import load

    rules = load_rules()
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    text = "\n".join([ex.text for r in rules for ex in r.examples] + [load(p).text for p in samples])
    compared = 0
    for rule in rules:
        if not isinstance(rule, PatternRule):
            continue
        which = [rx for rx in rule.regexes if mergeable(rx)]
        if len(which) < 2:
            continue
        new = hoist._merged_search(which)
        if new is None:
            continue
        alts = []
        for rx in which:
            fast = hoist.hoisted(rx) or rx
            parsed = _parser.parse(fast.pattern, fast.flags)
            flags = hoist._flags(parsed.state.flags & ~re.VERBOSE)
            body = hoist._Unparser({}).seq(parsed)
            alts.append(f"(?{flags[2:-1]}:{body})" if flags else f"(?:{body})")
        old = new[:new.index("(?<=(?=")] + "(?<=(?=" + "|".join(alts) + ")(?s:.))"
        assert "(?P<" not in new and re.compile(new).groups == 0
        assert [m.start() for m in re.finditer(old, text)] == [m.start() for m in re.finditer(new, text)], rule.full_id
        compared += 1
    assert compared >= 10


def test_a_pattern_that_refers_back_is_not_merged():
    assert hoist._merged_search([re.compile(r"(?P<w>[年月])(?P=w)"), re.compile(r"[年月]日")]) is None
    got = hoist._merged_search([re.compile(r"(?<![0-9])(年)月"), re.compile(r"(?P<x>月)日")])
    assert got is not None and re.compile(got).groups == 0
    assert [m.start() for m in re.finditer(got, "3年月 年月 月日 1年")] == [4, 7]
