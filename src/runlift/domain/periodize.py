"""Weeks to race day: which phase each week is in, and which weeks are deloads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runlift.domain.athlete import SHORT_RACES, Race
from runlift.domain.vocab import Level, RaceDistance


class Phase(StrEnum):
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RACE = "race"
    RECOVERY = "recovery"
    GENERAL = "general"


TRAINING_PHASES = frozenset({Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.GENERAL})
MAX_WEEKS = 104


@dataclass(frozen=True, slots=True)
class WeekFrame:
    """One calendar week of the plan before any session is placed in it."""

    number: int
    start: date
    phase: Phase
    deload: bool

    @property
    def end(self) -> date:
        """The Sunday that closes the week."""
        return self.start + timedelta(days=6)


def monday_of(day: date) -> date:
    """The Monday that starts the week containing `day`."""
    return day - timedelta(days=day.weekday())


def deload_cycle(level: Level, masters: bool = False) -> int:
    """Every 4th week is a deload, every 3rd for beginners and masters (rule: deload)."""
    return 3 if level is Level.BEGINNER or masters else 4


def _race_phases(weeks: int, distance: RaceDistance) -> list[Phase]:
    """Phases from first to race week, filled from the race backwards so short runways degrade."""
    taper_len = 1 if distance in SHORT_RACES else 2
    peak_len = 3 if distance in (RaceDistance.MARATHON, RaceDistance.ULTRA) else 2
    remaining = weeks - 1
    taper = min(taper_len, remaining)
    remaining -= taper
    peak = min(peak_len, remaining)
    remaining -= peak
    build = min(remaining, max(0, round(remaining * 0.4)))
    base = remaining - build
    return (
        [Phase.BASE] * base
        + [Phase.BUILD] * build
        + [Phase.PEAK] * peak
        + [Phase.TAPER] * taper
        + [Phase.RACE]
    )


def periodize(
    start: date,
    level: Level,
    race: Race | None,
    weeks: int = 12,
    recovery_weeks: int = 0,
    masters: bool = False,
) -> list[WeekFrame]:
    """The week frames from `start` to race week (plus recovery), or `weeks` general weeks."""
    first = monday_of(start)
    if race is not None and race.is_real and race.date is not None:
        count = (monday_of(race.date) - first).days // 7 + 1
        phases = _race_phases(count, race.distance) + [Phase.RECOVERY] * recovery_weeks
    else:
        phases = [Phase.GENERAL] * weeks
    cycle = deload_cycle(level, masters)
    frames = []
    for index, phase in enumerate(phases):
        number = index + 1
        deload = phase in TRAINING_PHASES and number % cycle == 0
        frames.append(WeekFrame(number, first + timedelta(weeks=index), phase, deload))
    return frames
