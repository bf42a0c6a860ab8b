import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import docx
import pytest
from lxml import etree
from openpyxl import load_workbook

from reviewer.core.engine import review
from reviewer.core.export import SaveError, export, render
from reviewer.core.export.annotate import AUTHOR, as_revision, comment_anchors, comment_text
from reviewer.core.loaders import load, load_bytes
from tests.conftest import SAMPLE, shared

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def seed_files():
    seeds = shared("seeds")
    return sorted(seeds.glob("*.txt")) + sorted(shared("seeds_docx").glob("*.docx"))


def check_annotated(data: bytes, report):
    d = docx.Document(io.BytesIO(data))
    # Punctuation fixes are revisions under one summary comment (tests/core/test_annotate.py).
    ours = [c for c in d.comments if c.author == AUTHOR and "本文稿有" not in c.text]
    body = [f for f in report.findings if f.region == "body" and not as_revision(f)]
    assert len(ours) == len(body)
    anchors = comment_anchors(data)
    by_text: dict[str, list[str]] = {}
    for c in ours:
        by_text.setdefault(c.text, []).append(anchors[str(c.comment_id)])
    for f in body:
        if f.end > f.start:
            assert f.text in by_text[comment_text(f)], f


def test_annotated_docx_for_our_sample(rules):
    doc = load(SAMPLE)
    rep = review(doc, rules)
    check_annotated(render(doc, rep, ".docx"), rep)


def test_annotated_docx_for_every_seed(rules):
    for path in seed_files():
        doc = load(path)
        rep = review(doc, rules)
        data = render(doc, rep, ".docx")
        check_annotated(data, rep)
        fixes = sorted((f for f in rep.findings if as_revision(f)), key=lambda f: -f.start)
        text = doc.text.replace("\r\n", "\n")
        for f in fixes:  # the text is untouched but for the punctuation revisions
            text = text[:f.start] + f.suggestion + text[f.end:]
        assert load_bytes(data, "x.docx").text == text


def test_issue_lists(rules, tmp_path):
    doc = load(SAMPLE)
    rep = review(doc, rules)
    export(doc, rep, tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx")
    ws = wb["问题清单"]
    assert ws.max_row == len(rep.findings) + 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert [c.value for c in ws[1]][:3] == ["序号", "类别", "级别"]
    assert wb["汇总"].cell(wb["汇总"].max_row, 5).value == len(rep.findings)
    export(doc, rep, tmp_path / "a.csv")
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))) == len(rep.findings) + 1
    export(doc, rep, tmp_path / "a.html")
    ET.parse(tmp_path / "a.html")  # well-formed
    export(doc, rep, tmp_path / "a.json")
    assert len(json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["issues"]) == len(rep.findings)


def _make_formatted_docx(path):
    d = docx.Document()
    d.add_paragraph("首页 > 范文 > 汇报材料 >")
    p = d.add_paragraph()
    r = p.add_run("近年来,我县")
    r.bold = True
    p.add_run("坚持党建引领。")
    keep = d.add_paragraph()
    keep.add_run("这一段没有问题，").italic = True
    keep.add_run("格式必须保留。")
    d.add_paragraph("##paidbegin##全年共建成党群服务站点15个。")
    d.save(path)


def test_cleaned_copy_keeps_everything_else(rules, tmp_path):
    src = tmp_path / "draft.docx"
    _make_formatted_docx(src)
    doc = load(src)
    rep = review(doc, rules)
    export(doc, rep, tmp_path / "clean.docx", clean=True)
    out = load(tmp_path / "clean.docx")
    assert out.text == "近年来，我县坚持党建引领。\n这一段没有问题，格式必须保留。\n全年共建成党群服务站点15个。"
    d = docx.Document(tmp_path / "clean.docx")
    assert d.paragraphs[0].runs[0].bold  # the bold run stayed bold after its comma was fixed
    before = [etree.tostring(p._p) for p in docx.Document(src).paragraphs if "格式必须保留" in p.text]
    after = [etree.tostring(p._p) for p in d.paragraphs if "格式必须保留" in p.text]
    assert before == after


def test_cleaned_seed_002_has_no_junk_and_other_paragraphs_unchanged(rules, tmp_path):
    src = shared("seeds_docx") / "002_00ae93957c91416c.docx"
    doc = load(src)
    rep = review(doc, rules)
    export(doc, rep, tmp_path / "clean.docx", clean=True)
    again = review(load(tmp_path / "clean.docx"), rules)
    assert not any(f.category == "site_junk" for f in again.findings)
    # Every other paragraph is still there, with the same run formatting; its text differs
    # only by the half-width punctuation the cleaning made full-width.
    orig = [p for p in docx.Document(src).paragraphs
            if not any(f.category == "site_junk" and f.text.strip() == p.text.strip() for f in rep.findings)]
    new = docx.Document(tmp_path / "clean.docx").paragraphs
    assert len(orig) == len(new) >= 2
    full = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
    markers = [f.text for f in rep.findings if f.category == "site_junk"]
    for a, b in zip(orig, new):
        expected = a.text
        for m in markers:  # junk markers inside a real line go, the line stays
            expected = expected.replace(m, "")
        assert b.text == expected.translate(full)
        rpr = lambda p: {etree.tostring(r._r.rPr) if r._r.rPr is not None else b"" for r in p.runs}
        assert rpr(a) == rpr(b)
        assert etree.tostring(a._p.pPr) == etree.tostring(b._p.pPr)


