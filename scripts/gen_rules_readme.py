"""Write rules/README.md: for each rule kind its keys and what they mean, the values its
messages may use, and a shipped rule of that kind as an example.

    .venv/bin/python scripts/gen_rules_readme.py          # rewrite rules/README.md
    .venv/bin/python scripts/gen_rules_readme.py --check  # exit 1 when it is out of date

The keys come from the kinds themselves (``KEYS``, ``REQUIRED``; reviewer/core/rules/);
their meanings from KEY_DOCS below (tests/core/test_rules_readme.py fails when a kind has a
key this table does not explain).  The message values are those the shipped rules'
``bad`` examples actually fill, found by running them; a structure rule's values are
declared in rules/structure_kind.py.
"""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "rules" / "README.md"

COMMON_DOCS = {
    "id": "规则编号：小写英文、数字和连字符，与文件名相同；发布后不再改（用户的设置用它记住关闭的规则）",
    "name": "规则名称（中文，显示在设置和帮助里）",
    "kind": "规则类型，见下文",
    "category": "问题类别；通常不写，由所在文件夹决定（rules/<类别>/<编号>.yaml）",
    "severity": "级别：error（错误）、warning（警告）、info（提示）",
    "message": "提示文字（中文），可用 {名称} 插入下文各类型提供的值",
    "suggestion": "建议改法，同样可用 {名称}；有建议的问题可一键改正",
    "description": "给用户看的说明（设置里的提示、帮助页）",
    "enabled": "false 表示默认关闭",
    "min_support": "同一类别已有这么多条其他规则的问题时才报告（用于单看不可靠的线索）",
    "yields_to": "其他规则的 id 列表（类别.id）：本规则的问题与它们的问题重叠时让给它们，不再报告",
    "examples": "例句：- bad: 用 [[…]] 标出必须报告的文字（[[]] 标出一个位置）；- good: 不得报告的句子。每条规则至少各一",
}

