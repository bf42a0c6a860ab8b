"""`reviewer check|export …`: a thin shell over reviewer.core."""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from . import __version__


class _Formatter(argparse.HelpFormatter):
    """argparse's help with 用法： instead of its English ``usage:``."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its headings and the help option in Chinese."""

    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        sys.stderr.write(f"reviewer：参数有误：{message}（运行 reviewer --help 查看用法）\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="reviewer", description="文稿审校助手：检查讲话稿、汇报材料中范文留下的问题。")
    ap.add_argument("--version", action="version", version=f"文稿审校助手 {__version__}", help="显示版本号并退出")
    sub = ap.add_subparsers(dest="command", parser_class=_Parser, metavar="{check,export}", help="check 检查；export 导出")
    ck = sub.add_parser("check", help="检查文稿，输出问题清单")
    ck.add_argument("files", nargs="+", metavar="FILE", help=".docx / .txt（.doc/.wps 需安装 LibreOffice）")
    ck.add_argument("--format", choices=("text", "json", "csv"), default="text", help="输出格式（默认 text）")
    ck.add_argument("--rules", action="append", default=[], metavar="DIR", help="另外加载的规则文件夹（可多次）")
    ck.add_argument("--genre", help="指定文种（默认按标题自动判断）")
    ck.add_argument("--reference", action="append", default=[], metavar="PATH", help="参考文稿或文件夹（可多次）")
    ck.add_argument("--disable", action="append", default=[], metavar="RULE", help="关闭某条规则（完整 id，如 punctuation.dash）")
    _user_data_options(ck)
    _knowledge_options(ck)
    ex = sub.add_parser("export", help="导出问题清单、带批注的 .docx 或清理后的文稿")
    ex.add_argument("file", metavar="DRAFT", help="要导出的文稿（.docx / .txt）")
    ex.add_argument("--to", required=True, metavar="OUT", help="OUT.xlsx|.csv|.html|.json|.docx")
    ex.add_argument("--clean", action="store_true", help="导出清理后的文稿（删除网页残留、改正半角标点）")
    ex.add_argument("--track-changes", action="store_true", help="有建议的问题写成修订（可在 Word/WPS 中接受或拒绝）")
    ex.add_argument("--rules", action="append", default=[], metavar="DIR", help="另外加载的规则文件夹（可多次）")
    ex.add_argument("--genre", help="指定文种（默认按标题自动判断）")
    ex.add_argument("--reference", action="append", default=[], metavar="PATH", help="参考文稿或文件夹（可多次）")
    _user_data_options(ex)
    _knowledge_options(ex)
    return ap


def _knowledge_options(p) -> None:
    p.add_argument("--date", dest="draft_date", metavar="YYYY[-MM-DD]",
                   help="文稿的日期，用于查过时的提法（默认从标题、正文和 .docx 文件属性推断，推断不出则不查）")
    p.add_argument("--locality", metavar="地区", help="本地地区（如“浙江省乐清市”），用于查外地地名")


def _user_data_options(p) -> None:
    p.add_argument("--ignores", metavar="PATH",
                   help="忽略记录文件（JSON；默认为文稿旁的“文稿名.ignores.json”，没有则不忽略）")
    p.add_argument("--words", metavar="PATH", help="个人词表（每行一个词，其中的词不再报告；默认在用户配置目录）")


def _say(message) -> None:
    """One line on stderr, whatever the message or the terminal's encoding."""
    from .core.loaders.safeio import one_line

    line = one_line(str(message), 1000) + "\n"
    try:
        sys.stderr.write(line)
    except UnicodeEncodeError:
        sys.stderr.buffer.write(line.encode(sys.stderr.encoding or "utf-8", "backslashreplace"))
    except (OSError, ValueError):
        pass


def _display(path: str) -> str:
    """A path as it can be printed: undecodable bytes of the file name shown as U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unexpected(f: str, e: BaseException) -> str:
    """The message for a failure that is no fault of the file (a bug); the details go to the log."""
    from pathlib import Path

    from .errorlog import log_exception

    log = log_exception()
    return f"无法检查“{_display(Path(f).name)}”：内部错误（{type(e).__name__}），详情已写入 {log}"


def _clean_litter(folders=()) -> None:
    try:
        from .core.export.atomic import clean_litter

        clean_litter(folders)
    except Exception:  # tidying up must never stop a run
        pass


def _session_kwargs(args, references):
    """The session's options and stores from the command line (check and export share them)."""
    from .core.userdata import FileIgnoreStore, WordList, ignore_file_for

    def make(path):
        ignores = FileIgnoreStore(args.ignores or ignore_file_for(path))
        return dict(genre=args.genre, disabled_rules=getattr(args, "disable", ()), reference_paths=args.reference,
                    references=references, strict_references=True, ignores=ignores,
                    words=WordList.load(args.words), fields=_option_fields(args))
    return make


def _option_fields(args) -> dict:
    """Further review options some commands take (a draft date, the speaker's locality)."""
    return {k: getattr(args, k) for k in ("date", "draft_date", "locality") if getattr(args, k, None) is not None}


def run_export(args) -> int:
    import os

    from .core.document import DocumentError
    from .core.export import SaveError
    from .core.loaders import load
    from .core.rules import RuleLoadError
    from .core.session import ReferenceCache, ReviewSession, load_rules

    _clean_litter([os.path.dirname(os.path.abspath(args.to))])
    try:
        rules = load_rules(args.rules)
        refs = ReferenceCache()
        refs.get(args.reference, strict=True)
        session = ReviewSession(rules, load(args.file), **_session_kwargs(args, refs)(args.file))
        report = session.check()
        session.export(args.to, clean=args.clean, track_changes=args.track_changes)
    except (RuleLoadError, DocumentError, SaveError) as e:
        _say(e)
        return 2
    except ValueError as e:
        _say(f"reviewer：{e}")
        return 2
    for w in report.warnings:  # e.g. a user rule stopped over its time budget
        _say(w)
    _say(f"已导出：{_display(args.to)}（{len(session.findings)} 处问题）")
    return 0


def run_check(args) -> int:
    from .core.document import DocumentError
    from .core.loaders import load
    from .core.rules import RuleLoadError
    from .core.session import ReferenceCache, ReviewSession, load_rules

    try:
        rules = load_rules(args.rules)
        refs = ReferenceCache()
        refs.get(args.reference, strict=True)  # a reference that cannot be read stops the run
    except (RuleLoadError, DocumentError) as e:
        _say(e)
        return 2
    if args.genre:
        from .core.structure import shipped_profiles

        if args.genre not in shipped_profiles().genres:
            _say(f"reviewer：未知的文种“{args.genre}”，可用：{', '.join(sorted(shipped_profiles().genres))}")
            return 2
    from .core.loaders.safeio import one_line

    _clean_litter()
    make = _session_kwargs(args, refs)
    results, failed, found = [], False, False
    for k, f in enumerate(args.files):
        # Each file gets its own result or error object, whatever happens to the others.
        if k:
            _collect_between_files()
        shown = _display(f)
        try:
            doc = load(f)
            session = ReviewSession(rules, doc, **make(f))
            session.check()
            report = session.visible_report()
            report.file = shown
            data = report.to_dict()
        except DocumentError as e:
            message = one_line(_display(str(e)), 1000)
        except RecursionError:
            message = one_line(str(DocumentError(shown, "文件结构嵌套过深，无法检查")), 1000)
        except MemoryError:
            message = one_line(str(DocumentError(shown, "内存不足，无法检查")), 1000)
        except Exception as e:  # a bug, not the file: still one line naming the file
            message = _unexpected(f, e)
        else:
            for w in report.warnings:  # e.g. a user rule stopped over its time budget
                _say(f"{shown}：{w}")
            found = found or bool(report.findings)
            results.append((data, (doc, report)))
            continue
        _say(message)
        results.append(({"file": shown, "error": message, "issues": []}, None))
        failed = True
    out = sys.stdout
    if args.format == "json":
        data = [r for r, _ in results]
        text = json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=1) + "\n"
    elif args.format == "csv":
        text = to_csv(results)
    else:
        text = to_text(results)
    _write_out(out, text)
    return 2 if failed else (1 if found else 0)


