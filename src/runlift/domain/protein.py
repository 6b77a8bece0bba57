"""Daily protein from body mass (rule: protein), with the seed's higher figure and its caveat."""

from __future__ import annotations

from runlift.domain.athlete import LB_PER_KG
from runlift.domain.plan import ProteinTarget

DAILY_G_PER_KG = (1.4, 2.0)
PER_MEAL_G = (20, 40)
SEED_G_PER_LB = (1, 2)
CAVEAT = (
    "seed 001 suggests 1-2 g per pound (about 2.2-4.4 g/kg); gains plateau near 1.6 g/kg "
    "(Morton 2018) and the ISSN advises 1.4-2.0 g/kg, so the upper seed figure exceeds the "
    "evidence."
)


def protein_target(body_mass_kg: float | None) -> ProteinTarget | None:
    """Grams per day and per meal for this body mass; None when the mass is unknown."""
    if body_mass_kg is None:
        return None
    low, high = (round(body_mass_kg * g) for g in DAILY_G_PER_KG)
    pounds = body_mass_kg * LB_PER_KG
    seed = (round(pounds * SEED_G_PER_LB[0]), round(pounds * SEED_G_PER_LB[1]))
    return ProteinTarget(round(body_mass_kg, 1), (low, high), PER_MEAL_G, seed, CAVEAT)
