"""Kind ``locality``: another place's names left in a draft (category ``foreign_locality``).

A 范文 taken from a website usually has its own place anonymised (XX县, xx镇, 某某, ***,
X学校, 20xx年) while names of the source's place and people survive in slogans, lists and
titles (“文明临朐”, 乡长龚建华同志, 评 委: 刘某 唐某).  Those are reported only in such a
draft -- or, when the user gives a locality (``ReviewOptions.locality`` / ``--locality``),
wherever a division outside it is named as the speaker's own.

``check`` picks what is looked for:

* ``place``: a division of the gazetteer (knowledge_places.py), by full or short name,
  on jieba word boundaries.  Not reported: a place mentioned as a place (到成都、武汉学习
  考察, 学习浙江经验, 长江经济带 …: ``before`` / ``after`` patterns and ``not_names``),
  and short names that jieba knows as common words (平安, 和平, 前进).  A township's stem
  (东升镇: 东升) is looked for only in a slogan's frame (共创东升繁荣, “平安东升”); any
  division's name, common word or not, beside an anonymised one in a 、-list (凤翔、xx县、
  太白分别作了发言: _list_sibling_hits).  Where the draft anonymises, a township named with its
  unit (马桥镇, 红牌楼街道; not a name of many counties, 城关镇: _named_town_hits).  A place the
  draft says it went to or worked with (到开州区义和镇考察, 学习…: _VISITED) is an outside
  place in every mention (_outside), and a list of places may hold a township after each
  county (开州区义和镇和万源市花萼乡: _groups).
* ``person``: a personal name next to a title (乡长龚建华同志, 晓峰书记).
* ``name-list``: a line of names after a role label (评 委: 刘某某 唐某某; 组员: on its own
  line with the names below).
* ``mixed``: a draft that does not anonymise but was stitched from several places' 经验材料:
  places that open a sentence as its actor (余杭区探索…, 桐梓县委坚持…, 长沙，正在…) from
  three or more prefecture-level units in two or more provinces.  The draft's own place
  (named in its title, or named most often) and the places inside it are not reported, nor
  anything in a draft that says it cites other places (学习借鉴…经验, 例如, 考察报告).

Keys: ``anonymised`` (the pattern that tells the draft anonymises its own place),
``before``, ``after`` (patterns around a place that make it a place mentioned as a place),
``not_names`` (names never reported: famous people, generic short names), ``titles``
(the titles a person's name stands next to), ``surnames``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter, itemgetter

from .budget import compile_pattern
from ..findings import Finding
from .kinds import Rule, _str_list, edit_of, max_checks, moved_finding, spliced
from .locality_mixed import MixedPlaces
from .locality_own import OwnPlace
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_HAN = "\u4e00-\u9fff"
# Tags jieba gives a word that, when it is also a county's short name, is most often the
# word and not the place: 平安 (a), 前进 (v), 光明 (n, frequent).
_NAME_TAGS = {"ns", "nr", "nrt", "nz", "nt", "n"}
_COMMON_FREQ = 300
# characters that open a clause as a preposition or conjunction, never a given name's first
_FUNCTION_CHARS = "把被将让向对给和与跟同为请由叫使令在从按据以及或并而是有"
# words for a group of people between a preposition or a conjunction and 同志 (向与会同志, 和老同志)
_GROUP_WORDS = "与会|参会|在座|全体|各位|广大|其他|有关|相关|所有|机关|年轻|青年|退休|离休|基层|一线|困难|优秀|先进|老|新|女|男|各|诸|众"
# characters that open an enumeration or a count (一是, 三是, 两位, 第二), not a name
_NUMERAL_CHARS = "一二三四五六七八九十两第"
# a two-character county's first character more frequent alone than this is a word there (和县, 新县)
_COUNTY2_FREQ = 3000
_RARE_FREQ = 100  # 铜梁 (n, 10) is kept, 来宾 (n, 166) and 惠民 (nr, 105) are words


_ALL_HAN = compile_cached(r"[\u4e00-\u9fff]+")
# a web page's byline and meta keys: the name after 作者: is the site's, no list of the draft's people
_META_LABELS = frozenset("作者 来源 编辑 责任编辑 审核 校对 时间 日期 栏目 发布 发布者 浏览 点击 摄影 通讯员 记者".split())


def _short_name_ok(word: str, tags: dict) -> bool:
    got = tags.get(word)
    if got is None:
        return True
    freq, tag = got
    if tag == "ns":
        return True
    return tag in _NAME_TAGS and freq < _RARE_FREQ


_JIEBA_TAGS: dict | None = None


def _data_list(name: str) -> list[str]:
    """One word a line from resources/gazetteer (# starts a comment)."""
    from ... import paths

    path = paths.resources_dir() / "gazetteer" / name
    return [w for w in (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()) if w]


def _jieba_tags(words) -> dict:
    """word → (frequency, tag) in jieba's dictionary, for ``words`` (the short names).

    Reading jieba's whole dictionary takes 0.4 s: the answer for the gazetteer's short
    names is kept in the cache folder, keyed by jieba's version and the gazetteer's size."""
    global _JIEBA_TAGS
    if _JIEBA_TAGS is None:
        from ... import paths
        from ..segment import cache_dir, cached, jieba_version, open_jieba_dictionary

        def build():
            wanted = set(words)
            out = {}
            with open_jieba_dictionary() as fh:
                for raw in fh:
                    parts = raw.decode("utf-8").split()
                    if len(parts) == 3 and parts[0] in wanted and parts[1].isdigit():
                        out[parts[0]] = (int(parts[1]), parts[2])
            return out

        size = (paths.resources_dir() / "gazetteer" / "divisions.tsv").stat().st_size
        # (v2: with the first characters of the two-character counties, _place_index)
        _JIEBA_TAGS = cached(cache_dir() / f"jieba-{jieba_version()}-gazetteer-v2-{size}.marshal", build)
    return _JIEBA_TAGS


_PLACE_INDEX = None
# A township's name left in the draft's own slogan (共创东升繁荣, “平安东升”): the frames a
# slogan puts a place's two-character stem in; the stem must be a township's (东升镇) and
# no common word (乡村, 校园: tagged by jieba as a word of its own, or very frequent).
# (two patterns, each opening with a literal: searched by skipping to it)
_TOWN_SLOGAN = (
    compile_cached(r"“(?:平安|美丽|文明|幸福|魅力|和谐|活力|生态|法治|健康|智慧|绿色|人文|宜居|数字|书香|品质|清廉|廉洁|善治|诗画)"
               r"(?P<a>[\u4e00-\u9fff]{2})”"),
    compile_cached(r"共创(?P<a>[\u4e00-\u9fff]{2})(?:繁荣|辉煌|美好|未来|明天)"))
_TOWN_COMMON_FREQ = 1000
# a township named with its unit (马桥镇, 红牌楼街道): reported where the draft anonymises,
# when the name is of at most this many counties
_TOWN_UNIT = compile_cached(r"镇|乡|街道")
_TOWN_COUNTIES = 2
# a township's organs, which jieba cuts with its unit (马桥/镇党委)
_TOWN_ORGAN = compile_cached(r"党委|政府|人民政府|党工委|办事处|纪委|人大|卫生院|派出所|中心校|中学|小学")
_TOWN_STEMS: dict[str, tuple[str, list[str]] | None] = {}


_TOWN_ORDER: dict[str, int] = {}


def _town_order(towns) -> dict[str, int]:
    if not _TOWN_ORDER:
        _TOWN_ORDER.update(zip(towns, range(len(towns))))
    return _TOWN_ORDER


def _town_stem(stem: str) -> tuple[str, list[str]] | None:
    """(the names of the townships whose name is ``stem`` + 镇/乡/街道, their counties'
    codes), None when there is none: looked up by name, not by indexing every township (a
    first review paid ~35 ms for that)."""
    got = _TOWN_STEMS.get(stem, False)
    if got is False:
        from ..knowledge_places import gazetteer

        towns = gazetteer().towns()
        order = _town_order(towns)
        names, codes = [], []
        for name in sorted((n for n in (stem + "镇", stem + "乡", stem + "街道") if n in towns), key=order.get):
            names.append(name)  # (in the gazetteer's order, as listed to the user)
            codes.extend(c for c in towns[name] if c not in codes)
        got = ("、".join(names), codes) if names else None
        if len(_TOWN_STEMS) > 10_000:
            _TOWN_STEMS.clear()
        _TOWN_STEMS[stem] = got
    return got


_COMMON: dict[str, bool] = {}


def _common_word(word: str) -> bool:
    got = _COMMON.get(word)
    if got is None:
        from ..segment import tokenizer
        from .tagged import word_tags

        tags = word_tags()
        got = _COMMON[word] = (any(word in tags.words(t) for t in tags.by_tag)
                               or tokenizer().FREQ.get(word, 0) >= _TOWN_COMMON_FREQ)
    return got


_HEAD = 20_000  # the first lines of a draft, searched first for a placeholder (_anonymises)
_BLANK = "blank"   # _list_line() of a blank paragraph
_ALONE = "alone"   # a label alone on its line: the names are on the lines below
_START, _END = attrgetter("start"), attrgetter("end")
_START_OF, _ORDER_OF = itemgetter(0), itemgetter(2)
# (behind, ahead) of what the place check reads around a line's hits: _as_place 8 back
# and 12 on, used_as_own and _acts up to 21 on (jieba's window past a unit's organ)
_PLACE_REACH = (8, 22)
# the person patterns: one character back (a lookbehind), a verb of three after a title
# (_cut_people reads back from a title only inside its line)
_PERSON_REACH = (1, 3)
# a surname alone before a title (李县长, 以高局长为首) only among the most common ones
# (surnames.txt is by frequency), and not a character that is mostly a word of its own
# there (向校长汇报, 原县长, 代县长, 老书记, 新校长, 各局长, 任副局长)
_LONE_SURNAMES = 150
_NOT_LONE = _FUNCTION_CHARS + "代原老新正副总各全本该每某前现任"
# the last character of a unit (县安监局同志, 华兰村书记), of a longer title (江总书记) or a
# particle (杨朝明的同学, 蒙等同志), not of a given name
_NOT_NAME_END = "局委办部处科院所站队组校厂司会室村镇乡县区市省厅团社馆台中总副的了们之等"


_TITLE_LINES = 4
_TITLE_LINE = compile_cached(r"[^\n。！？!?]{2,80}")
# a line under the title that is still the title's: its subtitle (——南海区……心得) or a bracketed line
# ((2023年12月)) -- not a heading (一、湄潭县经济运行情况) nor a hard-wrapped line of the text
_SUBTITLE_LINE = compile_cached(r"(?:[—–－\-]{1,2}|[（(《])[^\n，,；;：:]*"
                                # or a short line of no mark under a page's line, the title itself
                                # (一次唤醒式的心灵之旅 under 分享至: 发布时间:…), not a numbered heading
                                r"|(?![一二三四五六七八九十\d]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3})"
                                r"[^\n，,。；;：:、!！?？]{2,20}")


def _title_end(text: str) -> int:
    """The end of the draft's title lines: its first non-blank lines (at most _TITLE_LINES)
    while they hold no full stop, the first at most 80 characters (a page's line may come
    first), each after it a subtitle, a bracketed line or a short line of no mark
    (_SUBTITLE_LINE); 0 when the first is no such line."""
    end, seen, pos = 0, 0, 0
    n = len(text)
    while pos < n and seen < _TITLE_LINES:
        nl = text.find("\n", pos)
        nl = n if nl < 0 else nl
        line = text[pos:nl].strip()
        if line:
            if not _TITLE_LINE.fullmatch(line) or (seen and not _SUBTITLE_LINE.fullmatch(line)):
                break
            seen += 1
            end = nl
        pos = nl + 1
    return end


def _spans(rx, text: str, lo: int, hi: int, stop: int):
    """(start, end) of the matches of a line-local ``rx`` that start in the lines lo..hi,
    searched up to ``stop`` (reach.line_reach)."""
    for m in rx.finditer(text, lo, stop):
        if m.start() >= hi:
            return
        yield m.span()


def _per_line(lines: list[str], hits: list, seen: list[int]) -> dict[str, tuple]:
    """line -> (its hits, its candidates' starts), offsets from the line's start, from
    those of the whole text."""
    starts = []
    base = 0
    for line in lines:
        starts.append(base)
        base += len(line) + 1
    per_line: dict[int, tuple] = {}
    for h in hits:
        i = bisect_right(starts, h[0]) - 1
        per_line.setdefault(i, ([], []))[0].append((h[0] - starts[i], h[1] - starts[i], h[2], h[3]))
    for s in seen:
        i = bisect_right(starts, s) - 1
        per_line.setdefault(i, ([], []))[1].append(s - starts[i])
    out: dict[str, tuple] = {}
    for i, line in enumerate(lines):
        if line and line not in out:
            got = per_line.get(i)
            out[line] = (tuple(got[0]), tuple(got[1])) if got else ((), ())
    return out


# A 、-list of the speaker's divisions in which one item was anonymised (凤翔、xx县、太白、
# 陈仓分别作了交流发言): the other items are the same kind of name, the source's neighbours,
# even a short name that jieba knows as a word or a person's name (凤翔, 太白) and that the
# place index leaves out.
_ANON_DIVISION = r"(?:[Xx×Ｘｘ]{1,4}|某某?|[*＊]{2,3})(?:县|区|市|旗)"
_LIST_AFTER = compile_cached(_ANON_DIVISION + r"((?:、[\u4e00-\u9fff]{2,3})+)(?=[、，。；,;和及等分])")
_LIST_BEFORE = compile_cached(r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff]{2,3}、)+)" + _ANON_DIVISION)
_ALL_NAMES: dict | None = None


