"""Runs out of FIT activity files (what Garmin and most watches record): one run per session.

Each running session message gives a run: total_distance, total_timer_time (else
total_elapsed_time) and start_time's day by the run-day rule of `domain.dates`: the local date
when the activity message gives local_timestamp (local minus UTC is the watch's offset), else
the UTC date. Sessions of other sports (cycling, swimming...)
are skipped so they never count as running km; a session with no sport is taken as a run. A FIT
file that is not an activity (a workout, a course) is refused. The id is the file's SHA-256 plus
the session's index, so importing the same file twice is a no-op.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

from runlift.adapters.fit_reader import (
    FitActivity,
    FitContents,
    FitFormatError,
    FitLimits,
    FitSession,
    read_fit,
)
from runlift.domain.dates import run_day_from_utc
from runlift.domain.training_load import RunEntry

# FIT is compact: a 10-hour run recorded every second is about 1 MB, read in 0.03 s
# (benchmarks/fit.py). The size cap and the limits bound a hostile file's work: the CRC costs
# about 0.1-0.2 s for 4 MB here, and the worst walk, measured on this 2-core machine, is about
# 0.3 s in all: 4 MB of one-byte records (skipped, then refused past 500,000 records), 0.25 s
# for 500,000 timestamped or compressed-timestamp records, 0.16 s for 100,000 repeated
# definitions, 0.12 s for 10,000 different ones, 0.1 s for 1,000 decoded sessions. A real file
# has tens of thousands of records, a few hundred definitions and a handful of sessions.
MAX_BYTES = 4 * 1024 * 1024
LIMITS = FitLimits(records=500_000, definitions=100_000, layouts=10_000, messages=1_000)
FIT_EPOCH_UNIX = 631_065_600  # 1989-12-31T00:00:00Z, where FIT's clocks count from
ACTIVITY_FILE = 4
RUNNING = 1
# FIT's file types by number, to name a file that is not an activity.
FILE_TYPES = {
    1: "device",
    2: "settings",
    3: "sport",
    4: "activity",
    5: "workout",
    6: "course",
    7: "schedules",
    9: "weight",
    10: "totals",
    11: "goals",
    14: "blood_pressure",
    15: "monitoring_a",
    20: "activity_summary",
    28: "monitoring_daily",
    32: "monitoring_b",
    34: "segment",
    35: "segment_list",
    40: "exd_configuration",
}


class FitActivityError(ValueError):
    """The file cannot be read as FIT runs; `field` is the file's path, for the user."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.field = str(path)


@dataclass(frozen=True, slots=True)
class FitRun:
    """One session of a FIT file as a run (`session` counts from 1), with its stable id."""

    session: int
    run: RunEntry
    client_id: str


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FitActivityError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise FitActivityError(path, "file not found") from exc
    except OSError as exc:
        raise FitActivityError(path, "cannot read file") from exc


def _decode(path: Path | str, data: bytes) -> FitContents:
    try:
        return read_fit(data, LIMITS)
    except FitFormatError as exc:
        raise FitActivityError(path, f"not a valid FIT file ({exc})") from exc


def _local_offset(activity: FitActivity | None) -> dt.timedelta | None:
    """The watch's UTC offset: the activity's local_timestamp minus its timestamp, if both."""
    if activity is None or activity.timestamp is None or activity.local_timestamp is None:
        return None
    seconds = activity.local_timestamp - activity.timestamp
    if abs(seconds) > 24 * 3600:  # no time zone; and timedelta would overflow on some
        return None
    # Time zones are whole quarter hours; the two stamps may be taken a second apart.
    return dt.timedelta(minutes=15 * round(seconds / 900))


def _session_run(
    path: Path | str, number: int, session: FitSession, offset: dt.timedelta | None
) -> RunEntry:
    where = f"session {number}"
    distance = session.total_distance
    if distance is None or not math.isfinite(distance) or distance < 0:
        raise FitActivityError(path, f"{where}: no valid total_distance")
    seconds = session.total_timer_time or session.total_elapsed_time
    if seconds is not None and (not math.isfinite(seconds) or seconds < 0):
        raise FitActivityError(path, f"{where}: total time {seconds} is out of range")
    start = session.start_time
    if start is None:
        raise FitActivityError(path, f"{where}: no start_time to date the run")
    try:
        started = dt.datetime.fromtimestamp(start + FIT_EPOCH_UNIX, dt.UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise FitActivityError(path, f"{where}: start_time {start} is out of range") from exc
    day = run_day_from_utc(started, offset)
    return RunEntry(day, float(distance), round(seconds) if seconds else None, None)


def read_fit_runs(path: Path) -> list[FitRun]:
    """Every running session of a FIT activity file on disk as a run."""
    return parse_fit_runs(_read(path), str(path))


def parse_fit_runs(data: bytes, path: str) -> list[FitRun]:
    """Every running session of FIT activity data as a run."""
    if len(data) > MAX_BYTES:
        raise FitActivityError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    contents = _decode(path, data)
    kind = contents.file_type
    if kind is not None and kind != ACTIVITY_FILE:
        name = FILE_TYPES.get(kind, str(kind))
        raise FitActivityError(path, f"a FIT {name} file, not an activity; nothing to import")
    digest = hashlib.sha256(data).hexdigest()
    offset = _local_offset(contents.activity)
    runs = []
    for index, session in enumerate(contents.sessions):
        if session.sport is not None and session.sport != RUNNING:
            continue
        entry = _session_run(path, index + 1, session, offset)
        runs.append(FitRun(index + 1, entry, f"fit:{digest}:{index}"))
    if not runs:
        raise FitActivityError(path, "no running session; nothing to import")
    return runs
