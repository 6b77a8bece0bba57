"""Controlled vocabularies of DESIGN section 4: their values are part of the public contract."""

from __future__ import annotations

from enum import StrEnum


class Equipment(StrEnum):
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    MEDICINE_BALL = "medicine_ball"
    BENCH = "bench"
    BOX = "box"
    PULL_UP_BAR = "pull_up_bar"
    RESISTANCE_BAND = "resistance_band"
    MINI_BAND = "mini_band"
    STABILITY_BALL = "stability_ball"
    AB_WHEEL = "ab_wheel"
    FOAM_ROLLER = "foam_roller"
    SLIDERS = "sliders"
    LEG_PRESS = "leg_press"
    CABLE_MACHINE = "cable_machine"
    WEIGHT_PLATE = "weight_plate"
    MAT = "mat"
    TOWEL = "towel"


class MuscleGroup(StrEnum):
    QUADRICEPS = "quadriceps"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    HIP_FLEXORS = "hip_flexors"
    ADDUCTORS = "adductors"
    CALVES = "calves"
    FEET = "feet"
    ABS = "abs"
    OBLIQUES = "obliques"
    LOWER_BACK = "lower_back"
    CHEST = "chest"
    UPPER_BACK = "upper_back"
    LATS = "lats"
    SHOULDERS = "shoulders"
    BICEPS = "biceps"
    TRICEPS = "triceps"


class Injury(StrEnum):
    RUNNERS_KNEE = "runners_knee"
    IT_BAND_SYNDROME = "it_band_syndrome"
    PLANTAR_FASCIITIS = "plantar_fasciitis"
    SHIN_SPLINTS = "shin_splints"
    ACHILLES_TENDINOPATHY = "achilles_tendinopathy"
    HAMSTRING_STRAIN = "hamstring_strain"
    LOW_BACK_PAIN = "low_back_pain"
    BONE_STRESS = "bone_stress"


class RaceDistance(StrEnum):
    K5 = "5k"
    K10 = "10k"
    HALF_MARATHON = "half_marathon"
    MARATHON = "marathon"
    ULTRA = "ultra"
    NONE = "none"


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    INTERVALS = "intervals"
    TEMPO = "tempo"
    HILLS = "hills"
    RACE = "race"
    CROSS = "cross"


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        """Order of levels, so 'at most my level' is a comparison."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.BEGINNER: 0, Level.INTERMEDIATE: 1, Level.ADVANCED: 2}


class Day(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday is 0, as in datetime.date.weekday()."""
        return list(Day).index(self)


class Category(StrEnum):
    STRENGTH = "strength"
    PLYOMETRIC = "plyometric"
    CORE = "core"
    MOBILITY = "mobility"
    STRETCH = "stretch"
    FOAM_ROLL = "foam_roll"
    WARMUP = "warmup"
    CARDIO = "cardio"


class Pattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"
    STEP = "step"
    PUSH = "push"
    PULL = "pull"
    CARRY = "carry"
    ROTATION = "rotation"
    ANTI_ROTATION = "anti_rotation"
    ANTI_EXTENSION = "anti_extension"
    HIP_ABDUCTION = "hip_abduction"
    HIP_EXTENSION = "hip_extension"
    KNEE_FLEXION = "knee_flexion"
    CALF_RAISE = "calf_raise"
    FOOT = "foot"
    JUMP = "jump"
    LOCOMOTION = "locomotion"


class Impact(StrEnum):
    NONE = "none"
    LOW = "low"
    HIGH = "high"


class Status(StrEnum):
    ACTIVE = "active"
    DEPRECATED = "deprecated"


class Style(StrEnum):
    PERFORMANCE = "performance"
    CLASSIC = "classic"


class Lifting(StrEnum):
    """How much lifting the runner has done lately: decides the ramp-in before heavy work."""

    NONE = "none"
    SOME = "some"
    REGULAR = "regular"


class MaxIntensity(StrEnum):
    """The heaviest prescription an exercise can carry safely and stably."""

    HEAVY = "heavy"
    MODERATE = "moderate"
    LIGHT = "light"


class SessionKind(StrEnum):
    """A full strength session, or a short top-up of an injury protocol on another day."""

    STRENGTH = "strength"
    REHAB = "rehab"


class Units(StrEnum):
    KG = "kg"
    LB = "lb"


class BlockKind(StrEnum):
    WARMUP = "warmup"
    FOAM_ROLL = "foam_roll"
    MAIN = "main"
    PLYOMETRIC = "plyometric"
    CORE = "core"
    CIRCUIT = "circuit"
    COOLDOWN = "cooldown"
