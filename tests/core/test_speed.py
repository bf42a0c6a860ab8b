"""Speed that a change can break: linear growth on junk-rich text, the incremental
re-check, and start-up (the rule cache, jieba without pkg_resources).  The targets
themselves are measured by `make bench` (scripts/bench.py); these tests hold margins
wide enough for a busy machine and still fail on a quadratic spot."""
import math
import os
import subprocess
import sys
import time

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.incremental import IncrementalReviewer
from tests.conftest import ROOT, SAMPLE, SHARED


def _junk_rich(size: int) -> str:
    """Real drafts with their website junk when ../shared is there; the sample, with
    junk lines added between its paragraphs, otherwise."""
    drafts = sorted((SHARED / "dev" / "drafts").glob("*.txt")) if SHARED.exists() else []
    if drafts:
        pieces = [p.read_text(encoding="utf-8") for p in drafts]
    else:
        sample = SAMPLE.read_text(encoding="utf-8").split("\n")
        junk = ["本文由网友投稿，版权归原作者所有", "相关推荐", "第2页共5页", "www.fanwen.com"]
        # (a junk line after every fifth line, as a page puts its bars between paragraphs)
        pieces = ["\n".join(f"{line}\n{junk[i % 4]}" if i % 5 == 4 else line for i, line in enumerate(sample))]
    out, n, i = [], 0, 0
    while n < size:
        out.append(pieces[i % len(pieces)] + "\n")
        n += len(out[-1])
        i += 1
    return "".join(out)[:size]


def _best(fn, repeat=3) -> float:
    """CPU time of the process (CI shares its cores with other jobs), the best of ``repeat``."""
    best = math.inf
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def test_review_time_grows_linearly_on_junk_rich_text(rules):
    small, big = _junk_rich(25_000), _junk_rich(200_000)
    review(Document.from_text(small), rules)  # warm: jieba, compiled patterns
    t_small = _best(lambda: review(Document.from_text(small), rules))
    t_big = _best(lambda: review(Document.from_text(big), rules), 2)
    exponent = math.log(t_big / t_small) / math.log(8)
    assert exponent <= 1.3, f"8× the text took {t_big / t_small:.1f}× the time (exponent {exponent:.2f})"


def test_an_edit_is_rechecked_much_faster_than_a_full_review(rules):
    text = _junk_rich(100_000)
    inc = IncrementalReviewer(rules)
    t_full = _best(lambda: review(Document.from_text(text), rules), 1)
    inc.review(Document.from_text(text))
    pos = text.find("\n", len(text) // 2) - 2
    edited = Document.from_text(text[:pos] + "的" + text[pos:])
    t0 = time.process_time()
    inc.review(edited)
    t_edit = time.process_time() - t0
    assert inc.lines.stats["computed"] <= 3
    assert t_edit < 0.8 * t_full, f"edit {t_edit * 1000:.0f} ms, full review {t_full * 1000:.0f} ms"


def _fresh(code: str, cache_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "REVIEWER_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)


LOAD = ("import hashlib\nfrom reviewer.core.rules import load_rules\n"
        "r = load_rules()\n"
        "what = repr([(x.full_id, x.kind, x.severity, x.message, x.examples,\n"
        "              [(p.pattern, p.flags) for p in getattr(x, 'regexes', [])]) for x in r])\n"
        "print(len(r), hashlib.sha256(what.encode()).hexdigest())\n")


def test_rule_cache_gives_the_same_rules_and_survives_a_corrupt_or_unwritable_cache(tmp_path):
    first = _fresh(LOAD, tmp_path)
    assert first.returncode == 0, first.stderr
    files = list(tmp_path.glob("rules-*.marshal"))
    assert len(files) == 1
    second = _fresh(LOAD, tmp_path)  # from the cache
    assert second.stdout == first.stdout
    files[0].write_bytes(b"\x00not marshal at all")
    assert _fresh(LOAD, tmp_path).stdout == first.stdout
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    assert _fresh(LOAD, blocked).stdout == first.stdout  # cannot create the folder: no cache, same rules


def test_cached_patterns_match_as_compiled_ones(tmp_path, monkeypatch):
    import re

    from reviewer.core import cache

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_data", None)
    patterns = [(r"(?P<hit>[Xx×]{2,})(?=[县镇])", 0), (r"(?m)^[ \t]*组长[:：]$", 0), (r"(a)(?P<b>b)?\1", re.I)]
    fresh = [cache.compile(p, f) for p, f in patterns]
    cache.save()
    monkeypatch.setattr(cache, "_data", None)  # a new run: read back from the file
    again = [cache.compile(p, f) for p, f in patterns]
    text = "XX县\n  组长：\nAbA ab xx镇"
    for a, b in zip(fresh, again):
        assert (a.pattern, a.flags, a.groupindex) == (b.pattern, b.flags, b.groupindex)
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert cache._data["re"], "the patterns came from the cache file"


def test_patterns_of_edited_rules_do_not_pile_up_in_the_cache(tmp_path, monkeypatch):
    """A pattern no run looks up any more (a rule edited, an analysis of an older version)
    is dropped once the stale ones outnumber the live ones; a few stay (another run may use them)."""
    from reviewer.core import cache

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))

    def run(patterns, prune=True):
        monkeypatch.setattr(cache, "_data", None)
        monkeypatch.setattr(cache, "_used_re", set())
        for p in patterns:
            cache.compile(p)
        cache.save(prune=prune)
        monkeypatch.setattr(cache, "_data", None)
        return set(cache._state()["re"])

    old = [f"旧规则{i}[甲乙]" for i in range(6)]
    new = [f"新规则{i}[丙丁]" for i in range(4)]
    assert {p for p, _ in run(old)} == set(old)
    assert {p for p, _ in run(old[:4] + new)} == set(old + new)  # 2 stale of 10: kept
    # a save before any review (the window's genre profiles load first) prunes nothing
    assert {p for p, _ in run(new, prune=False)} == set(old + new)
    assert {p for p, _ in run(new)} == set(new)  # 6 stale of 10: dropped, without anything new to save


