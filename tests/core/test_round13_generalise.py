"""Round 13 of drafts from unseen sites (schools, hospitals, companies, villages, courts,
rural affairs, youth work): the false alarms found there, each as the shape it has on any
site, with the true finding beside it."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import site_junk_texts as _texts

_ITEM = ("加强师德师风建设，引导全体教师树立正确的教育观和学生观，把立德树人作为教育的根本任务，"
         "坚持以学生发展为中心，关心每一名学生的成长，尊重学生人格，耐心细致地做好学生的思想工作，"
         "做学生的良师益友，在教育教学的各个环节渗透德育内容，形成全员育人、全过程育人、全方位育人的"
         "良好格局，学生的文明素养和行为习惯明显提高，取得了较好的效果")


def test_a_list_after_a_piece_header_is_no_page_number(rules):
    head = "学校德育工作总结范文 篇1\n\n"
    # the first item of a list that goes on (its sentence ends, 2、 opens the next line)
    assert "1、" not in _texts(rules, head + "1、" + _ITEM + "。\n\n2、组织开展主题班会活动，每月一个主题。\n")
    # a sharing site's first page: it stops mid-sentence and page 2 goes on with it
    assert "1、" in _texts(rules, head + "1、" + _ITEM + "，学\n2、生的行为习惯明显好转，家长满意。\n")
    # a page that stops after a bracket (三、重点宣传内容(-)⏎2、新时代……) is still a page
    assert "1、" in _texts(rules, head + "1、" + _ITEM + "。三、重点宣传内容(-)\n2、新时代的要求是明确的，大家要认真落实。\n")
    # a page that happened to end a sentence is still a page when its 2、 is one (确⏎3、整改)
    page2 = "2、" + _ITEM[::-1][:40] + "，明确了整改的责任和时限，各单位要对照清单逐项抓好落实，确保问题整改" + _ITEM[:120] + "，确\n"
    found = _texts(rules, head + "1、" + _ITEM + "。\n" + page2 + "3、整改到位，群众满意。\n")
    assert "1、" in found, found
    # an item that ends with its closing quote or a bracketed note is ended too
    for end in ("。”", "。（责任部门：校长办公室、政教处）"):
        assert "1、" not in _texts(rules, head + "1、" + _ITEM + end + "\n2、组织开展主题班会活动，每月一个主题。\n")


def test_a_piece_numbered_after_its_stem_keeps_the_genre(rules):
    # (round 14: 前台柜员工作总结篇(1) -- the page's title cut at its bracket left 总结篇)
    text = ("窗口服务工作总结汇总十篇\n\n窗口服务工作总结篇(1)\n\n"
            "今年以来，我认真履行岗位职责，较好地完成了各项工作任务，服务质量明显提升。\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary", rep.genre_reason
