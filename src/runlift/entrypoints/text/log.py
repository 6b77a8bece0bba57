"""Logged sets and changes to the log in a line each, as the terminal says them."""

from __future__ import annotations

from runlift.domain.exercise import Catalogue
from runlift.domain.log import LoggedSet
from runlift.services.corrections import ChangeSummary
from runlift.services.ports import ChangeKind, StoredRun, StoredSet


def plural(count: int, noun: str) -> str:
    """'1 set', '2 sets'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _names(catalogue: Catalogue, slugs: tuple[str, ...]) -> str:
    names = [catalogue.get(s).name if s in catalogue else s for s in slugs]
    if len(names) > 3:
        names = [*names[:3], f"{len(names) - 3} more"]
    return ", ".join(names) if names else "no exercise"


def set_line(logged: LoggedSet) -> str:
    """'10 reps @ 22 kg, RIR 2' or '45 s'."""
    amount = plural(logged.reps, "rep") if logged.reps is not None else f"{logged.seconds} s"
    load = f" @ {logged.load}" if logged.load is not None else ""
    rir = f", RIR {logged.rir}" if logged.rir is not None else ""
    return f"{amount}{load}{rir}"


def stored_set_text(stored: StoredSet, catalogue: Catalogue) -> str:
    """'set 12: Goblet squat on 2026-11-17, set 2, 10 reps @ 22 kg, RIR 2'."""
    name = _names(catalogue, (stored.logged.exercise,))
    return (
        f"set {stored.id}: {name} on {stored.date}, set {stored.logged.set_number}, "
        f"{set_line(stored.logged)}"
    )


def stored_run_text(stored: StoredRun) -> str:
    """'run 3: 12.50 km on 2026-11-22'."""
    return f"run {stored.id}: {stored.run.distance_m / 1000:.2f} km on {stored.run.date}"


def change_text(change: ChangeSummary, catalogue: Catalogue) -> str:
    """What an undo reverted, in one line."""
    names = _names(catalogue, change.exercises)
    day = f" on {change.date}" if change.date else ""
    sets = plural(change.sets, "set")
    match change.kind:
        case ChangeKind.SETS_LOGGED:
            return f"removed {sets} of {names} logged{day}"
        case ChangeKind.SESSION_LOGGED:
            return f"removed the session logged from a file{day} ({sets})"
        case ChangeKind.SET_EDITED:
            return f"put back a {names} set{day} as it was before the edit"
        case ChangeKind.SET_DELETED:
            return f"restored a deleted {names} set{day}"
        case ChangeKind.SESSION_DELETED:
            return f"restored the deleted session{day} ({sets})"
        case ChangeKind.RUN_LOGGED:
            return f"removed the run logged{day}"
        case ChangeKind.RUNS_IMPORTED:
            return f"removed {plural(change.runs, 'imported run')}"
        case ChangeKind.RUN_DELETED:
            return f"restored the deleted run{day}"
        case ChangeKind.LOG_IMPORTED:
            return f"removed {plural(change.sets, 'imported set')} of {names}"
    return f"reverted a change{day}"  # pragma: no cover - every kind is named above
