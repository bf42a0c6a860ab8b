"""Issue 11: rules whose lookahead reads the next lines are written X$(?=…) (the hit's line
ends after it; the lookahead at that line end reads on), so that an edit keeps the hits of the
lines it did not touch and only asks each kept hit's lookahead again (PatternRule._split_plan,
kinds.spliced).  They were run over the whole draft on every edit.  After random edits of a
text made of their own examples -- lines broken and joined, colons, dots and labels typed and
deleted -- each one's findings equal a full review's."""
import random

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer

TAIL_RULES = ["blank_figure.roll-empty", "blank_figure.list-lead", "blank_figure.speaker-gap",
              "site_junk.preview-cut"]
PIECES = ["\n", "：", ":", "\n：", "\n乙：", "...", "……", "甲：", "下面", "谢谢大家", "微信订阅号", "他们是：", "名单如下：", "", " ",
          "\n第2页共5页"]  # (a preview's page break after a cut: preview-cut reads that line too)


@pytest.mark.parametrize("rid", TAIL_RULES)
def test_tail_rules_keep_their_lines_hits_and_equal_a_full_review(rules, rid):
    rule = next(r for r in rules if r.full_id == rid)
    assert rule._split_plan() is not None  # (a pattern that reads on past its line otherwise)
    text = "\n".join(ex.text for ex in rule.examples) * 2
    rng = random.Random(rid)
    inc = IncrementalReviewer(rules)
    counts = set()
    for _ in range(40):
        doc = Document.from_text(text)
        got = [(f.start, f.end, f.message) for f in inc.review(doc).findings if f.rule == rid]
        full = [(f.start, f.end, f.message) for f in review(doc, rules).findings if f.rule == rid]
        assert got == full
        counts.add(len(full))
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(PIECES) + text[i + rng.choice((0, 0, 1, 3)):]
    assert len(counts) > 1  # the edits changed what the rule finds
