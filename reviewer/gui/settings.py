"""One DEFAULTS dict over a QSettings that is passed in (tests use a temporary ini file)."""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings

DEFAULTS: dict = {
    "disabled_rules": [],        # full rule ids
    "disabled_categories": [],
    "genre": "",                 # "" = detect from the title
    "references": [],            # reference documents (files or folders)
    "locality": "",              # the speaker's own locality, e.g. 青阳县 (stored as "region" before)
    "draft_date": "",            # the drafts' year (2024) for dated references; "" = from each draft
    "organization": "",          # the speaker's organisation, e.g. 青阳县民政局
    "user_rules_dir": "",
    "recent_files": [],
    "ignored": {},               # document path -> ["rule|text|n", …]
    "geometry": "",
    "state": "",
    "splitter": "",
    "zoom": 0,                   # the editor's zoom steps (Ctrl+= / Ctrl+-), window shell
    "hint_seen": False,          # the first-launch hint was shown, window shell
}


# Old names of keys: read and written under the new name (the stored value moves over).
ALIASES = {"region": "locality"}


class Settings:
    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    def get(self, key: str):
        key = ALIASES.get(key, key)
        default = DEFAULTS[key]
        raw = self.q.value(key)
        if raw is None:
            raw = next((self.q.value(old) for old, new in ALIASES.items() if new == key), None)
        if raw is None:
            return json.loads(json.dumps(default))
        try:
            value = json.loads(raw)
        except (TypeError, ValueError):
            return json.loads(json.dumps(default))
        return value if isinstance(value, type(default)) else json.loads(json.dumps(default))

    def set(self, key: str, value) -> None:
        key = ALIASES.get(key, key)
        if key not in DEFAULTS:
            raise KeyError(key)
        self.q.setValue(key, json.dumps(value, ensure_ascii=False))
        self.q.sync()
