"""Checks run on QThreadPool; results come back to the GUI thread by signal.

Every request carries a generation number; the window drops any result whose
generation is not the latest, so a slow check never overwrites a newer one.
Widgets are never touched from a worker.
"""
from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QTimer, Signal

from .. import paths

SWITCH_INTERVAL = 0.0005  # seconds (sys.setswitchinterval): see ReviewRunner.__init__


class _Signals(QObject):
    done = Signal(int, object)      # generation, payload
    partial = Signal(int, object)   # generation, an early payload (the quick first pass)
    failed = Signal(int, str)       # generation, Chinese message


class Task(QRunnable):
    def __init__(self, generation: int, fn, *args):
        super().__init__()
        self.generation = generation
        self.fn = fn
        self.args = args
        self.signals = _Signals()
        # Python keeps ownership (see start()): an auto-deleted QRunnable subclass can be
        # freed by C++ while its Python wrapper lives on, which crashes at interpreter exit.
        self.setAutoDelete(False)

    def run(self):
        from ..core.document import DocumentError

        try:
            result = self.fn(*self.args)
        except DocumentError as e:
            self.report(self.signals.failed, str(e))
        except Exception as e:  # reported to the user, logged by the window
            self.report(self.signals.failed, f"检查时出错：{e}\n{traceback.format_exc()}")
        else:
            self.report(self.signals.done, result)

    def report(self, signal, payload) -> None:
        """Send a result to the window; a window already gone (closed while this ran, the
        application ending) has nobody to tell -- not an error for the worker thread."""
        try:
            signal.emit(self.generation, payload)
        except RuntimeError:  # "Signal source has been deleted"
            pass


_running: set = set()


def start(pool, task: Task) -> None:
    """Run ``task`` on ``pool``, holding a reference until it has reported back."""
    _running.add(task)
    task.signals.done.connect(lambda *_: _running.discard(task))
    task.signals.failed.connect(lambda *_: _running.discard(task))
    pool.start(task)


FIRST_SCREEN = 40_000   # characters a big draft's quick first pass looks at
WHOLE_DOCUMENT = frozenset({"missing_section", "duplicate", "numbering"})  # need the whole draft


def first_screen(document):
    """The first ~40k characters of a big draft, cut at a paragraph end, as a Document with
    the same offsets and paragraph metadata; None when the draft is not big."""
    import dataclasses

    text = document.text
    if len(text) <= 2 * FIRST_SCREEN:
        return None
    cut = text.rfind("\n", 0, FIRST_SCREEN)
    if cut <= 0:
        return None
    return dataclasses.replace(document, text=text[:cut], extra_regions=[],
                               paragraphs=[p for p in document.paragraphs if p.end <= cut])


def local_findings(report, upto: int):
    """A first-screen report reduced to what the rest of the draft cannot change."""
    import dataclasses

    keep = [f for f in report.findings if f.category not in WHOLE_DOCUMENT
            and not f.rule.startswith("structure.") and f.end < upto]
    return dataclasses.replace(report, findings=keep, outline=[])


