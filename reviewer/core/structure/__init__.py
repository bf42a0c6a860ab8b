"""Structure: genre profiles, part detection, missing parts and the outline."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..spans import merge_spans
from ..rules.loader import RuleLoadError, read_yaml
from .duplicates import title_paragraph
from .numbering import find_markers

PART_KEYS = {"id", "name", "message", "anchor", "scope", "cues", "builtin", "late", "title_cues"}
GENRE_KEYS = {"id", "name", "title_cues", "head_cues", "priority", "parts", "description", "genre"}
GENRE_PART_KEYS = {"id", "required", "cues", "title_cues", "message"}
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
    late: bool = False                 # comes late in a draft: lost when the draft is cut off
    title_cues: list = field(default_factory=list)  # also found in the title (2024年…计划: the period)


@dataclass
class Genre:
    id: str
    name: str
    title_cues: list            # compiled; matched against title-like lines
    priority: int
    parts: list[tuple[str, bool]]  # (part id, required)
    head_cues: list = field(default_factory=list)    # compiled; the first lines of the body
    reports_as: str | None = None                     # the contract's genre id (gov_report -> report_speech)
    extra_cues: dict = field(default_factory=dict)    # part id -> compiled cues of this genre
    messages: dict = field(default_factory=dict)      # part id -> this genre's message
    extra_title_cues: dict = field(default_factory=dict)  # part id -> compiled cues looked for in the title

    @property
    def contract_id(self) -> str:
        return self.reports_as or self.id


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


def _compile(path, owner, key, cues) -> list:
    if cues is None:
        return []
    if not isinstance(cues, list):
        raise RuleLoadError(path, f"{key} 必须是列表", owner, key)
    try:
        return [re.compile(str(c), re.M) for c in cues]
    except re.error as e:
        raise RuleLoadError(path, f"正则表达式有误：{e}", owner, key) from e


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
        cues = _compile(parts_file, spec["id"], "cues", spec.get("cues", []))
        tcues = _compile(parts_file, spec["id"], "title_cues", spec.get("title_cues", []))
        if spec["id"] in parts:
            raise RuleLoadError(parts_file, f"部分 id “{spec['id']}”重复", spec["id"], "id")
        parts[spec["id"]] = PartDef(spec["id"], spec["name"], spec["message"], spec.get("anchor", "start"),
                                    spec.get("scope", "anywhere"), cues, spec.get("builtin"),
                                    bool(spec.get("late", False)), tcues)
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
        plist, extra, extra_title, messages = [], {}, {}, {}
        for item in spec.get("parts", []):
            _check_keys(item, GENRE_PART_KEYS, path, "parts 项")
            pid = item.get("id")
            if pid not in parts:
                raise RuleLoadError(path, f"未定义的部分“{pid}”（见 parts.yaml）", gid, "parts")
            plist.append((pid, bool(item.get("required", False))))
            if item.get("cues"):
                extra[pid] = _compile(path, gid, "cues", item["cues"])
            if item.get("title_cues"):
                extra_title[pid] = _compile(path, gid, "title_cues", item["title_cues"])
            if item.get("message"):
                messages[pid] = str(item["message"])
        genres[gid] = Genre(gid, spec.get("name", gid), _compile(path, gid, "title_cues", spec.get("title_cues", [])),
                            int(spec.get("priority", 0)), plist,
                            _compile(path, gid, "head_cues", spec.get("head_cues", [])),
                            spec.get("genre"), extra, messages, extra_title)
    for g in genres.values():
        if g.reports_as and g.reports_as not in genres:
            raise RuleLoadError(directory / f"{g.id}.yaml", f"genre “{g.reports_as}”不是已定义的文种", g.id, "genre")
    return Profiles(parts, genres)


_PROFILES: Profiles | None = None


def shipped_profiles() -> Profiles:
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = load_profiles()
    return _PROFILES


def _title_genre(line: str, profiles: Profiles):
    """The genre whose title cue ends last in the line: a title names its genre at its end
    (……会议上的讲话, ……实施方案), or before a colon and a subtitle it does not outrank
    (交流发言：深刻理解……).  Of cues ending together the longer (more specific) one wins
    (表态发言 over 发言), then the genre's priority."""
    flat = re.sub(r"\s+", "", line)
    best = None
    for g in profiles.genres.values():
        for cue in g.title_cues:
            for m in cue.finditer(flat):
                key = (m.end(), m.end() - m.start(), g.priority)
                if best is None or key > best[0]:
                    best = (key, g, m.group())
    return (best[1], best[2]) if best else None


