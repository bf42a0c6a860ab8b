"""The engine's shortcuts for a re-check after an edit give what the plain ways give:
_tidy's run walk and its shortcut for a run one finding holds, the support count by
category stretch, the draft's script decided from the previous call's counts, and
programs kept as bytes in the rule cache."""
import random
import re

from reviewer.core import cache, engine, traditional
from reviewer.core.engine import _greedy_key, _simplified_view, _strongest, _supported, _tidy
from reviewer.core.findings import Finding
from reviewer.core.spans import merge_spans

CATEGORIES = ["typo", "site_junk", "placeholder", "blank_figure", "duplicate"]


def _random_findings(rng, n, width=600, lengths=(0, 1, 2, 5, 30, 300)):
    out = []
    for k in range(n):
        s = rng.randrange(0, width)
        out.append(Finding(f"r.{rng.randrange(4)}", rng.choice(CATEGORIES), rng.choice(["error", "warning", "info"]),
                           s, s + rng.choice(lengths), "", ""))
    return out


def _walk(findings, junk):
    """_tidy(…, ordered=False) as it was written first: one run list per finding."""
    groups = {}
    for f in findings:
        groups.setdefault(f.category, []).append(f)
    js, je = merge_spans(junk)
    ends = {f.end for f in groups.get("placeholder", ())}
    out = []
    for cat in sorted(groups):
        run, reach, k = [], -1, 0
        for f in sorted(groups[cat], key=lambda f: f.start):
            while k < len(js) and js[k] <= f.start:
                k += 1
            if cat != "site_junk" and k and f.end <= je[k - 1]:
                continue
            if cat == "blank_figure" and f.start in ends:
                continue
            if f.start < reach:
                run.append(f)
                reach = max(reach, f.end)
                continue
            out.extend(_greedy(run))
            run, reach = [f], f.end
        out.extend(_greedy(run))
    return out


def _greedy(run):
    kept = []
    for f in sorted(run, key=_greedy_key):
        if not any(g.start < f.end and g.end > f.start for g in kept):
            kept.append(f)
    return kept


def test_tidy_gives_the_same_findings_in_the_same_order_and_says_where_each_category_lies():
    rng = random.Random(11)
    for _ in range(300):
        findings = _random_findings(rng, rng.randrange(1, 60))
        junk = [(s, s + rng.choice([0, 3, 40])) for s in rng.sample(range(600), rng.choice([0, 1, 4, 12]))]
        bounds = {}
        got = _tidy(findings, junk, ordered=False, bounds=bounds)
        want = _walk(findings, junk)
        assert len(got) == len(want) and all(a is b for a, b in zip(got, want))
        assert sorted(bounds) == sorted({f.category for f in findings})
        for cat, (lo, hi) in bounds.items():
            assert all(f.category == cat for f in got[lo:hi])
        assert sum(hi - lo for lo, hi in bounds.values()) == len(got)
        ordered = _tidy(findings, junk, bounds=(again := {}))
        assert again == bounds  # strongest first within each category: the same stretches
        assert all(f.category == cat for cat, (lo, hi) in again.items() for f in ordered[lo:hi])


def test_a_run_one_finding_holds_keeps_what_the_greedy_order_keeps():
    """The shortcut of _strongest (a repeated paragraph and its sentences) and the cases
    where it must not be taken: a stronger or same-span finding inside, one reaching out,
    an empty one at the holder's start."""
    rng = random.Random(3)
    for _ in range(2000):
        s, e = rng.randrange(0, 50), rng.randrange(50, 120)
        head = Finding(f"r.{rng.randrange(3)}", "duplicate", rng.choice(["error", "warning", "info"]), s, e, "", "")
        run = [head]
        for _ in range(rng.randrange(1, 6)):
            a = rng.randrange(s, e)
            b = rng.choice([a, a + 1, rng.randrange(a, e + 1), e, e + rng.randrange(0, 3), s]) if rng.random() < .9 \
                else max(a, s)
            run.append(Finding(f"r.{rng.randrange(3)}", "duplicate", rng.choice(["error", "warning", "info"]),
                               a, max(a, b), "", ""))
        run.sort(key=lambda f: f.start)
        if run[0] is not head and run[0].start == head.start:
            run.remove(head)
            run.insert(0, head)
        got = _strongest(run)
        assert len(got) == len(_greedy(run)) and all(a is b for a, b in zip(got, _greedy(run))), run


