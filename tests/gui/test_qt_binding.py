"""Guards against Qt binding bugs that only show after many calls (see pyproject.toml)."""
import subprocess
import sys

CODE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from PySide6.QtGui import QTextCursor
app = QApplication([])
ed = QPlainTextEdit()
ed.setPlainText("测试文本" * 3000)
doc = ed.document()
for i in range(60000):
    cur = QTextCursor(doc)
    cur.setPosition(i % 10000)
    cur.setPosition(i % 10000 + 3, QTextCursor.MoveMode.KeepAnchor)
print("survived")
"""


def test_text_cursor_set_position_does_not_corrupt_refcounts():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "survived" in out.stdout, out.stderr[-500:]
