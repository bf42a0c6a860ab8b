"""site_junk.inserted-char: rare characters a document site puts inside words, reported only
as a run (reviewer/core/rules/junk_inserted.py).  The texts are written for the tests."""
from reviewer.core.document import Document
from reviewer.core.engine import review

_BROKEN = ["让我代谀表区委讲几点意见。", "大家也许感暧觉不到压力。", "可是一缵旦出了事故，后果不堪设想。"]
_FILLER = "我们要坚持以人民为中心的发展思想，扎实推进各项工作，确保全年目标任务圆满完成。"


def _found(text, rules):
    rep = review(Document.from_text(text), rules)
    return [(f.text, f.suggestion) for f in rep.findings if f.rule == "site_junk.inserted-char"]


def test_a_run_of_inserted_characters_is_reported_with_the_word_as_suggestion(rules):
    text = _FILLER + "".join(_BROKEN) + _FILLER
    assert _found(text, rules) == [("代谀表", "代表"), ("感暧觉", "感觉"), ("一缵旦", "一旦")]


def test_the_same_characters_far_apart_are_not_a_run(rules):
    # each broken word alone in 1,000 characters of prose: a slip, not a page's doing
    text = (_FILLER * 30).join(_BROKEN)
    assert _found(text, rules) == []
