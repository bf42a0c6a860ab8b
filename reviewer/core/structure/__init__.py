"""Structure: genre profiles, part detection, missing parts, cut-off text, the outline.

``analyse_structure`` gives the genre (and why), the outline and the structure
findings; their severity and message come from rules/structure/*.yaml (a ``structure``
rule per check, rules/structure_kind.py), applied by the engine.  The pieces:
profiles.py (genre profiles, genre choice), parts.py (title, parts), cutoff.py
(text cut off), references.py (the user's reference documents)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, islice, repeat
from operator import attrgetter, ne

from ..findings import Finding
from .cutoff import Cut, _cut_off, _own_ending, _ends_on_heading, _hidden, _last_words, _lone_section, _previewed, _truncated  # noqa: F401
from .cutoff import (_ARRANGING, _FIRST_SECTION, _REVIEWED, _bare_tail, _beyond_mentions, _followed, _mentioned,
                     _safeguard_mention, _unfinished_tail)
from .duplicates.paragraph_text import title_paragraph
from .duplicates.splice import layout, unchanged
from .found import raw
from .numbering.markers import context_markers, find_markers
from .genre_lines import TITLE_SIZED, _junk_lines_below, _junk_title_lines, _title_lines  # noqa: F401
from .parts import (_MARKER_START, _real_span, _salutation_below,  # noqa: F401
                    _salutation_line, _salutation_opening, _title_span,  # noqa: F401
                    detect_parts)
from .profiles import (GENRE_KEYS, GENRE_PART_KEYS, PART_KEYS, SCOPES, Genre, PartDef, Profiles,  # noqa: F401
                       OF_SPEECHES_REASON, detect_genre, load_profiles, news_lead, shipped_profiles, voice_genre)
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


@dataclass(slots=True)  # thousands per review of a long draft
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


_HEADING_LEVELS = {f"h{level}": level for level in range(1, 10)}
_RUN_IN = compile_cached(r"[^。！？\n]{4,24}[。！？]")
_START = attrgetter("start")
_PARA = attrgetter("para")
_FLAGS = attrgetter("bold", "level")
_BOLD = attrgetter("bold")
_LEVEL = attrgetter("level")
_PLAIN = (False, None)  # a paragraph neither bold nor styled


def _headings(text, paragraphs, markers, junk=(), memo: dict | None = None, reuse=False,
              splice=None) -> list[OutlineItem]:
    """Headings for the outline: numbered ones (一、 （一） 1. （1）, 一是/第一 opening a
    paragraph), .docx heading styles, outline levels and short bold lines, and run-in
    headings -- short first sentences that open several paragraphs in parallel
    (做好加法，…。 做好减法，…。).  ``memo``: Context.memo, for the headings of markers and
    _run_ins(); ``reuse``: whether headings may be the previous call's; ``splice``: how
    find_markers() made ``markers`` from its previous list (numbering/markers.Splice)."""
    has_h1 = any(m.kind == "h1" for m in markers)
    per = _marker_items(text, paragraphs, markers, has_h1, memo if reuse else None, splice)
    if memo is not None:
        memo["marker_items"] = (markers, per, has_h1) if reuse else None
    out = list(filter(None, per))
    seen_paras = set(map(_PARA, compress(markers, per)))
    # styled or bold paragraphs (a .docx's; a .txt has none): found without a loop in Python,
    # in one pass (any paragraph not plain is looked at; the loop asks again what it is)
    # (most drafts have none: a .txt's paragraphs are all plain, asked of each in two C passes)
    if any(map(_BOLD, paragraphs)) or list(map(_LEVEL, paragraphs)).count(None) != len(paragraphs):
        flagged = compress(range(len(paragraphs)), map(ne, map(_FLAGS, paragraphs), repeat(_PLAIN)))
    else:
        flagged = ()
    for i in flagged:
        p = paragraphs[i]
        styled = p.level is not None and 1 <= p.level <= 4
        if not i or i in seen_paras or p.start == p.end:
            continue
        line = text[p.start:p.end].strip()
        bold = p.bold and len(line) <= 30 and not line.endswith(("。", "；"))
        if (styled or bold) and line:
            seen_paras.add(i)
            out.append(OutlineItem("heading", _label(text, p.start, p.end), p.start, p.end, p.level or 1))
    openers: dict[str, list[tuple[int, int, int]]] = {}
    for i, got in _run_ins(text, paragraphs, junk, memo):
        if i and i not in seen_paras:
            s = paragraphs[i].start + got[0]
            openers.setdefault(text[s:s + 2], []).append((s, paragraphs[i].start + got[1], paragraphs[i].end))
    level = 2 if has_h1 else 1
    for group in openers.values():
        if len(group) >= 2:  # parallel openings: 做好加法/做好减法, 强化政治引领/强化组织基础
            out.extend(OutlineItem("heading", text[s:e], s, pe, level) for s, e, pe in group)
    out.sort(key=_START)
    return out


def _marker_item(text, paragraphs, m, enum_level) -> OutlineItem | None:
    """The outline's heading for marker ``m``, or None when it makes none."""
    kind = m.kind
    level = _HEADING_LEVELS.get(kind)  # h1 … h5: the number after h
    if level is None:
        if kind != "shi" and kind != "di" or not m.at_start:
            return None
        level = enum_level
    end = paragraphs[m.para].end
    return OutlineItem("heading", _known_label(text, m.start, end), m.start, end, level)


