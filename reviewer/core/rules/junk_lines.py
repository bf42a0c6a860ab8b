"""Website leftovers by line: ``junk`` (whole lines and inline markers) and ``junk-list``
(a recommendation list).  The kinds decided by their surroundings are in junk.py."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import add, itemgetter

from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached
from .budget import compile_pattern
from .kinds import Rule, _str_list, edit_of
from .hoist import hoisted
from .reach import any_of, first_class, line_needed, line_reach, refers_back
from . import keypass

# A pinyin gloss a converting site put after a character (價(jià)值): a line of a glossed page
# is matched as junk with its glosses left out too, so that a page counter or a notice reads as
# it does on any other page (已阅读5页(yè) -> 已阅读5页).  Only glosses with a tone mark, as the
# pinyin-gloss rule reports them.
_TONE = compile_cached("[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ]")
_GLOSS = compile_cached(r"(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")


_TONE_BIT = keypass.bit(set(_TONE.pattern[1:-1]), starting=True)


def _glossed_lines(ctx, lines, starts) -> list[int]:
    """Indices of the lines holding a tone mark (_TONE), in order."""
    got = _keypass_lines(ctx, lines, _TONE_BIT, _TONE) if _TONE_BIT is not None else None
    return _lines_holding(ctx.text, lines, starts, _TONE) if got is None else got


def _unglossed(line: str) -> str | None:
    """The line without its pinyin glosses, or None when it has none."""
    if _TONE.search(line) is None:
        return None
    bare = _GLOSS.sub("", line)
    return bare if bare != line else None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class JunkRule(Rule):
    """Website leftovers.  ``lines``: a line that is nothing but this is flagged whole.
    ``markers``: flagged wherever they stand, the rest of the line left alone -- unless
    they make up two thirds of the line, which then goes whole."""

    KEYS = {"lines", "markers", "max_line_length", "regions", "trigger", "keep_content"}
    phase = 0

    def setup(self, spec):
        # where the rule looks: a page number is junk in the body, not in a footer
        self.regions = set(_str_list(spec, "regions"))
        self._patterns = (_str_list(spec, "lines"), _str_list(spec, "markers"))
        self.lines = _line_matchers(self._patterns[0])
        self.markers = [compile_pattern(p) for p in self._patterns[1]]
        # All markers as one search: a line where it finds nothing has no marker (most
        # lines), and the markers are searched one by one only on the others.
        self._any_marker = None
        if len(self.markers) > 1 and all(isinstance(m, re.Pattern) and not _NO_MERGE.search(m.pattern)
                                         for m in self.markers):
            try:
                self._any_marker = compile_pattern("|".join(_grouped(m.pattern) for m in self.markers))
            except re.error:
                pass  # inline flags or the same group name twice: no shortcut
        if not self.lines and not self.markers:
            raise RuleLoadError(self.source, "junk 规则至少要有 lines 或 markers", self.id, "lines")
        self.max_len = int(spec.get("max_line_length", 200))
        # ``keep_content``: a line that matches ``lines`` but also holds the draft's own
        # sentences (an editor's sentence appended to a content paragraph, or glued before
        # it) is flagged from the first to the last sentence that matches by itself
        self.keep_content = bool(spec.get("keep_content", False))
        # ``trigger``: words every marker contains.  Markers that open with a loose prefix
        # ([^。]{0,20}…) cost a scan at every character; with a trigger they run only on
        # the lines where one pass over the text found one of those words.
        triggers = _str_list(spec, "trigger")
        self.trigger = compile_pattern("|".join(f"(?:{t})" for t in triggers)) if triggers else None
        keypass.enrol(self)  # its prefilters' strings searched with all the others' (keypass.py)

    def _marker_lines(self, text: str, lines) -> set[int] | None:
        if self.trigger is None:
            return None
        starts = [s for s, _ in lines]
        found = set()
        for m in self.trigger.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < lines[i][1]:
                found.add(i)
        return found

    def scan(self, ctx):
        if self.regions and ctx.region not in self.regions:
            return
        text = ctx.text
        lines = ctx.cached("stripped_lines", lambda: _stripped_lines(ctx))
        todo = self._candidates(ctx, lines)
        if todo is not None:
            yield from self._scan_candidates(text, lines, *todo, ctx)
            return
        marked = self._marker_lines(text, lines) if self.markers else None
        for i, (s, e) in enumerate(lines):
            yield from self._line(text, s, e, marked is None or i in marked)

    # ----- which lines can hold a finding ------------------------------------------------
    # Most lines of a draft hold none of the characters a rule's patterns need (reach.
    # line_needed_chars): one search over the text for those characters finds the lines
    # worth trying, and the rest are never cut out and matched one by one.

    _prefilters = None
    _marker_plan = None
    _bits = (None, None)  # the prefilters' bits in keypass's automaton (for lines, for markers)
    _bit_asks = None  # what _make_bits() asks keypass for, set by _make_prefilters

    def _keypass_strings(self):
        """The prefilters and their bits in keypass's automaton (keypass._prepare: the
        automaton is about to be built for a text long enough for it)."""
        if self._prefilters is None:
            self._make_prefilters()
        if self._bit_asks is not None:
            self._make_bits()

    def _make_prefilters(self):
        """(for ``lines``, for ``markers``): a search for the strings every line with a match
        holds (reach.line_needed), "" when the rule has no such patterns, None when any line
        may match.  Their bits in keypass's automaton are worked out only when a text is
        long enough for its pass (_keypass_bits): ~1 ms a rule, most of a short draft's
        junk rules' first use."""
        out = []
        asks = []  # per key: (the strings, whether a match's start) or (the characters' classes,)
        each = []  # per marker: (the strings it needs in a line, as a search; the marker)
        for key, patterns in zip(("lines", "markers"), self._patterns):
            if not patterns:
                out.append("")
                asks.append(None)
                continue
            need = None if self.user else set()
            for p in patterns if need is not None else ():
                got = line_needed(p)
                if got is None:
                    need = None
                    break
                need.update(got)
                if key == "markers":
                    each.append(compile_cached(any_of(got)))
            if need is None and key == "markers" and not self.user:
                # (no strings every match needs: emoji, a range of characters) the lines
                # holding a character a marker's match can begin with
                firsts = [first_class(rx) for rx in self.markers]
                if all(firsts):
                    each = [compile_cached(x) for x in firsts]
                    out.append(compile_cached("|".join(firsts)))
                    asks.append((firsts,))
                    continue
            out.append(None if need is None else compile_cached(any_of(need)))
            # (markers: the lines holding a match's start, _lines_holding)
            asks.append((need, key == "markers") if need else None)
        # markers that open with a lookahead, rewritten so that ``re`` skips ahead (hoist.py)
        self._marker_plan = [(pre, hoisted(rx) or rx) for pre, rx in zip(each, self.markers)] \
            if len(each) == len(self.markers) else None
        self._bit_asks = asks
        self._prefilters = tuple(out)
        return self._prefilters

    def _make_bits(self):
        bits = []
        for ask in self._bit_asks:
            if ask is None:
                bits.append(None)
            elif len(ask) == 1:  # a marker's first characters (_make_prefilters)
                chars = [keypass.class_chars(x) for x in ask[0]]
                bits.append(keypass.bit(set().union(*chars), starting=True) if all(chars) else None)
            else:
                bits.append(keypass.bit(ask[0], starting=ask[1]))
        self._bits = tuple(bits) if len(bits) == 2 else (None, None)
        self._make_pattern_bits()
        self._bit_asks = None

    def _keypass_bits(self, ctx, lines):
        """self._bits, or (None, None) when keypass makes no pass over this text."""
        if self._bit_asks is not None:
            if _keypass_found(ctx, lines) is None:
                return None, None
            self._keypass_strings()  # (done already when keypass._prepare asked it)
        return self._bits

    # ----- which patterns can match in a line ---------------------------------------------
    # A rule with many patterns tries all of them on each of its lines, though a line holds
    # the strings of one or two of them at most (a page counter's 页, a date's 年…月).  Each
    # pattern's strings (reach.line_needed) get their own bit in keypass's automaton, and
    # its pass tells each line which patterns it can match: only those are tried there.
    # The same lines match: a line a pattern is not tried on holds none of the strings
    # every match of it holds (a ``lines`` match lies in the line, a marker's match too).

    _pattern_bits = None  # (per ``lines`` pattern, per marker: its bit or None, try always)
    _PATTERN_BITS_LEAST = 4  # fewer patterns than this: one test of them all costs as little

    def _make_pattern_bits(self):
        self._pattern_bits = None
        self._by_bits = {}
        if self.user or self.keep_content or not keypass.available():
            return
        lines, markers = self._patterns
        if len(lines) + len(markers) < self._PATTERN_BITS_LEAST:
            return
        got = []
        for patterns, starting in ((lines, False), (markers, True)):
            each = []
            for p in patterns:
                need = line_needed(p)
                each.append(keypass.bit(set(need), starting=starting) if need else None)
            got.append(each)
        line_bits, marker_bits = got
        if all(b is None for b in line_bits + marker_bits):
            return
        if not all(isinstance(compile_pattern(p), re.Pattern) for p in lines + markers):
            return
        try:
            matchers = [_lookahead_split(p) or _line_matcher(p) for p in lines]
        except re.error:
            return
        self._pattern_bits = (line_bits, marker_bits, matchers)

    def _line_patterns(self, ctx, lines):
        """({line index: its bits in keypass} (0 for a line not there), the bits of the
        rule's patterns); None when keypass made no pass over this text."""
        bits = self._pattern_bits
        if bits is None:
            return None
        found = _keypass_found(ctx, lines)
        if found is None:
            return None
        found, order = found
        mine = 0
        for b in (*bits[0], *bits[1]):
            if b is not None:
                if b[0] >= found.sets:
                    return None  # (a set this pass's automaton does not hold: keypass._LOCK)
                mine |= 1 << b[0]
        return found.by_line(order), mine

    def _by_mask(self, mask):
        """(the ``lines`` matchers, the markers' indices) a line with keypass bits ``mask``
        can match."""
        got = self._by_bits.get(mask)
        if got is None:
            line_bits, marker_bits, matchers = self._pattern_bits
            got = self._by_bits[mask] = (
                [m for m, b in zip(matchers, line_bits) if b is None or mask >> b[0] & 1],
                frozenset(j for j, b in enumerate(marker_bits) if b is None or mask >> b[0] & 1))
        return got

    def _candidates(self, ctx, lines):
        """(line indices to try, the subset whose markers are to be searched), or None."""
        pre_lines, pre_markers = self._prefilters or self._make_prefilters()
        if pre_lines is None or pre_markers is None:
            return None
        starts = ctx.cached("stripped_line_starts", lambda: [s for s, _ in lines])
        # keep_content: a paragraph of any length can end with (or open with) the editor's sentence
        most = self.max_len if not self.keep_content else max(self.max_len, _LONGEST_PARAGRAPH)
        bit_lines, bit_markers = self._keypass_bits(ctx, lines)
        by_lines = None
        if pre_lines and bit_lines is not None:
            by_lines = _keypass_lines(ctx, lines, bit_lines, pre_lines, most)
        if by_lines is None:
            by_lines = _short_lines_holding(ctx, lines, starts, pre_lines, most) if pre_lines else []
        if pre_lines:  # a glossed line holds the words only without its glosses (_unglossed)
            glossed = ctx.cached("glossed_lines", lambda: _glossed_lines(ctx, lines, starts))
            if glossed:
                by_lines = sorted(set(by_lines).union(glossed))
        by_markers = None
        if pre_markers and bit_markers is not None and paragraphs_are_lines(ctx):
            by_markers = _keypass_lines(ctx, lines, bit_markers, pre_markers)
        if by_markers is None:
            by_markers = _lines_holding(ctx.text, lines, starts, pre_markers) if pre_markers else []
        if not by_markers:
            return by_lines, ()
        with_markers = set(by_markers)
        if not by_lines:
            return by_markers, with_markers
        return sorted(with_markers.union(by_lines)), with_markers

    def _scan_candidates(self, text, lines, todo, with_markers, ctx=None):
        """scan() over the lines ``todo`` only; markers searched in ``with_markers``."""
        trigger = self.trigger
        reach = _line_safe(trigger) if trigger is not None else None
        line_trigger = reach is not None
        marked = self._marker_lines(text, lines) if trigger is not None and not line_trigger and with_markers else None
        plan = self._marker_plan
        masks = self._line_patterns(ctx, lines) if self._pattern_bits is not None and ctx is not None else None
        if masks is not None:
            masks, mine = masks
            # (a glossed line: its patterns are tried on it without its glosses too, all of them)
            starts = ctx.cached("stripped_line_starts", lambda: [s for s, _ in lines])
            glossed = set(ctx.cached("glossed_lines", lambda: _glossed_lines(ctx, lines, starts)))
            by_mask = self._by_mask
            get = masks.get
        most = self.max_len
        for i in todo:
            s, e = lines[i]
            known = masks is not None and i not in glossed
            if known:
                # (a line whose patterns are known holds no gloss: _unglossed is None)
                line_matchers, marker_ids = by_mask(get(i, 0) & mine)
                if not line_matchers or e - s > most:  # no ``lines`` pattern can match it
                    if i not in with_markers or plan is not None and not marker_ids:
                        continue  # nor a marker
                elif i not in with_markers:  # _line() written out: its ``lines`` alone
                    line = text[s:e]
                    for match in line_matchers:
                        if match(line):
                            yield s, e, {}  # (never keep_content: _make_pattern_bits)
                            break
                    continue
            else:
                line_matchers, marker_ids = None, None
            if i not in with_markers:
                yield from self._line(text, s, e, False, None, line_matchers, not known)
                continue
            if trigger is None:
                on = True
            elif line_trigger:
                on = _triggered(trigger, text, s, e, reach[1])
            else:
                on = i in marked
            if plan is None:
                here = None
            elif marker_ids is None:
                here = [rx for pre, rx in plan if pre.search(text, s, e)]
            else:
                here = [rx for j, (pre, rx) in enumerate(plan) if j in marker_ids and pre.search(text, s, e)]
            yield from self._line(text, s, e, on, here, line_matchers, not known)

    def _line(self, text, s, e, marked, markers=None, line_matchers=None, glossed=True):
        """The line's findings; ``markers``: the only markers that can match in it (as
        patterns that match as the rule's own, _scan_candidates), when known; likewise
        ``line_matchers``: the only ``lines`` patterns (_by_mask).  ``glossed`` False: the
        line is known to hold no pinyin gloss."""
        line = text[s:e]
        if e - s <= self.max_len and any(match(line) for match in (self.lines if line_matchers is None else line_matchers)):
            yield (s, e, {}) if not self.keep_content else (*_junk_sentences(line, s, self.lines), {})
            return
        if self.keep_content and e - s > self.max_len:
            ends = _end_sentences(line, s, self.lines, self.max_len)
            if ends:
                for a, b in ends:
                    yield a, b, {}
                return
        if self.lines and glossed:
            bare = _unglossed(line)
            if bare is not None and len(bare) <= self.max_len and any(match(bare) for match in self.lines):
                yield s, e, {}
                return
        if not marked:
            return
        if markers is None:
            if self._any_marker is not None and self._any_marker.search(line) is None:
                return
            markers = self.markers
        spans = []
        for rx in markers:
            for m in rx.finditer(line):
                ms, me = _strip_span(text, s + m.start(), s + m.end())
                if ms < me:
                    spans.append((ms, me))
        if not spans:
            return
        # Markers that make up most of a line: the rest of it is the same junk's glue
        # (separators, a label, a trailing "click here"), so the whole line goes.
        # (Not where a sentence of the draft's ends before the marker: ……三点意见。某某网(……)收集整理)
        if e - s <= self.max_len and _solid(text, spans) >= 0.67 * _solid(text, [(s, e)]) \
                and not _own_sentence(text, s, spans):
            yield s, e, {}
            return
        for ms, me in spans:
            yield ms, me, {}

    def line_reach(self):
        # lines and markers are matched against the line alone; the trigger is searched in
        # the whole text, so it must not reach across a line break
        if type(self) is not JunkRule:
            return None
        return (0, 0) if self.trigger is None else line_reach(self.trigger)

    # The first re-check's cache of every line (incremental._bulk) asks for the whole text
    # at once: scan() gives each line's findings as scan_range() does line by line (a test
    # holds the two equal), but tries only the lines that hold what a match needs -- line by
    # line, 14,000 paragraphs of a 1M draft cost ~1.5 s more.
    whole_text_range = True

    def scan_range(self, ctx, start, end, stop):
        """``start..end`` is one paragraph: the line scan() sees is the paragraph stripped."""
        if self.regions and ctx.region not in self.regions:
            return [], []
        text = ctx.text
        if start == 0 and end >= len(text):
            return [(0, *hit) for hit in self.scan(ctx)], []
        s, e = _strip_span(text, start, end)
        if s >= e:
            return [], []
        marked = True
        if self.markers and self.trigger is not None:
            marked = False
            for m in self.trigger.finditer(text, start, stop):
                if m.start() >= e:
                    break
                if m.start() >= s:
                    marked = True
                    break
        return [(0, *hit) for hit in self._line(text, s, e, marked)], []


