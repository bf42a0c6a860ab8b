"""Document-level checks re-run after an edit (issue 11): what they keep from the previous
call (Context.memo) gives exactly what a fresh run gives, and the end-of-draft check that
no longer trims every line gives what it gave."""
import random

from reviewer.core.document import Document
from reviewer.core.structure import _run_ins
from reviewer.core.structure.cutoff import _MARKER_START, _ends_on_heading
from reviewer.core.structure.duplicates.repeats import find_repeats
from reviewer.core.structure.numbering import analyse
from reviewer.core.structure.numbering.markers import find_markers
from tests.conftest import edits_match_full_review, type_join_split

_LINES = ["关于做好基层减负工作的情况汇报",
          "一、统一思想，提高认识。我们坚持问题导向，着力解决群众急难愁盼问题，推动工作落地见效。",
          "做好加法，补齐短板。全面梳理各类台账报表，能合并的合并，能取消的取消，切实减轻基层负担。",
          "做好减法，精简会议。严格控制会议数量和规模，提倡开短会、讲短话，腾出更多时间抓落实。",
          "二是强化督导。通过这些措施，基层干部的负担明显减轻，工作积极性显著提高，群众满意度持续上升。",
          "本文由网友投稿，版权归原作者所有",
          "相关推荐：加强基层治理的几点思考",
          "下面，我讲三点意见：一是提高认识。二是压实责任。三是强化保障。",
          "我们坚持问题导向，着力解决群众急难愁盼问题，推动工作落地见效。",
          "具体安排如下：", "4月1日上午", "县会议中心", "全体干部",
          "从四个方面抓落实：一是抓学习，二是抓制度。"]

_SENTENCES = [s + "。" for line in _LINES for s in line.split("。")[:-1] if len(s) > 20]


def _edit(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    i = rng.randrange(len(lines))
    op = rng.random()
    if op < 0.25:                                  # a paragraph pasted again
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(_LINES))
    elif op < 0.45 and len(lines) > 3:             # a paragraph (maybe a first copy) deleted
        del lines[i]
    elif op < 0.6:                                 # a sentence pasted into another paragraph
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(_SENTENCES) + lines[i][at:]
    else:                                          # a character typed or deleted, a join, a split
        type_join_split(lines, i, op, rng, ["的", "", "\u3000", "。"])
    return lines


def _junk(text: str, seed: int) -> list[tuple[int, int]]:
    """Junk spans as the junk rules give them: whole lines, and stretches inside lines; by
    each line's text and the line before (an edit changes the junk of the lines it touches
    and of the next line; a 相关推荐 line and the line before it), shuffled."""
    spans, pos, before = [], 0, ""
    for line in text.split("\n"):
        rng = random.Random(f"{seed} {before} {line}")
        if "相关推荐" in line:  # a block: the line before it too
            spans.append((pos - len(before) - 1 if pos else 0, pos + len(line)))
        before = line
        if "网友投稿" in line or rng.random() < 0.05:
            spans.append((pos, pos + len(line)))
        elif line and rng.random() < 0.1:
            s = pos + rng.randrange(len(line))
            spans.append((s, min(pos + len(line), s + rng.randrange(1, 40))))
        pos += len(line) + 1
    random.Random(seed).shuffle(spans)
    return spans


