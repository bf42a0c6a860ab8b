"""What the user decided about findings, kept between reviews: ignores and the word list.

Ignores go through a small interface, ``IgnoreStore``, with two scopes: one document
(its key is the draft's absolute path) and all documents (``ALL_DOCUMENTS``).  The
window backs it with QSettings, the command line with a JSON file next to the draft
(or ``--ignores PATH``), tests with memory.  The word list (加入词表) is a plain text
file under the user's config folder, one word a line, that the user may edit.
Nothing here imports Qt.
"""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from pathlib import Path

ALL_DOCUMENTS = "*"   # the scope of an ignore that holds in every document


def _what(finding) -> str:
    """The flagged text; for a finding with no text (a missing part), the part it names."""
    return finding.text or f"[{finding.section or ''}]"


def finding_keys(findings) -> list[str]:
    """A key per finding that survives edits elsewhere in the draft: rule, flagged text
    (or the missing part) and which occurrence of that pair it is ("rule|text|n")."""
    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        k = (f.rule, _what(f))
        seen[k] = seen.get(k, 0) + 1
        out.append(f"{f.rule}|{k[1]}|{seen[k]}")
    return out


def everywhere_key(finding) -> str:
    """The key of an all-documents ignore: this rule on this text, wherever it occurs."""
    return f"{finding.rule}|{_what(finding)}"


def document_key(path: str | os.PathLike | None) -> str:
    return os.path.abspath(path) if path else ""


class IgnoreStore:
    """Where ignores are kept.  ``document`` is a ``document_key`` or ``ALL_DOCUMENTS``."""

    def keys(self, document: str) -> set[str]:
        raise NotImplementedError

    def add(self, document: str, key: str) -> None:
        raise NotImplementedError

    def remove(self, document: str, key: str) -> None:
        raise NotImplementedError


class MemoryIgnoreStore(IgnoreStore):
    """Ignores in a dict {document: [keys]} (the layout the window's settings use)."""

    def __init__(self, data: dict | None = None):
        self.data: dict[str, list[str]] = {k: list(v) for k, v in (data or {}).items()}

    def keys(self, document: str) -> set[str]:
        return set(self.data.get(document, []))

    def add(self, document: str, key: str) -> None:
        keys = self.keys(document) | {key}
        self.data[document] = sorted(keys)
        self._changed()

    def remove(self, document: str, key: str) -> None:
        keys = self.keys(document) - {key}
        if keys:
            self.data[document] = sorted(keys)
        else:
            self.data.pop(document, None)
        self._changed()

    def _changed(self) -> None:
        """Called after every change; a store that persists writes here."""


class FileIgnoreStore(MemoryIgnoreStore):
    """Ignores in a JSON file; a missing or unreadable file is no ignores (and is not
    created until something is ignored)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        data = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                data = {str(k): [str(x) for x in v] for k, v in raw.items() if isinstance(v, list)}
        except (OSError, ValueError):
            pass
        super().__init__(data)

    def _changed(self) -> None:
        from .export.atomic import write_atomic

        text = json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"))


def ignore_file_for(draft: str | os.PathLike) -> Path:
    """The ignore file the command line reads beside a draft: 文稿.docx → 文稿.docx.ignores.json."""
    p = Path(draft)
    return p.with_name(p.name + ".ignores.json")


def config_dir() -> Path:
    """The user's config folder (REVIEWER_CONFIG_DIR, else $XDG_CONFIG_HOME or ~/.config)."""
    from .. import paths

    return paths.user_folder("REVIEWER_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")


class WordList:
    """The user's words (加入词表): text inside one of them is never flagged again.

    A UTF-8 file, one word a line; blank lines and lines starting with # are skipped,
    so the user may edit it by hand."""

    def __init__(self, words=(), path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else None
        self.words: list[str] = []
        for w in words:
            self._add(w)
        self._rx = None

    @classmethod
    def default_path(cls) -> Path:
        return config_dir() / "words.txt"

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "WordList":
        """The list in ``path`` (default: words.txt in the config folder); empty when absent."""
        path = Path(path) if path is not None else cls.default_path()
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        return cls((ln for ln in lines if not ln.lstrip().startswith("#")), path)

    def save(self) -> None:
        from .export.atomic import write_atomic

        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, ("\n".join(self.words) + "\n").encode("utf-8"))

    def _add(self, word: str) -> bool:
        word = str(word).strip()
        if not word or word in self.words:
            return False
        self.words.append(word)
        self._rx = None
        return True

    def add(self, word: str) -> bool:
        """Add and save; False when the word was already there (or empty)."""
        added = self._add(word)
        if added:
            self.save()
        return added

    def remove(self, word: str) -> bool:
        if word not in self.words:
            return False
        self.words.remove(word)
        self._rx = None
        self.save()
        return True

    def __contains__(self, word) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def spans(self, text: str) -> tuple[list[int], list[int]]:
        """Starts and ends of the words' occurrences in ``text`` (longest word first)."""
        if not self.words:
            return [], []
        if self._rx is None:
            self._rx = re.compile("|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)))
        starts, ends = [], []
        for m in self._rx.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    def keep(self, findings, texts: dict[str, str]) -> list:
        """``findings`` without those whose flagged text lies inside one of the words.
        ``texts``: region name -> its text.  Findings with an empty span (a missing part)
        are kept: no word covers them."""
        if not self.words:
            return list(findings)
        spans = {name: self.spans(text) for name, text in texts.items()}
        out = []
        for f in findings:
            starts, ends = spans.get(f.region, ([], []))
            i = bisect_right(starts, f.start) - 1
            covered = f.end > f.start and i >= 0 and f.end <= ends[i]
            if not covered:
                out.append(f)
        return out
