"""The `runlift` command: parse, call one service, format, map errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import StrEnum

import typer
from rich.console import Console
from typer.exceptions import Abort, Exit, TyperException

from runlift import __version__, schemas
from runlift.domain.rules import RULES
from runlift.entrypoints import render_catalogue as render
from runlift.entrypoints.cli_core import core, install
from runlift.entrypoints.cli_errors import error_line, options_named
from runlift.entrypoints.cli_plan import register as register_plan
from runlift.entrypoints.cli_profile import profile_app
from runlift.entrypoints.cli_reports import register as register_reports
from runlift.entrypoints.cli_runs import register as register_runs
from runlift.entrypoints.cli_session import register as register_session
from runlift.entrypoints.cli_training import register as register_training
from runlift.entrypoints.cli_watch import register as register_watch
from runlift.entrypoints.views import (
    exercise_shape,
    program_shape,
    rule_shape,
    search_hit_shape,
)
from runlift.services import catalogue as catalogue_service
from runlift.services.errors import NotFound, RunliftError
from runlift.services.suggest import closest, parse_enum

app = typer.Typer(
    help="runlift: strength and conditioning for runners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
exercises_app = typer.Typer(help="Browse and search the exercise catalogue.", no_args_is_help=True)
programs_app = typer.Typer(help="The built-in programs from runlift's source articles.")
app.add_typer(exercises_app, name="exercises")
app.add_typer(programs_app, name="programs", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


class ListFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class ShowFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def console() -> Console:
    """A console whose output does not depend on colour support or the terminal's quirks."""
    return Console(highlight=False, soft_wrap=False, emoji=False)


def emit(renderable: object) -> None:
    """Print a Rich renderable without the trailing padding Rich adds to each line."""
    out = console()
    with out.capture() as captured:
        out.print(renderable)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def emit_json(document: schemas.Shape | Sequence[schemas.Shape]) -> None:
    """Print a public shape (or a list of them) as JSON exactly: no wrapping, no markup."""
    sys.stdout.write(schemas.dumps(document) + "\n")


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


@exercises_app.command("list")
def exercises_list(
    equipment: list[str] = typer.Option(
        [], "--equipment", "-e", help="Kit you have (repeatable); bodyweight moves always count."
    ),
    muscle: str | None = typer.Option(None, "--muscle", help="Muscle group id, e.g. glutes."),
    injury: str | None = typer.Option(None, "--injury", help="Injury id, e.g. runners_knee."),
    category: str | None = typer.Option(None, "--category", help="Category id, e.g. plyometric."),
    level: str | None = typer.Option(None, "--level", help="Show exercises up to this level."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List exercises, filtered by kit, muscle, injury, category or level."""
    output = parse_enum(ListFormat, fmt, "--format")
    library = core().library
    with options_named(
        equipment="--equipment",
        muscle="--muscle",
        injury="--injury",
        category="--category",
        level="--level",
    ):
        found = catalogue_service.list_exercises(
            library,
            equipment=equipment,
            muscle=muscle,
            injury=injury,
            category=category,
            level=level,
            bodyweight_only=bool(equipment),
        )
    if output is ListFormat.JSON:
        emit_json([exercise_shape(e) for e in found])
    else:
        emit(render.exercise_table(found))
        sys.stdout.write(f"{len(found)} exercises\n")


@exercises_app.command("show")
def exercises_show(
    slug: str = typer.Argument(..., help="Exercise slug, name or alias."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show one exercise: muscles, kit, dose, steps, cues and sources."""
    output = parse_enum(ShowFormat, fmt, "--format")
    library = core().library
    exercise = catalogue_service.get_exercise(library, slug)
    if output is ShowFormat.JSON:
        emit_json(exercise_shape(exercise))
    else:
        emit(render.exercise_text(exercise))


@exercises_app.command("search")
def exercises_search(
    query: str = typer.Argument(..., help="Words to look for: names, muscles, injuries, kit."),
    limit: int = typer.Option(20, "--limit", min=1, max=200, help="Most results to show."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Search exercises, tolerant of typos ("knee pain band")."""
    output = parse_enum(ListFormat, fmt, "--format")
    library = core().library
    hits = catalogue_service.search_exercises(library, query, limit=limit)
    if output is ListFormat.JSON:
        emit_json([search_hit_shape(h.exercise, h.score, h.matched) for h in hits])
    elif not hits:
        console().print(f"no exercise matches {query!r}", markup=False)
    else:
        emit(render.search_table(hits))


@programs_app.command("list")
def programs_list(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """List the built-in programs."""
    output = parse_enum(ListFormat, fmt, "--format")
    programs = list(core().library.programs.values())
    programs.sort(key=lambda p: p.slug)
    if output is ListFormat.JSON:
        emit_json([program_shape(p) for p in programs])
    else:
        emit(render.program_table(programs))


@programs_app.command("show")
def programs_show(
    slug: str = typer.Argument(..., help="Program slug, e.g. runner-circuit."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """Show one built-in program with every set, rep, hold and rest."""
    output = parse_enum(ShowFormat, fmt, "--format")
    library = core().library
    program = catalogue_service.get_program(library, slug)
    if output is ShowFormat.JSON:
        emit_json(program_shape(program))
    else:
        names = {e.slug: e.name for e in library.catalogue}
        emit(render.program_text(program, names))


register_plan(app)
register_training(app)
register_runs(app)
register_reports(app)
register_session(app)
register_watch(app)


@app.command("rules")
def rules(fmt: str = typer.Option("text", "--format", help="text or json.")) -> None:
    """List every coaching rule with its sources."""
    output = parse_enum(ShowFormat, fmt, "--format")
    if output is ShowFormat.JSON:
        emit_json([rule_shape(r) for r in RULES])
        return
    out = console()
    for rule in RULES:
        out.print(f"{rule.id}: {rule.summary}", markup=False)
        out.print(f"  sources: {'; '.join(rule.sources)}", markup=False)


@app.command("schema")
def schema(
    name: str | None = typer.Argument(
        None, help="Shape name, e.g. plan or next; leave out to list the names."
    ),
) -> None:
    """Print the JSON Schema of a public JSON shape (shared with the API), or list the shapes."""
    if name is None:
        sys.stdout.write("".join(f"{shape}\n" for shape in schemas.SHAPES))
        return
    shape = schemas.SHAPES.get(name.strip().lower())
    if shape is None:
        raise NotFound("schema", name, closest(name, schemas.SHAPES))
    sys.stdout.write(schemas.json_schema(shape) + "\n")


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
