"""Turning chosen exercises into a session that fits the runner's minutes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from runlift.domain.periodize import Phase
from runlift.domain.plan import Block, Item
from runlift.domain.prescribe import DoseContext, deload, prescribe
from runlift.domain.protocols import Stage
from runlift.domain.selection import Choice
from runlift.domain.vocab import BlockKind, Category, Pattern

BLOCK_ORDER = (
    BlockKind.WARMUP,
    BlockKind.FOAM_ROLL,
    BlockKind.PLYOMETRIC,
    BlockKind.MAIN,
    BlockKind.CORE,
    BlockKind.COOLDOWN,
)
PLYO_CONTACTS = {
    Phase.BASE: 60,
    Phase.GENERAL: 60,
    Phase.BUILD: 80,
    Phase.PEAK: 50,
    Phase.TAPER: 30,
}
RAMP_CONTACTS = 30
FOOT_CORE_PACE = "foot core: slow and controlled"
MIN_SETS = {BlockKind.MAIN: 2}
RANK_LIFT, RANK_PROTOCOL, RANK_CALF, RANK_ACCESSORY = 1, 2, 3, 4
TAPERING = frozenset({Phase.TAPER, Phase.RACE, Phase.RECOVERY})
# Short sessions trade long rests for more exercises: (up to minutes, most sets, longest rest).
SHORT_SESSIONS = ((20, 2, 60), (35, 3, 120))


@dataclass(frozen=True, slots=True)
class Dosed:
    """A chosen exercise, maybe with the dose of an injury protocol instead of the default."""

    choice: Choice
    stage: Stage | None = None
    tempo: str | None = None
    protocol: str | None = None
    lift: bool = False  # a main lift of the plan: same heavy prescription wherever it appears


@dataclass(frozen=True, slots=True)
class Menu:
    """Everything a session may draw on, each list in order of preference.

    `lifts` are the session's main lifts (the plan's spine), `protocol` the injury work,
    `calves` the calf raises, `foot` the foot-core work done in the warm-up.
    """

    cardio: tuple[Choice, ...]
    drills: tuple[Choice, ...]
    foam: tuple[Choice, ...]
    plyo: tuple[Choice, ...]
    main: tuple[Choice, ...]
    core: tuple[Choice, ...]
    cooldown: tuple[Choice, ...]
    drills_first: bool = True
    injury_first: bool = True
    lifts: tuple[Dosed, ...] = ()
    protocol: tuple[Dosed, ...] = ()
    calves: tuple[Dosed, ...] = ()
    foot: tuple[Dosed, ...] = ()


def cardio_seconds(minutes: int) -> int:
    """Light cardio to open the session: longer when the runner has more time."""
    if minutes <= 12:
        return 90
    if minutes < 20:
        return 120
    return 180 if minutes < 40 else 300


def _block_of(dosed: Dosed) -> BlockKind:
    """Core exercises go to the core block, everything else trained to the main block."""
    return BlockKind.CORE if dosed.choice.exercise.category is Category.CORE else BlockKind.MAIN


def _queue(menu: Menu) -> list[tuple[BlockKind, Dosed, int]]:
    """The order in which items are added while time allows: the essentials first.

    In short sessions injury work comes first so that it is never lost; otherwise the
    main lift leads. Each entry is (block,
    exercise, rank): the rank orders the main block afterwards, main lifts first while fresh.
    An exercise appears at most once, with the injury protocol's dose when it is also a lift.
    """

    def at(seq: tuple[Choice, ...], i: int) -> list[Dosed]:
        return [Dosed(seq[i])] if i < len(seq) else []

    def dosed(seq: tuple[Dosed, ...], i: int) -> list[Dosed]:
        return [seq[i]] if i < len(seq) else []

    w, f, p, m, c, d = (
        BlockKind.WARMUP,
        BlockKind.FOAM_ROLL,
        BlockKind.PLYOMETRIC,
        BlockKind.MAIN,
        BlockKind.CORE,
        BlockKind.COOLDOWN,
    )
    protocol_entries: list[tuple[BlockKind | None, list[Dosed], int]] = [
        (None, [item], RANK_PROTOCOL) for item in menu.protocol
    ]
    lift_entries: list[tuple[BlockKind | None, list[Dosed], int]] = [
        (BlockKind.MAIN, [lift], RANK_LIFT) for lift in menu.lifts
    ]
    order: list[tuple[BlockKind | None, list[Dosed], int]] = [
        (w, at(menu.cardio, 0), 0),
        (w, at(menu.drills, 0) if menu.drills_first else [], 0),
        (w, dosed(menu.foot, 0), 0),
        *(
            [*protocol_entries, *lift_entries]
            if menu.injury_first
            else [*lift_entries, *protocol_entries]
        ),
        (m, dosed(menu.calves, 0), RANK_CALF),
        (m, at(menu.main, 0), RANK_ACCESSORY),
        (c, at(menu.core, 0), 0),
        (p, at(menu.plyo, 0), 0),
        (m, dosed(menu.calves, 1), RANK_CALF),
        (w, at(menu.drills, 1), 0),
        (m, at(menu.main, 1), RANK_ACCESSORY),
        (c, at(menu.core, 1), 0),
        (f, at(menu.foam, 0), 0),
        (f, at(menu.foam, 1), 0),
        (m, at(menu.main, 2), RANK_ACCESSORY),
        (p, at(menu.plyo, 1), 0),
        (m, at(menu.main, 3), RANK_ACCESSORY),
        (w, at(menu.drills, 2), 0),
        (d, at(menu.cooldown, 0), 0),
        (d, at(menu.cooldown, 1), 0),
    ]
    protocol: dict[str, Dosed] = {}
    for entry in menu.protocol:  # a staged dose wins over a default one for the same exercise
        known = protocol.get(entry.choice.exercise.slug)
        if known is None or (known.stage is None and entry.stage is not None):
            protocol[entry.choice.exercise.slug] = entry
    seen: set[str] = set()
    queue = []
    for kind, found, rank in order:
        for item in found:
            slug = item.choice.exercise.slug
            if slug in seen:
                continue
            seen.add(slug)
            if slug in protocol:
                item = protocol[slug]
            queue.append((kind or _block_of(item), item, rank))
    return queue


def _plyo_sets(item: Item, share: int) -> Item:
    """Sets that deliver this item's share of the phase's foot contacts."""
    if item.reps is None:  # timed skipping: short bouts, well within any contact cap
        return replace(item, sets=min(item.sets, 2), seconds=min(item.seconds or 30, 30))
    per_set = item.reps[1] * (2 if item.per_side else 1)
    return replace(item, sets=max(1, min(4, round(share / per_set))))


def assemble(menu: Menu, ctx: DoseContext, minutes: int) -> tuple[Block, ...]:
    """Add items in priority order while they fit the minutes, trimming sets when needed."""
    budget = minutes * 60
    used = 0.0
    chosen: dict[BlockKind, list[Item]] = {kind: [] for kind in BLOCK_ORDER}
    ranks: dict[str, int] = {}
    contacts = PLYO_CONTACTS.get(ctx.phase, 0)
    if ctx.ramp:
        contacts = min(contacts, RAMP_CONTACTS)
    if ctx.max_contacts is not None:
        contacts = min(contacts, ctx.max_contacts)
    plyo_share = contacts // max(1, min(2, len(menu.plyo)))
    isolation = 0
    for kind, dosed, rank in _queue(menu):
        exercise = dosed.choice.exercise
        lift = rank == RANK_LIFT or dosed.lift
        item = prescribe(exercise, dosed.choice.kit, kind, ctx, main_lift=lift)
        if dosed.stage is not None and not ctx.activation:
            item = with_stage(item, dosed.stage, ctx)
        if dosed.tempo is not None and item.reps is not None:
            item = replace(item, tempo=dosed.tempo)
        if kind is BlockKind.WARMUP and not chosen[kind] and item.seconds is not None:
            item = replace(item, seconds=cardio_seconds(minutes), reps=None)
        if kind is BlockKind.WARMUP and dosed in menu.foot:
            item = replace(
                item, sets=min(2, exercise.default.sets), intensity="foot core, unhurried"
            )
        if kind is BlockKind.PLYOMETRIC:
            item = _plyo_sets(item, plyo_share)
        if kind in (BlockKind.MAIN, BlockKind.CORE) and dosed.stage is None:
            item = _shorten(item, minutes)
        if kind is BlockKind.PLYOMETRIC and chosen[kind] and minutes <= SHORT_SESSIONS[-1][0]:
            continue  # one jump exercise is enough when time is short
        small = exercise.patterns[0] is Pattern.HIP_ABDUCTION and kind is not BlockKind.WARMUP
        if small and isolation >= 1 and not _room_for_isolation(chosen, isolation):
            continue  # isolation work never fills more than about a third of a session
        fitted = _fit(item, kind, budget - used, minutes)
        if fitted is None:
            continue
        isolation += int(small)
        chosen[kind].append(fitted)
        ranks[exercise.slug] = rank
        used += fitted.total_seconds(kind)
    main = chosen[BlockKind.MAIN]
    chosen[BlockKind.MAIN] = sorted(main, key=lambda i: (ranks[i.exercise], main.index(i)))
    return tuple(Block(kind, tuple(chosen[kind])) for kind in BLOCK_ORDER if chosen[kind])


def with_stage(item: Item, stage: Stage, ctx: DoseContext) -> Item:
    """An injury protocol's dose for this week: its sets and repetition maximum."""
    sets = stage.sets if ctx.phase not in TAPERING else min(stage.sets, 2)
    return replace(item, sets=sets, reps=stage.reps, intensity=f"RIR 0-1, {stage.note}")


