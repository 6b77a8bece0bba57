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
from typing import Any

from fit_tool.fit_file import FitFile
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Sport

from runlift.domain.dates import run_day_from_utc
from runlift.domain.training_load import RunEntry

# FIT is compact: a 10-hour run recorded every second is about 1 MB. fit-tool decodes only some
# tens of KB a second, so the bound is kept near what watches write (see the report in issue 10).
MAX_BYTES = 4 * 1024 * 1024
FIT_EPOCH_UNIX = 631_065_600  # 1989-12-31T00:00:00Z, where FIT's clocks count from


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


def _decode(path: Path | str, data: bytes) -> list[Any]:
    try:
        fit = FitFile.from_bytes(data)
    # The bytes are untrusted and fit-tool raises FitError but also struct/index errors on
    # some corrupt input: any failure to decode is the file's fault, reported as one line.
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FitActivityError(path, f"not a valid FIT file ({reason})") from exc
    return [record.message for record in fit.records]


def _value(value: Any) -> int | None:
    """An enum field as its number (fit-tool gives ints or enum members)."""
    if value is None:
        return None
    return int(getattr(value, "value", value))


def _local_offset(messages: list[Any]) -> dt.timedelta | None:
    """The watch's UTC offset: the activity's local_timestamp minus its timestamp, if both."""
    activity = next((m for m in messages if isinstance(m, ActivityMessage)), None)
    if activity is None or activity.timestamp is None or activity.local_timestamp is None:
        return None
    local_unix = activity.local_timestamp + FIT_EPOCH_UNIX
    seconds = local_unix - activity.timestamp / 1000
    # Time zones are whole quarter hours; the two stamps may be taken a second apart.
    return dt.timedelta(minutes=15 * round(seconds / 900))


def _session_run(
    path: Path | str, number: int, session: SessionMessage, offset: dt.timedelta | None
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
        started = dt.datetime.fromtimestamp(start / 1000, dt.UTC)
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
    messages = _decode(path, data)
    file_id = next((m for m in messages if isinstance(m, FileIdMessage)), None)
    kind = _value(file_id.type) if file_id is not None else None
    if kind is not None and kind != FileType.ACTIVITY.value:
        name = next((t.name.lower() for t in FileType if t.value == kind), str(kind))
        raise FitActivityError(path, f"a FIT {name} file, not an activity; nothing to import")
    digest = hashlib.sha256(data).hexdigest()
    sessions = [m for m in messages if isinstance(m, SessionMessage)]
    offset = _local_offset(messages)
    runs = []
    for index, session in enumerate(sessions):
        sport = _value(session.sport)
        if sport is not None and sport != Sport.RUNNING.value:
            continue
        entry = _session_run(path, index + 1, session, offset)
        runs.append(FitRun(index + 1, entry, f"fit:{digest}:{index}"))
    if not runs:
        raise FitActivityError(path, "no running session; nothing to import")
    return runs
