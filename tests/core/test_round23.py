"""Round 23 of drafts from unseen sites (kept out of the repo): the cases are written here,
not copied from any draft.  A line's condition (kind line-pattern, linecheck.py): a draft
whose every quotation opens with a right quote."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules import RuleLoadError, load_rules

RULE = "punctuation.quote-right-pairs"


def _openings(rules, text):
    """The offsets of the right quotes reported as openings, by either quote rule."""
    return sorted(f.start for f in review(Document.from_text(text), rules).findings
                  if f.rule in (RULE, "punctuation.quote-direction"))


def _expected(text):
    """The first of each pair of right quotes in each line with no left quote and an even
    number of right ones -- worked out here by counting, not by the rule's regex."""
    out, at = [], 0
    for line in text.split("\n"):
        marks = [at + k for k, c in enumerate(line) if c == "”"]
        if "“" not in line and marks and len(marks) % 2 == 0:
            out.extend(marks[::2])
        at += len(line) + 1
    return out


def test_every_pair_of_right_quotes_opens_with_its_first(rules):
    text = ("坚决纠治发生在群众身边的”四风”问题，从”温水煮青蛙”的警示到”带电的高压线”的约束。\n"
            "推动纪律教育从”纸上”走向”心上”，做到”知敬畏、存戒惧、守底线”。\n"
            "”两学一做”常态化，”三会一课”抓落实。\n")
    assert _openings(rules, text) == _expected(text) and len(_expected(text)) == 8


def test_a_line_with_a_left_quote_or_an_odd_count_is_left_to_the_other_rules(rules):
    mixed = "他说：“要从‘纸上’走向‘心上’。”大家深受触动，”这是一次深刻的教育”，”真好”。\n"
    odd = "大家一致认为，”这次会议开得很好”。会议结束。”\n"
    got = [f for f in review(Document.from_text(mixed + odd), rules).findings if f.rule == RULE]
    assert got == []


def test_a_long_line_is_searched_once_for_its_condition(rules):
    rule = rules.by_id[RULE]
    calls = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def search(self, *a):
            calls.append(1)
            return self.rx.search(*a)

    kept = rule.line_unless
    rule.line_unless = [Counting(rx) for rx in kept]
    try:
        text = "”学习”和”实践”，" * 1000  # (9,000 characters: under the cap of findings, kinds.max_checks)
        got = [f for f in review(Document.from_text(text), rules).findings if f.rule == RULE]
    finally:
        rule.line_unless = kept
    assert len(got) == 2000  # (the line opens with one: no quote-direction before it)
    assert len(calls) <= 2 * len(kept)  # one line: asked once (a quick pass and a full one at most)


def test_edits_equal_a_full_review(rules):
    """The rule's hits are kept per line between edits (incremental.py): a left quote typed
    into a line, or a right quote taken out of it, changes only that line's answer."""
    from tests.core.test_incremental import _check_edits

    lines = ["坚决纠治发生在群众身边的”四风”问题，从”温水煮青蛙”的警示到”带电的高压线”的约束。",
             "他说：“要从‘纸上’走向‘心上’。”", "大家一致认为，这次会议开得很好。”", "推动”双减”落地。"]
    text = "\n".join(lines * 3) + "\n"
    _check_edits(rules, text, "\n".join(lines) + "“”", edits=80, seed=23)


def test_a_line_pattern_needs_its_line_condition(tmp_path):
    rule = ("id: mine\nname: 测试\nkind: line-pattern\nseverity: info\nmessage: 测试\npattern: 测试词\n"
            "{extra}examples:\n  - bad: 这是[[测试词]]。\n  - good: 这是测试词，又是测试。\n")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "mine.yaml").write_text(rule.format(extra=""), encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "line_unless"
    (tmp_path / "x" / "mine.yaml").write_text(rule.format(extra="line_unless: '，'\n"), encoding="utf-8")
    loaded = load_rules([tmp_path], builtin=False)
    hits = [f.text for f in review(Document.from_text("这是测试词。\n这是测试词，又是测试。"), loaded).findings]
    assert hits == ["测试词"]
