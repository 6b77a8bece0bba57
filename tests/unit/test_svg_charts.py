"""The SVG renderer: well-formed XML, the same bytes for the same data, every label escaped."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import pytest

from runlift.entrypoints.web.svg_charts import (
    BarSeries,
    bar_chart,
    day_label,
    line_chart,
    nice_ticks,
    number,
)

SVG = "{http://www.w3.org/2000/svg}"
DAYS = [dt.date(2026, 11, 2), dt.date(2026, 11, 5), dt.date(2026, 11, 16)]
POINTS = [(DAYS[0], 30.4), (DAYS[1], 35.0), (DAYS[2], 39.9)]


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_a_line_chart_is_an_image_named_by_its_title() -> None:
    svg = line_chart("c1", "Goblet squat: estimated 1RM by date", "3 days.", POINTS, "kg")
    root = parsed(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title"
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.get("id") == "c1-title"
    assert title.text == "Goblet squat: estimated 1RM by date"
    assert len(root.findall(f".//{SVG}circle")) == 3
    assert root.find(f".//{SVG}polyline") is not None


def test_points_higher_in_value_are_drawn_higher_up() -> None:
    root = parsed(line_chart("c", "t", "d", POINTS))
    heights = [float(c.get("cy", "0")) for c in root.iter(f"{SVG}circle")]
    assert heights == sorted(heights, reverse=True)
    across = [float(c.get("cx", "0")) for c in root.iter(f"{SVG}circle")]
    assert across == sorted(across)
    # Dates are spaced as in the calendar: 3 days, then 11.
    assert (across[2] - across[1]) > 3 * (across[1] - across[0])


def test_the_same_data_gives_the_same_bytes() -> None:
    first = line_chart("c", "t", "d", POINTS, "kg")
    assert first == line_chart("c", "t", "d", list(POINTS), "kg")
    bars = [BarSeries("Planned", (2.0, 3.0)), BarSeries("Done", (1.0, 3.0))]
    assert bar_chart("b", "t", "d", ["a", "b"], bars) == bar_chart("b", "t", "d", ["a", "b"], bars)


def test_labels_titles_and_ids_are_escaped() -> None:
    hostile = '<script>alert("x")</script> & "quotes"'
    svg = bar_chart(
        'x"><script>',
        hostile,
        hostile,
        [hostile],
        [BarSeries(hostile, (1.0,)), BarSeries("b", (2.0,))],
    )
    assert "<script>" not in svg
    root = parsed(svg)
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == hostile
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert hostile in texts


def test_stacked_bars_reach_the_sum_and_grouped_bars_sit_side_by_side() -> None:
    series = [BarSeries("Glutes", (2.0, 0.0)), BarSeries("Quadriceps", (3.0, 4.0))]
    stacked = parsed(bar_chart("s", "t", "d", ["w1", "w2"], series, stacked=True))
    rects = [r for r in stacked.iter(f"{SVG}rect") if r.get("width") != "10"]
    assert len(rects) == 3  # a zero is not drawn
    first_week = [r for r in rects if r.get("x") == rects[0].get("x")]
    assert len(first_week) == 2  # one above the other
    grouped = parsed(bar_chart("g", "t", "d", ["w1", "w2"], series))
    xs = {r.get("x") for r in grouped.iter(f"{SVG}rect") if r.get("width") != "10"}
    assert len(xs) == 3


def test_flagged_categories_get_a_mark_and_a_legend_entry() -> None:
    svg = bar_chart(
        "k", "t", "d", ["a", "b"], [BarSeries("km", (10.0, 20.0))], "km",
        flags=[False, True], flag_name="run spike",
    )  # fmt: skip
    texts = [t.text for t in parsed(svg).iter(f"{SVG}text")]
    assert "!" in texts
    assert "! run spike" in texts


def test_an_empty_chart_is_still_well_formed() -> None:
    parsed(line_chart("e", "t", "d", []))
    parsed(bar_chart("e", "t", "d", [], [BarSeries("x", ())]))


@pytest.mark.parametrize(
    ("low", "high"), [(0, 1), (0, 7), (27.3, 41.2), (0, 1234), (5, 5), (0.0, 0.3)]
)
def test_axis_ticks_are_round_and_cover_the_range(low: float, high: float) -> None:
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low
    assert ticks[-1] >= high
    steps = {round(b - a, 6) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    assert 2 <= len(ticks) <= 7


def test_labels_read_as_people_write_them() -> None:
    assert number(40.0) == "40"
    assert number(39.94) == "39.9"
    assert day_label(dt.date(2026, 11, 2)) == "2 Nov"
    assert day_label(dt.date(2027, 1, 4), with_year=True) == "4 Jan 27"


def test_counts_get_whole_ticks() -> None:
    assert nice_ticks(0, 2, whole=True) == [0.0, 1.0, 2.0]
    assert all(t == int(t) for t in nice_ticks(0, 3, whole=True))


def test_a_long_legend_wraps_inside_the_chart() -> None:
    names = ["Quadriceps", "Hamstrings", "Glutes", "Calves", "Obliques", "Other"]
    series = [BarSeries(n, (1.0,)) for n in names]
    root = parsed(bar_chart("w", "t", "d", ["a"], series, stacked=True))
    keys = [t for t in root.iter(f"{SVG}text") if t.text in names]
    assert len(keys) == len(names)
    assert all(float(t.get("x", "0")) + 6.5 * len(t.text or "") <= 360 for t in keys)
    assert len({t.get("y") for t in keys}) == 2
