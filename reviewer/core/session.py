"""One owner for the draft under review, without Qt: ``ReviewSession``.

The data goes one way: file → loader → Document → session → engine → Report → views
and exports.  The session holds

- the source Document (as loaded) and the user's edits (``edit(text)`` →
  ``Document.edited``: unchanged paragraphs keep style, outline level, bold, source);
- the options (genre — chosen by the user or detected, with the reason —, disabled
  rules and categories, reference paths, and any further ``ReviewOptions`` field such
  as a draft date or the speaker's locality, passed through ``fields``);
- the reference documents, through a ``ReferenceCache``: loaded once, reloaded only
  when the list or a file's modification time changes, and loaded inside ``review()``
  so that a worker thread does it, never the GUI thread;
- the ignores (an ``IgnoreStore``) and the user's word list (``WordList``);
- the latest report and what follows from it: the findings shown (not ignored, not
  covered by the word list), the navigation order, the fill-in targets;
- the document to export.

``review()`` / ``review_document()`` may run on a worker thread: they read a snapshot
and change nothing the GUI thread reads.  ``show(report, document)`` makes a report
current (on the GUI thread, or in the CLI right after reviewing).
"""
from __future__ import annotations

import dataclasses
import os
import threading
from operator import attrgetter
from pathlib import Path

from .document import Document, DocumentError
from .engine import ReviewOptions
from .findings import Report, sort_ties
from .userdata import (ALL_DOCUMENTS, IgnoreStore, MemoryIgnoreStore, WordList, document_key, everywhere_key,
                       finding_keys)

FILL_CATEGORIES = ("placeholder", "blank_figure")   # what the fill-in mode (填空) walks through
REFERENCE_EXT = {".docx", ".txt", ".doc", ".wps", ".docm"}


class ReferenceCache:
    """Reference documents by path, reloaded only when the list or a file changes.

    ``get(paths)`` expands folders (their .docx/.txt/.doc/.wps files, in name order)
    and returns the loaded documents; a file whose path, modification time and size
    are unchanged is not read again.  Thread-safe: the window's workers share one."""

    def __init__(self, loader=None):
        self._loader = loader
        self._docs: dict[str, tuple[tuple, Document]] = {}   # path -> (stamp, document)
        self._lock = threading.Lock()
        self.loads = 0       # how many files were read (tests and the benchmark look)

    @staticmethod
    def expand(paths, strict: bool) -> list[Path]:
        """The files ``paths`` name.  Missing paths: DocumentError when ``strict``, else skipped."""
        out: list[Path] = []
        for p in paths:
            p = Path(p)
            if p.is_dir():
                files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in REFERENCE_EXT
                               and not f.name.startswith(("~$", ".")))
                if not files and strict:
                    raise DocumentError(str(p), "参考文件夹里没有 .docx 或 .txt 文稿")
                out.extend(files)
            elif p.exists() or strict:
                out.append(p)
        return out

    def get(self, paths, strict: bool = False) -> tuple[Document, ...]:
        """The documents of ``paths``.  ``strict``: a file that cannot be read raises
        DocumentError (the CLI stops); otherwise it is left out (the window goes on)."""
        files = self.expand(paths, strict)
        docs = []
        with self._lock:
            for f in files:
                key = os.path.abspath(f)
                try:
                    st = os.stat(f)
                    stamp = (st.st_mtime_ns, st.st_size)
                except OSError as e:
                    if strict:
                        raise DocumentError(str(f), "文件不存在或无法读取") from e
                    continue
                held = self._docs.get(key)
                if held is None or held[0] != stamp:
                    try:
                        doc = self._load(f)
                    except DocumentError:
                        if strict:
                            raise
                        continue
                    self.loads += 1
                    held = (stamp, doc)
                    self._docs[key] = held
                docs.append(held[1])
        return tuple(docs)

    def _load(self, path: Path) -> Document:
        if self._loader is not None:
            return self._loader(path)
        from .loaders import load

        return load(path)


def _incremental():
    """The incremental reviewer class when that module is there, else None."""
    try:
        from .incremental import IncrementalReviewer
    except ImportError:
        return None
    return IncrementalReviewer


