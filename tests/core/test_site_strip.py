"""Strip figures from clean official texts the way 范文 sites do, and look for the holes.

../shared/clean holds ten professionally edited official documents with about 2,000
Arabic-digit figures.  Sites that copy such texts delete things in a few ways (seen in
the dev drafts and the seeds):

* ``digits``: every Arabic digit goes, the rest stays: units, %, decimal points,
  年/月/日, 第 (占党员的%, 实现产值.亿元, 于月日, 共受理诉求件, 形成个…).
* ``years``: a year goes together with its 年 (“2009年，是…” → “，是…”), and the 年
  of 今年, 一年来, 新的一年, 关键之年 … goes too (对今的工作, 向一来, 在新的一里).
* ``names``: a person's name after a title goes (区长 张天喜 → 区长), and leaders'
  names go wherever they stand (以习近平同志为核心 → 以同志为核心).

Each mode records where every hole is in the stripped copy, runs the reviewer, and
counts a hole as found when a blank_figure or placeholder finding (warning or error), or
numbering.number-gone's (an item's number gone, its 、 or . left), overlaps or touches it.
The original must stay silent in those categories.

Holes no reader could see are left out of the count, each for a stated reason:

* a bare 1 before 万, 亿, 千 or 百 (1万名青年 → 万名青年, 1亿元以上 → 亿元以上), or any
  figure between 近/上/逾/超 and 万/亿/千/百 (近5万人 → 近万人): the remnant reads as
  “(nearly) ten thousand …”, fluent and right;
* a figure before 多 and a measure word (40多年 → 多年, 100多个城市 → 多个城市): the
  remnant is the ordinary “many …”;
* a figure glued to Latin letters (5G, G20, PM2.5): what is left reads as an acronym
  or model name, and the category for those is not a hole in Chinese text;
* a year deleted with its 年 where the clause still reads complete: Chinese text on
  both sides and no preposition left without its object (“2023年全市生产总值…” →
  “全市生产总值…”, “一、2015年工作回顾” → “一、工作回顾”, “做好2022年冬奥会申办工作”).
  Counted are the years whose removal leaves a bare preposition or particle (到，
  从的, 自起, 在，) or runs into punctuation (“（2018－）”, “，，”), and every 年-word
  stem (今, 去, 明, 一来, 新的一, 关键之): the brief's 对今的工作, 向一来为全镇 —
  except 今年年底 → 今年底, which reads right;
* a leader's name whose removal leaves a complete phrase (贯彻习近平总书记重要讲话精神
  → 贯彻总书记重要讲话精神): counted only where a bare 同志, 思想、 or 理论、 is left.

Everything else counts, including holes the rules miss (among them decimal points a
site_junk rule takes for anti-copy dots: 从.万元 is reported as junk, so the hole is lost).
Only the rules that decide the outcome run: site_junk (findings inside junk are
dropped), blank_figure, placeholder and numbering.number-gone.  Run this file directly
(``python tests/core/test_site_strip.py``) to print the recall and the misses.
"""
from __future__ import annotations

import functools
import random
import re
import sys
import pathlib

import pytest

if __name__ == "__main__":  # run directly: make the repo root importable
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from tests.conftest import SHARED, shared  # noqa: E402

CATS = {"blank_figure", "placeholder"}
# an item's number taken out with its mark left (▮.便民服务方面 → .便民服务方面) is a numbering
# defect, as the blind sets' annotators have it: its rule finds that hole too
NUMBER_GONE = "numbering.number-gone"
SEED = 20240917
MIN_RECALL = 0.90

# The slips ../shared/clean/README.md lists are in other categories (junk, punctuation,
# duplicate): none of them is a blank figure or a placeholder.
ALLOWED_ON_CLEAN: set[tuple[str, int]] = set()

_FIGURE = re.compile(r"[0-9０-９]+(?:[.．,][0-9０-９]+)*")
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_MAGNITUDE = "万亿千百"
_MANY = re.compile(r"多(?:个|家|年|名|项|种|次|位|所|条|人|部|批|场|座|户|类)")


