"""The GUI's speed targets (issue 11) on their own, each with its value and PASS or FAIL.

    .venv/bin/python scripts/bench_gui.py

Texts are built like scripts/bench.py builds them (real drafts with their website junk,
repeated); scripts/bench.py runs the same measurements as part of `make bench`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from bench import build  # scripts/bench.py: the same texts as make bench

    from reviewer.gui.bench import gui_bench

    rows = gui_bench(build)
    for name, value, target, passed in rows:
        print(f"  {'PASS' if passed else 'FAIL'}  {name:<44} {value:>14}   (target {target})", flush=True)
    print(f"{sum(r[3] for r in rows)} of {len(rows)} GUI targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