# a sentence's words and its end mark: what the draft says, not a junk line's glue
_SENTENCE_DONE = compile_cached(r"\S{4}[。！？!?]")


def _own_sentence(text, s, spans) -> bool:
    """Whether the line from s holds a finished sentence before its first marker (the draft's
    words, the junk glued after them; what follows a marker is the junk's own glue) -- or a
    sentence of the draft's around a marker put into it, which goes on after the marker and ends
    there (项目公司于<?xml:namespace …/>3月5日专门召开了安全工作会议，……部署。)."""
    first = min(ms for ms, _ in spans)
    if _SENTENCE_DONE.search(text, s, first) is not None:
        return True
    last = max(me for _, me in spans)
    end = text.find("\n", last)
    end = len(text) if end < 0 else end
    if _SENTENCE_DONE.search(text, last, end) is None:
        return False
    # (the draft's words before the marker: it was put into their sentence, short as it may be --
    # 公司于<?xml…/>5月召开了职代会。; nothing before it: what follows is the draft's only when it
    # is long enough and not the site's own talk -- &nbsp;……扫一扫在手机上阅读本文，分享给好友吧。)
    before = len(_HAN.findall(text, s, first))
    return before >= 2 or (before + len(_HAN.findall(text, last, end)) >= 12
                           and _SITE_TALK.search(text, last, end) is None)


