"""Kind ``stale``: a reference outdated by the draft's own date (category ``stale``).

The draft's year comes from the user (``ReviewOptions.draft_date``, ``--date``), else from
the title (or, under a web page's breadcrumbs, the first line that reads as a draft's title:
heading_year), else from the latest year the body speaks of as present or past (2023年是…,
2023年以来, 2023年全镇…, 二〇二四年一月; not 到2035年 or 2025年前, nor a year after next:
2035年，基本实现… is a target), else from the .docx's
own date (docProps/core.xml: created, else modified; not before 1990, not in the future,
not a template's default).  No year: no finding.
A year read from the body is a lower bound of the date, so a reference is reported only
when it was already out of date in that year; so is the file's date (a file copied from
last year's keeps its creation date), so a plan that has not begun by then is not reported.

``check`` picks the timeline:

* ``terms``: a list of ``{pattern, since, period, current}`` -- a name or slogan that is
  out of date from the year ``since`` on (安监局 → 应急管理局 since the 2018 reform,
  农村居民人均纯收入 → 人均可支配收入, 全面建设小康社会 → 全面建成 …); a name right
  after 原/前/旧 (原安监局) names the former body on purpose and is not reported.  A
  pattern whose top-level alternatives are named by a year, ``(?P<y2018>…)|(?P<y2019>…)``
  (each year's slogan), reports the alternative that matched -- its span -- only after its
  year, and ``{y}`` in ``period`` is that year: one pass over the text for a whole timeline;
* ``plan``: a five-year plan called current (今年是“十二五”的收官之年) in a year outside
  its period.  ``pattern`` has a group ``n`` (十二五) and may have ``when`` (今年, 2019年,
  明年), the year the claim is about; without it, a year or 过去的一年 set off by a comma
  right before the match (2025年，是…), else the draft's year.  A stage of drafting
  (谋篇布局之年) belongs to the year before the plan's first.

Message values: ``{year}`` the year judged, ``{period}``, ``{current}`` (also the suggestion).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from operator import itemgetter

from .budget import compile_pattern
from .kinds import Rule, _str_list
from .reach import _weight, _widest, bounded_reach, line_reach, needed_chars
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_CN_DIGIT = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
             "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_YEAR = r"(?P<y>(?:19|20)\d\d|[一二][〇○零九Ｏ][〇○零一二三四五六七八九Ｏ]{2})年"
# a forecast, a plan or a target's year, not the draft's (预计2020年我国…, 力争2025年)
_NOT_PLANNED = r"(?<!预计)(?<!计划)(?<!力争)(?<!争取)(?<!将于)(?<!拟于)(?<!将在)(?<!拟在)"
# a year spoken of as now or past: 2023年是, 2023年以来, 2023年，全镇… 二〇二四年一月
# (not the end of a span of years, 2021—2025年; the dateline under a title, ——2026年1月, is)
_PRESENT_YEAR = compile_cached(
    r"(?<![到至迄止~～])(?<![0-9〇○零一二三四五六七八九Ｏ][—\-－])"
    # nor a date something takes effect (自2020年1月1日起), nor the second of a pair of
    # years (2020年和2021年，组织对…)
    # (nor a goal's year after 以: 以2020年全面建成小康社会为时间节点)
    + _NOT_PLANNED + r"(?<!自)(?<!以)(?<![和、])" + _YEAR +
    r"(?=是|以来|，|,|、|全|我|度|工作|上半年|下半年|前三季度|[1-9一二三四五六七八九十]{1,2}月|春节|元旦|新春|初|末|底(?!前))")
# Where _PRESENT_YEAR can match: five characters ending in 年 (_YEAR), found from the 年.
# _PRESENT_YEAR opens with lookbehinds, so ``re`` tried it at every character of the text
# (~150-250 ms of every edit of a 1M-character draft, draft_year's fallback); a search for 年
# jumps.  Two places where _YEAR matches never overlap (each is five characters, and its
# last, 年, can be none of the four before), so _PRESENT_YEAR's matches are those of these
# places where it matches.
_YEAR_END = compile_cached(r"年(?<=(?:19|20)\d\d年|[一二][〇○零九Ｏ][〇○零一二三四五六七八九Ｏ]{2}年)")


def _present_years(text: str):
    """_PRESENT_YEAR.finditer(text), the same matches."""
    match = _PRESENT_YEAR.match
    for c in _YEAR_END.finditer(text):
        m = match(text, c.start() - 4)
        if m is not None:
            yield m


# a term's alternatives named by the year they were current (?P<y2018>…): see _terms
_DATED_GROUP = compile_cached(r"y(?:19|20)\d\d")
# (nor the end of a span of years: ……规划纲要(2015—2020年) was written at its start)
_TITLE_YEAR = compile_cached(r"(?<![到至迄止~～])(?<![0-9〇○零一二三四五六七八九Ｏ][—\-－–])" + _NOT_PLANNED + _YEAR
                             + r"(?!前|底前|远景|以前)")


def _year_value(raw: str) -> int | None:
    digits = "".join(_CN_DIGIT.get(c, c) for c in raw)
    return int(digits) if digits.isdigit() else None


# The date a web page gives itself near its top: 发布时间：2024-11-09, 更新于2023/5/2, 时间：
# 2024-11-19 (a bare key with a dashed date; not 活动时间：), a time stamp to the minute
# (2023-09-12 12:28) -- forms no draft writes about itself.
_PAGE_DATE = compile_cached(r"(?:发布|更新|上传|发表|录入)(?:时间|日期|于)\s*[:：]?\s*(?P<y>(?:19|20)\d\d)[-/.年]\d{1,2}"
                        r"|(?<![动议赛名止行办期])(?:时间|日期)\s*[:：]\s*(?P<d>(?:19|20)\d\d)[-/.]\d{1,2}[-/.]\d{1,2}"
                        r"|(?P<t>(?:19|20)\d\d)[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}"
                        # 更新 2022-07-30 (the key alone); a dashed date on a line of its own or
                        # before the page's other keys (2020-01-22 来源:星星旅游): a draft writes
                        # its own date 2024年1月5日
                        r"|(?:发布|更新|上传|发表|录入)\s*[:：]?\s*(?P<u>(?:19|20)\d\d)[-/.]\d{1,2}[-/.]\d{1,2}"
                        r"|(?m:^)[ \t　]*(?P<l>(?:19|20)\d\d)-\d{1,2}-\d{1,2}[ \t　]*"
                        r"(?:(?m:$)|来源|作者|浏览|阅读|点击|编辑|栏目|分类|人气|[|｜])")
PAGE_REACH = 3000


def page_year(text: str, today: date | None = None) -> int | None:
    """The year of the first page date in the first PAGE_REACH characters, unless it lies
    in the future."""
    m = _PAGE_DATE.search(text, 0, PAGE_REACH)
    if m is None:
        return None
    return _past_year(int(m.group("y") or m.group("d") or m.group("t") or m.group("u") or m.group("l")), today)


def _past_year(year: int, today: date | None = None) -> int | None:
    """``year`` when a page could have been shown in it (1990 to this year), else None."""
    return year if 1990 <= year <= (today or date.today()).year else None


def draft_year(ctx) -> int | None:
    """The draft's year: the user's date, the title's year, the latest year the body
    speaks of as present or past or the web page's date when later (page_year), or the
    .docx's own date (cached per review)."""
    def infer():
        options = getattr(ctx, "options", None)
        given = getattr(options, "draft_date", None) if options is not None else None
        if given:
            m = re.search(r"(?:19|20)\d\d", str(given))
            if m:
                return int(m.group())
        text = ctx.text
        # the day a site shows its visitor (今天是 2025年06月06日): its year is no year of the draft's
        shown = _TODAY.search(text, 0, PAGE_REACH)
        if shown is not None:
            a, b = shown.span()
            text = text[:a] + " " * (b - a) + text[b:]
        title = next((text[p.start:p.end] for p in ctx.paragraphs if text[p.start:p.end].strip()), "")
        # (a first line that runs on as a sentence is a title up to its first mark at most:
        # 2024年宣传思想工作要点。今年…… is; 今年是……周年，……展望2025年 names no year of its own)
        cut = _STOPS.split(title[:80], 1)[0]
        if "—" not in cut:  # (a subtitle after a dash keeps the title's commas: 凝心聚力，砥砺前行——2023年度工作总结)
            cut = _SENTENCE_MARKS.split(cut, 1)[0]
        got = _title_year(cut)
        if got is not None:
            return got
        got = heading_year(ctx)
        if got is not None:
            return got
        years = [_year_value(m.group("y")) for m in _present_years(text)]
        # a year after next is a target (2035年，基本实现…), not the year the draft is written in
        latest = date.today().year + 1
        years = [y for y in years if y and 1949 <= y <= latest]
        page = page_year(text)
        if page is not None and (not years or page > max(years)):
            # the web page the draft was copied from was published that year: the draft is
            # used then or later -- a lower bound, like the file's own date
            ctx.cached("draft_year_from_file", lambda: True)
            return page
        if years:
            ctx.cached("draft_year_from_body", lambda: True)
            return max(years)
        got = file_year(getattr(options, "file_dates", ()))
        if got is None and shown is not None:
            # nothing else dates it: the page was copied that day, the draft is used then or later
            got = _past_year(int(shown.group("y")))
        if got is not None:
            ctx.cached("draft_year_from_file", lambda: True)
        return got

    return ctx.cached("draft_year", infer)


