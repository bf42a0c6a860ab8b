"""jieba, loaded only when a rule needs context that a regex cannot decide.

Rules never segment the whole text: they ask whether a candidate span sits on
word boundaries inside a small window around it.
"""
from __future__ import annotations

import functools
import logging
import marshal
import os
import sys
import threading
import time
from array import array
from math import log
from pathlib import Path

# reentrant: jieba made from the tokenizer (_real) reads the whole dictionary (_Freq.whole),
# which takes this lock too
_lock = threading.RLock()
_tokenizer = None
stats = {"init_seconds": 0.0, "cut_seconds": 0.0, "calls": 0}


# Words rarer than this are left out of the dictionary: they almost never decide a
# boundary next to a measure word, and the full dictionary takes over a second to load.
MIN_FREQ = 10


def cache_dir() -> Path:
    """The user's cache folder (REVIEWER_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache)."""
    from .. import paths

    return paths.user_folder("REVIEWER_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def _build_dictionary(tok) -> tuple[dict, int]:
    freq: dict[str, int] = {}
    total = 0
    with tok.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) < MIN_FREQ:
                continue
            word, n = parts[0], int(parts[1])
            freq[word] = n
            total += n
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
    return freq, total


_import_lock = threading.Lock()


def import_jieba():
    """``import jieba`` without its scan of the installed packages: jieba._compat imports
    pkg_resources (0.1-0.2 s) only to open its own dictionary file, and opens it directly
    when pkg_resources cannot be imported.  (We read the dictionary once to build our
    cached copy; jieba's other data are Python modules.)"""
    import sys

    mod = sys.modules.get("jieba")
    if mod is not None:
        return mod
    with _import_lock:
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # "import pkg_resources" raises ImportError
        try:
            import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    return jieba


def dictionary_name() -> str:
    return f"jieba-{jieba_version()}-min{MIN_FREQ}-packed3.marshal"


# The dictionary on disk: its words by first character (jieba's dictionary lists them so:
# each character's words one after another), each character's words "\n"-joined and
# their counts as an array.  A short draft asks about the words of a few hundred
# characters: those are made into dicts as they are asked for (_Freq), and the whole
# dictionary only for a long draft (making a dict of all 135,000 words took ~25 ms of
# every start).  The file holds four blobs -- the first characters, all the words as
# UTF-16, all the counts, where each character's words and counts end -- and a
# character's words become a string when asked for (_Packed): unmarshalling ~8,800
# strings, one for each character, was ~10 ms of every start.  (The formats before:
# ``packed``, one string for all; ``packed2``, a string for each character.)
_UNITS = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def _pack(data: tuple[dict, int]) -> tuple:
    freq, total = data
    buckets: dict[str, list] = {}
    for word, n in freq.items():
        got = buckets.get(word[0])
        if got is None:
            got = buckets[word[0]] = [[], array("q")]
        got[0].append(word)
        got[1].append(n)
    words, counts, ends = bytearray(), bytearray(), array("q")
    for bucket, numbers in buckets.values():
        words += "\n".join(bucket).encode(_UNITS, "surrogatepass")
        counts += numbers.tobytes()
        ends.extend((len(words), len(counts)))
    return "".join(buckets), bytes(words), bytes(counts), ends.tobytes(), total


class _Packed:
    """first character -> (its words joined by "\n", their counts as bytes): _pack()'s
    blobs, a character's part read out when asked for."""

    __slots__ = ("_index", "_words", "_counts", "_ends")

    def __init__(self, chars: str, words: bytes, counts: bytes, ends: list):
        self._index = dict(zip(chars, range(len(chars))))
        self._words, self._counts, self._ends = words, counts, ends

    def _part(self, k: int) -> tuple[str, bytes]:
        ends = self._ends
        w0, c0 = (ends[2 * k - 2], ends[2 * k - 1]) if k else (0, 0)
        return self._words[w0:ends[2 * k]].decode(_UNITS, "surrogatepass"), self._counts[c0:ends[2 * k + 1]]

    def get(self, c, default=None):
        k = self._index.get(c)
        return default if k is None else self._part(k)

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def items(self):
        return ((c, self._part(k)) for c, k in self._index.items())


