"""A printable Markdown plan, with a how-to for every exercise it uses."""

from __future__ import annotations

from runlift.domain.exercise import Catalogue
from runlift.domain.plan import Item, Plan, Session

BLOCK_TITLES = {
    "warmup": "Warm-up",
    "foam_roll": "Foam rolling",
    "plyometric": "Jumps",
    "main": "Main lifts",
    "core": "Core",
    "circuit": "Circuit",
    "cooldown": "Cool-down",
}


def _dose(item: Item) -> str:
    if item.reps is not None:
        low, high = item.reps
        amount = f"{low}" if low == high else f"{low}-{high}"
        amount += " reps"
    else:
        amount = f"{item.seconds} s"
    side = " per side" if item.per_side else ""
    tempo = f", tempo {item.tempo} (s down-pause-up)" if item.tempo else ""
    return f"{item.sets} x {amount}{side}{tempo}"


def _session(session: Session, catalogue: Catalogue) -> list[str]:
    lines = [
        f"### {session.day.value.capitalize()} {session.date.isoformat()}: {session.title} "
        f"(about {session.estimated_minutes} min)",
        "",
    ]
    for block in session.blocks:
        lines.append(f"**{BLOCK_TITLES[block.kind.value]}**")
        lines.append("")
        lines.append("| exercise | kit | dose | rest | intensity |")
        lines.append("|---|---|---|---|---|")
        for item in block.items:
            name = catalogue.get(item.exercise).name
            kit = ", ".join(e.value for e in item.equipment) or "bodyweight"
            lines.append(
                f"| {name} | {kit} | {_dose(item)} | {item.rest_seconds} s | {item.intensity} |"
            )
        lines.append("")
    lines.append("Why: " + "; ".join(session.why))
    lines.append("")
    return lines


def plan_to_markdown(plan: Plan, catalogue: Catalogue) -> str:
    """The whole plan as Markdown: weeks, sessions, then how to do each exercise."""
    race = plan.race
    target = f"{race.distance.value} on {race.date}" if race and race.date else "no race"
    lines = [f"# Strength plan for {plan.athlete}", "", f"Start {plan.start}; goal: {target}.", ""]
    for note in plan.notes:
        lines += [f"> {note}", ""]
    if plan.protein is not None:
        p = plan.protein
        lines += [
            f"**Protein:** {p.daily_grams[0]}-{p.daily_grams[1]} g a day, "
            f"{p.per_meal_grams[0]}-{p.per_meal_grams[1]} g per meal. {p.caveat}",
            "",
        ]
    used: dict[str, None] = {}
    for week in plan.weeks:
        flag = " (deload)" if week.deload else ""
        lines += [f"## Week {week.number}: {week.start}, {week.phase.value}{flag}", ""]
        runs = ", ".join(f"{r.date.strftime('%a')} {r.type.value}" for r in week.runs)
        lines += [f"Runs: {runs or 'none'}", ""]
        if not week.sessions:
            lines += ["No strength session this week.", ""]
        for session in week.sessions:
            lines += _session(session, catalogue)
            for item in session.items():
                used.setdefault(item.exercise, None)
    lines += ["## How to do the exercises", ""]
    for slug in sorted(used):
        exercise = catalogue.get(slug)
        lines += [f"### {exercise.name}", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1)]
        if exercise.cues:
            lines += ["", "Cues: " + " ".join(exercise.cues)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
