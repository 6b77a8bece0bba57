"""A simulated runner who trains a plan through the log: what `today` shows, done and logged.

The runner mostly does what is asked, sometimes beats it, sometimes falls short (seeded, so every
run is the same). The simulation records what a coach would read: each day's targets and what was
logged, so tests can check the progression rules over whole training blocks.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from runlift.domain.library import Library
from runlift.domain.progression import Load, Target
from runlift.domain.vocab import Equipment, Units
from runlift.services import athletes, training
from runlift.services.athletes import UowFactory, profile_from_text
from runlift.services.training import SetEntry

NOW = dt.datetime(2026, 12, 1, 7, 0, tzinfo=dt.UTC)
LOADING = {"dumbbell", "kettlebell", "barbell", "leg_press", "cable_machine", "weight_plate"}
FIRST_LOAD = {Units.KG: 10.0, Units.LB: 20.0}


@dataclass(frozen=True, slots=True)
class Seen:
    """One target shown on a day, what the runner did, and the week it belonged to."""

    day: dt.date
    week: int
    deload: bool
    counts: bool
    block: str
    item: dict[str, object]
    target: Target
    reason: str
    outcome: str
    next_target: Target


@dataclass
class Simulation:
    """Everything one simulated runner saw and did."""

    name: str
    units: Units
    owned: dict[Equipment, tuple[float, ...]]
    seen: list[Seen] = field(default_factory=list)


def _outcome(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return "top"
    if roll < 0.7:
        return "beat"
    if roll < 0.9:
        return "mid"
    return "fail"


def _entries(
    target: Target, item: dict[str, object], outcome: str, units: Units, owned: list[float]
) -> list[SetEntry]:
    kit = {str(e) for e in item["equipment"]}  # type: ignore[attr-defined]
    load = target.load
    if load is None and kit & LOADING:
        start = FIRST_LOAD[units]
        load = Load(min(owned, key=lambda w: abs(w - start)) if owned else start, units)
    if target.reps is None:
        seconds = (target.seconds or 30) + {"beat": 10, "fail": -10}.get(outcome, 0)
        return [SetEntry(target.exercise, None, None, max(1, seconds)) for _ in range(target.sets)]
    low, high = target.reps
    reps = {"top": high, "beat": high + 2, "mid": (low + high) // 2, "fail": max(0, low - 1)}
    rir = None if target.rir is None else (0 if outcome == "fail" else target.rir)
    return [
        SetEntry(target.exercise, reps[outcome], load if kit & LOADING else None, None, rir)
        for _ in range(target.sets)
    ]


def simulate(
    make_uow: UowFactory,
    library: Library,
    profile_path: Path,
    start: dt.date,
    weeks: int,
    seed: int = 7,
) -> Simulation:
    """Create the athlete, then train `weeks` weeks of the plan day by day."""
    athlete, _ = athletes.create_athlete(
        make_uow,
        library,
        profile_path.read_text(encoding="utf-8"),
        str(profile_path),
        start,
        start,
        NOW,
    )
    profile = profile_from_text(profile_path.read_text(encoding="utf-8"))
    sim = Simulation(athlete.name, profile.units, dict(profile.weights))
    rng = random.Random(f"{seed}-{athlete.name}")
    for offset in range(weeks * 7):
        day = start + dt.timedelta(days=offset)
        view = training.day_view(make_uow, library, athlete.name, day)
        for record, targets in view.sessions:
            counts = bool(record.session.get("counts_for_progression", True))
            for shown in targets:
                if shown.decision is None:
                    continue
                target = shown.decision.target
                same = training.next_for(
                    make_uow, library, athlete.name, target.exercise, day
                ).target
                outcome = _outcome(rng)
                kit_piece = next(
                    (Equipment(e) for e in shown.item["equipment"] if e in LOADING), None
                )
                owned = list(profile.weights.get(kit_piece, ())) if kit_piece else []
                entries = _entries(target, shown.item, outcome, profile.units, owned)
                training.log_sets(make_uow, library, athlete.name, day, entries, day, NOW)
                sim.seen.append(
                    Seen(
                        day,
                        record.week,
                        record.deload,
                        counts,
                        shown.block,
                        shown.item,
                        target,
                        shown.decision.reason,
                        outcome,
                        same,
                    )
                )
    return sim
