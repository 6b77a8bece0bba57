"""Injury protocols as data: exercises, dose by week, weekly frequency and jump limits.

Each protocol follows its evidence (rule: injury-focus; shared/science.md, INJURY x EXERCISES):
the plan puts its exercises into the strength sessions and, when those are fewer than the
protocol's frequency, tops it up with short `rehab` sessions on other days.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from runlift.domain.rules import SEED_003
from runlift.domain.vocab import Injury, MuscleGroup

BEYER = "Beyer et al. 2015, AJSM 43:1704"
RATHLEFF = "Rathleff et al. 2015, Scand J Med Sci Sports 25:e292"
TADDEI = "Taddei et al. 2020, AJSM 48:3610"
WILLY = "Willy et al. 2019, JOSPT patellofemoral pain CPG"
FREDERICSON = "Fredericson et al. 2000, Clin J Sport Med 10:169"
OWEN = "Owen et al. 2020, BJSM 54:1279"
HAYDEN = "Hayden et al. 2021, Cochrane CD009790"
VAN_DYK = "van Dyk et al. 2019, BJSM 53:1362"
BONTEMPS = "Bontemps et al. 2020, Sports Med 50:2083"


@dataclass(frozen=True, slots=True)
class Stage:
    """The dose from a protocol week on: sets x reps (a repetition maximum) or a hold."""

    from_week: int
    sets: int
    reps: tuple[int, int] | None
    note: str


@dataclass(frozen=True, slots=True)
class Protocol:
    """One evidence-based routine: which exercises, how often, how hard, and what to avoid.

    `slots` are alternatives in order of preference: the first one the runner can do is used.
    `isolation` marks protocols of small isolation moves that must not fill a session.
    `high_impact_from` is the first plan week in which high-impact jumps are allowed.
    """

    key: str
    label: str
    per_week: int
    slots: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]
    stages: tuple[Stage, ...] = ()
    tempo: str | None = None
    isolation: bool = False
    high_impact_from: int = 1
    max_contacts: int | None = None
    in_warmup: bool = False
    covered_by: tuple[MuscleGroup | None, ...] = ()

    def slot_covered(self, index: int, muscles: frozenset[MuscleGroup]) -> bool:
        """A slot is already served when the session's main lifts work its muscle primarily."""
        if index >= len(self.covered_by):
            return False
        muscle = self.covered_by[index]
        return muscle is not None and muscle in muscles

    def stage(self, week: int) -> Stage | None:
        """The dose for a plan week (1-based); None when the catalogue default applies."""
        current = None
        for stage in self.stages:
            if week >= stage.from_week:
                current = stage
        return current


# Beyer 2015 heavy slow resistance: 15RM in week 1, 12RM weeks 2-3, 10RM weeks 4-5, 8RM weeks
# 6-8, 6RM from week 9; 3 s up, 3 s down; three days a week.
ACHILLES = Protocol(
    key="achilles",
    label="Achilles (heavy slow calf raises)",
    per_week=3,
    slots=(
        ("calf-raise", "single-leg-calf-raise"),
        ("seated-calf-raise", "bent-knee-calf-raise"),
    ),
    sources=(BEYER, SEED_003),
    stages=(
        Stage(1, 3, (15, 15), "15RM: a load you could lift 15 times and no more"),
        Stage(2, 3, (12, 12), "12RM: a load you could lift 12 times and no more"),
        Stage(4, 4, (10, 10), "10RM: a load you could lift 10 times and no more"),
        Stage(6, 4, (8, 8), "8RM: a load you could lift 8 times and no more"),
        Stage(9, 4, (6, 6), "6RM: a load you could lift 6 times and no more"),
    ),
    tempo="3-0-3",
    high_impact_from=7,
    max_contacts=40,
)

# Rathleff 2015: heel raise with a rolled towel under the toes, every other day; 3 x 12RM,
# 4 x 10RM after two weeks, 5 x 8RM after four; 3 s up, 2 s at the top, 3 s down.
PLANTAR = Protocol(
    key="plantar",
    label="plantar heel pain (towel heel raises)",
    per_week=3,
    slots=(("towel-heel-raise",),),
    sources=(RATHLEFF, SEED_003),
    stages=(
        Stage(1, 3, (12, 12), "12RM: add a backpack once 12 is easy"),
        Stage(3, 4, (10, 10), "10RM: add weight to the backpack"),
        Stage(5, 5, (8, 8), "8RM: a load you could lift 8 times and no more"),
    ),
    tempo="3-2-3",
)

