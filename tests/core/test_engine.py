import subprocess
import sys

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.findings import SEVERITY_RANK
from tests.conftest import ROOT, SAMPLE


def test_core_imports_no_qt():
    code = ("import sys, pkgutil, importlib, reviewer.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'reviewer.core.'):\n"
            "    importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_core_file_mentions_pyside():
    for path in (ROOT / "reviewer" / "core").rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path


def test_review_is_deterministic_and_sorted(rules):
    doc = Document.from_text(SAMPLE.read_text(encoding="utf-8"))
    a = review(doc, rules)
    b = review(doc, rules)
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    body = [f for f in a.findings if f.region == "body"]
    keys = [(f.start, -SEVERITY_RANK[f.severity], f.rule) for f in body]
    assert keys == sorted(keys)
    for f in a.findings:
        assert doc.text[f.start:f.end] == f.text


# The golden test: every rule fires where it should on our own sample draft and
# nowhere else; a rule that starts colliding with another shows up here.
GOLDEN = [
    ("site_junk.breadcrumb", "首页 > 汇报材料 > 在全县乡村振兴工作推进会上的汇报发言 >"),
    ("site_junk.publish-meta", "发布时间：2024-03-12 09:15:33"),
    ("placeholder.year", "20xx年"),
    ("duplicate.title", "在20xx年全县乡村振兴工作推进会上的汇报发言"),
    ("placeholder.year", "20xx年"),
    ("punctuation.halfwidth", ","),
    ("punctuation.halfwidth", ":"),
    ("blank_figure.name-gap", "我是"),
    ("placeholder.xx", "XX镇"),
    ("placeholder.xx", "XX大"),
    ("typo.jiezhi", "截止"),
    ("blank_figure.unit-after-slot", "个"),
    ("blank_figure.percent", "%"),
    ("blank_figure.magnitude", "万元"),
    ("blank_figure.magnitude", "余家"),
    ("placeholder.xx", "××同志"),
    ("blank_figure.book-title", "《日报》"),
    ("placeholder.moumou", "某某"),
    ("blank_figure.name-gap", "赴考察"),
    ("blank_figure.unit-after-slot", "期"),
    ("blank_figure.magnitude-ambiguous", "多人"),
    ("numbering.skipped", "四、"),
    ("typo.chain-dash", "镇党委一村党支部一网格党小组"),
    ("blank_figure.date-ambiguous", "年"),
    ("blank_figure.unit-at-clause-end", "件"),
    ("typo.idioms", "再接再励"),
    ("site_junk.paywall-marker", "##paidbegin##"),
    ("typo.zero-in-year", "二0二四"),
    ("structure.missing-part", ""),
    ("site_junk.buttons", "预览阅读已结束，若您需要写相关文章，请扫码联系老师写作！"),
    ("site_junk.recommend-list", "推荐阅读\n乡镇乡村振兴工作总结\n村党支部书记述职报告\n2024年乡村振兴工作计划"),
]


def test_golden_sample(rules):
    doc = Document.from_text(SAMPLE.read_text(encoding="utf-8"))
    report = review(doc, rules)
    got = [(f.rule, f.text) for f in report.findings if f.severity != "info"]
    assert got == GOLDEN
    assert report.genre == "report_speech"
    missing = [f.section for f in report.findings if f.category == "missing_section" and f.severity != "info"]
    assert missing == ["closing"]


def test_disabled_rules_and_categories(rules):
    doc = Document.from_text(SAMPLE.read_text(encoding="utf-8"))
    rep = review(doc, rules, ReviewOptions(disabled_categories=frozenset({"punctuation"}),
                                           disabled_rules=frozenset({"placeholder.year"})))
    assert not any(f.category == "punctuation" or f.rule == "placeholder.year" for f in rep.findings)
    assert any(f.rule == "placeholder.xx" for f in rep.findings)


def test_junk_hides_findings_inside_it(rules):
    doc = Document.from_text("正文第一段，内容充实完整。\n猜你喜欢\nXX小学德育工作总结\n2024年XX镇工作计划\n")
    rep = review(doc, rules)
    assert not any(f.category == "placeholder" for f in rep.findings)
    assert any(f.rule == "site_junk.recommend-list" for f in rep.findings)


def test_jieba_only_loaded_when_needed(rules):
    code = ("import sys\nfrom reviewer.core.document import Document\nfrom reviewer.core.engine import review\n"
            "from reviewer.core.rules import load_rules\n"
            "review(Document.from_text('近年来，XX县坚持以党建引领基层治理。'), load_rules())\n"
            "from reviewer.core import segment\n"
            "print('jieba' in sys.modules or segment.is_loaded())\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_docx_sample_shows_header_table_and_body_problems(rules):
    from reviewer.core.loaders import load

    doc = load(ROOT / "resources" / "samples" / "示例-活动方案.docx")
    rep = review(doc, rules)
    assert rep.genre == "plan"
    got = {(f.region, f.category, f.text) for f in rep.findings}
    assert ("header", "placeholder", "XX街道") in got
    assert ("body", "blank_figure", "名") in got            # a table cell holding only the unit
    assert ("body", "numbering", "（三）") in got
    missing = {f.section: f.severity for f in rep.findings if f.category == "missing_section"}
    assert missing.get("schedule") == "info"  # a plan's customary part, a hint
    assert "objectives" not in missing  # its purpose clause (为……，决定开展……) states the aim
    assert not any(f.text == "户" for f in rep.findings)     # 独居老人户 is a real term


def test_unit_after_a_placeholder_is_not_a_second_hole(rules):
    text = "同志们：全镇完成生产总值××亿元，农民人均收入XX元。全镇完成生产总值亿元。"
    report = review(Document.from_text(text), rules, ReviewOptions(structure=False))
    got = sorted((f.category, text[f.start:f.end]) for f in report.findings
                 if f.category in ("placeholder", "blank_figure"))
    # the two placeholders, and the one unit that has nothing in front of it
    assert got == [("blank_figure", "亿元"), ("placeholder", "XX"), ("placeholder", "××")]
    hole = next(f for f in report.findings if f.category == "blank_figure")
    assert hole.start == text.rindex("亿元")


def test_the_cycle_collector_is_off_only_while_a_review_runs():
    """engine.no_cycle_collection: off during a review, as it was afterwards, also when a
    rule fails or two reviews overlap."""
    import gc

    from reviewer.core import engine

    seen = []

    class Looks:
        full_id, category, phase, enabled, needs_jieba, user, min_support = "t.gc", "other", 0, True, False, False, 0

        def run(self, ctx):
            seen.append(gc.isenabled())
            if ctx.text.startswith("坏"):
                raise RuntimeError("a rule failed")
            return []

    assert gc.isenabled()
    review(Document.from_text("一段。"), [Looks()], ReviewOptions(structure=False))
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError):
        review(Document.from_text("坏段。"), [Looks()], ReviewOptions(structure=False))
    assert gc.isenabled()
    with engine.no_cycle_collection():  # another review still running: stays off
        review(Document.from_text("一段。"), [Looks()], ReviewOptions(structure=False))
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        review(Document.from_text("一段。"), [Looks()], ReviewOptions(structure=False))
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()


def test_a_held_collector_stays_off_after_reviews_until_the_last_holder_lets_go():
    """engine.hold_collector (the window collects in the user's pauses): reviews ending while
    it is held leave the collector off; letting go during a review turns it on when the
    review is over."""
    import gc

    from reviewer.core import engine

    doc, opts = Document.from_text("一段。"), ReviewOptions(structure=False)
    assert gc.isenabled()
    engine.hold_collector(True)
    engine.hold_collector(True)
    try:
        review(doc, [], opts)
        assert not gc.isenabled()
        engine.hold_collector(False)
        assert not gc.isenabled()  # one holder left
    finally:
        with engine.no_cycle_collection():  # a review running as the last holder lets go
            engine.hold_collector(False)
            assert not gc.isenabled()
    assert gc.isenabled()
    engine.hold_collector(False)  # more lets-go than holds: no effect
    review(doc, [], opts)
    assert gc.isenabled()


def test_a_finding_that_lost_a_tie_to_an_unsupported_one_is_kept():
    """A min_support rule's finding takes the same span as a certain finding of its category
    (same severity and length: the rule id decides the tie) and is then dropped for want of
    support: the certain finding it displaced is reported, not dropped with it."""
    from reviewer.core.findings import Finding

    class Fake:
        phase, enabled, needs_jieba, user, category = 0, True, False, False, "placeholder"

        def __init__(self, rid, support):
            self.full_id, self.min_support = rid, support

        def run(self, ctx):
            s = ctx.text.index("xxx")
            return [Finding(self.full_id, "placeholder", "error", s, s + 3, "xxx", self.full_id)]

    hint, certain = Fake("placeholder.a-hint", 1), Fake("placeholder.b-certain", 0)
    got = review(Document.from_text("组长：xxx"), [hint, certain], ReviewOptions(structure=False)).findings
    assert [f.rule for f in got] == ["placeholder.b-certain"]
    # with support of its own (a second certain finding elsewhere) the tie is decided as before
    class Other(Fake):
        def run(self, ctx):
            return [Finding(self.full_id, "placeholder", "error", 0, 2, "组长", self.full_id)]

    got = review(Document.from_text("组长：xxx"), [hint, certain, Other("placeholder.c", 0)],
                 ReviewOptions(structure=False)).findings
    assert sorted(f.rule for f in got) == ["placeholder.a-hint", "placeholder.c"]


def test_only_junk_that_is_shown_hides_what_lies_in_it():
    # a long junk span that loses to a stronger junk finding inside it is not shown, so it
    # must not hide a typo either (a site abstract over a speech's first paragraph, an
    # anti-copy character in it); junk that is shown still hides
    from reviewer.core.engine import _tidy
    from reviewer.core.findings import Finding

    long = Finding("site_junk.abstract", "site_junk", "warning", 10, 100, "…", "m")
    strong = Finding("site_junk.stray-char", "site_junk", "error", 80, 86, "的.防汛", "m")
    typo = Finding("typo.misused-words", "typo", "warning", 40, 42, "渡汛", "m")
    inside = Finding("typo.misused-words", "typo", "warning", 82, 84, "防汛", "m")
    junk = [(f.start, f.end) for f in (long, strong)]
    got = _tidy([long, strong, typo, inside], junk, junk_of_findings=True)
    assert [f.rule for f in got if f.category == "site_junk"] == ["site_junk.stray-char"]
    assert typo in got and inside not in got
    # with every junk finding kept, the junk hides as before
    alone = Finding("site_junk.abstract", "site_junk", "warning", 10, 60, "…", "m")
    got = _tidy([alone, typo], [(10, 60)], junk_of_findings=True)
    assert typo not in got and alone in got
