"""Rebuild misused.txt and variants.txt from pycorrector's confusion list.

Run by hand, never at review time:

    python resources/lexicon/build_misused.py custom_confusion.txt [clean-texts-dir]

custom_confusion.txt is tests/custom_confusion.txt of github.com/shibing624/pycorrector
(Apache-2.0; the version used is named in SOURCES.md).  Its lines are ``wrong right
[freq]``: lines 717-1358 are non-recommended variant forms (异形词, 规范词形) and go to
variants.txt; the others are misspellings and go to misused.txt.  An entry is kept only
when the wrong form is all Han characters, is not a word of jieba's dictionary nor a
listed idiom, differs from its correction by more than 的/地/得 (the tagged rules judge
those in context), has a correction that is a dictionary word or idiom, and does not
occur in the clean official texts given (../shared/clean, when present).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANT_LINES = range(717, 1359)
# Two-character wrong forms are the riskiest (any two neighbouring characters of two words
# form one): left out when both characters are frequent words on their own (jieba count of
# at least COMMON_CHAR each), and these, which are ordinary phrases, names or variants
# handled elsewhere (爬上山顶, 换给他, 跳五次 …); and learners' phrases that read as ordinary
# Chinese in another sentence (在过几十年的发展中, 了解我的朋友).
COMMON_CHAR = 10000
NOT_ERRORS = set("""爬上 换给 林雨 感在 测天 理面 共车 定车 红虹 上果 也雪 风友 难德 密鲁 拨兰 台杯 青纯 堵注
排照 录色 录行 计画 象片 泰泰 多馀 负贵 生济 钟就 血绿 照篇 裁板 银董 跳五 梅天 候天 一阙 太概
苏嘉 寰麟 冈来 岗来 纲来 狂大 经额 早藏 有孔 户然 涂然
在过几十年 以开发地区 以开发国家 又漂亮的衣服 做公车 所担任的是有限 里学校很近 和一点饮料 我回想妳们
待你的国家 一把很大的化 乎很大的吸 握着我的朋友 解我的朋友 交他的朋友""".split())
# Entries of the variant block that are words of their own (利害 is not 厉害) or whose
# "variant" is the form the dictionaries prefer (丫鬟, 旋涡, 约莫, 标识), or usual in
# official texts (粘土).
NOT_VARIANTS = set("利害 念道 丫鬟 旋涡 约莫 黄历 起程 标识 折衷 粘土 粘性 粘液 粘稠".split())


def han(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def main(src: str, clean_dir: str | None = None) -> None:
    import jieba

    freq: dict[str, int] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            w, f, _ = line.split()
            freq[w] = int(f)
    idioms = set((HERE / "idioms.txt").read_text(encoding="utf-8").split())
    clean = ""
    if clean_dir and Path(clean_dir).is_dir():
        clean = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(clean_dir).glob("*.txt")))
    import yaml

    typo = HERE.parent.parent / "rules" / "typo"
    # What the inline lists already say is left out (one finding per error, not two).
    known = set(yaml.safe_load((typo / "variant-forms.yaml").read_text(encoding="utf-8"))["words"])
    known |= set(yaml.safe_load((typo / "idioms.yaml").read_text(encoding="utf-8"))["words"])
    misused: dict[str, str] = {}
    variants: dict[str, str] = {}
    for n, line in enumerate(Path(src).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        w, r = parts[0], parts[1]
        if not (han(w) and han(r)) or len(w) < 2 or w == r or w in clean or w in known:
            continue
        if n in VARIANT_LINES:
            if w not in known and w not in NOT_VARIANTS and (freq.get(r, 0) > 0 or r in idioms):
                variants.setdefault(w, r)
            continue
        if len(w) == len(r) and all(a == b or {a, b} <= set("的地得") for a, b in zip(w, r)):
            continue
        if freq.get(w, 0) > 0 or w in idioms or w in NOT_ERRORS:
            continue
        if len(w) == 2 and min(freq.get(w[0], 0), freq.get(w[1], 0)) >= COMMON_CHAR:
            continue
        if not (freq.get(r, 0) > 0 or r in idioms or len(r) >= 5):
            continue
        misused.setdefault(w, r)
    head = "# wrong<TAB>right; built by build_misused.py from pycorrector's custom_confusion.txt (see SOURCES.md)\n"
    (HERE / "misused.txt").write_text(head + "".join(f"{w}\t{r}\n" for w, r in sorted(misused.items())), encoding="utf-8")
    (HERE / "variants.txt").write_text(head + "".join(f"{w}\t{r}\n" for w, r in sorted(variants.items())), encoding="utf-8")
    print(len(misused), "misused,", len(variants), "variants")


if __name__ == "__main__":
    main(*sys.argv[1:3])
