import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SAMPLE, shared


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "reviewer", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8")


def test_json_contract_single_file():
    out = run("check", "--format", "json", str(SAMPLE))
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["file"] == str(SAMPLE) and data["genre"] == "report_speech"
    text = SAMPLE.read_text(encoding="utf-8")
    for issue in data["issues"]:
        assert {"rule", "category", "severity", "start", "end", "text", "message", "suggestion"} <= set(issue)
        assert text[issue["start"]:issue["end"]] == issue["text"]
        assert issue["severity"] in ("error", "warning", "info")
    assert any(i["category"] == "missing_section" and i["section"] == "closing" for i in data["issues"])


def test_clean_file_exits_zero(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(
        "在全县工作会议上的讲话\n同志们：\n"
        "今年以来，我县坚持稳中求进工作总基调，各项工作稳步推进。全县地区生产总值增长百分之六，"
        "城乡居民收入持续增加。我们扎实推进乡村振兴，新建高标准农田3200亩，培育农民专业合作社45家。"
        "我们持续改善民生，新增城镇就业2100人，群众满意度持续提升。我们深化改革创新，优化营商环境，新登记市场主体1800户。\n"
        "下一步，我们将坚持问题导向，补短板、强弱项，推动各项工作再上新台阶。\n谢谢大家！\n",
        encoding="utf-8")
    out = run("check", "--format", "json", "--disable", "x.y", str(clean))
    data = json.loads(out.stdout)
    assert [i for i in data["issues"] if i["severity"] != "info"] == []


def test_several_files_one_bad(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    out = run("check", "--format", "json", str(SAMPLE), str(bad))
    assert out.returncode == 2
    data = json.loads(out.stdout)
    assert len(data) == 2 and data[1]["issues"] == [] and "bad.docx" in data[1]["error"]
    assert data[0]["issues"]
    assert out.stderr.strip().count("\n") == 0 and "bad.docx" in out.stderr


@pytest.mark.parametrize("content,name", [(b"", "empty.txt"), (b"PK\x03\x04garbage", "broken.docx"),
                                           (bytes(range(256)), "bin.txt")])
def test_bad_input_one_chinese_line(tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    out = run("check", str(path))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "无法打开" in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_file_and_bad_args():
    out = run("check", "/nonexistent/draft.txt")
    assert out.returncode == 2 and "draft.txt" in out.stderr and "Traceback" not in out.stderr
    out = run("check", "--format", "xml", str(SAMPLE))
    assert out.returncode == 2 and "参数有误" in out.stderr
    out = run("check", "--genre", "poem", str(SAMPLE))
    assert out.returncode == 2 and "未知的文种" in out.stderr


def test_bad_rule_folder_is_exit_2(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "oops.yaml").write_text("id: oops\nkind: pattern\n", encoding="utf-8")
    out = run("check", "--rules", str(tmp_path), str(SAMPLE))
    assert out.returncode == 2 and "oops.yaml" in out.stderr


def test_text_and_csv_formats():
    out = run("check", str(SAMPLE))
    assert "未填占位符" in out.stdout and "共 " in out.stdout
    assert "3:2\t错误" in out.stdout  # 行:列, level
    out = run("check", "--format", "csv", str(SAMPLE))
    assert out.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    js = json.loads(run("check", "--format", "json", str(SAMPLE)).stdout)
    assert len(rows) == len(js["issues"])


def test_version():
    out = run("--version")
    assert out.returncode == 0 and "文稿审校助手" in out.stdout


def test_seed_score_meets_bar():
    score = shared("eval", "score.py")
    for extra in ([], ["--docx", str(shared("seeds_docx"))]):
        out = subprocess.run([sys.executable, str(score), "--min-recall", "0.95", "--min-precision", "0.95", *extra],
                             cwd=ROOT, capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_realworld_docx_open_or_refuse():
    folder = shared("realworld_docx")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() != ".md")
    out = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", *map(str, files)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode in (0, 1, 2), out.stderr[-2000:]
    data = json.loads(out.stdout)
    assert len(data) == len(files)
    assert "Traceback" not in out.stderr
    for line in out.stderr.strip().splitlines():
        assert line.startswith("无法打开“"), line


def _draft(tmp_path):
    draft = tmp_path / "稿.txt"
    draft.write_text("关于XX县工作情况的汇报\n各位领导：\n截止目前，全县完成投资万元。\n", encoding="utf-8")
    return draft


def _rules_of(out):
    return [i["rule"] for i in json.loads(out.stdout)["issues"]]


def test_user_rule_with_a_failing_example_is_a_load_error(tmp_path):
    folder = tmp_path / "mine" / "typo"
    folder.mkdir(parents=True)
    (folder / "my-word.yaml").write_text(
        "id: my-word\nname: 单位简称\nkind: lexicon\nseverity: warning\nmessage: “{match}”应为“{suggestion}”。\n"
        "words: {区委办: 区委办公室}\nexamples:\n  - bad: 由[[区委办]]牵头。\n  - good: 由区委办牵头。\n",
        encoding="utf-8")
    out = run("check", "--rules", str(tmp_path / "mine"), str(SAMPLE))
    assert out.returncode == 2 and out.stdout == ""
    line = out.stderr.strip()
    assert "\n" not in line and "my-word.yaml" in line and "由区委办牵头" in line and "例句" in line
    (folder / "my-word.yaml").write_text(
        (folder / "my-word.yaml").read_text(encoding="utf-8").replace("good: 由区委办牵头", "good: 由区委办公室牵头")
        + "exceptions: [区委办公室]\n",
        encoding="utf-8")
    out = run("check", "--format", "json", "--rules", str(tmp_path / "mine"), str(SAMPLE))
    assert out.returncode == 1


def test_ignores_file_next_to_the_draft(tmp_path):
    draft = _draft(tmp_path)
    assert "typo.jiezhi" in _rules_of(run("check", "--format", "json", str(draft)))
    ignores = tmp_path / "稿.txt.ignores.json"
    ignores.write_text(json.dumps({os.path.abspath(draft): ["typo.jiezhi|截止|1"]}, ensure_ascii=False),
                       encoding="utf-8")
    got = _rules_of(run("check", "--format", "json", str(draft)))
    assert "typo.jiezhi" not in got and "placeholder.xx" in got


def test_ignores_option_and_all_documents_scope(tmp_path):
    draft = _draft(tmp_path)
    store = tmp_path / "elsewhere.json"
    store.write_text(json.dumps({"*": ["placeholder.xx|XX县"]}, ensure_ascii=False), encoding="utf-8")
    got = _rules_of(run("check", "--format", "json", "--ignores", str(store), str(draft)))
    assert "placeholder.xx" not in got and "typo.jiezhi" in got


def test_word_list_option(tmp_path):
    draft = _draft(tmp_path)
    words = tmp_path / "words.txt"
    words.write_text("# 我的词表\n截止目前\n", encoding="utf-8")
    got = _rules_of(run("check", "--format", "json", "--words", str(words), str(draft)))
    assert "typo.jiezhi" not in got and "placeholder.xx" in got


def test_export_uses_the_session_and_its_ignores(tmp_path):
    draft = _draft(tmp_path)
    store = tmp_path / "ign.json"
    store.write_text(json.dumps({"*": ["typo.jiezhi|截止"]}, ensure_ascii=False), encoding="utf-8")
    out_file = tmp_path / "清单.json"
    out = run("export", str(draft), "--to", str(out_file), "--ignores", str(store))
    assert out.returncode == 0, out.stderr
    rules = [i["rule"] for i in json.loads(out_file.read_text(encoding="utf-8"))["issues"]]
    assert "typo.jiezhi" not in rules and "placeholder.xx" in rules


def test_text_output_labels_come_from_the_category_catalogue():
    from reviewer.core import categories

    text = run("check", str(SAMPLE)).stdout
    data = json.loads(run("check", "--format", "json", str(SAMPLE)).stdout)
    for cat in {i["category"] for i in data["issues"]}:
        assert f"\t{categories.label(cat)}\t" in text


@pytest.mark.parametrize("args", [(), ("check",), ("export",)])
def test_help_is_chinese_throughout(args):
    """Every option has a Chinese line, and argparse's English usage: heading is 用法：."""
    from reviewer.cli import build_parser

    parser = build_parser()
    if args:
        parser = next(a for a in parser._subparsers._group_actions if a.choices).choices[args[0]]
    text = parser.format_help()
    assert text.startswith("用法：") and "usage:" not in text
    for action in parser._actions:
        assert action.help, f"{args or 'reviewer'} {action.option_strings or action.dest} has no help line"
