"""Start the window: translator, settings, crash log, optional draft path."""
from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QThreadPool, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..errorlog import log_dir
from .collector import main_thread_only
from .settings import Settings



def install_excepthook(app) -> None:
    """An unexpected exception writes a log file and tells the user where it is."""

    def hook(etype, value, tb):
        folder = log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"error-{time.strftime('%Y%m%d-%H%M%S')}.log"
            path.write_text("".join(traceback.format_exception(etype, value, tb)), encoding="utf-8")
        except OSError:
            path = None
        sys.__excepthook__(etype, value, tb)
        where = f"详细信息已写入：\n{path}" if path else "无法写入日志文件。"
        QMessageBox.critical(None, "程序出错", f"发生了意外错误：{value}\n\n{where}\n\n已打开的文稿没有被修改。")

    sys.excepthook = hook


class _OneSpelling(QTranslator):
    """Qt's catalogue with our spelling: it says 撤消 in places, the app says 撤销 everywhere."""

    def __init__(self, inner: QTranslator, parent=None):
        super().__init__(parent)
        self.inner = inner

    def translate(self, context, source, disambiguation=None, n=-1):
        text = self.inner.translate(context, source, disambiguation, n)
        return text.replace("撤消", "撤销") if text else None  # None: not translated here

    def isEmpty(self):
        return self.inner.isEmpty()


def install_translator(app) -> list:
    """Qt's own dialogs and context menus in Chinese (qtbase_zh_CN, shipped with PySide6,
    or the copy packaging/build.py puts into the bundle).  Returns what was installed."""
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    bundled = paths.resources_dir() / "i18n"
    installed = []
    for name in ("qtbase_zh_CN",):
        tr = QTranslator(app)
        if tr.load(name, folder) or tr.load(name, str(bundled)):
            installed.append(_OneSpelling(tr, app))
            app.installTranslator(installed[-1])
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    return installed


def make_settings(path: str | None = None) -> Settings:
    if path:
        return Settings(QSettings(path, QSettings.IniFormat))
    return Settings(QSettings(QSettings.IniFormat, QSettings.UserScope, "DraftReviewer", "reviewer"))


def close_window(app, window) -> None:
    """Delete the window while the QApplication still exists (PySide can crash at exit
    when Python frees them in the wrong order)."""
    window.deleteLater()
    app.sendPostedEvents(None, 0)
    app.processEvents()


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    main_thread_only()  # before any thread runs Python: gui/collector.py
    app.setApplicationName("文稿审校助手")
    app.setOrganizationName("DraftReviewer")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "app.png")))
    install_translator(app)
    install_excepthook(app)
    from .window import MainWindow

    window = MainWindow(make_settings(os.environ.get("REVIEWER_SETTINGS")))
    window.show()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_path(files[0])
    # Load jieba in the background so the first context-dependent check does not wait for it.
    from ..core.segment import warm_up
    from .worker import Task, start

    start(QThreadPool.globalInstance(), Task(0, warm_up))
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(3000)
    close_window(app, window)
    return code


def self_test(argv: list[str]) -> int:
    """--self-test: open the window offscreen on a draft, run a review, print timings, close.

    REVIEWER_LAUNCH_T0 (a time.time() taken by whoever launched us) makes the timings
    count from the launch, bootloader and imports included.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = float(os.environ.get("REVIEWER_LAUNCH_T0", "0") or 0) or time.time()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    main_thread_only()  # before any thread runs Python: gui/collector.py
    install_translator(app)
    from PySide6.QtCore import QTimer
    import tempfile

    from .window import MainWindow

    ini = os.path.join(tempfile.mkdtemp(prefix="reviewer-selftest-"), "settings.ini")
    window = MainWindow(make_settings(ini))
    window.show()
    app.processEvents()
    shown = time.time() - t0
    draft = next((a for a in argv if not a.startswith("-")), str(paths.sample_draft()))
    result = {}

    def first():
        result.setdefault("first", time.time() - t0)

    def done():
        first()
        result["full"] = time.time() - t0
        result["n"] = len(window.session.findings)
        app.quit()

    def failed(message):
        result["error"] = message
        app.quit()

    window.preliminary_ready.connect(first)
    window.review_finished.connect(done)
    window.load_failed.connect(failed)
    QTimer.singleShot(30000, app.quit)
    window.open_path(draft)
    app.exec()
    window.close()
    close_window(app, window)
    if "error" in result or "n" not in result:
        sys.stderr.write(f"self-test failed: {result.get('error', 'no review within 30 s')}\n")
        return 1
    print(f"self-test ok: {result['n']} findings; window shown {shown:.2f} s, first findings "
          f"{result['first']:.2f} s, all findings {result['full']:.2f} s after launch")
    return 0 if result["n"] > 0 else 1
