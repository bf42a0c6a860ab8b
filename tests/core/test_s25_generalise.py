"""Shapes read on the blind sets of the 2026-12-06 session (h296-h311, kept out of the repo):
the cases are written here, not copied from any draft."""
from reviewer.core.document import Document
from reviewer.core.engine import review
from tests.conftest import missing_sections as _missing, site_junk_of


_WRITTEN = ("某某村人居环境整治工作情况汇报\n"
            "近年来，我村把人居环境整治作为一项重点任务来抓，取得了初步成效。现将人居环境整治工作开展情况汇报如下：\n"
            "一、基本情况\n全村辖5个村民小组，共有农户312户，常住人口1100余人，耕地面积2600亩，"
            "主要种植水稻、油菜和蔬菜，近年来发展乡村旅游，村集体经济收入逐年增加。\n"
            "二、主要做法\n（一）加强组织领导。成立了以村党支部书记为组长的领导小组，制定了整治方案，"
            "把任务分解到每个村民小组和每名党员，实行周督查、月通报。\n（二）开展集中整治。组织群众清理")


def test_a_bare_work_report_with_no_salutation_is_a_report_handed_in(rules):
    rep = review(Document.from_text(_WRITTEN), rules)
    # delivered as a report: cut off, it lost its next steps and its ending; no salutation is asked for
    assert rep.genre == "report_speech" and "书面汇报" in rep.genre_reason
    assert _missing(rep) == ["closing", "next_steps"]


def test_a_report_said_at_a_meeting_still_wants_its_salutation(rules):
    text = _WRITTEN.replace("某某村人居环境整治工作情况汇报", "在全县人居环境整治推进会上的汇报")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech" and "salutation" in _missing(rep)


def test_a_report_that_opens_as_one_is_said_still_wants_its_salutation(rules):
    text = _WRITTEN.replace("现将人居环境整治工作开展情况汇报如下：", "下面，我就人居环境整治工作作简要汇报。")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech" and "salutation" in _missing(rep)


def test_a_news_title_on_a_report_heard_names_no_genre(rules):
    text = ("某某在听取某自治区党委和政府工作汇报时强调 牢牢把握战略定位 更好建设美丽家园\n"
            "本台消息：某某在听取汇报后发表重要讲话。他指出，要完整准确全面贯彻新发展理念。")
    assert review(Document.from_text(text), rules).genre is None


def test_a_word_written_twice_is_a_duplicate(rules):
    rep = review(Document.from_text("要将学雷锋活动与志愿服务相结合相结合，与社会实践活动相结合。"), rules)
    got = [(f.rule, f.category) for f in rep.findings if f.rule.endswith("word-twice")]
    assert got == [("duplicate.word-twice", "duplicate")]


def test_a_download_pages_file_fields_are_junk_only_beside_its_junk(rules):
    text = ("资料大小:17KB(压缩后)\n文档格式:DOC(12页)\n资料语言:中文版/英文版\n解压密码:abc123\n"
            "类型:积分资料\n\n一、活动类型：志愿服务\n推荐方式：各支部推荐1名选手参加。")
    got = [t for rule, t in site_junk_of(rules, text) if rule == "junk-neighbour"]
    assert got == ["资料语言:中文版/英文版", "解压密码:abc123", "类型:积分资料"]


def test_a_work_report_made_to_a_congress_on_a_councils_behalf_is_a_report(rules):
    text = ("某某协会第五届会员代表大会筹备工作报告\n各位代表：\n"
            "我受第四届理事会的委托，作召开第五届会员代表大会的筹备工作报告。\n"
            "一、筹备工作的基本情况\n按照协会章程，理事会于今年三月成立了筹备工作领导小组，下设秘书组、会务组和材料组，"
            "明确了职责分工和时间节点，先后召开五次筹备会议，研究审定了大会的各项文件草案。\n二、关于大会的主要任务\n根据我们")
    rep = review(Document.from_text(text), rules)
    assert rep.genre == "report_speech" and "closing" in _missing(rep) and "problems" not in _missing(rep)
