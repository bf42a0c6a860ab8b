"""The website-junk rules decided by more than one line (issue 11): what they keep between
edits (Context.memo, the junk lines as junk is added) and their line-local checks give
exactly a full review's findings."""
import random
import re

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from reviewer.core.rules.junk import _behind, _JunkLines, _merged
from tests.conftest import edit_lines

TITLE = "关于推进乡村振兴工作的实施方案"
# A page of a document-sharing site: long enough (min_page_length) and cut mid-sentence.
PAGE = "我们要坚持问题导向，围绕产业发展、人才培养、文化传承、生态保护和组织建设五个方面持续用力，" * 4
BODY = ["各位同志：", "一、总体要求", "各村要结合实际，认真抓好各项任务的落实，确保取得实效。",
        "二、主要任务", "培养学生的.人文素养，加强同事之间的`交流，增进彼此的'友谊。",
        "在必威星光汇党委的领导下，必威星光汇各级党组织坚持党建引领。", PAGE, "2、推动各项工作落到实处。",
        "三、保障措施", "加强组织领导，压实工作责任，强化督查考核。"]
# What gets typed or pasted: junk lines, a recommendation list, a page number, the title
# again (a page header), a brand, a domain, a stray character, a collection marker.
PIECES = ["本文由网友投稿", "首页 > 范文 > 讲话稿", "发布时间:2023-08-27 15:56:56", "温馨提示：",
          "\n相关推荐\n乡村振兴工作总结\n村级组织建设方案\n", "推荐阅读", "2、", "1、", "3、", TITLE, TITLE,
          "必威星光汇党委", "亚博体育", "更多精品范文，尽在www.fw-example.net", "www.fw-example.com",
          "的.", "的`", "篇二", "范文3", "某文笔", "乡村,振兴,方案", "\n", "\n\n", "。", "，", PAGE]
MINE = {"site_junk." + rid for rid in ("recommend-list", "stray-char", "page-break", "junk-neighbour",
                                       "hijack-brand", "page-header", "glued-marker", "domain")}


def _draft() -> str:
    return "\n".join([TITLE, "本文由网友投稿", "某文笔", "复制下载", "乡村,振兴,方案", *BODY,
                      TITLE, *BODY[2:6], TITLE, "更多精品范文，尽在www.fw-example.net", "相关推荐",
                      "乡村振兴工作总结", "村级组织建设方案", "村级组织建设方案篇二", ""])


def _edit(text: str, rng: random.Random) -> str:
    return edit_lines(text, rng, PIECES)  # tests/conftest.py


def _snapshot(report):
    return [(f.to_dict(), f.region) for f in report.findings], report.genre, report.warnings


def test_edits_to_junk_blocks_equal_a_full_review(rules):
    junk_rules = [r for r in rules if r.category == "site_junk"]
    seen = set()
    for seed in range(3):
        rng = random.Random(seed)
        inc = IncrementalReviewer(junk_rules)
        text = _draft()
        for step in range(60):
            doc = Document.from_text(text)
            full = review(doc, junk_rules)
            assert _snapshot(inc.review(doc)) == _snapshot(full), f"step {step} (seed {seed})"
            seen.update(f.rule for f in full.findings)
            text = _edit(text, rng)
    assert MINE <= seen  # the edits reached every one of them


def test_what_the_rules_keep_is_what_the_draft_uses(rules):
    junk_rules = [r for r in rules if r.category == "site_junk"]
    inc = IncrementalReviewer(junk_rules)
    inc.review(Document.from_text(_draft()))
    memos = inc.lines.memos("body")
    assert memos["site_junk.domain"] and memos["site_junk.hijack-brand"]
    inc.review(Document.from_text("\n".join(BODY[:4])))  # no domain, no brand left
    assert not memos["site_junk.domain"] and not memos["site_junk.hijack-brand"]


