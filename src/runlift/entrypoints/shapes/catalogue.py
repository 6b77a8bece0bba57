"""Catalogue exercises and built-in programs as the shared public shapes (`schemas`)."""

from __future__ import annotations

from runlift import schemas
from runlift.domain.exercise import Exercise
from runlift.domain.program import Program, ProgramItem
from runlift.domain.rules import Rule

__all__ = ["exercise_shape", "program_shape", "rule_shape", "search_hit_shape"]


def _dose(exercise: Exercise) -> schemas.Dose:
    dose = exercise.default
    return schemas.Dose(
        sets=dose.sets,
        reps=dose.reps,
        seconds=dose.seconds,
        rest_seconds=dose.rest_seconds,
        per_side=dose.per_side,
    )


def exercise_shape(exercise: Exercise) -> schemas.Exercise:
    """Every DESIGN section 3 field of one exercise, in a stable order."""
    return schemas.Exercise(
        slug=exercise.slug,
        name=exercise.name,
        aliases=exercise.aliases,
        status=exercise.status,
        replaced_by=exercise.replaced_by,
        category=exercise.category,
        patterns=exercise.patterns,
        primary_muscles=exercise.primary_muscles,
        secondary_muscles=exercise.secondary_muscles,
        muscle_heads=exercise.muscle_heads,
        equipment_options=tuple(tuple(sorted(option)) for option in exercise.equipment_options),
        unilateral=exercise.unilateral,
        lower_body=exercise.lower_body,
        level=exercise.level,
        max_intensity=exercise.max_intensity,
        impact=exercise.impact,
        injuries=exercise.injuries,
        default=_dose(exercise),
        easier=exercise.easier,
        harder=exercise.harder,
        steps=exercise.steps,
        cues=exercise.cues,
        mistakes=exercise.mistakes,
        sources=exercise.sources,
    )


def search_hit_shape(exercise: Exercise, score: float, matched: int) -> schemas.SearchHit:
    """A search result: the exercise with its score and how many query words it matched."""
    return schemas.SearchHit(**dict(exercise_shape(exercise)), score=score, matched=matched)


def _program_item(item: ProgramItem) -> schemas.ProgramItem:
    return schemas.ProgramItem(
        exercise=item.exercise,
        sets=item.sets,
        reps=item.reps,
        seconds=item.seconds,
        distance_m=item.distance_m,
        per_side=item.per_side,
        rest_seconds=item.rest_seconds,
        note=item.note,
    )


def program_shape(program: Program) -> schemas.Program:
    """The DESIGN section 6 program contract."""
    return schemas.Program(
        slug=program.slug,
        name=program.name,
        summary=program.summary,
        sources=program.sources,
        rounds=program.rounds,
        rest_between_rounds=program.rest_between_rounds,
        frequency=program.frequency,
        notes=program.notes,
        blocks=tuple(
            schemas.ProgramBlock(
                kind=block.kind,
                title=block.title,
                items=tuple(_program_item(item) for item in block.items),
            )
            for block in program.blocks
        ),
    )


def rule_shape(rule: Rule) -> schemas.Rule:
    """A coaching rule as the public shape."""
    return schemas.Rule(id=rule.id, rule=rule.summary, sources=rule.sources)
