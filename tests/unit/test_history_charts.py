"""The history page's charts from the fake store's log: named, described, tabulated; none empty."""

from __future__ import annotations

import datetime as dt

from fakes import FakeStore
from log_fixtures import ana_with_a_log

from runlift.adapters.catalogue_loader import load_library
from runlift.entrypoints.web.history_charts import history_charts
from runlift.services.coaching import AthleteAccess
from runlift.services.history_page import history_page

TODAY = dt.date(2026, 11, 25)


def ana_page(store: FakeStore) -> AthleteAccess:
    with store() as uow:
        record = uow.athletes.get("Ana")
    assert record is not None
    return AthleteAccess(record.id, "Ana", False, 0, 0)


def test_every_chart_says_what_it_shows_and_has_its_numbers() -> None:
    store = ana_with_a_log()
    page = history_page(store, load_library(), ana_page(store), TODAY, weeks=2)
    charts = history_charts(page)
    assert [c.heading for c in charts.lifts] == ["Goblet squat: estimated 1RM"]
    assert "Goblet squat: estimated 1RM by date</title>" in charts.lifts[0].svg
    assert charts.lifts[0].rows == (("2026-11-16", "30.4"), ("2026-11-19", "39.9"))
    assert {c.chart_id for c in charts.bodyweight} == {
        "chart-reps-push-up",
        "chart-seconds-side-plank",
    }
    assert [c.chart_id for c in charts.weekly] == ["chart-volume", "chart-sessions"]
    assert [c.chart_id for c in charts.load] == ["chart-run-km", "chart-strength-load"]
    running = charts.load[0]
    assert running.rows[0][:4] == ("2026-11-16", "18", "2", "480")
    assert "Weekly strength load (session RPE x minutes)" in charts.load[1].svg


def test_weeks_without_a_rated_session_draw_no_strength_load_chart() -> None:
    store = ana_with_a_log()
    page = history_page(store, load_library(), ana_page(store), dt.date(2026, 12, 20), weeks=2)
    charts = history_charts(page)
    assert [c.chart_id for c in charts.load] == []  # no runs, no sessions in these two weeks
    assert charts.lifts  # progress charts cover the whole log
