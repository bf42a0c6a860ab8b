"""The incremental re-check (core/incremental.py) gives exactly a full review's report."""
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.document import Document
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.incremental import IncrementalReviewer, LineCache
from reviewer.core.rules.kinds import line_reach
from tests.conftest import SAMPLE, line_spans, nudge_spans, shared

# What gets typed or pasted into a draft: website junk, holes, numbering, line breaks.
PASTES = ["本文由网友投稿，版权归原作者所有", "##paidbegin##", "首页 > 范文 > 讲话稿", "第2页共5页",
          "www.fanwen.com 每日更新", "\n", "\n\n", "XX县", "于月日", "。", "，", "一、", "（三）", "二是",
          "截止目前", "占党员的%。", "同志们：", "谢谢大家！", "\u3000\u3000", " ", "“", "篇二",
          "上传者：张三 页数：5", "讲三点意见：", "1.", "\n相关推荐\n", "（此处结合本地实际）"]


def _snapshot(report):
    return ([(f.to_dict(), f.region, f.section) for f in report.findings], report.genre, report.genre_reason,
            [(o.kind, o.text, o.start, o.end, o.level, o.section, o.missing) for o in report.outline],
            report.warnings)


def _edit(text: str, rng: random.Random, corpus: str) -> str:
    op = rng.random()
    pos = rng.randrange(len(text) + 1)
    if op < 0.3:                                   # type or paste junk
        return text[:pos] + rng.choice(PASTES) + text[pos:]
    if op < 0.55:                                  # delete characters
        return text[:pos] + text[pos + rng.randrange(1, 30):]
    if op < 0.75:                                  # paste a piece of a real draft
        a = rng.randrange(len(corpus))
        return text[:pos] + corpus[a:a + rng.randrange(1, 300)] + text[pos:]
    if op < 0.87:                                  # join two paragraphs
        nl = text.find("\n", pos)
        return text[:nl] + text[nl + 1:] if nl >= 0 else text
    return text[:pos] + "\n" + text[pos:]          # split a paragraph


def _check_edits(rules, text: str, corpus: str, edits: int, seed: int, options=None) -> None:
    rng = random.Random(seed)
    inc = IncrementalReviewer(rules, options)
    for step in range(edits):
        doc = Document.from_text(text)
        want = _snapshot(review(doc, rules, options))
        got = _snapshot(inc.review(doc))
        assert got == want, f"step {step} (seed {seed}): incremental differs from a full review"
        text = _edit(text, rng, corpus)


def test_random_edits_on_the_sample_equal_a_full_review(rules):
    text = SAMPLE.read_text(encoding="utf-8")
    _check_edits(rules, text, text, edits=120, seed=11)


def test_random_edits_on_real_drafts_equal_a_full_review(rules):
    drafts = sorted(shared("dev", "drafts").glob("*.txt"))
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in drafts)
    for i, path in enumerate(drafts[::3]):  # 8 drafts, 40 edits each
        _check_edits(rules, path.read_text(encoding="utf-8"), corpus, edits=40, seed=100 + i)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), without_jieba=st.booleans())
def test_random_edit_sequences_equal_a_full_review(rules, seed, without_jieba):
    text = SAMPLE.read_text(encoding="utf-8")
    _check_edits(rules, text, text, edits=8, seed=seed, options=ReviewOptions(without_jieba=without_jieba))


