"""The whole-document junk checks that keep each line's verdict between edits (issue 11:
junk._line_marks, junk_lines._stripped_lines): after every edit -- one that makes or breaks
a menu run, a document site's info panel, a closing line with titles under it, a lone
mark, a line of random characters, a page's number, a piece's header -- the incremental
re-check gives exactly a full review's findings."""
import random

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import edit_lines

LONG = "我们要坚持问题导向，围绕产业发展、人才培养、文化传承、生态保护和组织建设五个方面持续用力，" * 4
PROSE = "各级各部门要严格落实工作责任制，层层压实责任，形成齐抓共管、协同推进的良好工作格局。"
CHECKS = {"site_junk." + rid for rid in ("nav-run", "stat-panel", "tail-titles", "lone-mark", "random-line",
                                         "page-break", "piece-header")}
# what gets typed or pasted: a column's name, an info panel's name or value, a closing line,
# a title, a lone mark, random characters, a page's number, a piece's number
PIECES = ["工作总结", "工作计划", "心得体会", "述职报告", "发布时间", "页数", "大小", "2", "0.02 MB",
          "2024年09月22日", "谢谢大家！", "在全县安全生产工作会议上的讲话", "乡镇年度工作总结（通用5篇）",
          "—", "3", "-", "擦局又徒半太遵粒貌正乡销仅师族森式办谈介抗载养验色充院巩诱屋响梁莫克信",
          "2、", "篇1", "社区活动方案模板10篇", "社区活动方案1", "篇一 社区活动方案", "  ", "\u3000",
          "\n", "\n\n", "。", "，", LONG, PROSE]


def _draft() -> str:
    return "\n".join([
        "社区活动方案模板10篇", "社区活动方案 篇1", "网站首页", "", "工作总结", "", "演讲稿", "", "讲话稿",
        "各位同志：", LONG, "2、推动各项工作落到实处，确保取得实效。", PROSE, "—", PROSE,
        "擦局又徒半太遵粒貌正乡销仅师族森式办谈介抗载养验色充院巩诱屋响梁莫克信充两实掉录育青乡洛买难章些",
        "2024年09月22日", "发布时间", "2", "页数", "0.02 MB", "大小", PROSE, "3", PROSE,
        "社区活动方案2", "篇一 社区活动方案", PROSE, "谢谢大家！", "在全县安全生产工作会议上的讲话",
        "镇党委书记抓基层党建述职报告", "乡镇年度工作总结（通用5篇）", ""])


def _edit(text: str, rng: random.Random) -> str:
    return edit_lines(text, rng, PIECES)  # tests/conftest.py


def _mine(report):
    return [(f.rule, f.start, f.end, f.message, f.suggestion) for f in report.findings if f.rule in CHECKS]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_verdicts_kept_between_edits_equal_a_full_review(rules, newline):
    # (with \r\n the paragraphs are not the text's lines: every line is tested each time)
    seen = set()
    for seed in range(3 if newline == "\n" else 1):
        rng = random.Random(100 + seed)
        text = _draft()
        inc = IncrementalReviewer(rules)
        for step in range(80):
            doc = Document.from_text(text.replace("\n", newline))
            full = review(doc, rules)
            got = inc.review(doc)
            assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in full.findings], \
                f"step {step} (seed {seed})"
            seen.update(f.rule for f in full.findings if f.rule in CHECKS)
            text = _edit(text, rng)
    assert seen == CHECKS  # the edits reached every check (the \r\n lines too)


def test_stripped_lines_kept_between_edits_equal_fresh_ones():
    from reviewer.core.engine import Context
    from reviewer.core.rules.junk_lines import _stripped_lines

    rng = random.Random(7)
    text = _draft()
    memos: dict = {}
    for _ in range(300):
        doc = Document.from_text(text)
        kept = Context("body", text, doc.paragraphs)
        kept._memos = memos
        fresh = Context("body", text, doc.paragraphs)
        assert _stripped_lines(kept) == _stripped_lines(fresh)
        assert kept.cached("stripped_line_starts", list) == [s for s, _ in _stripped_lines(fresh)]
        text = _edit(text, rng) if rng.random() < 0.9 else rng.choice(["", "\n", " \n ", text + "\n  "])
