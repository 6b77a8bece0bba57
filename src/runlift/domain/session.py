"""Turning chosen exercises into a session that fits the runner's minutes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from runlift.domain.periodize import Phase
from runlift.domain.plan import Block, Item
from runlift.domain.prescribe import DoseContext, deload, prescribe
from runlift.domain.select import Choice
from runlift.domain.vocab import BlockKind

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
MIN_SETS = {BlockKind.MAIN: 2}
# Short sessions trade long rests for more exercises: (up to minutes, most sets, longest rest).
SHORT_SESSIONS = ((20, 2, 60), (35, 3, 120))


@dataclass(frozen=True, slots=True)
class Menu:
    """Everything a session may draw on, each list in order of preference."""

    cardio: tuple[Choice, ...]
    drills: tuple[Choice, ...]
    foam: tuple[Choice, ...]
    plyo: tuple[Choice, ...]
    main: tuple[Choice, ...]
    core: tuple[Choice, ...]
    cooldown: tuple[Choice, ...]


def cardio_seconds(minutes: int) -> int:
    """Light cardio to open the session: longer when the runner has more time."""
    if minutes <= 12:
        return 90
    if minutes < 20:
        return 120
    return 180 if minutes < 40 else 300


def _queue(menu: Menu) -> list[tuple[BlockKind, Choice]]:
    """The order in which items are added while time allows: the essentials first."""

    def at(seq: tuple[Choice, ...], i: int) -> list[Choice]:
        return [seq[i]] if i < len(seq) else []

    w, f, p, m, c, d = (
        BlockKind.WARMUP,
        BlockKind.FOAM_ROLL,
        BlockKind.PLYOMETRIC,
        BlockKind.MAIN,
        BlockKind.CORE,
        BlockKind.COOLDOWN,
    )
    order: list[tuple[BlockKind, list[Choice]]] = [
        (w, at(menu.cardio, 0)),
        (w, at(menu.drills, 0)),
        (m, at(menu.main, 0)),
        (m, at(menu.main, 1)),
        (c, at(menu.core, 0)),
        (p, at(menu.plyo, 0)),
        (w, at(menu.drills, 1)),
        (m, at(menu.main, 2)),
        (m, at(menu.main, 3)),
        (c, at(menu.core, 1)),
        (f, at(menu.foam, 0)),
        (f, at(menu.foam, 1)),
        (m, at(menu.main, 4)),
        (p, at(menu.plyo, 1)),
        (m, at(menu.main, 5)),
        (w, at(menu.drills, 2)),
        (d, at(menu.cooldown, 0)),
        (d, at(menu.cooldown, 1)),
    ]
    return [(kind, choice) for kind, found in order for choice in found]


def _plyo_sets(item: Item, share: int) -> Item:
    """Sets that deliver this item's share of the phase's foot contacts."""
    if item.reps is None:
        return item
    per_set = item.reps[1] * (2 if item.per_side else 1)
    return replace(item, sets=max(1, min(4, round(share / per_set))))


def assemble(menu: Menu, ctx: DoseContext, minutes: int) -> tuple[Block, ...]:
    """Add items in priority order while they fit the minutes, trimming sets when needed."""
    budget = minutes * 60
    used = 0.0
    chosen: dict[BlockKind, list[Item]] = {kind: [] for kind in BLOCK_ORDER}
    plyo_share = PLYO_CONTACTS.get(ctx.phase, 0) // max(1, min(2, len(menu.plyo)))
    for kind, choice in _queue(menu):
        item = prescribe(choice.exercise, choice.kit, kind, ctx)
        if kind is BlockKind.WARMUP and not chosen[kind] and item.seconds is not None:
            item = replace(item, seconds=cardio_seconds(minutes), reps=None)
        if kind is BlockKind.PLYOMETRIC:
            item = _plyo_sets(item, plyo_share)
        if kind in (BlockKind.MAIN, BlockKind.CORE):
            item = _shorten(item, minutes)
        if kind is BlockKind.PLYOMETRIC and chosen[kind] and minutes <= SHORT_SESSIONS[-1][0]:
            continue  # one jump exercise is enough when time is short
        fitted = _fit(item, kind, budget - used, minutes)
        if fitted is None:
            continue
        chosen[kind].append(fitted)
        used += fitted.total_seconds(kind)
    return tuple(Block(kind, tuple(chosen[kind])) for kind in BLOCK_ORDER if chosen[kind])


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
