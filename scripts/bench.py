"""make bench: checking time per draft size, jieba's share, and import-to-first-result.

Drafts are built by repeating realistic report text that carries every kind of
defect; each repetition is numbered so the text does not become one big duplicate.
"""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.core import segment  # noqa: E402
from reviewer.core.document import Document  # noqa: E402
from reviewer.core.engine import review  # noqa: E402
from reviewer.core.rules import load_rules  # noqa: E402

HEAD = "在20xx年全县乡村振兴工作推进会上的汇报发言\n尊敬的各位领导,同志们:\n"
CHUNK = (
    # {i} sits next to every hole, so no two repetitions share a jieba window.
    "第{i}部分，今年以来，我镇深入学习贯彻党的XX大精神，坚持把乡村振兴作为第{i}号工程，聚焦产业、人才、文化精准发力。"
    "截止目前，第{i}片区共有个村集体经济收入超过50万元，占第{i}批行政村总数的%。\n"
    "{n}、聚焦产业发展第{i}项举措，夯实振兴基础\n"
    "我们坚持一村一品发展思路，全年落实第{i}批产业扶持资金万元，新建高标准农田{i}亩，培育第{i}批农民专业合作社余家。"
    "××同志牵头成立的茶叶合作社带动群众增收，相关做法被《日报》专题报道，第{i}季度，年共受理第{i}批群众诉求件，办结率98%。"
    "一是扎实推进第{i}批项目建设。二是完善利益联结机制。三是强化要素保障，确保各项任务在第{i}季度落地见效。\n"
    # Clean text around the defects: real drafts (seed 002 is the worst we have) carry
    # about one defect per hundred characters, not one per sentence.
    "围绕第{i}项重点任务，我们坚持以人民为中心的发展思想，把群众满意作为检验工作成效的根本标准，"
    "推动资源、服务、管理向基层下沉，持续深化党建引领基层治理，不断提升群众的获得感、幸福感、安全感。"
    "我们注重发挥党员先锋模范作用，组织党员干部深入一线、沉到网格，面对面听取群众意见建议，"
    "及时协调解决群众急难愁盼问题，形成了上下联动、齐抓共管的良好工作格局（第{i}轮）。\n"
    "同时，我们认真落实全面从严治党主体责任，坚持把纪律和规矩挺在前面，扎实开展警示教育，"
    "持续加强干部队伍作风建设，推动形成风清气正的良好政治生态，为第{i}阶段工作提供坚强保障。\n"
)
TAIL = "下一步，我们将持续用力、久久为功。\n汇报完毕，谢谢大家！\n"
CN = "一二三四五六七八九"


def build(size: int) -> str:
    parts, i = [HEAD], 0
    total = len(HEAD) + len(TAIL)
    while total < size:
        i += 1
        piece = CHUNK.format(i=i, n=CN[(i - 1) % 9])
        parts.append(piece)
        total += len(piece)
    parts.append(TAIL)
    return "".join(parts)[: max(size, len(HEAD) + len(TAIL))]


def timed_review(doc, rules, repeat):
    times = []
    for _ in range(repeat):
        segment.stats["cut_seconds"] = 0.0
        segment._CUTS.clear()  # each run segments its draft afresh (the dictionary stays loaded)
        t0 = time.perf_counter()
        report = review(doc, rules)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), segment.stats["cut_seconds"], len(report.findings)


def first_result(size: int) -> float:
    """Seconds from starting a fresh Python to the first finding of a draft of ``size`` chars."""
    path = ROOT / "build" / f"bench-{size}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(build(size), encoding="utf-8")
    code = ("import time,sys; t0=time.perf_counter()\n"
            "from reviewer.core.loaders import load\nfrom reviewer.core.engine import review\n"
            "from reviewer.core.rules import load_rules\n"
            f"r=review(load(r'{path}'), load_rules()); assert r.findings\n"
            "print(time.perf_counter()-t0)")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    return wall, float(out.stdout.strip())


def main() -> int:
    rules = load_rules()
    t0 = time.perf_counter()
    segment.warm_up()
    jieba_init = time.perf_counter() - t0
    print(f"jieba initialisation (once per process, lazily): {jieba_init * 1000:.0f} ms")
    print(f"{'draft size':>12} {'review (median)':>16} {'of which jieba':>15} {'findings':>9} {'per 100 chars':>14}")
    results = {}
    for size, repeat in ((10_000, 20), (100_000, 5), (1_000_000, 3)):
        doc = Document.from_text(build(size))
        review(doc, rules)  # warm caches (compiled regexes, jieba dictionary)
        med, jieba_s, n = timed_review(doc, rules, repeat)
        results[size] = med
        print(f"{size:>12,} {med * 1000:>13.1f} ms {jieba_s * 1000:>12.1f} ms {n:>9} {n * 100 / size:>14.2f}")
    wall, inproc = first_result(10_000)
    print(f"import-to-first-result, 10k-char draft: {wall:.2f} s wall (fresh interpreter), "
          f"{inproc:.2f} s inside the process")
    ok = results[10_000] <= 0.030 and results[1_000_000] <= 2.0 and wall <= 1.5
    print("targets (10k ≤ 30 ms warm, 1M ≤ 2 s, first result ≤ 1.5 s):", "met" if ok else "NOT met")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from reviewer.gui.bench import gui_bench
    except ImportError:
        return 0
    gui_bench(build)
    frozen_bench()
    return 0


def frozen_bench() -> None:
    """Startup of the frozen app (make package), offscreen: window shown, first findings."""
    name = "文稿审校助手"
    app = ROOT / "dist" / name / name
    if not app.exists():
        print("frozen app: not built (make package), startup not measured")
        return
    draft = ROOT / "build" / "bench-10000.txt"
    shown, first = [], []
    for _ in range(3):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REVIEWER_LAUNCH_T0": repr(time.time())}
        out = subprocess.run([str(app), "--self-test", str(draft)], capture_output=True, text=True, env=env, timeout=60)
        m = re.search(r"window shown ([\d.]+) s, first findings ([\d.]+) s", out.stdout)
        if m:
            shown.append(float(m.group(1)))
            first.append(float(m.group(2)))
    if not shown:
        print("frozen app: self-test failed")
        return
    s, f = statistics.median(shown), statistics.median(first)
    print(f"frozen app, 10k-char draft: window shown {s:.2f} s, first findings {f:.2f} s after launch "
          f"(targets 1.0 s / 1.5 s: {'met' if s <= 1.0 and f <= 1.5 else 'NOT met'})")


if __name__ == "__main__":
    sys.exit(main())