def _list_sibling_hits(scanned: str, start: int, hits: list, not_names) -> list:
    """(start, end, name, places) of the divisions' names beside an anonymised one in a
    、-list of ``scanned`` (text[start:…]), where no hit was found already."""
    global _ALL_NAMES
    if "、" not in scanned:
        return []
    out = []
    taken = {h[0] for h in hits}
    for rx in (_LIST_AFTER, _LIST_BEFORE):
        for m in rx.finditer(scanned):
            pos = m.start(1)
            for item in m.group(1).split("、"):
                if item:
                    if _ALL_NAMES is None:
                        from ..knowledge_places import gazetteer

                        _ALL_NAMES = gazetteer().names()
                    s = start + pos
                    places = _ALL_NAMES.get(item)
                    if places and item not in not_names and s not in taken:
                        out.append((s, s + len(item), item, places))
                        taken.add(s)
                pos += len(item) + 1
    return out


# a township, street or village named right after its county (开州区义和镇), the lower unit
# of one place: a list's next place, or what follows the place, comes after it
_SUB_UNIT = compile_cached(r"[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道|村|社区)")
# what may stand between two places of one list: a mark, or a lower unit and a conjunction
_LIST_GAP = compile_cached(r"(?:[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道|村|社区))?[、和与及,，]")


