"""Placing strength sessions on the days of a running week (rule: spacing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, pairwise

from runlift.domain.athlete import HARD_RUNS
from runlift.domain.vocab import Day, RunType

RunOn = Callable[[date], RunType | None]

# Soft penalties: the lower the total, the better the week. Hard rules are filters, not penalties.
COST_REST_DAY = 2
COST_EASY_DAY = 1
COST_LONG_DAY = 4
COST_BEFORE_QUALITY = 6
COST_BACK_TO_BACK = 5
COST_NOT_PREFERRED = 3
COST_HIGH_SPACING_GAP = 1


@dataclass(frozen=True, slots=True)
class Placement:
    """The chosen days and the reasons, as 'rule-id: reason' lines."""

    days: tuple[date, ...]
    why: tuple[str, ...]


def day_of(d: date) -> Day:
    """The vocabulary day of a date."""
    return list(Day)[d.weekday()]


def refusal(d: date, run_on: RunOn) -> str | None:
    """Why the hard spacing rule keeps strength off day `d`, or None when it allows it."""
    if run_on(d) is RunType.RACE:
        return "spacing: no strength on race day"
    following = run_on(d + timedelta(days=1))
    if following in (RunType.LONG, RunType.RACE):
        return f"spacing: no strength the day before the {following.value} run"
    return None


def allowed(d: date, run_on: RunOn) -> bool:
    """Hard rule: no strength the day before a long run or race, nor on race day."""
    return refusal(d, run_on) is None


def day_cost(d: date, run_on: RunOn, preferred: tuple[Day, ...]) -> int:
    """The soft cost of one session on day `d`."""
    run = run_on(d)
    if run in HARD_RUNS:
        cost = 0
    elif run is RunType.LONG:
        cost = COST_LONG_DAY
    elif run is None:
        cost = COST_REST_DAY
    else:
        cost = COST_EASY_DAY
    if run_on(d + timedelta(days=1)) in HARD_RUNS:
        cost += COST_BEFORE_QUALITY
    if preferred and day_of(d) not in preferred:
        cost += COST_NOT_PREFERRED
    return cost


def _combo_cost(days: tuple[date, ...], costs: dict[date, int]) -> tuple[int, tuple[date, ...]]:
    total = sum(costs[d] for d in days)
    for first, second in pairwise(days):
        gap = (second - first).days
        if gap == 1:
            total += COST_BACK_TO_BACK
        elif gap == 2 and len(days) <= 2:
            total += COST_HIGH_SPACING_GAP
    return total, days


def place_sessions(
    week_start: date,
    wanted: int,
    run_on: RunOn,
    preferred: tuple[Day, ...],
    earliest: date,
    latest: date,
) -> Placement:
    """Choose up to `wanted` days in the week, cheapest first, never breaking a hard rule."""
    days = [week_start + timedelta(days=i) for i in range(7)]
    candidates = [d for d in days if earliest <= d <= latest and allowed(d, run_on)]
    count = min(wanted, len(candidates))
    why: list[str] = []
    if count < wanted:
        why.append(
            f"frequency: {count} of {wanted} sessions fit this week without lifting the day "
            "before a long run or race"
        )
    if count == 0:
        return Placement((), tuple(why))
    costs = {d: day_cost(d, run_on, preferred) for d in candidates}
    _, chosen = min(_combo_cost(combo, costs) for combo in combinations(candidates, count))
    for d in chosen:
        why.append(_reason(d, run_on, preferred))
    for first, second in pairwise(chosen):
        if (second - first).days == 1:
            why.append(
                f"spacing: {day_of(first).value} and {day_of(second).value} are back to back; "
                "no better pair this week"
            )
    return Placement(chosen, tuple(why))


def _reason(d: date, run_on: RunOn, preferred: tuple[Day, ...]) -> str:
    name = day_of(d).value
    run = run_on(d)
    nxt = run_on(d + timedelta(days=1))
    if run in HARD_RUNS:
        text = f"{name} after the {run.value} run, keeping easy days easy"
    elif run is RunType.LONG:
        text = f"{name} after the long run; no better day this week"
    elif run is None:
        text = f"{name}, a day without running"
    elif run is RunType.EASY:
        text = f"{name}, an easy-run day"
    else:
        text = f"{name}, a {run.value} day"
    if nxt in HARD_RUNS:
        text += f"; under 48 h before the {nxt.value} run (no better day this week)"
    if preferred and day_of(d) not in preferred:
        text += f"; not a preferred day ({', '.join(p.value for p in preferred)})"
    return f"spacing: {text}"
