"""Site junk, round 4: what many unseen sites share -- a stray letter of another script in a
word, a watermark's account after its address, a school site's welcome bar, a Q&A page's labels,
a page title with the site's column word, a later piece's numbered title."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.export.clean import apply_edits, edits_for
from reviewer.core.rules import load_rules


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _junk(rules, text):
    rep = review(Document.from_text(text), rules)
    return [f for f in rep.findings if f.category == "site_junk"]


def _cleaned(rules, text):
    rep = review(Document.from_text(text), rules)
    return apply_edits(text, edits_for(text, rep.findings, categories={"site_junk"}))


@pytest.mark.parametrize("text,word,fixed", [
    ("我们要严格管理，驾驶员以外的.单位干部不得驾驶公车。", "以外的.单位", "驾驶员以外的单位干部"),
    ("这是全镇人民的'共同心愿。", "人民的'共同", "全镇人民的共同心愿"),
    ("他们的事迹值得我们ฐ学习。", "我们ฐ学习", "值得我们学习"),
])
def test_stray_character_shows_the_word_it_was_put_in_and_removal_mends_it(rules, text, word, fixed):
    found = [f for f in _junk(rules, text) if f.rule.endswith("stray-char")]
    assert [f.text for f in found] == [word]
    assert fixed in _cleaned(rules, text)


def test_letters_of_another_script_in_a_quoted_foreign_name_are_not_junk(rules):
    assert not _junk(rules, "泰国首都曼谷（กรุงเทพฯ）是一座旅游城市。")


def test_watermark_takes_the_sites_account_after_its_address(rules):
    text = "某禾}文%汇[库:https://www.qh-example.cn/。公众@号:某某写作。整理汇总。某镇政府工作报告\n各位代表：\n现在，我代表镇人民政府作报告。"
    got = [f.text for f in _junk(rules, text)]
    assert any(t.endswith("整理汇总。") and t.startswith("某禾") for t in got), got
    assert _cleaned(rules, text).startswith("某镇政府工作报告")


def test_school_sites_welcome_bar_and_qa_labels_go_whole(rules):
    text = ("某某第一中学 欢迎您!\n今天是:\n问题描述:\n求一篇德育工作总结\n最佳答案\n"
            "学校德育工作总结\n今年以来，我校坚持立德树人。")
    got = [f.text for f in _junk(rules, text)]
    for line in ("某某第一中学 欢迎您!", "今天是:", "问题描述:", "最佳答案"):
        assert line in got, (line, got)
    assert "今年以来，我校坚持立德树人。" in _cleaned(rules, text)


@pytest.mark.parametrize("text", [
    "欢迎光临本次迎新晚会！",
    "江城欢迎您",
    "今天是2024年5月4日，我们在这里隆重集会。",
    # (a title line ending in 范文 is the page's title: site_junk.title-fanwen, test_junk8_shapes.py)
    "街道2024年工作总结\n今年以来，街道各项工作稳步推进。",
    "第1篇：迎国庆主题活动方案\n一、活动目的",
])
def test_speech_lines_and_a_drafts_own_title_are_left_alone(rules, text):
    assert [f.text for f in _junk(rules, text) if f.text.strip() not in ("第1篇：", "第1篇:")] == []


@pytest.mark.parametrize("line", [
    "防汛抢险应急演练方案模板",
    "参观廉政教育基地感想范文3【优秀范文】",
    "领导春节慰问致辞范文(一)",
    "防汛抢险应急演练方案精选 2",
    "第2篇：机关党支部参观教育基地心得体会",
])
def test_page_titles_with_the_sites_column_word_and_later_pieces_titles_go_whole(rules, line):
    text = f"一、基本情况\n这次活动效果很好。\n{line}\n二、主要做法\n认真组织。"
    assert line in [f.text for f in _junk(rules, text)]