def detect_genre(title: str, head: str, profiles: Profiles, titles=(), salutation: str = "") -> tuple[str | None, str]:
    """The title first (and other title-like lines at the top); only when no title names a
    genre, a few phrases typical of a genre's opening lines (head_cues) -- never any
    sentence of the body (会议总结了…… does not make a speech a 工作总结); a draft with
    neither that opens with a salutation is a speech."""
    for line in (title, *titles):
        got = _title_genre(line, profiles) if line else None
        if got:
            g, cue = got
            return g.id, f"标题含“{cue}”，按“{g.name}”检查"
    best = None
    for g in profiles.genres.values():
        for cue in g.head_cues:
            m = cue.search(head)
            if m and (best is None or (m.start(), -g.priority) < best[0]):
                best = ((m.start(), -g.priority), g, m.group())
    if best:
        g, cue = best[1], best[2]
        return g.id, f"开头含“{cue[:12]}”，按“{g.name}”检查"
    if salutation and "leader_speech" in profiles.genres:
        return "leader_speech", f"没有标题，开头是称谓“{salutation[:12]}”，按“讲话”检查"
    return None, "未能从标题判断文种，未检查缺少的部分"


def _real_span(text, paragraphs, junk) -> tuple[int, int]:
    """First and last offsets of text that is not website junk."""
    js, je = merge_spans(junk)

    def junky(i):
        k = bisect_right(js, i) - 1
        return k >= 0 and i < je[k]
    lo, hi = 0, len(text)
    while lo < hi and (text[lo].isspace() or junky(lo)):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or junky(hi - 1)):
        hi -= 1
    for _ in range(6):  # a site's footer the junk rules missed is not the draft's ending
        start = text.rfind("\n", lo, hi) + 1
        if start <= lo or hi - start > 80 or not _NAV.search(text, start, hi):
            break
        hi = start
        while hi > lo and (text[hi - 1].isspace() or junky(hi - 1)):
            hi -= 1
    return lo, hi


_NAV = re.compile(r"上一篇|下一篇|相关(?:推荐|阅读|文章|范文)|猜你喜欢|查看更多|阅读全文|更多精彩|点击(?:下载|查看|阅读)|下载(?:全文|文档|本文)"
                  r"|版权(?:所有|归|声明)|Copyright|All Rights|ICP|备案号|免责声明|侵权|赞助商|扫码|关注(?:公众号|我们)|本文(?:由|来源|链接)"
                  r"|www\.|https?://|\.(?:com|cn|net)\b", re.I)


_MARKER_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                           r"|\d{1,2}\s*[、.．)）]|第[一二三四五六七八九十]+[，,、：:])")


def _salutation_line(line: str, profiles: Profiles) -> bool:
    sal = profiles.parts.get("salutation")
    if not sal or len(line) > 60:
        return False
    if any(c.match(line) for c in sal.cues):
        return True
    return line.endswith(("：", ":")) and len(line) <= 30 and any(c.search(line) for c in sal.cues)


def _title_span(text, paragraphs, junk, profiles) -> tuple[int, int] | None:
    """The title: the first real line when it is short, not a sentence, not the salutation
    and not a numbered heading."""
    tp = title_paragraph(text, paragraphs, junk)
    if not tp:
        return None
    _, ts, te = tp
    line = text[ts:te]
    if len(line) > 80 or line.endswith(("。", "；", "！", "？", "，")) or _MARKER_START.match(line):
        return None
    if _salutation_line(line, profiles):
        return None
    return ts, te


def _title_lines(text, paragraphs, junk, lo, limit=600) -> list[str]:
    """Short lines near the top that look like a title (for drafts whose first line is not)."""
    out = []
    js, je = merge_spans(junk)
    for p in paragraphs:
        if p.start >= lo + limit:
            break
        if p.end <= lo:
            continue
        s, e = p.start, p.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 4 or e - s > 60:
            continue
        k = bisect_right(js, s) - 1
        if k >= 0 and e <= je[k]:
            continue
        line = text[s:e]
        if line.endswith(("。", "；", "！", "？", "，", "：", ":")) or _MARKER_START.match(line):
            continue
        if any(c in line for c in "。！？"):
            continue
        out.append(line)
    return out


