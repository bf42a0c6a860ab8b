"""The annotated .docx reads well: punctuation fixes are revisions with one summary comment
per category, not a comment each; no comment says "建议改为：：" (issue 13 §10)."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from reviewer.core.engine import review
from reviewer.core.export import render
from reviewer.core.export.annotate import AUTHOR, as_revision, comment_anchors, comment_text
from reviewer.core.findings import Finding
from reviewer.core.guide import is_punctuation_fix
from reviewer.core.loaders import load, load_bytes
from tests.conftest import shared

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OWN = "各位领导,同志们:\n截止目前,我县共建成站点15个;XX县要加强学习!\n"


def revisions(data: bytes) -> tuple[list[str], list[str]]:
    """(deleted texts, inserted texts) of our tracked changes, in document order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    dels = ["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in root.iter(f"{W}del")
            if d.get(f"{W}author") == AUTHOR]
    ins = ["".join(t.text or "" for t in i.iter(f"{W}t")) for i in root.iter(f"{W}ins")
           if i.get(f"{W}author") == AUTHOR]
    return dels, ins


def applied(text: str, findings) -> str:
    for f in sorted(findings, key=lambda f: -f.start):
        text = text[:f.start] + f.suggestion + text[f.end:]
    return text


def check(doc, rep, data: bytes) -> list:
    """The contract of the comment mode, for any draft; returns our comments."""
    body = [f for f in rep.findings if f.region == "body"]
    fixes = [f for f in body if as_revision(f)]
    others = [f for f in body if not as_revision(f)]
    comments = [c for c in docx.Document(io.BytesIO(data)).comments if c.author == AUTHOR]
    summaries = [c for c in comments if "本文稿有" in c.text]
    assert len(summaries) == len({f.category for f in fixes})
    assert len(comments) == len(others) + len(summaries)
    anchors = comment_anchors(data)
    by_text: dict[str, list[str]] = {}
    for c in comments:
        by_text.setdefault(c.text, []).append(anchors[str(c.comment_id)])
    for f in others:
        if f.end > f.start:
            assert f.text in by_text[comment_text(f)], f
    dels, ins = revisions(data)
    assert sorted(dels) == sorted(f.text for f in fixes)
    assert sorted(ins) == sorted(f.suggestion for f in fixes if f.suggestion)
    text = doc.text.replace("\r\n", "\n")
    assert load_bytes(data, "x.docx").text == applied(text, fixes)  # the accepted view
    assert not any("：：" in c.text for c in comments)
    return comments


def test_our_own_draft(rules, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(OWN, encoding="utf-8")
    doc = load(path)
    rep = review(doc, rules)
    punct = [f for f in rep.findings if f.category == "punctuation"]
    assert len(punct) == 5 and all(is_punctuation_fix(f) for f in punct)
    comments = check(doc, rep, render(doc, rep, ".docx"))
    texts = [c.text for c in comments]
    assert sum("本文稿有 5 处" in t for t in texts) == 1
    assert any("“截止”" in t and "建议改为“截至”" in t for t in texts)  # a word fix stays a comment
    assert any("XX县" in t for t in texts)


def test_track_changes_mode_has_no_summary(rules, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(OWN, encoding="utf-8")
    doc = load(path)
    rep = review(doc, rules)
    data = render(doc, rep, ".docx", track_changes=True)
    comments = [c for c in docx.Document(io.BytesIO(data)).comments if c.author == AUTHOR]
    assert not any("本文稿有" in c.text for c in comments)
    with_fix = [f for f in rep.findings if as_revision(f, track_changes=True)]
    assert len(revisions(data)[0]) == len(with_fix)
    assert "截至目前" in load_bytes(data, "x.docx").text


def test_comment_text_never_doubles_a_colon():
    f = Finding("punctuation.halfwidth", "punctuation", "warning", 0, 1, ":", "中文里应使用全角标点“：”。", "：")
    assert "：：" not in comment_text(f) and "建议改为“：”" in comment_text(f)
    gone = Finding("site_junk.x", "site_junk", "error", 0, 2, "广告", "请删除。", "")
    assert comment_text(gone).endswith("（建议删除）")
    plain = Finding("placeholder.xx", "placeholder", "error", 0, 2, "XX", "未填写。")
    assert "建议" not in comment_text(plain)


@pytest.mark.parametrize("where", ["seeds", "seeds_docx"])
def test_seed_002_has_few_comments_and_punctuation_as_revisions(rules, where):
    path = next(shared(where).glob("002_*"))
    doc = load(path)
    rep = review(doc, rules)
    data = render(doc, rep, ".docx")
    comments = check(doc, rep, data)
    assert len(comments) < 50
    punct = [f for f in rep.findings if f.category == "punctuation" and f.suggestion is not None]
    assert len(punct) > 100
    assert len(revisions(data)[0]) == len([f for f in rep.findings if as_revision(f)]) >= len(punct)
