"""Kind ``anniversary``: "2023年是中华人民共和国成立70周年" -- a year and an anniversary that do
not add up (1949 + 70 = 2019).  A site that re-dates an old 范文 changes the year and leaves
the count, or the other way round; either way the sentence is wrong in front of an
audience that knows the dates.

``events`` (data): a list of ``{name, year, aliases}`` -- 中华人民共和国成立 1949, aliases
新中国成立 … -- or the name of a file of resources/lexicon holding them a line each,
``name<TAB>year<TAB>aliases joined by 、`` (anniversaries.txt, shared by the stale pack's two rules)
``pattern``: a regular expression with ``{events}`` where any alias may stand, and the
groups ``y`` (the year, four digits), ``event`` (filled in: the alias), ``hit`` (what is
reported: 70周年) and ``n`` (the count, Arabic or Chinese numerals).  Only a year written
out in the same clause is compared -- a draft's own date is a guess (stale.py), a wrong
anniversary is a claim worth reporting only when the text states both halves.

``this_year: true`` (a rule of the stale pack): the pattern has no ``y``; the year is the
draft's own as its title or the user gives it (stale.draft_year; a year its body speaks of
may be a target, a page's or a file's date only bounds it from below), and 今年是建党90周年
in a draft of 2024 is reported as out of date.  No such date: no finding.

Message values: ``{event}`` the event's name, ``{founded}`` its year, ``{year}``, ``{said}``
the count in the text and ``{right}`` the count that year; the suggestion is ``{right}周年``.
"""
from __future__ import annotations

import re

from ..yamlfile import RuleLoadError
from .budget import compile_pattern
from .kinds import Rule
from .reach import line_reach


class AnniversaryRule(Rule):
    KEYS = {"pattern", "events", "this_year"}
    REQUIRED = ("pattern", "events")
    whole_text_range = True

    def setup(self, spec):
        events = spec.get("events")
        if isinstance(events, str):
            events = self._event_lines(events)
        if not isinstance(events, list) or not events:
            raise RuleLoadError(self.source, "events 必须是非空列表", self.id, "events")
        self._events: dict[str, tuple[str, int]] = {}
        for ev in events:
            if not (isinstance(ev, dict) and isinstance(ev.get("name"), str) and isinstance(ev.get("year"), int)):
                raise RuleLoadError(self.source, "每个事件需要 name（文字）和 year（年份）", self.id, "events")
            for alias in [ev["name"], *ev.get("aliases", [])]:
                self._events[alias] = (ev["name"], ev["year"])
        pattern = spec.get("pattern")
        if not isinstance(pattern, str) or "{events}" not in pattern:
            raise RuleLoadError(self.source, "pattern 中须有 {events}", self.id, "pattern")
        alternation = "|".join(re.escape(a) for a in sorted(self._events, key=len, reverse=True))
        try:
            self.rx = compile_pattern(pattern.replace("{events}", f"(?P<event>{alternation})"))
        except re.error as e:
            raise RuleLoadError(self.source, f"pattern 不是有效的正则表达式：{e}", self.id, "pattern") from None
        self.this_year = spec.get("this_year", False)
        if not isinstance(self.this_year, bool):
            raise RuleLoadError(self.source, "this_year 必须是 true 或 false", self.id, "this_year")
        for group in ("n", "hit") if self.this_year else ("y", "n", "hit"):
            if group not in self.rx.groupindex:
                raise RuleLoadError(self.source, f"pattern 缺少命名组 {group}", self.id, "pattern")

    def _event_lines(self, name: str) -> list[dict]:
        from .lexicon_data import read_list

        out = []
        for line in read_list(self._lexicon_files({"events": [name]}, "events")[0]):
            parts = line.split("\t")
            if len(parts) < 2 or not parts[1].isdigit():
                raise RuleLoadError(self.source, f"{name} 的“{line}”不是“名称<TAB>年份<TAB>别称”", self.id, "events")
            aliases = [a for a in parts[2].split("、") if a] if len(parts) > 2 else []
            out.append({"name": parts[0], "year": int(parts[1]), "aliases": aliases})
        return out

    def _hits(self, text: str, lo: int = 0, before: int | None = None, stop: int | None = None,
              year: int | None = None):
        from ..structure.numbering.markers import cn_to_int  # (70, 七十, 一百零五)

        for m in self.rx.finditer(text, lo, len(text) if stop is None else stop):
            if before is not None and m.start() >= before:
                break
            name, founded = self._events[m.group("event")]
            said = cn_to_int(m.group("n"))
            y = year if year is not None else int(m.group("y"))  # (each sentence its own year)
            right = y - founded
            # (this year's: only a count the draft's year has passed -- a title may name the year a plan is for)
            if said is None or right <= 0 or said == right or self.this_year and said > right:
                continue
            s, e = m.span("hit")
            yield 0, s, e, {"event": name, "founded": str(founded), "year": str(y), "said": m.group("n"),
                            "right": str(right), "suggestion": f"{right}周年", "then": str(founded + said)}

    def scan(self, ctx):
        year = None
        if self.this_year:
            from .stale import draft_year, draft_year_from_body, draft_year_from_file

            year = draft_year(ctx)
            if year is None or draft_year_from_body(ctx) or draft_year_from_file(ctx):
                # (the body's latest year may be a target, 2025年，全县……将突破500亿元; a page's or a
                # file's date only bounds the draft's from below: a 2022 speech posted in 2023)
                return
            # (the pattern is line-local: after an edit only the lines it touched are searched
            # again, the draft's year the switch -- a whole pass at 1M took ~7 ms of every edit)
            reach = line_reach(self.rx)
            if reach is not None:
                from .kinds import spliced

                text = ctx.text
                hits, _ = spliced(ctx, "anniversary:" + self.full_id, year, reach,
                                  lambda lo, hi, stop: ([h[1:] for h in self._hits(text, lo, hi, stop, year=year)], []))
                yield from hits
                return
        for _, s, e, values in self._hits(ctx.text, year=year):
            yield s, e, values

    # line-local when the pattern is (checked by reach.line_reach): an edit re-checks its lines
    # (not this year's: the draft's year is read off the whole text)
    def line_reach(self):
        return None if getattr(self, "user", False) or self.this_year else line_reach(self.rx)

    def scan_range(self, ctx, start, end, stop):
        return list(self._hits(ctx.text, start, end, stop)), []
