"""Where rules/ and resources/ live, in a source checkout and in the frozen bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    return root() / "rules"


def resources_dir() -> Path:
    return root() / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"