_HAN = compile_cached(r"[\u4e00-\u9fff]")  # (a Han character; junk.py reads it too)


# A sentence: up to its end mark and the closing quotes or brackets after it.
_ONE_SENTENCE = compile_cached(r"[^。！？!?]*(?:[。！？!?]+[”’\"」』)）]*|$)")
# What a site's paragraph on the genre says (in front of its offer of samples), not a draft:
# it speaks to the visitor or asks, or says what such texts usually are.
_GENRE_TALK = compile_cached(r"您|你(?!们)|[呢吗?？]|一般|通常|往往|常常|不得不|范文|模板|写作|撰写|怎么写|格式")
# What the site says after its offer (更多……请关注本站……): not the draft's own text.
_SITE_TALK = compile_cached(r"本站|本网|小编|网站|频道|更多|点击|下载|关注|收藏|阅读|参考|范文|[你您]")
# What only the draft's own text says: its own unit (我县、本单位), a figure, its audience, the
# official opening of what it sets out (现将……总结如下, 现将有关情况汇报如下), not the site's (现将几篇
#优秀的总结整理出来).
_OWN_TEXT = compile_cached(r"[我本](?:省|市|县|区|镇|乡|村|校|院|局|委|厅|办|单位|公司|部门|街道|社区|所|站|中心|支部|党委|系统|行业)|[0-9０-９]|同志们|"
                        r"现将(?![^。！？\n]{0,40}(?:篇|分享|奉上|推荐|收集|挑选|精选|整理|大家|供|参考))")
