"""A junk rule whose markers need no string a line must hold (emoji: ranges of characters)
tries only the lines holding a character a match can begin with (reach.first_class): the
same findings as trying every line (issue 11: 24,000 lines of a 1M draft, one by one)."""
import random
import re

from reviewer.core.document import Document
from reviewer.core.engine import Context
from reviewer.core.rules.reach import first_class

PIECES = ["☆", "★", "⚔️", "✭✡︎", "🎉", "👍🏻", "👨\u200d👩\u200d👧", "☀", "\ufe0f", "\u200d", "各位同志：",
          "今年以来，我们扎实推进各项工作。", "一、总体要求", "  ", "\u3000", "\n", "\n\n", "abc", "2024"]


def test_first_class_holds_every_first_character():
    assert first_class(re.compile("a|b[cd]")) == "[ab]"
    assert first_class(re.compile("x?[\U0001F000-\U0001FAFF]")) is not None
    assert re.fullmatch(first_class(re.compile("x?[\U0001F000-\U0001FAFF]")), "🎉")
    assert first_class(re.compile(r"\w+")) is None and first_class(re.compile("[^a]")) is None
    assert first_class(re.compile("(?i)a")) is None


def test_candidate_lines_give_what_every_line_gives(rules):
    rule = next(r for r in rules if r.full_id == "site_junk.emoji")
    rnd = random.Random(5)
    found = 0
    for _ in range(40):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(1, 200)))
        doc = Document.from_text(text)
        got = list(rule.scan(Context("body", doc.text, doc.paragraphs)))
        saved = rule._prefilters or rule._make_prefilters()
        assert saved[1]  # the markers' first characters
        rule._prefilters = (saved[0], None)  # (every line tried)
        try:
            want = list(rule.scan(Context("body", doc.text, doc.paragraphs)))
        finally:
            rule._prefilters = saved
        assert got == want
        found += len(got)
    assert found > 20
