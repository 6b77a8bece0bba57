"""The progression engine: pure functions that read the rules as data and set the next target.

The rules and value types live in `runlift.domain.targets` (re-exported here); loads come from a
`LoadGrid`, so every target is a load the runner can make.

Missed sessions: `next_target` only looks at performed sessions (a session with at least one
set) that count for progression. A planned session that was skipped is simply absent from the
history, so a gap never stacks work; a deload, taper or race-week session is left out the same
way, so it never costs progress.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from runlift.domain.exercise import Exercise
from runlift.domain.loads import Load, LoadGrid, heavier, heaviest, lightest
from runlift.domain.targets import (
    RULES,
    Decision,
    ProgressionRules,
    SessionResult,
    SetResult,
    Target,
    best_e1rm,
    best_reps_at,
    epley,
    loading_equipment,
)
from runlift.domain.tempo import slower_tempo
from runlift.domain.vocab import Equipment

__all__ = [
    "RULES",
    "Decision",
    "Load",
    "LoadGrid",
    "ProgressionRules",
    "SessionResult",
    "SetResult",
    "Target",
    "apply_deload",
    "best_e1rm",
    "best_reps_at",
    "effective",
    "epley",
    "failed_session",
    "loading_equipment",
    "next_target",
]


def apply_deload(
    target: Target,
    equipment: Equipment | None = None,
    rules: ProgressionRules = RULES,
    grid: LoadGrid | None = None,
) -> Target:
    """The deload version: fewer sets, a lighter load, two more reps in reserve, same exercise."""
    sets = max(1, math.floor(target.sets * (1 - rules.deload_sets_fraction) + 0.5))
    load = target.load
    if load is not None and load.value > 0:
        load = (grid or rules.grid(equipment)).lighter(load, rules.deload_load_fraction)
    rir = None if target.rir is None else target.rir + rules.deload_rir
    return replace(target, sets=sets, load=load, rir=rir)


def effective(
    session: SessionResult, grid: LoadGrid, rules: ProgressionRules = RULES
) -> SessionResult:
    """The session judged by what was done: a chosen or beaten load, a longer hold, count.

    No target load yet: the heaviest load lifted becomes it. More load than asked on every set,
    reps in the range and RIR at or above target: the lightest of those loads becomes it. Every
    hold longer than asked: the shortest of them becomes the target hold.
    """
    t, sets = session.target, session.sets
    loads = [s.load for s in sets if s.load is not None]
    if t.load is None:
        chosen = heaviest(loads)
        if chosen is not None:
            t = replace(t, load=grid.down(chosen))
    elif _beaten(session, rules) and len(loads) == len(sets):
        least = lightest(loads)
        if least is not None and heavier(grid.down(least), t.load):
            t = replace(t, load=grid.down(least))
    if t.reps is None and t.seconds is not None and _beaten(session, rules):
        holds = [s.seconds for s in sets if s.seconds is not None]
        if len(holds) == len(sets) and min(holds) > t.seconds:
            t = replace(t, seconds=min(holds))
    return session if t == session.target else replace(session, target=t)


def _beaten(session: SessionResult, rules: ProgressionRules) -> bool:
    """Every prescribed set done, none below the range, none closer to failure than asked."""
    t = session.target
    if len(session.sets) < t.sets:
        return False
    for s in session.sets:
        if t.reps is not None and (s.reps or 0) < t.reps[0]:
            return False
        if t.rir is not None and s.rir is not None and s.rir < t.rir:
            return False
    return True


def next_target(
    history: Sequence[SessionResult],
    current: Target,
    exercise: Exercise,
    variants: Mapping[str, Exercise] | None = None,
    equipment: Equipment | None = None,
    test_set: SetResult | None = None,
    rules: ProgressionRules = RULES,
    grid: LoadGrid | None = None,
    taken: frozenset[str] = frozenset(),
) -> Decision:
    """Apply double progression to the performed history (oldest first) of the current variant.

    `exercise` is the catalogue entry of `current.variant`; `variants` holds the exercises the
    runner may move to (doable with their kit), `taken` the slugs already in the session, and
    `grid` (else `equipment` with the default steps) the loads the runner can make.
    """
    grid = grid or rules.grid(equipment)
    raw = [s for s in history if s.sets and s.target.counts and s.target.variant == current.variant]
    if not raw:
        return _first_session(current, grid, test_set, rules)
    done = [effective(s, grid, rules) for s in raw]
    current, beat = _carry(current, raw[-1], done[-1])
    streak = _trailing(done, current)
    if not streak:
        return Decision(current, "progression", "new prescription: repeat it and log every set")
    last = streak[-1]
    recent = streak[-rules.failures_before_reset :]
    moves = _Moves(exercise, variants, taken, rules)
    if len(recent) == rules.failures_before_reset and all(failed_session(s) for s in recent):
        return _after_failures(current, grid, moves)
    if failed_session(last):
        return Decision(current, "progression", "a set fell short of the range: repeat it")
    if _rir_shortfall(last, rules):
        what = "the load" if current.load is not None else "it"
        return Decision(current, "progression", f"RIR fell 2+ below target: repeat {what}")
    tops = streak[-rules.top_sessions :]
    if len(tops) == rules.top_sessions and all(_at_top(s, rules) for s in tops):
        return _progress(current, grid, moves)
    if beat:
        return Decision(current, "progression", f"beat the target: {beat}; start there")
    return Decision(current, "progression", _same(current))


def _same(current: Target) -> str:
    """Why the target stays: in words that fit a load, bodyweight reps or a hold."""
    if current.load is not None:
        return "same load: aim for more reps (or seconds)"
    if current.reps is None:
        return "same hold: hold it on every set"
    return "same dose: aim for the top of the range on every set"


def _carry(current: Target, raw: SessionResult, done: SessionResult) -> tuple[Target, str]:
    """Raise the current target to a load chosen or beaten, or a hold beaten, last time.

    Returns the target and what was beaten ('' when the runner only chose a first load).
    """
    if done.target == raw.target:
        return current, ""
    t = done.target
    if t.reps == current.reps and t.load is not None and _raises(t.load, current.load):
        beat = raw.target.load is not None and heavier(t.load, raw.target.load)
        return replace(current, load=t.load), f"{t.load} on every set" if beat else ""
    longer = t.seconds or 0
    if current.reps is None and t.reps is None and longer > (current.seconds or longer):
        return replace(current, seconds=longer), f"held {longer} s or more"
    return current, ""


def _raises(done: Load, current: Load | None) -> bool:
    """True when a load proved last time lifts the current target (or sets its first load)."""
    return current is None or heavier(done, current)


def _trailing(done: Sequence[SessionResult], current: Target) -> list[SessionResult]:
    """The latest run of sessions at the current prescription; older runs no longer count."""
    start = len(done)
    while start > 0 and _same_prescription(done[start - 1].target, current):
        start -= 1
    return list(done[start:])


def _same_prescription(done: Target, current: Target) -> bool:
    """Sessions count towards a streak only at the load, range, hold and tempo now prescribed."""
    if done.reps != current.reps or done.seconds != current.seconds:
        return False
    if done.tempo != current.tempo:
        return False
    if done.load is None or current.load is None:
        return done.load is None and current.load is None
    return math.isclose(done.load.to(current.load.unit).value, current.load.value, abs_tol=1e-6)


def failed_session(session: SessionResult) -> bool:
    """A session fails when any set fell below the bottom of the range (or short of the hold)."""
    target = session.target
    for s in session.sets:
        if target.reps is not None and (s.reps or 0) < target.reps[0]:
            return True
        if target.reps is None and target.seconds is not None and (s.seconds or 0) < target.seconds:
            return True
    return False


def _rir_shortfall(session: SessionResult, rules: ProgressionRules) -> bool:
    """True when some set ended 2+ reps closer to failure than the target allowed."""
    if session.target.rir is None:
        return False
    rirs = [s.rir for s in session.sets if s.rir is not None]
    return bool(rirs) and min(rirs) <= session.target.rir - rules.rir_shortfall


def _at_top(session: SessionResult, rules: ProgressionRules) -> bool:
    """Every set reached the top of the range (or the hold) at the target load and RIR."""
    target = session.target
    tolerance = rules.rir_tolerance
    if len(session.sets) < target.sets:
        return False
    for s in session.sets:
        if target.reps is not None and (s.reps or 0) < target.reps[1]:
            return False
        if target.reps is None and (s.seconds or 0) < (target.seconds or 0):
            return False
        if s.rir is not None and target.rir is not None and s.rir < target.rir - tolerance:
            return False
        if s.load is not None and target.load is not None and heavier(target.load, s.load):
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Moves:
    """The variants a progression or regression may move to, and the rules."""

    exercise: Exercise
    variants: Mapping[str, Exercise] | None
    taken: frozenset[str]
    rules: ProgressionRules

    def first(self, slugs: Sequence[str]) -> Exercise | None:
        """The first listed variant the runner can do that is not already in the session."""
        if self.variants is None:
            return None
        found = (self.variants[s] for s in slugs if s in self.variants and s not in self.taken)
        return next(found, None)

    def switch(self, current: Target, variant: Exercise) -> Target:
        """The same slot done with another variant, at its own default dose, load chosen anew."""
        dose = variant.default
        rir: int | None = self.rules.default_rir if current.rir is None else current.rir
        if not self.rules.rir_applies(variant, "", dose.reps):
            rir = None
        return replace(
            current,
            variant=variant.slug,
            reps=dose.reps,
            seconds=dose.seconds,
            load=None,
            rir=rir,
            tempo=None,
        )


def _progress(current: Target, grid: LoadGrid, moves: _Moves) -> Decision:
    """Top of the range twice: one load step, or more hold time; at the limit, `_at_limit`."""
    rules = moves.rules
    if current.load is not None:
        up = grid.above(current.load)
        if up is not None:
            step = "the next load you own" if grid.owned else "+1 step"
            reason = f"top of the range twice: {step}, {up}, back to the bottom of the range"
            return Decision(replace(current, load=up), "progression", reason)
        why = f"top of the range twice at {current.load}, the heaviest you own"
        return _at_limit(current, moves, why)
    if current.reps is None and current.seconds is not None:
        longer = current.seconds + rules.hold_increment
        if longer <= rules.max_hold_seconds:
            reason = f"held it twice: +{rules.hold_increment} s to {longer} s"
            return Decision(replace(current, seconds=longer), "progression", reason)
        return _at_limit(current, moves, f"held {current.seconds} s twice")
    return _at_limit(current, moves, "top of the range twice")


def _at_limit(current: Target, moves: _Moves, why: str) -> Decision:
    """No more load or hold: the harder variant, else more reps, else a slower tempo."""
    rules = moves.rules
    harder = moves.first(moves.exercise.harder)
    if harder is not None:
        reason = f"{why}: move to {harder.slug}"
        return Decision(moves.switch(current, harder), "progression", reason)
    if current.reps is None:
        return Decision(current, "progression", f"{why}, no harder variant you can do: keep it")
    low, high = current.reps
    if high < rules.max_rep_top:
        top = min(high + rules.rep_increment, rules.max_rep_top)
        reason = f"{why}, no harder variant you can do: more reps, {low}-{top}"
        return Decision(replace(current, reps=(low, top)), "progression", reason)
    slower = slower_tempo(current.tempo, rules.first_tempo, rules.max_lowering_seconds)
    if slower is not None:
        lowering = slower.split("-")[0]
        reason = f"{why}, no harder variant you can do: slower tempo {slower} ({lowering} s down)"
        return Decision(replace(current, tempo=slower), "progression", reason)
    return Decision(current, "progression", f"{why} at the slowest tempo: keep it")


def _after_failures(current: Target, grid: LoadGrid, moves: _Moves) -> Decision:
    """Two failed sessions in a row: about 7.5% off, or step back to the easier variant."""
    rules = moves.rules
    if current.load is not None:
        lower = grid.lighter(current.load, rules.reset_fraction)
        if heavier(current.load, lower):
            reason = f"two failed sessions: {current.load} -> {lower}, then build back up"
            return Decision(replace(current, load=lower), "progression", reason)
    easier = moves.first(moves.exercise.easier)
    if easier is None:
        return Decision(current, "progression", "two failed sessions: repeat, no easier variant")
    reason = f"two failed sessions: step back to {easier.slug}"
    return Decision(moves.switch(current, easier), "progression", reason)


def _first_session(
    current: Target, grid: LoadGrid, test_set: SetResult | None, rules: ProgressionRules
) -> Decision:
    """No history yet: start from a test set leaving 3+ RIR at the top of the range, else RIR 3."""
    rir = None if current.rir is None else max(current.rir, rules.start_rir)
    e1rm = None
    if test_set is not None and test_set.load is not None and test_set.reps is not None:
        e1rm = epley(test_set.load.value, test_set.reps)
    if e1rm is None or test_set is None or test_set.load is None or current.reps is None:
        start = f"start at RIR {rir}" if rir is not None else "log every set"
        return Decision(replace(current, rir=rir), "progression", f"first session: {start}")
    unit = current.load.unit if current.load is not None else test_set.load.unit
    e1rm_load = Load(e1rm, test_set.load.unit).to(unit)
    reps_to_failure = current.reps[1] + (rir if rir is not None else rules.start_rir)
    estimate = Load(e1rm_load.value / (1 + reps_to_failure / 30), unit)
    start_load = grid.down(estimate)
    leaves = f"leaves RIR {rir}+" if not heavier(start_load, estimate) else "the lightest you own"
    reason = f"first session: e1RM {e1rm_load.value:.1f} {unit.value} -> {start_load} {leaves}"
    return Decision(replace(current, load=start_load, rir=rir), "e1rm", reason)
