"""Strong and Hevy CSV exports read into neutral sets, and a log written in Strong's layout.

Strong writes one row per set under `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,
Reps,Distance,Seconds,Notes,Workout Notes,RPE`; older exports are semicolon-separated (with
decimal commas) and carry a `Weight Unit` column, newer ones name the unit in the header
(`Weight (kg)`), add `Workout #` and write warm-ups as set `W`, drop and failure sets as `D` and
`F`, and rest timers as rows of their own (`Rest Timer`, skipped here). Without a unit anywhere
the weights are in whatever unit the app was set to: `unit` is None and the importer decides.
Hevy writes `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
set_index,set_type,weight_kg|weight_lbs,reps,distance_km|distance_miles,duration_seconds,rpe`
with times like `26 Jan 2025, 07:05` and warm-ups as set_type `warmup`.

Warm-up sets are returned flagged (`warmup=True`), not dropped: leaving them out is the importer's
decision. Any cell that cannot be read is one `LogCsvError` naming its row and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from runlift.domain.foreign_log import ForeignSet
from runlift.domain.shown import shown
from runlift.domain.vocab import Units
from runlift.services.errors import BadInput

STRONG = "strong"
HEVY = "hevy"
APPS = (STRONG, HEVY)
MAX_BYTES = 16 * 1024 * 1024  # years of daily training are a few MB
MAX_ROWS = 100_000
MAX_LABEL = 12  # a set label longer than this is not one an app wrote
STRONG_HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
_REQUIRED = {
    STRONG: ("date", "exercise name", "set order", "reps"),
    HEVY: ("start_time", "exercise_title", "set_index", "reps"),
}
_UNITS = {"kg": Units.KG, "kgs": Units.KG, "lb": Units.LB, "lbs": Units.LB}
_STRONG_WEIGHT = re.compile(r"^weight(?: \((kgs?|lbs?)\))?$")
_HEVY_WEIGHT = {"weight_kg": Units.KG, "weight_lbs": Units.LB, "weight_lb": Units.LB}
_STRONG_LABELS = {"w": True, "d": False, "f": False}  # label -> is a warm-up
_HEVY_TYPES = {"normal": False, "warmup": True, "dropset": False, "failure": False, "": False}
_STRONG_TIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)? ?([AaPp][Mm])?)?$"
)
_HEVY_TIME = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


class LogCsvError(BadInput):
    """A file that cannot be read as the app's export; `row` and `column` say where, if a cell."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None) -> None:
        where = "file" if row is None else f"row {row}" + (f", {column}" if column else "")
        super().__init__(where, message, "bad_log_file")
        self.row = row
        self.column = column


@dataclass(frozen=True, slots=True)
class _Row:
    """One record of the file with its cells found by (normalised) column name."""

    number: int
    cells: list[str]
    columns: dict[str, int]
    header: list[str]
    decimal_comma: bool

    def text(self, key: str) -> str:
        index = self.columns.get(key)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def name(self, key: str) -> str:
        return self.header[self.columns[key]].strip()

    def number_in(self, key: str) -> float | None:
        """A cell as a number (decimal comma in semicolon files); empty -> None."""
        text = self.text(key)
        if not text:
            return None
        cleaned = text.replace(",", ".") if self.decimal_comma else text
        try:
            value = float(cleaned)
        except ValueError:
            raise LogCsvError(
                f"{shown(text)} is not a number", self.number, self.name(key)
            ) from None
        if not math.isfinite(value) or value < 0:
            raise LogCsvError(f"{shown(text)} must be a number >= 0", self.number, self.name(key))
        return value

    def reps_in(self, key: str) -> int | None:
        """A cell as a whole count of reps ('12.0' too, as some exports write it)."""
        value = self.number_in(key)
        if value is None:
            return None
        if value != int(value):
            raise LogCsvError(f"{value:g} is not a whole number", self.number, self.name(key))
        return int(value)

    def seconds_in(self, key: str) -> int | None:
        """A cell as whole seconds (a fraction is rounded); 0, as exports write it, is none."""
        value = self.number_in(key)
        return round(value) if value else None


def _key(name: str) -> str:
    return " ".join(name.strip().casefold().split())


