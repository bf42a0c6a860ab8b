"""Issue 11, edit to findings on a long draft: two whole-text passes of every edit made
cheap, with the same answers.

* stale.draft_year's fallback reads the years a draft speaks of as present
  (_PRESENT_YEAR, which opens with lookbehinds and was tried at every character): found
  from each 年 instead (_present_years);
* cutoff's bare and unfinished tails counted every solid character up to the draft's end
  for each part's cue: counted up to the number asked (_fewer_solid).
"""
from __future__ import annotations

import random

from reviewer.core.rules import stale
from reviewer.core.structure import cutoff

_YEARISH = "12一二〇○零九Ｏ0年是以来，,、全我度工作上半年月春节初末底前到至预计划力争自以和—-－ 90三四五２０１\n"


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_present_years_are_those_of_the_pattern():
    text = ("2023年是全面贯彻党的二十大精神的开局之年。2024年以来，全县上下预计2025年完成。"
            "自2020年1月1日起施行。二〇二四年一月，2021—2025年，2019年和2020年，以2020年为节点。")
    assert _spans(stale._present_years(text)) == _spans(stale._PRESENT_YEAR.finditer(text))
    assert [m.group("y") for m in stale._present_years(text)] == ["2023", "2024", "二〇二四"]
    rnd = random.Random(22)
    for _ in range(5000):
        s = "".join(rnd.choice(_YEARISH) for _ in range(rnd.randint(0, 30)))
        assert _spans(stale._present_years(s)) == _spans(stale._PRESENT_YEAR.finditer(s)), s


def test_solid_characters_are_counted_as_far_as_asked():
    rnd = random.Random(23)
    for _ in range(2000):
        s = "".join(rnd.choice("甲乙a1 ，。\n-") for _ in range(rnd.randint(0, 40)))
        lo = rnd.randint(0, len(s))
        hi = rnd.randint(lo, len(s))
        for most in (1, 12, 20):
            assert cutoff._fewer_solid(s, lo, hi, most) == (len(cutoff._SOLID.findall(s, lo, hi)) < most)
