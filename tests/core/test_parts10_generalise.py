"""Genres of drafts without a title, from sites nobody here had seen (h90-h95): an editor's
lead-in that names the piece after 整理了 / 分享了 behind a sentence of its own, and a speaker
who is honoured to attend (非常荣幸参加……) -- a speech, where a writer who took part in a
course (有幸参加了……培训) writes a reflection.  The texts are written for the tests."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections


_SPEECH = ("今天是八一建军节，在此我们首先向战斗在一线的全军将士道一声辛苦了。\n"
           "军人，意味着服从和付出。一有危险，军人总是第一时间出现。\n"
           "亚丁湾护航，利比亚撤侨，国")


def test_a_lead_in_naming_the_piece_after_its_own_sentence_gives_the_genre(rules):
    text = ("全党全军正沿着党的二十大确立的宏伟目标奋勇前进。下面小编在这里为大家精心整理了几篇"
            "2023年八一座谈发言稿，希望对同学们有所帮助，仅供参考。\n" + _SPEECH)
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech", rep.genre_reason
    assert "closing" in missing_sections(rep)  # cut inside the speech: its ending is lost


def test_a_lead_in_that_names_no_piece_gives_no_genre(rules):
    text = ("全党全军正沿着党的二十大确立的宏伟目标奋勇前进。下面小编在这里为大家精心整理了一些"
            "资料，希望对同学们有所帮助，仅供参考。\n" + _SPEECH)
    rep = review(Document.from_text(text), rules)
    assert rep.genre is None, rep.genre_reason


_PARENT = ("非常荣幸参加20xx届同学们的毕业典礼，今天是属于每一位毕业生的特殊日子。在这里，请允许我"
           "代表全体毕业生家长，向在座的每一位同学表示热烈的祝贺！\n"
           "回顾高中历程，我们每一位家长都看到了孩子们的成长。\n"
           "最后，再一次代表家长向各位")


def test_a_speaker_honoured_to_attend_gives_a_speech_not_a_reflection(rules):
    rep = review(Document.from_text(_PARENT), rules)
    assert rep.genre == "leader_speech", rep.genre_reason
    assert {"salutation", "closing"} <= set(missing_sections(rep))


def test_a_writer_who_took_part_in_a_course_writes_a_reflection(rules):
    text = ("我有幸参加了市教育局组织的为期4天的团干部培训。通过学习，我对团的工作有了新的认识。\n"
            "一是提高了思想认识。二是学到了工作方法。\n今后，我将把所学用到工作中去。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "reflection", rep.genre_reason


_LETTER = ("驻xx各部队，全县军队离退休干部，烈军属，残疾军人，转业、复员、退伍军人：\n"
           "值此中国人民解放军建军纪念日来临之际，县委、县政府向你们致以节日的祝贺！\n"
           "过去的一年，驻县部队积极支援地方建设，")


def test_an_address_that_names_its_people_is_a_salutation(rules):
    rep = review(Document.from_text(_LETTER), rules)
    assert "salutation" not in missing_sections(rep), (rep.genre, missing_sections(rep))
    # the same letter with the address taken away lacks it
    cut = review(Document.from_text(_LETTER.split("\n", 1)[1]), rules)
    assert cut.genre == rep.genre and "salutation" in missing_sections(cut), (cut.genre, missing_sections(cut))
