"""A draft that stops too early: cut off in mid-sentence (copied from a preview page),
after an announcement whose list is missing, or right after a heading."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from operator import attrgetter

from ..findings import Finding
from .duplicates.paragraph_text import _in_junk, merged
from .found import raw
from .ending import _CJK, _SENTENCE_ENDS, Cut, _cut_line, _unfinished_last
from .parts import _MARKER_START, _real_span
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


_START = attrgetter("start")
_LONE_NUMBER = compile_cached(r"(\d{1,2})[、.．)）]?")
_AS_FOLLOWS = compile_cached(r"(?:如下|下表|见表|附表|以下|如表|名单|附件|见下|联系人|联系方式)[ \t]*[：:]$"
                              r"|(?:二维码|扫码|下图|如图|附图|见图)[^\n]*[：:]$")
# a line holding a number alone: a page's number where a draft has two or more of them
_PAGE_NUMBER_LINE = compile_cached(r"(?m)^[ \t\u3000]*\d{1,3}[ \t\u3000]*$")
_ITEM_ABOVE = compile_cached(r"(\d{1,2})[、.．)）](?![0-9０-９])")
_OPEN_GLOSS = compile_cached(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s*\Z")


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
    if last and last[-1] in "：:" and len(_CJK.findall(last)) >= 8 and not _AS_FOLLOWS.search(last):
        # a sentence announcing what comes next, the last of the draft (……着重开展好诚信教育：): the page
        # stopped there -- not 安排如下：, which a table (not in the text) may follow
        return Cut("list", max(start, hi - 24), hi, last[-16:])
    # an item of a running list broken off after a word or two (3)我爱记歌词…… then 4)交), or
    # anywhere when the item before it ended with its stop (②……;⏎③不准在不会游泳的监护人带领)
    m = _ITEM.match(last) if last and last[-1] not in _SENTENCE_ENDS + "；;：:" else None
    if m and 0 < len(last) - m.end():
        prev_end = text.rfind("\n", lo, start - 1) if start > lo else -1
        prev = text[max(prev_end + 1, lo):max(start - 1, lo)].strip()
        if not prev and prev_end > lo:  # (a blank line between the items)
            prev = text[max(text.rfind("\n", lo, prev_end) + 1, lo):prev_end].strip()
        pm = _ITEM.match(prev)
        if pm:
            words = len(last) - m.end()
            short_after_longer = words <= 6 and len(prev) - pm.end() > words
            open_after_stopped = prev[-1] in "。；;" and _CJK.match(last[-1]) is not None
            if short_after_longer or open_after_stopped:
                return Cut("list", hi - len(last), hi, last[-16:])
    # a list item or a clause closed by a semicolon as the last words: no text ends there, what
    # followed was lost (……不得出现垃圾和白色污染物;)
    if cut is None and len(last) >= 8 and last[-1] in "；;":
        return Cut("list", hi - len(last), hi, last[-16:])
    return cut


# an item of a numbered list: 4)  4、  (4)  ④
_ITEM = compile_cached(r"\s*(?:[（(]\d{1,2}[）)]|\d{1,2}[)）、.．](?![0-9０-９])|[①-⑳⑴-⒇])\s*")
# the first item of a list, which no list ends on: (1)…  1.…  一是…  第一，…
_FIRST_ITEM = compile_cached(r"\s*(?:[（(][1１一][）)]|[1１][、.．)）](?![0-9０-９])|[⑴①]|一是|第一[，,、：:])")


# The site's notice that it hid a stretch of the draft (……此处隐藏27020个字……, 省略826字):
# what was there is gone as if the draft had been cut off at that point.
_HIDDEN = compile_cached(r"(?:省略|隐藏|隐去)了?[ \t]*\d+[ \t]*个?字")


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


# A page's notice under the text that it showed only part of it (因篇幅问题不能全部显示，请点此查看
# 更多更全内容 / 阅读全文 / 剩余3页未读): the draft stops where the preview did.
_PREVIEW_CUT = compile_cached(r"不能全部显示|未能全部显示|无法全部显示|(?:预览|试读)(?:阅读)?(?:已|已经)?结束|(?:查看|阅读|展开|下载|获取)(?:更多|完整|全部)?(?:全文|内容|版)"
                              r"|余下全文|剩余\s*\d+\s*(?:页|字)|(?:未完|待续)")
# ... or that gives the length of the whole, well beyond what it showed (【文章共3194字，精选参考
# 范文，仅供 under 700 characters): a page that shows all of a draft may give its length too.
_DOTS_CUT = compile_cached(r"[\u4e00-\u9fff][ \t]*(?:\.{3,6}|…{1,2})[ \t]*\Z")
_FULL_LENGTH = compile_cached(r"(?:全文|文章|本文|原文|全篇)[ \t]*(?:共计|总计|共|计|约)?[ \t]*(\d{3,6})[ \t]*个?字")


def _next_number(text, lo, at, line) -> bool:
    """``line`` is a number alone (2, 3、) and the line above ``at`` opens with the number one
    less (1、……处罚。⏎2): the next item's number, the page stopped right after it -- not a page's
    number, which follows no item numbered one less."""
    lone = _LONE_NUMBER.fullmatch(line)
    if not lone or int(lone.group(1)) < 2:
        return False
    above = text[lo:at].rstrip()
    above = above[above.rfind("\n") + 1:].lstrip()
    item = _ITEM_ABOVE.match(above)
    if item is None or int(item.group(1)) != int(lone.group(1)) - 1:
        return False
    # (a PDF's page numbers: other lines of a number alone in the draft)
    pages = _PAGE_NUMBER_LINE.finditer(text)
    return next(pages, None) is None or next(pages, None) is None


def _previewed(text, junk, lo, hi) -> Cut | None:
    """A junk span right after the draft's last words (nothing but blanks and other junk
    between) that says the page showed only part of the text, as a cut at ``hi`` of kind
    "preview": the parts not reached are lost, but an ending the draft shows is its own (such
    a page puts the notice under whole drafts too); or of kind "counted" where the notice gives
    the whole's length, far beyond what is here: no ending shown is the draft's own."""
    starts, ends = merged(junk)
    k = first = bisect_right(ends, hi)
    pos = hi
    while k < len(starts) and starts[k] < hi + 400:
        s, e = starts[k], ends[k]
        if text[pos:s].strip():
            return None  # (real text after the draft's end: not its tail)
        if _PREVIEW_CUT.search(text, s, e):
            return Cut("preview", hi, hi, _last_words(text, lo, hi, 16))
        # (the next two: the line right under the text only -- not a list of the site's links
        # further down, 相关推荐⏎……校长在庆祝大会上的讲...)
        one_line = k == first and "\n" not in text[s:e].strip()
        if one_line and _next_number(text, lo, hi, text[s:e].strip()):
            # the next item's number left alone under the last item, taken for a page's number
            # (1、……处罚。⏎2): the draft was cut right after it
            return Cut("list", hi, hi, _last_words(text, lo, hi, 16))
        if one_line and _DOTS_CUT.search(text, s, e):
            # the preview stopped inside a sentence and marked it (人的生命对于其它任 ...): the draft
            # was cut there, whatever its lines above look like (a wish before a list of demands)
            return Cut("sentence", hi, hi, text[s:e].rstrip(" \t.…")[-16:])
        full = _FULL_LENGTH.search(text, s, e)
        if full and int(full.group(1)) > 1.5 * (hi - lo) + 200:
            # (the whole is far longer than what is here: whatever the last lines say, they are
            # not the draft's ending -- a cut of its own kind, "counted")
            return Cut("counted", hi, hi, _last_words(text, lo, hi, 16))
        pos, k = e, k + 1
    return None


# A draft numbered 一、 at the top with no 二、 after it: one numbers a part only when others
# follow, so a page showed the first part alone (a preview, the first page of several).
_ONE = compile_cached(r"(?m)^[ \t\u3000]*一[、．.]")
_TWO_ON = compile_cached(r"(?:^|(?<=[。；;！？!?:：\s]))(?:[二三四五六七八九十][、．.]|第[二三四五六七八九十](?:[章节部分]|[，,、：:]))", re.M)
# ... nor one that ends as a whole document does: a sign-off (特此报告, 谢谢大家, 请审议), a date under it
_WHOLE_END = compile_cached(r"特此|此致|谢谢|完毕|请(?:予)?审议|批评指正|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\Z")
# ... nor one whose first part is followed by headings of another style (保障措施 alone on its line)
_BARE_HEADING = compile_cached(r"(?m)^[ \t\u3000]*[\u4e00-\u9fff]{2,12}[ \t\u3000]*[：:]?[ \t\u3000]*$")
_LONE_AFTER = 120  # characters of the first part after its heading: a part under way, not a list's first line
# ... and at most this many: a page's preview or first page shows a short stretch; a long first
# part alone is a whole document's chapter (a work report's 一、过去五年工作回顾 printed by itself)
_LONE_MAX = 3000


def _lone_section(text, lo, hi, junk=()) -> Cut | None:
    """A cut of kind "counted" at ``hi`` when the draft's only top-level heading is its 一、
    (no 二、 nor 第二， after it, no heading of another style, no sign-off or date at its end),
    at a line's start, with _LONE_AFTER to _LONE_MAX characters of its part after it: the parts
    after the first were lost with the rest of the page, and no ending the draft shows is its
    own unless it signs off (谢谢大家)."""
    one = _ONE.search(text, lo, hi)
    if one is None or not _LONE_AFTER <= hi - one.end() <= _LONE_MAX or _TWO_ON.search(text, one.end(), hi):
        return None
    if _WHOLE_END.search(text, max(one.end(), hi - 80), hi):
        return None
    nl = text.find("\n", one.end(), hi)
    for m in _BARE_HEADING.finditer(text, nl + 1 if nl > 0 else hi, hi):
        if junk and _in_junk(junk, m.start(), m.start() + 1):
            continue  # (a page's line the junk rules took: 阅读全文)
        if not _fewer_solid(text, m.end(), hi, 20):
            return None  # (a heading with its part under it; not a page's button left last, 二维码)
    return Cut("counted", hi, hi, _last_words(text, lo, hi, 16))


# the words that end a speech beyond doubt (谢谢大家, 汇报完毕)
_SIGN_OFF = compile_cached(r"谢谢|完毕|到此结束|再见|此致")


def _own_ending(cut, text, start, hi) -> bool:
    """Whether a closing found at ``start``, above the line where the draft was cut, is the
    draft's own ending: after a page's notice that it showed part of the text ("preview"), or
    after one giving the whole's length ("counted") when the closing signs off (谢谢大家)."""
    return cut.kind == "preview" or cut.kind == "counted" and _SIGN_OFF.search(text, start, hi) is not None


