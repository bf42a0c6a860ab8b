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
  and short names that jieba knows as common words (平安, 和平, 前进).
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

from .budget import compile_pattern
from .kinds import Rule, _str_list, max_checks
from .locality_mixed import MixedPlaces
from ..yamlfile import RuleLoadError

_HAN = "\u4e00-\u9fff"
# Tags jieba gives a word that, when it is also a county's short name, is most often the
# word and not the place: 平安 (a), 前进 (v), 光明 (n, frequent).
_NAME_TAGS = {"ns", "nr", "nrt", "nz", "nt", "n"}
_COMMON_FREQ = 300
# characters that open a clause as a preposition or conjunction, never a given name's first
_FUNCTION_CHARS = "把被将让向对给和与跟同为请由叫使令在从按据以及或并而是有"
_RARE_FREQ = 100  # 铜梁 (n, 10) is kept, 来宾 (n, 166) and 惠民 (nr, 105) are words


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
        import marshal
        from importlib.metadata import PackageNotFoundError, version

        from ... import paths
        from ..segment import cache_dir, save_dictionary

        try:
            jieba_version = version("jieba")  # without importing jieba: a draft may not need it
        except PackageNotFoundError:  # a frozen app without the package's metadata
            import jieba

            jieba_version = jieba.__version__
        size = (paths.resources_dir() / "gazetteer" / "divisions.tsv").stat().st_size
        path = cache_dir() / f"jieba-{jieba_version}-gazetteer-{size}.marshal"
        try:
            with open(path, "rb") as fh:
                _JIEBA_TAGS = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            wanted = set(words)
            out = {}
            with _jieba_dictionary() as fh:
                for raw in fh:
                    parts = raw.decode("utf-8").split()
                    if len(parts) == 3 and parts[0] in wanted and parts[1].isdigit():
                        out[parts[0]] = (int(parts[1]), parts[2])
            save_dictionary(out, path)
            _JIEBA_TAGS = out
    return _JIEBA_TAGS


