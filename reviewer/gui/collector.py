"""When the window lets Python's cycle collector run: while the user pauses, not between a
keystroke and its findings.

An edit of a 1M-character draft makes ~150,000 objects (findings, the rows' shapes) and
keeps most of them; with the collector on, each edit paid a collection over them on the
way to its findings (~45 ms of ~280).  None of it is garbage -- reference counting frees an
old report at once -- so once a window has its first report on screen:

- what is loaded for good (rules, jieba's dictionary, the gazetteer) is frozen out of the
  collector's walks (``gc.freeze``);
- the collector is off, and a full collection runs when the user has paused for
  ``IDLE_MS`` after a report was shown (a keystroke cancels the wait), or at once when
  ``MAX_YOUNG`` objects have piled up with no pause (typing on and on);
- the findings a report replaced (~35,000 after an edit in the middle of a 1M draft: ~10 ms
  to free) are kept until that same pause (``keep``; at most ``KEEP`` reports' worth);
- the last window to go hands the collector back to ``MainThreadCollector``.

Whatever the policy, the collector runs on the GUI thread only.  Left to itself Python runs
it in whichever thread allocates when a count is reached -- a worker loading the rules or
reviewing -- and a collection there that frees a widget's or a dialog's wrapper (a window
closed earlier, a cycle through a lambda slot) deletes a QObject from the wrong thread: a
segmentation fault (the CI run at fbf30bf died so, in a worker loading the rules, while
test_window_shell opened its 17th window).  So from the first window on, the process keeps
the automatic collector off for good (``main_thread_only``) and ``MainThreadCollector``
collects on the GUI thread as Python would have, by its thresholds, whenever no window
collects in the user's pauses and no review runs.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QTimer

from ..core.engine import hold_collector, reviews_running

IDLE_MS = 1500
GUARD_MS = 1000   # how often MainThreadCollector looks at the collector's counts
MAX_YOUNG = 3_000_000
KEEP = 4          # replaced reports' findings held until a pause (see keep)

_frozen = False
_pausing = [0]     # windows collecting in the user's pauses (IdleCollector.holding)
_guard = None      # the process's MainThreadCollector (main_thread_only)


class MainThreadCollector(QObject):
    """The cycle collector of a GUI process, run on the GUI thread: each ``GUARD_MS`` it
    does what Python would have done by then -- collect the oldest generation whose count is
    over its threshold -- unless a window collects in the user's pauses or a review runs
    (core/engine.py: no collection while one does)."""

    def __init__(self, app: QObject):
        super().__init__(app)
        hold_collector(True)
        self.collections = 0
        self._timer = QTimer(self, interval=GUARD_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        if _pausing[0] or reviews_running():
            return
        counts, limits = gc.get_count(), gc.get_threshold()
        if counts[0] <= limits[0]:
            return
        older = [g for g in (2, 1) if counts[g] > limits[g]]
        gc.collect(older[0] if older else 0)
        self.collections += 1

    def end(self) -> None:
        """Back to Python's own collector (no worker may run any more: a test run's end)."""
        self._timer.stop()
        gc.collect()
        hold_collector(False)


def main_thread_only() -> MainThreadCollector:
    """Keep the cycle collector on the GUI thread from now on (once per process; the
    application object must exist).  Call it before any work goes to a thread pool."""
    global _guard
    if _guard is None:
        from PySide6.QtCore import QCoreApplication

        _guard = MainThreadCollector(QCoreApplication.instance())
    return _guard


def end_main_thread_only() -> None:
    global _guard
    if _guard is not None:
        _guard.end()
        _guard = None


def _take() -> None:
    global _frozen
    if not _frozen:  # once per process: what the first review loaded stays loaded
        _frozen = True
        gc.freeze()
    hold_collector(True)


class IdleCollector(QObject):
    """One window's part in the policy above: ``edited`` is the editor's change signal,
    ``shown`` the window's "report on screen" signal; hiding the window (closing it) lets the
    collector go, the next report takes it again."""

    def __init__(self, window: QObject, edited, shown, garbage=None):
        super().__init__(window)
        main_thread_only()   # (the window's rules load on its pool once the event loop runs)
        self._garbage = garbage   # called when a report is on screen: what it replaced, to keep
        self.collections = 0  # for tests and curiosity
        self.kept: list = []  # what the window dropped while the user typed: freed in the pause
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self.collect)
        held = [False]   # read when the window is deleted without closing (self is gone then)
        self._held = held
        self.destroyed.connect(lambda *_: held[0] and _let_go(held))
        edited.connect(self.typing)
        shown.connect(self.reviewed)
        window.installEventFilter(self)

    @property
    def holding(self) -> bool:
        """Whether this window keeps the collector off (in the users' pauses only)."""
        return self._held[0]

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Hide:
            self.release()
        return False

    def reviewed(self) -> None:
        """A report is on screen: from now on (first call) collect only in pauses."""
        garbage = self._garbage() if self._garbage is not None else None
        visible = getattr(self.parent(), "isVisible", None)   # (a window; a bare QObject in tests)
        if visible is not None and not visible():
            # a report that comes in after the window was closed: a hidden window has no pauses
            # to collect in -- MainThreadCollector goes on, what it replaced is freed now
            return
        if garbage is not None:
            self.keep(garbage)
        if not self.holding:
            self._held[0] = True
            _pausing[0] += 1
            _take()
        if gc.get_count()[0] > MAX_YOUNG:
            self.collect()
        else:
            self._timer.start()

    def typing(self) -> None:
        """The user changed the text: no collection while its findings are on their way."""
        self._timer.stop()

    def keep(self, garbage) -> None:
        """Hold ``garbage`` (what a report on screen replaced) until the user pauses: freeing
        the findings an edit replaced is not part of the way to its findings.  Typing on and
        on frees the oldest beyond ``KEEP`` at once."""
        self.kept.append(garbage)
        if len(self.kept) > KEEP:
            del self.kept[0]

    def collect(self) -> None:
        self._timer.stop()
        self.kept.clear()
        gc.collect()
        self.collections += 1

    def release(self) -> None:
        """The window is closed or hidden: the collector runs by its thresholds again (on
        the GUI thread: MainThreadCollector)."""
        self._timer.stop()
        self.kept.clear()
        if self.holding:
            _let_go(self._held)


def _let_go(held: list) -> None:
    held[0] = False
    _pausing[0] -= 1
    hold_collector(False)
