"""parts.yaml's excerpt_cues: an excerpt or a transcript reports no missing part but an ending
lost in mid-sentence; the key is loaded strictly."""
import shutil

import pytest

from reviewer import paths
from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.rules import RuleLoadError, load_rules
from reviewer.core.structure.profiles import load_profiles

RULES = load_rules()
BODY = ("这次推进会是经省委领导同意召开的，目的是总结交流经验，部署下一步工作。今年以来，各地认真落实"
        "老干部各项政策，离退休干部工作取得了明显成效。\n一、充分肯定成绩\n各地各部门高度重视老干部工作，"
        "政治待遇和生活待遇得到较好落实。")


def _missing(text):
    report = review(Document.from_text(text), RULES, ReviewOptions())
    return [f.section for f in report.findings if f.category == "missing_section"]


def test_a_transcript_misses_no_part():
    assert _missing("在全省老干部工作推进会上的讲话（根据录音整理）\n" + BODY) == []
    # the same text without the note: the speech lacks its salutation and its closing
    assert {"salutation", "closing"} <= set(_missing("在全省老干部工作推进会上的讲话\n" + BODY))


def test_a_book_of_excerpts_named_in_the_text_is_no_excerpt():
    got = _missing("在全县党风廉政建设工作会议上的讲话\n学习《习近平关于全面从严治党论述摘编》，" + BODY)
    assert "salutation" in got


def test_an_excerpt_cut_in_mid_sentence_still_lost_its_ending():
    assert _missing("代表在座谈会上的发言摘登\n" + BODY[:-3]) == ["closing"]


def test_the_key_is_loaded_strictly(tmp_path):
    shutil.copytree(paths.rules_dir() / "genres", tmp_path / "genres")
    parts = tmp_path / "genres" / "parts.yaml"
    text = parts.read_text(encoding="utf-8")
    assert load_profiles(tmp_path / "genres").excerpt
    parts.write_text(text.replace("excerpt_cues:", "excerpt_cue:", 1), encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_profiles(tmp_path / "genres")
    parts.write_text(text.replace("'(?:摘登", "'((?:摘登", 1), encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_profiles(tmp_path / "genres")
