"""The history page's charts: each one an SVG with an accessible name and the same numbers as a
small table, built from the series services/history_page.py gathers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from runlift.entrypoints.web.svg_charts import BarSeries, bar_chart, day_label, line_chart, number
from runlift.services.history_page import HistoryPage, Series

TOP_MUSCLES = 5
MEASURES = {"e1rm": "estimated 1RM", "reps": "most reps in a set", "seconds": "longest hold"}


@dataclass(frozen=True, slots=True)
class ChartView:
    """A chart as the page shows it: its heading, the SVG, and its numbers as a table."""

    chart_id: str
    heading: str
    svg: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def human(identifier: str) -> str:
    """A vocabulary id as people write it: 'upper_back' -> 'Upper back'."""
    return identifier.replace("_", " ").capitalize()


def _series_chart(series: Series, unit: str) -> ChartView:
    measure = MEASURES[series.measure]
    shown_unit = unit if series.measure == "e1rm" else "s" if series.measure == "seconds" else ""
    title = f"{series.name}: {measure} by date"
    points = list(series.points)
    first, last = points[0], points[-1]
    suffix = f" {shown_unit}" if shown_unit else ""
    description = (
        f"{len(points)} training days from {first[0].isoformat()} ({number(first[1])}{suffix}) "
        f"to {last[0].isoformat()} ({number(last[1])}{suffix}); "
        f"best {number(max(v for _, v in points))}{suffix}."
    )
    chart_id = f"chart-{series.measure}-{series.exercise}"
    header = measure.capitalize() + (f" ({shown_unit})" if shown_unit else "")
    return ChartView(
        chart_id,
        f"{series.name}: {measure}",
        line_chart(chart_id, title, description, points, shown_unit),
        ("Date", header),
        tuple((d.isoformat(), number(v)) for d, v in points),
    )


def _weeks(page: HistoryPage) -> list[dt.date]:
    mondays = {w.monday for w in page.load} | {w.monday for w in page.sessions}
    mondays |= {w.monday for w in page.volume}
    return sorted(mondays)


def _volume_chart(page: HistoryPage, mondays: list[dt.date]) -> ChartView | None:
    if not page.volume:
        return None
    by_week = {w.monday: w.sets for w in page.volume}
    totals: Counter[str] = Counter()
    for week in page.volume:
        totals.update(week.sets)
    top = [m for m, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_MUSCLES]]
    rest = sorted(set(totals) - set(top))
    series = [
        BarSeries(human(m), tuple(float(by_week.get(d, {}).get(m, 0)) for d in mondays))
        for m in top
    ]
    if rest:
        series.append(
            BarSeries(
                "Other",
                tuple(float(sum(by_week.get(d, {}).get(m, 0) for m in rest)) for d in mondays),
            )
        )
    muscles = sorted(totals)
    description = (
        "Sets per week, counted once for each primary muscle group: "
        + "; ".join(f"{human(m)} {totals[m]}" for m in sorted(top, key=lambda m: -totals[m]))
        + (f"; other groups {sum(totals[m] for m in rest)}" if rest else "")
        + " in all."
    )
    chart_id = "chart-volume"
    return ChartView(
        chart_id,
        "Weekly sets per muscle group",
        bar_chart(
            chart_id,
            "Weekly hard sets per muscle group",
            description,
            [day_label(d) for d in mondays],
            series,
            "sets",
            stacked=True,
        ),
        ("Week of", *(human(m) for m in muscles)),
        tuple(
            (d.isoformat(), *(str(by_week.get(d, {}).get(m, 0)) for m in muscles)) for d in mondays
        ),
    )


def _sessions_chart(page: HistoryPage) -> ChartView | None:
    if not page.sessions:
        return None
    weeks = page.sessions
    planned = sum(w.planned for w in weeks)
    done = sum(w.done for w in weeks)
    chart_id = "chart-sessions"
    return ChartView(
        chart_id,
        "Sessions done and planned",
        bar_chart(
            chart_id,
            "Strength sessions done vs planned per week",
            f"{done} sessions done and {planned} planned over {len(weeks)} weeks.",
            [day_label(w.monday) for w in weeks],
            [
                BarSeries("Planned", tuple(float(w.planned) for w in weeks)),
                BarSeries("Done", tuple(float(w.done) for w in weeks)),
            ],
        ),
        ("Week of", "Planned", "Done"),
        tuple((w.monday.isoformat(), str(w.planned), str(w.done)) for w in weeks),
    )


def _load_charts(page: HistoryPage) -> list[ChartView]:
    weeks = page.load
    if not weeks or not any(w.run_km or w.strength_sessions for w in weeks):
        return []
    labels = [day_label(w.monday) for w in weeks]
    spikes = [bool(w.spikes) for w in weeks]
    rows = tuple(
        (
            w.monday.isoformat(),
            number(w.run_km),
            str(w.strength_sessions),
            str(w.strength_load),
            "; ".join(
                f"{s.run.date.isoformat()}: {number(s.percent_over)}% over the longest run of "
                "the previous 30 days"
                for s in w.spikes
            )
            or "-",
        )
        for w in weeks
    )
    columns = ("Week of", "Running km", "Strength sessions", "Strength load", "Run spikes")
    km = sum(w.run_km for w in weeks)
    flagged = sum(len(w.spikes) for w in weeks)
    running = ChartView(
        "chart-run-km",
        "Running km per week",
        bar_chart(
            "chart-run-km",
            "Weekly running km, run spikes flagged",
            f"{number(km)} km in {len(weeks)} weeks; {flagged} runs flagged as spikes "
            "(more than 10% longer than the longest run of the previous 30 days).",
            labels,
            [BarSeries("Running km", tuple(w.run_km for w in weeks))],
            "km",
            flags=spikes,
            flag_name="run spike",
        ),
        columns,
        rows,
    )
    strength = ChartView(
        "chart-strength-load",
        "Strength load per week",
        bar_chart(
            "chart-strength-load",
            "Weekly strength load (session RPE x minutes)",
            f"{sum(w.strength_load for w in weeks)} load units from "
            f"{sum(w.strength_sessions for w in weeks)} strength sessions in {len(weeks)} weeks.",
            labels,
            [BarSeries("Strength load", tuple(float(w.strength_load) for w in weeks))],
            "load",
        ),
        (),
        (),
    )
    return [running, strength] if any(w.strength_load for w in weeks) else [running]


@dataclass(frozen=True, slots=True)
class HistoryCharts:
    """The page's chart sections; empty ones are left out."""

    lifts: tuple[ChartView, ...]
    bodyweight: tuple[ChartView, ...]
    weekly: tuple[ChartView, ...]
    load: tuple[ChartView, ...]

    @property
    def empty(self) -> bool:
        """True when there is nothing to draw."""
        return not (self.lifts or self.bodyweight or self.weekly or self.load)


def history_charts(page: HistoryPage) -> HistoryCharts:
    """Every chart the page's data supports."""
    unit = page.units.value
    mondays = _weeks(page)
    weekly = [c for c in (_volume_chart(page, mondays), _sessions_chart(page)) if c is not None]
    return HistoryCharts(
        tuple(_series_chart(s, unit) for s in page.e1rm),
        tuple(_series_chart(s, unit) for s in page.bodyweight),
        tuple(weekly),
        tuple(_load_charts(page)),
    )
