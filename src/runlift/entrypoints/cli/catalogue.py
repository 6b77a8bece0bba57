"""`runlift exercises|programs|rules|schema`: the catalogue, the coaching rules, the JSON shapes."""

from __future__ import annotations

import sys

import typer

from runlift import schemas
from runlift.domain.rules import RULES, source_title
from runlift.domain.shown import shown
from runlift.entrypoints.cli.common import ListFormat, ShowFormat, console, emit, emit_json
from runlift.entrypoints.cli.context import core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.shapes import catalogue as shapes
from runlift.entrypoints.text import catalogue as render
from runlift.entrypoints.text.log import plural
from runlift.services import catalogue as catalogue_service
from runlift.services.errors import NotFound
from runlift.services.suggest import closest, parse_enum

commands = typer.Typer()
exercises_app = typer.Typer(help="Browse and search the exercise catalogue.", no_args_is_help=True)


programs_app = typer.Typer(
    help="The built-in programs from runlift's source articles.", no_args_is_help=True
)
commands.add_typer(exercises_app, name="exercises")
commands.add_typer(programs_app, name="programs")


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
        emit_json([shapes.exercise_shape(e) for e in found])
    else:
        sys.stdout.write(render.exercise_table(found))
        sys.stdout.write(f"{plural(len(found), 'exercise')}\n")


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
        emit_json(shapes.exercise_shape(exercise))
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
        emit_json([shapes.search_hit_shape(h.exercise, h.score, h.matched) for h in hits])
    elif not hits:
        console().print(f"no exercise matches {shown(query)}", markup=False)
    else:
        emit(render.search_table(hits))


@programs_app.command("list")
def programs_list(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """List the built-in programs."""
    output = parse_enum(ListFormat, fmt, "--format")
    programs = list(core().library.programs.values())
    programs.sort(key=lambda p: p.slug)
    if output is ListFormat.JSON:
        emit_json([shapes.program_shape(p) for p in programs])
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
        emit_json(shapes.program_shape(program))
    else:
        names = {e.slug: e.name for e in library.catalogue}
        emit(render.program_text(program, names))


@commands.command("rules")
def rules(fmt: str = typer.Option("text", "--format", help="text or json.")) -> None:
    """List every coaching rule with its sources."""
    output = parse_enum(ShowFormat, fmt, "--format")
    if output is ShowFormat.JSON:
        emit_json([shapes.rule_shape(r) for r in RULES])
        return
    out = console()
    for rule in RULES:
        out.print(f"{rule.id}: {rule.summary}", markup=False)
        out.print(f"  sources: {'; '.join(source_title(s) for s in rule.sources)}", markup=False)


@commands.command("schema")
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
