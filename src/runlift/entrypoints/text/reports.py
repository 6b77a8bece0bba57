"""The terminal's look back at the log: e1RM trends with sparklines, personal records."""

from __future__ import annotations

from runlift.domain.exercise import Catalogue
from runlift.entrypoints.text.table import table
from runlift.services import reports

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """One block character per value, low to high, so a trend reads at a glance."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high - low < 1e-9:
        return SPARKS[3] * len(values)
    top = len(SPARKS) - 1
    return "".join(SPARKS[round((v - low) / (high - low) * top)] for v in values)


def display_name(catalogue: Catalogue, slug: str) -> str:
    """An exercise's name for people; the slug itself if the catalogue lost it."""
    return catalogue.get(slug).name if slug in catalogue else slug


def trend_text(trend: reports.Trend, name: str) -> str:
    """The e1RM trend as a table with a sparkline, for the terminal."""
    unit = trend.units.value
    head = f"{name}: estimated 1RM (Epley, sets of 10 reps or fewer), {trend.athlete}"
    if not trend.points:
        return f"{head}\nno loaded sets of 10 reps or fewer logged yet\n"
    rows = [(day.isoformat(), f"{value:.1f} {unit}") for day, value in trend.points]
    values = [value for _day, value in trend.points]
    first, last = values[0], values[-1]
    change = f"{last - first:+.1f} {unit}"
    summary = f"trend {sparkline(values)}  {first:.1f} -> {last:.1f} {unit} ({change})"
    return f"{head}\n{table(('date', 'e1RM'), rows)}{summary}\n"


def records_text(found: list[reports.ExerciseRecords], catalogue: Catalogue) -> str:
    """Personal records, one exercise per paragraph."""
    if not found:
        return "no sets logged yet\n"
    lines = []
    for r in found:
        lines.append(display_name(catalogue, r.exercise))
        if r.e1rm:
            best = r.e1rm
            lines.append(
                f"  best e1RM: {best.e1rm.value:.1f} {best.e1rm.unit.value} on {best.date}"
                f" (set {best.set_number}: {best.reps} x {best.load})"
            )
        for x in r.reps_at:
            weight = str(x.load) if x.load is not None else "bodyweight"
            lines.append(f"  most reps at {weight}: {x.reps} on {x.date}")
        if r.longest_hold:
            lines.append(f"  longest hold: {r.longest_hold[0]} s on {r.longest_hold[1]}")
    return "\n".join(lines) + "\n"
