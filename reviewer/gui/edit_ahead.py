"""The edited draft's Document, made while the window waits for the user's pause (issue 11).

After a keystroke the window waits its typing pause before it reviews, so that typing on is
not reviewed key by key.  The first step of that review needs only the text: the session's
edit (the paragraphs matched with the source's; ~6 ms for a 1M-character draft).
``EditAhead`` takes it a little before the pause ends, while the window waits anyway, and
the review uses it when the text is still the same -- else the session's edit runs then, as
it did.  Typing faster than the pause minus ``LEAD_MS`` leaves it undone.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

LEAD_MS = 12   # before the pause ends: time to make a 1M draft's Document


class EditAhead(QObject):
    """``edited``: the editor's change signal; ``text``: the editor's text (a callable);
    ``session``: the window's ReviewSession (a callable: the window may replace it)."""

    def __init__(self, parent: QObject, edited, text, session, pause_ms: int):
        super().__init__(parent)
        self._text, self._session = text, session
        self._held = None   # (source, text, document) made ahead
        self._timer = QTimer(self, singleShot=True, interval=max(0, pause_ms - LEAD_MS))
        self._timer.timeout.connect(self.make)
        edited.connect(self._timer.start)

    def make(self) -> None:
        s = self._session()
        if s.source is not None:
            text = self._text()
            self._held = (s.source, text, s.edit(text))

    def edit(self, text: str):
        """``session.edit(text)``: the Document made ahead when it is still the session's and
        for this text."""
        self._timer.stop()
        s, held, self._held = self._session(), self._held, None
        if held is not None and held[0] is s.source and held[2] is s.document and (held[1] is text or held[1] == text):
            return held[2]
        return s.edit(text)
