"""Catalogue and plan commands must not pay for the store or file-format libraries at start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "fit_tool", "gpxpy", "icalendar", "matplotlib")


@pytest.mark.parametrize("module", HEAVY)
def test_importing_the_cli_leaves_heavy_libraries_unloaded(module: str) -> None:
    code = f"import sys, runlift.entrypoints.cli; sys.exit({module!r} in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert result.returncode == 0, f"{module} is imported when the CLI starts"
