"""Built-in programs: a seed's workout reproduced as blocks of prescribed items."""

from __future__ import annotations

from dataclasses import dataclass

from runlift.domain.vocab import BlockKind

IntOrRange = int | tuple[int, int]


@dataclass(frozen=True, slots=True)
class ProgramItem:
    """One exercise in a program with the dosage the source gives."""

    exercise: str
    sets: IntOrRange
    reps: tuple[int, int] | None
    seconds: int | None
    per_side: bool
    rest_seconds: IntOrRange
    distance_m: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ProgramBlock:
    """A run of items done together (a warm-up, the main work, a circuit...)."""

    kind: BlockKind
    items: tuple[ProgramItem, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Program:
    """A named, credited workout; `rounds` > 1 means the blocks are repeated as a circuit."""

    slug: str
    name: str
    summary: str
    sources: tuple[str, ...]
    rounds: int
    rest_between_rounds: IntOrRange | None
    frequency: str | None
    blocks: tuple[ProgramBlock, ...]
    notes: tuple[str, ...] = ()

    def exercise_slugs(self) -> list[str]:
        """Every exercise the program uses, in order."""
        return [item.exercise for block in self.blocks for item in block.items]
