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
- the last window to go turns the collector back on (core/engine.py: hold_collector).
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QTimer

from ..core.engine import hold_collector

IDLE_MS = 1500
MAX_YOUNG = 3_000_000
KEEP = 4          # replaced reports' findings held until a pause (see keep)

_frozen = False


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
        self._garbage = garbage   # called when a report is on screen: what it replaced, to keep
        self.collections = 0  # for tests and curiosity
        self.kept: list = []  # what the window dropped while the user typed: freed in the pause
        self._timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._timer.timeout.connect(self.collect)
        held = [False]   # read when the window is deleted without closing (self is gone then)
        self._held = held
        self.destroyed.connect(lambda *_: held[0] and hold_collector(False))
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
        if self._garbage is not None:
            self.keep(self._garbage())
        if not self.holding:
            self._held[0] = True
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
        """The window is closed or hidden: the collector runs as usual again."""
        self._timer.stop()
        self.kept.clear()
        if self.holding:
            self._held[0] = False
            hold_collector(False)
