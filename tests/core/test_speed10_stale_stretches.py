"""The stale terms that may run over a line break (issue 11): searched only around the
characters they need (stale.around_stretches, a bounded match) or tried only where a
match can begin (stale._matches_at_starts, a bounded match whose lookahead reads on):
the same hits, in the same order, as one search of the whole text."""
import random

import pytest

from reviewer.core.document import Document
from tests.conftest import body_context

# pieces of the congress and guideline terms, cut where a line break or a comma may fall
PIECES = ["学习", "贯彻", "落实", "宣传", "好", "党的", "十六大", "十七大", "十八大", "十九大", "二十大", "“", "”",
          "和十九届", "和十八届", "四中全会", "精神", "十九届五中全会精神", "以", "马克思列宁主义、毛泽东思想、",
          "邓小平理论和", "“三个代表”", "三个代表", "重要思想", "为指导", "为统领", "的", "，", "。", "\n", "\n\n",
          " ", "深入", "贯彻落实", "科学发展观", "和党的十七大精神", "工作", "全面", "我县", "想", "九", "六",
          "学习贯彻党的十九大", "精神", "以“三个代表”重要思想", "为指导", "学习贯彻党的“十七大”", "学习"]


_context = body_context  # tests/conftest.py


def _rules(rules):
    return {r.id: r for r in rules if r.category == "stale" and r.id in ("congress", "old-guideline")}


def test_the_terms_that_cross_lines_have_a_prefilter(rules):
    got = _rules(rules)
    for rule in got.values():
        list(rule._prefiltered(_context("学习贯彻党的十九大精神"), 2024))
    assert sum(f is not None and f[3] is None for f in got["congress"]._wide) >= 4  # around_stretches
    assert any(f is not None and f[3] is not None for f in got["old-guideline"]._wide)  # _matches_at_starts


@pytest.mark.parametrize("seed", range(8))
def test_prefiltered_hits_equal_a_search_of_the_whole_text(rules, seed):
    rnd = random.Random(seed)
    text = "".join(rnd.choice(PIECES) for _ in range(2000))
    ctx = _context(text)
    hits = 0
    for rule in _rules(rules).values():
        for year in (2005, 2010, 2016, 2020, 2024, 2030):
            plain = list(rule._terms(ctx, year))
            assert list(rule._prefiltered(ctx, year)) == plain, (rule.id, year, seed)
            hits += len(plain)
    assert hits >= 5


def test_kept_line_local_hits_after_edits_equal_a_full_review(rules):
    """old-guideline and congress mix line-local terms (kept between re-checks for the lines
    an edit did not touch) with terms that may run over a line break (searched each time)."""
    from reviewer.core.engine import review
    from reviewer.core.incremental import IncrementalReviewer

    mine = {"stale.congress", "stale.old-guideline"}
    assert all(r._mixed() for r in rules if r.full_id in mine)
    rnd = random.Random(3)
    lines = ["2024年工作总结", "一、主要工作"] + ["".join(rnd.choice(PIECES[:-6]) for _ in range(30)).replace("\n", "")
                                            for _ in range(40)]
    text = "\n".join(lines)
    inc = IncrementalReviewer(rules)
    seen = set()
    for step in range(150):
        doc = Document.from_text(text)
        want = [f.to_dict() for f in review(doc, rules).findings]
        assert [f.to_dict() for f in inc.review(doc).findings] == want, step
        seen.update(f["rule"] for f in want if f["rule"] in mine)
        at = rnd.randrange(len(text) + 1)
        if rnd.random() < 0.6:
            text = text[:at] + rnd.choice(PIECES + ["学习贯彻党的十九大精神", "高举邓小平理论伟大旗帜", "2016年工作总结\n",
                                                    "2030年"]) + text[at:]
        else:
            text = text[:at] + text[at + rnd.randrange(1, 12):]
    assert seen == mine
