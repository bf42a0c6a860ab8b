"""Issue 11: the duplicate checks (duplicate.paragraph, duplicate.sentence) say which of
their findings after an edit are the previous call's moved (repeats_moved, made so as
copies: engine.Context.moved), so that Report.moved_tail is proven on a draft of repeated
paragraphs too, where they make tens of thousands of findings.  The fact must be exactly
true: an edit that makes the edited paragraph a copy of a later one, or no longer the first
copy of a later one, or adds a line before a first copy, shrinks the tail or leaves none."""
import random

from reviewer.core import incremental
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.structure.duplicates.repeats import find_repeats, repeats_moved
from tests.conftest import shared
from tests.core.test_speed14_moved_tail import _check_tail
from tests.core.test_speed_structure_edit import _LINES, _edit as _line_edit, _junk

# A long draft as pasted from a site several times over: a report, each part repeated, with
# a site's lines between (the duplicates then make most of the findings).
_PART = ["关于推进基层治理现代化工作情况的汇报",
         "今年以来，我们坚持以人民为中心的发展思想，扎实推进基层治理各项工作，取得了阶段性成效。",
         "一是强化组织领导。成立了由主要负责同志任组长的工作专班，定期研究解决重点难点问题。",
         "二是完善制度机制。制定出台了网格化管理实施办法，明确了网格员的职责任务和考核标准。",
         "三是加强队伍建设。组织开展业务培训十二期，参训人员一千二百余人次，能力水平明显提升。",
         "本文来源于网络，版权归原作者所有，如有侵权请联系删除",
         "下一步，我们将持续深化改革创新，推动基层治理工作再上新台阶，为全县发展提供坚强保障。",
         "同时也要看到，工作中还存在一些短板和不足，群众反映的部分问题还没有得到及时有效解决。",
         "相关阅读：基层治理工作经验交流材料（共5篇）"]


def _draft(copies: int, seed: int) -> str:
    rng = random.Random(seed)
    lines = []
    for c in range(copies):
        part = _PART[1:] if c % 5 == 0 else _PART[1:5] + _PART[6:8]  # the site's lines now and then
        if not c:
            part.insert(0, _PART[0])
        if rng.random() < 0.5:   # some copies edited a little: their own wording
            k = rng.randrange(1, len(part))
            part[k] = part[k].replace("工作", f"第{c}项工作", 1)
        lines += part
    return "\n".join(lines)


def _typed(text: str, rng: random.Random) -> str:
    """A keystroke (a character typed or deleted), now and then a line pasted or removed."""
    pos = rng.randrange(len(text) + 1)
    op = rng.random()
    if op < 0.55:
        return text[:pos] + rng.choice("的了和。，") + text[pos:]
    if op < 0.75:
        return text[:pos] + text[pos + 1:]
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    if op < 0.85:
        lines.insert(i, rng.choice(_PART))
    elif op < 0.95 and len(lines) > 3:
        del lines[i]
    else:
        lines[i] = lines[i] + "\n"
    return "\n".join(lines)


