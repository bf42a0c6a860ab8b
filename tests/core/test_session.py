"""The review session without Qt: edits keep paragraph metadata, references load once,
ignores and the word list hide findings, navigation and fill-in order, export."""
import io
import json
import os
import sys
import threading

import pytest

from reviewer.core.document import Document, Paragraph
from reviewer.core.loaders import load
from reviewer.core.session import ReferenceCache, ReviewSession
from reviewer.core.userdata import (ALL_DOCUMENTS, FileIgnoreStore, MemoryIgnoreStore, WordList, finding_keys,
                                    ignore_file_for)

DRAFT = ("关于XX县工作情况的汇报\n各位领导：\n截止目前，全县完成投资万元，XX项目进展顺利。"
         "我们坚持问题导向，狠抓工作落实，各项工作取得新成效。\n")


def _styled_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("关于XX县工作情况的汇报", level=1)
    d.add_paragraph("各位领导：")
    d.add_heading("一、主要工作", level=2)
    d.add_paragraph("截止目前，全县完成投资万元。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "金额"
    path = tmp_path / "styled.docx"
    d.save(path)
    return path


def test_edited_keeps_metadata_of_unchanged_paragraphs(tmp_path):
    doc = load(_styled_docx(tmp_path))
    lines = doc.text.split("\n")
    new_text = "\n".join([lines[0], "新加的一段。", *lines[1:3], lines[3] + "再补一句。", *lines[4:]])
    edited = doc.edited(new_text)
    assert edited.text == new_text and edited.kind == "docx" and edited.raw is doc.raw
    by_text = {edited.text[p.start:p.end]: p for p in edited.paragraphs}
    old = {doc.text[p.start:p.end]: p for p in doc.paragraphs}
    assert by_text[lines[0]].level == old[lines[0]].level == 1
    assert by_text["一、主要工作"].level == 2 and by_text["一、主要工作"].style == old["一、主要工作"].style
    assert by_text["项目"].source == old["项目"].source and "表格" in by_text["项目"].source
    assert by_text["新加的一段。"].style is None and by_text["新加的一段。"].level is None
    changed = lines[3] + "再补一句。"
    assert by_text[changed].style is None
    # every character of the new text belongs to exactly one paragraph or a joining \n
    assert [edited.text[p.start:p.end] for p in edited.paragraphs] == new_text.split("\n")


def test_edited_same_text_is_the_same_document():
    doc = Document.from_text(DRAFT)
    assert doc.edited(DRAFT) is doc


def test_edited_txt_is_split_into_lines_again():
    doc = Document.from_text("第一行\r\n第二行")
    edited = doc.edited("第一行\n插入\n第二行")
    assert [p.source for p in edited.paragraphs] == ["第1行", "第2行", "第3行"]


def test_session_reviews_the_loaded_docx_like_the_engine(tmp_path, rules):
    from reviewer.core.engine import ReviewOptions, review

    doc = load(_styled_docx(tmp_path))
    session = ReviewSession(rules, doc)
    report = session.check()
    direct = review(doc, rules, ReviewOptions())
    assert [f.to_dict() for f in report.findings] == [f.to_dict() for f in direct.findings]
    headings = [o.text for o in report.outline if o.kind == "heading"]
    assert "一、主要工作" in headings
    # an edit elsewhere keeps the heading levels the loader found
    session.edit(doc.text.replace("截止目前", "截至目前"))
    again = session.check()
    assert [o.text for o in again.outline if o.kind == "heading"] == headings
    assert not any(f.rule == "typo.jiezhi" for f in again.findings)


def test_genre_choice_says_detected_or_chosen(rules):
    session = ReviewSession(rules, Document.from_text(DRAFT))
    session.check()
    genre, reason, detected = session.genre_choice
    assert genre == "report_speech" and "汇报" in reason and detected
    session.genre = "plan"
    session.check()
    genre, reason, detected = session.genre_choice
    assert genre == "plan" and not detected and reason


def test_ignore_in_this_document_and_everywhere(tmp_path, rules):
    store = MemoryIgnoreStore()
    a = ReviewSession(rules, Document.from_text(DRAFT, path=str(tmp_path / "a.txt")), ignores=store)
    a.check()
    xx = [f for f in a.findings if f.rule == "placeholder.xx"]
    assert len(xx) == 2
    a.ignore(xx[0])
    assert xx[0] not in a.findings and xx[1] in a.findings
    b = ReviewSession(rules, Document.from_text(DRAFT, path=str(tmp_path / "b.txt")), ignores=store)
    b.check()
    assert len([f for f in b.findings if f.rule == "placeholder.xx"]) == 2  # only in a.txt
    typo = next(f for f in b.findings if f.rule == "typo.jiezhi")
    b.ignore(typo, everywhere=True)
    a.check()
    assert not any(f.rule == "typo.jiezhi" for f in a.findings)
    assert store.keys(ALL_DOCUMENTS) == {"typo.jiezhi|截止"}


def test_ignoring_a_missing_part_survives_other_missing_parts(rules):
    session = ReviewSession(rules, Document.from_text(DRAFT))
    session.check()
    missing = [f for f in session.findings if f.rule == "structure.missing-part"]
    assert len(missing) >= 2
    target = missing[-1]
    session.ignore(target)
    # the draft gains one of the other parts: the ignored one stays ignored
    session.edit(DRAFT + "谢谢大家！\n")
    session.check()
    sections = [f.section for f in session.findings if f.rule == "structure.missing-part"]
    assert target.section not in sections


def test_file_ignore_store_round_trip(tmp_path):
    draft = tmp_path / "稿.txt"
    path = ignore_file_for(draft)
    assert path.parent == tmp_path and path.name.startswith("稿.txt")
    store = FileIgnoreStore(path)
    assert store.keys("x") == set() and not path.exists()
    store.add("x", "rule|text|1")
    assert json.loads(path.read_text(encoding="utf-8")) == {"x": ["rule|text|1"]}
    assert FileIgnoreStore(path).keys("x") == {"rule|text|1"}
    store.remove("x", "rule|text|1")
    assert FileIgnoreStore(path).keys("x") == set()


def test_unreadable_ignore_file_is_no_ignores(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    assert FileIgnoreStore(path).keys("x") == set()


def test_word_list_hides_covered_findings_and_is_saved(tmp_path, rules):
    words_file = tmp_path / "cfg" / "words.txt"
    session = ReviewSession(rules, Document.from_text(DRAFT), words=WordList.load(words_file))
    session.check()
    assert any(f.rule == "typo.jiezhi" for f in session.findings)
    assert session.add_word("截止目前")
    assert not any(f.rule == "typo.jiezhi" for f in session.findings)
    assert any(f.rule == "placeholder.xx" for f in session.findings)  # other findings stay
    assert words_file.read_text(encoding="utf-8").split() == ["截止目前"]
    words_file.write_text("# 我的词\n截止目前\n\n XX县 \n", encoding="utf-8")
    assert WordList.load(words_file).words == ["截止目前", "XX县"]


def test_default_word_list_lives_in_the_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path))
    assert WordList.default_path() == tmp_path / "words.txt"
    assert WordList.load().words == []


