"""Issue 11: the window's first review of a big draft fills the incremental re-check's
per-line cache.  A plain pattern rule makes its whole-text hits there as run()'s quick path
makes findings (PatternRule.whole_hits); they must be exactly what scan_range() over the
whole text gives, made into findings one by one -- same hits, same order, same words."""
from reviewer.core.document import Document
from reviewer.core.engine import Context
from tests.conftest import SAMPLE, SHARED
from tests.core.test_incremental import PASTES


def _texts(rules):
    text = SAMPLE.read_text(encoding="utf-8")
    yield "\n".join([text, *PASTES, text.replace("。", "\n"), text.replace("，", ",")])
    # the rules' own bad examples, one after another: text of the repo's that many rules find
    # something in, with or without ../shared
    yield "\n".join(ex.text for rule in rules for ex in rule.examples if not ex.good)
    drafts = SHARED / "dev" / "drafts"  # (real drafts' junk when ../shared is there; not needed)
    if drafts.is_dir():
        yield "\n".join(p.read_text(encoding="utf-8") for p in sorted(drafts.glob("*.txt")))


def _one_by_one(rule, ctx):
    n = len(ctx.text)
    raw, _ = rule.scan_range(ctx, 0, n, n)
    out = []
    for order, s, e, values in raw:
        f = rule.finding(ctx, ctx.text, s, e, values)
        out.append((order, s, e, f.text, f.message, f.suggestion))
    return out


def test_whole_hits_are_scan_range_made_into_findings(rules):
    used = 0
    for text in _texts(rules):
        doc = Document.from_text(text)
        ctx = Context("body", text, doc.paragraphs)
        for rule in rules:
            whole = getattr(rule, "whole_hits", None)
            got = whole(ctx) if whole is not None else None
            if got is None:
                continue
            used += bool(got)
            assert got == _one_by_one(rule, ctx), rule.full_id
    assert used > 20  # pattern rules that take the quick path and find something here
