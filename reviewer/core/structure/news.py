"""A news item's lead: genre detection (profiles.detect_genre) places no draft by the lines of
a page that reports an event."""
from __future__ import annotations

from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


# A news item's lead: the wire's tag (本报讯, 某某网讯(), or a first sentence that dates an event
# and says it was held (9月27日下午，……毕业仪式在市委党校举行 / 近日，某某召开……).  A page that
# opens so reports an event: what its lines say about speeches or summaries (做工作汇报, 现在
# 开始, 同志们) is the event's, and no part of a speech or a summary is missing from it.  Not a
# paragraph in the first person anywhere (我局召开了……, 我和支部党员一起收看了开幕会, 下面我讲三点;
# 我县, 我市 are a local paper's), one that reports on itself (现将……总结如下：) or one that opens
# with a salutation (同志们：3月5日，市委召开了……) -- unless a wire's tag opens it (_WIRE): then a first
# person is a quotation's (本报讯（通讯员……）“去年底，我当选为……).
_NEWS_LEAD = compile_cached(
    r"[ \t\u3000]*(?:本报讯|本网讯|本刊讯|[^\n。，,]{0,12}网?讯[ \t]*[（(]"
    r"|[^\n。]{0,40}?(?:\d{1,2}月\d{1,2}日|近日|日前)(?:上午|下午|晚上|晚间|早上|晚)?[^\n。]{0,80}?"
    r"(?:召开|举行|举办|开幕|开课|开班|落幕|启动))")
# (a wire's tag only: a word ending in 讯 is none -- 通讯（信息）员, 工作简讯（第3期）, 审讯（讯问）室 --
# nor is a line opened by a salutation, 同志们：今天召开通讯（……）)
_WIRE = compile_cached(r"[ \t\u3000]*(?:本报讯|本网讯|本刊讯|[^\n。，,“”：:；;！？!?]{0,12}"
                       r"(?<![通简审资视喜电传问音短])讯[ \t]*[（(])")
_NOT_NEWS = compile_cached(r"我(?![县市区省州])|本人|现将|(?:如下|以下)[：:。]"
                           r"|^[ \t\u3000]*(?:同志们|各位|尊敬的|老师们|同学们|亲爱的|女士们|朋友们)[^\n。：:]{0,30}[：:]")


def news_lead(head: str) -> str:
    """The news item's lead at the top of ``head`` (its first real line), or ""."""
    for line in head.split("\n"):
        if line.strip():
            m = _NEWS_LEAD.match(line)
            # (a wire's tag says so whatever follows: the first person of a quotation after
            # 本报讯（通讯员……）“去年底，我当选为…… is the interviewee's)
            return m.group().strip() if m and (_WIRE.match(line) or not _NOT_NEWS.search(line)) else ""
    return ""