def _records(data: bytes) -> tuple[list[str], list[_Row]]:
    """The header and the non-blank records of CSV bytes, refusing what is not a sane export."""
    if len(data) > MAX_BYTES:
        raise LogCsvError(f"is larger than {MAX_BYTES // (1024 * 1024)} MB; split the export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LogCsvError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if "\x00" in text:
        raise LogCsvError("contains a NUL character; not a CSV export")
    if not text.strip():
        raise LogCsvError("is empty; nothing to import")
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    columns: dict[str, int] = {}
    rows: list[_Row] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = cells
                for index, name in enumerate(cells):
                    columns.setdefault(_key(name), index)
                continue
            if len(rows) == MAX_ROWS:
                raise LogCsvError(f"has more than {MAX_ROWS} sets; split the export")
            if any(cell.strip() for cell in cells[len(header) :]):
                raise LogCsvError(
                    f"has {len(cells)} cells but the header has {len(header)}", number
                )
            rows.append(_Row(number, cells, columns, header, delimiter == ";"))
    except csv.Error as exc:
        raise LogCsvError(f"is not valid CSV near line {reader.line_num} ({exc})") from exc
    assert header is not None, "a file with a non-blank line has a header"
    return header, rows


def _check_columns(app: str, header: list[str]) -> None:
    present = {_key(name) for name in header}
    missing = [name for name in _REQUIRED[app] if name not in present]
    if missing:
        other = next(a for a in APPS if a != app)
        hint = (
            f"; it looks like a {other.capitalize()} export"
            if all(name in present for name in _REQUIRED[other])
            else ""
        )
        found = ", ".join(repr(name.strip()) for name in header[:14])
        raise LogCsvError(
            f"not a {app.capitalize()} export: no column {shown(missing[0])}{hint} (found: {found})"
        )


def _clock(row: _Row, key: str, parts: tuple[str | None, ...], pm: str | None) -> dt.datetime:
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in parts)
    if pm:
        if not 1 <= hour <= 12:
            raise LogCsvError(f"{shown(row.text(key))} is not a time", row.number, row.name(key))
        hour = hour % 12 + (12 if pm.lower() == "pm" else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise LogCsvError(
            f"{shown(row.text(key))} is not a date", row.number, row.name(key)
        ) from None


def _strong_time(row: _Row, key: str) -> dt.datetime:
    text = re.sub(r"[\s\u202f\u00a0]+", " ", row.text(key))
    found = _STRONG_TIME.match(text)
    if not found:
        raise LogCsvError(
            f"{shown(row.text(key))} is not a date; e.g. 2025-01-26 07:05:00",
            row.number,
            row.name(key),
        )
    *parts, pm = found.groups()
    return _clock(row, key, tuple(parts), pm)


def _hevy_time(row: _Row, key: str) -> dt.datetime:
    text = " ".join(row.text(key).split())
    found = _HEVY_TIME.match(text)
    month = _MONTHS.get(found.group(2)[:3].lower()) if found else None
    if found and month:
        day, _, year, hour, minute, second = found.groups()
        return _clock(row, key, (year, str(month), day, hour, minute, second), None)
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        raise LogCsvError(
            f"{shown(row.text(key))} is not a date; e.g. 26 Jan 2025, 07:05",
            row.number,
            row.name(key),
        ) from None
    return stamp.replace(tzinfo=None)  # the wall-clock time of the workout, as the app showed it


def _label(row: _Row, key: str, labels: dict[str, bool]) -> tuple[str, bool]:
    """A set label as written and whether it marks a warm-up: numbers, or one of `labels`."""
    text = row.text(key)
    if text.isdecimal() and len(text) <= MAX_LABEL:
        return text, False
    if text.casefold() in labels:
        return text.upper(), labels[text.casefold()]
    accepted = ", ".join(["1, 2, ..."] + [k.upper() for k in labels])
    raise LogCsvError(
        f"{shown(text)} is not a set; accepted: {accepted}", row.number, row.name(key)
    )


def _text(row: _Row, key: str) -> str | None:
    return row.text(key) or None


def _strong_set(row: _Row, weight_key: str, header_unit: Units | None) -> ForeignSet | None:
    if row.text("set order").casefold() == "rest timer":
        return None  # a rest timer between sets, not a set
    exercise = row.text("exercise name")
    if not exercise:
        raise LogCsvError("no exercise name", row.number, row.name("exercise name"))
    label, warmup = _label(row, "set order", _STRONG_LABELS)
    unit = header_unit
    if row.text("weight unit"):
        unit = _UNITS.get(row.text("weight unit").casefold())
        if unit is None:
            raise LogCsvError(
                f"{shown(row.text('weight unit'))} is not a unit; accepted: kg, lbs",
                row.number,
                row.name("weight unit"),
            )
    return ForeignSet(
        row=row.number,
        started=_strong_time(row, "date"),
        workout=row.text("workout name"),
        exercise=exercise,
        order=label,
        weight=row.number_in(weight_key),
        unit=unit,
        reps=row.reps_in("reps"),
        seconds=row.seconds_in("seconds"),
        distance=row.number_in("distance") or None,
        rpe=row.number_in("rpe"),
        notes=_text(row, "notes"),
        warmup=warmup,
    )


def _hevy_set(row: _Row, weight_key: str | None) -> ForeignSet:
    exercise = row.text("exercise_title")
    if not exercise:
        raise LogCsvError("no exercise title", row.number, row.name("exercise_title"))
    label, _ = _label(row, "set_index", {})
    kind = row.text("set_type").casefold()
    if kind not in _HEVY_TYPES:
        accepted = ", ".join(k for k in _HEVY_TYPES if k)
        raise LogCsvError(
            f"{shown(row.text('set_type'))} is not a set type; accepted: {accepted}",
            row.number,
            row.name("set_type"),
        )
    distance = next((k for k in ("distance_km", "distance_miles") if k in row.columns), None)
    return ForeignSet(
        row=row.number,
        started=_hevy_time(row, "start_time"),
        workout=row.text("title"),
        exercise=exercise,
        order=label,
        weight=row.number_in(weight_key) if weight_key else None,
        unit=_HEVY_WEIGHT[weight_key] if weight_key else None,
        reps=row.reps_in("reps"),
        seconds=row.seconds_in("duration_seconds"),
        distance=(row.number_in(distance) or None) if distance else None,
        rpe=row.number_in("rpe"),
        notes=_text(row, "exercise_notes"),
        warmup=_HEVY_TYPES[kind],
    )


def _reader(app: str, header: list[str]) -> Callable[[_Row], ForeignSet | None]:
    """The row reader for the app, bound to the weight column and unit the header shows."""
    keys = [_key(name) for name in header]
    if app == STRONG:
        weights = [(k, _STRONG_WEIGHT.match(k)) for k in keys]
        found = next(((k, m) for k, m in weights if m), None)
        if found is None:
            raise LogCsvError("not a Strong export: no column 'Weight'")
        key, match = found
        unit = _UNITS[match.group(1)] if match.group(1) else None
        return lambda row: _strong_set(row, key, unit)
    weight_key = next((k for k in keys if k in _HEVY_WEIGHT), None)
    return lambda row: _hevy_set(row, weight_key)


def read_log_csv(data: bytes, app: str) -> list[ForeignSet]:
    """Every set of a Strong or Hevy CSV export (UTF-8, a BOM allowed), in file order."""
    if app not in APPS:
        raise BadInput("from", f"{shown(app)} is not accepted; accepted: {', '.join(APPS)}")
    header, rows = _records(data)
    _check_columns(app, header)
    read = _reader(app, header)
    found = [s for s in (read(row) for row in rows) if s is not None]
    if not found:
        raise LogCsvError("holds no sets; nothing to import")
    seen: Counter[tuple[dt.datetime, str, str, str]] = Counter()
    numbered = []
    for one in found:
        key = (one.started, one.workout, one.exercise, one.order)
        seen[key] += 1
        numbered.append(replace(one, occurrence=seen[key]) if seen[key] > 1 else one)
    return numbered


def _figure(value: float) -> str:
    """A number as apps write it: 20, 102.5, never 1e+02 or 20.0."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def write_strong_csv(sets: Iterable[ForeignSet]) -> str:
    """Sets as CSV text in Strong's column layout; every weight must be in one unit (Strong's
    layout has no unit column), 0 stands for no weight, reps, distance or seconds, as in Strong."""
    buffer = io.StringIO()
    # CRLF as RFC 4180 says: the csv module then quotes any cell holding a \r or \n.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(STRONG_HEADER)
    units: set[Units] = set()
    for one in sets:
        if one.weight and one.unit is not None:
            units.add(one.unit)
        writer.writerow(
            [
                one.started.strftime("%Y-%m-%d %H:%M:%S"),
                one.workout,
                "",
                one.exercise,
                one.order,
                _figure(one.weight or 0),
                one.reps or 0,
                _figure(one.distance or 0),
                one.seconds or 0,
                one.notes or "",
                "",
                "" if one.rpe is None else _figure(one.rpe),
            ]
        )
    if len(units) > 1:
        raise ValueError("Strong's layout holds one weight unit; convert the loads first")
    return buffer.getvalue()
