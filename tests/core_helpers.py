"""One application core per test, built from the environment the test set up and closed after it."""

from __future__ import annotations

import datetime as dt

from runlift.bootstrap import Core, bootstrap

# The day the tests that log on fixed dates treat as today (RUNLIFT_TODAY, the `pinned_today`
# fixture), so they mean the same thing next year.
PINNED_TODAY = dt.date(2026, 12, 1)

_open: list[Core] = []


def app_core() -> Core:
    """The core over this test's settings (built on first use, like the CLI's root callback)."""
    if not _open:
        _open.append(bootstrap())
    return _open[0]


def close_app_core() -> None:
    """Release the store; the next `app_core()` reads the environment again."""
    while _open:
        _open.pop().close()