def test_keys_number_repeated_pairs():
    from reviewer.core.findings import Finding

    fs = [Finding("r", "c", "error", i, i + 2, "XX", "m") for i in (0, 5)]
    assert finding_keys(fs) == ["r|XX|1", "r|XX|2"]


def test_navigation_wraps_and_filters(rules):
    session = ReviewSession(rules, Document.from_text(DRAFT))
    session.check()
    body = session.body
    assert [f.start for f in body] == sorted(f.start for f in body)
    first, wrapped = session.step(0)
    assert first is body[0] and not wrapped
    nxt, _ = session.step(0, current=first)
    assert nxt is body[1]
    last, wrapped = session.step(len(DRAFT) + 1)
    assert last is body[0] and wrapped
    prev, wrapped = session.step(0, forward=False)
    assert prev is body[-1] and wrapped
    only = session.navigable(category="placeholder")
    assert only and all(f.category == "placeholder" for f in only)


def test_fill_targets_are_placeholders_and_blanks_in_order(rules):
    session = ReviewSession(rules, Document.from_text(DRAFT))
    session.check()
    targets = session.fill_targets()
    assert [f.text for f in targets] == ["XX县", "万元", "XX"]
    assert [f.text for f in session.fill_targets(DRAFT.index("万元") + 1)] == ["XX"]


class _CountingLoader:
    def __init__(self):
        self.calls = []

    def __call__(self, path):
        self.calls.append(os.path.basename(path))
        return load(path)