# a place the draft went to, learnt from or worked with, right before its name (not 我到七台河
# 工作, 来到遂昌工作, 回到: the speaker's own place; nor 亲临, 莅临: the guests came to it)
_VISITED = compile_cached(r"(?:(?<![我来回])到|赴|前往|走访|考察|参观|借鉴|学习|援建|支援|援助|帮扶|结对|对标)(?:了)?$")


def _is_named_town(name: str) -> bool:
    """A hit of _named_town_hits (马桥镇), not a division's name (a county's or a city's)."""
    return name.endswith(("镇", "乡", "街道")) and name not in _place_index()[1]


def _on_a_hit(hits: list, starts: list, s: int, e: int) -> bool:
    """Whether s..e overlaps one of ``hits`` (by start, disjoint; ``starts``: their starts)."""
    k = bisect_right(starts, s)
    return bool((k and hits[k - 1][1] > s) or (k < len(hits) and hits[k][0] < e))


def _groups(text: str, hits: list) -> list[list]:
    """The hits in runs of one list of places (到成都、武汉学习考察; 成都市、武汉市等地;
    开州区义和镇和万源市花萼乡) or of one path (到洪湖市瞿家湾镇): the context decides for all
    of them."""
    groups: list[list] = []
    for h in hits:
        if groups:
            end = groups[-1][-1][1]
            gap = h[0] - end
            # a place right after another is one path (洪湖市瞿家湾镇, 四川省成都市)
            if gap == 0 or (0 < gap <= 8 and _LIST_GAP.fullmatch(text, end, h[0])):
                groups[-1].append(h)
                continue
        groups.append([h])
    return groups


_QUOTE_OPEN, _QUOTE_CLOSE = "“\"‘'", "”\"’'"
_COUNTED = "一二两双三四五六七八九十百千万"
_TERM_HEADS = frozenset(["工程", "产业", "行动", "事业", "计划", "精神", "效应", "现象"])


def _place_index():
    """(a NameFinder over the names, name → places) for the whole gazetteer, once."""
    global _PLACE_INDEX
    if _PLACE_INDEX is None:
        from ..knowledge_places import NameFinder, gazetteer, short_name

        gaz = gazetteer()
        names = gaz.names()
        counties2 = [p for p in gaz.places if len(p.name) == 2 and p.name[1] == "县"]
        tags = _jieba_tags({short_name(n) for n in names} | set(names) | {p.name[0] for p in counties2})
        # the counties whose whole name is two characters (洋县, 歙县, 蠡县): a name of its own where
        # jieba cuts it as a word (_place_hits_whole; not 信息|县, 容易|县) -- unless its first
        # character is a common word alone (和县: 市和县两级, 新县, 高县, 南县)
        for p in counties2:
            if tags.get(p.name[0], (0, ""))[0] < _COUNTY2_FREQ:
                names.setdefault(p.name, []).append(p)
        keep = {}
        for name, places in names.items():
            if any(p.name == name for p in places):
                # a full name whose stem is a very common word (平安区: 平安) is mostly the phrase
                stem = short_name(name)
                if stem != name and tags.get(stem, (0, ""))[0] >= 5 * _COMMON_FREQ and not _short_name_ok(stem, tags):
                    continue
            elif not _short_name_ok(name, tags):
                continue  # a short name jieba knows as a word (平安, 前进, 光明)
            keep[name] = places
        _PLACE_INDEX = (NameFinder(keep), keep)
    return _PLACE_INDEX


