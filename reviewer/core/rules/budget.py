"""A time budget for rules from a user's folder (``--rules DIR``).

A shipped rule's patterns are tested to be linear on any line
(tests/core/test_reliability_slow.py).  A user's pattern is not: ``(a+)+$`` on a long
line of ``a`` backtracks for minutes, and Python's ``re`` cannot be interrupted from
another thread.  So the patterns of user rules are compiled with the ``regex`` module,
whose matching functions take a ``timeout``; the engine gives each user rule
``BUDGET`` seconds per region (``run_with_budget``).  A rule over budget raises
``RuleTimeout`` inside its own scan; the engine drops that rule's findings for the
region, the review goes on, and the report's ``warnings`` say which rule was stopped.

A pattern is first compiled with ``re`` as well, so a user's rule is accepted or
refused exactly like a shipped one (same error messages).
"""
from __future__ import annotations

import contextvars
import re
import time
from contextlib import contextmanager

from ..positions import region_label

BUDGET = 2.0  # seconds a user rule may take on one region (the body, a header…)

_loading_user = contextvars.ContextVar("loading_user_rules", default=False)
_deadline = contextvars.ContextVar("user_rule_deadline", default=None)


class RuleTimeout(Exception):
    """A user rule used up its time budget."""


@contextmanager
def loading_user_rules(user: bool = True):
    """Rules constructed inside compile their patterns with a time budget."""
    token = _loading_user.set(user)
    try:
        yield
    finally:
        _loading_user.reset(token)


def compile_pattern(pattern: str, flags: int = 0):
    """``re.compile``, or for a user rule being loaded a pattern that keeps to the budget."""
    from ..cache import compile as compile_cached

    rx = compile_cached(pattern, flags)  # raises re.error, as for every rule
    if not _loading_user.get():
        return rx
    try:  # a declared dependency; without it user rules are checked between matches only
        import regex as _regex
    except ImportError:  # pragma: no cover
        return Budgeted(rx, timeouts=False)
    try:
        return Budgeted(_regex.compile(pattern, flags | _regex.VERSION0))
    except _regex.error:  # accepted by re, refused by regex: keep re's behaviour
        return Budgeted(rx, timeouts=False)


def _left() -> float | None:
    deadline = _deadline.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise RuleTimeout()
    return left


class Budgeted:
    """A compiled pattern whose every call stops when the running rule's budget is spent."""

    __slots__ = ("_rx", "_timeouts")

    def __init__(self, rx, timeouts: bool = True):
        self._rx = rx
        self._timeouts = timeouts

    pattern = property(lambda self: self._rx.pattern)
    groupindex = property(lambda self: self._rx.groupindex)
    groups = property(lambda self: self._rx.groups)
    flags = property(lambda self: self._rx.flags)

    def _call(self, name, *args, **kwargs):
        left = _left()
        if self._timeouts and left is not None:
            kwargs["timeout"] = left
        try:
            return getattr(self._rx, name)(*args, **kwargs)
        except TimeoutError as e:
            raise RuleTimeout() from e

    @staticmethod
    def _span(string, pos, endpos):
        return (0 if pos is None else pos), (len(string) if endpos is None else endpos)

    def search(self, string, pos=None, endpos=None):
        return self._call("search", string, *self._span(string, pos, endpos))

    def match(self, string, pos=None, endpos=None):
        return self._call("match", string, *self._span(string, pos, endpos))

    def fullmatch(self, string, pos=None, endpos=None):
        return self._call("fullmatch", string, *self._span(string, pos, endpos))

    def finditer(self, string, pos=None, endpos=None):
        it = self._call("finditer", string, *self._span(string, pos, endpos))
        while True:
            try:
                m = next(it)  # each step is bounded by the time left when the scan began
            except StopIteration:
                return
            except TimeoutError as e:
                raise RuleTimeout() from e
            yield m
            _left()  # and the whole scan by the budget

    def findall(self, string, pos=None, endpos=None):
        return self._call("findall", string, *self._span(string, pos, endpos))

    def sub(self, repl, string, count=0):
        return self._call("sub", repl, string, count)

    def split(self, string, maxsplit=0):
        return self._call("split", string, maxsplit)

    def __repr__(self):
        return f"<budgeted {self._rx.pattern!r}>"


def run_with_budget(rule, ctx, budget: float | None = None):
    """``rule.run(ctx)``, or None when the rule used up its budget (then a warning for
    the user is added to ``ctx.warnings``)."""
    budget = BUDGET if budget is None else budget
    token = _deadline.set(time.monotonic() + budget)
    try:
        return rule.run(ctx)
    except RuleTimeout:
        ctx.warnings.append(
            f"规则“{rule.full_id}”（{rule.source}）在{region_label(ctx.region)}上运行超过 {budget:g} 秒，"
            "已停止，本次审校未采用它的结果：它的正则表达式可能回溯过多（如 (a+)+$），请改写。")
        return None
    finally:
        _deadline.reset(token)
