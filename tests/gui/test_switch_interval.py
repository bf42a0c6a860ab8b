"""Issue 11: while a review runs on the pool, the GUI thread's calls into Python do not
wait the default 5 ms each for the worker to hand over the interpreter lock (the window's
ReviewRunner sets a 0.5 ms switch interval)."""
import sys
import threading
import time

from PySide6.QtCore import QThreadPool

from reviewer.gui.worker import SWITCH_INTERVAL, ReviewRunner


def _handovers(calls: int) -> float:
    """Seconds the main thread takes to get the lock back ``calls`` times while another
    thread runs Python without pause (each time.sleep(0) gives the lock up)."""
    stop = threading.Event()

    def spin():
        n = 0
        while not stop.is_set():
            n += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.05)
        t0 = time.perf_counter()
        for _ in range(calls):
            time.sleep(0)
        return time.perf_counter() - t0
    finally:
        stop.set()
        t.join()


def test_the_review_runner_shortens_the_wait_for_the_interpreter_lock(qapp):
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default, whatever an earlier test left
        slow = _handovers(40)
        ReviewRunner(QThreadPool())
        assert sys.getswitchinterval() <= SWITCH_INTERVAL
        fast = _handovers(40)
        # ~10x in theory (0.2 s against 0.02 s here); a loaded machine stretches both alike
        assert fast < slow / 3, (slow, fast)
    finally:
        sys.setswitchinterval(before)
