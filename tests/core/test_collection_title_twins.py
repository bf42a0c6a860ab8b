"""duplicate.title over site junk: a collection page's title (……致辞15篇, 【精华】……七篇) given
again near the top is junk and a repeat at once, and the repeat is shown over the junk
(the rule's ``shown_over_junk`` key, loaded strictly)."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.rules import RuleLoadError, load_rules

RULES = load_rules()

AGAIN = ("项目开工领导致辞\n\n时间:2022-12-30 09:35:10 讲话稿\n\n项目开工领导致辞15篇\n\n"
         "以下是小编为大家整理的项目开工领导致辞，仅供参考。\n\n项目开工领导致辞1\n\n"
         "尊敬的各位来宾：\n\n今天，项目正式开工，这是全县经济工作中的一件大事。\n\n谢谢大家！")
UNDER = ("卫生局上半年工作总结(十五篇)\n\n发布时间:2024-04-15 09:00:02\n\n卫生局上半年工作总结\n\n"
         "今年以来，我局深入推进医改，各项工作取得新进展。")


def _found(text, rules=RULES):
    doc = Document.from_text(text)
    return [(f.rule, doc.text[f.start:f.end]) for f in review(doc, rules, ReviewOptions()).findings]


def test_the_collection_title_again_is_junk_and_a_repeat():
    got = _found(AGAIN)
    assert ("duplicate.title", "项目开工领导致辞15篇") in got
    assert any(rule.startswith("site_junk.") and text == "项目开工领导致辞15篇" for rule, text in got)
    # the piece's header repeats the title by design: junk, no repeat
    assert ("duplicate.title", "项目开工领导致辞1") not in got


def test_without_the_key_junk_hides_the_repeat(monkeypatch):
    rule = RULES.by_id["duplicate.title"]
    monkeypatch.setattr(rule, "shown_over_junk", False)
    assert ("duplicate.title", "项目开工领导致辞15篇") not in _found(AGAIN)


def test_the_pieces_own_title_under_the_collections_is_no_repeat():
    assert not [t for r, t in _found(UNDER) if r == "duplicate.title"]


def test_the_key_is_loaded_strictly(tmp_path):
    path = tmp_path / "mine" / "t-title.yaml"
    path.parent.mkdir()
    path.write_text("id: t-title\nname: 标题重复\nkind: duplicate\ncheck: title\nseverity: warning\n"
                    "message: 标题重复\nshown_over_junk: 是\nexamples:\n"
                    "  - bad: \"社区工作总结\\n[[社区工作总结]]\\n今年以来，社区扎实开展工作。\"\n  - good: 工作总结\n", encoding="utf-8")
    with pytest.raises(RuleLoadError) as e:
        load_rules([tmp_path], builtin=False)
    assert "shown_over_junk" in str(e.value)
