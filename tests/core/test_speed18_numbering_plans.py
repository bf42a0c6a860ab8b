"""Issue 11: the numbering checks and the duplicate checks' junk index after an edit.

numbering.analyse keeps the plans of its outline passes (_headings_plan, _formats_plan, _enumerations_plan:
which markers break a count, from the markers alone) while an edit leaves every marker as
it was, and carries out only their probes of the text again; _lost keeps each announced
list's run that the edit did not touch.  Both must give exactly what a fresh run gives.
The junk index (paragraph_text._Junk) finds the spans over a stretch by their sorted starts
now: the same spans, in the same order, as looking at every span.  splice.unchanged compares
one line on each side of the edit when the paragraphs are the text's lines."""
import random

from reviewer.core.document import Document
from reviewer.core.structure.duplicates.paragraph_text import _Junk
from reviewer.core.structure.duplicates.splice import Layout, unchanged
from reviewer.core.structure.numbering import analyse
from reviewer.core.structure.numbering.markers import find_markers
from tests.conftest import edits_match_full_review

# An outline with its faults: a skipped heading, a list in two formats, 一是 without its
# first item, a count that does not match, a list whose labels were dropped, a page counter
# between two items, a list begun again at 1.
_LINES = ["关于全面加强基层治理工作的实施方案",
          "为深入推进基层治理，结合我镇实际，制定本方案。",
          "一、总体要求",
          "（一）指导思想。坚持以人民为中心，扎实推进各项工作。",
          "（二）基本原则。坚持问题导向，突出重点难点。",
          "（四）工作目标。到年底，基层治理体系基本健全。",
          "二、主要任务",
          "1) 健全组织体系。",
          "2) 完善工作机制。",
          "3)、加强队伍建设。",
          "二是强化督导检查。定期通报工作进展情况。",
          "下面，我讲三点意见：",
          "一是提高认识。二是压实责任。三是强化保障。四是加强宣传。",
          "第1页 共4页",
          "三、保障措施",
          "具体安排如下：",
          "4月1日上午",
          "镇会议中心",
          "全体机关干部",
          "1.加强组织领导。",
          "2.强化经费保障。",
          "1.严格督查考核。",
          "五、工作要求",
          "从四个方面抓落实：第一，抓学习；第二，抓制度；第三，抓落实。",
          "本文来源于网络，版权归原作者所有"]

_TYPED = ["的", "工作", "。", "，", "\u3000", "、", "2", "（三）", "一是", "：", "如下："]


def _junk(text: str) -> list[tuple[int, int]]:
    """The site's lines as junk (by their text, as the junk rules find them), in no order."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.startswith(("本文来源", "第1页")):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans[::-1]


def _typed(lines: list[str], rng: random.Random) -> list[str]:
    """Mostly a keystroke inside a line (the markers stay as they were); now and then one
    that makes or unmakes a marker, or a line split, joined, pasted or deleted."""
    lines = list(lines)
    i = rng.randrange(len(lines))
    op = rng.random()
    at = rng.randrange(len(lines[i]) + 1)
    if op < 0.6:
        lines[i] = lines[i][:at] + rng.choice(_TYPED[:5]) + lines[i][at:]
    elif op < 0.75:
        lines[i] = lines[i][:at] + lines[i][at + 1:]
    elif op < 0.85:
        lines[i] = lines[i][:at] + rng.choice(_TYPED) + lines[i][at:]
    elif op < 0.9:
        lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
    elif op < 0.95 and i + 1 < len(lines):
        lines[i:i + 2] = [lines[i] + lines[i + 1]]
    elif op < 0.98:
        lines.insert(i, rng.choice(_LINES))
    elif len(lines) > 5:
        del lines[i]
    return lines


def test_numbering_kept_from_the_previous_call_equals_a_fresh_run_after_random_edits():
    rng = random.Random(18)
    lines = _LINES * 5
    markers_memo, memo = {}, {}
    checks, kept = set(), 0
    for step in range(400):
        text = "\n".join(lines)
        paragraphs = Document.from_text(text).paragraphs
        junk = _junk(text)
        fresh = analyse(text, paragraphs, junk, find_markers(text, paragraphs, junk))
        before = memo.get("plans")
        markers = find_markers(text, paragraphs, junk, markers_memo)
        got = analyse(text, paragraphs, junk, markers, memo, markers_memo.get("splice"))
        assert got == fresh, f"step {step}"
        kept += before is not None and memo["plans"][1] is before[1]
        checks.update(e.check for e in fresh)
        lines = _typed(lines, rng)
    assert kept > 200  # most edits kept the plans
    assert {"skip", "format", "count", "lost", "repeat"} <= checks


def test_typing_in_an_outline_equals_a_full_review(rules):
    seen = edits_match_full_review(rules, _LINES * 3, _typed, random.Random(81), 50)
    assert {"numbering.skipped", "numbering.count-mismatch", "numbering.format", "numbering.lost"} <= seen


def _over_plainly(spans, s, e):
    return [sp for sp in spans if sp[0] < e and sp[1] > s]


def test_junk_index_finds_the_spans_over_a_stretch_in_their_order():
    rng = random.Random(3)
    for _ in range(300):
        size = rng.choice([200, 5000, 40000])
        spans = [(a, a + rng.choice([0, rng.randrange(1, 30), rng.randrange(1, 600), rng.randrange(1, 9000)]))
                 for a in (rng.randrange(size) for _ in range(rng.randrange(40)))]
        index = _Junk(spans)
        for _ in range(50):
            s = rng.randrange(-3, size + 10)
            e = s + rng.choice([0, 1, 5, 100, 3000])
            assert index.over(s, e) == _over_plainly(spans, s, e), (spans, s, e)


def test_unchanged_compares_lines_at_the_edit_and_is_what_comparing_every_paragraph_gives():
    rng = random.Random(4)
    words = ["一、", "工作", "。", "\n", "\n\n", "的", "要"]
    for _ in range(2000):
        old = "".join(rng.choice(words) for _ in range(rng.randrange(1, 30)))
        at = rng.randrange(len(old) + 1)
        new = old[:at] + rng.choice(words + [""]) + old[at + rng.randrange(2):]
        if not new:
            continue
        a = Layout(old, Document.from_text(old).paragraphs)
        b = Layout(new, Document.from_text(new).paragraphs)
        got = unchanged(a, b)
        if got is None:
            continue
        first, last, mid_end, d = got
        assert a.starts[:first] == b.starts[:first] and a.ends[:first] == b.ends[:first]
        assert [x + d for x in a.starts[last:]] == b.starts[mid_end:]
        assert [x + d for x in a.ends[last:]] == b.ends[mid_end:]
    # a paragraph that holds a line break is not a line: nothing is taken for granted
    text = "一、工作\n要的\n工作。"
    from reviewer.core.document import Paragraph
    paragraphs = [Paragraph(0, 7), Paragraph(8, len(text))]
    assert not Layout(text, paragraphs).are_lines()
