"""Training load next to the running: sRPE x minutes, weekly totals, and single-run spike flags.

Spikes follow Frandsen et al. 2025 (rule `run-spike`): a run more than 10% longer than the
longest run of the previous 30 days; no acute:chronic ratios, which the evidence does not back.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from runlift.domain.log import MAX_SRPE, LogError
from runlift.domain.shown import shown

SPIKE_RULE = "run-spike"
SPIKE_WINDOW_DAYS = 30
SPIKE_RATIO = 1.10
MIN_DISTANCE_M = 100.0
MAX_DISTANCE_M = 400_000.0
MIN_PACE_S_PER_KM = 90  # faster than the 100 m world record: a typo or a car ride
MAX_PACE_S_PER_KM = 3600  # an hour a kilometre still admits hiking ultras with stops
MAX_DURATION_S = 100 * 3600
DISTANCE_UNITS = {"km": 1000.0, "mi": 1609.344, "m": 1.0}


@dataclass(frozen=True, slots=True)
class RunEntry:
    """One run as the log keeps it: its day, distance, and when known its time and type."""

    date: dt.date
    distance_m: float
    duration_s: int | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Spike:
    """A run flagged by `run-spike`: the run, the previous 30 days' longest, and how much more."""

    run: RunEntry
    longest: RunEntry
    percent_over: float

    @property
    def band(self) -> str:
        """Frandsen 2025's bands, each with its own injury hazard (1.64, 1.52, 2.28)."""
        if self.percent_over <= 30:
            return "10-30%"
        if self.percent_over <= 100:
            return "30-100%"
        return ">100%"

    @property
    def rule(self) -> str:
        return SPIKE_RULE


@dataclass(frozen=True, slots=True)
class StrengthEntry:
    """A strength session for the load sums: its day, sRPE and minutes when known."""

    date: dt.date
    srpe: int | None
    minutes: float | None


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """One ISO week of running and strength, with the run spikes that fell in it."""

    week: str
    monday: dt.date
    run_km: float
    runs: int
    strength_sessions: int
    strength_load: int
    strength_unrated: int
    spikes: tuple[Spike, ...]


def session_load(srpe: int, minutes: float) -> int:
    """Foster's session load: CR-10 rating x minutes, in arbitrary units."""
    if not 0 <= srpe <= MAX_SRPE:
        raise LogError("srpe", f"{srpe} is out of range; accepted: 0-{MAX_SRPE}")
    if not math.isfinite(minutes) or minutes < 0:
        raise LogError("minutes", f"{minutes} must be zero or more")
    return round(srpe * minutes)


def parse_distance(text: str) -> float:
    """'12.5km', '8mi', '12500m' -> metres; other units are refused naming the accepted ones."""
    cleaned = text.strip().lower().replace(" ", "")
    for unit in ("km", "mi", "m"):
        if cleaned.endswith(unit):
            number = cleaned[: -len(unit)]
            try:
                value = float(number)
            except ValueError:
                break
            if not math.isfinite(value) or value <= 0:
                raise LogError("distance", f"{shown(text)} must be a positive distance")
            return value * DISTANCE_UNITS[unit]
    raise LogError(
        "distance", f"{shown(text)}: unknown unit; accepted: km, mi, m (e.g. 12.5km, 8mi)"
    )


def parse_minutes(text: str) -> int:
    """'52.5', '52:30' (mm:ss) or '1:05:00' (h:mm:ss) -> whole seconds, as watches show times."""
    cleaned = text.strip()
    example = "e.g. 52.5, 52:30 or 1:05:00"
    parts = cleaned.split(":")
    if len(parts) == 1:
        try:
            minutes = float(cleaned)
        except ValueError as exc:
            raise LogError("duration", f"{shown(text)} is not a time; {example}") from exc
        if not math.isfinite(minutes) or minutes <= 0:
            raise LogError("duration", f"{cleaned} must be more than 0")
        if minutes > MAX_DURATION_S / 60:
            raise LogError(
                "duration",
                f"{cleaned} is out of range; accepted: up to {MAX_DURATION_S // 60} (100 h)",
            )
        return round(minutes * 60)
    # isdecimal() is exactly what int() reads ('²' is a digit int() refuses).
    if len(parts) > 3 or not all(p.isdecimal() and len(p) <= 6 for p in parts):
        raise LogError("duration", f"{shown(text)} is not a time; {example}")
    numbers = [int(p) for p in parts]
    if any(n >= 60 for n in numbers[1:]) or any(len(p) != 2 for p in parts[1:]):
        raise LogError("duration", f"{shown(text)}: minutes and seconds run 00-59; {example}")
    seconds = 0
    for number in numbers:
        seconds = seconds * 60 + number
    if seconds <= 0:
        raise LogError("duration", f"{cleaned} must be more than 0")
    return seconds


