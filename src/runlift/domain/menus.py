"""What each session of a phase may hold: main lifts, injury work, accessories, jumps."""

from __future__ import annotations

from dataclasses import dataclass, replace

from runlift.domain.athlete import Profile
from runlift.domain.exercise import Catalogue
from runlift.domain.periodize import Phase
from runlift.domain.prescribe import is_loaded
from runlift.domain.protocols import BY_INJURY, BY_KEY, FOOT_CORE, TRAIL, Protocol
from runlift.domain.selection import (
    CORE_TARGETS,
    TARGETS,
    Choice,
    Objective,
    candidates,
    greedy,
)
from runlift.domain.session import Dosed, Menu
from runlift.domain.spine import Spine, bent_knee, choose_spine
from runlift.domain.vocab import (
    Category,
    Equipment,
    Impact,
    Injury,
    Level,
    Lifting,
    Pattern,
    RaceDistance,
)

CARDIO_PREFERENCE = ("easy-jog", "jumping-jack", "jump-rope")
COOLDOWN_PREFERENCE = ("couch-stretch", "calf-stretch", "kneeling-hip-flexor-stretch")
# Low-intensity jumps for the ramp-in; the low-impact ones also for runners kept off big jumps.
LOW_INTENSITY_JUMPS = ("pogo-jump", "jump-rope", "a-skip")
MAIN_LIMIT = {Phase.BASE: 5, Phase.GENERAL: 5, Phase.BUILD: 4, Phase.PEAK: 3, Phase.TAPER: 3}
ACTIVATION_MAIN_LIMIT = 3
SOLEUS_MINUTES = 30
SHORT_MINUTES = 20  # up to this, injury work comes before the main lifts
SHORTEST_WITH_DRILLS = 12  # below this a session's warm-up is cardio and foot core only
TRAIL_PHASES = frozenset({Phase.BASE, Phase.BUILD, Phase.GENERAL})


@dataclass(frozen=True, slots=True)
class Templates:
    """The sessions of one phase: A, B, C... reused every week so the lifts can progress."""

    strength: tuple[Menu, ...]
    activation: Menu


@dataclass(frozen=True, slots=True)
class Pools:
    """Every exercise the runner can do, by role: computed once per plan."""

    main: list[Choice]
    core: list[Choice]
    plyo: list[Choice]
    easy_jumps: list[Choice]
    cardio: tuple[Choice, ...]
    drills: list[Choice]
    foam: list[Choice]
    cooldown: tuple[Choice, ...]
    activation: Menu
    spine: Spine
    all_strength: list[Choice]


def planning_kit(profile: Profile) -> frozenset[Equipment]:
    """The runner's kit; every runner owns a towel (towel heel raises, toe curls)."""
    return profile.equipment | {Equipment.TOWEL}


def _prefer(choices: list[Choice], order: tuple[str, ...]) -> tuple[Choice, ...]:
    rank = {slug: i for i, slug in enumerate(order)}
    return tuple(
        sorted(choices, key=lambda c: (rank.get(c.exercise.slug, len(rank)), c.exercise.slug))
    )


def rotate(items: list[Choice] | tuple[Choice, ...], offset: int) -> tuple[Choice, ...]:
    """The list started at `offset`, so sessions of a week vary their small items."""
    if not items:
        return ()
    k = offset % len(items)
    return tuple([*items[k:], *items[:k]])


def gentle(choice: Choice) -> bool:
    """Race-week and recovery work: beginner-level moves only, nothing that leaves soreness."""
    return choice.exercise.level is Level.BEGINNER


def _no_loaded_rotation(choices: list[Choice]) -> list[Choice]:
    """Low back pain: no loaded spinal rotation (rule: injury-focus)."""
    return [
        c for c in choices if not (Pattern.ROTATION in c.exercise.patterns and is_loaded(c.kit))
    ]


