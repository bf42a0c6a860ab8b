"""make bench: every speed target of issue 11, measured, with PASS or FAIL.

The drafts are real ones with their website junk (../shared/dev/drafts when it is beside
the repo, the bundled samples otherwise), repeated up to 10k, 100k, 1M and 5M
characters.  Each size is reviewed in this process next to one plain ``re`` pass with a
ten-branch alternation over the same text -- the floor any checker has to pay -- and the
ratio of the two is the target that does not depend on the machine.

    .venv/bin/python scripts/bench.py            # all sizes
    .venv/bin/python scripts/bench.py --quick    # 10k, 100k and 1M only (no exponent)

GUI measurements (window shown, opening 1M) live with the GUI: any function listed in
GUI_BENCHES that can be imported is called with ``build`` and returns its own lines
(name, value, target, passed).
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.core.document import Document  # noqa: E402
from reviewer.core.engine import ReviewOptions, review  # noqa: E402
from reviewer.core.incremental import IncrementalReviewer  # noqa: E402
from reviewer.core.rules import load_rules  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
GUI_BENCHES = ["reviewer.gui.bench:gui_bench"]  # module:function, called when importable

# One plain regex pass: ten branches of the kind the rules look for.
REGEX = re.compile("|".join([r"[Xx×]{2,}", r"截止目前", r"本站|本文由", r"www\.", r"[，。]{2}", r"同志们",
                             r"[万亿]元", r"第[一二三四五六七八九十]", r"\d+%", r"[,:;?!]"]))


def sources() -> tuple[list[str], str]:
    dev = ROOT.parent / "shared" / "dev" / "drafts"
    if dev.is_dir() and any(dev.glob("*.txt")):
        return [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))], "../shared/dev/drafts"
    from reviewer.core.loaders import load

    samples = sorted((ROOT / "resources" / "samples").iterdir())
    return [load(p).text for p in samples if p.suffix in (".txt", ".docx")], "resources/samples"


def build(size: int, drafts=None) -> str:
    """Real drafts, junk and all, one after another until ``size`` characters."""
    drafts = drafts or sources()[0]
    parts, total, i = [], 0, 0
    while total < size:
        piece = drafts[i % len(drafts)] + "\n"
        parts.append(piece)
        total += len(piece)
        i += 1
    text = "".join(parts)[:size]
    return text[:text.rfind("\n") + 1] if "\n" in text[size // 2:] else text


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) if repeat > 2 else statistics.median(times)


def regex_pass(text: str) -> float:
    return best_of(lambda: sum(1 for _ in REGEX.finditer(text)), 5)


def incremental(text: str, rules, edits: int = 5) -> float:
    """Median seconds from an edit (one character typed mid-paragraph) to its report."""
    inc = IncrementalReviewer(rules)
    inc.review(Document.from_text(text))
    times = []
    for k in range(edits):
        pos = text.find("\n", len(text) // 2 + k * 997) - 3
        text = text[:pos] + "的" + text[pos:]
        doc = Document.from_text(text)  # (the window keeps its document; building one is not the re-check)
        t0 = time.perf_counter()
        inc.review(doc)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def punctuation_fixes(rules) -> tuple[float, int]:
    """All punctuation fixes of a draft with 10,000 half-width marks, computed and applied
    in one go (what the window's 全部改为全角 asks of the core; its undo step is the GUI's)."""
    from reviewer.core.export.clean import apply_edits, edits_for

    line = "今年以来,我们坚持稳中求进;全年完成投资12亿元,同比增长8%.\n"
    doc = Document.from_text(line * 3_400)  # three fixes a line
    report = review(doc, rules, ReviewOptions(structure=False))
    t0 = time.perf_counter()
    edits = edits_for(doc.text, report.findings, categories={"punctuation"})
    apply_edits(doc.text, edits)
    return time.perf_counter() - t0, len(edits)


# A child's peak memory in kB: the high-water mark of its own address space.  (ru_maxrss
# is no good here: Linux carries the parent's peak into a child through fork and exec.)
PEAK_KB = ("(lambda t: int(t.split('VmHWM:')[1].split()[0]) if 'VmHWM:' in t else "
           "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)(open('/proc/self/status').read() "
           "if __import__('os').path.exists('/proc/self/status') else '')")


def review_memory(text: str) -> float:
    """Peak memory (MB) of a fresh process that loads the rules and reviews ``text`` the
    way the window does (IncrementalReviewer), jieba's dictionary included; the second
    of two runs."""
    path = ROOT / "build" / f"bench-{len(text)}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    code = ("import resource\n"
            "from reviewer.core.loaders import load\nfrom reviewer.core.rules import load_rules\n"
            "from reviewer.core.incremental import IncrementalReviewer\n"
            f"r = IncrementalReviewer(load_rules()).review(load({str(path)!r}))\n"
            f"print({PEAK_KB})\n")
    peaks = []
    for _ in range(2):  # the first run may build a cache (jieba's dictionary, the gazetteer)
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        peaks.append(int(out.stdout.split()[-1]) / 1024)
    return peaks[-1]


def cli_first_result(text: str) -> tuple[float, float]:
    """Seconds from starting ``reviewer check`` on a fresh interpreter to its output, and
    its peak memory (MB).  The first run fills the caches; the median of three after."""
    path = ROOT / "build" / f"bench-{len(text)}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    # (`python -m reviewer check` ends by os._exit once its output is out, app.exit_now:
    # the peak is printed just before, as it would be after a usual exit)
    code = ("import os, resource, runpy, sys\n"
            f"sys.argv = ['reviewer', 'check', '--format', 'json', {str(path)!r}]\n"
            "def peak():\n"
            f"    print({PEAK_KB}, file=sys.stderr)\n"
            "    sys.stderr.flush()\n"
            "def _exit(status, _exit=os._exit):\n    peak()\n    _exit(status)\n"
            "os._exit = _exit\n"
            "try:\n    runpy.run_module('reviewer', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "peak()\n")
    # As installed (pip and the frozen app keep compiled bytecode): a PYTHONDONTWRITEBYTECODE
    # of this shell would make every start compile all sources again (~0.25 s).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    walls, mem = [], 0.0
    for i in range(4):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
        if i:
            walls.append(time.perf_counter() - t0)
        if '"issues"' not in out.stdout:
            raise SystemExit(f"reviewer check failed: {out.stderr[-500:]}")
        mem = max(mem, int(out.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(walls), mem


class Targets:
    def __init__(self):
        self.rows = []

    def add(self, name: str, value: str, target: str, passed: bool) -> None:
        self.rows.append((name, value, target, passed))
        print(f"  {'PASS' if passed else 'FAIL'}  {name:<44} {value:>14}   (target {target})", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10k, 100k and 1M only")
    args = ap.parse_args()
    drafts, origin = sources()
    sizes = SIZES[:3] if args.quick else SIZES
    rules = load_rules()
    review(Document.from_text(build(20_000, drafts)), rules)  # jieba, compiled patterns, profiles
    print(f"texts: {origin} repeated ({sum(map(len, drafts)):,} characters of real drafts with their junk)")
    t = Targets()
    full: dict[int, float] = {}
    for size in sizes:
        text = build(size, drafts)
        doc = Document.from_text(text)
        rx = regex_pass(text)
        report = None

        def run():
            nonlocal report
            report = review(doc, rules)
        secs = best_of(run, 3 if size <= 100_000 else 1)
        full[size] = secs
        ratio = secs / rx
        t.add(f"review {size:>9,} chars: ratio to one regex pass", f"{ratio:.1f}×", "≤ 10×", ratio <= 10)
        print(f"        review {secs * 1000:,.0f} ms, regex pass {rx * 1000:.1f} ms, "
              f"{len(report.findings):,} findings", flush=True)
    # the 5M draft's report and text are no part of what follows: freed, so that a cycle
    # collection after an edit's review does not walk 350,000 findings of another draft
    report = doc = text = run = None
    gc.collect()
    if 1_000_000 in full:
        t.add("review 1M chars", f"{full[1_000_000]:.2f} s", "≤ 2 s", full[1_000_000] <= 2.0)
    if 5_000_000 in full:
        k = math.log(full[5_000_000] / full[100_000]) / math.log(50)
        t.add("growth exponent 100k → 5M", f"{k:.2f}", "≤ 1.1", k <= 1.1)
    for size, limit in ((10_000, 0.030), (1_000_000, 0.150)):
        secs = incremental(build(size, drafts), rules)
        t.add(f"edit to findings, {size:,} chars", f"{secs * 1000:.0f} ms", f"≤ {limit * 1000:.0f} ms", secs <= limit)
    secs, n = punctuation_fixes(rules)
    t.add(f"fix {n:,} punctuation marks (core: edits, new text)", f"{secs * 1000:.0f} ms", "≤ 1000 ms", secs <= 1.0)
    wall, mem = cli_first_result(build(10_000, drafts))
    t.add("CLI first result, 10k chars (fresh process)", f"{wall:.2f} s", "≤ 0.5 s", wall <= 0.5)
    peak = review_memory(build(1_000_000, drafts))
    t.add("peak memory, reviewing 1M chars (fresh process)", f"{peak:.0f} MB", "≤ 400 MB", peak <= 400)
    _, mem1m = cli_first_result(build(1_000_000, drafts))
    print(f"        (reviewer check --format json on 1M chars: {mem1m:.0f} MB at its peak, with its output)")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for ref in GUI_BENCHES:
        mod, _, fn = ref.partition(":")
        try:
            bench = getattr(__import__(mod, fromlist=[fn]), fn)
        except (ImportError, AttributeError):
            print(f"  (not measured here: {ref} is not available)")
            continue
        for row in bench(build) or ():
            t.add(*row)
    failed = [r for r in t.rows if not r[3]]
    print(f"{len(t.rows) - len(failed)} of {len(t.rows)} targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