# a site's greeting with the day it is shown (欢迎访问某某网，今天是 2025年06月06日 星期五): not the
# draft's title, and its year the visitor's, not the draft's (a speech's own 今天是2024年5月4日，
# with no greeting before it, is the draft's day)
_TODAY = compile_cached(r"欢迎(?:您)?(?:访问|光临|来到)[^\n]{1,40}?(?:今天是|今日是|今天|今日)[:：]?[ \t\u3000]*"
                        r"(?P<y>(?:19|20)\d\d)[ \t\u3000]*(?:年[ \t\u3000]*\d{1,2}[ \t\u3000]*月[ \t\u3000]*\d{1,2}"
                        r"[ \t\u3000]*日|[-/.]\d{1,2}[-/.]\d{1,2})")
# a year a web page writes at the end of a title (中学校长在秋季开学典礼上的讲话2022), or at its
# start without 年 (2024社区街道开展批评与自我批评发言材料, 2023个人年终工作总结; not a count, a round
# figure before its measure or 余/多: 2000余名党员干部, 2000份爱心包裹)
_TITLE_END_YEAR = compile_cached(r"(?<![0-9０-９])(?P<y>(?:19|20)\d\d)[ \t　]*$"
                                 r"|^[ \t　]*(?P<s>(?:19|20)\d\d)(?=[\u4e00-\u9fff])(?!远景|年)(?!余|多)(?![名万千户人元家项件次所亩米吨位份株套台辆棵只])(?!个(?!人))")
