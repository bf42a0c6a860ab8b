"""The speaker's own place, inferred from the draft (kind ``locality``, check ``place``).

When the user gives no locality and the draft does not anonymise its own place, the draft
may still say which county or city it speaks for: its title or the lines under it
(海拉尔区2012年政府工作报告, ——在某县经济工作会议上的讲话), or its signature (中共某县委
／某县人民政府 with the date), and its body speaks of itself as 我县、全区、本市.  A draft
whose opening or signature names one such place (and no other), and whose body speaks of
itself so, is taken to be that place's; a place of another prefecture then reported by the
place check is one the draft uses as its own (a slogan “平安某地”, 某县委坚持…, 我们某地,
把某地建设成为…) -- never one mentioned as a place.  A mixin of LocalityRule (locality.py).
"""
from __future__ import annotations

import re
from operator import itemgetter

from ..spans import merged_list
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

# the draft speaks of itself: 我县, 全区, 本市, 我们县 (not 我国, 全省 of a county's report)
_SELF = compile_cached(r"(?:我们?|全|本)(?:县|市|区|镇|乡|州|旗|盟)(?![长委政])")
# a title that reports on other places by design: a study tour, a collection of cases
# (学习贯彻…精神 is not one: 学习 only as a study tour)
_CITED_TITLE = compile_cached(r"考察|调研|观摩|学习考察|外出学习|赴.{0,12}学习|借鉴|经验交流|交流材料|案例|汇编|选编|典型|巡礼|综述|"
                          r"动态|简报|集锦|对口|帮扶|协作|援建|支援|结对")
