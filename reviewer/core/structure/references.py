"""The user's reference documents: which parts they expect and which topics they cover.

A part present in most references is expected of the draft even where the genre
profile calls it customary.  Reference sections are matched to the draft's sections
by topic (jieba keywords, weighted overlap), never by exact heading text.  A meeting
notice (汇报内容包括：1. 工作进展；2. 存在问题；3. 下一步打算) turns its items into
required topics.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document, DocumentError
from ..findings import Finding
from .found import raw
from .numbering import find_markers
from .parts import detect_parts as _detect

REF_EXT = {".docx", ".txt", ".doc", ".wps", ".docm"}
MATCH = 0.18          # weighted keyword overlap that counts as "the same topic"
STOP = set("我们 他们 你们 工作 进一步 不断 持续 全面 推动 推进 加强 坚持 开展 实现 提升 提高 建立 健全 完善 "
           "有关 相关 以及 通过 进行 更加 一是 二是 三是 四是 五是 同时 其中 各项 一个 一些 这个 这些 方面 情况 "
           "主要 重点 积极 认真 切实 有效 深入 扎实 不断 充分 发挥 作用 要求 问题 做好 抓好 着力 围绕 全市 全县 "
           "全区 我县 我区 我市 我镇 今年 以来 目前 已经 没有 还是 就是 因为 所以 但是 如果 可以 能够 需要".split())
NOTICE_RE = re.compile(r"(?:汇报|发言|交流|述职|报告|材料)[^。\n]{0,8}?(?:内容|提纲|重点)?[^。\n]{0,4}?"
                       r"(?:主要包括|包括|围绕|要求|涵盖)[^：:\n]{0,6}[：:]")
ITEM_SPLIT = re.compile(r"[；;。\n]|(?:^|(?<=[：:；;，,\s]))(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]、|[一二三四五六七八九十]是)")


def load_references(paths) -> list[Document]:
    """Files, or folders of .docx/.txt files, in a stable order."""
    from ..loaders import load

    docs = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in REF_EXT
                           and not f.name.startswith(("~$", ".")))
            if not files:
                raise DocumentError(str(p), "参考文件夹里没有 .docx 或 .txt 文稿")
            docs.extend(load(f) for f in files)
        else:
            docs.append(load(p))
    return docs


def keywords(text: str) -> Counter:
    from ..segment import tokenizer

    tok = tokenizer()
    words = Counter()
    for w in tok.cut(text, HMM=False):
        if len(w) >= 2 and w not in STOP and not re.fullmatch(r"[\W\d_a-zA-Z]+", w):
            words[w] += 1
    return words


@dataclass
class Section:
    title: str
    start: int
    end: int
    words: Counter = field(default_factory=Counter)
    part: str | None = None   # the profile part its heading names, if any


def _title_of(text: str, start: int, end: int) -> str:
    line = text[start:end]
    m = re.search(r"[。；！？]", line)
    return (line[:m.start()] if m else line)[:40].strip()


def sections(doc: Document, profiles) -> list[Section]:
    """Top-level sections: split at the highest level of heading the document uses."""
    text, paras = doc.text, doc.paragraphs
    markers = find_markers(text, paras, [])
    levels = [k for k in ("h1", "h2", "shi", "di", "h3") if any(m.kind == k and m.at_start for m in markers)]
    heads = []
    if levels:
        heads = [(m.start, paras[m.para].end) for m in markers if m.kind == levels[0] and m.at_start]
    else:  # short lines without a full stop act as headings
        salutation = profiles.parts.get("salutation")
        for p in paras[1:]:
            line = text[p.start:p.end].strip()
            if not 4 <= len(line) <= 30 or re.search(r"[。；！？：:]$", line):
                continue
            if salutation and any(c.search(line) for c in salutation.cues):
                continue
            heads.append((p.start, p.end))
    out = []
    for i, (s, e) in enumerate(heads):
        nxt = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        title = _title_of(text, s, e)
        sec = Section(title, s, nxt, keywords(title) + keywords(text[s:nxt]) + keywords(title) + keywords(title))
        sec.part = _part_of(title, profiles)
        out.append(sec)
    return out


def _part_of(title: str, profiles) -> str | None:
    for pid in ("problems", "next_steps", "achievements", "objectives", "schedule", "safeguards",
                "guiding_principle", "tasks"):
        pdef = profiles.parts.get(pid)
        if pdef and any(c.search(title) for c in pdef.cues):
            return pid
    return None


def similarity(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    """How much of a's weighted vocabulary b shares (0..1)."""
    total = sum(n * idf.get(w, 1.0) for w, n in a.items())
    if not total:
        return 0.0
    shared = sum(min(n, b[w]) * idf.get(w, 1.0) for w, n in a.items() if w in b)
    return shared / total


