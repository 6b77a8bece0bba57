"""Render a plan as table, json, md or ics text."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from runlift import schemas
from runlift.domain.exercise import Catalogue
from runlift.domain.plan import Item, Plan, Session
from runlift.entrypoints.text.plan_markdown import plan_to_markdown
from runlift.services.plan_document import plan_shape

TABLE_WIDTH = 80


def render_plan(plan: Plan, fmt: str, catalogue: Catalogue) -> str:
    """The plan in the chosen format, as text ending in a newline."""
    if fmt == "json":
        return schemas.dumps(plan_shape(plan)) + "\n"
    if fmt == "md":
        return plan_to_markdown(plan, catalogue)
    if fmt == "ics":
        from runlift.adapters.ics_export import plan_to_ics  # icalendar only when asked for

        return plan_to_ics(plan, catalogue)
    return plan_to_table(plan, catalogue)


def dose_text(item: Item) -> str:
    """'3x4-6', '2x30s/side' — compact enough for an 80-column table."""
    if item.reps is not None:
        low, high = item.reps
        amount = str(low) if low == high else f"{low}-{high}"
    else:
        amount = f"{item.seconds}s"
    tempo = f" @{item.tempo}" if item.tempo else ""
    return f"{item.sets}x{amount}{'/side' if item.per_side else ''}{tempo}"


def _session_cell(session: Session, catalogue: Catalogue) -> str:
    main = [
        i for b in session.blocks if b.kind.value in ("main", "plyometric", "core") for i in b.items
    ]
    parts = [f"{catalogue.get(i.exercise).name} {dose_text(i)}" for i in main]
    return "; ".join(parts)


def plan_to_table(plan: Plan, catalogue: Catalogue) -> str:
    """Week by week, one row per session, readable in an 80-column terminal."""
    buffer = io.StringIO()
    out = Console(file=buffer, width=TABLE_WIDTH, no_color=True, highlight=False, emoji=False)
    race = plan.race
    target = f"{race.distance.value} on {race.date}" if race and race.date else "no race"
    out.print(f"Strength plan for {plan.athlete}: {target}, from {plan.start}", markup=False)
    for week in plan.weeks:
        flag = ", deload" if week.deload else ""
        runs = " ".join(f"{r.date.strftime('%a')}:{r.type.value}" for r in week.runs)
        out.print(
            f"\nWeek {week.number} ({week.start}) {week.phase.value}{flag} | runs {runs or '-'}",
            markup=False,
        )
        if not week.sessions:
            out.print("  no strength session this week", markup=False)
            continue
        table = Table(box=None, show_header=False, pad_edge=False, expand=False)
        table.add_column("day", no_wrap=True, width=10)
        table.add_column("min", justify="right", width=3)
        table.add_column("session", overflow="fold", width=TABLE_WIDTH - 16)
        for session in week.sessions:
            table.add_row(
                f"{session.day.value} {session.date.strftime('%d %b')}",
                str(session.estimated_minutes),
                f"{session.title}: {_session_cell(session, catalogue)}",
            )
        out.print(table)
    if plan.protein is not None:
        p = plan.protein
        out.print(
            f"\nProtein: {p.daily_grams[0]}-{p.daily_grams[1]} g a day, "
            f"{p.per_meal_grams[0]}-{p.per_meal_grams[1]} g a meal. Note: {p.caveat}",
            markup=False,
        )
    for note in plan.notes:
        out.print(f"\n{note}", markup=False)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
