"""Calendar export: one all-day event per session with stable UIDs, so re-imports update."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from icalendar import Calendar, Event

from runlift.domain.exercise import Catalogue
from runlift.domain.plan import Plan, Session


def _uid(athlete: str, session: Session, index: int) -> str:
    """Stable per athlete, date and slot: regenerating the plan keeps the same UIDs."""
    slug = re.sub(r"[^a-z0-9]+", "-", athlete.casefold()).strip("-") or "runner"
    key = hashlib.sha256(f"{slug}|{session.date.isoformat()}|{index}".encode()).hexdigest()[:16]
    return f"{session.date.isoformat()}-{index}-{key}@runlift"


def _description(session: Session, catalogue: Catalogue) -> str:
    lines = [f"{session.title}, about {session.estimated_minutes} min"]
    for block in session.blocks:
        lines.append("")
        lines.append(block.kind.value.replace("_", " ").upper())
        for item in block.items:
            amount = f"{item.reps[0]}-{item.reps[1]} reps" if item.reps else f"{item.seconds} s"
            side = " per side" if item.per_side else ""
            side += f", tempo {item.tempo}" if item.tempo else ""
            lines.append(
                f"- {catalogue.get(item.exercise).name}: {item.sets} x {amount}{side}, "
                f"rest {item.rest_seconds} s, {item.intensity}"
            )
    lines.append("")
    lines.append("Why: " + "; ".join(session.why))
    return "\n".join(lines)


def plan_to_ics(plan: Plan, catalogue: Catalogue) -> str:
    """An iCalendar document; its timestamp is the plan start, so output is deterministic."""
    calendar = Calendar()
    calendar.add("prodid", "-//runlift//strength plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"runlift: {plan.athlete}")
    stamp = dt.datetime.combine(plan.start, dt.time(0, 0), tzinfo=dt.UTC)
    for week in plan.weeks:
        for index, session in enumerate(week.sessions):
            event = Event()
            event.add("uid", _uid(plan.athlete, session, index))
            event.add("dtstamp", stamp)
            event.add("dtstart", session.date)
            event.add("dtend", session.date + dt.timedelta(days=1))
            event.add("summary", f"Strength: {session.title} ({session.estimated_minutes} min)")
            event.add("description", _description(session, catalogue))
            event.add("categories", ["runlift", week.phase.value])
            calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))