def notice_topics(doc: Document) -> list[str]:
    """Items a meeting notice asks the speaker to cover."""
    text = doc.text
    m = NOTICE_RE.search(text)
    if not m:
        return []
    tail = text[m.end():m.end() + 300]
    stop = re.search(r"\n\s*\n|。(?=[^；;\d（(一二三四五六七八九十])", tail)
    if stop:
        tail = tail[:stop.start()]
    items = [i.strip(" ，,：:、\t") for i in ITEM_SPLIT.split(tail)]
    return [i for i in items if 2 <= len(i) <= 30]


@dataclass
class Comparison:
    expected_parts: dict[str, int]          # part id -> how many references have it
    findings: list[Finding]


def compare(draft_text: str, draft_paragraphs, draft_parts: dict, references: list[Document], profiles,
            genre_parts: list[str], anchors: dict) -> Comparison:
    findings: list[Finding] = []
    n = len(references)
    all_part_ids = list(profiles.parts)
    counts: Counter = Counter()
    ref_sections: list[tuple[Document, Section]] = []
    notices: list[tuple[Document, str]] = []
    for ref in references:
        topics = notice_topics(ref)
        if topics:  # a meeting notice: its items are required topics, its own parts are not a model
            notices.extend((ref, t) for t in topics)
            n -= 1
            continue
        found, _ = _detect(ref.text, ref.paragraphs, [], profiles, all_part_ids)
        counts.update(found.keys())
        ref_sections.extend((ref, s) for s in sections(ref, profiles))
    # Every part the draft has, not only the ones its genre asks for.
    draft_parts = {**_detect(draft_text, draft_paragraphs, [], profiles, all_part_ids)[0], **draft_parts}
    draft_doc = Document(draft_text, draft_paragraphs)
    draft_secs = sections(draft_doc, profiles) or [Section("全文", 0, len(draft_text), keywords(draft_text))]
    docs_words = [s.words for s in draft_secs] + [s.words for _, s in ref_sections]
    df: Counter = Counter()
    for words in docs_words:
        df.update(set(words))
    idf = {w: math.log((1 + len(docs_words)) / (1 + c)) + 1 for w, c in df.items()}
    whole = keywords(draft_text)

    # Parts most references have.
    for pid, c in counts.items():
        if pid == "title" or c * 2 <= n or pid in draft_parts:
            continue
        pdef = profiles.parts[pid]
        at = anchors["end"] if pdef.anchor == "end" else anchors["start"]
        findings.append(raw("reference-part", "missing_section", at, at, "", pid, part=pdef.name,
                            part_message=pdef.message, count=c, total=n))
    # Reference sections with no counterpart in the draft -- only topics that most
    # references share: one reference's own subject matter is not expected of the draft.
    reported = set()
    for ref, sec in ref_sections:
        if sec.part and (sec.part in draft_parts or sec.part in counts and counts[sec.part] * 2 > n):
            continue  # a named part: handled above (present, or reported as a missing part)
        holders = {id(r) for r, other in ref_sections
                   if r is ref or similarity(sec.words, other.words, idf) >= MATCH}
        if len(holders) * 2 <= n:
            continue
        best = max((similarity(sec.words, d.words, idf) for d in draft_secs), default=0.0)
        if best >= MATCH or similarity(keywords(sec.title), whole, idf) >= 0.6:
            continue
        key = sec.title
        if key in reported:
            continue
        reported.add(key)
        name = Path(ref.path).name if ref.path else "参考文稿"
        findings.append(raw("reference-topic", "missing_section", anchors["end"], anchors["end"], "",
                            "reference_topic", reference=name, topic=sec.title))
    # Topics a meeting notice requires.
    for ref, topic in notices:
        pid = _part_of(topic, profiles)
        if pid and pid in draft_parts:
            continue
        if pid == "achievements" and "body" in draft_parts:
            continue  # in a speech or report the body is the account of the work
        if not pid and similarity(keywords(topic), whole, idf) >= 0.5:
            continue
        if pid:
            pdef = profiles.parts[pid]
            at = anchors["end"] if pdef.anchor == "end" else anchors["start"]
        else:
            at = anchors["end"]
        findings.append(raw("notice-topic", "missing_section", at, at, "", pid or "notice_topic", topic=topic))
    # Draft sections the references do not have (information only).
    if ref_sections:
        for sec in draft_secs:
            if sec.title == "全文":
                continue
            best = max((similarity(sec.words, s.words, idf) for _, s in ref_sections), default=0.0)
            if best < MATCH:
                findings.append(raw("extra-topic", "missing_section", sec.start, sec.start, "", "extra_topic",
                                    topic=sec.title))
    return Comparison(dict(counts), findings)
