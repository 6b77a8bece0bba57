"""Targets and the day's session as text, the way a coach writes them."""

from __future__ import annotations

import datetime as dt
import textwrap

from runlift.domain.exercise import Catalogue
from runlift.domain.progression import Decision, Target
from runlift.entrypoints.text.table import WIDTH
from runlift.services.training import DayView


def target_text(target: Target, per_side: bool = False) -> str:
    """'3 x 8-12 per side @ 22 kg, RIR 2, tempo 3-1-1' in the way a coach writes it.

    No RIR where it means nothing (holds, jumps, mobility); a tempo only when one is set.
    """
    if target.reps is not None:
        low, high = target.reps
        amount = f"{low}" if low == high else f"{low}-{high}"
    else:
        amount = f"{target.seconds} s"
    side = " per side" if per_side else ""
    load = f" @ {target.load}" if target.load is not None else ""
    rir = f", RIR {target.rir}" if target.rir is not None else ""
    tempo = f", tempo {target.tempo}" if target.tempo else ""
    return f"{target.sets} x {amount}{side}{load}{rir}{tempo}"


def load_hint(decision: Decision) -> str | None:
    """Advice for choosing a first load, only where the kit carries one and none is set yet."""
    t = decision.target
    if decision.loading is None or t.load is not None or t.reps is None:
        return None
    kit = decision.loading.value.replace("_", " ")
    if t.rir is None:
        return f"pick a {kit} load you can move fast and cleanly for every rep"
    return f"pick a {kit} load that leaves about {t.rir} reps in reserve at the top of the range"


def decision_text(decision: Decision, catalogue: Catalogue, day: dt.date | None = None) -> str:
    """Next target in one readable paragraph, with the day it is for when known."""
    t = decision.target
    name = catalogue.get(t.variant).name if t.variant in catalogue else t.variant
    lines = [f"{name}: {target_text(t)}"]
    if day is not None:
        lines.append(
            f"  when: {day.strftime('%a %Y-%m-%d')} (same as `runlift today --date {day}`)"
        )
    hint = load_hint(decision)
    if hint is not None:
        lines.append(f"  load: {hint}")
    lines.append(f"  why: {decision.rule}: {decision.reason}")
    return "".join(_fit(line) for line in lines)


def _fit(line: str) -> str:
    """A line wrapped at 80 columns, continuation lines indented under its label."""
    indent = " " * (len(line) - len(line.lstrip(" ")) + 4)
    wrapped = textwrap.wrap(line, WIDTH, subsequent_indent=indent, break_on_hyphens=False)
    return "\n".join(wrapped or [""]) + "\n"


def no_session_text(view: DayView) -> str:
    """Nothing today: say so, and when the next session is."""
    text = f"{view.date}: no strength session planned for {view.athlete}; rest or run."
    text += "".join(f"\nNote: {note}" for note in view.notes)
    upcoming = view.next_planned
    if upcoming is not None:
        day = upcoming.date.strftime("%a %Y-%m-%d")
        text += f"\nNext: {day}, {upcoming.title} (runlift today --date {upcoming.date})."
    return text


def day_text(view: DayView, catalogue: Catalogue) -> str:
    """The day's sessions for the terminal."""
    if not view.sessions:
        return no_session_text(view) + "\n"
    lines = [f"Note: {note}" for note in view.notes]
    for record, targets in view.sessions:
        lines.append(
            f"{view.date} {record.title} (week {record.week}, about "
            f"{record.session['estimated_minutes']} min)"
        )
        block = None
        for it in targets:
            if it.block != block:
                block = it.block
                lines.append(f"  {block.replace('_', ' ')}")
            name = catalogue.get(it.item["exercise"]).name
            if it.decision is not None:
                t = it.decision.target
                shown = catalogue.get(t.variant).name if t.variant != t.exercise else name
                rest = it.item["rest_seconds"]
                lines.append(f"    {shown}: {target_text(t, it.item['per_side'])}, rest {rest} s")
                hint = load_hint(it.decision)
                if hint is not None:
                    lines.append(f"      first time: {hint}")
            else:
                amount = (
                    f"{it.item['reps'][0]}-{it.item['reps'][1]} reps"
                    if it.item["reps"]
                    else f"{it.item['seconds']} s"
                )
                side = " per side" if it.item["per_side"] else ""
                lines.append(f"    {name}: {it.item['sets']} x {amount}{side}")
    return "\n".join(lines) + "\n"