def test_stray_characters_and_glued_markers_are_rechecked_by_line(rules):
    by_id = {r.full_id: r for r in rules}
    assert by_id["site_junk.stray-char"].line_reach() == (0, 0)  # (its lookbehinds match no line break)
    assert by_id["site_junk.glued-marker"].line_reach() is not None
    for rid in MINE - {"site_junk.stray-char", "site_junk.glued-marker"}:
        assert by_id[rid].line_reach() is None, rid  # they read other lines


def _junk_lines_one_by_one(lines, spans) -> set:
    """The definition: a line is junk when four fifths of its characters lie in junk."""
    merged = _merged(spans)
    out = set()
    for i, (s, e) in enumerate(lines):
        covered = sum(max(0, min(e, me) - max(s, ms)) for ms, me in merged)
        if covered >= 0.8 * (e - s):
            out.add(i)
    return out


def test_junk_lines_kept_up_to_date_equal_those_worked_out_afresh():
    rng = random.Random(7)
    for _ in range(200):
        lines, pos = [], 0
        for _ in range(rng.randrange(1, 12)):
            pos += rng.randrange(0, 3)
            length = rng.randrange(1, 12)
            lines.append((pos, pos + length))
            pos += length + 1
        spans = []
        kept = _JunkLines(lines, [s for s, _ in lines])
        for _ in range(rng.randrange(1, 6)):  # rules adding junk one after another
            for _ in range(rng.randrange(0, 5)):
                s = rng.randrange(pos + 1)
                spans.append((s, min(pos, s + rng.randrange(0, 15))))
            kept.update(spans)
            assert kept.merged == _merged(spans)
            assert kept.lines == _junk_lines_one_by_one(lines, spans)


def test_how_far_before_a_line_a_search_may_read():
    assert _behind(re.compile(r"篇[一二三]$")) == 1                   # \b would read one character
    assert _behind(re.compile(r"(?<=[\u4e00-\u9fff])篇[一二三]")) == 2
    assert _behind(re.compile(r"(?<!ab)(?:(?<=c)x)+")) == 4


def test_searches_kept_between_edits_equal_fresh_ones():
    """_spans_found() searches again only the lines an edit changed; the lines that hold a
    match follow from those spans unless a match runs into a line's start."""
    from reviewer.core.engine import Context
    from reviewer.core.rules.junk_lines import (_keepable, _lines_holding, _lines_holding_kept, _spans_found,
                                                _stripped_lines)

    assert not _keepable(re.compile(r"篇二$"))  # matches before a last line break: depends on the text's end

    words = re.compile(r"范文|篇二| 模板|模板网")
    pieces = ["范文", "篇二", " 模板", "模板网", "模", "板网", "\n", "\n ", " ", "正文"]
    rng = random.Random(8)
    memos: dict = {}
    text = ""
    for _ in range(400):
        pos = rng.randrange(len(text) + 1)
        if rng.random() < 0.7:
            text = text[:pos] + "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 4))) + text[pos:]
        else:
            text = text[:pos] + text[pos + rng.randrange(1, 6):]
        ctx = Context("body", text, Document.from_text(text).paragraphs)
        ctx._memos = memos  # as an incremental re-check gives them (engine.review_region)
        assert _spans_found(ctx, "spans", words) == [m.span() for m in words.finditer(text)]
        lines = _stripped_lines(ctx)
        starts = [s for s, _ in lines]
        assert _lines_holding_kept(ctx, "lines", lines, starts, words) == _lines_holding(text, lines, starts, words)


def test_every_line_pattern_junk_rule_is_rechecked_by_line(rules):
    """A line-pattern junk rule reads its line alone; only its trigger, searched in the whole
    text, could reach further -- a trigger with \\s (which matches a line break) made one such
    rule re-run over the whole of a 1M draft at every keystroke (57 ms)."""
    from reviewer.core.rules.junk_lines import JunkRule

    plain = [r for r in rules if type(r) is JunkRule]
    assert len(plain) >= 20
    assert [r.full_id for r in plain if r.line_reach() is None] == []
