"""Strict YAML data files (rules, genre profiles) and the error that names a bad one.

Below both the rules and the structure analysis, so that neither imports the other to
read its files."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


class RuleLoadError(Exception):
    """A rule file that cannot be used.  Carries the file, rule id, key and reason."""

    def __init__(self, file: str | Path, reason: str, rule_id: str | None = None, key: str | None = None):
        self.file = str(file)
        self.rule_id = rule_id
        self.key = key
        self.reason = reason
        where = f"（{key}）" if key else ""
        super().__init__(f"规则文件“{self.file}”有误{where}：{reason}")


# yaml is imported when a file is parsed: a start whose rule files all come from the
# cache (core/cache.py) never needs it (~8 ms).
@lru_cache(maxsize=1)
def _strict_loader():
    """SafeLoader that refuses a mapping with the same key twice."""
    import yaml

    class _StrictLoader(yaml.SafeLoader):
        pass

    def _mapping(loader, node, deep=False):
        keys = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in keys:
                raise yaml.constructor.ConstructorError(None, None, f"重复的键“{key}”", key_node.start_mark)
            keys.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    _StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    return _StrictLoader


def read_yaml(path: Path):
    """The data in ``path``; RuleLoadError naming the file when it cannot be read or parsed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleLoadError(path, f"无法读取（{e}）") from e
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())
    except yaml.YAMLError as e:
        raise RuleLoadError(path, f"YAML 格式错误：{e}") from e
