"""Loads a runner can make: steps by kit and unit, owned loads, the tempo ladder (issue 7.6)."""

from __future__ import annotations

import pytest

from runlift.domain.loads import LoadGrid
from runlift.domain.progression import RULES, Load
from runlift.domain.tempo import parse_tempo, slower_tempo, slowest, tempo_seconds
from runlift.domain.vocab import Equipment, Units

KG, LB = Units.KG, Units.LB
DB, KB, BB, MB = (
    Equipment.DUMBBELL,
    Equipment.KETTLEBELL,
    Equipment.BARBELL,
    Equipment.MEDICINE_BALL,
)


@pytest.mark.parametrize(
    ("equipment", "unit", "step"),
    [
        (BB, KG, 2.5),
        (DB, KG, 2.0),
        (KB, KG, 4.0),
        (BB, LB, 5.0),
        (DB, LB, 5.0),
        (KB, LB, 5.0),
        (MB, KG, 1.0),
        (MB, LB, 2.0),
        (None, KG, 2.5),
        (None, LB, 5.0),
    ],
)
def test_steps_a_runner_can_load(equipment: Equipment | None, unit: Units, step: float) -> None:
    assert RULES.step(equipment, unit) == step
    assert RULES.grid(equipment).step(unit) == step


def test_no_step_is_ever_one_pound() -> None:
    for equipment in (*RULES.steps, None):
        assert RULES.step(equipment, LB) >= 2.0


OWNED = LoadGrid.of((2.0, 5.0), (4, 6, 8, 10, 12.5), KG)
STEPS = LoadGrid.of((2.0, 5.0))

GRID_CASES = [
    # grid, load, down, nearest, above, below
    ("steps: on the grid", STEPS, Load(20, KG), 20, 20, 22, 18),
    ("steps: off the grid", STEPS, Load(21, KG), 20, 22, 22, 20),
    ("steps: zero", STEPS, Load(0, KG), 0, 0, 2, None),
    ("steps: pounds use the pound step", STEPS, Load(47, LB), 45, 45, 50, 45),
    ("owned: one owned", OWNED, Load(10, KG), 10, 10, 12.5, 8),
    ("owned: between two", OWNED, Load(11, KG), 10, 10, 12.5, 10),
    ("owned: above the heaviest", OWNED, Load(20, KG), 12.5, 12.5, None, 12.5),
    ("owned: below the lightest", OWNED, Load(2, KG), 4, 4, 4, None),
    ("owned: the heaviest has nothing above", OWNED, Load(12.5, KG), 12.5, 12.5, None, 10),
    ("owned: a pound load in a kg kit", OWNED, Load(22.05, LB), 10, 10, 12.5, 8),
]


@pytest.mark.parametrize(
    ("name", "grid", "load", "down", "nearest", "above", "below"),
    GRID_CASES,
    ids=[c[0] for c in GRID_CASES],
)
def test_load_grid(
    name: str,
    grid: LoadGrid,
    load: Load,
    down: float,
    nearest: float,
    above: float | None,
    below: float | None,
) -> None:
    unit = KG if grid.owned else load.unit
    assert grid.down(load) == Load(down, unit)
    assert grid.nearest(load) == Load(nearest, unit)
    assert grid.above(load) == (None if above is None else Load(above, unit))
    assert grid.below(load) == (None if below is None else Load(below, unit))
    for answer in (grid.down(load), grid.nearest(load), grid.above(load), grid.below(load)):
        assert answer is None or grid.contains(answer)


@pytest.mark.parametrize(
    ("grid", "load", "fraction", "expected"),
    [
        (STEPS, Load(20, KG), 0.075, Load(18, KG)),  # 18.5 -> nearest 18
        (LoadGrid.of((4.0, 5.0)), Load(16, KG), 0.075, Load(12, KG)),  # 14.8 -> 16 -> one step
        (LoadGrid.of((2.5, 5.0)), Load(100, KG), 0.075, Load(92.5, KG)),
        (LoadGrid.of((2.5, 5.0)), Load(135, LB), 0.075, Load(125, LB)),
        (OWNED, Load(12.5, KG), 0.075, Load(10, KG)),
        (OWNED, Load(4, KG), 0.15, Load(4, KG)),  # nothing lighter owned: the load stays
        (STEPS, Load(0, KG), 0.15, Load(0, KG)),
        (STEPS, Load(104, KG), 0.15, Load(88, KG)),
    ],
)
def test_lighter_is_the_nearest_loadable_and_at_least_one_step_down(
    grid: LoadGrid, load: Load, fraction: float, expected: Load
) -> None:
    assert grid.lighter(load, fraction) == expected


def test_owned_loads_are_sorted_and_checked() -> None:
    assert LoadGrid.of((2.0, 5.0), (12.5, 4, 8, 4)).owned == (4, 8, 12.5)
    with pytest.raises(ValueError, match="owned loads must be finite"):
        LoadGrid.of((2.0, 5.0), (-1,))
    with pytest.raises(ValueError, match="a load step must be positive"):
        LoadGrid.of((0.0, 5.0))


@pytest.mark.parametrize(
    ("tempo", "parsed", "seconds", "slower"),
    [
        (None, None, 0, "3-1-1"),
        ("3-1-1", (3, 1, 1), 5, "4-1-1"),
        ("3-0-3", (3, 0, 3), 6, "4-0-3"),
        ("5-1-1", (5, 1, 1), 7, None),
        ("slow", None, 0, "3-1-1"),
    ],
)
def test_tempo_ladder(
    tempo: str | None, parsed: tuple[int, int, int] | None, seconds: int, slower: str | None
) -> None:
    assert parse_tempo(tempo) == parsed
    assert tempo_seconds(tempo) == seconds
    assert slower_tempo(tempo, RULES.first_tempo, RULES.max_lowering_seconds) == slower


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (None, None, None),
        (None, "3-0-3", "3-0-3"),
        ("3-1-1", "3-0-3", "3-0-3"),
        ("4-1-1", "3-0-3", "4-1-1"),  # a tie keeps the first
        ("4-0-3", "3-0-3", "4-0-3"),
        ("3-1-1", None, "3-1-1"),
    ],
)
def test_the_slower_tempo_wins(first: str | None, second: str | None, expected: str | None) -> None:
    assert slowest(first, second) == expected
