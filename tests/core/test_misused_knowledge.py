"""Issue 10 parts 1-3: the misused-word lists (kind ``misused``), the list of political
formulas, the extra 的/地/得 patterns and the GB/T 15834 punctuation rules."""
import importlib.util
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.rules.loader import RuleLoadError, load_rule_file
from reviewer.core.rules.lexicon_data import lexicon_dir, read_list
from reviewer.core.rules.misused import read_pairs

from ..conftest import body_findings, shared

ROOT = Path(__file__).resolve().parents[2]
NEW = ("typo.misused-words", "typo.variant-list", "typo.de-adverbial-result", "typo.de-complement-more",
       "phrasing.formula-list", "punctuation.halfwidth-period", "punctuation.halfwidth-comma-latin",
       "punctuation.dunhao-quoted", "punctuation.dunhao-book-titles", "phrasing.formula-order")


def _found(rules, text):
    return [(f.rule, f.text, f.suggestion) for f in body_findings(rules, text)]


def test_word_lists_are_large_sourced_and_consistent():
    misused, variants = read_pairs("misused.txt"), read_pairs("variants.txt")
    assert len(misused) > 3500 and len(variants) > 400
    idioms = set(read_list("idioms.txt"))
    for wrong, right in misused.items():  # a listed idiom is no misspelling
        assert wrong != right and wrong not in idioms, (wrong, right)
    assert all(wrong != right for wrong, right in variants.items())
    assert not misused.keys() & variants.keys()
    sources = (lexicon_dir() / "SOURCES.md").read_text(encoding="utf-8")
    for name in ("misused.txt", "variants.txt", "formulas.txt", "pycorrector", "macro-correct", "ECSpell"):
        assert name in sources
    # SOURCES.md gives the lists' sizes: a rebuild that changes them changes it too.
    for name, pairs in (("misused.txt", misused), ("variants.txt", variants)):
        stated = re.search(rf"\| `{re.escape(name)}` \| ([\d,]+) ", sources)
        assert stated and int(stated.group(1).replace(",", "")) == len(pairs), name
    assert len([ln for ln in read_list("formulas.txt")]) > 60


