"""Every damaged or hostile file is read or refused in one Chinese line naming it.

The byte-mutants of the seed .docx files are built here (seeded, in tmp_path); the
counts tried / handled are printed at the end of the run.
"""
import contextlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import time
import zipfile

import pytest

from reviewer.core.document import DocumentError
from reviewer.core.export import SaveError, render
from reviewer.core.loaders import load, load_bytes
from tests.conftest import SAMPLE, docx_package, report_at_end, shared, zip_package

COUNTS: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _closing_note(request):
    yield
    if not COUNTS:
        return
    report_at_end(request, [f"reliability {k}: {v}" for k, v in sorted(COUNTS.items())])


class _Report:
    findings: list = []
    genre = None


def _one_line_naming(err: Exception, name: str) -> None:
    msg = str(err)
    assert name in msg, msg
    assert "\n" not in msg and "\r" not in msg, msg
    assert "内部错误" not in msg, msg
    assert any("\u4e00" <= ch <= "\u9fff" for ch in msg), msg


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    buf = bytearray(data)
    kind = rng.choice(["flip", "flip", "truncate", "zero", "insert", "delete", "copy"])
    p = rng.randrange(len(buf))
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            q = rng.randrange(len(buf))
            buf[q] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del buf[p:]
    elif kind == "zero":
        n = len(buf[p:p + rng.randint(1, 64)])
        buf[p:p + n] = bytes(n)
    elif kind == "insert":
        buf[p:p] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif kind == "delete":
        del buf[p:p + rng.randint(1, 16)]
    else:
        q, n = rng.randrange(len(buf)), rng.randint(4, 200)
        buf[p:p + n] = buf[q:q + n]
    return kind, bytes(buf)


def _read_or_refuse(path, stats) -> object | None:
    try:
        doc = load(path)
    except DocumentError as e:
        _one_line_naming(e, path.name if hasattr(path, "name") else os.path.basename(path))
        stats["refused"] += 1
        return None
    stats["read"] += 1
    return doc


def _export_all(doc, out_name, stats) -> None:
    for suffix in (".docx", ".xlsx", ".csv"):
        try:
            data = render(doc, _Report(), suffix, out_path=out_name + suffix)
        except SaveError as e:
            _one_line_naming(e, out_name + suffix)
            stats["export refused"] += 1
            continue
        stats["exported"] += 1
        if suffix == ".docx":
            load_bytes(data, "check.docx")  # what we write, we can read back


def test_byte_mutants_of_seed_docx(tmp_path):
    seeds = sorted(shared("seeds_docx").glob("*.docx"))
    rng = random.Random(20241214)
    stats = {"read": 0, "refused": 0, "exported": 0, "export refused": 0}
    originals = [s.read_bytes() for s in seeds]
    n = 300
    started = time.monotonic()
    paths = []
    for i in range(n):
        kind, data = mutate(originals[i % len(originals)], rng)
        path = tmp_path / f"变异{i:03d}-{kind}.docx"
        path.write_bytes(data)
        paths.append(str(path))
        doc = _read_or_refuse(path, stats)
        if doc is not None:
            _export_all(doc, f"out{i}", stats)
    assert stats["read"] + stats["refused"] == n
    # The whole command line, all mutants in one call: one object each, every error named.
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", *paths],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    data = json.loads(out.stdout)
    assert [d["file"] for d in data] == paths and out.returncode in (1, 2)
    errors = [d for d in data if "error" in d]
    assert len(errors) == stats["refused"] and "内部错误" not in out.stderr
    assert all(os.path.basename(d["file"]) in d["error"] for d in errors)
    elapsed = time.monotonic() - started
    COUNTS["byte mutants"] = (f"{n} tried, {stats['read']} read, {stats['refused']} refused with a named reason, "
                              f"0 internal errors; exports {stats['exported']} written, "
                              f"{stats['export refused']} refused ({elapsed:.1f} s)")
    assert elapsed < 60


