"""Checks run on QThreadPool; results come back to the GUI thread by signal.

Every request carries a generation number; the window drops any result whose
generation is not the latest, so a slow check never overwrites a newer one.
Widgets are never touched from a worker.
"""
from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, Signal


class _Signals(QObject):
    done = Signal(int, object)      # generation, payload
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
            self.signals.failed.emit(self.generation, str(e))
        except Exception as e:  # reported to the user, logged by the window
            self.signals.failed.emit(self.generation, f"检查时出错：{e}\n{traceback.format_exc()}")
        else:
            self.signals.done.emit(self.generation, result)


_running: set = set()


def start(pool, task: Task) -> None:
    """Run ``task`` on ``pool``, holding a reference until it has reported back."""
    _running.add(task)
    task.signals.done.connect(lambda *_: _running.discard(task))
    task.signals.failed.connect(lambda *_: _running.discard(task))
    pool.start(task)