def _collect_between_files() -> None:
    """``python -m reviewer check`` runs with the cycle collector off (__main__.py): what
    the review of one file left in cycles is collected before the next one is read."""
    import gc

    if not gc.isenabled():
        gc.collect()


def _write_out(out, text: str) -> None:
    try:
        out.write(text)
        out.flush()
    except UnicodeEncodeError:
        out.buffer.write(text.encode(out.encoding or "utf-8", "replace"))
        out.flush()


CSV_FIELDS = ["file", "rule", "category", "severity", "region", "line", "column", "start", "end", "text",
              "message", "suggestion", "section"]


def to_csv(results) -> str:
    """Every finding of every file; a cell that starts like a formula gets a ' (CSV injection)."""
    from .core.export.report import csv_safe
    from .core.positions import Positions

    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    w.writeheader()
    for data, pair in results:
        if pair is None:
            continue
        doc, report = pair
        where = Positions(doc)
        for f in report.findings:
            line, col = where.of(f)
            row = {"file": data["file"], "rule": f.rule, "category": f.category, "severity": f.severity,
                   "region": f.region, "line": line, "column": col, "start": f.start, "end": f.end,
                   "text": f.text, "message": f.message, "suggestion": f.suggestion or "",
                   "section": f.section or ""}
            w.writerow({k: csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def to_text(results) -> str:
    from .core import categories
    from .core.findings import SEVERITY_ZH
    from .core.positions import Positions

    lines = []
    for data, pair in results:
        if pair is None:
            lines.append(f"{data['file']}：{data['error']}")
            continue
        doc, report = pair
        where = Positions(doc)
        genre = report.genre or "未识别"
        lines.append(f"== {data['file']}（文种：{genre}；{report.genre_reason}）")
        for f in report.findings:
            excerpt = f.text.replace("\n", "⏎")
            if len(excerpt) > 30:
                excerpt = excerpt[:28] + "……"
            sugg = ("" if f.suggestion is None else
                    f"（建议改为“{f.suggestion}”）" if f.suggestion else "（建议删除）")
            quote = f"「{excerpt}」 " if excerpt else ""
            lines.append(f"{where.where(f)}\t{SEVERITY_ZH[f.severity]}\t{categories.label(f.category)}\t"
                         f"{quote}{f.message}{sugg}")
        counts = report.counts()
        ranked = sorted(counts.items(), key=lambda x: (-x[1], categories.order(x[0])))
        summary = "，".join(f"{categories.label(c)} {n}" for c, n in ranked)
        lines.append(f"共 {len(report.findings)} 处问题" + (f"：{summary}" if summary else "") + "\n")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "export":
            return run_export(args)
    except BrokenPipeError:  # `reviewer check … | head`: the reader went away
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 2
    build_parser().print_help()
    return 2
