"""Kind ``confusion`` (rules/typo/confusable-char.yaml): one character of a common word
written as a homophone or a look-alike, judged with jieba's dictionary as a word model."""
import marshal

import pytest

from reviewer.core.engine import Context
from reviewer.core.rules import confusion

from ..conftest import body_findings, shared

RULE = "typo.confusable-char"
SURE = "typo.confusable-sure"


def _rule(rules):
    return next(r for r in rules if r.full_id == RULE)


def _found(rules, text):
    """Findings of the kind: a hint of confusable-char, or a warning of confusable-sure
    where the gain is far above the margin (the stronger of the two is kept)."""
    return [(f.text, f.suggestion, f.severity) for f in body_findings(rules, text) if f.rule in (RULE, SURE)]


@pytest.mark.parametrize("text,wrong,right", [
    ("要加强对群众的法治宣转教育。", "宣转", "宣传"),   # (法津 → 法律 is in misused.txt now)
    ("我们要始终同人民群众保持最蜜切的联系。", "蜜切", "密切"),
    ("当事人可以申请改变俱体行政行为。", "俱体", "具体"),
    ("各级政府要切实维护群众的合法权溢。", "权溢", "权益"),
])
def test_a_slip_in_a_common_word_is_a_hint(rules, text, wrong, right):
    assert {(wrong, right, "info"), (wrong, right, "warning")} & set(_found(rules, text))


@pytest.mark.parametrize("text,wrong,right,severity", [
    ("全县生态环境质量持渎改善。", "持渎", "持续", "warning"),   # far above the margin
    ("要加强水土资园的节约集约利用。", "资园", "资源", "warning"),
    ("市场监督管理部闷要加强日常检查工作。", "部闷", "部门", "warning"),
    ("部分地区的湖泊出现委缩的状态。", "委缩", "萎缩", "info"),  # above the margin, not far
])
def test_a_sure_slip_is_a_warning_the_others_hints(rules, text, wrong, right, severity):
    assert _found(rules, text) == [(wrong, right, severity)]


def test_the_sure_rule_keeps_what_clears_its_margin_from_the_hint_rule(rules):
    hint = _rule(rules)
    sure = next(r for r in rules if r.full_id == SURE)
    # one computation for both: the sure rule borrows from a hint rule of the same model (of
    # this load or of another one alive in the process -- the model, and so its result, is
    # the same); the hint rule computes for itself
    donor = sure._donor()
    assert donor is not sure and donor.full_id == hint.full_id
    assert (donor.min_gain, donor.other_gain) == (hint.min_gain, hint.other_gain) and hint._donor() is hint
    text = "要加强水土资园的节约集约利用部分地区的湖泊出现委缩的状态"
    hint._memo.clear()
    got = {w for _, _, w in hint.check_run(text)}
    assert {"资源", "萎缩"} <= got and {w for _, _, w in sure.check_run(text)} == {"资源"}
    assert sure._memo == {}
    hint._memo.clear()


@pytest.mark.parametrize("text", [
    "各单位要依照法律规定办理登记手续。",
    "坚持稳中求进工作总基调，积极推进重点项目建设进度。",
    "要以数字技术赋能传统产业转型升级。",
    "全力做好抗疫物资保障工作。",                  # a term newer than the dictionary (newwords.txt)
    "学校组织师生开展了丰富多彩的活动。",
    "我们要大力弘扬劳模精神和工匠精神。",
    "法津",                                      # too short a stretch to judge
])
def test_correct_or_unjudgeable_text_is_quiet(rules, text):
    assert _found(rules, text) == []


def test_the_word_list_of_new_terms_is_read(rules):
    rule = _rule(rules)
    text = "全力做好抗疫物资保障工作"
    assert rule.check_run(text) == ()
    saved = rule._known_rx
    try:
        rule._known_rx = False          # as if newwords.txt were empty
        rule._memo.clear()
        assert any(w == "抗议" for _, _, w in rule.check_run(text))  # what the list prevents
    finally:
        rule._known_rx = saved
        rule._memo.clear()