def test_an_edit_rechecks_only_the_touched_lines(rules):
    text = SAMPLE.read_text(encoding="utf-8")
    inc = IncrementalReviewer(rules)
    inc.review(Document.from_text(text))
    assert inc.lines.stats["computed"] > 10
    pos = text.index("\n", len(text) // 2)
    inc.review(Document.from_text(text[:pos] + "XX县" + text[pos:]))
    assert 1 <= inc.lines.stats["computed"] <= 3  # the line typed in, and neighbours its rules look into


def test_set_options_gives_the_new_options_report(rules):
    text = SAMPLE.read_text(encoding="utf-8")
    doc = Document.from_text(text)
    inc = IncrementalReviewer(rules)
    inc.review(doc)
    options = ReviewOptions(disabled_categories=frozenset({"punctuation"}), without_jieba=True)
    inc.set_options(options)
    assert _snapshot(inc.review(doc)) == _snapshot(review(doc, rules, options))


@pytest.mark.parametrize("text", [
    "在全县大会上的講話\n同志們：\n今年以來，我們XX縣堅持發展。\n",   # traditional: the view depends on the whole draft
    "在全县大会上的讲话\r\n同志们：\r\n今年以来，XX县坚持发展。\r\n",  # \r\n line ends
])
def test_drafts_the_line_cache_cannot_prove_are_reviewed_in_full(rules, text):
    doc = Document.from_text(text)
    inc = IncrementalReviewer(rules)
    assert _snapshot(inc.review(doc)) == _snapshot(review(doc, rules))
    if "\r" in text:
        ctx = Context("body", text, doc.paragraphs)
        assert LineCache().findings(ctx, list(rules)) == {}


def test_line_reach_of_patterns():
    assert line_reach(re.compile(r"XX县")) == (0, 0)
    # a lookbehind that matches no line break reads nothing of the line before (at the line's
    # start it meets the break and fails whatever that line says); one that may match it does
    assert line_reach(re.compile(r"(?<=[，。])年月")) == (0, 0)
    assert line_reach(re.compile(r"(?<![了到得有予出行供作做以]..)的")) == (0, 0)
    assert line_reach(re.compile(r"(?<=\s)年月")) == (1, 0)
    assert line_reach(re.compile(r"(?s)(?<=..)年月")) == (2, 0)
    assert line_reach(re.compile(r"年(?=[\u4e00-\u9fff]{2})")) == (0, 0)  # stops at the line's end
    assert line_reach(re.compile(r"年(?=\s以来)")) == (0, 3)               # \s reads the line break
    assert line_reach(re.compile(r"[^。]{0,20}年")) is None                # may run across lines
    assert line_reach(re.compile(r"年\s+月")) is None
    assert line_reach(re.compile(r"(?s)年.月")) is None
    assert line_reach(re.compile(r"年.月")) == (0, 0)                      # . never matches \n
    assert line_reach(re.compile(r"年月$")) == (0, 0)                      # end of the text: tried only there
    assert line_reach(re.compile(r"(?m)年月$")) == (0, 0)                  # end of a line
    assert line_reach(re.compile(r"组长：(?=(?:\n\s*)*\S)")) is None       # looks at the next lines


def test_line_local_rules_find_per_line_what_they_find_in_the_whole_text(rules):
    """The proof in kinds.line_reach, tried on every shipped line-local rule: one pass
    over the whole text and one pass per line give the same hits."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([text, *PASTES, text.replace("。", "\n"), text.replace("，", "\n，")])
    doc = Document.from_text(text)
    ctx = Context("body", text, doc.paragraphs)
    local = [r for r in rules if r.line_reach() is not None]
    assert len(local) >= 40
    for rule in local:
        _, ahead = rule.line_reach()
        per_line = []
        for p in doc.paragraphs:
            if p.start < p.end:
                per_line += rule.scan_range(ctx, p.start, p.end, min(len(text), p.end + ahead + 2))[0]
        whole = [(s, e, v) for s, e, v in rule.scan(ctx)]
        per_line.sort(key=lambda h: h[0])  # scan() gives one pattern's hits after another's
        assert [(s, e, v) for _, s, e, v in per_line] == whole, rule.full_id


def test_a_draft_with_a_header_keeps_each_regions_lines(rules):
    from reviewer.core.document import Region, split_lines

    text = SAMPLE.read_text(encoding="utf-8")
    header = "本文由网友投稿\n第1页共3页"
    inc = IncrementalReviewer(rules)

    def doc(body):
        d = Document.from_text(body)
        d.extra_regions = [Region("header", header, split_lines(header))]
        return d

    inc.review(doc(text))
    pos = text.index("\n", len(text) // 3)
    edited = doc(text[:pos] + "于月日" + text[pos:])
    assert _snapshot(inc.review(edited)) == _snapshot(review(edited, rules))
    assert inc.lines.stats["computed"] == 0  # the header (checked last) is unchanged: its lines were kept


def test_near_miss_misused_words_and_page_metadata_are_line_local(rules):
    """Round two of issue 11: these re-run only on the lines an edit touched (the test
    above checks each of them line by line against the whole text)."""
    local = {r.full_id for r in rules if r.line_reach() is not None}
    kinds = {r.full_id: r.kind for r in rules}
    for rid, kind in kinds.items():
        if kind in ("near-miss", "misused", "formula-order"):
            assert rid in local, rid
    assert "site_junk.publish-meta" in local


def test_needed_characters_of_a_pattern():
    from reviewer.core.rules.reach import _needed_chars

    assert _needed_chars(re.compile(r"(?<=[，。])年月")) == "年"       # the first of equals
    assert _needed_chars(re.compile(r"[个名]|所")) == "个名所"          # each branch adds its own
    assert _needed_chars(re.compile(r"a?b")) == "b"                     # an optional item needs nothing
    assert _needed_chars(re.compile(r"(?:ab|c)d*")) == "ac"
    assert _needed_chars(re.compile(r"(?=年)\w")) is None               # a lookahead is not the match
    assert _needed_chars(re.compile(r"[^a]")) is None
    assert _needed_chars(re.compile(r"\d+")) is None
    assert _needed_chars(re.compile(r"(?i)x")) is None


def test_prefiltered_pattern_scans_equal_plain_scans(rules):
    """PatternRule.scan searches a line-local regex only in the lines holding one of its
    needed characters: the same hits, in the same order, as searching the whole text."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([text, *PASTES, text.replace("。", "\n"), text.replace("，", "\n，"), "年" + "X" * 300])
    doc = Document.from_text(text)
    used = 0
    for rule in rules:
        if not hasattr(rule, "_make_plan"):
            continue
        plan = rule._make_plan()
        used += sum(pre is not None for _, pre, _ in plan)
        got = list(rule.scan(Context("body", text, doc.paragraphs)))
        rule._plan = [(rx, None, ahead) for rx, _, ahead in plan]
        try:
            want = list(rule.scan(Context("body", text, doc.paragraphs)))
        finally:
            rule._plan = None
        assert got == want, rule.full_id
    assert used >= 30  # (not for patterns re skips through by itself: reach.prefilter_pays)


# A draft whose year and anonymising decide the stale and place checks (issue 11: their
# lines are cached, keyed by the line and, for the year, dropped when it changes).
_YEARLY = ("关于XX县2019年工作情况的汇报\n"
           "今年是“十三五”规划的收官之年，全县全面建成小康社会取得决定性成就。\n"
           "2019年以来，我们学习借鉴浙江经验，组织干部到成都、武汉学习考察。\n"
           "余杭区探索“最多跑一次”改革，安监局、原安监局都要抓好安全生产。\n"
           "乡长龚建华同志主持会议。临朐县、铜梁区的做法值得推广。\n")
_YEAR_EDITS = ["2019", "2021", "2023", "2016", "", "XX县", "临朐县", "某某", "铜梁", "\n", "十四五", "成都市"]


def test_year_and_place_rules_after_edits_equal_a_full_review(rules):
    rng = random.Random(5)
    inc = IncrementalReviewer(rules)
    text = _YEARLY * 3
    seen_years = set()
    for step in range(60):
        doc = Document.from_text(text)
        full = review(doc, rules)
        assert _snapshot(inc.review(doc)) == _snapshot(full), f"step {step}"
        seen_years.update(f.message for f in full.findings if f.rule.startswith("stale."))
        title, rest = text.split("\n", 1)
        if step % 3 == 0:   # change the year in the title: every line's stale hits change
            title = f"关于XX县{rng.choice(['2015', '2019', '2022', '2026'])}年工作情况的汇报"
        else:
            pos = rng.randrange(len(rest) + 1)
            rest = rest[:pos] + rng.choice(_YEAR_EDITS) + rest[pos + rng.randrange(0, 4):]
        text = title + "\n" + rest
    assert len(seen_years) > 1  # the year did change what the stale rules say


def test_place_names_per_line_equal_one_scan_of_the_whole_text(rules):
    from reviewer.core.rules.locality import LocalityRule

    place = next(r for r in rules if isinstance(r, LocalityRule) and r.check == "place")
    person = next(r for r in rules if isinstance(r, LocalityRule) and r.check == "person")
    text = _YEARLY * 4
    rng = random.Random(9)
    found = 0
    for _ in range(40):
        ctx = Context("body", text, Document.from_text(text).paragraphs)
        assert place._place_hits(ctx) == place._place_hits_whole(ctx)
        whole = [(s, e, {"person": name}) for _, s, e, name in person._line_people(text, 0, len(text))]
        assert list(person._people(ctx)) == whole
        found += len(whole)
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(_YEAR_EDITS + ["市长王明同志", "\n县长李强同志讲话"]) + text[pos:]
    assert found


def test_duplicate_checks_with_kept_paragraphs_equal_a_fresh_run(rules):
    """structure.duplicates keeps each paragraph's sentences and trimmed text, keyed by its text:
    after edits the answers equal those computed with nothing kept."""
    from reviewer.core.structure import duplicates

    text = SAMPLE.read_text(encoding="utf-8")
    text = text + "\n" + text  # every paragraph and sentence twice
    rng = random.Random(3)
    junk = [(5, 40), (300, 320)]
    found = 0
    for _ in range(15):
        paragraphs = Document.from_text(text).paragraphs
        warm = (list(duplicates.find_sentence(text, paragraphs, junk)),
                list(duplicates.find_paragraph(text, paragraphs, junk)))
        duplicates._SENTENCES.clear()
        duplicates._PARAGRAPHS.clear()
        cold = (list(duplicates.find_sentence(text, paragraphs, junk)),
                list(duplicates.find_paragraph(text, paragraphs, junk)))
        assert warm == cold
        found += len(cold[0]) + len(cold[1])
        text = _edit(text, rng, text)
    assert found


# Edits that move what the document-level checks look at (issue 11 §3): numbering markers
# and announced counts, paragraphs and sentences given twice, junk lines next to them.
_MARKERS = ["一、", "二、", "四、", "（一）", "（二）", "（二）", "1.", "2.", "3、", "（1）", "2)", "一是", "二是",
            "四是", "第一，", "第三，", "。2.", "讲三点意见：", "从四个方面：", "具体安排如下：",
            "\n4月1日上午\n县会议中心\n全体干部\n", "本文由网友投稿", "\n第2页共5页\n",
            "\nwww.fanwen.com\n", "\n相关推荐\n", "\u3000\u3000"]


def _structural_edit(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    op = rng.random()
    i = rng.randrange(len(lines))
    if op < 0.35:                                  # a marker, count or junk at a line's start or inside it
        at = 0 if rng.random() < 0.6 else rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(_MARKERS) + lines[i][at:]
    elif op < 0.5:                                 # a marker's number typed over
        line = lines[i]
        digits = [k for k, c in enumerate(line[:6]) if c in "一二三四五六七八九123456789"]
        if digits:
            k = rng.choice(digits)
            lines[i] = line[:k] + rng.choice("一二三四五12345") + line[k + 1:]
    elif op < 0.65:                                # a paragraph pasted again elsewhere
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
    elif op < 0.75:                                # a sentence pasted again into another paragraph
        sentences = [s + "。" for s in "\n".join(lines).split("。") if len(s) > 20]
        if sentences:
            lines[i] += rng.choice(sentences).strip("\n").split("\n")[-1]
    elif op < 0.85:                                # a line (a first copy, a junk line, a heading) deleted
        if len(lines) > 3:
            del lines[i]
    elif op < 0.93:                                # two lines joined
        if i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
    else:                                          # a character deleted at a line's start
        lines[i] = lines[i][1:]
    return "\n".join(lines)


def _check_structural_edits(rules, text: str, edits: int, seed: int) -> set:
    rng = random.Random(seed)
    inc = IncrementalReviewer(rules)
    seen = set()
    for step in range(edits):
        doc = Document.from_text(text)
        full = review(doc, rules)
        assert _snapshot(inc.review(doc)) == _snapshot(full), f"step {step} (seed {seed})"
        seen.update(f.rule for f in full.findings)
        text = _structural_edit(text, rng)
    return seen


def test_edits_to_numbering_duplicates_and_junk_equal_a_full_review(rules):
    text = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([text, "讲三点意见：一是抓学习。二是抓落实。三是抓作风。", "本文由网友投稿", text])
    seen = set()
    for seed in range(3):
        seen |= _check_structural_edits(rules, text, edits=70, seed=seed)
    # the edits did reach the checks they are about
    assert {"duplicate.paragraph", "duplicate.sentence"} <= seen
    assert sum(rid.startswith("numbering.") for rid in seen) >= 3
    assert sum(rid.startswith("site_junk.") for rid in seen) >= 3


def test_edits_to_numbering_duplicates_and_junk_of_real_drafts_equal_a_full_review(rules):
    drafts = sorted(shared("dev", "drafts").glob("*.txt"))
    for i, path in enumerate(drafts[1::4]):
        _check_structural_edits(rules, path.read_text(encoding="utf-8"), edits=25, seed=200 + i)


def test_edits_at_the_ends_and_across_lines_equal_a_full_review(rules):
    """The re-check keeps the findings before and after the changed stretch of text
    (LineCache._splice): edits at the very start and end, over line breaks, the whole
    text replaced or emptied, and the same text again."""
    sample = SAMPLE.read_text(encoding="utf-8")
    text = sample + "\n本文由网友投稿\n" + sample
    steps = [lambda t: "XX县" + t, lambda t: t + "XX县", lambda t: t[5:], lambda t: t[:-5],
             lambda t: t[:40] + t[200:], lambda t: t.replace("\n", "\n\n", 3), lambda t: t,
             lambda t: t[:len(t) // 2] + "\n" + t[len(t) // 2:], lambda t: "于月日。\n" + t[len(t) // 3:],
             lambda t: "", lambda t: sample, lambda t: t + "\n", lambda t: "\n" + t,
             lambda t: t.replace("。", "。一是", 2), lambda t: t[:-1]]
    inc = IncrementalReviewer(rules)
    for k, step in enumerate(steps):
        text = step(text)
        doc = Document.from_text(text)
        assert _snapshot(inc.review(doc)) == _snapshot(review(doc, rules)), f"step {k}"


def test_common_prefix_and_suffix_of_two_texts():
    from reviewer.core.document import common_prefix as _common_prefix, common_suffix as _common_suffix

    def naive(x, y):
        i = 0
        while i < min(len(x), len(y)) and x[i] == y[i]:
            i += 1
        j = 0
        while j < min(len(x), len(y)) - i and x[-1 - j] == y[-1 - j]:
            j += 1
        return i, j

    rng = random.Random(4)
    for k in range(400):
        x = "".join(rng.choice("ab\n") for _ in range(rng.randrange(0, 9000 if k % 20 == 0 else 200)))
        y = x
        for _ in range(rng.randrange(0, 3)):
            pos = rng.randrange(len(y) + 1)
            y = y[:pos] + "".join(rng.choice("abc\n") for _ in range(rng.randrange(0, 4))) + y[pos + rng.randrange(0, 4):]
        i = _common_prefix(x, y)
        assert (i, _common_suffix(x, y, min(len(x), len(y)) - i)) == naive(x, y)


def test_duplicate_findings_with_filled_messages_kept_equal_the_plain_ones(rules):
    """DuplicateRule fills a message that depends on its values alone once per value
    (rules/outline_kinds.py): the findings equal those Rule.finding makes."""
    from reviewer.core.engine import review_region
    from reviewer.core.rules.kinds import Rule

    text = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([text, "本文由网友投稿", text, text.replace("。", "。\n")])
    doc = Document.from_text(text)
    _, ctx = review_region("body", text, doc.paragraphs, [r for r in rules if r.category == "site_junk"], ReviewOptions())
    seen = 0
    for rule in (r for r in rules if r.kind == "duplicate"):
        for _ in range(2):  # the second time from the kept messages
            for s, e, values in rule.scan(ctx):
                assert rule.finding(ctx, text, s, e, values) == Rule.finding(rule, ctx, text, s, e, values)
                seen += 1
    assert seen > 10


_ORDERED = ("我们要坚定道路自信、制度自信、理论自信、文化自信，\n"
            "倡导富强、民主、文明、和谐，倡导自由、平等、公正、法治。\n"
            "积极培育和践行爱国、诚信、敬业、友善的价值准则。\n"
            "文化自信、道路自信、理论自信、制度自信，缺一不可。\n")
_ORDER_EDITS = ["、", "文明、富强、", "理论自信、道路自信", "\n", "和谐、民主、", "敬业"]


def test_formula_order_after_edits_equals_a_full_review(rules):
    """formula-order is line-local: after an edit only the touched lines are searched."""
    rng = random.Random(7)
    inc = IncrementalReviewer(rules)
    text = _ORDERED * 4
    seen = 0
    for step in range(80):
        doc = Document.from_text(text)
        full = review(doc, rules)
        assert _snapshot(inc.review(doc)) == _snapshot(full), f"step {step}"
        seen += sum(f.rule == "phrasing.formula-order" for f in full.findings)
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(_ORDER_EDITS) + text[pos + rng.randrange(0, 6):]
    assert seen > 20  # the edits did make and unmake formulas out of order


def test_a_rules_memo_lives_as_long_as_the_incremental_reviewer():
    """Context.memo(): kept between an IncrementalReviewer's calls, fresh for a one-shot
    review, emptied when the options (and so what a rule would work out) change."""
    seen = []

    class Remembers:
        full_id, category, phase, enabled, needs_jieba, user = "t.memo", "other", 0, True, False, False
        min_support = 0

        def line_reach(self):
            return None

        def run(self, ctx):
            memo = ctx.memo("t.memo")
            seen.append(dict(memo))
            memo["calls"] = memo.get("calls", 0) + 1
            return []

    rules = [Remembers()]
    inc = IncrementalReviewer(rules)
    doc = Document.from_text("第一段。\n第二段。\n")
    inc.review(doc)
    inc.review(doc)
    assert seen == [{}, {"calls": 1}]
    review(doc, rules, ReviewOptions())
    assert seen[-1] == {}
    inc.set_options(ReviewOptions(structure=False))
    inc.review(doc)
    assert seen[-1] == {}


def test_lines_are_paragraphs_only_when_they_are():
    """incremental._lines_are_paragraphs against its definition, on paragraphs that are the
    lines and on ones that are off by a little (a shifted start, another separator, a
    paragraph spanning a line break, one too many)."""
    from reviewer.core.document import Paragraph, split_lines
    from reviewer.core.incremental import _lines_are_paragraphs

    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("甲乙\n\nx") for _ in range(rng.randrange(0, 12)))
        spans = line_spans(text)
        op = rng.randrange(5)
        nudge_spans(spans, op, rng, len(text))
        if op == 3:
            spans.append((len(text), len(text)))
        elif op == 4 and text:
            text = text.replace("\n", "x", 1)
        paragraphs = [Paragraph(s, e) for s, e in spans]
        assert _lines_are_paragraphs(text, paragraphs) == ([(p.start, p.end) for p in paragraphs] == line_spans(text))
    assert _lines_are_paragraphs("甲\n乙", split_lines("甲\n乙"))