def _room_for_isolation(chosen: dict[BlockKind, list[Item]], isolation: int) -> bool:
    """One more isolation item keeps them at about a third of the trained items."""
    trained = len(chosen[BlockKind.MAIN]) + len(chosen[BlockKind.CORE])
    return (isolation + 1) * 3 <= trained + 1 + 1


def _shorten(item: Item, minutes: int) -> Item:
    """Fewer sets and shorter rests in a short session, so more of the body gets trained."""
    for limit, sets, rest in SHORT_SESSIONS:
        if minutes <= limit:
            return replace(
                item, sets=min(item.sets, sets), rest_seconds=min(item.rest_seconds, rest)
            )
    return item


def _fit(item: Item, kind: BlockKind, room: float, minutes: int) -> Item | None:
    """The item, or a version with fewer sets, that fits in `room` seconds."""
    floor = 1 if minutes <= SHORT_SESSIONS[0][0] else MIN_SETS.get(kind, 1)
    for sets in range(item.sets, floor - 1, -1):
        trial = replace(item, sets=sets)
        if trial.total_seconds(kind) <= room:
            return trial
    return None


def lighten(blocks: tuple[Block, ...], half_reps: bool) -> tuple[Block, ...]:
    """The deload week's version of a session: same exercises, less of them."""
    trained = {BlockKind.MAIN, BlockKind.CORE, BlockKind.PLYOMETRIC}
    return tuple(
        Block(b.kind, tuple(deload(i, half_reps) for i in b.items)) if b.kind in trained else b
        for b in blocks
    )
