"""Rebuild idiom-variants.txt: idioms of idioms.txt that are a rarer spelling of a commoner
idiom (名符其实 → 名副其实, 按步就班 → 按部就班, 再接再砺 → 再接再厉).

Run by hand, never at review time (needs jieba):

    python resources/lexicon/build_idiom_variants.py [../shared]

The 《新华字典》 idiom list that idioms.txt comes from keeps old and variant spellings
beside the standard ones, so near-idiom takes 按步就班 for an idiom of its own and never
reports it, and jieba's dictionary lists it too.  A listed idiom is taken for a variant of
another listed idiom when the two differ in one character that sounds or looks alike
(lexicon_data.confusable), the other is common (jieba's count at least COMMON) and at least
RATIO times as common as it.  Left out: idioms of their own that only look like such a
variant (KEEP: 不足为意 "not worth minding" is not 不足为奇), and any variant found in the
clean official texts or the seed and dev drafts (given the folder holding them).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

COMMON = 30
RATIO = 10
# Listed idioms with a meaning or an accepted use of their own (checked in 《现代汉语词典》
# and 《汉语成语大词典》), not spellings of the commoner idiom beside them.
KEEP = set("""不足为意 百死一生 桃之夭夭 浓妆淡抹 地旷人稀 珍禽奇兽 乐善好义 活蹦活跳 邪魔歪道 天下莫敌
贪利忘义 事在必行 一片散沙 百事大吉 心急如火 欢喜若狂 兔走鹘落 一口同声 百无一失 千姿万态 重山峻岭 贩夫俗子
蜂起云涌 焦眉苦脸 其势汹汹 应刃而解 为非作恶 数见不鲜 奇想天开 雷动风行 无动于中 付诸一炬 无倚无靠 平白无辜
莫可奈何 千方万计 唯所欲为 惟所欲为 以佚待劳 翻复无常 据高临下 情投谊合 将机就计 盖头换面 一知片解
积重难反 极重难返 言不由中 失诸交臂 兵不接刃 贪脏枉法""".split())
# Commoner idioms that are no standard form themselves (一塌胡涂 for 一塌糊涂, which the
# list lacks): never given as the correction.
NOT_STANDARD = {"一塌胡涂"}


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    import jieba

    from reviewer.core.rules.lexicon_data import confusable

    jieba.initialize()
    freq = jieba.dt.FREQ
    idioms = [w for w in (HERE / "idioms.txt").read_text(encoding="utf-8").split() if len(w) == 4]
    by_gap = defaultdict(list)  # an idiom with one character left out -> the idioms it may be
    for w in idioms:
        for k in range(4):
            by_gap[(k, w[:k] + w[k + 1:])].append(w)
    best: dict[str, str] = {}
    for (k, _), group in by_gap.items():
        for v in group:
            for s in group:
                fv, fs = freq.get(v, 0), freq.get(s, 0)
                if (s != v and v not in KEEP and s not in NOT_STANDARD and fs >= COMMON and fs >= RATIO * max(fv, 1)
                        and confusable(v[k], s[k]) and fs > freq.get(best.get(v, ""), 0)):
                    best[v] = s
    for v, s in list(best.items()):  # a commoner idiom that is itself a variant: its standard
        while s in best and best[s] != v:
            s = best[s]
        best[v] = s
    if argv:
        shared = Path(argv[0])
        texts = [p.read_text(encoding="utf-8") for d in ("clean", "seeds", "dev/drafts")
                 for p in sorted((shared / d).glob("*.txt"))]
        seen = {v for v in best if any(v in t for t in texts)}
        for v in sorted(seen):
            print("found in correct text or a draft, left out:", v, file=sys.stderr)
        best = {v: s for v, s in best.items() if v not in seen}
    lines = ["# variant<TAB>standard: idioms.txt's rarer spellings of a commoner idiom; built by "
             "build_idiom_variants.py (see SOURCES.md)"]
    lines += [f"{v}\t{s}" for v, s in sorted(best.items())]
    (HERE / "idiom-variants.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(len(best), "variants", file=sys.stderr)


if __name__ == "__main__":
    main()