def test_support_counted_by_category_stretch_equals_the_count_over_the_list():
    class R:
        def __init__(self, rid, cat, k):
            self.full_id, self.category, self.min_support = rid, cat, k

    rng = random.Random(8)
    for _ in range(300):
        findings = _random_findings(rng, rng.randrange(0, 40))
        rules = [R(f"r.{rng.randrange(4)}", rng.choice(CATEGORIES), rng.choice([0, 1, 2, 3])) for _ in range(3)]
        bounds = {}
        tidy = _tidy(findings, [], ordered=rng.random() < .5, bounds=bounds)
        assert _supported(tidy, rules, bounds) == _supported(tidy, rules)


def test_the_script_of_an_edited_draft_is_decided_as_for_a_fresh_one():
    """Counts of traditional and Han characters carried over an edit: around the
    thresholds (2 and 20 traditional characters, 1% of the Han ones) the view comes and
    goes exactly as traditional.simplified_view says."""
    rng = random.Random(4)
    pieces = ["們", "這", "於", "关于", "工作", "會議", "。", "\n", "abc", "", "发展" * 30, "為", "\U00020000"]
    memo = {}
    text = "今年以来，我们坚持发展。\n"
    for _ in range(600):
        pos = rng.randrange(len(text) + 1)
        if rng.random() < .35 and text:
            text = text[:pos] + text[pos + rng.randrange(1, 12):]
        else:
            text = text[:pos] + rng.choice(pieces) * rng.randrange(1, 4) + text[pos:]
        assert _simplified_view(text, memo) == traditional.simplified_view(text)
        assert memo["counts"][1] == traditional.count_traditional(text)
    assert _simplified_view(text, None) == traditional.simplified_view(text)


def test_an_incremental_review_of_a_traditional_draft_after_edits_equals_a_full_one(rules):
    from reviewer.core.document import Document
    from reviewer.core.incremental import IncrementalReviewer

    text = "在全縣大會上的講話\n同志們：\n今年以來，我們XX縣堅持發展，於月日召開會議。\n一、工作成效\n谢谢大家！\n"
    inc = IncrementalReviewer(rules)
    rng = random.Random(2)
    for _ in range(12):
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(["們", "们", "这", "這", "\n", "XX", "。"]) + text[pos:]
        doc = Document.from_text(text)
        a, b = inc.review(doc), engine.review(doc, rules)
        assert [(f.to_dict(), f.region) for f in a.findings] == [(f.to_dict(), f.region) for f in b.findings]


def test_programs_kept_as_bytes_compile_to_the_same_patterns():
    import _sre

    text = "XX县 ab AB 𠀀字 组长：\n（一）第1页"
    for pattern, flags in [(r"(?P<hit>[Xx×]{2,})(?=[县镇])", 0), (r"(a)(?P<b>b)?", re.I),
                           (r"[\U00020000-\U0002FFFF]字", 0), (r"(?m)^组长[:：]$", 0), (r"第\d+页|（[一二三]）", 0),
                           (r".{0,65535}?", re.S)]:
        want = re.compile(pattern, flags)
        parts = cache._parts(pattern, flags)
        assert isinstance(parts[1], bytes)
        got = _sre.compile(pattern, *cache._program(parts))
        assert (got.flags, got.groups, got.groupindex) == (want.flags, want.groups, want.groupindex)
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_bigrams_of_new_rules_join_the_union_at_once(monkeypatch):
    from reviewer.core.rules import lexicon_data

    monkeypatch.setattr(lexicon_data, "_BIGRAMS", [frozenset({"甲乙"}), 3])
    lexicon_data._register([frozenset({"甲乙"}), frozenset()])
    assert lexicon_data._BIGRAMS == [frozenset({"甲乙"}), 3]  # nothing new: the same union and version
    sets = [frozenset({"丙丁", "甲乙"}), frozenset({"戊己"}), frozenset({"丙丁"})]
    lexicon_data._register(sets)
    assert lexicon_data._BIGRAMS[0] == frozenset().union(*sets) and lexicon_data._BIGRAMS[1] == 4
    text = "甲乙丙丁戊己甲乙"
    assert lexicon_data._positions(text) == {"甲乙": [0, 6], "丙丁": [2], "戊己": [4]}
