"""More 的/地/得 classes and doubled-character idioms (issue 10): the light verbs whose
object is a noun phrase, verbs with a pronoun object, a directional complement or a
quotation, potential and reduplicated-state complements, pronouns and localisers before a
noun, and idioms whose doubled pair is a homophone."""
import pytest

from reviewer.core.rules.loader import load_rule_file

from ..conftest import body_findings, shared

NEW = {"typo.de-light-verb", "typo.de-adverbial-object", "typo.de-potential", "typo.de-complement-state",
       "typo.de-pronoun-noun"}


def _found(rules, text):
    return [(f.rule, f.text, f.suggestion) for f in body_findings(rules, text)
            if f.category == "typo" and f.severity != "info"]


@pytest.mark.parametrize("text,rule,wrong,suggestion", [
    ("专家们对方案进行了深入地论证和比较。", "typo.de-light-verb", "地", "的"),
    ("这项政策取得了明显地效果和反响。", "typo.de-light-verb", "地", "的"),
    ("群众积极的支持他们的工作。", "typo.de-adverbial-object", "的", "地"),
    ("老队员主动的承担起训练任务。", "typo.de-adverbial-object", "的", "地"),
    ("老人高兴的说：“这下放心了。”", "typo.de-adverbial-object", "的", "地"),
    ("这样的干部守的住底线。", "typo.de-potential", "的", "得"),
    ("今年的任务完成的更为出色。", "typo.de-complement", "的", "得"),
    ("老人们现在生活的很幸福。", "typo.de-complement", "的", "得"),          # 生活: a verbal noun
    ("房间收拾的整整齐齐。", "typo.de-complement-state", "的", "得"),
    ("这是他们地心愿，也是会场里地共识。", "typo.de-pronoun-noun", "地", "的"),
    ("志愿者始终的在一线服务。", "typo.de-adverb-preposition", "的", "地"),
    ("会场上大家议论份份，气氛热烈。", "typo.near-idiom", "议论份份", "议论纷纷"),
])
def test_found(rules, text, rule, wrong, suggestion):
    # the rule's own finding: a sibling 的/地/得 rule may make the same one at the same place
    # (明显地效果和反响: de-attributive too), and the tidy keeps one of the two
    own = [r for r in rules if r.full_id == rule or not r.full_id.startswith("typo.de-")]
    assert (rule, wrong, suggestion) in _found(own, text)


@pytest.mark.parametrize("text", [
    "各项改革得以顺利地推进。",              # 得以 takes a verb: the adverbial keeps 地
    "要求各地认真地落实。",                   # 要求 takes a clause
    "有计划地推进棚户区改造。",
    "感谢同志们长期以来无私的帮助。",          # a verb used as a noun
    "群众纷纷议论，有的说：“好。”",            # 有的 is a pronoun
    "在新的起点上，改善群众的住房条件。",      # 起点、住房 are words
    "他说的这么多话，大家都记住了。",          # 这么 + a noun phrase, not a complement
    "事情没有你说的那么简单。",                # a comparison
    "要培养具有独立地开展研究的能力的人才。",    # 地 inside a relative clause
    "军民之间鱼水情深，干部群众心连心。",        # both orders are right
    "他偏偏不来，天天如此，心事重重。",
    "改革涉及生活的方方面面。",              # a noun, not a state word
    "我们地区的工作，周边地区的发展。",        # 我们地区 / 地区 are words
    "各组人数不等，最少的为3人。",            # 为 here is 是
])
def test_quiet(rules, text):
    got = [r for r, _, _ in _found(rules, text) if r in NEW | {"typo.near-idiom", "typo.de-complement"}]
    assert got == [], got


def test_pairs_only_where_asked(tmp_path):
    """A near-miss rule without ``pairs`` keeps to one character."""
    from reviewer.core.engine import Context

    path = tmp_path / "x.yaml"
    body = ("id: x\nname: x\nkind: near-miss\nseverity: warning\nmessage: m\n"
            "expressions: [风度翩翩]\n{extra}examples:\n  - bad: '他一向[[风度偏偏]]。'\n  - good: 好\n")
    plain = load_rule_file(path_write(path, body.format(extra="")), "typo")
    paired = load_rule_file(path_write(path, body.format(extra="pairs: true\n")), "typo")
    text = "他一向风度偏偏。"
    assert [f.text for f in plain.run(Context("body", text, None))] == []
    assert [f.text for f in paired.run(Context("body", text, None))] == ["风度偏偏"]


def path_write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_quiet_on_clean_texts(rules):
    """The new classes report nothing on the clean official texts."""
    folder = shared("clean")
    for p in sorted(folder.glob("*.txt")):
        got = [f for f in body_findings(rules, p.read_text(encoding="utf-8"))
               if f.rule in NEW or (f.rule == "typo.near-idiom" and f.text[:2] == f.text[2:4])]
        assert got == [], (p.name, got)
