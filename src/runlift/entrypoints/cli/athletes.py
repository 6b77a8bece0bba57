"""`runlift athlete|db`: stored runners and their plans, and the database itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from runlift.bootstrap import upgrade_database
from runlift.entrypoints.cli.common import ATHLETE, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.files import read_text
from runlift.services import athletes as athlete_service

commands = typer.Typer()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _today() -> dt.date:
    return dt.date.today()


athlete_app = typer.Typer(help="Store runners and their plans.", no_args_is_help=True)


db_app = typer.Typer(help="Look after the database.", no_args_is_help=True)
commands.add_typer(athlete_app, name="athlete")
commands.add_typer(db_app, name="db")


@athlete_app.command("create")
def athlete_create(
    profile: Path = typer.Argument(..., help="The runner's profile YAML file."),
    start: str | None = typer.Option(
        None, "--start", help="Plan start, YYYY-MM-DD (default: next Monday)."
    ),
    athlete: str | None = typer.Option(
        None, "--athlete", help="Name to store (default: the profile's name)."
    ),
) -> None:
    """Store a runner and generate their plan."""
    library = core().library
    record, plan = athlete_service.create_athlete(
        core().uow_factory(),
        library,
        read_text(profile),
        str(profile),
        parse_date(start, "--start"),
        _today(),
        _now(),
        athlete,
    )
    typer.echo(f"stored {record.name} with plan version {plan.version} from {plan.start}")


@athlete_app.command("update")
def athlete_update(
    profile: Path = typer.Argument(..., help="The changed profile YAML file."),
    start: str | None = typer.Option(None, "--start", help="New plan start, YYYY-MM-DD."),
    athlete: str | None = ATHLETE,
) -> None:
    """Store a changed profile and re-plan; the training log is kept."""
    library = core().library
    record, plan = athlete_service.update_athlete(
        core().uow_factory(),
        library,
        athlete_name(athlete),
        read_text(profile),
        str(profile),
        parse_date(start, "--start"),
        _today(),
        _now(),
    )
    typer.echo(f"updated {record.name}: plan version {plan.version} from {plan.start}")


@athlete_app.command("list")
def athlete_list() -> None:
    """List stored athletes and their plan versions."""
    rows = athlete_service.list_athletes(core().uow_factory())
    if not rows:
        typer.echo("no athletes yet; run 'runlift athlete create PROFILE.yaml'")
    for record, plan in rows:
        version = f"plan v{plan.version} from {plan.start}" if plan else "no plan"
        typer.echo(f"{athlete_service.profile_summary(record)}; {version}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending database migrations."""
    revision = upgrade_database(core().settings)
    typer.echo(f"database at revision {revision}")
