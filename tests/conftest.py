import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported anywhere

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "samples" / "示例-汇报发言.txt"


def shared(*parts) -> pathlib.Path:
    """A path under ../shared, or skip the test when the folder is not beside the repo."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not available (the project must also stand alone)")
    return path


@pytest.fixture(scope="session")
def rules():
    from reviewer.core.rules import load_rules

    return load_rules()


def body_findings(rules, text: str) -> list:
    """Every finding the rules make on ``text`` as one body region, before the
    document-level checks: what a rule-level test compares."""
    from reviewer.core.document import Document
    from reviewer.core.engine import ReviewOptions, review_region

    doc = Document.from_text(text)
    got, _ = review_region("body", doc.text, doc.paragraphs, list(rules), ReviewOptions())
    return got


def site_junk_of(rules, text: str) -> list:
    """(rule's short id, text) of every site-junk finding of a whole review of ``text``."""
    from reviewer.core.document import Document
    from reviewer.core.engine import review

    rep = review(Document.from_text(text), rules)
    return [(f.rule.split(".")[-1], f.text) for f in rep.findings if f.category == "site_junk"]


def site_junk_texts(rules, text: str) -> list:
    """The text of every site-junk finding of a whole review of ``text``."""
    return [t for _, t in site_junk_of(rules, text)]


# two lines of a speech's body, under which the site-junk shape tests put a page's lines
JUNK_TEST_BODY = ("今年以来，我们坚持问题导向，聚焦重点任务，扎实推进各项工作落地见效，取得了明显成效。\n"
                  "各级各部门要严格落实工作责任，层层压实责任，形成齐抓共管、协同推进的工作格局。\n")


def missing_sections(report, severity: str = "warning") -> list:
    """The sections a review reports lost, at ``severity``, sorted."""
    return sorted(f.section for f in report.findings if f.category == "missing_section" and f.severity == severity)


def docx_package(**parts) -> dict:
    """The parts of a small python-docx document, with ``parts`` put in place of its own
    (e.g. ``**{"word/document.xml": ...}``): a base for crafted and hostile packages."""
    import io
    import zipfile

    import docx

    d = docx.Document()
    d.add_paragraph("正文第一段")
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zf:
        out = {n: zf.read(n) for n in zf.namelist()}
    out.update(parts)
    return out


def zip_package(parts: dict, compression=None) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compression is None else compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def report_at_end(request, lines: list[str]) -> None:
    """Print ``lines`` after pytest's own summary (counts for the closing note)."""

    def note():
        tr = request.config.pluginmanager.get_plugin("terminalreporter")
        if tr is not None:
            for line in lines:
                tr.write_line(line)

    request.config.add_cleanup(note)


def body_context(text: str):
    """A rule Context over ``text``'s body with default options (for calling one rule's scan)."""
    from reviewer.core.document import Document
    from reviewer.core.engine import Context, ReviewOptions

    region = Document.from_text(text).regions[0]
    ctx = Context(region.name, region.text, region.paragraphs)
    ctx.options = ReviewOptions()
    return ctx


def edit_lines(text: str, rng, pieces) -> str:
    """One random edit of ``text`` as a user or a paste makes it, line-wise: a piece (from
    ``pieces``) put into a line or as a line of its own, a line deleted, pasted again, joined
    with the next or split, or a few characters deleted (a line break among them)."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    op = rng.random()
    if op < 0.35:    # a piece at a line's start, end or inside it
        at = rng.choice([0, len(lines[i]), rng.randrange(len(lines[i]) + 1)])
        lines[i] = lines[i][:at] + rng.choice(pieces) + lines[i][at:]
    elif op < 0.5:   # a piece as a line of its own
        lines.insert(i, rng.choice(pieces))
    elif op < 0.62:  # a line (junk, a header, a repeat of the title) deleted
        if len(lines) > 3:
            del lines[i]
    elif op < 0.72:  # a line pasted again elsewhere
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
    elif op < 0.82:  # two lines joined
        if i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
    elif op < 0.92:  # a line split
        at = rng.randrange(len(lines[i]) + 1)
        lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
    else:            # a few characters deleted
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + lines[i][at + rng.randrange(1, 4):]
    return "\n".join(lines)



def junk_rules_and_text(seed: int):
    """The site-junk line rules and a text of all their examples twice over, each followed by
    a stretch of ordinary sentences of random length: long and short lines mixed."""
    import random

    from reviewer.core.rules import load_rules
    from reviewer.core.rules.junk_lines import JunkRule

    rules = [r for r in load_rules() if isinstance(r, JunkRule)]
    rnd = random.Random(seed)
    filler = "我们要坚持稳中求进工作总基调，扎实推进各项工作落地见效。"
    parts = []
    for ex in [ex.text for r in rules for ex in r.examples] * 2:
        parts.append(ex)
        parts.append(filler * rnd.randint(0, 12))
    return rules, "\n".join(parts)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` (the paragraphs of a plain draft)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def nudge_spans(spans: list, op: int, rng, length: int) -> None:
    """Put paragraph spans a little off the lines, for tests of the lines check: op 1 moves one
    end by one (within ``length``), op 2 joins two spans across their line break."""
    if op == 1 and spans:
        k = rng.randrange(len(spans))
        s, e = spans[k]
        spans[k] = (s, min(e + rng.choice([-1, 1]), length))
    elif op == 2 and len(spans) > 1:
        k = rng.randrange(len(spans) - 1)
        spans[k:k + 2] = [(spans[k][0], spans[k + 1][1])]


def type_join_split(lines: list, i: int, op: float, rng, typed: list) -> None:
    """The last three of the random line edits the incremental tests make (``op`` ≥ 0.6 of
    rng.random()): a character of ``typed`` typed over one of line i (or "" deleting it),
    line i joined with the next, or line i split in two."""
    if op < 0.75:                                  # a character typed or deleted
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(typed) + lines[i][at + 1:]
    elif op < 0.85 and i + 1 < len(lines):         # two lines joined
        lines[i:i + 2] = [lines[i] + lines[i + 1]]
    else:                                          # a line split
        at = rng.randrange(len(lines[i]) + 1)
        lines[i:i + 1] = [lines[i][:at], lines[i][at:]]


def edits_match_full_review(rules, lines: list, edit, rng, steps: int, snapshot=None) -> set:
    """Edit ``lines`` ``steps`` times with ``edit(lines, rng)``; after each, the incremental
    re-check of the draft must give what a full review gives (``snapshot`` of the report:
    its findings by default).  Returns the rules that found something on the way (what the
    edits exercised)."""
    from reviewer.core.document import Document
    from reviewer.core.engine import review
    from reviewer.core.incremental import IncrementalReviewer

    if snapshot is None:
        def snapshot(report):
            return [f.to_dict() for f in report.findings]
    inc = IncrementalReviewer(rules)
    seen = set()
    for step in range(steps):
        doc = Document.from_text("\n".join(lines))
        full = review(doc, rules)
        assert snapshot(inc.review(doc)) == snapshot(full), f"step {step}"
        seen.update(f.rule for f in full.findings)
        lines = edit(lines, rng)
    return seen
