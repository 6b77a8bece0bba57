"""Personal records, computed purely from logged sets."""

from __future__ import annotations

import datetime as dt

import pytest

from runlift.domain.log import LoggedSet
from runlift.domain.progression import Load
from runlift.domain.records import personal_records
from runlift.domain.vocab import Units

KG, LB = Units.KG, Units.LB
D1, D2, D3 = dt.date(2026, 11, 2), dt.date(2026, 11, 5), dt.date(2026, 11, 9)


def s(
    reps: int | None, load: Load | None = None, seconds: int | None = None, n: int = 1
) -> LoggedSet:
    return LoggedSet("goblet-squat", n, reps, load, seconds)


def test_best_e1rm_is_epley_over_sets_of_ten_or_fewer_in_the_athletes_units() -> None:
    (found,) = personal_records(
        [(D1, s(5, Load(24, KG))), (D2, s(12, Load(30, KG))), (D3, s(8, Load(40, LB), n=2))], KG
    )
    assert found.e1rm is not None
    assert found.e1rm.e1rm.value == pytest.approx(28.0)
    assert (found.e1rm.date, found.e1rm.set_number, found.e1rm.reps) == (D1, 1, 5)


def test_most_reps_at_each_load_keeps_the_first_date_and_orders_by_weight() -> None:
    (found,) = personal_records(
        [
            (D1, s(8, Load(20, KG))),
            (D2, s(8, Load(20, KG))),
            (D3, s(15)),
            (D3, s(10, Load(16, KG))),
        ],
        KG,
    )
    assert [(r.load, r.reps, r.date) for r in found.reps_at] == [
        (None, 15, D3),
        (Load(16, KG), 10, D3),
        (Load(20, KG), 8, D1),
    ]


def test_longest_hold_and_no_e1rm_without_load() -> None:
    (found,) = personal_records([(D1, s(None, seconds=30)), (D2, s(None, seconds=45))], KG)
    assert found.longest_hold == (45, D2)
    assert found.e1rm is None
    assert found.reps_at == []
