"""Kind ``tagged``: a pattern whose words must carry given parts of speech (jieba's tags).

Used for 的/地/得: 讲的很好 (a verb, 的, a degree adverb, an adjective, end of clause: 得),
很好的传达贯彻了 (an adjective, 的, a verb with 了 after it: 地).  The regex finds the few
candidates; jieba then cuts a small window around each, and the words next to the hit
are looked up in jieba's dictionary for their tags.  A word jieba does not know, or a
group that is not cut as a word, means "not confident": nothing is reported.

Keys (besides ``pattern``/``patterns``, ``exceptions``):

* ``word_tags``:  {group: [tags]} — the group is exactly one word, with one of the tags;
* ``end_tags``:   {group: [tags]} — the word that ends where the group ends has one of them
  (the group marks the last character of the word before the hit);
* ``next_not_tags``: {group: [tags]} — the word that starts where the group starts is known
  and has none of them (奋斗 before 目标 is part of a noun phrase: 始终不渝的奋斗目标);
* ``not_words``:  words that never satisfy a tag condition (多, 少 after 很: 要做的很多).

Tags are jieba's (ICTCLAS-style): v verb, vn verbal noun, a adjective, ad adverbial
adjective, d adverb, n noun, z state word …  A listed tag matches exactly.
"""
from __future__ import annotations

import marshal
import threading

from .kinds import PatternRule, _str_list
from ..yamlfile import RuleLoadError

_lock = threading.Lock()
_TAGS = None
MIN_FREQ = 10


def _tags_path():
    from ..segment import cache_dir, import_jieba

    jieba = import_jieba()  # without its pkg_resources scan (segment.py)

    return cache_dir() / f"jieba-{jieba.__version__}-tags-min{MIN_FREQ}-bytag2.marshal"


class TagTable:
    """jieba's part-of-speech tags, stored as one string of words per tag (it loads in a
    millisecond); the set for a tag is made when a rule first asks about that tag."""

    def __init__(self, by_tag: dict[str, str]):
        self.by_tag = by_tag
        self._sets: dict[str, frozenset] = {}

    def words(self, tag: str) -> frozenset:
        got = self._sets.get(tag)
        if got is None:
            raw = self.by_tag.get(tag)
            got = self._sets[tag] = frozenset(raw.split("\n")) if raw else frozenset()
        return got

    def has(self, word: str, tags) -> bool:
        """word carries one of tags."""
        return any(word in self.words(t) for t in tags)

    def known_not(self, word: str, avoid) -> bool:
        """word is in the table under a tag that is not in avoid."""
        return any(word in self.words(t) for t in self.by_tag if t not in avoid)


def word_tags() -> TagTable:
    """jieba's tags for the words of the trimmed dictionary.

    Names (nr, ns, nt, nz …) are left out: a word not in the table counts as "not
    confident" (no rule asks for a name; next_not_tags rejects unknown words)."""
    global _TAGS
    if _TAGS is None:
        with _lock:
            if _TAGS is None:
                path = _tags_path()
                try:
                    with open(path, "rb") as fh:
                        by_tag = marshal.load(fh)
                except (OSError, EOFError, ValueError, TypeError):
                    by_tag = _build_tags()
                    from ..segment import save_dictionary

                    save_dictionary(by_tag, path)  # the same cache writer as jieba's dictionary
                _TAGS = TagTable(by_tag)
    return _TAGS


def _build_tags() -> dict[str, str]:
    from ..segment import tokenizer

    lists: dict[str, list] = {}
    with tokenizer().get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQ \
                    and (parts[2] == "n" or not parts[2].startswith("n")):
                lists.setdefault(parts[2], []).append(parts[0])
    return {t: "\n".join(ws) for t, ws in lists.items()}


def _tag_map(spec, key, source, rule_id) -> dict[str, set]:
    v = spec.get(key) or {}
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(t, list) and t
                                           and all(isinstance(x, str) for x in t) for k, t in v.items()):
        raise RuleLoadError(source, f"{key} 必须是“分组: [词性, …]”的映射", rule_id, key)
    return {k: set(t) for k, t in v.items()}


class TaggedRule(PatternRule):
    KEYS = PatternRule.KEYS | {"word_tags", "end_tags", "next_not_tags", "not_words"}
    needs_jieba = True
    LINE_LOCAL = True

    def setup(self, spec):
        super().setup(spec)
        self.word_tags = _tag_map(spec, "word_tags", self.source, self.id)
        self.end_tags = _tag_map(spec, "end_tags", self.source, self.id)
        self.next_not = _tag_map(spec, "next_not_tags", self.source, self.id)
        if not self.word_tags and not self.end_tags:
            raise RuleLoadError(self.source, "tagged 规则至少要有 word_tags 或 end_tags", self.id, "word_tags")
        for g in list(self.word_tags) + list(self.end_tags) + list(self.next_not):
            if not any(g in rx.groupindex for rx in self.regexes):
                raise RuleLoadError(self.source, f"分组“{g}”不在任何正则中", self.id, "word_tags")
        self.not_words = set(_str_list(spec, "not_words"))

    def accept(self, ctx, m) -> bool:
        tags = word_tags()
        # The groups that must be one word are looked up before jieba cuts anything:
        # most candidates fail here (的 before a noun is the common case).
        for g, want in self.word_tags.items():
            if g in m.re.groupindex and m.group(g) is not None:
                w = m.group(g)
                if w in self.not_words or not tags.has(w, want):
                    return False
        cuts = ctx.seg.cuts(m.start(), m.end())
        hs, he = m.span("hit") if "hit" in m.re.groupindex and m.group("hit") is not None else m.span()
        if hs not in cuts or he not in cuts:
            return False  # the particle is part of a word (目的, 土地, 懂得)
        text = ctx.text
        for g, want in self.word_tags.items():
            if g not in m.re.groupindex or m.group(g) is None:
                continue
            s, e = m.span(g)
            if s not in cuts or e not in cuts or any(s < c < e for c in cuts):
                return False
            w = text[s:e]
            if w in self.not_words or not tags.has(w, want):
                return False
        for g, want in self.end_tags.items():
            if g not in m.re.groupindex or m.group(g) is None:
                continue
            e = m.end(g)
            if e not in cuts:
                return False
            below = [c for c in cuts if c < e]
            if not below:
                return False
            w = text[max(below):e]
            if w in self.not_words or not tags.has(w, want):
                return False
        for g, avoid in self.next_not.items():
            if g not in m.re.groupindex or m.group(g) is None:
                continue
            s = m.start(g)
            above = [c for c in cuts if c > s]
            if s not in cuts or not above:
                return False
            if not tags.known_not(text[s:min(above)], avoid):
                return False
        return True