def test_realworld_docx_read_or_refused_and_exported():
    folder = shared("realworld_docx")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() != ".md")
    stats = {"read": 0, "refused": 0, "exported": 0, "export refused": 0}
    for path in files:
        doc = _read_or_refuse(path, stats)
        if doc is not None:
            _export_all(doc, path.stem, stats)
    COUNTS["realworld_docx"] = (f"{len(files)} tried, {stats['read']} read, {stats['refused']} refused with a "
                                f"named reason; exports {stats['exported']} written, "
                                f"{stats['export refused']} refused")
    assert stats["read"] + stats["refused"] == len(files)


def _corrupt_member(data: bytes, member: str) -> bytes:
    """``data`` with the compressed bytes of ``member`` damaged (a bad CRC / deflate stream)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(member)
    buf = bytearray(data)
    header = info.header_offset
    name_len = int.from_bytes(buf[header + 26:header + 28], "little")
    extra_len = int.from_bytes(buf[header + 28:header + 30], "little")
    start = header + 30 + name_len + extra_len
    for k in range(start + 2, start + min(info.compress_size, 40)):
        buf[k] ^= 0x5A
    return bytes(buf)


def test_crafted_packages(tmp_path):
    good = zip_package(docx_package())
    lzma_doc = zip_package(docx_package(), zipfile.ZIP_LZMA)
    bad_main = _corrupt_member(good, "word/document.xml")
    bad_styles = _corrupt_member(good, "word/styles.xml")
    cases = {
        "坏正文.docx": bad_main,
        "坏样式.docx": bad_styles,
        "lzma.docx": lzma_doc,
        "截断.docx": good[: len(good) * 2 // 3],
        "无中央目录.docx": good[: good.rfind(b"PK\x05\x06")],
        "空压缩包.docx": zip_package({}),
        "深层嵌套.docx": zip_package(docx_package(**{"word/document.xml": "<a>" * 100000 + "</a>" * 100000})),
        "实体.docx": zip_package(docx_package(**{"word/document.xml":
                                          '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                                          '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                          'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r>'
                                          '</w:p></w:body></w:document>'})),
    }
    stats = {"read": 0, "refused": 0, "exported": 0, "export refused": 0}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        doc = _read_or_refuse(path, stats)
        if doc is not None:
            _export_all(doc, "导出", stats)
    assert stats["read"] + stats["refused"] == len(cases)


def test_macro_template_and_damaged_side_parts_still_export(tmp_path):
    """.docm/.dotx content types, a missing image and a bad CRC outside the body: the
    annotated copy is still written (python-docx alone raised ValueError/KeyError/BadZipFile)."""
    import docx

    parts = docx_package()
    ct = parts["[Content_Types].xml"].decode()
    cases = {
        "宏.docm": ct.replace("wordprocessingml.document.main+xml", "DUMMY").replace(
            "application/vnd.openxmlformats-officedocument.DUMMY", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        "模板.dotx": ct.replace("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"),
    }
    for name, types in cases.items():
        path = tmp_path / name
        path.write_bytes(zip_package({**parts, "[Content_Types].xml": types}))
        doc = load(path)
        out = render(doc, _Report(), ".docx", out_path="x.docx")
        assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "正文第一段"
    rels = parts["word/_rels/document.xml.rels"].decode()
    missing = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                           'officeDocument/2006/relationships/image" Target="media/gone.png"/></Relationships>')
    path = tmp_path / "缺图.docx"
    path.write_bytes(zip_package({**parts, "word/_rels/document.xml.rels": missing}))
    docx.Document(io.BytesIO(render(load(path), _Report(), ".docx", out_path="y.docx")))
    theme = next(n for n in parts if n.startswith("word/theme/"))
    path = tmp_path / "坏主题.docx"
    path.write_bytes(_corrupt_member(zip_package(parts), theme))
    docx.Document(io.BytesIO(render(load(path), _Report(), ".docx", out_path="z.docx")))


def test_fifo_device_directory_socket_refused_before_reading(tmp_path):
    fifo = tmp_path / "管道.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    folder = tmp_path / "文件夹.docx"
    folder.mkdir()
    try:
        for path, words in ((fifo, "管道"), (tmp_path / "zero.docx", "设备"), (folder, "文件夹"),
                            (sock_path, "套接字")):
            started = time.monotonic()
            with pytest.raises(DocumentError, match=words) as err:
                load(path)
            _one_line_naming(err.value, path.name)
            assert time.monotonic() - started < 2
    finally:
        sock.close()


def test_size_limit_applies_to_bytes_read(monkeypatch, tmp_path):
    """/proc files report size 0 but have content: the cap is on what is read."""
    from reviewer.core.loaders import safeio

    maps = "/proc/self/maps"
    if not os.path.exists(maps):
        pytest.skip("no /proc")
    assert os.stat(maps).st_size == 0
    with pytest.raises(DocumentError, match="过大"):
        safeio.read_regular(maps, 64)
    monkeypatch.setattr("reviewer.core.loaders.MAX_FILE", 1000)
    big = tmp_path / "big.txt"
    big.write_text("正文" * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="过大") as err:
        load(big)
    _one_line_naming(err.value, "big.txt")


def test_file_names_with_line_breaks_stay_one_line(tmp_path):
    path = tmp_path / "坏\n名字.docx"
    path.write_bytes(b"PK\x03\x04broken")
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", str(path)], capture_output=True, text=True,
                         encoding="utf-8", timeout=60)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "名字.docx" in out.stderr and "内部错误" not in out.stderr


def test_several_files_each_get_an_object(tmp_path):
    """Good, damaged, FIFO, device and missing files in one call: one object each, in order."""
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    crc = tmp_path / "crc.docx"
    crc.write_bytes(_corrupt_member(zip_package(docx_package()), "word/document.xml"))
    lz = tmp_path / "lzma.docx"
    lz.write_bytes(zip_package(docx_package(), zipfile.ZIP_LZMA))
    files = [str(SAMPLE), str(crc), str(fifo), "/dev/zero", str(tmp_path / "gone.docx"), str(lz), str(SAMPLE)]
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", *files],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 2
    data = json.loads(out.stdout)
    assert [d["file"] for d in data] == files
    assert data[0]["issues"] and data[-1]["issues"] and "error" not in data[0]
    for d in data[1:5]:
        assert d["issues"] == [] and os.path.basename(d["file"]) in d["error"] and "内部错误" not in d["error"]
    assert "内部错误" not in out.stderr and len(out.stderr.strip().splitlines()) == sum("error" in d for d in data)


def test_export_of_damaged_draft_is_a_named_save_error(tmp_path):
    from reviewer.app import main

    crc = tmp_path / "坏主题.docx"
    parts = docx_package()
    theme = next(n for n in parts if n.startswith("word/theme/"))
    crc.write_bytes(_corrupt_member(zip_package(parts), theme))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["export", str(crc), "--to", str(tmp_path / "批注.docx")])
    assert rc == 0 and "内部错误" not in err.getvalue()
    bad = tmp_path / "坏.docx"
    bad.write_bytes(_corrupt_member(zip_package(parts), "word/document.xml"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["export", str(bad), "--to", str(tmp_path / "批注2.docx")])
    assert rc == 2 and "坏.docx" in err.getvalue() and "内部错误" not in err.getvalue()
    assert err.getvalue().count("\n") == 1


def test_saving_a_damaged_or_entity_docx_is_a_named_save_error(tmp_path):
    from reviewer.core.export.save import save_text

    parts = docx_package()
    theme = next(n for n in parts if n.startswith("word/theme/"))
    damaged = tmp_path / "坏主题.docx"
    damaged.write_bytes(_corrupt_member(zip_package(parts), theme))
    entity = tmp_path / "实体.docx"
    entity.write_bytes(zip_package({**parts, "word/document.xml":
                             '<!DOCTYPE d [<!ENTITY a "甲">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
                             'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文&a;</w:t></w:r></w:p>'
                             '</w:body></w:document>'}))
    for src in (damaged, entity):
        doc = load(src)
        with pytest.raises(SaveError) as err:
            save_text(doc, doc.text + "\n新增一段", tmp_path / "另存.docx")
        assert "\n" not in str(err.value) and "内部错误" not in str(err.value)
        assert not (tmp_path / "另存.docx").exists()
