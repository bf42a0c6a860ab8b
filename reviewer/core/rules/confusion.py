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
characters are sifted without jieba: one needs a neighbour with which it stands in no
dictionary word (a slip makes an odd pair) and a confusable that makes a frequent word
with its neighbours; a stretch with no such character has nothing to look at, and jieba
is not even loaded for it.  jieba's route is then computed once per stretch left and once
per candidate.  The dictionary index (the words with a character left out, the
confusables, the pairs) is built on first use from jieba's dict.txt and cached on disk
next to jieba's trimmed dictionary.
"""
from __future__ import annotations

import marshal
import math
import re
import threading

from .kinds import Rule, _Exceptions, _str_list
from .lexicon_data import _lock as _data_lock, lexicon_dir, read_list
from ..yamlfile import RuleLoadError

_RUN = re.compile(r"[\u4e00-\u9fff]+")
_lock = threading.Lock()
_INDEX: dict = {}          # (min_freq, tones) -> _build_index()
_SYL: list = []            # [(syllable -> characters), character -> syllables, look-alikes]
# Characters that count as "common" (candidates for a correction): they occur in
# dictionary words of this total count.
COMMON_MIN = 200


def _jieba_version() -> str:
    """jieba's version, read from its package's source without importing it (and without
    importlib.metadata, which scans every installed package: 40 ms): the index is found
    without loading jieba, so a draft with nothing odd never loads it."""
    try:
        from importlib.util import find_spec

        spec = find_spec("jieba")
        with open(spec.origin, encoding="utf-8") as fh:
            m = re.search(r"""__version__\s*=\s*['"]([^'"]+)""", fh.read(4000))
        if m:
            return m.group(1)
    except (OSError, AttributeError, TypeError, ValueError, ImportError):
        pass
    from ..segment import import_jieba  # a frozen app: no source to read

    return import_jieba().__version__


def _index_path(min_freq: int, tones: str = ""):
    from ..segment import cache_dir

    stem = "".join(c for c in tones.rsplit(".", 1)[0] if c.isalnum())
    return cache_dir() / f"jieba-{_jieba_version()}-confusion-{min_freq}-{COMMON_MIN}-{stem}-packed4.marshal"


