"""The CLI's application core: built by the root Typer callback, one per invocation."""

from __future__ import annotations

import json
import sys
from contextvars import ContextVar
from pathlib import Path

import typer

from runlift.bootstrap import Core, bootstrap
from runlift.services.errors import BadInput

_CURRENT: ContextVar[Core | None] = ContextVar("runlift_cli_core", default=None)


def install(ctx: typer.Context) -> Core:
    """Build the core for this invocation; its store is released when the command ends."""
    core = bootstrap()
    token = _CURRENT.set(core)

    def release() -> None:
        core.close()
        _CURRENT.reset(token)

    ctx.call_on_close(release)
    return core


def core() -> Core:
    """The core the root callback built (commands reach settings, catalogue and store here)."""
    current = _CURRENT.get()
    if current is None:  # a command function called without the root callback (tests)
        current = bootstrap()
        _CURRENT.set(current)
    return current


PREFERENCES_FILE = "cli.json"  # in the data folder: the command line's own choices
PRIVATE_FOLDER = 0o700  # a data folder runlift creates is the user's alone


def preferences_path() -> Path:
    """Where the command line keeps its preferences (the default athlete)."""
    return core().settings.data_dir / PREFERENCES_FILE


def default_athlete() -> str | None:
    """The athlete chosen with 'runlift athlete use', if any; a damaged file counts as none."""
    path = preferences_path()
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        sys.stderr.write(f"note: ignoring {path}: not a preferences file runlift can read\n")
        return None
    name = stored.get("default_athlete") if isinstance(stored, dict) else None
    return name if isinstance(name, str) and name else None


def save_default_athlete(name: str) -> Path:
    """Remember the default athlete for commands given no --athlete."""
    from runlift.entrypoints.cli.files import write_file

    path = preferences_path()
    try:
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput(
            "data folder", f"cannot create {str(path.parent)!r}: {exc.strerror}"
        ) from exc
    text = json.dumps({"default_athlete": name}, ensure_ascii=False, indent=2) + "\n"
    write_file(path, text.encode("utf-8"), str(path), private=True)
    return path


def athlete_name(name: str | None) -> str:
    """The athlete a command acts on: the one named, else the only one stored, else the default.

    The default (set by 'runlift athlete use') is a command-line nicety: it only matters when
    several athletes are stored, and one naming nobody stored any more is ignored with a note.
    """
    from runlift.services.athletes import athlete_names, only_athlete

    if name is not None:
        return name
    try:
        return only_athlete(core().uow_factory())
    except BadInput as exc:
        if exc.code != "several_athletes":
            raise
        chosen = default_athlete()
        if chosen is None:
            raise
        names = athlete_names(core().uow_factory())
        match = next((n for n in names if n.casefold() == chosen.casefold()), None)
        if match is None:
            sys.stderr.write(f"note: the default athlete {chosen!r} is no longer stored; ignored\n")
            raise
        return match