def test_hand_list_of_the_build_is_kept_out():
    """What build_misused.py's hand lists leave out is not in the lists it wrote."""
    spec = importlib.util.spec_from_file_location("build_misused", lexicon_dir() / "build_misused.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert not read_pairs("misused.txt").keys() & build.NOT_ERRORS
    assert not read_pairs("variants.txt").keys() & build.NOT_VARIANTS


def test_misused_words_of_a_range_match_the_alternation(rules):
    """A line of an incremental re-check is searched from its own bigrams, and finds what
    the alternation finds between the same bounds."""
    rule = next(r for r in rules if r.full_id == "typo.misused-words")
    rx = rule.matcher()
    forms = sorted(rule.words)
    rnd = random.Random(7)
    for _ in range(200):
        parts = []
        for _ in range(rnd.randrange(1, 12)):
            w = rnd.choice(forms)
            parts.append(w[:rnd.randrange(1, len(w) + 1)] if rnd.random() < 0.3 else w)
            parts.append(rnd.choice(["", "，", "的", "社会", "人民"]))
        text = "".join(parts)
        ctx = Context("body", text, [])
        lo = rnd.randrange(len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        want = [(m.start(), m.end(), m.group()) for m in rx.finditer(text, lo, hi)]
        assert list(rule._found(ctx, lo, hi)) == want, (text, lo, hi)


@pytest.mark.parametrize("text,rule,suggestion", [
    ("要把握好其中的厉害关系。", "typo.misused-words", "利害关系"),
    ("一但发现问题，立即整改。", "typo.misused-words", "一旦"),
    ("审计机关依法申查有关账目。", "typo.misused-words", "审查"),           # ECSpell
    ("领导干部要严于利己，以身作则。", "typo.misused-words", "严于律己"),     # macro-correct
    ("这部份资金用于村道建设。", "typo.variant-list", "部分"),
    ("完整准确全面贯彻新发展里念。", "phrasing.formula-list", "新发展理念"),
    ("人们清醒的认识到问题的严重性。", "typo.de-adverbial-result", "地"),
    ("他们的思想也变的苍白无力了。", "typo.de-complement-more", "得"),
    ("城镇人口在不断的增加。", "typo.de-adverbial", "地"),
    ("坚定理论自信、道路自信、制度自信、文化自信。", "phrasing.formula-order", "道路自信、理论自信、制度自信、文化自信"),
    ("弘扬民主、富强、文明、和谐的价值观。", "phrasing.formula-order", "富强、民主、文明、和谐"),
    ("区政协第三次常委会议开幕词.", "punctuation.halfwidth-period", "。"),
    ("全市人均GDP,居全省前列。", "punctuation.halfwidth-comma-latin", "，"),
    ("采用《三句半》、《快板》等形式。", "punctuation.dunhao-book-titles", "《三句半》《快板》"),
])
def test_finds_the_kind(rules, text, rule, suggestion):
    # the kind's own finding: where the confusion model makes the same one at the same place
    # (申查 → 审查) the tidy keeps one of the two
    got = _found([r for r in rules if r.full_id == rule or r.kind != "confusion"], text)
    assert any(r == rule and s == suggestion for r, _, s in got), got


@pytest.mark.parametrize("text", [
    "组建股份公司，完善法人治理结构。",          # 份公司 is inside 股份公司
    "分析原因该从哪里入手？",                    # 因该 across 原因|该
    "坚持党的领导，形成全面开放新格局，加强党的建设。",
    "党史学习教育、党纪学习教育扎实开展，实现第一个百年奋斗目标。",
    "全面准确贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针。",
    "给予积极的支持，这是长远的举措，实现比较充分的就业。",
    "干部对问题的认识到位，坚持不变的原则。",
    "坚定道路自信、理论自信、制度自信、文化自信，推进民主、法治建设。",
    "Hello, world: see GDP, PPP.",
    "定期清除发动机积碳，工作人员从不嫌烦，也不板着脸。",   # words other lists give as errors
    "以上叙述的情况持续多年，要加快纾缓矛盾。",
    "全年增长5.2%，详见www.example.cn.",
])
def test_silent_on_good_text(rules, text):
    got = [f for f in _found(rules, text) if f[0] in NEW or f[0] == "typo.de-adverbial"]
    assert got == []


def test_new_rules_silent_on_clean_official_texts(rules):
    """All severities: only the 顿号 advice may speak, and rarely (official texts predating
    the standard's advice write “…”、“…” now and then)."""
    folder = shared("clean")
    chars = 0
    advice = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        chars += len(text)
        rep = review(Document.from_text(text), rules, ReviewOptions(structure=False))
        got = [(f.rule, f.text) for f in rep.findings if f.rule in NEW]
        assert all(r == "punctuation.dunhao-quoted" for r, _ in got), (path.name, got)
        advice += got
    assert len(advice) * 10000 / chars < 0.5


def test_misused_rule_is_validated(tmp_path):
    folder = tmp_path / "typo"
    folder.mkdir()
    path = folder / "x.yaml"
    head = "id: x\nname: x\nkind: misused\nseverity: warning\nmessage: m\n"
    tail = "examples:\n  - bad: '[[份公司]]'\n  - good: 好\n"
    for body in ("", "lists: [no-such-file.txt]\n", "words: {份公司: 分公司}\nboundary: maybe\n",
                 "words: [份公司]\n"):
        path.write_text(head + body + tail, encoding="utf-8")
        with pytest.raises(RuleLoadError):
            load_rule_file(path, "typo")
    path.write_text(head + "words: {份公司: 分公司}\nboundary: none\n" + tail, encoding="utf-8")
    rule = load_rule_file(path, "typo")
    got = _found([rule], "组建股份公司。")
    assert [t for _, t, _ in got] == ["份公司"]  # without the jieba boundary it is found inside


def test_measure_knowledge_script(tmp_path):
    cases = [
        {"text": "要把握好其中的厉害关系。", "start": 7, "end": 11, "type": "word", "source": "t"},
        {"text": "今天的天气很好。", "start": 0, "end": 2, "type": "word", "source": "t"},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases), encoding="utf-8")
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text("全面推进乡村振兴，一但发现问题立即整改。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_knowledge.py"), str(path),
                          "--clean", str(clean)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "1/2" in out.stdout and "0.500" in out.stdout
    assert "clean: 1 findings" in out.stdout


def test_formula_order_rule_is_validated(tmp_path):
    folder = tmp_path / "phrasing"
    folder.mkdir()
    path = folder / "x.yaml"
    path.write_text("id: x\nname: x\nkind: formula-order\nseverity: error\nmessage: m\n"
                    "expressions: [四个意识]\nexamples:\n  - bad: '[[乙、甲]]'\n  - good: 好\n", encoding="utf-8")
    with pytest.raises(RuleLoadError):
        load_rule_file(path, "phrasing")
