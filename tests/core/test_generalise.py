"""The rules written for other sites' drafts stay quiet on clean official texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.engine import ReviewOptions, review
from reviewer.core.loaders import load
from reviewer.core.rules import load_rules

CLEAN = Path(__file__).resolve().parents[3] / "shared" / "clean"
RULES = {
    "phrasing.synonym-swap",
    "phrasing.filtered-party",
    "site_junk.meta-line-nav",
    "site_junk.site-name-line",
}


def test_rules_are_loaded():
    ids = {r.id if "." in r.id else f"{r.category}.{r.id}" for r in load_rules().rules}
    assert RULES <= ids


@pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/clean is not available")
def test_no_finding_on_clean_official_texts():
    rs = load_rules()
    hits = []
    for path in sorted(CLEAN.glob("*.txt")):
        for f in review(load(str(path)), rs, ReviewOptions()).findings:
            if f.rule in RULES:
                hits.append((path.name, f.rule, f.start, f.end))
    assert hits == []
