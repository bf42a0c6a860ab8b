"""Text repeated by accident: the title again in the next lines, a paragraph or a sentence
twice (the paragraphs and sentences are compared in repeats.py)."""
from __future__ import annotations

import re

from .paragraph_text import _PARAGRAPHS, _SENTENCES, _DATE_ONLY, _clear, _in_junk, _index, _strip, title_paragraph  # noqa: F401
from .repeats import find_doubled, find_near, find_repeats  # noqa: F401
from ...cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_TITLE_TAIL = compile_cached(r"[（(][一二三四五六七八九十\d]{1,2}[）)]$|[（(]?(?:精选|通用)?\d*篇[）)]?$")
_STOPS = "。，；！？,;!?"  # (the half-width marks too: a site folds the full-width ones)
_PIECE = compile_cached(r"篇[一二三四五六七八九十\d]{1,3}(?![\u4e00-\u9fff])|第[一二三四五六七八九十\d]{1,3}篇|【篇")
_PIECE_NUMBER = compile_cached(r"\s*[（(]?[0-9一二三四五六七八九十]{1,2}[）)]?")
# a piece's number run into its first words or heading (……方案1一、活动目的, ……方案15为丰富……)
_GLUED_NUMBER = compile_cached(r"[ \t\u3000]*\d{1,2}(?=[\u4e00-\u9fff])(?!篇)")
_HAN = compile_cached(r"[\u4e00-\u9fff]")
_SEGMENT = compile_cached(r"[^ \t　.。．|｜/]+")
_SEP = " \t　.。．,，、·|｜/-—_"
_DASH = ("—", "-", "－", "–", "─")
# a notice that issues a plan or rules (……现印发给你们，请认真贯彻落实): the title given again below
# it heads the document issued, not a repeat
_ISSUING = compile_cached(r"(?:现|予以|现予|特)印发|印发给你们|印发如下")
# a genre's name: the words after a line's first words that make a title of their own (清远市政务服务
# 数据管理局 ⏎ 清远市政务服务数据管理局2021年工作总结: the first line was the site's header)
_GENRE_WORD = compile_cached(r"总结|计划|方案|讲话|报告|发言|致辞|贺词|心得|体会|述职|主持词|汇报|要点|意见|通知")
# a unit's name alone, the letterhead a page put above the real title (……人民政府办公室, ……筹备小组,
# 某某县城市管理局); not a title that ends in such a word (建设人民满意的服务型政府, 开创发展新局).
# The twin of repeats._OFFICE_LINE (an issuer's name over a notice and at its signature, no repeated
# paragraph), kept apart: that one takes any line ending in 局 and no associations; one pattern for
# both would change which paragraphs and titles are reported.
_LETTERHEAD = compile_cached(r"^[^的，,、。\s]{2,24}(?:办公室|委员会|人民政府|筹备小组|领导小组|协会|商会|学会|研究会|书画社|联合会|"
                             r"办事处|党委|党组|总支|工会|团委|妇联|[省市县区]\S{0,8}[局厅])$")
_SITE_WORD = compile_cached(r"(?:范文|模板|例文|精选|大全|汇编|合集|通用|完整版|最新)+")


