"""Targets for a day's planned items: the progression engine fitted to the plan, kit and session.

The plan says how many sets, which rep range and which RIR; the log says where the runner stands
(variant, load, hold, tempo). `session_targets` joins the two for every trained item of one
session, so `runlift today`, `runlift next` and the log read one and the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from runlift.domain.athlete import Profile
from runlift.domain.exercise import Catalogue, Exercise
from runlift.domain.loads import Load, LoadGrid, heavier, heaviest
from runlift.domain.progression import next_target
from runlift.domain.targets import (
    RULES,
    Decision,
    ProgressionRules,
    SessionResult,
    SetResult,
    Target,
    loading_equipment,
)
from runlift.domain.tempo import slowest
from runlift.domain.vocab import Category, Equipment, Units

ALWAYS_OWNED = frozenset({Equipment.TOWEL})


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One trained item of a planned session, as the progression engine needs it.

    `rir` is the RIR the plan states (None when it states none); `counts` is False in deload,
    taper and race-week sessions; `deload` makes the engine lighten the item.
    """

    exercise: str
    block: str
    equipment: frozenset[Equipment]
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    rir: int | None = None
    tempo: str | None = None
    counts: bool = True
    deload: bool = False


@dataclass(frozen=True, slots=True)
class Kit:
    """What the runner trains with: the equipment owned and, per loading piece, the loads owned."""

    equipment: frozenset[Equipment]
    weights: Mapping[Equipment, tuple[float, ...]] = field(default_factory=dict)
    units: Units = Units.KG

    @classmethod
    def of(cls, profile: Profile) -> Kit:
        """The profile's kit; everyone owns a towel (floor, wall and chair are assumed anyway)."""
        return cls(profile.equipment | ALWAYS_OWNED, dict(profile.weights), profile.units)

    def grid(self, loading: Equipment | None, rules: ProgressionRules = RULES) -> LoadGrid:
        """The loads the runner can make with this piece of kit."""
        owned = self.weights.get(loading, ()) if loading is not None else ()
        return rules.grid(loading, owned, self.units)

    def can_do(self, exercise: Exercise) -> bool:
        """True when one of the exercise's equipment options is all owned."""
        return exercise.doable_with(self.equipment)


@dataclass(frozen=True, slots=True)
class ItemLog:
    """What the log holds for one planned item before the day: sessions (oldest first), test set."""

    history: tuple[SessionResult, ...] = ()
    test_set: SetResult | None = None


def session_targets(
    items: Sequence[tuple[PlannedItem, ItemLog]],
    catalogue: Catalogue,
    kit: Kit,
    rules: ProgressionRules = RULES,
) -> list[Decision]:
    """The targets of one session's trained items; no exercise appears twice in the answer.

    A variant carried over from the log, or a switch to one, that would repeat another item of
    the session (its planned slug or its own variant) is refused: the item keeps its own slug or
    its current variant and progresses by reps or tempo instead.
    """
    planned = [item.exercise for item, _ in items]
    current: list[str] = []
    for index, (item, log) in enumerate(items):
        variant = carried_variant(item, log, catalogue, kit)
        others = {slug for j, slug in enumerate(planned) if j != index} | set(current)
        current.append(item.exercise if variant in others - {item.exercise} else variant)
    decisions: list[Decision] = []
    for index, (item, log) in enumerate(items):
        taken = {planned[j] for j in range(len(items)) if j != index}
        taken |= {current[j] for j in range(index + 1, len(items))}
        taken |= {current[j] for j in range(index)} | {d.target.variant for d in decisions}
        decision = item_target(item, log, catalogue, kit, current[index], frozenset(taken), rules)
        decisions.append(decision)
    return decisions


def carried_variant(item: PlannedItem, log: ItemLog, catalogue: Catalogue, kit: Kit) -> str:
    """The variant the log says the runner is on, if they can still do it; else the plan's."""
    counting = [s for s in log.history if s.sets and s.target.counts]
    if not counting:
        return item.exercise
    variant = counting[-1].target.variant
    if variant != item.exercise and (
        variant not in catalogue or not kit.can_do(catalogue.get(variant))
    ):
        return item.exercise
    return variant