def test_each_distinct_stretch_is_judged_once(rules, monkeypatch):
    rule = _rule(rules)
    rule._memo.clear()
    calls = []
    real = rule._check
    monkeypatch.setattr(rule, "_check", lambda s, *a: calls.append(s) or real(s, *a))
    text = "各单位要依照法津规定办理登记手续。坚持稳中求进工作总基调。\n" * 200
    hits = list(rule.scan(Context("body", text, [])))
    # each stretch judged at most once (one the sift clears is not judged at all)
    assert len(hits) == 200 and len(calls) == len(set(calls)) <= 2 and "各单位要依照法津规定办理登记手续" in calls
    assert rule._memo["坚持稳中求进工作总基调"] == ()
    assert {text[s:e] for s, e, _ in hits} == {"法津"}
    rule._memo.clear()


def test_line_by_line_equals_whole_text(rules):
    rule = _rule(rules)
    text = "各单位要依照法津规定办理登记手续。\n坚持稳中求进工作总基调。\n切实维护群众的合法权溢，保持最蜜切的联系。"
    ctx = Context("body", text, [])
    whole = [(s, e, v["suggestion"]) for s, e, v in rule.scan(ctx)]
    by_line = []
    pos = 0
    for line in text.split("\n"):
        hits, _ = rule.scan_range(ctx, pos, pos + len(line), len(text))
        by_line += [(s, e, v["suggestion"]) for _, s, e, v in hits]
        pos += len(line) + 1
    assert whole == by_line and len(whole) == 3
    assert rule.line_reach() == (0, 0)


def test_index_cache_round_trip_and_a_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(confusion, "_INDEX", {})
    got = confusion.dictionary_index(300, "same-tone.txt")
    index, conf, other, pairs, words2 = got
    assert "律" in index["法?"] and "律" in conf["津"] and "具" in conf["俱"]   # look-alike, same tone
    assert "举" in other["句"] and "举" not in conf["句"]                     # jù / jǔ: another tone
    assert "律" in pairs["法"] and "津" not in pairs["法"]                    # 法律 is a word, 法津 in none
    assert "律" in words2["法"] and "产" in pairs["共"] and "产" in words2["共"]
    assert "党" in pairs["产"] and "党" not in words2["产"]                   # inside 共产党, not a word
    path = confusion._index_path(300, "same-tone.txt")
    assert path.is_file()
    assert confusion._unpack(marshal.loads(path.read_bytes())) == got
    path.write_bytes(b"not marshal")
    monkeypatch.setattr(confusion, "_INDEX", {})
    assert confusion.dictionary_index(300, "same-tone.txt") == got
    # without a tone table every homophone is a plain confusable
    index2, conf2, other2, _, _ = confusion.dictionary_index(300)
    assert "举" in conf2["句"] and other2 == {}


def test_bad_settings_are_load_errors(tmp_path):
    from reviewer.core.rules.loader import RuleLoadError, load_rule_file

    d = tmp_path / "typo"
    d.mkdir()
    p = d / "x-conf.yaml"
    p.write_text("id: x-conf\nname: 测试\nkind: confusion\nseverity: info\nmessage: 测试\nmin_gain: -1\n"
                 "examples:\n  - bad: 依照[[法津]]规定办理登记手续。\n  - good: 依照法律规定办理登记手续。\n", encoding="utf-8")
    with pytest.raises(RuleLoadError) as e:
        load_rule_file(p, "typo")
    assert e.value.key == "min_gain"


def test_clean_official_text_stays_nearly_quiet(rules):
    chars = hits = 0
    for p in sorted(shared("clean").glob("*.txt")):  # skips when ../shared is absent
        text = p.read_text(encoding="utf-8")
        chars += len(text)
        hits += len(_found(rules, text))
    assert hits * 100_000 <= 2 * chars, (hits, chars)   # at most 2 per 100,000 characters