def _apply(text: str, cuts: list[tuple[int, int, str]]):
    """Replace text[s:e] by r for each (s, e, r) (sorted, disjoint).

    Returns the new text and, for each cut, the span (start, end) of its
    replacement in the new text (zero-width when r is empty).
    """
    out, holes, pos, shift = [], [], 0, 0
    for s, e, r in cuts:
        out.append(text[pos:s])
        ns = s + shift
        out.append(r)
        holes.append((ns, ns + len(r)))
        shift += len(r) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), holes


def strip_digits(text: str):
    """Every Arabic figure loses its digits; separators, units and % stay."""
    cuts = []
    for m in _FIGURE.finditer(text):
        s, e = m.span()
        if (s > 0 and _LATIN.match(text[s - 1])) or (e < len(text) and _LATIN.match(text[e])):
            continue  # 5G, G20, PM2.5: left alone (see the module docstring)
        if text[e:e + 1] in _MAGNITUDE and (m.group() in ("1", "１") or text[s - 1:s] in "近上逾超"):
            continue  # 1万名 → 万名, 近5万人 → 近万人: still reads right (see the docstring)
        if _MANY.match(text, e):
            continue  # 40多年 → 多年, 100多个城市 → 多个城市: still reads right (see the docstring)
        cuts.append((s, e, _DIGIT.sub("", m.group())))
    return _apply(text, cuts)


_YEAR = re.compile(r"(?:19|20)[0-9]{2}年")
# 年-words a site's “delete 年” leaves behind as a stem (今, 去, 明, 一来, 新的一, 关键之).
_NIAN_WORDS = re.compile(r"今年|去年|明年|一年来|新的一年|之年")
_PUNCT = "，。；、：！？）”,.;:!?)"
# A preposition or particle that is left without its object when the year after it goes.
_NEEDS_OBJECT = "从到至于在自比较的"


