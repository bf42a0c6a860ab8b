"""The review pane going on after 接受/忽略: to the finding that followed the one dealt with --
after a fix, once the re-check is listed, at its new place in the changed text."""
from __future__ import annotations

from .finding_rows import finding_key, nearest_same


class AdvanceAfterAction:
    """Mixed into FindingsPanel (its model, signals, _select_index, _anchor, _index_of_key)."""

    _next = None  # the finding to go to once the re-check after a fix is listed

    def _emit_and_advance(self, signal, items, *args) -> None:
        """Emit; when the window has dealt with ``items`` (marked them handled, or re-listed
        the findings without them), go on to the finding that followed them."""
        done = {finding_key(f) for f in items}
        order = self.model.panel_order()
        at = self._anchor[0] if self._anchor is not None else None
        start = order.index(at) if at in order else 0
        later = [self.model.keys[i] for i in order[start:] + order[:start]]
        later = [k for k in later if k not in done]
        index = self._index_of_key
        upcoming = next((self.model.findings[index[k]] for k in later if k not in self.model.handled), None)
        fixing = signal is self.accept_requested
        self._next = upcoming if fixing else None
        signal.emit(items, *args)
        if fixing and self._next is None:
            return  # the re-check after the fix is listed already and went on (_go_on)
        if any(k in self._index_of_key and k not in self.model.handled for k in done):
            self._next = None
            return  # not (yet) dealt with: stay
        nxt = next((k for k in later if k in self._index_of_key and k not in self.model.handled), None)
        if nxt is not None:
            self._select_index(self._index_of_key[nxt])
            if not fixing:  # (after a fix its offsets are the old text's: shown once re-checked)
                self.activated.emit(self.model.findings[self._index_of_key[nxt]])

    def _go_on(self) -> None:
        """After a fix, the re-check's list is on screen: select the finding that followed the
        fixed one -- at its new place (same rule and text, the nearest start) -- and show it in
        the text.  (Its offsets before the re-check were those of the text before the fix.)"""
        target, self._next = self._next, None
        if target is not None:
            i = nearest_same(self.model.findings, target)
            if i is not None and finding_key(self.model.findings[i]) not in self.model.handled:
                self._select_index(i)
                self.activated.emit(self.model.findings[i])
