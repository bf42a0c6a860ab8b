"""A cleaned copy: safe fixes applied (site junk deleted, half-width punctuation made
full-width, and any suggestions the user accepted), everything else left as it was."""
from __future__ import annotations

import io
import re

from ..document import Document, common_prefix, common_suffix
from .docx_edit import DocxBody
from .save import encode_text

SAFE_RULES = ("punctuation.halfwidth", "punctuation.halfwidth-parens", "punctuation.straight-quotes",
              "punctuation.straight-single-quotes", "punctuation.halfwidth-period",
              "punctuation.halfwidth-comma-latin")


def fixable(f) -> bool:
    """The user can accept ``f``: it has a suggestion, or it is site junk (deleted with its
    line by edits_for); only in the body, and only a span of text."""
    return (f.suggestion is not None or f.category == "site_junk") and f.end > f.start and f.region == "body"


def edits_for(doc_text: str, findings, accepted=(), categories=None) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for the safe fixes, non-overlapping, in text order.

    ``categories`` limits them (the window's one-click fix of one category)."""
    edits = []
    accepted = {id(f) for f in accepted}
    for f in findings:
        if f.region != "body" or f.end <= f.start or (categories and f.category not in categories):
            continue
        if f.category == "site_junk":
            edits.append(junk_edit(doc_text, f.start, f.end, f.suggestion))
        elif f.suggestion is not None and (f.rule in SAFE_RULES or id(f) in accepted):
            edits.append((f.start, f.end, f.suggestion))
    edits.sort()
    out = []
    for s, e, t in edits:
        if out and not t and not out[-1][2] and s <= out[-1][1]:  # deletions that touch: one
            out[-1] = (out[-1][0], max(out[-1][1], e), "")
            continue
        if out and s < out[-1][1]:
            continue
        out.append((s, e, t))
    for k, (s, e, t) in enumerate(out):
        # a deleted block of lines framed by blank lines takes one of them along
        nxt = out[k + 1][0] if k + 1 < len(out) else len(doc_text)
        if (not t and e < nxt and doc_text[e:e + 1] == "\n" and (s == 0 or doc_text[s - 2:s] == "\n\n")
                and (s == 0 or doc_text[s - 1] == "\n") and (e == 0 or doc_text[e - 1] == "\n")):
            out[k] = (s, e + 1, t)
    return out


_TERMINAL = set("。！？!?；;…”’」』）)】》:：.")
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}\s*[、.．]|第[一二三四五六七八九十\d]{1,3}[章节条部分])")


def ends_mid_sentence(text: str, end: int) -> int | None:
    """Where the paragraph before ``end`` stops, when it stops in the middle of a sentence.

    Only a paragraph (40 characters or more) counts: a short line without a full stop is
    a title, a label or a list item, not a broken sentence.  Blank lines are skipped."""
    pe = end
    while pe > 0 and text[pe - 1].isspace():
        pe -= 1
    if pe == 0:
        return None
    ps = text.rfind("\n", 0, pe) + 1
    last = text[pe - 1]
    if pe - ps < 40 or last in _TERMINAL or not (last.isalnum() or last in "，,、"):
        return None
    return pe


def continues_sentence(text: str, start: int) -> bool:
    """The text from ``start`` (after blanks) goes on with a sentence rather than a new part."""
    m = re.compile(r"[ \t\u3000]*").match(text, start)
    i = m.end()
    return i < len(text) and text[i] not in "\r\n" and not _HEADING.match(text, i)


def junk_edit(text: str, s: int, e: int, suggestion: str | None = None) -> tuple[int, int, str]:
    """The edit that removes one junk finding and rejoins what it interrupted.

    A finding with a suggestion (junk glued to a word it shows for context) becomes the
    smallest edit that turns its text into the suggestion.  A finding that is the whole
    line takes its line break along (and one of two blank lines around it).  When the junk
    cut a sentence in two (a page number at the start of a line that goes on with the
    previous paragraph's unfinished sentence), the two halves are joined again."""
    if suggestion is not None:
        span = text[s:e]
        p = common_prefix(span, suggestion)
        q = common_suffix(span, suggestion, min(len(span), len(suggestion)) - p)
        s, e, repl = s + p, e - q, suggestion[p:len(suggestion) - q]
        if repl:
            return s, e, repl
        if s < e and text[s] == "\n" and (e == len(text) or text[e] in "\r\n"):
            # "…tail⏎⏎header": delete the header's own lines instead of the tail's break
            s, e = s + 1, min(len(text), e + 1)
            return s, e, ""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    before_blank = not text[ls:s].strip()
    after_blank = not text[e:le].strip()
    if before_blank and after_blank:  # the whole line goes, with its break
        s, e = ls, min(len(text), le + 1)
        joined = ends_mid_sentence(text, s)
        if joined is not None and continues_sentence(text, e):
            nxt = re.compile(r"\s*").match(text, e).end()
            return joined, nxt, ""
        return s, e, ""
    if before_blank:  # junk at the start of a line that goes on: a page break inside a sentence
        joined = ends_mid_sentence(text, ls)
        if joined is not None and continues_sentence(text, e):
            return joined, e, ""
    return s, e, ""


def apply_edits(text: str, edits) -> str:
    edits = list(edits)
    if all(s <= e for s, e, _ in edits) and all(a[1] <= b[0] for a, b in zip(edits, edits[1:])):
        # in text order, not overlapping (edits_for): one join, linear in the text
        # (10,000 punctuation fixes on 300k characters: milliseconds, not minutes)
        out, pos = [], 0
        for s, e, t in edits:
            out += (text[pos:s], t)
            pos = e
        out.append(text[pos:])
        return "".join(out)
    for s, e, t in reversed(edits):
        text = text[:s] + t + text[e:]
    return text


def _join_paragraphs(body, first: int, last: int, end: int) -> None:
    """Delete up to ``end`` inside paragraph ``last`` and append the rest of it to ``first``
    (a sentence a page break had cut in two becomes one paragraph again)."""
    if end > body.starts[last]:
        body.replace(body.starts[last], end, "")
    target = body.paras[first][1][-1]
    for p in body.paras[last][1]:
        for child in list(p):
            if child.tag != target.tag.replace("}p", "}pPr"):
                target.append(child)
    body.remove_paragraphs(first + 1, last)


def cleaned(doc: Document, report, accepted=()) -> bytes:
    """The cleaned draft as bytes of the same kind (.docx stays .docx, .txt keeps its encoding)."""
    edits = edits_for(doc.text, report.findings, accepted)
    if doc.raw is None:
        newline = "\r\n" if "\r\n" in doc.text else "\n"
        text = apply_edits(doc.text, edits).replace("\r\n", "\n")
        return encode_text(text, doc.encoding, newline)
    import docx

    d = docx.Document(io.BytesIO(doc.raw))
    body = DocxBody(d)
    for s, e, t in reversed(edits):
        first, last = body.para_at(s), body.para_at(max(s, e - 1))
        whole = (t == "" and s == body.starts[first] and
                 (e >= len(body.text) or e == body.starts[last] + len(body.paras[last][0]) + 1))
        if whole:
            body.remove_paragraphs(first, last)
        elif t == "" and first < last and s == body.starts[first] + len(body.paras[first][0]):
            _join_paragraphs(body, first, last, e)
        elif first == last:
            body.replace(s, e, t)
        else:  # a span across paragraphs: clear the text, keep the paragraphs
            for i in range(last, first - 1, -1):
                ps = max(s, body.starts[i])
                pe = min(e, body.starts[i] + len(body.paras[i][0]))
                if pe > ps:
                    body.replace(ps, pe, t if i == first else "")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