# a draft's title under a web page's breadcrumbs: a short line without a sentence's marks
# that ends as a draft's name does (2024年安全生产月活动工作方案, …主持词(一), 2010年…工作总结及2011年工作打算)
_HEADING_LINES = 12
_HEADING_REACH = 3000  # characters from the top where the title is looked for under the page's lines
_MENU_ITEM = compile_cached(r"[•·▪●◆■>＞|｜\-–—*][ \t\u3000]*[\u4e00-\u9fffA-Za-z]{1,4}")
_HEADING = compile_cached(r"[^，。；！？,;!?:：>＞]{4,40}?(?:方案|计划|规划|讲话|发言|总结|报告|致辞|贺词|主持词|心得|体会|"
                      r"要点|安排|讲稿|发言稿|演讲稿|述职|汇报|打算)[^，。；！？,;!?]{0,12}")

# a section's heading (一、2023年工作总结, （二）2025年工作计划) is no title
_SECTION_NUMBER = compile_cached(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．]")


_SENTENCE_MARKS = compile_cached(r"[。，；！？,;!?]")
_STOPS = compile_cached(r"[。；！？;!?]")


def _title_year(line: str) -> int | None:
    """The year a title names (2024年……, ……讲话2022, 2024社区……), or None."""
    m = _TITLE_YEAR.search(line)
    if m:
        return _year_value(m.group("y"))
    m = _TITLE_END_YEAR.search(line)
    return _year_value(m.group("y") or m.group("s")) if m else None


