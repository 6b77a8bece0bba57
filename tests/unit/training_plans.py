"""Hand-made plans and stores for the training services: fixed items, so the tests pin the
progression rules and not whatever the plan builder picks this week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from fakes import FakeStore

from runlift.domain.library import Library
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services import training
from runlift.services.ports import PlannedSessionRecord
from runlift.services.training import SetEntry

START = dt.date(2026, 1, 5)  # a Monday
NOW = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Item = tuple[str, dict[str, Any]]

PROFILE = """\
name: Tess
level: intermediate
units: {units}
strength: {{sessions_per_week: 2, minutes_per_session: 40, preferred_days: [tue, thu]}}
equipment: [{equipment}]
runs: {{mon: easy, wed: intervals, sat: easy, sun: long}}
{extra}"""


def profile(
    equipment: Sequence[str] = ("dumbbell", "kettlebell", "bench", "mini_band"),
    units: str = "kg",
    weights: Mapping[str, Sequence[float]] | None = None,
) -> str:
    """A valid profile text with this kit, these units and, optionally, the loads owned."""
    extra = ""
    if weights:
        owned = ", ".join(f"{k}: [{', '.join(f'{w:g}' for w in v)}]" for k, v in weights.items())
        extra = f"weights: {{{owned}}}\n"
    return PROFILE.format(units=units, equipment=", ".join(equipment), extra=extra)


def item(
    slug: str,
    block: str = "main",
    kit: Sequence[str] = (),
    sets: int = 3,
    reps: tuple[int, int] | None = (8, 12),
    seconds: int | None = None,
    intensity: str = "RIR 2",
    tempo: str | None = None,
) -> Item:
    """One plan item in the plan JSON shape, with its block kind."""
    data: dict[str, Any] = {
        "exercise": slug,
        "equipment": list(kit),
        "sets": sets,
        "reps": list(reps) if reps else None,
        "seconds": seconds,
        "per_side": False,
        "rest_seconds": 90,
        "intensity": intensity,
    }
    if tempo is not None:
        data["tempo"] = tempo
    return block, data


def session(
    day: dt.date,
    items: Sequence[Item],
    week: int = 1,
    deload: bool = False,
    counts: bool | None = None,
    position: int = 0,
) -> PlannedSessionRecord:
    """A planned session; `counts` None leaves the flag out, as in plans stored before it."""
    blocks: list[dict[str, Any]] = [{"kind": "warmup", "items": [item("easy-jog", "warmup")[1]]}]
    for kind, data in items:
        if blocks[-1]["kind"] != kind:
            blocks.append({"kind": kind, "items": []})
        blocks[-1]["items"].append(dict(data))
    if deload:
        for block in blocks[1:]:
            for data in block["items"]:
                data["sets"] = max(1, round(data["sets"] * 0.55))
                data["intensity"] = f"deload: 10-20% lighter, 2 more RIR ({data['intensity']})"
    content: dict[str, Any] = {
        "date": day.isoformat(),
        "day": DAYS[day.weekday()],
        "kind": "strength",
        "title": "Strength",
        "estimated_minutes": 40,
        "blocks": blocks,
        "why": [],
    }
    if counts is not None:
        content["counts_for_progression"] = counts
    return PlannedSessionRecord(day, position, week, deload, "Strength", content)


def weekly(
    by_weekday: Mapping[int, Sequence[Item]],
    weeks: int = 8,
    deloads: frozenset[int] = frozenset({4}),
    flag: bool = True,
    start: dt.date = START,
    phases: Mapping[int, Mapping[int, Sequence[Item]]] | None = None,
) -> list[PlannedSessionRecord]:
    """A plan of `weeks` weeks repeating the same sessions; `phases` swaps them from a week on."""
    records = []
    current = by_weekday
    for week in range(1, weeks + 1):
        if phases and week in phases:
            current = phases[week]
        deload = week in deloads
        for weekday, items in sorted(current.items()):
            day = start + dt.timedelta(days=7 * (week - 1) + weekday)
            counts = (not deload) if flag else None
            records.append(session(day, items, week, deload, counts))
    return records


def store(profile_text: str, plan: Sequence[PlannedSessionRecord]) -> FakeStore:
    """A fake store holding one athlete (Tess) with this profile and plan."""
    fake = FakeStore()
    with fake() as uow:
        athlete = uow.athletes.add("Tess", profile_text, NOW)
        uow.plans.add(athlete.id, START, profile_text, "{}", list(plan), NOW)
        uow.commit()
    return fake


def log(fake: FakeStore, library: Library, day: dt.date, entries: Sequence[SetEntry]) -> list[bool]:
    """Log sets on a day as that day's runner would (today = the day)."""
    return training.log_sets(fake, library, "Tess", day, list(entries), day, NOW)


def sets(
    slug: str,
    reps: int | None,
    load: float | None = None,
    rir: int | None = None,
    count: int = 3,
    seconds: int | None = None,
    unit: Units = Units.KG,
) -> list[SetEntry]:
    """`count` identical sets of one exercise."""
    weight = None if load is None else Load(load, unit)
    return [SetEntry(slug, reps, weight, seconds, rir) for _ in range(count)]


def tuesday(week: int) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1) + 1)


def thursday(week: int) -> dt.date:
    return START + dt.timedelta(days=7 * (week - 1) + 3)
