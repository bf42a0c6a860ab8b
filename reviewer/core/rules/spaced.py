"""Kind ``spaced-word``: a blank left inside a word (消 防演习, 学习过 程中), as a PDF's line
breaks or a web page's layout leave it.

The patterns find one blank between two Han characters (group ``hit``: the two characters
and the blank).  Such a blank is a slip only where it splits a word: the line's text around
it is joined without the blank and cut by jieba's best route (segment.boundaries, no HMM);
when the route puts no word boundary where the blank stood, a word runs across it, and
the joined text must be clearly more probable than its two sides cut apart (log-probability
gain ``min_gain``: a name before a place, 段红英 国土分局, makes 英国 across the blank but
gains little; a count's lost figure, 实到代表 人, gains nothing).  Two words side by side
with a blank between (报考指导 报名入口, 精神 明时代: 神明 is a word, but the route cuts
精神|明) are left alone, and so are a form's labels spaced out to line up a
column (组 长：, 评 委：) and a short line that is a spaced-out heading (目 录, 班 级).
A split word leaves a single character cut off on one side at least (消|防演习, 学习过|程中,
灭火|器); a blank between whole words on both sides (层层负责 人人尽责, 文化 教育 卫生: 负责人
and 文化教育 run across them) is a list's or a slogan's separator, and is left alone.

Cost: only the few characters either side of the blank are read (the line's ends are
looked for within that reach), so a million-character line costs what its blanks do.
"""
from __future__ import annotations

from .kinds import PatternRule, _han
from ..cache import compile as compile_cached
from ..segment import boundaries, route_logp
from ..yamlfile import RuleLoadError

_REACH = 6  # characters of the line read either side of the blank
_SHORT = 4  # a line of at most this many characters (blanks aside) is a spaced-out heading
_MARKER = compile_cached(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}(?:[.．]\d{1,2})*[、.．]?)")


class SpacedWordRule(PatternRule):
    KEYS = PatternRule.KEYS | {"min_gain"}
    needs_jieba = True
    LINE_LOCAL = True

    def setup(self, spec):
        super().setup(spec)
        gain = spec.get("min_gain", 2.5)
        if isinstance(gain, bool) or not isinstance(gain, (int, float)) or gain < 0:
            raise RuleLoadError(self.source, "min_gain 必须是非负数（去掉空格后整句对数概率至少提高多少）", self.id, "min_gain")
        self.min_gain = float(gain)

    def accept(self, ctx, m) -> bool:
        text = ctx.text
        s, e = m.span("hit")
        gap = text.find(" ", s, e)
        if gap < 0:
            return False
        n = len(text)
        # the line's ends, looked for within a short reach only: a line of a few characters
        # is a spaced-out heading or label (目 录, 班 级), a longer one is not measured
        near = _SHORT + 2
        ls = text.rfind("\n", max(0, s - near), s) + 1 if s else 0
        if ls == 0 and s > near:
            ls = -1  # (the line starts further back)
        le = text.find("\n", e, min(n, e + near))
        if le < 0:
            le = n if n - e <= near else -1
        if ls >= 0 and le >= 0 and len(_MARKER.sub("", text[ls:le].replace(" ", "").replace("\u3000", ""), 1)) <= _SHORT:
            return False  # (its list number aside: （一）拔 河, 8.附 则)
        # a label before its colon (组 长：, 评 委 ：)
        after = text[e:e + 2].lstrip(" \u3000")[:1]
        if after and after in ":：":
            return False
        lo = gap
        while lo > 0 and gap - lo < _REACH and _han(text[lo - 1]):
            lo -= 1
        hi = gap + 1
        while hi < n and hi - gap - 1 < _REACH and _han(text[hi]):
            hi += 1
        left, right = text[lo:gap], text[gap + 1:hi]
        if not left or not right:
            return False
        joined = left + right
        if len(left) in boundaries(joined):
            return False
        # a split word leaves a lone character on one side; whole words on both sides are a
        # list's or a slogan's parts (层层负责 人人尽责)
        lcuts, rcuts = boundaries(left), boundaries(right)
        if len(left) - lcuts[-2] > 1 and rcuts[1] > 1:
            return False
        # (the routes were computed with the boundaries above: segment keeps both)
        return route_logp(joined) - route_logp(left) - route_logp(right) > self.min_gain