_CONTENT_LEAST = 30  # characters of the draft's own text on one side before it is kept


def _junk_sentences(line: str, s: int, matchers) -> tuple[int, int]:
    """(start, end) of the part of the line ``s..`` from the first to the last sentence that a
    ``lines`` matcher takes by itself, when the part before (or after) it is the draft's own
    text: long enough, and not the site talking about the genre (before: the draft's text
    says what only a draft says, 我县 or a figure) or to the visitor (after).  The whole line
    otherwise."""
    spans = _sentences(line)
    hits = [i for i, (a, b) in enumerate(spans) if any(match(line[a:b].strip()) for match in matchers)]
    if not hits or len(spans) < 2:
        return s, s + len(line)
    a, b = spans[hits[0]][0], spans[hits[-1]][1]
    if not _draft_before(line[:a]):
        a = 0
    if not _draft_after(line[b:]):
        b = len(line)
    a, b = _strip_span(line, a, b)
    return a + s, b + s


def _sentences(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``line`` (_ONE_SENTENCE), empty ones left out."""
    return [(m.start(), m.end()) for m in _ONE_SENTENCE.finditer(line) if m.end() > m.start()]


def _draft_before(rest: str, window: int | None = None) -> bool:
    """The text before an editor's sentence is the draft's own: long enough, saying what only
    a draft says (我县, a figure) and not the site talking about the genre (in its last
    ``window`` characters, when given)."""
    near = rest if window is None else rest[-window:]
    return len(rest.strip()) >= _CONTENT_LEAST and not _GENRE_TALK.search(near) and _OWN_TEXT.search(rest) is not None


def _draft_after(rest: str, window: int | None = None) -> bool:
    """The text after an editor's sentence is the draft's own: long enough and not the site
    talking to the visitor (in its first ``window`` characters, when given)."""
    near = rest if window is None else rest[:window]
    return len(rest.strip()) >= _CONTENT_LEAST and not _SITE_TALK.search(near)


_LONGEST_PARAGRAPH = 5000  # keep_content: longer lines are not looked at
# In a long paragraph only a sentence that names the site or its samples is taken for the
# editor's (not 这项工程为大家带来了便利).
_SITE_WORDS = compile_cached(r"小编|本站|本网|网站|范文|范本|例文|供(?:大家)?参考|欢迎(?:大家)?(?:阅读|借鉴|下载|收藏)|有所帮助")


def _end_sentences(line: str, s: int, matchers, most: int) -> list[tuple[int, int]]:
    """For a line too long to be matched whole (``keep_content``): the first sentences and the
    last sentences of the line ``s..`` that a ``lines`` matcher takes by themselves, when the
    rest of the line is the draft's own text (as _junk_sentences asks)."""
    spans = _sentences(line)
    if len(spans) < 2:
        return []

    def junk(i: int) -> bool:
        a, b = spans[i]
        return b - a <= most and _SITE_WORDS.search(line, a, b) is not None \
            and any(match(line[a:b].strip()) for match in matchers)

    out = []
    k = 0
    while k < len(spans) - 1 and junk(k):
        k += 1
    if k and _draft_after(line[spans[k][0]:], 200):
        out.append(_strip_span(line, 0, spans[k - 1][1]))
    j = len(spans)
    while j > max(k, 1) and junk(j - 1):
        j -= 1
    if j < len(spans) and _draft_before(line[:spans[j][0]], 200):
        out.append(_strip_span(line, spans[j][0], len(line)))
    return [(a + s, b + s) for a, b in out if a < b]


def _lines_holding(text: str, lines, starts, pre) -> list[int]:
    """Indices of the lines (s, e) in which ``pre`` finds a character, in order."""
    out = []
    n = len(lines)
    search = pre.search
    m = search(text)
    while m is not None:
        p = m.start()
        i = bisect_right(starts, p) - 1
        if i >= 0 and p < lines[i][1]:
            out.append(i)
        i += 1
        if i >= n:
            break
        m = search(text, lines[i][0])
    return out


# ----- the short lines only ----------------------------------------------------------------
# A rule's ``lines`` take a line of at most max_line_length characters (200, often fewer)
# whole: the longer lines -- most of a draft's text -- never need searching for what those
# patterns need.  The lines are laid out once per review shortest first, one text joined
# by line breaks, and each rule searches only the part as long as it allows.

def _short_first(ctx, lines):
    """(the lines' text shortest first joined by "\n", where each starts in it, their
    indices in ``lines``, their lengths), made once per review."""
    def make():
        text = ctx.text
        lengths = [e - s for s, e in lines]
        order = sorted(range(len(lines)), key=lengths.__getitem__)
        parts = [text[s:e] for s, e in map(lines.__getitem__, order)]
        where, pos = [], 0
        for piece in parts:
            where.append(pos)
            pos += len(piece) + 1
        return lines, ("\n".join(parts), where, order, [lengths[i] for i in order])
    got = ctx.cached("junk_short_first", make)
    return got[1] if got[0] is lines else make()[1]  # (the stripped lines of ctx, always)


def _short_lines_holding(ctx, lines, starts, pre, most: int) -> list[int]:
    """Indices of the lines (s, e) at most ``most`` long in which a match of ``pre`` (the
    strings a line's match needs: none holds a line break) lies, in order.  A match that
    begins in the line and runs past its end is no match of a pattern the line alone is
    matched against."""
    if "\n" in pre.pattern or not lines:  # (could join two lines: searched in the text)
        return [i for i in _lines_holding(ctx.text, lines, starts, pre) if lines[i][1] - lines[i][0] <= most]
    joined, where, order, lengths = _short_first(ctx, lines)
    stop = bisect_right(lengths, most)
    end = where[stop - 1] + lengths[stop - 1] if stop else 0
    out = []
    search = pre.search
    m = search(joined, 0, end)
    while m is not None:
        k = bisect_right(where, m.start()) - 1
        out.append(order[k])
        k += 1
        if k >= stop:
            break
        m = search(joined, where[k], end)
    out.sort()
    return out


def _keypass_lines(ctx, lines, bit, pre, most: int | None = None) -> list[int] | None:
    """Indices of the lines (s, e) that hold one of the strings of keypass's set ``bit`` (its
    bit, whether to search again) and thus a match of ``pre`` (their search): inside the
    line when ``most`` is given (_short_lines_holding) and the line at most ``most`` long,
    else starting in it (_lines_holding); in order.  None when keypass could not search
    this text.  The pass is made once per review, over the lines as _short_first lays
    them out."""
    got = _keypass_found(ctx, lines)
    if got is None:
        return None
    found, order = got
    lengths = _short_first(ctx, lines)[3]
    b, again = bit
    if b >= found.sets:
        return None  # (a set this pass's automaton does not hold: the rule's own search)
    stop = len(order) if most is None else bisect_right(lengths, most)
    out = sorted([order[k] for k in found.lines(b) if k < stop])
    if again:  # (strings looked for up to a digit class or without trailing blanks: searched again)
        text, search = ctx.text, pre.search
        if most is not None:
            out = [i for i in out if search(text, *lines[i]) is not None]
        else:
            n = len(text)
            out = [i for i, (s, e) in zip(out, map(lines.__getitem__, out))
                   for m in (search(text, s, _line_end(text, e, n)),) if m is not None and m.start() < e]
    return out


def _keypass_found(ctx, lines):
    """(keypass's pass over the lines as _short_first lays them out, made once per review;
    the lines' indices in that order), or None when keypass cannot search this text."""
    joined, where, order, lengths = _short_first(ctx, lines)
    if len(joined) < keypass.LEAST or not keypass.available():
        return None
    kept = ctx.cached("junk_keypass", dict)
    got = kept.get("found")
    if got is None or got[0] is not joined:
        got = kept["found"] = (joined, keypass.Found(joined, where))
    found = got[1]
    return (found, order) if found.ok else None


def _line_end(text: str, e: int, n: int) -> int:
    end = text.find("\n", e)
    return n if end < 0 else end


# ----- searches an edit mostly leaves as they were --------------------------------------
# Searching a 1M draft for a few words costs ~3 ms.  When no match holds a line break, the
# matches in a line depend on its text alone: an incremental re-check (Context.memo) keeps
# the previous text with its matches, and after an edit searches again only the lines
# between what the two texts have in common at their beginning and at their end.

def _spans_found(ctx, key: str, rx) -> list[tuple[int, int]]:
    """The spans of ``rx.finditer(ctx.text)``; ``key`` names what is kept for the next
    call in ctx.memo(key)."""
    text = ctx.text
    if not _keepable(rx):
        return [m.span() for m in rx.finditer(text)]
    memo = ctx.memo(key)
    last = memo.get("last")
    spans = _respliced(ctx, *last, rx) if last is not None else [m.span() for m in rx.finditer(text)]
    memo["last"] = (text, spans)  # (the spans depend on the text kept with them alone)
    return spans


_KEEPABLE: dict = {}


def _keepable(rx) -> bool:
    """Whether no match of ``rx`` is empty, holds a line break or looks outside its line.
    Not with $ or \\Z, which match at a line's end when the text ends right after it."""
    got = _KEEPABLE.get(rx)
    if got is None:
        got = _KEEPABLE[rx] = _line_safe(rx) == (0, 0) and "$" not in rx.pattern and "\\Z" not in rx.pattern
    return got


def _respliced(ctx, old: str, spans, rx) -> list[tuple[int, int]]:
    """_spans_found() from those of the previous text ``old``."""
    text = ctx.text
    if old is text:
        return spans
    a, c = edit_of(ctx, old)
    n0, n1 = len(old), len(text)
    d = n1 - n0
    lo = text.rfind("\n", 0, a) + 1  # the first line the edit changed (the texts agree up to a)
    hi = old.find("\n", n0 - c)     # the end of the last, in the old text (they agree from n0 - c)
    if hi < 0:
        hi = n0
    i = bisect_left(spans, lo, key=_FIRST)
    j = bisect_left(spans, hi, key=_FIRST)
    tail = spans[j:] if not d else [(s + d, e + d) for s, e in spans[j:]]
    mid = []
    hi += d
    for m in rx.finditer(text, lo, min(n1, hi + 2)):  # (as far as a whole-text search reads: reach.line_reach)
        if m.start() >= hi:
            break
        mid.append(m.span())
    return spans[:i] + mid + tail


def _lines_at(lines, starts, spans) -> list[int] | None:
    """Indices of the lines (s, e) in which a span starts, in order: _lines_holding() for
    the spans of the same search.  None when a span runs on into the next line's start
    (then a search from that line could find one the spans skip)."""
    out = []
    last = -1
    n = len(lines)
    for s, e in spans:
        i = bisect_right(starts, s) - 1
        if i + 1 < n and e > starts[i + 1]:
            return None
        if i > last and s < lines[i][1]:
            out.append(i)
            last = i
    return out


def _lines_holding_kept(ctx, key: str, lines, starts, pre) -> list[int]:
    """_lines_holding(), from the spans _spans_found() keeps between calls."""
    got = _lines_at(lines, starts, _spans_found(ctx, key, pre)) if _keepable(pre) else None
    return _lines_holding(ctx.text, lines, starts, pre) if got is None else got


_FIRST = itemgetter(0)


_LINE_SAFE: dict = {}


def _line_safe(rx) -> tuple[int, int] | None:
    """reach.line_reach(rx) of a trigger that never matches an empty string, else None
    (remembered per pattern: parsing it again cost every review ~1 ms a rule)."""
    key = (rx.pattern, rx.flags) if isinstance(rx, re.Pattern) else None
    if key is not None:
        got = _LINE_SAFE.get(key, _UNSET)
        if got is _UNSET:
            got = _LINE_SAFE[key] = _line_safe_uncached(rx)
        return got
    return _line_safe_uncached(rx)


_UNSET = object()


def _line_safe_uncached(rx) -> tuple[int, int] | None:
    reach = line_reach(rx)
    if reach is None:
        return None
    try:
        from re import _parser

        return reach if _parser.parse(rx.pattern, rx.flags).getwidth()[0] >= 1 else None
    except Exception:  # noqa: BLE001
        return None


def _triggered(trigger, text: str, s: int, e: int, ahead: int) -> bool:
    """Whether the whole-text search for ``trigger`` (JunkRule._marker_lines) has a match
    starting in s..e.  No match crosses a line break, so the whole-text search meets
    s's line as a search from the line's beginning does, and that one gives the same
    matches when it reads ``ahead + 2`` characters past the line (reach.line_reach)."""
    n = len(text)
    end = text.find("\n", e)
    stop = n if end < 0 else min(n, end + ahead + 2)
    for m in trigger.finditer(text, text.rfind("\n", 0, s) + 1, stop):
        if m.start() >= e:
            return False
        if m.start() >= s:
            return True
    return False


def _solid(text: str, spans) -> int:
    """Non-blank characters covered by (possibly overlapping) spans."""
    covered = set()
    for a, b in spans:
        covered.update(i for i in range(a, b) if not text[i].isspace())
    return len(covered)


_NO_MERGE = compile_cached(r"\\[1-9]|\(\?P=|\(\?\(")  # numbered or named back-references
_GLOBAL_FLAGS = compile_cached(r"\(\?([aiLmsux]+)\)")


def _grouped(pattern: str) -> str:
    """``pattern`` as one branch of an alternation: (?:…).  Flags it sets for the whole
    pattern at its start, as in (?x), apply to its group alone: (?x:…)."""
    m = _GLOBAL_FLAGS.match(pattern)
    if m:
        # a verbose pattern may end in a comment: the line break closes it before the ")"
        return f"(?{m.group(1)}:{pattern[m.end():]}" + ("\n)" if "x" in m.group(1) else ")")
    return f"(?:{pattern})"


def _line_matchers(patterns: list[str]) -> list:
    """The rule's ``lines`` as few matchers as possible: the whole-line patterns as one
    alternation (a line matches one of them exactly when it matches their alternation)
    and the ``.*X.*`` ones as one search.  One test per line instead of up to sixteen.
    Patterns that cannot share an alternation (back-references, inline flags, a user's
    pattern under a time budget) keep their own matcher."""
    each = [_line_matcher(p) for p in patterns]  # compiled one by one first: errors name the pattern
    whole, found, alone = [], [], []
    for p, matcher in zip(patterns, each):
        split = _lookahead_split(p)
        if split is not None:  # (?=.*X)Y: X searched for, then Y matched, each by itself
            alone.append(split)
        elif _NO_MERGE.search(p):
            alone.append(matcher)
        elif p.startswith(".*") and p.endswith(".*") and not p.endswith("\\.*"):
            found.append(p[2:-2])
        else:
            whole.append(p)
    out = []
    for group, how in ((whole, "fullmatch"), (found, "search")):
        if not group:
            continue
        try:
            rx = compile_pattern("|".join(_grouped(p) for p in group)) if len(group) > 1 else None
        except re.error:
            rx = None
        if not isinstance(rx, re.Pattern):  # one pattern, flags that cannot be merged, a user's rule
            out.extend(m for p, m in zip(patterns, each) if p in group or p[2:-2] in group and how == "search")
            continue
        test = getattr(rx, how)
        out.append(lambda line, test=test: test(line) is not None)
    return out + alone


# ----- a whole-line pattern that opens with a lookahead reading the whole line ----------
# ``(?=.*?(?:来源|作者)\s*[:：]|.*[\u4e00-\u9fff]{2,8}网)…`` asks whether the line holds one
# of a few things anywhere; matched as written, ``re`` tries the lookahead's alternatives
# at every character of the line, one after another (~12 µs a line).  Whether it holds
# is asked instead by searches that ``re`` skips ahead through, then the rest of the
# pattern is matched as a whole line.  At the line's start (a line holds no line break):
#
# * ``.*X`` or ``[^\n]*X`` holds exactly when X is found somewhere in the line, and
#   ``(?:.*?X){k}`` when ``X(?:.*?X){k-1}`` is;
# * X found somewhere: when X is a choice, one of its branches is (those that open with
#   a character searched as one choice, the others each alone); when X opens with a
#   single character repeated ``{m,n}`` (C{m,n}Y), Y is found right after m of them,
#   ``(?<=C{m})Y`` (a lookbehind, which hoist.py moves behind Y's first character) or
#   ``C{m}Y``.
#
# The same lines match.

_LOOKAHEAD_VERSION = "line-lookahead-v6"
_MOST_SEARCHES = 24  # more branches than this: one search of them all costs less
_OPENS_WITH_LOOKAHEAD = compile_cached(r"(?:\(\?[aiLmsux]+\))?\s*\(\?=")


def _lookahead_split(pattern: str):
    """A matcher for ``pattern`` as a whole line, asking its leading lookahead as above;
    None when the pattern does not have that form (or is a user's: budget.py)."""
    if not _OPENS_WITH_LOOKAHEAD.match(pattern):
        return None  # (most patterns: not worth an entry in the cache)
    rx = compile_pattern(pattern)
    if not isinstance(rx, re.Pattern):
        return None
    from ..cache import remembered

    got = remembered(pattern, 0, _LOOKAHEAD_VERSION, lambda _tagged: _split_lookahead(pattern))
    if not got:
        return None
    *looks, rest = got.split("\n")
    try:
        searches = [(hoisted(x) or x).search for x in map(compile_cached, looks)]
        fullmatch = compile_cached(rest).fullmatch
    except re.error:
        return None
    whole = rx.fullmatch

    def matches(line: str) -> bool:
        if "\n" in line:  # (.* stops at a line break: as written)
            return whole(line) is not None
        # the lookahead first, as written: it keeps the rest from lines where that could
        # backtrack for ever (a long run of Latin letters)
        for search in searches:
            if search(line) is not None:
                return fullmatch(line) is not None
        return False

    return matches


def _split_lookahead(pattern: str) -> str | None:
    """The searches and the rest (above) of ``(?=L)Y``, one pattern a line, Y last."""
    from re import _parser, _constants as C
    from .hoist import _Unparser, _Unsupported, _flags

    try:
        parsed = _parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - compiled once already
        return None
    items = list(parsed)
    if len(items) < 2 or items[0][0] is not C.ASSERT or items[0][1][0] != 1 or refers_back(parsed):
        return None
    u = _Unparser({n: name for name, n in parsed.state.groupdict.items()})
    plain = _Unparser({})  # groups unnamed: a branch may be written more than once
    flags = _flags(parsed.state.flags & ~re.VERBOSE)
    found = []
    literal = []  # branches that open with a character: searched as one choice
    try:
        for alt in _branches(list(items[0][1][1])):
            if alt and _line_star(alt[0]):
                x = alt[1:]
            elif len(alt) == 1 and alt[0][0] in (C.MAX_REPEAT, C.MIN_REPEAT):
                lo, _hi, inner = alt[0][1]
                inner = list(inner)
                if lo < 1 or not inner or not _line_star(inner[0]) or _has_group(inner):
                    return None
                found.append(u.seq(inner[1:]) + (f"(?:{u.seq(inner)}){{{lo - 1}}}" if lo > 1 else ""))
                continue
            else:
                return None
            for y in _branches(x):
                opened = _by_first_character(y)
                if opened is not None:
                    literal.extend(plain.seq(z) for z in opened)
                    continue
                y = _anywhere(y, u)
                if not y:
                    return None  # found in any line: nothing to search for
                found.append(y)
        rest = u.seq(items[1:])
    except (_Unsupported, RecursionError):
        return None
    if literal:
        found.insert(0, "|".join(f"(?:{x})" for x in literal))
    if not found or len(found) > _MOST_SEARCHES:
        return None
    return "\n".join(flags + f"(?:{x})" for x in found + [rest])


_MOST_OPENED = 200


def _by_first_character(seq) -> list | None:
    """``seq`` as branches that each open with a character -- (?:栏目|文号)\\s*[:：] as
    栏目\\s*[:：] and 文号\\s*[:：] --, or None.  A choice of branches that each open with a
    character is one search that ``re`` skips ahead through; found somewhere, one of
    them is."""
    from re import _constants as C

    seq = list(seq)
    if not seq:
        return None
    op, av = seq[0]
    if op is C.LITERAL:
        return [seq]
    if op is C.BRANCH:
        alts = av[1]
    elif op is C.SUBPATTERN and av[0] is None and not (av[1] | av[2]) and len(av[3]) == 1 and av[3][0][0] is C.BRANCH:
        alts = av[3][0][1][1]
    else:
        return None
    if len(alts) > _MOST_OPENED or not all(alt and list(alt)[0][0] is C.LITERAL for alt in alts):
        return None
    return [list(alt) + seq[1:] for alt in alts]


def _branches(seq) -> list:
    """The branches of a sequence that is one choice (inside a group without a name or
    flags), each flattened the same way; else the sequence itself."""
    from re import _constants as C

    seq = list(seq)
    while len(seq) == 1 and seq[0][0] is C.SUBPATTERN and seq[0][1][0] is None and not (seq[0][1][1] | seq[0][1][2]):
        seq = list(seq[0][1][3])
    if len(seq) == 1 and seq[0][0] is C.BRANCH:
        return [b for alt in seq[0][1][1] for b in _branches(alt)]
    return [seq]


def _anywhere(seq, u) -> str:
    """A pattern found in a line exactly where ``seq`` is found somewhere in it: a leading
    single character repeated C{m,n} becomes (?<=C{m}) (none at all when m is 0)."""
    from re import _constants as C

    seq = list(seq)
    as_written = u.seq(seq)
    while seq and seq[0][0] in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, body = seq[0][1]
        body = list(body)
        if len(body) != 1 or body[0][0] not in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY) or lo > 20 or lo > hi:
            break
        if lo == 0:
            seq = seq[1:]
            continue
        if len(seq) == 1:
            break
        got = f"(?<={u.item(*body[0])}{{{lo}}})" + u.seq(seq[1:])
        # only when ``re`` can skip ahead to Y's first character (hoist.py); else C{m}Y,
        # which does not try every split of a long run of C ([\\d.]+\\s*KB)
        return got if hoisted(compile_cached(got)) is not None else f"{u.item(*body[0])}{{{lo}}}" + u.seq(seq[1:])
    return u.seq(seq) if seq and _skips(u.seq(seq)) else as_written