def test_references_load_once_and_reload_when_changed(tmp_path, rules):
    ref = tmp_path / "参考.txt"
    ref.write_text("在全县工作会议上的讲话\n同志们：\n一、工作成效\n成效显著。\n二、存在问题\n问题不少。\n", encoding="utf-8")
    loader = _CountingLoader()
    cache = ReferenceCache(loader)
    session = ReviewSession(rules, Document.from_text(DRAFT), reference_paths=[str(tmp_path)], references=cache)
    session.review()
    session.review()
    assert loader.calls == ["参考.txt"]
    session.review(quick=True)  # the quick pass compares nothing: it loads nothing
    assert loader.calls == ["参考.txt"]
    ref.write_text(ref.read_text(encoding="utf-8") + "三、下一步打算\n继续努力。\n", encoding="utf-8")
    os.utime(ref, ns=(ref.stat().st_atime_ns, ref.stat().st_mtime_ns + 10**9))
    session.review()
    assert loader.calls == ["参考.txt", "参考.txt"]
    (tmp_path / "另一份.txt").write_text("在会议上的讲话\n同志们：\n谢谢大家！\n", encoding="utf-8")
    session.review()
    assert loader.calls == ["参考.txt", "参考.txt", "另一份.txt"]


def test_references_are_loaded_on_the_reviewing_thread(tmp_path, rules):
    ref = tmp_path / "参考.txt"
    ref.write_text("在会议上的讲话\n同志们：\n谢谢大家！\n", encoding="utf-8")
    threads = []

    def loader(path):
        threads.append(threading.current_thread())
        return load(path)

    session = ReviewSession(rules, Document.from_text(DRAFT), reference_paths=[str(ref)],
                            references=ReferenceCache(loader))
    worker = threading.Thread(target=session.review)
    worker.start()
    worker.join()
    assert threads == [worker]


def test_missing_reference_strict_or_skipped(tmp_path, rules):
    from reviewer.core.document import DocumentError

    gone = str(tmp_path / "没有.docx")
    lenient = ReviewSession(rules, Document.from_text(DRAFT), reference_paths=[gone])
    assert lenient.load_references() == ()
    strict = ReviewSession(rules, Document.from_text(DRAFT), reference_paths=[gone], strict_references=True)
    with pytest.raises(DocumentError):
        strict.load_references()


def test_unknown_option_fields_are_left_out(rules):
    session = ReviewSession(rules, Document.from_text(DRAFT), fields={"no_such_option": 1})
    assert not hasattr(session.options(), "no_such_option")


def test_export_writes_shown_findings_of_the_edited_text(tmp_path, rules):
    import docx

    path = _styled_docx(tmp_path)
    session = ReviewSession(rules, load(path))
    session.check()
    session.ignore(next(f for f in session.findings if f.rule == "typo.jiezhi"))
    session.edit(session.document.text.replace("万元", "300万元"))
    out = tmp_path / "清单.json"
    session.export(out)  # reviews the edited text first
    data = json.loads(out.read_text(encoding="utf-8"))
    rules_found = [i["rule"] for i in data["issues"]]
    assert "typo.jiezhi" not in rules_found and "blank_figure.magnitude" not in rules_found
    assert "placeholder.xx" in rules_found
    exported = session.export_document()
    texts = [p.text for p in docx.Document(io.BytesIO(exported.raw)).paragraphs]
    assert "截止目前，全县完成投资300万元。" in texts


def test_export_txt_keeps_encoding_and_bom(tmp_path, rules):
    path = tmp_path / "稿.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode("utf-8"))
    session = ReviewSession(rules, load(path))
    session.edit(DRAFT.replace("XX县", "青阳县"))
    doc = session.export_document()
    assert doc.bom == b"\xef\xbb\xbf" and doc.encoding == load(path).encoding and "青阳县" in doc.text


def test_session_never_imports_qt():
    import subprocess

    code = ("import sys, reviewer.core.session, reviewer.core.userdata; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_load_rules_runs_user_examples(tmp_path):
    from reviewer.core.rules import RuleLoadError
    from reviewer.core.session import load_rules

    folder = tmp_path / "mine" / "typo"
    folder.mkdir(parents=True)
    rule = folder / "my-word.yaml"
    # (the good example holds the listed word: the rule fails it until the exception is added)
    rule.write_text("id: my-word\nname: 截止/截至\nkind: lexicon\nseverity: warning\nmessage: “{match}”应为“{suggestion}”。\n"
                    "words: {截止: 截至}\nexamples:\n  - bad: '[[截止]]目前，已完成全年任务。'\n  - good: 报名截止日期为五月一日。\n",
                    encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path / "mine"])
    assert err.value.file == str(rule) and err.value.key == "examples" and "报名截止日期为五月一日" in err.value.reason
    rule.write_text(rule.read_text(encoding="utf-8") + "exceptions: [截止日期]\n", encoding="utf-8")
    assert "typo.my-word" in load_rules([tmp_path / "mine"]).by_id
