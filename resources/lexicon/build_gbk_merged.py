"""Build gbk-merged.txt: words whose last character and the punctuation after it were
fused into one character when a web page's GBK bytes lost a full-width space (A1 A1).

A GB2312 character whose second byte is A1 (础 = B4 A1, 选 = D1 A1, the first of each row)
followed by punctuation of row A1 (。= A1 A3, 、= A1 A2, “ = A1 B0 …) is B4 A1 A1 A3; a
converter that deletes every A1 A1 pair (the ideographic space) byte-wise leaves B4 A3 =
矗: 基础。→ 基矗, 评选、→ 评癣.  The list gives, for every common word of jieba's dictionary
(frequency >= MIN_FREQ, two to four Han characters) ending in such a character, the fused
form and the word with its punctuation.  Left out: a fused form that is itself a word of
the dictionary, one whose fused character is a common character (jieba frequency >=
MAX_FUSED_FREQ: 市场。 gives 市常, which 城市常住 contains), a fused form of two characters
that is part of a longer word of the dictionary, and any fused form found in the correct
texts given with --correct; names (jieba's tags nr, nrfg, nrt, ns: 李俊 gives 李竣).
Punctuation: 、。 (the commonest after a word).

    python resources/lexicon/build_gbk_merged.py --correct a.txt b.txt > resources/lexicon/gbk-merged.txt
"""
from __future__ import annotations

import argparse

MIN_FREQ = 300
MAX_FUSED_FREQ = 2000
PUNCT = "、。"
# fused forms that are words of their own outside the dictionary (大孝: great filial piety)
NOT_FUSED = {"大孝"}


def build(freq: dict, correct: str, tags: dict | None = None) -> list[tuple[str, str]]:
    tags = tags or {}
    row_heads = {}
    for first in range(0xB0, 0xF8):
        row_heads[bytes([first, 0xA1]).decode("gb2312")] = first
    # every two-character stretch inside a word of the dictionary: a fused form that is one
    # (一协 of 统一协调) may be two words side by side
    inside = {w[i:i + 2] for w, f in freq.items() if f > 0 and len(w) > 2 for i in range(len(w) - 1)}
    out = []
    for word, f in sorted(freq.items()):
        if f < MIN_FREQ or not 2 <= len(word) <= 4 or word[-1] not in row_heads \
                or not all("\u4e00" <= c <= "\u9fff" for c in word) \
                or tags.get(word, "").startswith(("nr", "ns")):
            continue
        for p in PUNCT:
            second = p.encode("gb2312")[1]
            try:
                fused = bytes([row_heads[word[-1]], second]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            wrong = word[:-1] + fused
            if freq.get(wrong) or freq.get(fused, 0) >= MAX_FUSED_FREQ or wrong in correct \
                    or wrong in inside or wrong in NOT_FUSED:
                continue
            out.append((wrong, word + p))
    return out


def main():
    import jieba
    import jieba.posseg

    ap = argparse.ArgumentParser()
    ap.add_argument("--correct", nargs="*", default=[])
    a = ap.parse_args()
    jieba.initialize()
    correct = "".join(open(p, encoding="utf-8").read() for p in a.correct)
    print("# fused<TAB>word and punctuation: a web page's GBK bytes lost a full-width space (A1 A1)")
    print("# and fused a word's last character with the punctuation after it (基矗 = 基础。);")
    print("# built by build_gbk_merged.py (see its docstring and SOURCES.md)")
    for wrong, right in build(jieba.dt.FREQ, correct, jieba.posseg.dt.word_tag_tab):
        print(f"{wrong}\t{right}")


if __name__ == "__main__":
    main()
