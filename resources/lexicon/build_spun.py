"""Build spun.txt: the forms a "伪原创" rewriting tool makes of the collocations of official
writing, each with the collocation it came from (``spun<TAB>canonical``).

Sites that dodge plagiarism checks run a draft through a tool that swaps words for a
near-synonym from a fixed table: 生产 → 出产, 覆盖 → 掩盖, 牢固 → 坚固, 制度 → 轨制 …
(spinner-pairs.txt, ``word<TAB>swapped``).  The swap is blind to context, so it leaves
collocations no writer makes: 安全出产, 全掩盖, 坚固树立, 轨制化.  This script applies
every pair to every canonical expression of the lists (CANONICAL: compounds, set phrases,
collocations, formulas, and spin-contexts.txt, the collocations that hold a swapped word),
and keeps, for each place the word stands in an expression, the swapped word with the
word of the expression next to it on one side (jieba cuts the expression; a swapped word
at the expression's edge keeps its one neighbour): 安全生产 gives 安全出产, 牢固树立 gives
坚固树立, 全覆盖 gives 全掩盖.

Left out: a form of fewer than three characters; a form that is a word of jieba's
dictionary, an idiom, or one of the canonical expressions; a form with the swapped word
inside a longer word of the dictionary at its edge; and any form found in the correct
texts given with ``--correct`` (../shared/clean, the seed and dev drafts, People's Daily
and 学习强国 sentences): a form a correct text writes is a way of saying, not a swap.
The forms inline in rules/phrasing/synonym-swap.yaml are left to that rule.

    python resources/lexicon/build_spun.py --correct a.txt b.txt > resources/lexicon/spun.txt

Run by hand (needs jieba and PyYAML, not the network); tests/test_lexicon_spun.py checks
that the file is what this script makes of the lists (without --correct: the lines it
keeps must be among the ones the script generates).
"""
from __future__ import annotations

import argparse
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
CANONICAL = ("spin-contexts.txt", "compounds.txt", "phrases.txt", "collocations.txt", "formulas.txt")
MIN_LENGTH = 3
WHOLE_MIN = 5
# forms a writer does make: 农业出产/粮食出产 (what a place yields), 经受熬炼 (literary),
# 工作回忆 (memories of work), 当前情势, 只有敞开才能…, 科学聪明的, 取得乐观的结果, 第一出产
# (a place's first product), 人民效劳 (为人民效劳, the older wording, is synonym-swap's),
# 致以热烈的祝愿 / 表示衷心的祝愿 (good wishes are offered so too)
NOT_SPUN = {"农业出产", "粮食出产", "经受熬炼", "工作回忆", "当前情势", "敞开才能", "科学聪明",
            "取得乐观", "第一出产", "人民效劳",
            "致以热烈的祝愿", "表示衷心的祝愿"}


def read_lines(path: pathlib.Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def read_pairs(path: pathlib.Path) -> list[tuple[str, str, bool]]:
    """(word, swapped, whole) of each line ``word<TAB>swapped[<TAB>whole]``."""
    pairs = []
    for line in read_lines(path):
        cols = [c.strip() for c in line.split("\t")]
        pairs.append((cols[0], cols[1], len(cols) > 2 and cols[2] == "whole"))
    return pairs


def _han(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def generate(pairs, expressions, cut, is_word) -> dict[str, str]:
    """Every candidate form → the canonical words it stands for (the first met).

    An expression is taken part by part (its parts joined by 、 or ，).  Where a pair's word
    stands in a part, the forms are the whole part with it swapped, and the swapped word
    with the whole token of the part next to it on either side (a neighbour of two Han
    characters or more: 的, 和, a fragment of a token say nothing).  A pair marked whole
    gives the whole part only, and at the part's edge only a part of WHOLE_MIN characters
    or more."""
    out: dict[str, str] = {}
    for expr in expressions:
        for part in re.split(r"[、，,；;：:“”]", expr):
            if not _han(part):
                continue
            tokens = list(cut(part))
            edges = [0]
            for t in tokens:
                edges.append(edges[-1] + len(t))
            for word, swapped, whole in pairs:
                start = part.find(word)
                while start >= 0:
                    end = start + len(word)
                    forms = []
                    # a whole-only swap at the part's edge needs a long part: 企业进展,
                    # 学习前辈 are said; 高质量进展, 经济社会进展 are not
                    if not whole or 0 < start and end < len(part) or len(part) >= WHOLE_MIN:
                        forms.append((part[:start] + swapped + part[end:], part))
                    if not whole:
                        if start in edges and start > 0:
                            left = part[max(e for e in edges if e < start):start]
                            if len(left) >= 2:
                                forms.append((left + swapped, left + word))
                        if end in edges and end < len(part):
                            right = part[end:min(e for e in edges if e > end)]
                            if len(right) >= 2:
                                forms.append((swapped + right, word + right))
                    for form, canon in forms:
                        if len(form) >= MIN_LENGTH and not is_word(form):
                            out.setdefault(form, canon)
                    start = part.find(word, start + 1)
    return out


def build(correct: str = "") -> list[tuple[str, str]]:
    import jieba
    import yaml

    jieba.setLogLevel(60)
    jieba.initialize()
    freq = jieba.dt.FREQ
    idioms = set(read_lines(HERE / "idioms.txt"))
    expressions = []
    for name in CANONICAL:
        expressions += read_lines(HERE / name)
    canonical = set(expressions)
    rules = HERE.parent.parent / "rules" / "phrasing" / "synonym-swap.yaml"
    inline = set(yaml.safe_load(rules.read_text(encoding="utf-8")).get("words") or {})

    def is_word(form):
        return bool(freq.get(form)) or form in idioms or form in canonical

    def cut(s):
        return jieba.cut(s, HMM=False)

    forms = generate(read_pairs(HERE / "spinner-pairs.txt"), expressions, cut, is_word)
    kept = []
    for form, canon in sorted(forms.items()):
        if form in inline or form in NOT_SPUN or form in correct:
            continue
        kept.append((form, canon))
    return kept


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--correct", nargs="*", default=[], help="texts no form may occur in")
    a = ap.parse_args()
    correct = "\n".join(pathlib.Path(p).read_text(encoding="utf-8") for p in a.correct)
    print("# Forms a 伪原创 tool's word swaps make of the collocations of official writing,")
    print("# spun<TAB>canonical; generated by build_spun.py (see its docstring and SOURCES.md).")
    for form, canon in build(correct):
        print(f"{form}\t{canon}")


if __name__ == "__main__":
    main()
