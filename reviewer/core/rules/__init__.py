"""Rules as data: loading, validation and the closed set of rule kinds."""
from .kinds import Rule, fill
from .registry import KINDS
from .loader import Example, RuleLoadError, RuleSet, load_rules, load_rule_file, parse_example

__all__ = ["KINDS", "Rule", "fill", "Example", "RuleLoadError", "RuleSet", "load_rules", "load_rule_file",
           "parse_example"]
