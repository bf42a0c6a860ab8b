"""Website leftovers that a regular expression over one line cannot decide.

``kind: junk-context`` picks one ``check``:

| check        | what it finds                                                              |
|--------------|----------------------------------------------------------------------------|
| neighbour    | a line that is junk because of the junk around it: a label (温馨提示：)     |
|              | before junk, a short name between two junk lines, a keyword-tag line right |
|              | after junk before the body starts, a run of bylines (作者：某某) touching |
|              | junk, the next items of a site's numbered notices (- 6、 after - 4、 - 5、) |
| page-break   | a page number ``2、`` a document-sharing site put at a page break: it     |
|              | starts a line that continues the previous page's unfinished sentence       |
| page-header  | the title repeated as a stand-alone line between body paragraphs           |
| stray-char   | an anti-copy character between two Han characters (的.人文, 的`交流)       |
| glued-marker | a collection marker glued to the end of a title (……方案篇二)               |
| preview      | a page's excerpt above the text: the title and the first sentences run    |
|              | into one line that stops mid-sentence, and the same words follow as text  |
| piece-header | a piece's header in a collection: the collection's title without its count  |
|              | (社区活动方案模板10篇 → 社区活动方案) and the piece's number, at a line's    |
|              | start (社区活动方案 篇1, 社区活动方案1为了……)                               |
| hijack-brand | a gambling brand a hijacked mirror put in place of an organisation's name  |
| domain       | a domain or URL, with the slogan it stands in (……每日更新 www.x.com)        |
| lone-mark    | a lone dash or page number on its own line between paragraphs (not in a   |
|              | table: short cells around it, numbers close together)                      |
| nav-run      | a site's column menu copied one name to a line (工作总结⏎工作计划⏎……)     |
| tail-titles  | other pieces' titles listed under a speech's closing line, no header       |
| random-line  | a line of common characters in no order, put in against copying            |
| inserted-char| rare characters put inside words against copying, in a run (代谀表, 发糯展: |
|              | junk_inserted.py)                                                          |

When junk is glued to a word of the speech, the finding spans that word too (so that the
reader sees where it sits) and its suggestion is the same text without the junk: the
cleaned copy applies the suggestion, so no speech is lost.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from ..cache import compile as compile_cached
from .budget import compile_pattern
from .junk_lines import _HAN, _lines_holding_kept, _spans_found, _strip_span, _stripped_lines, paragraphs_are_lines
from .kinds import Rule, _str_list, finditer_fast, spliced
from .reach import _widest, any_of, line_reach, parsed_or_none, span_needed
from ..yamlfile import RuleLoadError

_TERMINAL = set("。！？!?；;…”’」』）)】》:：.")
_SENTENCE_PUNCT = compile_cached(r"[。！？!?；;]")
_CLAUSE_PUNCT = compile_cached(r"[，,、：:“”（）()《》]")
_HEADING = compile_cached(r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[，,、])")
_HAN_NUMERALS = "一二三四五六七八九十"  # (a numeral after a heading's mark: a day's name, 七.一, not a heading)
_GENRE = compile_cached(r"方案|讲话|报告|总结|发言|致辞|贺词|计划|心得|体会|主持|通知|意见|决定|汇报|述职|材料|稿|词")
_SALUTATION = compile_cached(r"[^。！？\n]{1,30}[:：]")
_PAGE_NUMBER = compile_cached(r"(\d{1,3})\s*、")
_FIRST_PAGE = compile_cached(r"[ \t\u3000]*(1\s*、)")
# the first page's number glued before a title (a genre's word ends the line, no sentence's mark), and
# a second item at a line's start -- a list's, which the 1、 then opens (its mark may differ from the
# first's: 1、制定实施方案 ⏎ …… ⏎ 2．组织实施; 1、县委书记作动员讲话 ⏎ 2.县长部署工作)
_FIRST_TITLE = compile_cached(r"[ \t\u3000]*(1、)(?=[^。！？!?，,；;：:\n]{2,40}(?:讲话稿|讲话|发言稿|发言|致辞|主持词|演讲稿|总结|方案|计划|报告|心得体会|体会|心得|材料|党课|讲稿)[ \t\u3000]*$)")
_SECOND_ITEM = compile_cached(r"(?m)^[ \t\u3000]*2[ \t\u3000]*[、.．](?!\d)")
# a speech's address under such a title (同学们，老师们： / 尊敬的各位领导： / 各位同事：), not a label (具体要求：)
_ADDRESS = compile_cached(r"(?:尊敬的|亲爱的|各位)[^。！？\n]{0,28}[:：]|[^。！？\n]{0,28}们[:：]")


# domain: a site's name at the start of its watermark (稿子汇 www.x.com), and what may follow the
# name where it stands without the address: a short slogan to the line's end (，范文学习文库)
_WATERMARK_NAME = compile_cached(r"([\u4e00-\u9fff]{2,8})[ \t\u3000,，]*(?=(?:https?://|www\.|[A-Za-z0-9]))")
_NAME_BEFORE = compile_cached(r"([\u4e00-\u9fff]{2,8})[ \t\u3000,，]*$")
_WATERMARK_TAIL = r"(?:[ \t\u3000,，、|｜]*[\u4e00-\u9fff]{2,12})?[ \t\u3000]*(?=\n|$)"
# after a watermark's address: the site's account (公众号/微信号, noise symbols allowed in it) and
# what the site did with the text (整理汇总)
_ACCOUNT_AFTER = compile_cached(r"[\s。.，,|｜/]*(?:微信)?(?:公\W?众\W?号|微\W?信\W?号?)\s*[:：]\s*[^\s。，,；;！？!?]{1,16}"
                                r"(?:[。.，,\s]*(?:整理汇总|整理发布|收集整理|整理|汇总)\W?)?")


def _open_quote_before(text: str, pos: int, reach: int = 30) -> bool:
    """Whether a quotation opened in the ``reach`` characters before ``pos`` is still open."""
    depth = 0
    for ch in text[max(0, pos - reach):pos]:
        if ch == "\n":
            depth = 0
        elif ch in "“‘「『":
            depth += 1
        elif ch in "”’」』" and depth:
            depth -= 1
    return depth > 0


def _closed_after(text: str, pos: int, reach: int = 30) -> bool:
    """Whether a closing quotation mark follows ``pos`` in its line, before another opens:
    the quotation open before ``pos`` is closed by its own mark there, so a straight quote
    at ``pos`` does not close it (“我们的'节日·中秋节”)."""
    for ch in text[pos:pos + reach]:
        if ch == "\n" or ch in "“‘「『":
            return False
        if ch in "”’」』":
            return True
    return False


def _lines(ctx) -> list[tuple[int, int]]:
    return ctx.cached("stripped_lines", lambda: _stripped_lines(ctx))


def _starts(ctx, lines) -> list[int]:
    return ctx.cached("stripped_line_starts", lambda: [s for s, _ in lines])


_NON_BLANK = compile_cached(r"\S")


def _line_marks(ctx, key: str, test) -> list[tuple[int, int, object]]:
    """(start, end, verdict) of the stripped lines (_lines) for which ``test(text, s, e)``
    gives a true verdict, in order.  ``test`` must read the line's own text only: after an
    edit of a draft whose paragraphs are its lines only the lines it touched are tested
    again (kinds.spliced keeps the rest in ctx.memo(key)), so a whole-document check that
    walked every line on every keystroke walks its few marked lines instead."""
    text = ctx.text
    if not paragraphs_are_lines(ctx):
        return [(s, e, v) for s, e in _lines(ctx) for v in (test(text, s, e),) if v]

    lines = _lines(ctx)  # (kept between calls too: junk_lines._stripped_lines)

    def scan(lo, hi, stop):  # the lines starting in lo..hi (lo a line's start, hi a line's end)
        starts = _starts(ctx, lines)
        i, j = bisect_left(starts, lo), bisect_left(starts, hi)
        return [(s, e, v) for s, e in (lines[i:j] if i or j < len(lines) else lines)
                for v in (test(text, s, e),) if v], []

    return spliced(ctx, key, None, (0, 0), scan)[0]


def _next_line(text: str, prev: tuple, this: tuple) -> bool:
    """Whether the stripped line ``this`` comes right after ``prev`` (blank lines between)."""
    return _NON_BLANK.search(text, prev[1], this[0]) is None


_BYLINE = compile_cached(r"(?:\s*[^\s。，,；;！？!?：:]{1,12}\s*){1,2}")


def _next_header(text: str, prev: tuple, this: tuple) -> bool:
    """_next_line(), or at most two short lines between that make no sentence: a page's
    byline under its title (某某分享, 作者：某某 is not: a field of the page's own)."""
    return _NON_BLANK.search(text, prev[1], this[0]) is None or \
        _BYLINE.fullmatch(text, prev[1], this[0]) is not None


def _merged(spans):
    out = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


# the offices a speaker or a signer holds (neighbour: _OFFICE_END, _OWN_CLOSING)
_OFFICES = "书记|县长|市长|区长|镇长|乡长|主任|主席|局长|校长|院长|部长|委员|厂长|所长|队长|科长|处长|经理|董事长|理事长|会长|秘书长"
_TAIL_LINE = 40          # neighbour: a line of a page's tail is this short
_SENTENCE_END = compile_cached(r"[。！？!?；;…][”’」』）)】]*$")   # a line that ends a sentence
# a text's own closing line: a date, the issuing body, an attachment, an office and a name
_OWN_CLOSING = compile_cached(
    r"(?m)^(?:附件|附：)|(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$"
    r"|(?:政府|委员会|办公室|办公厅|局|委|院|学校|中心|公司|支部|党委|党组|协会|学会|联合会|工会|团委|妇联|街道|社区|村委会|居委会|筹备组|组委会)$"
    rf"|(?:{_OFFICES})[ \t\u3000]*[\u4e00-\u9fff·]{{2,4}}$")


def _junk(ctx) -> "_JunkLines":
    """ctx.junk merged, and the lines that are junk, as of now."""
    lines = _lines(ctx)
    return ctx.cached("junk_lines", lambda: _JunkLines(lines, _starts(ctx, lines))).update(ctx.junk)


class _JunkLines:
    """The junk found so far (``merged``: ctx.junk as disjoint spans, those that touch
    joined) and the indices of the lines that are (nearly) all junk (``lines``: four
    fifths of their characters inside junk).  The rules of this kind add junk as they
    run, and the next one reads it: update() takes in what was added since it last
    looked (the engine only ever appends to ctx.junk) and looks again only at the lines
    the new spans touch."""

    def __init__(self, lines, starts):
        self._lines, self._starts = lines, starts
        self._seen = 0
        self.merged: list[list[int]] = []
        self.lines: set[int] = set()

    def update(self, spans) -> "_JunkLines":
        if len(spans) == self._seen:
            return self
        new = spans[self._seen:]
        first = not self._seen
        self._seen = len(spans)
        if first:
            self.merged = _merged(new)
            self._count_all()
        else:
            self._look_again([self._add(s, e) for s, e in sorted(new)])
        return self

    def _count_all(self) -> None:
        lines, starts = self._lines, self._starts
        n = len(lines)
        covered: dict[int, int] = {}
        get = covered.get
        for s, e in self.merged:
            i = bisect_right(starts, s) - 1
            if i >= 0:
                ls, le = lines[i]
                if e <= le:  # (most junk lies in one line)
                    if e > ls:
                        covered[i] = get(i, 0) + e - max(s, ls)
                    continue
                if le <= s:
                    i += 1
            else:
                i = 0
            while i < n and lines[i][0] < e:
                ls, le = lines[i]
                covered[i] = get(i, 0) + min(e, le) - max(s, ls)
                i += 1
        self.lines = {i for i, c in covered.items() if c >= 0.8 * (lines[i][1] - lines[i][0])}

    def _add(self, s, e) -> list[int]:
        """Merges s..e into ``merged``; the span it is now part of."""
        merged = self.merged
        k = bisect_right(merged, s, key=_FIRST)
        if k and s <= merged[k - 1][1]:
            k -= 1
            s = merged[k][0]
            e = max(e, merged[k][1])
        j = k
        while j < len(merged) and merged[j][0] <= e:
            e = max(e, merged[j][1])
            j += 1
        merged[k:j] = [[s, e]]
        return merged[k]

    def overlaps(self, s: int, e: int) -> bool:
        """Whether any junk found so far overlaps s..e: the last span starting before e (the
        spans are sorted and disjoint) ends after s."""
        k = bisect_left(self.merged, e, key=_FIRST) - 1
        return k >= 0 and self.merged[k][1] > s

    def _look_again(self, spans) -> None:
        """Counts again the junk in the lines that ``spans`` overlap."""
        lines, starts, merged = self._lines, self._starts, self.merged
        n, junk = len(lines), self.lines
        done = set()
        for s, e in spans:
            i = bisect_right(starts, s) - 1
            if i < 0 or lines[i][1] <= s:
                i += 1
            while i < n and lines[i][0] < e:
                if i not in done:
                    done.add(i)
                    ls, le = lines[i]
                    k = max(0, bisect_right(merged, ls, key=_FIRST) - 1)
                    c = 0
                    while k < len(merged) and merged[k][0] < le:
                        ms, me = merged[k]
                        if me > ls:
                            c += min(le, me) - max(ls, ms)
                        k += 1
                    if c >= 0.8 * (le - ls):
                        junk.add(i)
                    else:
                        junk.discard(i)
                i += 1


_FIRST = itemgetter(0)


# neighbour: a breadcrumb's separators, and what splits it into its steps
_PATH_STEP = compile_cached(r"[>＞»›→]")
_PATH_SPLIT = compile_cached(r"[\s>＞»›→/|｜:：]+")
_SITE_END = compile_cached(r"(?:网|站|文库|之家|吧)$")
# the last character of a line that may end with a piece's number (piece-header)
_PIECE_ENDS = frozenset("0123456789一二三四五六七八九十)）]】:：篇")
_PREVIEW_LINES = 8  # preview: how far down an excerpt may stand
_EXCERPT_LINES = 20  # preview: how far down one cut off above the site's lines may stand
# an excerpt's cut: three dots or one ellipsis after a character of the text (not ……)
_CUT_OFF = compile_cached(r"(?<=[\u4e00-\u9fff，,、])(?:\.{3,6}|…{1,2})[ \t\u3000]*$")
_SENTENCE_STOP = compile_cached(r"[。！？!?]")
# what ends a line that ends its sentence (junk._page_runs: a page is cut anywhere else)
_PAGE_STOPS = frozenset("。！？!?；;…”\"）)」』》：:")
# a collection's header of one piece ends a line: 篇1, 第一篇, 【篇二】, (3) (junk._abstract: the text under it is the piece's)
_PIECE_ABOVE = compile_cached(r"(?:篇[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}篇|[【\[（(](?:篇|第)?[一二三四五六七八九十\d]{1,3}篇?[】\]）)])[:：]?\s*$")
# a notice's words sending or grounding the document below (现将《……方案》印发给你们): its own text
_SENDS = compile_cached(r"[ \t\u3000]*(?:现将|现就|现印发|经研究|根据|按照|依据)")
_PIECE_TOP = 3000  # piece-header: how far from a piece's header its title is looked for
_WIDTHS = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
                         "\"": "“", "”": "“", "'": "‘", "’": "‘"})


