"""What the user reads about the rules: each rule's name, description and a real example,
and the in-app guide (帮助 > 使用说明) rendered as HTML from the category catalogue and
the rules.  No Qt here; reviewer/gui/help.py only shows the page."""
from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

from . import categories


@dataclass(frozen=True)
class RuleInfo:
    name: str
    description: str
    example: str  # the first bad example, [[…]] marking the flagged span ("" when none)


def rule_info(ruleset) -> dict[str, RuleInfo]:
    """Full rule id ("punctuation.halfwidth") -> RuleInfo for every rule of ``ruleset``."""
    out: dict[str, RuleInfo] = {}
    for r in ruleset.rules:
        bad = next((e for e in r.examples if not e.good), None)
        out[r.full_id] = RuleInfo(r.name, " ".join(r.description.split()), _example_text(bad))
    return out


@lru_cache(maxsize=1)
def shipped_rule_info() -> dict[str, RuleInfo]:
    """rule_info() of the shipped rules, loaded once (about 0.3 s) the first time it is asked."""
    from .rules import load_rules

    try:
        return rule_info(load_rules())
    except Exception:  # a broken rule folder is reported where rules are loaded, not here
        return {}


def _example_text(example) -> str:
    if example is None:
        return ""
    raw = getattr(example, "raw", None) or getattr(example, "source", None)
    if isinstance(raw, str):
        return raw
    text = getattr(example, "text", "")
    spans = getattr(example, "spans", None) or []
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + "[[" + text[start:end] + "]]" + text[end:]
    return text


# ----- the guide ----------------------------------------------------------------------------

_CSS = """
body { font-size: 14px; line-height: 1.6; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 18px; } h3 { font-size: 15px; }
.chip { padding: 1px 6px; font-weight: bold; }
.eg { color: #444; } .hit { background: #ffe08a; font-weight: bold; }
td { padding: 2px 10px 2px 0; vertical-align: top; }
"""


