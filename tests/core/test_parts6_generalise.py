"""Genre and lost parts on drafts from sites nobody had seen (parts6): the cases are written
here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections


missing = missing_sections  # tests/conftest.py


def test_salutation_with_colon_run_into_the_first_line_is_a_speech(rules):
    text = ("同志们： 今天召开全区安全生产工作会议，主要任务是分析当前形势，部署下一阶段工作。下面，我讲三点意见。\n"
            "一、认清形势，增强做好安全生产工作的责任感\n今年以来，全区安全生产形势总体平稳，但事故隐患依然不少，"
            "一些企业主体责任落实不到位，部分行业领域")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "leader_speech"
    assert "closing" in missing(rep)


def test_a_menu_bar_above_the_title_does_not_name_the_genre(rules):
    text = ("快捷搜索：论文 合同 演讲 心得\n区长在区人民代表大会上的工作汇报\n各位代表：\n"
            "现在，我代表区人民政府向大会报告工作，请予审议。\n一、过去五年工作回顾\n五年来，全区经济持续健康发展，"
            "城乡面貌发生深刻变化，人民生活水平不断提高，各项社会事业全面进步，为今后发展打下了坚实基础，在")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech"


def test_spaced_out_title_is_not_a_menu(rules):
    from reviewer.core.structure.profiles import _menu, shipped_profiles
    assert not _menu("政 府 工 作 报 告", shipped_profiles())
    assert _menu("快捷搜索：论文 合同 演讲 心得", shipped_profiles())


def test_host_salutation_ending_with_a_full_stop(rules):
    text = ("元旦联欢晚会主持词\n男：尊敬的各位领导、各位来宾。\n女：亲爱的同事们，大家晚上好！\n"
            "男：辞旧迎新，我们欢聚一堂。\n女：下面请欣赏第一个节目。\n男：晚会到此结束，再见！")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "host_script"
    assert "salutation" not in missing(rep) + missing(rep, "info")


def test_untitled_lecture_and_contingency_plan(rules):
    lecture = ("今天，根据支部的安排，我给大家上一堂党课，题目是坚定理想信念。\n一、理想信念是共产党人的精神之钙\n"
               "我们党之所以能够历经百年而风华正茂，就在于始终坚守初心使命，始终保持理想信念坚定，在")
    rep = review(Document.from_text(lecture), rules)
    assert rep.genre == "leader_speech" and "党课" in rep.genre_reason
    plan = ("一、总则\n（一）编制目的\n为做好全镇防汛工作，最大程度减少人员伤亡和财产损失，保障经济社会发展。\n"
            "（二）编制依据\n依据有关法律法规和上级要求，结合本镇实际，适用于全镇范围内突发性汛情的预防和")
    rep = review(Document.from_text(plan), rules)
    assert rep.genre == "plan"
    assert "safeguards" in missing(rep)


def test_news_of_a_lecture_is_not_a_lecture(rules):
    news = ("3月6日，学院党支部书记以“学党史、跟党走”为主题，在报告厅为全体入党积极分子上专题党课。\n"
            "党课从建党历程讲起，回顾了党的光辉历史，引导大家坚定理想信念。")
    rep = review(Document.from_text(news), rules)
    assert rep.genre != "leader_speech"


def test_next_steps_named_in_the_introduction_of_a_cut_report(rules):
    text = ("关于全镇基层党组织建设情况的调研报告\n为全面掌握基层党组织建设情况，为下一步开展教育活动打好基础，"
            "我们组织调查组进行了专题调研。\n一、基本情况\n全镇共有党支部二十个，党员八百余人。\n"
            "二、主要做法\n几年来，镇党委坚持抓党建促发展，把党建工作目标和经济建设的中心")
    rep = review(Document.from_text(text), rules)
    assert {"problems", "next_steps"} <= set(missing(rep))


def test_plan_cut_on_a_sub_item_heading_lost_its_requirements(rules):
    text = ("安全生产月活动实施方案\n一、活动目标\n实现各类安全事故为零。\n二、活动时间\n6月1日至30日。\n"
            "三、活动内容\n（一）张贴安全宣传横幅和挂图，营造良好氛围。\n（二）组织开展一次安全宣誓活动。\n"
            "（三）配合开展好安全生")
    rep = review(Document.from_text(text), rules)
    assert "safeguards" in missing(rep)


def test_untitled_disclosure_report_is_a_summary(rules):
    text = ("一、总体情况\n2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态，"
            "不断拓展公开内容。\n（一）主动公开情况。全年通过门户网站主动公开政府信息一百二十条。\n"
            "二、主动公开政府信息情况\n全年制发规范性文件三件，进一步规范信访工")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "summary"
    assert {"problems", "next_steps"} <= set(missing(rep))


def _rules_of(report, prefix):
    return [f for f in report.findings if f.rule.startswith(prefix)]


def test_a_comma_after_a_number_breaks_the_lists_format(rules):
    text = ("学校安全工作总结\n一、主要工作\n1、健全安全责任制。\n2、开展安全教育。\n3、排查安全隐患。\n"
            "4、加强食堂管理。\n5，完善应急预案，组织疏散演练。\n")
    rep = review(Document.from_text(text), rules)
    assert any(f.rule == "numbering.format" and f.text.startswith("5") for f in rep.findings)


def test_chinese_numerals_followed_by_commas(rules):
    text = "观后感\n看完这部片子，我有三点体会。\n一，生命安全高于一切。\n二，交通规则必须遵守。\n三，安全教育要常抓不懈。\n"
    rep = review(Document.from_text(text), rules)
    assert len(_rules_of(rep, "numbering.comma")) == 3


def test_title_again_broken_over_two_lines(rules):
    text = ("坚持从严治党，走好新的赶考之路\n\n党课讲稿：坚持从严治党，走好新的\n\n赶考之路\n\n同志们：\n"
            "今天，我和大家一起学习交流全面从严治党的有关内容。")
    rep = review(Document.from_text(text), rules)
    dup = _rules_of(rep, "duplicate.title")
    assert dup and "赶考之路" in dup[0].text and "党课讲稿" in dup[0].text


def test_title_reworded_at_the_start_of_the_first_line(rules):
    text = ("区委书记在全市创建文明城市动员大会上的表态发言\n市创建文明城市动员大会上的表态发言 今天，市委、市政府召开动员大会，"
            "吹响了创建的冲锋号。我们一定坚决贯彻落实。")
    rep = review(Document.from_text(text), rules)
    assert _rules_of(rep, "duplicate.title")
    plain = ("区委书记在全市创建文明城市动员大会上的表态发言\n尊敬的各位领导 同志们：今天，市委、市政府召开动员大会。")
    assert not _rules_of(review(Document.from_text(plain), rules), "duplicate.title")


def test_a_long_stretch_hidden_by_the_site_leaves_the_body_incomplete(rules):
    text = ("在全市优化营商环境大会上的讲话\n同志们：\n今天召开全市优化营商环境大会，主要任务是部署全年工作。\n"
            "一、聚焦实体经济，提升服务水平\n此处隐藏4810个字。VIP会员可见\n"
            "对工作不力、推诿塞责、损害营商环境的人和事，要严肃追责问责，绝不姑息。\n"
            "同志们，让我们携手并进，为建设一流营商环境而努力奋斗！\n")
    rep = review(Document.from_text(text), rules)
    body = [f for f in rep.findings if f.category == "missing_section" and f.section == "body"]
    assert body and body[0].severity == "warning" and "4810" in body[0].message


def test_a_mention_in_the_introduction_does_not_hide_the_part_further_down(rules):
    text = ("关于全镇基层党组织建设情况的调研报告\n为下一步开展教育活动打好基础，我们进行了专题调研。\n"
            "一、基本情况\n全镇共有党支部二十个。\n二、存在的主要问题\n一是活动不够经常，二是作用发挥不够。\n"
            "三、下一步工作建议\n要进一步加强班子建设，完善制度，强化党员教育管理，把党建工作目标和经济建设的中心")
    rep = review(Document.from_text(text), rules)
    # the mention does not stand for the problems; the report's last part, cut off inside,
    # lost the rest of it (the dev gold marks a draft cut inside its last part)
    assert "problems" not in missing(rep) and "next_steps" in missing(rep)
    whole = text + "紧密结合起来。"
    assert "next_steps" not in missing(review(Document.from_text(whole), rules))


def test_a_plan_item_naming_its_rules_is_not_the_requirements_section(rules):
    text = ("社区中秋亲子活动方案\n一、活动目的\n让居民感受节日氛围。\n二、活动时间\n9月15日上午。\n三、活动流程\n"
            "1、主持人宣布活动开始。\n2、主持人说明活动规则及注意事项。\n3、亲子制作月饼，志愿者协助。\n4、为来自星星的")
    rep = review(Document.from_text(text), rules)
    assert "safeguards" in missing(rep)
    whole = text.replace("4、为来自星星的", "4、颁发纪念品。\n四、注意事项\n注意活动安全，有序入场。")
    assert "safeguards" not in missing(review(Document.from_text(whole), rules))
