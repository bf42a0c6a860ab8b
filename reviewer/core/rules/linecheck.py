"""Kind ``line-pattern``: a pattern rule whose hits are kept only where their whole line
does not match ``line_unless`` -- what depends on the line as a whole (a mark anywhere in
it, how many of a mark it holds) and so cannot be looked back for by ``re``, whose
lookbehinds have a fixed width.

A draft whose every quotation opens with a right quote (”四风”, ”纸上”走向”心上”) is the
case it was made for: in a line with no left quote at all and an even number of right
ones, the marks pair up from the line's start, and the first of each pair opens a
quotation; a pattern that consumes one pair per match keeps that count, and the line
condition leaves alone a line holding a left quote or an odd number of right ones, where
the pairing is not known.

Cost: each line is searched once for its hits, however many (the last line's answer is
kept with its text), so a million-character line with thousands of hits is read once.
"""
from __future__ import annotations

from .kinds import PatternRule, _str_list
from ..yamlfile import RuleLoadError


class LinePatternRule(PatternRule):
    KEYS = PatternRule.KEYS | {"line_unless"}
    REQUIRED = ("line_unless",)
    LINE_LOCAL = True  # accept() reads the hit's own line only

    def setup(self, spec):
        super().setup(spec)
        pats = _str_list(spec, "line_unless")
        if not pats:
            raise RuleLoadError(self.source, "line_unless 必须是正则或正则列表", self.id, "line_unless")
        self.line_unless = [self._compile(p) for p in pats]
        self._last = (None, -1, -1, True)  # (text, line start, line end, kept): one line's answer

    def accept(self, ctx, m) -> bool:
        text = ctx.text
        s = m.start()
        a = text.rfind("\n", 0, s) + 1
        b = text.find("\n", s)
        if b < 0:
            b = len(text)
        last = self._last  # (one tuple: another thread's answer is for its own text and line)
        if last[0] is text and last[1] == a and last[2] == b:
            return last[3]
        # (searched within the line: endpos ends it for $ and lookaheads alike)
        kept = not any(rx.search(text, a, b) for rx in self.line_unless)
        self._last = (text, a, b, kept)
        return kept