def test_repeats_moved_tail_equals_a_fresh_run_after_random_edits():
    rng = random.Random(17)
    lines = _LINES * 8
    memos = {"paragraph": {}, "sentence": {}}
    kept = {"paragraph": [], "sentence": []}
    tails = 0
    for step in range(300):
        text = "\n".join(lines)
        paragraphs = Document.from_text(text).paragraphs
        junk = _junk(text, step // 60)
        for check, min_length in (("paragraph", 15), ("sentence", 20)):
            fresh, _ = find_repeats(check, text, paragraphs, junk, min_length)
            hits, same, tail = repeats_moved(check, text, paragraphs, junk, min_length, memos[check],
                                             len(kept[check]))
            got = kept[check][:same] + hits
            if tail is not None:
                j, d = tail
                got += [(s + d, e + d, line) for s, e, line in kept[check][j:]]
                tails += 1
            assert got == fresh, f"step {step}, {check}"
            kept[check] = got
        lines = _line_edit(lines, rng)
    assert tails > 150


def _review_twice(rules, text: str, edited: str):
    inc = IncrementalReviewer(rules)
    first = inc.review(Document.from_text(text))
    report = inc.review(Document.from_text(edited))
    _check_tail(report, first, review(Document.from_text(edited), rules))
    return report


def _lines(n: int) -> list[str]:
    return [f"第{i}段写的是本单位第{i}项工作的进展情况和下一步打算，请各位审议。" for i in range(n)]


def test_edited_paragraph_becoming_a_copy_of_a_later_one_is_not_in_the_tail(rules):
    lines = _lines(60)
    lines[40] = lines[45] = "我们要坚持问题导向，着力解决群众急难愁盼问题，推动各项工作落地见效。"
    text = "\n".join(lines)
    edited = "\n".join(lines[:5] + [lines[50]] + lines[6:])  # line 6 now the first copy of line 51
    report = _review_twice(rules, text, edited)
    dup = [f for f in report.findings if f.rule == "duplicate.paragraph"]
    assert [f.start for f in dup] == [edited.index(lines[40], edited.index(lines[40]) + 1),
                                      edited.index(lines[50], edited.index(lines[50]) + 1)]
    if report.moved_tail is not None:
        assert report.moved_tail[3] > report.findings.index(dup[-1])


def test_first_copy_edited_away_changes_the_later_copies_first_line(rules):
    lines = _lines(60)
    copy = "我们要坚持问题导向，着力解决群众急难愁盼问题，推动各项工作落地见效。"
    lines[5] = lines[40] = lines[45] = copy   # lines 41 and 46 name line 6
    text = "\n".join(lines)
    edited = "\n".join(lines[:5] + [copy[:-1] + "！"] + lines[6:])  # now line 46 names line 41
    report = _review_twice(rules, text, edited)
    dup = [f for f in report.findings if f.rule == "duplicate.paragraph"]
    assert len(dup) == 1 and "第41行" in dup[0].message
    if report.moved_tail is not None:
        assert report.moved_tail[3] > report.findings.index(dup[0])


def test_a_line_added_before_first_copies_after_the_edit_changes_their_messages(rules):
    lines = _lines(60)
    copy = "我们要坚持问题导向，着力解决群众急难愁盼问题，推动各项工作落地见效。"
    lines[40] = lines[45] = copy
    text = "\n".join(lines)
    edited = "\n".join(lines[:5] + ["新加的一行。"] + lines[5:])
    report = _review_twice(rules, text, edited)
    dup = [f for f in report.findings if f.rule == "duplicate.paragraph"]
    assert len(dup) == 1 and "第42行" in dup[0].message
    if report.moved_tail is not None:
        assert report.moved_tail[3] > report.findings.index(dup[0])


def test_tail_exact_after_random_edits_of_a_draft_of_repeats(rules, monkeypatch):
    monkeypatch.setattr(incremental, "FRESH_SHARE", float("inf"))
    for seed in range(2):
        rng = random.Random(seed)
        text = _draft(12, seed)
        inc = IncrementalReviewer(rules)
        previous, tails = None, 0
        for _ in range(40):
            doc = Document.from_text(text)
            report = inc.review(doc)
            tails += _check_tail(report, previous, review(doc, rules))
            previous = report
            text = _typed(text, rng)
        assert tails > 10


def test_fast_path_taken_on_a_draft_of_repeats_with_the_shipped_share(rules, monkeypatch):
    # The duplicates make most of the findings: without their proof the share check fails.
    text = _draft(40, 3)
    inc = IncrementalReviewer(rules)
    traces = []
    real = incremental.moved_tail
    monkeypatch.setattr(incremental, "moved_tail", lambda *a: (traces.append(a[3]), real(*a))[1])
    previous = inc.review(Document.from_text(text))
    dups = sum(f.rule in ("duplicate.paragraph", "duplicate.sentence") for f in previous.findings)
    assert dups > incremental.FRESH_SHARE * len(previous.findings)
    rng, tails, proven = random.Random(9), 0, 0
    for k in range(12):
        line = text.find("\n", len(text) // 2 + rng.randrange(len(text) // 3))
        if line < 0:
            continue
        text = text[:line - 2] + "的" + text[line - 2:]
        doc = Document.from_text(text)
        report = inc.review(doc)
        tails += _check_tail(report, previous, review(doc, rules))
        proven += {"duplicate.paragraph", "duplicate.sentence"} <= traces[-1]["moved"].keys()
        previous = report
    assert tails >= 10 and proven >= 10


def test_fast_path_taken_on_real_drafts_repeated_as_the_bench_builds_its_text(rules):
    # the bench's text: real drafts, junk and all, one after another (scripts/bench.py)
    drafts = [p.read_text(encoding="utf-8") for p in sorted(shared("dev", "drafts").glob("*.txt"))]
    parts, total = [], 0
    while total < 150_000:
        parts.append(drafts[len(parts) % len(drafts)] + "\n")
        total += len(parts[-1])
    text = "".join(parts)
    inc = IncrementalReviewer(rules)
    previous = inc.review(Document.from_text(text))
    tails = 0
    for k in range(6):
        pos = text.find("\n", len(text) // 2 + k * 997) - 3
        text = text[:pos] + "的" + text[pos:]
        doc = Document.from_text(text)
        report = inc.review(doc)
        tails += _check_tail(report, previous, review(doc, rules))
        previous = report
    assert tails >= 5
