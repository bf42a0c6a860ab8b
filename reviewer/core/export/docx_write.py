"""Write edited text back into a .docx, touching only the characters that changed.

Nothing edited: the original package bytes.  Otherwise only the main part is written
again (its prolog kept byte for byte); unchanged paragraphs keep every element, and a
changed one keeps its runs, their formatting and every non-text element
(see docx_apply.apply_text).
"""
from __future__ import annotations

import copy
import io
import re
import zipfile

from lxml import etree

from ..docx_xml import XML_NS, Reader, append_text, body_paragraphs, w  # noqa: F401  (append_text: used here and re-exported)


def make_run(text: str, rpr=None):
    r = etree.Element(w("r"))
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    append_text(r, text)
    return r


def rewrite_docx(raw: bytes, new_text: str, path=None) -> bytes:
    """The package ``raw`` with its body paragraphs changed to the lines of ``new_text``.

    Any failure (a damaged part, XML that cannot be written back) is a SaveError naming
    ``path`` (or “文稿”) with a Chinese reason; nothing is half-written.
    """
    from ..document import DocumentError
    from .atomic import SaveError

    try:
        return _rewrite_docx(raw, new_text)
    except SaveError:
        raise
    except DocumentError as e:
        raise SaveError(path, f"原稿{e.reason.replace('文件', '', 1)}，无法按 Word 格式保存（可另存为 .txt）") from e
    except _Unwritable as e:
        raise SaveError(path, f"{e}，无法按 Word 格式保存（可另存为 .txt）") from e
    except Exception as e:  # zip/zlib/lxml failures while copying the other parts
        raise SaveError(path, f"原稿的压缩包有损坏的部分（{type(e).__name__}），无法按 Word 格式保存（可另存为 .txt）") from e


class _Unwritable(Exception):
    pass


_ROOT_START = re.compile(rb"<(?![?!])")


