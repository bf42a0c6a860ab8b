"""An edit of a long draft: the locality checks (places, people, lists of names) and the
blank-figure rules whose patterns look past their line's end (name-gap, empty-field) keep
what they found in the lines an edit did not touch (kinds.spliced), the garbled-character
rules are line-local.  After any edit they report what a full review reports."""
import random
import re

import pytest

from reviewer.core.document import Document, Paragraph
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.incremental import IncrementalReviewer

OURS = ["foreign_locality.place-name", "foreign_locality.person-name", "foreign_locality.name-list",
        "foreign_locality.mixed-places", "blank_figure.name-gap", "blank_figure.empty-field",
        "typo.garbled-radical", "typo.garbled-rare-char", "typo.garbled-rare-char-unknown"]

# What each of the rules looks for, in sentences of our own.
DRAFT = "\n".join([
    "关于XX县2024年工作情况的汇报",
    "今年以来，我县在县委的坚强领导下，扎实做好各项⼯作，在各⽅⾯取得新成效。",
    "组织干部到成都、武汉学习考察，临朐县、铜梁区的做法值得推广。",
    "会议由县长王建国同志主持，建华书记将作讲话。",
    "评 委: 刘明 唐强",
    "组员:",
    "张伟、李娜",
    "",
    "孙立群",
    "学校的作品交王老师，电话:/社会作品交文化中心。",
    "组长:",
    "",
    "副组长:",
    "二〇二四年四月七日",
    "国务院总理",
    "",
    "各位代表：",
    "欢迎大家到参观指导，我是。下面由我作汇报。",
    "全面推进社会主义现代化强囯建设，确保䶯期完成任务。",
])
# a draft that names its own place instead of anonymising it (locality_own.py)
OWN = "\n".join([
    "临朐县2023年政府工作报告",
    "各位代表：",
    "过去一年，我县经济运行稳中有进。中共临朐县委坚持稳中求进。",
    "把铜梁建设成为宜居宜业的家园，余杭区探索改革，桐梓县委坚持实干。",
    "临朐县人民政府",
])
# its own place read from the body: named most often, and as the speaker's own
BODY = "\n".join([
    "2023年政府工作报告",
    "各位代表：",
    "过去一年，中共临朐县委带领全县人民攻坚克难，我县经济稳中有进。",
    "临朐县人民政府坚持依法行政，临朐县发展势头良好。",
    "我们要把铜梁建设成为宜居家园，桐梓县委坚持实干。",
    "谢谢大家！",
])
# a draft stitched from other places' material (locality_mixed.py)
MIXED = "\n".join([
    "关于推进改革工作的情况汇报",
    "各位领导：",
    "余杭区探索最多跑一次改革，成效明显。",
    "桐梓县委坚持实干兴县，发展加快。",
    "长沙，正在加快建设现代化城市。",
    "绵阳牢固树立新发展理念。",
    "谢谢大家！",
])
PIECES = ["\n", "\n\n", "  ", "　", "XX县", "某某", "临朐县", "成都市", "铜梁", "县长李强同志", "\n组员:\n王红、赵磊\n",
          "评委:", " 刘明", "电话:", "\n组长:\n", "二〇二四年四月七日", "\n县长\n", "\n王明\n", "到参观", "我是。",
          "⼯", "⽅⾯", "囯", "、", "，", "。", "中共", "县委坚持", "我县", "\n绵阳牢固树立", "例如，"]


def _edit(text: str, rng: random.Random) -> str:
    op = rng.random()
    pos = rng.randrange(len(text) + 1)
    if op < 0.5:
        return text[:pos] + rng.choice(PIECES) + text[pos:]
    if op < 0.75:
        return text[:pos] + text[pos + rng.randrange(1, 12):]
    if op < 0.9:
        nl = text.find("\n", pos)
        return text[:nl] + text[nl + 1:] if nl >= 0 else text
    return text[:pos] + "\n" + text[pos:]


def _runs(rule, text, memos, options, paragraphs=None, junk=()):
    """The rule's findings with what it kept from earlier calls (memos), and afresh."""
    paragraphs = Document.from_text(text).paragraphs if paragraphs is None else paragraphs

    def ctx(kept):
        c = Context("body", text, paragraphs)
        c.options = options
        c.junk = list(junk)
        if kept is not None:
            c._memos = kept
        return c

    return rule.run(ctx(memos)), rule.run(ctx(None))


@pytest.fixture(scope="module")
def ours(rules):
    return [r for r in rules if r.full_id in OURS]


_BLANKS = {"blank_figure.empty-field", "blank_figure.name-gap"}
_PEOPLE = {"foreign_locality.person-name", "foreign_locality.name-list"}


