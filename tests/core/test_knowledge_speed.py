"""Issue 11 §2: the list and part-of-speech kinds (near-miss, misused, tagged) search
faster without finding anything else.  Each shortcut is checked against the plain search
it stands for, on seeded random text built from the lexicon's own entries."""
import random
import re

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import Context, ReviewOptions, review
from reviewer.core.rules import lexicon_data
from reviewer.core.rules.lexicon_data import read_list
from reviewer.core.rules.misused import read_pairs
from reviewer.core.rules.tagged import _anchor, _Anchored

FILLER = list("的地得了着过很好认真不断变增加发展工作中国共产党，。、；\n 12XA") + ["认真的", "变的", "的很"]


def _texts(pieces, count, seed, longest=40):
    """Random drafts: entries of the lists, some with a character changed or dropped, and
    filler between them."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randrange(1, longest)):
            if rnd.random() < 0.4:
                parts.append(rnd.choice(FILLER))
                continue
            p = rnd.choice(pieces)
            if len(p) >= 3 and rnd.random() < 0.6:
                k = rnd.randrange(len(p))
                how = rnd.random()
                if how < 0.5:  # a character replaced
                    p = p[:k] + rnd.choice("的地得员元划化一中央国家") + p[k + 1:]
                else:          # one or two dropped
                    p = p[:k] + p[k + (1 if how < 0.8 else 2):]
            parts.append(p)
        out.append("".join(parts))
    return out


def _ctx(text):
    return Context("body", text, Document.from_text(text).paragraphs)


# -- tagged: the search from the particle ------------------------------------------------------

def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("pattern,want", [
    (r"(?P<adv>[\u4e00-\u9fff])(?P<hit>的)(?P<verb>[\u4e00-\u9fff]{2})", ("的", 1)),
    (r"(?!一定的)(?P<mod>[\u4e00-\u9fff]{2})(?P<hit>的)", ("的", 2)),
    (r"(?P<hit>[地得])(?<=(?P<adj>[\u4e00-\u9fff])[地得])(?P<noun>[\u4e00-\u9fff]{2})", ("地得", 0)),
    (r"(?P<adv>(?P<a>[\u4e00-\u9fff])(?P=a))(?P<hit>的)", ("的", 2)),
    (r"(?P<a>[\u4e00-\u9fff]{1,2}?)(?P<hit>的)", None),   # the particle's place varies
    (r"(?:能够|要)(?P<hit>的)", None),
    (r"(?i:a)的", None),                                  # scoped flags
    (r"[\u4e00-\u9fff]+", None),                          # no anchor at all
])
def test_anchor_is_found_only_at_a_fixed_distance(pattern, want):
    assert _anchor(re.compile(pattern)) == want


def test_anchored_search_matches_finditer(rules):
    """For every shipped tagged pattern with an anchor (and a few made for the test), the
    same matches in the same order as the pattern's own finditer, over the whole text and
    over parts of it."""
    regexes = [rx for r in rules if r.kind == "tagged" for rx in r.regexes]
    anchored = [rx for rx in regexes if _anchor(rx) is not None]
    assert len(anchored) * 2 >= len(regexes)  # the particle is where most of them start
    anchored += [re.compile(p) for p in (r"(?P<a>[\u4e00-\u9fff])的(?P<b>的)?", r"的的",
                                         r"(?<=很)[\u4e00-\u9fff]的[^的]")]
    pieces = ["很好的传达", "认真的学习了", "不断的增加", "讲的很好", "变的更加", "慢慢的走",
              "一定的作用", "的的确确", "目的地", "高高兴兴的"]
    rnd = random.Random(7)
    for text in _texts(pieces, 150, seed=3):
        n = len(text)
        for rx in anchored:
            fast = _Anchored(rx, *_anchor(rx))
            assert _spans(fast.finditer(text)) == _spans(rx.finditer(text)), (rx.pattern, text)
            lo = rnd.randrange(n + 1)
            hi = rnd.randrange(lo, n + 1)
            assert _spans(fast.finditer(text, lo, hi)) == _spans(rx.finditer(text, lo, hi)), (rx.pattern, text, lo, hi)


# -- misused: the words from the shared pass over the bigrams -----------------------------------

def test_misused_words_from_the_bigram_pass_match_the_alternation(rules):
    misused = [r for r in rules if r.kind == "misused"]
    assert misused
    pieces = list(read_pairs("misused.txt")) + list(read_pairs("variants.txt"))
    for text in _texts(pieces, 120, seed=5):
        ctx = _ctx(text)
        for r in misused:
            rx = r.matcher()
            if not r._heads:
                continue  # a one-character form: searched by the alternation itself
            want = [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
            assert list(r._found(ctx)) == want, (r.full_id, text)


def test_one_pass_over_the_text_for_all_list_rules(rules, monkeypatch):
    calls = []
    real = lexicon_data._positions

    def counting(text, *args):
        calls.append(len(text))
        return real(text, *args)

    monkeypatch.setattr(lexicon_data, "_positions", counting)
    text = "大家要全力以付完成任务，把握好其中的厉害关系。\n" * 20
    review(Document.from_text(text), rules, ReviewOptions(structure=False))
    assert calls.count(len(text)) == 1  # the body, once, shared by near-miss and misused rules


# -- near-miss: longer expressions tried by the characters that follow their anchor ------------

class _Everything(dict):
    """Stands for an index by character that gives every expression whatever is asked."""

    def __init__(self, everything):
        super().__init__()
        self.everything = everything

    def get(self, key, default=None):
        return self.everything


def test_near_miss_index_of_long_expressions_changes_nothing(rules, monkeypatch):
    near = [r for r in rules if r.kind == "near-miss"]
    pieces = [e for r in near for e in r.inline] + read_list("formulas.txt") + read_list("collocations.txt")
    pieces += random.Random(1).sample(read_list("idioms.txt"), 300)
    texts = _texts(pieces, 120, seed=11)
    pruned = {r.full_id: [list(r._scan(_ctx(t), lexicon_data._positions(t, 0, None, r.bigrams())))
                          for t in texts] for r in near}
    assert sum(len(x) for got in pruned.values() for x in got) > 50  # the texts do hold near misses

    def everything(self, bg):
        heads, _, _, tails, _, _ = type(self)._long_by_real(self, bg)
        return heads, _Everything(heads), _Everything(heads), tails, _Everything(tails), _Everything(tails)

    from reviewer.core.rules.nearmiss import NearMissRule

    monkeypatch.setattr(NearMissRule, "_long_by_real", NearMissRule._long_by, raising=False)
    monkeypatch.setattr(NearMissRule, "_long_by", everything)
    for r in near:
        plain = [list(r._scan(_ctx(t), lexicon_data._positions(t, 0, None, r.bigrams()))) for t in texts]
        assert plain == pruned[r.full_id], r.full_id


def test_formula_order_tries_the_pattern_only_where_a_part_begins(rules):
    orders = [r for r in rules if r.kind == "formula-order"]
    assert orders
    rnd = random.Random(13)
    pieces = []
    for line in read_list("formulas.txt"):
        parts = line.split("、")
        rnd.shuffle(parts)
        pieces += [line, "、".join(parts), "、".join(parts[:-1])]
    found = 0
    for text in _texts(pieces, 120, seed=17):
        ctx = _ctx(text)
        for r in orders:
            rx = r.index()[1]
            want = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in r._matches(ctx, rx)] == want, (r.full_id, text)
            found += len(want)
    assert found > 100


def test_remembered_tags_answer_as_the_tag_table(rules, tmp_path, monkeypatch):
    """TaggedRule remembers each word's answer: the findings are those of asking the tag
    table every time -- also for a group named in both word_tags and end_tags."""
    from reviewer.core.rules.loader import load_rule_file
    from reviewer.core.rules.tagged import TaggedRule, word_tags

    path = tmp_path / "typo" / "both-tags.yaml"
    path.parent.mkdir()
    path.write_text(
        "id: both-tags\nname: 测试\nkind: tagged\nseverity: warning\nmessage: 测试\nsuggestion: 地\n"
        "pattern: '(?P<x>[\\u4e00-\\u9fff]{2})(?P<hit>的)(?P<y>[\\u4e00-\\u9fff]{2})'\n"
        "word_tags: {x: [v], y: [v]}\nend_tags: {x: [a, ad, d]}\n"
        "examples:\n  - bad: 认真[[的]]学习\n  - good: 我的书\n", encoding="utf-8")
    tagged = [r for r in rules if r.kind == "tagged"] + [load_rule_file(path, "typo")]
    pieces = ["认真的学习", "学习的认真", "很好的传达", "发展的目标", "不断的增加", "讲的很好",
              "研究的问题", "努力的工作", "快速的发展", "讨论的决定"]
    texts = _texts(pieces, 80, seed=19)
    remembered = [[r.run(_ctx(t)) for r in tagged] for t in texts]

    def ask_every_time(self, cond, g, w, want):
        tags = word_tags()
        if w in self.not_words:  # a not_word satisfies no condition, next_not_tags included
            return False
        return tags.known_not(w, want) if cond == "not" else tags.has(w, want)

    monkeypatch.setattr(TaggedRule, "_tagged", ask_every_time)
    asked = [[r.run(_ctx(t)) for r in tagged] for t in texts]
    key = lambda runs: [[(f.rule, f.start, f.end, f.suggestion) for f in got] for got in runs]  # noqa: E731
    assert [key(x) for x in remembered] == [key(x) for x in asked]
    assert sum(len(got) for runs in asked for got in runs) > 0
