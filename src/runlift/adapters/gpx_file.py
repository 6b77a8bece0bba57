"""Runs out of GPX files (watches, phones, Strava exports): one run per track, with a stable id.

The id is the file's SHA-256 plus the track's index, so importing the same file twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import gpxpy
import gpxpy.gpx

from runlift.domain.training_load import RunEntry

MAX_BYTES = 64 * 1024 * 1024


class GpxFileError(ValueError):
    """The file cannot be read as GPX runs; `field` is the file's path, for the user."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.field = str(path)


@dataclass(frozen=True, slots=True)
class GpxRun:
    """One track of a GPX file as a run, with the id that makes re-imports harmless."""

    track: int
    run: RunEntry
    client_id: str


def read_gpx_runs(path: Path) -> list[GpxRun]:
    """Every track of a GPX file on disk as a run."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise GpxFileError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GpxFileError(path, "file not found") from exc
    except OSError as exc:
        raise GpxFileError(path, "cannot read file") from exc
    return parse_gpx_runs(data, str(path))


def parse_gpx_runs(data: bytes, path: str) -> list[GpxRun]:
    """Every track with points as a run: 3D length, moving time from timestamps, first day.

    `path` names the upload or file in errors.
    """
    if len(data) > MAX_BYTES:
        raise GpxFileError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise GpxFileError(path, "not a GPX file (not UTF-8 text)") from exc
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GpxFileError(path, f"not a valid GPX file ({reason})") from exc
    digest = hashlib.sha256(data).hexdigest()
    runs = []
    for index, track in enumerate(gpx.tracks):
        if not any(segment.points for segment in track.segments):
            continue
        day = _first_time(track) or gpx.time
        if day is None:
            raise GpxFileError(path, f"track {index + 1} has no timestamps to date the run")
        seconds = track.get_duration()
        duration = round(seconds) if seconds else None
        entry = RunEntry(day.date(), float(track.length_3d()), duration, None)
        runs.append(GpxRun(index + 1, entry, f"gpx:{digest}:{index}"))
    if not runs:
        raise GpxFileError(path, "no track with points; nothing to import")
    return runs


def _first_time(track: gpxpy.gpx.GPXTrack) -> dt.datetime | None:
    for segment in track.segments:
        for point in segment.points:
            if point.time is not None:
                return point.time
    return None
