"""Issue 10 (的/地/得): words of jieba's dictionary that swallow what a tagged rule asks
about -- a reduplicated word with its 的 (悄悄的), a degree word with its adjective (很快)
-- and the rule keys that see through them."""
import pytest

from reviewer.core.rules import RuleLoadError
from reviewer.core.rules.loader import load_rule_file
from reviewer.core.segment import tokenizer

from ..conftest import body_findings

RULE = """id: t-split
name: 测试
kind: tagged
severity: warning
message: 测试
suggestion: 得
pattern: '(?P<verb>[\\u4e00-\\u9fff])(?P<hit>的)(?:很|更)(?P<adj>[\\u4e00-\\u9fff])(?=[，。])'
end_tags: {{verb: [v]}}
word_tags: {{adj: [a]}}
{extra}examples:
  - bad: 他跑[[的]]很快。
  - good: 我的书很好。
"""


def _rule(tmp_path, extra):
    path = tmp_path / "typo" / "t-split.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(RULE.format(extra=extra), encoding="utf-8")
    return load_rule_file(path, "typo")


def test_the_dictionary_holds_the_words_that_hide_the_groups():
    # (the reason for both: were jieba to cut them apart, the keys would not be needed)
    freq = tokenizer().FREQ
    assert freq.get("很快") and freq.get("悄悄的") and freq.get("缓缓的")


def test_split_from_lets_a_group_stand_after_a_listed_word(tmp_path):
    text = "他跑的很快。"
    assert not [f for f in body_findings([_rule(tmp_path, "")], text)]
    got = body_findings([_rule(tmp_path, "split_from: {adj: [很, 更]}\n")], text)
    assert [text[f.start:f.end] for f in got] == ["的"]


def test_split_from_names_a_word_tags_group(tmp_path):
    with pytest.raises(RuleLoadError) as err:
        _rule(tmp_path, "split_from: {verb: [很]}\n")
    assert err.value.key == "split_from"


def test_a_reduplicated_word_gives_up_its_de(rules):
    text = "他悄悄的走了，小溪缓缓的流淌着。感谢他们默默的付出，他悄悄的话语打动了我。"
    found = body_findings(rules, text)
    # the two adverbs before a verb; not the verbal noun after 感谢, nor 悄悄的话语 (a noun phrase)
    want = [text.index("悄的走") + 1, text.index("缓的流") + 1]
    assert sorted(f.start for f in found if f.rule.startswith("typo.de")) == want


def test_extra_tags_are_words_jieba_tags_otherwise():
    from reviewer.core.rules.lexicon_data import read_list
    from reviewer.core.rules.tagged import _build_tags, word_tags

    jieba_tags = _build_tags()
    table = word_tags()
    for line in read_list("tags-extra.txt"):
        word, tag = line.split("\t")
        assert tag in jieba_tags, line                             # one of jieba's tags
        assert word not in jieba_tags[tag].split("\n"), line       # one jieba lacks
        assert table.has(word, [tag])                              # and the table has it now


def test_a_feeling_before_a_verb_is_its_manner(rules):
    text = "孩子们开心的笑了，奶奶慈祥的看着我。这是一件开心的事情，他们热情的接待让我们感动。"
    found = [f.start for f in body_findings(rules, text) if f.rule.startswith("typo.de")]
    assert sorted(found) == [text.index("心的笑") + 1, text.index("祥的看") + 1]
