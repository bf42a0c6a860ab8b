"""Kinds over the whole document's outline and paragraphs: ``numbering`` and ``duplicate``
(the work is done in structure/numbering/ and structure/duplicates/)."""
from __future__ import annotations

import re

from ..findings import Finding
from ..yamlfile import RuleLoadError
from .kinds import Rule, max_checks

class NumberingRule(Rule):
    """One check of the numbering analysis (see structure.numbering)."""

    KEYS = {"check"}
    REQUIRED = ("check",)
    CHECKS = ("skip", "repeat", "nested", "mixed", "count", "format", "dotted", "unnumbered", "lost", "doubled")

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]

    def scan(self, ctx):
        from ..structure.numbering.markers import context_markers
        from ..structure.numbering import analyse

        def work():
            markers = context_markers(ctx)  # (first: it leaves its splice in its memo)
            return analyse(ctx.text, ctx.paragraphs, ctx.junk, markers, ctx.memo("numbering"),
                           ctx.memo("markers").get("splice"))

        for ev in ctx.cached("numbering", work):
            if ev.check == self.check:
                yield ev.start, ev.end, dict(ev.values)


class DuplicateRule(Rule):
    KEYS = {"check", "min_length", "shown_over_junk"}
    REQUIRED = ("check",)
    CHECKS = ("title", "paragraph", "sentence", "lead", "near", "doubled")

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]
        self.min_length = int(spec.get("min_length", 8))
        # ``shown_over_junk``: its findings stay where site junk covers them too (the
        # collection's title given again is the site's and a repeat at once)
        shown = spec.get("shown_over_junk", False)
        if not isinstance(shown, bool):
            raise RuleLoadError(self.source, "shown_over_junk 必须是 true 或 false", self.id, "shown_over_junk")
        self.shown_over_junk = shown
        # A message that names neither the match nor a suggestion depends on the values
        # alone (第{first_line}行): filled once per value, not for each of thousands of hits.
        names = set(re.findall(r"\{(\w+)\}", self.message))
        self._messages: dict | None = {} if self.suggestion is None and not names & {"match", "suggestion"} else None
        self._line_messages: dict[int, str] = {}  # first line -> message, for run()

    def finding(self, ctx, source, start, end, values):
        messages = self._messages
        if messages is None or source is not ctx.text or "suggestion" in values:
            return super().finding(ctx, source, start, end, values)
        key = tuple(values.items())
        message = messages.get(key)
        if message is None:
            if len(messages) > 10_000:
                messages.clear()
            message = messages[key] = super().finding(ctx, source, start, end, values).message
        return Finding(self.full_id, self.category, self.severity, start, end, source[start:end], message, None,
                       ctx.region)

    def run(self, ctx) -> list[Finding]:
        if self.check not in ("paragraph", "sentence") or self._messages is None or ctx.source is not ctx.text:
            return super().run(ctx)
        from ..structure.duplicates import sentence_junk
        from ..structure.duplicates.repeats import repeats_moved
        from ..findings import moved

        # Thousands of repeats on a long draft: while it is edited, the findings before the
        # edit are the previous call's (same place, text and first line), those after it,
        # when shown to be the previous call's moved (repeats_moved), its findings moved,
        # and the rest are made with their message filled once per line.
        memo = ctx.memo(self.full_id)
        junk = sentence_junk(ctx.text, ctx.paragraphs, ctx.junk) if self.check == "sentence" else ctx.junk
        before = memo.get("findings", [])
        hits, same, tail = repeats_moved(self.check, ctx.text, ctx.paragraphs, junk, self.min_length, memo,
                                         len(before))
        found = before[:same]
        text, region = ctx.text, ctx.region
        rid, category, severity = self.full_id, self.category, self.severity
        messages = self._line_messages
        for start, end, line in hits:
            message = messages.get(line)
            if message is None:
                if len(messages) > 10_000:
                    messages.clear()
                message = messages[line] = self.finding(ctx, text, start, end, {"first_line": line}).message
            found.append(Finding(rid, category, severity, start, end, text[start:end], message, None, region))
        k = len(found)
        if tail is not None:
            found += moved(before[tail[0]:], tail[1]) if tail[1] else before[tail[0]:]
        memo["findings"] = found
        got = found[:max_checks(len(text))]  # as many as Rule.run() keeps
        # For incremental.moved_tail: got[k:] are the previous call's list (as returned) from
        # tail[0] on, moved by tail[1], and got[:same] its first ones, the same objects, of
        # the paragraphs before the edit (made so just above); only when neither list was cut.
        returned = memo.get("returned")
        if tail is not None and len(got) == len(found) and returned is not None and len(returned) == len(before):
            ctx.moved[rid] = (returned, tail[0], got, k, tail[1], same)
        memo["returned"] = got
        return got

    def scan(self, ctx):
        from ..structure import duplicates

        finder = getattr(duplicates, f"find_{self.check}")
        for start, end, values in finder(ctx.text, ctx.paragraphs, ctx.junk, self.min_length):
            yield start, end, values
