"""Where a finding is, for people: the region's Chinese label and line:column.

Computed here once for the CLI, the exports and the window.  Offsets are code points
into a region's text; lines and columns count from 1; a line ends at "\\n" (a .txt
file's "\\r\\n" leaves its "\\r" at the end of the line, which never shifts a column
of the next line)."""
from __future__ import annotations

from bisect import bisect_right

REGION_LABELS = {"body": "正文", "header": "页眉", "footer": "页脚", "footnote": "脚注", "endnote": "尾注",
                 "comment": "批注"}


def region_label(region: str) -> str:
    """正文, 页眉, 页脚, 脚注 …; an unknown region's own name."""
    return REGION_LABELS.get(region, region)


class LineIndex:
    """line:column of offsets in one text, by bisecting its line starts."""

    def __init__(self, text: str):
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class Positions:
    """line:column and region labels of findings in one document (indexes built lazily)."""

    def __init__(self, document):
        self._texts = {r.name: r.text for r in document.regions}
        self._index: dict[str, LineIndex] = {}

    def text(self, region: str) -> str:
        return self._texts.get(region, "")

    def line_col(self, region: str, offset: int) -> tuple[int, int]:
        idx = self._index.get(region)
        if idx is None:
            idx = self._index[region] = LineIndex(self.text(region))
        return idx.line_col(offset)

    def of(self, finding) -> tuple[int, int]:
        return self.line_col(finding.region, finding.start)

    def where(self, finding, body_label: bool = False) -> str:
        """"12:5", or "页眉 1:3" outside the body (``body_label``: "正文 12:5" too)."""
        line, col = self.of(finding)
        if finding.region == "body" and not body_label:
            return f"{line}:{col}"
        return f"{region_label(finding.region)} {line}:{col}"
