"""A draft in traditional characters whose page glossed them with pinyin (glossed.py): the
defects the glosses hide are found at the draft's own characters, and an edited draft's
incremental report is still a full review's."""
import random

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.glossed import MIN_GLOSSES
from reviewer.core.incremental import IncrementalReviewer

# written for this test: a host's speech in traditional characters, a reading after many
# characters as such pages put it, and the number of 小時工作制 stripped inside a gloss
GLOSSED = (
    "在三八節(jié)表彰大會(huì)上的講話(huà)\n"
    "同志們：\n"
    "今天我們在這(zhè)里隆重集會(huì)，紀(jì)念國際勞動(dòng)婦女節(jié)。\n"
    "當(dāng)年女工們要求實(shí)行小時(shí)工作制，爭取平等的權(quán)利。\n"
    "我們要繼(jì)續(xù)發(fā)揚(yáng)光榮傳統(tǒng)，為(wèi)全縣發(fā)展貢獻(xiàn)力量。\n"
    "謝謝大家！\n"
)


def _gloss_spans(report):
    return [(f.start, f.end) for f in report.findings if f.rule == "site_junk.pinyin-gloss"]


def test_a_stripped_figure_behind_a_gloss_is_found_where_it_is_in_the_draft(rules):
    rep = review(Document.from_text(GLOSSED), rules)
    assert len(_gloss_spans(rep)) >= MIN_GLOSSES
    hits = [f for f in rep.findings if f.category == "blank_figure"]
    at = GLOSSED.index("小時(shí)工作制")
    assert any(f.start == at and GLOSSED[f.start:f.end].startswith("小時") for f in hits), \
        [(f.rule, f.text) for f in rep.findings]
    # nothing added inside a gloss, and no junk or punctuation found twice
    for f in rep.findings:
        if f.rule != "site_junk.pinyin-gloss" and f.end > f.start:
            assert not any(s <= f.start and f.end <= e for s, e in _gloss_spans(rep)), f
    keys = [(f.rule, f.start, f.end, f.section) for f in rep.findings]
    assert len(keys) == len(set(keys))
    # the structure as the draft has it: a speech with its (glossed) salutation
    assert rep.genre == "leader_speech"
    assert not any(f.section == "salutation" for f in rep.findings), [f.message for f in rep.findings]


def test_without_the_glosses_the_hidden_figure_is_found_the_same(rules):
    # the check of the test itself: the same draft with no glosses has the finding by itself
    import re
    plain = re.sub(r"\([a-zà-ü̈āáǎēéěīíǐōóǒūúǔǖǘǚǜ]+\)", "", GLOSSED)
    rep = review(Document.from_text(plain), rules)
    assert any(f.category == "blank_figure" and f.text.startswith("小時") for f in rep.findings)


def test_few_glosses_are_left_alone(rules):
    text = "在大會(huì)上的講話\n同志們：\n當年女工們要求實行小時(shí)工作制。\n謝謝大家！\n"
    rep = review(Document.from_text(text), rules)
    assert 0 < len(_gloss_spans(rep)) < MIN_GLOSSES
    assert not any(f.category == "blank_figure" for f in rep.findings)


def test_edits_of_a_glossed_draft_give_a_full_reviews_findings(rules):
    rng = random.Random(7)
    inc = IncrementalReviewer(rules)
    text = GLOSSED
    for step in range(25):
        doc = Document.from_text(text)
        want = [f.to_dict() for f in review(doc, rules).findings]
        got = inc.review(doc)
        assert [f.to_dict() for f in got.findings] == want, step
        assert got.moved_tail is None
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(["(xù)", "XX", "，", "\n", ""]) + text[pos + rng.randrange(0, 3):]


def test_a_gloss_at_a_paragraphs_start_makes_a_run_inside_the_paragraph(rules):
    # (a whole line the gloss rule reports starts the text: the run must not reach before it)
    text = "書記在新區(qū)開(kāi)發(fā)建設(shè)會(huì)發(fā)言\n" + GLOSSED
    rep = review(Document.from_text(text), rules)
    run = [f for f in rep.findings if f.rule == "site_junk.pinyin-gloss-run"]
    assert run and all(0 <= f.start < f.end <= len(text) for f in run)
    for f in run:
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.start)
        assert line_start <= f.start and f.end <= line_end
