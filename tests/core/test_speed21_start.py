"""Start-up of the command line (issue 11, speed21): what a short draft's first review used
to build and never needed.  Each piece gives what it gave before:

* an analysis kept between runs (cache.remembered) is found by the tagged pattern's text,
  without compiling the tagged pattern again;
* the idiom rules' groups of four-character expressions come from one text sorted by the
  anchor pair and a bisection (nearmiss._Groups), equal, list for list and in the lists'
  order, to grouping them in a dict;
* the junk rules' bits in keypass's automaton are worked out only when a text is long
  enough for its pass.
"""
from __future__ import annotations

import re

import pytest

from reviewer.core import cache
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules import keypass, load_rules
from reviewer.core.rules.junk_lines import JunkRule
from reviewer.core.rules.nearmiss import NearMissRule, _four_index, _four_pairs, _Groups, read_list


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_a_remembered_analysis_is_found_without_compiling(monkeypatch):
    monkeypatch.setattr(cache, "_data", {"yaml": {}, "re": {}, "reach": {}})  # (this test's own cache)
    calls = []

    def analyse(rx):
        calls.append(rx.pattern)
        return "x" + rx.pattern[:3]

    pattern = "甲[乙丙]{2}丁(?:戊|己)"
    first = cache.remembered(pattern, 0, "speed21-test-v1", analyse)
    assert first == "x甲[乙" and len(calls) == 1

    def no_compile(*_a, **_k):
        raise AssertionError("compiled to look the answer up")

    with monkeypatch.context() as m:
        m.setattr(cache, "compile", no_compile)
        assert cache.remembered(pattern, 0, "speed21-test-v1", analyse) == first
        assert cache.remembered(re.compile(pattern), 0, "speed21-test-v1", analyse) == first
    assert len(calls) == 1
    # another tag or other flags is another analysis
    assert cache.remembered(pattern, 0, "speed21-test-v2", analyse) == first
    assert cache.remembered(pattern, re.I, "speed21-test-v1", analyse) == first
    assert len(calls) == 3
    # a pattern that does not compile has no answer, and its analysis is never asked
    assert cache.remembered("[", 0, "speed21-test-v1", analyse) is None
    assert len(calls) == 3


def _grouped(exprs, at):
    out: dict = {}
    for e in exprs:
        if len(e) == 4:
            out.setdefault(e[at:at + 2], []).append(e)
    return out


def test_the_groups_of_four_are_a_dicts_groups_in_the_lists_order(rules):
    near = [r for r in rules if isinstance(r, NearMissRule)]
    assert any(len(r.index()[0]) > 20_000 for r in near)
    for rule in near:
        exprs = list(rule.inline)
        for name in rule.lists:
            exprs.extend(read_list(name))
        _canon, head4, tail4, long = rule.index()
        for groups, at in ((head4, 0), (tail4, 2)):
            want = _grouped(exprs, at)
            for pair, group in want.items():
                assert groups.get(pair) == group, (rule.full_id, pair)
                assert groups.get(pair) is groups.get(pair)  # kept: its id keys _by
            for pair in ("xx", "", "\x00\x00", "一"):
                if pair not in want:
                    assert groups.get(pair) is None
        assert rule.bigrams() == set(_grouped(exprs, 0)) | set(_grouped(exprs, 2)) | set(long)


def test_groups_keep_duplicates_and_the_order_they_came_in():
    exprs = ["乙甲丙丁", "甲乙丙丁", "甲乙戊己", "甲乙丙丁", "丙丁甲乙", "甲乙", "甲乙丙丁戊"]
    by_head, by_tail = _four_index(exprs)
    pairs = _four_pairs(exprs)
    head, tail = _Groups(by_head, 0), _Groups(by_tail, 2)
    assert head.get("甲乙") == ["甲乙丙丁", "甲乙戊己", "甲乙丙丁"]
    assert tail.get("丙丁") == ["乙甲丙丁", "甲乙丙丁", "甲乙丙丁"]
    assert tail.get("甲乙") == ["丙丁甲乙"] and head.get("丙丁") == ["丙丁甲乙"]
    assert head.get("戊己") is None and tail.get("乙甲") is None
    assert pairs == {"乙甲", "甲乙", "丙丁", "戊己"}
    assert _four_index([]) == ("", "") and _four_pairs([]) == frozenset()


