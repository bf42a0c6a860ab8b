"""Kind ``compat-char``: look-alike code points a PDF or a web page put in place of Han
characters (⼯作, ⽅⾯: Kangxi radicals; 﨑 and the other CJK compatibility ideographs).

They look right on screen but are other characters: search, sorting, spell checking
and the reader's screen reader all fail on them.  Unicode's NFKC normalisation gives
the normal character for the Kangxi radicals (U+2F00–U+2FD5) and the compatibility
ideographs (U+F900–U+FAFF); the CJK Radicals Supplement (U+2E80–U+2EF3) has a mapping for
two of them only, so the rule's ``map`` gives the rest (⻓ 长, ⻔ 门 …).

Only a run of such characters inside Han text is reported (a radical standing alone, as
in a dictionary's 部首 list, is not), with the normal characters as the suggestion.
"""
from __future__ import annotations

import re
import unicodedata

from .kinds import Rule
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)
from ..traditional import COMPAT_RANGES

_HAN = "\u4e00-\u9fff"


class _LineLocal(Rule):
    """A rule whose hits are line-local (incremental.py): a hit holds no line break, and
    what it reads besides are its neighbours on its own line.  Subclasses give _scan(ctx,
    lo, hi), the hits that start between lo and hi."""

    whole_text_range = True

    def line_reach(self):
        return 0, 0

    def scan_range(self, ctx, start, end, stop):
        return [(0, *hit) for hit in self._scan(ctx, start, end)], []

    def scan(self, ctx):
        return self._scan(ctx, 0, len(ctx.text))

    def _scan(self, ctx, lo: int, hi: int):
        raise NotImplementedError


_RUN = compile_cached(f"[{COMPAT_RANGES}]+")


class CompatCharRule(_LineLocal):
    KEYS = {"map"}

    def setup(self, spec):
        extra = spec.get("map") or {}
        if not isinstance(extra, dict) or not all(
                isinstance(k, str) and len(k) == 1 and isinstance(v, str) and len(v) == 1 for k, v in extra.items()):
            raise RuleLoadError(self.source, "map 必须是“部首: 汉字”的一字对一字映射", self.id, "map")
        self.map = extra

    def normal(self, ch: str) -> str | None:
        """The Han character ``ch`` stands for, or None when none is known."""
        if ch in self.map:
            return self.map[ch]
        got = unicodedata.normalize("NFKC", ch)
        if got != ch and len(got) == 1 and "\u4e00" <= got <= "\u9fff":
            return got
        return None

    # Line-local (incremental.py): a run holds no line break, and what it reads besides
    # is the character before it and the one after it, a line break at the line's ends.
    def _scan(self, ctx, lo: int, hi: int):
        text = ctx.source  # (the rules' view has the common characters in their place)
        n = len(text)
        for m in _RUN.finditer(text, lo, hi):
            s, e = m.span()
            before = s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff"
            after = e < n and "\u4e00" <= text[e] <= "\u9fff"
            if not (before or after or e - s >= 2):
                continue  # a radical on its own (部首“⼈”)
            fixed = [self.normal(c) for c in m.group()]
            if any(c is None for c in fixed):
                continue  # a character with no known normal form: not ours to guess
            yield s, e, {"suggestion": "".join(fixed)}

    def finding(self, ctx, source, start, end, values):
        # read from the source, not the view: its message and suggestion name the common
        # characters, which a view's restoring would turn back into the radicals
        return super().finding(ctx, ctx.source, start, end, values, restore=False)


# ----- kind ``rare-char``: a character outside 通用规范汉字表 inside common words ----------

_TABLE_CHARS: frozenset | None = None
# the Han blocks searched (URO, extension A, extensions B and on); the compatibility
# ideographs and radicals are compat-char's
_HAN_BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF)]


def table_chars() -> frozenset:
    """The 8,105 characters of 通用规范汉字表 (resources/lexicon/tongyong8105.txt)."""
    global _TABLE_CHARS
    if _TABLE_CHARS is None:
        from ... import paths

        path = paths.resources_dir() / "lexicon" / "tongyong8105.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
        _TABLE_CHARS = frozenset(c for c in (line.strip() for line in lines) if len(c) == 1)
    return _TABLE_CHARS


