"""Muscle groups and the finer anatomy (heads) under them, after seed 001's running-muscle tour."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from runlift.domain.vocab import MuscleGroup

HEADS: Final = MappingProxyType(
    {
        MuscleGroup.QUADRICEPS: (
            "vastus_medialis",
            "vastus_intermedius",
            "vastus_lateralis",
            "rectus_femoris",
        ),
        MuscleGroup.HAMSTRINGS: ("biceps_femoris", "semitendinosus", "semimembranosus"),
        MuscleGroup.GLUTES: (
            "gluteus_maximus",
            "gluteus_medius",
            "gluteus_minimus",
            "tensor_fasciae_latae",
            "deep_hip_rotators",
        ),
        MuscleGroup.HIP_FLEXORS: ("iliacus", "psoas_major"),
        MuscleGroup.ADDUCTORS: ("adductor_magnus", "adductor_longus", "gracilis"),
        MuscleGroup.CALVES: ("gastrocnemius", "soleus", "tibialis_posterior"),
        MuscleGroup.FEET: ("intrinsic_foot_muscles", "tibialis_anterior", "peroneals"),
        MuscleGroup.ABS: ("rectus_abdominis", "transversus_abdominis"),
        MuscleGroup.OBLIQUES: ("external_oblique", "internal_oblique"),
        MuscleGroup.LOWER_BACK: ("erector_spinae", "multifidus", "quadratus_lumborum"),
        MuscleGroup.CHEST: ("pectoralis_major", "serratus_anterior"),
        MuscleGroup.UPPER_BACK: ("trapezius", "rhomboids"),
        MuscleGroup.LATS: ("latissimus_dorsi", "teres_major"),
        MuscleGroup.SHOULDERS: (
            "anterior_deltoid",
            "lateral_deltoid",
            "posterior_deltoid",
            "rotator_cuff",
        ),
        MuscleGroup.BICEPS: ("biceps_brachii", "brachialis", "brachioradialis"),
        MuscleGroup.TRICEPS: ("triceps_brachii",),
    }
)

GROUP_OF_HEAD: Final = MappingProxyType(
    {head: group for group, heads in HEADS.items() for head in heads}
)

LOWER_BODY_GROUPS: Final = frozenset(
    {
        MuscleGroup.QUADRICEPS,
        MuscleGroup.HAMSTRINGS,
        MuscleGroup.GLUTES,
        MuscleGroup.HIP_FLEXORS,
        MuscleGroup.ADDUCTORS,
        MuscleGroup.CALVES,
        MuscleGroup.FEET,
    }
)
CORE_GROUPS: Final = frozenset({MuscleGroup.ABS, MuscleGroup.OBLIQUES, MuscleGroup.LOWER_BACK})
UPPER_BODY_GROUPS: Final = frozenset(
    {
        MuscleGroup.CHEST,
        MuscleGroup.UPPER_BACK,
        MuscleGroup.LATS,
        MuscleGroup.SHOULDERS,
        MuscleGroup.BICEPS,
        MuscleGroup.TRICEPS,
    }
)
