"""resources/lexicon/idiom-variants.txt: rarer spellings of listed idioms, each one sound-
or look-alike character away from a commoner listed idiom (build_idiom_variants.py), and
the rule that reports them."""
from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.rules import load_rules
from reviewer.core.rules.lexicon_data import confusable, lexicon_dir


def _pairs():
    lines = (lexicon_dir() / "idiom-variants.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(ln.split("\t")) for ln in lines if ln and not ln.startswith("#")]


def test_each_variant_is_a_listed_idiom_one_alike_character_from_its_standard():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_idiom_variants",
                                                  lexicon_dir() / "build_idiom_variants.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    idioms = set((lexicon_dir() / "idioms.txt").read_text(encoding="utf-8").split())
    pairs = _pairs()
    assert len(pairs) > 200
    for variant, standard in pairs:
        assert variant in idioms and standard in idioms, (variant, standard)
        diff = [k for k in range(4) if variant[k] != standard[k]]
        assert len(diff) == 1 and confusable(variant[diff[0]], standard[diff[0]]), (variant, standard)
        assert variant not in build.KEEP and standard not in build.NOT_STANDARD


def test_a_variant_is_reported_with_its_standard_form():
    rules = load_rules()
    text = "要按步就班推进，打造名符其实的示范区。他对这点小事不足为意。"
    got = {(f.text, f.suggestion) for f in review(Document.from_text(text), rules, ReviewOptions()).findings
           if f.rule == "typo.idiom-variant"}
    assert got == {("按步就班", "按部就班"), ("名符其实", "名副其实")}
