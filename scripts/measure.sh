#!/bin/sh
# Where the rules stand: seed and dev scores, and every warning/error on ../shared/clean.
# Usage: sh scripts/measure.sh [-v]   (from the repo root; needs ../shared)
cd "$(dirname "$0")/.."
PY=.venv/bin/python
echo "== seeds";  $PY ../shared/eval/score.py "$@" | tail -n +1
echo "== dev";    $PY ../shared/eval/score.py --drafts ../shared/dev/drafts --gold ../shared/dev/gold "$@"
echo "== clean (warning/error findings)"
$PY -m reviewer check --format json ../shared/clean/*.txt | $PY -c '
import json, sys
n = 0
for r in json.load(sys.stdin):
    for i in r["issues"]:
        if i["severity"] != "info":
            n += 1
            print(" ", r["file"].split("/")[-1][:28], i["rule"], i["start"], repr(i["text"][:40]))
print("clean findings:", n)'