def heading_year(ctx) -> int | None:
    """The year of the draft's title when web page lines come before it: the first of the
    first _HEADING_LINES non-blank lines in the first _HEADING_REACH characters that reads
    as a title (_HEADING) and names a year.  A site's menu item behind its bullet (• 美文, a
    few characters a line) is not counted: this runs before any rule has found the junk
    (the line cache asks for the year first)."""
    text = ctx.text
    seen = 0
    for p in ctx.paragraphs:
        if p.start > _HEADING_REACH:
            break
        line = text[p.start:p.end].strip()
        if not line or _MENU_ITEM.fullmatch(line):
            continue
        seen += 1
        if seen > _HEADING_LINES:
            break
        if _HEADING.fullmatch(line) and not _SECTION_NUMBER.match(line):
            got = _title_year(line)
            if got is not None:
                return got
    return None


def draft_year_from_body(ctx) -> bool:
    """Whether the draft's year is the latest year its body speaks of as present or past,
    a lower bound: a report of 2026 reviews 2025 (2025年，全镇…) and says 今年 of 2026."""
    draft_year(ctx)
    return ctx.cached("draft_year_from_body", lambda: False)


def draft_year_from_file(ctx) -> bool:
    """Whether the draft's year is the file's own date, a lower bound only: a file copied
    from last year's keeps last year's creation date."""
    draft_year(ctx)
    return ctx.cached("draft_year_from_file", lambda: False)


# Dates a template or a generator writes into every file it makes, not the day a draft was
# written: python-docx's default.docx (its files keep it unless the program sets one).
TEMPLATE_DATES = frozenset({"2013-12-23T23:15:00Z"})


def file_year(dates, today: date | None = None) -> int | None:
    """The year of a .docx's own date (``ReviewOptions.file_dates``, from docProps/core.xml):
    ``created``, else ``modified``; a date before 1990, after today or a template's default
    says nothing about the draft and is passed over."""
    today = today or date.today()
    found = dict(dates or ())
    for key in ("created", "modified"):
        raw = str(found.get(key) or "").strip()
        if raw in TEMPLATE_DATES or not re.match(r"\d{4}-\d\d-\d\d", raw):
            continue
        try:
            day = date.fromisoformat(raw[:10])
        except ValueError:
            continue
        if date(1990, 1, 1) <= day <= today + timedelta(days=1):  # a day's slack for time zones
            return day.year
    return None


