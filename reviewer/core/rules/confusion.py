"""Kind ``confusion``: one character of a common word written as a homophone or a look-alike
(法津规定 → 法律规定, 合法权溢 → 合法权益), found with jieba's dictionary as a unigram word model.

jieba's best route through a sentence is the most probable cut into dictionary words (the
product of the words' relative frequencies).  A wrong character seldom forms a word with
its neighbours, so the route leaves it as a single character.  For such a character the
rule tries its confusables (same syllable in ``pinyin.txt`` -- and, with ``tones``, the same
tone in that file too; another tone needs the wider margin ``other_tone_gain`` -- or a
group of ``lookalike*.txt``), but only those that make a frequent dictionary word with the
neighbouring characters -- an index of the dictionary by "every character but one" gives
them in a few dict lookups, no loop over candidates.  A candidate is reported when

* the new word has a count of at least ``min_freq`` in the dictionary,
* the sentence's best-route log-probability improves by more than ``min_gain`` (natural
  log; a margin tuned so that clean official text stays quiet),
* after the change no other single character but ``free_chars`` (的、了、是 …) is left
  near it (``near`` characters either side): a true slip leaves a clean cut, a new term
  the dictionary lacks leaves its neighbours in pieces,
* the stretch of Han characters is at least ``min_run`` long (short headings and names
  give the model too little to go on),
* and the character is not inside a word of the ``known`` lists (terms of official writing
  newer than jieba's dictionary: 赋能, 抗疫 …) nor inside an ``exceptions`` string.

The finding is the wrong word (法津), the suggestion the dictionary word (法律).

Speed: a stretch of Han characters is looked at once per process (drafts repeat their
sentences; the answers depend on the stretch alone).  Before any route is computed, the
characters are sifted without jieba (sift()): a suspect must make a two-character
dictionary word with neither neighbour (a slip makes odd pairs on both sides; a character
that pairs into a word is seldom left alone by the route -- the one kind of slip the sift
may miss), stand in no dictionary word with at least one neighbour, and have a confusable
that makes a frequent word with its neighbours.  The first two tests run over all the new
stretches of a text at once, joined by line breaks, as byte codes and one regular
expression (no Python loop over the characters); a stretch with nothing left is settled
without jieba, which is not even loaded for it.  jieba's route is then computed once per
stretch left and once per candidate (from the changed character back to the start only).
About 0.6 µs of CPU a character of text not seen before, a fifth of a route for every
stretch.  The dictionary index (the words with a character left out, the confusables, the
pairs inside words, the two-character words) is built on first use from jieba's dict.txt
and cached on disk next to jieba's trimmed dictionary.
"""
from __future__ import annotations

import math
import re
import sys
import threading
import weakref
from bisect import bisect_left, bisect_right
from itertools import accumulate, repeat

from .kinds import Rule, _Exceptions, _str_list
from .lexicon_data import _lock as _data_lock, read_list
from ..knowledge_places import surnames
from ..yamlfile import RuleLoadError
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_RUN = compile_cached(r"[\u4e00-\u9fff]+")
# an office or a role ending right before a surname: the word after the surname is a given name
# (副市长阎青鹤主持会议), whatever common word it sounds like
_OFFICE_END = compile_cached(r"(?:长|书记|主任|主席|委员|经理|同志|记者|通讯员|老师|主持人|代表|总监|专员)\Z")
# (surnames that after an office are far more often a word of their own, what follows no given name:
# 全体代表应积极建言献策, 组长和副组长)
_NOT_SURNAME = frozenset("应和")
_lock = threading.Lock()
_INDEX: dict = {}          # (min_freq, tones) -> _build_index()
_JOINTS: dict = {}         # (min_freq, tones) -> _joints()
_SYL: list = []            # [(syllable -> characters), character -> syllables, look-alikes]
# Rules of one model (the same dictionary, confusables, neighbourhood and known words) that
# differ in their margins only: the one with the lowest margins computes, the others keep
# what clears their own (confusable-char tells a slip as a hint, confusable-sure the
# ones far above the margin as a warning) -- one computation, not one per rule.
_FAMILIES: dict = {}       # model key -> WeakSet of rules
# Characters that count as "common" (candidates for a correction): they occur in
# dictionary words of this total count.
COMMON_MIN = 200


