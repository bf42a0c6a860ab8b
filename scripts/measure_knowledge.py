"""Recall of the knowledge checks on a set of test sentences, and their false-alarm rate on
clean official text.

    .venv/bin/python scripts/measure_knowledge.py SET.jsonl [--clean ../shared/clean] [-v]

SET.jsonl has one case a line, each a sentence with one known error:

    {"text": "我们要一股作气完成任务。", "start": 3, "end": 7, "type": "idiom", "source": "…"}

(``start``/``end``: code points of the wrong characters; ``type`` and ``source`` only group
the counts.)  A case counts as found when a finding of the categories typo, phrasing or
punctuation overlaps the wrong characters (``--cats`` to count other categories).  Such sets are collected from other
proofreading projects' test cases and are not kept in this repository (see
resources/lexicon/SOURCES.md for what the data was built from).

Then every finding of those categories on the clean texts (all severities, info too) is
a false finding: the rate is given per 10,000 characters; ``-v`` lists them and the cases
missed.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CATS = ("typo", "phrasing", "punctuation")


def findings(rules, text: str, cats=CATS):
    from reviewer.core.document import Document
    from reviewer.core.engine import ReviewOptions, review

    report = review(Document.from_text(text), rules, ReviewOptions())
    return [f for f in report.findings if f.category in cats]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("set", help="JSON-lines file of test cases")
    ap.add_argument("--clean", default=str(ROOT.parent / "shared" / "clean"),
                    help="folder of clean .txt files (default ../shared/clean)")
    ap.add_argument("--cats", default=",".join(CATS),
                    help="categories that count, comma-separated (default: %(default)s)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    from reviewer.core.rules import load_rules

    rules = load_rules()
    cats = tuple(c.strip() for c in args.cats.split(",") if c.strip())
    cases = [json.loads(ln) for ln in Path(args.set).read_text(encoding="utf-8").splitlines() if ln.strip()]
    # Many cases share a text: review each text once.
    by_text: dict[str, list] = {}
    t0 = time.perf_counter()
    for c in cases:
        if c["text"] not in by_text:
            by_text[c["text"]] = findings(rules, c["text"], cats)
    took = time.perf_counter() - t0
    total: collections.Counter = collections.Counter()
    hit: collections.Counter = collections.Counter()
    for c in cases:
        key = (c.get("source", "?"), c.get("type", "?"))
        total[key] += 1
        got = [f for f in by_text[c["text"]] if f.start < c["end"] and c["start"] < f.end]
        if got:
            hit[key] += 1
        elif args.verbose:
            print("MISS ", key[1], c["text"][max(0, c["start"] - 8):c["end"] + 8], "→", c.get("right", ""))
    print(f"{'source':40} {'type':8} found/cases  recall")
    for key in sorted(total):
        print(f"{key[0]:40} {key[1]:8} {hit[key]:5}/{total[key]:<5} {hit[key] / total[key]:.3f}")
    n, h = sum(total.values()), sum(hit.values())
    print(f"{'ALL':49} {h:5}/{n:<5} {h / max(n, 1):.3f}   ({len(by_text)} texts in {took:.1f} s)")

    clean = Path(args.clean)
    if clean.is_dir():
        chars = false = 0
        for p in sorted(clean.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            chars += len(text)
            got = findings(rules, text, cats)
            false += len(got)
            if args.verbose:
                for f in got:
                    print("FALSE", p.name[:24], f.rule, f.severity, repr(text[max(0, f.start - 6):f.end + 6]))
        print(f"clean: {false} findings in {chars} characters = {false * 10000 / max(chars, 1):.2f} per 10,000")
    else:
        print(f"clean: {clean} not found, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