_FORMER = compile_cached(r"(?:原|前|旧)(?:[省市州县区镇乡]|国家)?$")
# the year a claim is about, set off by a comma before it (2025年，是… 过去的一年，是…)
_LEAD_REACH = 10
_LEAD = compile_cached(r"(?:((?:19|20)\d\d年)|(?:刚刚)?过去的?一年|上一年)，$")
# a stage that belongs to the year before the plan's first (the plan is being drafted)
_DRAFTING = compile_cached(r"谋篇布局|谋划|编制")
_PLAN_NUMERALS = {"十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "十七": 17}
_PLAN_NAMES = {v: k for k, v in _PLAN_NUMERALS.items()}


def plan_period(n: int) -> tuple[int, int]:
    """The years of the n-th five-year plan (十一五 2006–2010, 十四五 2021–2025)."""
    start = 2006 + (n - 11) * 5
    return start, start + 4


def plan_of_year(year: int) -> int:
    return 11 + (year - 2006) // 5


# Lines holding a needed character closer than this are searched together (as kinds.py).
_GAP = 64


def line_stretches(text: str, pre, ahead: int, lo: int = 0, hi: int | None = None):
    """(start, before, stop) of the stretches of lines of ``text[lo:hi]`` that hold a match
    of ``pre`` (a needed character): a line-local pattern (reach.line_reach, looking
    ``ahead`` characters past a line) whose every match holds one finds, by
    ``finditer(text, start, stop)`` keeping the matches that start before ``before``,
    exactly its matches of ``finditer(text, lo, hi)`` -- without being tried at every
    character of the other lines."""
    n = len(text) if hi is None else hi
    search = pre.search
    find, rfind = text.find, text.rfind
    m = search(text, lo, n)
    while m is not None:
        p = m.start()
        s = max(lo, rfind("\n", 0, p) + 1)
        while True:
            e = find("\n", p, n)
            if e < 0:
                e = n
            m = search(text, e + 1, n) if e < n else None
            if m is None or m.start() - e > _GAP:
                break
            p = m.start()
        stop = e + ahead + 2
        yield s, e, (n if stop >= n else stop)


def around_stretches(text: str, pre, width: int, ahead: int):
    """(start, before, stop) of the stretches of ``text`` around the matches of ``pre`` (a
    needed character) for a pattern whose matches are at most ``width`` characters long
    and whose lookarounds read at most ``ahead`` past them (reach.bounded_reach), line
    breaks or not: every match holds a needed character, so starts at most ``width``
    characters before one; needed characters closer than 2 * width + _GAP share a
    stretch, so that no match of one stretch runs into the next.  ``finditer(text, start,
    stop)`` keeping the matches that start before ``before`` finds exactly the matches
    of ``finditer(text)`` there; between the stretches none starts."""
    n = len(text)
    search = pre.search
    join = 2 * width + _GAP
    m = search(text)
    while m is not None:
        first = last = m.start()
        while True:
            m = search(text, last + 1)
            if m is None or m.start() - last > join:
                break
            last = m.start()
        stop = last + width + ahead + 2
        yield max(0, first - width), last + 1, (n if stop >= n else stop)


def _matches_at_starts(text: str, rx, pre, width: int, firsts):
    """``rx.finditer(text)``, for a pattern whose every match consumes at most ``width``
    characters, one of them a needed one (``pre``), and begins with one of ``firsts``
    (however far its lookarounds read): tried with ``rx.match`` only where a match can
    begin -- at such a character at most ``width`` before a needed one --, the next try
    after where the last match ended, as finditer does."""
    for lo, before, _ in around_stretches(text, pre, width, 0):
        pos = lo
        while True:
            f = firsts.search(text, pos, before)
            if f is None:
                break
            x = f.start()
            m = rx.match(text, x)
            if m is None:
                pos = x + 1
                continue
            yield m
            pos = m.end() if m.end() > x else x + 1


def _starts_filter(rx):
    """(needed characters, None, consumed width, first characters) for a pattern whose
    matches consume a bounded text that begins with one of a few characters and holds a
    needed one, its lookarounds reading anywhere (_matches_at_starts); else None."""
    from .reach import _first_seq, _parsed_with_case

    parsed = _parsed_with_case(rx)
    if parsed is None:
        return None
    low, high = parsed.getwidth()
    if low < 1 or high > 200:
        return None
    first = _first_seq(parsed)
    need = needed_chars(rx)
    if not first or first[1] or not first[0] or not need or _weight(need) > 3:
        return None
    return (compile_cached("[" + "".join(re.escape(c) for c in need) + "]"), None, high,
            compile_cached("[" + "".join(re.escape(c) for c in sorted(first[0])) + "]"))


_START_THEN_PATTERN = itemgetter(0, 2)  # a kept (start, end, pattern, hit): by start, then pattern


def _moved_hit(hit: tuple, d: int) -> tuple:
    """A kept (start, end, pattern, (pattern, start, end, values)) moved by d."""
    s, e, k, (_, hs, he, values) = hit
    return s + d, e + d, k, (k, hs + d, he + d, values)


def _prefilter(rx):
    """(a regex of the characters every match of ``rx`` needs, how far it looks past a
    line) for a line-local pattern, else None."""
    reach = line_reach(rx)
    need = needed_chars(rx) if reach is not None else None
    if not need:
        return None
    return compile_cached("[" + "".join(re.escape(c) for c in need) + "]"), reach[1]


def _wide_filter(rx):
    """For a pattern that is not line-local (its matches may hold a line break): (regex of
    the characters every match needs, how far its lookarounds read past a match, the
    matches' greatest width, None) for a short match (reach.bounded_reach:
    around_stretches), or (the needed characters, None, width, first characters) when only
    what a match consumes is short (_matches_at_starts); None otherwise, or when the
    needed characters are frequent (one search of the whole text is quicker then)."""
    if line_reach(rx) is not None:
        return None
    bounded = bounded_reach(rx)
    if bounded is None:
        return _starts_filter(rx)
    need = needed_chars(rx)
    if not need or _weight(need) > 3:
        return None
    return compile_cached("[" + "".join(re.escape(c) for c in need) + "]"), bounded[1], bounded[2], None


class StaleRule(Rule):
    KEYS = {"check", "terms", "pattern", "patterns"}
    REQUIRED = ("check",)
    CHECKS = ("terms", "plan")
    TERM_KEYS = {"pattern", "since", "period", "current"}

    def setup(self, spec):
        check = spec["check"]
        if check not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = check
        try:
            if check == "terms":
                self._setup_terms(spec.get("terms"))
            else:
                pats = _str_list(spec, "pattern") + _str_list(spec, "patterns")
                if not pats:
                    raise RuleLoadError(self.source, "plan 需要 pattern", self.id, "pattern")
                self.regexes = [compile_pattern(p) for p in pats]
                if not all("n" in rx.groupindex for rx in self.regexes):
                    raise RuleLoadError(self.source, "plan 的 pattern 需要分组 n（如“十二”）", self.id, "pattern")
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}", self.id, "pattern") from e

    def _setup_terms(self, terms):
        if not isinstance(terms, list) or not terms:
            raise RuleLoadError(self.source, "terms 必须是非空列表", self.id, "terms")
        self.terms = []
        for i, t in enumerate(terms):
            if not isinstance(t, dict) or set(t) - self.TERM_KEYS or not {"pattern", "since", "period"} <= set(t):
                raise RuleLoadError(self.source, f"terms 第 {i + 1} 项须有 pattern、since、period（可选 current）",
                                    self.id, "terms")
            if not isinstance(t["since"], int):
                raise RuleLoadError(self.source, f"terms 第 {i + 1} 项的 since 必须是年份", self.id, "terms")
            self.terms.append((compile_pattern(t["pattern"]), t["since"], str(t["period"]), t.get("current")))

    def scan(self, ctx):
        year = draft_year(ctx)
        if year is None:
            return
        if self.user:
            hits = self._terms(ctx, year) if self.check == "terms" else self._plans(ctx, year)
        elif self._mixed():
            hits = self._kept_and_searched(ctx, year)
        else:
            hits = self._prefiltered(ctx, year)
        for _, s, e, values in hits:
            yield s, e, values

    _filters = None
    _wide = None
    _local = None

    def _mixed(self) -> bool:
        """Some patterns line-local, some not (a term that may run over a line break): the
        rule is not line-local (line_reach), so each re-check runs it in full -- but the
        hits of its line-local patterns are kept for the lines an edit did not touch."""
        if self._local is None:
            local = [k for k, rx in enumerate(self._patterns()) if line_reach(rx) is not None]
            self._local = local if local and len(local) < len(self._patterns()) else []
        return bool(self._local) and type(self) is StaleRule

    def _kept_and_searched(self, ctx, year):
        """_prefiltered(), the hits of the line-local patterns kept between re-checks
        (kinds.spliced: the lines an edit touched searched again), the others searched."""
        from .kinds import spliced

        if self._filters is None:
            self._make_filters()
        local = self._local
        reach = _widest([line_reach(self._patterns()[k]) for k in local])
        reach = (max(reach[0], 4, _LEAD_REACH), reach[1])

        def scan(lo, hi, stop):  # (start, end, pattern, hit) of the matches starting in lo..hi
            out = []
            for k in local:
                if self.check == "terms" and year < self.terms[k][1]:
                    continue
                out.extend((s, e, k, hit) for hit in self._local_hits(ctx, year, k, lo, hi, stop)
                           for s, e in (hit[1:3],))
            out.sort(key=_START_THEN_PATTERN)
            return out, []

        kept, _ = spliced(ctx, "stale:" + self.full_id, self.line_switch(ctx), reach, scan,
                          move=_moved_hit)
        by_pattern = {}
        for _, _, k, hit in kept:
            by_pattern.setdefault(k, []).append(hit)
        wanted = set(local)
        searched = self._prefiltered(ctx, year, skip=wanted)
        for hit in searched:
            by_pattern.setdefault(hit[0], []).append(hit)
        for k in range(len(self._patterns())):
            yield from by_pattern.get(k, ())

    def _make_filters(self) -> None:
        """_filters: each pattern's line-local prefilter or None; _wide: for the others,
        how they are searched around the characters they need (_wide_filter) or None."""
        self._filters = [_prefilter(rx) for rx in self._patterns()]
        self._wide = [_wide_filter(rx) if f is None else None for rx, f in zip(self._patterns(), self._filters)]

    def _prefiltered(self, ctx, year, skip=frozenset()):
        """The hits of _terms()/_plans() over the whole text, in the same order, each
        pattern searched only in the lines that hold a character it needs (_prefilter);
        the patterns ``skip`` left out."""
        if self._filters is None:
            self._make_filters()
        text = ctx.text
        for k, got in enumerate(self._filters):
            if k in skip:
                continue
            one = self._terms if self.check == "terms" else self._plans
            if self.check == "terms" and year < self.terms[k][1]:
                continue
            if got is None:
                wide = self._wide[k]
                if wide is None:
                    yield from one(ctx, year, only=k)
                elif wide[3] is None:  # (needed characters, how far it reads on, width, -)
                    for lo, before, stop in around_stretches(text, wide[0], wide[2], wide[1]):
                        yield from one(ctx, year, lo, before, stop, only=k)
                else:  # (needed characters, -, width, first characters)
                    yield from one(ctx, year, only=k, matches=_matches_at_starts(
                        text, self._patterns()[k], wide[0], wide[2], wide[3]))
                continue
            yield from self._local_hits(ctx, year, k)

    def _local_hits(self, ctx, year, k, lo=0, hi=None, stop=None):
        """The hits of line-local pattern ``k`` starting in lo..hi (the whole text by
        default), searched up to ``stop``: only in the lines that hold a character it needs
        (_prefilter), or everywhere when it needs none."""
        text = ctx.text
        n = len(text)
        hi, stop = (n if hi is None else hi), (n if stop is None else stop)
        one = self._terms if self.check == "terms" else self._plans
        got = self._filters[k]
        if got is None:
            yield from one(ctx, year, lo, hi, stop, only=k)
            return
        for s, before, end in line_stretches(text, got[0], got[1], lo, stop):
            if s >= hi:
                break  # (stretches come in the text's order)
            yield from one(ctx, year, s, min(before, hi), end, only=k)

    # ----- incremental re-check (core/incremental.py) ---------------------------------
    # Given the draft's year, line-local: every pattern is proven to stay in a line
    # (reach.line_reach) and 原… is looked for 4 characters back.  The year is the rule's
    # line_switch(): the cached lines are dropped when it changes.
    whole_text_range = True

    def _patterns(self):
        return [t[0] for t in self.terms] if self.check == "terms" else self.regexes

    def line_reach(self):
        if type(self) is not StaleRule or getattr(self, "user", False):
            return None
        reach = _widest([line_reach(rx) for rx in self._patterns()])
        if reach is None:
            return None
        return max(reach[0], 4, _LEAD_REACH), reach[1]

    def line_switch(self, ctx):
        """What the hits depend on besides the text around them: the draft's year."""
        return draft_year(ctx), draft_year_from_file(ctx), draft_year_from_body(ctx)

    def scan_range(self, ctx, start, end, stop):
        year = draft_year(ctx)
        if year is None:
            return [], []
        if self.check == "terms":
            return list(self._terms(ctx, year, start, end, stop)), []
        return list(self._plans(ctx, year, start, end, stop)), []

    def _terms(self, ctx, year, lo=0, before=None, stop=None, only=None, matches=None):
        """(order, start, end, values) of the hits, by term; with ``lo``, ``before``,
        ``stop``: those whose match starts in lo..before, searched up to ``stop``; with
        ``only``: of that term alone, and ``matches`` its matches if given."""
        text = ctx.text
        stop = len(text) if stop is None else stop
        # (``only``: that term looked up, not found among all of them: called per stretch)
        for k, (rx, since, period, current) in enumerate(self.terms) if only is None else ((only, self.terms[only]),):
            if year < since:
                continue
            for m in rx.finditer(text, lo, stop) if matches is None else matches:
                if before is not None and m.start() >= before:
                    break
                s, e = m.span("hit") if "hit" in rx.groupindex and m.group("hit") is not None else m.span()
                when = period
                if m.lastgroup and _DATED_GROUP.fullmatch(m.lastgroup):
                    # an alternative named y2018: current in 2018, out of date from 2019 on
                    dated = int(m.lastgroup[1:])
                    if year <= dated:
                        continue
                    when = period.replace("{y}", str(dated))
                    s, e = m.span(m.lastgroup)
                if s < e and not _FORMER.search(text, max(0, s - 4), s):  # 原安监局: the former body, named as such
                    yield k, s, e, {"year": year, "period": when, "current": current or "",
                                 "suggestion": current}

    def _plans(self, ctx, year, lo=0, before=None, stop=None, only=None, matches=None):
        """Like _terms(), by pattern."""
        text = ctx.text
        stop = len(text) if stop is None else stop
        for k, rx in enumerate(self.regexes) if only is None else ((only, self.regexes[only]),):
            for m in rx.finditer(text, lo, stop) if matches is None else matches:
                if before is not None and m.start() >= before:
                    break
                n = _PLAN_NUMERALS.get(m.group("n"))
                if n is None:
                    continue
                when = year
                said = m.groupdict().get("when")
                if not said:  # 2025年，是…  刚刚过去的一年，是…: the year before the comma
                    lead = _LEAD.search(text, max(0, m.start() - _LEAD_REACH), m.start())
                    if lead is not None and "\n" not in lead.group():
                        said = lead.group(1) or "去年"
                if said:
                    if said == "明年":
                        when = year + 1
                    elif said == "去年":
                        when = year - 1
                    elif said != "今年":
                        got = _year_value(said.rstrip("年"))
                        if got is None:
                            continue
                        when = got
                start, end = plan_period(n)
                if start <= when <= end:
                    continue
                if when == start - 1 and _DRAFTING.search(m.group()):
                    continue  # the year before a plan drafts it: “十五五”谋篇布局之年
                if when == year == start - 1 and said in (None, "今年") and draft_year_from_body(ctx):
                    continue  # the year read from the body is the year reviewed, the draft's may be the next
                if when < start and not (said and said not in ("今年", "明年", "去年")) and draft_year_from_file(ctx):
                    continue  # the file may be older than its text (copied from last year's)
                s, e = m.span("hit") if "hit" in rx.groupindex and m.group("hit") is not None else m.span()
                now = plan_of_year(when)
                current = f"“{_PLAN_NAMES.get(now, '')}五”" if now in _PLAN_NAMES else ""
                yield k, s, e, {"year": when, "period": f"“{m.group('n')}五”（{start}—{end}年）",
                             "current": current, "suggestion": None}
