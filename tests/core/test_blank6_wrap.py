"""A PDF copy's hard line breaks inside words (六届三⏎次全会, 个⏎个, 大⏎家) are not holes
left by deleted figures; the blank rules read across the break (kinds._wrapped) and say
how far they read (BlankRule.line_reach), so the incremental re-check stays equal to a
full review when the neighbouring lines are edited."""
import random

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.rules.kinds import _WRAP_REACH, BlankRule
from reviewer.core.rules.loader import RuleSet

# Written for this test: a hard-wrapped speech (lines cut at a fixed width, inside words),
# with a few figures deleted the way a site deletes them.
WRAPPED = (
    "同志们：\n"
    "今天我们召开县政府五届四\n"
    "次全体会议，主要任务是部署全年工作。确保人人有担子、个\n"
    "个有目标，大\n"
    "家要迅速行动起来。全县共有\n"
    "个行政村，去年新建了座桥梁，受理群众诉求件，\n"
    "增长了\n"
    "倍。一、基本情况\n"
    "个村党组织完成换届，三\n"
    "个社区建成服务站。\n"
)

PIECES = ["\n", "大", "家", "个", "次", "三", "，", "。", "全县共有", "12", "有", "X", "了、", "全", "共发生", "上下"]


def _blank(report):
    return sorted((f.rule, f.start, f.end) for f in report.findings if f.category == "blank_figure")


def test_words_cut_by_a_hard_line_break_are_not_holes(rules):
    found = {(WRAPPED[f.start:f.end], WRAPPED[f.start - 2:f.start]) for f in review(Document.from_text(WRAPPED), rules).findings
             if f.category == "blank_figure"}
    texts = [t for t, _ in found]
    # 三⏎次, 个⏎个, 大⏎家 and 三⏎个 are whole across the break
    assert "家" not in texts
    assert not any(t == "次" and before.endswith("四\n") for t, before in found)
    # the holes stay: 共有⏎个行政村 (a verb before the break), 座桥梁, 诉求件, a heading above 个村
    assert texts.count("个") >= 2 and "座" in texts and "件" in texts and "倍" in texts


def test_blank_rules_reach_across_one_line_break(rules):
    split = 0
    for rule in rules:
        if not isinstance(rule, BlankRule):
            continue
        if rule.line_reach() is not None:
            behind, ahead = rule.line_reach()
            assert behind >= _WRAP_REACH and ahead >= _WRAP_REACH, rule.full_id
        # a rule searched line by line but for a lookahead at its lines' ends (name-gap)
        # keeps its lines' hits by the same reach (kinds.spliced)
        got = rule._split_plan()
        if got is not None:
            split += 1
            behind, ahead = got[1]
            assert behind >= _WRAP_REACH and ahead >= _WRAP_REACH, rule.full_id
    assert split


def test_edits_next_to_hard_line_breaks_equal_a_full_review(rules):
    # rules whose patterns read nothing past their lines (then no other rule's reach hides
    # one left undeclared): a unit at a line's end, a 第 or a year's 年 at a line's start
    blank = RuleSet([r for r in rules if r.full_id in (
        "blank_figure.unit-at-clause-end", "blank_figure.ordinal", "blank_figure.date-slot",
        "blank_figure.name-gap")])
    for seed in range(6):
        rng = random.Random(seed)
        text = WRAPPED
        inc = IncrementalReviewer(blank)
        for step in range(50):
            doc = Document.from_text(text)
            assert _blank(inc.review(doc)) == _blank(review(doc, blank)), f"seed {seed} step {step}"
            text = _edit_near_a_break(text, rng)


def _edit_near_a_break(text, rng):
    """An edit within the few characters a line's check reads of the line next to it."""
    breaks = [i for i, c in enumerate(text) if c == "\n"] or [len(text)]
    b = rng.choice(breaks)
    pos = max(0, min(len(text), b + rng.randint(-9, 3)))
    op = rng.random()
    if op < 0.5:
        return text[:pos] + rng.choice(PIECES) + text[pos:]
    if op < 0.8:
        return text[:pos] + text[pos + 1:]
    if op < 0.9:
        return text[:b] + text[b + 1:]  # join two lines
    pos = rng.randrange(len(text) + 1)
    return text[:pos] + "\n" + text[pos:]  # break a line


class _Spy(str):
    """A text that notes which characters were read (by index or slice)."""

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            self.read.update(range(start, stop))
        else:
            self.read.add(key if key >= 0 else len(self) + key)
        return str.__getitem__(self, key)


def test_the_check_across_a_line_break_reads_no_further_than_its_reach():
    """Everything _wrapped() reads lies within _WRAP_REACH characters of the span's line
    (what BlankRule.line_reach declares)."""
    from reviewer.core.rules.kinds import _wrapped

    rng = random.Random(3)
    chars = "大家个次三人有目标会议全体担子行动起来，、\n"
    for _ in range(300):
        text = _Spy("".join(rng.choice(chars) for _ in range(rng.randint(20, 60))))
        for s in range(len(text)):
            if str.__getitem__(text, s) in "\n，、":
                continue
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", s)
            le = len(text) if le < 0 else le
            text.read = set()
            _wrapped(text, [(s, s + 1)])
            assert all(ls - _WRAP_REACH <= i < le + _WRAP_REACH for i in text.read), (str(text), s)
