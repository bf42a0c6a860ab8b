"""Reference documents: placeholder replaced in issue 3."""
from __future__ import annotations


def load_references(paths):
    from ..loaders import load

    return [load(p) for p in paths]
