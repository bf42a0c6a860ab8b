"""python -m reviewer.gui.screenshot OUT.png [DRAFT] — the real window, grabbed to a PNG."""
from __future__ import annotations

import sys
import tempfile

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from .. import paths
from .collector import main_thread_only
from .main import install_translator, make_settings
from .window import MainWindow


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else "screenshot.png"
    draft = argv[1] if len(argv) > 1 else str(paths.sample_draft())
    app = QApplication.instance() or QApplication([sys.argv[0]])
    main_thread_only()  # gui/collector.py
    install_translator(app)
    ini = tempfile.NamedTemporaryFile(suffix=".ini", delete=False).name
    w = MainWindow(make_settings(ini))
    w.resize(1400, 860)
    w.show()
    loop = QEventLoop()
    w.review_finished.connect(loop.quit)
    QTimer.singleShot(15000, loop.quit)
    w.open_path(draft)
    loop.exec()
    w.panel.step(True)
    app.processEvents()
    w.grab().save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
