"""Start-up of the command line (issue 11, speed13): the modules' own patterns come from
the rules cache, which stays the same file in every process (a pattern built in the
order of a set -- which changes with the hash seed -- would be compiled again and the
whole cache rewritten on every start), a .txt draft needs neither lxml nor yaml, and the
confusion sift's pair codes are kept on disk -- each giving what it gave before."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_REVIEW = ("import sys\n"
           "from reviewer.core.document import Document\n"
           "from reviewer.core.engine import review\n"
           "from reviewer.core.rules import load_rules\n"
           "from reviewer.core import cache\n"
           "text = '关于XX县乡村振兴工作的汇报\\n今年以来,我们坚持和衷济,携手建美好家园。\\n'"
           " '一、主要做法\\n加强加强组织领导，全心全意的为人民服务。\\n'\n"
           "review(Document.from_text(text * 3), load_rules())\n"
           "print(sorted(m for m in ('lxml.etree', 'yaml') if m in sys.modules))\n")


def _run(code: str, cache_dir: Path, seed: str) -> subprocess.CompletedProcess:
    env = {"REVIEWER_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    return out


def _rules_cache(cache_dir: Path) -> Path:
    got = list(cache_dir.glob("rules-*.marshal"))
    assert len(got) == 1, got
    return got[0]


def test_the_rules_cache_is_not_written_again_by_a_process_of_another_hash_seed(tmp_path):
    _run(_REVIEW, tmp_path, "1")  # fills the cache
    _run(_REVIEW, tmp_path, "2")  # (what a first run leaves for later: the prefilters' analyses)
    path = _rules_cache(tmp_path)
    before = (path.stat().st_mtime_ns, path.read_bytes())
    for seed in ("3", "4"):
        out = _run(_REVIEW, tmp_path, seed)
        # a review of a .txt draft whose rule files all come from the cache: no yaml, no lxml
        assert out.stdout.split() == ["[]"], out.stdout
    after = (path.stat().st_mtime_ns, path.read_bytes())
    assert after == before


def test_a_module_pattern_is_a_compiled_pattern_that_matches_as_re_does():
    from reviewer.core.rules import junk
    from reviewer.core.structure.numbering import markers

    rx = junk.compile_cached(r"(?P<a>[一二三])、\s*(?=\S)")
    assert rx.pattern == r"(?P<a>[一二三])、\s*(?=\S)" and rx.groupindex == {"a": 1}
    assert [m.span() for m in rx.finditer("一、 甲 二、乙")] == [(0, 3), (5, 7)]
    assert markers.compile_cached is junk.compile_cached


def test_the_kept_pair_codes_are_those_made_afresh(tmp_path, monkeypatch):
    from reviewer.core.rules import confusion

    confusion.dictionary_index(300, "")  # (the index they are made of, from the usual cache)
    monkeypatch.setattr(confusion, "_index_path", lambda *_: tmp_path / "index-packed6.marshal")
    monkeypatch.setattr(confusion, "_JOINTS", {})
    made = confusion._make_joints(300, "")
    first = confusion._joints(300, "")  # made, and written
    assert (tmp_path / "index-joints2.marshal").is_file()
    monkeypatch.setattr(confusion, "_JOINTS", {})
    again = confusion._joints(300, "")  # read
    assert first.whole() == again.whole() == made and first is not again
    assert set(made.values()) <= {49, 50}
    assert confusion._unpack_joints(confusion._pack_joints(made)).whole() == made


def test_a_short_text_looks_its_pairs_up_as_the_dict_of_all_does():
    """_Joints.codes(): a short text's pairs by their first character, a long one's in the
    dict of all -- the same codes."""
    from reviewer.core.rules import confusion

    packed = confusion._pack_joints(confusion._joints(300, "same-tone.txt").whole())
    text = "今年以来，我们坚持以党建引领基层治理，扎实推进乡村振兴战略，取得了明显成效。\n人民群众的获得感不断增强𠀀字。" * 3
    for first in (0, 1):
        joints = confusion._unpack_joints(packed)  # (a fresh one: no dict made yet)
        short = joints.codes(text, first)
        assert joints._dict is None
        whole = bytes(map(joints.whole().get, confusion._pair_numbers(text, first), [48] * len(text)))
        assert short == whole == joints.codes(text, first) and set(whole) >= {48, 50}


def test_a_broken_loader_still_names_the_file(tmp_path):
    from reviewer.core.document import DocumentError
    from reviewer.core.loaders import load

    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    try:
        load(bad)
    except DocumentError as e:
        assert "坏.docx" in str(e)
    else:  # pragma: no cover
        raise AssertionError("a broken .docx loaded")


def test_the_kept_categories_are_the_file_and_follow_its_changes(tmp_path, monkeypatch):
    from reviewer.core import categories

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "categories.yaml"
    src.write_text("categories:\n  - {id: a, label: 甲, colour: '#111111', description: d, example: e}\n", encoding="utf-8")
    first = categories._read(src)  # parsed, and kept
    assert (tmp_path / "cache" / "categories-v1.marshal").is_file()
    assert categories._read(src) == first == categories._parse(src)
    src.write_text("categories:\n  - {id: b, label: 乙乙, colour: '#222222', description: d, example: e}\n", encoding="utf-8")
    assert categories._read(src)["categories"][0]["id"] == "b"  # the file changed: read again
    src.write_text("categories: [", encoding="utf-8")
    try:
        categories._read(src)
    except categories.CatalogueError as e:
        assert "categories.yaml" in str(e)
    else:  # pragma: no cover
        raise AssertionError("a broken catalogue read")