def _index_path(min_freq: int, tones: str = ""):
    from ..segment import cache_dir, jieba_version

    stem = "".join(c for c in tones.rsplit(".", 1)[0] if c.isalnum())
    return cache_dir() / f"jieba-{jieba_version()}-confusion-{min_freq}-{COMMON_MIN}-{stem}-packed6.marshal"


def _dictionary_words():
    """(word, count) of jieba's dictionary as the reviewer trims it (segment.MIN_FREQ), read
    from jieba's dict.txt without importing jieba; through the loaded tokenizer when the
    file cannot be found (a frozen app)."""
    from ..segment import MIN_FREQ, jieba_dictionary_path, tokenizer

    try:
        with open(jieba_dictionary_path(), encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, TypeError):  # (None: no file to read)
        yield from tokenizer().FREQ.items()
        return
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ:
            yield parts[0], int(parts[1])


def _build_index(min_freq: int, tones: str = "") -> tuple[dict, ...]:
    """{word with one character replaced by '?': the characters that fill it} for the
    dictionary words of 2-4 Han characters counted at least min_freq times;
    {common character: its confusables among the common characters} (with ``tones``: of
    the same tone or look-alike, then {character: homophones in another tone}); and
    {character: the characters that follow it inside some dictionary word}; and {character:
    the characters that make a two-character dictionary word after it}."""
    index: dict[str, str] = {}
    weight: dict[str, int] = {}
    pairs: dict[str, set] = {}
    words2: dict[str, set] = {}
    for w, f in _dictionary_words():
        if not f or not _RUN.fullmatch(w):
            continue
        for k in range(len(w) - 1):
            pairs.setdefault(w[k], set()).add(w[k + 1])
        if len(w) == 2:
            words2.setdefault(w[0], set()).add(w[1])
        if f < 20:
            continue
        for ch in w:
            weight[ch] = weight.get(ch, 0) + f
        if f >= min_freq and 2 <= len(w) <= 4:
            for j in range(len(w)):
                key = w[:j] + "?" + w[j + 1:]
                index[key] = index.get(key, "") + w[j]
    common = frozenset(c for c, n in weight.items() if n >= COMMON_MIN)
    same = _same_tone(tones) if tones else None
    conf, weak = {}, {}
    for c in sorted(common):
        strong, other = _confusables(c, common, same)
        if strong:
            conf[c] = strong
        if other:
            weak[c] = other
    return (index, conf, weak, {c: "".join(sorted(v)) for c, v in pairs.items()},
            {c: "".join(sorted(v)) for c, v in words2.items()})


# On disk each dict is two "\n"-joined strings, keys and values: splitting and zipping them
# is four times faster than unmarshalling the dicts (8 against 36 ms).
def _pack(*dicts: dict) -> tuple:
    return tuple("\n".join(x) for d in dicts for x in (d, d.values()))


def _unpack(packed) -> tuple[dict, ...]:
    if not (isinstance(packed, tuple) and len(packed) == 10 and all(isinstance(x, str) for x in packed)):
        raise ValueError("not a packed index")
    parts = [x.split("\n") if x else [] for x in packed]
    if any(len(parts[k]) != len(parts[k + 1]) for k in range(0, 10, 2)):
        raise ValueError("keys and values differ in number")
    return tuple(dict(zip(parts[k], parts[k + 1])) for k in range(0, 10, 2))


def dictionary_index(min_freq: int, tones: str = "") -> tuple[dict, ...]:
    """The index of _build_index(), from the disk cache when it is there."""
    got = _INDEX.get((min_freq, tones))
    if got is None:
        with _lock:
            got = _INDEX.get((min_freq, tones))
            if got is None:
                from ..segment import cached

                got = cached(_index_path(min_freq, tones), lambda: _build_index(min_freq, tones),
                             pack=lambda index: _pack(*index), unpack=_unpack)
                _INDEX[(min_freq, tones)] = got
    return got


def _syllables():
    if not _SYL:
        with _data_lock:
            if not _SYL:
                by_syl: dict[str, str] = {}
                readings: dict[str, list] = {}
                for line in read_list("pinyin.txt"):
                    syl, chars = line.split(" ", 1)
                    by_syl[syl] = chars
                    for c in chars:
                        readings.setdefault(c, []).append(syl)
                looks: dict[str, set] = {}
                for line in read_list("lookalike.txt") + read_list("lookalike-extra.txt"):
                    group = line.split()
                    for c in group:
                        looks.setdefault(c, set()).update(group)
                _SYL[:] = [by_syl, readings, looks]
    return _SYL


