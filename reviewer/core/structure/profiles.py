"""Genre profiles (rules/genres/*.yaml): which parts a genre needs and the cues that
find them; and the choice of genre from a draft's title or opening lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlfile import RuleLoadError, read_yaml
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)
from .news import news_lead
from .title_words import _OF_SPEECHES, OF_SPEECHES_REASON, _after_blanks, event_after  # noqa: F401

PART_KEYS = {"id", "name", "message", "anchor", "scope", "cues", "builtin", "late", "title_cues", "after_opening"}
GENRE_KEYS = {"id", "name", "title_cues", "head_cues", "untitled_cues", "priority", "parts", "description", "genre",
              "voice"}
VOICE_KEYS = {"rank", "min", "cues", "with"}
GENRE_PART_KEYS = {"id", "required", "cues", "title_cues", "message", "other_sections"}
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
    after_opening: bool = False        # follows the opening section: lost when the draft is cut off inside it


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
    untitled_cues: list = field(default_factory=list)  # compiled; the first lines of a draft nothing else names
    # part id -> compiled: the headings that are not this part; a top-level section headed by
    # none of them, nor by another part's cue, holds it (a plan's work items are its sections)
    other_sections: dict = field(default_factory=dict)
    # (rank, min, compiled cues, compiled ``with``): how a draft of this genre talks, for a draft that breaks off
    # in mid-sentence and that nothing else places (voice_genre); None for most genres
    voice: tuple | None = None

    @property
    def contract_id(self) -> str:
        return self.reports_as or self.id


@dataclass
class Profiles:
    parts: dict[str, PartDef]
    genres: dict[str, Genre]
    # parts.yaml's excerpt_cues: the title or the first lines say the text is an excerpt or a
    # transcript (发言摘登, 讲话节选, 根据录音整理): its missing parts are the editor's cuts, not
    # the drafter's omissions -- only a draft cut off in mid-sentence is still reported
    excerpt: list = field(default_factory=list)


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
        from ..cache import compile as compile_cached  # compiled programs kept between runs

        return [compile_cached(str(c), re.M) for c in cues]
    except re.error as e:
        raise RuleLoadError(path, f"正则表达式有误：{e}", owner, key) from e


def load_profiles(directory: Path | None = None) -> Profiles:
    from ... import paths
    from ..cache import read_yaml, save as save_cache  # parsed YAML kept between runs (start-up, issue 11)

    directory = Path(directory) if directory else paths.rules_dir() / "genres"
    parts_file = directory / "parts.yaml"
    raw = read_yaml(parts_file)
    if not isinstance(raw, dict) or not isinstance(raw.get("parts"), list):
        raise RuleLoadError(parts_file, "需要 parts 列表")
    _check_keys(raw, {"parts", "excerpt_cues"}, parts_file, "parts.yaml")
    excerpt = _compile(parts_file, "excerpt_cues", "excerpt_cues", raw.get("excerpt_cues", []))
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
                                    bool(spec.get("late", False)), tcues, bool(spec.get("after_opening", False)))
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
        plist, extra, extra_title, messages, others = [], {}, {}, {}, {}
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
            if item.get("other_sections") is not None:
                others[pid] = _compile(path, gid, "other_sections", [item["other_sections"]])[0]
        voice = None
        if spec.get("voice") is not None:
            v = spec["voice"]
            _check_keys(v, VOICE_KEYS, path, "voice")
            if not isinstance(v.get("rank"), int) or not isinstance(v.get("min"), int) or v["min"] < 1 \
                    or not v.get("cues"):
                raise RuleLoadError(path, "voice 需要整数 rank、不小于 1 的整数 min 和 cues 列表", gid, "voice")
            voice = (v["rank"], v["min"], _compile(path, gid, "voice.cues", v["cues"]),
                     _compile(path, gid, "voice.with", v.get("with", [])))
        genres[gid] = Genre(gid, spec.get("name", gid), _compile(path, gid, "title_cues", spec.get("title_cues", [])),
                            int(spec.get("priority", 0)), plist,
                            _compile(path, gid, "head_cues", spec.get("head_cues", [])),
                            spec.get("genre"), extra, messages, extra_title,
                            _compile(path, gid, "untitled_cues", spec.get("untitled_cues", [])), others, voice)
    for g in genres.values():
        if g.reports_as and g.reports_as not in genres:
            raise RuleLoadError(directory / f"{g.id}.yaml", f"genre “{g.reports_as}”不是已定义的文种", g.id, "genre")
    save_cache()
    return Profiles(parts, genres, excerpt)


_PROFILES: Profiles | None = None


def shipped_profiles() -> Profiles:
    global _PROFILES
    if _PROFILES is None:
        _PROFILES = load_profiles()
    return _PROFILES


_BOOK_TITLE = compile_cached(r"《[^《》]*》")
# a site's pinyin after a character (報(bào)告, 实(shí)施方案): not part of the words
_PINYIN_GLOSS = compile_cached(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


def _title_genre(line: str, profiles: Profiles):
    """The genre whose title cue ends last in the line: a title names its genre at its end
    (……会议上的讲话, ……实施方案), or before a colon and a subtitle it does not outrank
    (交流发言：深刻理解……).  Of cues ending together the longer (more specific) one wins
    (表态发言 over 发言), then the genre's priority.  A cue inside book-title marks names
    the document the title speaks of, not the title's own genre (关于印发《……实施方案》的通知).
    A cue in brackets is outranked by one outside them: a site's title adds another search's
    name in brackets (某某计划书(某某活动总结))."""
    flat = _PINYIN_GLOSS.sub("", re.sub(r"\s+", "", line))  # (自查报(bào)告: a site's reading aid)
    # (where a blank stood: a 时 after it opens the text, title_words.event_after)
    blanks = _after_blanks(line) if "时" in line and _PINYIN_GLOSS.search(line) is None else ()
    quoted = [m.span() for m in _BOOK_TITLE.finditer(flat) if m.span() != (0, len(flat))]  # (not a title in marks)
    bracketed = [m.span() for m in _BRACKETED.finditer(flat)]
    best = None
    for g in profiles.genres.values():
        for cue in g.title_cues:
            for m in cue.finditer(flat):
                if any(a < m.start() and m.end() < b for a, b in quoted):
                    continue
                if event_after(flat, m.end(), blanks) or "并" in flat[max(0, m.start() - 4):m.start()]:
                    continue  # 述职报告会, 汇报会, 讲话精神, 出席并讲话: the event or its message, not a draft
                outside = not any(a < m.start() and m.end() < b for a, b in bracketed)
                key = (outside, m.end(), m.end() - m.start(), g.priority)
                if best is None or key > best[0]:
                    best = (key, g, m.group())
    return (best[1], best[2]) if best else None


_BRACKETED = compile_cached(r"[（(][^（）()\n]{2,40}[）)]")
_LEAD_TAG = compile_cached(r"^\s*【([^【】\n]{2,30})】")
_SITE_STOP = compile_cached(r"[，,。；;！!？?（(【\[]")
_QUOTED_TITLE = compile_cached(r"《([^《》\n]{4,60})》")
# a government page's panel: 名称: | 【应急预案】某某镇防汛抗旱应急预案 |
_KEYED_TITLE = compile_cached(r"(?:名称|标题|题目)\s*[:：]\s*[|｜]?\s*(?:【[^】\n]{0,10}】)?([^|｜【】\n]{4,60}?)\s*(?:[|｜]|$)")
# an editor's lead-in naming what it shares: ……下面是小编给大家分享的一些有关于乡镇宗教工作情况总结范文4篇的内容
_SHARED_TITLE = compile_cached(r"(?:分享|整理|收集|推荐|带来|准备)了?的?(?:一些|几篇|\d{1,2}篇)?(?:有关于|关于)?"
                               r"([^。，,！!？?\n]{4,40}?)(?:范文|模板|范本|例文)?(?:\d{1,2}篇|[一二三四五六七八九十]篇)?的(?:相关)?内容")
# an editor's lead-in naming what it shares up to its next stop: ……下面小编在这里为大家精心整理了几篇
# 2023年八一座谈发言稿，希望对同学们有所帮助
_SHARED_PIECE = compile_cached(r"(?:分享|整理|收集|搜集|推荐|带来|准备|筛选|精选)了(?:一些|几篇|\d{1,2}篇|[一二三四五六七八九十]篇)?"
                               r"(?:有关于?|关于)?([^。，,！!？?\n]{4,40})(?=[。，,！!？?\n]|$)")
# ……以下是小编精心整理的清明节扫墓活动方案，欢迎阅读 / 下面是小编为大家带来的医院人员个人工作计划，欢迎参考
_LEAD_PIECE = compile_cached(r"(?:以下|下面)(?:是|为)[^。，,！!？?\n]{0,14}?(?:分享|整理|收集|搜集|推荐|带来|准备|筛选|精选|编辑|汇编)的"
                             r"(?:一些|几篇|\d{1,2}篇|[一二三四五六七八九十]篇)?(?:有关于?|关于)?([^。，,！!？?\n]{4,40})(?=[。，,！!？?\n]|$)")
_FILE_NAME = compile_cached(r"^\s*(?:文件|文档|资料|资源|作品)?(?:名称|标题|名)\s*[:：]\s*(.+?)\.(?i:docx?|wps|pdf|txt)\s*$")
_SITE_HEAD = compile_cached(r"^(?:第[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,3})[:：、.．]?")  # (第一篇 ……: a piece's number)
_SITE_TAIL = compile_cached(r"(?:\.(?i:docx?|wps|pdf|txt|pptx?)|由[\u4e00-\u9fffA-Za-z0-9]{1,16}?(?:整理|提供|编辑|收集|发布|分享|推荐|编写)|参考|范文|模板|例文|精选|大全|汇编|合集|集锦|锦集|集合|选编|优选|通用|最新|怎么写|如何写|写法|范文下载|模板下载|的相关内容|的内容|[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[）)]|\d+字|\d+篇|[一二三四五六七八九十]+篇|篇\s*\d{1,2}|篇[一二三四五六七八九十]{1,2}|(?<=[文板选])\d{1,2}|篇$)+$")  # (范文4, 报告篇1: the piece's number; 总结篇 of 总结篇(1), cut at its bracket)


def _one_genre(line: str, profiles: Profiles, cue: str = "") -> bool:
    """Whether the title cues in ``line`` are all of one genre (a site's menu bar -- 工作总结 |
    述职报告 | 讲话稿 -- names many and the draft none).  A cue inside the winning ``cue``
    is part of the same name (工作思路 in 工作总结及2023年工作思路), not another genre."""
    flat = re.sub(r"\s+", "", line)
    at = flat.find(cue) if cue else -1
    inside = (at, at + len(cue)) if at >= 0 else None

    def named(c):
        return any(not (inside and inside[0] <= m.start() and m.end() <= inside[1]) for m in c.finditer(flat))
    return sum(any(named(c) for c in g.title_cues) for g in profiles.genres.values()) <= 1


_MENU_SPLIT = compile_cached(r"[ \t\u3000|｜/·•]+")


def _menu(line: str, profiles: Profiles) -> bool:
    """A site's menu or search bar left above the draft (快捷搜索：论文 合同 演讲 心得): three or more
    words set apart by spaces or bars, naming more than one genre -- not a title (a title spaced
    out character by character, 政 府 工 作 报 告, is one word a character)."""
    words = [w for w in _MENU_SPLIT.split(line.strip()) if w]
    return len(words) >= 3 and all(2 <= len(w) <= 8 for w in words) and not _one_genre(line, profiles)


def _spoken_alias(g, cue: str, head: str, salutation: str, profiles: Profiles):
    """A written genre's title cue that also names a spoken one (总结汇报: a summary handed in,
    or a report given at a meeting): the spoken genre when the text opens as one -- with a
    salutation or that genre's opening phrase (现将……汇报如下); None otherwise.  Likewise a
    body's 工作报告 (……常务委员会工作报告) that opens as a report made to a congress (我代表……
    向大会报告工作，请予审议): the congress report's genre."""
    if cue.endswith("报告") and g.reports_as is None:
        congress = profiles.genres.get("gov_report")
        if congress is not None and congress is not g and any(c.search(head) for c in congress.head_cues):
            return congress
        return None
    if g.id == "report_speech" or not cue.endswith("汇报"):
        return None
    spoken = profiles.genres.get("report_speech")
    if spoken is None:
        return None
    if salutation or any(c.search(head) for c in spoken.head_cues):
        return spoken
    return None