class ReviewSession:
    """The draft under review and everything decided about it.  No Qt; see the module doc."""

    def __init__(self, ruleset, document: Document | None = None, *, genre: str | None = None,
                 disabled_rules=(), disabled_categories=(), reference_paths=(), fields: dict | None = None,
                 ignores: IgnoreStore | None = None, words: WordList | None = None,
                 references: ReferenceCache | None = None, strict_references: bool = False):
        self.ruleset = ruleset
        self.genre = genre or None                        # None: detected from the title
        self.disabled_rules: set[str] = set(disabled_rules)
        self.disabled_categories: set[str] = set(disabled_categories)
        self.reference_paths: list[str] = [str(p) for p in reference_paths]
        self.fields: dict = dict(fields or {})            # further ReviewOptions fields (date, locality …)
        self.ignores: IgnoreStore = ignores if ignores is not None else MemoryIgnoreStore()
        self.words: WordList = words if words is not None else WordList()
        self.references = references if references is not None else ReferenceCache()
        self.strict_references = strict_references
        self.source: Document | None = None
        self.document: Document | None = None
        self.report: Report | None = None                 # the latest report shown
        self.reported: Document | None = None             # the document it was made for
        self.findings: list = []                          # shown: not ignored, not in the word list
        self._keys: dict[int, str] | None = {}            # id(finding) -> its ignore key (built on demand)
        self._body: list | None = None                    # ``body``, sorted once per refresh
        self._reviewers: dict[bool, tuple] = {}
        self._lock = threading.Lock()
        if document is not None:
            self.open(document)

    # ----- the draft ----------------------------------------------------------------
    def open(self, document: Document) -> None:
        """Start reviewing ``document`` (as loaded): no edits, no report yet."""
        self.source = document
        self.document = document
        self.report, self.reported, self.findings, self._keys, self._body = None, None, [], {}, None

    def edit(self, text: str) -> Document:
        """The user's text replaces the body; unchanged paragraphs keep their metadata."""
        if self.source is None:
            raise ValueError("没有打开的文稿")
        self.document = self.source.edited(text)
        return self.document

    @property
    def path(self) -> str | None:
        return self.source.path if self.source else None

    @property
    def document_key(self) -> str:
        """The ignores' key for this draft: its absolute path ("" before it is saved)."""
        return document_key(self.path)

    # ----- options and reviewing ----------------------------------------------------
    def options(self, quick: bool = False, references: tuple = ()) -> ReviewOptions:
        """The engine's options.  ``quick``: the first pass that needs no jieba."""
        known = {f.name for f in dataclasses.fields(ReviewOptions)}
        extra = {k: v for k, v in self.fields.items() if k in known}
        return ReviewOptions(genre=self.genre, disabled_rules=frozenset(self.disabled_rules),
                             disabled_categories=frozenset(self.disabled_categories),
                             references=tuple(references), without_jieba=quick, **extra)

    def load_references(self) -> tuple[Document, ...]:
        """The reference documents (cached; see ReferenceCache).  Call it off the GUI thread."""
        if not self.reference_paths:
            return ()
        return self.references.get(self.reference_paths, strict=self.strict_references)

    def review(self, quick: bool = False) -> Report:
        """Review the current document (safe on a worker thread).  See review_document."""
        if self.document is None:
            raise ValueError("没有打开的文稿")
        return self.review_document(self.document, quick)

    def review_document(self, document: Document, quick: bool = False) -> Report:
        """A report on ``document`` with the session's options; changes nothing shown.

        The quick pass skips the reference comparison (it needs jieba), so it does not
        load references either."""
        refs = () if quick else self.load_references()
        options = self.options(quick, refs)
        cls = _incremental()
        if cls is None:
            from .engine import review

            return review(document, self.ruleset, options)
        with self._lock:
            held = self._reviewers.get(quick)
            if held is None or held[0] != options or held[1] is not self.ruleset:
                held = (options, self.ruleset, cls(self.ruleset, options), threading.Lock())
                self._reviewers[quick] = held
        with held[3]:  # one review at a time per reviewer: it keeps state between reviews
            return held[2].review(document)

    def check(self) -> Report:
        """Review the current document and show the result (the CLI's one step)."""
        document = self.document
        report = self.review_document(document)
        self.show(report, document)
        return report

    @property
    def genre_choice(self) -> tuple[str | None, str, bool]:
        """(genre, reason, detected): the genre of the latest report, why, and whether it
        was detected from the draft (True) or chosen by the user (False)."""
        if self.report is None:
            return self.genre, "", self.genre is None
        return self.report.genre, self.report.genre_reason, self.genre is None

    # ----- what is shown ------------------------------------------------------------
    def show(self, report: Report, document: Document | None = None) -> None:
        """Make ``report`` (made for ``document``, default the current one) current."""
        self.report = report
        self.reported = document if document is not None else self.document
        self._refresh()

    def _refresh(self) -> None:
        """The findings shown.  Proportional work: ignore keys are computed only when this
        draft has ignores (else on demand, see ``keys``), and ``body`` is sorted once, when first asked for."""
        self._body = None
        if self.report is None:
            self.findings, self._keys = [], {}
            return
        findings = self.report.findings
        doc_keys = self.ignores.keys(self.document_key)
        everywhere = self.ignores.keys(ALL_DOCUMENTS)
        self._keys = None
        if doc_keys or everywhere:
            keys = self.keys
            shown = [f for f in findings if keys[id(f)] not in doc_keys and everywhere_key(f) not in everywhere]
        else:
            shown = findings
        texts = {r.name: r.text for r in self.reported.regions} if self.reported else {}
        self.findings = self.words.keep(shown, texts)   # a new list, even with no words

    @property
    def keys(self) -> dict[int, str]:
        """id(finding) -> its ignore key, for every finding of the latest report."""
        if self._keys is None:
            found = self.report.findings if self.report is not None else []
            self._keys = {id(f): k for f, k in zip(found, finding_keys(found))}
        return self._keys

    def visible_report(self) -> Report:
        """The latest report with only the findings shown (for exports and the CLI)."""
        if self.report is None:
            raise ValueError("尚未检查")
        return dataclasses.replace(self.report, findings=list(self.findings))

    @property
    def body(self) -> list:
        """Shown findings in the body, in text order: the order of navigation.  Sorted once
        per refresh (a 1M-character draft has ~70,000 findings); treat it as read-only."""
        if self._body is None:
            self._body = _by_start_and_end([f for f in self.findings if f.region == "body"])
        return self._body

    def is_shown(self, finding) -> bool:
        return any(f is finding for f in self.findings)

    def ignore(self, finding, everywhere: bool = False) -> None:
        """Stop showing ``finding``: in this draft, or (``everywhere``) this rule on this
        text in every draft."""
        if everywhere:
            self.ignores.add(ALL_DOCUMENTS, everywhere_key(finding))
        else:
            self.ignores.add(self.document_key, self.keys[id(finding)])
        self._refresh()

    def ignore_rule(self, rule: str) -> None:
        """Turn a rule off (the caller stores ``disabled_rules`` and reviews again)."""
        self.disabled_rules.add(rule)

    def add_word(self, word: str) -> bool:
        """加入词表: the word is never flagged again (saved to the word list's file)."""
        added = self.words.add(word)
        self._refresh()
        return added

    def navigable(self, category: str = "", severity: str = "") -> list:
        """Body findings in navigation order, filtered by category and severity ("" = all)."""
        return [f for f in self.body if (not category or f.category == category)
                and (not severity or f.severity == severity)]

    def step(self, offset: int, forward: bool = True, current=None, category: str = "",
             severity: str = "") -> tuple[object | None, bool]:
        """The finding after (or before) ``current``, or after ``offset`` when there is no
        current one; wraps around.  Returns (finding or None, wrapped)."""
        items = self.navigable(category, severity)
        if not items:
            return None, False
        if current is not None and any(f is current for f in items):
            i = next(k for k, f in enumerate(items) if f is current) + (1 if forward else -1)
        elif forward:
            i = next((k for k, f in enumerate(items) if f.start >= offset), len(items))
        else:
            i = next((k for k in range(len(items) - 1, -1, -1) if items[k].start < offset), -1)
        if 0 <= i < len(items):
            return items[i], False
        return items[0 if forward else -1], True

    def fill_targets(self, offset: int = 0) -> list:
        """Placeholders and blank figures from ``offset`` on, in text order (填空)."""
        return [f for f in self.body if f.category in FILL_CATEGORIES and f.end > f.start and f.start >= offset]

    # ----- exporting ----------------------------------------------------------------
    def export_document(self) -> Document:
        """The document to export or save: the edited text, with the source's encoding and
        byte-order mark (.txt) or its package rewritten to the edited text (.docx)."""
        if self.source is None:
            raise ValueError("没有打开的文稿")
        doc = dataclasses.replace(self.document)
        if self.source.kind == "txt":
            doc.encoding, doc.bom = self.source.encoding, self.source.bom
        if self.source.raw is not None and doc.text != self.source.text:
            from .export.docx_write import rewrite_docx
            from .export.save import restore_line_ends

            doc.raw = rewrite_docx(self.source.raw, restore_line_ends(self.source.text, doc.text, "\n"), doc.path)
        return doc

    def export(self, out_path, **kw) -> None:
        """Write the shown findings of the latest report over the export document
        (see core.export.export for ``clean``, ``track_changes``, ``accepted``)."""
        from .export import export

        if self.report is None or self.reported is None or self.reported.text != self.document.text:
            self.check()  # the report must describe the text being exported
        export(self.export_document(), self.visible_report(), out_path, **kw)


