"""The CLI's application core: built by the root Typer callback, one per invocation."""

from __future__ import annotations

from contextvars import ContextVar

import typer

from runlift.bootstrap import Core, bootstrap

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


def athlete_name(name: str | None) -> str:
    """The athlete a command acts on: the one named, else the only one stored (a CLI nicety)."""
    from runlift.services.athletes import only_athlete

    return name if name is not None else only_athlete(core().uow_factory())
