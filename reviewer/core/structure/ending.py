"""Where a draft's text stops: the last line read for a sentence, a word or a list broken off
by the page (_cut_line, _unfinished_last), and the Cut they report.  cutoff.py reads the
draft's parts around it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import _MARKER_START
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_ENDS = "。！？!?…）)」』】.；;：:"
_QUOTES = "”’\"'"
_SENTENCE_ENDS = "。！？!?…"
_LABELLED = compile_cached(r"[\u4e00-\u9fff]{1,6}[：:]")
_BAR_RUN = " \t\u3000|｜"
_CJK = compile_cached(r"[\u4e00-\u9fff]")


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
    #                "preview": the page says under the text that it showed only part of it
    start: int     # the unfinished fragment (or the heading)
    end: int
    tail: str      # its last few characters, for messages


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
    if (k == start - 1 and len(above) >= 40 and above[-1] in _SENTENCE_ENDS and 2 <= len(last) <= 12
            and _CJK_ONLY.fullmatch(last) and not _SIGN_OFF.search(last) and not _CLOSING_WORDS.match(last)
            and not _ORG_END.search(last) and not (len(last) <= 4 and last[0] in _SURNAMES)):
        # a new paragraph's first words under a finished one, and nothing after them (……显著成绩。⏎经济总):
        # the page stopped there -- not a name, an organisation's signature or a closing wish
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


_CJK_ONLY = compile_cached(r"[\u4e00-\u9fff]+")
# what a draft may end on without a stop: a wish or a call (祝大家新年快乐, 让我们携手前进), a slogan
_CLOSING_WORDS = compile_cached(r"祝|让我们|愿|衷心|最后|再次|共同|携手|为.{1,8}(?:奋斗|努力)|加油|万岁|必胜"
                                # (a picture's caption or the page's credit: 图为述职会现场, 责任编辑某某)
                                r"|图为|图片|照片|附件|来源|责任编辑|编辑|审核|供稿|作者")
# an organisation signing the draft (某某实验小学, 某某集团), beyond those _SIGNATURE already names
# (a line ending in 委员会, 政府, 局, 学校, 公司 … never gets this far)
_ORG_END = compile_cached(r"(?:中学|小学|幼儿园|大学|学院|医院|集团|协会|商会|工会|团委|妇联|站|所|队|院|会|班|组|室|科)$")
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                      "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                      "欧阳司上诸葛")
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("【", "】"))
# headings whose content is a few words (六、活动地点⏎学校操场), words that end a text without a stop
_SHORT_VALUE = compile_cached(r"地点|时间|日期|对象|人员|范围|单位|主办|承办|协办|联系|地址|电话|主题|口号|名称|标题|署名|落款")
_SIGN_OFF = compile_cached(r"谢谢|此致|敬礼|特此|以上")


def _char_before(text, lo, at) -> str:
    """The last character before ``at`` (not before ``lo``) that is no blank, or ""."""
    k = at - 1
    while k >= lo and text[k].isspace():
        k -= 1
    return text[k] if k >= lo else ""


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
    # (a line with a clause's mark is a sentence, whatever name ends it: 会上，县委书记 王刚强调)
    signed = _SIGNED_BY.search(last) if len(last) <= 40 and not any(c in last for c in "，,。；;：:！？!?") else None
    if signed and signed.group(1) in _SURNAMES:
        return None  # a signature: offices and a name (党支部副书记、总经理 张东权)
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
    # (a clause and the next one begun, a few words each: 今天，我体会到 -- no signature or sign-off)
    commas = any(c in last for c in "，,、；;") and len(last) >= 8 or (
        len(last) >= 5 and any(c in last for c in "，,") and not _MARKER_START.match(last)
        and not _SIGNATURE.search(last) and not _SIGN_OFF.search(last))
    # a title in book-title marks or a quotation opened and never closed on the last line
    # (（三）互动游戏《接力运鸡 / 今天是中华民族的传统节日——“): the page stopped inside it
    unclosed = len(last) >= 6 and (last.count("《") > last.count("》") or last.count("“") > last.count("”"))
    # a longer last line that opens like a sentence, not a heading's or a label's words
    # (各级团组织要把……贯彻党, 我们要充分把握……即将开启, 希望本次……能够成为)
    # ... after a line that ends a sentence (a poem's or a slogan's lines end in none)
    opened = 12 < len(last) < 30 and _OPENER.match(last) is not None and not _SIGNATURE.search(last) \
        and not _SIGN_OFF.search(last) and not _MARKER_START.match(last) \
        and _char_before(text, lo, start) in ("。", "！", "？", "!", "?")
    if (len(last) >= 30 or commas or announced or previewed
            or restarted or unclosed or opened
            or (open_quote or decimal) and len(last) >= 8 or 2 <= len(last) <= 12 and _OPENER.match(last)):
        begin = start + clause if start + clause < hi else max(start, hi - 12)
        if hi - begin > 24:
            begin = hi - 24
        return Cut("sentence", begin, hi, text[max(begin, hi - 12):hi])
    if _MARKER_START.match(last) and len(last) <= 40:
        return Cut("heading", start, hi, last)
    return None


_DANGLING = frozenset("的第和与及或在把被对从向将为祝让使以并而但之其各每该此这那")
_ANNOUNCING = compile_cached(r"(?:如下|以下|[两二三四五六七八九十几]点[\u4e00-\u9fff]{0,4}|[两二三四五六七八九十几]个方面[\u4e00-\u9fff]{0,4}"
                             r"|要求|安排|是|为|有|包括)\s*[：:]$")
_SIGNATURE = compile_cached(r"[年月日号]\s*$|^[\s\d〇○零一二三四五六七八九十年月日号.\-/]+$"
                            r"|(?:委员会|人民政府|政府|办公室|党委|党支部|党工委|支部|局|厅|部|处|办|镇|乡|街道|村|社区|学校|中心|公司|同志)\s*$")
# a line signed by a person: an office (after others: 董事局主席, 副书记、总经理) and a name set off by a blank
_SIGNED_BY = compile_cached(r"(?:书记|经理|主席|董事长|理事长|秘书长|局长|校长|主任|院长|总裁|部长|厅长|市长|县长|区长|镇长|乡长"
                            r"|处长|科长|所长|站长|队长|园长|会长|社长|行长|厂长|总监)[ \t\u3000]+([\u4e00-\u9fff])(?:[ \t\u3000]*[\u4e00-\u9fff]){1,3}\s*$")
_OPENER = compile_cached(r"(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|同时|另外|此外|总之|因此|但是|我们|要(?!求)|通过|随着|希望|各级[\u4e00-\u9fff]{1,4}要"
                         # a clause that asks for another after it (如果背离了 ⏎ end): a condition, a concession
                         r"|如果|假如|倘若|只有|只要|虽然|尽管|即使|哪怕|无论|不管|不仅|既然|因为|由于)"
                         r"[\u4e00-\u9fff]")
