"""Round 30's kinds that live in code or in the genre profiles (the rules' own cases are their
YAML examples): a title naming two years dates the draft by its first, over the page's date;
an address to anyone 们 on a line of its own, or one closed by a semicolon, is a salutation."""
from reviewer.core.document import Document
from reviewer.core.engine import review

_MENU = "".join(f"  • {w}\n" for w in ("美文", "文章", "散文", "日记", "范文", "读后感", "文学百科"))


def _rules_of(text, rules):
    return [f.rule for f in review(Document.from_text(text), rules).findings]


def test_a_title_of_two_years_dates_the_draft_not_the_page(rules):
    # a summary of 2010 and a plan for 2011, copied from a page published in 2020: 农业局 was
    # the bureau's name in 2010 (the renaming of 2018 is later than the draft)
    body = ("        2010年在农业局的安排部署下，克服去冬今春干旱少雨等困难，全站职工精诚团结，扎实抓好农业实用技术"
            "的示范推广工作，取得显著成效。\n")
    head = _MENU + "  • 当前位置: 某某阅读网 > 日记 > 正文\n\n    {title}\n\n    时间:2020-10-24 08:11:57 来源:某某阅读网\n\n"
    dated = head.format(title="2010年县农技站工作总结及2011年工作打算") + body
    assert "stale.renamed-institution" not in _rules_of(dated, rules)
    # the same page whose title names no year: the page's date is all there is
    undated = head.format(title="县农技站工作总结及工作打算") + body
    assert "stale.renamed-institution" in _rules_of(undated, rules)


def _salutation_missing(text, rules):
    rep = review(Document.from_text(text), rules)
    return [f for f in rep.findings if f.category == "missing_section" and f.section == "salutation"]


def test_an_address_to_anyone_on_its_own_line_is_a_salutation(rules):
    body = ("经国务院批准，自2018年起，每年8月19日医师们有了以自己职业命名的节日。多年来，大家坚守岗位、救死扶伤，"
            "为守护人民健康作出了重要贡献。在此，向全院医师致以节日的问候！\n")
    assert not _salutation_missing("在首个中国医师节座谈会上的讲话\n亲爱的医师们：\n" + body, rules)
    assert not _salutation_missing("在首个中国医师节座谈会上的讲话\n尊敬的各位家长;你们好。\n" + body, rules)
    # inside a sentence it addresses no one
    assert _salutation_missing("在首个中国医师节座谈会上的讲话\n" + body + "今天，亲爱的医师们又迎来了自己的节日。\n", rules)


def test_a_word_tag_with_a_digit_in_its_name_hides_no_heading(rules):
    # Word's namespace tag (prefix = st1) between 一、 and 四、 is junk with a digit in it, but no
    # page's count: the two headings between are missing still
    text = ("项目安全生产工作总结\n为进一步加强安全生产工作，增强安全意识和防范能力，消除事故隐患，防止和减少各类事故发生，"
            "现将一年来的安全工作总结如下。\n一、领导重视，充分认识安全工作的重要性\n项目公司于<?xml:namespace prefix = st1 ns = "
            "\"urn:schemas-microsoft-com:office:smarttags\" />3月5日专门召开了安全工作会议，对安全生产进行了全面部署。\n"
            "四、加强劳务队伍的管理\n对进场的劳务人员进行三级安全教育，考试合格后方可上岗作业。\n"
            "五、存在问题及明年安全工作打算\n部分作业人员安全意识仍然淡薄，明年将进一步加强教育培训。\n")
    assert "numbering.skipped" in _rules_of(text, rules)
