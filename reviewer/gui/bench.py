"""GUI timings (issue 11): window shown after launch, opening a 1M-character draft (first
and all findings, peak memory), edit to findings at 10k and 1M, and fixing 10,000
punctuation marks.  ``gui_bench(build)`` returns rows (name, value, target, passed) for
scripts/bench.py; scripts/bench_gui.py prints them on their own.

Opening 1M runs in a fresh process (``python -m reviewer.gui.bench --open PATH``) so that
its peak memory is the window's own.
"""
from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _window(tmp: Path):
    from PySide6.QtCore import QThreadPool

    from .collector import main_thread_only
    from .main import make_settings
    from .window import MainWindow

    os.environ.setdefault("REVIEWER_CONFIG_DIR", str(tmp / "config"))
    main_thread_only()  # (the window would, once built: gui/collector.py)
    w = MainWindow(make_settings(str(tmp / "s.ini")), QThreadPool())
    w.show()
    return w


def _wait(w, signal=None, timeout_ms: int = 120_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    signal = signal or w.review_finished
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _close(w) -> None:
    from .main import close_window

    w.editor.document().setModified(False)  # nothing to save: no modal question on close
    w.close()
    close_window(_app(), w)


def _peak_mb() -> float:
    """This process's own peak memory: VmHWM where /proc has it.  (ru_maxrss is no good in
    a child: Linux carries the parent's peak into it through fork and exec, so the bench
    process's peak after its 5M review was reported as the window's.)"""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_timings(path: str) -> dict:
    """Seconds from open_path to the first findings on screen and to all of them, and the
    peak memory of this process (MB).  jieba is warm, as it is a moment after launch."""
    from ..core import segment

    _app()
    segment.warm_up()
    w = _window(Path(tempfile.mkdtemp()))
    got: dict = {}
    t0 = time.perf_counter()
    w.preliminary_ready.connect(lambda: got.setdefault("first", time.perf_counter() - t0))
    w.open_path(path)
    _wait(w)
    got["all"] = time.perf_counter() - t0
    got.setdefault("first", got["all"])
    got["findings"] = len(w.session.findings)
    got["rss_mb"] = _peak_mb()
    _close(w)
    return got


def edit_to_findings(w, edits: int = 5) -> float:
    """Median seconds from a typed character to its findings, typing pause excluded."""
    from PySide6.QtGui import QTextCursor

    from .window import TYPING_PAUSE_MS

    times = []
    for k in range(edits):
        cur = QTextCursor(w.editor.document())
        cur.setPosition(w.editor.document().characterCount() // 2 + k * 97)
        t = time.perf_counter()
        cur.insertText("的")
        _wait(w)
        times.append(time.perf_counter() - t - TYPING_PAUSE_MS / 1000)
    return statistics.median(times)


def bulk_fix(w, tmp: Path, marks: int = 10_000) -> tuple[float, bool]:
    """Seconds to apply 全部改为全角 to ``marks`` half-width commas; whether one undo restores."""
    line = "今天我们召开会议,研究部署工作,安排下一阶段任务,大家要认真落实,确保取得实效,"
    path = tmp / "commas.txt"
    path.write_text("在全县工作会议上的讲话\n同志们：\n" + (line + "\n") * (marks // 5) + "谢谢大家！\n", encoding="utf-8")
    w.open_path(str(path))
    _wait(w)
    original = w.editor.text()
    apply = w.editor.apply_edits
    spent = []

    def timed(edits, label=""):
        t = time.perf_counter()
        done = apply(edits, label)
        spent.append(time.perf_counter() - t)
        return done

    w.editor.apply_edits = timed
    n = w.fix_category("punctuation")
    w.editor.apply_edits = apply
    _wait(w)
    w.editor.undo()
    return (spent[0] if spent and n == marks else float("inf")), w.editor.text() == original


def window_shown() -> float:
    """Seconds from launching a fresh `python -m reviewer --self-test` to the window shown.

    As installed: pip and the frozen app keep compiled bytecode, so a PYTHONDONTWRITEBYTECODE
    of the measuring shell (which would make every launch compile the window's modules again)
    is left out, as scripts/bench.py does for the CLI; gui_bench drops the first launch."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", REVIEWER_LAUNCH_T0=str(time.time()))
    out = subprocess.run([sys.executable, "-m", "reviewer", "--self-test"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    m = re.search(r"window shown ([\d.]+) s", out.stdout)
    return float(m.group(1)) if m else float("inf")


def gui_bench(build) -> list[tuple]:
    rows = []
    shown = statistics.median([window_shown() for _ in range(4)][1:])  # the first may write bytecode
    rows.append(("window shown after launch (fresh process)", f"{shown:.2f} s", "≤ 0.5 s", shown <= 0.5))
    tmp = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    big = tmp / "draft-1m.txt"
    big.write_text(build(1_000_000), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewer.gui.bench", "--open", str(big)], cwd=ROOT,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True)
    try:
        got = json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        got = {"first": float("inf"), "all": float("inf"), "rss_mb": float("inf")}
    rows.append(("open 1M chars: first findings", f"{got['first']:.2f} s", "≤ 3 s", got["first"] <= 3))
    rows.append(("open 1M chars: all findings", f"{got['all']:.2f} s", "≤ 5 s", got["all"] <= 5))
    rows.append(("open 1M chars: peak memory", f"{got['rss_mb']:.0f} MB", "≤ 400 MB", got["rss_mb"] <= 400))
    _app()
    w = _window(tmp)
    for size, limit in ((10_000, 0.030), (1_000_000, 0.150)):
        path = tmp / f"draft-{size}.txt"
        path.write_text(build(size), encoding="utf-8")
        w.open_path(str(path))
        _wait(w)
        secs = edit_to_findings(w, 5 if size <= 10_000 else 3)
        rows.append((f"GUI edit to findings, {size:,} chars", f"{secs * 1000:.0f} ms", f"≤ {limit * 1000:.0f} ms",
                     secs <= limit))
        w.editor.document().setModified(False)
    secs, undone = bulk_fix(w, tmp)
    rows.append(("全部改为全角, 10,000 marks (one undo step)", f"{secs:.2f} s", "≤ 1 s", secs <= 1 and undone))
    _close(w)
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--open":
        print(json.dumps(open_timings(sys.argv[2])))