def _bigrams(s: str) -> set:
    s = re.sub(r"[\W_]+", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similar(a: str, b: str) -> float:
    """Share of the shorter string's character pairs found in the other (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def _variant(a: str, b: str) -> bool:
    """b is a rewording of the title a (在创建“平安某某”…的讲话 / 在建设平安创建…的讲话)."""
    la, lb = len(a.strip()), len(b.strip())
    if min(la, lb) < 6 or not 0.6 <= lb / la <= 1.6:
        return False
    return similar(a, b) >= 0.55


def _doubled(text, s, e, core=None) -> tuple[int, int] | None:
    """The start of a line that gives the title twice: 标题标题, 标题 标题, or two wordings of
    it (2023年镇人民政府政府工作报告 镇人民政府2023年政府工作报告)."""
    n = e - s
    run_end = s  # separators are skipped once, not again for every k (a line of 。 is long)
    for k in range(6, min(80, n // 2) + 1):
        q = s + k
        if q < run_end:
            q = run_end
        else:
            while q < e and text[q] in _SEP:
                q += 1
            m = _SITE_WORD.match(text, q, e)  # 标题范文标题: a site's label glued between the copies
            if m:
                q = m.end()
                while q < e and text[q] in _SEP:
                    q += 1
            run_end = q
        seg = text[s:s + k]
        if q + k <= e and text[q:q + k] == seg and not any(c in seg for c in "，,。！？；：:") \
                and len(_HAN.findall(seg)) >= 4 and (core is None or seg == core or _variant(core, seg)):
            return s, q + k
    segs = [(m.start(), m.end()) for m in _SEGMENT.finditer(text, s, min(e, s + 170))][:2]
    if len(segs) == 2 and segs[0][0] == s:
        a, b = text[slice(*segs[0])], text[slice(*segs[1])]
        if (min(len(a), len(b)) >= 6 and not any(c in a + b for c in "，,：:；;！？")
                and (a in b or b in a or _variant(a, b))
                and (core is None or _variant(core, a) or _variant(core, b))):
            return s, segs[1][1]
    if core:
        pos = text.find(core, s + 6, min(e, s + 2 * len(core) + 8))
        if pos > s:
            head = text[s:pos].strip(_SEP)
            if head and not any(c in head for c in "。！？；，,：:") and _variant(core, head):
                return s, pos + len(core)
    return None


# the marks that end a clause, colons with them: a line holding one is no title (no "title-like"
# twin, no lead that is only a title)
_CLAUSE_MARKS = frozenset(_STOPS + "：:")


def _twin_head(text, paragraphs, junk, lines=8) -> tuple[int, int] | None:
    """The second of two lines in a row among the first ``lines`` lines that are the same
    title-like line (4 to 60 characters, no stop), blank lines between them at most -- junk
    lines too, as the site's title line given twice is a title written twice."""
    prev = None
    seen = 0
    menu: list[str] = []  # the short lines since a title naming a genre (the page's menu items)
    for p in paragraphs:
        s, e = _clear(text, p.start, p.end, junk)
        if s == e or _in_junk(junk, s, e):
            # (a line the page's junk covers whole is compared too: the site's title given twice
            # in a row -- ……工作计划范文 ⏎ ……工作计划范文 -- is the title written twice)
            s, e = _strip(text, p.start, p.end)
            if s == e or not _GENRE_WORD.search(text, s, e):
                continue  # (only a junk line naming a genre: not a watermark or a button given twice)
        seen += 1
        if seen > lines:
            break
        key = re.sub(r"\s+", "", text[s:e])
        if (prev is not None and key == prev and 4 <= len(key) <= 60 and not _CLAUSE_MARKS.intersection(key)
                and not _DATE_ONLY.fullmatch(key)):  # (an e-paper's date over each of its bars)
            return s, e
        # the title naming its genre again after a few of the page's menu items, short lines with
        # no mark (秋季开学典礼讲话稿 ⏎ 发布者微信 ⏎ 我们的节日 ⏎ 秋季开学典礼讲话稿)
        if menu and key == menu[0]:
            return s, e
        if menu and len(key) <= 12 and len(menu) <= 3 and not _CLAUSE_MARKS.intersection(key):
            menu.append(key)
        elif 6 <= len(key) <= 60 and _GENRE_WORD.search(key) and not _CLAUSE_MARKS.intersection(key):
            menu = [key]
        else:
            menu = []
        prev = key
    return None


def find_title(text, paragraphs, junk, min_length=8):
    """The title given again: doubled in its own line or at the start of a line just below
    it, repeated after the site's header lines (before the salutation), glued to the
    salutation (标题同志们：) or reworded on the line right below it."""
    junk = _index(junk)
    twin = _twin_head(text, paragraphs, junk)
    if twin:
        # a title line given twice in a row near the top, whatever line the page put above
        # it (爱问知识人 爱问教育 ⏎ 小学安全工作汇报 ⏎ 小学安全工作汇报)
        yield twin[0], twin[1], {"title": text[twin[0]:twin[1]].strip()[:40]}
    told = [twin] if twin else []
    for s, e, extra in _find_title(text, paragraphs, junk, min_length):
        if not twin or e <= twin[0] or s >= twin[1]:
            told.append((s, e))
            yield s, e, extra
    for s, e, key in _collection_twins(text, paragraphs):
        if not any(s < b and a < e for a, b in told):
            yield s, e, {"title": key[:40]}


# a collection page's title, its count of pieces and the site's words taken off (……方案(精选6篇),
# 【精华】……总结七篇, ……讲话(模板14篇)): the key two lines giving the one title share
_COUNT_TAIL = compile_cached(r"(?:[（(][^（）()\n]{0,4}?[0-9一二三四五六七八九十百]{1,3}篇[）)]|[0-9一二三四五六七八九十百]{1,3}篇)$")
_BADGE = compile_cached(r"^[【\[][^】\]]{1,4}[】\]]|[【\[][^】\]]{1,4}[】\]]$")
_SITE_TAIL = compile_cached(r"(?:范文|模板|例文|精选|大全|汇编|合集|通用|优秀|最新|精华|精品)+$")
# a piece's bare number ends the line: the next piece's header (……致辞1, ……讲话(2)); its 篇1, 第1篇 and
# 【篇一】 anywhere are _PIECE's
_PIECE_TAIL = compile_cached(r"(?:(?<!\d)\d{1,2}|[【\[（(](?:篇|第)?[一二三四五六七八九十\d]{1,3}[】\]）)])[:：]?$")


def _collection_key(line: str) -> tuple[str, bool] | None:
    """The line's key and whether the line is a collection's (a count of pieces or the site's
    badge taken off), or None for no title-like line."""
    key = re.sub(r"\s+", "", line)
    if not 6 <= len(key) <= 60 or _CLAUSE_MARKS.intersection(key) or _PIECE_TAIL.search(key) or _PIECE.search(key):
        return None
    unbadged = _BADGE.sub("", key)
    uncounted = _COUNT_TAIL.sub("", unbadged)
    bare = _SITE_TAIL.sub("", uncounted)
    if len(bare) < 6 or len(_HAN.findall(bare)) < 4:
        return None
    return bare, unbadged != key or uncounted != unbadged


def _collection_twins(text, paragraphs, reach=2000):
    """A title line near the top given again, the site's lines (its collection title with the count
    of pieces, 【精华】……七篇) counted as well: 项目开工领导致辞 ⏎ … ⏎ 项目开工领导致辞15篇, or the
    collection's title again after the editor's lead-in. duplicate.title's other ways read only
    what is not website junk; this one compares the lines whatever they are, by their key. The
    line given again is a collection's: the piece's own title under the collection's (……总结(十五篇)
    ⏎ ……总结) is the draft's title, and a piece's header (……篇1, ……讲话 第1篇, 【篇一】……) gives the title
    again by design and is left to site junk."""
    seen = set()  # the keys of the lines so far
    for p in paragraphs:
        if p.start > reach:
            break
        got = _collection_key(text[p.start:p.end])
        if got is None:
            continue
        key, site = got
        if key in seen and site:
            yield *_strip(text, p.start, p.end), key
        seen.add(key)


def _find_title(text, paragraphs, junk, min_length):
    found = title_paragraph(text, paragraphs, junk)
    if not found:
        return
    ti, ts, te = found
    title = text[ts:te]
    own = _doubled(text, ts, te)
    if own:
        first = re.split(r"[ \t　.。．|｜/]", text[own[0]:own[1]], maxsplit=1)[0]
        half = text[own[0]:own[0] + (own[1] - own[0]) // 2]
        yield own[0], own[1], {"title": (first if len(first) < own[1] - own[0] else half)[:40]}
        return
    if len(title) > 80 or title.endswith(("。", "：", ":")):
        return
    core = _TITLE_TAIL.sub("", title).strip()
    if not _GENRE_WORD.search(core) and _LETTERHEAD.search(core):
        return  # a unit's name at the head (旺苍县人民政府办公室 ⏎ 旺府办函…): its signature repeats it
    # a title shorter than min_length (述职报告, 升旗仪式) is words a sentence may start with:
    # only a line that is the title and nothing else repeats it
    whole_line_only = len(core) < min_length
    if len(core) < _SHORTEST_TITLE:
        return
    seen = 0
    for k, p in enumerate(paragraphs[ti + 1:], ti + 1):
        s, e = _clear(text, p.start, p.end, junk)
        if s == e or _in_junk(junk, s, e):
            continue
        if s - te > 1500:
            break
        seen += 1
        if _PIECE.search(text, p.start, p.end):
            continue  # the next piece of a collection (……方案篇二) has the same title
        line = text[s:e]
        raw = text[p.start:p.end].strip()
        if raw.startswith("【") or raw.startswith(core) and (
                _PIECE_NUMBER.fullmatch(raw, len(core)) or _GLUED_NUMBER.match(raw, len(core))):
            continue  # a collection's piece (……方案1) or the site's 【title】 before the text: site junk
        if whole_line_only:
            if line.strip() == core:
                yield s, e, {"title": core}
            continue
        if _ISSUING.search(text, te, s):
            break  # (a notice issuing the document whose title follows: 关于……的通知 ⏎ ……现印发给你们)
        pos = line.find(core)
        if (pos == 0 and not _GENRE_WORD.search(core)
                and _GENRE_WORD.search(re.split(r"[\s。，；！？,;!?]", line[len(core):], maxsplit=1)[0][:30])):
            continue  # the title line was a unit's name the page put above the real title
        if pos == 0 or (pos > 0 and len(line) <= len(core) + 30 and not any(c in line for c in _STOPS)):
            if len(line) <= len(core) + 30 and not any(c in line for c in _STOPS):
                yield s, e, {"title": core}
                continue
            end = s + len(core)
            while True:
                q = end
                while q < e and text[q].isspace():
                    q += 1
                if text.startswith(core, q):
                    end = q + len(core)
                else:
                    break
            yield s, end, {"title": core}
            continue
        split = _split_title(text, paragraphs, junk, k, s, e, core)
        if split:
            yield s, split, {"title": core}
            continue
        bare = re.sub(r"\s+", "", line)
        if len(bare) + 4 <= len(core) and core.startswith(bare) and _GENRE_WORD.search(core, len(bare)):
            continue  # who speaks, the title's first words (……会长 谢成波 under ……会长谢成波新年贺词)
        twice = _doubled(text, s, e, core)
        if twice:
            yield twice[0], twice[1], {"title": core}
            continue
        lead = _LEAD_WORDS.match(line) if seen <= 2 else None
        if lead and _variant(core, lead.group(1)) and similar(core, lead.group(1)) >= 0.8:
            # the title reworded at the start of the text's first line, a space before the text
            # (……工作动员大会上的表态发言 今天，市委……)
            yield s, s + lead.end(1), {"title": core}
            continue
        if (seen == 1 and len(line) <= 80 and not any(c in line for c in _STOPS)
                and not line.startswith(_DASH) and _variant(core, line)
                and (not any(c in line for c in "：:") or not line.endswith(("：", ":")) and similar(core, line) >= 0.7)):
            # (a colon inside: a title's two parts, 党课讲稿：……; one at the end introduces the text)
            yield s, e, {"title": core}


# the shortest title whose repetition is reported (as a whole line): 4 characters (工作总结)
_SHORTEST_TITLE = 4

# a line's first words up to a space, with no stop among them, and more text after the space
_LEAD_WORDS = compile_cached(r"([^ \t\u3000。，；！？,;!?：:]{6,80})[ \t\u3000]+(?=[\u4e00-\u9fff])")


_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")


def _split_title(text, paragraphs, junk, k, s, e, core) -> int | None:
    """The title given again broken over two lines (党课讲稿：坚持……走好新的⏎⏎赶考之路): the line
    holds the start of the title (after a label, at most), the next line with text the rest
    and nothing more.  The end of that next line, else None."""
    line = _BLANKS.sub("", text[s:e])  # (blanks compared away: 追风赶月莫停留  平芜尽处是春山)
    core = _BLANKS.sub("", core)
    if len(line) >= len(core) + 12:
        return None
    for p in paragraphs[k + 1:k + 4]:
        ns, ne = _clear(text, p.start, p.end, junk)
        if ns == ne or _in_junk(junk, ns, ne):
            continue
        rest = _BLANKS.sub("", text[ns:ne])
        head = core[:len(core) - len(rest)]
        label = line[:len(line) - len(head)]
        if (2 <= len(rest) <= len(core) - 4 and core.endswith(rest) and line.endswith(head)
                and not any(c in label for c in _STOPS)):
            return ne
        return None
    return None


def find_paragraph(text, paragraphs, junk, min_length=15):
    for s, e, line in find_repeats("paragraph", text, paragraphs, junk, min_length)[0]:
        yield s, e, {"first_line": line}


def find_sentence(text, paragraphs, junk, min_length=20):
    for s, e, line in find_repeats("sentence", text, paragraphs, sentence_junk(text, paragraphs, junk), min_length)[0]:
        yield s, e, {"first_line": line}


def sentence_junk(text, paragraphs, junk):
    """The junk the sentence check leaves out: a site's summary line that repeats the lead
    paragraph (find_lead) is the copy, so the sentences it shares with the text are not
    repeats of the text's.  ``junk`` itself when there is none (the same list: the index
    and the edit's splice are kept)."""
    leads = [(s, e) for s, e, _ in find_lead(text, paragraphs, junk)]
    return sorted([*junk, *leads]) if leads else junk


_LABEL = compile_cached(r"^\s*(?:内容)?(?:摘要|导语|简介|提要|描述|概要|资源描述|文档描述|内容简介|文章简介)\s*[:：】\]]?\s*")
_ELLIPSIS = compile_cached(r"(?:…+|\.{3,}|。{3,})\s*$")


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "，": ",", "：": ":", "；": ";",
                       "（": "(", "）": ")", "！": "!", "？": "?"})


