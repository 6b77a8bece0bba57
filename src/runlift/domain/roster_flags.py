"""What a coach's roster flags: two sessions missed in a row, two failed sessions on a lift.

Pure rules over what the services read. A failed session is the progression engine's own
judgement (`progression.failed_session`: a set below the bottom of the range, or short of the
hold), and two of them in a row is the very count that makes the engine take load off
(`ProgressionRules.failures_before_reset`), so the roster warns the coach exactly when the
plan reacts. The run-spike flag is `training_load.run_spikes`, the load report's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from runlift.domain.progression import RULES, SessionResult, failed_session

MISSED_IN_A_ROW = 2


@dataclass(frozen=True, slots=True)
class Due:
    """A planned strength session whose day has come: its day and whether it was done."""

    day: date
    done: bool


def missed_in_a_row(due: Iterable[Due], count: int = MISSED_IN_A_ROW) -> tuple[date, ...]:
    """The days of the last `count` due sessions when none of them was done, else ().

    A session done later (made up, or moved and done) counts as done; one skipped or left
    undone counts as missed. Fewer than `count` due sessions never flag.
    """
    latest = sorted(due, key=lambda d: d.day)[-count:]
    if len(latest) < count or any(d.done for d in latest):
        return ()
    return tuple(d.day for d in latest)


def failed_lifts(
    results: Iterable[SessionResult], in_a_row: int = RULES.failures_before_reset
) -> tuple[str, ...]:
    """The lifts (slots by exercise) whose last `in_a_row` counting sessions all failed.

    Sessions that do not count for progression (deload, taper, race week) are left out, as the
    engine leaves them out; the lifts come sorted so the roster reads the same every time.
    """
    by_lift: dict[str, list[SessionResult]] = {}
    for result in results:
        if result.target.counts and result.sets:
            by_lift.setdefault(result.target.exercise, []).append(result)
    flagged = []
    for lift, sessions in by_lift.items():
        latest: Sequence[SessionResult] = sorted(sessions, key=lambda s: s.date)[-in_a_row:]
        if len(latest) == in_a_row and all(failed_session(s) for s in latest):
            flagged.append(lift)
    return tuple(sorted(flagged))
