"""Runs out of Garmin TCX files (Training Center exports): one run per running <Activity>.

Distance is the sum of the laps' DistanceMeters, duration the sum of their TotalTimeSeconds, and
the day is the Activity Id's (else the first lap's StartTime's) date on the clock it is written
in: its local date when it carries an offset, its UTC date when it ends in Z or has no zone (the
run-day rule of `domain.dates`, the same for GPX and FIT). Activities whose Sport is not Running
(Biking, Other) are skipped, as are activities without laps. The id is the file's SHA-256 plus
the activity's index in the file, so importing the same file twice is a no-op. Documents with a
DTD are refused before any entity is declared, so nothing is ever expanded or fetched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from runlift.adapters.gpx_file import MAX_GPX_BYTES as MAX_BYTES
from runlift.domain.dates import run_day
from runlift.domain.shown import shown
from runlift.domain.training_load import RunEntry

NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
RUNNING = "Running"


class TcxFileError(ValueError):
    """The file cannot be read as TCX runs; `field` is the file's path, for the user."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.field = str(path)


@dataclass(frozen=True, slots=True)
class TcxRun:
    """One activity of a TCX file as a run (`activity` counts from 1), with its stable id."""

    activity: int
    run: RunEntry
    client_id: str


class _DoctypeRefused(Exception):
    """Raised from the parser's doctype hook so no DTD is ever read."""


class _NoDoctype(ET.TreeBuilder):
    """A tree builder that stops at the first <!DOCTYPE>."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _DoctypeRefused


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TcxFileError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise TcxFileError(path, "file not found") from exc
    except OSError as exc:
        raise TcxFileError(path, "cannot read file") from exc


def _parse(path: Path | str, data: bytes) -> ET.Element:
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        root = parser.close()
    except _DoctypeRefused as exc:
        raise TcxFileError(path, "not a valid TCX file (a DTD is not accepted)") from exc
    except ET.ParseError as exc:
        raise TcxFileError(path, f"not a valid TCX file ({exc})") from exc
    if root.tag != f"{NS}TrainingCenterDatabase":
        raise TcxFileError(path, "not a TCX file (no TrainingCenterDatabase v2 root)")
    return root


def _number(path: Path | str, where: str, element: ET.Element | None, name: str) -> float:
    if element is None or element.text is None:
        raise TcxFileError(path, f"{where}: no {name}")
    try:
        value = float(element.text.strip())
    except ValueError as exc:
        raise TcxFileError(
            path, f"{where}: {name} {shown(element.text.strip())} is not a number"
        ) from exc
    if not math.isfinite(value) or value < 0:
        raise TcxFileError(path, f"{where}: {name} {shown(element.text.strip())} is out of range")
    return value


def _run_day(text: str | None) -> dt.date | None:
    """The day a start time dates the run by (see `run_day`), or None when it is no time."""
    if not text:
        return None
    try:
        return run_day(dt.datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def _activity_run(path: Path | str, number: int, activity: ET.Element) -> RunEntry | None:
    laps = activity.findall(f"{NS}Lap")
    if not laps:
        return None
    where = f"activity {number}"
    distance = sum(
        _number(path, f"{where} lap {i}", lap.find(f"{NS}DistanceMeters"), "DistanceMeters")
        for i, lap in enumerate(laps, 1)
    )
    seconds = sum(
        _number(path, f"{where} lap {i}", lap.find(f"{NS}TotalTimeSeconds"), "TotalTimeSeconds")
        for i, lap in enumerate(laps, 1)
    )
    day = _run_day(activity.findtext(f"{NS}Id")) or _run_day(laps[0].get("StartTime"))
    if day is None:
        raise TcxFileError(path, f"{where}: no Id or lap StartTime to date the run")
    return RunEntry(day, distance, round(seconds) or None, None)


def read_tcx_runs(path: Path) -> list[TcxRun]:
    """Every running activity of a TCX file on disk as a run."""
    return parse_tcx_runs(_read(path), str(path))


def parse_tcx_runs(data: bytes, path: str) -> list[TcxRun]:
    """Every running activity with laps as a run; other sports and empty activities are skipped."""
    if len(data) > MAX_BYTES:
        raise TcxFileError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    root = _parse(path, data)
    digest = hashlib.sha256(data).hexdigest()
    runs = []
    for index, activity in enumerate(root.iterfind(f"{NS}Activities/{NS}Activity")):
        if activity.get("Sport", RUNNING) != RUNNING:
            continue
        entry = _activity_run(path, index + 1, activity)
        if entry is not None:
            runs.append(TcxRun(index + 1, entry, f"tcx:{digest}:{index}"))
    if not runs:
        raise TcxFileError(path, "no running activity with laps; nothing to import")
    return runs