def check_run(run: RunEntry) -> None:
    """Refuse runs nobody ran: distance outside 0.1-400 km, or a pace no human holds."""
    km = run.distance_m / 1000
    if not math.isfinite(run.distance_m) or not MIN_DISTANCE_M <= run.distance_m <= MAX_DISTANCE_M:
        raise LogError("distance", f"{km:g} km is out of range; accepted: 0.1-400 km")
    if run.duration_s is None:
        return
    if not 1 <= run.duration_s <= MAX_DURATION_S:
        raise LogError("duration", f"{run.duration_s} s is out of range; accepted: 1 s to 100 h")
    pace = run.duration_s / km
    if not MIN_PACE_S_PER_KM <= pace <= MAX_PACE_S_PER_KM:
        raise LogError(
            "duration",
            f"{run.duration_s / 60:g} min for {km:g} km is not plausible; "
            f"accepted pace: {MIN_PACE_S_PER_KM // 60}:{MIN_PACE_S_PER_KM % 60:02d}"
            f"-{MAX_PACE_S_PER_KM // 60}:00 min/km",
        )


def _order(run: RunEntry) -> tuple[dt.date, float, int, str]:
    return (run.date, run.distance_m, run.duration_s or 0, run.type or "")


def run_spikes(runs: Iterable[RunEntry], history_start: dt.date | None = None) -> list[Spike]:
    """Runs more than 10% longer than the longest of the 30 days before their day, by date.

    The window is the 30 calendar days before the run's day (runs on the same day do not judge
    each other, since their order is unknown); a run with no run in that window is not flagged.
    Nor is a run before the log holds 30 days of running (from `history_start`, the first run
    ever logged; default: the first run given): a short log has no longest run to judge by.
    """
    ordered = sorted(runs, key=_order)
    if not ordered:
        return []
    first_day = history_start if history_start is not None else ordered[0].date
    spikes: list[Spike] = []
    start = 0
    for index, run in enumerate(ordered):
        # Day differences, not `date - timedelta`: a stored date near year 1 cannot overflow.
        if (run.date - first_day).days < SPIKE_WINDOW_DAYS:
            continue
        while (run.date - ordered[start].date).days > SPIKE_WINDOW_DAYS:
            start += 1
        window = [r for r in ordered[start:index] if r.date < run.date]
        if not window:
            continue
        longest = max(window, key=lambda r: (r.distance_m, r.date))
        if run.distance_m > SPIKE_RATIO * longest.distance_m:
            percent = (run.distance_m / longest.distance_m - 1) * 100
            spikes.append(Spike(run, longest, round(percent, 1)))
    return spikes


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_summary(
    runs: Iterable[RunEntry],
    strength: Iterable[StrengthEntry],
    first: dt.date | None = None,
    last: dt.date | None = None,
    history_start: dt.date | None = None,
) -> list[WeekLoad]:
    """Every ISO week from `first` to `last` (default: the log's span), empty weeks included.

    Spikes are judged on all runs given, so runs before `first` still count as history.
    Strength load sums sRPE x minutes; sessions lacking either are counted as unrated.
    """
    runs = sorted(runs, key=_order)
    days = [r.date for r in runs]
    by_week_runs: dict[dt.date, list[RunEntry]] = {}
    for run in runs:
        by_week_runs.setdefault(_monday(run.date), []).append(run)
    by_week_sessions: dict[dt.date, list[StrengthEntry]] = {}
    for session in strength:
        days.append(session.date)
        by_week_sessions.setdefault(_monday(session.date), []).append(session)
    by_week_spikes: dict[dt.date, list[Spike]] = {}
    for spike in run_spikes(runs, history_start):
        by_week_spikes.setdefault(_monday(spike.run.date), []).append(spike)
    if first is None and not days:
        return []
    start = _monday(first if first is not None else min(days))
    end = _monday(last if last is not None else max(days, default=start))
    weeks: list[WeekLoad] = []
    count = (end - start).days // 7 + 1
    for monday in (start + dt.timedelta(weeks=i) for i in range(max(count, 0))):
        week_runs = by_week_runs.get(monday, [])
        sessions = by_week_sessions.get(monday, [])
        loads = [
            session_load(s.srpe, s.minutes)
            for s in sessions
            if s.srpe is not None and s.minutes is not None
        ]
        year, number, _ = monday.isocalendar()
        weeks.append(
            WeekLoad(
                week=f"{year}-W{number:02d}",
                monday=monday,
                run_km=round(sum(r.distance_m for r in week_runs) / 1000, 2),
                runs=len(week_runs),
                strength_sessions=len(sessions),
                strength_load=sum(loads),
                strength_unrated=len(sessions) - len(loads),
                spikes=tuple(by_week_spikes.get(monday, [])),
            )
        )
    return weeks
