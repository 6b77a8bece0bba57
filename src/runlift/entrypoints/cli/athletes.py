"""`runlift athlete|db`: stored runners and their plans, and the database itself."""

from __future__ import annotations

from pathlib import Path

import typer

from runlift.bootstrap import upgrade_database
from runlift.entrypoints.cli.common import ATHLETE, parse_date
from runlift.entrypoints.cli.context import (
    athlete_name,
    core,
    default_athlete,
    save_default_athlete,
)
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import read_text
from runlift.entrypoints.text.log import plural
from runlift.services import athletes as athlete_service

commands = typer.Typer()


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
    with options_named(start="--start"):
        record, plan = athlete_service.create_athlete(
            core().uow_factory(),
            library,
            read_text(profile),
            str(profile),
            parse_date(start, "--start"),
            core().today(),
            core().now(),
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
    with options_named(start="--start"):
        record, plan = athlete_service.update_athlete(
            core().uow_factory(),
            library,
            athlete_name(athlete),
            read_text(profile),
            str(profile),
            parse_date(start, "--start"),
            core().today(),
            core().now(),
        )
    typer.echo(f"updated {record.name}: plan version {plan.version} from {plan.start}")


@athlete_app.command("list")
def athlete_list() -> None:
    """List stored athletes and their plan versions; '*' marks the default athlete."""
    rows = athlete_service.list_athletes(core().uow_factory())
    if not rows:
        typer.echo("no athletes yet; run 'runlift athlete create PROFILE.yaml'")
        return
    chosen = default_athlete() if len(rows) > 1 else None
    default = next(
        (r.name for r, _ in rows if chosen and r.name.casefold() == chosen.casefold()), None
    )
    for record, plan in rows:
        version = f"plan v{plan.version} from {plan.start}" if plan else "no plan"
        mark = "* " if record.name == default else "  " if default else ""
        typer.echo(f"{mark}{athlete_service.profile_summary(record)}; {version}")
    if default:
        typer.echo(f"{plural(len(rows), 'athlete')}; * is the default ('runlift athlete use NAME')")
    elif chosen:
        typer.echo(f"note: the default athlete {chosen!r} is no longer stored; ignored")


@athlete_app.command("use")
def athlete_use(
    name: str = typer.Argument(..., help="The athlete commands act on when none is named."),
) -> None:
    """Make one athlete the default for commands given no --athlete (kept in the data folder)."""
    record = athlete_service.get_athlete(core().uow_factory(), name)
    path = save_default_athlete(record.name)
    typer.echo(f"{record.name} is now the default athlete (saved in {path})")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending database migrations."""
    revision = upgrade_database(core().settings)
    typer.echo(f"database at revision {revision}")


@db_app.command("check")
def db_check(
    repair: bool = typer.Option(
        False, "--repair", help="Repair what can be repaired safely, in one transaction."
    ),
) -> None:
    """List stored rows no command could use; exit status 1 while any is left."""
    from runlift.services import store_check

    make_uow = core().uow_factory()
    library = core().library
    if repair:
        result = store_check.repair_store(make_uow, library, core().now())
        for line in result.repaired:
            typer.echo(f"repaired {line}")
        result = store_check.check_store(make_uow, library)
    else:
        result = store_check.check_store(make_uow, library)
    for p in result.problems:
        typer.echo(f"{p.athlete}: {p.table} {p.row_id}: {p.problem} (--repair: {p.repair})")
    if not result.problems:
        typer.echo("the store is sound: every plan, session, set and run can be used")
        return
    hint = "" if repair else "; 'runlift db check --repair' repairs what it safely can"
    typer.echo(f"{plural(len(result.problems), 'damaged row')}{hint}", err=True)
    raise typer.Exit(1)