def load_rules(extra_dirs=(), builtin: bool = True):
    """The shipped rules and the user's folders, each user rule's examples run as it
    loads (a failing one is a RuleLoadError naming the file and the example).  What the
    CLI and the window call."""
    from .examples import example_failures
    from .rules.loader import load_rules as load

    return load(extra_dirs, builtin, run_examples=example_failures)



def prepare(ruleset, text: str) -> None:
    """Build what the rules build on first use -- the idiom and formula indexes, the
    junk rules' prefilters and key automata, the gazetteer's place index, the lines' reach
    -- by reviewing ``text`` (a short draft) once, as the window's first review would.
    The window calls it on a worker while nobody waits, a moment after the rules load:
    the first draft opened after that comes sooner (a 10k draft's first review: ~0.45 s
    cold, ~0.19 s after this; this takes ~0.4 s).  Nothing is kept of ``text``."""
    from .document import Document
    from .incremental import IncrementalReviewer

    IncrementalReviewer(ruleset).review(Document.from_text(text))


def _by_start_and_end(found: list) -> list:
    """sorted(found, key=(start, end)), quick for a report's findings, which are in order
    of start already (engine._sort): only the few that share a start are sorted again."""
    return found if sort_ties(found, attrgetter("end")) else sorted(found, key=attrgetter("start", "end"))