def _jieba_dictionary():
    """jieba's dictionary file, opened without importing jieba (which a draft may not need)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("jieba")
    path = Path(spec.origin).parent / "dict.txt" if spec and spec.origin else None
    if path is not None and path.is_file():
        return open(path, "rb")
    from ..segment import tokenizer

    return tokenizer().get_dict_file()


_PLACE_INDEX = None


def _place_index():
    """(a NameFinder over the names, name → places) for the whole gazetteer, once."""
    global _PLACE_INDEX
    if _PLACE_INDEX is None:
        from ..knowledge_places import NameFinder, gazetteer, short_name

        gaz = gazetteer()
        names = gaz.names()
        tags = _jieba_tags({short_name(n) for n in names} | set(names))
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


class LocalityRule(MixedPlaces, Rule):
    KEYS = {"check", "anonymised", "before", "after", "not_names", "titles", "surnames", "labels"}
    REQUIRED = ("check", "anonymised")
    CHECKS = ("place", "person", "name-list", "mixed")
    needs_jieba = True

    def setup(self, spec):
        if spec["check"] not in self.CHECKS:
            raise RuleLoadError(self.source, f"check 必须是 {'/'.join(self.CHECKS)} 之一", self.id, "check")
        self.check = spec["check"]
        try:
            self.anonymised = compile_pattern("|".join(f"(?:{p})" for p in _str_list(spec, "anonymised", True)))
            before = _str_list(spec, "before")
            after = _str_list(spec, "after")
            self.before = compile_pattern("(?:" + "|".join(before) + r")$") if before else None
            self.after = compile_pattern("|".join(after)) if after else None
        except re.error as e:
            raise RuleLoadError(self.source, f"正则表达式有误：{e}", self.id, "anonymised") from e
        self.not_names = set(_str_list(spec, "not_names"))
        self.titles = _str_list(spec, "titles")
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
            self._person = [
                re.compile(rf"(?:{titles})(?P<name>{self._surname}[{_HAN}]{{1,2}})同志"),
                # not a preposition or a conjunction before a surname and a title (把李县长的讲话)
                re.compile(rf"(?<=[，,。；;、：:\s])(?![{_FUNCTION_CHARS}])(?P<name>[{_HAN}]{{2,3}})(?:{titles})"
                           rf"(?=还将|将|要|作|在|讲|对|代表|指出|强调|提出|就|的讲话)"),
            ]
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
        if not ctx.cached(("anonymised", self.anonymised.pattern), lambda: self._anonymises(ctx)):
            return None
        return []

    def _anonymises(self, ctx) -> bool:
        """A placeholder for the draft's own place or unit outside website junk (a
        recommendation list's “XX小学德育工作” says nothing about the draft)."""
        from bisect import bisect_right

        from ..spans import merge_spans

        js, je = merge_spans(ctx.junk)
        for m in self.anonymised.finditer(ctx.text):
            i = bisect_right(js, m.start()) - 1
            if i >= 0 and m.end() <= je[i]:
                continue
            return True
        return False

    def scan(self, ctx):
        if self.check == "mixed":
            # a draft that anonymises, or a user's locality, is the place check's (no double report)
            if ctx.region == "body" and self._targets(ctx) is None:
                yield from self._mixed(ctx)
            return
        if self.check == "place":
            own = self._targets(ctx)
            if own is not None:
                yield from self._places(ctx, own)
            return
        # people are looked for only where the draft anonymises (a locality says nothing of them)
        if ctx.region != "body" or not ctx.cached(("anonymised", self.anonymised.pattern),
                                                  lambda: self._anonymises(ctx)):
            return
        if self.check == "person":
            yield from self._people(ctx)
        else:
            yield from self._lists(ctx)

    # ----- places -----------------------------------------------------------------------
    def _as_place(self, text: str, start: int, end: int) -> bool:
        """Mentioned as a place: 到成都学习, 学习浙江经验, 合肥工业大学 (for a list of places,
        what stands before its first and after its last name)."""
        if self.before is not None and self.before.search(text, max(0, start - 8), start):
            return True
        if self.after is not None and self.after.match(text, end, min(len(text), end + 12)):
            return True
        return False

    def _place_hits(self, ctx):
        """(start, end, name, places) of every gazetteer name that stands as a word."""
        from ..knowledge_places import short_name

        finder, index = _place_index()
        text = ctx.text
        hits = []  # (start, end, name, places) of names that stand as words
        checks = max_checks(len(text))  # a line of 50,000 place names is not a draft
        for s, e, name in finder.finditer(text):
            if name in self.not_names:
                continue
            checks -= 1
            if checks < 0:
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
                places = index[name]
            if name in self.not_names:
                continue
            hits.append((s, e, name, places))
        return hits

    def _places(self, ctx, own):
        from ..knowledge_places import gazetteer, related

        text = ctx.text
        gaz = gazetteer()
        hits = self._place_hits(ctx)
        # a list of places (到成都、武汉学习考察; 成都市、武汉市等地): its context decides for all
        groups: list[list] = []
        for h in hits:
            if groups and 0 < h[0] - groups[-1][-1][1] <= 1 and text[groups[-1][-1][1]:h[0]] in "、和与及,，":
                groups[-1].append(h)
            else:
                groups.append([h])
        for group in groups:
            if self._as_place(text, group[0][0], group[-1][1]):
                continue
            for s, e, name, places in group:
                if own and any(related(p.code, o.code) for p in places for o in own):
                    continue
                where = "、".join(dict.fromkeys(gaz.describe(p.code) for p in places[:3]))
                if own:
                    why = f"不在设置的本地地区（{'、'.join(gaz.describe(o.code) for o in own[:3])}）之内"
                else:
                    why = "而本稿已把本地名称写成XX、某某之类"
                yield s, e, {"place": where, "why": why}

    def _is_name(self, word: str) -> bool:
        from .tagged import word_tags

        if word in self.not_names or len(word) < 2:
            return False
        if not re.fullmatch(rf"{self._surname}[{_HAN}]{{1,2}}", word) and len(word) > 2:
            return False
        # a word jieba's dictionary knows as something else (支部, 操场) is not a name
        return not word_tags().known_not(word, set())

    def _people(self, ctx):
        text = ctx.text
        seen = set()
        for rx in self._person:
            for m in rx.finditer(text):
                s, e = m.span("name")
                name = m.group("name")
                if (s, e) in seen or not self._is_name(name):
                    continue
                if rx is self._person[1] and not re.match(self._surname, name) and len(name) > 2:
                    continue
                seen.add((s, e))
                yield s, e, {"person": name}

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
        text = ctx.text
        paras = [(p.start, p.end) for p in ctx.paragraphs if text[p.start:p.end].strip()]
        for i, (s, e) in enumerate(paras):
            m = self._label.fullmatch(text, s, e)
            if not m:
                continue
            label = re.sub(r"\s", "", m.group("label"))
            if self.labels and not any(label.endswith(x) for x in self.labels):
                continue
            rest = m.group("rest").strip()
            if rest:
                if self._name_tokens(rest) is None:
                    continue
                ns = m.start("rest") + len(m.group("rest")) - len(m.group("rest").lstrip())
                ne = m.end("rest") - (len(m.group("rest")) - len(m.group("rest").rstrip()))
                yield ns, ne, {"person": rest}
                continue
            # the label alone on its line, the names on the lines below (组员:⏎柯佳怡、)
            j = i + 1
            while j < len(paras):
                ls, le = paras[j]
                line = text[ls:le].strip()
                if self._label.fullmatch(text, ls, le) or self._name_tokens(line) is None:
                    break
                a = ls + len(text[ls:le]) - len(text[ls:le].lstrip())
                b = le - (len(text[ls:le]) - len(text[ls:le].rstrip()))
                yield a, b, {"person": line}
                j += 1