def _last_words(text, lo, hi, n=14) -> str:
    s = max(lo, hi - n)
    nl = text.rfind("\n", s, hi)
    if nl >= 0 and nl < hi - 2:
        s = nl + 1
    return text[s:hi].strip()


_RUN_HEAD_END = compile_cached(r"[^。！？!?\n]{4,30}[。！？!?]?\s*$")


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
    if 0 < hi < len(text) and text[hi - 1] in "，、；：,;:" and "\n" not in text[hi:hi + 2]:
        # junk goes on from a clause's mark on the same line: the half clause a preview cut, with
        # its dots (site_junk.preview-cut), says where the text stops -- not the clause before it
        return None
    cut = _cut_off(text, lo, hi)
    if not cut or cut.kind != "sentence":
        return None
    return raw("truncated", "truncated", cut.start, cut.end, text[cut.start:cut.end], tail=cut.tail)


# Where a draft's parts stand around the line it was cut at (used by analyse_structure): a
# part's heading with nothing under it, its name only mentioned, a section the draft opened with.

# a top-level section's heading numbered n (n: a class of numerals), at a line's start or run into a line
_SECTION = r"(?:^|(?<=[。；;！？!?:：\s]))(?:{n}、|第{n}[章节部分])"
_FIRST_SECTION = compile_cached(_SECTION.format(n="[一二三四五六七八九十]"), re.M)  # (any: the first may be lost above, 二、活动主题 after a site's abstract)
# a plan's section heading that arranges the work -- who does what, how, in which steps, within
# which scope (三、职责分工, 二、竞赛内容与人员, 三、组织领导, 三、适用范围, 二、集中活动): a plan cut off
# below one has begun its arrangements, and readers do not call its tasks missing (they do when the
# draft stops inside its preamble: 一、指导思想 二、工作目标 / 一、演练目的 二、演练时间和地点)
_ARRANGING = compile_cached(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,2}[、．.][^\n，。：:；;]{0,16}?"
                            r"(?:分工|职责|领导|内容|重点|措施|任务|安排|范围|体系|集中|步骤|流程|方式|形式|实施|举措)")
