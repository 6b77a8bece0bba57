"""Short rehab sessions that top an injury protocol up to its weekly frequency."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations, pairwise

from runlift.domain.periodize import Phase
from runlift.domain.plan import Block, Item, Session, estimate_minutes
from runlift.domain.prescribe import DoseContext, prescribe
from runlift.domain.protocols import Protocol
from runlift.domain.selection import Choice
from runlift.domain.session import with_stage
from runlift.domain.vocab import BlockKind, Category, RunType, SessionKind

REHAB_MINUTES = 12
REHAB_REST = 60
TOP_UP_SETS = 2  # exercises without a staged protocol dose: two sets keep the top-up short
RUN_COST = {None: 0, RunType.EASY: 0, RunType.CROSS: 0, RunType.LONG: 2}
HARD_RUN_COST = 1


@dataclass(frozen=True, slots=True)
class Need:
    """A protocol that the week's strength sessions leave short, and by how many sessions."""

    protocol: Protocol
    choices: tuple[Choice, ...]
    have: int
    missing: int


def rehab_days(
    days: Sequence[date],
    taken: Sequence[date],
    wanted: int,
    run_on: Callable[[date], RunType | None],
) -> tuple[date, ...]:
    """Days for `wanted` rehab sessions: spread out between the strength days, easy days first."""
    free = [d for d in days if d not in taken]
    count = min(wanted, len(free))
    if count == 0:
        return ()

    def score(combo: tuple[date, ...]) -> tuple[int, int]:
        every = sorted([*taken, *combo])
        gaps = [(b - a).days for a, b in pairwise(every)]
        cost = sum(RUN_COST.get(run_on(d), HARD_RUN_COST) for d in combo)
        return (-min(gaps, default=7), cost)

    return min(combinations(free, count), key=score)


def allowed_rehab_day(day: date, race_day: date | None, heavy_free: int) -> bool:
    """Never on race day nor inside the taper's heavy-free days before it (rule: taper)."""
    if race_day is None:
        return True
    return not (0 <= (race_day - day).days <= heavy_free)


def rehab_session(
    day: date,
    needs: Sequence[Need],
    warmup: Choice | None,
    ctx: DoseContext,
    strength_sessions: int,
    main_lifts: frozenset[str] = frozenset(),
) -> Session:
    """A 5-12 minute session of protocol work only, at the protocol's dose for this week."""
    main: list[Item] = []
    core: list[Item] = []
    budget = REHAB_MINUTES * 60.0
    warm: list[Item] = []
    if warmup is not None:
        item = prescribe(warmup.exercise, warmup.kit, BlockKind.WARMUP, ctx)
        warm.append(item)
        budget -= item.total_seconds(BlockKind.WARMUP)
    wanted = _wanted_items(needs, ctx, main_lifts)
    # Every exercise gets one set first, then sets are added in turn while time allows,
    # so a long protocol never pushes a short one (foot core, calves) out of the session.
    fitted: list[tuple[BlockKind, Item, int]] = []
    for kind, item in wanted:
        one = replace(item, sets=1)
        if one.total_seconds(kind) <= budget:
            fitted.append((kind, one, item.sets))
            budget -= one.total_seconds(kind)
    grew = True
    while grew:
        grew = False
        for index, (kind, item, full) in enumerate(fitted):
            extra = item.rest_seconds + item.work_seconds(kind)
            if item.sets < full and extra <= budget:
                fitted[index] = (kind, replace(item, sets=item.sets + 1), full)
                budget -= extra
                grew = True
    main = [item for kind, item, _ in fitted if kind is BlockKind.MAIN]
    core = [item for kind, item, _ in fitted if kind is BlockKind.CORE]
    blocks = tuple(
        Block(kind, tuple(items))
        for kind, items in (
            (BlockKind.WARMUP, warm),
            (BlockKind.MAIN, main),
            (BlockKind.CORE, core),
        )
        if items
    )
    labels = [n.protocol.label for n in needs]
    title = "Rehab: " + _join(labels)
    why = [
        f"injury-focus: {n.protocol.label} {_times(n.protocol.per_week)} a week; "
        f"{_times(n.have)} in strength sessions, so a short top-up here ({n.protocol.sources[0]})"
        for n in needs
    ]
    if strength_sessions == 0:
        why = [w.replace("; none in strength sessions", "; no strength session") for w in why]
    if warm:
        why.append("warm-up: a minute of easy mobility, or do it straight after an easy run")
    why.append(f"session-length: about {estimate_minutes(blocks)} minutes")
    return Session(day, title, SessionKind.REHAB, blocks, tuple(why), role="rehab")


def _wanted_items(
    needs: Sequence[Need], ctx: DoseContext, main_lifts: frozenset[str]
) -> list[tuple[BlockKind, Item]]:
    """Each protocol exercise at its full dose, round robin over the protocols, no repeats."""
    depth = max(len(n.choices) for n in needs)
    order = [(n, n.choices[k]) for k in range(depth) for n in needs if k < len(n.choices)]
    staged = {
        c.exercise.slug: n for n in needs if n.protocol.stages for c in n.choices
    }  # a staged protocol doses an exercise that two protocols share
    done: set[str] = set()
    wanted = []
    for need, choice in order:
        if choice.exercise.slug in done:
            continue
        done.add(choice.exercise.slug)
        need = staged.get(choice.exercise.slug, need)
        stage = need.protocol.stage(ctx.week_number)
        kind = BlockKind.CORE if choice.exercise.category is Category.CORE else BlockKind.MAIN
        lift = choice.exercise.slug in main_lifts  # dosed as in the strength sessions
        item = prescribe(choice.exercise, choice.kit, kind, ctx, main_lift=lift)
        if stage is not None:
            item = with_stage(item, stage, ctx)
        else:
            item = replace(item, sets=min(item.sets, TOP_UP_SETS))
        if need.protocol.tempo is not None and item.reps is not None:
            item = replace(item, tempo=need.protocol.tempo)
        wanted.append((kind, replace(item, rest_seconds=min(item.rest_seconds, REHAB_REST))))
    return wanted


def _times(count: int) -> str:
    return {0: "none", 1: "once", 2: "twice"}.get(count, f"{count} times")


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def week_days(start: date) -> list[date]:
    """The seven dates of the week starting on `start`."""
    return [start + timedelta(days=i) for i in range(7)]


REHAB_PHASES = frozenset(
    {Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.TAPER, Phase.GENERAL, Phase.RECOVERY}
)
