"""jieba, loaded only when a rule needs context that a regex cannot decide.

Rules never segment the whole text: they ask whether a candidate span sits on
word boundaries inside a small window around it.
"""
from __future__ import annotations

import functools
import logging
import marshal
import os
import threading
import time
from array import array
from pathlib import Path

_lock = threading.Lock()
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
    return f"jieba-{jieba_version()}-min{MIN_FREQ}-packed.marshal"


# The dictionary on disk: its words as one "\n"-joined string and their counts as one
# array.  Splitting the string and zipping it with the array makes the dict four times
# faster than unmarshalling a dict of 135,000 words (40 ms, not 150 ms, of every start).
def _pack(data: tuple[dict, int]) -> tuple:
    freq, total = data
    return "\n".join(freq), array("q", freq.values()).tobytes(), total


def _unpack(packed) -> tuple[dict, int]:
    words, counts, total = packed
    if not (isinstance(words, str) and isinstance(counts, bytes) and isinstance(total, int)):
        raise ValueError("not a packed dictionary")
    numbers = array("q")
    numbers.frombytes(counts)
    keys = words.split("\n") if words else []
    if len(keys) != len(numbers):
        raise ValueError("words and counts differ in number")
    return dict(zip(keys, numbers)), total


def _load_dictionary(tok) -> tuple[dict, int]:
    from .. import paths

    # A bundled copy (the frozen app ships one), then the user's cache, then build it.
    bundled = paths.resources_dir() / "jieba" / dictionary_name()
    try:
        with open(bundled, "rb") as fh:
            return _unpack(marshal.loads(fh.read()))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return cached(cache_dir() / dictionary_name(), lambda: _build_dictionary(tok), pack=_pack, unpack=_unpack)


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
    return tokenizer().get_dict_file()


def cached(path: Path, build, pack=None, unpack=None):
    """Data kept in the cache folder at ``path``: what was saved there (through
    ``unpack``), or ``build()``, saved (through ``pack``) for the next run.  A file that
    cannot be read or trusted (``unpack`` raises ValueError) is built again."""
    try:
        with open(path, "rb") as fh:
            # loads(read()): marshal.load(fh) reads a file object piece by piece
            raw = marshal.loads(fh.read())
        return unpack(raw) if unpack is not None else raw
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    save_dictionary(pack(data) if pack is not None else data, path)
    return data


def tokenizer():
    """The shared jieba tokenizer, initialised on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                t0 = time.perf_counter()
                jieba = import_jieba()

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.FREQ, tok.total = _load_dictionary(tok)
                tok.initialized = True
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


# Boundaries by window text: drafts repeat their phrases, and the answer depends on the
# window's text alone.
_CUTS: dict[str, tuple[int, ...]] = {}


def _cut(sentence: str) -> tuple[int, ...]:
    """Word boundaries (relative offsets, 0 included) of jieba's best route, without HMM."""
    t0 = time.perf_counter()
    out = [0]
    if sentence:
        # jieba's own cut() without HMM is this DAG + best route, minus its regex
        # splitting and generators; boundaries are all we need.
        tok = tokenizer()
        dag = tok.get_DAG(sentence)
        route: dict = {}
        tok.calc(sentence, dag, route)
        x, n = 0, len(sentence)
        while x < n:
            x = route[x][1] + 1
            out.append(x)
    stats["cut_seconds"] += time.perf_counter() - t0
    stats["calls"] += 1
    return tuple(out)


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
            sentence = self.text[lo:hi]
            rel = _CUTS.get(sentence)
            if rel is None:
                rel = _cut(sentence)
                if len(_CUTS) > 50000:
                    _CUTS.clear()
                _CUTS[sentence] = rel
            got = {lo + x for x in rel}
            self._cache[key] = got
        return got

    def is_word(self, start: int, end: int) -> bool:
        """True when start and end are both word boundaries (the span is whole words)."""
        c = self.cuts(start, end)
        return start in c and end in c