def _same_tone(name: str) -> dict[str, str]:
    """``字<TAB>同音同调的字`` lines of a data file."""
    out: dict[str, str] = {}
    for line in read_list(name):
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 1:
            out[parts[0]] = out.get(parts[0], "") + parts[1]
    return out


def _confusables(ch: str, common: frozenset, same: dict | None = None) -> tuple[str, str]:
    """The common characters that sound like ch (same syllable; with ``same``, only those
    it lists as read with the same tone too) or look like it; and, with ``same``, the
    common characters of the same syllable in another tone."""
    by_syl, readings, looks = _syllables()
    sound = set()
    for syl in readings.get(ch, ()):
        sound.update(by_syl[syl])
    other = set()
    if same is not None:
        other = sound - set(same.get(ch, ""))
        sound -= other
    out = set(looks.get(ch, ())) | sound
    out.discard(ch)
    other -= out
    other.discard(ch)
    return "".join(sorted(c for c in out if c in common)), "".join(sorted(c for c in other if c in common))


# Two characters as one number: the 8 bytes of their UTF-32 in the machine's order, read as
# an unsigned 64-bit integer -- so a whole text's pairs come out of one encode() and two
# memoryview casts, with no string made for each pair.
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def _pair_numbers(t: str, first: int) -> list[int]:
    """The numbers of the pairs t[first:first + 2], t[first + 2:first + 4], …"""
    u = memoryview(t.encode(_UTF32))[4 * first:]
    return u[:len(u) // 8 * 8].cast("Q").tolist()


def _joints(min_freq: int, tones: str = "") -> "_Joints":
    """The codes of the sift below for two Han characters: ord("1") when they stand
    together inside some dictionary word, ord("2") when they are a dictionary word."""
    got = _JOINTS.get((min_freq, tones))
    if got is None:
        from ..segment import cached

        # kept on disk beside the index it is made of (~100,000 pairs: ~30 ms of a start)
        path = _index_path(min_freq, tones)
        def make() -> dict:
            try:  # (the format before: of no use any more)
                path.with_name(path.name.replace("-packed6.", "-joints1.")).unlink(missing_ok=True)
            except OSError:
                pass
            return _make_joints(min_freq, tones)

        got = cached(path.with_name(path.name.replace("-packed6.", "-joints2.")), make,
                     pack=_pack_joints, unpack=_unpack_joints)
        _JOINTS[(min_freq, tones)] = got
    return got


def _make_joints(min_freq: int, tones: str) -> dict[int, int]:
    pairs, words2 = dictionary_index(min_freq, tones)[3:5]
    inside = [a + b for a, bs in pairs.items() for b in bs]
    words = [a + b for a, bs in words2.items() for b in bs]
    got = dict.fromkeys(_pair_numbers("".join(inside), 0), 49)
    got.update(dict.fromkeys(_pair_numbers("".join(words), 0), 50))
    return got


def _pack_joints(joints: dict[int, int]) -> tuple:
    """The numbers coded "1", then those coded "2", as the bytes of 64-bit arrays; and the
    same pairs by their first character: those characters, the second characters of each
    one's pairs one after another, their codes, and where each one's end (_Joints)."""
    from array import array

    little = sys.byteorder == "little"  # (_pair_numbers: the first character in the low half there)
    by_first: dict = {}
    for k, v in joints.items():
        a, b = (k & 0xFFFFFFFF, k >> 32) if little else (k >> 32, k & 0xFFFFFFFF)
        by_first.setdefault(chr(a), []).append((chr(b), v))
    seconds, codes, ends = [], bytearray(), array("q")
    for pairs in by_first.values():
        seconds += (b for b, _ in pairs)
        codes += bytes(v for _, v in pairs)
        ends.append(len(codes))
    return (*(array("Q", [k for k, v in joints.items() if v == code]).tobytes() for code in (49, 50)),
            "".join(by_first), "".join(seconds), bytes(codes), ends.tobytes())


def _unpack_joints(packed) -> "_Joints":
    if not (isinstance(packed, tuple) and len(packed) == 6
            and all(isinstance(x, bytes) and len(x) % 8 == 0 for x in (packed[0], packed[1], packed[5]))
            and isinstance(packed[2], str) and isinstance(packed[3], str) and isinstance(packed[4], bytes)
            and len(packed[3]) == len(packed[4]) == (len(packed[0]) + len(packed[1])) // 8
            and len(packed[5]) == 8 * len(packed[2])):
        raise ValueError("not packed joints")
    return _Joints(packed)


_SHORT_PAIRS = 10_000  # pairs of a sift looked up by their first character, up to this many


class _Joints:
    """_make_joints()'s codes, as _pack_joints() keeps them.  A short text (a 10k draft's
    sift, an edit's lines) looks its pairs up by their first character: a search among that
    character's second ones -- making the dict of all ~100,000 pairs was ~15 ms of a first
    review.  A long text (a draft of 20,000 characters or more) makes the dict, once, and
    every sift after uses it."""

    __slots__ = ("_packed", "_index", "_dict", "_packed_numbers")

    def __init__(self, packed: tuple):
        from array import array

        ends = array("q")
        ends.frombytes(packed[5])
        self._packed = (packed[3], packed[4], [0] + ends.tolist())
        self._index = dict(zip(packed[2], range(len(packed[2]))))
        self._dict = None
        self._packed_numbers = packed[:2]

    def whole(self) -> dict[int, int]:
        """{pair number: code} of all of them (as _make_joints made it)."""
        got = self._dict
        if got is None:
            inside, words = self._packed_numbers
            got = dict.fromkeys(memoryview(inside).cast("Q").tolist(), 49)
            got.update(dict.fromkeys(memoryview(words).cast("Q").tolist(), 50))
            self._dict = got
        return got

    def codes(self, t: str, first: int) -> bytes:
        """The codes of the pairs t[first:first + 2], t[first + 2:first + 4], … (ord("0") for
        a pair in no dictionary word)."""
        if self._dict is not None or len(t) > 2 * _SHORT_PAIRS:
            return bytes(map(self.whole().get, _pair_numbers(t, first), repeat(48)))
        seconds, codes, ends = self._packed
        index = self._index.get
        find = seconds.find
        out = bytearray()
        for i in range(first, len(t) - 1, 2):
            k = index(t[i])
            j = -1 if k is None else find(t[i + 1], ends[k], ends[k + 1])
            out.append(48 if j < 0 else codes[j])
        return bytes(out)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Joints) and self.whole() == other.whole()


