"""Drafts in traditional characters are reviewed through a simplified view (traditional.py)."""
import glob

import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review
from reviewer.core.traditional import (count_traditional, is_traditional, restore_quotes, restore_suggestion,
                                       simplified_view, to_simplified)
from tests.conftest import shared

# The same made-up plan twice: in simplified and in traditional characters.
SIMPLIFIED = """发表时间：2021-03-05 来源：网友上传 阅读：1024次
关于开展春节慰问活动的策划书
一、活动背景
为弘扬中华民族传统美德，举办丰富多彩的节日活动，让群众感受到党和政府的温暖。我们要真抓实干，推动各项工作日新月异。
二、活动时间
XX年1月20日至1月25日。
三、活动经费
本次活动预算 万元，由镇财政统一支出。
四、活动要求
各村要和衷共济，认真组织，确保活动安全有序。
"""
TRADITIONAL = """發表時間：2021-03-05 來源：網友上傳 閱讀：1024次
關於開展春節慰問活動的策劃書
一、活動背景
為弘揚中華民族傳統美德，舉辦豐富多彩的節日活動，讓群眾感受到黨和政府的溫暖。我們要真抓實幹，推動各項工作日新月異。
二、活動時間
XX年1月20日至1月25日。
三、活動經費
本次活動預算 萬元，由鎮財政統一支出。
四、活動要求
各村要和衷共濟，認真組織，確保活動安全有序。
"""


@pytest.fixture(scope="module")
def ruleset():
    from reviewer.core.rules import load_rules

    return load_rules()


def _key(f):
    return f.rule, f.start, f.end


def test_the_view_keeps_length_and_simplifies():
    assert len(SIMPLIFIED) == len(TRADITIONAL)
    view = simplified_view(TRADITIONAL)
    assert view is not None and len(view) == len(TRADITIONAL)
    assert view == SIMPLIFIED
    assert simplified_view(SIMPLIFIED) is None


def test_a_traditional_draft_gets_the_findings_of_its_simplified_twin(ruleset):
    simp = review(Document.from_text(SIMPLIFIED), ruleset)
    trad = review(Document.from_text(TRADITIONAL), ruleset)
    assert trad.genre == simp.genre == "plan"
    script = [f for f in trad.findings if f.rule == "typo.traditional-script"]
    assert len(script) == 1 and script[0].severity == "info"
    assert script[0].text == "關"  # the first traditional character outside the junk line
    assert {_key(f) for f in trad.findings} - {_key(script[0])} == {_key(f) for f in simp.findings}
    for f in trad.findings:
        assert f.text == TRADITIONAL[f.start:f.end]
    cats = {f.category: f for f in trad.findings}
    assert cats["site_junk"].text.startswith("發表時間")
    assert cats["placeholder"].text.startswith("XX")  # (XX年: the slot and its unit)
    assert cats["blank_figure"].text.strip() == "萬元" and "萬元" in cats["blank_figure"].message
    # correct idioms in traditional characters are no near misses
    assert not [f for f in trad.findings if f.rule == "typo.near-idiom"]
    assert trad.outline[0].text == "關於開展春節慰問活動的策劃書"


def test_without_the_view_the_rules_miss_it(ruleset):
    plain = review(Document.from_text(TRADITIONAL), ruleset, ReviewOptions(simplified_view=False))
    assert not [f for f in plain.findings if f.rule == "typo.traditional-script"]


def test_a_simplified_draft_is_untouched(ruleset):
    doc = Document.from_text(SIMPLIFIED + "张鐘同志作了发言。\n")  # one traditional name character
    on = review(doc, ruleset)
    off = review(doc, ruleset, ReviewOptions(simplified_view=False))
    assert [f.to_dict() for f in on.findings] == [f.to_dict() for f in off.findings]
    assert on.genre == off.genre


def test_threshold():
    assert not is_traditional("张鐘同志作了发言。")
    assert is_traditional("關於開展活動的通知")
    long_simplified = "今年经济运行平稳，" * 300 + "他們這"
    assert count_traditional(long_simplified) == 2 and not is_traditional(long_simplified)
    assert is_traditional(long_simplified + "這個問題們說過來" * 3)


def test_characters_of_simplified_text_never_change():
    keep = "朗朗乾坤，著名，干部，后来，里面，发展，范围，制度，复兴"
    assert to_simplified(keep) == keep
    # normative simplified characters that are common in traditional text: changed in the
    # view of a traditional draft, but no evidence of one
    shared_ = "於姓同志演奏宫商角徵羽，获益甚夥，其餘"
    assert count_traditional(shared_) == 0 and not is_traditional(shared_)
    assert to_simplified("關於其餘") == "关于其余"


def test_restore_suggestion_and_quotes():
    # a suggestion copied from the matched span keeps the original characters
    assert restore_suggestion("丰富多采", "豐富多采", "丰富多彩") == "豐富多彩"
    assert restore_suggestion("本站发布正文", "本站發佈正文", "正文") == "正文"
    assert restore_suggestion("网站发布的文章", "網站發佈的文章", "发布的文章") == "發佈的文章"
    view, source = "会议发言", "會議發言"
    assert restore_quotes("在“议发言”处中断", view, source) == "在“議發言”处中断"
    assert restore_quotes("规范写法是“繁转简”", view, source) == "规范写法是“繁转简”"


@pytest.mark.parametrize("folder", ["clean", "seeds", "dev/drafts"])
def test_the_view_changes_no_character_of_simplified_texts(folder):
    path = shared(*folder.split("/"))
    files = sorted(glob.glob(str(path / "*.txt")))
    assert files
    for name in files:
        text = open(name, encoding="utf-8").read()
        assert to_simplified(text) == text, name
        assert simplified_view(text) is None, name


def test_a_suggestion_that_copies_the_text_keeps_its_characters(ruleset):
    text = "關於開展中秋節活動的通知\n為了促進教職工之間的`聯繫，增進友誼，學校決定舉辦中秋節聯歡會。請各部門認真組織。\n"
    stray = [f for f in review(Document.from_text(text), ruleset).findings if f.rule == "site_junk.stray-char"]
    # (the finding covers the word before 的 too, as on a simplified draft: 之間的`聯繫)
    assert [(f.text, f.suggestion) for f in stray] == [("之間的`聯繫", "之間的聯繫")]


def test_count_of_traditional_characters_equals_a_count_character_by_character():
    """count_traditional searches with character classes (the BMP ones and the few beyond
    it apart); the count is the plain one, for every listed character and none other."""
    from reviewer.core import traditional

    _, keys = traditional._load()
    assert any(ord(c) > 0xFFFF for c in keys) and any(ord(c) <= 0xFFFF for c in keys)
    text = "".join(sorted(keys)) * 2 + "中文於𠀀abc\n" + "".join(sorted(keys))[::7]
    assert traditional.count_traditional(text) == sum(1 for ch in text if ch in keys)
    assert traditional.count_traditional("全部是简体字的一段话。") == 0
