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
"""
from __future__ import annotations

from .kinds import PatternRule
from ..segment import boundaries, tokenizer
from ..yamlfile import RuleLoadError

_REACH = 6  # characters of the line read either side of the blank


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _logp(s: str) -> float:
    """Log-probability of jieba's best route through ``s`` (its unigram model)."""
    tok = tokenizer()
    route: dict = {}
    tok.calc(s, tok.get_DAG(s), route)
    return route[0][0]


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
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        line = text[ls:le].strip()
        # a spaced-out heading or label (目 录, 组 长：): the line is short, or the word
        # across the blank is a label before its colon
        if len(line.replace(" ", "").replace("\u3000", "")) <= 4 or text[e:e + 1] in ":：" \
                or text[e:e + 2].strip()[:1] in (":", "："):
            return False
        lo = gap
        while lo > ls and gap - lo < _REACH and _han(text[lo - 1]):
            lo -= 1
        hi = gap + 1
        while hi < le and hi - gap - 1 < _REACH and _han(text[hi]):
            hi += 1
        left, right = text[lo:gap], text[gap + 1:hi]
        if not left or not right:
            return False
        if len(left) in boundaries(left + right):
            return False
        return _logp(left + right) - _logp(left) - _logp(right) > self.min_gain
