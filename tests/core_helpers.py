"""One application core per test, built from the environment the test set up and closed after it."""

from __future__ import annotations

from runlift.bootstrap import Core, bootstrap

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
