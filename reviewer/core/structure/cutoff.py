"""A draft that stops too early: cut off in mid-sentence (copied from a preview page),
after an announcement whose list is missing, or right after a heading."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from ..findings import Finding
from .duplicates.paragraph_text import merged
from .found import raw
from .parts import _MARKER_START, _real_span


_ENDS = "。！？!?…）)」』】.；;：:"
_QUOTES = "”’\"'"
_SENTENCE_ENDS = "。！？!?…"
_START = attrgetter("start")
_LABELLED = re.compile(r"[\u4e00-\u9fff]{1,6}[：:]")
_OPEN_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s*\Z")
_BAR_RUN = " \t\u3000|｜"


def _trailing_bar(text: str, lo: int, hi: int) -> int:
    """Where the blanks and bars a page's table left at the end of text[lo:hi] begin (before
    a last line break), or -1 when there is no bar among them.  (A backward walk over that
    run only: a regex ending in $ searched from lo tried every position of a long line of
    bars and blanks again -- 48 s on a 100,000-character line.)"""
    end = hi - 1 if hi > lo and text[hi - 1] == "\n" else hi
    j = end
    while j > lo and text[j - 1] in _BAR_RUN:
        j -= 1
    run = text[j:end]
    return j if "|" in run or "｜" in run else -1


@dataclass
class Cut:
    kind: str      # "sentence": stops mid-sentence; "heading": stops right after a heading;
    #                "list": stops at the first item of a list, or at a numbered line announcing one (1. 经费预算：)
    start: int     # the unfinished fragment (or the heading)
    end: int
    tail: str      # its last few characters, for messages


def _cut_off(text, lo, hi) -> Cut | None:
    """_cut_line(); and where it finds no sentence cut, a list begun and cut off at its first
    item ((1)宣传部负责 with no (2)) or a numbered line announcing what never came (1. 经费：)."""
    cut = _cut_line(text, lo, hi)
    if cut is not None and cut.kind == "sentence" or hi <= lo:
        return cut
    if cut is None:
        got = _unfinished_last(text, lo, hi)
        if got is not None:
            return got
    gloss = _OPEN_GLOSS.search(text, max(lo, hi - 8), hi) or _OPEN_GLOSS.match(text, hi)
    if gloss:
        # the page stops inside a gloss it put after a character (由工會(hu): the text broke off
        # there, whatever the words before it look like
        end = min(hi, gloss.start()) if gloss.start() > lo else hi
        begin = max(text.rfind("\n", lo, end) + 1, lo, end - 24)
        return Cut("sentence", begin, end, text[max(begin, end - 12):end])
    start = max(text.rfind("\n", lo, hi) + 1, lo)
    last = text[start:hi].strip()
    if last and len(last) <= 40 and last[-1] not in _SENTENCE_ENDS + "；;" and (
            _FIRST_ITEM.match(last) or last[-1] in "：:" and _MARKER_START.match(last)):
        return Cut("list", hi - len(last), hi, last[-16:])
    # an item of a running list broken off after a word or two (3)我爱记歌词…… then 4)交)
    m = _ITEM.match(last) if last and last[-1] not in _SENTENCE_ENDS + "；;：:" else None
    if m and 0 < len(last) - m.end() <= 6:
        prev_end = text.rfind("\n", lo, start - 1) if start > lo else -1
        prev = text[max(prev_end + 1, lo):max(start - 1, lo)].strip()
        pm = _ITEM.match(prev)
        if pm and len(prev) - pm.end() > len(last) - m.end():
            return Cut("list", hi - len(last), hi, last[-16:])
    return cut


def _unfinished_last(text, lo, hi) -> Cut | None:
    """A last line that no text ends on, where _cut_line() found none: one inside a book
    title, a quotation or a bracket it opened (下发了《某县农村); one stopping on a semicolon (a
    list's items do; its last one ends with a full stop: ……持证上岗情况；安全投入执行情况；); one
    character alone (a paragraph's first, the rest cut away); one going on a long line above it
    that has no stop either (a PDF's hard wrap: ……全市争取省⏎政府真抓实干督); or a few words
    with no stop right under a heading or a label (二、报告内容引人深思⏎习近平总书 / 2、象棋比赛：⏎
    负责) -- a section's first sentence broken off by the page.  Not a line that is itself a
    heading or a label, a signature or a date, nor the few words of a heading that asks for no
    more (六、活动地点⏎学校操场), nor a sign-off (谢谢大家)."""
    start = max(text.rfind("\n", lo, hi) + 1, lo)
    last = text[start:hi].strip()
    if not last:
        return None
    begin = max(start + len(text[start:hi]) - len(text[start:hi].lstrip()), hi - 24)
    if last[-1] not in _ENDS + _QUOTES and any(last.count(a) > last.count(b) for a, b in _PAIRS):
        # a book title, a quotation or a bracket opened and never closed (下发了《某县农村): cut inside it
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if _MARKER_START.match(last) or _LABELLED.match(last) or _SIGNATURE.search(last):
        return None
    if last[-1] in "；;" and len(_CJK.findall(last)) >= 4:
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if len(last) == 1 and _CJK.match(last) and last not in "完终毕":
        # one character on a line of its own, last: the next paragraph's first, cut there
        return Cut("sentence", begin, hi, last)
    # the line above (blank lines skipped): a heading with no stop, or a label ending in a colon
    k = start - 1
    while k > lo and text[k - 1] in " \t\u3000\n":
        k -= 1
    above = text[max(text.rfind("\n", lo, k) + 1, lo):k].strip()
    if (k == start - 1 and len(above) >= 20 and _CJK.match(above[-1]) and last[-1] not in _ENDS + _QUOTES
            and not _MARKER_START.match(above)):
        # a paragraph hard-wrapped by a PDF copy (……全市争取省⏎政府真抓实干督): the last line goes on
        # the line above, which has no stop either -- a long sentence never finished
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if len(last) > 20 or last[-1] in _ENDS + _QUOTES or any(c in last for c in "，,。；;！？!?"):
        return None
    if not above or len(above) > 40:
        return None
    if _SHORT_VALUE.search(above) or _SIGN_OFF.search(last):
        return None
    if above[-1] in "：:" or _MARKER_START.match(above) and above[-1] not in _SENTENCE_ENDS + "；;":
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    return None


_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("【", "】"))
# headings whose content is a few words (六、活动地点⏎学校操场), words that end a text without a stop
_SHORT_VALUE = re.compile(r"地点|时间|日期|对象|人员|范围|单位|主办|承办|协办|联系|地址|电话|主题|口号|名称|标题|署名|落款")
_SIGN_OFF = re.compile(r"谢谢|此致|敬礼|特此|以上")


def _cut_line(text, lo, hi) -> Cut | None:
    """Where a draft copied from a preview page stops: in the middle of a sentence (or a
    word, or a number: 增长12.), after an announcement whose list is missing (如下：), at a
    preview's “……”, or right after a heading.  A signature, a date or a short label may
    end a draft without a full stop, so a short last line is taken as cut only when it
    has a comma or opens like a sentence (二是加强, 同时)."""
    if hi <= lo:
        return None
    # a bar left by a page's table after the last sentence (……现在开始。 |) is not text
    bare = _trailing_bar(text, lo, hi)
    if bare > lo and text[bare - 1] in _SENTENCE_ENDS + _QUOTES:
        hi = bare
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
    if last and last[-1] in _DANGLING and not _SIGNATURE.search(last):
        # a word that never ends a text -- a particle, a preposition, an ordinal's 第, a
        # toast's 祝 -- left last: the draft broke off there (男：我们进行的第 / 祝)
        begin = max(start + max(last.rfind(c) for c in "。！？；，,;!?：:") + 1, hi - 24)
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if end_char in "、，," and not _MARKER_START.fullmatch(last) and len(_CJK.findall(last)) >= 2:
        # a text never ends on an enumeration comma or a comma (存在隐患：⏎南区食堂、): the list or
        # the sentence went on where the page stopped
        begin = max(start + max(last[:-1].rfind(c) for c in "。！？；，,;!?：:、") + 1, hi - 24)
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if len(last) <= 60 and _LABELLED.match(last) and not announced:
        return None  # 附件：…… / 联系人：张三，电话：…… end many drafts
    if _LABELLED.match(last) and last.count("、") >= 2 and not any(c in last for c in "，,。；;"):
        return None  # a label and a list of names (相关报告：……、……、……; 关键词：……、……): no sentence was cut
    clause = max(last.rstrip("…. ：:").rfind(c) for c in "。！？；，,;!?") + 1
    # a sentence finished in the line and the next one begun and broken off (……合格党员。“两学
    # 一做”关键看); not a date or a signature after the last stop
    restarted = 0 < clause and len(last) - clause >= 6 and any(c in last[:clause] for c in "。！？!?") \
        and not _SIGNATURE.search(last[clause:])
    if (len(last) >= 30 or (len(last) >= 8 and any(c in last for c in "，,、；;")) or announced or previewed
            or restarted
            or (open_quote or decimal) and len(last) >= 8 or 2 <= len(last) <= 12 and _OPENER.match(last)):
        begin = start + clause if start + clause < hi else max(start, hi - 12)
        if hi - begin > 24:
            begin = hi - 24
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if _MARKER_START.match(last) and len(last) <= 40:
        return Cut("heading", start, hi, last)
    return None


_DANGLING = frozenset("的第和与及或在把被对从向将为祝让使以并而但之其各每该此这那")
_ANNOUNCING = re.compile(r"(?:如下|以下|[两二三四五六七八九十几]点[\u4e00-\u9fff]{0,4}|[两二三四五六七八九十几]个方面[\u4e00-\u9fff]{0,4}"
                         r"|要求|安排|是|为|有|包括)\s*[：:]$")
# an item of a numbered list: 4)  4、  (4)  ④
_ITEM = re.compile(r"\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[)）、.．](?![0-9０-９])|[①-⑳⑴-⒇])\s*")
# the first item of a list, which no list ends on: (1)…  1.…  一是…  第一，…
_FIRST_ITEM = re.compile(r"\s*(?:[（(][1１一][）)]|[1１][、.．)）](?![0-9０-９])|[⑴①]|一是|第一[，,、：:])")
_SIGNATURE = re.compile(r"[年月日号]\s*$|^[\s\d〇○零一二三四五六七八九十年月日号.\-/]+$"
                        r"|(?:委员会|人民政府|政府|办公室|党委|党支部|党工委|支部|局|厅|部|处|办|镇|乡|街道|村|社区|学校|中心|公司|同志)\s*$")
_OPENER = re.compile(r"(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|同时|另外|此外|总之|因此|但是|我们|要(?!求)|通过|随着"
                     # a clause that asks for another after it (如果背离了 ⏎ end): a condition, a concession
                     r"|如果|假如|倘若|只有|只要|虽然|尽管|即使|哪怕|无论|不管|不仅|既然|因为|由于)"
                     r"[\u4e00-\u9fff]")


# The site's notice that it hid a stretch of the draft (……此处隐藏27020个字……, 省略826字):
# what was there is gone as if the draft had been cut off at that point.
_HIDDEN = re.compile(r"(?:省略|隐藏|隐去)了?[ \t]*\d+[ \t]*个?字")


def _hidden(text, junk, lo, hi) -> Cut | None:
    """The first junk span between lo and hi that says how much text the site hid, as a cut."""
    starts, ends = merged(junk)
    for k in range(bisect_right(ends, lo), len(starts)):
        s, e = starts[k], ends[k]
        if s >= hi:
            break
        if _HIDDEN.search(text, s, e):
            tail = text[s:e].strip()
            return Cut("sentence", s, e, tail[-16:])
    return None


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
    def seg(k):
        """Paragraph k's text within lo..hi, spaces trimmed ("" when none)."""
        p = paragraphs[k]
        s, e = p.start, min(p.end, hi)
        return "" if e <= lo or s >= hi else text[s:e].strip()

    # The last three paragraphs with text, from the end; earlier ones only where they start
    # as the last one does (a draft's tens of thousands of lines are not all trimmed).
    tail = []
    k = len(paragraphs)
    while len(tail) < 3 and k > 0:
        k -= 1
        got = seg(k)
        if got:
            tail.append((k, got))
    if len(tail) < 3:
        return False
    last = tail[0][1]
    if len(last) > 30:
        return False
    if _MARKER_START.match(last) and not last.endswith(("。", "！", "!")):
        return True
    head, stop = last[:3], tail[1][0]  # the earlier paragraph: before the last two
    pos = text.find(head, paragraphs[0].start, paragraphs[stop].start)
    while pos >= 0:
        i = bisect_right(paragraphs, pos, key=_START) - 1
        got = seg(i)
        if i < stop and 0 < len(got) <= 30 and got[:3] == head:
            j = i + 1
            while not seg(j):  # the next paragraph with text (at the latest the last but one)
                j += 1
            if len(seg(j)) > 2 * len(got):
                return True
        pos = text.find(head, max(pos + 1, paragraphs[i].end), paragraphs[stop].start)
    return False


def _truncated(text, paragraphs, junk) -> Finding | None:
    """The body stops mid-sentence: typical of a draft copied from a preview page."""
    lo, hi = _real_span(text, paragraphs, junk)
    cut = _cut_off(text, lo, hi)
    if not cut or cut.kind != "sentence":
        return None
    return raw("truncated", "truncated", cut.start, cut.end, text[cut.start:cut.end], tail=cut.tail)


# Where a draft's parts stand around the line it was cut at (used by analyse_structure): a
# part's heading with nothing under it, its name only mentioned, a section the draft opened with.

# a top-level section's heading numbered n (n: a class of numerals), at a line's start or run into a line
_SECTION = r"(?:^|(?<=[。；;！？!?:：\s]))(?:{n}、|第{n}[章节部分])"
_FIRST_SECTION = re.compile(_SECTION.format(n="一"), re.M)
_SOLID = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def _bare_tail(text, end, hi) -> bool:
    """Fewer than 12 characters of text after a part's cue up to the draft's end: the part's
    heading is there, its content is not."""
    return len(_SOLID.findall(text, end, hi)) < 12


_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _unfinished_tail(text, end, hi) -> bool:
    """A part's cue heading its own line (下一步工作打算) with no sentence finished after it up
    to the draft's end: the draft broke off in the part's first sentence.  (Not a part under
    way -- 三、活动要求⏎1、认真组织，务求实效⏎要高度重视……, cut in its second line after
    many clauses: what it says was written, however it ends.)"""
    nl = text.find("\n", end, hi)
    return 0 <= nl - end <= 12 and not any(c in text[end:nl] for c in "，,") and \
        _SENTENCE_END.search(text, end, hi) is None and len(_SOLID.findall(text, end, hi)) < _UNDER_WAY


_UNDER_WAY = 60  # characters of a part's content that show it was written, cut or not


# the parts a summary, a debrief or a study report closes with (what went wrong, what comes
# next), which its introduction names before they come.  (A plan's closing requirements are
# not among them: its introduction cites another document's 有关要求, 工作要求.)
_REVIEWED = ("problems", "next_steps")


def _mentioned(text, start, end, lo, cut) -> bool:
    """A part's cue (start..end) above the draft's first top-level section heading while
    there is one further down: the introduction naming what the sections will be about (为下一步
    ……打好基础, 现将……及下一步打算报告如下), not the part."""
    first = _FIRST_SECTION.search(text, lo, cut)
    if first is not None and start < first.start():
        # (but an introduction that ends announcing the part alone, its sections following at
        # once -- 提出以下整改措施：⏎一、……; 整改措施如下： -- heads the part; not one announcing
        # several, 现将……情况及2023年工作安排汇报如下：)
        after = _ANNOUNCED.match(text, end, first.start())
        return not (after and (after.group(1) or text[max(lo, start - 4):start].endswith(("以下", "如下"))))
    return _PURPOSE.search(_clause(text, start, end)) is not None


# what the introduction's last words are when they announce the sections that follow (……如下：)
_ANNOUNCED = re.compile(r"(如下)?[：:]\s*\Z")
# a purpose clause naming the part as what the draft serves (为全乡下一步发展……提供思路与对策)
_PURPOSE = re.compile(r"为[^，,。；;！？!?]{0,30}?(?:下一步|下步|今后)[^，,。；;！？!?]{0,40}?(?:提供|奠定|打好|打下|创造)")


def _clause(text, start, end) -> str:
    """The clause around text[start:end]: from the stop before it to the stop after it."""
    s = max(text.rfind(c, max(0, start - 60), start) for c in "，,。；;！？!?\n") + 1
    e = min([i for i in (text.find(c, end, end + 60) for c in "，,。；;！？!?\n") if i >= 0] or [end + 60])
    return text[s:e]


def _beyond_mentions(text, span, cues, lo, cut, mention):
    """The part's span when it is not a mention; else the first cue further down, up to the
    cut, that is not one either; None when there is none."""
    s, e = span
    if not mention(text, s, e, lo, cut):
        return span
    for cue in cues:
        m = cue.search(text, e, cut)
        while m:
            if not mention(text, m.start(), m.end(), lo, cut):
                return m.span()
            m = cue.search(text, m.end(), cut) if m.end() > m.start() else None
    return None


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _run_into(text, start, end, lo, cut) -> bool:
    """A part's short name (注意事项, 工作要求) run into a sentence of a section's item -- a word of
    the sentence before it, no colon or line end after it (3、主持人说明活动规则及注意事项。) --
    under the draft's first numbered section: a mention, not the part's heading."""
    first = _FIRST_SECTION.search(text, lo, cut)
    if first is None or end - start > 6:
        return False  # (above the first section too: the preamble cites 落实全省……工作要求，)
    before, after = text[start - 1:start], text[end:end + 1]
    return bool(_CJK.match(before)) and after not in ("：", ":", "\n", "") and not \
        text[max(lo, start - 2):start].endswith(tuple(f"{c}是" for c in "一二三四五六七八九十"))


_HEADED = re.compile(r"(?:^|(?<=[。；;！？!?:：\s]))[一二三四五六七八九十]{1,3}[、．.][ \t\u3000]*[\u4e00-\u9fff]{0,4}\Z")
_ANY_SECTION = re.compile(_SECTION.format(n="[一二三四五六七八九十]{1,3}"), re.M)


def _early_section(text, start, end, lo, cut) -> bool:
    """A part's cue heading a top-level section (三、组织领导) with another top-level section after
    it above the cut (四、重点活动安排): a section the plan opened with, not the requirements
    that close it -- those were lost with the cut."""
    return _HEADED.search(text, max(lo, start - 10), start) is not None and \
        _ANY_SECTION.search(text, end, cut) is not None


def _safeguard_mention(text, start, end, lo, cut) -> bool:
    return _run_into(text, start, end, lo, cut) or _early_section(text, start, end, lo, cut)


def _followed(pid, ids, parts) -> bool:
    """A part the genre puts after ``pid`` (its closing aside) is there above the cut: the draft
    went past where ``pid`` would stand, so the cut did not take it (三、下一步工作打算 under the
    self-inspection's findings, with no 存在问题 before it: never written, not lost)."""
    later = ids[ids.index(pid) + 1:] if pid in ids else []
    return any(q in parts for q in later if q not in ("closing", "title"))