KEY_DOCS = {
    "pattern": {
        "pattern": "正则表达式（一个或列表）；有名为 hit 的分组时只标出该分组",
        "patterns": "同 pattern，多个正则",
        "exceptions": "包含命中处的较长字符串；命中落在其中时不报告（如“个人”之于“个”）",
        "exception_lists": "resources/lexicon 下的词表文件名：表中的词与 exceptions 一样用（几条规则共用的一份例外，如各类农户、机关的处室）",
        "translate": "匹配前的字符替换表（“原字符: 替换字符”），如全角数字按半角匹配",
    },
    "lexicon": {
        "words": "词表：“错误写法: 正确写法”，编译成一个正则一次匹配",
        "exceptions": "包含命中处的较长字符串；命中落在其中时不报告（包含错误写法的正确写法自动算在内：青团中央之于共青团中央）",
    },
    "blank": {
        "whole_words": "须在上下文中成词（由 jieba 判断）的分组名",
        "word_before": "紧挨在成词分组前的单字词须是其中之一（如“的和等到”），否则单字与量词合成名词（车户、警种），不报",
    },
    "junk": {
        "lines": "整行就是这些内容时整行标出（每项是匹配整行的正则）",
        "markers": "无论在哪里都标出的片段（占行的三分之二以上时整行标出）",
        "max_line_length": "lines 只看不超过这么多字的行（默认 200）",
        "keep_content": "为 true 时，整行匹配 lines 但行里还有正文句子（网站编辑的话接在正文段落前后）时，只标出自己就匹配 lines 的那几句",
        "regions": "只在这些部分查找：body、header、footer、footnote",
        "trigger": "markers 都含有的词；只在含这些词的行上运行 markers（提速）",
    },
    "junk-list": {
        "headers": "推荐列表的标题行（如“最新范文”）的正则",
        "max_title_length": "列表里每个标题行的最大字数（默认 40）",
        "title_end": "正则表达式：以它结尾的行（如以“讲话”“方案”结尾）即使中间有逗号也算标题行",
        "min_titles": "标题行至少有几行才算推荐列表（默认 2）",
    },
    "junk-context": {
        "check": "检查哪一种：neighbour、page-break、page-header、stray-char、glued-marker、hijack-brand、domain、piece-header（合集篇号标题）、preview（预览截断）、lone-mark（单独一行的横线或页码）、nav-run（连续几行栏目名）、tail-titles（结束语后的文章标题）、random-line（防复制的乱字行）、inserted-char（插进词语的生僻字）",
        "patterns": "该检查用到的正则",
        "words": "该检查用到的词（如被劫持网站替换的机构名）",
        "weak_words": "nav-run：算作名称的 words 中较弱的词：一段里另须有一个不在其中的 words 的词才报告（阅读、作文：也是试卷的部分）",
        "exceptions": "不报告的字符串",
        "min_count": "重复的页眉至少出现几次（page-header 默认 2，其余默认 3）",
        "min_page_length": "分页处前后正文至少多少字（默认 150）",
        "max_line_length": "只看不超过这么多字的行（默认 40）",
        "genre_heads": "glued-marker：篇号前是这些文种词（方案、总结……）时，连同它前面的一个词一起标出（实施方案1）",
        "window": "inserted-char：多少字之内至少有 min_count 处才报告（默认 1000）",
        "rare_below": "inserted-char：含这个字的词在结巴词典里的词频合计低于此数才算生僻字（默认 5000）",
        "word_at_least": "inserted-char：去掉这个字后前后组成的词，词频至少多少（默认 1000）；stray-char：含 join 分组的正则，分组去掉插入的字后须是词频至少这么多的词（和-谐 → 和谐）",
        "free_word_at_least": "stray-char：连字符两边的字单独成词时词频都不低于此数（上-下联动、城-乡统筹），是两个词并列，不算插进词里的字（默认 5000）",
    },
    "numbering": {
        "check": "序号检查的哪一项：skip（跳号）、repeat（重号）、nested（“一是”套“一是”）、mixed（层级混用）、"
                 "count（“讲四点”只列三点）、format、lost",
    },
    "duplicate": {
        "check": "查哪种重复：title（标题）、paragraph（段落）、sentence（句子）、lead、near（相邻段落近似重复）、doubled（句子连写两遍）",
        "min_length": "至少多少字才算重复（默认 8）",
        "shown_over_junk": "true：网页杂质盖住的地方也显示（合集标题再次出现，既是杂质又是重复；默认 false）",
    },
    "near-miss": {
        "expressions": "固定表述（成语、政治提法），写错一个字时报告",
        "lists": "resources/lexicon 下的词表文件名",
        "accepted": "视为正确的变体",
        "substitute": "换字时只看形近/音近字（confusable）、任何字（any）或不看（none）",
        "any_min_length": "substitute: any 时表述至少多少字（默认 6）",
        "drop": "允许缺几个字（0–2）",
        "drop_min_length": "缺字检查时表述至少多少字（默认 5）",
        "drop_at": "缺字的位置：start、interior、end",
        "drop_not_word": "缺字后剩下的不能是一个词（由 jieba 判断）；strict：只查常用成语，且剩下的几个字读不成任何词",
        "skip_words": "跳过在上下文中成词的命中（由 jieba 判断）",
        "inner_lists": "这些数据文件（成语、固定搭配）里的词作为提法的一部分时，其中的错字留给查该词表的规则报告，不重复报告",
        "pairs": "四字表述的叠字整对换成同音、形近的叠字时也报告（风度偏偏）",
        "exceptions": "包含命中处的较长字符串；命中落在其中时不报告",
    },
    "tagged": {
        "word_tags": "“分组: [词性, …]”：该分组须是这些词性的词（jieba 词性）",
        "split_from": "“分组: [词, …]”：结巴把该分组和它前面的这些词切成了一个词（很快、更好）时，仍把该分组当作一个词（tagged）",
        "end_tags": "“分组: [词性, …]”：该分组结尾处的词须是这些词性",
        "next_not_tags": "“分组: [词性, …]”：该分组后面的词不能是这些词性",
        "not_words": "命中这些词时不报告",
    },
    "line-pattern": {
        "line_unless": "正则（或列表）：命中所在的整行能匹配其中任何一个时不报告（整行的条件，如某个符号出现几次）",
    },
    "spaced-word": {
        "min_gain": "去掉空格后整段的最佳切分比空格两边分开切时对数概率至少提高多少才报告（默认 2.5）",
    },
    "misused": {
        "lists": "resources/lexicon 下“误用<TAB>正确”的词表文件名",
        "words": "另加的“误用: 正确”",
        "exceptions": "包含命中处的较长字符串；命中落在其中时不报告",
        "boundary": "jieba（默认：命中两端须是词的边界）或 none",
    },
    "script": {},
    "gloss-run": {},
    "locality": {
        "check": "查什么：place（外地地名）、person（职务旁的人名）、name-list（角色后的人名名单）",
        "anonymised": "说明范文已把本地名称隐去的正则（XX县、某某）；只有这样的文稿才报告",
        "anonymised_twice": "同上，但要在正文里出现两次以上才算（网站屏蔽词留下的一处“***”不算已隐去地名）",
        "before": "地名前出现时表示“提到外地”（到……学习）的正则",
        "after": "地名后出现时表示“提到外地”的正则",
        "not_names": "从不报告的名称",
        "titles": "人名旁的职务（person）",
        "after_name": "跟在全名后面、作用和职务一样的词（person，如“同志”“同学”）",
        "surnames": "另加的姓氏",
        "labels": "名单前的角色（name-list，如“评委”）",
    },
    "stale": {
        "check": "terms（过时的名称或提法）或 plan（说成当前的五年规划）",
        "terms": "列表：{pattern, since, period, current}——从 since 年起过时的名称，current 是现在的说法",
        "pattern": "plan：含分组 n（如“十二”）的正则，可有分组 when（今年、2019年）",
        "patterns": "同 pattern，多个正则",
    },
    "anniversary": {
        "events": "列表：{name, year, aliases}——事件、发生的年份和别称（新中国成立 1949）；或 resources/lexicon 里的数据文件名（每行“名称<TAB>年份<TAB>别称、别称”）",
        "pattern": "含 {events}（任一事件名）及分组 y（年份）、n（周年数）、hit（报告的文字）的正则",
        "this_year": "true 时没有分组 y，按文稿的日期核对“今年是……周年”（推断不出日期则不查）",
    },
    "compat-char": {
        "map": "另加的“部首: 汉字”一字对一字映射（NFKC 没有给出的）",
    },
    "rare-char": {
        "map": "另加的“字: 规范字”一字对一字映射（rare-forms.txt、繁简对照表之外的）",
        "suggested": "true（默认）：只报有对应规范字的；false：只报不知道对应规范字的",
        "name_after": "人名后面常接的词（同志、职务）：姓氏之后、这些词之前的字视为人名用字，不报",
        "skip": "不报告的字（网站用作分隔符的“丨”等）",
    },
    "pinyin-char": {
        "min_count": "拼音换回的字和后面的字组成的词在 jieba 词典中的最低词频（默认 100）",
        "leave": "不报的音节（在中文里常作英文词或缩写的：ai、bing）",
    },
    "confusion": {
        "min_freq": "换字后组成的常用词在 jieba 词典中的最低词频（默认 300）",
        "min_gain": "换字后整句最佳切分的对数概率至少提高多少才报告（默认 10）",
        "other_tone_gain": "换成不同声调的同音字时要求的提高量（默认 0：不试；给出 tones 时才有不同声调之分）",
        "min_run": "连续汉字至少几个才判断（默认 6；太短的标题、名称不判断）",
        "near": "换字后左右各几个字以内不能再剩下孤立的字（free_chars 除外，默认 4）",
        "free_chars": "可以单独成词的常见字（的、了、是……），不当作错字，也不算孤立的字",
        "known": "resources/lexicon 下的新词表文件名：这些词里的字不报告",
        "tones": "resources/lexicon 下的同音同调字表（字<TAB>同音同调的字）：给出时同音字还须同调",
        "exceptions": "较长的字符串：命中处在其中时不报告",
    },
    "formula-order": {
        "lists": "resources/lexicon 下的词表文件名；每行是用顿号连接的几个部分（富强、民主、文明、和谐）",
        "expressions": "另加的、用顿号连接的有序表述",
    },
    "structure": {
        "check": "哪一项结构检查：missing-part（缺少应有的部分）、truncated（正文不完整）、reference-part、"
                 "reference-topic、notice-topic、extra-topic（与参考文稿比较）",
        "customary_severity": "按惯例（而非必需）应有的部分缺失时的级别（默认同 severity）",
        "variants": "特殊情形的提示文字（如 cut-sentence：文稿被截断时），名称由检查决定",
        "example_references": "检查本规则例句时用作参考文稿的文字",
    },
}