# a document number (发文字号) above a notice's title: its issuer is abbreviated (菏定安发〔2016〕17号:
# 菏泽市定陶区安委会), and the characters of an abbreviation are no place's name (定安)
_DOC_NUMBER = compile_cached(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号")
_OPENING_LINES = 4      # the title and the lines under it (subtitle, date, speaker)
_OPENING_WIDTH = 60     # longer: a sentence of the body, not a title line
_CLOSING_LINES = 3      # the signature and the date
_CLOSING_WIDTH = 30


class OwnPlace:
    def _own_place(self, ctx):
        """(the draft's own divisions, where they were read) or None; cached per review."""
        return ctx.cached(("own-place", self.id), lambda: self._infer_own(ctx))

    def _edge_lines(self, ctx):
        """The opening lines (title, subtitle) and the closing ones (signature, date), as
        (start, end) of short lines that are not sentences."""
        from bisect import bisect_right

        text = ctx.text
        js, je = merged_list(ctx.junk)

        def junk(s, e):  # a website's header or footer line says nothing of the draft
            k = bisect_right(js, s) - 1
            return k >= 0 and e <= je[k]

        def line(p):  # the paragraph's text, or "" for a blank one or one of junk
            got = text[p.start:p.end].strip()
            return got if got and not junk(p.start, p.end) else ""

        # Of the paragraphs that are not blank nor junk, only the first few and the last
        # few are read: a long draft is not walked through.
        paragraphs = ctx.paragraphs
        opening = []
        last = -1  # the paragraph of the last opening line
        for i, p in enumerate(paragraphs):
            got = line(p)
            if not got:
                continue
            if len(got) > _OPENING_WIDTH or re.search(r"[。！？；!?;]", got):
                break
            if _DOC_NUMBER.fullmatch(got):
                continue
            opening.append((p.start, p.end))
            last = i
            if len(opening) == _OPENING_LINES:
                break
        closing = []
        for i in range(len(paragraphs) - 1, last, -1):  # the last lines after the opening ones
            p = paragraphs[i]
            got = line(p)
            if not got:
                continue
            if len(got) > _CLOSING_WIDTH or re.search(r"[。！？；!?;，,]", got):
                break
            closing.append((p.start, p.end))
            if len(closing) == _CLOSING_LINES:
                break
        return opening, closing

    def _infer_own(self, ctx):
        from ..knowledge_places import related

        text = ctx.text
        opening, closing = self._edge_lines(ctx)
        if any(_CITED_TITLE.search(text, s, e) for s, e in opening):
            return None
        if not _SELF.search(text):
            return None
        hits = self._place_hits(ctx)
        found = []  # (where, places) of the divisions the opening and the closing name
        for where, spans in (("标题", opening), ("署名", closing)):
            for s, e in spans:
                for chain in _chains(_within(hits, s, e)):
                    cs, ce = chain[0][0], chain[-1][1]
                    if self._as_place(text, cs, ce):
                        continue
                    places = _narrowed(chain)
                    places = [p for p in places if p.level != "province"]
                    if places:
                        found.append((where, places))
        if not found:
            return self._own_from_body(ctx, hits)
        # one place (or one chain of places inside each other), named however often
        own = found[0][1]
        for _, places in found[1:]:
            inside = [p for p in places if any(related(p.code, o.code) for o in own)]
            if not inside:
                return None  # two places: no single one is the draft's
            # keep the deeper of the two (浙江省乐清市 then 乐清市)
            if all(len(p.code.rstrip("0")) >= len(o.code.rstrip("0")) for p in inside for o in own):
                own = inside
        if len({p.code for p in own}) > 2:
            return None  # a short name shared by several places (朝阳): not one place
        return own, "、".join(dict.fromkeys(w for w, _ in found))

    def _own_from_body(self, ctx, hits):
        """The place the body names most often, when it names it far more than any other
        and at least once as the speaker's own (中共某县委, 某县人民政府, 我们某地)."""
        from .kinds import spliced

        # what each mention is depends on its line and a few characters around it
        # (_as_place, the unit after it): kept for the lines an edit did not touch
        mentions, _ = spliced(ctx, "own-body:" + self.full_id, None, (8, 12),
                              lambda lo, hi, stop: (self._mentions(ctx, _within(hits, lo, hi)), []))
        counts: dict[str, int] = {}
        own_form: dict[str, list] = {}
        for _, _, key, places, own in mentions:
            counts[key] = counts.get(key, 0) + 1
            if own:
                own_form[key] = places
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n < 3 or n < 3 * second or top not in own_form:
            return None
        return own_form[top], "正文"

    def _mentions(self, ctx, hits) -> list[tuple]:
        """(start, end, key, places, named as its own) of the divisions the hits name, not
        as a place mentioned (_as_place) and not several."""
        text = ctx.text
        out = []
        for chain in _chains(hits):
            cs, ce = chain[0][0], chain[-1][1]
            if self._as_place(text, cs, ce):
                continue
            places = [p for p in _narrowed(chain) if p.level != "province"]
            if not places or len({p.code for p in places}) > 2:
                continue
            key = "|".join(sorted(p.code for p in places))
            own = bool(_UNIT_AFTER.match(text, ce) or _OWN_BEFORE.search(text, max(0, cs - 2), cs))
            out.append((cs, ce, key, places, own))
        return out


# a division named as the speaker's own: 中共某县委, 某县人民政府, 某区某镇人民政府, 我们某地
_UNIT_AFTER = compile_cached(r"(?:[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))?(?:县|市|区|旗)?(?:委|人民政府|政府|人大|政协)")
_OWN_BEFORE = compile_cached(r"(?:中共|我们|咱们)$")
# another place used as the draft's own (kept strict: a draft mentions other places often)
_SLOGAN_BEFORE = compile_cached(r"“[\u4e00-\u9fff]{0,4}$")    # “平安某地”, “五个某地”
_SLOGAN_AFTER = compile_cached(r"[\u4e00-\u9fff]{0,2}”")
_OWN_AS_BEFORE = compile_cached(r"(?:中共|我们|咱们|把|关心(?:和|、)?支持)$")
_BUILD_AFTER = compile_cached(r"(?:建设|打造|建)成(?:为)?")
_ORGAN_AFTER = compile_cached(r"(?:县|市|区|旗)?(?:委|人民政府|政府)")
_ORGAN_PAIR = compile_cached(r"、(?:县|市|区|旗)(?:委|人民政府|政府)")


def used_as_own(rule, ctx, start: int, end: int) -> bool:
    """The place at start..end is the subject of the draft's own slogan, organs or plans:
    “平安某地”, 中共某县委, 某县委、县政府, 某县委坚持…, 我们某地, 把某地建设成为…,
    关心支持某地发展."""
    text = ctx.text
    if _SLOGAN_BEFORE.search(text, max(0, start - 5), start) and _SLOGAN_AFTER.match(text, end, end + 3):
        return True
    before = text[max(0, start - 4):start]
    if before.endswith("把"):
        return bool(_BUILD_AFTER.match(text, end, end + 4))
    if _OWN_AS_BEFORE.search(before):
        return True
    m = _ORGAN_AFTER.match(text, end, end + 6)
    if m:
        return bool(_ORGAN_PAIR.match(text, m.end(), m.end() + 5)) or rule._acts(ctx, end)
    return False


def _within(hits, start: int, end: int) -> list:
    """The hits (by start) that lie in start..end."""
    from bisect import bisect_left

    out = []
    for i in range(bisect_left(hits, start, key=_START), len(hits)):
        h = hits[i]
        if h[0] >= end:
            break
        if h[1] <= end:
            out.append(h)
    return out


_START = itemgetter(0)


def _chains(hits):
    """Divisions written one after the other (南京市鼓楼区) as one mention."""
    chains: list[list] = []
    for h in hits:
        if chains and h[0] == chains[-1][-1][1]:
            chains[-1].append(h)
        else:
            chains.append([h])
    return chains


def _narrowed(chain):
    from ..knowledge_places import related

    places = list(chain[0][3])
    for link in chain[1:]:
        places = [p for p in link[3] if any(related(p.code, q.code) for q in places)] or list(link[3])
    return places
