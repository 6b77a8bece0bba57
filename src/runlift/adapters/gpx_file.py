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

MAX_BYTES = 64 * 1024 * 1024  # any run file (TCX, FIT) before it is parsed

# What a real GPX holds, with a wide margin: a 4-hour run recorded every second is 14,400 points
# in 4.5 MB with 4 namespace declarations. gpxpy finds namespaces with regular expressions over
# the whole text, which a few thousand crafted declarations make take minutes; these cheap counts
# come first, so a hostile file is refused before any parsing.
MAX_GPX_BYTES = 32 * 1024 * 1024
MAX_GPX_POINTS = 100_000  # 27 hours at one point a second
MAX_NAMESPACES = 64
NAMESPACE_SPAN = 4096  # from 'xmlns' to the end of its quoted URI
SCHEMA_SPAN = 64 * 1024


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
    check_gpx_bounds(data, path)
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


def check_gpx_bounds(data: bytes, path: str) -> None:
    """Refuse, in linear time, a GPX beyond what any watch writes, before gpxpy sees it."""
    if len(data) > MAX_GPX_BYTES:
        raise GpxFileError(path, f"larger than {MAX_GPX_BYTES // (1024 * 1024)} MB")
    points = sum(data.count(tag) for tag in (b"<trkpt", b"<rtept", b"<wpt"))
    if points > MAX_GPX_POINTS:
        raise GpxFileError(path, f"{points} points; at most {MAX_GPX_POINTS} are accepted")
    declarations = data.count(b"xmlns") + data.count(b"schemaLocation")
    if declarations > MAX_NAMESPACES:
        raise GpxFileError(
            path, f"{declarations} namespace declarations; at most {MAX_NAMESPACES} are accepted"
        )
    for word, span in ((b"xmlns", NAMESPACE_SPAN), (b"schemaLocation", SCHEMA_SPAN)):
        start = data.find(word)
        while start != -1:
            if not _quoted_soon(data, start + len(word), span):
                raise GpxFileError(
                    path, f"not a valid GPX file ({word.decode()} without a short quoted value)"
                )
            start = data.find(word, start + len(word))


def _quoted_soon(data: bytes, start: int, span: int) -> bool:
    """Whether '=' and a quoted value (opening and closing quote) follow within `span` bytes."""
    end = start + span
    equals = data.find(b"=", start, end)
    if equals == -1:
        return False
    quotes = [i for i in (data.find(b'"', equals, end), data.find(b"'", equals, end)) if i != -1]
    if not quotes:
        return False
    opening = min(quotes)
    return data.find(data[opening : opening + 1], opening + 1, end) != -1


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
