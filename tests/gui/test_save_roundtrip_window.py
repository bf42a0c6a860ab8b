"""Saving from the window keeps what the user did not change (issue 14, item 1)."""
from __future__ import annotations

import codecs

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from reviewer.core.loaders import load
from reviewer.core.loaders.docx import W, w
from tests.core.test_save_roundtrip import PLAIN, RICH, TABLE, _build_docx, _paragraph_xml
from tests.conftest import docx_package, zip_package
from tests.gui.conftest import open_and_wait

LINES = ["在全县工作会议上的讲话", "同志们：", "今年以来，\u00a0XX县\u2028各项工作稳步推进。", "\t一、主要成绩", "", "谢谢大家！"]
ENDS = ["\r\n", "\n", "\r\n", "\r", "\n", "\r\n"]


def _txt() -> str:
    return "".join(line + end for line, end in zip(LINES, ENDS))


def _replace_block(window, old: str, new: str) -> None:
    """Select one line (block) in the editor and type over it, as a user would."""
    block = window.editor.document().findBlock(0)
    while block.isValid() and block.text() != old:
        block = block.next()
    assert block.isValid(), old
    cur = QTextCursor(block)
    cur.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
    cur.insertText(new)


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-8", b""), ("gb18030", b""),
                                          ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_txt_with_nbsp_and_mixed_line_ends_saves_only_the_edited_line(qtbot, window, tmp_path, encoding, bom):
    data = bom + _txt().encode(encoding)
    src = tmp_path / "draft.txt"
    src.write_bytes(data)
    open_and_wait(qtbot, window, src)
    assert "\u00a0" in window.session.document.text  # what is checked is what is on screen

    out = tmp_path / "same.txt"
    assert window.save_to(str(out))
    assert out.read_bytes() == data  # nothing edited: the same bytes

    _replace_block(window, "同志们：", "各位同志：")
    out = tmp_path / "edited.txt"
    assert window.save_to(str(out))
    assert out.read_bytes() == bom + _txt().replace("同志们：", "各位同志：").encode(encoding)


def test_docx_with_soft_break_picture_and_field_saves_identical_and_keeps_formatting(qtbot, window, tmp_path):
    raw = _build_docx(PLAIN.format("标题") + RICH + TABLE + PLAIN.format("结尾段落。"))
    src = tmp_path / "rich.docx"
    src.write_bytes(raw)
    open_and_wait(qtbot, window, src)
    out = tmp_path / "same.docx"
    assert window.save_to(str(out))
    assert out.read_bytes() == raw

    _replace_block(window, "第二行斜体 \t制表后3页尾", "第二行仍是斜体 \t制表后3页尾")
    out = tmp_path / "edited.docx"
    assert window.save_to(str(out))
    data = out.read_bytes()
    assert load(out).text == window.editor.text()
    before, after = _paragraph_xml(raw), _paragraph_xml(data)
    assert len(before) == len(after)  # the soft break did not split the paragraph
    changed = [k for k, (b, a) in enumerate(zip(before, after)) if b[1] != a[1]]
    assert changed == [1]
    p = after[1][2][0]
    italic = ["".join(t.text for t in r.iter(w("t"))) for r in p.iter(w("r"))
              if r.find(f"{w('rPr')}/{w('i')}") is not None]
    assert italic == ["第二行仍是斜体 "]
    assert len(list(p.iter(w("drawing")))) == 1 and len(list(p.iter(w("br")))) == 1
    assert len(list(p.iter(w("fldChar")))) == 3


def test_docx_declaring_entities_opens_read_only_with_a_clear_message(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    src = tmp_path / "实体.docx"
    src.write_bytes(zip_package(docx_package(**{"word/document.xml": (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "甲">]><w:document xmlns:w="{W}"><w:body>'
        '<w:p><w:r><w:t>同志们：今年以来XX县工作&a;</w:t></w:r></w:p></w:body></w:document>').encode()})))
    open_and_wait(qtbot, window, src)
    assert window.editor.isReadOnly()
    assert not window.draft.readonly_bar.isHidden() and "只读" in window.draft.readonly_bar.text()
    assert "实体" in window.draft.readonly_bar.text() and "只读" in window.windowTitle()
    assert window.save_to(str(tmp_path / "原样.docx"))
    assert (tmp_path / "原样.docx").read_bytes() == src.read_bytes()
    assert not shown

    # the next, ordinary file is editable again
    plain = tmp_path / "plain.txt"
    plain.write_bytes(_txt().encode("utf-8"))
    open_and_wait(qtbot, window, plain)
    assert not window.editor.isReadOnly() and window.draft.readonly_bar.isHidden()