def _skips(pattern: str) -> bool:
    """Whether ``re`` skips ahead through a search for ``pattern`` by itself."""
    from re import _parser
    from .reach import _has_prefix

    try:
        return _has_prefix(_parser.parse(pattern))
    except Exception:  # noqa: BLE001
        return False


def _line_star(item) -> bool:
    """``.*``, ``.*?``, ``[^\\n]*`` or ``[^\\n]*?``: any run of a line's characters."""
    from re import _constants as C

    op, av = item
    if op not in (C.MAX_REPEAT, C.MIN_REPEAT) or av[0] != 0 or av[1] is not C.MAXREPEAT or len(av[2]) != 1:
        return False
    iop, iav = av[2][0]
    return (iop is C.ANY or (iop is C.NOT_LITERAL and iav == 10)
            or (iop is C.IN and list(iav) == [(C.NEGATE, None), (C.LITERAL, 10)]))


def _has_group(seq) -> bool:
    from .hoist import _captures

    return any(_captures(i) for i in seq)


def _line_matcher(pattern: str):
    """A function telling whether a whole (stripped) line matches ``pattern``.

    ``.*X.*`` over one line is the same as searching for X, and much faster than
    letting fullmatch backtrack through every split of the line.
    """
    if pattern.startswith(".*") and pattern.endswith(".*") and not pattern.endswith("\\.*"):
        inner = compile_pattern(pattern[2:-2])
        return lambda line: inner.search(line) is not None
    rx = compile_pattern(pattern)
    return lambda line: rx.fullmatch(line) is not None