def _unpack(packed) -> tuple[_Packed, int]:
    if not (isinstance(packed, tuple) and len(packed) == 5):
        raise ValueError("not a packed dictionary")
    chars, words, counts, ends, total = packed
    if not (isinstance(chars, str) and isinstance(words, bytes) and isinstance(counts, bytes)
            and isinstance(ends, bytes) and isinstance(total, int) and len(ends) == 16 * len(chars)):
        raise ValueError("not a packed dictionary")
    numbers = array("q")
    numbers.frombytes(ends)
    ends = numbers.tolist()
    wends, cends = ends[0::2], ends[1::2]
    if (len(set(chars)) != len(chars) or wends != sorted(wends) or cends != sorted(cends)
            or (ends and (ends[-2] != len(words) or ends[-1] != len(counts))) or any(n % 8 for n in cends)):
        raise ValueError("not a packed dictionary")
    return _Packed(chars, words, counts, ends), total


def _bucket_dict(raw) -> dict:
    words, counts = raw
    numbers = array("q")
    numbers.frombytes(counts)
    return dict(zip(words.split("\n"), numbers))


class _Freq:
    """jieba's FREQ (word -> count, the prefixes of words with 0) read as the words are
    asked for: a first character's words become a dict when a word of it is asked about.
    After _WHOLE questions (a long draft) the tokenizer's FREQ becomes one plain dict of
    them all, in the dictionary's order; asked for all of it (items(), len()) at once."""

    __slots__ = ("_raw", "_made", "_asked", "_owner", "_whole")

    def __init__(self, buckets: dict, owner):
        self._raw, self._made, self._asked, self._owner, self._whole = buckets, {}, 0, owner, None

    def _of(self, word):
        self._asked += 1
        if self._asked > _WHOLE and self._owner.FREQ is self:
            self._owner.FREQ = self.whole()
        if not isinstance(word, str) or not word:
            return _NO_WORDS
        c = word[0]
        got = self._made.get(c)
        if got is None:
            raw = self._raw.get(c)
            got = self._made[c] = _bucket_dict(raw) if raw is not None else _NO_WORDS
        return got

    def get(self, word, default=None):
        return self._of(word).get(word, default)

    def __contains__(self, word) -> bool:
        return word in self._of(word)

    def __getitem__(self, word):
        return self._of(word)[word]

    def whole(self) -> dict:
        if self._whole is None:
            with _lock:
                if self._whole is None:
                    made = self._made
                    out: dict = {}
                    for c, raw in self._raw.items():
                        got = made.get(c)
                        out.update(got if got is not None else _bucket_dict(raw))
                    self._whole = out
        return self._whole

    def __iter__(self):
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    def items(self):
        return self.whole().items()

    def keys(self):
        return self.whole().keys()

    def values(self):
        return self.whole().values()


_NO_WORDS: dict = {}
_WHOLE = 50_000  # questions before the whole dictionary is made (a 10k draft asks ~15,000)


def _load_dictionary() -> tuple[dict, int]:
    """(first character -> its packed words, total): _pack()'s, from the bundled copy, the
    cache, or jieba's dictionary file."""
    from .. import paths

    # A bundled copy (the frozen app ships one), then the user's cache, then build it.
    bundled = paths.resources_dir() / "jieba" / dictionary_name()
    try:
        with open(bundled, "rb") as fh:
            return _unpack(marshal.loads(fh.read()))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    def build():
        remove_older_copies(cache_dir())
        return _pack(_build_dictionary(import_jieba().Tokenizer()))

    return cached(cache_dir() / dictionary_name(), build, unpack=_unpack)


def remove_older_copies(folder: Path) -> None:
    """The dictionary is being made for the cache: copies an older version or format left
    there (``…-packed.marshal``, another jieba's, 2 MB each) are of no use any more."""
    import re

    keep = dictionary_name()
    ours = re.compile(r"jieba-[^-]+-min\d+-packed\d*\.marshal")  # not the other caches
    try:
        old = [p for p in folder.glob("jieba-*.marshal") if p.name != keep and ours.fullmatch(p.name)]
    except OSError:
        return
    for path in old:
        try:
            path.unlink()
        except OSError:
            pass