def test_a_stretch_with_nothing_odd_does_not_load_jieba():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\n"
            "from reviewer.core.rules import load_rules\n"
            "rule = next(r for r in load_rules() if r.full_id == 'typo.confusable-char')\n"
            "from reviewer.core.segment import is_loaded\n"
            "print(rule.check_run('坚持以党建引领基层治理'), is_loaded())\n"
            "print(rule.check_run('各单位要依照法津规定办理'), is_loaded())\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                         capture_output=True, text=True)
    assert out.stdout.split("\n")[:2] == ["() False", "((6, 8, '法律'),) True"], out.stderr


# -- the sift (the pre-check without jieba) ----------------------------------------------

def _slips(found):
    """(start, end, word) of _check()'s slips, without the gain and the tone it keeps for
    the rules that share its findings (the gain of a route cut in pieces differs from the
    whole route's in the last bits)."""
    return tuple(f[:3] for f in found)


def _unsifted(rule, s):
    """What the rule reports on one stretch when every suspect is looked at (no sift)."""
    index, confusion, weak = rule._tables()
    suspects = rule._suspects(confusion, weak)
    return _slips(rule._check(s, [i for i, ch in enumerate(s) if ch in suspects]))


def _slip(s, finding):
    a, b, word = finding
    return next(k for k in range(a, b) if s[k] != word[k - a])


def test_the_sift_keeps_every_shipped_bad_example(rules):
    from reviewer.core.rules.confusion import ConfusionRule

    seen = 0
    for rule in (r for r in rules if isinstance(r, ConfusionRule)):
        for ex in (e for e in rule.examples if not e.good):
            kept = set(rule.sift(ex.text))
            for s in confusion._RUN.findall(ex.text):
                base = ex.text.index(s)
                for found in _unsifted(rule, s):
                    seen += 1
                    assert base + _slip(s, found) in kept, (ex.text, found)
                    assert found in _slips(rule._check(s)), (ex.text, found)
    assert seen >= 4


def test_the_sift_drops_only_characters_that_pair_with_a_neighbour(rules):
    """On random sentences of frequent words with one character swapped for a confusable,
    the sifted check reports a subset of the unsifted one, and what it misses is a slip
    that makes a two-character dictionary word with a neighbour (or stands inside
    dictionary words with both): the route seldom leaves such a character alone."""
    import random

    rule = _rule(rules)
    index, confusion_, weak = rule._tables()
    pairs, words2 = confusion.dictionary_index(rule.min_freq, rule.tones)[3:5]
    words = sorted({k.replace("?", c) for k, fill in index.items() for c in fill})
    rng = random.Random(20261202)
    found = dropped = 0
    for _ in range(300):
        s = "".join(rng.choice(words) for _ in range(rng.randint(4, 7)))
        i = rng.randrange(len(s))
        if s[i] in confusion_:
            s = s[:i] + rng.choice(confusion_[s[i]]) + s[i + 1:]
        # by place: where a sifted-out candidate was the stronger of two overlapping ones, the
        # unsifted check suggests another word for the same place (技艺 for 计议)
        full = {f[:2]: f for f in _unsifted(rule, s)}
        sifted = {f[:2] for f in _slips(rule._check(s))}
        assert sifted <= full.keys(), s
        found += len(full)
        for f in (full[k] for k in full.keys() - sifted):
            dropped += 1
            j = _slip(s, f)
            word_beside = (j > 0 and s[j] in words2.get(s[j - 1], "")) or (
                j + 1 < len(s) and s[j + 1] in words2.get(s[j], ""))
            inside_both = (j == 0 or s[j] in pairs.get(s[j - 1], "")) and (j + 1 == len(s) or s[j + 1] in pairs.get(s[j], ""))
            assert word_beside or inside_both, (s, f)
    assert found >= 30 and dropped <= found // 10, (found, dropped)