_HAN_RUN = compile_cached(r"[\u4e00-\u9fff]+")
_BADGE_END = compile_cached(r"[ \t]*【[^】\n]{1,4}】[ \t]*$")
_TITLE_NOT = compile_cached(r"[。，,；;！？!?：:]")
_NOT_WORD = compile_cached(r"[\W_]")  # neighbour: a short name between junk lines has none
# neighbour: the speaker's office under the title is the speech's own, junk around it or not
_OFFICE_END = compile_cached(rf"(?:{_OFFICES})$")
_TAGS = compile_cached(r"[^\s,，、;；。！？!?:：]{1,10}(?:\s*[,，;；]\s*[^\s,，、;；。！？!?:：]{1,10}){2,7}")  # keyword tags
# neighbour: the number of an item in a numbered list (- 6、, 7.), its bullet kept to compare
_ITEM_NO = compile_cached(r"([-–—·•*]?[ \t]*)(\d{1,2})([、.．])")


# a title's end that names no genre: a year or a note in brackets (……手册2023年, ……总结(小学))
_TITLE_TAIL = compile_cached(r"(?:(?:19|20)\d\d[ \t\u3000]*年?度?|[）)])$")


def _short_lines(ctx, most: int) -> dict:
    """{_flat(line): its start} of the first line of each text among those of ``most``
    characters or fewer (cached per review)."""
    def build():
        text = ctx.text
        got = {}
        for s, e in _lines(ctx):
            if e - s <= most:
                got.setdefault(_flat(text[s:e]), s)
        return got

    return ctx.cached(f"short_lines:{most}", build)


def _flat(s: str) -> str:
    """``s`` without blanks, its punctuation of one width, its quotes of one kind."""
    return re.sub(r"\s+", "", s).translate(_WIDTHS)


_STEP = compile_cached(r"[>》】\]][ \t\u3000]*")  # piece-header: where a title may start inside a line
_LIST_NUMBER = compile_cached(r"\d{1,2}\s*[.．、]|\d{4}\s*年?度?")  # 1. / a year the stem left out