def detect_parts(text, paragraphs, junk, profiles: Profiles, part_ids, markers=None, genre: Genre | None = None
                 ) -> tuple[dict, dict]:
    """part id -> (start, end) where found; and the anchors for those that are not."""
    found: dict[str, tuple[int, int]] = {}
    lo, hi = _real_span(text, paragraphs, junk)
    title = _title_span(text, paragraphs, junk, profiles)
    title_end = lo
    if title:
        found["title"] = title
        title_end = title[1]
    head_end = min(hi, title_end + 400)
    tail_start = max(title_end, hi - 300)
    if markers is None:
        markers = find_markers(text, paragraphs, junk)
    markers = [m for m in markers if m.kind.startswith("h") or m.at_start]
    js, je = merge_spans(junk)

    def in_junk(i):
        k = bisect_right(js, i) - 1
        return k >= 0 and i < je[k]

    for pid in part_ids:
        pdef = profiles.parts[pid]
        cues = list(pdef.cues) + (genre.extra_cues.get(pid, []) if genre else [])
        if pdef.builtin == "title":
            continue
        if pdef.builtin == "body":
            if hi - title_end >= 150:
                found[pid] = (title_end, hi)
                continue
        elif pdef.builtin == "opening":
            first = next((m.start for m in markers if m.start > title_end), hi)
            if first - title_end >= 30:
                found[pid] = (title_end, first)
                continue
        lo_s, hi_s = {"head": (title_end, head_end), "tail": (tail_start, hi), "anywhere": (title_end, hi)}[pdef.scope]
        for cue in cues:
            m = cue.search(text, lo_s, hi_s)
            while m and in_junk(m.start()):
                m = cue.search(text, m.end(), hi_s) if m.end() > m.start() else None
            if m:
                found[pid] = m.span()
                break
        tcues = list(pdef.title_cues) + (genre.extra_title_cues.get(pid, []) if genre else [])
        if pid not in found and title and tcues:
            for cue in tcues:
                m = cue.search(text, title[0], title[1])
                if m:
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


_ENDS = "。！？!?…）)」』】.；;：:"
_QUOTES = "”’\"'"
_SENTENCE_ENDS = "。！？!?…"
_LABELLED = re.compile(r"[\u4e00-\u9fff]{1,6}[：:]")


@dataclass
class Cut:
    kind: str      # "sentence": stops mid-sentence; "heading": stops right after a heading
    start: int     # the unfinished fragment (or the heading)
    end: int
    tail: str      # its last few characters, for messages


def _cut_off(text, lo, hi) -> Cut | None:
    """Where a draft copied from a preview page stops: in the middle of a sentence (or a
    word, or a number: 增长12.), after an announcement whose list is missing (如下：), at a
    preview's “……”, or right after a heading.  A signature, a date or a short label may
    end a draft without a full stop, so a short last line is taken as cut only when it
    has a comma or opens like a sentence (二是加强, 同时)."""
    if hi <= lo:
        return None
    start = max(text.rfind("\n", lo, hi) + 1, lo)
    last = text[start:hi]
    lead = len(last) - len(last.lstrip())
    start += lead
    last = last.strip()
    end_char = text[hi - 1]
    open_quote = False
    if end_char in _QUOTES:
        k = hi - 2
        while k >= start and text[k] in _QUOTES:
            k -= 1
        open_quote = k >= start and text[k] not in _SENTENCE_ENDS
    announced = end_char in "：:" and len(last) >= 8 and _ANNOUNCING.search(last) is not None
    previewed = len(last) >= 20 and (last.endswith(("……", "...", "…")) and not last.endswith(("。……", "！……")))
    decimal = end_char == "." and hi - 2 >= start and text[hi - 2].isdigit()
    if end_char in _ENDS and not (open_quote or announced or previewed or decimal):
        return None
    if len(last) <= 60 and _LABELLED.match(last) and not announced:
        return None  # 附件：…… / 联系人：张三，电话：…… end many drafts
    clause = max(last.rstrip("…. ：:").rfind(c) for c in "。！？；，,;!?") + 1
    if (len(last) >= 30 or (len(last) >= 8 and any(c in last for c in "，,、；;")) or announced or previewed
            or (open_quote or decimal) and len(last) >= 8 or 2 <= len(last) <= 12 and _OPENER.match(last)):
        begin = start + clause if start + clause < hi else max(start, hi - 12)
        if hi - begin > 24:
            begin = hi - 24
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if _MARKER_START.match(last) and len(last) <= 40:
        return Cut("heading", start, hi, last)
    return None


