"""The fast ways the locality rules find their candidates give exactly what the plain
scans give: NameFinder's two-character prefilter, the person patterns searched only where
they can match.  Checked on random texts made of the pieces those patterns look for."""
import random
import re

import pytest

from reviewer.core.knowledge_places import gazetteer


def plain_finder(names, text):
    """NameFinder.finditer as one scan of every position (longest name first, no overlaps)."""
    by_prefix = {}
    for n in names:
        if len(n) >= 2:
            by_prefix.setdefault(n[:2], []).append(n)
    for group in by_prefix.values():
        group.sort(key=len, reverse=True)
    out, pos = [], 0
    for i in range(len(text)):
        if i < pos:
            continue
        for name in by_prefix.get(text[i:i + 2], ()):
            if text.startswith(name, i):
                pos = i + len(name)
                out.append((i, pos, name))
                break
    return out


def test_name_finder_equals_a_plain_scan():
    from reviewer.core.knowledge_places import NameFinder

    names = list(gazetteer().names())
    finder = NameFinder(names)
    rnd = random.Random(7)
    pieces = rnd.sample(names, 300) + ["工作", "全面", "政府", "中国", "，", "\n", "县委", "市", "上海市虹口区"]
    for _ in range(20):
        text = "".join(rnd.choice(pieces) for _ in range(400))
        # names cut in the middle too: a random slice
        a = rnd.randrange(0, 20)
        text = text[a:]
        assert list(finder.finditer(text)) == plain_finder(names, text)


@pytest.fixture(scope="module")
def person_rule(rules):
    return next(r for r in rules if r.full_id == "foreign_locality.person-name")


def test_person_patterns_searched_where_they_can_match_equal_a_plain_search(person_rule):
    rnd = random.Random(11)
    pieces = ["，", "。", "、", "：", " ", "\n", "王", "李", "晓峰", "建华", "把", "对", "副", "书记", "副书记", "县长",
              "主任委员", "委员", "总经理", "同志", "还将", "要", "讲话", "的讲话", "指出", "张", "明", "工作", "我们",
              "书记王建华同志", "副县长李明同志", "，晓峰书记要", "，张明副书记指出"]
    counts = [0, 0]
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(5, 60)))
        lo = rnd.randrange(0, len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        for k, rx in enumerate(person_rule._person):
            fast = [(m.start(), m.end(), m.group("name")) for m in person_rule._person_matches(k, rx, text, lo, hi)]
            plain = [(m.start(), m.end(), m.group("name")) for m in rx.finditer(text, lo, hi)]
            assert fast == plain, (k, text, lo, hi)
            counts[k] += len(plain)
    assert min(counts) > 20  # both patterns were put to the test


def test_a_name_is_judged_once(person_rule):
    person_rule._names_known.clear()
    assert person_rule._is_name("龚建华") is person_rule._is_name("龚建华")
    assert "龚建华" in person_rule._names_known
    assert re.fullmatch(person_rule._name_rx, "龚建华")
