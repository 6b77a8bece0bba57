"""Property: any log written in Strong's layout reads back as the same sets, whatever the names."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.adapters.log_csv import STRONG, read_log_csv, write_strong_csv
from runlift.domain.foreign_log import ForeignSet
from runlift.domain.vocab import Units

# Names with commas, quotes, semicolons, line breaks and accents, as people name workouts.
TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=30,
).map(str.strip)
NAMES = TEXT.filter(bool)
DAYS = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
    lambda d: d.replace(microsecond=0)
)
WEIGHTS = st.none() | st.integers(1, 5000).map(lambda tenths: tenths / 10)
RPE = st.none() | st.integers(0, 10).map(float)


@st.composite
def sets(draw: st.DrawFn) -> ForeignSet:
    weight = draw(WEIGHTS)
    return ForeignSet(
        row=0,
        started=draw(DAYS),
        workout=draw(TEXT),
        exercise=draw(NAMES),
        order=str(draw(st.integers(1, 30))),
        weight=weight,
        unit=Units.KG if weight else None,
        reps=draw(st.none() | st.integers(1, 200)),
        seconds=draw(st.none() | st.integers(1, 3600)),
        rpe=draw(RPE),
        notes=draw(st.none() | NAMES),
    )


def _seen(one: ForeignSet) -> tuple[object, ...]:
    return (
        one.started,
        one.workout,
        one.exercise,
        one.order,
        one.weight or None,
        one.reps or None,
        one.seconds,
        one.rpe,
        one.notes,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(sets(), min_size=1, max_size=12))
def test_strong_layout_text_reads_back_as_the_same_sets(written: list[ForeignSet]) -> None:
    back = read_log_csv(write_strong_csv(written).encode(), STRONG)
    assert [_seen(one) for one in back] == [_seen(one) for one in written]
    # Rows are numbered by record, so a name with a line break does not shift the next rows.
    assert [one.row for one in back] == list(range(2, len(written) + 2))
    assert not any(one.warmup for one in back)
