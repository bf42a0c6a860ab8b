"""Rule files parsed and patterns compiled once, kept between runs (start-up time).

Reading ~100 YAML files and compiling ~800 regular expressions takes about a second on
every start; the command line's first result should come in half of that.  So two
things are kept in one file in the user's cache folder (``segment.cache_dir()``):

* each rule file's parsed data, keyed by the file's path, modification time and size,
  so an edited rule file is read again;
* each pattern's compiled program (what ``re.compile`` hands to ``_sre.compile``),
  keyed by pattern and flags, in a file named for this Python's version and regex
  engine, so another Python never reads it.

Nothing here changes what is loaded: a file not in the cache, or a cache that cannot
be read, written or trusted (corrupt, another format, a read-only home) means reading
and compiling as before.  Errors in rule files are raised as before, never cached.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
import threading
from array import array
from pathlib import Path

try:  # CPython's regex engine; without it (or on any surprise) patterns compile as usual
    import _sre
    from re import _compiler, _parser

    if _sre.CODESIZE != 4 or array("I").itemsize != 4:  # (kept as 32-bit codes: see _parts)
        raise ImportError
except ImportError:  # pragma: no cover
    _sre = None

FORMAT = 3  # 2: programs as bytes (_parts); 3: remembered() keeps its answer alone
_lock = threading.Lock()
_data: dict | None = None      # {"yaml": {key: bytes}, "re": {(pattern, flags): parts}}
_dirty = False
_used: set = set()  # rule files read in this process: the others are dropped on save
_used_re: set = set()  # patterns looked up in this process (see save())
_used_reach: set = set()  # keys of analyses looked up in this process (its own set: save() counts them in C)


def cache_file() -> Path:
    from .segment import cache_dir

    magic = getattr(_sre, "MAGIC", 0)
    return cache_dir() / f"rules-py{sys.version_info[0]}{sys.version_info[1]}-sre{magic}-v{FORMAT}.marshal"


def _state() -> dict:
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                data = None
                try:
                    with open(cache_file(), "rb") as fh:
                        # loads(read()): marshal.load(fh) reads a file object piece by
                        # piece through Python calls -- 100 ms for this file against 10
                        data = marshal.loads(fh.read())
                except (OSError, EOFError, ValueError, TypeError):
                    data = None
                if not (isinstance(data, dict) and isinstance(data.get("yaml"), dict)
                        and isinstance(data.get("re"), dict)):
                    data = {"yaml": {}, "re": {}}
                if not isinstance(data.get("reach"), dict):
                    data["reach"] = {}
                _data = data
    return _data


def _file_key(path: Path):
    try:
        st = os.stat(path)
    except OSError:
        return None
    # os.path.abspath, not Path.resolve(): resolving asks the file system about every folder
    # of the path (~160 rule files: ~10 ms of every start).  A file reached by a link is
    # kept under the link's name (os.stat follows it: its time and size are the file's).
    return os.path.abspath(path), st.st_mtime_ns, st.st_size


_yaml_keys: dict = {}  # str(path) -> its _file_key, as read_yaml last read it (checked_before)


def checked_before(path: Path, tag: str, check) -> bool:
    """Whether ``check()`` (named by ``tag``: change it when the check changes) passed on
    this same rule file -- its path, modification time and size as read_yaml read it --
    in an earlier run.  Else ``check()`` runs now (what it raises passes through, nothing
    kept) and False; its passing is kept for the next run."""
    key = _yaml_keys.get(str(path)) or _file_key(path)
    if not key:
        check()
        return False
    ran = []

    def run() -> str:
        check()
        ran.append(True)
        return "ok"

    got = _kept_value(("checked", tag, key[0], str(key[1]), str(key[2])), run)
    return got == "ok" and not ran


def read_yaml(path: Path):
    """``yamlfile.read_yaml(path)``, from the cache when the file has not changed."""
    global _dirty
    from .yamlfile import read_yaml as parse

    key = _file_key(path)
    if key:
        _used.add(key)
        _yaml_keys[str(path)] = key
    store = _state()["yaml"]
    blob = store.get(key) if key else None
    if isinstance(blob, bytes):
        try:
            return marshal.loads(blob)  # a fresh copy: rules may keep or change what they get
        except (EOFError, ValueError, TypeError):
            pass
    data = parse(path)  # raises RuleLoadError naming the file, as always
    if key:
        try:
            store[key] = marshal.dumps(data)
            _dirty = True
        except ValueError:
            pass  # a value marshal cannot keep (a YAML date): read it each time
    return data


def _parts(pattern: str, flags: int):
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), array(_CODE, code).tobytes(), int(parsed.state.groups - 1),
            groupindex, tuple(indexgroup))


# A program is kept as the bytes of an array of its 32-bit codes: the file holds ~700,000
# codes, and unmarshalling them as a list of ints was half of reading it (~40 of ~60 ms of
# every start); a pattern's list is made when it is used (one C call).
_CODE = "I"


def _program(parts):
    """The arguments of ``_sre.compile`` after the pattern, from ``_parts()``'s."""
    flags, code, groups, groupindex, indexgroup = parts
    codes = array(_CODE)
    codes.frombytes(code)
    return flags, codes.tolist(), groups, groupindex, indexgroup


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """``re.compile(pattern, flags)``; the compiled program comes from the cache when the
    pattern was compiled by an earlier run of this same Python."""
    global _dirty
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    store = _state()["re"]
    key = (pattern, int(flags))
    _used_re.add(key)
    parts = store.get(key)
    if parts is not None:
        try:
            return _sre.compile(pattern, *_program(parts))
        except Exception:  # noqa: BLE001 - not trusted: compile it afresh below
            store.pop(key, None)
    rx = re.compile(pattern, flags)  # raises re.error with re's own message
    try:
        store[key] = _parts(pattern, int(flags))
        _dirty = True
    except Exception:  # noqa: BLE001 - only a missed saving
        pass
    return rx