class ReviewRunner(QObject):
    """Opens drafts and reviews them on a thread pool, one generation at a time.

    Every request takes a new generation number; a result whose generation is not the
    latest is dropped, so a slow check never overwrites a newer one.  While jieba is
    still loading, a quick pass (rules that need no word boundaries) reports first."""

    loaded = Signal(object)               # Document
    load_failed = Signal(str)
    preliminary = Signal(object, object)  # report, the document it is for (quick pass)
    finished = Signal(object, object)     # report, document
    failed = Signal(str)
    busy_changed = Signal(bool)
    rules_ready = Signal(object, str)     # ruleset, a message for the user ("" when none)

    def __init__(self, pool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.generation = 0
        self.busy = False
        self._documents: dict = {}
        self._lock = threading.Lock()
        self.rules_loading = False
        self._waiting = None   # a review asked for while the rules were still loading
        # a short draft (.txt) to build the rules' indexes on (_rules_loaded): the bundled sample
        sample = paths.sample_draft()
        self.warm_path = sample if sample.is_file() else None
        # While a review runs on the pool, each call Qt makes from the GUI thread into Python
        # (a model's rowCount or data, a paint) waits for the worker to hand over the
        # interpreter lock -- up to the switch interval, 5 ms by default.  Expanding the
        # findings tree's groups after the quick pass on a 1M-character draft made a few
        # hundred such calls: 0.6-1.1 s of a frozen window and of waiting for the first
        # findings.  0.5 ms cuts every such wait tenfold; a lone thread never switches.
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)

    def _set_busy(self, on: bool) -> None:
        if on != self.busy:
            self.busy = on
            self.busy_changed.emit(on)

    def load_rules(self, fn) -> None:
        """Load the rules on the pool (``fn() -> (ruleset, message)``) so the window shows at
        once; reviews asked for meanwhile wait for them.  The task starts from the event loop:
        loading is Python work that holds the interpreter lock, and started at once it halved
        the main thread's pace while the window was being built and first painted."""
        self.rules_loading = True
        task = Task(-1, fn)
        task.signals.done.connect(self._rules_loaded)
        QTimer.singleShot(0, self, lambda: start(self.pool, task))

    def _rules_loaded(self, _generation: int, got) -> None:
        if self.rules_loading:
            self.rules_loading = False
            self.rules_ready.emit(*got)   # the window hands them to the session first
            waiting, self._waiting = self._waiting, None
            if waiting is not None and waiting[-1] == self.generation:
                self.review(*waiting[:-1])
            elif self.warm_path:
                # Nobody waits for a review: the rules build their indexes now, on the
                # pool, rather than in the first draft's review (core.session.prepare).
                # A review asked for meanwhile waits on the same lock, no longer than
                # it would have taken to build them itself.
                task = Task(-2, self._prepare, got[0], self.warm_path)
                task.signals.failed.connect(lambda *_: None)  # (only time lost: the review builds them)
                start(self.pool, task)

    def _prepare(self, ruleset, path) -> None:
        from pathlib import Path

        from ..core.session import prepare

        text = Path(path).read_text(encoding="utf-8")
        with self._lock:
            prepare(ruleset, text)

    def wait_for_rules(self) -> None:
        from PySide6.QtCore import QCoreApplication, QThread

        while self.rules_loading:
            QCoreApplication.processEvents()
            QThread.msleep(5)

    def cancel(self) -> None:
        self.generation += 1
        self._set_busy(False)

    def open(self, path: str) -> None:
        from ..core.loaders import load

        self.generation += 1
        self._set_busy(True)
        task = Task(self.generation, load, path)
        task.signals.done.connect(self._loaded)
        task.signals.failed.connect(self._load_failed)
        start(self.pool, task)

    def _loaded(self, generation: int, doc) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.loaded.emit(doc)

    def _load_failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.load_failed.emit(message)

    def review(self, session, document, quick_first: bool = False) -> None:
        """Review ``document`` with ``session``'s options on the pool.

        One review runs at a time (the rules are shared objects), the quick pass and the
        full one on the same worker, one after the other; a request overtaken by a newer
        one before it starts is skipped."""
        self.generation += 1
        g = self.generation
        self._set_busy(True)
        if self.rules_loading:
            self._waiting = (session, document, quick_first, g)
            return
        self._documents = {g: document}   # bound methods below: Qt queues them to this thread
        task = Task(g, self._reviews)
        task.args = (task, session, document, quick_first)
        task.signals.partial.connect(self._quick)
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        start(self.pool, task)

    def _reviews(self, task: Task, session, document, quick_first: bool):
        """On the worker: the quick pass (reported early), then the full review."""
        with self._lock:
            if task.generation != self.generation:
                return None
            if quick_first:
                # A big draft: the first screen (regex rules only) is on screen in a moment.
                head = first_screen(document)
                quick = session.review_document(head or document, True)
                if head is not None:
                    last = head.paragraphs[-1].start if head.paragraphs else len(head.text)
                    quick = local_findings(quick, last)
                task.report(task.signals.partial, quick)
            if task.generation != self.generation:
                return None
            return session.review_document(document)

    def review_now(self, session, document):
        """Review synchronously (fill-in mode needs fresh offsets before it moves on)."""
        self.wait_for_rules()
        self.generation += 1
        self._set_busy(False)
        with self._lock:
            report = session.review_document(document)
        self.finished.emit(report, document)
        return report

    def _quick(self, generation: int, report) -> None:
        if generation == self.generation and self.busy and generation in self._documents:
            self.preliminary.emit(report, self._documents[generation])

    def _done(self, generation: int, report) -> None:
        if report is not None and generation == self.generation and generation in self._documents:
            from ..core.engine import no_cycle_collection

            self._set_busy(False)
            # the window makes the rows of tens of thousands of findings when told: without
            # the cycle collector walking every object again and again (core/engine.py)
            with no_cycle_collection():
                self.finished.emit(report, self._documents.pop(generation))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._set_busy(False)
            self.failed.emit(message)
