"""What the runner actually did: performed sessions and their sets, checked for plausibility."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from runlift.domain.dates import DateError, check_log_day
from runlift.domain.progression import Load, Target
from runlift.domain.shown import shown
from runlift.domain.vocab import Units

MAX_REPS = 200
MAX_SECONDS = 3600
MAX_RIR = 10
MAX_LOAD = {Units.KG: 500.0, Units.LB: 1100.0}
MAX_SRPE = 10
MAX_SET_NUMBER = 100_000
MAX_ID_LENGTH = 120  # the store's client_id columns
MAX_NAME_LENGTH = 80  # the store's athlete name column
MAX_STORED_INT = 2**31 - 1  # the store's integer columns, on every database


class LogError(ValueError):
    """A logged value is impossible or implausible; `field` names it for the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One set as entered, with the target it answered and the client's id for safe retries."""

    exercise: str
    set_number: int
    reps: int | None
    load: Load | None = None
    seconds: int | None = None
    rir: int | None = None
    target: Target | None = None
    client_id: str | None = None

    def __post_init__(self) -> None:
        check_set(self)


@dataclass(frozen=True, slots=True)
class PerformedSession:
    """A strength session that happened: its day, times, effort and notes."""

    date: dt.date
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    srpe: int | None = None
    notes: str | None = None
    client_id: str | None = None

    def __post_init__(self) -> None:
        if self.srpe is not None and not 0 <= self.srpe <= MAX_SRPE:
            raise LogError("srpe", f"{self.srpe} is out of range; accepted: 0-{MAX_SRPE}")
        if self.started_at and self.ended_at:
            if (self.started_at.tzinfo is None) != (self.ended_at.tzinfo is None):
                raise LogError("ended_at", "give started_at and ended_at both with a time zone")
            if self.ended_at < self.started_at:
                raise LogError("ended_at", "is before started_at")
        check_text("notes", self.notes)
        check_client_id("client_id", self.client_id)


def check_text(field: str, value: str | None, max_length: int | None = None) -> None:
    """Text must be storable in every database: no NUL characters, within its column's length."""
    if value is None:
        return
    if "\x00" in value:
        raise LogError(field, "contains a NUL character")
    if max_length is not None and len(value) > max_length:
        raise LogError(field, f"is {len(value)} characters long; at most {max_length}")


def check_client_id(field: str, value: str | None) -> None:
    """A client id (what makes a retry harmless) is 1-120 storable characters, never blank."""
    check_text(field, value, MAX_ID_LENGTH)
    if value is not None and not value.strip():
        raise LogError(field, "is empty; give an id or leave it out")


def check_name(field: str, value: str) -> None:
    """An athlete's name is 1-80 storable characters, never blank."""
    check_text(field, value, MAX_NAME_LENGTH)
    if not value.strip():
        raise LogError(field, "is empty; give a name")


def check_range(field: str, value: int | None, low: int, high: int = MAX_STORED_INT) -> None:
    """An integer the store keeps must lie in its accepted range (and so in the column's)."""
    if value is not None and not low <= value <= high:
        raise LogError(field, f"{value} is out of range; accepted: {low}-{high}")


def check_set(logged: LoggedSet) -> None:
    """Refuse sets no human lifted: negative or absurd reps, loads, holds and RIR."""
    check_client_id("id", logged.client_id)
    check_range("set", logged.set_number, 1, MAX_SET_NUMBER)
    if logged.reps is None and logged.seconds is None:
        raise LogError("reps", "give reps, or seconds for a hold")
    if logged.reps is not None and not 0 <= logged.reps <= MAX_REPS:
        raise LogError("reps", f"{logged.reps} is out of range; accepted: 0-{MAX_REPS}")
    if logged.seconds is not None and not 1 <= logged.seconds <= MAX_SECONDS:
        raise LogError("seconds", f"{logged.seconds} is out of range; accepted: 1-{MAX_SECONDS}")
    if logged.rir is not None and not 0 <= logged.rir <= MAX_RIR:
        raise LogError("rir", f"{logged.rir} is out of range; accepted: 0-{MAX_RIR}")
    if logged.load is not None and logged.load.value > MAX_LOAD[logged.load.unit]:
        limit = MAX_LOAD[logged.load.unit]
        raise LogError(
            "load", f"{logged.load} is not plausible; at most {limit:g} {logged.load.unit}"
        )


def check_date(day: dt.date, today: dt.date) -> None:
    """A log date lies in the log window of `domain.dates` (2000 to tomorrow)."""
    try:
        check_log_day("date", day, today)
    except DateError as exc:
        raise LogError(exc.field, str(exc).split(": ", 1)[-1]) from exc


def parse_load(text: str) -> Load:
    """'22.5kg', '50 lb' -> Load; a bare number or anything else is refused naming the units.

    A number without its unit is refused rather than guessed: 50 means 50 kg to one runner
    and 50 lb to another.
    """
    cleaned = text.strip().lower().replace(" ", "")
    for unit in (Units.KG, Units.LB):
        for suffix in (unit.value, unit.value + "s"):
            if cleaned.endswith(suffix):
                cleaned = cleaned[: -len(suffix)]
                return _load(cleaned, unit, text)
    if cleaned and (cleaned[-1].isdigit() or cleaned[-1] == "."):
        number = text.strip() if len(text.strip()) <= 12 else "22.5"
        raise LogError("load", f"{shown(text)} needs its unit: {number}kg or {number}lb")
    raise LogError("load", f"{shown(text)}: unknown unit; accepted: kg, lb (e.g. 22.5kg, 50lb)")


def _load(number: str, unit: Units, original: str) -> Load:
    try:
        value = float(number)
    except ValueError as exc:
        raise LogError("load", f"{shown(original)} is not a load; e.g. 22.5kg or 50lb") from exc
    if not math.isfinite(value):
        raise LogError("load", f"{shown(original)} is not a finite number; e.g. 22.5kg or 50lb")
    if value < 0:
        raise LogError("load", f"{shown(original)} must be 0 or more")
    return Load(abs(value), unit)  # -0kg is 0 kg