# a report given at a meeting, named so in its title (在全市……推进会上的汇报)
_AT_MEETING = compile_cached(r"在[^\n]{0,40}?会(?:议)?上的(?:工作)?汇报")


def _written_report(g, cue: str, head: str, salutation: str, profiles: Profiles, line: str = ""):
    """A report_speech named only by a bare 汇报 (……工作汇报, 汇报材料) that opens with no
    salutation, is not said at a meeting and does not open as one is said (下面，我就……作简要汇报):
    a report handed in (genres/written_report.yaml -- delivered as report_speech: its next steps
    and, when cut off, its ending; no salutation); None otherwise."""
    if g.id != "report_speech" or cue not in ("汇报", "汇报材料") or salutation or _AT_MEETING.search(line):
        return None
    summary = profiles.genres.get("summary")
    # (现将……工作开展情况汇报如下 is how a written report opens too: the summary's cue says so)
    if any(c.search(head) for c in g.head_cues) and not (summary and any(c.search(head) for c in summary.head_cues)):
        return None
    return profiles.genres.get("written_report")


def _earliest_cue(head: str, profiles: Profiles, kind: str):
    """(genre, cue text) of the cue of ``kind`` (head_cues, untitled_cues) found first in
    ``head``, the genre of higher priority on a tie; None when none is found."""
    best = None
    for g in profiles.genres.values():
        for cue in getattr(g, kind):
            m = cue.search(head)
            if m and (best is None or (m.start(), -g.priority) < best[0]):
                best = ((m.start(), -g.priority), g, m.group())
    return best[1:] if best else None