# The sift runs over bytes: the characters' classes (1: a suspect, 2: another Han character,
# 0: anything else) at even places, between them the code of the pair they make ("0": in no
# dictionary word, "1": inside one, "2": a word).  A suspect is kept when neither pair it is in
# is a word and one of them, with a Han neighbour, is in no word.  (The pattern starts with
# the suspect's byte so that the search skips from one to the next: twice as fast.)
_SIFT = compile_cached(rb"\x01(?:(?<=[\x01\x02]0\x01)(?=[01])|(?<=[01]\x01)(?=0[\x01\x02]))")

_LOGP: dict[str, float] = {}  # word -> log of its relative frequency, as met


def _route(tok, s: str, like: tuple | None = None, last: int = -1) -> tuple[float, list[int], tuple]:
    """jieba's best route through s (no HMM): its log-probability, the word ends and the
    tables of the calculation (best score from each place on, the end of its first word).

    The same route as jieba's get_DAG() + calc() -- the same words (a single character
    only when it is a word or nothing longer is), the same scores, ties to the longer
    word -- in one pass with the logarithms kept: about twice as fast.  With ``like``, the
    tables of a text that differs from s at ``last`` and before only: what comes after
    ``last`` is the same, so only the places up to it are worked out again."""
    freq = tok.FREQ
    logp = _LOGP
    if logp.get("") != tok.total:
        logp.clear()
        logp[""] = tok.total
    logt = math.log(tok.total)
    n = len(s)
    if like is None:
        best = [0.0] * (n + 1)
        nxt = [0] * n
        last = n - 1
    else:
        best = like[0][:]
        nxt = like[1][:]
    for k in range(last, -1, -1):
        score, end = 0.0, 0
        i = k + 1
        frag = s[k]
        f = freq.get(frag)
        while f is not None:
            if f:
                lp = logp.get(frag)
                if lp is None:
                    lp = logp[frag] = math.log(f) - logt
                v = lp + best[i]
                if not end or v >= score:
                    score, end = v, i
            if i >= n:
                break
            i += 1
            frag = s[k:i]
            f = freq.get(frag)
        if not end:  # no word starts here: the character alone, counted once
            score, end = best[k + 1] - logt, k + 1
        best[k] = score
        nxt[k] = end
    ends, x = [], 0
    while x < n:
        x = nxt[x]
        ends.append(x)
    return best[0], ends, (best, nxt)