KIND_INTRO = {
    "pattern": "正则表达式匹配。",
    "lexicon": "词表（错误写法 → 正确写法），一个正则一次匹配。",
    "blank": "正则匹配，且指定的分组须在上下文中成词（jieba，只看附近几个字）。",
    "junk": "网页残留：整行（lines）或行内片段（markers）。",
    "junk-list": "网页的推荐列表：一个标题行加一串短标题。",
    "junk-context": "要看上下文才能判断的网页残留：分页、重复页眉、防复制字符、被替换的机构名、网址。",
    "numbering": "序号分析（一、二、四；“一是”里又套“一是”……）的一项检查。",
    "duplicate": "重复的标题、段落或句子。",
    "near-miss": "固定表述（成语、政治提法）差一个字。",
    "tagged": "正则匹配，且相邻的词须有（或不能有）给定的词性（jieba）。",
    "misused": "大词表的误用词（数据文件），jieba 判断词的边界。",
    "script": "文稿是繁体字（整篇经简体视图检查）。",
    "gloss-run": "繁体稿里一段的拼音注音，整段一次改正（在其他问题整理之后生成，不当作网页残留遮挡段内的问题）。",
    "locality": "范文隐去了本地名称，正文却留着原稿的地名或人名。",
    "stale": "按文稿的年份已经过时的名称、提法或规划。",
    "anniversary": "写明的年份与“某事件多少周年”对不上（2023年是新中国成立70周年）。",
    "compat-char": "看起来是汉字、其实是康熙部首或兼容汉字的字符。",
    "rare-char": "夹在常用字中间的《通用规范汉字表》以外的字（乱码、个别繁体字或日文字形）。",
    "pinyin-char": "写成拼音、后面紧跟汉字的字（dang内、zheng府）。",
    "confusion": "常用词中一个字写成同音字或形近字（按 jieba 词典的词频比较整句切分）。",
    "line-pattern": "同 pattern，另看命中所在的整行（line_unless：整行符合时不报告）。",
    "spaced-word": "词中间多了空格（消 防演习）：去掉空格后那里没有词的边界，且整段明显更通顺（jieba）。",
    "formula-order": "有固定顺序的提法（四个自信、核心价值观）各部分顺序写乱。",
    "structure": "文稿结构：缺少的部分、被截断的正文、与参考文稿的比较。不扫描文字本身：结构分析找出问题，"
                 "这类规则决定是否报告、级别和提示文字。",
}