_SOLID = compile_cached(r"[\u4e00-\u9fff0-9A-Za-z]")


def _bare_tail(text, end, hi) -> bool:
    """Fewer than 12 characters of text after a part's cue up to the draft's end: the part's
    heading is there, its content is not."""
    return _fewer_solid(text, end, hi, 12)


def _fewer_solid(text, end, hi, most) -> bool:
    """Fewer than ``most`` characters of _SOLID in text[end:hi], counted up to ``most``: a
    findall of them all read the whole rest of a long draft for each cue (~100 ms of every
    edit of a 1M-character draft)."""
    return sum(1 for _ in islice(_SOLID.finditer(text, end, hi), most)) < most


_SENTENCE_END = compile_cached(r"[。！？!?；;]")


def _unfinished_tail(text, end, hi) -> bool:
    """A part's cue heading its own line (下一步工作打算) with no sentence finished after it up
    to the draft's end: the draft broke off in the part's first sentence.  (Not a part under
    way -- 三、活动要求⏎1、认真组织，务求实效⏎要高度重视……, cut in its second line after
    many clauses: what it says was written, however it ends.)"""
    nl = text.find("\n", end, hi)
    return 0 <= nl - end <= 12 and not any(c in text[end:nl] for c in "，,") and \
        _SENTENCE_END.search(text, end, hi) is None and _fewer_solid(text, end, hi, _UNDER_WAY)


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
_ANNOUNCED = compile_cached(r"(如下)?[：:]\s*\Z")
# a purpose clause naming the part as what the draft serves (为全乡下一步发展……提供思路与对策)
_PURPOSE = compile_cached(r"为[^，,。；;！？!?]{0,30}?(?:下一步|下步|今后)[^，,。；;！？!?]{0,40}?(?:提供|奠定|打好|打下|创造)")


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


_HEADED = compile_cached(r"(?:^|(?<=[。；;！？!?:：\s]))[一二三四五六七八九十]{1,3}[、．.][ \t\u3000]*[\u4e00-\u9fff]{0,4}\Z")
_ANY_SECTION = compile_cached(_SECTION.format(n="[一二三四五六七八九十]{1,3}"), re.M)


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
