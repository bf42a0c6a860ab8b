"""A cleaned copy: safe fixes applied (site junk deleted, half-width punctuation made
full-width, and any suggestions the user accepted), everything else left as it was."""
from __future__ import annotations

import io

from ..document import Document
from .docx_edit import DocxBody
from .save import encode_text

SAFE_RULES = ("punctuation.halfwidth", "punctuation.halfwidth-parens", "punctuation.straight-quotes",
              "punctuation.straight-single-quotes")


def edits_for(doc_text: str, findings, accepted=(), categories=None) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for the safe fixes, non-overlapping, in text order.

    ``categories`` limits them (the window's one-click fix of one category)."""
    edits = []
    accepted = {id(f) for f in accepted}
    for f in findings:
        if f.region != "body" or f.end <= f.start or (categories and f.category not in categories):
            continue
        if f.category == "site_junk":
            s, e = f.start, f.end
            ls = doc_text.rfind("\n", 0, s) + 1
            le = doc_text.find("\n", e)
            le = len(doc_text) if le < 0 else le
            if not doc_text[ls:s].strip() and not doc_text[e:le].strip():
                s, e = ls, min(len(doc_text), le + 1)  # the whole line goes, with its break
            edits.append((s, e, ""))
        elif f.suggestion is not None and (f.rule in SAFE_RULES or id(f) in accepted):
            edits.append((f.start, f.end, f.suggestion))
    edits.sort()
    out = []
    for s, e, t in edits:
        if out and s < out[-1][1]:
            continue
        out.append((s, e, t))
    return out


def apply_edits(text: str, edits) -> str:
    for s, e, t in reversed(edits):
        text = text[:s] + t + text[e:]
    return text


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
