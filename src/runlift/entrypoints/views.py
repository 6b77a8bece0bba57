"""Domain objects as plain JSON-ready dicts: the documented JSON contract lives here."""

from __future__ import annotations

from typing import Any

from runlift.adapters.plan_json import dumps
from runlift.domain.exercise import Exercise
from runlift.domain.program import IntOrRange, Program

__all__ = ["dumps", "exercise_to_dict", "program_to_dict"]


def _range(value: IntOrRange | None) -> int | list[int] | None:
    return list(value) if isinstance(value, tuple) else value


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """Every DESIGN section 3 field, in a stable order."""
    dose = exercise.default
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "status": exercise.status.value,
        "replaced_by": exercise.replaced_by,
        "category": exercise.category.value,
        "patterns": [p.value for p in exercise.patterns],
        "primary_muscles": [m.value for m in exercise.primary_muscles],
        "secondary_muscles": [m.value for m in exercise.secondary_muscles],
        "muscle_heads": list(exercise.muscle_heads),
        "equipment_options": [
            sorted(e.value for e in option) for option in exercise.equipment_options
        ],
        "unilateral": exercise.unilateral,
        "lower_body": exercise.lower_body,
        "level": exercise.level.value,
        "max_intensity": exercise.max_intensity.value,
        "impact": exercise.impact.value,
        "injuries": [i.value for i in exercise.injuries],
        "default": {
            "sets": dose.sets,
            "reps": _range(dose.reps),
            "seconds": dose.seconds,
            "rest_seconds": dose.rest_seconds,
            "per_side": dose.per_side,
        },
        "easier": list(exercise.easier),
        "harder": list(exercise.harder),
        "steps": list(exercise.steps),
        "cues": list(exercise.cues),
        "mistakes": list(exercise.mistakes),
        "sources": list(exercise.sources),
    }


def program_to_dict(program: Program) -> dict[str, Any]:
    """The DESIGN section 6 program contract."""
    return {
        "slug": program.slug,
        "name": program.name,
        "summary": program.summary,
        "sources": list(program.sources),
        "rounds": program.rounds,
        "rest_between_rounds": _range(program.rest_between_rounds),
        "frequency": program.frequency,
        "notes": list(program.notes),
        "blocks": [
            {
                "kind": block.kind.value,
                "title": block.title,
                "items": [
                    {
                        "exercise": item.exercise,
                        "sets": _range(item.sets),
                        "reps": _range(item.reps),
                        "seconds": item.seconds,
                        "distance_m": item.distance_m,
                        "per_side": item.per_side,
                        "rest_seconds": _range(item.rest_seconds),
                        "note": item.note,
                    }
                    for item in block.items
                ],
            }
            for block in program.blocks
        ],
    }