def test_a_short_draft_asks_keypass_for_no_bits(rules):
    text = "关于XX县乡村振兴工作的汇报\n当前位置：首页 > 工作总结\n今年以来，我们坚持党建引领。\n" * 20
    assert len(text) < keypass.LEAST
    fresh = load_rules()  # (rules no review has used yet)
    review(Document.from_text(text), fresh)
    junk = [r for r in fresh if isinstance(r, JunkRule) and r._prefilters is not None]
    assert junk
    if keypass.available():
        assert all(r._bit_asks is not None for r in junk)  # not worked out
        long = text * (keypass.LEAST // len(text) + 1)
        review(Document.from_text(long), fresh)
        assert all(r._bit_asks is None for r in junk if r._prefilters is not None)


def test_tagged_anchors_from_the_cache_are_the_parsed_ones(rules):
    from reviewer.core.rules import tagged

    seen = 0
    for rule in rules:
        for rx in getattr(rule, "regexes", ()) if rule.kind == "tagged" else ():
            assert tagged._anchor(rx) == tagged._anchor_of(rx)
            assert tagged._anchor(rx) == tagged._anchor(rx)  # (the second from the cache)
            seen += tagged._anchor(rx) is not None
    assert seen > 20


_RACE = r'''
import sys
from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules import keypass, load_rules
from reviewer.core.rules.junk_lines import JunkRule
lines = ["首页 > 工作总结 > 正文", "发布时间：2024-05-06 10:20:30 阅读：1024次", "本文来源于网络，如有侵权请联系删除。",
         "第2页 共5页", "上一篇：某某讲话", "【打印本页】【关闭窗口】", "今年以来，我们坚持党建引领，各项工作取得明显成效。",
         "扫码关注公众号，获取更多范文。", "相关推荐：", "2024年工作总结范文"]
text = "\n".join(lines[i % len(lines)] + ("" if i % 3 else f"第{i}段") for i in range(12000)) + "\n"
rules = load_rules()
review(Document.from_text("关于XX县乡村振兴工作的汇报\n今年以来，我们坚持党建引领。\n"), rules)  # a short one first
if sys.argv[1] == "late":
    # another review's keypass._prepare took these rules and is still asking them: their strings
    # are not in the automaton this review builds
    for r in [r for r in rules if isinstance(r, JunkRule)][::2]:
        keypass._WAITING.discard(r)
rep = review(Document.from_text(text), rules)
print(len(text), sorted((f.rule, f.start) for f in rep.findings if f.category == "site_junk").__repr__())
'''


def test_a_rule_whose_strings_came_late_searches_its_own_lines(tmp_path):
    """A junk rule whose strings are not in the automaton of a pass (another review was still
    asking it when this one built) finds what it finds with them: keypass.Found.sets."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REVIEWER_CACHE_DIR": str(tmp_path)}
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    got = {}
    for how in ("in_time", "late"):
        out = subprocess.run([sys.executable, "-c", _RACE, how], cwd=root, capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr[-2000:]
        size, found = out.stdout.split(" ", 1)
        assert int(size) > keypass.LEAST
        got[how] = found
    assert got["late"] == got["in_time"]
    assert len(eval(got["in_time"])) > 1000  # noqa: S307 - our own subprocess's repr


def test_without_pyahocorasick_a_long_draft_is_searched_rule_by_rule(monkeypatch):
    """The package missing (keypass.available() false): a text long enough for the pass is
    searched by each rule's own search, with the same findings -- no automaton is asked for."""
    lines = ["首页 > 工作总结 > 正文", "发布时间：2024-05-06 10:20:30 阅读：1024次", "第2页 共5页",
             "上一篇：某某讲话", "今年以来，我们坚持党建引领，各项工作取得明显成效。"]
    text = "\n".join(lines[i % len(lines)] + str(i) for i in range(25000)) + "\n"
    assert len(text) > keypass.LEAST
    want = sorted((f.rule, f.start) for f in review(Document.from_text(text), load_rules()).findings
                  if f.category == "site_junk")
    monkeypatch.setattr(keypass, "ahocorasick", None)
    monkeypatch.setattr(keypass, "_BUILT", [0, None])  # (no automaton of an earlier review to reuse)
    got = sorted((f.rule, f.start) for f in review(Document.from_text(text), load_rules()).findings
                 if f.category == "site_junk")
    assert got == want and len(want) > 5000
