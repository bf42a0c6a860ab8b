"""Kind ``compat-char``: look-alike code points a PDF or a web page put in place of Han
characters (⼯作, ⽅⾯: Kangxi radicals; 﨑 and the other CJK compatibility ideographs).

They look right on screen but are other characters: search, sorting, spell checking
and the reader's screen reader all fail on them.  Unicode's NFKC normalisation gives
the normal character for the Kangxi radicals (U+2F00–U+2FD5) and the compatibility
ideographs (U+F900–U+FAFF); the CJK Radicals Supplement (U+2E80–U+2EF3) has a mapping for
two of them only, so the rule's ``map`` gives the rest (⻓ 长, ⻔ 门 …).

Only a run of such characters inside Han text is reported (a radical standing alone, as
in a dictionary's 部首 list, is not), with the normal characters as the suggestion.
"""
from __future__ import annotations

import re
import unicodedata

from .kinds import Rule
from ..yamlfile import RuleLoadError

_HAN = "\u4e00-\u9fff"
_ODD = "\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff"
_RUN = re.compile(f"[{_ODD}]+")


class CompatCharRule(Rule):
    KEYS = {"map"}

    def setup(self, spec):
        extra = spec.get("map") or {}
        if not isinstance(extra, dict) or not all(
                isinstance(k, str) and len(k) == 1 and isinstance(v, str) and len(v) == 1 for k, v in extra.items()):
            raise RuleLoadError(self.source, "map 必须是“部首: 汉字”的一字对一字映射", self.id, "map")
        self.map = extra

    def normal(self, ch: str) -> str | None:
        """The Han character ``ch`` stands for, or None when none is known."""
        if ch in self.map:
            return self.map[ch]
        got = unicodedata.normalize("NFKC", ch)
        if got != ch and len(got) == 1 and "\u4e00" <= got <= "\u9fff":
            return got
        return None

    def scan(self, ctx):
        text = ctx.text
        n = len(text)
        for m in _RUN.finditer(text):
            s, e = m.span()
            before = s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff"
            after = e < n and "\u4e00" <= text[e] <= "\u9fff"
            if not (before or after or e - s >= 2):
                continue  # a radical on its own (部首“⼈”)
            fixed = [self.normal(c) for c in m.group()]
            if any(c is None for c in fixed):
                continue  # a character with no known normal form: not ours to guess
            yield s, e, {"suggestion": "".join(fixed)}