_OUTSIDE: re.Pattern | None = None


def _outside_pattern() -> re.Pattern:
    """Every Han character of the BMP that is not in the table, and every one beyond the
    BMP (scan() looks those up in the table: a class with ranges beyond the BMP is not
    compiled to a bitmap by ``re`` and costs a walk over its ranges at every character)."""
    global _OUTSIDE
    if _OUTSIDE is None:
        from ... import paths
        from ..cache import compile as compile_cached  # a class of ~20,000 ranges: kept between runs
        from ..cache import kept_for_file

        # (the pattern's text kept too, by the table file: writing it was ~6,000 re.escape
        # calls, reading the table ~8,000 characters into a set, ~5 ms of a first review)
        _OUTSIDE = compile_cached(kept_for_file(paths.resources_dir() / "lexicon" / "tongyong8105.txt",
                                                "garbled-outside-v1", _outside_text))
    return _OUTSIDE


def _outside_text() -> str:
    inside = sorted(ord(c) for c in table_chars())
    parts = []
    for lo, hi in _HAN_BLOCKS[:2]:
        start = lo
        for cp in inside:
            if cp < start or cp > hi:
                continue
            if cp > start:
                parts.append(_range(start, cp - 1))
            start = cp + 1
        if start <= hi:
            parts.append(_range(start, hi))
    lo, hi = _HAN_BLOCKS[2]
    return "[" + "".join(parts) + "]|[" + _range(lo, hi) + "]"


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


