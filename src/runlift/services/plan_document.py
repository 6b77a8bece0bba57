"""The plan as the JSON document of DESIGN section 6, built from the shared `schemas.Plan`."""

from __future__ import annotations

import json
from typing import Any

from runlift import schemas
from runlift.domain.plan import Item, Plan, ProteinTarget, Session


def _item(item: Item) -> schemas.Item:
    return schemas.Item(
        exercise=item.exercise,
        equipment=item.equipment,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        per_side=item.per_side,
        rest_seconds=item.rest_seconds,
        intensity=item.intensity,
        tempo=item.tempo,
    )


def session_shape(session: Session) -> schemas.Session:
    """One session with its blocks and reasons, as the public shape."""
    return schemas.Session(
        date=session.date,
        day=session.day,
        title=session.title,
        kind=session.kind,
        counts_for_progression=session.counts_for_progression,
        estimated_minutes=session.estimated_minutes,
        blocks=tuple(
            schemas.Block(kind=b.kind, items=tuple(_item(i) for i in b.items))
            for b in session.blocks
        ),
        why=session.why,
    )


def _protein(target: ProteinTarget | None) -> schemas.Protein | None:
    if target is None:
        return None
    return schemas.Protein(
        body_mass_kg=target.body_mass_kg,
        daily_grams=target.daily_grams,
        per_meal_grams=target.per_meal_grams,
        seed_daily_grams=target.seed_daily_grams,
        caveat=target.caveat,
    )


def plan_shape(plan: Plan) -> schemas.Plan:
    """The whole plan as the public shape."""
    race = plan.race
    return schemas.Plan(
        athlete=plan.athlete,
        start=plan.start,
        race=None if race is None else schemas.Race(distance=race.distance, date=race.date),
        protein=_protein(plan.protein),
        notes=plan.notes,
        weeks=tuple(
            schemas.Week(
                number=w.number,
                start=w.start,
                phase=w.phase,
                deload=w.deload,
                runs=tuple(schemas.PlannedRun(date=r.date, type=r.type) for r in w.runs),
                sessions=tuple(session_shape(s) for s in w.sessions),
            )
            for w in plan.weeks
        ),
    )


def session_to_dict(session: Session) -> dict[str, Any]:
    """One session as plain JSON data (the form stored with each planned session)."""
    return session_shape(session).model_dump(mode="json")


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole plan as plain JSON data: stable key order, dates as ISO strings."""
    return plan_shape(plan).model_dump(mode="json")


def dumps(document: object) -> str:
    """Stable JSON: same input, same bytes."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False)
