"""The .docx package and its WordprocessingML, in one public module: reading parts
safely (size limits, no entities, no network), styles, complex fields, and the walk
that gives each body paragraph its *accepted* text (insertions in, deletions out,
field results in, field instructions out) with its w:p elements.

The loader (loaders/docx.py) builds a Document from it; the writers (export/) edit
the same paragraphs.  python-docx's ``paragraph.text`` skips content controls, simple
fields and tracked insertions and repeats merged table cells, which is why we walk the
XML ourselves.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree

from .document import DocumentError, Paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFFICE_DOC = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
              "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")


XML_NS = "http://www.w3.org/XML/1998/namespace"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def append_text(r, text: str) -> None:
    """Text into a run: w:t pieces (spaces preserved) with w:tab for tabs."""
    for i, part in enumerate(text.split("\t")):
        if i:
            etree.SubElement(r, w("tab"))
        if part:
            t = etree.SubElement(r, w("t"))
            t.text = part
            t.set(f"{{{XML_NS}}}space", "preserve")


MAX_PART = 64 * 1024 * 1024     # one XML part, uncompressed
MAX_TOTAL = 256 * 1024 * 1024   # all parts we read
MAX_RATIO = 200                 # uncompressed / compressed, for parts over 1 MB

# Elements whose content is never document text.
SKIP = {w(t) for t in ("pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "instrText", "delText",
                        "delInstrText", "drawing", "pict", "object", "footnoteReference",
                        "endnoteReference", "commentReference", "annotationRef", "fldData",
                        "tblPr", "tblGrid", "trPr", "tcPr", "proofErr", "bookmarkStart", "bookmarkEnd",
                        "commentRangeStart", "commentRangeEnd", "lastRenderedPageBreak", "txbxContent")}
SKIP.add(f"{{{MC}}}AlternateContent")

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


class Reader:
    def __init__(self, data: bytes, path: str | None):
        self.path = path
        self.total = 0
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as e:
            raise DocumentError(path, "文件已损坏（不是完整的 .docx 压缩包）") from e
        except NotImplementedError as e:
            raise DocumentError(path, "文件使用了不支持的压缩格式（可能已损坏）") from e
        self.names = set(self.zf.namelist())

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.zf.getinfo(name)
        if info.file_size > MAX_PART or (
                info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)):
            raise DocumentError(self.path, f"文件内容解压后异常庞大（{name}），可能是恶意构造的文件，已拒绝打开")
        self.total += info.file_size
        if self.total > MAX_TOTAL:
            raise DocumentError(self.path, "文件内容解压后异常庞大，已拒绝打开")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_PART + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, zlib.error,
                NotImplementedError, RuntimeError) as e:
            raise DocumentError(self.path, f"文件已损坏，无法解压“{name}”") from e
        if len(data) > MAX_PART:
            raise DocumentError(self.path, "文件内容解压后异常庞大，已拒绝打开")
        return data

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, recover=False)
        try:
            return etree.fromstring(data, parser)
        except (etree.LxmlError, ValueError) as e:
            raise DocumentError(self.path, f"文件已损坏（{name} 不是有效的 XML）") from e

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target path inside the package) for a part."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                full = target.lstrip("/")
            else:
                full = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", full)
        return out


class Styles:
    """styleId -> (name, outline level 1..9 or None, bold) resolved along basedOn."""

    def __init__(self, root):
        self.raw = {}
        if root is None:
            return
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            name_el = st.find(w("name"))
            based = st.find(w("basedOn"))
            lvl_el = st.find(f"{w('pPr')}/{w('outlineLvl')}")
            b = st.find(f"{w('rPr')}/{w('b')}")
            self.raw[sid] = (
                name_el.get(w("val")) if name_el is not None else sid,
                based.get(w("val")) if based is not None else None,
                to_int(lvl_el.get(w("val"))) if lvl_el is not None else None,
                b is not None and b.get(w("val")) not in ("0", "false"),
            )
        self.cache: dict[str, tuple[str, int | None, bool]] = {}

    def resolve(self, sid: str | None) -> tuple[str | None, int | None, bool]:
        if not sid or sid not in self.raw:
            return None, None, False
        if sid in self.cache:
            return self.cache[sid]
        name = self.raw[sid][0]
        level, bold = None, None
        seen = set()
        cur = sid
        while cur and cur in self.raw and cur not in seen:
            seen.add(cur)
            cname, based, lvl, b = self.raw[cur]
            if level is None:
                if lvl is not None:
                    level = lvl + 1 if lvl < 9 else 0
                else:
                    m = _HEADING_NAME.match(cname or "")
                    if m:
                        level = int(m.group(1))
            if bold is None and b:
                bold = True
            cur = based
        result = (name, level or None, bool(bold))
        self.cache[sid] = result
        return result


def to_int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


class Fields:
    """Complex fields (w:fldChar begin/separate/end, nested): instructions are hidden,
    results are text."""

    def __init__(self):
        self.stack: list[str] = []

    def update(self, fld_char) -> None:
        kind = fld_char.get(w("fldCharType"))
        if kind == "begin":
            self.stack.append("instr")
        elif kind == "separate" and self.stack:
            self.stack[-1] = "result"
        elif kind == "end" and self.stack:
            self.stack.pop()

    @property
    def hidden(self) -> bool:
        return "instr" in self.stack


def para_text(p) -> tuple[str, bool]:
    """Accepted-view text of one w:p and whether every character is bold."""
    out: list[str] = []
    fields = Fields()
    bold_flags: list[bool] = []

    def hidden() -> bool:
        return fields.hidden

    def walk(el, run_bold):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag == w("r"):
                rpr = child.find(w("rPr"))
                b = None
                if rpr is not None:
                    b_el = rpr.find(w("b"))
                    if b_el is not None:
                        b = b_el.get(w("val")) not in ("0", "false")
                walk(child, b)
            elif tag == w("t"):
                if not hidden() and child.text:
                    out.append(child.text)
                    bold_flags.append(bool(run_bold))
            elif tag == w("fldChar"):
                fields.update(child)
            elif tag == w("tab") or tag == w("ptab"):
                if not hidden():
                    out.append("\t")
            elif tag == w("br"):
                if not hidden() and child.get(w("type")) in (None, "textWrapping"):
                    out.append("\n")
            elif tag == w("cr"):
                if not hidden():
                    out.append("\n")
            elif tag == w("noBreakHyphen"):
                if not hidden():
                    out.append("-")
            elif tag == w("p"):
                continue  # paragraphs nested in runs (text boxes) are not inline text
            else:
                walk(child, run_bold)

    walk(p, None)
    text = "".join(out)
    bold = bool(bold_flags) and all(bold_flags) and bool(text.strip())
    return text, bold


def mark_deleted(p) -> bool:
    return p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None


class Collector:
    def __init__(self, styles: Styles):
        self.styles = styles
        self.pieces: list[tuple[str, str | None, int | None, str, bool]] = []
        self.elements: list[list] = []          # the w:p elements behind each piece
        self.pending: list[str] | None = None  # text of paragraphs whose mark was deleted
        self.pending_els: list = []

    def block(self, el, where: str, counter: list[int]):
        for child in el:
            tag = child.tag
            if tag == w("p"):
                counter[0] += 1
                self.paragraph(child, f"{where}第{counter[0]}段" if where else f"第{counter[0]}段")
            elif tag == w("tbl"):
                counter[1] += 1
                self.table(child, counter[1])
            elif tag in (w("sdt"),):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.block(content, where, counter)
            elif tag in (w("customXml"), w("ins"), w("moveTo"), w("sdtContent"), w("smartTag")):
                self.block(child, where, counter)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Fallback")
                if choice is not None:
                    self.block(choice, where, counter)

    def table(self, tbl, n: int):
        for ri, tr in enumerate(children(tbl, "tr"), 1):
            for ci, tc in enumerate(children(tr, "tc"), 1):
                self.block(tc, f"表格{n}第{ri}行第{ci}列", [0, 0])

    def paragraph(self, p, source: str):
        text, bold = para_text(p)
        ppr = p.find(w("pPr"))
        sid = None
        direct_lvl = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            if ps is not None:
                sid = ps.get(w("val"))
            ol = ppr.find(w("outlineLvl"))
            if ol is not None:
                v = to_int(ol.get(w("val")))
                direct_lvl = (v + 1) if v is not None and v < 9 else 0
        name, level, style_bold = self.styles.resolve(sid)
        if direct_lvl is not None:
            level = direct_lvl or None
        bold = bold or (style_bold and bool(text.strip()))
        if mark_deleted(p):
            # The paragraph mark was deleted: in the accepted view this text runs on into the next.
            self.pending = (self.pending or []) + [text]
            self.pending_els.append(p)
            return
        els = [p]
        if self.pending is not None:
            text = "".join(self.pending) + text
            els = self.pending_els + [p]
            self.pending, self.pending_els = None, []
        self.pieces.append((text, name, level, source, bold))
        self.elements.append(els)

    def finish(self):
        if self.pending is not None:
            self.pieces.append(("".join(self.pending), None, None, "", False))
            self.elements.append(self.pending_els)
            self.pending, self.pending_els = None, []


def children(el, tag: str):
    """Direct children named ``tag``, looking through content controls and tracked insertions."""
    for child in el:
        if child.tag == w(tag):
            yield child
        elif child.tag in (w("sdt"),):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from children(content, tag)
        elif child.tag in (w("customXml"), w("ins"), w("moveTo")):
            yield from children(child, tag)


def join_pieces(pieces) -> tuple[str, list[Paragraph]]:
    paras = []
    pos = 0
    texts = []
    for text, style, level, source, bold in pieces:
        paras.append(Paragraph(pos, pos + len(text), style=style, level=level, source=source, bold=bold))
        texts.append(text)
        pos += len(text) + 1
    return "\n".join(texts), paras


def main_part(rd: "Reader", path: str | None):
    """The main document part's name, its parsed XML and the styles."""
    main = None
    root_rels = rd.rels("")
    for typ, target in root_rels.values():
        if typ in OFFICE_DOC:
            main = target
            break
    if main is None and "word/document.xml" in rd.names:
        main = "word/document.xml"
    if main is None or main not in rd.names:
        if "EncryptedPackage" in rd.names or "content.xml" in rd.names:
            raise DocumentError(path, "这不是 Word .docx 文件（可能是 OpenDocument 或其他格式）")
        raise DocumentError(path, "这不是 Word .docx 文件（压缩包里没有 Word 正文）")
    root = rd.xml(main)
    body = root.find(w("body")) if root is not None else None
    if body is None:
        raise DocumentError(path, "文件已损坏（找不到 Word 正文）")
    styles_name = None
    rels = rd.rels(main)
    for typ, target in rels.values():
        if typ.endswith("/styles"):
            styles_name = target
    styles = Styles(rd.xml(styles_name) if styles_name else None)
    return main, root, body, rels, styles


