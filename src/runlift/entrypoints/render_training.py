"""Terminal and JSON views of targets and the day's session."""

from __future__ import annotations

from typing import Any

from runlift.adapters.db.codec import load_to_dict
from runlift.domain.exercise import Catalogue
from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.progression import Decision, Target
from runlift.services.training import DayView


def target_text(target: Target, per_side: bool = False) -> str:
    """'3 x 8-12 per side @ 22 kg, RIR 2' in the way a coach writes it."""
    if target.reps is not None:
        low, high = target.reps
        amount = f"{low}" if low == high else f"{low}-{high}"
    else:
        amount = f"{target.seconds} s"
    side = " per side" if per_side else ""
    load = f" @ {target.load}" if target.load is not None else ""
    return f"{target.sets} x {amount}{side}{load}, RIR {target.rir}"


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """The `runlift next --format json` contract."""
    t = decision.target
    return {
        "exercise": t.exercise,
        "variant": t.variant,
        "sets": t.sets,
        "reps": list(t.reps) if t.reps else None,
        "seconds": t.seconds,
        "load": load_to_dict(t.load),
        "rir": t.rir,
        "rule": decision.rule,
        "reason": decision.reason,
    }


def decision_text(decision: Decision, catalogue: Catalogue) -> str:
    """Next target in one readable paragraph."""
    t = decision.target
    name = catalogue.get(t.variant).name if t.variant in catalogue else t.variant
    lines = [f"{name}: {target_text(t)}"]
    if t.load is None and t.reps is not None:
        lines.append("  load: pick one you could lift a few more times than the top of the range")
    lines.append(f"  why: {decision.rule}: {decision.reason}")
    return "\n".join(lines) + "\n"


def day_to_dict(view: DayView) -> dict[str, Any]:
    """The day's sessions with targets, as JSON."""
    return {
        "athlete": view.athlete,
        "date": view.date.isoformat(),
        "sessions": [
            {
                "title": record.title,
                "week": record.week,
                "deload": record.deload,
                "estimated_minutes": record.session["estimated_minutes"],
                "items": [
                    {
                        "block": it.block,
                        "exercise": it.item["exercise"],
                        "planned": it.item,
                        "target": decision_to_dict(it.decision) if it.decision else None,
                    }
                    for it in targets
                ],
                "why": record.session["why"],
            }
            for record, targets in view.sessions
        ],
    }


def no_session_text(view: DayView) -> str:
    """Nothing today: say so, and when the next session is."""
    text = f"{view.date}: no strength session planned for {view.athlete}; rest or run."
    upcoming = view.next_planned
    if upcoming is not None:
        day = upcoming.date.strftime("%a %Y-%m-%d")
        text += f"\nNext: {day}, {upcoming.title} (runlift today --date {upcoming.date})."
    return text


def day_text(view: DayView, catalogue: Catalogue) -> str:
    """The day's sessions for the terminal."""
    if not view.sessions:
        return no_session_text(view) + "\n"
    lines = []
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
                loading = sorted(set(it.item["equipment"]) & {e.value for e in LOADING_EQUIPMENT})
                if t.load is None and loading and t.reps is not None:
                    lines.append(
                        f"      first time: pick a {loading[0]} weight that leaves {t.rir} reps "
                        "in reserve"
                    )
            else:
                amount = (
                    f"{it.item['reps'][0]}-{it.item['reps'][1]} reps"
                    if it.item["reps"]
                    else f"{it.item['seconds']} s"
                )
                side = " per side" if it.item["per_side"] else ""
                lines.append(f"    {name}: {it.item['sets']} x {amount}{side}")
    return "\n".join(lines) + "\n"
