"""What follows a genre's name in a title when the title does not name the draft's genre:
the meeting held for it, what it said, the time of it (_title_genre in profiles.py)."""
from __future__ import annotations

import re

from ..cache import compile as compile_cached  # compiled programs kept between runs (start-up)


# a genre's name followed by these names a meeting held for it, or what it said (……述职报告会,
# 工作汇报会, 学习……讲话精神): a report on the event, not a draft of that genre; nor is a line
# announcing what follows (现将自查情况汇报如下：) a title
# (and a report someone heard: 听取……工作汇报时强调 -- a news story's title)
# (and a contest of speeches, 主题演讲赛, 演讲比赛 -- the contest's report; not 演讲比赛稿, its entry)
_CONTEST = r"(?:比赛|大赛|竞赛|赛(?![道季]))(?!稿|作品|获奖)"
_SAID = r"时(?:强调|指出|表示|要求)"  # (what someone said at the time: 听取……汇报时强调)
_EVENT_AFTER = compile_cached(r"[\u4e00-\u9fff]{0,3}?(?:大会|会议|会(?![上中前后时]))|精神|如下|" + _SAID + "|"
                              # (the time of it, a headline's sentence going on: 委员发言时念材料被打断, 发言时间;
                              # not after a draft's 稿, nor a word that opens with 时: ……代表发言稿 时光荏苒)
                              r"(?<!稿)时(?=[\u4e00-\u9fff])(?!的|光|代|期|刻|候|节|常|时)|"
                              + _CONTEST)
# a title of a contest of speeches: settled, no salutation below makes it a speech
_OF_SPEECHES = compile_cached(r"(?:讲话|发言|演讲|致辞)稿?" + _CONTEST)
OF_SPEECHES_REASON = "标题是演讲比赛的报道，未检查缺少的部分"


def _after_blanks(line: str) -> set:
    """The offsets in the line less its blanks (_title_genre's ``flat``) that had a blank before them."""
    out, gone = set(), 0
    for w in re.finditer(r"\s+", line):
        out.add(w.start() - gone)
        gone += w.end() - w.start()
    return out


_SAID_AFTER = compile_cached(_SAID)


def event_after(flat: str, end: int, blanks) -> bool:
    """Whether what follows a genre's name ending at ``end`` of ``flat`` (a title less its
    blanks) makes the name an event's: a 时 after a blank (``blanks``: _after_blanks) opens
    the text run into the title (……代表发言 时至今日), no time of the speech (发言时念材料)."""
    ev = _EVENT_AFTER.match(flat, end)
    if ev is None:
        return False
    return not (end in blanks and ev.group().startswith("时") and not _SAID_AFTER.match(flat, end))
