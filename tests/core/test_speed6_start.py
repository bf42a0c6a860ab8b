"""Start-up of the command line (issue 11): the tokenizer without importing jieba, the
finders' analyses kept between runs, and `python -m reviewer check` ending without the
interpreter's teardown -- each giving what it gave before."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_tokenizer_routes_as_jieba_does():
    from reviewer.core import segment

    tok = segment.tokenizer()
    jieba = segment.import_jieba()
    real = jieba.Tokenizer()
    real.FREQ, real.total, real.initialized = tok.FREQ, tok.total, True
    rng = random.Random(11)
    pool = "我们要坚持以人民为中心的发展思想全面推进乡村振兴加快建设现代化产业体系，。、的了是在和有不这一个"
    for _ in range(2000):
        s = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 25)))
        mine, theirs = tok.get_DAG(s), real.get_DAG(s)
        assert mine == theirs
        r1, r2 = {}, {}
        tok.calc(s, mine, r1)
        real.calc(s, theirs, r2)
        assert r1 == r2, s
    # anything else is jieba's own, on the same dictionary
    assert list(tok.cut("坚持以人民为中心的发展思想", HMM=False)) == list(real.cut("坚持以人民为中心的发展思想", HMM=False))


def test_the_tokenizer_loads_without_importing_jieba(tmp_path):
    code = ("import sys\nfrom reviewer.core import segment\n"
            "tok = segment.tokenizer()\n"
            "print(segment.Segmenter('我们要坚持以人民为中心').is_word(3, 5), 'jieba' in sys.modules)\n")
    env = {"REVIEWER_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run builds the dictionary (through jieba), the second reads it
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_class_chars_kept_between_runs_are_the_analysis():
    from reviewer.core.rules import kinds

    for pattern, whole in [(r"[a-c，]", True), (r"[\s]", True), (r"[^a]", True), (r"[a]b", True),
                           (r"[ab](?<=(?=ab))", False), (r"[ab][ab]", False), (r"[ab](?=b)(?<!c)", False),
                           (r"[年月日的]", True), (r"[ \t\u3000]", True)]:
        rx = re.compile(pattern)
        assert kinds._class_chars(rx, whole) == kinds._class_chars_parsed(rx, whole), pattern
        assert kinds._class_chars(rx, whole) == kinds._class_chars(rx, whole)  # from the cache


def test_tail_split_kept_between_runs_is_the_analysis():
    from reviewer.core.rules import kinds

    for pattern in [r"^(?P<a>[^\n]{1,20})[：:]$(?!\n[^\n]*\d)", r"^X$(?=\n)", r"abc", r"[$(?!]x$(?!y)"]:
        rx = re.compile(pattern, re.M)
        got = kinds._tail_split(rx)
        at = kinds._tail_split_at(rx)
        if at is None:
            assert got is None
        else:
            i = int(at)
            assert (got[0].pattern, got[1].pattern) == (pattern[:i], pattern[i:])
    assert kinds._tail_split(re.compile(r"^X$(?=\n)")) is None  # without re.M: never split


def _check(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "reviewer", "check", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8")


def test_the_command_line_ends_with_all_its_output(tmp_path):
    """`python -m reviewer check` ends by os._exit once its output is flushed: a long
    report arrives whole, through a pipe and into a file, with the usual exit status."""
    body = "".join(f"近年来，XX县坚持以党建引领基层治理，全县共有党员名，占%。第{i}段。\n" for i in range(3000))
    draft = tmp_path / "长稿.txt"
    draft.write_text("在全县工作会议上的讲话\n" + body, encoding="utf-8")
    out = _check("--format", "json", str(draft))
    assert out.returncode == 1, out.stderr  # findings
    data = json.loads(out.stdout)
    assert len(data["issues"]) > 3000
    target = tmp_path / "out.json"
    with open(target, "w", encoding="utf-8") as fh:
        code = subprocess.run([sys.executable, "-m", "reviewer", "check", "--format", "json", str(draft)],
                              cwd=ROOT, stdout=fh, stderr=subprocess.PIPE).returncode
    assert code == 1
    assert json.loads(target.read_text(encoding="utf-8")) == data
    # in-process (no fast exit): the same report
    from reviewer.cli import main

    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["check", "--format", "json", str(draft)]) == 1
    assert json.loads(buf.getvalue()) == data


def test_the_command_line_keeps_its_exit_status(tmp_path):
    missing = _check(str(tmp_path / "没有这个文件.txt"))
    assert missing.returncode == 2 and "不存在" in missing.stderr
    clean = tmp_path / "clean.txt"
    clean.write_text("关于做好春节期间安全工作的通知\n各单位要切实做好安全工作。\n", encoding="utf-8")
    assert _check("--format", "json", str(clean)).returncode in (0, 1)
    usage = subprocess.run([sys.executable, "-m", "reviewer", "check"], cwd=ROOT, capture_output=True, text=True)
    assert usage.returncode == 2


def test_two_files_are_collected_between(tmp_path):
    """With the collector off for the run, each file's review still gets its report."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("在全县工作会议上的讲话\n全县共有党员名，占%。\n", encoding="utf-8")
    b.write_text("XX镇工作总结\n今年以来，XX镇坚持以党建引领。\n", encoding="utf-8")
    out = _check("--format", "json", str(a), str(b))
    data = json.loads(out.stdout)
    assert [Path(d["file"]).name for d in data] == ["a.txt", "b.txt"]
    assert all(d["issues"] for d in data)


