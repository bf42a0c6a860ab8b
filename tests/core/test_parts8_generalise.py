"""Genre and lost parts on drafts from yet more sites nobody had seen (parts8): the cases are
written here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections


missing = missing_sections  # tests/conftest.py


def run(text, rules):
    return review(Document.from_text(text), rules)


def test_summary_stopping_on_a_top_level_heading_lost_that_part(rules):
    # a summary (not a plan) that ends on 四、未来展望 with nothing under it: its next steps are gone
    text = ("街道创建文明城市工作总结\n今年以来，街道围绕创建目标扎实推进各项工作，取得了明显成效。\n"
            "一、主要工作\n开展环境整治行动十二次，清理卫生死角三百余处，群众满意度明显提升。\n"
            "二、存在的问题\n部分小区物业管理薄弱，居民参与度还不够高，长效机制有待完善。\n"
            "三、经验体会\n领导重视是前提，群众参与是基础，制度保障是关键。\n四、未来展望")
    assert "next_steps" in missing(run(text, rules))


def test_plan_cut_after_an_opening_organisation_section_lost_its_requirements(rules):
    head = ("社区读书月活动方案\n为营造书香社区氛围，特制定本方案。\n一、活动主题\n书香满社区\n"
            "二、组织领导\n成立活动领导小组，由社区书记任组长，各网格长为成员，负责活动的统筹协调。\n"
            "三、活动内容\n1、开展好书推荐活动，每周在公众号推荐一本好书。\n2、举办亲子共读会，")
    assert "safeguards" in missing(run(head + "邀请辖区家庭参加并分享阅读", rules))
    # the same plan complete, its requirements closing it: nothing lost
    full = head + "邀请辖区家庭参加。\n四、工作要求\n各网格要高度重视，认真组织，确保活动取得实效。"
    assert "safeguards" not in missing(run(full, rules)) + missing(run(full, rules), "info")


def test_a_text_never_ends_on_an_enumeration_comma(rules):
    text = ("学校消防安全自查报告\n按照教育局通知要求，我校对消防安全工作进行了全面自查。\n"
            "一、自查情况\n1、查制度：学校建立了消防安全责任制度，层层签订责任书。\n"
            "2、查设施：各楼层灭火器配备齐全，应急照明完好。\n存在隐患：\n北楼配电室、")
    rep = run(text, rules)
    assert "next_steps" in missing(rep)
    assert "problems" in missing(rep)  # 存在隐患： heads the part, but the draft broke off in it


def test_introduction_announcing_the_measures_heads_them(rules):
    # 提出以下整改措施： right before 一、……: the measures are there, cut inside them
    text = ("学校食堂食品安全自查报告\n根据上级通知精神，我校对食堂进行了检查，总体情况较好，但还存在一些隐患，"
            "经研究提出以下整改措施：\n一、健全管理制度。\n要求食堂严格执行进货查验和留样制度，发现问题及时处理。\n"
            "二、加强人员培训。\n每学期组织从业人员开展两次培训，规范操作流程，门卫要坚决")
    assert len(missing(run(text, rules))) == 1  # cut inside them: the rest of them is lost
    assert missing(run(text + "杜绝外来人员进入。", rules)) == []
    # an introduction naming several parts it will report on (……工作进展情况及明年工作安排汇报如下：)
    # is a mention: cut inside its first section, the plans for next year are lost
    text = ("县文旅局工作总结及明年工作安排\n现将今年工作进展情况及明年工作安排汇报如下：\n"
            "一、今年主要工作\n全年接待游客人次同比增长，完成重点项目投资，举办文化活动六十余场，乡村旅游")
    assert "next_steps" in missing(run(text, rules))


def test_untitled_speech_without_salutation_is_a_speech(rules):
    text = ("今天，我们再次聚集在这里，召开全县巡察整改推进会，就是要直面问题、压实责任。"
            "巡察是一次全面体检，整改是一次深度治疗。\n一、正视问题，提高认识\n各单位要把整改作为重大政治任务，"
            "主要负责同志要亲自抓，确保件件有着落")
    rep = run(text, rules)
    assert rep.genre == "leader_speech"
    assert "closing" in missing(rep)


def test_a_news_report_on_a_meeting_is_not_a_summary(rules):
    # 会议全面总结了……工作开展情况 is what a report on the meeting says, not the writer's own review
    text = ("县林业局召开上半年工作总结会\n为推进林长制工作，7月10日，县林业局召开了上半年工作总结会。"
            "会议全面总结了上半年林业各项工作开展情况，分析了当前存在的困难。\n会上，局长要求大家继续努力，"
            "把下半年林业工作做好。")
    assert missing(run(text, rules)) == []


def test_pinyin_glosses_in_a_title_do_not_hide_its_genre(rules):
    text = ("食堂食品安全自查报(bào)告\n根据教育局文件要求，我校组织人员对食堂进行了全面检查，现将检查情况汇报如下：\n"
            "一、加强领导，落实责任\n学校成立了以校长为组长的食品安全领导小组，制定了一系列管理制度，加强")
    rep = run(text, rules)
    assert "自查报告" in rep.genre_reason


def test_a_ceremony_speech_is_an_address_not_a_report(rules):
    text = ("开学典礼校长发言稿\n尊敬的老师们，亲爱的同学们：\n大家好！新学期开始了，欢迎同学们回到校园。"
            "希望大家珍惜时光，勤奋学习，在新的学期里取得更大的进步，就一定能")
    rep = run(text, rules)
    assert rep.genre == "leader_speech"
    assert "closing" in missing(rep) and "next_steps" not in missing(rep)


def test_a_bodys_work_report_made_to_a_congress_is_a_report_speech(rules):
    text = ("政协县委员会常务委员会工作报告\n各位委员、同志们：\n我代表政协县委员会常务委员会，向大会报告工作，请予审议。\n"
            "一、过去一年的工作回顾\n一年来，县政协围绕中心、服务大局，组织协商议政活动十余次，提交提案一百余件，")
    rep = run(text, rules)
    assert rep.genre == "report_speech"
    assert {"closing", "next_steps"} <= set(missing(rep)) and "problems" not in missing(rep)


def test_reflection_pledging_its_future_work_has_its_next_steps(rules):
    text = ("《榜样》观后感\n观看专题节目后，我深受触动。节目中的优秀党员在平凡岗位上默默奉献，令人敬佩。\n"
            "我要在今后的工作中以他们为榜样，立足岗位，做好本职工作，努力为群众办实事。\n"
            "榜样的力量是无穷的。他们对党忠诚，对人民热爱，在")
    # cut off after it, the draft lost its ending all the same (the dev gold marks next_steps on
    # every reflection the page store cut); whole, the pledge is its next steps
    assert "next_steps" in missing(run(text, rules))
    assert "next_steps" not in missing(run(text + "平凡岗位上书写着不平凡的人生。", rules))


def test_activity_plan_cut_inside_its_requirements_lost_the_rest_of_them(rules):
    text = ("学雷锋月活动方案\n一、活动主题\n弘扬雷锋精神，争做时代新人\n二、活动内容\n"
            "1、开展志愿服务进社区活动，帮助孤寡老人打扫卫生。\n2、开展文明校园创建活动，清理卫生死角。\n"
            "三、活动要求\n1、认真组织，务求实效\n要高度重视这项活动的开展，精心策划，合理安排，不流于形式，"
            "不做表面文章，把活动与专业学习结合起来，紧紧围绕活动主题开展多种形式、各具")
    # (as the dev gold marks a plan cut off inside its last part, and a speech cut inside its call)
    assert "safeguards" in missing(run(text, rules))
    assert "safeguards" not in missing(run(text + "特色的活动。", rules))


def test_salutation_to_colleagues_and_experts(rules):
    text = ("医院年会致辞\n各位前辈、各位专家、各位同仁：\n大家晚上好！过去的一年，全院职工团结奋进，"
            "门诊量和手术量再创新高。新的一年，让我们携手并进，再创佳绩！")
    assert "salutation" not in missing(run(text, rules))


def test_untitled_plan_opening_on_its_purpose_and_a_duty_report(rules):
    # an activity plan copied from its first section (一、活动目的及意义) on: still a plan, cut in its
    # schedule, it lost its requirements
    text = ("一、活动目的及意义\n为增强员工安全意识，落实安全责任，结合公司实际开展安全宣传月活动。\n"
            "二、活动时间\n6月1日至6月30日。\n三、活动安排\n1、安全知识竞赛，各部门组队参加。\n2、隐患随手拍，全员参与，")
    rep = run(text, rules)
    assert rep.genre == "plan" and "safeguards" in missing(rep)
    # a 履职报告 is a debrief: cut in its first part, its plans are lost
    text = ("银行支行行长履职报告\n一年来，在上级行的正确领导下，我带领全行员工扎实工作，较好完成了各项任务。\n"
            "一、主要工作\n存款余额较年初增长，贷款投放稳步推进，不良率控制在目标以内，营业网点")
    rep = run(text, rules)
    assert rep.genre == "debrief" and "next_steps" in missing(rep)


def test_a_part_named_only_in_the_table_of_contents_is_not_there(rules):
    # a contingency plan's contents list 6.保障措施; the page stops in 1.总则: the safeguards were lost
    toc = "".join(f"{k}.{name}\n" for k, name in enumerate(
        ["总则", "组织机构及职责", "预防与预警", "应急响应", "后期处理", "保障措施", "附则"], 1))
    body = ("1.总则\n为有效预防和处置旅游突发事件，保障游客生命财产安全，根据《突发事件应对法》"
            "和上级有关规定，结合本县实际，制定本预案。本预案适用于本县行政区域内发生的旅游突发事件的应对工作，依据《安全生产")
    rep = run("某县旅游突发事件应急预案\n目录\n" + toc + body, rules)
    assert rep.genre == "plan" and "safeguards" in missing(rep)
    # the same plan with its sections there: the contents do not hide them
    full = body.rsplit("，依据", 1)[0] + "。\n" + "".join(
        f"{k}.{name}\n各有关部门按职责做好{name}工作，确保各项措施落到实处。\n"
        for k, name in enumerate(["组织机构及职责", "预防与预警", "应急响应", "后期处理", "保障措施", "附则"], 2))
    assert "safeguards" not in missing(run("某县旅游突发事件应急预案\n目录\n" + toc + full, rules))


def test_site_title_read_through_its_glosses_and_its_how_to(rules):
    # a page's title line, all junk, with a reading after a character and 怎么写(一) after the genre
    text = ("退休座談會(huì)主持詞怎么寫(一)\n"
            + "三十多年來，我們這四位老師在教育教學的崗位上兢兢業業，無私奉獻，給大家留下了深刻的印象。" * 3
            + "\n今天，我們歡聚一堂，感謝她們的辛勤付出。")
    assert run(text, rules).genre == "host_script"
    # a 实施办法 is drawn up like a plan
    assert run("某县提升养老服务能力的实施办法\n为进一步提升养老服务能力，结合本县实际，制定本办法。\n一、总体目标\n"
               "到年底，建成一批示范养老服务站点，通过政府、社", rules).genre == "plan"


def test_a_hosts_script_has_no_salutation_in_a_speech_it_quotes(rules):
    # the address comes after the agenda's first item: a speech inside the script, not the host's
    text = ("全市防汛工作会议主持词\n为切实抓好今年的防汛工作，市委、市政府决定召开这次会议。\n"
            "下面，进行第一项议程，请副市长作工作报告。\n……\n同志们，刚才副市长全面分析了形势，"
            "我们一定要认真贯彻落实，确保安全度汛。会议到此结束，散会！")
    assert "salutation" in missing(run(text, rules))
    greeted = text.replace("为切实抓好", "各位领导、同志们：\n为切实抓好")
    assert "salutation" not in missing(run(greeted, rules))
    # a heading naming the item that opens the evening (一、致词并宣布晚会开始) is no sentence of the host's
    headed = ("中秋节文艺晚会主持词\n一、致词并宣布晚会开始\n男：尊敬的各位业主、朋友们\n合：大家晚上好！\n"
              "男：金秋送爽，万里河山披锦绣。女：丹桂飘香，一轮明月寄相思。\n晚会到此结束，再见！")
    assert "salutation" not in missing(run(headed, rules))


def test_a_pages_notice_that_it_showed_part_of_the_text_is_a_cut(rules):
    # the plan never reached its requirements; the notice under it says the page stopped there
    text = ("学校防火演练方案\n一、活动时间：\n某年某月某日下午\n二、活动内容：\n防火应急疏散演练\n三、演练过程：\n"
            "1、组长宣布防火演练正式开始。\n2、教师指挥学生有序、快速撤离教学楼，疏散到校园安全区域。\n"
            "因篇幅问题不能全部显示，请点此查看更多更全内容")
    assert "safeguards" in missing(run(text, rules))
    # ... but a speech that ends with its ending under such a notice kept it
    speech = ("在运动会开幕式上的讲话\n老师们、同学们：\n" + "运动会是学校的盛会，希望大家赛出风格，赛出水平。" * 4 +
              "\n最后，预祝运动会圆满成功！谢谢大家！\n因篇幅问题不能全部显示，请点此查看更多更全内容")
    assert "closing" not in missing(run(speech, rules))


def test_a_notice_giving_the_whole_length_far_beyond_the_text_is_a_cut(rules):
    # the page shows 2 paragraphs and says the article has 3,194 characters: the last line is
    # no ending, whatever it says -- the speech's closing was lost with the rest
    body = "全县上下要以劳动模范为榜样，立足岗位、埋头苦干，为全县高质量发展作出新的更大贡献。" * 6
    speech = ("在全县劳动模范表彰大会上的讲话\n同志们：\n" + body +
              "\n用典型的力量影响、感召、激励全县人民拼搏奋斗。\n【文章共3194字，精选参考范文，仅供")
    assert "closing" in missing(run(speech, rules))
    # ... but a page that gives about the length it shows holds the whole speech
    whole = speech.replace("3194", "280").replace("拼搏奋斗。", "拼搏奋斗。\n谢谢大家！")
    assert "closing" not in missing(run(whole, rules))


def test_a_counted_cut_keeps_a_sign_off_the_draft_shows(rules):
    # the page says 3,194 characters and shows far fewer, but the speech ends on 谢谢大家！: its
    # closing is there, whatever the count
    body = "全县上下要以劳动模范为榜样，立足岗位、埋头苦干，为全县高质量发展作出新的更大贡献。" * 6
    speech = ("在全县劳动模范表彰大会上的讲话\n同志们：\n" + body +
              "\n最后，祝同志们身体健康、工作顺利！谢谢大家！\n【文章共3194字，精选参考范文，仅供参考】")
    assert "closing" not in missing(run(speech, rules))