@pytest.mark.parametrize("draft,locality,reported", [
    (DRAFT, None, {"foreign_locality.place-name", *_BLANKS, *_PEOPLE}),
    (DRAFT, "四川省成都市", {"foreign_locality.place-name", *_BLANKS}),
    # the draft's own place read from its title and signature: another's used as its own
    (OWN, None, {"foreign_locality.place-name:本稿标题、署名表明是"}),
    (BODY, None, {"foreign_locality.place-name:本稿正文表明是"}),
    (MIXED, None, {"foreign_locality.mixed-places"}),
])
def test_kept_findings_after_random_edits_equal_a_fresh_run(ours, draft, locality, reported):
    options = ReviewOptions(locality=locality)
    for seed in range(2):
        rng = random.Random(seed)
        text = draft * 2
        memos = {}
        found = set()
        for step in range(150):
            for rule in ours:
                kept, fresh = _runs(rule, text, memos, options)
                assert kept == fresh, f"{rule.full_id} step {step} (seed {seed})"
                found.update(f.rule for f in fresh)
                found.update(f"{f.rule}:{why}" for f in fresh for why in ("本稿标题、署名表明是", "本稿正文表明是")
                             if why in f.message)
            text = _edit(text, rng)
        assert reported <= found  # the edits made and unmade what these rules report


def test_edits_at_the_ends_and_of_the_whole_text_equal_a_fresh_run(ours):
    steps = [lambda t: "XX县" + t, lambda t: t + "\n县长\n", lambda t: t[3:], lambda t: t[:-3],
             lambda t: "\n" + t, lambda t: t + "\n", lambda t: t, lambda t: "", lambda t: DRAFT,
             lambda t: t.replace("\n", "\n\n", 4), lambda t: t[:len(t) // 2] + t[len(t) // 2 + 40:],
             lambda t: "组长:\n" + t, lambda t: t[:-1], lambda t: OWN, lambda t: OWN + "\n" + DRAFT,
             lambda t: MIXED, lambda t: t + "\nXX县"]
    for rule in ours:
        text = DRAFT
        memos = {}
        for k, step in enumerate(steps):
            text = step(text)
            kept, fresh = _runs(rule, text, memos, ReviewOptions())
            assert kept == fresh, f"{rule.full_id} step {k}"


@pytest.mark.parametrize("rid,text,counts", [
    ("foreign_locality.place-name", "XX县的汇报\n组织干部到\n临朐县推进改革。\n", [0, 1]),
    # not anonymised: the third mention of 临朐县 makes it the draft's own place (正文)
    ("foreign_locality.place-name",
     "2023年政府工作报告\n各位代表：我县经济稳中有进，组织干部到\n临朐县人民政府坚持依法行政。\n"
     "中共临朐县委带领全县人民攻坚克难，临朐县发展势头良好。\n我们要把铜梁建设成为宜居家园。\n", [0, 1]),
    # 余杭区 acting as the subject of its line, or a place visited
    ("foreign_locality.mixed-places", MIXED.replace("各位领导：", "各位领导：组织干部到"), [3, 4]),
])
def test_an_edit_next_to_a_line_decides_its_places(ours, rid, text, counts):
    """A place at a line's start is a place mentioned as such after 到 at the end of the line
    before (_as_place looks 8 characters back): editing that line changes its finding."""
    rule = next(r for r in ours if r.full_id == rid)
    memos = {}
    got = []
    for step in range(6):
        kept, fresh = _runs(rule, text, memos, ReviewOptions())
        assert kept == fresh, f"step {step}"
        got.append(len(fresh))
        text = text.replace("干部到\n", "干部\n") if "干部到\n" in text else text.replace("干部\n", "干部到\n")
    assert got == counts * 3


def test_a_long_draft_anonymised_early_late_or_in_junk_equals_a_fresh_run(ours):
    """Whether a long draft anonymises: its first lines are searched first, then every
    placeholder (kept for a re-check); one inside website junk does not count."""
    rule = next(r for r in ours if r.full_id == "foreign_locality.place-name")
    body = "今年以来，全县上下扎实推进各项工作，经济社会发展取得新成效。\n" * 800 + "临朐县推进改革。\n"
    late = len(body) // 2
    cases = [  # (text, junk, reported)
        ("XX县的汇报\n" + body, (), True),
        ("县的汇报\n" + body, (), False),
        ("县的汇报\n" + body[:late] + "某某镇\n" + body[late:], (), True),
        ("XX县的汇报\n" + body, [(0, 3)], False),
        ("XX县的汇报\n" + body[:late] + "某某镇\n" + body[late:], [(0, 3)], True),
        ("XX县的汇报\n" + body[:late] + "某某镇\n" + body[late:], [(0, 3), (late + 6, late + 10)], False),
    ]
    memos = {}
    for k, (text, junk, reported) in enumerate(cases * 2):
        kept, fresh = _runs(rule, text, memos, ReviewOptions(), junk=junk)
        assert kept == fresh, f"case {k}"
        assert bool(fresh) == reported, f"case {k}"


def test_lists_of_names_with_other_paragraphs_equal_a_fresh_run(ours):
    """The name-list check keeps what each paragraph is only while the paragraphs are the
    same: the same text cut into other paragraphs is looked at again."""
    rule = next(r for r in ours if r.full_id == "foreign_locality.name-list")
    text = DRAFT
    lines = Document.from_text(text).paragraphs
    label = text.index("组员:")
    names = text.index("张伟")
    # the label and the names below it as one paragraph, then each line again
    joined = [p for p in lines if p.end < label or p.start > names] + [Paragraph(label, names + 5)]
    joined.sort(key=lambda p: p.start)
    memos = {}
    results = []
    for paragraphs in (lines, joined, lines):
        kept, fresh = _runs(rule, text, memos, ReviewOptions(), paragraphs)
        assert kept == fresh
        results.append(fresh)
    assert results[0] != results[1]  # the cut does decide the lists


def test_random_edits_equal_a_full_review(rules):
    rng = random.Random(3)
    inc = IncrementalReviewer(rules)
    text = DRAFT * 3
    seen = set()
    for step in range(60):
        doc = Document.from_text(text)
        want = review(doc, rules)
        got = inc.review(doc)
        assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in want.findings], f"step {step}"
        seen.update(f.rule for f in want.findings)
        text = _edit(text, rng)
    assert {"foreign_locality.place-name", "foreign_locality.person-name", "foreign_locality.name-list",
            "blank_figure.name-gap", "blank_figure.empty-field", "typo.garbled-radical",
            "typo.garbled-rare-char", "typo.garbled-rare-char-unknown"} <= seen