class RareCharRule(_LineLocal):
    """A Han character outside the 8,105 of 通用规范汉字表 (2013) between characters of the
    table: junk of PDF extraction or of a converter (囯, 夲), a traditional or Japanese
    form left in a simplified draft (佈, 経).  The suggestion is the rule's ``map`` or
    resources/lexicon/rare-forms.txt, else the simplified form (t2s.txt), else the one
    look-alike of the table in a group of lookalike*.txt; ``suggested`` picks the findings with one (true) or without (false).
    Not looked for in a draft in traditional characters (its view is reviewed), nor in a
    person's name (a surname before it, a title or a break after it: 张鐘同志) or a
    place's (a name of the gazetteer that holds it)."""

    KEYS = {"map", "suggested", "name_after", "skip"}

    def setup(self, spec):
        skip = spec.get("skip") or ""
        if not isinstance(skip, str):
            raise RuleLoadError(self.source, "skip 必须是由不报告的字组成的字符串", self.id, "skip")
        self.skip = frozenset(skip)
        extra = spec.get("map") or {}
        if not isinstance(extra, dict) or not all(
                isinstance(k, str) and len(k) == 1 and isinstance(v, str) and len(v) == 1 for k, v in extra.items()):
            raise RuleLoadError(self.source, "map 必须是“字: 规范字”的一字对一字映射", self.id, "map")
        self.map = extra
        suggested = spec.get("suggested", True)
        if not isinstance(suggested, bool):
            raise RuleLoadError(self.source, "suggested 必须是 true 或 false", self.id, "suggested")
        self.suggested = suggested
        after = spec.get("name_after") or []
        if not isinstance(after, list) or not all(isinstance(x, str) and x for x in after):
            raise RuleLoadError(self.source, "name_after 必须是字符串列表", self.id, "name_after")
        self._name_after = compile_cached("|".join(sorted(map(re.escape, after), key=len, reverse=True))) if after else None
        self._surnames: frozenset | None = None
        self._place_chars: dict[str, list[str]] | None = None

    # Line-local (incremental.py): a hit is one character, judged by its neighbours (two
    # before, one after, when they are Han: never past a line break) and by the words
    # around it (a name, a title: no line break in them).
    def _scan(self, ctx, lo: int, hi: int):
        if ctx.traditional:
            return  # a draft in traditional characters: its view is reviewed, the rest is its script
        text = ctx.text
        table = None  # (read on the first character found: most drafts hold none)
        n = len(text)
        for m in _outside_pattern().finditer(text, lo, hi):
            i = m.start()
            ch = text[i]
            if table is None:
                table = table_chars()
            if ch in table or ch in self.skip:
                continue  # beyond the BMP: the pattern takes all of them
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            # inside otherwise common words: no other rare character next to it, and one
            # neighbour at least a character of the table
            if not (before in table or after in table):
                continue
            if (before and not before.isspace() and before not in table and _is_han(before)) or (
                    after and not after.isspace() and after not in table and _is_han(after)):
                continue
            if self._in_name(text, i) or (after in _PLACE_GENERIC and (
                    i + 2 >= n or text[i + 2] in _PLACE_GENERIC or not _is_han(text[i + 2]))):
                continue  # 濛溪河, 㟃山。: a place's own character before 溪河, 山 (not 黃河流域)
            fix = self.normal_of(ch)
            if (fix is not None) != self.suggested:
                continue
            yield i, i + 1, ({"suggestion": fix} if fix is not None else {})

    def normal_of(self, ch: str) -> str | None:
        """The table's character ``ch`` stands for, or None when none is known."""
        table = table_chars()
        got = self.map.get(ch) or _rare_forms().get(ch)
        if got is not None:
            return got
        from ..traditional import _load

        simp = _load()[0].get(ord(ch))
        if simp is not None and chr(simp) in table:
            return chr(simp)
        like = [c for c in _lookalikes().get(ch, ()) if c in table]
        return like[0] if len(like) == 1 else None

    def _in_name(self, text: str, i: int) -> bool:
        """Part of a person's name (王喆同志, 张鐘、) or of a place's (a gazetteer name)."""
        if self._surnames is None:
            from ..knowledge_places import surnames

            self._surnames = surnames()
        n = len(text)
        ends = []  # where the name would end: 张鐘 / 张鐘明 / 张明鐘
        if i >= 1 and text[i - 1] in self._surnames:
            ends.append(i + 1)
            if i + 1 < n and _is_han(text[i + 1]):
                ends.append(i + 2)
        if i >= 2 and text[i - 2] in self._surnames and _is_han(text[i - 1]):
            ends.append(i + 1)
        for end in ends:
            # a name stands before a break or a title (张鐘、 张鐘同志 张鐘书记)
            if end >= n or not _is_han(text[end]) or (
                    self._name_after is not None and self._name_after.match(text, end)):
                return True
        for name in self._places().get(text[i], ()):
            k = name.index(text[i])
            if i >= k and text.startswith(name, i - k):
                return True
        return False

    def _places(self) -> dict[str, list[str]]:
        """Rare character -> the names of divisions and towns that hold it."""
        if self._place_chars is None:
            from ..knowledge_places import gazetteer

            gaz = gazetteer()
            table = table_chars()
            out: dict[str, list[str]] = {}
            for name in list(gaz.by_name) + list(gaz.towns()):
                for c in set(name):
                    if c not in table and _is_han(c):
                        out.setdefault(c, []).append(name)
            self._place_chars = out
        return self._place_chars


# the generic part of a river's, a mountain's or a village's name
_PLACE_GENERIC = frozenset("河江溪湖山峰岭村寨湾洲潭泉峡谷塘坝桥渠井堡垭坪沟滩岛屯冲坳")


def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x323AF or 0xF900 <= o <= 0xFAFF


_RARE_FORMS: dict[str, str] | None = None


def _rare_forms() -> dict[str, str]:
    """Form -> normal character, from resources/lexicon/rare-forms.txt (囯 国, 経 经)."""
    global _RARE_FORMS
    if _RARE_FORMS is None:
        from ... import paths

        path = paths.resources_dir() / "lexicon" / "rare-forms.txt"
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("#")[0].split("\t")
            if len(parts) == 2 and len(parts[0].strip()) == 1 and len(parts[1].strip()) == 1:
                out[parts[0].strip()] = parts[1].strip()
        _RARE_FORMS = out
    return _RARE_FORMS


_LOOKALIKES: dict[str, tuple] | None = None