def _behind(rx) -> int | None:
    """How many characters before ``start`` ``rx.search(text, start, end)`` may read: the
    widths of its lookbehinds, and one for \\b; None for a user's pattern or a far reach."""
    from re import _constants as C

    parsed = parsed_or_none(rx)
    if parsed is None:
        return None
    width = 1

    def walk(seq):  # every lookbehind counted, nested ones too: more than any one reads
        nonlocal width
        for op, av in seq:
            if op in (C.ASSERT, C.ASSERT_NOT):
                if av[0] < 0:
                    width += av[1].getwidth()[1]
                walk(av[1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op is C.ATOMIC_GROUP:
                walk(av)
            elif op is C.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is C.GROUPREF_EXISTS:
                walk(av[1])
                if av[2] is not None:
                    walk(av[2])

    walk(parsed)
    return width if width <= 200 else None


# a title run onto a line's end after a sentence's mark: it ends as a draft's name does
# (a speech's or a host's name only: a clause ends with 方案/总结/报告 often -- ……，制定具体实施方案;
# not a list's item, nor a host's next step or a study of a speech: 下面，请……讲话, 认真学习……讲话)
_GLUED_TITLE = compile_cached(r"(?![ \t\u3000]*(?:[（(]?[一二三四五六七八九十0-9０-９]{1,3}[、.．)）]))"
                              r"[^\n]*[。，,！？!?；;](?!下面|接下来|现在|首先|然后|最后|有请|请|由|学习|传达|贯彻|认真|按照|根据|围绕|结合)"
                              r"([^。，,！？!?；;：:请\s]{4,38}?(?:主持词|讲话|致辞|讲稿|发言稿|演讲稿|主持稿|开幕词|闭幕词))$")


def _joined(text: str, pe: int, ns: int, number: str) -> tuple[int, int, dict]:
    """A page's number between a line ending at ``pe`` and text going on at ``ns``, as a finding
    that takes the two characters around it, its suggestion joining them: one fix drops the
    number and the break (lone-mark's 进一⏎⏎1⏎⏎步, page-break's 接下⏎2、来)."""
    return pe - 1, ns + 1, {"match": number, "suggestion": text[pe - 1] + text[ns]}


def _split_word(text: str, pe: int, ns: int) -> bool:
    """Whether the last character before ``pe`` and the first from ``ns`` make a word of
    jieba's dictionary, with one more character on either side or none (进一|步: 一步) -- a
    word the page split, not two paragraphs (……明显成效|我们的主要做法)."""
    from ..segment import tokenizer

    freq = tokenizer().FREQ
    a, b = text[pe - 1], text[ns]
    two_before = text[pe - 2:pe] if pe >= 2 else ""
    two_after = text[ns:ns + 2]
    return any(freq.get(w, 0) > 0 for w in (a + b, two_before + b, a + two_after) if len(w) >= 2)


def _title_like(line: str, max_len: int = 40) -> bool:
    return 0 < len(line) <= max_len and not re.search(r"[。，,；;！？!?]", line)


def _body_start(ctx, lines, junk) -> int:
    """Index of the first line of the speech itself (a sentence, a salutation, a heading)."""
    text = ctx.text
    for i, (s, e) in enumerate(lines):
        if i in junk:
            continue
        line = text[s:e]
        if _HEADING.match(line) or (len(line) <= 30 and _SALUTATION.fullmatch(line)):
            return i
        if len(line) >= 30 and re.search(r"[。，,；;！？!?]", line):
            return i
    return len(lines)


def _brand_window(ctx, bs: int, be: int, ls: int, le: int) -> tuple[int, int]:
    """The brand bs..be with two words either side, within its line ls..le (which holds
    jieba's window, segment.Segmenter), relative to the line."""
    cuts = sorted(ctx.seg.cuts(bs, be))
    before = [c for c in cuts if c < bs]
    after = [c for c in cuts if c > be]
    ws = before[-2] if len(before) >= 2 else (before[0] if before else bs)
    we = after[1] if len(after) >= 2 else (after[0] if after else be)
    return max(ws, ls) - ls, min(we, le) - ls


def _mid_sentence(ch: str) -> bool:
    """A line ending with this character stops in the middle of a sentence."""
    return ch not in _TERMINAL and (bool(_HAN.match(ch)) or ch.isalnum() or ch in "，,、")


def _list_goes_on(text: str, lines, i: int) -> int | None:
    """Where the next line's 2、 starts when line i (starting 1、) ends with a full stop: the
    first item of a list (……篇1⏎1、通过学习……。⏎2、开展……), not a sharing site's first page
    number, whose page stops anywhere (mid-sentence, after a bracket) where the next one (2、)
    goes on -- unless that 2、 is found a page's number itself (its page broke a sentence
    before 3、); None otherwise."""
    if i + 1 >= len(lines):
        return None
    s, e = lines[i]
    ns, ne = lines[i + 1]
    m = _PAGE_NUMBER.match(text, ns, ne)
    if m is None or m.group(1) != "2" or not _ITEM_END.search(text, max(s, e - 48), e):
        return None
    return m.start()


# a sentence's end at a line's end, with its closing quotes or a bracketed note after it
# (……处处要安全。”, ……。（责任部门：校长办公室）)
_ITEM_END = compile_cached(r"[。！？；!?;][”’」』）)]*(?:[（(][^（）()\n]{1,40}[）)])?$")


class JunkContextRule(Rule):
    KEYS = {"check", "patterns", "words", "exceptions", "min_count", "min_page_length", "max_line_length",
            "genre_heads", "window", "rare_below", "word_at_least", "free_word_at_least", "weak_words"}
    REQUIRED = ("check",)
    CHECKS = ("neighbour", "page-break", "page-header", "stray-char", "glued-marker", "hijack-brand", "domain",
              "piece-header", "preview", "lone-mark", "nav-run", "tail-titles", "random-line", "abstract", "inserted-char",
              "page-runs")
    phase = 0.5  # after the line and marker junk rules, whose findings some checks read

    def setup(self, spec):
        check = spec["check"]
        if check not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = check
        if check == "neighbour":
            # after the other checks of this kind: a byline or a label sits beside junk that
            # some of them find (a piece's header, a page's number, a domain)
            self.phase = 0.6
        self.needs_jieba = check in ("stray-char", "glued-marker", "hijack-brand", "random-line", "inserted-char")
        try:
            self.patterns = [compile_pattern(p) for p in _str_list(spec, "patterns")]
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}", self.id, "patterns") from e
        self.words = _str_list(spec, "words")
        # nav-run: words that name a site's figure only beside another of ``words`` (阅读, 作文: a
        # paper's parts too, 阅读⏎30⏎作文⏎40)
        self.weak_words = frozenset(_str_list(spec, "weak_words"))
        if self.weak_words and (check != "nav-run" or not self.weak_words <= set(self.words)):
            raise RuleLoadError(self.source, "weak_words 只用于 nav-run，且须是 words 里的词", self.id, "weak_words")
        self.exceptions = _str_list(spec, "exceptions")
        self.min_count = int(spec.get("min_count", 2 if check == "page-header" else 3))
        self.min_page = int(spec.get("min_page_length", 150))
        # inserted-char: a run of min_count within window characters of each other; a rare
        # character's words weigh under rare_below in jieba's dictionary; the word joined
        # without it has a frequency of word_at_least or more
        self.window = int(spec.get("window", 1000))
        self.rare_below = int(spec.get("rare_below", 5000))
        self.word_at_least = int(spec.get("word_at_least", 1000))
        if check != "inserted-char" and any(k in spec for k in ("window", "rare_below")):
            raise RuleLoadError(self.source, "window、rare_below 只用于 inserted-char", self.id, "check")
        if check not in ("inserted-char", "stray-char") and "word_at_least" in spec:
            raise RuleLoadError(self.source, "word_at_least 只用于 inserted-char 和 stray-char", self.id, "check")
        # stray-char: a character this frequent as a word of its own in jieba's dictionary
        # (上, 城, 男 …) is a word, not half of one -- a hyphen between two such sets two
        # words side by side (上-下联动)
        self.free_word = int(spec.get("free_word_at_least", 5000))
        if check != "stray-char" and "free_word_at_least" in spec:
            raise RuleLoadError(self.source, "free_word_at_least 只用于 stray-char", self.id, "free_word_at_least")
        self.max_len = int(spec.get("max_line_length", 40))
        if check in ("stray-char", "glued-marker", "domain", "lone-mark", "nav-run", "abstract", "page-runs") and not self.patterns \
                or check == "tail-titles" and len(self.patterns) != 2:
            raise RuleLoadError(self.source, f"{check} 需要 patterns", self.id, "patterns")
        if check == "piece-header" and (len(self.patterns) not in (2, 3, 4) or any(
                "stem" not in getattr(rx, "groupindex", {}) for rx in self.patterns[:1] + self.patterns[2:])
                or len(self.patterns) >= 3 and "num" not in getattr(self.patterns[2], "groupindex", {})
                or len(self.patterns) == 4 and "whole" not in getattr(self.patterns[3], "groupindex", {})):
            raise RuleLoadError(self.source, "piece-header 需要 patterns：合集标题（含 stem 分组）、篇号，"
                                "可再加一个篇号标题行（含 stem、num 分组）和一个篇号在前的标题行（含 stem、whole 分组）", self.id, "patterns")
        # glued-marker: the genre words that, bare before the marker, take the word before
        # them into the finding (实施方案1: not 方案1)
        self.genre_heads = frozenset(_str_list(spec, "genre_heads"))
        if self.genre_heads and check != "glued-marker":
            raise RuleLoadError(self.source, "genre_heads 只用于 glued-marker", self.id, "genre_heads")
        if check == "hijack-brand" and not self.words:
            raise RuleLoadError(self.source, "hijack-brand 需要 words（品牌用词）", self.id, "words")
        self._words_rx = compile_cached("|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))) \
            if self.words else None
        self._exc_rx = compile_pattern("|".join(self.exceptions)) if self.exceptions else None

    def scan(self, ctx):
        yield from getattr(self, "_" + self.check.replace("-", "_"))(ctx)

    # ----- page-runs ---------------------------------------------------------------------
    def _page_runs(self, ctx):
        """A document site's excerpt of each page, one a line, opened with the page's number
        (1、在2024市级重阳节座谈会上……⏎2、龄化国家战略……⏎3、个体的力量……): lines in a row numbered
        1, 2, 3 … (patterns[0] at a line's start, its group ``n`` the number), every one but the
        last at least ``min_page_length`` characters and ending in mid-sentence -- a page is cut
        anywhere (a page's excerpt runs to hundreds of characters), a list's item ends its
        sentence, a title in 》 or a lead-in in ：.  The numbers are reported."""
        rx = self.patterns[0]
        least = self.min_page

        def test(t, s, e):  # the line's own text only; the mark's length, not its end (a line moves)
            m = rx.match(t, s, e)
            return (int(m.group("n")), m.end() - s) if m else None

        found = _line_marks(ctx, "page-runs:" + self.full_id, test)
        if len(found) < 2:
            return
        text = ctx.text
        lines = _lines(ctx)
        starts = _starts(ctx, lines)
        run: list = []

        def runs_end(run):  # (the last page's excerpt may be short: the page or the copy ends there)
            if len(run) >= 2 and run[0][2][0] == 1 and all(
                    e - s >= least and text[e - 1] not in _PAGE_STOPS for s, e, _ in run[:-1]):
                for s, _, (_, length) in run:
                    yield s, s + length, {}

        prev_k = None
        for s, e, v in found:
            k = bisect_left(starts, s)
            if run and (k != prev_k + 1 or v[0] != run[-1][2][0] + 1):
                yield from runs_end(run)
                run = []
            run.append((s, e, v))
            prev_k = k
        yield from runs_end(run)

    # ----- random-line -------------------------------------------------------------------
    def _random_line(self, ctx):
        """A line of common characters in no order (擦局又徒半太遵粒貌正乡销……) that a page
        puts among the text against copying: ``min_count`` Han characters or more, nearly
        nothing else, no punctuation of a sentence, and jieba finds almost no word of two
        characters in it -- under a fifth of its characters in such words, where a line of
        Chinese (a title, a hard-wrapped line, a list of names) has most of them in words."""
        least, most = self.min_count, self.max_len

        def test(t, s, e):  # the line's own text only (jieba's cuts asked below, for the few left)
            if e - s < least or e - s > most:
                return False
            line = t[s:e]
            if _SENTENCE_PUNCT.search(line) or _CLAUSE_PUNCT.search(line):
                return False
            han = len(_HAN.findall(line))
            return not (han < least or han < 0.9 * (e - s))

        for s, e, _ in _line_marks(ctx, "random-line:" + self.full_id, test):
            cuts = sorted(c for c in ctx.seg.cuts(s, e) if s <= c <= e)
            if cuts[:1] != [s]:
                cuts.insert(0, s)
            if cuts[-1] != e:
                cuts.append(e)
            worded = sum(b - a for a, b in zip(cuts, cuts[1:]) if b - a >= 2)
            if worded < 0.2 * (e - s):
                yield s, e, {}

    # ----- tail-titles -------------------------------------------------------------------
    def _tail_titles(self, ctx):
        """Other pieces' titles a page lists under a speech, with no header over them: after
        the speech's closing line (patterns[0]: 谢谢大家！), ``min_count`` or more title lines
        in a row (patterns[1]: no sentence, a genre's word at the end), flagged as one block.
        Only at the closing: a list of titles in the middle of a draft may be its own."""
        text = ctx.text
        closing, title = self.patterns[:2]
        most = self.max_len
        # the closing lines (kept between re-checks), then the title lines under each
        closings = _line_marks(ctx, "tail-titles:" + self.full_id,
                               lambda t, s, e: e - s <= most and closing.fullmatch(t, s, e) is not None)
        if not closings:
            return
        lines = _lines(ctx)
        starts = _starts(ctx, lines)
        n = len(lines)
        after = 0  # the lines before this one are a closing's titles already
        for s, _, _ in closings:
            i = bisect_left(starts, s)
            if i < after:
                continue
            j = i + 1
            while j < n and lines[j][1] - lines[j][0] <= most and title.fullmatch(text, *lines[j]):
                j += 1
            if j - i - 1 >= self.min_count:
                yield lines[i + 1][0], lines[j - 1][1], {}
            after = max(i + 1, j)

    # ----- nav-run -----------------------------------------------------------------------
    def _nav_run(self, ctx):
        """A site's menu or sidebar of columns copied one to a line (工作总结⏎工作计划⏎心得体会):
        ``min_count`` or more lines in a row (blank lines between allowed), each nothing but a
        column's name (patterns), flagged as one block.  One such line alone is a title."""
        text = ctx.text
        most = self.max_len
        keys = self._words_rx
        patterns = self.patterns

        weak = self.weak_words

        def test(t, s, e):  # 2: a name that is also one of ``words`` (3: one of ``weak_words``)
            if e - s <= most and any(rx.fullmatch(t, s, e) for rx in patterns):
                if keys is not None and keys.fullmatch(t, s, e):
                    return 3 if weak and t[s:e].strip() in weak else 2
                return 1
            return 0

        marks = _line_marks(ctx, "nav-run:" + self.full_id, test)

        def flush(run):
            # with ``words`` (a document site's keys: 页数, 大小 …), two of the run's lines
            # must be one of them: the values under them alone (2⏎3⏎4) are a table's column;
            # one at least not of ``weak_words`` (阅读⏎30⏎作文⏎40: a paper's parts)
            if len(run) >= self.min_count and (keys is None or sum(1 for m in run if m[2] >= 2) >= 2
                                               and any(m[2] == 2 for m in run)):
                yield run[0][0], run[-1][1], {}

        run = []
        for m in marks:
            if run and not _next_line(text, run[-1], m):
                yield from flush(run)
                run = []
            run.append(m)
        yield from flush(run)

    # ----- lone-mark ---------------------------------------------------------------------
    def _lone_mark(self, ctx):
        """A line that is nothing but a mark a page left (patterns: a dash, a page's number)
        between two blocks of the draft's own text: a paragraph on one side, a paragraph, a
        heading or the text's edge on the other.  A table's cells (short lines around it) are
        left alone, and so is a number with another lone number within three lines of it (a
        table's or a list's numbers)."""
        text = ctx.text
        patterns = self.patterns
        found = _line_marks(ctx, "lone-mark:" + self.full_id,
                            lambda t, s, e: e - s <= 4 and any(rx.fullmatch(t, s, e) for rx in patterns))
        if not found:
            return
        lines = _lines(ctx)
        starts = _starts(ctx, lines)
        marks = [bisect_left(starts, s) for s, _, _ in found]
        numbers = {i for i in marks if text[lines[i][0]:lines[i][1]].isdigit()}
        dashes = set(marks) - numbers

        def kind(k):  # "prose", "heading", "edge" or None (a short line: a table's cell, a name)
            if k < 0 or k >= len(lines):
                return "edge"
            s, e = lines[k]
            line = text[s:e]
            if e - s >= 30 and _SENTENCE_PUNCT.search(line) or e - s >= 30 and "，" in line:
                return "prose"
            if _HEADING.match(line):
                return "heading"
            return None

        for i in marks:
            s, e = lines[i]
            before, after = kind(i - 1), kind(i + 1)
            # the first page's number above the title, or a view count right under the title
            # (short lines without a sentence's punctuation above it: the title, the site's name), the text's own lines
            # under it: 1⏎title / 0⏎title / title⏎59
            top = i <= 4 and all(lines[k][1] - lines[k][0] <= 40 and k not in numbers
                                 and not _SENTENCE_PUNCT.search(text[lines[k][0]:lines[k][1]]) for k in range(i))
            # (a heading's number would have others after it: only the text's one lone number)
            first_page = (i == 0 and text[s:e] == "1" and 1 not in numbers
                          or top and i in numbers and len(numbers) == 1) and any(
                kind(k) == "prose" or lines[k][1] - lines[k][0] >= 20
                and re.search(r"[，,。；;]", text[lines[k][0]:lines[k][1]]) for k in range(i + 1, min(len(lines), i + 7)))
            if not first_page and (None in (before, after) or "prose" not in (before, after)):
                continue
            if i in numbers and any(k in numbers for k in range(i - 3, i + 4) if k != i):
                continue
            if i not in numbers and (i - 2 in dashes or i + 2 in dashes):
                continue  # a list's bullets, each on a line above its item (-⏎统一指挥……⏎-⏎预防为主……)
            if i in numbers and 0 < i < len(lines) - 1:
                ps, pe = lines[i - 1]
                ns, _ = lines[i + 1]
                if (before == "prose" and _HAN.match(text[pe - 1]) and _HAN.match(text[ns])
                        and not _HEADING.match(_SENTENCE_PUNCT.split(text[ps:pe])[-1].strip())
                        and _split_word(text, pe, ns)):
                    # a page's number inside a word the page split (进一⏎⏎1⏎⏎步)
                    yield _joined(text, pe, ns, text[s:e])
                    continue
            yield s, e, {}

    # ----- neighbour ---------------------------------------------------------------------
    def _neighbour(self, ctx):
        seen = set()  # (a line of a page's tail may be a short name between junk too)
        for s, e, v in sorted(self._neighbour_hits(ctx), key=itemgetter(0, 1)):  # in the text's order
            if (s, e) not in seen:
                seen.add((s, e))
                yield s, e, v

    def _neighbour_hits(self, ctx):
        text = ctx.text
        lines = _lines(ctx)
        junk = _junk(ctx).lines
        start = _body_start(ctx, lines, junk)
        n = len(lines)

        def adjacent(i, j):  # no blank line between lines i < j
            return text.count("\n", lines[i][1], lines[j][0]) <= 1

        first = next((i for i in range(n) if i not in junk), -1)  # the title, usually

        def _titled_below(k, genre=None):
            """The next line that is not junk is a title of the text: 8 to 60 characters, no
            sentence in it, not a subtitle (——) nor a note in brackets, naming a genre (the
            one given, when given)."""
            j = k + 1
            while j < n and j in junk:
                j += 1
            if j >= n:
                return False
            ts, te = lines[j]
            title = text[ts:te].strip()
            if not 8 <= len(title) <= 60 or _TITLE_NOT.search(title) or title[0] in "—－-（(【[":
                return False
            return genre in title if genre else bool(_GENRE.search(title))
        # bylines (作者：某某, 编 辑：某某 …, the rule's patterns) in a run that touches a junk
        # line, no blank line between: the run of a news item's credits goes whole
        bylines = set()
        if self.patterns:
            # what a line is depends on its text alone: kept between re-checks by the text
            # (only the lines asked about this time are kept, so the memo never outgrows the draft)
            memo, kept = ctx.memo("bylines:" + self.full_id), {}
            patterns, most = self.patterns, self.max_len

            def byline(k):
                s, e = lines[k]
                if e - s > most:
                    return False
                line = text[s:e]
                got = kept.get(line)
                if got is None:
                    got = memo.get(line)
                    if got is None:
                        got = any(rx.fullmatch(line) for rx in patterns)
                    kept[line] = got
                return got

            for j in sorted(junk):
                for step in (-1, 1):
                    k = j + step
                    while 0 <= k < n and k not in junk and k not in bylines and \
                            adjacent(min(k, k - step), max(k, k - step)) and byline(k):
                        bylines.add(k)
                        k += step
            # a byline set apart by blank lines, as most pages copy: junk on both sides of it
            # (某某合集(模板14篇)⏎⏎作者:某某⏎⏎以下是小编……), or junk before it above the
            # speech's start (某某心得(模板19篇)⏎⏎某某分享⏎⏎读书心得……)
            for j in sorted(junk):
                k = j + 1
                if k < n and k not in junk and k not in bylines and (k + 1 in junk or k < start) and byline(k):
                    bylines.add(k)
            # (or a title with junk glued to it above, 某某讲话(2)⏎⏎某某分享⏎⏎某某讲话篇2)
            found = _junk(ctx)
            for j in sorted(junk):
                k = j - 1
                if k > 0 and k not in junk and k not in bylines and k - 1 not in junk and k < start \
                        and found.overlaps(*lines[k - 1]) and byline(k):
                    bylines.add(k)
            memo.clear()
            memo.update(kept)
            for k in sorted(bylines):
                yield lines[k][0], lines[k][1], {}
        # a column's name on its own line beside the breadcrumb that holds it, above the speech
        # (校园新闻⏎当前位置: 首页 > 新闻资讯 > 校园新闻 > 正文 / 首页 >>新闻中心 >>动态新闻⏎新闻中心⏎动态新闻)
        echoed = set()
        for j in sorted(junk):
            if j >= start + 3:
                break
            js, je = lines[j]
            if je - js > 200 or not _PATH_STEP.search(text, js, je):
                continue
            steps = {p for p in _PATH_SPLIT.split(text[js:je]) if 2 <= len(p) <= 12}
            for k in range(max(0, j - 3), min(n, j + 4)):
                if k in junk or k in bylines or k in echoed or k >= start:
                    continue
                ks, ke = lines[k]
                # (a column's name is short, a site's ends with 网; a longer line or one with a
                # genre's word is the page's title, which may be the path's last step)
                if (ke - ks <= 6 or ke - ks <= 12 and _SITE_END.search(text, ks, ke)) \
                        and text[ks:ke] in steps and (not _GENRE.search(text, ks, ke) or _titled_below(k)):
                    echoed.add(k)
        # the column's name alone as the text's first line, the title below naming the same
        # genre (主持词⏎七一……表彰大会主持词, 会议讲话⏎在全区……会议上的讲话稿)
        if 0 <= first < start and first not in bylines and first not in echoed:
            fs, fe = lines[first]
            label = _GENRE.search(text, fs, fe)
            if label and 2 <= fe - fs <= 6 and _HAN_RUN.fullmatch(text, fs, fe) and _titled_below(first, label.group()):
                echoed.add(first)
        for k in sorted(echoed):
            yield lines[k][0], lines[k][1], {}
        bylines |= echoed
        # each check needs junk right before or after the line: only those lines are looked at
        near = sorted({k for j in junk for k in (j - 1, j + 1) if 0 <= k < n and k not in junk} - bylines)
        title = text[lines[first][0]:lines[first][1]] if first >= 0 else None
        for i in near:
            s, e = lines[i]
            line = text[s:e]
            prev_junk = i - 1 in junk
            next_junk = i + 1 in junk
            # a label of the junk that follows (温馨提示：, 说明：)
            if next_junk and self._words_rx and len(line) <= 12 and self._label_rx().fullmatch(line):
                yield s, e, {}
                continue
            # the title given again between two pieces of the page's junk (……我要投稿⏎立即下载⏎⏎
            # 某某讲话稿⏎⏎以下是小编……): the page's header, not the draft's own title, which is the first
            # (a title names its genre; an office's name first on a notice is its signature again)
            if prev_junk and next_junk and i != first and line == title \
                    and _GENRE.search(line) and not _OFFICE_END.search(line):
                yield s, e, {}
                continue
            # a short name between two junk lines of one block (an author, a site's name)
            if (prev_junk and next_junk and i != first and len(line) <= 8 and not _NOT_WORD.search(line)
                    and not _GENRE.search(line) and not _OFFICE_END.search(line)
                    and adjacent(i - 1, i) and adjacent(i, i + 1)):
                yield s, e, {}
                continue
            # keyword tags right after the junk, before the speech begins: a,b,c -- three at
            # least (a title may hold one comma: 祝福，是春天的温度)
            if prev_junk and i < start and len(line) <= self.max_len and _TAGS.fullmatch(line):
                yield s, e, {}
        # the page's tail: below the text's last sentence a run of short lines (none ending a
        # sentence), junk two of them at least and half or more -- a paywall's box, the share
        # and comment bars under it: the lines in it after its first junk line are the page's
        # too (试读结束…… ⏎ the title with the site's name ⏎ R币5.9R币9.9 ⏎ 已售 37 ⏎ 点赞51 分享)
        marked = junk | bylines
        k = n
        while k > 0 and (k - 1 in marked or lines[k - 1][1] - lines[k - 1][0] <= _TAIL_LINE
                         and not _SENTENCE_END.search(text, *lines[k - 1])):
            k -= 1
        tail = range(k, n)
        got = sum(i in marked for i in tail)
        # (under a sentence: a draft of short lines alone, a title and a list, has no tail)
        if k > 0 and _SENTENCE_END.search(text, *lines[k - 1]) and got >= 2 and 2 * got >= len(tail):
            first_junk = next(i for i in tail if i in marked)
            for i in range(first_junk + 1, n):
                # (the text's own closing lines between a page's buttons stay: the office that
                # issued it, the date, the attachments -- 【打印本页】⏎某某县人民政府办公室⏎2023年5月1日)
                if i not in marked and not _OWN_CLOSING.search(text, *lines[i]):
                    yield lines[i][0], lines[i][1], {}
        # the rest of a site's numbered notices (- 1、本文档共4页…… - 5、该文档为VIP文档……): two
        # junk items in a row, numbered n-1 and n, make the next item of that list, written the
        # same way with n+1 and touching them, junk too (- 6、成为VIP后，下载本文档将扣除……)
        for j in sorted(junk):
            if j < 1 or j - 1 not in junk:
                continue
            k, m = j, _ITEM_NO.match(text, *lines[j])
            prev = _ITEM_NO.match(text, *lines[j - 1])
            if not m or not prev or prev.group(1, 3) != m.group(1, 3) or int(prev.group(2)) + 1 != int(m.group(2)):
                continue
            while k + 1 < n and k + 1 not in junk and adjacent(k, k + 1):
                nxt = _ITEM_NO.match(text, *lines[k + 1])
                if not nxt or nxt.group(1, 3) != m.group(1, 3) or int(nxt.group(2)) != int(m.group(2)) + 1:
                    break
                yield lines[k + 1][0], lines[k + 1][1], {}
                k, m = k + 1, nxt

    _label = None

    def _label_rx(self):
        """neighbour: a label of the junk that follows (one of ``words``, a colon)."""
        if self._label is None:
            self._label = compile_cached(rf"(?:{self._words_rx.pattern})\s*[:：】]?")
        return self._label

    def _lines_to_search(self, ctx, lines):
        """Indices of the lines where a pattern, searched between the line's start and end,
        can match: those holding a string each match needs (reach.span_needed)."""
        pre = self._span_pre if self._span_pre is not None else self._make_span_pre()
        if not pre:
            return range(len(lines))
        return _lines_holding_kept(ctx, self.full_id + " lines", lines, _starts(ctx, lines), pre)

    _span_pre = None

    def _make_span_pre(self):
        need = set()
        for rx in self.patterns:
            got = None if self.user else span_needed(rx)
            if got is None:
                need = None
                break
            need.update(got)
        self._span_pre = compile_cached(any_of(need)) if need else False
        return self._span_pre

    # ----- page-break --------------------------------------------------------------------
    def _page_break(self, ctx):
        text = ctx.text
        lines = _lines(ctx)
        junk = _junk(ctx).lines
        rx = _PAGE_NUMBER
        found = {}

        def test(t, s, e):  # the number starting a line with more after it: (its span in the line, its value)
            # (what \d matches is a digit: the lines starting with none are left at once)
            m = rx.match(t, s, e) if t[s].isdigit() else None
            if not m or e - m.end() < 1:
                return None
            return m.start() - s, m.end() - s, int(m.group(1))

        page = self.min_page
        starts = _starts(ctx, lines)
        deferred = []  # (where the next line's 2、 starts, the 1、) of a first item that ends a sentence
        for s, e, (ma, mb, k) in _line_marks(ctx, "page-break:" + self.full_id, test):
            i = bisect_left(starts, s)
            # a number is taken after a long line (2、, 3、 …) or, long itself, after junk (1、)
            if not (i and lines[i - 1][1] - lines[i - 1][0] >= page) and not (e - s >= page and i - 1 in junk):
                continue
            if k >= 2 and i > 0:
                ps, pe = lines[i - 1]
                if pe - ps >= self.min_page and _mid_sentence(text[pe - 1]) and not _HEADING.match(text, s + mb, e):
                    if text[s + mb].isspace():  # (a space after the number: joining would keep it)
                        found[(s + ma, s + mb)] = {}
                    else:  # the page broke a sentence (接下⏎2、来)
                        fs, fe, v = _joined(text, pe, s + mb, text[s + ma:s + mb])
                        found[(fs, fe)] = v
                    pm = rx.match(text, ps, pe)
                    if pm and int(pm.group(1)) == k - 1:
                        found[pm.span()] = {}
            elif k == 1 and e - s >= self.min_page and i - 1 in junk:
                after = _list_goes_on(text, lines, i)
                if after is None:
                    found[(s + ma, s + mb)] = {}
                else:  # a page that happened to end a sentence: one if its 2、 turns out a page's
                    deferred.append((after, (s + ma, s + mb)))
        if deferred:
            taken = {fs for fs, _ in found}
            for after, span in deferred:
                if after in taken:
                    found[span] = {}
        # the first page's number glued right after the site's header on the same line
        for _, je in _junk(ctx).merged:
            m = _FIRST_PAGE.match(text, je)
            if m:
                le = text.find("\n", m.end())
                if (len(text) if le < 0 else le) - m.end() >= self.min_page:
                    found.setdefault(m.span(1), {})
        # the first page's number before the draft's title, the first line of the text, and no
        # 2、 at a line's start anywhere below (1、高三毕业典礼校长讲话稿 ⏎ 同学们，老师们：)
        # (the lines are stripped and hold text: _stripped_lines)
        first = next((k for k in range(len(lines)) if k not in junk), None)
        if first is not None:
            fs, fe = lines[first]
            m = _FIRST_TITLE.match(text, fs, fe)
            if m:
                # (a salutation right under it makes it a title whatever list the speech holds below)
                under = first + 1 < len(lines) and _ADDRESS.fullmatch(text, *lines[first + 1]) is not None
                if under or _SECOND_ITEM.search(text, fe) is None:
                    found.setdefault(m.span(1), {})
        for (s, e), v in sorted(found.items()):
            yield s, e, v

    # ----- page-header -------------------------------------------------------------------
    def _page_header(self, ctx):
        text = ctx.text
        lines = _lines(ctx)
        junk = _junk(ctx).lines
        start = _body_start(ctx, lines, junk)
        title = None
        for i, (s, e) in enumerate(lines[:start]):
            if i not in junk and _title_like(text[s:e]):
                title = re.sub(r"\s+", "", text[s:e])
                break
        if not title or len(title) < 4:
            yield from self._glued_titles(ctx, lines, junk)
            return
        # A line is the title once its blanks are gone when it is the title's characters
        # with blanks between them (lines are stripped): those lines are searched for.
        same = compile_cached(r"\s*".join(map(re.escape, title)))
        starts = _starts(ctx, lines)
        repeats = []
        glued = []
        pos = lines[start + 1][0] if start + 1 < len(lines) else len(text)
        while True:
            m = same.search(text, pos)
            if m is None:
                break
            ms = pos = m.start()
            pos += 1  # (a match may run over a line break: the next one may start inside it)
            j = bisect_right(starts, ms) - 1
            if starts[j] == ms and j not in junk and same.fullmatch(text, ms, lines[j][1]):
                repeats.append(j)
            elif (starts[j] < ms and m.end() == lines[j][1] and text[ms - 1] in "。，,！？!?；;"
                  and j not in junk):
                glued.append((ms, m.end()))  # run onto the end of a sentence's line (……第一天。title)
        if len(repeats) + len(glued) < self.min_count:  # a page header recurs; one repeat is a duplicate title
            return
        for gs, ge in glued:
            yield gs, ge, {"title": title}
        for j in repeats:
            s, e = lines[j]
            ps, pe = lines[j - 1]
            tail = pe
            solid = 0
            while tail > ps and solid < 4:  # the last few characters before it, to show where it is
                tail -= 1
                solid += not text[tail].isspace()
            yield tail, e, {"suggestion": text[tail:pe], "title": title}

    def _glued_titles(self, ctx, lines, junk):
        """With no title at the top: one title run onto the end of a sentence's line
        (……第一天。xx年9月开学第一天升旗仪式主持词) min_count times or more -- the page's
        title, printed into the text as a header."""
        text = ctx.text
        seen: dict[str, list] = {}
        for j, (s, e) in enumerate(lines):
            if j in junk or e - s < 10:
                continue
            m = _GLUED_TITLE.match(text, s, e)
            if m:
                seen.setdefault(m.group(1), []).append(m.span(1))
        for spans in seen.values():
            if len(spans) >= self.min_count:
                for gs, ge in spans:
                    yield gs, ge, {"title": text[gs:ge]}

    # ----- inserted-char -----------------------------------------------------------------
    def _inserted_char(self, ctx):
        from .junk_inserted import inserted_chars

        yield from inserted_chars(ctx.text, self.rare_below, self.word_at_least, self.window, self.min_count,
                                  ctx=None if self.user else ctx, key=self.full_id)

    # ----- stray-char --------------------------------------------------------------------
    def _stray_char(self, ctx):
        text = ctx.text
        for rx in self.patterns:
            yield from self._strays(ctx, rx, finditer_fast(rx, text) if not self.user else rx.finditer(text), len(text))

    def _strays(self, ctx, rx, matches, before):
        """The hits among ``matches`` of ``rx`` that start before ``before``."""
        if "junk" not in rx.groupindex:
            return
        text = ctx.text
        with_before = "before" in rx.groupindex
        for m in matches:
            start = m.start()
            if start >= before:
                return
            js, je = m.span("junk")
            if not with_before and js > 0:
                start = js - 1  # the character before, matched by a lookbehind
            if text[js] in "'\"" and _open_quote_before(text, js) and not _closed_after(text, je):
                continue  # it closes a quote (opened with another mark): punctuation, not junk
            if "join" in rx.groupindex and not self._joins_word(m, js, je):
                continue
            cuts = ctx.seg.cuts(je, min(len(text), je + 1))
            after = min((c for c in cuts if c > je), default=je + 1)
            # the word the character was put after, whole: 以外的.单位, not 的.单位
            lead = start
            if start > 0 and _HAN.match(text, start - 1):
                back = ctx.seg.cuts(start - 1, start)
                # after a particle, the word before it; else the word the character begins or ends
                lead = max((c for c in back if start - 4 <= c < start + (text[start] not in "的地得之")),
                           default=start)
                if not all(_HAN.match(text, k) for k in range(lead, start)):
                    lead = start
            yield lead, after, {"suggestion": text[lead:js] + text[je:after], "stray": m.group("junk")}

    def _joins_word(self, m, js, je) -> bool:
        """A pattern's ``join`` group, with the character taken out, is a word of jieba's
        dictionary weighing word_at_least or more (和-谐 is 和谐; 村党支部-网格 joins no word)."""
        from ..segment import tokenizer

        js0, je0 = m.span("join")
        left, right = m.string[js0:js], m.string[je:je0]
        freq = tokenizer().FREQ
        if min(freq.get(left) or 0, freq.get(right) or 0) >= self.free_word:
            return False  # two words of their own set side by side: 上-下联动, 城-乡统筹, 男-女生
        return (freq.get(left + right) or 0) >= self.word_at_least

    # ----- glued-marker ------------------------------------------------------------------
    def _glued_marker(self, ctx):
        lines = _lines(ctx)
        for i in self._lines_to_search(ctx, lines):
            yield from self._glued_line(ctx, *lines[i])

    def _glued_line(self, ctx, s, e):
        """The hit in the (stripped) line s..e, if any."""
        text = ctx.text
        if e - s > self.max_len + 10 or _SENTENCE_PUNCT.search(text, s, e):
            return
        for rx in self.patterns:
            m = rx.search(text, s, e)
            if not m or "junk" not in rx.groupindex:
                continue
            js, je = m.span("junk")
            if js <= s:
                continue
            cuts = ctx.seg.cuts(max(s, js - 1), js)
            ws = max((c for c in cuts if c < js and c >= s), default=max(s, js - 2))
            # a genre word of three characters is taken whole though the dictionary splits it
            # (主持词 篇一: not 词 篇一); a bare one of two takes the word before it, as a
            # reader names the title's end (实施方案1, 工作总结 篇1: not 方案1, 总结 篇1)
            stem = text[s:js].rstrip()
            first = _short_lines(ctx, self.max_len + 10).get(_flat(stem)) if _TITLE_TAIL.search(stem) else None
            if first is not None and first < s:
                # the page's title above, given again with the number: the whole line is the
                # site's header of its first piece (……手册2023年⏎……⏎……手册2023年篇1); a title
                # ending in its genre's word is piece-header's to find
                yield s, je, {"suggestion": "", "marker": m.group("junk")}
                return
            long_head = next((h for h in self.genre_heads if len(h) > 2 and stem.endswith(h)), None)
            if long_head is not None:
                ws = min(ws, s + len(stem) - len(long_head))
            elif js - ws <= 2 and text[ws:js].strip() in self.genre_heads:
                before = max((c for c in cuts if c < ws and c >= s), default=None)
                if before is not None and ws - before == 2:
                    ws = before
            yield ws, je, {"suggestion": text[ws:js], "marker": m.group("junk")}
            return

    _title_pre = None

    def _title_lines(self, ctx, lines):
        """piece-header: the lines where its first pattern can match (reach.span_needed)."""
        if self._title_pre is None:
            got = None if self.user else span_needed(self.patterns[0])
            self._title_pre = compile_cached(any_of(got)) if got else False
        if not self._title_pre:
            return range(len(lines))
        return _lines_holding_kept(ctx, self.full_id + " titles", lines, _starts(ctx, lines), self._title_pre)

    # ----- preview -----------------------------------------------------------------------
    def _preview(self, ctx):
        """A line among the first few, ``min_count`` characters or more (blanks and the
        width of punctuation aside), that stops mid-sentence and is word for word -- four
        fifths of it at least, ``min_count`` characters at least -- the beginning of what
        follows it: the site's excerpt of the text above the text."""
        text = ctx.text
        lines = _lines(ctx)
        need = self.min_count
        for i, (s, e) in enumerate(lines[:_PREVIEW_LINES]):
            if e - s < need or text[e - 1] in _TERMINAL or i + 1 >= len(lines):
                continue
            head = _flat(text[s:e])
            if len(head) < need:
                continue
            ns, ne = lines[i + 1]
            if _flat(text[ns:ne]) == head:
                continue  # the same line again: a repeated paragraph (duplicate.paragraph's), not an excerpt
            after = _flat(text[ns:ns + 2 * (e - s) + 200])
            same = 0  # (the excerpt may differ near its end: a name the text has blanked)
            for a, b in zip(head, after):
                if a != b:
                    break
                same += 1
            if same >= max(need, 0.8 * len(head)):
                yield s, e, {}
        # a document site's excerpt cut off with ... or … right above the site's own lines (its
        # counts, buttons: 镇……方案为深入贯彻落实……根据县委农...⏎阅读 1003 下载 67 大小 25.57K),
        # further down the page's top, under its panel: the text comes after those lines and
        # says again what the excerpt says (not a draft's own last paragraph cut off by a
        # paywall: nothing below repeats it)
        junk = None
        for i, (s, e) in enumerate(lines[:_EXCERPT_LINES]):
            if e - s < need or i + 1 >= len(lines) or not _CUT_OFF.search(text, max(s, e - 4), e):
                continue
            if junk is None:
                junk = _junk(ctx)
            if i + 1 not in junk.lines or i in junk.lines:
                continue
            head = _flat(text[s:e])
            probe = head[len(head) // 3:len(head) // 3 + 20]
            if len(head) >= need and len(probe) == 20 and probe in _flat(text[e:e + 3 * (e - s) + 2000]):
                yield s, e, {}

    # ----- abstract ----------------------------------------------------------------------
    def _abstract(self, ctx):
        """A paragraph of sentences among the first lines, set between a line without a
        sentence (the page's title, a byline, a time stamp) and a title that names a genre
        (patterns[0]: the title again, the piece's own title): the site's abstract or lead-in
        of the piece below it.  Not a heading, and not before a heading, a label (……：) or a
        bracketed direction: a plan's preamble stands under its title, not above another."""
        text = ctx.text
        lines = _lines(ctx)[:_PREVIEW_LINES]
        junk = _junk(ctx)
        for i in range(1, len(lines) - 1):
            (ts, te), (ps, pe), (ns, ne) = lines[i - 1], lines[i], lines[i + 1]
            above, para, below = text[ts:te], text[ps:pe], text[ns:ne]
            if len(above) > 60 or _SENTENCE_STOP.search(above) or above.endswith((":", "：")):
                continue  # (各单位：⏎现将《……方案》印发给你们……⏎……方案: a notice and what it sends)
            if _PIECE_ABOVE.search(above):
                continue  # (……总结范文 篇1⏎今年是……: a piece's header, its text below it, not an abstract)
            head = _HEADING.match(above)
            if head and above[head.end():head.end() + 1] not in _HAN_NUMERALS:
                continue  # (一、活动背景与目的⏎本次大赛旨在……: a section's text under its heading -- not a
                # page's title named by a day: 七.一建党节讲话稿, 五.四青年节演讲稿)
            if not 25 <= len(para) <= 300 or not _SENTENCE_STOP.search(para) or _HEADING.match(para) \
                    or _SENDS.match(para) or para.endswith((":", "：")):
                continue  # (……主要有以下六个方面： announces the sections below: the text's own opening)
            if any(_SENTENCE_STOP.search(text, s, e) and k not in junk.lines for k, (s, e) in enumerate(lines[:i])):
                return  # the text began above (a news report's photo captions between its paragraphs)
            if self._exc_rx is not None and self._exc_rx.search(para):
                continue  # (the draft's own preamble: ……，特制定本方案。 / ……，以达到……的目的。)
            if (len(below) > 40 or _SENTENCE_STOP.search(below) or _HEADING.match(below)
                    or below[0] in "(（【[［" or ":" in below or "：" in below
                    or not any(rx.search(below) for rx in self.patterns)):
                continue
            yield ps, pe, {}
            return

    # ----- piece-header ------------------------------------------------------------------
    def _piece_header(self, ctx):
        """The pieces' headers (_piece_headers), and under a collection's title the stem
        printed again alone right above its first piece (某某报告范文五篇⏎某某报告⏎某某报告篇1):
        the page's heading over the pieces, not the piece's own."""
        got = list(self._piece_headers(ctx))
        yield from got
        text = ctx.text
        lines = _lines(ctx)  # (the lines with text: blank ones between are passed over)
        starts = _starts(ctx, lines)
        seen = {s for s, _, _ in got}
        for s, _, v in got:
            stem = v.get("stem")
            i = bisect_left(starts, s)
            if not stem or i < 1:
                continue
            ps, pe = lines[i - 1]
            if ps in seen or text[ps:pe] != stem:
                continue
            # (only under a collection's title naming its count, 某某报告范文五篇: a page's own title
            # printed twice is the duplicate check's, 某某方案⏎时间：……⏎某某方案⏎某某方案1)
            k = text.find(stem, 0, ps)
            if k >= 0 and text[k:lines[bisect_right(starts, k) - 1][1]].strip() != stem:
                seen.add(ps)
                yield ps, pe, {"stem": stem}

    def _piece_headers(self, ctx):
        """patterns[0] takes the stem of each collection's title (searched in the lines
        holding a string its matches need: 篇, 大全 …), patterns[1] is the piece's number
        matched right after a stem that starts a line."""
        text = ctx.text
        lines = _lines(ctx)
        title, number = self.patterns[:2]
        stems = set()
        candidates = self._title_lines(ctx, lines)
        near_end = self._title_pre.search if self._title_pre else None
        for i in candidates:
            s, e = lines[i]
            # a title ends with its count (5篇, (通用5篇), 大全): what the pattern needs stands
            # in the last few characters of the line
            if e - s > 80:
                continue
            if near_end is not None and not near_end(text, max(s, e - 4), e):
                # (or before a note in brackets after the count: ……汇报3篇(市级文明乡镇汇报材料))
                p = max(text.rfind("(", s, e), text.rfind("（", s, e)) if text[e - 1] in ")）" else -1
                if p < 0 or not near_end(text, max(s, p - 4), p):
                    continue
            # the title starts its line or follows a breadcrumb's step or a badge (> 】 ]):
            # matched there only, not searched at every character
            m = None
            for at in [s] + [k.end() for k in _STEP.finditer(text, s, e)]:
                m = title.match(text, at, e)
                if m:
                    break
            if m:
                stem = m.group("stem").strip()
                if len(stem) >= 4:
                    stems.add(stem)
                    # the pieces drop the collection's 关于 (关于教师节的讲话稿(通用6篇) -> 教师节的讲话稿1)
                    if stem.startswith("关于") and len(stem) >= 8:
                        stems.add(stem[2:])
        # without the collection's title: two lines in a row that are one stem with two
        # numbers, the first piece left empty (某某讲话(2)⏎某某讲话(三):), patterns[2].  (Apart,
        # each heads its piece, whose title the stem is: glued-marker takes the number.)
        found = []  # whole piece-header lines, from the title seen above them
        heads = set()  # their stems
        if len(self.patterns) >= 3:
            alone = self.patterns[2]
            ends = _PIECE_ENDS
            most = self.max_len

            def test(t, s, e):  # (stem, number without blanks) of a header line alone
                if e - s <= most and t[e - 1] in ends:
                    m = alone.fullmatch(t, s, e)
                    if m:
                        return m.group("stem"), re.sub(r"\s", "", m.group("num"))
                return None

            starts = _starts(ctx, lines)
            last = None  # (start, end, (stem, number)) of the last such line
            for got in _line_marks(ctx, "piece-alone:" + self.full_id, test):
                s, e, (raw, num) = got
                if last and _next_header(text, last, got) and last[2][0] == raw and last[2][1] != num and len(raw) >= 4:
                    stems.add(raw)
                last = got
                stem = raw.strip()
                # (a later piece of a collection already seen: 某某方案1 … 某某方案2)
                if stem in heads or self._seen_above(text, lines, bisect_left(starts, s), stem, num, alone):
                    found.append((s, e, stem))
                    heads.add(stem)
        # the number before the piece's title (篇一 某某报告, 第一篇：某某大全), patterns[3]
        if len(self.patterns) == 4:
            lead = self.patterns[3]
            longest = self.max_len + 20

            def test_lead(t, s, e):  # (whole?, stem, rest) of a line led by a piece's number
                if e - s <= longest and t[s] in "篇第":
                    m = lead.fullmatch(t, s, e)
                    if m:
                        return bool(m.group("whole")), (m.group("stem") or "").strip(), m.groupdict().get("rest")
                return None

            starts = _starts(ctx, lines)
            for s, e, (whole, stem, rest) in _line_marks(ctx, "piece-lead:" + self.full_id, test_lead):
                i = bisect_left(starts, s)
                # 第一篇：……大全 at the page's top; 篇一 某某报告 with its title elsewhere on the
                # page; 第一篇 某某报告 only with the title again on the next line (a book's
                # 第一篇 总论 is the book's own)
                if whole and i < 5 or stem and (stem in stems or self._seen_elsewhere(
                        text, lines, i, stem, next_only=text[s] == "第")):
                    found.append((s, e, stem or rest.strip()))
        done = set()
        for s, e, stem in found:
            done.add(s)
            yield s, e, {"stem": stem}
        if not stems and len(self.patterns) >= 3:
            # no collection's title: the page's own title alone on the first line, naming its
            # genre (patterns[2] with a number), with a piece's number run into the words after
            # it further down (社区中秋节活动方案 ... 社区中秋节活动方案1一、活动目的)
            own = self._page_title(ctx, lines)
            if own:
                stems.add(own)
        if not stems:
            return
        for stem in sorted(stems, key=len, reverse=True):
            pos = 0
            while True:
                at = text.find(stem, pos)
                if at < 0:
                    break
                pos = at + 1
                ls = text.rfind("\n", 0, at) + 1
                lead = text[ls:at].strip()
                if lead and not _LIST_NUMBER.fullmatch(lead):
                    continue  # (the stem starts its line, or follows a list's number or a year: 1. / 2024)
                m = number.match(text, at + len(stem))
                if m and m.end() > m.start() and (at - len(text[ls:at].lstrip()) if lead else at) not in done:
                    yield (at - len(text[ls:at].lstrip()) if lead else at), m.end(), {"stem": stem}

    def _page_title(self, ctx, lines) -> str | None:
        """The first line that is not junk, when it is a title naming a genre that some later
        line starts with, a piece's number run into what follows (the stem of the pieces)."""
        from ..structure.duplicates import _GLUED_NUMBER  # a piece's number run into its words (……方案1一、)

        text = ctx.text
        junk = _junk(ctx)
        first = next((k for k in range(min(len(lines), _PREVIEW_LINES)) if k not in junk.lines), None)
        if first is None:
            return None
        s, e = lines[first]
        if lines:
            # the page's title on the first line with a site's badge after it (秋季运动会开幕词【热】,
            # junk itself when the other rules ran): its words before the badge
            ts, te = lines[0]
            badge = _BADGE_END.search(text, ts, te)
            if badge and badge.start() - ts >= 4:
                s, e = ts, badge.start()
        stem = text[s:e]
        if len(stem) < 4 or e - s > self.max_len or not _title_like(stem, self.max_len) \
                or not self.patterns[2].fullmatch(stem + "1"):
            return None
        at = text.find(stem, e)
        while at >= 0:  # (str.find: a regex anchored at line starts would try every character)
            ls = text.rfind("\n", 0, at) + 1
            if not text[ls:at].strip() and _GLUED_NUMBER.match(text, at + len(stem)):
                return stem
            at = text.find(stem, at + 1)
        return None

    @staticmethod
    def _seen_above(text, lines, i, stem, num, alone) -> bool:
        """A piece's header line ``stem`` + ``num`` (patterns[2]) whose stem the page showed
        above it: 篇1 / 【第一篇】 / (2) after the stem anywhere above (the page's title, the
        editor's 以下是……某某报告(精选6篇)); a bare 1 or 一 only after a line that is the
        stem alone (the page's title), as a draft's own heading is never its title plus 1.
        Not above in another piece's header only: without a title each header heads its piece
        (glued-marker's)."""
        if len(stem) < 4:
            return False
        s = lines[i][0]
        top = min(s, _PIECE_TOP)  # (the page's title and lead-in stand at its top; later pieces: heads)
        short = re.sub(r"^\d{4}\s*年度?", "", stem)
        if not re.fullmatch(r"\d{1,2}|[一二三四五六七八九十]", num):
            for x in {stem, short}:
                at = text.find(x, 0, top) if len(x) >= 4 else -1
                while at >= 0:
                    ls = text.rfind("\n", 0, at) + 1
                    le = text.find("\n", at)
                    le = len(text) if le < 0 else le
                    other = alone.fullmatch(text[ls:le].strip())
                    # (another header; the page's title with this piece's number, 某某讲话(2)
                    # over 某某讲话篇2, is the title)
                    if not other or re.sub(r"\D", "", other.group("num")) == re.sub(r"\D", "", num) != "":
                        return True
                    at = text.find(x, le, top)
            return False
        flat, head = _flat(stem), stem[:4]
        return any(head in text[a:b] and _flat(text[a:b]) == flat for a, b in lines[max(0, i - 12):i])

    @staticmethod
    def _seen_elsewhere(text, lines, i, stem, next_only=False) -> bool:
        """The title after a leading piece number (篇一 某某报告) stands elsewhere on the page,
        or is the next line."""
        if len(stem) < 4:
            return False
        s, e = lines[i]
        if i + 1 < len(lines) and _flat(text[lines[i + 1][0]:lines[i + 1][1]]) == _flat(stem):
            return True
        return not next_only and (text.find(stem, max(0, s - _PIECE_TOP), s) >= 0
                                  or text.find(stem, e, e + _PIECE_TOP) >= 0)

    # ----- the incremental re-check (core/incremental.py) -------------------------------
    # stray-char and glued-marker are line-local.  A stray character's patterns match
    # within one line (reach.line_reach); glued-marker searches a line between its ends, so
    # only its lookbehinds (and \b) read before the line (_behind).  What both read around
    # a match stops at a line break: an open quote (_open_quote_before) and jieba's window
    # (segment.Segmenter).
    whole_text_range = True

    def line_reach(self):
        if self.user or type(self) is not JunkContextRule:
            return None
        if self.check == "stray-char":
            return _widest([line_reach(rx) for rx in self.patterns])
        if self.check == "glued-marker":
            behind = [_behind(rx) for rx in self.patterns]
            return None if None in behind else (max(behind), 0)
        return None

    def scan_range(self, ctx, start, end, stop):
        text = ctx.text
        n = len(text)
        if self.check == "stray-char":
            whole = start == 0 and end >= n
            out = []
            for k, rx in enumerate(self.patterns):
                matches = finditer_fast(rx, text) if whole else rx.finditer(text, start, stop)
                out.extend((k, *hit) for hit in self._strays(ctx, rx, matches, n if whole else end))
            return out, []
        if start == 0 and end >= n:
            return [(0, *hit) for hit in self._glued_marker(ctx)], []
        s, e = _strip_span(text, start, end)  # the line as scan() sees it
        return ([(0, *hit) for hit in self._glued_line(ctx, s, e)] if s < e else []), []

    # ----- hijack-brand ------------------------------------------------------------------
    def _hijack_brand(self, ctx):
        text = ctx.text
        # Where each brand's window lies in its line, by the line's text: an edit works out
        # those of the lines it changed only.
        memo, kept = ctx.memo(self.full_id), {}
        hits = list(self._brands(ctx, memo, kept))
        memo.clear()  # only what this draft uses is kept
        memo.update(kept)
        yield from hits

    def _brands(self, ctx, old, kept):
        text = ctx.text
        groups: dict[str, list[tuple[int, int]]] = {}
        for s, e in _spans_found(ctx, self.full_id + " words", self._words_rx):
            groups.setdefault(text[s:e].lower(), []).append((s, e))
        # (a brand's keywords joined by underscores count as one: 365BT体育app_365体育app安全下载_365bet)
        word = compile_cached(r"[\u4e00-\u9fffA-Za-z0-9_]")
        role = compile_cached(r"党委|党组|党政|机关|各级|各项|各个|全体|建设|发展|师生|员工|职工|领导|工作|集团|公司|学校|学院|大学|医院")
        # (a blank may stand between when the brand is written with Latin letters: 世俱杯app官方 党政机关,
        # the brand put where 我们 stood; not a Chinese word of an anti-gambling text, 网络博彩 工作专班)
        blank = compile_cached(r"[ \t\u3000]")
        # (a plain word before 政府 or 委员会 is a real place or body: 威尼斯政府, 博彩委员会 -- only a
        # chain of keywords needs no role after it)
        chain = compile_cached(r"[\u4e00-\u9fffA-Za-z0-9]*_[\u4e00-\u9fffA-Za-z0-9_]*")
        # (from the start of a run of letters only: a long run read again from each of its letters is
        # quadratic)
        casino = compile_cached(r"(?<![A-Za-z])[A-Za-z]{2,}\d+[\u4e00-\u9fff]|唯一官方|官方娱乐")
        for occ in groups.values():
            if len(occ) < self.min_count:
                continue
            # the word twice in one chain of keywords joined by underscores (365BT体育app_365体育app):
            # one occurrence of the chain
            merged = [occ[0]]
            for s, e in occ[1:]:
                ps, pe = merged[-1]
                if s - pe <= 20 and chain.fullmatch(text, pe, s):
                    merged[-1] = (ps, e)
                else:
                    merged.append((s, e))
            occ = merged
            if len(occ) < self.min_count:
                continue
            left = right = 0
            while True:  # the brand: what every occurrence shares around the brand word
                chars = {text[e + right] if e + right < len(text) else "" for _, e in occ}
                # (a chain of keywords runs on over a hyphen too: 华体会体育平台_华体会体育官网-app下载)
                if len(chars) != 1 or not (word.match(next(iter(chars)) or " ") or chars == {"-"} and "_" in
                                           text[occ[0][0] - left:occ[0][1] + right]):
                    break
                right += 1
            while True:
                chars = {text[s - left - 1] if s - left - 1 >= 0 else "" for s, _ in occ}
                if len(chars) != 1 or not word.match(next(iter(chars)) or " "):
                    break
                left += 1
            spans = [(s - left, e + right) for s, e in occ]
            brand = text[spans[0][0]:spans[0][1]]
            if self._exc_rx and self._exc_rx.search(brand):
                continue
            latin = any("a" <= c.lower() <= "z" for c in brand)
            # (a chain of a gambling brand's keywords joined by underscores, said again and again, is
            # a hijacked page's whatever follows it: 华体会体育平台_华体会体育官网-app下载:世博会……)
            # (nor a casino's own name, a site's code glued to it or the casino called the only official
            # one: tyc86太阳集团, 金沙唯一官方娱乐场 -- no anti-gambling text names one so)
            if "_" not in brand and not casino.search(brand) and not any(
                    role.match(text, e) or latin and blank.match(text, e) and role.match(text, e + 1) for _, e in spans):
                continue
            windows = []
            for bs, be in spans:  # the brand with two words either side, within its line
                ls = text.rfind("\n", 0, bs) + 1
                le = text.find("\n", be)
                if le < 0:
                    le = len(text)
                key = (text[ls:le], bs - ls, be - ls)
                got = old.get(key)
                if got is None:
                    got = _brand_window(ctx, bs, be, ls, le)
                kept[key] = got
                ws, we = ls + got[0], ls + got[1]
                if windows and ws <= windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], we)
                else:
                    windows.append([ws, we])
            for ws, we in windows:
                yield ws, we, {"suggestion": text[ws:we].replace(brand, ""), "brand": brand}

    # ----- domain ------------------------------------------------------------------------
    def _domain(self, ctx):
        text = ctx.text
        lines = _lines(ctx)
        # A line's hits depend on its text and on whether it is the first line: an edit
        # works out those of the lines it changed only (a line with a domain may be long).
        memo, kept = ctx.memo(self.full_id), {}
        hits = []
        for i in self._lines_to_search(ctx, lines):
            s, e = lines[i]
            key = (text[s:e], i == 0)
            got = memo.get(key)
            if got is None:
                got = tuple((ds - s, de - s) for ds, de in self._domain_line(text, s, e, i == 0))
            kept[key] = got
            hits.extend((s + ds, s + de, {}) for ds, de in got)
        memo.clear()  # only what this draft uses is kept
        memo.update(kept)
        yield from hits
        yield from self._watermark_names(text, hits)

    def _watermark_names(self, text, hits):
        """The site's name that stood before its address (稿子汇 www.x.com) elsewhere in the
        text without it, with the site's slogan after it to the line's end (……分子。 稿子汇，
        范文学习文库): a name written next to the address twice or more is the watermark's."""
        names: dict[str, int] = {}
        before = []  # (name's start, address's start): a name left out of the address's finding
        for ds, de, _ in hits:
            m = _WATERMARK_NAME.match(text, ds, de)
            if not m:  # (the name before the finding: after a sentence's end and a blank)
                m = _NAME_BEFORE.search(text, max(0, ds - 12), ds)
                if m and m.start(1) > 0 and text[m.start(1) - 1] not in " \t\u3000\n。！？!?；;":
                    m = None
                if m:
                    before.append((m.group(1), m.start(1), m.end(1)))
            if m:
                names[m.group(1)] = names.get(m.group(1), 0) + 1
        names = {k for k, n in names.items() if n >= 2}
        if not names:
            return
        yield from ((ns, ne, {}) for name, ns, ne in before if name in names)
        taken = [(ds, de) for ds, de, _ in hits] + [(ns, ne) for _, ns, ne in before]
        for name in names:
            for m in re.finditer(re.escape(name) + _WATERMARK_TAIL, text):
                ms, me = m.span()
                if any(ds < me and ms < de for ds, de in taken):
                    continue
                if ms > 0 and _HAN.match(text[ms - 1]):
                    continue  # (inside a word of the text)
                yield ms, me, {}

    def _domain_line(self, text, s, e, first):
        site = self._words_rx
        for rx in self.patterns:
            for m in rx.finditer(text, s, e):
                ds, de = m.span()
                if self._exc_rx and self._exc_rx.search(text, max(s, ds - 8), de):
                    continue
                if e - s <= 40 and not re.search(r"[。！？!?]", text[s:e]) and (
                        (site and site.search(text, s, e))
                        or len(_HAN.findall(text[s:ds] + text[de:e])) <= 4
                        or text[s] in "【[" and text[e - 1] in "】]"):
                    # a short line around it is the site's slogan or label, or its tag in
                    # brackets (【www.x.com--感恩演讲稿】)
                    yield s, e
                    break
                # the watermark in brackets with the site's name (在日常工作中（某某之家 gz85.CoM）我们……):
                # the brackets and all between them
                ob = max(text.rfind("（", max(s, ds - 16), ds), text.rfind("(", max(s, ds - 16), ds))
                if ob >= 0 and not re.search(r"[）)。！？!?；;，,]", text[ob + 1:ds]):
                    cb = re.match(r"[ \t]*[）)]", text[de:e])
                    if cb:
                        yield ob, de + cb.end()
                        continue
                prefix = text[s:ds]
                if (prefix.strip() and len(prefix) <= 30 and not re.search(r"[。！？!?；;，,]", prefix)
                        and (first or (site and site.search(prefix)))):
                    ds = s
                rest = text[de:e]
                if (rest.strip() and len(rest) <= 20 and not re.search(r"[。！？!?；;，,]", rest)
                        and site and site.search(rest)):
                    de = e
                else:
                    # the site's account after its address: 。公众号：某某写作。整理汇总。
                    m2 = _ACCOUNT_AFTER.match(text, de, e)
                    if m2:
                        de = m2.end()
                while de > ds and text[de - 1].isspace():
                    de -= 1
                yield ds, de
