"""Measure plan building: 16 and 30 weeks, 1,000 random profiles, greedy vs exact selection."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import build_plan
from runlift.domain.exercise import Catalogue
from runlift.domain.selection import TARGETS, Objective, candidates, exact, greedy, value
from runlift.domain.vocab import Category, Day, Equipment, Injury, Level, RaceDistance, RunType

START = date(2027, 1, 4)


def random_profile(rng: random.Random, weeks_to_race: int | None = None) -> Profile:
    """A valid random runner, reproducible from the generator's seed."""
    runs = {
        day: rng.choice([t for t in RunType if t is not RunType.RACE])
        for day in Day
        if rng.random() < 0.6
    }
    weeks = weeks_to_race if weeks_to_race is not None else rng.randint(1, 30)
    keep_race = weeks_to_race is not None or rng.random() < 0.8
    race = Race(
        rng.choice([d for d in RaceDistance if d is not RaceDistance.NONE]),
        START + timedelta(weeks=weeks - 1, days=rng.randint(0, 6)),
    )
    return Profile(
        level=rng.choice(list(Level)),
        strength=StrengthPrefs(
            rng.randint(1, 6), rng.randint(10, 120), tuple(d for d in Day if rng.random() < 0.3)
        ),
        equipment=frozenset(e for e in Equipment if rng.random() < 0.4),
        runs=runs,
        race=race if keep_race else None,
        injuries=tuple(i for i in Injury if rng.random() < 0.15),
    )


def median_ms(catalogue: Catalogue, profile: Profile, runs: int = 15) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        build_plan(profile, catalogue, START)
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def selection_gap(catalogue: Catalogue, rng: random.Random, samples: int = 12) -> list[float]:
    """Greedy objective / exact optimum for the first session of random profiles."""
    ratios = []
    for _ in range(samples):
        profile = random_profile(rng)
        pool = candidates(
            catalogue.active(), profile.equipment, profile.level, frozenset({Category.STRENGTH})
        )
        objective = Objective(TARGETS, profile.level, profile.injuries)
        picked = greedy(pool, objective, 4)
        if not picked:
            continue
        best = exact(pool, objective, len(picked))
        ratios.append(value(picked, objective) / value(best, objective))
    return ratios


def main() -> None:
    catalogue = load_library().catalogue
    rng = random.Random(20261121)
    for weeks in (16, 30):
        profile = random_profile(random.Random(weeks), weeks_to_race=weeks)
        print(f"{weeks}-week plan, median of 15 builds: {median_ms(catalogue, profile):.1f} ms")
    profiles = [random_profile(rng) for _ in range(1000)]
    began = time.perf_counter()
    total_weeks = sum(len(build_plan(p, catalogue, START).weeks) for p in profiles)
    elapsed = time.perf_counter() - began
    print(f"1,000 random profiles ({total_weeks} weeks in all): {elapsed:.1f} s on one core")
    ratios = selection_gap(catalogue, rng)
    print(
        f"greedy selection vs exact optimum on {len(ratios)} random profiles: "
        f"median {statistics.median(ratios):.3f}, worst {min(ratios):.3f} of the optimum"
    )


if __name__ == "__main__":
    main()