def _stripped_lines(ctx) -> list[tuple[int, int]]:
    """The paragraphs with text, blanks stripped at both ends.  When the paragraphs are the
    text's lines, the previous call's are kept in ctx.memo between re-checks: after an edit
    only the lines it touched are stripped again, those after it moved (C loops), and the
    starts are left in ctx's cache as "stripped_line_starts" (junk._starts)."""
    text = ctx.text
    if not paragraphs_are_lines(ctx):
        out = []
        for p in ctx.paragraphs:
            s, e = p.start, p.end
            if s == e:
                continue
            if text[s].isspace() or text[e - 1].isspace():  # (most lines: none to strip)
                s, e = _strip_span(text, s, e)
                if s == e:
                    continue
            out.append((s, e))
        return out
    memo = ctx.memo("stripped-lines")
    last = memo.get("state")
    n1 = len(text)
    if last is None:
        starts, ends = _strip_lines(text, 0, n1)
    else:
        old, starts, ends = last
        n0 = len(old)
        a, c = edit_of(ctx, old)
        if not (a == n0 == n1):
            d = n1 - n0
            lo = text.rfind("\n", 0, a) + 1  # the lines before lo are the old ones
            r = old.find("\n", n0 - c)  # the lines after r (old) are in the common suffix
            cut, hi = (n0 + 1, n1) if r < 0 else (r + 1, r + d)
            mid_starts, mid_ends = _strip_lines(text, lo, hi)
            i, j = bisect_left(starts, lo), bisect_left(starts, cut)
            tail_starts, tail_ends = starts[j:], ends[j:]
            if d:
                tail_starts = list(map(add, tail_starts, repeat(d)))
                tail_ends = list(map(add, tail_ends, repeat(d)))
            starts = starts[:i] + mid_starts + tail_starts
            ends = ends[:i] + mid_ends + tail_ends
    memo["state"] = (text, starts, ends)
    ctx.cached("stripped_line_starts", lambda: starts)
    return list(zip(starts, ends))


