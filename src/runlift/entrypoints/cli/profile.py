"""`runlift profile init`: the profile questions asked in the terminal, written as a valid file."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import typer

from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.shown import shown
from runlift.domain.vocab import (
    Day,
    Equipment,
    Injury,
    Level,
    Lifting,
    RaceDistance,
    RunType,
    Units,
)
from runlift.entrypoints.cli.context import core
from runlift.entrypoints.cli.files import (
    SYMLINK_NOTE,
    check_extension,
    check_writable,
    write_file,
)
from runlift.services.errors import BadInput
from runlift.services.profile import check_race_date, next_monday, owned_loads, profile_yaml
from runlift.services.suggest import parse_enum

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)
MAX_NAME = 80  # as the profile file allows
RACE_WEEKS_OFFERED = 16  # the race date offered: a Sunday this many weeks after the plan start
profile_app = typer.Typer(help="Create and check runner profiles.", no_args_is_help=True)
commands = typer.Typer()
commands.add_typer(profile_app, name="profile")


def _ask(question: str, parse: Callable[[str], T], default: str) -> T:
    """Ask until the answer parses; each refusal says what is accepted."""
    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default))
        try:
            return parse(str(answer))
        except BadInput as exc:
            typer.echo(f"  {exc}", err=True)


def _name(text: str) -> str:
    name = text.strip()
    if not 1 <= len(name) <= MAX_NAME:
        raise BadInput("name", f"give a name of 1-{MAX_NAME} characters")
    return name


def _items(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", " ").split() if part.strip()]


def _int_in(low: int, high: int, field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        cleaned = text.strip()
        if not cleaned.isdecimal() or len(cleaned) > 6 or not low <= int(cleaned) <= high:
            raise BadInput(
                field, f"{shown(text)} is not accepted; give a whole number {low}-{high}"
            )
        return int(cleaned)

    return parse


def _race_date(start: dt.date) -> Callable[[str], dt.date]:
    def parse(text: str) -> dt.date:
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError as exc:
            raise BadInput("race.date", f"{shown(text)} is not a date; use YYYY-MM-DD") from exc
        check_race_date(day, start)
        return day

    return parse


def _optional_int(low: int, high: int, field: str) -> Callable[[str], int | None]:
    whole = _int_in(low, high, field)
    return lambda text: whole(text) if text.strip() else None


def _optional_enum(enum: type[E], field: str) -> Callable[[str], E | None]:
    return lambda text: parse_enum(enum, text, field) if text.strip() else None


def _runs(text: str) -> dict[str, str]:
    runs: dict[str, str] = {}
    for part in _items(text):
        day, _, kind = part.partition(":")
        if not kind:
            raise BadInput("runs", f"{shown(part)} should look like tue:intervals")
        runs[parse_enum(Day, day, "runs").value] = parse_enum(RunType, kind, f"runs.{day}").value
    return runs


def _list(text: str) -> list[str]:
    """Comma-separated answers; inside one, spaces are part of the name ('mini band')."""
    return [part.strip() for part in text.split(",") if part.strip()]


@profile_app.command("init")
def init(
    output: Path = typer.Option(
        Path("profile.yaml"), "-o", "--output", help=f"File to write ({SYMLINK_NOTE})."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Ask the profile questions and write a valid profile file."""
    if output.exists() and not force:
        raise BadInput("-o", f"{output} exists; choose another file or add --force")
    check_extension(output, ".yaml" if output.suffix.lower() != ".yml" else ".yml", "-o")
    check_writable(output, "-o")
    start = next_monday(core().today())
    name = _ask("Your name", _name, "runner")
    units = _ask("Units (kg, lb)", lambda t: parse_enum(Units, t, "units"), "kg")
    level = _ask(
        "Level (beginner, intermediate, advanced)",
        lambda t: parse_enum(Level, t, "level"),
        "intermediate",
    )
    distance = _ask(
        "Race (5k, 10k, half marathon, marathon, ultra, none)",
        lambda t: parse_enum(RaceDistance, t, "race.distance"),
        "none",
    )
    race: dict[str, object] = {"distance": distance.value}
    if distance is not RaceDistance.NONE:
        offered = start + dt.timedelta(weeks=RACE_WEEKS_OFFERED, days=-1)  # a Sunday
        race["date"] = _ask(
            f"Race date, YYYY-MM-DD (on or after the plan start {start})",
            _race_date(start),
            offered.isoformat(),
        ).isoformat()
    sessions = _ask("Strength sessions a week (1-6)", _int_in(1, 6, "sessions_per_week"), "2")
    minutes = _ask("Minutes per session (10-120)", _int_in(10, 120, "minutes_per_session"), "40")
    days = _ask(
        "Preferred strength days (e.g. mon, thu; blank to let the plan choose)",
        lambda t: [parse_enum(Day, d, "strength.preferred_days").value for d in _items(t)],
        "",
    )
    kit = _ask(
        "Kit you own, comma-separated (e.g. dumbbells, mini band; blank for none)",
        lambda t: list(dict.fromkeys(parse_enum(Equipment, e, "equipment") for e in _list(t))),
        "",
    )
    weights: dict[str, list[float]] = {}
    for piece in sorted(set(kit) & LOADING_EQUIPMENT):
        label = piece.value.replace("_", " ")
        loads = _ask(
            f"{label.capitalize()} loads you own, in {units.value} (e.g. 4, 6, 8, 10; "
            "blank to skip)",
            functools.partial(owned_loads, piece=piece, units=units),
            "",
        )
        if loads:
            weights[piece.value] = loads
    runs = _ask(
        "Your runs (e.g. tue:intervals, thu:easy, sun:long)", _runs, "tue:easy, thu:easy, sun:long"
    )
    injuries = _ask(
        "Old injuries, comma-separated (e.g. runner's knee; blank for none)",
        lambda t: [parse_enum(Injury, i, "injuries").value for i in _list(t)],
        "",
    )
    age = _ask("Age (blank to skip)", _optional_int(10, 100, "age"), "")
    lifting = _ask(
        "Lifting lately (none, some, regular; blank to skip)",
        _optional_enum(Lifting, "lifting"),
        "",
    )
    strength: dict[str, object] = {"sessions_per_week": sessions, "minutes_per_session": minutes}
    if days:
        strength["preferred_days"] = list(dict.fromkeys(days))
    document: dict[str, object] = {
        "name": name,
        "level": level.value,
        "units": units.value,
        "race": race,
        "strength": strength,
        "equipment": [piece.value for piece in kit],
        "runs": runs,
        "injuries": list(dict.fromkeys(injuries)),
    }
    if weights:
        document["weights"] = weights
    if age is not None:
        document["age"] = age
    if lifting is not None:
        document["lifting"] = lifting.value
    text = profile_yaml(document)
    write_file(output, text.encode("utf-8"), "-o")
    typer.echo(f"wrote {output}; next: runlift plan {output}")