_ANNOUNCING = re.compile(r"(?:如下|以下|[两二三四五六七八九十几]点[\u4e00-\u9fff]{0,4}|[两二三四五六七八九十几]个方面[\u4e00-\u9fff]{0,4}"
                         r"|要求|安排|是|为|有|包括)\s*[：:]$")
_OPENER = re.compile(r"(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|同时|另外|此外|总之|因此|但是|我们|要(?!求)|通过|随着)"
                     r"[\u4e00-\u9fff]")


def _last_words(text, lo, hi, n=14) -> str:
    s = max(lo, hi - n)
    nl = text.rfind("\n", s, hi)
    if nl >= 0 and nl < hi - 2:
        s = nl + 1
    return text[s:hi].strip()


_RUN_HEAD_END = re.compile(r"[^。！？!?\n]{4,30}[。！？!?]?\s*$")


def _ends_on_heading(text, paragraphs, junk, lo, hi) -> bool:
    """The last paragraph is a short run-in heading (这一年，我们……开新局。) like an earlier
    one that was followed by its content, or a numbered heading: its content is missing."""
    real = []
    for p in paragraphs:
        s, e = p.start, min(p.end, hi)
        if e <= lo or s >= hi:
            continue
        seg = text[s:e].strip()
        if seg:
            real.append(seg)
    if len(real) < 3:
        return False
    last = real[-1]
    if len(last) > 30:
        return False
    if _MARKER_START.match(last) and not last.endswith(("。", "！", "!")):
        return True
    for i, seg in enumerate(real[:-2]):
        if len(seg) <= 30 and seg[:3] == last[:3] and len(real[i + 1]) > 2 * len(seg):
            return True
    return False


def _truncated(text, paragraphs, junk) -> Finding | None:
    """The body stops mid-sentence: typical of a draft copied from a preview page."""
    lo, hi = _real_span(text, paragraphs, junk)
    cut = _cut_off(text, lo, hi)
    if not cut or cut.kind != "sentence":
        return None
    return Finding("structure.truncated", "truncated", "warning", cut.start, cut.end, text[cut.start:cut.end],
                   f"正文在“{cut.tail}”处中断（句子没有写完），可能是从网页预览复制的不完整文稿，请补全后文。",
                   None, "body")


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


def _cut_note(cut: Cut | None) -> str:
    if not cut:
        return ""
    if cut.kind == "heading":
        return f"文稿在小标题“{cut.tail}”之后就结束了，这部分可能随截断丢失。"
    return f"文稿在“{cut.tail}”处中断，这部分可能随截断丢失。"


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
                severity = "warning" if required else "info"
                start = end = at
                if pid == "closing" and cut is not None:
                    severity = "warning"
                    if cut.kind == "sentence":
                        start, end = cut.start, cut.end
                        message = f"文稿似乎在“{cut.tail}”处被截断，后文和结束语缺失，请补全结尾。"
                    else:
                        message = f"文稿在小标题“{cut.tail}”之后就结束了，下文和结束语缺失，请补全结尾。"
                    closing_reported = True
                elif pid == "closing":
                    message = f"{message}。全文在“{_last_words(text, lo, hi)}”处结束，没有收尾，可能不完整。"
                elif pdef.late and cut is not None and cut.kind == "sentence":
                    severity = "warning"
                    message = f"{message}；{_cut_note(cut)}"
                findings.append(Finding("structure.missing-part", "missing_section", severity, start, end,
                                        text[start:end], message, None, "body", section=pid))
                outline.append(OutlineItem("part", pdef.name, at, at, 0, pid, missing=True))
            if pid in ("body", "tasks", "achievements") and not placed:
                outline.extend(headings)
                placed = True
    if not placed:
        outline.extend(headings)
    if genre and options.references and not options.without_jieba:
        from .references import compare

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