def _lookalikes() -> dict[str, tuple]:
    """Character -> the other characters of its groups in lookalike*.txt."""
    global _LOOKALIKES
    if _LOOKALIKES is None:
        from ... import paths

        out: dict[str, set] = {}
        for name in ("lookalike.txt", "lookalike-extra.txt"):
            path = paths.resources_dir() / "lexicon" / name
            for line in path.read_text(encoding="utf-8").splitlines():
                group = [c for c in line.split("#")[0].split() if len(c) == 1]
                for c in group:
                    out.setdefault(c, set()).update(x for x in group if x != c)
        _LOOKALIKES = {c: tuple(sorted(v)) for c, v in out.items()}
    return _LOOKALIKES


# ----- kind ``pinyin-char``: a character written as its pinyin (dang内, 观音si镇) ---------------

# lower-case letters with no letter, digit or part of an address next to them (_scan() asks
# for a Han character after them)
_LATIN_RUN = compile_cached(r"(?<![A-Za-z0-9_.@/\\-])[a-z]{2,6}(?![A-Za-z0-9_.@/])")
_SYLLABLES: dict[str, str] | None = None


def _syllables() -> dict[str, str]:
    """Toneless syllable -> the characters read so (resources/lexicon/pinyin.txt)."""
    global _SYLLABLES
    if _SYLLABLES is None:
        from .lexicon_data import read_list

        got = {}
        for line in read_list("pinyin.txt"):
            syl, _, chars = line.partition(" ")
            got[syl] = chars
        _SYLLABLES = got
    return _SYLLABLES


class PinyinCharRule(_LineLocal):
    """A run of lower-case letters next to a Han character that is one toneless pinyin
    syllable, where a character read so makes a word of jieba's dictionary with the
    characters after it (dang内 → 党内, zheng府 → 政府): a site that dodges its own filter
    of sensitive words writes a word's first character in pinyin, or an input method left
    it unconverted.  Only the word after it is read: the word before would pick a rare
    reading (升yun → 升温, 用bing → 用兵).  ``min_count`` is the count in jieba's dictionary
    the word must reach; ``leave`` lists the syllables that are English words or
    abbreviations in Chinese text (ai, bing); the suggestion is the character of the most
    frequent such word."""

    KEYS = {"min_count", "leave"}

    def setup(self, spec):
        n = spec.get("min_count", 100)
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise RuleLoadError(self.source, "min_count 必须是正整数", self.id, "min_count")
        self.min_count = n
        leave = spec.get("leave") or []
        if not isinstance(leave, list) or not all(isinstance(x, str) and x for x in leave):
            raise RuleLoadError(self.source, "leave 必须是字符串列表", self.id, "leave")
        self.leave = frozenset(leave)

    # Line-local (incremental.py): a hit and the words it is judged by hold no line break.
    def _scan(self, ctx, lo: int, hi: int):
        text = ctx.text
        syllables = None
        for m in _LATIN_RUN.finditer(text, lo, hi):
            s, e = m.span()
            han_before = s > 0 and _is_han(text[s - 1])
            han_after = e < len(text) and _is_han(text[e])
            # a Han character after it, and one before it too or a syllable of four letters or
            # more (zheng府), not a short English word (一个fan)
            if not (han_after and (han_before or e - s >= 4)) or m.group() in self.leave:
                continue
            if syllables is None:
                syllables = _syllables()
            chars = syllables.get(m.group())
            if not chars:
                continue
            fix = self._best(text, e, chars)
            if fix:
                yield s, e, {"suggestion": fix}

    def _best(self, text: str, e: int, chars: str) -> str | None:
        from ..segment import tokenizer

        freq = tokenizer().FREQ
        best, most = None, self.min_count - 1
        k = e
        while k < min(len(text), e + 2) and _is_han(text[k]):
            k += 1
        after = text[e:k]  # the Han characters right after the letters, two at most
        for c in chars:
            for w in (c + after[:1], c + after):
                n = freq.get(w, 0)
                if n > most:
                    best, most = c, n
        return best
