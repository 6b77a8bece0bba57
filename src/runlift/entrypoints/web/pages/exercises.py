"""The exercise library, open to everyone: search and filters as a plain GET form, and each
exercise's card (muscles, kit, level, impact, injuries it helps, how-to, easier and harder)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from runlift.domain.exercise import Exercise
from runlift.domain.vocab import Equipment, Injury, Level, MuscleGroup
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.exercise_labels import choices, label
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import MaybeAccount
from runlift.services.catalogue import get_exercise
from runlift.services.errors import NotFound, RunliftError
from runlift.services.exercise_page import find_exercises

router = APIRouter(include_in_schema=False)
Word = Annotated[str, Query(max_length=80)]
BODYWEIGHT = "none"


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The filters' options with human names, ids as values (the CLI's filter ids)."""
    return {
        "equipment": [(BODYWEIGHT, "Bodyweight only"), *choices(Equipment)],
        "muscle": choices(MuscleGroup),
        "injury": choices(Injury),
        "level": choices(Level),
    }


def kit_text(exercise: Exercise) -> str:
    """'Bodyweight', or each kit option ('Dumbbell + Bench') joined by ' or '."""
    options = [
        " + ".join(label(e.value) for e in sorted(option)) if option else "Bodyweight"
        for option in exercise.equipment_options
    ]
    return " or ".join(options)


@router.get("/exercises", response_class=HTMLResponse)
def library(
    request: Request,
    core: CoreDep,
    account: MaybeAccount,
    q: Word = "",
    equipment: Word = "",
    muscle: Word = "",
    injury: Word = "",
    level: Word = "",
) -> Response:
    """The library: every exercise by name, or what the words and filters find."""
    values = {"q": q, "equipment": equipment, "muscle": muscle, "injury": injury, "level": level}
    context: dict[str, Any] = {
        "title": "Exercises",
        "values": values,
        "choices": filter_choices(),
        "filtered": any(v.strip() for v in values.values()),
        "error": None,
        "found": [],
    }
    try:
        context["found"] = find_exercises(
            core.library,
            q,
            equipment=equipment or None,
            muscle=muscle or None,
            injury=injury or None,
            level=level or None,
        )
    except RunliftError as exc:
        context["error"] = exc
        return render(
            request, "exercises.html", context, account=account, status_code=exc.http_status
        )
    context["kit"] = {e.slug: kit_text(e) for e in context["found"]}
    return render(request, "exercises.html", context, account=account)


@router.get("/exercises/{slug}", response_class=HTMLResponse)
def card(
    request: Request,
    core: CoreDep,
    account: MaybeAccount,
    slug: Annotated[str, Path(max_length=120)],
) -> Response:
    """One exercise's card; a name or alias goes to its slug; an unknown one gets suggestions."""
    catalogue = core.library.catalogue
    try:
        exercise = get_exercise(core.library, slug)
    except NotFound as exc:
        suggested = [catalogue.exercises[s] for s in exc.suggestions if s in catalogue.exercises]
        missing = {"title": "No such exercise", "slug": slug, "suggested": suggested}
        return render(request, "exercise_missing.html", missing, account=account, status_code=404)
    if exercise.slug != slug:
        return redirect(request, f"/exercises/{exercise.slug}")
    known = catalogue.exercises
    context: dict[str, Any] = {
        "title": exercise.name,
        "exercise": exercise,
        "muscles": ", ".join(label(m.value) for m in exercise.primary_muscles),
        "also": ", ".join(label(m.value) for m in exercise.secondary_muscles),
        "injuries": ", ".join(label(i.value) for i in exercise.injuries),
        "kit": kit_text(exercise),
        "level": label(exercise.level.value),
        "impact": label(exercise.impact.value),
        "easier": [known[s] for s in exercise.easier if s in known],
        "harder": [known[s] for s in exercise.harder if s in known],
        "replaced_by": known.get(exercise.replaced_by) if exercise.replaced_by else None,
    }
    return render(request, "exercise.html", context, account=account)
