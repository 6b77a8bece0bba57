"""`runlift serve`: the web app and the JSON API, on the same settings and store as the CLI."""

from __future__ import annotations

import typer

from runlift.entrypoints.cli.context import core

commands = typer.Typer()
APP = "runlift.entrypoints.web.app:create_app"  # an import string, so each worker builds its own


@commands.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request."),
    demo: bool = typer.Option(
        False, "--demo", help="First add a demo runner with three weeks of training (once)."
    ),
) -> None:
    """Serve the web app and the JSON API under /api/v1 (needs RUNLIFT_SECRET_KEY, or
    RUNLIFT_DEV=1)."""
    from runlift.entrypoints.web.app import check_secret

    current = core()
    check_secret(current)
    current.engine  # noqa: B018 (migrate once here, not in every worker at once)
    if demo:
        _seed_demo()
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"runlift is at http://{shown}:{port}/", err=True)
    current.close()
    import uvicorn

    uvicorn.run(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level="info",
    )


def _seed_demo() -> None:
    """Add the demo runner (once) and say how to sign in as them."""
    from runlift.services.demo import seed_demo

    current = core()
    seed = seed_demo(current.uow_factory(), current.library, current.today(), current.now())
    if seed.created:
        done = f"{seed.sessions} sessions ({seed.sets} sets) and {seed.runs} runs logged"
        typer.echo(f"Demo runner created: {done}.", err=True)
    typer.echo(f"Demo sign-in: {seed.email} / {seed.password}", err=True)
