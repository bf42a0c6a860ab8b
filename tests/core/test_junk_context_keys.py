"""junk-context: the keys of glued-marker (genre_heads) and piece-header (its patterns),
loaded strictly, and what they change in the findings."""
import pytest

from reviewer.core.document import Document
from reviewer.core.engine import ReviewOptions, review_region
from reviewer.core.rules import RuleLoadError, load_rules

GLUED = """id: {id}
name: 测试篇号
kind: junk-context
check: {check}
severity: error
message: 测试“{{match}}”
patterns:
  - '(?:方案|总结)(?P<junk>[ \\t]*\\d{{1,2}})\\s*$'
{extra}examples:
  - bad: "社区中秋[[{bad}]]\\n一、活动主题"
  - good: 全年完成方案12
"""


def write(tmp_path, text, name="t-rule"):
    path = tmp_path / "mine" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _found(rule, text):
    doc = Document.from_text(text)
    found, _ = review_region("body", doc.text, doc.paragraphs, [rule], ReviewOptions())
    return [doc.text[f.start:f.end] for f in found if f.rule == rule.full_id]


def test_genre_heads_take_the_word_before_the_genre_word(tmp_path):
    write(tmp_path, GLUED.format(id="t-rule", check="glued-marker", extra="genre_heads: [方案]\n", bad="活动方案 1"))
    rule = load_rules([tmp_path], builtin=False).by_id["mine.t-rule"]
    assert _found(rule, "社区中秋活动方案 1\n一、活动主题") == ["活动方案 1"]


def test_without_genre_heads_the_genre_word_alone(tmp_path):
    write(tmp_path, GLUED.format(id="t-rule", check="glued-marker", extra="", bad="方案 1"))
    rule = load_rules([tmp_path], builtin=False).by_id["mine.t-rule"]
    assert _found(rule, "社区中秋活动方案 1\n一、活动主题") == ["方案 1"]


def test_shipped_glued_marker_reads_its_genre_heads_from_yaml():
    rule = load_rules().by_id["site_junk.glued-marker"]
    assert {"方案", "总结", "讲话", "策划"} <= rule.genre_heads
    assert _found(rule, "社区中秋活动实施方案1\n一、活动主题") == ["实施方案1"]


def test_genre_heads_belong_to_glued_marker_only(tmp_path):
    write(tmp_path, GLUED.format(id="t-rule", check="stray-char", extra="genre_heads: [方案]\n", bad="方案 1"))
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "genre_heads"


PIECE = """id: t-piece
name: 测试篇号标题
kind: junk-context
check: piece-header
severity: error
message: 测试“{{match}}”
patterns:
{patterns}examples:
  - bad: "社区节日慰问方案(通用3篇)\\n[[社区节日慰问方案1]]\\n为了让困难群众过好节日，特制定本方案。"
  - good: "社区节日慰问方案\\n社区节日慰问方案1为了让困难群众过好节日，特制定本方案。"
"""
TITLE = "  - '\\s*(?P<stem>[^\\n（）()]{4,40}?)\\s*[（(]通用\\d{1,2}篇[）)]\\s*$'\n"
NUMBER = "  - '\\d{1,2}'\n"


@pytest.mark.parametrize("patterns", [TITLE, TITLE.replace("?P<stem>", "") + NUMBER])
def test_piece_header_needs_a_title_with_its_stem_and_a_number(tmp_path, patterns):
    write(tmp_path, PIECE.format(patterns=patterns), name="t-piece")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "patterns"


def test_piece_header_takes_the_stem_of_the_collections_title(tmp_path):
    write(tmp_path, PIECE.format(patterns=TITLE + NUMBER), name="t-piece")
    rule = load_rules([tmp_path], builtin=False).by_id["mine.t-piece"]
    text = "社区节日慰问方案(通用3篇)\n社区节日慰问方案1\n一、慰问对象\n社区节日慰问方案2为了让群众过好节日。"
    assert _found(rule, text) == ["社区节日慰问方案1", "社区节日慰问方案2"]
    assert _found(rule, "社区节日慰问方案\n社区节日慰问方案1\n一、慰问对象") == []


STRAY = """id: {id}
name: 测试连字符
kind: junk-context
check: {check}
severity: error
message: 测试“{{match}}”
patterns:
  - '(?<![\\u4e00-\\u9fff]-)(?P<join>(?P<before>[\\u4e00-\\u9fff])(?P<junk>-)[\\u4e00-\\u9fff])(?!-)'
word_at_least: 300
{extra}examples:
  - bad: 促进社会[[和-谐]]。
  - good: 这就是海尔-波普彗星。
"""


def test_shipped_stray_char_leaves_two_words_side_by_side():
    rule = load_rules().by_id["site_junk.stray-char"]
    assert _found(rule, "坚持上-下联动，推动城-乡统筹发展，促进社会和-谐。") == ["和-谐"]


def test_free_word_at_least_decides_when_two_words_stand_side_by_side(tmp_path):
    # 上 and 下 are each far more frequent than 5000 as words of their own: with the bar
    # out of reach, 上-下 is read as the word 上下 with a hyphen pushed into it
    write(tmp_path, STRAY.format(id="t-rule", check="stray-char", extra="free_word_at_least: 100000000\n"))
    rule = load_rules([tmp_path], builtin=False).by_id["mine.t-rule"]
    assert _found(rule, "坚持上-下联动，促进社会和-谐。") == ["上-下", "和-谐"]


def test_free_word_at_least_belongs_to_stray_char_only(tmp_path):
    write(tmp_path, STRAY.format(id="t-rule", check="inserted-char", extra="free_word_at_least: 10\n"))
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path], builtin=False)
    assert err.value.key == "free_word_at_least"
