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


def sample_draft() -> Path:
    """The bundled sample draft (written for this project): 打开示例文稿, ``make run``'s draft, the
    window's warm-up text, the screenshots'."""
    return samples_dir() / "示例-汇报发言.txt"


def user_folder(env: str, xdg_env: str, xdg_default: str) -> Path:
    """A per-user folder of ours: ``$env`` when set, else ``$xdg_env`` (or ~/``xdg_default``)
    / draft-reviewer — the config folder (REVIEWER_CONFIG_DIR, XDG_CONFIG_HOME, .config) and
    the cache folder (REVIEWER_CACHE_DIR, XDG_CACHE_HOME, .cache)."""
    import os

    base = os.environ.get(env)
    if base:
        return Path(base)
    xdg = os.environ.get(xdg_env) or os.path.join(os.path.expanduser("~"), xdg_default)
    return Path(xdg) / "draft-reviewer"
