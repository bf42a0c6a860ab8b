"""Round 20 of drafts from unseen sites: kinds that need a whole review to show -- an
excerpt found junk by the site's lines under it, a title's year without 年 dating the
draft, a host's script addressing the hall on a line of its own above the text's words."""
from reviewer.core.document import Document
from reviewer.core.engine import review


def _found(rules, text, rule_id):
    rep = review(Document.from_text(text), rules)
    return [text[f.start:f.end] for f in rep.findings if f.rule == rule_id], rep


_EXCERPT = ("2022年村庄清洁行动实施方案为深入贯彻落实关于改善农村人居环境的重要指示精神，"
            "进一步巩固提升村庄清洁行动成果，根据县委农...")
_PAGE = ("首页 > 实施方案\n\n" + _EXCERPT + "\n阅读 1003 下载 67 大小 25.57K 总页数 8 页\n\n"
         "2022年村庄清洁行动实施方案\n\n为深入贯彻落实关于改善农村人居环境的重要指示精神，进一步巩固提升村庄"
         "清洁行动成果，根据县委农村工作领导小组的通知，制定本方案。\n")


def test_an_excerpt_cut_off_above_the_sites_counts_is_junk(rules):
    got, _ = _found(rules, _PAGE, "site_junk.preview")
    assert got == [_EXCERPT]
    # cut with an ellipsis of its own as well as with dots
    got, _ = _found(rules, _PAGE.replace("县委农...", "县委农……"), "site_junk.preview")
    assert got == [_EXCERPT.replace("...", "……")]


def test_an_excerpt_is_junk_only_above_the_sites_lines_and_the_text_it_repeats(rules):
    # the same line above the text itself, no counts under it: the text's own line
    text = _PAGE.replace("阅读 1003 下载 67 大小 25.57K 总页数 8 页\n", "")
    got, _ = _found(rules, text, "site_junk.preview")
    assert got == []
    # a draft's own last paragraph cut off by a paywall: nothing below says it again
    cut = "首页 > 讲话\n\n同志们：\n\n" + _EXCERPT + "\n阅读 1003 下载 67 大小 25.57K 总页数 8 页\n"
    got, _ = _found(rules, cut, "site_junk.preview")
    assert got == []


def test_a_title_opening_with_a_bare_year_dates_the_draft(rules):
    text = "2024社区开展批评与自我批评发言材料\n同志们：\n今年我们将迎来中国共产党建党90周年。\n谢谢大家！\n"
    got, _ = _found(rules, text, "stale.anniversary-this-year")
    assert got == ["90周年"]
    # undated: nothing to compare with
    got, _ = _found(rules, text.replace("2024", ""), "stale.anniversary-this-year")
    assert got == []


def test_a_host_addresses_the_hall_on_a_line_of_its_own_above_the_text(rules):
    text = ("社区居委会换届选举大会主持词\n\n主席台成员在主席台就座后，主持人说：\n\n居民代表们：\n\n"
            "我受居民选举委员会的委托，主持今天的选举大会。现在，我宣布选举大会正式开始。\n\n"
            "1、各位居民代表要按指定座位坐好，遵守大会纪律。\n\n大会到此结束，谢谢大家！\n")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script"
    assert "salutation" not in {f.section for f in rep.findings if f.category == "missing_section"}