def _norm(s: str) -> str:
    """Text for comparing copies: no blanks, one form of each quote and common mark (a
    site's summary folds “” to straight quotes and ，to , where the speech keeps them)."""
    return re.sub(r"\s+", "", s).translate(_FOLD)


def find_lead(text, paragraphs, junk, min_length=20):
    """A site's summary line that repeats the lead paragraph (often cut with “……”): the
    first paragraphs are looked at, and one whose text the next real text starts with
    again is reported."""
    junk = _index(junk)
    lines = []
    for p in paragraphs:
        s, e = _clear(text, p.start, p.end, junk)
        if s < e and not _in_junk(junk, s, e):
            lines.append((s, e))
        if len(lines) >= 12:
            break
    for i, (s, e) in enumerate(lines[:8]):
        raw = text[s:e]
        m = _LABEL.match(raw)
        body = raw[m.end():] if m else raw
        body = _ELLIPSIS.sub("", body)
        key = _norm(body)
        if len(key) < min_length or not _CLAUSE_MARKS.intersection(body):
            continue  # (a line with no clause in it is a title, which the text runs on from)
        probe = key[:60]
        # the lead may repeat one paragraph, or the title, date and salutation lines and the
        # start of the speech run together (a sharing site's one-line summary)
        joined, repeated = "", False
        for s2, e2 in lines[i + 1:i + 9]:
            part = _norm(text[s2:e2])
            repeated = repeated or part == key  # a title written twice: the title rule's
            joined += part
            if len(joined) > len(key):
                break
        if repeated:
            continue
        s2 = lines[i + 1][0] if i + 1 < len(lines) else e
        if joined != key and joined.startswith(probe) and len(joined) > len(key):
            yield s, e, {"first_line": text.count("\n", 0, s2) + 1}
