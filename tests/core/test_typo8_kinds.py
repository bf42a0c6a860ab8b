"""typo8: general shapes of misused words and broken formulas read on unseen sites: a word's
last character fused with the punctuation after it by a GBK conversion (基矗 = 基础。), a
year written short (九七年) or without 年 (2010暑期), 致意 with an object, a festival's 节
twice (中秋节佳节), an adverb before a verb with a result (清楚的看到), a road's number in
lower case, 贯彻落实党的××大 without 精神, the leader's title alone or shortened, more
words of the rewriting tools (漂亮乡村, 心得领会), 像 for the preposition 向, 渡过 a holiday,
以胡锦涛同志为核心 and 现代化事业新征程."""
import pytest

from ..conftest import body_findings


def _got(rules, text, rule):
    return [(f.text, f.suggestion) for f in body_findings(rules, text) if f.rule == rule]


@pytest.mark.parametrize("text,found,right", [
    ("为开展工作奠定了组织基矗二是为民服务内容得到拓展。", "基矗", "基础。"),
    ("扎实开展了“十杰”评癣“春蕾计划”等活动。", "评癣", "评选、"),
])
def test_a_character_fused_with_its_punctuation(rules, text, found, right):
    assert _got(rules, text, "typo.garbled-fused-punct") == [(found, right)]


@pytest.mark.parametrize("text", [
    "为开展工作奠定了组织基础。二是评选、表彰先进。",
    "高楼矗立在江边，皮肤癣菌病得到控制，大孝至爱。",
    "城市常住人口增加，统一协调各方力量，上尝试新方法。",
])
def test_fused_forms_are_quiet_on_correct_text(rules, text):
    assert _got(rules, text, "typo.garbled-fused-punct") == []


@pytest.mark.parametrize("rule,text,found", [
    ("typo.year-abbreviated", "该公路工程列上了九七年计划，零八年完工。", ["九七", "零八"]),
    ("typo.year-abbreviated", "她用了七八年时间，坚持了三五年，一二年级，二○三五年，九十年代。", []),
    ("typo.year-without-nian", "我有幸参加了2010暑期培训班，2023上半年工作总结。", ["2010", "2023"]),
    ("typo.year-without-nian", "2023届毕业生，2023年度考核，中国嘉德2010秋季拍卖会，GB/T2010暑期。", []),
    ("typo.zhiyi-greeting", "向大家致意节日的亲切问候。", ["致意"]),
    ("typo.zhiyi-greeting", "他向观众挥手致意，台下报以掌声和问候。", []),
    ("typo.festival-doubled", "在这个传统的中秋节佳节，重阳节佳节。", ["中秋节", "重阳节"]),
    ("typo.festival-doubled", "在中秋佳节来临之际，在这个中秋节，佳节团圆。", []),
    ("typo.de-adverbial-result-word", "我们更应清楚的看到当前的困难。", ["的"]),
    ("typo.de-adverbial-result-word", "把握市场发展的走向，措施已经到位。", []),
    ("typo.latin-case", "改造省道s309线，g205国道拓宽。", ["s", "g"]),
    ("typo.latin-case", "改造省道S309线，共计s309段。", []),
    ("typo.jin-rang-mixed", "在此，谨让我代表全体员工表示欢迎。", ["谨让我"]),
    ("phrasing.congress-spirit", "深入贯彻落实党的十八大，推动各项工作。", ["党的十八大"]),
    ("phrasing.congress-spirit", "深入贯彻落实党的十八大精神，贯彻党的二十大、二十届二中全会精神。党的十八大以来。", []),
    ("phrasing.leader-title", "深入学习习总书记治国理政新理念。", ["习总书记"]),
    ("phrasing.leader-title", "组织学习总书记的系列重要讲话精神。", []),
    ("phrasing.dropped-head-formula", "深入学习贯彻总书记视察时的重要讲话，二中全会精神、总书记关于民政工作的重要指示。",
     ["总书记", "总书记"]),
    ("phrasing.dropped-head-formula", "深入学习贯彻习近平总书记视察时的重要讲话，总书记强调。", []),
    ("phrasing.synonym-swap", "结合漂亮乡村建设，进展壮大集体经济，写一篇心得领会。", ["漂亮乡村", "进展壮大", "心得领会"]),
    ("phrasing.synonym-swap", "结合美丽乡村建设，工程安全、进展顺利，写一篇心得体会。", []),
    ("phrasing.formula-list", "加快构建国内国外双循环新发展格局。", ["国内国外双循环"]),
    ("typo.misused-words", "各村各富特色，铺设沥清路面，杜绝各自为阵。", ["各富特色", "沥清", "各自为阵"]),
    ("typo.xiang-toward", "下面我像大家汇报工作，在此象全体老师致以问候。", ["像", "象"]),
    ("typo.xiang-toward", "正像大家介绍的那样，我们要像你们一样学习。", []),
    ("typo.du-guo-time", "祝大家渡过一个欢乐祥和的春节。", ["渡过"]),
    ("typo.du-guo-time", "帮助企业渡过难关，市民结束轮渡过江的历史。", []),
    ("typo.dropped-xian", "同志们：\n在我宣布，全县庆祝教师节大会开会！", ["在我宣布"]),
    ("phrasing.formula-frame", "在以胡锦涛同志为核心的党中央领导下，开启全面建设社会主义现代化事业新征程。", ["核心", "事业"]),
    ("phrasing.formula-frame", "以江泽民同志为核心的党的第三代中央领导集体，以胡锦涛同志为总书记的党中央。", []),
    ("phrasing.synonym-swap", "坚持以经济发展为中心。", ["以经济发展为中心"]),
])
def test_shapes(rules, rule, text, found):
    assert sorted(t for t, _ in _got(rules, text, rule)) == sorted(found)
