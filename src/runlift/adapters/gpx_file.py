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

from runlift.domain.dates import run_day
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
    """Every track with points as a run: 3D length, time from timestamps, first point's day.

    The day follows the run-day rule of `domain.dates` (the local date when the time carries
    an offset; GPX times are usually UTC, so usually the UTC date); a time without a zone is
    taken as UTC, as the GPX schema says. `path` names the upload or file in errors.
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
        where = f"track {index + 1}"
        start = _first_time(track) or gpx.time
        if start is None:
            raise GpxFileError(path, f"{where} has no timestamps to date the run")
        seconds = _duration(path, where, track)
        duration = round(seconds) if seconds else None
        entry = RunEntry(run_day(_aware(path, where, start)), float(track.length_3d()), duration)
        runs.append(GpxRun(index + 1, entry, f"gpx:{digest}:{index}"))
    if not runs:
        raise GpxFileError(path, "no track with points; nothing to import")
    return runs


def _aware(path: str, where: str, moment: dt.datetime) -> dt.datetime:
    """A point's time with its zone (none means UTC), or an error for an impossible offset."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    try:
        moment.utcoffset()
    except (ValueError, TypeError) as exc:
        raise GpxFileError(
            path, f"{where}: time {moment:%Y-%m-%dT%H:%M:%S} has an impossible UTC offset"
        ) from exc
    return moment


def _duration(path: str, where: str, track: gpxpy.gpx.GPXTrack) -> float | None:
    """Seconds from the first to the last timed point of each segment, summed; None when a
    segment runs backwards. Naive and zoned times compare safely, unlike gpxpy's own sums."""
    total = 0.0
    for segment in track.segments:
        times = [_aware(path, where, p.time) for p in segment.points if p.time is not None]
        if len(times) < 2:
            continue
        if times[-1] < times[0]:
            return None
        total += (times[-1] - times[0]).total_seconds()
    return total


def _first_time(track: gpxpy.gpx.GPXTrack) -> dt.datetime | None:
    for segment in track.segments:
        for point in segment.points:
            if point.time is not None:
                return point.time
    return None