def test_the_dictionary_read_by_first_character_answers_as_one_dict(monkeypatch):
    from reviewer.core import segment

    freq = {"一": 5, "一一": 0, "一一列举": 12, "中": 9, "中心": 30, "中国": 0, "𠀀字": 11, "𠀀": 0, "b": 3}
    buckets, total = segment._unpack(segment._pack((freq, 70)))
    assert total == 70 and list(buckets) == ["一", "中", "𠀀", "b"]

    class Owner:
        pass

    owner = Owner()
    lazy = owner.FREQ = segment._Freq(buckets, owner)
    for w in ["一", "一一", "一二", "中心", "中国", "国", "", "𠀀字", "𠀀", "b", "bc", "x"]:
        assert lazy.get(w) == freq.get(w) and lazy.get(w, -1) == freq.get(w, -1)
        assert (w in lazy) == (w in freq)
        if w in freq:
            assert lazy[w] == freq[w]
    assert list(lazy.items()) == list(freq.items()) and len(lazy) == len(freq)  # the dictionary's order
    monkeypatch.setattr(segment, "_WHOLE", 3)
    owner.FREQ = lazy = segment._Freq(buckets, owner)
    for w in ["一", "中", "b", "中心"]:
        lazy.get(w)
    assert type(owner.FREQ) is dict and owner.FREQ == freq  # a long draft: one plain dict


def test_a_packed_dictionary_of_another_shape_is_built_again():
    from reviewer.core import segment

    for bad in [("词\n语", b"\0" * 16, 3), ({"一": ("一\n一一", b"\0" * 8)}, 3), ({"一一": ("x", b"\0" * 8)}, 3)]:
        try:
            segment._unpack(bad)
        except (ValueError, TypeError):
            continue
        raise AssertionError(bad)


def test_jieba_itself_can_be_asked_after_the_own_tokenizer_was_made(tmp_path):
    """jieba's cut() (the reference-document keywords use it) is made from the tokenizer's
    dictionary, read whole under the module's lock: it must not wait for itself (a fresh
    process, so that nothing was made before; a hang is a timeout)."""
    code = ("from reviewer.core import segment\n"
            "tok = segment.tokenizer()\n"
            "assert tok.FREQ.get('我们')\n"
            "print('|'.join(tok.lcut('我们召开全县经济工作会议')))\n")
    env = {"REVIEWER_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the second run reads the dictionary packed by the first, by first character
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             env=env, timeout=120)
        assert out.returncode == 0, out.stderr
    assert out.stdout.strip().split("|")[:2] == ["我们", "召开"]
