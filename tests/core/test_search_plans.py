"""The faster searches of the pattern, junk, lexicon and near-miss kinds find exactly what
the plain ones find (the full review of 1M characters: issue 11).

* a pattern tried only near a few characters its matches hold (kinds._Starts with a
  window, reach.pivot_chars) or a few strings (reach.pivot_strings), or where one search for all of a rule's patterns finds one
  of them (hoist.merged_search);
* a line prefilter by strings a match consumes (reach.consumed_needed);
* a rule whose findings depend on the matched text alone, its messages made once per
  text (PatternRule._plain_hits);
* a junk ``lines`` pattern that opens with a lookahead over the whole line, asked by
  searches (junk_lines._lookahead_split);
* a lexicon tried where the shared bigram pass found a word's first two characters;
* near-miss stretches of four characters worked out once per stretch (nearmiss._head4)."""
import random
import re

from reviewer.core.rules import kinds, load_rules
from reviewer.core.rules.junk_lines import JunkRule, _lookahead_split
from reviewer.core.rules.kinds import LexiconRule, PatternRule, Rule, _Starts
from reviewer.core.rules.nearmiss import NearMissRule
from reviewer.core.rules.hoist import merged_search
from reviewer.core.rules.reach import consumed_needed, mergeable, pivot_chars, pivot_strings
from tests.conftest import body_context

RULES = load_rules()
EXAMPLES = "\n".join(ex.text for rule in RULES for ex in rule.examples)


_ctx = body_context  # tests/conftest.py


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _random_text(rnd, alphabet: str, n: int) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def test_a_pattern_tried_near_its_pivot_finds_what_its_search_finds(monkeypatch):
    monkeypatch.setattr(kinds, "_SPARSE", 0)  # always try the places, however many
    patterns = [r"(?:[，,]|(?<=\n)| )(个|名)(?=[的人])", r"(?:(a)|b|(?<!c))x{1,3}y?", r"[ab]?[ab]?xy",
                r"(?:ab|a|(?<=c))xx"]
    rnd = random.Random(5)
    for p in patterns:
        rx = re.compile(p)
        pivot = pivot_chars(rx)
        assert pivot is not None and pivot[2] > 0, p
        for _ in range(300):
            text = _random_text(rnd, "abcxy，,个名的人 \n", rnd.randint(0, 40))
            starts = _Starts(rx, *pivot)
            assert _spans(starts.finditer(text)) == _spans(rx.finditer(text)), (p, text)
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, len(text))
            assert _spans(starts.finditer(text, lo, hi)) == _spans(rx.finditer(text, lo, hi)), (p, text, lo, hi)


def _pivot_starts(pattern: str):
    """The regex and its _Starts before its pivot strings (reach.pivot_strings, which must find some)."""
    rx = re.compile(pattern)
    pivot = pivot_strings(rx)
    assert pivot is not None and pivot[2] > 0, pattern
    return rx, _Starts(rx, None, pivot[1], pivot[2], places=kinds._strings_places(pivot[0]))


def test_a_pattern_tried_before_its_pivot_strings_finds_what_its_search_finds(monkeypatch):
    monkeypatch.setattr(kinds, "_SPARSE", 0)  # always try the places, however many
    rnd = random.Random(7)
    cases = [
        # preview-cut's shape: a clause's end before dots; keyword-twice's: a wide class run before
        # a choice of words, then the run again; a repeated literal; a group around a literal run
        ("abcxyz..…。， \n", r"(?m)(?P<hit>(?P<pre>[^\s，。.…]{0,4}[a-c])[ ]?(?:\.{2,3}|…{1,2}|。{3}))[ ]*$"),
        ("abcxyz..…。， \n", r"(?P<kw>[a-c]{1,4}?(?:xy|yz))(?P=kw)"),
        ("abcxyz..…。， \n", r"[abc]{0,3}(?:ab){2}c"),
        ("abcxyz..…。， \n", r"[^\n，]{0,5}(?:x(?:yz)|zz)a"),
        # a class's characters after a literal, a group repeated at least once (broken-runs' shapes:
        # a quote mark alone on its line, a figure alone between a counting word and its unit)
        ("ab“”（\n\n计约有12余个。，", r"[^\s，]{1,2}(?:\n[“”（]{1,3}(?=\n)(?:\n[^\n。]{1,5}(?=\n[“”]\n))?)+\n[^\s，]{1,2}"),
        ("ab“”（\n\n计约有12余个。，", r"[^\s]?[计约有]\n\d{1,3}\n(?:余|个)"),
    ]
    for alphabet, p in cases:
        rx, starts = _pivot_starts(p)
        for _ in range(300):
            text = _random_text(rnd, alphabet, rnd.randint(0, 40))
            assert _spans(starts.finditer(text)) == _spans(rx.finditer(text)), (p, text)
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, len(text))
            assert _spans(starts.finditer(text, lo, hi)) == _spans(rx.finditer(text, lo, hi)), (p, text, lo, hi)
    # one string inside another, not at its start (xab holds ab): each is looked for itself;
    # a string's places overlap (the match's .. starts at the second . of ...)
    for p, text, want in ((r"[^x]?(?:ab|xab)c", "zxabc", (0, 5)), (r"[^x]\.\.(?:y|z)", "a...y", (1, 5))):
        rx, starts = _pivot_starts(p)
        assert _spans(starts.finditer(text)) == _spans(rx.finditer(text)) == [(want, ())], p