def test_jieba_is_imported_without_pkg_resources(tmp_path):
    out = _fresh("import sys\nfrom reviewer.core import segment\nsegment.import_jieba()\n"
                 "print('jieba' in sys.modules, 'pkg_resources' in sys.modules)", tmp_path)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_tidy_keeps_what_the_pairwise_rule_keeps():
    """engine._tidy (by category, linear) against its definition: a finding of another
    category than site_junk inside (merged) junk goes, so does a figure slot right after a
    placeholder; then strongest first, a finding overlapping an already kept one of its
    category goes.  The same from a list or from findings grouped by category."""
    import random

    from reviewer.core.engine import _tidy
    from reviewer.core.findings import SEVERITY_RANK, Finding
    from reviewer.core.spans import merge_spans

    rng = random.Random(5)
    for _ in range(400):
        findings = []
        for k in range(rng.randrange(1, 40)):
            s = rng.randrange(0, 600)
            e = s + rng.choice([0, 1, 2, 5, 30, 300])
            findings.append(Finding(f"r.{k % 3}", rng.choice(["typo", "site_junk", "placeholder", "blank_figure"]),
                                    rng.choice(["error", "warning", "info"]), s, e, "", ""))
        junk = [(s, s + rng.choice([0, 3, 40])) for s in rng.sample(range(600), rng.choice([0, 1, 4, 12]))]
        js, je = merge_spans(junk)
        ends = {f.end for f in findings if f.category == "placeholder"}
        left = [f for f in findings
                if not (f.category != "site_junk" and any(a <= f.start and f.end <= b for a, b in zip(js, je)))
                and not (f.category == "blank_figure" and f.start in ends)]
        want = []
        for f in sorted(left, key=lambda f: (f.category, -SEVERITY_RANK[f.severity], -(f.end - f.start),
                                             f.start, f.rule)):
            if not any(g.category == f.category and g.start < f.end and g.end > f.start for g in want):
                want.append(f)
        assert _tidy(findings, junk) == want
        groups = {}
        for f in findings:
            groups.setdefault(f.category, []).append(f)
        assert _tidy(groups, junk) == want


def test_sort_ties_gives_what_a_full_sort_gives():
    """findings.sort_ties (used for the report's order and the session's body order): on
    findings in order of start, the same as sorting them by (start, key); otherwise it says
    so and leaves them alone."""
    import random
    from operator import attrgetter

    from reviewer.core.findings import Finding, sort_ties

    rng = random.Random(3)
    for _ in range(1000):
        found = [Finding(f"r.{rng.randrange(3)}", "typo", "info", s, s + rng.randrange(4), "", "")
                 for s in sorted(rng.randrange(30) for _ in range(rng.randrange(25)))]
        want = sorted(found, key=attrgetter("start", "end", "rule"))
        assert sort_ties(found, attrgetter("end", "rule")) and found == want
        if len({f.start for f in found}) > 1:
            shuffled = list(reversed(found))
            before = list(shuffled)
            assert not sort_ties(shuffled, attrgetter("end")) and shuffled == before