def build_pools(profile: Profile, catalogue: Catalogue) -> Pools:
    """Hard constraints applied once: kit, level, impact, jumps only when appropriate."""
    pool = catalogue.active()
    kit, lvl = planning_kit(profile), profile.level

    def of(*categories: Category, **options: bool) -> list[Choice]:
        found = candidates(pool, kit, lvl, frozenset(categories), **options)
        if Injury.LOW_BACK_PAIN in profile.injuries:
            found = _no_loaded_rotation(found)
        return found

    jumps_ok = lvl is not Level.BEGINNER
    cardio = _prefer(of(Category.CARDIO), CARDIO_PREFERENCE)
    drills = of(Category.WARMUP, Category.MOBILITY)
    core = of(Category.CORE)
    everything = of(*Category, allow_high_impact=True)
    easy = [c for c in everything if c.exercise.slug in LOW_INTENSITY_JUMPS]
    activation_objective = Objective(TARGETS, lvl, profile.injuries, reward_load=False)
    core_objective = Objective(CORE_TARGETS, lvl, (), want_unilateral=False, reward_load=False)
    activation = Menu(
        cardio=cardio,
        drills=tuple(drills),
        foam=(),
        plyo=(),
        main=tuple(
            greedy(
                [c for c in of(Category.STRENGTH, unloaded_lower_body=True) if gentle(c)],
                activation_objective,
                ACTIVATION_MAIN_LIMIT,
            )
        ),
        core=tuple(greedy(core, core_objective, 1)),
        cooldown=(),
    )
    main = of(Category.STRENGTH)
    return Pools(
        main=main,
        core=core,
        plyo=of(Category.PLYOMETRIC, allow_high_impact=True) if jumps_ok else [],
        easy_jumps=list(_prefer(easy, LOW_INTENSITY_JUMPS)) if jumps_ok else [],
        cardio=cardio,
        drills=drills,
        foam=of(Category.FOAM_ROLL),
        cooldown=_prefer(of(Category.STRETCH), COOLDOWN_PREFERENCE),
        activation=activation,
        spine=choose_spine(main, lvl, profile.injuries),
        all_strength=everything,
    )


def ramp_weeks(profile: Profile) -> int:
    """Weeks of moderate loads and small jumps before heavy work: 2 new to lifting, else 1."""
    return 2 if profile.lifting_history is Lifting.NONE else 1


def protocols(profile: Profile, phase: Phase | None = None) -> tuple[Protocol, ...]:
    """The runner's protocols: injuries in profile order, foot core for all, trail legs."""
    found: list[Protocol] = []
    for injury in profile.injuries:
        protocol = BY_INJURY[injury]
        if protocol not in found:
            found.append(protocol)
    found.append(FOOT_CORE)
    race = profile.dated_race
    ultra = race is not None and race.distance is RaceDistance.ULTRA
    if ultra and (phase is None or phase in TRAIL_PHASES):
        found.append(TRAIL)
    return tuple(found)


def protocol_choices(
    protocol: Protocol,
    pools: Pools,
    offset: int = 0,
    lifts: tuple[Choice, ...] = (),
) -> list[Choice]:
    """One doable exercise per slot of the protocol (alternatives rotate with `offset`).

    Slots that the session's main lifts already serve (runner's knee quads after a squat)
    are left out, so injury work does not crowd out the rest of the body.
    """
    by_slug = {c.exercise.slug: c for c in pools.all_strength}
    worked = frozenset(m for c in lifts for m in c.exercise.primary_muscles)
    picked: list[Choice] = []
    for index, slot in enumerate(protocol.slots):
        if protocol.slot_covered(index, worked):
            continue
        doable = [by_slug[slug] for slug in slot if slug in by_slug]
        if doable:
            picked.append(doable[offset % len(doable)] if protocol.in_warmup else doable[0])
    return picked


def _dosed(protocol: Protocol, choice: Choice, lifts: frozenset[str] = frozenset()) -> Dosed:
    slug = choice.exercise.slug
    return Dosed(choice, None, protocol.tempo, protocol.key, lift=slug in lifts)


def _protocol_has_same_calf(calf: Dosed, protocol_items: list[Dosed]) -> bool:
    """An injury protocol's calf raise replaces the spine's calf raise of the same kind."""
    return any(
        Pattern.CALF_RAISE in p.choice.exercise.patterns
        and bent_knee(p.choice) == bent_knee(calf.choice)
        for p in protocol_items
    )


def protocol_slugs(protocol: Protocol) -> frozenset[str]:
    """Every exercise that can serve the protocol."""
    return frozenset(slug for slot in protocol.slots for slug in slot)


def session_lifts(spine: Spine, index: int, count: int) -> tuple[Choice, ...]:
    """Session A squats, B hinges, C squats again; a lone session does both."""
    squat, hinge = spine.squat, spine.hinge
    order: tuple[Choice | None, ...]
    if count == 1:
        order = (squat, hinge)
    elif index % 2 == 0:
        order = (squat,)
    else:
        order = (hinge,)
    picked = tuple(c for c in order if c is not None)
    if not picked:  # only one of the two exists: every session gets it
        picked = tuple(c for c in (squat, hinge) if c is not None)
    return picked