def _year_hole_visible(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else "\n"
    after = text[e] if e < len(text) else "\n"
    return after in _PUNCT or after == "\n" or before in _NEEDS_OBJECT


def strip_years(text: str, rng: random.Random):
    """Half of the years go with their 年; half of the 今年/一年来/…之年 lose their 年.

    A year whose removal leaves a complete clause is not counted (see the module
    docstring); the returned holes are the visible ones.
    """
    cuts, visible = [], []
    for m in _YEAR.finditer(text):
        if rng.random() < 0.5:
            continue
        s, e = m.span()
        cuts.append((s, e, ""))
        visible.append(_year_hole_visible(text, s, e))
    for m in _NIAN_WORDS.finditer(text):
        if rng.random() < 0.5:
            continue
        s = m.start() + m.group().index("年")
        if any(a < s + 1 and s < b for a, b, _ in cuts):
            continue
        cuts.append((s, s + 1, ""))
        visible.append(text[s + 1:s + 2] != "年")  # 今年年底 → 今年底 reads right
    order = sorted(range(len(cuts)), key=lambda i: cuts[i][0])
    new, holes = _apply(text, [cuts[i] for i in order])
    return new, [h for h, i in zip(holes, order) if visible[i]]


_NAME_AFTER_TITLE = re.compile(
    r"(?<=(?:总理|省长|市长|区长|县长|镇长|书记|主任|局长|记者)[ \u3000])[\u4e00-\u9fff]{2,3}(?=[\s（(，。]|$)", re.M)
# Some sites delete leaders' names.  What is left is visible when a bare title or label
# remains (以同志为核心, 马克思列宁主义、思想、, 以理论、); “贯彻总书记重要讲话精神”
# or “以新时代中国特色社会主义思想为指导” still read complete and are not counted.
_LEADER = re.compile(r"习近平|李克强|邓小平|毛泽东|江泽民|胡锦涛")
_LEADER_VISIBLE = re.compile(r"同志|思想、|理论、")


def strip_names(text: str):
    """A person's name after a title goes (the title and the space stay), and so do
    leaders' names; returns the stripped text and the visible holes."""
    cuts = [(m.start(), m.end(), "", True) for m in _NAME_AFTER_TITLE.finditer(text)]
    cuts += [(m.start(), m.end(), "", bool(_LEADER_VISIBLE.match(text, m.end())))
             for m in _LEADER.finditer(text)]
    cuts.sort()
    cuts = [c for i, c in enumerate(cuts) if i == 0 or c[0] >= cuts[i - 1][1]]  # 总理 李克强: once
    new, holes = _apply(text, [c[:3] for c in cuts])
    return new, [h for h, c in zip(holes, cuts) if c[3]]


@functools.lru_cache(maxsize=None)
def _rules():
    from reviewer.core.rules import load_rules

    # Only the categories that decide the outcome: junk (findings inside it are dropped)
    # and the two looked at.
    return [r for r in load_rules() if r.category in CATS | {"site_junk"} or r.full_id == NUMBER_GONE]


def _review(texts: list[str]):
    from reviewer.core.document import Document
    from reviewer.core.engine import ReviewOptions, review

    rules = _rules()
    opts = ReviewOptions(structure=False)
    out = []
    for t in texts:
        rep = review(Document.from_text(t), rules, opts)
        out.append([f for f in rep.findings if (f.category in CATS or f.rule == NUMBER_GONE) and f.severity != "info"])
    return out


def _clean_texts():
    folder = shared("clean")
    return _read_clean(str(folder))


@functools.lru_cache(maxsize=None)
def _read_clean(folder: str):
    return [(p.name, p.read_text(encoding="utf-8-sig")) for p in sorted(pathlib.Path(folder).glob("*.txt"))]


def _recall(mode: str):
    rng = random.Random(SEED)
    items = _clean_texts()
    stripped = []
    for name, text in items:
        if mode == "digits":
            new, holes = strip_digits(text)
        elif mode == "years":
            new, holes = strip_years(text, rng)
        else:
            new, holes = strip_names(text)
        stripped.append((name, new, holes))
    found_lists = _review([s[1] for s in stripped])
    total = hit = 0
    misses = []
    for (name, new, holes), found in zip(stripped, found_lists):
        spans = sorted((f.start, f.end) for f in found)
        for hs, he in holes:
            total += 1
            if any(s <= he and e >= hs for s, e in spans):
                hit += 1
            else:
                misses.append((name, new[max(0, hs - 12):hs] + "▮" + new[hs:he + 12]))
    return hit, total, misses


def test_clean_originals_are_silent():
    items = _clean_texts()
    found = _review([t for _, t in items])
    loud = [(name, f.rule, f.text) for (name, _), fs in zip(items, found) for f in fs
            if (name, f.start) not in ALLOWED_ON_CLEAN]
    assert not loud, loud


@pytest.mark.parametrize("mode", ["digits", "years", "names"])
def test_stripped_holes_are_found(mode):
    hit, total, misses = _recall(mode)
    assert total > 0
    assert hit / total >= MIN_RECALL, (f"{mode}: {hit}/{total} = {hit / total:.3f}", misses[:30])


def test_stripping_is_deterministic():
    items = _clean_texts()[:3]
    a = [strip_years(t, random.Random(SEED)) for _, t in items]
    b = [strip_years(t, random.Random(SEED)) for _, t in items]
    assert a == b


if __name__ == "__main__":  # a report for humans
    if not SHARED.exists():
        raise SystemExit("../shared is not available")
    show = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for mode in ("digits", "years", "names"):
        hit, total, misses = _recall(mode)
        print(f"{mode}: {hit}/{total} = {hit / max(total, 1):.3f}")
        for name, ctx in misses[:show]:
            print("   ", name[:10], ctx.replace("\n", "⏎"))
