"""Issue 11: the window's rules build their indexes on the pool right after they load
(core.session.prepare on the bundled sample), so the first draft the user opens does not
wait for them."""
from reviewer.core.loaders import load
from reviewer.core.rules.nearmiss import NearMissRule
from reviewer.core.session import ReviewSession
from tests.conftest import SAMPLE
from tests.gui.conftest import open_and_wait, shown


def _near(w):
    return [r for r in w.rules if type(r) is NearMissRule]


def test_indexes_are_built_before_any_draft_is_opened(qtbot, window):
    qtbot.waitUntil(lambda: window.rules is not None, timeout=15000)
    assert _near(window)
    # nothing but the warm-up builds them while no draft is open
    qtbot.waitUntil(lambda: all(r._index is not None for r in _near(window)), timeout=15000)
    window.runner.pool.waitForDone(15000)
    assert window.session.source is None  # the sample was only read, not opened


def test_a_draft_opened_while_the_rules_warm_up_gets_the_full_review(qtbot, window):
    qtbot.waitUntil(lambda: window.rules is not None, timeout=15000)
    open_and_wait(qtbot, window, SAMPLE)  # (waits on the runner's lock if the warm-up runs)
    session = ReviewSession(window.rules)
    session.open(load(SAMPLE))
    want = sorted((f.rule, f.start, f.end) for f in session.check().findings)
    assert want and sorted((f.rule, f.start, f.end) for f in shown(window)) == want
