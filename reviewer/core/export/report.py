"""The list of findings (问题清单) as CSV (UTF-8 with BOM), XLSX, self-contained HTML and JSON."""
from __future__ import annotations

import csv
import html
import io
import json
from .. import categories
from ..findings import SEVERITY_ZH
from ..positions import Positions, region_label

COLUMNS = ["序号", "类别", "级别", "段落", "位置", "原文", "上下文", "说明", "建议"]


def rows(doc, report) -> list[list]:
    """One row per finding, in the order of COLUMNS."""
    where = Positions(doc)
    out = []
    for n, f in enumerate(report.findings, 1):
        text = where.text(f.region)
        line, col = where.of(f)
        context = text[max(0, f.start - 15):f.end + 15].replace("\n", "⏎")
        out.append([n, categories.label(f.category), SEVERITY_ZH[f.severity],
                    f"{region_label(f.region)}第{line}段" if f.region != "body" else line, f"{line}:{col}", f.text, context,
                    f.message, f.suggestion or ""])
    return out


def to_json(doc, report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n"


# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_safe(v):
    """A CSV cell that no spreadsheet will evaluate: a leading formula character gets a '."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def to_csv(doc, report) -> bytes:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(COLUMNS)
    wr.writerows([csv_safe(v) for v in row] for row in rows(doc, report))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(doc, report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append(COLUMNS)
    for row in rows(doc, report):
        ws.append([_clean_cell(v) for v in row])
    head = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="C62828")
    for cell in ws[1]:
        cell.font, cell.fill = head, fill
        cell.alignment = Alignment(vertical="center")
    widths = [6, 14, 8, 8, 10, 24, 40, 50, 20]
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.column in (6, 7, 8), vertical="top")
            _as_text(cell)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    summary = wb.create_sheet("汇总")
    summary.append(["类别", "错误", "警告", "提示", "合计"])
    counts: dict[str, dict[str, int]] = {}
    for f in report.findings:
        counts.setdefault(f.category, {}).setdefault(f.severity, 0)
        counts[f.category][f.severity] += 1
    for cat, by in sorted(counts.items(), key=lambda x: (-sum(x[1].values()), categories.order(x[0]))):
        summary.append([categories.label(cat), by.get("error", 0), by.get("warning", 0), by.get("info", 0),
                        sum(by.values())])
    summary.append(["合计"] + [sum(by.get(s, 0) for by in counts.values()) for s in ("error", "warning", "info")]
                   + [len(report.findings)])
    for cell in summary[1]:
        cell.font, cell.fill = head, fill
    for row in summary.iter_rows(min_row=2):
        for cell in row:
            _as_text(cell)
    summary.column_dimensions["A"].width = 16
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _as_text(cell) -> None:
    """A string cell stays a string: never a formula, and marked as text (the quote prefix)
    so editing it in Excel does not turn it into one either."""
    if isinstance(cell.value, str):
        if cell.data_type != "s":
            cell.data_type = "s"
        if cell.value.startswith(FORMULA_START):
            cell.quotePrefix = True


def _clean_cell(v):
    """openpyxl refuses control characters in cells."""
    if isinstance(v, str):
        return "".join(ch if ch >= " " or ch in "\t\n" else " " for ch in v)
    return v


def to_html(doc, report) -> str:
    """Self-contained, well-formed XHTML: the draft with highlights, the list beside it."""
    esc = html.escape
    text = doc.text
    body = sorted((f for f in report.findings if f.region == "body" and f.end > f.start), key=lambda f: (f.start, -f.end))
    marks, pos, n_of = [], 0, {id(f): i for i, f in enumerate(report.findings, 1)}
    for f in body:
        if f.start < pos:
            continue  # overlapping findings: the list still has them all
        marks.append(esc(text[pos:f.start]))
        color = categories.colour(f.category)
        marks.append(f'<mark id="f{n_of[id(f)]}" style="background:{color}33;border-bottom:2px solid {color}" '
                     f'title="{esc(f.message, quote=True)}">{esc(text[f.start:f.end])}<sup>{n_of[id(f)]}</sup></mark>')
        pos = f.end
    marks.append(esc(text[pos:]))
    draft = "".join(marks).replace("\n", "<br/>\n")
    items = []
    for n, row in enumerate(rows(doc, report), 1):
        f = report.findings[n - 1]
        color = categories.colour(f.category)
        items.append(f'<tr><td><a href="#f{n}">{n}</a></td><td style="color:{color}">{esc(row[1])}</td>'
                     f'<td>{esc(row[2])}</td><td>{esc(str(row[4]))}</td><td>{esc(row[5])}</td>'
                     f'<td>{esc(row[7])}{("（建议：" + esc(row[8]) + "）") if row[8] else ""}</td></tr>')
    name = esc(doc.path or "文稿")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="utf-8"/>
<title>审校报告 - {name}</title>
<style>
body{{font-family:"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:0;display:flex}}
#draft{{flex:3;padding:24px;line-height:1.9;font-size:15px}} #list{{flex:2;padding:16px;background:#fafafa}}
table{{border-collapse:collapse;font-size:13px;width:100%}} td,th{{border:1px solid #ddd;padding:3px 5px;vertical-align:top}}
sup{{font-size:9px;color:#555}} h1{{font-size:18px}}
@media print{{body{{display:block}} #list{{page-break-before:always;background:none}} mark{{background:none!important}}}}
</style></head><body>
<div id="draft"><h1>{name}</h1><p>文种：{esc(report.genre or "未识别")}；共 {len(report.findings)} 处问题。</p>
<div>{draft}</div></div>
<div id="list"><h1>问题清单</h1><table><thead><tr><th>序号</th><th>类别</th><th>级别</th><th>位置</th><th>原文</th><th>说明</th></tr></thead>
<tbody>
{chr(10).join(items)}
</tbody></table></div></body></html>
"""
