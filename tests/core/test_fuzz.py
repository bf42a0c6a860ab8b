"""Random and adversarial text never breaks the engine, and offsets always hold."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.document import Document
from reviewer.core.engine import review
from reviewer.core.rules import load_rules

RULES = load_rules()
PIECES = ["XX县", "××", "20xx年", "个", "%", "余件", "，", ",", ":", "（一）", "一、", "二、", "四、", "一是", "二是",
          "##paidbegin##", "首页 > 范文 >", "查看更多", "最新范文", "\n", "\r\n", " ", "\u3000", "《日报》", "我是。",
          "截止目前", "“", "\"", "……", "...", "-", "一", "的", "年", "月日", "\ud800", "\udfff", "😀", "\x00", "\t"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=60).map("".join),
    st.builds(lambda n, c: c * n, st.integers(0, 3000), st.sampled_from(["，", "X", "一", "个", "\n", "。", "a"])),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_engine_never_raises_and_offsets_hold(text):
    doc = Document.from_text(text)
    report = review(doc, RULES)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text


def test_huge_single_line():
    text = ("近年来，XX县坚持以党建引领基层治理，共有个小区，占党员的%。" * 3000)
    report = review(Document.from_text(text), RULES)
    assert sum(f.category == "placeholder" for f in report.findings) == 3000
