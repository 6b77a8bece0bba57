"""Sets as other apps (Strong, Hevy) record them, so history can move in and out of runlift.

A `ForeignSet` is one row of such a log in neutral terms: the exercise is the app's own name,
the load is a number with the unit the file gave (or None when the file does not say), and
effort is RPE. Turning it into a runlift set (catalogue slug, the athlete's units, RIR) is the
import service's job; these helpers hold the arithmetic both directions share.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from runlift.domain.loads import Load
from runlift.domain.log import MAX_RIR
from runlift.domain.vocab import Units

MAX_RPE = 10.0
CONVERTED_DECIMALS = 1  # a converted load is shown to 0.1: 225 lb -> 102.1 kg


@dataclass(frozen=True, slots=True)
class ForeignSet:
    """One set of another app's log; `row` is the spreadsheet row (the header is row 1).

    `order` is the set label as written ('1', 'W', 'D'), and `occurrence` tells apart rows that
    repeat the same workout, exercise and label (apps restart numbering around supersets), so
    the two together identify the row for a safe re-import. `weight` 0 or None is unloaded.
    """

    row: int
    started: dt.datetime
    workout: str
    exercise: str
    order: str
    occurrence: int = 1
    weight: float | None = None
    unit: Units | None = None
    reps: int | None = None
    seconds: int | None = None
    distance: float | None = None
    rpe: float | None = None
    notes: str | None = None
    warmup: bool = False


def rir_from_rpe(rpe: float | None) -> int | None:
    """Reps in reserve from RPE (10 - RPE), rounded down so 7.5 counts as 2, never optimistic."""
    if rpe is None:
        return None
    if not 0 <= rpe <= MAX_RPE:
        raise ValueError(f"RPE {rpe:g} is out of range; accepted: 0-{MAX_RPE:g}")
    return min(MAX_RIR, math.floor(MAX_RPE - rpe + 1e-9))


def rpe_from_rir(rir: int | None) -> float | None:
    """The RPE another app shows for a set logged with `rir` reps in reserve."""
    return None if rir is None else max(0.0, MAX_RPE - rir)


def load_in(weight: float | None, unit: Units, target: Units) -> Load | None:
    """A file's weight as a load in the athlete's units: None or 0 stays unloaded (bodyweight);
    a converted load is rounded to 0.1, an unconverted one kept as written."""
    if weight is None or weight == 0:
        return None
    load = Load(weight, unit)
    if unit is target:
        return load
    return Load(round(load.to(target).value, CONVERTED_DECIMALS), target)