def test_sifting_many_stretches_at_once_equals_one_by_one(rules):
    rule = _rule(rules)
    parts = ["各单位要依照法津规定办理登记手续", "坚持稳中求进工作总基调", "切实维护群众的合法权溢",
             "保持最蜜切的联系", "法", "", "当事人可以申请改变俱体行政行为"]
    joined = "\n".join(parts)
    at_once = rule.sift(joined)
    one_by_one, pos = [], 0
    for p in parts:
        one_by_one += [pos + i for i in rule.sift(p)]
        pos += len(p) + 1
    assert at_once == one_by_one and len(at_once) >= 4
    assert rule.sift("") == rule.sift("津") == [] and [i - 3 for i in rule.sift("Law法津x")] == rule.sift("法津") == [0, 1]
    assert {joined[i] for i in at_once} >= {"津", "溢", "蜜", "俱"}


def test_a_route_worked_out_again_from_the_change_is_the_full_route():
    import random

    from reviewer.core.segment import tokenizer

    tok = tokenizer()
    rng = random.Random(7)
    text = "各单位要依照法律规定办理登记手续坚持稳中求进工作总基调切实维护群众的合法权益保持最密切的联系"
    for _ in range(200):
        a = rng.randrange(len(text) - 6)
        s = text[a:a + rng.randint(6, 20)]
        i = rng.randrange(len(s))
        s2 = s[:i] + rng.choice("法律津具俱益溢密蜜的地得") + s[i + 1:]
        _, _, tables = confusion._route(tok, s)
        assert confusion._route(tok, s2, tables, i)[:2] == confusion._route(tok, s2)[:2]


def test_a_long_stretch_routed_in_pieces_finds_what_the_whole_route_finds(rules, monkeypatch):
    """A stretch longer than LONG (a page that lost its punctuation) is routed in pieces cut
    where no dictionary word spans and no candidate is near: the same findings."""
    import random

    rule = _rule(rules)
    rng = random.Random(5)
    sentences = ["各单位要依照法津规定办理登记手续", "坚持稳中求进工作总基调", "切实维护群众的合法权溢",
                 "我们要始终同人民群众保持最蜜切的联系", "学校组织师生开展了丰富多彩的活动",
                 "我们要大力弘扬劳模精神和工匠精神", "积极推进重点项目建设进度", "当事人可以申请改变俱体行政行为"]
    from reviewer.core.segment import tokenizer

    for _ in range(10):
        s = "".join(rng.choice(sentences) for _ in range(30))
        monkeypatch.setattr(rule, "LONG", 10 ** 9, raising=False)
        whole = _slips(rule._check(s))
        monkeypatch.setattr(rule, "LONG", 60, raising=False)
        odd = set(rule.sift(s))
        assert len(rule._pieces(tokenizer(), s, odd)) >= 2
        assert _slips(rule._check(s)) == whole and len(whole) >= 2


def test_characters_in_no_order_are_routed_in_short_pieces(rules):
    """A long line of common characters in no order (inserted against copying, or a text
    decoded with the wrong code page) has a candidate every few characters: its pieces are cut
    once they hold CROWDED candidates, not grown to 4 × LONG (routes cost a piece's length per
    candidate: a 96,000-character line took 12 s)."""
    import random

    from reviewer.core.segment import tokenizer

    rule = _rule(rules)
    rng = random.Random(7)
    common = "的一是了不在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    s = "".join(rng.choice(common) for _ in range(6000))
    odd = set(rule.sift(s))
    assert len(odd) > 600
    pieces = rule._pieces(tokenizer(), s, odd)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(s)
    assert all(a == b for (_, a), (b, _) in zip(pieces, pieces[1:]))
    longest = max(b - a for a, b in pieces)
    assert longest < rule.LONG, longest
