"""Word .docx drafts, read straight from the package XML (core/docx_xml.py): the body's
paragraphs with style, outline level, bold and source, and the headers, footers and
footnotes as regions of their own."""
from __future__ import annotations

from ..docx_xml import (MAX_PART, MAX_TOTAL, SKIP, W, Collector, Fields, Reader, Styles, body_paragraphs,  # noqa: F401
                        core_dates, join_pieces, main_part, para_text, w)
from ..document import Document, Region

# The names this module had before docx_xml.py held them (tests and older code use them).
_Reader, _Styles, _Collector, _SKIP, _para_text, _join = Reader, Styles, Collector, SKIP, para_text, join_pieces


def load_docx(data: bytes, path: str | None = None) -> Document:
    rd = Reader(data, path)
    main, root, body, rels, styles = main_part(rd, path)
    col = Collector(styles)
    col.block(body, "", [0, 0])
    col.finish()
    text, paras = join_pieces(col.pieces)

    regions = []
    for kind, label, suffix in (("header", "页眉", "/header"), ("footer", "页脚", "/footer"),
                                ("footnote", "脚注", "/footnotes")):
        targets = sorted({t for typ, t in rels.values() if typ.endswith(suffix)})
        rc = Collector(styles)
        for i, target in enumerate(targets, 1):
            part = rd.xml(target)
            if part is None:
                continue
            if kind == "footnote":
                for fn in part.iter(w("footnote")):
                    if fn.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    rc.block(fn, label, [0, 0])
            else:
                rc.block(part, f"{label}{i}", [0, 0])
        rc.finish()
        # The same header text repeated across sections is one region line, not many.
        seen, uniq = set(), []
        for piece in rc.pieces:
            if piece[0].strip() and piece[0] not in seen:
                seen.add(piece[0])
                uniq.append(piece)
        if uniq:
            rtext, rparas = join_pieces(uniq)
            regions.append(Region(kind, rtext, rparas))
    return Document(text=text, paragraphs=paras, path=path, kind="docx", encoding=None,
                    extra_regions=regions, raw=data, meta=core_dates(rd))