def test_track_changes(rules):
    doc = load(SAMPLE)
    rep = review(doc, rules)
    data = render(doc, rep, ".docx", track_changes=True)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    dels = root.findall(f".//{W}del")
    ins = root.findall(f".//{W}ins")
    with_sugg = [f for f in rep.findings if f.suggestion is not None and f.region == "body" and f.end > f.start]
    assert len(dels) == len(with_sugg) and 0 < len(ins) <= len(dels)
    accepted = load_bytes(data, "x.docx").text
    assert "再接再厉" in accepted and "再接再励" not in accepted and "截至目前" in accepted


def test_existing_comment_kept_and_every_case_reopens(rules, tmp_path):
    folder = shared("docx_cases")
    for path in sorted(folder.glob("*.docx")):
        doc = load(path)
        rep = review(doc, rules)
        for kw in ({}, {"track_changes": True}):
            data = render(doc, rep, ".docx", **kw)
            docx.Document(io.BytesIO(data))
            load_bytes(data, "x.docx")
        clean = render(doc, rep, ".docx", clean=True)
        docx.Document(io.BytesIO(clean))
    d = docx.Document(io.BytesIO(render(load(folder / "existing_comments.docx"),
                                        review(load(folder / "existing_comments.docx"), rules), ".docx")))
    assert any(c.author == "王审核" and c.text == "此处建议补充具体成效数据。" for c in d.comments)


def test_never_overwrites_the_draft(rules, tmp_path):
    src = tmp_path / "draft.txt"
    shutil.copy(SAMPLE, src)
    doc = load(src)
    rep = review(doc, rules)
    before = src.read_bytes()
    with pytest.raises(SaveError, match="原稿"):
        export(doc, rep, src)
    with pytest.raises(SaveError, match="不存在"):
        export(doc, rep, tmp_path / "nope" / "a.xlsx")
    with pytest.raises(SaveError, match="格式"):
        export(doc, rep, tmp_path / "a.pdf")
    assert src.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_exports_convert_with_libreoffice(rules, tmp_path):
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    doc = load(shared("seeds_docx") / "004_cf9338460a426b92.docx")
    rep = review(doc, rules)
    export(doc, rep, tmp_path / "note.docx")
    export(doc, rep, tmp_path / "track.docx", track_changes=True)
    profile = (tmp_path / "profile").as_uri()
    for name, fmt in (("note.docx", "pdf"), ("track.docx", "odt")):
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(tmp_path), str(tmp_path / name)], capture_output=True, timeout=180)
    assert (tmp_path / "note.pdf").stat().st_size > 1000
    content = zipfile.ZipFile(tmp_path / "track.odt").read("content.xml").decode("utf-8")
    assert content.count("<text:changed-region") >= 2


def test_saving_an_edited_docx_keeps_untouched_paragraphs(tmp_path):
    from reviewer.core.export.save import save_text

    src = tmp_path / "draft.docx"
    _make_formatted_docx(src)
    doc = load(src)
    edited = doc.text.replace("坚持党建引领。", "坚持党建引领，成效明显。") + "\n新增的最后一段。"
    save_text(doc, edited, tmp_path / "saved.docx")
    assert load(tmp_path / "saved.docx").text == edited
    keep = lambda path: [etree.tostring(p._p) for p in docx.Document(path).paragraphs if "格式必须保留" in p.text]
    assert keep(src) == keep(tmp_path / "saved.docx") and keep(src)
    changed = [p for p in docx.Document(tmp_path / "saved.docx").paragraphs if "成效明显" in p.text][0]
    assert changed.runs[0].bold  # the edited paragraph keeps its first run's formatting


def test_export_cli(tmp_path):
    import sys

    from tests.conftest import ROOT

    def run(*args):
        return subprocess.run([sys.executable, "-m", "reviewer", "export", *args], cwd=ROOT, capture_output=True,
                              text=True)

    out = run(str(SAMPLE), "--to", str(tmp_path / "list.xlsx"))
    assert out.returncode == 0 and (tmp_path / "list.xlsx").exists() and "已导出" in out.stderr
    out = run(str(SAMPLE), "--to", str(tmp_path / "clean.txt"), "--clean")
    assert out.returncode == 0 and "##paidbegin##" not in (tmp_path / "clean.txt").read_text(encoding="utf-8")
    out = run(str(SAMPLE), "--to", str(SAMPLE))
    assert out.returncode == 2 and "原稿" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    out = run(str(tmp_path / "missing.docx"), "--to", str(tmp_path / "x.xlsx"))
    assert out.returncode == 2 and "missing.docx" in out.stderr and "Traceback" not in out.stderr
