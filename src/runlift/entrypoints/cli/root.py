"""The `runlift` command: one root, command groups loaded only when they are run or listed."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import Abort, Exit, TyperException

from runlift import __version__
from runlift.entrypoints.cli.context import install
from runlift.entrypoints.cli.errors import error_line
from runlift.services.errors import RunliftError

# Every command, in the order `runlift --help` lists them, and the module that holds it. A module
# is imported when one of its commands runs (or when help lists them), so a command pays only for
# what it uses.
COMMANDS: dict[str, str] = {
    "plan": "plan",
    "profile": "profile",
    "athlete": "athletes",
    "today": "training",
    "week": "week",
    "move": "week",
    "skip": "week",
    "session": "session",
    "log": "training",
    "next": "training",
    "sets": "corrections",
    "undo": "corrections",
    "history": "reports",
    "progress": "reports",
    "records": "reports",
    "volume": "reports",
    "runs": "runs",
    "load": "runs",
    "watch": "watch",
    "import-log": "log_files",
    "export": "transfer",
    "import": "transfer",
    "exercises": "catalogue",
    "programs": "catalogue",
    "rules": "catalogue",
    "schema": "catalogue",
    "db": "athletes",
    "serve": "serve",
    "users": "users",
}


class LazyCommands(TyperGroup):
    """The root group: resolves a command name to its module's Typer app on first use."""

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, in the order of COMMANDS."""
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The named command, importing its module; None for an unknown name (click says so)."""
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        commands = importlib.import_module(f"runlift.entrypoints.cli.{module}").commands
        return typer.main.get_group(commands).get_command(ctx, cmd_name)


app = typer.Typer(
    cls=LazyCommands,
    help="runlift: strength and conditioning for runners.",
    epilog=(
        "Your data lives in runlift.db in your user data folder (~/.local/share/runlift on "
        "Linux); set RUNLIFT_DATA_DIR to keep it elsewhere, or RUNLIFT_DATABASE_URL to use "
        "PostgreSQL."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"runlift {__version__}")
        raise Exit(0)


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """runlift: strength and conditioning for runners."""
    install(ctx)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; user errors print one line on stderr and return 2, never a traceback."""
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args=args, prog_name="runlift", standalone_mode=False)
    except RunliftError as exc:
        sys.stderr.write(f"error: {error_line(exc)}\n")
        return exc.exit_code
    except TyperException as exc:
        sys.stderr.write(f"error: {exc.format_message()}\n")
        return exc.exit_code
    except Exit as exc:
        return exc.exit_code
    except Abort:
        sys.stderr.write("aborted\n")
        return 130
    except BrokenPipeError:
        return 1
    return result if isinstance(result, int) else 0
