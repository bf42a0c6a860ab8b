"""A structure finding before its rule (rules/structure/*.yaml) gives it a severity and
a message: which check raised it and the values its message may use."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding


@dataclass
class RawFinding(Finding):
    check: str = ""
    values: dict = field(default_factory=dict)


def raw(check: str, category: str, start: int, end: int, text: str, section: str | None = None, *,
        customary: bool = False, variant: str | None = None, **values) -> RawFinding:
    """``customary``: the part is expected by custom, not required (its rule's
    customary_severity).  ``variant``: the rule's message for a special case."""
    return RawFinding(f"structure.{check}", category, "info" if customary else "warning", start, end, text, "",
                      None, "body", section, check=check,
                      values={**values, "customary": customary, "variant": variant or ""})