def save_dictionary(data, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump(data, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: build it again next time


@functools.cache
def jieba_version() -> str:
    """jieba's version, read from its package's source without importing it (and without
    importlib.metadata, which scans every installed package: 40 ms), so that a cache named
    by it is found without loading jieba; imported only in a frozen app (no source)."""
    import re

    try:
        from importlib.util import find_spec

        spec = find_spec("jieba")
        with open(spec.origin, encoding="utf-8") as fh:
            m = re.search(r"""__version__\s*=\s*['"]([^'"]+)""", fh.read(4000))
        if m:
            return m.group(1)
    except (OSError, AttributeError, TypeError, ValueError, ImportError):
        pass
    return import_jieba().__version__


def jieba_dictionary_path() -> Path | None:
    """jieba's dict.txt, found without importing jieba, or None (a frozen app)."""
    try:
        from importlib.util import find_spec

        spec = find_spec("jieba")
        path = Path(spec.origin).with_name("dict.txt") if spec and spec.origin else None
    except (AttributeError, TypeError, ValueError, ImportError):
        return None
    return path if path is not None and path.is_file() else None


def open_jieba_dictionary():
    """jieba's dictionary as a binary file: opened directly when it can be found (a draft
    may not need jieba loaded), else through the tokenizer."""
    path = jieba_dictionary_path()
    if path is not None:
        return open(path, "rb")
    return import_jieba().Tokenizer().get_dict_file()


def cached(path: Path, build, pack=None, unpack=None):
    """Data kept in the cache folder at ``path``: what was saved there (through
    ``unpack``), or ``build()``, saved (through ``pack``) for the next run and handed back
    as a later run reads it (through ``pack`` and ``unpack``: the caller gets one form
    either way).  A file that cannot be read or trusted (``unpack`` raises ValueError) is
    built again."""
    try:
        with open(path, "rb") as fh:
            # loads(read()): marshal.load(fh) reads a file object piece by piece
            raw = marshal.loads(fh.read())
        return unpack(raw) if unpack is not None else raw
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    packed = pack(data) if pack is not None else data
    save_dictionary(packed, path)
    return unpack(packed) if unpack is not None else data


class _Tokenizer:
    """jieba's Tokenizer as the rules use it: its dictionary (``FREQ``, ``total``) and the
    best route without HMM (``get_DAG``, ``calc``: jieba 0.42's own code, the same
    answers), without importing jieba (~25 ms of a start, its HMM tables and regexes)
    -- jieba is imported, and a Tokenizer made on this same dictionary, only for anything
    else (``cut``: structure/references.py)."""

    initialized = True

    def __init__(self, freq: dict, total: int):
        self.FREQ, self.total = freq, total
        self._jieba = None

    def check_initialized(self) -> None:
        pass

    def get_DAG(self, sentence):  # noqa: N802 - jieba's name
        freq = self.FREQ
        DAG = {}  # noqa: N806
        N = len(sentence)  # noqa: N806
        for k in range(N):
            tmplist = []
            i = k
            frag = sentence[k]
            while i < N and frag in freq:
                if freq[frag]:
                    tmplist.append(i)
                i += 1
                frag = sentence[k:i + 1]
            if not tmplist:
                tmplist.append(k)
            DAG[k] = tmplist
        return DAG

    def calc(self, sentence, DAG, route):  # noqa: N803 - jieba's names
        get = self.FREQ.get
        N = len(sentence)  # noqa: N806
        route[N] = (0, 0)
        logtotal = log(self.total)
        for idx in range(N - 1, -1, -1):
            route[idx] = max((log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                             for x in DAG[idx])

    def _real(self):
        if self._jieba is None:
            with _lock:
                if self._jieba is None:
                    jieba = import_jieba()
                    jieba.setLogLevel(logging.WARNING)
                    tok = jieba.Tokenizer()
                    freq = self.FREQ
                    tok.FREQ, tok.total = (freq.whole() if isinstance(freq, _Freq) else freq), self.total
                    tok.initialized = True
                    self._jieba = tok
        return self._jieba

    def __getattr__(self, name):  # cut(), lcut() …: jieba's own
        if name.startswith("__") or name == "_jieba":
            raise AttributeError(name)
        return getattr(self._real(), name)


def tokenizer():
    """The shared tokenizer (jieba's dictionary and route: _Tokenizer), made on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                t0 = time.perf_counter()
                buckets, total = _load_dictionary()
                tok = _Tokenizer({}, total)
                tok.FREQ = _Freq(buckets, tok)
                stats["init_seconds"] += time.perf_counter() - t0
                _tokenizer = tok
    return _tokenizer


def build_dictionary_file(path: Path) -> None:
    """Write the trimmed dictionary for bundling (packaging/build.py)."""
    jieba = import_jieba()

    save_dictionary(_pack(_build_dictionary(jieba.Tokenizer())), path)


def is_loaded() -> bool:
    return _tokenizer is not None


def warm_up() -> None:
    """Initialise jieba ahead of time (the GUI calls this on a worker thread)."""
    tokenizer()


# Boundaries (and the route's log-probability) by window text: drafts repeat their phrases,
# and the answer depends on the window's text alone.
_ROUTES: dict[str, tuple[tuple[int, ...], float]] = {}


def _route(sentence: str) -> tuple[tuple[int, ...], float]:
    """Word boundaries (relative offsets, 0 included) of jieba's best route, without HMM,
    and that route's log-probability (jieba's unigram model)."""
    t0 = time.perf_counter()
    out = [0]
    logp = 0.0
    if sentence:
        # jieba's own cut() without HMM is this DAG + best route, minus its regex
        # splitting and generators; boundaries are all we need.
        tok = tokenizer()
        dag = tok.get_DAG(sentence)
        route: dict = {}
        tok.calc(sentence, dag, route)
        logp = route[0][0]
        x, n = 0, len(sentence)
        while x < n:
            x = route[x][1] + 1
            out.append(x)
    stats["cut_seconds"] += time.perf_counter() - t0
    stats["calls"] += 1
    return tuple(out), logp


def _best_route(sentence: str) -> tuple[tuple[int, ...], float]:
    got = _ROUTES.get(sentence)
    if got is None:
        got = _route(sentence)
        if len(_ROUTES) > 50000:
            _ROUTES.clear()
        _ROUTES[sentence] = got
    return got


def boundaries(sentence: str) -> tuple[int, ...]:
    """Word boundaries of jieba's best route (no HMM) in ``sentence``: 0, each word's end
    (cached by text, as Segmenter's windows are)."""
    return _best_route(sentence)[0]


def route_logp(sentence: str) -> float:
    """The log-probability of the same best route (cached with its boundaries): how likely
    the sentence reads as words of the dictionary."""
    return _best_route(sentence)[1]


class Segmenter:
    """Word-boundary questions about one text, with the answers cached."""

    WINDOW = 8
    _STOP = "\n\r。！？；!?;"

    def __init__(self, text: str):
        self.text = text
        self._cache: dict[tuple[int, int], set[int]] = {}

    def _window(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        lo = max(0, start - self.WINDOW)
        hi = min(len(text), end + self.WINDOW)
        for i in range(start - 1, lo - 1, -1):
            if text[i] in self._STOP:
                lo = i + 1
                break
        for i in range(end, hi):
            if text[i] in self._STOP:
                hi = i
                break
        return lo, hi

    def cuts(self, start: int, end: int) -> set[int]:
        """Absolute offsets of the word boundaries in the window around start..end."""
        lo, hi = self._window(start, end)
        key = (lo, hi)
        got = self._cache.get(key)
        if got is None:
            got = {lo + x for x in boundaries(self.text[lo:hi])}
            self._cache[key] = got
        return got

    def is_word(self, start: int, end: int) -> bool:
        """True when start and end are both word boundaries (the span is whole words)."""
        c = self.cuts(start, end)
        return start in c and end in c
