"""Issue 11, a rule whose matches run on into the next line (duplicate.word-twice: a word at a
line's end written again at the next line's start) re-checked after an edit only around
the lines it touched (kinds.spliced(crossing=True), reach.cross_reach) -- with exactly the
findings of a search of the whole text."""
from __future__ import annotations

import random
import re

from reviewer.core.document import Document
from reviewer.core.engine import Context, review
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.rules.reach import cross_reach

# Lines of my own, many of them ending in a word the next one opens with; some where the
# doubled word runs on into a word of the next line (推动⏎推动甲动甲, 甲乙甲乙⏎甲乙甲乙), so
# that the search goes on inside the next line.
_LINES = [
    "我们进一步加强了", "加强了基层治理，推动各项工作落实。", "全镇社区社区工作取得新进展，",
    "今年以来，我们推动", "推动甲动甲落实到位。", "甲乙甲乙", "甲乙甲乙丙丁。", "（二）工作目标",
    "目标是建成示范社区。", "会议强调，要坚持", "坚持问题导向，", "一、总体要求",
    "要求各单位高度重视", "重视重视安全生产。", "现在，我代表镇人民政府政府工作报告起草组作说明。",
    "请大家研究研究。", "全面推进乡村振兴", "乡村振兴乡村振兴战略", "2.实施步骤", "步骤分三步。",
    "", "同志们：",
]
_WORDS = ["推动", "加强了", "乡村振兴", "坚持", "社区", "甲乙", "\n", "\n", "。", "，", "重视", "工作"]


def _text(rng: random.Random, lines: int) -> str:
    return "\n".join(rng.choice(_LINES) for _ in range(lines))


def _edit(text: str, rng: random.Random) -> str:
    op = rng.random()
    # edits near line breaks: where a match runs on into the next line
    breaks = [m.start() for m in re.finditer("\n", text)]
    if breaks and rng.random() < 0.6:
        pos = max(0, min(len(text), rng.choice(breaks) + rng.randint(-4, 5)))
    else:
        pos = rng.randrange(len(text) + 1)
    if op < 0.35:
        return text[:pos] + rng.choice(_WORDS) + text[pos:]
    if op < 0.6:
        return text[:pos] + text[pos + rng.randrange(1, 8):]
    if op < 0.75:
        nl = text.find("\n", pos)
        return text[:nl] + text[nl + 1:] if nl >= 0 else text
    if op < 0.9:
        return text[:pos] + "\n" + rng.choice(_LINES) + "\n" + text[pos:]
    return text[:pos] + "\n" + text[pos:]


def _word(rules):
    return next(r for r in rules if r.full_id == "duplicate.word-twice")


def test_cross_reach_of_patterns():
    assert cross_reach(re.compile(r"年\n?月")) == (0, 0, 3)
    assert cross_reach(re.compile(r"(?<=[，。])年\s月(?=日)")) == (1, 1, 3)
    assert cross_reach(re.compile(r"年月")) is None              # line-local: line_reach's business
    assert cross_reach(re.compile(r"[^。]{0,40}年")) is None      # too wide
    assert cross_reach(re.compile(r"年[^。]*月")) is None         # unbounded


def test_the_doubled_word_rule_is_searched_again_only_around_an_edit(rules):
    rule = _word(rules)
    assert rule.line_reach() is None  # not line by line: its matches run into the next line
    plan = rule._split_plan()
    # (a few dozen characters into the next line: the second copy and what must follow it -- a label's
    # colon three characters on is no repeat, 礼品⏎礼品单：, nor a table's short cell, 学生活动⏎活动时间)
    assert plan is not None and plan[1][1] < 56


def test_random_edits_find_what_a_search_of_the_whole_text_finds(rules):
    """rule.run() with the previous call's state kept (as the incremental re-check keeps it)
    equals rule.run() on a fresh context, after each of hundreds of edits."""
    rule = _word(rules)
    crossed = 0  # findings of a word written again at the next line's start
    for seed in range(3):
        rng = random.Random(800 + seed)
        text = _text(rng, 400)
        memos: dict = {}
        for step in range(150):
            doc = Document.from_text(text)
            ctx = Context("body", text, doc.paragraphs)
            ctx._memos = memos
            got = [f.to_dict() for f in rule.run(ctx)]
            want = [f.to_dict() for f in rule.run(Context("body", text, doc.paragraphs))]
            assert got == want, f"step {step} (seed {seed})"
            crossed += sum(1 for f in got if text[f["start"] - 1] == "\n")
            text = _edit(text, rng)
    assert crossed > 100


def test_random_edits_across_line_breaks_equal_a_full_review(rules):
    rng = random.Random(88)
    text = _text(rng, 120)
    inc = IncrementalReviewer(rules)
    for step in range(60):
        doc = Document.from_text(text)
        want = [f.to_dict() for f in review(doc, rules).findings]
        got = [f.to_dict() for f in inc.review(doc).findings]
        assert got == want, f"step {step}"
        text = _edit(text, rng)
