"""duplicate.near-paragraph and duplicate.doubled spliced from their previous call (issue 11):
after every edit of a series (pastes, deletions, typing, lines joined and split, junk
changing), find_near gives what the walk over every paragraph, as first written, gives, and
find_doubled what one pass of its patterns over the whole text gives."""
import random

from reviewer.core.document import Document
from reviewer.core.structure.duplicates import repeats
from reviewer.core.structure.duplicates.paragraph_text import _paragraph_key
from reviewer.core.structure.duplicates.repeats import _NO_JUNK, _alike, _junk_key, _near_item, find_near
from reviewer.core.structure.duplicates.paragraph_text import _index

from .test_speed_structure_edit import _doubled_plainly, _edit, _junk

_PARA = "各级各部门要深刻认识安全生产工作的重要性，坚决克服麻痹思想和侥幸心理，切实把安全生产摆在突出位置。"
_LINES = ["关于做好安全生产工作的讲话",
          _PARA,
          _PARA.replace("重要性", "极端重要性").replace("突出位置", "更加突出位置"),
          _PARA.replace("坚决", "始终"),
          "全镇共建成高标准农田1200亩，完成投资360万元，惠及农户420户，带动群众增收明显。",
          "全镇共建成高标准农田1500亩，完成投资450万元，惠及农户510户，带动群众增收明显。",
          "各乡镇要全面落实属地管理责任，组织力量开展拉网式排查，确保隐患整改到位、责任落实到人。",
          "各乡镇要全面落实属地管理责任，组织力量开展拉网排查，确保隐患整改到位、责任落实到人员。",
          "本文由网友投稿，版权归原作者所有",
          "相关推荐：加强基层治理的几点思考",
          "一、压实责任", "（稍停）各乡镇要全面落实属地管理责任，组织力量开展拉网式排查，确保隐患整改。",
          "要加强宣传，利用广播、横幅、微信群等方式广泛宣传禁烧政策。",
          "要压实责任。要压实责任。对隐患要立即整改，对隐患立即整改。对隐患立即整改。"]


def _near_plainly(text, paragraphs, junk, min_length=30):
    """find_near as first written: every paragraph's key worked out and walked in order."""
    jx = _index(junk)
    recent, seen = [], set()
    for k, p in enumerate(paragraphs):
        ps, pe = p.start, p.end
        if pe - ps < min_length:
            continue
        got = _junk_key(text, ps, pe, jx, min_length)
        if got is None:
            continue
        if got is _NO_JUNK:
            got = _paragraph_key(text[ps:pe], min_length)
            if got is None:
                continue
            s, e, key = got
            s, e = ps + s, ps + e
        else:
            s, e, key = got
        bare, enough = _near_item(key)
        if key in seen:
            recent = []
            continue
        seen.add(key)
        hit = None
        if enough:
            for a, line, a_bare in recent:
                if 0.85 <= len(key) / len(a) <= 1.18 and key[:4] == a[:4] and bare != a_bare and _alike(a, key):
                    hit = line
                    break
        if hit is not None:
            yield s, e, {"first_line": hit}
            recent = []
            continue
        recent = (recent + [(key, k + 1, bare)])[-2:]


def test_near_copies_spliced_from_the_previous_call_equal_the_plain_walk_after_each_edit(monkeypatch):
    made = []
    splice = repeats._splice
    monkeypatch.setattr(repeats, "_splice", lambda *a: made.append(splice(*a)) or made[-1])
    rng = random.Random(9)
    lines = _LINES * 5
    found = spliced = found_doubled = 0
    for step in range(400):
        text = "\n".join(lines)
        paragraphs = Document.from_text(text).paragraphs
        junk = _junk(text, step // 50)
        want = list(_near_plainly(text, paragraphs, junk))
        made.clear()
        assert list(find_near(text, paragraphs, junk)) == want, f"step {step}"
        spliced += any(got is not None for got in made)
        doubled = _doubled_plainly(text, junk)
        assert list(repeats.find_doubled(text, paragraphs, junk)) == doubled, f"step {step}"
        found_doubled += len(doubled)
        if rng.random() < 0.05:  # another draft checked in between: its items are not these
            other = "\n".join(_LINES[::-1])
            list(find_near(other, Document.from_text(other).paragraphs, []))
            list(repeats.find_doubled(other, Document.from_text(other).paragraphs, []))
        found += len(want)
        lines = _edit(lines, rng) if rng.random() < 0.8 else _edit(_edit(lines, rng), rng)
    assert found > 150 and spliced > 200 and found_doubled > 1000


def test_a_near_copy_after_a_copy_or_a_near_copy_is_compared_with_the_paragraphs_after_it_only():
    a = _LINES[1]
    b, c = _LINES[2], _LINES[3]
    for lines in ([a, b, c], [a, a, b], [a, b, a, c], [a, "短", b], [a, _LINES[6], b, c], [a, b, b, c],
                  [_LINES[6], a, _LINES[7], b]):
        text = "\n".join(lines)
        paragraphs = Document.from_text(text).paragraphs
        assert list(find_near(text, paragraphs, [])) == list(_near_plainly(text, paragraphs, [])), lines


def test_an_edit_leaves_the_previous_report_as_it_was_and_the_report_equals_a_full_review(rules):
    """The line-local findings after an edit are moved as new objects: the previous report
    (on screen while the next one is made, on another thread) keeps its positions."""
    from reviewer.core.engine import review
    from reviewer.core.incremental import IncrementalReviewer

    lines = [f"第{k}段,我们要坚持问题导向,着力解决群众急难愁盼问题。" for k in range(300)]
    text = "\n".join(lines)
    inc = IncrementalReviewer(rules)
    before = inc.review(Document.from_text(text))
    was = [f.to_dict() for f in before.findings]
    assert sum(f.category == "punctuation" for f in before.findings) > 500
    cut = text.index("第150段")
    text = text[:cut] + "的的" + text[cut:]
    after = inc.review(Document.from_text(text))
    assert [f.to_dict() for f in after.findings] == [f.to_dict() for f in review(Document.from_text(text), rules).findings]
    assert [f.to_dict() for f in before.findings] == was
    later = [f for f in after.findings if f.category == "punctuation" and f.start > cut + 60]
    assert later and not {id(f) for f in later} & {id(f) for f in before.findings}
