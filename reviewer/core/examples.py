"""A rule's ``bad``/``good`` examples, run the way the engine runs the rule.

Used by the test suite for every shipped rule and when a user's rule folder is loaded
(rules/loader.py takes ``example_failures`` as its example runner), so that a rule
whose examples fail never runs on a draft."""
from __future__ import annotations

from .document import Document
from .engine import ReviewOptions, review, review_region
from .findings import Finding
from .rules.loader import RuleSet
from .rules.structure_kind import StructureRule


def example_findings(rule, text: str, ruleset=()) -> list[Finding]:
    """What ``rule`` reports on ``text``.  A rule that needs support from its category
    runs with the category's other rules from ``ruleset``; a structure rule runs through
    a whole review, against its ``example_references``."""
    doc = Document.from_text(text)
    if isinstance(rule, StructureRule):
        refs = tuple(Document.from_text(t, path=f"参考文稿{n}.txt") for n, t in enumerate(rule.example_references, 1))
        report = review(doc, RuleSet([rule]), ReviewOptions(references=refs))
        return [f for f in report.findings if f.rule == rule.full_id]
    if rule.kind == "gloss-run":  # made by a whole review from the glosses' own rule (core/glossed.py)
        from .glossed import GLOSS_RULE

        report = review(doc, RuleSet([r for r in ruleset if r.full_id == GLOSS_RULE] + [rule]), ReviewOptions())
        return [f for f in report.findings if f.rule == rule.full_id]
    rules = [r for r in ruleset if r.category == rule.category] if rule.min_support else [rule]
    if rule not in rules:
        rules.append(rule)
    rules += [r for r in ruleset if r.full_id in rule.yields_to and r not in rules]  # what it leaves to them
    found, _ = review_region("body", doc.text, doc.paragraphs, rules, ReviewOptions())
    return [f for f in found if f.rule == rule.full_id]


def example_failures(rule, ruleset=()) -> list[str]:
    """One Chinese line for each example of ``rule`` that does not give exactly its marked spans."""
    out = []
    for ex in rule.examples:
        got = sorted((f.start, f.end) for f in example_findings(rule, ex.text, ruleset))
        want = sorted(ex.spans)
        if got != want:
            shown = ex.text.replace("\n", "⏎")
            if len(shown) > 60:
                shown = shown[:58] + "……"
            which = "good" if ex.good else "bad"
            out.append(f"{which} 例句“{shown}”应报告 {[ex.text[s:e] for s, e in want]}，"
                       f"实际报告 {[ex.text[s:e] for s, e in got]}")
    return out
