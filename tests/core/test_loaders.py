import codecs
import io
import json
import os
import zipfile

import pytest

from reviewer.core.document import DocumentError
from reviewer.core.loaders import load
from tests.conftest import shared

TEXT = "在全县工作会议上的讲话\r\n同志们：\n今年以来，XX县各项工作稳步推进。\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_txt_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "draft.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    doc = load(path)
    assert doc.text == TEXT  # no newline translation, no BOM
    assert [doc.text[p.start:p.end] for p in doc.paragraphs][:3] == [
        "在全县工作会议上的讲话", "同志们：", "今年以来，XX县各项工作稳步推进。"]


def _docx_bytes(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buf.getvalue()


def _make_docx(tmp_path, paragraphs, name="d.docx"):
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    path = tmp_path / name
    d.save(path)
    return path


def test_docx_paragraphs_and_offsets(tmp_path):
    path = _make_docx(tmp_path, ["标题", "", "第二段👍XX县"])
    doc = load(path)
    assert doc.text == "标题\n\n第二段👍XX县"
    p = doc.paragraphs[2]
    assert doc.text[p.start:p.end] == "第二段👍XX县" and p.start == 4


BAD_CASES = {
    "empty.txt": (b"", "空"),
    "blank.txt": (b"  \n\n ", "没有文字"),
    "binary.txt": (bytes(range(256)) * 4, "不是文本"),
    "truncated.docx": (None, "损坏"),
    "encrypted.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"), "密码"),
    "notword.docx": (_docx_bytes({"hello.txt": "hi"}), "不是 Word"),
    "notzip.docx": (b"this is plain text renamed to docx", "不是 .docx"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200, ".docx"),
    "badxml.docx": (_docx_bytes({"word/document.xml": "<w:document"}), "XML"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_gives_chinese_reason(tmp_path, name, monkeypatch):
    data, words = BAD_CASES[name]
    if name == "truncated.docx":
        good = _make_docx(tmp_path, ["正文"]).read_bytes()
        data = good[: len(good) // 2]
    monkeypatch.setattr("reviewer.core.loaders.soffice", lambda: None)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        load(path)
    msg = str(err.value)
    assert name in msg and words in msg and "\n" not in msg


def test_zip_bomb_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<a>" + " " * (80 * 1024 * 1024) + "</a>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentError, match="异常庞大"):
        load(path)


def test_unknown_encoding(tmp_path):
    path = tmp_path / "weird.txt"
    # Shift-JIS-ish bytes that are neither UTF-8 nor GB18030-clean and contain controls.
    path.write_bytes(b"\x82\xa0\x82\xa2\x01\x02\x03\x04\x05\x06\x07\x08" * 50)
    with pytest.raises(DocumentError):
        load(path)


def test_a_short_draft_with_a_few_lost_characters_opens(tmp_path):
    # a page that lost its dashes and a rare character: four U+FFFD in 200 characters is
    # text the user wants reviewed, not a binary file (it was refused before)
    path = tmp_path / "lost.txt"
    path.write_text("九三学社新社员学习班有感\ufffd\ufffd学习心得\n" + "我们认真学习了社章和社史。" * 12
                    + "要弘扬\ufffd\ufffd精神。\n", encoding="utf-8")
    assert "\ufffd" in load(path).text
    # ... while a file that is mostly replacement characters is no draft
    junk = tmp_path / "junk.txt"
    junk.write_text("\ufffd" * 300 + "标题", encoding="utf-8")
    with pytest.raises(DocumentError, match="控制字符"):
        load(junk)


def test_missing_and_unreadable(tmp_path):
    with pytest.raises(DocumentError, match="不存在"):
        load(tmp_path / "gone.txt")
    with pytest.raises(DocumentError, match="文件夹"):
        load(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("内容", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() == 0:
            pytest.skip("root can read any file")
        with pytest.raises(DocumentError, match="权限"):
            load(locked)
    finally:
        locked.chmod(0o644)


def test_docx_cases_text_and_regions():
    folder = shared("docx_cases")
    for exp_path in sorted(folder.glob("*.expected.json")):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        doc = load(folder / exp["file"])
        regions = {r.name: r.text for r in doc.regions}
        assert doc.text == exp["body_text"], exp["file"]
        assert regions.get("header", "") == exp["header_text"], exp["file"]
        assert regions.get("footer", "") == exp["footer_text"], exp["file"]
        if "headings" in exp:
            got = [[doc.text[p.start:p.end], p.level] for p in doc.paragraphs if p.level]
            assert got == exp["headings"], exp["file"]


def test_docx_cases_flags(rules):
    from reviewer.core.engine import review

    folder = shared("docx_cases")
    for exp_path in sorted(folder.glob("*.expected.json")):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        doc = load(folder / exp["file"])
        regions = {r.name: r.text for r in doc.regions}
        report = review(doc, rules)
        for item in exp["must_flag"]:
            region = item.get("region", "body")
            text = regions[region]
            pos = text.find(item["text"])
            assert pos >= 0
            assert any(f.category == item["category"] and f.region == region
                       and f.start < pos + len(item["text"]) and pos < f.end for f in report.findings), (exp["file"], item)
        for item in exp["must_not_flag"]:
            region = item.get("region", "body")
            text = regions.get(region, "")
            assert (item["text"] in text) == item["present"], (exp["file"], item)
            pos = text.find(item["text"])
            if pos >= 0:
                assert not any(f.region == region and f.start < pos + len(item["text"]) and pos < f.end
                               and f.category != "missing_section" for f in report.findings), (exp["file"], item)


def _core_xml(created=None, modified=None, extra="", prolog='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'):
    def prop(key, value):
        return f'<dcterms:{key} xsi:type="dcterms:W3CDTF">{value}</dcterms:{key}>' if value is not None else ""
    return (prolog + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:creator>someone</dc:creator>{extra}{prop("created", created)}{prop("modified", modified)}'
            '</cp:coreProperties>')


def test_docx_core_dates():
    from reviewer.core.document import Document
    from reviewer.core.loaders.docx import load_docx
    from tests.conftest import docx_package, zip_package

    def meta(**parts):
        return load_docx(zip_package(docx_package(**parts)), "d.docx").meta

    # python-docx's own default core.xml is read as it is (judging it is rules/stale.py's business)
    assert meta() == {"created": "2013-12-23T23:15:00Z", "modified": "2013-12-23T23:15:00Z"}
    assert meta(**{"docProps/core.xml": _core_xml("2019-03-05T08:00:00Z", "2020-01-02")}) == {
        "created": "2019-03-05T08:00:00Z", "modified": "2020-01-02"}
    assert meta(**{"docProps/core.xml": _core_xml(None, "2021-06-01T00:00:00+08:00")}) == {
        "modified": "2021-06-01T00:00:00+08:00"}
    # not a date, broken XML, an entity, an oversized part: no dates, and the draft still opens
    assert meta(**{"docProps/core.xml": _core_xml("去年", "")}) == {}
    assert meta(**{"docProps/core.xml": "<cp:coreProperties"}) == {}
    entity = _core_xml("&a;", prolog='<?xml version="1.0"?><!DOCTYPE cp:coreProperties [<!ENTITY a "2019-01-01">]>')
    doc = load_docx(zip_package(docx_package(**{"docProps/core.xml": entity})), "d.docx")
    assert doc.meta == {} and "正文第一段" in doc.text
    assert meta(**{"docProps/core.xml": _core_xml("2019-03-05", extra="<x>" + "很" * 200_000 + "</x>")}) == {}
    # a package without core properties, and a .txt draft, have none
    parts = docx_package()
    del parts["docProps/core.xml"]
    assert load_docx(zip_package(parts), "d.docx").meta == {}
    assert Document.from_text("2019年工作报告").meta == {}
