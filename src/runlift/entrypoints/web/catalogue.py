"""The public catalogue: exercises, built-in programs and coaching rules (no sign-in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from runlift import schemas
from runlift.domain.rules import RULES
from runlift.entrypoints.shapes import catalogue as shapes
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.errors import responses
from runlift.services import catalogue

router = APIRouter(tags=["catalogue"])
Filter = Annotated[str | None, Query(max_length=60)]


@router.get("/exercises", response_model=list[schemas.Exercise], responses=responses(422))
def exercises(
    core: CoreDep,
    equipment: Annotated[list[str], Query(max_length=30)] = [],  # noqa: B006 (FastAPI copies it)
    muscle: Filter = None,
    injury: Filter = None,
    category: Filter = None,
    level: Filter = None,
) -> list[schemas.Exercise]:
    """Exercises for the kit given (bodyweight ones always), by muscle, injury, category, level."""
    found = catalogue.list_exercises(
        core.library,
        equipment=equipment,
        muscle=muscle,
        injury=injury,
        category=category,
        level=level,
        bodyweight_only=bool(equipment),
    )
    return [shapes.exercise_shape(e) for e in found]


@router.get("/exercises/{slug}", response_model=schemas.Exercise, responses=responses(404))
def exercise(slug: str, core: CoreDep) -> schemas.Exercise:
    """One exercise by slug, name or alias."""
    return shapes.exercise_shape(catalogue.get_exercise(core.library, slug))


@router.get("/programs", response_model=list[schemas.Program], responses=responses())
def programs(core: CoreDep) -> list[schemas.Program]:
    """The built-in programs, by slug."""
    found = sorted(core.library.programs.values(), key=lambda p: p.slug)
    return [shapes.program_shape(p) for p in found]


@router.get("/programs/{slug}", response_model=schemas.Program, responses=responses(404))
def program(slug: str, core: CoreDep) -> schemas.Program:
    """One built-in program by slug."""
    return shapes.program_shape(catalogue.get_program(core.library, slug))


@router.get("/rules", response_model=list[schemas.Rule], responses=responses())
def rules() -> list[schemas.Rule]:
    """Every coaching rule with its sources."""
    return [shapes.rule_shape(r) for r in RULES]
