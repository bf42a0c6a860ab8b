"""make package-test: run the frozen app headless and compare it with the source tree.

1. --version;  2. check the bundled sample (and the seed drafts when ../shared is there)
to JSON and compare with the same check run from source;  3. export an annotated .docx
and verify its comments;  4. --self-test: window offscreen, a review, timings;  5. size.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NAME = "文稿审校助手"
APP = ROOT / "dist" / NAME / (NAME + (".exe" if os.name == "nt" else ""))
SAMPLE = ROOT / "resources" / "samples" / "示例-汇报发言.txt"
MAX_MB = 250


def run(cmd, **kw):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **kw.pop("env", {})}
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, **kw)


def main() -> int:
    from reviewer import __version__

    failures = []

    def check(ok: bool, what: str):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    if not APP.exists():
        print(f"no bundle at {APP}: run make package first")
        return 1
    out = run([str(APP), "--version"])
    check(out.returncode == 0 and __version__ in out.stdout, f"--version prints {__version__}")

    # the Aho-Corasick extension the junk rules' one pass uses on long drafts (rules/keypass.py):
    # without it the bundle still works, only slower -- so its presence is checked here
    check(any(APP.parent.rglob("ahocorasick*")), "the bundle carries the ahocorasick extension")

    drafts = [SAMPLE] + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    for draft in drafts:
        frozen = run([str(APP), "check", "--format", "json", str(draft)])
        source = run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(draft)], cwd=ROOT)
        check(frozen.returncode == source.returncode and json.loads(frozen.stdout) == json.loads(source.stdout),
              f"check {draft.name}: frozen output equals source output")

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "annotated.docx"
        out = run([str(APP), "export", str(SAMPLE), "--to", str(target)])
        import docx

        from reviewer.core.engine import review
        from reviewer.core.export.annotate import AUTHOR, as_revision, comment_anchors
        from reviewer.core.loaders import load
        from reviewer.core.rules import load_rules

        report = review(load(SAMPLE), load_rules())
        ok = out.returncode == 0 and target.exists()
        if ok:
            data = target.read_bytes()
            comments = [c for c in docx.Document(io.BytesIO(data)).comments
                        if c.author == AUTHOR and "本文稿有" not in c.text]  # not the revisions' summary
            anchors = set(comment_anchors(data).values())
            commented = [f for f in report.findings if not as_revision(f)]  # punctuation: revisions
            ok = len(comments) == len(commented) and all(f.text in anchors for f in commented if f.end > f.start)
        check(ok, f"export an annotated .docx with {len(report.findings)} exact comments")

    out = run([str(APP), "--self-test"], env={"REVIEWER_LAUNCH_T0": repr(time.time())})
    check(out.returncode == 0 and "self-test ok" in out.stdout, "self-test: window offscreen, review, close")
    print("     " + (out.stdout.strip() or out.stderr.strip()[-500:]))

    size = sum(p.lstat().st_size for p in APP.parent.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    check(size <= MAX_MB, f"bundle size {size:.0f} MB <= {MAX_MB} MB")
    print(f"{len(failures)} failed" if failures else "smoke test passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