def _marker_items(text, paragraphs, markers, has_h1: bool, memo: dict | None, splice) -> list:
    """_marker_item() of each marker (a list beside ``markers``).  While a draft is edited
    (``memo``: the previous call's markers and items) and find_markers() made its list from
    the one of that call (``splice``): the markers before the edit keep their items (the same
    paragraphs, the same text), those found again get theirs made, and those after the edit,
    moved in place, get copies of theirs at their new place (the report on screen holds the
    old items) -- not one item made again for each of the thousands of headings of a long
    draft on every edit."""
    enum_level = 2 if has_h1 else 1
    prev = memo.get("marker_items") if memo is not None else None
    if prev is None or splice is None or splice.new is not markers or splice.old is not prev[0] \
            or prev[2] != has_h1 or len(prev[1]) != len(splice.old):
        return [_marker_item(text, paragraphs, m, enum_level) for m in markers]
    old_per = prev[1]
    k0, k1 = splice.k0, splice.k1
    mid_end = len(markers) - (len(old_per) - k1)
    per = old_per[:k0]
    per.extend(_marker_item(text, paragraphs, markers[i], enum_level) for i in range(k0, mid_end))
    for m, item in zip(islice(markers, mid_end, None), islice(old_per, k1, None)):
        if item is not None:
            end = paragraphs[m.para].end
            if item.start != m.start or item.end != end:
                item = OutlineItem(item.kind, item.text, m.start, end, item.level, item.section, item.missing)
        per.append(item)
    return per


def _run_in(para: str) -> tuple[int, int] | None:
    """Where a paragraph's short first sentence starts and where its stop is, when the
    paragraph goes on for more than twice as long after it."""
    s = len(para) - len(para.lstrip())
    m = _RUN_IN.match(para, s)
    if m and len(para) - m.end() > 2 * (m.end() - s):
        return s, m.end() - 1
    return None


def _run_ins(text, paragraphs, junk, memo: dict | None) -> list[tuple[int, tuple[int, int]]]:
    """(paragraph index, _run_in()) of the paragraphs that open with a run-in sentence.  The
    call is kept in ``memo`` (Context.memo) for the next one: an edit then looks at the
    paragraphs it changed only (duplicates/splice.py)."""
    prev = memo.get("previous") if memo is not None else None
    now = layout(text, paragraphs, junk) if memo is not None else None
    kept = unchanged(prev[0], now) if prev is not None else None
    lo, hi = (0, len(paragraphs)) if kept is None else (kept[0], kept[2])
    mid = [_run_in(text[p.start:p.end]) for p in paragraphs[lo:hi]]
    found = mid if kept is None else prev[1][:kept[0]] + mid + prev[1][kept[1]:]
    if memo is not None:
        memo["previous"] = (now, found)
    return [(i, found[i]) for i in compress(range(len(found)), found)]