def test_garbled_characters_per_line_equal_one_scan_of_the_whole_text(ours):
    """The garbled-character rules are line-local: radicals and rare characters next to
    line breaks, after a surname, in a place's name, looked at line by line."""
    rng = random.Random(4)
    pieces = ["⼯", "⽅⾯", "⻓", "﨑", "囯", "䶯", "鐘", "王", "张", "同志", "尖塚镇", "工作", "\n", "\n\n", " ", "、", "。"]
    rules = [r for r in ours if r.full_id.startswith("typo.garbled")]
    found = 0
    for _ in range(100):
        text = "".join(rng.choice(pieces) for _ in range(40))
        doc = Document.from_text(text)
        ctx = Context("body", text, doc.paragraphs)
        for rule in rules:
            per_line = [hit for p in doc.paragraphs
                        for _, *hit in rule.scan_range(ctx, p.start, p.end, min(len(text), p.end + 2))[0]]
            whole = [list(hit) for hit in rule.scan(ctx)]
            assert per_line == whole, (rule.full_id, text)
            found += len(whole)
    assert found


def test_lines_of_candidates_past_the_budget_equal_a_fresh_run(ours):
    """A line that is one candidate after another: the scan stops at max_checks, so the
    rule runs in full and not from what it kept."""
    by_id = {r.full_id: r for r in ours}
    for rid, piece in [("blank_figure.name-gap", "到参观"), ("foreign_locality.place-name", "临朐县")]:
        text = "XX县的汇报\n" + piece * 3000 + "\n"
        memos = {}
        for step in range(3):
            kept, fresh = _runs(by_id[rid], text, memos, ReviewOptions())
            assert kept == fresh, f"{rid} step {step}"
            text = text[:20] + "\n" + text[20:]


def test_a_pattern_split_before_its_last_lookahead_finds_what_the_pattern_finds(rules):
    from reviewer.core.rules.kinds import _tail_split

    split = [rx for r in rules if r.full_id in ("blank_figure.name-gap", "blank_figure.empty-field")
             for rx in r.regexes if _tail_split(rx) is not None]
    # (name-gap's and empty-field's line patterns that end in a lookahead past the line: the
    # sixth, empty-field's blank division of labour, 1、负责人:⏎2、主持人:; the seventh,
    # name-gap's introduction by a dash, 他们是——⏎⏎同时……; the eighth, empty-field's last role of a
    # blank run with prose below, 组员:⏎领导组下设办公室，由……负责。)
    assert len(split) == 8
    rng = random.Random(1)
    pieces = ["国务院", "总理", "县长", "组长:", "组员：", "电话:", "联系电话：", "\n", "\n\n", "  ", "　", "王明",
              "二〇二四年四月七日", "一、", "(三)", "1.", "0571", "工作", "。", "嘉宾：", "领导:", "此外", "下面",
              "活动地点：", "主办单位:", "三、", "承办单位：", "2、", "负责人:", "活动布置:", "他们是——",
              "评委——", "欢迎", "同时", "领导组下设办公室，由主任负责。", "成 员:"]
    for rx in split:
        head, tail = _tail_split(rx)
        for _ in range(200):
            text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
            want = [m.span() for m in rx.finditer(text)]
            ends = [text.find("\n", m.start()) for m in head.finditer(text)]
            got = [m.span() for m, e in zip(head.finditer(text), ends)
                   if tail.match(text, len(text) if e < 0 else e)]
            assert got == want, (rx.pattern, text)
    # not split: no re.M, a line break matched, a group in the lookahead
    for pattern in [r"a$(?!b)", r"(?m)a\n$(?!b)", r"(?m)a$(?!(b))", r"(?m)a$b"]:
        assert _tail_split(re.compile(pattern)) is None
