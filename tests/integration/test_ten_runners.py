"""Ten varied runners train 8 simulated weeks (a deload included) through the log.

Beginner to advanced, bodyweight to full gym, 10 to 60 minutes, 5k to ultra, every injury,
masters, pounds: for each, every target `today` shows must be one answer with `next`, loadable
with the runner's kit and owned weights, free of RIR where RIR means nothing, lighter in a deload,
and never below the last pre-deload target once the deload is over.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections import defaultdict
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.progression import RULES
from runlift.domain.vocab import Equipment, Units

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from fakes import FakeStore
from simulation import LOADING, Seen, Simulation, simulate

ROOT = Path(__file__).resolve().parents[2]
RUNNERS = sorted((ROOT / "examples").glob("*.yaml"))
START = dt.date(2026, 12, 7)
WEEKS = 8

# Simulating eight weeks for each of ten runners takes a minute or more.
pytestmark = pytest.mark.slow


@cache
def run(path: Path) -> Simulation:
    return simulate(FakeStore(), load_library(), path, START, WEEKS)


def test_there_are_ten_varied_runners() -> None:
    assert len(RUNNERS) == 10


@pytest.mark.parametrize("path", RUNNERS, ids=lambda p: p.stem)
def test_next_and_today_give_one_answer(path: Path) -> None:
    for seen in run(path).seen:
        assert seen.next_target == seen.target, (seen.day, seen.target.exercise)


def _loaded(seen: Seen) -> bool:
    return bool({str(e) for e in seen.item["equipment"]} & LOADING)  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", RUNNERS, ids=lambda p: p.stem)
def test_every_load_is_one_the_runner_can_make(path: Path) -> None:
    sim = run(path)
    for seen in sim.seen:
        load = seen.target.load
        if load is None:
            continue
        assert _loaded(seen), (seen.day, seen.target)  # no load advice on bodyweight moves
        assert load.unit is sim.units
        piece = next(Equipment(e) for e in seen.item["equipment"] if e in LOADING)  # type: ignore[attr-defined]
        owned = sim.owned.get(piece)
        if owned:
            assert load.value in owned, (seen.day, seen.target, owned)
        else:
            step = RULES.step(piece, sim.units)
            assert math.isclose(load.value / step, round(load.value / step), abs_tol=1e-6), (
                seen.day,
                seen.target,
            )
            if sim.units is Units.LB:  # never a 1 lb step
                assert load.value % 5 in (0, 2.5), seen.target


@pytest.mark.parametrize("path", RUNNERS, ids=lambda p: p.stem)
def test_no_rir_on_jumps_or_holds(path: Path) -> None:
    for seen in run(path).seen:
        if seen.block == "plyometric" or seen.target.reps is None:
            assert seen.target.rir is None, (seen.day, seen.target)


@pytest.mark.parametrize("path", RUNNERS, ids=lambda p: p.stem)
def test_a_deload_is_lighter_and_never_costs_progress(path: Path) -> None:
    sim = run(path)
    by_exercise: dict[str, list[Seen]] = defaultdict(list)
    for seen in sim.seen:
        by_exercise[seen.target.exercise].append(seen)
    checked = 0
    for history in by_exercise.values():
        for before, during in pairwise(history):
            if not before.deload and during.deload and before.target.load and during.target.load:
                assert during.target.load.value <= before.target.load.value, during
                lighter = "instead of" in during.reason or "nothing lighter" in during.reason
                assert "deload week" in during.reason, during
                assert lighter, during
        normal = [s for s in history if s.counts]
        for index, seen in enumerate(normal[1:], start=1):
            previous = normal[index - 1]
            gap = [s for s in history if previous.day < s.day < seen.day and s.deload]
            if not gap or previous.target.load is None or seen.target.load is None:
                continue
            if previous.outcome == "fail" or previous.target.reps != seen.target.reps:
                continue
            assert seen.target.load.value >= previous.target.load.value, (
                previous.day,
                previous.target,
                seen.day,
                seen.target,
            )
            checked += 1
    deloaded = any(s.deload for s in sim.seen)
    assert deloaded, "eight weeks hold a deload"


@pytest.mark.parametrize("path", RUNNERS, ids=lambda p: p.stem)
def test_beating_a_target_never_lowers_the_next(path: Path) -> None:
    by_exercise: dict[str, list[Seen]] = defaultdict(list)
    for seen in run(path).seen:
        if seen.counts:
            by_exercise[seen.target.exercise].append(seen)
    for history in by_exercise.values():
        for done, after in pairwise(history):
            if done.outcome not in ("beat", "top") or done.target.reps != after.target.reps:
                continue
            if done.target.load and after.target.load:
                assert after.target.load.value >= done.target.load.value, (done, after)
            if done.target.reps is None and done.target.seconds and after.target.seconds:
                assert after.target.seconds >= done.target.seconds, (done, after)