# the version of reach._line_reach's analysis: a reach worked out by an older one is not
# used (2: a lookbehind that matches no line break reads nothing of the line before)
_REACH_VERSION = 2


def line_reach(rx, analyse):
    """``analyse(rx)`` (kinds.line_reach: a parse of the pattern) remembered by pattern,
    flags and the analysis's version between runs."""
    global _dirty
    if not isinstance(rx, re.Pattern):
        return analyse(rx)
    store = _state()["reach"]
    key = (rx.pattern, int(rx.flags), _REACH_VERSION)
    _used_reach.add(key)
    if key in store:
        got = store[key]
        if got is None or (isinstance(got, tuple) and len(got) == 2):
            return got
    got = analyse(rx)
    store[key] = got
    _dirty = True
    return got


def kept(key: tuple, compute):
    """``compute()`` (a string or None) remembered between runs under ``key`` (a tuple of
    strings, its first naming the computation and its version)."""
    return _kept_value(("kept",) + key, compute)


def kept_for_file(path: Path, tag: str, compute) -> str:
    """``compute()`` (a string) of a data file, remembered between runs for this same file
    (its path, modification time and size) under ``tag`` (the computation and its
    version); computed each time for a file that cannot be found, or when what is kept
    under the key is no string."""
    key = _file_key(path)
    got = kept((tag, key[0], str(key[1]), str(key[2])), compute) if key is not None else None
    return got if isinstance(got, str) else compute()


def _kept_value(key: tuple, compute):
    """The string (or None) stored under ``key`` beside the reach, else ``compute()`` stored."""
    global _dirty
    store = _state()["reach"]
    _used_reach.add(key)
    got = store.get(key, False)
    if got is None or isinstance(got, str):
        return got
    got = compute()
    store[key] = got
    _dirty = True
    return got


def remembered(rx_or_pattern, flags: int, tag: str, analyse):
    """``analyse(tagged)`` of a pattern (a string or None) remembered between runs under the
    pattern with ``(?#tag)`` appended (``tagged``, compiled: it matches as the pattern does)
    -- the tag names the analysis and its version: change it when the analysis changes.
    None when the pattern does not compile.  Once worked out, the answer is found by the
    tagged pattern's text and ``flags`` alone: compiling it only to look the answer up
    was ~3,800 compilations of every start (~25 ms).  Only the answer is kept (format 2
    kept the tagged pattern's program and the answer under a second key too, which no
    run looked up again: ~6,700 entries, 5.5 MB of the file read at every start)."""
    pattern = rx_or_pattern.pattern if isinstance(rx_or_pattern, re.Pattern) else rx_or_pattern
    tagged = pattern + f"(?#{tag})"

    def work_out():
        try:
            key = re.compile(tagged, flags)
        except re.error:
            return None
        return analyse(key)

    return _kept_value(("remembered", tagged, int(flags)), work_out)


_fresh_at: list = [None]  # (sizes) when save() last found the file not mostly stale


def save(prune: bool = False) -> None:
    """Write the cache if this run added to it; quietly nothing when that fails.
    ``prune``: the caller has used what a review uses (engine: after a full review), so
    what it did not look up may be stale -- only then is a mostly stale file cut down to
    what was used.  (The window loads its genre profiles before the rules: a prune there
    cut the file down to the profiles' patterns, and the next start recompiled the rest,
    ~2 s, every other start.)"""
    global _dirty
    if _data is None:
        return
    if not _dirty and not prune:
        return
    if not _dirty:  # nothing new; still rewrite a file that is mostly stale
        # (the same answer while nothing was added to the cache or looked up first since
        # the last time: every review ends here, ~2,000 keys to count)
        sizes = (len(_data["re"]), len(_data["reach"]), len(_used_re), len(_used_reach), id(_data))
        if sizes == _fresh_at[0]:
            return
        kept = len(_data["re"]) + len(_data["reach"])
        used = len(_data["re"].keys() & _used_re) + len(_data["reach"].keys() & _used_reach)
        if kept - used <= used:
            _fresh_at[0] = sizes
            return
    with _lock:
        # copies (one C call each, so another thread adding a pattern meanwhile is no harm)
        yaml_part, re_part, reach_part = dict(_data["yaml"]), dict(_data["re"]), dict(_data["reach"])
        _dirty = False
    for key in [k for k in yaml_part if k not in _used]:  # files edited or gone since
        del yaml_part[key]
    # Patterns of rules edited or gone, and analyses of an older version, would pile up
    # and slow every start (reading the file is part of it): once most of what is kept was
    # not looked up by this run, keep only what was.
    stale_re = [k for k in re_part if k not in _used_re]
    stale_reach = [k for k in reach_part if k not in _used_reach]
    if prune and len(stale_re) + len(stale_reach) > len(re_part) + len(reach_part) - len(stale_re) - len(stale_reach):
        for k in stale_re:
            del re_part[k]
        for k in stale_reach:
            del reach_part[k]
    path = cache_file()
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump({"yaml": yaml_part, "re": re_part, "reach": reach_part}, fh)
        os.replace(tmp, path)
        _remove_older_formats(path)
    except (OSError, ValueError):
        try:
            tmp.unlink()
        except OSError:
            pass


def _remove_older_formats(path: Path) -> None:
    """This Python's cache files of an older format beside ``path`` (~19 MB each): read
    by no run any more."""
    stem = path.name.rsplit("-v", 1)[0]
    try:
        old = [p for p in path.parent.glob(stem + "-v*.marshal") if p.name != path.name]
    except OSError:
        return
    for p in old:
        try:
            p.unlink()
        except OSError:
            pass
