"""Per-edit work outside the rules (issue 11): the outline's headings kept from the previous
call, the junk walk of _tidy, moved copies and the sort of ties give exactly what a fresh
run gives."""
import random
from operator import attrgetter

from reviewer.core.document import Document, split_lines
from reviewer.core.engine import _tidy, review
from reviewer.core.findings import Finding, move, moved, sort_ties
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.structure import _headings
from reviewer.core.structure.numbering.markers import find_markers
from tests.conftest import line_spans, nudge_spans, type_join_split

# Lines of a draft with every kind of heading marker, and lines without any.
_LINES = ["关于做好基层减负工作的情况汇报",
          "一、统一思想，提高认识",
          "（一）加强组织领导。我们坚持问题导向，着力解决群众急难愁盼问题，推动工作落地见效。",
          "1.明确责任分工。全面梳理各类台账报表，能合并的合并，能取消的取消。",
          "（1）细化任务清单",
          "二是强化督导。通过这些措施，基层干部的负担明显减轻，工作积极性显著提高。",
          "第三，健全机制。严格控制会议数量和规模，提倡开短会、讲短话。",
          "做好加法，补齐短板。全面梳理各类台账报表，能合并的合并，能取消的取消，切实减轻基层负担。",
          "做好减法，精简会议。严格控制会议数量和规模，提倡开短会、讲短话，腾出更多时间抓落实。",
          "相关推荐：加强基层治理的几点思考",
          "我们坚持问题导向，着力解决群众急难愁盼问题，推动工作落地见效。",
          "二、压实工作责任", "三、强化工作保障", "（二）完善制度", "2.抓好落实"]
_MARKS = ["一、", "二、", "十一、", "（一）", "（三）", "1.", "12.", "（2）", "3)", "一是", "第二，", "", "　"]


def _edit(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    i = rng.randrange(len(lines))
    op = rng.random()
    if op < 0.2:                                   # a line pasted
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(_LINES))
    elif op < 0.35 and len(lines) > 3:             # a line deleted
        del lines[i]
    elif op < 0.55:                                # a heading marker put in front, or changed
        line = lines[i]
        for m in _MARKS:
            if m and line.startswith(m):
                line = line[len(m):]
                break
        lines[i] = rng.choice(_MARKS) + line
    else:                                          # a character typed or deleted, a join, a split
        type_join_split(lines, i, op, rng, ["的", "", "。", "、", "一"])
    return lines


def _junk(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if "推荐" in line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _items(items):
    return [(o.kind, o.text, o.start, o.end, o.level, o.section, o.missing) for o in items]


def test_headings_kept_from_the_previous_call_equal_a_fresh_run_after_random_edits():
    rng = random.Random(20)
    lines = _LINES * 4
    marker_memo, heading_memo = {}, {}
    kept = 0
    previous = None
    for step in range(400):
        text = "\n".join(lines)
        paragraphs, junk = split_lines(text), _junk(text)
        markers = find_markers(text, paragraphs, junk, marker_memo)
        got = _headings(text, paragraphs, markers, junk, heading_memo, reuse=True,
                        splice=marker_memo.get("splice"))
        want = _headings(text, paragraphs, find_markers(text, paragraphs, junk), junk)
        assert _items(got) == _items(want), f"step {step}"
        per = heading_memo["marker_items"][1]
        if previous is not None and any(x is not None and any(x is y for y in previous) for x in per[:3]):
            kept += 1
        previous = per
        lines = _edit(lines, rng)
    assert kept > 150  # most edits kept the headings before them


def test_outline_and_findings_after_edits_to_heading_markers_equal_a_full_review(rules):
    rng = random.Random(7)
    lines = _LINES * 3
    inc = IncrementalReviewer(rules)
    for step in range(60):
        doc = Document.from_text("\n".join(lines))
        full, got = review(doc, rules), inc.review(doc)
        assert _items(got.outline) == _items(full.outline), f"step {step}"
        assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in full.findings], f"step {step}"
        lines = _edit(lines, rng)


def _plain_kept(findings, junk):
    """A finding inside the last junk span that starts at or before it goes (site junk
    itself stays): written plainly."""
    from reviewer.core.spans import merge_spans

    js, je = merge_spans(junk)
    out = []
    for f in findings:
        held = [k for k in range(len(js)) if js[k] <= f.start]
        if f.category != "site_junk" and held and f.end <= je[held[-1]]:
            continue
        out.append(f)
    return out


def test_tidy_drops_what_junk_holds_as_a_plain_walk_does():
    rng = random.Random(3)
    for _ in range(500):
        junk = []
        for _ in range(rng.randrange(0, 6)):
            s = rng.randrange(0, 200)
            junk.append((s, s + rng.randrange(0, 30)))
        findings = []
        for cat in ("typo", "punctuation", "site_junk"):
            pos = rng.randrange(0, 10)
            while pos < 230:  # none overlaps another of its category: junk alone decides
                end = pos + rng.randrange(0, 6)
                findings.append(Finding(f"{cat}.r{pos % 3}", cat, "warning", pos, end, "x", "m"))
                pos = end + rng.randrange(1, 12)
        rng.shuffle(findings)
        want = {id(f) for f in _plain_kept(findings, junk)}
        assert {id(f) for f in _tidy(list(findings), junk)} == want
        assert {id(f) for f in _tidy(list(findings), junk, ordered=False)} == want


def test_moved_copies_and_sorted_ties_equal_the_plain_ones():
    rng = random.Random(5)
    found = [Finding(f"r.{rng.randrange(4)}", "typo", rng.choice(["error", "warning", "info"]), s, s + rng.randrange(3),
                     "x", "m", rng.choice([None, "y"]), "body", rng.choice([None, "p"]))
             for s in sorted(rng.randrange(100) for _ in range(300))]
    got = moved(found, 7)
    assert got == [move(f, 7) for f in found] and not any(a is b for a, b in zip(got, found))
    for _ in range(50):
        rng.shuffle(found)
        mine = sorted(found, key=attrgetter("start"))
        assert sort_ties(mine, Finding.sort_key)
        assert mine == sorted(found, key=Finding.sort_key)


def test_lines_known_from_an_earlier_text_give_what_checking_every_line_gives():
    """incremental._lines_are_paragraphs with the lines of the text before an edit against
    its definition: edits anywhere (at the ends, across lines, of line breaks only), on
    paragraphs that are the new lines and on ones that are off by a little."""
    from reviewer.core.document import Paragraph
    from reviewer.core.incremental import _lines_are_paragraphs

    rng = random.Random(21)
    for _ in range(4000):
        old = "".join(rng.choice("甲乙\n\nx") for _ in range(rng.randrange(0, 14)))
        a = rng.randrange(len(old) + 1)
        b = rng.randrange(a, len(old) + 1)
        new = old[:a] + "".join(rng.choice("甲\nx") for _ in range(rng.randrange(0, 5))) + old[b:]
        known = line_spans(old)
        spans = line_spans(new)
        op = rng.randrange(5)
        nudge_spans(spans, op, rng, len(new))
        if op == 3 and spans:
            k = rng.randrange(len(spans))
            s, e = spans[k]
            spans[k] = (max(0, s + rng.choice([-1, 1])), e)
        paragraphs = [Paragraph(s, e) for s, e in spans]
        want = [(p.start, p.end) for p in paragraphs] == line_spans(new)
        got = _lines_are_paragraphs(new, paragraphs, (old, [s for s, _ in known], [e for _, e in known]))
        assert got == want, (old, new, spans)