def item_target(
    item: PlannedItem,
    log: ItemLog,
    catalogue: Catalogue,
    kit: Kit,
    variant: str | None = None,
    taken: frozenset[str] = frozenset(),
    rules: ProgressionRules = RULES,
) -> Decision:
    """The target for one planned item on its day: state from the log, dose from the plan.

    Load, hold time, variant and tempo carry over from the last session that counted; sets, the
    rep range and the RIR come from the plan. A changed rep range carries an Epley estimate of
    the load across; a deload session lightens what the next normal session would have asked.
    """
    variant = variant or carried_variant(item, log, catalogue, kit)
    exercise = catalogue.get(variant)
    loading = _loading(item, exercise, kit)
    grid = kit.grid(loading, rules)
    counting = [s for s in log.history if s.sets and s.target.counts]
    lineage = [s for s in counting if s.target.variant == variant]
    if loading is None:
        lineage = [_unloaded(s) for s in lineage]
    if lineage:
        current = lineage[-1].target
    else:
        rir = _rir(item, exercise, item.reps, rules)
        current = Target(item.exercise, variant, item.sets, item.reps, item.seconds, None, rir)
        if variant != item.exercise:
            current = _variant_dose(current, exercise)
    variants = {
        slug: catalogue.get(slug)
        for slug in (*exercise.harder, *exercise.easier)
        if slug in catalogue and kit.can_do(catalogue.get(slug))
    }
    test_set = log.test_set if variant == item.exercise else None  # a test of this exercise
    decision = next_target(lineage, current, exercise, variants, None, test_set, rules, grid, taken)
    fitted, changed = _fit(decision.target, item, catalogue, grid, rules, first=not lineage)
    reasons = [decision.reason]
    rule = decision.rule
    if changed:
        if changed.startswith("new range") and decision.reason.startswith("same "):
            reasons = []  # "same load" would contradict the new range's new load
        reasons.append(changed)
        rule = "e1rm" if changed.startswith("new range") else rule
    if lineage and any(not s.target.counts and s.date > lineage[-1].date for s in log.history):
        reasons.append("later deload or taper sets do not count")
    loading = _loading(item, catalogue.get(fitted.variant), kit)
    if item.deload:
        working, _ = _fit(current, item, catalogue, grid, rules, first=not lineage)
        return _deload(fitted, working, kit.grid(loading, rules), rules, loading)
    if not item.counts:
        reasons.append("this session does not count towards progression")
    return Decision(fitted, rule, "; ".join(reasons), loading)


def _loading(item: PlannedItem, exercise: Exercise, kit: Kit) -> Equipment | None:
    """The piece carrying the load: the plan's kit for its exercise, the runner's for a variant.

    Jumps carry none, whatever the runner logs: plyometrics are prescribed as bodyweight power
    work (few quick contacts), so a loaded jump variant never becomes a target.
    """
    if exercise.category is Category.PLYOMETRIC:
        return None
    if exercise.slug == item.exercise:
        return loading_equipment(item.equipment)
    return loading_equipment(exercise.kit_for(kit.equipment) or ())


def _unloaded(session: SessionResult) -> SessionResult:
    """A bodyweight move's session with any typed load dropped: it progresses by reps and tempo."""
    sets = tuple(replace(s, load=None) for s in session.sets)
    return replace(session, target=replace(session.target, load=None), sets=sets)


def _rir(
    item: PlannedItem, exercise: Exercise, reps: tuple[int, int] | None, rules: ProgressionRules
) -> int | None:
    """The plan's RIR where reps in reserve mean something (sets of reps), else None."""
    if not rules.rir_applies(exercise, item.block, reps):
        return None
    return item.rir if item.rir is not None else rules.default_rir


def _variant_dose(target: Target, exercise: Exercise) -> Target:
    """A variant done in the item's place starts at its own default dose."""
    return replace(target, reps=exercise.default.reps, seconds=exercise.default.seconds)


