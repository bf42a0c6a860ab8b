"""The catalogue of finding categories (rules/categories.yaml): label, colour, order,
description and example.  The single source for the GUI's colours and legend, the
exports, the CLI's text output and the help page."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from .. import paths

_KEYS = {"id", "label", "colour", "description", "example"}
_FALLBACK_COLOUR = "#607D8B"


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    colour: str
    description: str
    example: str
    order: int


class CatalogueError(Exception):
    pass


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Category]:
    """Category id -> Category, in display order."""
    path = paths.rules_dir() / "categories.yaml"
    data = _read(path)
    out: dict[str, Category] = {}
    for n, item in enumerate(data.get("categories") or []):
        if not isinstance(item, dict) or set(item) != _KEYS:
            raise CatalogueError(f"{path}：第 {n + 1} 个类别的键应为 {sorted(_KEYS)}")
        if item["id"] in out:
            raise CatalogueError(f"{path}：类别 {item['id']} 重复")
        out[item["id"]] = Category(order=n, **{k: str(v) for k, v in item.items()})
    return out


def _parse(path):
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"无法读取类别目录 {path}：{exc}") from exc


def _read(path):
    """The file's data, kept in a small file of the cache folder while the file is
    unchanged (its path, modification time and size): every start imports this module,
    and yaml takes ~10 ms to import and parse it.  (Not in the rules cache, core/cache.py:
    reading that one takes ~20 ms, which a window shown before its rules are loaded need
    not wait for.)"""
    import marshal

    from .segment import cache_dir

    try:
        st = os.stat(path)
        key = (os.path.abspath(path), st.st_mtime_ns, st.st_size)
        kept = cache_dir() / "categories-v1.marshal"
    except OSError:
        return _parse(path)
    try:
        with open(kept, "rb") as fh:
            got = marshal.loads(fh.read())
        if isinstance(got, tuple) and len(got) == 2 and got[0] == key:
            return got[1]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = _parse(path)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((key, data)))
        os.replace(tmp, kept)
    except (OSError, ValueError):  # a read-only home, a value marshal cannot keep: parsed each time
        pass
    return data


def get(category: str) -> Category:
    """The entry for ``category``; an unknown one (a user rule's own) gets a neutral entry."""
    found = catalogue().get(category)
    if found is not None:
        return found
    return Category(category, category, _FALLBACK_COLOUR, "", "", len(catalogue()))


def label(category: str) -> str:
    return get(category).label


def colour(category: str) -> str:
    return get(category).colour


def order(category: str) -> int:
    return get(category).order


def labels() -> dict[str, str]:
    return {c.id: c.label for c in catalogue().values()}
