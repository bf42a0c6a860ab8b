"""Structure: genre profiles, part detection, missing parts and the outline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..rules.loader import RuleLoadError, read_yaml
from .duplicates import title_paragraph
from .numbering import find_markers

PART_KEYS = {"id", "name", "message", "anchor", "scope", "cues", "builtin"}
GENRE_KEYS = {"id", "name", "title_cues", "priority", "parts", "description"}
GENRE_PART_KEYS = {"id", "required"}
SCOPES = ("head", "tail", "anywhere")


@dataclass
class PartDef:
    id: str
    name: str
    message: str
    anchor: str = "start"
    scope: str = "anywhere"
    cues: list = field(default_factory=list)
    builtin: str | None = None


@dataclass
class Genre:
    id: str
    name: str
    title_cues: list[str]
    priority: int
    parts: list[tuple[str, bool]]  # (part id, required)


@dataclass
class Profiles:
    parts: dict[str, PartDef]
    genres: dict[str, Genre]


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


def _check_keys(spec, allowed, path, what):
    if not isinstance(spec, dict):
        raise RuleLoadError(path, f"{what} 必须是键值对")
    for k in spec:
        if k not in allowed:
            raise RuleLoadError(path, f"未知的键“{k}”", spec.get("id"), str(k))


def load_profiles(directory: Path | None = None) -> Profiles:
    from ..rules.loader import default_rules_dir

    directory = Path(directory) if directory else default_rules_dir() / "genres"
    parts_file = directory / "parts.yaml"
    raw = read_yaml(parts_file)
    if not isinstance(raw, dict) or not isinstance(raw.get("parts"), list):
        raise RuleLoadError(parts_file, "需要 parts 列表")
    parts = {}
    for spec in raw["parts"]:
        _check_keys(spec, PART_KEYS, parts_file, "part")
        for key in ("id", "name", "message"):
            if not isinstance(spec.get(key), str):
                raise RuleLoadError(parts_file, f"缺少“{key}”", spec.get("id"), key)
        if spec.get("scope", "anywhere") not in SCOPES:
            raise RuleLoadError(parts_file, f"scope 必须是 {'/'.join(SCOPES)} 之一", spec["id"], "scope")
        try:
            cues = [re.compile(c) for c in spec.get("cues", [])]
        except re.error as e:
            raise RuleLoadError(parts_file, f"正则表达式有误：{e}", spec["id"], "cues") from e
        if spec["id"] in parts:
            raise RuleLoadError(parts_file, f"部分 id “{spec['id']}”重复", spec["id"], "id")
        parts[spec["id"]] = PartDef(spec["id"], spec["name"], spec["message"], spec.get("anchor", "start"),
                                    spec.get("scope", "anywhere"), cues, spec.get("builtin"))
    genres = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "parts.yaml":
            continue
        spec = read_yaml(path)
        _check_keys(spec, GENRE_KEYS, path, "genre")
        gid = spec.get("id")
        if gid != path.stem:
            raise RuleLoadError(path, f"id “{gid}”与文件名不一致", gid, "id")
        if gid in genres:
            raise RuleLoadError(path, f"文种 id “{gid}”重复", gid, "id")
        plist = []
        for item in spec.get("parts", []):
            _check_keys(item, GENRE_PART_KEYS, path, "parts 项")
            if item.get("id") not in parts:
                raise RuleLoadError(path, f"未定义的部分“{item.get('id')}”（见 parts.yaml）", gid, "parts")
            plist.append((item["id"], bool(item.get("required", False))))
        genres[gid] = Genre(gid, spec.get("name", gid), list(spec.get("title_cues", [])),
                            int(spec.get("priority", 0)), plist)
    return Profiles(parts, genres)


_PROFILES: Profiles | None = None


def shipped_profiles() -> Profiles:
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = load_profiles()
    return _PROFILES


def detect_genre(title: str, head: str, profiles: Profiles) -> tuple[str | None, str]:
    for where, text in (("标题", title), ("开头", head)):
        best = None
        for g in sorted(profiles.genres.values(), key=lambda g: -g.priority):
            for cue in g.title_cues:
                if cue in text:
                    best = (g, cue)
                    break
            if best:
                break
        if best:
            g, cue = best
            return g.id, f"{where}含“{cue}”，按“{g.name}”检查"
    return None, "未能从标题判断文种，未检查缺少的部分"


def _real_span(text, paragraphs, junk) -> tuple[int, int]:
    """First and last offsets of text that is not website junk."""
    def junky(i):
        return any(s <= i < e for s, e in junk)
    lo, hi = 0, len(text)
    while lo < hi and (text[lo].isspace() or junky(lo)):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or junky(hi - 1)):
        hi -= 1
    return lo, hi


def detect_parts(text, paragraphs, junk, profiles: Profiles, part_ids, markers=None) -> tuple[dict, dict]:
    """part id -> (start, end) where found; and the anchors for those that are not."""
    found: dict[str, tuple[int, int]] = {}
    lo, hi = _real_span(text, paragraphs, junk)
    tp = title_paragraph(text, paragraphs, junk)
    title_end = lo
    if tp:
        _, ts, te = tp
        line = text[ts:te]
        if len(line) <= 80 and not line.endswith(("。", "；", "！")):
            found["title"] = (ts, te)
            title_end = te
    head_end = min(hi, title_end + 400)
    tail_start = max(title_end, hi - 300)
    if markers is None:
        markers = find_markers(text, paragraphs, junk)
    markers = [m for m in markers if m.kind.startswith("h") or m.at_start]
    for pid in part_ids:
        pdef = profiles.parts[pid]
        if pdef.builtin == "title":
            continue
        if pdef.builtin == "body":
            if hi - title_end >= 150:
                found[pid] = (title_end, hi)
            continue
        if pdef.builtin == "opening":
            first = next((m.start for m in markers if m.start > title_end), hi)
            if first - title_end >= 30:
                found[pid] = (title_end, first)
            continue
        lo_s, hi_s = {"head": (title_end, head_end), "tail": (tail_start, hi), "anywhere": (title_end, hi)}[pdef.scope]
        for cue in pdef.cues:
            m = cue.search(text, lo_s, hi_s)
            if m and not any(s <= m.start() < e for s, e in junk):
                found[pid] = m.span()
                break
    anchors = {"start": title_end + (1 if title_end < len(text) and text[title_end:title_end + 1] == "\n" else 0),
               "end": hi}
    return found, anchors


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


_ENDS = "。！？!?…”’）)」』.；;：:"


def _truncated(text, paragraphs, junk) -> Finding | None:
    """The body stops mid-sentence: typical of a draft copied from a preview page."""
    lo, hi = _real_span(text, paragraphs, junk)
    if hi <= lo or text[hi - 1] in _ENDS:
        return None
    start = max(text.rfind("\n", lo, hi) + 1, lo)
    last = text[start:hi]
    if len(last) < 20 or "，" not in last and "," not in last:
        return None  # a signature, a date or a heading may end a draft without a full stop
    tail = max(last.rfind(c) for c in "。！？；，,") + 1
    begin = start + tail if start + tail < hi else max(start, hi - 10)
    return Finding("structure.truncated", "truncated", "warning", begin, hi, text[begin:hi],
                   "正文在句子中间结束，可能是从网页预览复制的不完整文稿，请核对结尾。", None, "body")


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
    tp = title_paragraph(text, paragraphs, junk)
    title = text[tp[1]:tp[2]] if tp else ""
    lo, hi = _real_span(text, paragraphs, junk)
    all_markers = ctx.markers() if ctx else find_markers(text, paragraphs, junk)
    if options.genre:
        if options.genre not in profiles.genres:
            raise ValueError(f"未知的文种“{options.genre}”，可用：{', '.join(sorted(profiles.genres))}")
        genre, reason = options.genre, "按指定文种检查"
    else:
        genre, reason = detect_genre(title[:80], text[lo:lo + 200], profiles)
    findings: list[Finding] = []
    outline: list[OutlineItem] = []
    parts: dict[str, tuple[int, int]] = {}
    if tp:
        outline.append(OutlineItem("title", title, tp[1], tp[2], 0, "title"))
    headings = _headings(text, paragraphs, all_markers)
    placed = False
    if genre:
        g = profiles.genres[genre]
        ids = [pid for pid, _ in g.parts]
        parts, anchors = detect_parts(text, paragraphs, junk, profiles, ids, all_markers)
        for pid, required in g.parts:
            if pid == "title":
                continue
            pdef = profiles.parts[pid]
            if pid in parts:
                s, e = parts[pid]
                outline.append(OutlineItem("part", pdef.name, s, e, 0, pid))
            else:
                at = anchors["end"] if pdef.anchor == "end" else anchors["start"]
                findings.append(Finding("structure.missing-part", "missing_section",
                                        "warning" if required else "info", at, at, "", pdef.message, None,
                                        "body", section=pid))
                outline.append(OutlineItem("part", pdef.name, at, at, 0, pid, missing=True))
            if pid in ("body", "tasks", "achievements") and not placed:
                outline.extend(headings)
                placed = True
    if not placed:
        outline.extend(headings)
    if genre and options.references and not options.without_jieba:
        from .references import compare

        g = profiles.genres[genre]
        comp = compare(text, paragraphs, parts, list(options.references), profiles, [p for p, _ in g.parts], anchors)
        findings = _merge_missing(findings, comp.findings)
        present = {o.section for o in outline if o.kind == "part" and not o.missing}
        for f in comp.findings:
            if f.section in profiles.parts and f.section not in present and not any(
                    o.section == f.section for o in outline):
                outline.append(OutlineItem("part", profiles.parts[f.section].name, f.start, f.start, 0,
                                           f.section, missing=True))
    cut = _truncated(text, paragraphs, junk)
    if cut:
        findings.append(cut)
    return StructureResult(genre, reason, findings, outline, parts)
