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


# ----- review of round 30 ------------------------------------------------------------------

def test_a_word_date_tag_with_figures_in_its_attributes_hides_no_heading(rules):
    # Word's <st1:chsdate year="2012" month="3" day="5" …> between 一、 and 四、: the figures are
    # the tag's attributes, no page's count -- the two headings between are missing still
    text = ("项目安全生产工作总结\n为进一步加强安全生产工作，增强安全意识和防范能力，消除事故隐患，防止和减少各类事故发生，"
            "现将一年来的安全工作总结如下。\n一、领导重视，充分认识安全工作的重要性\n项目公司于<st1:chsdate year=\"2012\" "
            "month=\"3\" day=\"5\" islunardate=\"False\" isrocdate=\"False\" w:st=\"on\">3月5日</st1:chsdate>专门召开了安全工作会议，"
            "对安全生产进行了全面部署。\n四、加强劳务队伍的管理\n对进场的劳务人员进行三级安全教育，考试合格后方可上岗作业。\n"
            "五、存在问题及明年安全工作打算\n部分作业人员安全意识仍然淡薄，明年将进一步加强教育培训。\n")
    assert "numbering.skipped" in _rules_of(text, rules)


def _junk_texts(text, rules):
    rep = review(Document.from_text(text), rules)
    return [f.text for f in rep.findings if f.category == "site_junk"]


def test_a_word_tag_inside_a_short_sentence_takes_the_tag_alone(rules):
    # the draft's sentence around the tag is kept, however short it is
    tag = "<?xml:namespace prefix = st1 ns = \"urn:schemas-microsoft-com:office:smarttags\" />"
    text = ("项目安全工作总结\n今年以来，我们坚持问题导向，聚焦重点任务，扎实推进各项工作落地见效，取得了明显成效。\n"
            f"公司于{tag}5月召开了职代会。\n全年未发生一般及以上安全生产事故，安全生产形势持续稳定向好。\n")
    assert _junk_texts(text, rules) == [tag]


def test_markers_opening_a_line_of_the_sites_own_talk_take_the_line(rules):
    # nothing of the draft's before the marks, the site's talk after them: the whole line, as before
    line = "&nbsp;" * 12 + "扫一扫在手机上阅读本文，分享给好友吧。"
    text = ("项目安全工作总结\n今年以来，我们坚持问题导向，聚焦重点任务，扎实推进各项工作落地见效，取得了明显成效。\n"
            f"{line}\n全年未发生一般及以上安全生产事故，安全生产形势持续稳定向好。\n")
    assert _junk_texts(text, rules) == [line]


def test_a_numbered_item_with_a_count_of_pieces_is_no_collection_title(rules):
    # a work summary's own list (1. 市级优秀教案（5篇）): the line is the draft's, not a collection page's title
    text = ("2023年度教研组工作总结\n今年以来，教研组坚持以课堂教学为中心，扎实开展各项教研活动，取得了明显成效。\n"
            "本学期教研成果如下：\n1. 市级优秀教案（5篇）\n附件1：优秀征文目录（30篇）\n读书笔记（10篇）\n"
            "下一步，我们将继续深化课堂教学改革，努力提高教育教学质量。\n")
    whole = {"1. 市级优秀教案（5篇）", "附件1：优秀征文目录（30篇）", "读书笔记（10篇）"}
    assert not whole & set(_junk_texts(text, rules))


def test_a_list_of_those_present_split_by_semicolons_is_no_salutation(rules):
    body = ("今年以来，我们坚持问题导向，聚焦重点任务，扎实推进各项工作落地见效，取得了明显成效。新的学期，"
            "我们要继续努力，再创佳绩。\n")
    assert _salutation_missing("在开学典礼上的讲话\n出席人员：各位校领导；各位班主任。\n" + body, rules)
    assert not _salutation_missing("在开学典礼上的讲话\n尊敬的各位老师；亲爱的同学们：\n" + body, rules)


def test_a_first_item_ending_on_a_genre_word_opens_a_list_whose_second_item_is_marked_otherwise(rules):
    # (review 40) 1、 before a title at the text's top is the first page's number only when no second
    # item follows: a 2． or 2. item makes it a list's first (1、制定实施方案 ⏎ …… ⏎ 2．组织实施)
    plan = ("1、制定实施方案\n各科室要结合实际，制定本科室的实施方案，明确责任人和完成时限。\n"
            "2．组织实施\n各科室按照方案要求组织实施，确保工作取得实效。\n")
    assert "site_junk.page-break" not in _rules_of(plan, rules)
    agenda = "1、县委书记作动员讲话\n2.县长部署具体工作\n3.各乡镇表态发言\n"
    assert "site_junk.page-break" not in _rules_of(agenda, rules)
    # (a label under the first item is no speech's address)
    labelled = plan.replace("\n各科室要结合实际", "\n具体要求：\n各科室要结合实际")
    assert "site_junk.page-break" not in _rules_of(labelled, rules)
    # the page's number before the title, the speech's own list 一是、二是 or (1)(2) below: still one
    speech = ("1、高三毕业典礼校长讲话稿\n同学们，老师们：\n早上好！今天，是一个特殊的日子，我们在这里隆重集会，"
              "为高三学子举行毕业典礼。我讲两点希望：\n（1）要心怀感恩。\n（2）要勇于担当。\n")
    assert "site_junk.page-break" in _rules_of(speech, rules)
    # and with a salutation right under it, whatever list the speech holds below (1. …… 2. ……)
    listed = speech.replace("（1）", "1.").replace("（2）", "2.")
    assert "site_junk.page-break" in _rules_of(listed, rules)
