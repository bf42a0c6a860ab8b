"""A check that finishes after its window has gone reports to nobody, without an error
in the worker thread (bench runs printed "Signal source has been deleted")."""
import shiboken6

from reviewer.gui.worker import Task


def _gone(task):
    shiboken6.delete(task.signals)  # what closing the window / ending the app does to it
    return task


def test_result_after_window_gone_is_dropped(qapp):
    task = _gone(Task(1, lambda: 42))
    task.run()  # raised RuntimeError before


def test_failure_after_window_gone_is_dropped(qapp):
    def boom():
        raise ValueError("x")

    task = _gone(Task(1, boom))
    task.run()


def test_result_still_reported_while_window_lives(qapp):
    got = []
    task = Task(7, lambda: "report")
    task.signals.done.connect(lambda g, r: got.append((g, r)))
    task.run()
    assert got == [(7, "report")]
