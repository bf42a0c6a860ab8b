"""The places of a finder read from the shared character index (kinds._char_places) or
tried at its first characters are those of its own finditer(); _Starts over a part of a
text finds what the regex finds there."""
from __future__ import annotations

import random
import re

from reviewer.core.rules import kinds

_ALPHABET = "的们占年月第一二三，,、。 \t\u3000主副组长XxＸ12二～-\n中国发展工作"

_FINDERS = [
    r"[，,\t \u3000]",
    r"[的们]",
    r"[年]",
    r"[0-9]",
    r"[主副组]",
    r"[的占](?<=(?=(?:占(?<![所独])(?:(?s:.)))))",
    r"[年月](?<=(?=年[一二三]|月(?=[，。])))",
    r"[第](?<=(?=第[一二三]))",
    r"[\s，]",          # a category: not read from the index
    r"[^的]",           # negated: not read from the index
]


def _text(rng: random.Random, n: int, alphabet: str = _ALPHABET) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def test_places_equal_finditer():
    rng = random.Random(5)
    for _ in range(40):
        text = _text(rng, rng.choice((0, 1, 50, 3_000, 60_000)))
        places = [kinds._Places(re.compile(p)) for p in _FINDERS]
        for p in places:
            assert list(p.of(text)) == [m.start() for m in p.finder.finditer(text)], p.finder.pattern
            assert p.of(text) is p.of(text)
            # kept as C ints (4 bytes a place, not a 36-byte int object in a list): at 1M
            # characters the places of a review held ~26 MB as lists
            assert p.of(text).itemsize == 4


def test_class_chars():
    assert kinds._class_chars(re.compile(r"[a-c，]")) == frozenset("abc，")
    assert kinds._class_chars(re.compile(r"[\s]")) is None
    assert kinds._class_chars(re.compile(r"[^a]")) is None
    assert kinds._class_chars(re.compile(r"[a]b")) is None
    assert kinds._class_chars(re.compile(r"[ab](?<=(?=ab))"), whole=False) == frozenset("ab")
    assert kinds._class_chars(re.compile(r"[ab]", re.I)) is None


def test_starts_part_of_text_equals_regex():
    rng = random.Random(11)
    rxs = [re.compile(r"[，,](?=[主副])"), re.compile(r"的们+"), re.compile(r"年[一二三]{1,2}")]
    for _ in range(30):
        # sparse first characters: the regex is tried at their places (_Starts.sparse)
        text = _text(rng, rng.choice((200, 5_000, 70_000)), "中国发展工作主副\n" * 12 + "，,的年们一二三")
        for rx in rxs:
            starts = kinds._Starts(rx, "，,的年")
            n = len(text)
            assert starts.sparse(text)
            for _ in range(5):
                a = rng.randrange(n + 1)
                b = rng.randrange(a, n + 1)
                got = [m.span() for m in starts.finditer(text, a, b)]
                want = [m.span() for m in rx.finditer(text, a, b)]
                assert got == want
            assert [m.span() for m in starts.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_lead_only_for_finders_of_one_character():
    # [ab][ab] on "aaaa": finditer gives 0 and 2; trying at every a would give 0, 1, 2
    assert kinds._class_chars(re.compile(r"[ab][ab]"), whole=False) is None
    assert kinds._class_chars(re.compile(r"[ab](?=b)(?<!c)"), whole=False) == frozenset("ab")
    p = kinds._Places(re.compile(r"[ab][ab]"))
    assert list(p.of("aaaa")) == [0, 2]


def test_sparse_counts_a_class_as_its_search_does():
    rng = random.Random(3)
    rx = re.compile(r"[，,](?=[主副])")
    for share in (1, 3, 6, 9, 12, 20):
        text = _text(rng, kinds._SAMPLE + 5_000, "中国发展工作主副\n" * share + "，,")
        starts = kinds._Starts(rx, "，,")
        found = sum(1 for _ in re.finditer("[，,]", text[:kinds._SAMPLE]))
        assert starts.sparse(text) == (found * kinds._SPARSE <= kinds._SAMPLE)
        assert [m.span() for m in starts.finditer(text)] == [m.span() for m in rx.finditer(text)]