class LocalityRule(MixedPlaces, OwnPlace, Rule):
    KEYS = {"check", "anonymised", "anonymised_twice", "before", "after", "not_names", "titles", "surnames", "labels",
            "after_name"}
    REQUIRED = ("check", "anonymised")
    CHECKS = ("place", "person", "name-list", "mixed")
    needs_jieba = True

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]
        # a line -> its place hits and candidates (_lines_places), its people (_lines_people)
        # or what it is to a list of names (_list_kinds)
        self._line_hits: dict = {}
        try:
            self.anonymised = compile_pattern("|".join(f"(?:{p})" for p in _str_list(spec, "anonymised", True)))
            twice = _str_list(spec, "anonymised_twice")
            self.anonymised_twice = compile_pattern("|".join(f"(?:{p})" for p in twice)) if twice else None
            before = _str_list(spec, "before")
            after = _str_list(spec, "after")
            self.before = compile_pattern("(?:" + "|".join(before) + r")$") if before else None
            self.after = compile_pattern("|".join(after)) if after else None
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}", self.id, "anonymised") from e
        self.not_names = set(_str_list(spec, "not_names"))
        self.titles = _str_list(spec, "titles")
        self.after_name = _str_list(spec, "after_name")
        self.labels = _str_list(spec, "labels")
        # people: the surnames and the famous names (never reported) are data of their own
        self.surnames = _str_list(spec, "surnames")
        if self.check != "place":
            self.surnames += _data_list("surnames.txt")
            self.not_names |= set(_data_list("famous-people.txt"))
        if self.check == "person" and not self.titles:
            raise RuleLoadError(self.source, "person 需要 titles", self.id, "titles")
        single = "".join(s for s in self.surnames if len(s) == 1)
        double = "|".join(re.escape(s) for s in self.surnames if len(s) > 1)
        self._surname = f"(?:{double}|[{single}])" if double else f"[{single}]"
        if self.check == "person":
            titles = "|".join(sorted(map(re.escape, self.titles), key=len, reverse=True))
            # 乡长龚建华同志: a title, a name, 同志; 晓峰书记还将讲话: a name, a title, a verb
            after = r"(?=还将|将|要|作|在|讲|对|代表|指出|强调|提出|就|的讲话)"
            self._person = [
                # (not a conjunction or a preposition after the title before a word for a
                # group: 全体委员和与会同志, 书记向老同志; but 向, 和, 令狐 are surnames too:
                # 乡长和平同志, 县长向东明同志, 书记令狐建国同志)
                compile_cached(rf"(?:{titles})(?![{_FUNCTION_CHARS}](?:[{_FUNCTION_CHARS}]|{_GROUP_WORDS}))"
                               rf"(?P<name>{self._surname}[{_HAN}]{{1,2}})同志"),
                # not a preposition or a conjunction before a surname and a title (把李县长的讲话)
                compile_cached(rf"(?<=[，,。；;、：:\s])(?![{_FUNCTION_CHARS}])(?P<name>[{_HAN}]{{2,3}})(?:{titles})"
                           + after),
            ]
            # where each pattern can match, found fast (_person_matches): the lines holding
            # 同志; for the second, a title before one of the verbs (the regex engine
            # skips ahead to a title's first character instead of trying the lookbehind
            # at every character)
            from .stale import _prefilter

            self._person_pre = _prefilter(self._person[0])
            self._person_title = compile_cached(f"(?:{titles}){after}")
            # a name that the cut leaves in single characters before a title, 同志 or 同学
            # (_cut_people): any surname before two or three characters, one of the most
            # common alone before a title
            self._any_title = compile_cached("|".join(
                sorted(map(re.escape, self.titles + self.after_name), key=len, reverse=True)))
            self._title_set = frozenset(self.titles)
            self._single_surnames = frozenset(single)
            self._lone_surnames = frozenset(
                [s for s in self.surnames if len(s) == 1][:_LONE_SURNAMES]) - frozenset(_NOT_LONE)
        if self.surnames:  # people are looked for (person, name-list)
            self._name_rx = compile_cached(rf"{self._surname}[{_HAN}]{{1,2}}")
            self._surname_rx = compile_cached(self._surname)
        self._names_known: dict[str, bool] = {}
        self._label = compile_pattern(
            rf"[ \t　]*(?P<label>[{_HAN}](?:[ \t　]*[{_HAN}]){{1,5}})[ \t　]*[:：][ \t　]*(?P<rest>.*)")

    # ----- when to look -----------------------------------------------------------------
    def _targets(self, ctx):
        """None: do not look.  Otherwise the user's own divisions (empty: the draft anonymises)."""
        options = getattr(ctx, "options", None)
        locality = getattr(options, "locality", None) if options is not None else None
        if locality:
            from ..knowledge_places import gazetteer

            own = gazetteer().resolve(locality)
            if own:
                return own
        if ctx.region != "body":
            return None
        if not self._anonymised(ctx):
            return None
        return []

    def _anonymised(self, ctx) -> bool:
        """_anonymises(), once per review for the rules that share both patterns."""
        twice = self.anonymised_twice.pattern if self.anonymised_twice is not None else None
        return ctx.cached(("anonymised", self.anonymised.pattern, twice), lambda: self._anonymises(ctx))

    def _anonymises(self, ctx) -> bool:
        """A placeholder for the draft's own place or unit outside website junk (a
        recommendation list's “XX小学德育工作” says nothing about the draft): one of
        ``anonymised``, or two of ``anonymised_twice`` (a site's filter stars one word it
        dislikes -- 广东乃至***粤商 -- a draft that anonymises does so more than once)."""
        from ..spans import merged_list

        js, je = merged_list(ctx.junk)

        def outside(spans):
            for start, end in spans:
                i = bisect_right(js, start) - 1
                if i >= 0 and end <= je[i]:
                    continue
                yield start

        if next(outside(self._matches(ctx, self.anonymised)), None) is not None:
            return True
        if self.anonymised_twice is None:
            return False
        got = outside(self._matches(ctx, self.anonymised_twice))
        return next(got, None) is not None and next(got, None) is not None

    def _matches(self, ctx, rx):
        """(start, end) of the matches of ``rx``, the first lines first."""
        from .reach import line_reach

        text = ctx.text
        reach = line_reach(rx) if isinstance(rx, re.Pattern) else None
        if reach is None:  # (a user's pattern, under its budget)
            yield from (m.span() for m in rx.finditer(text))
            return
        # A draft that anonymises mostly says so early: its first lines are searched by
        # themselves (a line-local pattern finds there what it finds in the whole text).
        # Else every placeholder is looked at, kept for the lines an edit did not touch.
        head = text.find("\n", _HEAD)
        if head >= 0:
            yield from _spans(rx, text, 0, head, min(len(text), head + reach[1] + 2))
            yield from (sp for sp in self._placeholders(ctx, rx, reach) if sp[0] >= head)
            return
        yield from self._placeholders(ctx, rx, reach)

    def _placeholders(self, ctx, rx, reach) -> list:
        """(start, end) of the matches of a line-local pattern of placeholders, kept for a
        re-check (kinds.spliced) and not searched at every character (kinds.finditer_fast)."""
        from .kinds import finditer_fast

        text = ctx.text

        def scan(lo, hi, stop):
            if lo == 0 and hi == len(text):
                return [m.span() for m in finditer_fast(rx, text)], []
            return list(_spans(rx, text, lo, hi, stop)), []

        return spliced(ctx, "anonymised:" + rx.pattern, None, reach, scan)[0]

    def scan(self, ctx):
        if self.check == "mixed":
            # a draft that anonymises, or a user's locality, is the place check's (no double report)
            if ctx.region == "body" and self._targets(ctx) is None:
                yield from self._mixed(ctx)
            return
        if self.check == "place":
            got = self._place_targets(ctx)
            if got is not None:
                yield from self._places(ctx, *got)
            return
        if not self._looks_for_people(ctx):
            return
        if self.check == "person":
            yield from self._people(ctx)
        else:
            yield from self._lists(ctx)

    def _place_targets(self, ctx):
        """(own divisions, None or where the draft says them) for the place check, or None:
        do not look."""
        own = self._targets(ctx)
        if own is not None:
            return own, None
        if ctx.region == "body":
            # no locality given, nothing anonymised: the draft's own place, if it says it
            got = self._own_place(ctx)
            if got is not None:
                return got
        return None

    def _looks_for_people(self, ctx) -> bool:
        """People are looked for only where the draft anonymises (a locality says nothing of them)."""
        return ctx.region == "body" and self._anonymised(ctx)

    # ----- an edit of a long draft ------------------------------------------------------
    # What the place and person checks report in a line depends on the line, a few
    # characters around it (_as_place, used_as_own, jieba's window) and the draft's own
    # place: the findings of the lines an edit did not touch are kept (kinds.spliced).

    def run(self, ctx) -> list[Finding]:
        if ctx.source is ctx.text:
            if self.check == "name-list":
                return self._run_lists(ctx) if self._looks_for_people(ctx) else []
            if self.check != "mixed":
                got = self._run_spliced(ctx)
                if got is not None:
                    return got
        return Rule.run(self, ctx)

    def _run_spliced(self, ctx) -> list[Finding] | None:
        """Rule.run() from kept findings; None when the candidates pass max_checks (the
        scan stops there: run in full)."""
        text = ctx.text
        if self.check == "place":
            targets = self._place_targets(ctx)
            if targets is None:
                return []
            own, inferred = targets
            # the places named as places anywhere: a value of the whole draft
            outside = self._outside(ctx, self._place_hits(ctx), titled=not own and inferred is None)
            switch = (tuple((p.code, p.name) for p in own), inferred, outside)

            def scan(lo, hi, stop):
                hits, seen = self._lines_places(ctx, lo, hi)
                found = [(s, e, 0, self.finding(ctx, text, s, e, values))
                         for s, e, values in self._judged(ctx, hits, own, inferred, outside)]
                return found, seen

            reach = _PLACE_REACH
        else:
            if not self._looks_for_people(ctx):
                return []
            switch = None

            def scan(lo, hi, stop):
                return [(s, e, k, self.finding(ctx, text, s, e, {"person": name}))
                        for s, e, k, name in self._lines_people(text, lo, hi)], []

            reach = _PERSON_REACH
        hits, candidates = spliced(ctx, "locality:" + self.full_id, switch, reach, scan, moved_finding)
        n = len(text)
        if len(candidates) > max_checks(n):
            return None
        if self.check == "person":
            hits = sorted(self._named_in_full(text, hits), key=_ORDER_OF)  # pattern by pattern, as _people() gives them
        return [h[3] for h in hits[:max_checks(n)]]

    # ----- places -----------------------------------------------------------------------
    def _as_place(self, text: str, start: int, end: int) -> bool:
        """Mentioned as a place: 到成都学习, 学习浙江经验, 合肥工业大学 (for a list of places,
        what stands before its first and after its last name)."""
        if self.before is not None and self.before.search(text, max(0, start - 8), start):
            return True
        if self.after is not None:
            if self.after.match(text, end, min(len(text), end + 12)):
                return True
            m = _SUB_UNIT.match(text, end, min(len(text), end + 8))
            if m and self.after.match(text, m.end(), min(len(text), m.end() + 12)):
                return True
        return False

    def _place_hits(self, ctx):
        """(start, end, name, places) of every gazetteer name that stands as a word.

        What a line holds depends on that line's text alone (a name never spans a line
        break, and the word boundaries are asked in a window that stops at one), so a
        re-check after an edit (incremental.py) looks again at the lines that changed only
        (kinds.spliced).  The same hits, in the same order, as one scan of the whole text;
        that scan is used when the candidates reach max_checks (it stops there)."""
        hits, candidates = spliced(ctx, "places:" + self.full_id, None, (0, 0),
                                   lambda lo, hi, stop: self._lines_places(ctx, lo, hi))
        if len(candidates) > max_checks(len(ctx.text)):
            return self._place_hits_whole(ctx)
        return hits

    def _lines_places(self, ctx, lo: int, hi: int) -> tuple[list, list]:
        """(hits, the starts of the candidates) of the lines lo..hi.  For the whole text
        (a review, a draft whose own place changed) each line's are also kept on the rule,
        keyed by its text, for the next such call: a draft reviewed again."""
        text = ctx.text
        if lo or hi < len(text):
            return self._place_hits_whole(ctx, lo, hi, count=True)
        lines = text.split("\n")
        old = self._line_hits
        if sum(1 for line in lines if line and line not in old) * 4 > len(lines):
            # mostly new lines (a first review, another draft): one scan, shared out
            hits, seen = self._place_hits_whole(ctx, count=True)
            self._line_hits = _per_line(lines, hits, seen)
            return hits, seen
        new: dict[str, tuple] = {}
        hits, seen = [], []
        base = 0
        for line in lines:
            if line:
                got = new.get(line)
                if got is None:
                    got = old.get(line)
                    if got is None:
                        found, starts = self._place_hits_whole(ctx, base, base + len(line), count=True)
                        got = (tuple((s - base, e - base, name, places) for s, e, name, places in found),
                               tuple(s - base for s in starts))
                    new[line] = got
                for s, e, name, places in got[0]:
                    hits.append((base + s, base + e, name, places))
                for s in got[1]:
                    seen.append(base + s)
            base += len(line) + 1
        self._line_hits = new
        return hits, seen

    def _place_hits_whole(self, ctx, start: int = 0, end: int | None = None, count: bool = False):
        """The hits of text[start:end] (all of it by default) by one scan; with ``count``,
        (hits, the starts of the candidates) without stopping at max_checks."""
        from ..knowledge_places import short_name

        finder, index = _place_index()
        text = ctx.text
        hits = []  # (start, end, name, places) of names that stand as words
        checks = max_checks(len(text))  # a line of 50,000 place names is not a draft
        seen = []
        scanned = text if start == 0 and end is None else text[start:end]
        for s, e, name in finder.finditer(scanned):
            s += start
            e += start
            if name in self.not_names:
                continue
            checks -= 1
            if count:
                seen.append(s)
            elif checks < 0:
                break
            if not ctx.seg.is_word(s, e):
                # 平遥县委 is cut 平遥/县委: the short name may still stand as a word
                # (the suffix written out vouches for a short name that is also a word)
                short = short_name(name)
                if short == name or not ctx.seg.is_word(s, s + len(short)):
                    continue  # 庆元旦 is not 庆元, 和政府 is not 和政
                places = index[name]
                name, e = short, s + len(short)
            else:
                if e - s == 2 and name not in (_JIEBA_TAGS or {}) and s + 1 in ctx.seg.cuts(s, e):
                    continue  # two words of one character, and no word of jieba's (也都安有: 都/安)
                places = index[name]
            if name in self.not_names:
                continue
            if e - s == 2 and s and e < len(text) and text[s - 1] in _QUOTE_OPEN and text[e] in _QUOTE_CLOSE and (
                    text[s] in _COUNTED or text[e + 1:e + 3] in _TERM_HEADS):
                continue  # a term in quotes: a count and a noun (“双牌”同创), a metaphor's 工程 (“朝阳”工程; not “湄潭”茶叶)
            hits.append((s, e, name, places))
        if self.check == "place":
            towns = (self._town_hits(ctx, scanned, start, hits) + self._named_town_hits(ctx, scanned, start, hits)
                     + _list_sibling_hits(scanned, start, hits, self.not_names))
            if towns:
                seen.extend(h[0] for h in towns)
                hits = sorted(hits + towns, key=_START_OF)
                if count:
                    seen.sort()
        if count:
            return hits, seen
        return hits

    def _town_hits(self, ctx, scanned: str, start: int, hits: list) -> list:
        """(start, end, stem, places) of the townships named in a slogan's frame
        (_TOWN_SLOGAN) of ``scanned`` (text[start:…]), not where a division was found."""
        out = []
        gaz = None
        hit_starts = [h[0] for h in hits]
        for m in (m for rx in _TOWN_SLOGAN for m in rx.finditer(scanned)):
            stem = m.group("a")
            s, e = m.start("a") + start, m.end("a") + start
            got = _town_stem(stem)
            if got is None or stem in self.not_names or _common_word(stem):
                continue
            if _on_a_hit(hits, hit_starts, s, e):  # a division found there already (“平安铜梁”)
                continue
            if gaz is None:
                from ..knowledge_places import gazetteer

                gaz = gazetteer()
            places = [gaz.by_code[c] for c in got[1] if c in gaz.by_code]
            if places:
                out.append((s, e, stem, places))
        return sorted(out, key=_START_OF)

    def _named_town_hits(self, ctx, scanned: str, start: int, hits: list) -> list:
        """(start, end, name, places) of the townships named with their unit (马桥镇, 红牌楼街道)
        in ``scanned`` (text[start:…]) as whole words, not where a division was found: a name
        of at most _TOWN_COUNTIES counties (城关镇 is in a hundred: anyone's) whose stem is
        no common word.  Reported only where the draft anonymises its own place (_judged)."""
        out = []
        gaz = None
        towns = None
        hit_starts = [h[0] for h in hits]
        for m in _TOWN_UNIT.finditer(scanned):
            e = m.end() + start
            if towns is None:
                from ..knowledge_places import gazetteer

                gaz = gazetteer()
                towns = gaz.towns()
            for size in (4, 3, 2):
                s = m.start() + start - size
                if s < start:
                    continue
                stem = ctx.text[s:m.start() + start]
                name = stem + m.group()
                codes = towns.get(name)
                if (codes is None or len(codes) > _TOWN_COUNTIES or not _ALL_HAN.fullmatch(stem)
                        or stem in self.not_names or _common_word(stem)):
                    continue
                if not ctx.seg.is_word(s, e) and not (
                        _TOWN_ORGAN.match(ctx.text, e) and s in ctx.seg.cuts(s, e)):
                    continue  # 新华乡村振兴: 乡村 is the word (马桥镇党委: 镇党委 is cut as one)
                if _on_a_hit(hits, hit_starts, s, e):
                    break  # a division found there already
                places = [gaz.by_code[c] for c in codes if c in gaz.by_code]
                if places:
                    out.append((s, e, name, places))
                break
        return sorted(out, key=_START_OF)

    def _places(self, ctx, own, inferred: str | None = None):
        """``inferred``: ``own`` was read from the draft (locality_own.py), where it says:
        only a place of another prefecture that the draft uses as its own is reported."""
        hits = self._place_hits(ctx)
        return self._judged(ctx, hits, own, inferred, self._outside(ctx, hits, titled=not own and inferred is None))

    def _outside(self, ctx, hits, titled: bool = False) -> frozenset:
        """The codes of the places the draft says somewhere it went to or worked with (到开州区
        义和镇考察, 学习…: _VISITED): another mention of one of them is the same outside place
        (一是开州区义和镇的考察中, 确定开州区义和镇为对标乡镇), not the source's own.  (Not every
        place mentioned as a place: 临朐大桥, 铜梁的做法 may be the source's own.)"""
        text = ctx.text
        out = set()
        title_end = _title_end(text) if titled else 0  # (only where the draft anonymises: no locality given)
        for group in _groups(text, hits):
            if _VISITED.search(text, max(0, group[0][0] - 8), group[0][0]) or group[0][0] < title_end:
                # (or named in the draft's title or subtitle, 一次唤醒式的心灵之旅⏎——南海区2021年第一期
                # 新任领导干部培训班心得: the draft's own place, the 某区 below it the writer's discretion)
                out.update(p.code for h in group for p in h[3])
                if group[0][0] < title_end:  # (and the units it lies in: 南海区's 佛山, 广东)
                    from ..knowledge_places import unit_of

                    out.update(c for h in group for p in h[3] for c in unit_of(p) if c)
        return frozenset(out)

    def _judged(self, ctx, hits, own, inferred, outside=frozenset()):
        """_places() of the given hits (those of whole lines); ``outside``: _outside() of
        the whole draft's hits."""
        from ..knowledge_places import gazetteer, related, unit_of
        from .locality_own import used_as_own

        text = ctx.text
        gaz = gazetteer()
        # a list of places (到成都、武汉学习考察; 成都市、武汉市等地): its context decides for all
        described: dict[tuple, str] = {}  # the first places' codes -> as the message says them
        for group in _groups(text, hits):
            if self._as_place(text, group[0][0], group[-1][1]):
                continue
            if len({unit_of(h[3][0])[0] for h in group}) >= 3:
                continue  # three prefectures in one list (郴州、永州、衡阳之交汇处): a map, not a stand-in
            for s, e, name, places in group:
                if outside and any(p.code in outside for p in places):
                    continue  # named elsewhere in the draft as a place visited, learnt from …
                if (own or inferred is not None) and _is_named_town(name):
                    continue  # a township's name: looked for only where the draft anonymises
                if own and any(related(p.code, o.code) for p in places for o in own):
                    continue
                if inferred is not None and (
                        any(unit_of(p) == unit_of(o) or p.level == "province" for p in places for o in own)
                        or not used_as_own(self, ctx, s, e)):
                    continue  # a neighbour of the same city, a province, a place mentioned
                codes = tuple(p.code for p in places[:3])
                where = described.get(codes)
                if where is None:
                    where = "、".join(dict.fromkeys(gaz.describe(c) for c in codes))
                    town = _town_stem(name) if name not in _place_index()[1] else None
                    if town is not None:  # a township's stem: its townships, in their counties
                        where = f"{town[0]}，在{where}{'等地' if len(places) > 3 else ''}"
                    described[codes] = where
                if inferred is not None:
                    why = f"而本稿{inferred}表明是{'、'.join(gaz.describe(o.code) for o in own[:3])}的文稿"
                elif own:
                    why = f"不在设置的本地地区（{'、'.join(gaz.describe(o.code) for o in own[:3])}）之内"
                else:
                    why = "而本稿已把本地名称写成XX、某某之类"
                yield s, e, {"place": where, "why": why}

    def _is_name(self, word: str) -> bool:
        got = self._names_known.get(word)
        if got is None:
            got = self._names_known[word] = self._word_is_name(word)
        return got

    def _word_is_name(self, word: str) -> bool:
        from .tagged import word_tags

        if word in self.not_names or len(word) < 2 or not _ALL_HAN.fullmatch(word):
            return False  # (4月 in 时间: 4月 is no name)
        if word[0] in _NUMERAL_CHARS:
            return False  # an item of a list (三是区长讲话), a count (两位局长): no given name
        if not self._name_rx.fullmatch(word) and len(word) > 2:
            return False
        # a word jieba's dictionary knows as something else (支部, 操场) is not a name
        return not word_tags().known_not(word, set())

    def _people(self, ctx):
        """The names next to a title, pattern by pattern (kept for a re-check: kinds.spliced)."""
        hits, _ = spliced(ctx, "people:" + self.full_id, None, _PERSON_REACH,
                          lambda lo, hi, stop: (self._lines_people(ctx.text, lo, hi), []))
        for s, e, _, name in sorted(self._named_in_full(ctx.text, hits), key=_ORDER_OF):
            yield s, e, {"person": name}

    def _named_in_full(self, text: str, hits: list) -> list:
        """``hits`` less a surname alone before a title (肖校长) where the draft names someone
        of that surname in full (肖腊祥校长): the same person, reported where named in full."""
        def lone(h):
            return h[1] - h[0] >= 2 and text[h[0] + 1:h[1]] in self._title_set
        full = {text[h[0]] for h in hits if not lone(h)}
        return [h for h in hits if not (lone(h) and text[h[0]] in full)] if full else hits

    def _lines_people(self, text: str, lo: int, hi: int) -> list[tuple]:
        """(start, end, pattern, name) of the names in the lines lo..hi, by position.

        The patterns hold no line break, so a line's matches are those of one scan of the
        whole text: for the whole text each line's are also kept on the rule, keyed by its
        text and whether it opens the text (a pattern looks one character back), for the
        next such call (a draft reviewed again)."""
        if lo or hi < len(text):
            return sorted(((s, e, k, name) for k, s, e, name in self._line_people(text, lo, hi)), key=_START_OF)
        lines = text.split("\n")
        old = self._line_hits
        new: dict[tuple, tuple] = {}
        out = []
        if sum(1 for i, line in enumerate(lines) if line and (line, i == 0) not in old) * 4 > len(lines):
            # mostly new lines (a first review, another draft): one scan, shared out
            starts = []
            base = 0
            for line in lines:
                starts.append(base)
                base += len(line) + 1
            per_line: dict[int, list] = {}
            for k, s, e, name in self._line_people(text, 0, len(text)):
                out.append((s, e, k, name))
                i = bisect_right(starts, s) - 1
                per_line.setdefault(i, []).append((s - starts[i], e - starts[i], k, name))
            for i, line in enumerate(lines):
                if line:
                    new[(line, i == 0)] = tuple(sorted(per_line.get(i, ()), key=_START_OF))
            out.sort(key=_START_OF)
        else:
            base = 0
            for i, line in enumerate(lines):
                if line:
                    key = (line, i == 0)
                    got = new.get(key)
                    if got is None:
                        got = old.get(key)
                        if got is None:
                            got = tuple(sorted(((s - base, e - base, k, name) for k, s, e, name
                                                in self._line_people(text, base, base + len(line))), key=_START_OF))
                        new[key] = got
                    for s, e, k, name in got:
                        out.append((base + s, base + e, k, name))
                base += len(line) + 1
        self._line_hits = new
        return out

    def _line_people(self, text: str, lo: int, hi: int) -> list[tuple]:
        """(pattern, start, end, name) of the names in text[lo:hi], pattern by pattern."""
        seen = set()
        out = []
        for k, rx in enumerate(self._person):
            for m in self._person_matches(k, rx, text, lo, hi):
                s, e = m.span("name")
                name = m.group("name")
                if (s, e) in seen or not self._is_name(name):
                    continue
                if k == 1 and not self._surname_rx.match(name) and len(name) > 2:
                    continue
                seen.add((s, e))
                out.append((k, s, e, name))
        k = len(self._person)
        for s, e, name in self._cut_people(text, lo, hi):
            if not any(s < e2 and s2 < e for s2, e2 in seen):
                seen.add((s, e))
                out.append((k, s, e, name))
        return out

    def _cut_people(self, text: str, lo: int, hi: int):
        """(start, end, name) of the names right before a title, 同志 or 同学 that jieba's
        cut (no HMM) leaves in single characters after the last word of the clause: 刚才萧峰
        同志 (刚才|萧|峰), 以陈健同志、吴关鑫同志, 把李县长的讲话, 以高局长为首.  Three or two
        characters from a surname on are a name; a common surname alone before a title is
        reported with the title (李县长).  Not a name: a word before it (广大同志, 公安局长:
        安 is cut with 公), a unit (县安监局同志), a count (三位同志)."""
        from ..segment import boundaries

        for m in self._any_title.finditer(text, lo, hi):
            t0 = m.start()
            a = t0
            stop = max(lo, t0 - 8)
            while a > stop and "\u4e00" <= text[a - 1] <= "\u9fff":
                a -= 1
            if a == t0:
                continue
            run = text[a:t0]
            cuts = boundaries(text[a:m.end()])  # the title cut as a word of its own (not 党小组|长)
            k = len(cuts) - 1
            if k < 1 or cuts[k - 1] != len(run):
                continue
            k -= 1
            while k > 0 and cuts[k] - cuts[k - 1] == 1:
                k -= 1
            tail = run[cuts[k]:]
            name = None
            for n in (3, 2):
                if len(tail) >= n and tail[-n] in self._single_surnames and tail[-n] not in _FUNCTION_CHARS:
                    name = tail[-n:]
                    break
            if name is not None:
                if name[-1] not in _NOT_NAME_END and self._is_name(name):
                    yield t0 - len(name), t0, name
            elif tail and tail[-1] in self._lone_surnames and m.group() in self._title_set:
                name = text[t0 - 1:m.end()]
                if name not in self.not_names:  # 江主席, 毛主席: famous-people.txt
                    yield t0 - 1, m.end(), name

    def _person_matches(self, k: int, rx, text: str, lo: int, hi: int):
        """``rx.finditer(text, lo, hi)``, searched only where a match can start."""
        if k == 0:
            if self._person_pre is None:
                yield from rx.finditer(text, lo, hi)
                return
            from .stale import line_stretches

            pre, ahead = self._person_pre
            for s, before, stop in line_stretches(text, pre, ahead, lo, hi):
                for m in rx.finditer(text, s, stop):
                    if m.start() >= before:
                        break
                    yield m
            return
        # A match is a name of 2 or 3 characters and a title before a verb: it starts 2 or
        # 3 characters before a title found by _person_title -- or before a title that
        # starts inside one found (副书记 holds 书记), so every start from 3 characters
        # before a found title to 3 before its end is tried.  A match is Han characters
        # right after a character that is not one (its lookbehind): matches never
        # overlap, so each start is matched alone and they come in the order of finditer.
        starts = set()
        for t in self._person_title.finditer(text, lo, hi):
            starts.update(range(max(lo, t.start() - 3), t.end() - 2))
        match = rx.match
        for p in sorted(starts):
            m = match(text, p, hi)
            if m is not None:
                yield m

    def _name_tokens(self, rest: str):
        """The names of a list (孙立群 郑晓梅 何 平 / 柯佳怡、) or None if it holds anything else."""
        parts = [p for p in re.split(r"[ \t　、，,；;]+", rest) if p]
        out, i = [], 0
        while i < len(parts):
            p = parts[i]
            # a two-character name spaced out to line up with three-character ones: 唐 钧
            if len(p) == 1 and i + 1 < len(parts) and len(parts[i + 1]) == 1:
                p = p + parts[i + 1]
                i += 1
            out.append(p)
            i += 1
        if not out or not all(2 <= len(p) <= 4 and self._is_name(p) for p in out):
            return None
        return out

    def _lists(self, ctx):
        """Names after a role label (评 委: 刘某某 唐某某), or on the lines below a label
        alone on its line: (start, end, values) in text order."""
        text = ctx.text
        paragraphs = ctx.paragraphs
        starts = list(map(_START, paragraphs))
        kinds = self._list_kinds(text, starts, list(map(_END, paragraphs)), whole=True)
        for s, e, names in self._list_hits(starts, kinds, 0, len(kinds)):
            yield s, e, {"person": names}

    def _list_kinds(self, text: str, starts: list, ends: list, whole: bool = False) -> list:
        """_list_line() of each paragraph.  Those of the whole text (``whole``) are also
        kept on the rule, keyed by the paragraph's text, for the next such call (a draft
        reviewed again)."""
        kept = self._line_hits
        known: dict[str, tuple] = {}
        kinds = []
        append = kinds.append
        for s, e in zip(starts, ends):
            line = text[s:e]
            got = known.get(line)
            if got is None:
                got = kept.get(line)
                if got is None:
                    got = self._list_line(line)
                known[line] = got
            append(got)
        if whole:
            self._line_hits = known
        return kinds

    @staticmethod
    def _list_hits(starts: list, kinds: list, lo: int, hi: int):
        """(start, end, names) of the lists in paragraphs lo..hi-1, given what each is
        (_list_line); a list whose label stands alone runs on over the paragraphs below
        it that are names (blank ones skipped), and must end before hi."""
        for i in [i for i in range(lo, hi) if kinds[i] is not _BLANK and kinds[i][0] is not None]:
            head = kinds[i][0]
            if head is not _ALONE:
                ns, ne, rest = head
                yield starts[i] + ns, starts[i] + ne, rest
                continue
            # the label alone on its line, the names on the lines below (组员:⏎柯佳怡、)
            for j in range(i + 1, hi):
                got = kinds[j]
                if got is _BLANK:
                    continue
                below = got[1]
                if below is None:
                    break
                a, b, line = below
                yield starts[j] + a, starts[j] + b, line

    def _run_lists(self, ctx) -> list[Finding]:
        """Rule.run() of the name-list check, from the previous call's findings: what each
        paragraph is depends on its text alone, and a list on the paragraphs from its
        label to its last names, so after an edit only the paragraphs it changed and the
        lists through them are looked at again."""
        from bisect import bisect_left
        from operator import add

        text = ctx.text
        n1 = len(text)
        paragraphs = ctx.paragraphs
        from ..structure.duplicates.splice import bounds

        starts, ends = bounds(paragraphs)  # (shared lists, read only: built once per review)
        memo = ctx.memo("lists:" + self.full_id)
        state = memo.get("state")
        kinds = lo = None
        if state is not None:
            old, starts0, ends0, kinds0, hits0 = state
            n0, l0, l1 = len(old), len(starts0), len(starts)
            a, c = edit_of(ctx, old)
            d = n1 - n0
            first = bisect_right(ends, a)  # paragraphs 0..first-1 lie in the common prefix
            last = max(first, bisect_left(starts, n1 - c))  # from last on: in the common suffix
            last0 = last - (l1 - l0)
            if (first <= last0 and starts[:first] == starts0[:first] and ends[:first] == ends0[:first]
                    and starts[last:] == list(map(add, starts0[last0:], [d] * (l0 - last0)))
                    and ends[last:] == list(map(add, ends0[last0:], [d] * (l0 - last0)))):
                kinds = kinds0[:first] + self._list_kinds(text, starts[first:last], ends[first:last]) + kinds0[last0:]
                # the lists through the changed paragraphs: back to a paragraph that is not
                # names (a label, or no list), on to the last names after them
                lo = first - 1
                while lo > 0 and (kinds[lo] is _BLANK or kinds[lo][1] is not None):
                    lo -= 1
                lo = max(lo, 0)
                hi = last
                while hi < l1 and (kinds[hi] is _BLANK or kinds[hi][1] is not None):
                    hi += 1
                cut = starts0[hi - (l1 - l0)] if hi < l1 else n0 + 1
                mid = [(s, e, 0, self.finding(ctx, text, s, e, {"person": names}))
                       for s, e, names in self._list_hits(starts, kinds, lo, hi)]
                i = bisect_left(hits0, starts[lo], key=_START_OF) if lo < l1 else len(hits0)
                j = bisect_left(hits0, cut, key=_START_OF)
                tail = [moved_finding(h, d) for h in hits0[j:]] if d else hits0[j:]
                hits = hits0[:i] + mid + tail
        if lo is None:  # the first call, or other paragraphs
            kinds = self._list_kinds(text, starts, ends, whole=True)
            hits = [(s, e, 0, self.finding(ctx, text, s, e, {"person": names}))
                    for s, e, names in self._list_hits(starts, kinds, 0, len(kinds))]
        memo["state"] = (text, starts, ends, kinds, hits)
        return [h[3] for h in hits[:max_checks(n1)]]

    def _list_line(self, line: str):
        """(as a list's first line: None, _ALONE or (start, end, names); as a line below a
        label alone: None or (start, end, names)), offsets in the line; _BLANK for a blank one."""
        if not line.strip():
            return _BLANK
        m = self._label.fullmatch(line)
        head = None
        if m:
            label = re.sub(r"\s", "", m.group("label"))
            if (not self.labels or any(label.endswith(x) for x in self.labels)) and label not in _META_LABELS:
                raw = m.group("rest")
                rest = raw.strip()
                if not rest:
                    head = _ALONE
                elif self._name_tokens(rest) is not None:
                    head = (m.start("rest") + len(raw) - len(raw.lstrip()),
                            m.end("rest") - (len(raw) - len(raw.rstrip())), rest)
        below = None
        stripped = line.strip()
        if not m and self._name_tokens(stripped) is not None:
            below = (len(line) - len(line.lstrip()), len(line) - (len(line) - len(line.rstrip())), stripped)
        return head, below