def _strip_lines(text: str, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """(starts, ends) of the lines of text[lo:hi] with text, blanks stripped (lo a line's
    start, hi a line's end)."""
    starts, ends = [], []
    pos = lo
    for raw in text[lo:hi].split("\n"):
        s = pos
        e = pos = s + len(raw)
        pos += 1
        if s == e:
            continue
        if text[s].isspace() or text[e - 1].isspace():
            s, e = _strip_span(text, s, e)
            if s == e:
                continue
        starts.append(s)
        ends.append(e)
    return starts, ends


def paragraphs_are_lines(ctx) -> bool:
    """Whether the region's paragraphs are its text's lines (cached per review; a yes is
    passed on to the paragraph checks' Layout, which would ask it again)."""
    def judge():
        from ..structure.duplicates.splice import Layout, lines_verdict

        layout = Layout(ctx.text, ctx.paragraphs)
        got = layout.are_lines()
        if got:
            lines_verdict(ctx.text, layout.starts, True)
        return got

    return ctx.cached("paragraphs_are_lines", judge)


class JunkListRule(Rule):
    """A header such as 最新范文 followed by a run of short title-like lines: one block."""

    KEYS = {"headers", "max_title_length", "min_titles", "title_end"}
    REQUIRED = ("headers",)
    phase = 0
    _SENTENCE = compile_cached(r"[，。；！？,;!?]")

    def setup(self, spec):
        self._header_patterns = _str_list(spec, "headers", required=True)
        self.headers = [compile_pattern(p) for p in self._header_patterns]
        self.max_title = int(spec.get("max_title_length", 40))
        self.min_titles = int(spec.get("min_titles", 2))
        # ``title_end``: a line that ends so (a document's genre word: ……的讲话) is a title even
        # with a comma inside it (以……为指引，全面加强…… ——在……上的讲话)
        end = spec.get("title_end")
        if end is not None and not isinstance(end, str):
            raise RuleLoadError(self.source, "title_end 必须是一个正则表达式", self.id, "title_end")
        self.title_end = compile_pattern(end) if end else None

    # the draft's own heading (一、活动目的 / （一）工作目标) ends a list: no site numbers the
    # titles it recommends that way
    _HEADING = compile_cached(r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章节部分条])")

    # a list's date after each title (……作文(精选20篇)01-06, ……讲话 2024-01-06, ……的孩子?24-04-26)
    _LIST_DATE = compile_cached(r"[ \t]*(?:(?:\d{2}){1,2}[-/.])?\d{1,2}[-/.]\d{1,2}[ \t]*$")
    _LIST_BAR = compile_cached(r"[ \t]*[|｜][ \t]*")
    _BOOK_NOTE = compile_cached(r"著|出版社|编著|主编|译")

    def _title_like(self, line: str) -> bool:
        if "|" in line or "｜" in line:
            # two titles on one line, a bar between them (某某讲话范文5篇 | 九一八事变：牢记历史，勿忘国耻！01-10):
            # each a title's length, no full stop, a comma only in a title that ends on an exclamation;
            # not a reading list's book and its author or press (《平凡的世界》 | 路遥著，北京十月文艺出版社)
            if self._BOOK_NOTE.search(line):
                return False
            parts = [p for p in self._LIST_BAR.split(self._LIST_DATE.sub("", line)) if p]
            return 1 < len(parts) <= 4 and all(
                len(p) <= self.max_title and "。" not in p and not self._HEADING.match(p)
                and ("，" not in p and "," not in p or p.endswith(("！", "!"))) for p in parts)
        if "，" not in line and "," not in line:
            line = self._LIST_DATE.sub("", line) or line
        if not 0 < len(line) <= self.max_title or self._HEADING.match(line):
            return False
        return (not self._SENTENCE.search(line[:-1])
                or (self.title_end is not None and self.title_end.search(line) is not None))

    _header_pre = None

    def _header_lines(self, ctx, lines):
        """Indices of the (stripped) lines that can be a header, in order: those holding a
        string every header pattern's match needs (reach.line_needed); all when unknown."""
        if self._header_pre is None:
            need = None if self.user else set()
            for p in self._header_patterns if need is not None else ():
                got = line_needed(p)
                if got is None:
                    need = None
                    break
                need.update(got)
            self._header_pre = compile_cached(any_of(need)) if need else False
        if not self._header_pre:
            return range(len(lines))
        starts = ctx.cached("stripped_line_starts", lambda: [s for s, _ in lines])
        return _lines_holding_kept(ctx, self.full_id, lines, starts, self._header_pre)

    def scan(self, ctx):
        # Walks the lines with text (blank paragraphs neither end nor count in a block),
        # from each line that can be a header only: no other line starts a block.
        text = ctx.text
        lines = ctx.cached("stripped_lines", lambda: _stripped_lines(ctx))
        n = len(lines)
        headers = self.headers
        after = 0  # the lines before this one are in a block found already
        for i in self._header_lines(ctx, lines):
            if i < after:
                continue
            s, e = lines[i]
            if not any(rx.fullmatch(text[s:e]) for rx in headers):
                continue
            titles, last_end, j = 0, e, i + 1
            seen = set()
            tight = True  # no blank line between the lines so far
            while j < n:
                ls, le = lines[j]
                line = text[ls:le]
                # a side column of headlines printed line under line ends at its first blank
                # line: the page's own title follows it (热点新闻⏎……⏎⏎某某观后感)
                if text.count("\n", last_end, ls) > 1:
                    if tight and titles >= self.min_titles:
                        break
                    tight = False
                # a sentence ends the list, and so do a salutation (同志们：) and a title met
                # again: the page's own text begins there (a collection's contents, then its
                # first piece under the same title)
                if not self._title_like(line) or line.endswith(("。", "；", "！", "？", "：", ":")):
                    break
                if not any(rx.fullmatch(line) for rx in headers):
                    if line in seen:
                        break
                    seen.add(line)
                    titles += 1
                last_end = le
                j += 1
            if titles >= self.min_titles:
                yield s, last_end, {}
                after = j
