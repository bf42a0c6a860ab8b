"""The ``structure`` kind: one rule per check of the structure analysis (structure/).

The analysis finds what is missing or cut off for the whole draft (it needs the genre,
the title, every part and the references), so these rules do not scan text
themselves: ``structure_findings`` turns the analysis' raw findings into findings of
the active structure rules — their severity, their message filled with the values the
analysis gives, and nothing at all for a rule that is turned off.

| check           | finding category | values for the message                                   |
|-----------------|------------------|----------------------------------------------------------|
| missing-part    | missing_section  | part, part_message; tail (cut-*, late-cut), last_words    |
| truncated       | truncated        | tail                                                     |
| reference-part  | missing_section  | part, part_message, count, total                         |
| reference-topic | missing_section  | reference, topic                                         |
| notice-topic    | missing_section  | topic                                                    |
| extra-topic     | missing_section  | topic                                                    |
"""
from __future__ import annotations

from ..findings import SEVERITIES, Finding
from ..yamlfile import RuleLoadError
from .kinds import Rule, fill

CHECKS = {"missing-part": "missing_section", "truncated": "truncated", "reference-part": "missing_section",
          "reference-topic": "missing_section", "notice-topic": "missing_section", "extra-topic": "missing_section"}
# What each check fills in a message ({name}); the rules README lists them.
VALUES = {"missing-part": ("part", "part_message", "tail", "last_words"), "truncated": ("tail",),
          "reference-part": ("part", "part_message", "count", "total"), "reference-topic": ("reference", "topic"),
          "notice-topic": ("topic",), "extra-topic": ("topic",)}


class StructureRule(Rule):
    """Severity and message of one structure check.  ``customary_severity``: for a part
    the genre expects by custom rather than requires (default: ``severity``).
    ``variants``: messages for special cases the analysis names (a draft cut off …).
    ``example_references``: reference texts its examples are checked against."""

    KEYS = {"check", "customary_severity", "variants", "example_references"}
    REQUIRED = ("check",)
    phase = 9

    def setup(self, spec):
        if spec["check"] not in CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(CHECKS)} 之一", self.id, "check")
        self.check: str = spec["check"]
        self.customary_severity: str = spec.get("customary_severity", self.severity)
        if self.customary_severity not in SEVERITIES:
            raise RuleLoadError(self.source, f"customary_severity 必须是 {'/'.join(SEVERITIES)} 之一", self.id,
                                "customary_severity")
        variants = spec.get("variants") or {}
        if not isinstance(variants, dict) or not all(isinstance(v, str) and v.strip() for v in variants.values()):
            raise RuleLoadError(self.source, "variants 必须是“名称: 提示文字”的键值对", self.id, "variants")
        self.variants: dict[str, str] = {str(k): v for k, v in variants.items()}
        refs = spec.get("example_references") or []
        if not isinstance(refs, list) or not all(isinstance(r, str) and r for r in refs):
            raise RuleLoadError(self.source, "example_references 必须是文稿文字的列表", self.id, "example_references")
        self.example_references: list[str] = refs

    def scan(self, ctx):
        """Nothing: the structure analysis (engine.review) finds, this rule reports."""
        return iter(())

    def render(self, raw) -> Finding:
        """The finding for one raw finding of the analysis (structure/found.py)."""
        values = dict(raw.values)
        template = self.variants.get(values.get("variant") or "", self.message)
        severity = self.customary_severity if values.get("customary") else self.severity
        return Finding(self.full_id, raw.category, severity, raw.start, raw.end, raw.text, fill(template, values),
                       None, raw.region, raw.section)


def _active(rule, options) -> bool:
    return (rule.enabled and rule.full_id not in options.disabled_rules
            and rule.category not in options.disabled_categories)


def structure_findings(raw_findings, ruleset, options) -> list[Finding]:
    """The analysis' raw findings as findings of the active structure rules, in order."""
    by_check: dict[str, list[StructureRule]] = {}
    for rule in ruleset:
        if isinstance(rule, StructureRule) and _active(rule, options):
            by_check.setdefault(rule.check, []).append(rule)
    return [rule.render(raw) for raw in raw_findings for rule in by_check.get(getattr(raw, "check", ""), ())]