def build_templates(
    profile: Profile,
    pools: Pools,
    phase: Phase,
    count: int,
    used_last: frozenset[str],
    offset: int,
) -> Templates:
    """Each session of a phase: its main lifts, injury work, calves, then accessories."""
    menus: list[Menu] = []
    used: set[str] = set()
    spine = pools.spine
    minutes = profile.strength.minutes_per_session
    active = protocols(profile, phase)
    for index in range(max(1, count)):
        lifts = tuple(Dosed(c) for c in session_lifts(spine, index, count))
        calves = [Dosed(spine.calf)] if spine.calf is not None else []
        wants_soleus = count == 1 or index % 2 == 1
        if spine.soleus is not None and wants_soleus and minutes >= SOLEUS_MINUTES:
            calves.append(Dosed(spine.soleus))
        protocol_items: list[Dosed] = []
        foot: list[Dosed] = []
        for protocol in active:
            if protocol is TRAIL and index != min(1, count - 1):
                continue
            picks = protocol_choices(protocol, pools, index, tuple(d.choice for d in lifts))
            if protocol.in_warmup:
                foot.extend(_dosed(protocol, c) for c in picks[:1])
            else:
                protocol_items.extend(_dosed(protocol, c, spine.lift_slugs()) for c in picks)
        calves = [c for c in calves if not _protocol_has_same_calf(c, protocol_items)]
        base = [d.choice for d in (*lifts, *calves, *protocol_items)]
        objective = Objective(
            TARGETS,
            profile.level,
            (),
            used_this_phase=frozenset(used),
            used_last_phase=used_last,
        )
        room = max(1, MAIN_LIMIT.get(phase, ACTIVATION_MAIN_LIMIT) - len(lifts))
        spine_slugs = spine.slugs()
        accessories = greedy(
            [c for c in pools.main if c.exercise.slug not in spine_slugs], objective, room, base
        )
        core_objective = Objective(
            CORE_TARGETS,
            profile.level,
            (),
            want_unilateral=False,
            reward_load=False,
            used_this_phase=frozenset(used),
            used_last_phase=used_last,
        )
        core = greedy(pools.core, core_objective, 2, base)
        used |= {c.exercise.slug for c in (*accessories, *core)}
        menus.append(
            Menu(
                cardio=rotate(pools.cardio, index),
                drills=rotate(pools.drills, offset + index * 2),
                foam=rotate(pools.foam, index * 2),
                plyo=rotate(pools.plyo, offset + index * 2)[:2],
                main=tuple(accessories),
                core=tuple(core),
                cooldown=pools.cooldown,
                drills_first=minutes > SHORTEST_WITH_DRILLS,
                injury_first=minutes <= SHORT_MINUTES,
                lifts=lifts,
                protocol=tuple(protocol_items),
                calves=tuple(calves),
                foot=tuple(foot),
            )
        )
    return Templates(tuple(menus), pools.activation)


def jumps_for_week(profile: Profile, pools: Pools, menu: Menu, week: int, ramp: int) -> Menu:
    """The jumps a week may hold: low-intensity ones during the ramp-in and, for masters,
    bone-stress, shin or Achilles histories, only low-impact ones until their week comes."""
    if not menu.plyo and not pools.easy_jumps:
        return menu
    big_from = high_impact_from(profile, ramp)
    if week >= big_from:
        return menu
    low_impact_only = week < _impact_guard(profile)
    easy = [
        c for c in pools.easy_jumps if not (low_impact_only and c.exercise.impact is Impact.HIGH)
    ]
    return replace(menu, plyo=tuple(easy[:1]))


def _impact_guard(profile: Profile) -> int:
    """The first week any high-impact jump is allowed at all."""
    weeks = [1]
    if profile.masters:
        weeks.append(5)
    weeks.extend(BY_INJURY[i].high_impact_from for i in profile.injuries)
    return max(weeks)


def high_impact_from(profile: Profile, ramp: int) -> int:
    """The first week of bigger jumps: after the ramp-in and every guard of the profile."""
    return max(ramp + 1, _impact_guard(profile))


def max_contacts(profile: Profile) -> int | None:
    """The lowest cap on foot contacts any protocol of the runner sets (Achilles: 40)."""
    caps = [BY_INJURY[i].max_contacts for i in profile.injuries]
    known = [c for c in caps if c is not None]
    return min(known) if known else None


def with_stages(menu: Menu, week: int) -> Menu:
    """The menu with each protocol exercise at its dose for this plan week."""
    staged = tuple(
        replace(item, stage=BY_KEY[item.protocol].stage(week)) if item.protocol else item
        for item in menu.protocol
    )
    return replace(menu, protocol=staged)