def test_patterns_searched_as_one_find_what_each_finds(monkeypatch):
    monkeypatch.setattr(kinds, "_SPARSE", 0)
    patterns = [r"(?<=[以由])(?P<hit>同志)(?=为)", r"(?m)^(?P<hit>年)$", r"(?P<hit>我(?:是|叫))(?=[，。])",
                r"(?i:z)q", r"(同)\1?志"]
    rxs = [re.compile(p) for p in patterns]
    assert [mergeable(rx) for rx in rxs] == [True, True, True, False, False]
    joined = re.compile(merged_search(rxs[:3]))
    rnd = random.Random(6)
    for _ in range(400):
        text = _random_text(rnd, "以由同志为年我是叫，。zq\n", rnd.randint(0, 50))
        places = kinds._Places(joined)
        for rx in rxs[:3]:
            starts = _Starts(rx, None, places=places)
            assert _spans(starts.finditer(text)) == _spans(rx.finditer(text)), (rx.pattern, text)


def test_shipped_rules_merge_pivot_and_prefilter_some_patterns():
    plans = [(r, r._make_plan()) for r in RULES if isinstance(r, PatternRule) and not r.user]
    merged = [r.full_id for r, plan in plans if any(isinstance(x, _Starts) and x.lo == x.hi == 0
                                                     and x._found.finder.pattern.endswith("(?s:.))") for x, _, _ in plan)]
    pivoted = [r.full_id for r, plan in plans if any(isinstance(x, _Starts) and x.hi for x, _, _ in plan)]
    strings = [r.full_id for r, plan in plans if any(pre is not None and not pre.pattern.startswith("[")
                                                      for _, pre, _ in plan)]
    assert len(merged) >= 5 and pivoted and strings, (merged, pivoted, strings)
    # what a match consumes, never what a lookaround reads (it may read the next line)
    assert set(consumed_needed(re.compile(r"(?<=，)(?:部|组)一(?=[村])"))) == {"部一", "组一"}
    assert consumed_needed(re.compile(r"(?=[村])x")) == ("x",)


def test_plain_findings_made_once_per_text_are_those_of_each_hit():
    """PatternRule.run's quick path against Rule.run (scan, then finding() per hit)."""
    text = EXAMPLES + "\n" + EXAMPLES.replace("，", ",")
    for rule in (r for r in RULES if type(r) is PatternRule):
        fast = [(f.start, f.end, f.text, f.message, f.suggestion) for f in rule.run(_ctx(text))]
        slow = [(f.start, f.end, f.text, f.message, f.suggestion) for f in Rule.run(rule, _ctx(text))]
        assert fast == slow, rule.full_id


def test_a_leading_lookahead_asked_by_searches_matches_as_the_whole_pattern():
    patterns = [r"(?=.*?(?:来源|作者)\s*[:：]|[^\n]*[\u4e00-\u9fff]{2,4}网)[^。]{0,30}",
                r"(?x) (?=(?:.*?(?:阅读|浏览)\s*[:：]){2} | .*\d{4}-\d{1,2})  [\w\s:：\-|]+",
                r"(?=[^\n]*?[|｜])\s*[\u4e00-\u9fff]+\s*[|｜].*"]
    rnd = random.Random(7)
    for p in patterns:
        matcher = _lookahead_split(p)
        assert matcher is not None, p
        rx = re.compile(p)
        for _ in range(2000):
            line = _random_text(rnd, "来源作者阅读浏览:：网站新闻12-2024 |｜。ab\n", rnd.randint(0, 30))
            assert matcher(line) == (rx.fullmatch(line) is not None), (p, line)
    assert _lookahead_split(r"(?=a)b") is None and _lookahead_split(r"(?=.*(a))\1") is None


def test_shipped_junk_lines_asked_by_searches_match_as_written():
    lines = [ln.strip() for ln in EXAMPLES.split("\n") if ln.strip()]
    split = 0
    for rule in (r for r in RULES if isinstance(r, JunkRule)):
        for p in rule._patterns[0]:
            matcher = _lookahead_split(p)
            if matcher is None:
                continue
            split += 1
            rx = re.compile(p)
            for line in lines:
                assert matcher(line) == (rx.fullmatch(line) is not None), (rule.full_id, line)
    assert split >= 1


def test_lexicons_tried_at_the_shared_bigrams_find_what_their_trie_finds():
    text = EXAMPLES + "\n" + EXAMPLES[::-1]
    for rule in (r for r in RULES if isinstance(r, LexiconRule)):
        ctx = _ctx(text)
        assert list(rule.scan(ctx)) == list(rule._hits(ctx.text, 0, len(ctx.text), len(ctx.text))), rule.full_id


def test_near_miss_stretches_worked_out_once_give_what_they_gave():
    text = EXAMPLES * 2
    for rule in (r for r in RULES if isinstance(r, NearMissRule)):
        first = list(rule.scan(_ctx(text)))
        for memo in rule._memo4:
            memo.clear()
        assert list(rule.scan(_ctx(text))) == first, rule.full_id
