"""The plan as data: weeks of dated sessions made of blocks of prescribed items."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from runlift.domain.athlete import Race
from runlift.domain.periodize import Phase
from runlift.domain.vocab import BlockKind, Day, Equipment, RunType, SessionKind

TRANSITION_SECONDS = 20
SECONDS_PER_REP = {
    BlockKind.MAIN: 4.0,
    BlockKind.CORE: 3.0,
    BlockKind.PLYOMETRIC: 1.5,
    BlockKind.WARMUP: 2.5,
    BlockKind.CIRCUIT: 3.0,
    BlockKind.FOAM_ROLL: 3.0,
    BlockKind.COOLDOWN: 3.0,
}


@dataclass(frozen=True, slots=True)
class Item:
    """One exercise with its concrete prescription."""

    exercise: str
    equipment: tuple[Equipment, ...]
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    per_side: bool
    rest_seconds: int
    intensity: str
    note: str | None = None
    tempo: str | None = None

    def work_seconds(self, kind: BlockKind) -> float:
        """Time under work for one set (both sides when per side)."""
        if self.reps is not None:
            middle = (self.reps[0] + self.reps[1]) / 2
            work = middle * (tempo_seconds(self.tempo) or SECONDS_PER_REP[kind])
        else:
            work = float(self.seconds or 0)
        return work * (2 if self.per_side else 1)

    def total_seconds(self, kind: BlockKind) -> float:
        """Work, rest between sets, and the time to set up."""
        rest = self.rest_seconds * (self.sets - 1)
        return self.sets * self.work_seconds(kind) + rest + TRANSITION_SECONDS

    @property
    def contacts(self) -> int:
        """Foot contacts for a jump item: sets x top of the rep range (x2 per side)."""
        if self.reps is None:
            return 0
        return self.sets * self.reps[1] * (2 if self.per_side else 1)


def tempo_seconds(tempo: str | None) -> float | None:
    """Seconds per rep of a tempo such as '3-0-3' (lower, pause, lift), None without one."""
    if tempo is None:
        return None
    return float(sum(int(part) for part in tempo.split("-")))


@dataclass(frozen=True, slots=True)
class Block:
    """A part of a session: warm-up, main work, jumps, core..."""

    kind: BlockKind
    items: tuple[Item, ...]

    def seconds(self) -> float:
        """How long the block takes."""
        return sum(item.total_seconds(self.kind) for item in self.items)


@dataclass(frozen=True, slots=True)
class Session:
    """One dated session and the reasons behind it.

    `role` says what the session is for (training, deload, activation, recovery, rehab);
    only what is logged in sessions that count moves the runner's targets.
    """

    date: date
    title: str
    kind: SessionKind
    blocks: tuple[Block, ...]
    why: tuple[str, ...]
    role: str = "training"

    @property
    def counts_for_progression(self) -> bool:
        """Deload, taper, race-week and recovery work never sets the next working load."""
        return self.role in ("training", "rehab")

    @property
    def day(self) -> Day:
        """The weekday of the session."""
        return list(Day)[self.date.weekday()]

    @property
    def estimated_minutes(self) -> int:
        """Whole minutes computed from the session's own items."""
        return estimate_minutes(self.blocks)

    def items(self, kind: BlockKind | None = None) -> list[Item]:
        """All items, or those of one block kind, in order."""
        return [i for b in self.blocks if kind is None or b.kind is kind for i in b.items]


def estimate_minutes(blocks: tuple[Block, ...] | list[Block]) -> int:
    """Total minutes, rounded up."""
    return math.ceil(sum(block.seconds() for block in blocks) / 60)


@dataclass(frozen=True, slots=True)
class PlannedRun:
    """A run from the runner's week, placed on its date."""

    date: date
    type: RunType


@dataclass(frozen=True, slots=True)
class Week:
    """A plan week: its phase, runs and strength sessions."""

    number: int
    start: date
    phase: Phase
    deload: bool
    runs: tuple[PlannedRun, ...]
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True)
class ProteinTarget:
    """Daily protein from the evidence, with the seed's higher figure shown for comparison."""

    body_mass_kg: float
    daily_grams: tuple[int, int]
    per_meal_grams: tuple[int, int]
    seed_daily_grams: tuple[int, int]
    caveat: str


@dataclass(frozen=True, slots=True)
class Plan:
    """A dated strength plan fitted around the runner's week and race."""

    athlete: str
    start: date
    race: Race | None
    weeks: tuple[Week, ...]
    protein: ProteinTarget | None
    notes: tuple[str, ...]

    def sessions(self) -> list[Session]:
        """Every session in date order."""
        return [s for w in self.weeks for s in w.sessions]
