"""Quick entry and the bookkeeping of the guided session, without a terminal or a store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from runlift.domain.log import LoggedSet
from runlift.domain.progression import Decision, Load, Target
from runlift.domain.vocab import Units
from runlift.entrypoints.cli import quick_entry
from runlift.entrypoints.cli.quick_entry import Command
from runlift.services import guided
from runlift.services.errors import BadInput
from runlift.services.guided import Result, Step

KG, LB = Units.KG, Units.LB
LUNGE = Target("forward-lunge", "forward-lunge", 3, (4, 6), None, Load(16, KG), 3)
FRESH = Target("forward-lunge", "forward-lunge", 3, (4, 6), None, None, 3)
PLANK = Target("kneeling-side-plank", "kneeling-side-plank", 2, None, 30, None, 3)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("", LUNGE, Result(6, Load(16, KG), None, 3)),
        ("   ", LUNGE, Result(6, Load(16, KG), None, 3)),
        ("8", LUNGE, Result(8, Load(16, KG), None, None)),
        ("8 22.5kg", LUNGE, Result(8, Load(22.5, KG), None, None)),
        ("8 22.5 kg", LUNGE, Result(8, Load(22.5, KG), None, None)),
        ("8 22.5kg 2", LUNGE, Result(8, Load(22.5, KG), None, 2)),
        ("8 @22.5kg 2", LUNGE, Result(8, Load(22.5, KG), None, 2)),
        ("8,22.5kg,2", LUNGE, Result(8, Load(22.5, KG), None, 2)),
        ("8 50lb", LUNGE, Result(8, Load(50, LB), None, None)),
        ("8 2", LUNGE, Result(8, Load(16, KG), None, 2)),
        ("8 18 2", LUNGE, Result(8, Load(18, KG), None, 2)),
        ("8 rir1", LUNGE, Result(8, Load(16, KG), None, 1)),
        ("0", LUNGE, Result(0, Load(16, KG), None, None)),
        ("", PLANK, Result(None, None, 30, 3)),
        ("45s", PLANK, Result(None, None, 45, None)),
        ("45", PLANK, Result(None, None, 45, None)),
        ("45 1", PLANK, Result(None, None, 45, 1)),
        ("45s 5kg", PLANK, Result(None, Load(5, KG), 45, None)),
        ("45s 1", PLANK, Result(None, None, 45, 1)),
        ("45s 5kg 1", PLANK, Result(None, Load(5, KG), 45, 1)),
        ("45s 1", LUNGE, Result(None, Load(16, KG), 45, 1)),
        ("8", FRESH, Result(8, None, None, None)),
    ],
)
def test_quick_entry(text: str, target: Target, expected: Result) -> None:
    assert quick_entry.parse_entry(text, target, target.load, KG) == expected


def test_three_bare_numbers_take_the_runners_unit() -> None:
    assert quick_entry.parse_entry("8 40 2", FRESH, None, LB) == Result(8, Load(40, LB), None, 2)


@pytest.mark.parametrize(
    ("text", "command"),
    [("s", Command.SKIP), ("skip", Command.SKIP), ("q", Command.QUIT), (" Q ", Command.QUIT)],
)
def test_commands(text: str, command: Command) -> None:
    assert quick_entry.parse_entry(text, LUNGE, LUNGE.load, KG) is command


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("foo", "entry"),
        ("8 45s", "entry"),
        ("8 foo", "entry"),
        ("-3", "entry"),
        ("8.5", "entry"),
        ("8 22.5", "entry"),
        ("8 2 3 4", "entry"),
        ("8 16kg 20kg", "load"),
        ("8 22st", "entry"),
        ("22kg", "reps"),
        ("300", "reps"),
        ("8 2000kg", "load"),
        ("8 16kg 11", "rir"),
        ("8 rir2 3", "rir"),
        ("0s", "seconds"),
    ],
)
def test_bad_entries_name_the_field(text: str, field: str) -> None:
    with pytest.raises(BadInput) as caught:
        quick_entry.parse_entry(text, LUNGE, LUNGE.load, KG)
    assert caught.value.field == field


def test_a_loaded_exercise_without_a_known_load_asks_for_one() -> None:
    with pytest.raises(BadInput, match=r"load: no load yet.*e\.g\. 6 16kg"):
        quick_entry.parse_entry("", FRESH, None, KG, needs_load=True)
    with pytest.raises(BadInput, match=r"e\.g\. 6 35lb"):
        quick_entry.parse_entry("6", FRESH, None, LB, needs_load=True)
    assert quick_entry.parse_entry("6 14kg", FRESH, None, KG, needs_load=True) == Result(
        6, Load(14, KG), None, None
    )


def test_srpe() -> None:
    assert quick_entry.parse_srpe("") is None
    assert quick_entry.parse_srpe(" 7 ") == 7
    assert quick_entry.parse_srpe("0") == 0
    for bad in ("11", "-1", "hard", "6.5"):
        with pytest.raises(BadInput, match="srpe"):
            quick_entry.parse_srpe(bad)


def test_client_id_is_one_per_day_exercise_and_set() -> None:
    day = dt.date(2026, 11, 17)
    assert guided.client_id(day, "goblet-squat", 2) == "session:2026-11-17:goblet-squat:2"
    assert guided.client_id(day, "goblet-squat", 2) != guided.client_id(day, "goblet-squat", 3)


def _step(target: Target, done: tuple[LoggedSet, ...] = (), kit: list[str] | None = None) -> Step:
    item: dict[str, Any] = {
        "exercise": target.exercise,
        "equipment": ["dumbbell"] if kit is None else kit,
        "rest_seconds": 90,
    }
    return Step("main", item, Decision(target, "progression", "test"), done)


def test_remaining_sets_and_next_number_follow_what_is_saved() -> None:
    first = LoggedSet("forward-lunge", 1, 6, Load(14, KG), rir=3)
    second = LoggedSet("forward-lunge", 2, 5, Load(16, KG), rir=2)
    step = _step(FRESH, (first, second))
    assert step.remaining == 1
    assert step.next_set == 3
    assert guided.working_load(step, []) == Load(16, KG)
    assert guided.working_load(step, [Result(6, Load(18, KG))]) == Load(18, KG)
    fresh = _step(FRESH)
    assert (fresh.remaining, fresh.next_set) == (3, 1)
    assert guided.working_load(fresh, []) is None
    assert guided.working_load(_step(LUNGE), []) == Load(16, KG)
    assert _step(FRESH, (first, second, first, second)).remaining == 0


def test_only_planned_kit_that_carries_load_needs_a_load() -> None:
    assert _step(FRESH).needs_load
    assert not _step(FRESH, kit=[]).needs_load
    assert not _step(FRESH, kit=["resistance_band"]).needs_load
    harder = Target("forward-lunge", "walking-lunge", 3, (4, 6), None, None, 3)
    assert not _step(harder).needs_load
    assert not Step("warmup", {"exercise": "easy-jog", "equipment": []}, None).needs_load


def test_describe_reads_back_a_set() -> None:
    assert quick_entry.describe(Result(6, Load(16, KG), None, 3)) == "6 reps @ 16 kg, RIR 3"
    assert quick_entry.describe(Result(None, None, 30, None)) == "30 s"
    assert quick_entry.describe(LoggedSet("x", 1, 8, Load(22.5, KG))) == "8 reps @ 22.5 kg"
