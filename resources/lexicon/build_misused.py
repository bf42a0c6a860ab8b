"""Rebuild misused.txt and variants.txt from other projects' lists of errors and corpora of
corrected sentences (the sources, their versions and licences are in SOURCES.md).

Run by hand, never at review time (needs jieba and PyYAML, not the network):

    python resources/lexicon/build_misused.py custom_confusion.txt \\
        [--pairs confusion_dict.json] [--corpus odw.train law.train med.train] \\
        [--shared ../shared] [--correct DIR_OR_FILE ...]

custom_confusion.txt is tests/custom_confusion.txt of pycorrector: lines ``wrong right
[freq]``; lines 717-1358 are non-recommended variant forms (异形词, 规范词形) and go to
variants.txt, the others are misspellings.  ``--pairs``: a JSON object ``{wrong: right}``
(macro-correct's confusion_dict.json).  ``--corpus``: corrected sentences, ECSpell's
``n<TAB>wrong sentence<TAB>right sentence`` lines or a JSON list of
``{original_text, correct_text}`` / ``{source, target}``.

A pair longer than a word (a phrase or a sentence) is cut down to words: both sides must
have the same length, the right side is cut by jieba (no HMM, as at review time), and every
word of two characters or more that holds a changed character gives the pair (that span of
the wrong side, the word).  A wrong form from a sentence is kept only when jieba, cutting
the wrong sentence, puts word boundaries at both of its ends (else the rule, which asks
for that, would never report it there).

Every misspelling then passes the same filters: the wrong form is all Han characters, of
two characters or more, not a word of jieba's dictionary nor a listed idiom, not one of
the inline lists (variant-forms.yaml, idioms.yaml: one finding per error), not of the hand
list NOT_ERRORS; it differs from its correction by more than 的/地/得 (the tagged rules
judge those in context); a two-character form whose characters are both frequent words
is left out; the correction is a dictionary word or idiom (or, from pycorrector's list, a
phrase of five characters or more).  And the wrong form must occur in no correct text:
not in ../shared/clean, not in the seed and dev drafts (save where their gold marks a
typo holding it), not in the right side of any sentence of the corpora, not in the
``--correct`` texts.  When several corrections are given for one wrong form, the one
given most often wins.

pycorrector's list was taken whole before and its entries checked by hand; those of the
other sources pass four more filters, as their false alarms on correct text showed them
needed: no traditional spelling of the correction (the traditional-character check's);
the wrong form is the correction with at most half its characters changed, or its
characters reordered (not 在小时 for 小时候); a two-character form is no part of a longer
dictionary word (有福 of 有福同享) and, when only the corpora give it, is given twice
(their one-offs are as often names or terms as slips: 范伟, 体脂); a longer form that
only the corpora give is not two dictionary words side by side (政治权力, 文字作品).
Last, a phrase that holds a listed form with the same correction (严格尊守: 尊守) is
left out.
"""
from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANT_LINES = range(717, 1359)
# Two-character wrong forms are the riskiest (any two neighbouring characters of two words
# form one): left out when both characters are frequent words on their own (jieba count of
# at least COMMON_CHAR each), and these, which are ordinary phrases, names or variants
# handled elsewhere (爬上山顶, 换给他, 跳五次 …); and learners' phrases that read as ordinary
# Chinese in another sentence (在过几十年的发展中, 了解我的朋友); and the words, terms and
# names of the other lists that were found in correct news, web and fiction text (板着脸,
# 一滩血, 发动机积碳, 从不嫌烦, 二挡 — the standard form —, 尿道下裂, 周保章), or that
# read as correct Chinese when the list was read through (一挺机枪, 饶过他, 挣不开,
# 鸿运当头, 霞披夕阳 -- the glow draping the sunset, not 凤冠霞帔's cape).
COMMON_CHAR = 10000
NOT_ERRORS = set("""爬上 换给 林雨 感在 测天 理面 共车 定车 红虹 上果 也雪 风友 难德 密鲁 拨兰 台杯 青纯 堵注
排照 录色 录行 计画 象片 泰泰 多馀 负贵 生济 钟就 血绿 照篇 裁板 银董 跳五 梅天 候天 一阙 太概
苏嘉 寰麟 冈来 岗来 纲来 狂大 经额 早藏 有孔 户然 涂然
在过几十年 以开发地区 以开发国家 又漂亮的衣服 做公车 所担任的是有限 里学校很近 和一点饮料 我回想妳们
待你的国家 一把很大的化 乎很大的吸 握着我的朋友 解我的朋友 交他的朋友
积碳 灵域 板着 一滩 嘶嘶 纾缓 保章 法援 过久 配气 二挡 呲牙 柴烧 驻立 下裂 村名 摘菜 神雕 垫后 鱼货
哎呦 在聊 满圆 万倾 呈现给 一点的 二万元 点左右 但凭 嫌烦
一挺 一绺 一筒 一邦 三付 三弯 四厂 扒在 爬在 掂着 裂着 饶过 这班 背阳 跨着
观察手 饺子面 晾凉的 拉家长 掉过来 挣不开 来得急 鸿运当头 不在此例 天方地圆 内壳 霞披""".split())
# Entries of the variant block that are words of their own (利害 is not 厉害) or whose
# "variant" is the form the dictionaries prefer (丫鬟, 旋涡, 约莫, 标识), or usual in
# official texts (粘土).
NOT_VARIANTS = set("利害 念道 丫鬟 旋涡 约莫 黄历 起程 标识 折衷 粘土 粘性 粘液 粘稠 联接 沈思".split())
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def han(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def read_sentence_pairs(path: Path) -> list[tuple[str, str]]:
    """(wrong, right) sentences of an ECSpell file or a JSON list of corrected sentences."""
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        out = []
        for item in json.loads(text):
            src = item.get("original_text", item.get("source"))
            tgt = item.get("correct_text", item.get("target"))
            if isinstance(src, str) and isinstance(tgt, str):
                out.append((src, tgt))
        return out
    return [tuple(parts[1:3]) for parts in (ln.split("\t") for ln in text.splitlines()) if len(parts) >= 3]


def word_pairs(jieba, src: str, tgt: str, check_boundaries: bool):
    """The (wrong, right) words of a corrected phrase or sentence (see the module doc)."""
    if len(src) != len(tgt) or src == tgt:
        return
    diff = [i for i, (a, b) in enumerate(zip(src, tgt)) if a != b]
    src_cuts = None
    pos = 0
    for word in jieba.cut(tgt, HMM=False):
        start, pos = pos, pos + len(word)
        if len(word) < 2 or not any(start <= i < pos for i in diff):
            continue
        wrong = src[start:pos]
        if not (han(wrong) and han(word)):
            continue
        if check_boundaries:
            if src_cuts is None:
                src_cuts, at = {0}, 0
                for w in jieba.cut(src, HMM=False):
                    at += len(w)
                    src_cuts.add(at)
            if start not in src_cuts or pos not in src_cuts:
                continue
        yield wrong, word


def two_words(jieba, w: str, is_word) -> bool:
    """jieba cuts w into two dictionary words (or one word and a character)."""
    pieces = list(jieba.cut(w, HMM=False))
    return len(pieces) == 2 and all(is_word(p) for p in pieces)


def correct_texts(args) -> tuple[list[str], list[str]]:
    """The clean official texts of ../shared, and the other texts in which no listed wrong
    form may occur."""
    clean: list[str] = []
    texts: list[str] = []
    if args.shared:
        shared = Path(args.shared)
        clean = [p.read_text(encoding="utf-8-sig") for p in sorted((shared / "clean").glob("*.txt"))]
        marked: list[str] = []  # typos the gold marks: their drafts may hold them
        for gold in sorted((shared / "gold").glob("*.json")) + sorted((shared / "dev" / "gold").glob("*.json")):
            marked += [i["quote"] for i in json.loads(gold.read_text(encoding="utf-8"))["items"]
                       if i["category"] == "typo" and i["quote"]]
        for folder in (shared / "seeds", shared / "dev" / "drafts"):
            for p in sorted(folder.glob("*.txt")):
                text = p.read_text(encoding="utf-8-sig")
                for q in marked:
                    text = text.replace(q, "\n")
                texts.append(text)
    for name in args.correct or ():
        path = Path(name)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        texts += [p.read_text(encoding="utf-8") for p in files]
    return clean, texts


def found_in(texts: list[str], words) -> set[str]:
    """The words that occur in the texts (one pass: every substring of their lengths)."""
    lengths = sorted({len(w) for w in words})
    seen: set[str] = set()
    for text in texts:
        for run in _HAN.findall(text):
            for k in lengths:
                seen.update(w for w in (run[i:i + k] for i in range(len(run) - k + 1)) if w in words)
    return seen


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("confusion", help="pycorrector's tests/custom_confusion.txt")
    ap.add_argument("--pairs", nargs="*", default=[], help="JSON objects {wrong: right}")
    ap.add_argument("--corpus", nargs="*", default=[], help="corrected sentences (ECSpell lines or JSON)")
    ap.add_argument("--shared", help="../shared: its clean texts, seed and dev drafts are correct text")
    ap.add_argument("--correct", nargs="*", default=[], help="more correct texts (.txt files or folders)")
    args = ap.parse_args(argv)

    import jieba
    import yaml

    jieba.setLogLevel(60)
    freq: dict[str, int] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            w, f, _ = line.split()
            freq[w] = int(f)
    idioms = set((HERE / "idioms.txt").read_text(encoding="utf-8").split())
    typo = HERE.parent.parent / "rules" / "typo"
    # What the inline lists already say is left out (one finding per error, not two).
    known = set(yaml.safe_load((typo / "variant-forms.yaml").read_text(encoding="utf-8"))["words"])
    known |= set(yaml.safe_load((typo / "idioms.yaml").read_text(encoding="utf-8"))["words"])

    def is_word(w: str) -> bool:
        return freq.get(w, 0) > 0 or w in idioms

    # wrong -> Counter of rights, from every source
    votes: dict[str, Counter] = defaultdict(Counter)
    long_right: set[tuple[str, str]] = set()  # pycorrector's phrases of five characters or more
    variants: dict[str, str] = {}
    right_sides: list[str] = []
    for n, line in enumerate(Path(args.confusion).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if line.startswith("#") or len(parts) < 2:
            continue
        w, r = parts[0], parts[1]
        if not (han(w) and han(r)) or len(w) < 2 or w == r or w in known:
            continue
        if n in VARIANT_LINES:
            if w not in NOT_VARIANTS and is_word(r):
                variants.setdefault(w, r)
            continue
        votes[w][r] += 1
        if len(r) >= 5:
            long_right.add((w, r))
    reviewed = set(votes)  # pycorrector's list: its entries were checked by hand when first taken
    for name in args.pairs:
        for src, tgt in json.loads(Path(name).read_text(encoding="utf-8")).items():
            if is_word(tgt) or len(src) != len(tgt):
                votes[src][tgt] += 1  # a word (or of another length: taken whole, filtered below)
            else:
                for w, r in word_pairs(jieba, src, tgt, check_boundaries=False):
                    votes[w][r] += 1
    listed = set(votes)  # from a list of errors, not only from corrected sentences
    for name in args.corpus:
        for src, tgt in read_sentence_pairs(Path(name)):
            right_sides.append(tgt)
            for w, r in word_pairs(jieba, src, tgt, check_boundaries=True):
                votes[w][r] += 1

    # Two characters inside a longer dictionary word are an ordinary sequence (有福 of
    # 有福同享, 郭家 of 郭家庄): a bigram of any word of three characters or more.
    inner = {w[i:i + 2] for w in freq if len(w) > 2 for i in range(len(w) - 1)}
    t2s = dict(ln.split("\t")[:2] for ln in (HERE / "t2s.txt").read_text(encoding="utf-8").splitlines()
               if "\t" in ln and not ln.startswith("#"))
    candidates: dict[str, str] = {}
    for w, rights in votes.items():
        r = rights.most_common(1)[0][0]
        if not (han(w) and han(r)) or len(w) < 2 or w == r or w in known or w in variants:
            continue
        if len(w) == len(r) and all(a == b or {a, b} <= set("的地得") for a, b in zip(w, r)):
            continue
        if is_word(w) or w in NOT_ERRORS:
            continue
        if w not in reviewed:
            if "".join(t2s.get(c, c) for c in w) == r:
                continue  # a traditional spelling is the traditional-character check's
            changed = len(w) if len(w) != len(r) else sum(a != b for a, b in zip(w, r))
            if changed > max(1, len(w) // 2) and sorted(w) != sorted(r):
                continue  # not a slip but another wording (在小时: 小时候) or a garbled entry
            if len(w) == 2 and (w in inner or (w not in listed and sum(rights.values()) < 2)):
                continue  # a one-off of the corpora: as often a name or a term as a slip
            if len(w) > 2 and w not in listed and two_words(jieba, w, is_word):
                continue  # reads as a word and another (政治权力, 呈现给): a choice, not a slip
        if len(w) == 2 and min(freq.get(w[0], 0), freq.get(w[1], 0)) >= COMMON_CHAR:
            continue
        if not (is_word(r) or (w, r) in long_right):
            continue
        candidates[w] = r
    clean, others = correct_texts(args)
    # A variant form is not recommended but found in correct texts of other years: only the
    # clean official texts rule one out.
    variants = {w: r for w, r in variants.items() if not any(w in t for t in clean)}
    seen = found_in(clean + others + right_sides, candidates)
    kept = {w: r for w, r in candidates.items() if w not in seen}
    # A phrase that holds a listed form with the same correction (严格尊守: 尊守) adds
    # nothing but a longer finding.
    misused = {w: r for w, r in kept.items()
               if not any(w[i:j] in kept and w[:i] + kept[w[i:j]] + w[j:] == r
                          for i in range(len(w)) for j in range(i + 2, len(w) + 1) if j - i < len(w))}
    head = "# wrong<TAB>right; built by build_misused.py (sources in SOURCES.md)\n"
    (HERE / "misused.txt").write_text(head + "".join(f"{w}\t{r}\n" for w, r in sorted(misused.items())), encoding="utf-8")
    (HERE / "variants.txt").write_text(head + "".join(f"{w}\t{r}\n" for w, r in sorted(variants.items())), encoding="utf-8")
    print(f"{len(misused)} misused, {len(variants)} variants; left out: {len(seen)} found in correct text, "
          f"{len(kept) - len(misused)} holding a shorter listed form")


if __name__ == "__main__":
    main()