def _dictionary_words():
    """(word, count) of jieba's dictionary as the reviewer trims it (segment.MIN_FREQ), read
    from jieba's dict.txt without importing jieba; through the loaded tokenizer when the
    file cannot be found (a frozen app)."""
    from ..segment import MIN_FREQ

    try:
        from importlib.util import find_spec
        from pathlib import Path

        path = Path(find_spec("jieba").origin).with_name("dict.txt")
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, AttributeError, TypeError, ValueError, ImportError):
        from ..segment import tokenizer

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
    {character: the characters that follow it inside some dictionary word}."""
    index: dict[str, str] = {}
    weight: dict[str, int] = {}
    pairs: dict[str, set] = {}
    for w, f in _dictionary_words():
        if not f or not _RUN.fullmatch(w):
            continue
        for k in range(len(w) - 1):
            pairs.setdefault(w[k], set()).add(w[k + 1])
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
    return index, conf, weak, {c: "".join(sorted(v)) for c, v in pairs.items()}


# On disk each dict is two "\n"-joined strings, keys and values: splitting and zipping them
# is four times faster than unmarshalling the dicts (8 against 36 ms).
def _pack(*dicts: dict) -> tuple:
    return tuple("\n".join(x) for d in dicts for x in (d, d.values()))


def _unpack(packed) -> tuple[dict, ...]:
    if not (isinstance(packed, tuple) and len(packed) == 8 and all(isinstance(x, str) for x in packed)):
        raise ValueError("not a packed index")
    parts = [x.split("\n") if x else [] for x in packed]
    if any(len(parts[k]) != len(parts[k + 1]) for k in (0, 2, 4, 6)):
        raise ValueError("keys and values differ in number")
    return tuple(dict(zip(parts[k], parts[k + 1])) for k in (0, 2, 4, 6))


def dictionary_index(min_freq: int, tones: str = "") -> tuple[dict, ...]:
    """The index of _build_index(), from the disk cache when it is there."""
    got = _INDEX.get((min_freq, tones))
    if got is None:
        with _lock:
            got = _INDEX.get((min_freq, tones))
            if got is None:
                path = _index_path(min_freq, tones)
                try:
                    with open(path, "rb") as fh:
                        got = _unpack(marshal.load(fh))
                except (OSError, EOFError, ValueError, TypeError):
                    got = _build_index(min_freq, tones)
                    from ..segment import save_dictionary

                    save_dictionary(_pack(*got), path)
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


_LOGP: dict[str, float] = {}  # word -> log of its relative frequency, as met


def _route(tok, s: str) -> tuple[float, list[int]]:
    """jieba's best route through s (no HMM): its log-probability and the word ends.

    The same route as jieba's get_DAG() + calc() -- the same words (a single character
    only when it is a word or nothing longer is), the same scores, ties to the longer
    word -- in one pass with the logarithms kept: about twice as fast."""
    freq = tok.FREQ
    logp = _LOGP
    if logp.get("") != tok.total:
        logp.clear()
        logp[""] = tok.total
    logt = math.log(tok.total)
    n = len(s)
    best = [0.0] * (n + 1)
    nxt = [0] * n
    for k in range(n - 1, -1, -1):
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
    return best[0], ends


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
        self.known = _str_list(spec, "known")
        for name in self.known:
            if not (lexicon_dir() / name).is_file():
                raise RuleLoadError(self.source, f"数据文件“{name}”不在 resources/lexicon 中", self.id, "known")
        self.tones = spec.get("tones", "")
        if not isinstance(self.tones, str) or (self.tones and not (lexicon_dir() / self.tones).is_file()):
            raise RuleLoadError(self.source, f"数据文件“{self.tones}”不在 resources/lexicon 中", self.id, "tones")
        self.exceptions = _Exceptions(_str_list(spec, "exceptions"))
        self._known_rx = None
        self._suspect_set = None
        self._runs = None
        self._memo: dict[str, tuple] = {}

    # -- the model ---------------------------------------------------------------------

    def _known(self):
        if self._known_rx is None:
            words = sorted({w for name in self.known for w in read_list(name) if _RUN.fullmatch(w)},
                           key=len, reverse=True)
            self._known_rx = re.compile("|".join(map(re.escape, words))) if words else False
        return self._known_rx

    def _suspects(self, confusion, weak) -> frozenset:
        """The characters worth a look: those with a confusable, less the free ones."""
        got = self._suspect_set
        if got is None:
            got = self._suspect_set = frozenset(confusion).union(weak).difference(self.free)
        return got

    @staticmethod
    def _fill(s: str, i: int, index: dict, conf: str, other: str, first: bool = False) -> str:
        """The confusables of s[i] that make a frequent word with its neighbours, in a fixed
        order (ties go to the first); with ``first``, stop at the first one."""
        n = len(s)
        fill = set()
        for length in (2, 3, 4):
            for a in range(max(0, i - length + 1), min(i, n - length) + 1):
                got = index.get(s[a:i] + "?" + s[i + 1:a + length])
                if got:
                    for c in got:
                        if c in conf or c in other:
                            if first:
                                return c
                            fill.add(c)
        return "".join(sorted(fill))

    def check_run(self, s: str) -> tuple:
        """(start, end, suggestion) of each slip in one stretch of Han characters."""
        got = self._memo.get(s)
        if got is None:
            got = self._check(s)
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[s] = got
        return got

    def _check(self, s: str) -> tuple:
        index, confusion, weak, pairs = dictionary_index(self.min_freq, self.tones)
        if not self.other_gain:
            weak = {}
        min_freq, free, near = self.min_freq, self.free, self.near
        covered = set()
        rx = self._known()
        if rx:
            for m in rx.finditer(s):
                covered.update(range(m.start(), m.end()))
        n = len(s)
        # First, without jieba: the characters that are odd on at least one side (the pair
        # they make with a neighbour is inside no dictionary word) and have a confusable
        # that makes a frequent word with their neighbours.
        odd = set()
        suspects = self._suspects(confusion, weak)
        last = n - 1
        for i, ch in enumerate(s):
            if ch not in suspects or i in covered:
                continue
            if (i == 0 or ch in pairs.get(s[i - 1], "")) and (i == last or s[i + 1] in pairs.get(ch, "")):
                continue
            if self._fill(s, i, index, confusion.get(ch, ""), weak.get(ch, ""), first=True):
                odd.add(i)
        if not odd:
            return ()
        from ..segment import tokenizer

        tok = tokenizer()
        freq = tok.FREQ
        base, ends = _route(tok, s)
        start = 0
        found = []
        for end in ends:
            i = start
            start = end
            if end - i != 1 or i not in odd:
                continue
            conf = confusion.get(s[i], "")
            other = weak.get(s[i], "")
            fill = self._fill(s, i, index, conf, other)
            best = None
            for c in fill:
                if c in conf:
                    need = self.min_gain
                elif c in other:
                    need = self.other_gain  # a homophone in another tone: a wider margin
                else:
                    continue
                s2 = s[:i] + c + s[i + 1:]
                gain_base, ends2 = _route(tok, s2)
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
                best = (gain, word, s2[word[0]:word[1]])
            if best is not None:
                found.append(best)
        # one finding per stretch of text: the strongest where two overlap
        found.sort(key=lambda x: -x[0])
        out, taken = [], []
        for gain, (a, b), w in found:
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            out.append((a, b, w))
        return tuple(sorted(out))

    # -- the rule ----------------------------------------------------------------------

    def _hits(self, ctx, lo, hi):
        text = ctx.text
        rx = self._runs
        if rx is None:
            rx = self._runs = re.compile(f"[\u4e00-\u9fff]{{{self.min_run},}}")
        # Most stretches recur and most have nothing: look at each distinct one once and
        # find the places of those that have something.
        memo = self._memo
        flagged = set()
        for s in set(rx.findall(text, lo, hi)):
            got = memo.get(s)
            if got is None:
                got = self.check_run(s)
            if got:
                flagged.add(s)
        if not flagged:
            return
        covers = self.exceptions.covers
        for m in rx.finditer(text, lo, hi):
            if m.group() not in flagged:
                continue
            found = memo.get(m.group()) or self.check_run(m.group())
            base = m.start()
            for a, b, w in found:
                s, e = base + a, base + b
                if covers(text, s, e):
                    continue
                yield s, e, {"suggestion": w}

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
