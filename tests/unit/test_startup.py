"""Catalogue and plan commands must not pay for the store or file-format libraries at start-up."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from runlift import __version__
from runlift.entrypoints import launcher
from runlift.entrypoints.cli import root as cli

HEAVY = ("sqlalchemy", "alembic", "fit_tool", "gpxpy", "icalendar", "matplotlib")
# What `runlift --version` must not import: it needs nothing but the version string.
FRAMEWORKS = ("typer", "click", "rich", "pydantic", "yaml", "runlift.entrypoints.cli.root", *HEAVY)


@pytest.mark.parametrize("module", HEAVY)
def test_importing_the_cli_leaves_heavy_libraries_unloaded(module: str) -> None:
    code = f"import sys, runlift.entrypoints.cli.root; sys.exit({module!r} in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert result.returncode == 0, f"{module} is imported when the CLI starts"


def test_the_console_script_is_the_launcher() -> None:
    (script,) = entry_points(group="console_scripts", name="runlift")
    assert script.value == "runlift.entrypoints.launcher:main"


def test_version_imports_no_framework() -> None:
    code = (
        "import sys\n"
        "from runlift.entrypoints.launcher import main\n"
        "code = main(['--version'])\n"
        f"loaded = [m for m in {FRAMEWORKS!r} if m in sys.modules]\n"
        "sys.exit(f'loaded: {loaded}' if loaded else code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"runlift {__version__}\n"


@pytest.mark.parametrize("argv", [["--version"], ["--version", "rules"]])
def test_the_launcher_prints_what_the_cli_prints(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert launcher.main(argv) == 0
    fast = capsys.readouterr()
    assert cli.main(argv) == 0
    assert capsys.readouterr() == fast


def test_the_launcher_hands_every_other_command_to_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert launcher.main(["exercises", "show", "goblet-squat"]) == 0
    via_launcher = capsys.readouterr()
    assert cli.main(["exercises", "show", "goblet-squat"]) == 0
    assert capsys.readouterr() == via_launcher
    assert launcher.main(["exercises", "show", "no-such-exercise"]) == 2


# What `exercises show` needs: the catalogue, never the store, the log or another command group.
NOT_FOR_THE_CATALOGUE = (
    "sqlalchemy",
    "runlift.services.training",
    "runlift.entrypoints.cli.reports",
    "runlift.entrypoints.cli.session",
    "runlift.entrypoints.cli.plan",
)


def test_a_command_loads_only_its_own_group() -> None:
    code = (
        "import sys\n"
        "from runlift.entrypoints.launcher import main\n"
        "code = main(['exercises', 'show', 'goblet-squat'])\n"
        f"loaded = [m for m in {NOT_FOR_THE_CATALOGUE!r} if m in sys.modules]\n"
        "sys.exit(f'loaded: {loaded}' if loaded else code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_help_lists_every_command_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    listed = capsys.readouterr().out
    for name in cli.COMMANDS:
        assert f" {name} " in listed