def test_repeats_markers_run_ins_and_numbering_kept_from_the_previous_call_equal_a_fresh_run():
    rng = random.Random(5)
    lines = _LINES * 6
    memos = {"paragraph": {}, "sentence": {}, "markers": {}, "run-in": {}, "numbering": {}}
    checks = set()
    kept = {"paragraph": [], "sentence": []}
    spliced = found = 0
    for step in range(300):
        text = "\n".join(lines)
        paragraphs = Document.from_text(text).paragraphs
        junk = _junk(text, step // 40)  # now and then junk changes all over the draft
        for check, min_length in (("paragraph", 15), ("sentence", 20)):
            fresh, same = find_repeats(check, text, paragraphs, junk, min_length)
            assert same == 0
            hits, same = find_repeats(check, text, paragraphs, junk, min_length, memos[check])
            kept[check] = kept[check][:same] + hits
            assert kept[check] == fresh, f"step {step}, {check}"
            spliced += same > 0
            found += len(fresh)
        assert find_markers(text, paragraphs, junk, memos["markers"]) == find_markers(text, paragraphs, junk)
        assert _run_ins(text, paragraphs, junk, memos["run-in"]) == _run_ins(text, paragraphs, junk, None)
        markers = find_markers(text, paragraphs, junk)
        events = analyse(text, paragraphs, junk, markers)
        assert analyse(text, paragraphs, junk, markers, memos["numbering"]) == events
        checks.update(e.check for e in events)
        lines = _edit(lines, rng)
    assert spliced > 200 and found > 1000 and {"count", "lost"} <= checks


def _ends_on_heading_plainly(text, paragraphs, lo, hi) -> bool:
    """The check as first written: every paragraph trimmed, then compared with the last."""
    real = [text[p.start:min(p.end, hi)].strip() for p in paragraphs if min(p.end, hi) > lo and p.start < hi]
    real = [seg for seg in real if seg]
    if len(real) < 3 or len(real[-1]) > 30:
        return False
    last = real[-1]
    if _MARKER_START.match(last) and not last.endswith(("。", "！", "!")):
        return True
    return any(len(seg) <= 30 and seg[:3] == last[:3] and len(real[i + 1]) > 2 * len(seg)
               for i, seg in enumerate(real[:-2]))


def test_ends_on_heading_looks_at_the_lines_starting_like_the_last_one_only():
    rng = random.Random(2)
    pieces = ["一、", "做好加法，", "做好", "。", "\n", "  ", "的", "我们要加强团结", "工作", "！", "（一）", "\n\n"]
    ended = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(30)))
        paragraphs = Document.from_text(text).paragraphs
        lo = rng.randrange(len(text) + 1) if rng.random() < 0.3 else 0
        hi = rng.randrange(lo, len(text) + 1) if rng.random() < 0.3 else len(text)
        want = _ends_on_heading_plainly(text, paragraphs, lo, hi)
        assert _ends_on_heading(text, paragraphs, [], lo, hi) == want, (text, lo, hi)
        ended += want
    assert ended > 100


def test_edits_that_make_and_unmake_repeats_and_run_in_headings_equal_a_full_review(rules):
    def snapshot(report):
        return ([f.to_dict() for f in report.findings], report.genre,
                [(o.kind, o.text, o.start, o.end, o.level) for o in report.outline])

    seen = edits_match_full_review(rules, _LINES * 4, _edit, random.Random(8), 60, snapshot)
    assert {"duplicate.paragraph", "duplicate.sentence"} <= seen


def _doubled_plainly(text, junk, min_length=4):
    """find_doubled as first written: each regex over the whole text, the line counted."""
    import re

    from reviewer.core.structure.duplicates.paragraph_text import _in_junk
    from reviewer.core.structure.duplicates.repeats import _HAN, _TAIL_TWICE, _TWICE

    out = []
    for rx in (_TWICE, _TAIL_TWICE):
        for m in rx.finditer(text):
            s, e = m.span("again")
            words = m.group("s")
            if len(_HAN.findall(words)) < min_length or _in_junk(junk, s, e):
                continue
            if rx is _TWICE and len(re.sub(r"\s+", "", words)) >= 20:
                continue
            out.append((s, e, {"first_line": text.count("\n", 0, m.start("s")) + 1}))
    return out


def test_doubled_sentences_found_line_by_line_equal_one_pass_over_the_text():
    from reviewer.core.structure.duplicates.repeats import find_doubled

    rng = random.Random(5)
    pieces = ["要压实责任。", "对隐患立即整改。", "，对隐患立即整改。", "\n", "\u3000", "；", "加强", "我们", "。", "，"]
    found = 0
    for seed in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        junk = _junk(text, seed)
        want = _doubled_plainly(text, junk)
        assert list(find_doubled(text, [], junk)) == want, text
        found += bool(want)
    assert found > 300


def test_an_edit_searches_only_the_changed_line_for_doubled_and_near_copies():
    from reviewer.core.structure.duplicates import repeats

    para = "我们坚持问题导向，着力解决群众急难愁盼问题，推动各项工作落地见效，群众满意度持续上升。"
    lines = [f"第{k}段：{para}要压实责任。要压实责任。" for k in range(200)]
    text = "\n".join(lines)
    doc = Document.from_text(text)
    first = list(repeats.find_doubled(text, doc.paragraphs, []))
    assert len(first) == 200 and first[7][2] == {"first_line": 8}
    list(repeats.find_near(text, doc.paragraphs, []))
    doubled, near = set(repeats._DOUBLED[4]), set(repeats._NEAR_KEYS)
    lines[100] = lines[100].replace("着力", "切实")
    text = "\n".join(lines)
    doc = Document.from_text(text)
    assert len(list(repeats.find_doubled(text, doc.paragraphs, []))) == 200
    list(repeats.find_near(text, doc.paragraphs, []))
    assert len(set(repeats._DOUBLED[4]) - doubled) == 1  # the edited line only
    assert len(set(repeats._NEAR_KEYS) - near) <= 1  # (the edited paragraph's key, when its head is a neighbour's)
