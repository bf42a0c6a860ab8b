"""A character lost inside a common idiom (typo.near-idiom-drop, ``drop_not_word: strict``)
and the misspellings of misused-extra.txt (typo.misused-words): told where the rest reads
as no words, quiet on correct text that holds the same characters."""
import pytest

from ..conftest import body_findings


def _typos(rules, text, rule):
    return [(f.text, f.suggestion) for f in body_findings(rules, text) if f.rule == rule]


@pytest.mark.parametrize("text,found,right", [
    ("全镇上下众志城，打赢防汛攻坚战。", "众志城", "众志成城"),
    ("学习理论要持之恒，不能一曝十寒。", "持之恒", "持之以恒"),
    ("对待每一项工作都要精求精。", "精求精", "精益求精"),
])
def test_a_character_lost_inside_a_common_idiom(rules, text, found, right):
    assert _typos(rules, text, "typo.near-idiom-drop") == [(found, right)]


@pytest.mark.parametrize("text", [
    "要稳推进改革，坚持不动摇。",        # 稳|推进, 不|动摇: words of their own
    "老人坐在夕阳下，光棍一条无牵挂。",  # 夕阳|下, 无|牵挂
    "下雨了，他就走不了了。",            # 不|了|了: characters that stand alone
    "不能乱作为，又一个项目落地。",      # 乱作胡为, 又弱一个: idioms jieba hardly knows
    "希望大家和衷济，携手建设家园。",    # a lost 共 is phrasing.filtered-gong's
])
def test_a_remnant_that_reads_as_words_is_quiet(rules, text):
    assert _typos(rules, text, "typo.near-idiom-drop") == []


def test_listed_look_alikes_between_word_boundaries_only(rules):
    got = _typos(rules, "这项工作己初步完成，项日建设要对标日标，提拨干部看实绩。", "typo.misused-words")
    assert got == [("己初步", "已初步"), ("项日", "项目"), ("日标", "目标"), ("提拨", "提拔")]
    quiet = "盲目地反对不求甚解，守护土地的恩赐，让自己成为更好的人，各项日常工作有序开展。"
    assert _typos(rules, quiet, "typo.misused-words") == []


def test_ru_written_as_ren(rules):
    got = _typos(rules, "要深人基层，把安全生产纳人考核，引进金融人才。", "typo.misused-words")
    assert got == [("深人", "深入"), ("纳人", "纳入")]
