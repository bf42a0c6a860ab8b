"""Document.edited() on a .txt draft re-splits only the edited lines (issue 11): the result
must be exactly the lines of the new text, as split_lines() gives them."""
import random

from reviewer.core.document import Document, split_lines

_PIECES = ["一", "二三", "\n", "\n\n", "，", "ab", "", "第一章\n", "\r\n", "\r"]


def _random_edit(rng: random.Random, text: str) -> str:
    a = rng.randint(0, len(text))
    b = min(len(text), a + rng.choice([0, 0, 1, 2, 5, 30]))
    insert = "".join(rng.choice(_PIECES[:8] if rng.random() < 0.95 else _PIECES) for _ in range(rng.randint(0, 3)))
    return text[:a] + insert + text[b:]


def test_edited_txt_equals_splitting_the_whole_text():
    rng = random.Random(11)
    for trial in range(40):
        text = "".join(rng.choice(_PIECES[:8]) for _ in range(rng.randint(0, 60)))
        doc = Document.from_text(text)
        for _ in range(30):
            new = _random_edit(rng, doc.text)
            got = doc.edited(new)
            assert got.text == new
            assert got.paragraphs == split_lines(new), (trial, doc.text, new)
            doc = got


def test_edited_keeps_the_lines_before_the_edit_and_moves_the_ones_after():
    doc = Document.from_text("甲\n乙\n丙\n丁")
    new = doc.edited("甲\n乙乙\n新\n丙\n丁")
    assert new.paragraphs[0] is doc.paragraphs[0]
    assert [(p.start, p.end, p.source) for p in new.paragraphs] == [
        (0, 1, "第1行"), (2, 4, "第2行"), (5, 6, "第3行"), (7, 8, "第4行"), (9, 10, "第5行")]
    assert hash(new.paragraphs[-1]) == hash(split_lines(new.text)[-1])


def test_edited_with_carriage_returns_still_splits_them():
    doc = Document.from_text("甲\r\n乙\r丙")
    new = doc.edited("甲\r\n乙乙\r丙\n丁")
    assert new.paragraphs == split_lines("甲\r\n乙乙\r丙\n丁")