RUNNERS_KNEE = Protocol(
    key="runners-knee",
    label="runner's knee (hip and quadriceps)",
    per_week=3,
    slots=(
        ("side-lying-leg-raise", "clamshell", "standing-side-kick", "fire-hydrant"),
        ("spanish-squat", "lateral-step-down", "step-up", "wall-sit", "air-squat"),
    ),
    sources=(WILLY, "Collins et al. 2018, BJSM 52:1170", SEED_003),
    isolation=True,
    covered_by=(None, MuscleGroup.QUADRICEPS),
)

IT_BAND = Protocol(
    key="it-band",
    label="IT band (hip abductors)",
    per_week=3,
    slots=(("side-lying-leg-raise", "standing-side-kick", "clamshell", "fire-hydrant"),),
    sources=(FREDERICSON, SEED_003),
    isolation=True,
)

LOW_BACK = Protocol(
    key="low-back",
    label="low back pain (anti-extension and anti-rotation core)",
    per_week=2,
    slots=(("dead-bug", "bird-dog"), ("side-plank", "pallof-press", "kneeling-side-plank")),
    sources=(HAYDEN, OWEN),
)

SHIN = Protocol(
    key="shin",
    label="calf, soleus and hip strength",
    per_week=2,
    slots=(
        ("seated-calf-raise", "bent-knee-calf-raise", "calf-raise"),
        ("side-lying-leg-raise", "clamshell", "standing-side-kick"),
    ),
    sources=("Thacker et al. 2002 (no proven prevention; calf and hip work is plausible)",),
    high_impact_from=5,
)

HAMSTRING = Protocol(
    key="hamstring",
    label="hamstring (RDL and Nordic curls)",
    per_week=2,
    slots=(
        ("romanian-deadlift", "single-leg-romanian-deadlift"),
        ("nordic-hamstring-curl", "slider-leg-curl", "stability-ball-leg-curl"),
    ),
    sources=(VAN_DYK, "Impellizzeri et al. 2021, J Clin Epidemiol 140:111"),
)

FOOT_CORE = Protocol(
    key="foot-core",
    label="foot core",
    per_week=3,
    slots=(("short-foot", "toe-curl", "band-foot-pull", "single-leg-balance"),),
    sources=(TADDEI,),
    in_warmup=True,
)

TRAIL = Protocol(
    key="trail",
    label="downhill legs (slow step-downs)",
    per_week=1,
    slots=(("eccentric-step-down", "lateral-step-down"),),
    sources=(BONTEMPS, "shared/science.md: ultra and trail add eccentric quadriceps work"),
    tempo="4-0-1",
)

BY_INJURY: Final = MappingProxyType(
    {
        Injury.ACHILLES_TENDINOPATHY: ACHILLES,
        Injury.PLANTAR_FASCIITIS: PLANTAR,
        Injury.RUNNERS_KNEE: RUNNERS_KNEE,
        Injury.IT_BAND_SYNDROME: IT_BAND,
        Injury.LOW_BACK_PAIN: LOW_BACK,
        Injury.SHIN_SPLINTS: SHIN,
        Injury.BONE_STRESS: SHIN,
        Injury.HAMSTRING_STRAIN: HAMSTRING,
    }
)

INJURY_NAMES: Final = MappingProxyType(
    {
        Injury.RUNNERS_KNEE: "runner's knee",
        Injury.IT_BAND_SYNDROME: "IT band syndrome",
        Injury.PLANTAR_FASCIITIS: "plantar heel pain",
        Injury.SHIN_SPLINTS: "shin splints",
        Injury.ACHILLES_TENDINOPATHY: "Achilles tendinopathy",
        Injury.HAMSTRING_STRAIN: "hamstring strain",
        Injury.LOW_BACK_PAIN: "low back pain",
        Injury.BONE_STRESS: "bone-stress injury",
    }
)

# Calves every week (rule: full-body): a top-up only when no strength session held a calf raise.
CALVES = Protocol(
    key="calves",
    label="calves",
    per_week=1,
    slots=(("single-leg-calf-raise", "calf-raise", "heel-raise"),),
    sources=(SEED_003, "Blagrove et al. 2018, Sports Med 48:1117"),
)

BY_KEY: Final = MappingProxyType(
    {p.key: p for p in (*BY_INJURY.values(), FOOT_CORE, TRAIL, CALVES)}
)
