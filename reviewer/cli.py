"""`reviewer check|export …`: a thin shell over reviewer.core."""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from . import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write(f"reviewer：参数有误：{message}（运行 reviewer --help 查看用法）\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="reviewer", description="文稿审校助手：检查讲话稿、汇报材料中范文留下的问题。")
    ap.add_argument("--version", action="version", version=f"文稿审校助手 {__version__}")
    sub = ap.add_subparsers(dest="command", parser_class=_Parser)
    ck = sub.add_parser("check", help="检查文稿，输出问题清单")
    ck.add_argument("files", nargs="+", metavar="FILE", help=".docx / .txt（.doc/.wps 需安装 LibreOffice）")
    ck.add_argument("--format", choices=("text", "json", "csv"), default="text")
    ck.add_argument("--rules", action="append", default=[], metavar="DIR", help="另外加载的规则文件夹（可多次）")
    ck.add_argument("--genre", help="指定文种（默认按标题自动判断）")
    ck.add_argument("--reference", action="append", default=[], metavar="PATH", help="参考文稿或文件夹（可多次）")
    ck.add_argument("--disable", action="append", default=[], metavar="RULE", help="关闭某条规则（完整 id，如 punctuation.dash）")
    ex = sub.add_parser("export", help="导出问题清单、带批注的 .docx 或清理后的文稿")
    ex.add_argument("file", metavar="DRAFT")
    ex.add_argument("--to", required=True, metavar="OUT", help="OUT.xlsx|.csv|.html|.json|.docx")
    ex.add_argument("--clean", action="store_true", help="导出清理后的文稿（删除网页残留、改正半角标点）")
    ex.add_argument("--track-changes", action="store_true", help="有建议的问题写成修订（可在 Word/WPS 中接受或拒绝）")
    ex.add_argument("--rules", action="append", default=[], metavar="DIR")
    ex.add_argument("--genre")
    ex.add_argument("--reference", action="append", default=[], metavar="PATH")
    return ap


def run_export(args) -> int:
    from .core.document import DocumentError
    from .core.engine import ReviewOptions, review
    from .core.export import SaveError, export
    from .core.loaders import load
    from .core.rules import RuleLoadError, load_rules

    try:
        rules = load_rules(args.rules)
        refs = tuple(_load_refs(args.reference)) if args.reference else ()
        doc = load(args.file)
        report = review(doc, rules, ReviewOptions(genre=args.genre, references=refs))
        export(doc, report, args.to, clean=args.clean, track_changes=args.track_changes)
    except (RuleLoadError, DocumentError, SaveError) as e:
        sys.stderr.write(f"{e}\n")
        return 2
    except ValueError as e:
        sys.stderr.write(f"reviewer：{e}\n")
        return 2
    sys.stderr.write(f"已导出：{args.to}（{len(report.findings)} 处问题）\n")
    return 0


def _load_refs(paths):
    from .core.structure.references import load_references

    return load_references(paths)


def run_check(args) -> int:
    from .core.document import DocumentError
    from .core.engine import ReviewOptions, review
    from .core.loaders import load
    from .core.rules import RuleLoadError, load_rules

    try:
        rules = load_rules(args.rules)
        refs = tuple(_load_refs(args.reference)) if args.reference else ()
    except (RuleLoadError, DocumentError) as e:
        sys.stderr.write(f"{e}\n")
        return 2
    options = ReviewOptions(genre=args.genre, disabled_rules=frozenset(args.disable), references=refs)
    if args.genre:
        from .core.structure import shipped_profiles

        if args.genre not in shipped_profiles().genres:
            sys.stderr.write(f"reviewer：未知的文种“{args.genre}”，可用：{', '.join(sorted(shipped_profiles().genres))}\n")
            return 2
    results, failed, found = [], False, False
    for f in args.files:
        try:
            doc = load(f)
            report = review(doc, rules, options)
        except DocumentError as e:
            sys.stderr.write(f"{e}\n")
            results.append(({"file": f, "error": str(e), "issues": []}, None))
            failed = True
            continue
        report.file = f
        found = found or bool(report.findings)
        results.append((report.to_dict(), (doc, report)))
    out = sys.stdout
    if args.format == "json":
        data = [r for r, _ in results]
        json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        out.write(to_csv(results))
    else:
        out.write(to_text(results))
    return 2 if failed else (1 if found else 0)


CSV_FIELDS = ["file", "rule", "category", "severity", "region", "line", "column", "start", "end", "text",
              "message", "suggestion", "section"]


def to_csv(results) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    w.writeheader()
    for data, pair in results:
        if pair is None:
            continue
        doc, report = pair
        texts = {r.name: r.text for r in doc.regions}
        for f in report.findings:
            line, col = _line_col(texts.get(f.region, ""), f.start)
            w.writerow({"file": data["file"], "rule": f.rule, "category": f.category, "severity": f.severity,
                        "region": f.region, "line": line, "column": col, "start": f.start, "end": f.end,
                        "text": f.text, "message": f.message, "suggestion": f.suggestion or "",
                        "section": f.section or ""})
    return buf.getvalue()


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def to_text(results) -> str:
    from .core.findings import CATEGORY_ZH, SEVERITY_ZH

    lines = []
    for data, pair in results:
        if pair is None:
            lines.append(f"{data['file']}：{data['error']}")
            continue
        doc, report = pair
        texts = {r.name: r.text for r in doc.regions}
        genre = report.genre or "未识别"
        lines.append(f"== {data['file']}（文种：{genre}；{report.genre_reason}）")
        for f in report.findings:
            line, col = _line_col(texts.get(f.region, ""), f.start)
            where = "" if f.region == "body" else {"header": "页眉 ", "footer": "页脚 ", "footnote": "脚注 "}.get(f.region, f.region + " ")
            excerpt = f.text.replace("\n", "⏎")
            if len(excerpt) > 30:
                excerpt = excerpt[:28] + "……"
            sugg = f"（建议：{f.suggestion}）" if f.suggestion else ""
            quote = f"「{excerpt}」 " if excerpt else ""
            lines.append(f"{where}{line}:{col}\t{SEVERITY_ZH[f.severity]}\t{CATEGORY_ZH.get(f.category, f.category)}\t"
                         f"{quote}{f.message}{sugg}")
        counts = report.counts()
        summary = "，".join(f"{CATEGORY_ZH.get(c, c)} {n}" for c, n in sorted(counts.items(), key=lambda x: -x[1]))
        lines.append(f"共 {len(report.findings)} 处问题" + (f"：{summary}" if summary else "") + "\n")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args)
    if args.command == "export":
        return run_export(args)
    build_parser().print_help()
    return 2