def body_paragraphs(rd: "Reader", path=None):
    """(main part name, XML root, [(text, [w:p elements])]) in the loader's order."""
    main, root, body, _rels, styles = main_part(rd, path)
    col = Collector(styles)
    col.block(body, "", [0, 0])
    col.finish()
    return main, root, [(piece[0], els) for piece, els in zip(col.pieces, col.elements)]


DCTERMS = "http://purl.org/dc/terms/"
CORE_PROPS = "/metadata/core-properties"
MAX_CORE = 256 * 1024  # docProps/core.xml is a few hundred bytes; a bigger one is not read
_W3CDTF = re.compile(r"\s*((?:1[6-9]|2\d)\d\d-[01]\d-[0-3]\d)(?:T[0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:[0-5]\d)?)?\s*$")


def core_dates(rd: "Reader") -> dict[str, str]:
    """The package's own dates from its core properties (docProps/core.xml):
    ``{"created": "2019-03-05T08:00:00Z", "modified": …}``, only those present and
    well-formed (W3CDTF, e.g. 2019-03-05 or 2019-03-05T08:00:00Z).  Whether a date is
    believable (a template's default, 1601, the future) is the reader's business
    (rules/stale.py).  Missing, oversized or broken metadata is no error: just no dates."""
    name = next((t for typ, t in rd.rels("").values() if typ.endswith(CORE_PROPS)), None)
    if name is None or name not in rd.names:
        name = "docProps/core.xml"
    if name not in rd.names or rd.zf.getinfo(name).file_size > MAX_CORE:
        return {}
    try:
        root = rd.xml(name)
    except DocumentError:
        return {}
    out = {}
    if root is None:
        return out
    for key in ("created", "modified"):
        el = root.find(f"{{{DCTERMS}}}{key}")
        m = _W3CDTF.match(el.text or "") if el is not None else None
        if m:
            out[key] = (el.text or "").strip()
    return out
