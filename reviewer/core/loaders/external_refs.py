"""References a draft could make LibreOffice follow out of it: remote images and style
sheets, INCLUDEPICTURE/INCLUDETEXT/LINK/DDE fields, local files, XML external entities —
found in every text view of the raw bytes (plain, UTF-16, MIME parts, HTML entities),
so a legacy conversion can refuse the draft before LibreOffice sees it (legacy.py)."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import unquote
from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)

_LOCAL_SCHEMES = {"data", "cid", "mid", "about", "javascript", "mailto", "urn", "tel", "news"}
_TAG = compile_cached(r"<([A-Za-z][\w:.-]{0,40})\b([^<>]{0,20000})>")
_ATTR = compile_cached(r"""([\w:.-]{1,40})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Attributes whose target is loaded with the page (a hyperlink's href is only followed on a click).
_FETCH_ATTRS = {"src", "lowsrc", "dynsrc", "background", "data", "codebase", "poster", "srcset", "imagesrc",
                "href", "xlink:href", "o:href", "archive", "classid", "content"}
_HYPERLINK_TAGS = {"a", "area", "text:a", "draw:a", "w:hlink", "office:event-listener", "form"}
_CSS_URL = compile_cached(r"""(?:url\s*\(\s*["']?|@import\s+["'])\s*([^"')\s]{1,2000})""", re.I)
_FIELD = compile_cached(r"(?:\b(?i:INCLUDEPICTURE|INCLUDETEXT)|\b(?:IMPORT|LINK|DDEAUTO|DDE))\b([^}\x13\x14\x15]{0,600})")
_FIELD_ARG = compile_cached(r'"([^"]{1,2000})"|([^\s"]{1,2000})')
_ENTITY = compile_cached(r"<!ENTITY\s+%?\s*[\w.:-]+\s+(?:SYSTEM|PUBLIC)\b", re.I)
_META_REFRESH = compile_cached(r"url\s*=\s*['\"]?([^'\";\s>]+)", re.I)
_CHUNK = 8 * 1024 * 1024
_OVERLAP = 8192


def _chunks(text: str):
    if len(text) <= _CHUNK:
        yield text
        return
    for i in range(0, len(text), _CHUNK):
        yield text[max(0, i - _OVERLAP):i + _CHUNK]


def _texts(data: bytes):
    """The bytes as text, in pieces, in every decoding a reference could hide in."""
    for i in range(0, len(data), _CHUNK):
        yield data[max(0, i - _OVERLAP):i + _CHUNK].decode("latin-1")
    if (data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.count(b"\x00", 0, 4096) > 64
            or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        for start in (0, 1):  # UTF-16 big-endian is little-endian shifted by one byte
            for i in range(start, len(data), 2 * _CHUNK):
                yield data[max(start, i - 2 * _OVERLAP):i + 2 * _CHUNK].decode("utf-16-le", "replace")
    if b"MIME-Version" in data[:4096] or b"Content-Transfer-Encoding" in data[:65536]:
        for part in _mime_parts(data):
            yield from _chunks(part)


def _mime_parts(data: bytes) -> list[str]:
    """The decoded parts of a MIME (.mht) file: quoted-printable can split a URL over lines."""
    import email
    import email.policy

    parts = []
    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in msg.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and (part.get_content_maintype() == "text" or b"<" in payload[:4096]):
                parts.append(payload.decode("latin-1"))
    except Exception:  # a malformed MIME file: quoted-printable over the whole thing
        import quopri

        parts.append(quopri.decodestring(data).decode("latin-1"))
    return parts


def _classify(value: str, base: Path) -> str | None:
    """'remote', 'local' (an existing file on this computer outside ``base``) or None (harmless)."""
    v = html.unescape(value).strip().strip("\"'")
    v = re.sub(r"[\x00-\x20\x7f]", "", v)  # embedded whitespace is skipped by URL parsers
    if not v:
        return None
    low = v.lower()
    if low.startswith(("//", "\\\\", "/\\", "\\/")):
        return "remote"
    m = re.match(r"([a-z][a-z0-9+.-]*):", low)
    if m and len(m.group(1)) > 1:
        scheme = m.group(1)
        if scheme != "file":
            return None if scheme in _LOCAL_SCHEMES else "remote"
        rest = v[m.end():]
        if rest.startswith(("//", "\\\\")):
            host, _, tail = rest[2:].replace("\\", "/").partition("/")
            if host.lower() not in ("", "localhost"):
                return "remote"
            rest = "/" + tail
        target = unquote(rest)
    else:  # a relative or absolute path (or a Windows drive letter)
        target = unquote(v.split("#", 1)[0].split("?", 1)[0])
        if not target:
            return None
    try:
        full = os.path.normpath(os.path.join(str(base), target))
        if os.path.commonpath([full, str(base)]) == str(base):
            return None
        return "local" if os.path.lexists(full) else None
    except (ValueError, TypeError, OSError):
        return None


def _candidates(text: str):
    """Every value in ``text`` that LibreOffice might load while opening the draft."""
    for m in _FIELD.finditer(text):
        for q, bare in _FIELD_ARG.findall(m.group(1)):
            yield q or bare
    for m in _CSS_URL.finditer(text):
        yield m.group(1)
    for tm in _TAG.finditer(text):
        tag = tm.group(1).lower()
        attrs = tm.group(2)
        for am in _ATTR.finditer(attrs):
            name = am.group(1).lower()
            if name not in _FETCH_ATTRS:
                continue
            value = next((g for g in am.group(2, 3, 4) if g is not None), "")
            if name in ("href", "xlink:href") and tag in _HYPERLINK_TAGS:
                continue
            if name == "content":
                if tag == "meta" and "refresh" in attrs.lower():
                    yield from _META_REFRESH.findall(value)
            elif name in ("srcset", "imagesrc"):
                for piece in value.split(","):
                    yield piece.strip().split(" ")[0]
            else:
                yield value


def external_reference(data: bytes, base: Path, network_ok: bool) -> tuple[str, str] | None:
    """The first reference LibreOffice could follow out of the draft, as (kind, reference).

    kind is 'remote' (only reported when ``network_ok`` is false), 'local' (a file on this
    computer outside ``base``) or 'entity' (an XML external entity declaration)."""
    for text in _texts(data):
        if _ENTITY.search(text):
            return "entity", "<!ENTITY … SYSTEM>"
        for value in _candidates(text):
            kind = _classify(value, base)
            if kind == "local" or (kind == "remote" and not network_ok):
                return kind, value
    return None
