"""Vocabulary ids as people read them on the pages ('it_band_syndrome' -> 'IT band syndrome')."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

SPECIAL = {
    "runners_knee": "Runner's knee",
    "it_band_syndrome": "IT band syndrome",
    "plantar_fasciitis": "Plantar heel pain (plantar fasciitis)",
    "achilles_tendinopathy": "Achilles tendinopathy",
    "low_back_pain": "Low back pain",
    "pull_up_bar": "Pull-up bar",
    "mini_band": "Mini band",
    "abs": "Abs",
    "none": "None",
}


def label(identifier: str) -> str:
    """A vocabulary id in words, capitalised."""
    return SPECIAL.get(identifier) or identifier.replace("_", " ").capitalize()


def choices(values: Iterable[StrEnum]) -> list[tuple[str, str]]:
    """(id, label) pairs for a select, in the vocabulary's own order."""
    return [(v.value, label(v.value)) for v in values]
