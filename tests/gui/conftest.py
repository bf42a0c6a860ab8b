import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from reviewer.gui.main import make_settings
from reviewer.gui.window import MainWindow


@pytest.fixture(scope="package", autouse=True)
def collector_on_the_gui_thread():
    """A window keeps Python's cycle collector on the GUI thread for the rest of the process
    (gui/collector.py: main_thread_only); the tests after these get the usual collector."""
    yield
    from reviewer.gui.collector import end_main_thread_only

    end_main_thread_only()


@pytest.fixture
def ini(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, ini, monkeypatch, tmp_path):
    """Real windows over a temporary settings file and word list; modal questions
    answered 'No' unless a test says."""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.No))

    def unexpected(parent, title, text, *a, **k):  # a modal box would hang the test run
        raise AssertionError(f"unexpected message box {title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(unexpected))
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "config"))
    pools = []

    def make():
        pool = QThreadPool()
        pools.append(pool)
        w = MainWindow(make_settings(ini), pool)
        qtbot.addWidget(w)
        w.show()
        return w

    yield make
    for pool in pools:
        pool.waitForDone(5000)


@pytest.fixture
def window(make_window):
    return make_window()


def open_and_wait(qtbot, w, path):
    with qtbot.waitSignal(w.review_finished, timeout=15000):
        w.open_path(str(path))
    return w


def body(w) -> list:
    """The window's shown body findings, in text order."""
    return w.session.body


def shown(w) -> list:
    return w.session.findings