def kinds():
    from reviewer.core.rules.registry import COMMON_KEYS, KINDS

    return COMMON_KEYS, KINDS


def key_docs(kind: str) -> dict[str, str]:
    """The meanings of a kind's keys, with those of the kinds it builds on (blank on pattern)."""
    _, registry = kinds()
    by_class = {cls: k for k, cls in registry.items()}
    out: dict[str, str] = {}
    for cls in reversed(registry[kind].__mro__):
        out.update(KEY_DOCS.get(by_class.get(cls, ""), {}))
    return out


def missing_docs() -> list[str]:
    """Keys of a kind (or common keys) that the tables above do not explain."""
    common, registry = kinds()
    out = [f"(common) {k}" for k in sorted(common) if k not in COMMON_DOCS]
    for kind, cls in registry.items():
        if kind not in KEY_DOCS:
            out.append(f"{kind} (the kind itself)")
            continue
        docs = key_docs(kind)
        out.extend(f"{kind}.{k}" for k in sorted(cls.KEYS) if k not in docs)
        if kind not in KIND_INTRO:
            out.append(f"{kind} (KIND_INTRO)")
    return out


GROUPS = "（正则的命名分组，如 hit）"


def message_values(ruleset) -> dict[str, set[str]]:
    """kind -> the names its shipped rules' bad examples fill in messages."""
    from reviewer.core.examples import example_findings
    from reviewer.core.rules import kinds as kinds_module
    from reviewer.core.rules.structure_kind import VALUES, StructureRule

    seen: dict[str, set[str]] = {}
    original = kinds_module.Rule.finding

    def recording(self, ctx, source, start, end, values, **kw):
        # a pattern's named groups are values too: one name for all of them, not each rule's
        groups = set().union(*(rx.groupindex for rx in getattr(self, "regexes", ())))
        names = {"match", "suggestion", *(k for k in values if k not in groups)}
        if groups & set(values):
            names.add(GROUPS)
        seen.setdefault(self.kind, set()).update(names)
        return original(self, ctx, source, start, end, values, **kw)

    kinds_module.Rule.finding = recording
    try:
        for rule in ruleset:
            if isinstance(rule, StructureRule):
                seen.setdefault(rule.kind, set()).update(VALUES[rule.check])
                continue
            for ex in rule.examples:
                if not ex.good:
                    example_findings(rule, ex.text, ruleset)
    finally:
        kinds_module.Rule.finding = original
    return seen


