"""No rule can stall a review.

Every shipped rule runs alone on 100,000-character adversarial lines (one repeated
character, digits, Han text without a full stop, runs of what the junk rules look for)
and must finish each in a second; a whole review of each line in a few.  A rule from a
user's folder whose pattern backtracks without end is stopped at its time budget
(reviewer/core/rules/budget.py): the review completes without it and says which rule.
The counts tried / handled are printed at the end of the run.
"""
import subprocess
import sys
import time

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review, review_region
from reviewer.core.rules import budget, load_rules
from tests.conftest import ROOT, report_at_end

N = 100_000
PER_RULE = 1.0      # seconds, the faster of two runs
WHOLE = 6.0         # seconds for a whole review of one such line (structure included)

_SENTENCE = "我们要坚持以人民为中心的发展思想全面推进乡村振兴加快建设现代化产业体系不断增强人民群众的获得感幸福感安全感"


def _line(unit: str, n: int = N) -> str:
    return (unit * (n // len(unit) + 1))[:n]


INPUTS = {
    # one character, repeated
    "的": _line("的"), "一": _line("一"), "x": _line("x"), "X": _line("X"), "*": _line("*"),
    "space": _line(" "), "ideographic space": _line("\u3000"), "tab": _line("\t"), "。": _line("。"),
    "：": _line("："), "-": _line("-"), "_": _line("_"), "年": _line("年"), "届": _line("届"),
    "今": _line("今"), "們": _line("們"), "第": _line("第"), "某": _line("某"), "×": _line("×"),
    "（": _line("（"), "…": _line("…"), "/": _line("/"), ".": _line("."), "“": _line("“"),
    # digits
    "digits": _line("1", 40_000), "12.": _line("12."), "digits and spaces": _line("1 "),
    # Han text with no full stop
    "han sentence, no stop": _line(_SENTENCE), "han sentence, commas": _line(_SENTENCE + "，"),
    # what the junk rules look for, over and over
    "首页>": _line("首页>"), "第1页共2页": _line("第1页共2页"), "作者：": _line("作者："),
    "www.": _line("www."), "http://a.cn/": _line("http://a.cn/"), "阅读(": _line("阅读("),
    "2023-01-01 ": _line("2023-01-01 "), "XX县": _line("XX县"), "一、": _line("一、"),
    "（一）": _line("（一）"), "1.": _line("1."), "【": _line("【"), "##": _line("##"),
    # a blank line of one kind between a title and a sentence: a draft of nothing but blanks is
    # no draft and reviewed as such, this one runs every rule (a line-start pattern of blanks,
    # an optional heading number and blanks again, ^[ \t]*(?:一、)?[ \t]*, took minutes on it)
    "spaces between text": "标题\n" + _line(" ") + "\n正文。",
    "ideographic spaces between text": "标题\n" + _line("\u3000") + "\n正文。",
    "tabs between text": "标题\n" + _line("\t") + "\n正文。",
}

RULES = load_rules()
COUNTS: dict[str, str] = {}
TIMES: dict[str, tuple[float, str]] = {}
TALLY = {"tried": 0, "handled": 0}


@pytest.fixture(scope="module", autouse=True)
def _closing_note(request):
    yield
    if not COUNTS:
        return
    slowest = sorted(((k, v) for k, v in TIMES.items() if k != "whole review"), key=lambda kv: -kv[1][0])[:3]
    slowest += [("whole review", TIMES["whole review"])] if "whole review" in TIMES else []
    lines = [f"reliability {k}: {v}" for k, v in sorted(COUNTS.items())]
    if slowest:
        lines.append("reliability slowest rule runs: " + "; ".join(f"{rule} on {name!r} {t:.2f} s"
                                                                     for rule, (t, name) in slowest))
    report_at_end(request, lines)


def _time(rules, doc) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        review_region("body", doc.text, doc.paragraphs, rules, ReviewOptions())
        best = min(best, time.perf_counter() - t0)
        if best <= PER_RULE / 4:
            break  # clearly fast: no need for the second run
    return best


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """jieba's dictionary loads on first use; that is not a rule's time."""
    from reviewer.core.segment import warm_up

    warm_up()


@pytest.mark.parametrize("name", list(INPUTS))
def test_every_shipped_rule_is_fast_on_an_adversarial_line(name):
    text = INPUTS[name]
    doc = Document.from_text(text)
    slow = []
    for rule in RULES:
        t = _time([rule], doc)
        if t > TIMES.get(rule.full_id, (0.0, ""))[0]:
            TIMES[rule.full_id] = (t, name)
        if t > PER_RULE:
            slow.append(f"{rule.full_id} {t:.2f} s")
    t0 = time.perf_counter()
    review(doc, RULES, ReviewOptions())
    whole = time.perf_counter() - t0
    if whole > TIMES.get("whole review", (0.0, ""))[0]:
        TIMES["whole review"] = (whole, name)
    TALLY["tried"] += 1
    TALLY["handled"] += not slow and whole <= WHOLE
    COUNTS["slow lines"] = (f"{TALLY['tried']} lines of {N:,} characters tried, {TALLY['handled']} handled by "
                            f"each of {len(RULES)} rules in ≤ {PER_RULE:g} s and a whole review in ≤ {WHOLE:g} s")
    assert not slow, f"{name!r}: {slow}"
    assert whole <= WHOLE, f"{name!r}: a whole review took {whole:.1f} s"


MANY_LINES = {
    "junk lines": "首页 > 范文 > 讲话\n" * 10_000,
    "page counters": "第1页 共2页\n" * 10_000,
    "one sentence, pasted again and again": "我们要坚持以人民为中心的发展思想，推进乡村振兴。\n" * 5_000,
}


@pytest.mark.parametrize("name", list(MANY_LINES))
def test_thousands_of_lines_review_in_linear_time(name):
    """Each paragraph looks only at the junk over it (duplicates._Junk), not at all of it."""
    doc = Document.from_text(MANY_LINES[name])
    t0 = time.perf_counter()
    review(doc, RULES, ReviewOptions())
    took = time.perf_counter() - t0
    COUNTS[f"many lines: {name}"] = f"{len(doc.paragraphs):,} lines reviewed in {took:.1f} s"
    assert took <= WHOLE, f"{name}: {took:.1f} s"


def test_shipped_rules_run_without_a_budget():
    assert RULES.rules and not any(r.user for r in RULES)


# ----- user rules under a time budget ----------------------------------------------------------

BACKTRACK = """id: backtrack
name: 回溯过多的规则
kind: pattern
severity: warning
message: “{match}”
pattern: '(a+)+$'
examples:
  - bad: '[[aaa]]'
  - good: 'b'
"""

FINE = """id: county
name: 县名简称
kind: lexicon
severity: warning
message: “{match}”应写全称。
words: {本县: 某某县}
examples:
  - bad: '[[本县]]今年'
  - good: '全县今年'
"""


def _user_rules(tmp_path, *rules):
    folder = tmp_path / "my-rules" / "custom"
    folder.mkdir(parents=True)
    for text in rules:
        rid = text.split("\n", 1)[0].split(":")[1].strip()
        (folder / f"{rid}.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "my-rules"


DRAFT = "在全县工作会议上的讲话\n同志们：\nXX县今年以来，本县各项工作稳步推进。\n" + "a" * 50_000 + "b\n谢谢大家！\n"


def test_a_backtracking_user_rule_is_stopped_and_named(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "BUDGET", 0.5)
    rules = load_rules([_user_rules(tmp_path, BACKTRACK, FINE)])
    assert {r.full_id for r in rules if r.user} == {"custom.backtrack", "custom.county"}
    t0 = time.perf_counter()
    report = review(Document.from_text(DRAFT), rules, ReviewOptions())
    took = time.perf_counter() - t0
    assert took < 10, took
    found = {f.rule for f in report.findings}
    assert "custom.backtrack" not in found
    assert "custom.county" in found and "placeholder.xx" in found  # the rest of the review ran
    assert len(report.warnings) == 1
    w = report.warnings[0]
    assert "custom.backtrack" in w and "backtrack.yaml" in w and "0.5 秒" in w and "已停止" in w
    COUNTS["user rule budget"] = f"1 backtracking user rule stopped after {took:.1f} s, review completed"


def test_a_user_rule_within_budget_runs_as_usual(tmp_path):
    rules = load_rules([_user_rules(tmp_path, FINE)])
    report = review(Document.from_text("本县今年各项工作稳步推进。"), rules, ReviewOptions())
    assert [f.text for f in report.findings if f.rule == "custom.county"] == ["本县"]
    assert report.warnings == []


def test_user_patterns_are_refused_like_shipped_ones(tmp_path):
    from reviewer.core.rules import RuleLoadError

    bad = BACKTRACK.replace("'(a+)+$'", "'(a+'")
    with pytest.raises(RuleLoadError, match="正则表达式有误"):
        load_rules([_user_rules(tmp_path, bad)])


def test_cli_names_the_stopped_rule_on_stderr(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--rules", str(_user_rules(tmp_path, BACKTRACK)),
                          str(draft)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert time.perf_counter() - t0 < 60
    assert out.returncode == 1, out.stderr  # findings from the other rules
    assert "XX县" in out.stdout
    lines = [x for x in out.stderr.splitlines() if "custom.backtrack" in x]
    assert len(lines) == 1 and "backtrack.yaml" in lines[0] and "draft.txt" in lines[0], out.stderr