_LABEL_STOP = compile_cached("[。；！？]")
_LABELS: dict[str, str] = {}  # a heading's first 40 characters -> _label() of them


def _known_label(text, start, end) -> str:
    """_label(), looked up by the heading's first 40 characters (a marker after an edit)."""
    piece = text[start:min(end, start + 40)]
    got = _LABELS.get(piece)
    if got is None:
        if len(_LABELS) > 200_000:
            _LABELS.clear()
        got = _LABELS[piece] = _label(piece, 0, len(piece))
    return got


def _label(text, start, end) -> str:
    """A heading's words: up to its first stop, at most 40 characters."""
    end = min(end, start + 40)
    m = _LABEL_STOP.search(text, start, end)
    return text[start:m.start() if m else end].strip()


_COUNT = compile_cached(r"(\d+)[ \t]*个?字")
_FAR_SALUTATION = 20  # real lines searched for a speech's salutation under a site's outline
_HIDDEN_BODY = 500  # characters a site hid inside the draft: the body is not all there
# how far past the title an excerpt's or a transcript's note may stand (编者按 …, (根据录音整理))
_EXCERPT_HEAD = 300
_TOP_HEADING = compile_cached(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|第[一二三四五六七八九十]+[章节部分])")


def analyse_structure(document, ctx, options) -> StructureResult:
    text = ctx.text if ctx else document.text
    paragraphs = ctx.paragraphs if ctx else document.paragraphs
    junk = ctx.junk if ctx else []
    profiles = options.profiles or shipped_profiles()
    lo, hi = _real_span(text, paragraphs, junk)
    tspan = _title_span(text, paragraphs, junk, profiles)
    tp = title_paragraph(text, paragraphs, junk)
    title = text[tspan[0]:tspan[1]] if tspan else ""
    all_markers = context_markers(ctx) if ctx else find_markers(text, paragraphs, junk)
    news = False  # (a news item's lead opens the text, news.py: no parts to ask of it)
    if options.genre:
        if options.genre not in profiles.genres:
            raise ValueError(f"未知的文种“{options.genre}”，可用：{', '.join(sorted(profiles.genres))}")
        gid = options.genre
        reason = "按指定文种检查" if profiles.genres[gid].contract_id == gid else \
            f"按指定文种“{profiles.genres[gid].name}”检查"
    else:
        first = text[tp[1]:tp[2]] if tp else ""
        if not tspan and first and not _salutation_line(first, profiles):
            # a long first line that carries the title (title and text in one line): up to its first stop or
            # bracket (调研报告6篇 【篇1】 根据……), no word of the text naming the genre; none in a news lead
            title = "" if news_lead(first) else re.split(r"(?<=.)[【\[]|[，,。：:；;！!？?]", first.strip(), maxsplit=1)[0]
        body_from = tspan[1] if tspan else lo
        head = text[body_from:min(hi, body_from + 300)]
        sal = first if tp and not tspan and _salutation_line(first, profiles) else ""
        if tp and not sal and not tspan:
            sal = _salutation_opening(first, profiles)  # 尊敬的各位老师，大家下午好！时光荏苒……
        if not sal and (tspan or tp):  # (detect_genre asks for it only when nothing else names the genre)
            sal = _salutation_below(text, paragraphs, junk, profiles, tspan[1] if tspan else tp[1])
        site_titles = _junk_title_lines(text, paragraphs, lo)
        if tp and tp[2] < paragraphs[tp[0]].end <= tp[1] + TITLE_SIZED:
            # the first line's end is junk (……有感篇二:, ……实施方案1: a piece's number that took
            # the genre's word into its finding): read whole, as the site's title
            site_titles.append(text[tp[1]:paragraphs[tp[0]].end].strip())
        # last, the site's title lines it repeated inside the text's top (……工作总结范文 under a
        # slogan line that took the title's place)
        site_titles.extend(_junk_lines_below(text, paragraphs, junk, lo))
        gid, reason = detect_genre(title[:80], head, profiles, _title_lines(text, paragraphs, junk, lo), sal,
                                   site_titles)
        news = bool(news_lead(head))
        if gid is None and "leader_speech" in profiles.genres and not news and reason != OF_SPEECHES_REASON:
            # no title, no cue: a salutation further down, under an outline a site put above the speech
            # (目录/提纲：…… and the headings, then 同志们：), makes it a speech still -- not one after
            # sentences of the text (a letter quoted in a summary)
            far = _salutation_below(text, paragraphs, junk, profiles, lo, limit=_FAR_SALUTATION, outline=True)
            if far:
                gid, reason = "leader_speech", f"没有标题，正文前部有称谓“{far[:12]}”，按“讲话”检查"
    genre = gid and profiles.genres[gid]
    findings: list[Finding] = []
    outline: list[OutlineItem] = []
    parts: dict[str, tuple[int, int]] = {}
    if tspan:
        outline.append(OutlineItem("title", text[tspan[0]:tspan[1]], tspan[0], tspan[1], 0, "title"))
    headings = _headings(text, paragraphs, all_markers, junk, ctx.memo("structure.headings") if ctx else None,
                         reuse=ctx is not None and ctx.source is ctx.text,
                         splice=ctx.memo("markers").get("splice") if ctx else None)
    cut = _cut_off(text, lo, hi)
    if cut is None and _ends_on_heading(text, paragraphs, junk, lo, hi):
        s = max(text.rfind("\n", lo, hi) + 1, lo)
        cut = Cut("heading", s, hi, text[s:hi].strip()[-16:])
    voiced = False
    if genre is None and not options.genre and not news and cut is not None and cut.kind == "sentence":
        # nothing placed the draft (nor is it a news item) and it breaks off in mid-sentence: the genre it
        # talks like (a reflection's 我, a speech's 同志们) names the parts lost with its end -- only those
        genre = voice_genre(text, lo, hi, profiles)
        if genre is not None:
            gid, voiced = genre.id, True
            reason = (f"{'标题未指明文种' if tspan else '没有标题'}，文稿在中途截断；从行文看像“{genre.name}”，"
                      "只报告随截断丢失的部分")
    hid = ((_hidden(text, junk, lo, hi) or _previewed(text, junk, lo, hi)) if junk else None) or _lone_section(text, lo, hi, junk)
    if cut is None:
        cut = hid  # the site hid a stretch: what it held is lost
    # a long stretch hidden with the text going on after it (此处隐藏4810个字。VIP会员可见): the
    # body itself lacks that much, whatever else the draft has
    said = _COUNT.search(text, hid.start, hid.end) if hid is not None else None
    hid_count = int(said.group(1)) if said else 0
    placed = False
    anchors = {"start": lo, "end": hi}
    closing_reported = False
    if genre:
        ids = [pid for pid, _ in genre.parts]
        parts, anchors = detect_parts(text, paragraphs, junk, profiles, ids, all_markers, genre)
        if cut is not None and "closing" in parts and parts["closing"][0] < cut.start and not _own_ending(cut, text, parts["closing"][0], hi):
            # a closing cue above the line where the draft breaks off (……新篇章提供坚强保障。
            # 一、肯定成绩，总结经验，进一步) was not the ending: the ending was lost with the rest
            del parts["closing"]
        if hid_count >= _HIDDEN_BODY and hi - hid.end >= 50:
            parts.pop("body", None)
        # (a draft that stops on a numbered item's heading inside a section -- （三）大力配合开展好安全生
        # -- lost the rest of that section and those after it; one that stops on a top-level
        # heading -- 四、活动总结 -- may have left its last section empty)
        # (a summary, a speech or a reflection that stops on a top-level heading -- 二、交通危险 --
        # lost that section's content and what came after it; only a plan may leave its last
        # section a bare heading)
        cut_short = cut is not None and (cut.kind in ("sentence", "list", "preview", "counted") or cut.kind == "heading"
                                         and (not _TOP_HEADING.match(text, cut.start) or genre.contract_id != "plan"))
        reached: dict[str, tuple[int, int]] = {}  # late parts whose heading the draft reached before the cut
        final = next((pid for pid, _ in reversed(genre.parts) if profiles.parts[pid].late), None)
        if cut_short and cut.kind != "preview" and final not in (None, "closing") and final in parts \
                and parts[final][0] < cut.start:
            # the genre's last part (a plan's requirements, a summary's next steps) begun and the
            # draft broken off inside it (五、活动要求⏎1、……⏎2、各校要结合实际制订具): what it held is
            # lost with the rest, as a speech's ending is
            reached[final] = parts.pop(final)
        if cut_short:
            for pid in [pid for pid, (s, e) in parts.items() if profiles.parts[pid].late and pid != "closing"
                        and (_bare_tail(text, e, hi) or _unfinished_tail(text, e, hi))]:
                # a late part's heading with the draft broken off right under it (十、有关要求：⏎1、遵守),
                # or inside the part's first sentence (下一步工作打算⏎我单位将以此为契机，挖掘增收节支潜):
                # its content was lost with the rest
                reached[pid] = parts.pop(pid)
            for pid in [pid for pid in parts if pid in _REVIEWED or pid == "safeguards"]:
                # a late part's cue read only where the draft mentions it -- in its introduction,
                # above its first section (为下一步开展……打好基础), or run into an item's sentence
                # (说明活动规则及注意事项。) -- and the draft broken off before the part came
                mention = _mentioned if pid in _REVIEWED else _safeguard_mention
                cues = list(profiles.parts[pid].cues) + list(genre.extra_cues.get(pid, []))
                got = _beyond_mentions(text, parts[pid], cues, lo, cut.start, mention)
                if got is None:
                    del parts[pid]
                else:
                    parts[pid] = got
        # cut off inside its numbered sections (a heading above the cut, at a line's start or run into
        # a line), none of them arranging the work (cutoff._ARRANGING: 一、指导思想 二、活动主题, cut there):
        # the parts after the opening were never reached (no numbered sections says nothing of where)
        sectioned = cut_short and _FIRST_SECTION.search(text, lo, cut.start) and not _ARRANGING.search(text, lo, cut.start)
        # an excerpt or a transcript (……发言摘登, 根据录音整理, in the title or the first lines): its
        # missing parts are the editor's cuts; only its ending lost in mid-sentence is reported
        excerpt = any(c.search(text, lo, min(hi, _EXCERPT_HEAD + (tspan[1] if tspan else lo)))
                      for c in profiles.excerpt)
        for pid, required in genre.parts:
            if pid == "title":
                continue
            pdef = profiles.parts[pid]
            message = genre.messages.get(pid, pdef.message)
            if pid in parts:
                s, e = parts[pid]
                outline.append(OutlineItem("part", pdef.name, s, e, 0, pid))
            elif excerpt and not (pid == "closing" and cut is not None):
                continue
            else:
                at = anchors["end"] if pdef.anchor == "end" else anchors["start"]
                start = end = at
                customary, variant, extra = not required, None, {}
                if pid == "closing" and cut is not None:  # the ending was lost when the draft was cut off
                    customary, extra = False, {"tail": cut.tail}
                    variant = {"sentence": "cut-sentence", "list": "cut-list", "heading": "cut-heading"}.get(cut.kind, "cut-sentence")
                    if cut.kind == "sentence":
                        start, end = cut.start, cut.end
                    closing_reported = True
                elif pid == "closing":
                    variant, extra = "unfinished", {"last_words": _last_words(text, lo, hi)}
                elif pid == "body" and hid_count >= _HIDDEN_BODY:
                    customary, variant, extra = False, "hidden", {"count": str(hid_count)}
                elif cut_short and (pdef.late and not _followed(pid, ids, {**parts, **reached}) or pdef.after_opening and sectioned):
                    customary, variant, extra = False, "late-cut", {"tail": cut.tail}
                if voiced and variant not in ("cut-sentence", "late-cut"):
                    continue  # (a genre guessed from the voice: only what the cut took)
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
