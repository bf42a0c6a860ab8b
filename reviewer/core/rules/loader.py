"""Load and validate rule files: rules/<category>/<id>.yaml, strictly."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import SEVERITIES
from ..yamlfile import RuleLoadError, read_yaml  # noqa: F401  (re-exported: rules.RuleLoadError)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CATEGORY_RE = re.compile(r"^[a-z][a-z_]*$")
MARK_RE = re.compile(r"\[\[(.*?\]*)\]\]", re.S)  # (a span may end in "]": [[[pí]]] marks "[pí]")
# Folders under a rules directory that hold something other than rules.
NOT_RULES = {"genres"}           # folders of data that are not rules
NOT_RULE_FILES = {"categories.yaml"}  # the category catalogue (reviewer/core/categories.py)


@dataclass(frozen=True)
class Example:
    text: str                       # the example with the [[ ]] marks removed
    spans: tuple[tuple[int, int], ...]  # what must be flagged (empty for a good example)
    good: bool


def parse_example(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    if "[[" not in raw:  # (a good example, mostly: ~4,800 examples are parsed at every start)
        return raw, ()
    out, spans, pos, length = [], [], 0, 0
    for m in MARK_RE.finditer(raw):
        before, marked = raw[pos:m.start()], m.group(1)
        out += (before, marked)
        length += len(before)
        spans.append((length, length + len(marked)))
        length += len(marked)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), tuple(spans)


def parse_examples(items, file, rule_id) -> tuple[Example, ...]:
    if not isinstance(items, list) or not items:
        raise RuleLoadError(file, "缺少例句（examples 必须列出 bad 和 good 例句）", rule_id, "examples")
    out = []
    for item in items:
        if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in ("bad", "good"):
            raise RuleLoadError(file, f"例句格式应为“- bad: …”或“- good: …”，实际为 {item!r}", rule_id, "examples")
        (which, raw), = item.items()
        if not isinstance(raw, str) or not raw:
            raise RuleLoadError(file, "例句必须是非空字符串", rule_id, "examples")
        text, spans = parse_example(raw)
        if which == "bad" and not spans:
            raise RuleLoadError(file, f"bad 例句必须用 [[…]] 标出应报告的文字：{raw}", rule_id, "examples")
        if which == "good" and spans:
            raise RuleLoadError(file, f"good 例句不能含 [[…]]：{raw}", rule_id, "examples")
        if "[[" in text or "]]" in text:
            raise RuleLoadError(file, f"例句中的 [[ ]] 不成对：{raw}", rule_id, "examples")
        out.append(Example(text, spans, which == "good"))
    if not any(e.good for e in out):
        raise RuleLoadError(file, "至少要有一个 good 例句（不应报告的情形）", rule_id, "examples")
    if all(e.good for e in out):
        raise RuleLoadError(file, "至少要有一个 bad 例句", rule_id, "examples")
    return tuple(out)


def _rule_files(directory: Path):
    for path in sorted(directory.rglob("*")):
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        rel = path.relative_to(directory)
        if rel.parts and (rel.parts[0] in NOT_RULES or (len(rel.parts) == 1 and rel.name in NOT_RULE_FILES)):
            continue
        yield path, (rel.parts[-2] if len(rel.parts) >= 2 else None)


def load_rule_file(path: Path, folder_category: str | None):
    from .registry import COMMON_KEYS, KINDS

    from ..cache import read_yaml as read_cached  # parsed files kept between runs (core/cache.py)

    spec = read_cached(path)
    if not isinstance(spec, dict):
        raise RuleLoadError(path, "规则文件的顶层必须是键值对")
    rule_id = spec.get("id")
    if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
        raise RuleLoadError(path, "id 必须是小写英文、数字和连字符（如 xx-name）", rule_id if isinstance(rule_id, str) else None, "id")
    if rule_id != path.stem:
        raise RuleLoadError(path, f"id “{rule_id}”与文件名“{path.stem}”不一致", rule_id, "id")
    category = spec.get("category", folder_category)
    if not isinstance(category, str) or not CATEGORY_RE.match(category):
        raise RuleLoadError(path, "类别必须是小写英文单词（放在 rules/<类别>/ 文件夹下，或写 category 键）", rule_id, "category")
    if folder_category and category != folder_category:
        raise RuleLoadError(path, f"category “{category}”与所在文件夹“{folder_category}”不一致", rule_id, "category")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise RuleLoadError(path, f"未知的规则类型“{kind}”，可用：{', '.join(sorted(KINDS))}", rule_id, "kind")
    cls = KINDS[kind]
    allowed = COMMON_KEYS | cls.KEYS
    for key in spec:
        if key not in allowed:
            raise RuleLoadError(path, f"未知的键“{key}”", rule_id, str(key))
    for key in ("name", "message", "severity", "examples") + tuple(cls.REQUIRED):
        if key not in spec:
            raise RuleLoadError(path, f"缺少必需的键“{key}”", rule_id, key)
    if spec["severity"] not in SEVERITIES:
        raise RuleLoadError(path, f"severity 必须是 {'/'.join(SEVERITIES)} 之一", rule_id, "severity")
    for key in ("name", "message"):
        if not isinstance(spec[key], str) or not spec[key].strip():
            raise RuleLoadError(path, f"{key} 必须是非空字符串", rule_id, key)
    examples = _examples(spec["examples"], path, rule_id)
    try:
        return cls(spec, category=category, source=str(path), examples=examples)
    except RuleLoadError:
        raise
    except re.error as e:
        raise RuleLoadError(path, f"正则表达式有误：{e}", rule_id, "pattern") from e
    except (TypeError, ValueError, KeyError) as e:
        raise RuleLoadError(path, f"规则内容有误：{e}", rule_id) from e


def _examples(raw, path: Path, rule_id: str):
    """The parsed examples, or -- when this same file's examples (its path, time and size)
    were checked by an earlier run (core/cache.py) -- a function that parses them: ~4,800
    examples checked and parsed were ~17 ms of every start, and a check of a draft never
    reads them.  A file whose examples are wrong raises RuleLoadError as always (nothing
    is kept for it)."""
    from ..cache import checked_before

    parsed = []

    def check() -> None:
        parsed.append(parse_examples(raw, path, rule_id))

    if checked_before(path, "examples-v1", check):  # (True only when check() did not run now)
        return lambda: parse_examples(raw, path, rule_id)
    return parsed[0] if parsed else parse_examples(raw, path, rule_id)


class RuleSet:
    def __init__(self, rules):
        self.rules = list(rules)
        self.by_id = {r.full_id: r for r in self.rules}

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)

    def categories(self) -> list[str]:
        return sorted({r.category for r in self.rules})


def default_rules_dir() -> Path:
    from ... import paths

    return paths.rules_dir()


def load_rules(extra_dirs=(), builtin: bool = True, run_examples=None) -> RuleSet:
    """Shipped rules plus any user folders.  A clash of ids is an error naming both files.

    ``run_examples(rule, ruleset) -> [failure, …]`` (core/examples.example_failures;
    core/session.load_rules passes it) runs the examples of every rule from a user
    folder: a failing example is a load error naming the file and the example.  The
    shipped rules' examples are run by the test suite instead."""
    dirs = ([default_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    from .budget import loading_user_rules

    rules, seen = [], {}
    for n, d in enumerate(dirs):
        if not d.is_dir():
            raise RuleLoadError(d, "规则文件夹不存在")
        user = n >= (1 if builtin else 0)  # a user's patterns run under a time budget (budget.py)
        for path, folder in _rule_files(d):
            with loading_user_rules(user):
                rule = load_rule_file(path, folder)
            rule.user = user
            if rule.full_id in seen:
                raise RuleLoadError(path, f"规则 id “{rule.full_id}”与“{seen[rule.full_id]}”重复", rule.id, "id")
            seen[rule.full_id] = str(path)
            rules.append(rule)
    by_id = {r.full_id: r for r in rules}
    for rule in rules:
        for other in getattr(rule, "yields_to", ()):
            target = by_id.get(other)
            if target is None:
                raise RuleLoadError(rule.source, f"yields_to 里的规则“{other}”不存在", rule.id, "yields_to")
            # (a structure check's findings are made after the rules' (engine._review), and a
            # rule that needs support may be dropped after the yielding: neither can be yielded to)
            if target.category == "structure" or target.kind in ("structure", "gloss-run") or target.min_support:
                raise RuleLoadError(rule.source, f"yields_to 不能指向结构检查或需要佐证（min_support）的规则“{other}”",
                                    rule.id, "yields_to")
    for rule in rules:
        if not rule.user and hasattr(rule, "_make_plan"):
            rule._make_plan()  # the patterns' prefilters (kinds.PatternRule), kept by the cache below
    from ..cache import save as save_cache

    save_cache()
    ruleset = RuleSet(rules)
    if run_examples is not None:
        check_examples([r for r in ruleset if r.user], ruleset, run_examples)
    return ruleset


def check_examples(rules, ruleset, run_examples) -> None:
    """RuleLoadError for the first rule in ``rules`` whose examples fail."""
    for rule in rules:
        failures = run_examples(rule, ruleset)
        if failures:
            more = f"（另有 {len(failures) - 1} 个例句未通过）" if len(failures) > 1 else ""
            raise RuleLoadError(rule.source, f"例句未通过：{failures[0]}{more}", rule.id, "examples")
