"""What every command module shares: options, output formats, dates, JSON and table output."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from runlift.domain.log import LogError, parse_load
from runlift.domain.progression import Load
from runlift.domain.shown import shown
from runlift.services.errors import BadInput

if TYPE_CHECKING:
    from runlift.schemas import Shape

ATHLETE = typer.Option(None, "--athlete", help="Athlete name (needed when several are stored).")


class ListFormat(StrEnum):
    """--format of a listing."""

    TABLE = "table"
    JSON = "json"


class ShowFormat(StrEnum):
    """--format of one thing shown."""

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


def emit_json(document: Shape | Sequence[Shape]) -> None:
    """Print a public shape (or a list of them) as JSON exactly: no wrapping, no markup."""
    from runlift.schemas import dumps  # pydantic loads only for JSON output

    sys.stdout.write(dumps(document) + "\n")


def parse_date(value: str | None, field: str) -> dt.date | None:
    """A YYYY-MM-DD option, or BadInput naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(field, f"{shown(value)} is not a date; use YYYY-MM-DD") from exc


def load_option(text: str | None) -> Load | None:
    """A load typed with its unit (22.5kg, 50 lb), or BadInput saying what is accepted."""
    if text is None:
        return None
    try:
        return parse_load(text)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
