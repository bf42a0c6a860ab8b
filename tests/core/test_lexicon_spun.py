"""resources/lexicon/spun.txt: the forms a 伪原创 tool's word swaps (spinner-pairs.txt) make of
the canonical collocations (build_spun.py), and phrasing.spun-collocation that reports them."""
import importlib.util

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.rules import load_rules
from reviewer.core.rules.lexicon_data import lexicon_dir


def _build():
    spec = importlib.util.spec_from_file_location("build_spun", lexicon_dir() / "build_spun.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _listed():
    lines = (lexicon_dir() / "spun.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(ln.split("\t")) for ln in lines if ln and not ln.startswith("#")]


def test_every_listed_form_is_generated_from_the_pairs_and_the_canonical_lists():
    # the file is the script's output less the forms correct texts write (--correct): each
    # listed line must be one the script makes of the data in the repository today
    made = dict(_build().build())
    listed = _listed()
    assert len(listed) > 200
    for form, canon in listed:
        assert made.get(form) == canon, (form, canon)
    # and what the correct texts took out is a small part of it
    assert len(listed) >= 0.9 * len(made)


def test_a_generated_form_differs_from_its_canonical_words_by_one_swap():
    build = _build()
    pairs = build.read_pairs(lexicon_dir() / "spinner-pairs.txt")
    for form, canon in _listed():
        assert any(canon[:k] + s + canon[k + len(w):] == form
                   for w, s, _ in pairs for k in range(len(canon)) if canon.startswith(w, k)), (form, canon)


def test_a_whole_only_swap_keeps_no_form_a_writer_uses():
    # 进展, 活跃, 职责 are common words in the place of 发展, 积极, 责任: only a whole long
    # canonical expression with the word swapped is listed
    forms = {form for form, _ in _listed()}
    for said in ("企业进展", "改革进展", "全面进展", "活跃参与", "监督职责", "教育变革", "学习前辈"):
        assert said not in forms, said
    for spun in ("高质量进展", "经济社会进展", "安全出产", "全掩盖", "坚固树立", "轨制化"):
        assert spun in forms, spun


def test_spun_forms_are_reported_with_the_canonical_words():
    text = "强化全员安全出产意识，实现党员全掩盖，坚固树立安全发展理念，推动组织生活轨制化。" \
           "本季度工作进展顺利，同学们活跃参与讨论。"
    got = {(f.text, f.suggestion) for f in review(Document.from_text(text), load_rules(), ReviewOptions()).findings
           if f.rule == "phrasing.spun-collocation"}
    assert got == {("安全出产", "安全生产"), ("全掩盖", "全覆盖"), ("坚固树立", "牢固树立"), ("轨制化", "制度化")}
