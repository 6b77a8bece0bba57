"""Onboarding: the profile questions as one form that works without JavaScript, ending in the plan.

The answers are checked by the profile file's own validation; a refused value re-renders the
form with the field named and everything as typed, and nothing is stored.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.protocols import INJURY_NAMES
from runlift.domain.vocab import Day, Equipment
from runlift.entrypoints.web.deps import CoreDep
from runlift.entrypoints.web.pages.render import redirect, render
from runlift.entrypoints.web.pages.session import CSRF_FIELD, SignedIn, check_csrf
from runlift.services.coaching import athlete_access
from runlift.services.errors import BadInput, RunliftError
from runlift.services.onboarding import ProfileAnswers, onboarding_answers, plan_from_answers

router = APIRouter(include_in_schema=False)
MAX_ANSWER = 400  # far beyond any real answer; a longer one is refused, not read
LEVELS = (
    ("beginner", "Beginner: new to strength training"),
    ("intermediate", "Intermediate: I have trained with weights before"),
    ("advanced", "Advanced: years of regular lifting"),
)
LIFTING = (
    ("", "Let the plan decide from my level"),
    ("none", "None lately"),
    ("some", "Some, now and then"),
    ("regular", "Regularly, every week"),
)
UNITS = (("kg", "Kilograms (kg)"), ("lb", "Pounds (lb)"))
RACES = (
    ("none", "No race: general strength"),
    ("5k", "5 km"),
    ("10k", "10 km"),
    ("half_marathon", "Half marathon"),
    ("marathon", "Marathon"),
    ("ultra", "Ultra"),
)
RUN_TYPES = (
    ("", "No run"),
    ("easy", "Easy run"),
    ("long", "Long run"),
    ("intervals", "Intervals"),
    ("tempo", "Tempo run"),
    ("hills", "Hills"),
    ("race", "Race"),
    ("cross", "Cross-training"),
)
DAYS = tuple(
    (day.value, name)
    for day, name in zip(
        Day,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
KIT = {
    Equipment.DUMBBELL: "Dumbbells",
    Equipment.KETTLEBELL: "Kettlebell",
    Equipment.BARBELL: "Barbell",
    Equipment.MEDICINE_BALL: "Medicine ball",
    Equipment.BENCH: "Bench",
    Equipment.BOX: "Box or sturdy step",
    Equipment.PULL_UP_BAR: "Pull-up bar",
    Equipment.RESISTANCE_BAND: "Resistance band",
    Equipment.MINI_BAND: "Mini band",
    Equipment.STABILITY_BALL: "Stability ball",
    Equipment.AB_WHEEL: "Ab wheel",
    Equipment.FOAM_ROLLER: "Foam roller",
    Equipment.SLIDERS: "Sliders",
    Equipment.LEG_PRESS: "Leg press",
    Equipment.CABLE_MACHINE: "Cable machine",
    Equipment.WEIGHT_PLATE: "Weight plates",
    Equipment.MAT: "Mat",
    Equipment.TOWEL: "Towel",
}
EQUIPMENT = tuple((piece.value, KIT[piece]) for piece in Equipment)
LOADED = tuple((piece.value, KIT[piece]) for piece in Equipment if piece in LOADING_EQUIPMENT)
INJURIES = tuple(
    (injury.value, name[:1].upper() + name[1:]) for injury, name in INJURY_NAMES.items()
)
FIELD_NAMES = {
    "name": "Name",
    "level": "Level",
    "lifting": "Lifting lately",
    "age": "Age",
    "units": "Units",
    "race.distance": "Race",
    "race.date": "Race date",
    "strength.sessions_per_week": "Strength sessions a week",
    "strength.minutes_per_session": "Minutes per session",
    "strength.preferred_days": "Preferred strength days",
    "equipment": "Kit you own",
    "weights": "Weights you own",
    "runs": "Your runs",
    "injuries": "Old injuries",
    "start": "Plan start",
}


async def _form(request: Request) -> FormData:
    """The posted form, read before the (synchronous) route runs."""
    return await request.form()


PostedForm = Annotated[FormData, Depends(_form)]


def field_label(field: str | None) -> str:
    """The question a refused field belongs to, as the form names it."""
    if not field:
        return "Profile"
    if field in FIELD_NAMES:
        return FIELD_NAMES[field]
    head, _, tail = field.partition(".")
    if head == "weights" and tail:
        return f"{KIT.get(Equipment(tail), tail) if tail in set(Equipment) else tail} loads"
    if head == "runs" and tail:
        return f"Run on {dict(DAYS).get(tail, tail)}"
    return FIELD_NAMES.get(head, field)


def field_id(field: str | None) -> str:
    """The id of the form control (or group) a refused field belongs to."""
    return (field or "profile").replace(".", "_")


def _text(form: FormData, key: str) -> str:
    value = form.get(key, "")
    text = value if isinstance(value, str) else ""
    if len(text) > MAX_ANSWER:
        nested = key.startswith(("race_", "strength_", "weights_", "runs_"))
        raise BadInput(key.replace("_", ".", 1) if nested else key, "is too long")
    return text


def _many(form: FormData, key: str) -> tuple[str, ...]:
    values = [v for v in form.getlist(key) if isinstance(v, str)]
    return tuple(v[:MAX_ANSWER] for v in values[:64])


def answers_from_form(form: FormData) -> ProfileAnswers:
    """The posted answers as typed."""
    return ProfileAnswers(
        name=_text(form, "name"),
        level=_text(form, "level"),
        lifting=_text(form, "lifting"),
        age=_text(form, "age"),
        units=_text(form, "units"),
        race_distance=_text(form, "race_distance"),
        race_date=_text(form, "race_date"),
        sessions_per_week=_text(form, "strength_sessions_per_week"),
        minutes_per_session=_text(form, "strength_minutes_per_session"),
        preferred_days=_many(form, "strength_preferred_days"),
        equipment=_many(form, "equipment"),
        weights={piece: _text(form, f"weights_{piece}") for piece, _ in LOADED},
        runs={day: _text(form, f"runs_{day}") for day, _ in DAYS},
        injuries=_many(form, "injuries"),
        start=_text(form, "start"),
    )


def _context(answers: ProfileAnswers, error: RunliftError | None, again: bool) -> dict[str, Any]:
    return {
        "title": "Your plan" if again else "Your profile",
        "answers": answers,
        "again": again,
        "error": error,
        "error_label": field_label(error.field) if error else None,
        "error_id": field_id(error.field) if error else None,
        "levels": LEVELS,
        "lifting": LIFTING,
        "units": UNITS,
        "races": RACES,
        "run_types": RUN_TYPES,
        "days": DAYS,
        "equipment": EQUIPMENT,
        "loaded": LOADED,
        "injuries": INJURIES,
    }


@router.get("/onboarding", response_class=HTMLResponse)
def onboarding_form(request: Request, account: SignedIn, core: CoreDep) -> Response:
    """The profile questions, pre-filled from the stored profile when there is one."""
    athlete = athlete_access(core.uow_factory(), account, "me")
    answers, again = onboarding_answers(core.uow_factory(), athlete.name, account.name)
    return render(request, "onboarding.html", _context(answers, None, again), account=account)


@router.post("/onboarding", response_class=HTMLResponse)
def onboarding(request: Request, account: SignedIn, core: CoreDep, form: PostedForm) -> Response:
    """Store the profile and (re-)plan; a refused answer shows the form again, as typed."""
    value = form.get(CSRF_FIELD)
    check_csrf(request, value if isinstance(value, str) else "")
    athlete = athlete_access(core.uow_factory(), account, "me")
    again = form.get("again") == "1"
    answers = ProfileAnswers()
    try:
        answers = answers_from_form(form)
        plan_from_answers(
            core.uow_factory(), core.library, athlete.name, answers,
            core.today(), core.now(), by=account.id,
        )  # fmt: skip
    except RunliftError as exc:
        context = _context(answers, exc, again)
        return render(
            request, "onboarding.html", context, account=account, status_code=exc.http_status
        )
    return redirect(request, "/plan")
