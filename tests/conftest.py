"""Shared fixtures: every test runs with its own settings, cache and data folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core_helpers import PINNED_TODAY, close_app_core

pytest_plugins = ["web_helpers", "browser_helpers"]


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point RUNLIFT_CACHE_DIR and RUNLIFT_DATA_DIR at tmp dirs so no test writes to the home dir.

    Variables that would point the CLI at another catalogue are removed, and the application core
    is closed before and after, so each test reads the environment it set up.
    """
    cache_dir = tmp_path / "runlift-cache"
    data_dir = tmp_path / "runlift-data"
    cache_dir.mkdir()
    data_dir.mkdir()
    monkeypatch.setenv("RUNLIFT_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(data_dir))
    monkeypatch.delenv("RUNLIFT_CATALOGUE_DIR", raising=False)
    monkeypatch.delenv("RUNLIFT_CATALOGUE_CACHE", raising=False)
    monkeypatch.delenv("RUNLIFT_DATABASE_URL", raising=False)
    monkeypatch.delenv("RUNLIFT_DATABASE_SCHEMA", raising=False)
    monkeypatch.delenv("RUNLIFT_TODAY", raising=False)
    close_app_core()
    yield
    close_app_core()


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the app's 'today' (RUNLIFT_TODAY, inherited by child processes too)."""
    monkeypatch.setenv("RUNLIFT_TODAY", PINNED_TODAY.isoformat())
