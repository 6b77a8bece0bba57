"""Small, valid plan and planned-session documents for tests that store plans by hand."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from runlift import schemas
from runlift.domain.vocab import BlockKind, Day, Equipment, SessionKind


def item(exercise: str = "goblet-squat", sets: int = 3) -> schemas.Item:
    """One planned item, as a plan holds it."""
    return schemas.Item(
        exercise=exercise,
        equipment=(Equipment.DUMBBELL,),
        sets=sets,
        reps=(8, 12),
        seconds=None,
        per_side=False,
        rest_seconds=90,
        intensity="RIR 2-3",
    )


def session(
    day: dt.date, title: str = "Strength A", exercises: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A planned session's content (what the store keeps per planned session)."""
    blocks = (schemas.Block(kind=BlockKind.MAIN, items=tuple(item(e) for e in exercises)),)
    return schemas.Session(
        date=day,
        day=list(Day)[day.weekday()],
        title=title,
        kind=SessionKind.STRENGTH,
        counts_for_progression=True,
        estimated_minutes=40,
        blocks=blocks if exercises else (),
        why=(),
    ).model_dump(mode="json")


def plan(athlete: str = "Ana", start: dt.date = dt.date(2026, 11, 16)) -> dict[str, Any]:
    """A plan document with no weeks: valid, and small enough to read in a test."""
    return schemas.Plan(
        athlete=athlete, start=start, race=None, protein=None, notes=(), weeks=()
    ).model_dump(mode="json")


def plan_text(athlete: str = "Ana", start: dt.date = dt.date(2026, 11, 16)) -> str:
    """The plan document as the store keeps it."""
    return json.dumps(plan(athlete, start), indent=2)