def _reduplicated(s: str, i: int) -> bool:
    """The character at i is a verb said the first time of two around 了 or 一 (聊了聊, 看一看): the
    verb it is, whatever word a confusable would make with the character before (村医|聊了聊: no
    医疗).  Its second time is judged as any character: a slip is said twice too (来偿一偿)."""
    c = s[i]
    return s[i + 1:i + 3] in (f"了{c}", f"一{c}")


class ConfusionRule(Rule):
    KEYS = {"min_freq", "min_gain", "other_tone_gain", "min_run", "near", "free_chars", "known", "tones",
            "exceptions"}
    needs_jieba = True

    def setup(self, spec):
        try:
            self.min_freq = int(spec.get("min_freq", 300))
            self.min_gain = float(spec.get("min_gain", 10.0))
            self.other_gain = float(spec.get("other_tone_gain", 0))
            self.min_run = int(spec.get("min_run", 6))
            self.near = int(spec.get("near", 4))
        except (TypeError, ValueError) as e:
            raise RuleLoadError(self.source, f"数值设置有误：{e}", self.id, "min_gain") from e
        if self.min_freq < 10 or self.min_gain <= 0 or self.min_run < 2 or self.near < 0:
            raise RuleLoadError(self.source, "min_freq ≥ 10、min_gain > 0、min_run ≥ 2、near ≥ 0", self.id, "min_gain")
        free = spec.get("free_chars", "")
        if not isinstance(free, str):
            raise RuleLoadError(self.source, "free_chars 必须是一串汉字", self.id, "free_chars")
        self.free = frozenset(free)
        self.known = self._lexicon_files(spec, "known")
        self.tones = spec.get("tones", "")
        if not isinstance(self.tones, str):
            raise RuleLoadError(self.source, f"数据文件“{self.tones}”不在 resources/lexicon 中", self.id, "tones")
        self._lexicon_files(spec, "tones")  # (one name, or none)
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))
        self._known_rx = None
        self._suspect_set = None
        self._classes = None
        self._margin = None
        self._allowed: dict[str, frozenset] = {}
        self._runs = None
        self._memo: dict[str, tuple] = {}
        self._family = (self.min_freq, self.tones, self.min_run, self.near, self.free, tuple(self.known))
        with _lock:
            _FAMILIES.setdefault(self._family, weakref.WeakSet()).add(self)

    # -- the model ---------------------------------------------------------------------

    def _known(self):
        if self._known_rx is None:
            words = sorted(sorted({w for name in self.known for w in read_list(name) if _RUN.fullmatch(w)}),
                           key=len, reverse=True)  # (sorted first: the same pattern in every process)
            self._known_rx = compile_cached("|".join(map(re.escape, words))) if words else False
        return self._known_rx

    def _tables(self) -> tuple[dict, dict, dict]:
        """The dictionary index, the confusables and (with ``other_tone_gain``) the homophones
        in another tone."""
        index, confusion, weak = dictionary_index(self.min_freq, self.tones)[:3]
        return index, confusion, weak if self.other_gain else {}

    def sift(self, t: str) -> list[int]:
        """The places in t of the characters worth a look, found without jieba: a suspect
        (a character with a confusable, not a free one) that makes a two-character dictionary
        word with neither neighbour and stands in no dictionary word with at least one Han
        neighbour (a slip makes odd pairs on both sides; a character that makes a word with a
        neighbour is seldom left alone by the route).  Any text: stretches of Han characters
        are judged alike wherever they stand, so many can be sifted at once, joined by
        line breaks."""
        n = len(t)
        if n < 2:
            return []
        classes = self._classes
        if classes is None:
            # str.translate to one byte a character: Han characters to 1 or 2; 1 and 2
            # themselves to 0; the rest stays or becomes "?" -- anything but 1 and 2.
            classes = dict.fromkeys(range(0x4E00, 0xA000), "\x02")
            classes.update(dict.fromkeys(map(ord, self._suspects(*self._tables()[1:])), "\x01"))
            classes[1] = classes[2] = "\x00"
            self._classes = classes
        joints = _joints(self.min_freq, self.tones)
        y = bytearray(2 * n + 3)
        y[1] = y[2 * n + 1] = 48  # no word joins the text to what lies outside it
        y[2:2 * n + 1:2] = t.translate(classes).encode("latin-1", "replace")
        y[3:2 * n:4] = joints.codes(t, 0)   # pairs at 0, 2, 4 …
        y[5:2 * n:4] = joints.codes(t, 1)   # pairs at 1, 3, 5 …
        return [(m.start() - 2) >> 1 for m in _SIFT.finditer(y)]

    def _suspects(self, confusion, weak) -> frozenset:
        """The characters worth a look: those with a confusable, less the free ones."""
        got = self._suspect_set
        if got is None:
            got = self._suspect_set = frozenset(confusion).union(weak).difference(self.free)
        return got

    @staticmethod
    def _fill(s: str, i: int, index: dict, allowed: frozenset) -> str:
        """The confusables of s[i] (``allowed``) that make a frequent word with its
        neighbours, in a fixed order (ties go to the first)."""
        n = len(s)
        fill = set()
        for length in (2, 3, 4):
            for a in range(max(0, i - length + 1), min(i, n - length) + 1):
                got = index.get(s[a:i] + "?" + s[i + 1:a + length])
                if got and not allowed.isdisjoint(got):
                    fill.update(allowed.intersection(got))
        return "".join(sorted(fill))

    @staticmethod
    def _fits(s: str, i: int, index: dict, allowed: frozenset) -> bool:
        """Whether _fill() has anything: the windows of 2-4 characters around s[i] (near
        the ends of s a shorter one comes twice; harmless) tried, the short ones first."""
        a = s[i - 3 if i >= 3 else 0:i]
        b = s[i + 1:i + 4]
        l1, l2, r1, r2 = a[-1:], a[-2:], b[:1], b[:2]
        for key in (l1 + "?", "?" + r1, l2 + "?", l1 + "?" + r1, "?" + r2,
                    a + "?", l2 + "?" + r1, l1 + "?" + r2, "?" + b):
            got = index.get(key)
            if got and not allowed.isdisjoint(got):
                return True
        return False

    def _allowed_for(self, ch: str, confusion: dict, weak: dict) -> frozenset:
        got = self._allowed.get(ch)
        if got is None:
            got = self._allowed[ch] = frozenset(confusion.get(ch, "") + weak.get(ch, ""))
        return got

    def check_run(self, s: str) -> tuple:
        """(start, end, suggestion) of each slip in one stretch of Han characters."""
        donor = self._donor()
        got = donor._memo.get(s)
        if got is None:
            got = donor._remember(s, donor._check(s))
        return tuple((a, b, w) for a, b, w, *_ in self._clearing(got, donor))

    def _donor(self) -> "ConfusionRule":
        """The rule of this model with the lowest margins not above this one's (itself, most
        often): what it finds holds all this rule finds."""
        best = self
        for r in tuple(_FAMILIES.get(self._family, ())):
            if (r is not best and r.min_gain <= self.min_gain and r.other_gain <= self.other_gain
                    and (r.min_gain, r.other_gain) < (best.min_gain, best.other_gain)):
                best = r
        return best

    def _clearing(self, found: tuple, donor) -> tuple:
        """The slips of ``found`` (a donor's) whose gain clears this rule's own margins."""
        if donor is self or not found:
            return found
        return tuple(f for f in found if f[3] > (self.other_gain if f[4] else self.min_gain))

    def _remember(self, s: str, got: tuple) -> tuple:
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[s] = got
        return got

    def _judge(self, fresh: list) -> None:
        """Judge stretches not seen before: sifted all at once, and only those with a
        character the sift keeps that has a confusable to fit are looked at one by one (the
        windows tried by _fits() that cross a line break match nothing)."""
        joined = "\n".join(fresh)
        starts = list(accumulate((len(s) + 1 for s in fresh[:-1]), initial=0))
        keep: dict[int, list] = {}
        index, confusion, weak = self._tables()
        fits, allowed = self._fits, self._allowed_for
        for i in self.sift(joined):
            if not fits(joined, i, index, allowed(joined[i], confusion, weak)):
                continue
            k = bisect_right(starts, i) - 1
            keep.setdefault(k, []).append(i - starts[k])
        memo = self._memo
        if len(memo) + len(fresh) > 200_000:
            memo.clear()
        memo.update(dict.fromkeys(fresh, ()))
        for k, candidates in keep.items():
            memo[fresh[k]] = self._check(fresh[k], candidates)

    def _check(self, s: str, candidates: list | None = None) -> tuple:
        # First, without jieba: the characters the sift keeps (``candidates`` when they are
        # known) that have a confusable that makes a frequent word with their neighbours.
        if candidates is None:
            candidates = self.sift(s)
        if not candidates:
            return ()
        index, confusion, weak = self._tables()
        covered = set()
        rx = self._known()
        if rx:
            for m in rx.finditer(s):
                covered.update(range(m.start(), m.end()))
        odd = set()
        for i in candidates:
            if i in covered or _reduplicated(s, i):
                continue
            if self._fits(s, i, index, self._allowed_for(s[i], confusion, weak)):
                odd.add(i)
        if not odd:
            return ()
        from ..segment import tokenizer

        tok = tokenizer()
        found: list = []
        for a, b in self._pieces(tok, s, odd):
            self._slips(tok, s[a:b], {i - a for i in odd if a <= i < b}, found, a)
        # one finding per stretch of text: the strongest where two overlap
        found.sort(key=lambda x: -x[0])
        out, taken = [], []
        for gain, (a, b), w, other in found:
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            out.append((a, b, w, gain, other))
        return tuple(sorted(out))

    # Stretches longer than this (no punctuation for a page: a pasted text that lost it)
    # are cut into pieces at places no dictionary word spans, far from every candidate, and
    # each piece gets its own routes: the route of a stretch is the routes of such pieces
    # put together, and a route per candidate through a whole long stretch would cost its
    # length times the number of candidates.  (Drafts' stretches are under 100 characters.)
    # A piece grown to 4 × LONG for want of a place far from candidates (a slip in every
    # sentence) is cut at the next such place all the same: a candidate beside that cut is
    # then judged without the words its confusable might make across it.
    # A piece with CROWDED candidates is cut at the next place no word spans even beside a
    # candidate: a slip in every few characters is no sentence but characters in no order (a
    # line inserted against copying, a text decoded with the wrong code page), whose routes
    # cost the piece's length per candidate (a 96,000-character line of them took 12 s).
    # Real text without punctuation has a few candidates per 500 characters.
    LONG = 1000
    CROWDED = 64

    def _pieces(self, tok, s: str, odd: set) -> list[tuple[int, int]]:
        """(start, end) of the pieces of s to route apart: s whole unless it is LONG."""
        n = len(s)
        if n <= self.LONG:
            return [(0, n)]
        freq = tok.FREQ
        margin = self._margin
        if margin is None:
            margin = self._margin = max(max(map(len, freq)), self.near + 1)
        marks = sorted(odd)
        out, begin, reach = [], 0, 0
        for k in range(n):
            if reach <= k and k - begin >= self.LONG // 2:
                m = bisect_right(marks, k - margin)  # the first candidate past k - margin
                if (m == len(marks) or marks[m] >= k + margin or k - begin >= 4 * self.LONG
                        or m - bisect_left(marks, begin) >= self.CROWDED):
                    out.append((begin, k))
                    begin = k
            j = k + 2
            frag = s[k:j]
            f = freq.get(frag) if j <= n else None
            while f is not None:
                if f and j > reach:
                    reach = j
                if j >= n:
                    break
                j += 1
                frag = s[k:j]
                f = freq.get(frag)
        out.append((begin, n))
        return out

    def _slips(self, tok, s: str, odd: set, found: list, offset: int) -> None:
        """Add to found (gain, (start, end), word, another tone) of each candidate slip in s, a
        stretch or a piece of one starting at ``offset``."""
        index, confusion, weak = self._tables()
        min_freq, free, near = self.min_freq, self.free, self.near
        freq = tok.FREQ
        base, ends, tables = _route(tok, s)
        start = 0
        for end in ends:
            i = start
            start = end
            if end - i != 1 or i not in odd:
                continue
            conf = confusion.get(s[i], "")
            other = weak.get(s[i], "")
            fill = self._fill(s, i, index, self._allowed_for(s[i], confusion, weak))
            best = None
            for c in fill:
                if c in conf:
                    need = self.min_gain
                elif c in other:
                    need = self.other_gain  # a homophone in another tone: a wider margin
                else:
                    continue
                s2 = s[:i] + c + s[i + 1:]
                gain_base, ends2, _ = _route(tok, s2, tables, i)
                gain = gain_base - base
                if gain <= need or (best is not None and gain <= best[0]):
                    continue
                # the word the new character sits in, and what is left around it
                a = 0
                word = None
                lone = False
                for b in ends2:
                    if a <= i < b:
                        word = (a, b)
                    elif b - a == 1 and i - near <= a < i + near + 1 and s2[a] not in free:
                        lone = True
                        break
                    a = b
                if lone or word is None or word[1] - word[0] < 2 or freq.get(s2[word[0]:word[1]], 0) < min_freq:
                    continue
                best = (gain, (word[0] + offset, word[1] + offset), s2[word[0]:word[1]], c not in conf)
            if best is not None:
                found.append(best)

    # -- the rule ----------------------------------------------------------------------

    def _hits(self, ctx, lo, hi):
        text = ctx.text
        rx = self._runs
        if rx is None:
            rx = self._runs = compile_cached(f"[\u4e00-\u9fff]{{{self.min_run},}}")
        # Most stretches recur and most have nothing: look at each distinct one once and
        # find the places of those that have something.
        # The stretches and their places are found once per review for the rules of one
        # model (confusable-char and confusable-sure): ctx.cached.
        donor = self._donor()
        memo = donor._memo
        cached = getattr(ctx, "cached", None)
        key = ("confusion-runs", self.min_run, lo, hi)
        distinct = (cached(key, lambda: set(rx.findall(text, lo, hi))) if cached is not None
                    else set(rx.findall(text, lo, hi)))
        fresh = [s for s in distinct if s not in memo]
        if fresh:
            donor._judge(fresh)
        clearing = self._clearing
        # (a stretch the memo lost meanwhile, when it was cleared, is looked at again below)
        flagged = {s for s in distinct if s not in memo or clearing(memo[s], donor)}
        if not flagged:
            return
        covers = self.exceptions.covers
        for base, run in self._places(text, lo, hi, flagged):
            found = memo.get(run)
            found = self._clearing(found, donor) if found is not None else self.check_run(run)
            for a, b, w, *_ in found:
                s, e = base + a, base + b
                if covers(text, s, e):
                    continue
                if (s and text[s - 1] in "、·") or text[e:e + 1] in ("、", "·"):
                    continue  # an item of a list of names (泰达、津融等), a foreign name (古斯塔夫·哈格隆德)
                if (s >= 3 and text[s - 1] in surnames() and text[s - 1] not in _NOT_SURNAME
                        and _OFFICE_END.search(text, s - 4, s - 1)):
                    continue  # a person's given name after the office and the surname (副市长阎青鹤)
                yield s, e, {"suggestion": w}

    @staticmethod
    def _places(text: str, lo: int, hi: int, runs: set) -> list[tuple[int, str]]:
        """(start, stretch) of every place in text[lo:hi] where one of ``runs`` (whole
        stretches of Han characters) stands as a whole stretch, in order: a find() per
        stretch flagged -- a few on a draft -- not a list of the ~56,000 stretches of a
        1M-character text (that list cost 20 ms of a fresh review once anything was flagged)."""
        out = []
        for run in runs:
            n = len(run)
            i = text.find(run, lo, hi)
            while i >= 0:
                j = i + n
                if ((i == lo or not "\u4e00" <= text[i - 1] <= "\u9fff")
                        and (j == hi or not "\u4e00" <= text[j] <= "\u9fff")):
                    out.append((i, run))
                    i = text.find(run, j, hi)
                else:
                    i = text.find(run, i + 1, hi)
        out.sort()
        return out

    def scan(self, ctx):
        return self._hits(ctx, 0, len(ctx.text))

    # Line-local (core/incremental.py): a stretch of Han characters never holds a line
    # break, and what is found in it depends on the stretch alone.
    whole_text_range = True

    def line_reach(self):
        if type(self) is not ConfusionRule or self.user:
            return None
        return self.exceptions.line_reach()

    def scan_range(self, ctx, start, end, stop):
        return [(0, *hit) for hit in self._hits(ctx, start, end)], []
