"""One DEFAULTS dict over a QSettings that is passed in (tests use a temporary ini file)."""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings

DEFAULTS: dict = {
    "disabled_rules": [],        # full rule ids
    "disabled_categories": [],
    "genre": "",                 # "" = detect from the title
    "references": [],            # reference documents (files or folders)
    "region": "",                # the speaker's own region, e.g. 青阳县
    "organization": "",          # the speaker's organisation, e.g. 青阳县民政局
    "user_rules_dir": "",
    "recent_files": [],
    "ignored": {},               # document path -> ["rule|text|n", …]
    "geometry": "",
    "state": "",
    "splitter": "",
}


class Settings:
    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    def get(self, key: str):
        default = DEFAULTS[key]
        raw = self.q.value(key)
        if raw is None:
            return json.loads(json.dumps(default))
        try:
            value = json.loads(raw)
        except (TypeError, ValueError):
            return json.loads(json.dumps(default))
        return value if isinstance(value, type(default)) else json.loads(json.dumps(default))

    def set(self, key: str, value) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.q.setValue(key, json.dumps(value, ensure_ascii=False))
        self.q.sync()