def voice_genre(text: str, lo: int, hi: int, profiles: Profiles) -> Genre | None:
    """The genre a draft talks like (its ``voice`` cues found ``min`` times or more in
    text[lo:hi], the genres tried by rank): asked only of a draft that breaks off in
    mid-sentence and that neither its title nor its opening places, so that the parts lost
    with its end can be named (a reflection's 今后打算, a speech's closing words)."""
    for g in sorted((g for g in profiles.genres.values() if g.voice), key=lambda g: g.voice[0]):
        _, least, cues, also = g.voice
        if also and not any(c.search(text, lo, hi) for c in also):
            continue  # (``with``: one of these must be there too -- the writer's own 我们, a plan's aims)
        n = 0
        for cue in cues:
            for _ in cue.finditer(text, lo, hi):
                n += 1
                if n >= least:
                    return g
    return None


def detect_genre(title: str, head: str, profiles: Profiles, titles=(), salutation: str = "",
                 site_titles=()) -> tuple[str | None, str]:
    """The title first (and other title-like lines at the top); only when no title names a
    genre, what the website's lines above the draft call it (``site_titles``: a breadcrumb's
    last step, an editor's lead-in) when they name one genre; then a few phrases typical of
    a genre's opening lines (head_cues) -- never any sentence of the body (会议总结了……
    does not make a speech a 工作总结); a draft with none of these that opens with a
    salutation is a speech; last, one that has none of these either is placed by what its
    first lines talk about (``untitled_cues``: 党史学习教育, 通过这次培训 -- a reflection's)."""
    for line in (title, *titles):
        got = _title_genre(line, profiles) if line and not _menu(line, profiles) else None
        if not got and line and _OF_SPEECHES.search(line):
            return None, OF_SPEECHES_REASON
        if got:
            g, cue = got
            spoken = _spoken_alias(g, cue, head, salutation, profiles)
            if spoken:
                return spoken.id, f"标题含“{cue}”，开头是称谓或汇报用语，按“{spoken.name}”检查"
            written = _written_report(g, cue, head, salutation, profiles, line)
            if written:
                return written.id, f"标题含“{cue}”，开头没有称谓，是书面汇报，按“{written.name}”检查"
            return g.id, f"标题含“{cue}”，按“{g.name}”检查"
    for line in site_titles:
        line = line[:200]  # (a title is short: a long junk line is searched no further)
        # a tag in lenticular brackets that opens the line names the piece (【专项整治自查自纠报告】
        # ……范文3篇): read as the line's first words, not cut away as a bracket
        line = _LEAD_TAG.sub(r"\1，", line)
        # up to the lead-in's first stop or bracket (……工作总结【完整版】，供大家参考), less a
        # site's words for a sample (范文, 模板, 5篇): the genre's name must end it, as in a
        # title (not 汇报课件.pptx, 讲话稿写作技巧)
        # (a document site's file name under its key: 文件名称：……活动策划方案.docx)
        line = _FILE_NAME.sub(r"\1", line)
        # (a reading a site put after a character, 會(huì): a junk line keeps its glosses)
        line = _PINYIN_GLOSS.sub("", line)
        name = _SITE_TAIL.sub("", _SITE_HEAD.sub("", re.sub(r"\s+", "", _SITE_STOP.split(line, maxsplit=1)[0])).rstrip(":："))
        got = _title_genre(name, profiles) if name else None
        if not (got and name.endswith(got[1])):
            # an editor's lead-in that names the piece in book-title marks (小编为你整理了……的
            # 《2024县委书记在……培训班上的讲话》), a page's panel under its 名称 key: that title
            quoted = (_QUOTED_TITLE.search(line) or _KEYED_TITLE.search(line) or _SHARED_TITLE.search(line)
                      or _SHARED_PIECE.search(line) or _LEAD_PIECE.search(line))
            name = _SITE_TAIL.sub("", quoted.group(1)) if quoted else ""
            got = _title_genre(name, profiles) if name else None
        if got and name.endswith(got[1]) and _one_genre(line, profiles, got[1]):
            g, cue = got
            written = _written_report(g, cue, head, salutation, profiles, name)
            if written:
                return written.id, f"网页上的标题含“{cue}”，开头没有称谓，是书面汇报，按“{written.name}”检查"
            return g.id, f"网页上的标题含“{cue}”，按“{g.name}”检查"
    if lead := news_lead(head):
        return None, f"正文开头是新闻导语“{lead[:16]}”，按新闻稿看待，未检查缺少的部分"
    best = _earliest_cue(head, profiles, "head_cues")
    if best:
        g, cue = best
        return g.id, f"开头含“{cue[:12]}”，按“{g.name}”检查"
    if salutation and "leader_speech" in profiles.genres:
        where = "标题未指明文种" if title else "没有标题"
        return "leader_speech", f"{where}，开头是称谓“{salutation[:12]}”，按“讲话”检查"
    # last, a draft with no title, no salutation and no opening formula: what its first lines
    # talk about, when that is the subject matter of one kind (学史明理…… / 通过这次培训……
    # is a reflection's)
    best = _earliest_cue(head, profiles, "untitled_cues")
    if best:
        g, cue = best
        where = "标题未指明文种" if title else "没有标题"
        said = re.sub(r"\s+", "", cue)[:12]  # (a cue may run over a line's end)
        return g.id, f"{where}，开头谈到“{said}”，按“{g.name}”检查"
    return None, "未能从标题判断文种，未检查缺少的部分"