def _prolog(data: bytes) -> bytes | None:
    """The bytes before the root element (declaration, comments, DOCTYPE), when the part
    is UTF-8; None when it is in another encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:200]:
        return None
    pos = 0
    while True:
        m = _ROOT_START.search(data, pos)
        if m is None:
            return None
        head = data[:m.start()]
        # a "<" inside a comment or the DOCTYPE's internal subset is not the root
        if head.count(b"<!--") > head.count(b"-->"):
            pos = data.index(b"-->", m.start()) + 3 if b"-->" in data[m.start():] else len(data)
            continue
        if b"<!DOCTYPE" in head and b"[" in head[head.index(b"<!DOCTYPE"):] and b"]" not in head[head.index(b"<!DOCTYPE"):]:
            close = data.find(b"]", m.start())
            if close < 0:
                return None
            pos = close
            continue
        return head


_MARKUP = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
                     rb"|<[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>", re.S)


def _body_children(data: bytes):
    """Byte ranges of the body's children in a serialized main part, with where the body's
    content starts and ends; None when the markup is not what we expect."""
    depth = 0
    body_start = body_end = None
    children = []
    child_start = None
    for m in _MARKUP.finditer(data):
        tok = m.group()
        if tok.startswith((b"<!--", b"<?")):
            if depth == 2 and body_start is not None and body_end is None:
                children.append((m.start(), m.end()))
            continue
        if tok.startswith((b"<![CDATA[", b"<!DOCTYPE")):
            continue
        if tok.startswith(b"</"):
            depth -= 1
            if depth == 2 and child_start is not None:
                children.append((child_start, m.end()))
                child_start = None
            elif depth == 1 and body_start is not None and body_end is None:
                body_end = m.start()
            continue
        empty = tok.endswith(b"/>")
        name = tok[1:].split(None, 1)[0].rstrip(b"/>")
        if depth == 1 and body_start is None and name.split(b":")[-1] == b"body":
            if empty:
                return None
            body_start = m.end()
        elif depth == 2 and body_start is not None and body_end is None:
            if empty:
                children.append((m.start(), m.end()))
            else:
                child_start = m.start()
        if not empty:
            depth += 1
    if body_start is None or body_end is None:
        return None
    return body_start, body_end, children


def _splice(head: bytes, xml: bytes, before, root) -> bytes | None:
    """``xml`` with every body child that was not edited copied byte for byte from the
    original part ``head`` (lxml writes some markup differently: empty elements, character
    references, line ends inside the XML).  None when the result would not be the same XML."""
    body = root.find(w("body"))
    after = list(body)
    old_map = _body_children(head)
    new_map = _body_children(xml)
    if old_map is None or new_map is None or len(old_map[2]) != len(before) or len(new_map[2]) != len(after) \
            or not before or not after:
        return None
    index = {id(child): k for k, (child, _) in enumerate(before)}
    origin = [index.get(id(child)) for child in after]       # the original child it is, if any
    same = [k is not None and etree.tostring(child) == before[k][1] for k, child in zip(origin, after)]
    if not any(same):
        return None
    (ob, oe, orig), (nb, ne, new) = old_map, new_map
    out = [head[:ob]]
    # The whitespace between children: the original's where both neighbours are original
    # and were neighbours (edits never touch it), else as lxml wrote it.
    out.append(head[ob:orig[0][0]] if origin[0] == 0 else xml[nb:new[0][0]])
    for k in range(len(after)):
        src = origin[k]
        out.append(head[orig[src][0]:orig[src][1]] if same[k] else xml[new[k][0]:new[k][1]])
        if k + 1 < len(after):
            nxt = origin[k + 1]
            out.append(head[orig[src][1]:orig[nxt][0]] if src is not None and nxt == src + 1
                       else xml[new[k][1]:new[k + 1][0]])
        else:
            out.append(head[orig[src][1]:oe] if src == len(orig) - 1 else xml[new[k][1]:ne])
    out.append(head[oe:])
    spliced = b"".join(out)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        check = etree.fromstring(spliced, parser)
    except etree.LxmlError:
        return None
    return spliced if etree.tostring(check) == etree.tostring(root) else None


def declares_entities(raw: bytes) -> bool:
    """Whether the package's main part declares XML entities (its text cannot be edited
    safely: the loader does not expand them)."""
    from ..docx_xml import main_part

    rd = Reader(raw, None)
    main = main_part(rd, None)[0]
    with rd.zf.open(main) as fh:
        head = fh.read(65536)
    return b"<!DOCTYPE" in head and b"<!ENTITY" in head


def _patched(rd, main, root, paras, old_text: str, new_text: str):
    """The main part's root with the edits applied; checked by reading it back.

    Character-level edits first; if they fail or read back differently, each changed
    stretch of lines is replaced as a whole on a fresh copy; the result closest to the
    edited text is kept.
    """
    from .docx_apply import apply_text, body_text

    try:
        apply_text(paras, old_text, new_text, body=root.find(w("body")))
        if body_text(root) == new_text:
            return root
        first = root
    except Exception:  # noqa: BLE001 - any slip in the fine edit: the coarse one below
        first = None
    _main, root2, paras2 = body_paragraphs(rd)
    try:
        apply_text(paras2, old_text, new_text, fine=0, body=root2.find(w("body")))
    except Exception as e:
        if first is not None:
            return first
        raise _Unwritable("修改的内容无法按原格式写回 Word 正文") from e
    if first is None or body_text(root2) == new_text:
        return root2
    return first


def _rewrite_docx(raw: bytes, new_text: str) -> bytes:
    from .docx_apply import apply_text

    rd = Reader(raw, None)
    main, root, paras = body_paragraphs(rd)
    old_text = "\n".join(t for t, _ in paras)
    if new_text == old_text:
        return raw  # nothing edited: the package exactly as it came
    head = rd.read(main) or b""
    if b"<!DOCTYPE" in head[:65536] and b"<!ENTITY" in head:
        # The loader does not expand entities, so their text was never on screen.
        raise _Unwritable("原稿的正文 XML 声明了 DOCTYPE/实体，修改的内容无法安全写回")
    prolog = _prolog(head)
    trailing = head[len(head.rstrip()):] if head.rstrip().endswith(b">") and head[-1:] in (b"\n", b"\r") else b""
    # lxml writes most parts back byte for byte; the others get their untouched children spliced in
    exact = prolog is not None and prolog + etree.tostring(root, encoding="UTF-8") + trailing == head
    before = None if exact else [(child, etree.tostring(child)) for child in root.find(w("body"))]
    root = _patched(rd, main, root, paras, old_text, new_text)
    if prolog is not None:
        xml = prolog + etree.tostring(root, encoding="UTF-8") + trailing
        if before is not None:
            xml = _splice(head, xml, before, root) or xml
    else:
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = xml if info.filename == main else src.read(info)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def text_to_docx(text: str) -> bytes:
    """A new .docx holding ``text``, one paragraph per line."""
    import docx

    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