def ink_on(colour: str) -> str:
    """Black or white text, whichever contrasts more with ``colour`` (WCAG luminance)."""
    h = colour.lstrip("#")
    lin = [(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
           for c in (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "black" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "white"


def _marked(example: str) -> str:
    """An example with [[…]] shown as a highlighted span."""
    out, rest = [], example
    while "[[" in rest and "]]" in rest.split("[[", 1)[1]:
        before, tail = rest.split("[[", 1)
        hit, rest = tail.split("]]", 1)
        out.append(html.escape(before) + f'<span class="hit">{html.escape(hit)}</span>')
    out.append(html.escape(rest))
    return "".join(out)


def guide_html(shortcuts: list[tuple[str, str]], *, settings_path: str = "", log_dir: str = "",
               rules=None, user_rules_hint: str = "") -> str:
    """The whole guide as one HTML page.

    ``shortcuts``: (what it does, key) pairs taken from the window's actions, so the page
    never disagrees with the menus.  ``rules``: a RuleSet (the shipped rules when None),
    whose descriptions and bad examples illustrate each category.
    """
    info = rule_info(rules) if rules is not None else shipped_rule_info()
    by_cat: dict[str, list[tuple[str, RuleInfo]]] = {}
    for rid, ri in info.items():
        by_cat.setdefault(rid.split(".", 1)[0], []).append((rid, ri))
    e = html.escape
    parts = [f"<html><head><style>{_CSS}</style></head><body>", "<h1>文稿审校助手 使用说明</h1>",
             "<p>打开一份讲话稿、汇报或方案（.docx 或 .txt），程序在本机检查从网上范文带来的问题："
             "没填的占位符、被网站删掉的数字、网页残留、外地地名、错别字、提法错误、序号、缺少的部分。"
             "全部检查都在本机完成，不联网。</p>",
             "<h2>怎样开始</h2><ol>"
             "<li>“文件 &gt; 打开”选择文稿，或把文件拖进窗口。</li>"
             "<li>右侧列表按类别列出问题，先看排在前面的类别（未填占位符、空缺数字、网页残留）。"
             "点一条问题，正文跳到那里，下方说明栏给出原因和建议。</li>"
             "<li>按“接受”采用建议，按“忽略”跳过；处理过的问题变灰，状态栏显示剩余多少处。"
             "同一种改法的问题（如几百个半角逗号）合成一条，一次全部改好。</li>"
             "<li>改完后“另存为”，或导出带批注、修订的 Word 文稿交给他人复核。</li></ol>",
             "<h2>问题类别</h2>"]
    for cat in categories.catalogue().values():
        parts.append(f'<h3><span class="chip" style="background:{e(cat.colour)}; color:{ink_on(cat.colour)}">'
                     f"&nbsp;{e(cat.label)}&nbsp;</span>"
                     f"</h3><p>{e(cat.description)}</p>")
        if cat.example:
            parts.append(f'<p class="eg">例：{e(cat.example)}</p>')
        examples = [(ri.name, ri.example) for _rid, ri in sorted(by_cat.get(cat.id, [])) if ri.example][:3]
        if examples:
            parts.append("<ul>" + "".join(f"<li>{e(name)}：{_marked(ex)}</li>" for name, ex in examples) + "</ul>")
    parts.append("<h2>快捷键</h2><table>")
    for what, key in shortcuts:
        parts.append(f"<tr><td><b>{e(key)}</b></td><td>{e(what)}</td></tr>")
    parts.append("</table>")
    parts.append(
        "<h2>填空</h2><p>“填空模式”（快捷键见上表）逐个定位未填的占位符和空缺的数字：直接输入实际内容，"
        "按 Enter 转到下一处。只替换占位的字符（“xx届”输入“二十”成为“二十届”），单位和上下文保留；"
        "同一个占位符出现多次时，可以一次全部填上。</p>")
    parts.append(
        "<h2>加入词表</h2><p>某个词被误报（例如本地的地名、单位简称），在说明栏按“加入词表”。"
        "词表里的词以后不再提示，窗口和命令行（reviewer check）都使用同一份词表，可在“设置”里修改。</p>"
        "<h2>忽略</h2><p>“忽略”只跳过这一处；“忽略此类…”跳过这一类问题，默认只对当前文稿，"
        "勾选“所有文稿”则以后打开的文稿也不再提示。忽略可以撤销。</p>")
    parts.append(
        "<h2>自己的规则</h2><p>每条规则是一个 YAML 文件（rules/&lt;类别&gt;/&lt;编号&gt;.yaml），写明名称、级别、"
        "中文提示，以及必须查出的错误例句（用 [[…]] 标出要报告的字）和不应报告的正确例句。"
        "把自己的规则放在一个文件夹里，在“设置”中选择该文件夹即可生效；命令行用 "
        "<code>reviewer check --rules 文件夹 文稿.docx</code>。规则的例句在加载时运行，写错的规则会指出文件名。</p>")
    if user_rules_hint:
        parts.append(f"<p>{e(user_rules_hint)}</p>")
    parts.append("<h2>设置和日志在哪里</h2><ul>")
    if settings_path:
        parts.append(f"<li>设置文件：<code>{e(settings_path)}</code></li>")
    if log_dir:
        parts.append(f"<li>出错日志：<code>{e(log_dir)}</code>（程序意外出错时写入，打开的文稿不会被修改）</li>")
    parts.append("</ul></body></html>")
    return "".join(parts)


# ----- fixes that need no judgement ----------------------------------------------------------

def _punct(s: str) -> bool:
    import unicodedata

    return bool(s) and all(unicodedata.category(ch)[0] in "PS" or ch.isspace() for ch in s)


def is_punctuation_fix(f) -> bool:
    """A finding whose suggestion only corrects punctuation (",": "，", "(一)": "（一）"): the
    review pane folds them into one entry, the annotated .docx makes them revisions."""
    if f.suggestion is None or f.end <= f.start:
        return False
    return f.category == "punctuation" or (_punct(f.text) and _punct(f.suggestion))


DELETED_ALIKE = frozenset({"site_junk.pinyin-gloss", "site_junk.stray-char"})


def fold_key(f):
    """The key that findings sharing one fix fold under in the review pane, or None.

    Decided from the data: on the 28 seed and dev drafts 1,376 of the 1,417 findings with
    a suggestion correct punctuation, and one word fix repeats at most twice in a draft;
    folding turns 1,672 list entries into 343.  So two or more findings fold
    when they come from the same rule and either all correct punctuation or all replace
    the same text with the same suggestion.  A finding without a suggestion does not fold
    (each needs the user's own judgement) unless its rule marks what a site inserted into
    the words by the dozen (DELETED_ALIKE): deleting those is one decision.
    """
    if f.end <= f.start:
        return None
    if f.suggestion is None:
        # the one exception: a site's marks inserted by the dozen into the words (拼音注音
        # 數(shù)據(jù), anti-copy characters 的.人文) are each deleted the same way, no judgement
        return (f.rule, "delete") if f.rule in DELETED_ALIKE else None
    if is_punctuation_fix(f):
        return (f.rule, "punct")
    return (f.rule, "pair", f.text, f.suggestion)
