"""What an edit costs, rule by rule, held where it is.

The incremental re-check (core/incremental.py) runs a line-local rule only over the lines an
edit touched, a rule with a split plan (kinds.PatternRule._split_plan: its matches may run a
bounded way into the next line) only around the edit, and every other rule over the whole
draft.  A pattern changed so that it may look over any number of lines silently moves its
rule from the first two kinds to the third: nothing is found differently, but each keystroke
on a 1M-character draft re-runs it in full (a lookahead over any number of line breaks in
blank_figure.name-gap once took edit-to-findings at 1M from 288 to 424 ms, unseen until
make bench).  This test names every rule that runs over the whole draft on an edit; a rule
that newly does fails it.  Move a rule into WHOLE only with the reason written beside it.
"""
from __future__ import annotations

import pytest

from reviewer.core.session import load_rules

# Rules whose matches may run into the next line a bounded way: re-run around an edit.
SPLIT = {
    "blank_figure.empty-field", "blank_figure.invite-gap", "blank_figure.lead-empty", "blank_figure.list-cut",
    "blank_figure.lead-de", "blank_figure.list-lead", "blank_figure.name-gap", "blank_figure.roll-empty",
    "blank_figure.speaker-gap",
    "duplicate.word-twice", "numbering.odd-marker", "site_junk.preview-cut",
}

# Rules that read the whole draft by their nature: the draft's outline, its paragraphs
# against each other, its places and names, its junk blocks and their neighbours, its date.
WHOLE_BY_KIND = {
    "DuplicateRule", "LocalityRule", "NumberingRule", "JunkContextRule", "JunkListRule", "GlossRunRule",
    "StaleRule", "StructureRule", "TaggedRule", "ScriptRule",
}

# Rules of kinds otherwise line-local that read across lines or the whole draft, each for its reason.
WHOLE_RULES = {
    "blank_figure.lead-comma": "a comma opening a line is told by the line before (a figure, a heading, a quote)",
    "blank_figure.role-empty": "an empty role's line looks ahead over any blank lines to the next role",
    "numbering.number-gone": "one hit spans every following line that lost its number the same way",
    "numbering.ordinal-family": "首先 and a later 第二 up to 600 characters apart, across lines",
    "placeholder.asterisk": "a pattern's classes admit a line break around the stars",
    "site_junk.broken-runs": "a sentence broken over lines by a lone quote mark or figure",
    "site_junk.feedback-buttons": "a column of 有用/没用 buttons, one a line",
    "site_junk.page-tag": "<!-- nextpage --> may hold a line break in its spaces",
    "stale.anniversary-this-year": "今年是……周年 is read against the draft's year, which its title or body gives",
}

REACH_LIMIT = 800  # characters before plus after a line a line-local or split rule may read


@pytest.fixture(scope="module")
def shipped():
    return load_rules().rules


def _cost(rule) -> str:
    if rule.line_reach() is not None:
        return "line"
    plan = getattr(rule, "_split_plan", None)
    if plan is not None and plan() is not None:
        return "split"
    return "whole"


def test_no_rule_newly_reads_the_whole_draft_on_each_edit(shipped):
    whole = {r.full_id for r in shipped if _cost(r) == "whole" and type(r).__name__ not in WHOLE_BY_KIND}
    assert whole - set(WHOLE_RULES) == set(), "these rules now re-run over the whole draft on each edit"
    assert set(WHOLE_RULES) - whole == set(), "these rules are cheaper now: take them out of WHOLE_RULES"


def test_rules_re_run_around_an_edit_stay_so(shipped):
    split = {r.full_id for r in shipped if _cost(r) == "split"}
    assert SPLIT - split == set(), "these rules no longer re-run only around an edit"
    assert split - SPLIT == set(), "new rules re-run around an edit: add them to SPLIT"


def test_what_a_local_rule_reads_around_its_line_is_bounded(shipped):
    for rule in shipped:
        reach = rule.line_reach()
        if reach is None and _cost(rule) == "split":
            reach = rule._split_plan()[1]
        if reach is not None:
            assert sum(reach) <= REACH_LIMIT, (rule.full_id, reach)


def test_the_kinds_named_whole_are_shipped_kinds(shipped):
    """A kind renamed would otherwise let all its rules through unchecked."""
    kinds = {type(r).__name__ for r in shipped}
    assert WHOLE_BY_KIND <= kinds
    assert sum(_cost(r) == "line" for r in shipped) >= 300
