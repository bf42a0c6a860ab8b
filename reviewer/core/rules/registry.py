"""The closed set of rule kinds, by the name a rule file gives in ``kind:``.  It sits above
every kind module (they import only kinds.py), so the loader's lookup makes no cycle.

| kind        | what it does                                                         |
|-------------|----------------------------------------------------------------------|
| pattern     | regular expressions; group ``hit`` (if any) is the flagged span      |
| line-pattern| a pattern whose hit's whole line must not match line_unless (linecheck.py)|
| lexicon     | a word list with suggestions, matched as one compiled alternation    |
| blank       | patterns whose named groups must be whole words (jieba, small window)|
| junk        | website leftovers: whole lines or inline markers (junk_lines.py)     |
| junk-list   | a recommendation list: a header and short title lines (junk_lines.py)|
| junk-context| junk decided by its surroundings (junk.py): page breaks, headers,  |
|             | stray anti-copy characters, hijacked brands, domains, junk blocks    |
| numbering   | heading/item numbers: skipped, repeated, nested… (outline_kinds.py)  |
| duplicate   | a repeated title, paragraph or sentence (outline_kinds.py)           |
| near-miss   | a listed fixed expression one character off (nearmiss.py)            |
| tagged      | a pattern whose neighbouring words need given jieba tags (tagged.py) |
| misused     | misused words from data files, whole words only (misused.py)         |
| formula-order| a listed formula's parts (joined by 、) out of order (misused.py)    |
| script      | the draft is written in traditional characters (script.py)           |
| gloss-run   | a paragraph's pinyin glosses as one fix, made after tidying (script.py)|
| locality    | another place's names, people and name lists (locality.py)           |
| stale       | a reference out of date for the draft's year (stale.py)              |
| anniversary | a year and an anniversary count that do not add up (anniversary.py)  |
| compat-char | Kangxi radicals and compatibility ideographs (garbled.py)            |
| rare-char   | a character outside 通用规范汉字表 inside common words (garbled.py)   |
| pinyin-char | a character left as its pinyin before Han characters (dang内, garbled.py) |
| confusion   | one character of a common word as a homophone/look-alike (confusion.py)|
| spaced-word | a blank left inside a word (消 防演习), decided by jieba (spaced.py)  |
| structure   | missing parts, cut-off text, reference comparison (structure_kind.py)|
"""
from __future__ import annotations

from .anniversary import AnniversaryRule
from .confusion import ConfusionRule
from .garbled import CompatCharRule, PinyinCharRule, RareCharRule
from .junk import JunkContextRule
from .junk_lines import JunkListRule, JunkRule
from .kinds import COMMON_KEYS, BlankRule, LexiconRule, PatternRule
from .linecheck import LinePatternRule
from .locality import LocalityRule
from .misused import FormulaOrderRule, MisusedRule
from .nearmiss import NearMissRule
from .outline_kinds import DuplicateRule, NumberingRule
from .script import GlossRunRule, ScriptRule
from .spaced import SpacedWordRule
from .stale import StaleRule
from .structure_kind import StructureRule
from .tagged import TaggedRule

KINDS = {
    "pattern": PatternRule,
    "line-pattern": LinePatternRule,
    "lexicon": LexiconRule,
    "blank": BlankRule,
    "junk": JunkRule,
    "junk-list": JunkListRule,
    "junk-context": JunkContextRule,
    "numbering": NumberingRule,
    "duplicate": DuplicateRule,
    "near-miss": NearMissRule,
    "misused": MisusedRule,
    "formula-order": FormulaOrderRule,
    "tagged": TaggedRule,
    "spaced-word": SpacedWordRule,
    "script": ScriptRule,
    "gloss-run": GlossRunRule,
    "locality": LocalityRule,
    "stale": StaleRule,
    "anniversary": AnniversaryRule,
    "compat-char": CompatCharRule,
    "rare-char": RareCharRule,
    "pinyin-char": PinyinCharRule,
    "confusion": ConfusionRule,
    "structure": StructureRule,
}

__all__ = ["COMMON_KEYS", "KINDS"]
