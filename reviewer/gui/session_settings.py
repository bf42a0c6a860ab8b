"""The review session as the settings configure it: the rules (shipped plus the user's
folder), the options, the ignores kept in the settings (key "ignored"), the word list."""
from __future__ import annotations

from pathlib import Path

from ..core.userdata import MemoryIgnoreStore, WordList


def load_rules(settings) -> tuple[object, str]:
    """The shipped rules plus the user's folder, and a message for the user ("" when all
    went well): a broken user rule leaves the shipped rules alone in use.  No Qt here:
    the window calls it on a worker thread at start-up."""
    from ..core.rules import RuleLoadError
    from ..core.session import load_rules as load  # runs the user rules' examples as they load

    extra = [d for d in [settings.get("user_rules_dir")] if d and Path(d).is_dir()]
    try:
        return load(extra), ""
    except RuleLoadError as e:
        return load(), "用户规则未加载：" + str(e)


def make_session(settings, rules):
    from ..core.session import ReviewSession

    session = ReviewSession(rules, ignores=SettingsIgnoreStore(settings), words=WordList.load(),
                            genre=settings.get("genre") or None)
    apply_settings(session, settings, rules)
    return session


class SettingsIgnoreStore(MemoryIgnoreStore):
    """{document key or "*": [finding keys]} in ``Settings`` — written on every change."""

    def __init__(self, settings):
        self.settings = settings
        data = settings.get("ignored")
        super().__init__({str(k): [str(x) for x in v] for k, v in data.items() if isinstance(v, list)})

    def _changed(self) -> None:
        self.settings.set("ignored", self.data)


RULE_PREFIX = "rule:"   # a document-scoped 忽略此类: "rule:<rule id>" among the draft's keys


def reload(session, settings, rules) -> None:
    """After the settings dialog: the word list, default genre and options again."""
    session.words = WordList.load()
    session.genre = settings.get("genre") or None
    apply_settings(session, settings, rules)


def apply_settings(session, settings, rules) -> None:
    """The session's options from the settings, plus the rules ignored for this draft."""
    own = session.ignores.keys(session.document_key) if session.source is not None else set()
    session.ruleset = rules
    session.disabled_rules = set(settings.get("disabled_rules")) | {
        k[len(RULE_PREFIX):] for k in own if k.startswith(RULE_PREFIX)}
    session.disabled_categories = set(settings.get("disabled_categories"))
    session.reference_paths = list(settings.get("references"))
    # the speaker's place and the drafts' year, for another place's names and dated references
    for key in ("locality", "draft_date"):
        value = str(settings.get(key) or "").strip()
        if value:
            session.fields[key] = value
        else:
            session.fields.pop(key, None)


def ignore(session, settings, findings, scope: str):
    """忽略: "finding" (these findings in this draft), "rule-document" (their rules in this
    draft) or "rule-all" (their rules everywhere: the settings' disabled rules, which the
    settings dialog lists and can turn on again).  Returns a function that takes the
    ignore back (撤销忽略); its ``again`` says whether a new review is needed."""
    if scope == "finding":
        added = [(session.document_key, session.keys[id(f)]) for f in findings if id(f) in session.keys]
        for f in findings:
            session.ignore(f)
    elif scope == "rule-document":
        added = [(session.document_key, RULE_PREFIX + rule) for rule in sorted({f.rule for f in findings})]
        for document, key in added:
            session.ignores.add(document, key)
    else:
        added, before = [], settings.get("disabled_rules")
        settings.set("disabled_rules", sorted(set(before) | {f.rule for f in findings}))

    def undo() -> None:
        if scope == "rule-all":
            settings.set("disabled_rules", before)
        for document, key in added:
            session.ignores.remove(document, key)

    undo.again = scope != "finding"
    return undo
