"""The plan as the JSON document of DESIGN section 6."""

from __future__ import annotations

import json
from typing import Any

from runlift.domain.plan import Item, Plan, ProteinTarget, Session


def _item(item: Item) -> dict[str, Any]:
    return {
        "exercise": item.exercise,
        "equipment": [e.value for e in item.equipment],
        "sets": item.sets,
        "reps": list(item.reps) if item.reps else None,
        "seconds": item.seconds,
        "per_side": item.per_side,
        "rest_seconds": item.rest_seconds,
        "intensity": item.intensity,
        "tempo": item.tempo,
    }


def session_to_dict(session: Session) -> dict[str, Any]:
    """One session with its blocks and reasons."""
    return {
        "date": session.date.isoformat(),
        "day": session.day.value,
        "title": session.title,
        "kind": session.kind.value,
        "counts_for_progression": session.counts_for_progression,
        "estimated_minutes": session.estimated_minutes,
        "blocks": [
            {"kind": b.kind.value, "items": [_item(i) for i in b.items]} for b in session.blocks
        ],
        "why": list(session.why),
    }


def _protein(target: ProteinTarget | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "body_mass_kg": target.body_mass_kg,
        "daily_grams": list(target.daily_grams),
        "per_meal_grams": list(target.per_meal_grams),
        "seed_daily_grams": list(target.seed_daily_grams),
        "caveat": target.caveat,
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The whole plan, stable key order, dates as ISO strings."""
    race = plan.race
    return {
        "athlete": plan.athlete,
        "start": plan.start.isoformat(),
        "race": (
            {"distance": race.distance.value, "date": race.date.isoformat() if race.date else None}
            if race is not None
            else None
        ),
        "protein": _protein(plan.protein),
        "notes": list(plan.notes),
        "weeks": [
            {
                "number": w.number,
                "start": w.start.isoformat(),
                "phase": w.phase.value,
                "deload": w.deload,
                "runs": [{"date": r.date.isoformat(), "type": r.type.value} for r in w.runs],
                "sessions": [session_to_dict(s) for s in w.sessions],
            }
            for w in plan.weeks
        ],
    }


def dumps(document: object) -> str:
    """Stable JSON: same input, same bytes."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False)
