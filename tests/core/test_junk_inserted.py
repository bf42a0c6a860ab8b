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


def test_edits_keep_the_other_lines_candidates_and_equal_a_full_review(rules):
    """While a draft is edited, the candidates of the lines an edit did not touch are kept
    (kinds.spliced); after every random edit -- typing, deleting, breaking and joining lines,
    adding and removing inserted characters -- the findings equal a full review's."""
    import random

    from reviewer.core.incremental import IncrementalReviewer

    rng = random.Random(11)
    lines = [_FILLER, *_BROKEN, _FILLER, "一荃个长期任务，推动各项事业发糯展。", _FILLER * 2, *_BROKEN]
    text = "\n".join(lines * 3)
    inc = IncrementalReviewer(rules)
    pieces = ["谀", "糯", "\n", "的", "代表", "", "荃"]
    seen = set()
    for _ in range(60):
        got = [(f.start, f.text, f.suggestion) for f in inc.review(Document.from_text(text)).findings
               if f.rule == "site_junk.inserted-char"]
        full = [(f.start, f.text, f.suggestion) for f in review(Document.from_text(text), rules).findings
                if f.rule == "site_junk.inserted-char"]
        assert got == full
        seen.add(len(full))
        i = rng.randrange(len(text))
        text = text[:i] + rng.choice(pieces) + text[i + rng.choice((0, 0, 1, 2)):]
    assert len(seen) > 3  # the edits made and broke runs of them
