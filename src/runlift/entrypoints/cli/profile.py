"""`runlift profile init`: the profile questions asked in the terminal, written as a valid file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from runlift.domain.vocab import Day, Equipment, Injury, Level, RaceDistance, RunType
from runlift.entrypoints.cli.files import check_writable, write_file
from runlift.services.errors import BadInput
from runlift.services.profile import profile_yaml
from runlift.services.suggest import parse_enum

T = TypeVar("T")
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


def _items(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", " ").split() if part.strip()]


def _int_in(low: int, high: int, field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.strip().isdigit() or not low <= int(text) <= high:
            raise BadInput(field, f"{text!r} is not accepted; give a whole number {low}-{high}")
        return int(text)

    return parse


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput("race.date", f"{text!r} is not a date; use YYYY-MM-DD") from exc


def _runs(text: str) -> dict[str, str]:
    runs: dict[str, str] = {}
    for part in _items(text):
        day, _, kind = part.partition(":")
        if not kind:
            raise BadInput("runs", f"{part!r} should look like tue:intervals")
        runs[parse_enum(Day, day, "runs").value] = parse_enum(RunType, kind, f"runs.{day}").value
    return runs


@profile_app.command("init")
def init(
    output: Path = typer.Option(Path("profile.yaml"), "-o", "--output", help="File to write."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Ask the profile questions and write a valid profile file."""
    if output.exists() and not force:
        raise BadInput("-o", f"{output} exists; choose another file or add --force")
    check_writable(output, "-o")
    level = _ask(
        "Level (beginner, intermediate, advanced)",
        lambda t: parse_enum(Level, t, "level"),
        "intermediate",
    )
    distance = _ask(
        "Race (5k, 10k, half_marathon, marathon, ultra, none)",
        lambda t: parse_enum(RaceDistance, t, "race.distance"),
        "none",
    )
    race: dict[str, object] = {"distance": distance.value}
    if distance is not RaceDistance.NONE:
        race["date"] = _ask("Race date (YYYY-MM-DD)", _date, "")
    sessions = _ask("Strength sessions a week (1-6)", _int_in(1, 6, "sessions_per_week"), "2")
    minutes = _ask("Minutes per session (10-120)", _int_in(10, 120, "minutes_per_session"), "40")
    kit = _ask(
        "Kit you own, comma-separated (e.g. dumbbell, resistance_band; blank for none)",
        lambda t: [parse_enum(Equipment, e, "equipment").value for e in _items(t)],
        "",
    )
    runs = _ask(
        "Your runs (e.g. tue:intervals, thu:easy, sun:long)", _runs, "tue:easy, thu:easy, sun:long"
    )
    injuries = _ask(
        "Old injuries, comma-separated (e.g. runners_knee; blank for none)",
        lambda t: [parse_enum(Injury, i, "injuries").value for i in _items(t)],
        "",
    )
    document: dict[str, object] = {
        "level": level.value,
        "race": race,
        "strength": {"sessions_per_week": sessions, "minutes_per_session": minutes},
        "equipment": kit,
        "runs": runs,
        "injuries": injuries,
    }
    text = profile_yaml(document)
    write_file(output, text.encode("utf-8"), "-o")
    typer.echo(f"wrote {output}; next: runlift plan {output}")
