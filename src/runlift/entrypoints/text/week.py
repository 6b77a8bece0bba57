"""The real week for the terminal: each day's runs and strength sessions, planned against done."""

from __future__ import annotations

from runlift.services.week_view import WeekSession, WeekView

WHAT = {
    "done": "done",
    "planned": "planned",
    "moved": "moved",
    "offered": "offered again",
    "skipped": "skipped",
    "dropped": "dropped",
}


def _session_line(session: WeekSession) -> str:
    status = WHAT.get(session.status.value, session.status.value)
    if session.status.value in ("moved", "offered") and session.on != session.planned:
        status += f" (planned {session.planned:%a %d %b})"
    if session.lightened:
        status += ", lightened"
    kind = "" if session.kind == "strength" else f" [{session.kind}]"
    return f"    {session.title}{kind}: {status}"


def week_text(view: WeekView) -> str:
    """Mon-Sun with runs planned and logged, sessions and what became of them, then what's next."""
    lines = [f"{view.athlete}: week of {view.monday:%a %d %b %Y} (as of {view.today})"]
    for day in view.days:
        marker = " <- today" if day.date == view.today else ""
        lines.append(f"  {day.date:%a %d %b}{marker}")
        planned = day.planned_run.value.replace("_", " ") if day.planned_run else None
        done = [
            f"{run.distance_km:g} km" + (f" {run.type.replace('_', ' ')}" if run.type else "")
            for run in day.logged_runs
        ]
        if planned or done:
            run = f"run: {planned or 'none planned'}"
            run += f"; logged {', '.join(done)}" if done else ""
            lines.append(f"    {run}")
        for session in day.sessions:
            lines.append(_session_line(session))
            lines += [f"      why: {why}" for why in session.why]
            if session.warning:
                lines.append(f"      warning: {session.warning}")
    if view.next is not None:
        lines.append(f"Next: {view.next.date:%a %Y-%m-%d}, {view.next.title}")
    return "\n".join(lines) + "\n"
