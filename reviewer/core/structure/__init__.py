"""Structure: genre profiles, part detection, missing parts, cut-off text, the outline.

``analyse_structure`` gives the genre (and why), the outline and the structure
findings; their severity and message come from rules/structure/*.yaml (a ``structure``
rule per check, rules/structure_kind.py), applied by the engine.  The pieces:
profiles.py (genre profiles, genre choice), parts.py (title, parts), cutoff.py
(text cut off), references.py (the user's reference documents)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding
from .cutoff import Cut, _cut_off, _ends_on_heading, _last_words, _truncated  # noqa: F401
from .duplicates import title_paragraph
from .found import raw
from .numbering import find_markers
from .parts import (_MARKER_START, _real_span, _salutation_line, _title_lines, _title_span,  # noqa: F401
                    detect_parts)
from .profiles import (GENRE_KEYS, GENRE_PART_KEYS, PART_KEYS, SCOPES, Genre, PartDef, Profiles,  # noqa: F401
                       detect_genre, load_profiles, shipped_profiles)


@dataclass
class OutlineItem:
    kind: str          # title | part | heading
    text: str
    start: int
    end: int
    level: int = 0
    section: str | None = None
    missing: bool = False


@dataclass
class StructureResult:
    genre: str | None
    reason: str
    findings: list[Finding]
    outline: list[OutlineItem]
    parts: dict[str, tuple[int, int]]


def _merge_missing(own: list[Finding], extra: list[Finding]) -> list[Finding]:
    """One finding per missing part; a reference's warning replaces the profile's info."""
    by_section = {f.section: f for f in own}
    out = list(own)
    for f in extra:
        mine = by_section.get(f.section) if f.section in by_section else None
        if mine is not None and f.rule == "structure.reference-part":
            if mine.severity == "info":
                out[out.index(mine)] = f
            continue
        out.append(f)
    return out


_RUN_IN = re.compile(r"[^。！？\n]{4,24}[。！？]")


def _headings(text, paragraphs, markers) -> list[OutlineItem]:
    """Headings for the outline: numbered ones (一、 （一） 1. （1）, 一是/第一 opening a
    paragraph), .docx heading styles, outline levels and short bold lines, and run-in
    headings -- short first sentences that open several paragraphs in parallel
    (做好加法，…。 做好减法，…。)."""
    has_h1 = any(m.kind == "h1" for m in markers)
    out = []
    seen_paras = set()
    for m in markers:
        if m.kind.startswith("h"):
            level = int(m.kind[1])
        elif m.at_start and m.kind in ("shi", "di"):
            level = 2 if has_h1 else 1
        else:
            continue
        p = paragraphs[m.para]
        seen_paras.add(m.para)
        out.append(OutlineItem("heading", _label(text, m.start, p.end), m.start, p.end, level))
    for i, p in enumerate(paragraphs[1:], 1):
        if i in seen_paras or p.start == p.end:
            continue
        line = text[p.start:p.end].strip()
        styled = p.level is not None and 1 <= p.level <= 4
        bold = p.bold and len(line) <= 30 and not line.endswith(("。", "；"))
        if (styled or bold) and line:
            seen_paras.add(i)
            out.append(OutlineItem("heading", _label(text, p.start, p.end), p.start, p.end, p.level or 1))
    openers: dict[str, list[tuple[int, int, int]]] = {}
    for i, p in enumerate(paragraphs[1:], 1):
        if i in seen_paras:
            continue
        s = p.start
        while s < p.end and text[s].isspace():
            s += 1
        m = _RUN_IN.match(text, s, p.end)
        if m and p.end - m.end() > 2 * (m.end() - s):
            openers.setdefault(text[s:s + 2], []).append((s, m.end() - 1, p.end))
    level = 2 if has_h1 else 1
    for group in openers.values():
        if len(group) >= 2:  # parallel openings: 做好加法/做好减法, 强化政治引领/强化组织基础
            out.extend(OutlineItem("heading", text[s:e], s, pe, level) for s, e, pe in group)
    out.sort(key=lambda o: o.start)
    return out


def _label(text, start, end) -> str:
    for stop in "。；！？":
        k = text.find(stop, start, end)
        if 0 <= k < end:
            end = k
    return text[start:min(end, start + 40)].strip()


def analyse_structure(document, ctx, options) -> StructureResult:
    text = ctx.text if ctx else document.text
    paragraphs = ctx.paragraphs if ctx else document.paragraphs
    junk = ctx.junk if ctx else []
    profiles = options.profiles or shipped_profiles()
    lo, hi = _real_span(text, paragraphs, junk)
    tspan = _title_span(text, paragraphs, junk, profiles)
    tp = title_paragraph(text, paragraphs, junk)
    title = text[tspan[0]:tspan[1]] if tspan else ""
    all_markers = ctx.markers() if ctx else find_markers(text, paragraphs, junk)
    if options.genre:
        if options.genre not in profiles.genres:
            raise ValueError(f"未知的文种“{options.genre}”，可用：{', '.join(sorted(profiles.genres))}")
        gid = options.genre
        reason = "按指定文种检查" if profiles.genres[gid].contract_id == gid else \
            f"按指定文种“{profiles.genres[gid].name}”检查"
    else:
        first = text[tp[1]:tp[2]] if tp else ""
        if not tspan and first and not _salutation_line(first, profiles):
            # a long first line that carries the title (title and text in one line): up to
            # its first stop, so that no word of the text names the genre
            title = re.split(r"[，,。：:；;！!？?]", first, maxsplit=1)[0]
        body_from = tspan[1] if tspan else lo
        head = text[body_from:min(hi, body_from + 300)]
        sal = first if tp and not tspan and _salutation_line(first, profiles) else ""
        gid, reason = detect_genre(title[:80], head, profiles, _title_lines(text, paragraphs, junk, lo), sal)
    genre = gid and profiles.genres[gid]
    findings: list[Finding] = []
    outline: list[OutlineItem] = []
    parts: dict[str, tuple[int, int]] = {}
    if tspan:
        outline.append(OutlineItem("title", text[tspan[0]:tspan[1]], tspan[0], tspan[1], 0, "title"))
    headings = _headings(text, paragraphs, all_markers)
    cut = _cut_off(text, lo, hi)
    if cut is None and _ends_on_heading(text, paragraphs, junk, lo, hi):
        s = max(text.rfind("\n", lo, hi) + 1, lo)
        cut = Cut("heading", s, hi, text[s:hi].strip()[-16:])
    placed = False
    anchors = {"start": lo, "end": hi}
    closing_reported = False
    if genre:
        ids = [pid for pid, _ in genre.parts]
        parts, anchors = detect_parts(text, paragraphs, junk, profiles, ids, all_markers, genre)
        for pid, required in genre.parts:
            if pid == "title":
                continue
            pdef = profiles.parts[pid]
            message = genre.messages.get(pid, pdef.message)
            if pid in parts:
                s, e = parts[pid]
                outline.append(OutlineItem("part", pdef.name, s, e, 0, pid))
            else:
                at = anchors["end"] if pdef.anchor == "end" else anchors["start"]
                start = end = at
                customary, variant, extra = not required, None, {}
                if pid == "closing" and cut is not None:  # the ending was lost when the draft was cut off
                    customary, extra = False, {"tail": cut.tail}
                    variant = "cut-sentence" if cut.kind == "sentence" else "cut-heading"
                    if cut.kind == "sentence":
                        start, end = cut.start, cut.end
                    closing_reported = True
                elif pid == "closing":
                    variant, extra = "unfinished", {"last_words": _last_words(text, lo, hi)}
                elif pdef.late and cut is not None and cut.kind == "sentence":
                    customary, variant, extra = False, "late-cut", {"tail": cut.tail}
                findings.append(raw("missing-part", "missing_section", start, end, text[start:end], pid,
                                    customary=customary, variant=variant, part=pdef.name, part_message=message,
                                    **extra))
                outline.append(OutlineItem("part", pdef.name, at, at, 0, pid, missing=True))
            if pid in ("body", "tasks", "achievements") and not placed:
                outline.extend(headings)
                placed = True
    if not placed:
        outline.extend(headings)
    if genre and options.references and not options.without_jieba:
        from .references import compare  # jieba and the loaders: only when there are references

        comp = compare(text, paragraphs, parts, list(options.references), profiles, [p for p, _ in genre.parts],
                       anchors)
        findings = _merge_missing(findings, comp.findings)
        present = {o.section for o in outline if o.kind == "part" and not o.missing}
        for f in comp.findings:
            if f.section in profiles.parts and f.section not in present and not any(
                    o.section == f.section for o in outline):
                outline.append(OutlineItem("part", profiles.parts[f.section].name, f.start, f.start, 0,
                                           f.section, missing=True))
    if not closing_reported:
        trunc = _truncated(text, paragraphs, junk)
        if trunc:
            findings.append(trunc)
    # The contract's genre id (政府工作报告 and 表态发言 are checked by their own profiles but
    # delivered as report_speech); the reason names the profile used.
    return StructureResult(genre.contract_id if genre else None, reason, findings, outline, parts)