def _fit(
    decided: Target,
    item: PlannedItem,
    catalogue: Catalogue,
    grid: LoadGrid,
    rules: ProgressionRules,
    first: bool,
) -> tuple[Target, str]:
    """The decided target in the plan's dose; the second value explains a changed number."""
    performed = catalogue.get(decided.variant)
    reps, seconds = decided.reps, decided.seconds
    note = ""
    if decided.variant == item.exercise:
        reps = decided.reps if _extended(decided, item, grid, rules) else item.reps
        seconds = item.seconds
        if item.reps is None and decided.reps is None and decided.seconds and item.seconds:
            earned = decided.seconds
            seconds = earned if item.counts or item.deload else min(earned, item.seconds)
            if seconds < earned:
                note = f"{seconds} s in this lighter session (your hold: {earned} s)"
    rir = _rir(item, performed, reps, rules)
    if first and rir is not None and decided.rir is not None:
        rir = max(rir, decided.rir)
    load = decided.load
    if load is not None and decided.reps is not None and reps is not None and reps != decided.reps:
        new = convert_range(load, decided.reps, decided.rir, reps, rir, grid, rules)
        note = (
            f"new range: {_range(reps)} at RIR {_shown(rir)}, {new} estimated from {load} x "
            f"{_range(decided.reps)} at RIR {_shown(decided.rir)} (Epley)"
        )
        load = new
    tempo = slowest(decided.tempo, item.tempo)
    fitted = Target(
        item.exercise, decided.variant, item.sets, reps, seconds, load, rir, tempo, item.counts
    )
    return fitted, note


def _extended(decided: Target, item: PlannedItem, grid: LoadGrid, rules: ProgressionRules) -> bool:
    """True when the log raised the top of the plan's range (no heavier load or variant left)."""
    if decided.reps is None or item.reps is None:
        return False
    low, high = decided.reps
    at_limit = decided.load is None or grid.above(decided.load) is None
    return low == item.reps[0] and item.reps[1] < high <= rules.max_rep_top and at_limit


def convert_range(
    load: Load,
    old: tuple[int, int],
    old_rir: int | None,
    new: tuple[int, int],
    new_rir: int | None,
    grid: LoadGrid,
    rules: ProgressionRules = RULES,
) -> Load:
    """The load for a new rep range by Epley: same estimated 1RM, rounded down to a loadable one."""
    before = 1 + (old[1] + (rules.default_rir if old_rir is None else old_rir)) / 30
    after = 1 + (new[1] + (rules.default_rir if new_rir is None else new_rir)) / 30
    return grid.down(Load(load.value * before / after, load.unit))


def _deload(
    target: Target,
    working: Target,
    grid: LoadGrid,
    rules: ProgressionRules,
    loading: Equipment | None,
) -> Decision:
    """A deload session: the plan's fewer sets, about 15% off the working load, RIR +2.

    The base is the heavier of the load before this decision and the decided one, so a reset
    just before the deload is not cut a second time (the cuts are max'ed, not added).
    """
    parts = []
    load = decided = target.load
    after = ""
    if decided is not None:
        base = heaviest(x for x in (decided, working.load) if x is not None) or decided
        lighter = grid.lighter(base, rules.deload_load_fraction) if base.value > 0 else base
        load = lighter if heavier(decided, lighter) else decided
        if heavier(base, load):
            parts.append(f"{load} instead of {base}")
        else:
            parts.append(f"{load}, nothing lighter to make")
        after = f"; next normal session: {decided}"
        if heavier(base, decided):
            after += f" after two failed sessions (the deload is one cut from {base}, not two)"
    parts.append(f"{target.sets} sets")
    rir = target.rir
    if rir is not None:
        rir += rules.deload_rir
        parts.append(f"RIR {rir} (+{rules.deload_rir})")
    text = f"deload week: {', '.join(parts)}; these sets do not count towards progression{after}"
    return Decision(replace(target, load=load, rir=rir), "deload", text, loading)


def _range(reps: tuple[int, int]) -> str:
    low, high = reps
    return f"{low}" if low == high else f"{low}-{high}"


def _shown(rir: int | None) -> str:
    return "-" if rir is None else str(rir)
