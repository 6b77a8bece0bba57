"""Every command and group explains itself: non-empty help, and `--help` works everywhere."""

from __future__ import annotations

import pytest
import typer
from typer.core import TyperCommand, TyperGroup

from runlift.entrypoints.cli.root import app, main

Command = TyperCommand | TyperGroup


def walk(command: Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Command]]:
    """Every command and group under `command`, with the argv path that reaches it."""
    found: list[tuple[tuple[str, ...], Command]] = [(path, command)]
    if isinstance(command, TyperGroup):
        context = typer.Context(command)  # the root loads its command groups on demand
        for name in sorted(command.list_commands(context)):
            sub = command.get_command(context, name)
            assert isinstance(sub, TyperCommand | TyperGroup), name
            found += walk(sub, (*path, name))
    return found


ROOT = typer.main.get_command(app)
assert isinstance(ROOT, TyperGroup)
COMMANDS = walk(ROOT)
IDS = [" ".join(path) or "runlift" for path, _ in COMMANDS]


def test_the_app_has_the_documented_commands() -> None:
    paths = {" ".join(path) for path, _ in COMMANDS}
    expected = {
        "exercises",
        "exercises list",
        "exercises show",
        "exercises search",
        "programs",
        "programs list",
        "programs show",
        "plan",
        "rules",
    }
    assert expected <= paths


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_command_has_help_text(path: tuple[str, ...], command: Command) -> None:
    text = (command.help or command.short_help or "").strip()
    assert text, f"{' '.join(path) or 'runlift'} has no help text"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_option_and_argument_has_help(path: tuple[str, ...], command: Command) -> None:
    if isinstance(command, TyperGroup):
        return
    for param in command.params:
        help_text = getattr(param, "help", None)
        message = f"{' '.join(path)}: {param.name} has no help"
        assert help_text, message
        assert help_text.strip(), message


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_help_flag_exits_zero(
    capsys: pytest.CaptureFixture[str], path: tuple[str, ...], command: Command
) -> None:
    capsys.readouterr()
    code = main([*path, "--help"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    assert "Usage" in out
    first_line = (command.help or command.short_help or "").strip().splitlines()[0]
    assert first_line.split()[0] in out