def example_file(kind: str) -> pathlib.Path | None:
    """The shortest shipped rule file of this kind (ties: by path)."""
    files = []
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        if path.parent.name == "genres" or path.name == "categories.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        if any(line.strip() == f"kind: {kind}" for line in text.splitlines()):
            files.append((len(text), str(path.relative_to(ROOT)), path))
    return min(files)[2] if files else None


def render() -> str:
    from reviewer.core.rules import load_rules

    common, registry = kinds()
    ruleset = load_rules()
    values = message_values(ruleset)
    out = ["<!-- 由 scripts/gen_rules_readme.py 生成，请勿手改；改规则类型后重新运行它。 -->", "",
           "# 规则文件说明", "",
           "每条规则是一个 YAML 文件：`rules/<类别>/<编号>.yaml`。自己的规则放在任意文件夹里，结构相同，"
           "用 `reviewer check --rules 文件夹` 或在“设置 > 常规 > 自定义规则文件夹”里指定。"
           "自定义规则载入时会运行它的例句：例句不通过就是载入错误，提示会指出文件和例句。", "",
           "规则文件里不能有未知的键；缺少必需的键、正则有误、编号重复，都会在载入时报错并指出文件和键。", "",
           "## 每条规则都有的键", "", "| 键 | 必需 | 含义 |", "|---|---|---|"]
    required_common = {"id", "name", "kind", "severity", "message", "examples"}
    for key in sorted(common, key=lambda k: (k not in required_common, k)):
        out.append(f"| `{key}` | {'是' if key in required_common else ''} | {COMMON_DOCS.get(key, '')} |")
    out += ["", "提示文字里的 `{名称}` 换成规则命中时的值（各类型提供哪些值见下文）；"
            "没有提供的名称原样保留。", "", "## 规则类型", ""]
    out += [f"- [`{kind}`](#{kind})：{KIND_INTRO.get(kind, '')}" for kind in registry]
    for kind, cls in registry.items():
        out += ["", f"### {kind}", "", KIND_INTRO.get(kind, ""), ""]
        keys = sorted(cls.KEYS)
        if keys:
            out += ["| 键 | 必需 | 含义 |", "|---|---|---|"]
            docs = key_docs(kind)
            out += [f"| `{k}` | {'是' if k in cls.REQUIRED else ''} | {docs.get(k, '')} |" for k in keys]
        else:
            out.append("没有本类型专用的键。")
        names = sorted(values.get(kind, ()))
        shown = [f"`{{{n}}}`" for n in names if n != GROUPS] + ([GROUPS] if GROUPS in names else [])
        out += ["", "提示文字可用的值：" + "、".join(shown)]
        if kind == "structure":
            from reviewer.core.rules.structure_kind import CHECKS, VALUES

            out += ["", "| check | 问题类别 | 提示文字可用的值 |", "|---|---|---|"]
            out += [f"| `{c}` | {CHECKS[c]} | {'、'.join(f'`{{{n}}}`' for n in VALUES[c])} |" for c in CHECKS]
        example = example_file(kind)
        if example is not None:
            out += ["", f"例（`{example.relative_to(ROOT).as_posix()}`）：", "", "```yaml",
                    example.read_text(encoding="utf-8").rstrip(), "```"]
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    missing = missing_docs()
    if missing:
        print("scripts/gen_rules_readme.py: keys without a meaning in KEY_DOCS: " + ", ".join(missing),
              file=sys.stderr)
        return 1
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("rules/README.md is out of date: run scripts/gen_rules_readme.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
