"""The ``mixed`` check of the locality kind: a draft that does not anonymise its own place
but names, as the acting subject of its sentences, places of several prefectures in
several provinces — other places' 经验材料 stitched together.  A mixin of LocalityRule
(locality.py), which supplies ``_place_hits``, ``_as_place`` and the rule's settings."""
from __future__ import annotations

import re

from .locality_own import _chains, _within
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


class MixedPlaces:
    def _mixed_candidates(self, ctx):
        """(own units, [(start, end, unit, province, places)]) -- the places a draft names as
        the acting subject of a sentence, and the units that are the draft's own."""
        from .kinds import spliced

        text = ctx.text
        hits = self._place_hits(ctx)
        # what each mention is depends on its line and a few characters around it: kept
        # for the lines an edit did not touch
        mentions, _ = spliced(ctx, "mixed:" + self.full_id, None, (12, 22),
                              lambda lo, hi, stop: (self._mentions_acting(ctx, _within(hits, lo, hi)), []))
        counts: dict[str, int] = {}
        for _, _, unit, _, _ in mentions:
            if unit is not None and unit[0] is not None:
                counts[unit[0]] = counts.get(unit[0], 0) + 1
        own = set()
        title = self._title(ctx)
        if title is not None and self._CITED_TITLE.search(text, 0, title):
            return own, []  # a report of a study tour, a collection of cases: other places by design
        for s, _, unit, _, _ in mentions:
            if title is not None and s < title and unit is not None:
                own.add(unit[0] or unit[1])  # a province in the title (浙江省政府工作报告): all of it
        if counts:
            ranked = sorted(counts.values(), reverse=True)
            top = max(counts, key=counts.get)
            if ranked[0] >= 2 and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1]):
                own.add(top)
        out = []
        cited = False
        for i, (s, e, unit, places, acting) in enumerate(mentions):
            if unit is None or unit[0] is None:
                continue
            # a list of places (成都、武汉) is a set of places, not a speaker
            if (i and 0 < s - mentions[i - 1][1] <= 1) or (i + 1 < len(mentions) and 0 < mentions[i + 1][0] - e <= 1):
                continue
            if not acting:
                continue
            cited = cited or self._cited(ctx, s)
            out.append((s, e, unit[0], unit[1], places))
        # a draft that introduces places as examples (学习借鉴先进地区经验：…) cites them knowingly
        return own, ([] if cited else out)

    def _mentions_acting(self, ctx, hits) -> list[tuple]:
        """(start, end, unit, places, acting) of each mention (a chain of divisions: 许昌市
        魏都区, 顺义区+a street), acting: it opens a clause as its subject, not a place
        mentioned as such (for a mention of one prefecture-level unit)."""
        from ..knowledge_places import related, unit_of

        text = ctx.text
        out = []
        for chain in _chains(hits):
            places = list(chain[0][3])
            for link in chain[1:]:  # 南京市鼓楼区: the 鼓楼区 inside 南京市
                places = [p for p in link[3] if any(related(p.code, q.code) for q in places)] or list(link[3])
            units = {unit_of(p) for p in places}
            unit = units.pop() if len(units) == 1 else None
            s, e = chain[0][0], chain[-1][1]
            acting = (unit is not None and unit[0] is not None and not self._as_place(text, s, e)
                      and self._opens_clause(text, s) and self._acts(ctx, e))
            out.append((s, e, unit, places, acting))
        return out

    _OPENER = compile_cached(r"(?:以来|年来|期间|近年|今年|去年|目前|当前|如今|同时|此外|据悉|据了解)[，,]\s*$")

    def _opens_clause(self, text: str, start: int) -> bool:
        """The name opens a paragraph or a sentence (or follows an opener: 近年来，)."""
        i = start - 1
        while i >= 0 and text[i] in " \t　":
            i -= 1
        if i < 0 or text[i] in "\n\r。！？；!?;":
            return True
        return bool(self._OPENER.search(text, max(0, start - 12), start))

    # a place cited as an example to learn from (学习借鉴先进地区经验 / 例如，安吉县…)
    _CITED = compile_cached(r"借鉴|学习.{0,6}(?:经验|做法)|先进(?:地区|经验|典型|做法)|典型|案例|经验做法|外地|兄弟|周边|标兵|追兵|"
                        r"对标|比学赶超|你追我赶|不进则退|例如|比如|譬如|又如|如[：:]")
    _CITED_TITLE = compile_cached(r"考察|调研|观摩|学习|借鉴|经验|交流|案例|汇编|选编|典型|巡礼|综述|动态|简报|集锦")
    _CITED_STRICT = compile_cached(r"借鉴|先进(?:地区|经验|典型|做法)|典型(?:案例|经验)|外地|兄弟(?:省|市|县|区|地区|单位)|"
                               r"对标|例如|比如|譬如|又如|如下[：:]")

    def _cited(self, ctx, start: int) -> bool:
        """The sentence before the name, or the short heading above its paragraph, says the
        places that follow are examples to learn from."""
        from bisect import bisect_right

        text = ctx.text
        head = max(text.rfind(c, 0, start) for c in "。！？；!?;\n") + 1
        if self._CITED.search(text, head, start):
            return True
        # the last paragraph with text before the first one ending past start
        paragraphs = ctx.paragraphs
        ends = ctx.cached(("mixed", "paragraph ends"), lambda: _ends_in_order(paragraphs))
        if ends is not None:
            k = bisect_right(ends, start)
        else:
            k = next((i for i, p in enumerate(paragraphs) if p.end > start), len(paragraphs))
        prev = None
        for i in range(k - 1, -1, -1):
            p = paragraphs[i]
            if text[p.start:p.end].strip():
                prev = p
                break
        if prev is not None:
            line = text[prev.start:prev.end].strip()
            if self._CITED_STRICT.search(line) or (len(line) <= 30 and self._CITED.search(line)):
                return True
        return False

    _AFTER = compile_cached(r"(?:[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))?(?:县委|市委|区委|州委|旗委|盟委|党委|党工委|工委|县政府|市政府|区政府|政府)?")

    def _acts(self, ctx, end: int) -> bool:
        """What follows the name is a verb, an adverb or a preposition (绵阳牢固树立, 上海，正)."""
        from .tagged import word_tags

        text = ctx.text
        m = self._AFTER.match(text, end)
        j = m.end() if m else end
        if j < len(text) and text[j] in "，,":
            return True
        cuts = sorted(c for c in ctx.seg.cuts(j, min(len(text), j + 4)) if c > j)
        if not cuts:
            return False
        word = text[j:cuts[0]]
        return word_tags().has(word, self.ACT_TAGS)

    ACT_TAGS = ("v", "d", "p", "ad", "vd", "a")

    @staticmethod
    def _title(ctx):
        """End of the title (the first line when it is short and not a sentence), or None."""
        text = ctx.text
        for p in ctx.paragraphs:
            line = text[p.start:p.end].strip()
            if not line:
                continue
            if len(line) <= 40 and not re.search(r"[。！？；!?;]", line):
                return p.end
            return None
        return None

    def _mixed(self, ctx):
        from ..knowledge_places import gazetteer, related

        own, cands = self._mixed_candidates(ctx)
        gaz = gazetteer()
        others = [c for c in cands if not any(related(p.code, o) for p in c[4] for o in own)]
        if len({c[2] for c in others}) < 3 or len({c[3] for c in others}) < 2:
            return
        seen = set()
        for s, e, unit, province, places in others:
            if unit in seen:
                continue  # one finding for each place's material: its first mention
            seen.add(unit)
            where = "、".join(dict.fromkeys(gaz.describe(p.code) for p in places[:3]))
            yield s, e, {"place": where}

    # ----- people -----------------------------------------------------------------------


def _ends_in_order(paragraphs) -> list[int] | None:
    """The paragraphs' ends, for bisect; None when they are not in order."""
    from operator import attrgetter, le

    ends = list(map(attrgetter("end"), paragraphs))
    return ends if all(map(le, ends, ends[1:])) else None
