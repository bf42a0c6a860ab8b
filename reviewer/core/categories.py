"""The catalogue of finding categories (rules/categories.yaml): label, colour, order,
description and example.  The single source for the GUI's colours and legend, the
exports, the CLI's text output and the help page."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"无法读取类别目录 {path}：{exc}") from exc
    out: dict[str, Category] = {}
    for n, item in enumerate(data.get("categories") or []):
        if not isinstance(item, dict) or set(item) != _KEYS:
            raise CatalogueError(f"{path}：第 {n + 1} 个类别的键应为 {sorted(_KEYS)}")
        if item["id"] in out:
            raise CatalogueError(f"{path}：类别 {item['id']} 重复")
        out[item["id"]] = Category(order=n, **{k: str(v) for k, v in item.items()})
    return out


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
