"""The store check over the fake: damaged plan rows found, named, and repaired in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.services import athletes, store_check, training
from runlift.services.errors import Damaged

ROOT = Path(__file__).resolve().parents[2]
ANA = (ROOT / "examples" / "ana-marathon.yaml").read_text(encoding="utf-8")
START = dt.date(2026, 11, 16)
TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def damaged(library: Library) -> FakeStore:
    """Ana whose plan document is not JSON and whose first planned session has no blocks."""
    store = FakeStore()
    athletes.create_athlete(store, library, ANA, "ana.yaml", START, TODAY, NOW)
    [plan] = store.data.plans
    store.data.plans = [replace(plan, plan_json="{not json")]
    first = store.data.planned[plan.id][0]
    store.data.planned[plan.id][0] = replace(first, session={"title": "no blocks"})
    return store


def test_a_clean_store_has_no_problems(library: Library) -> None:
    store = FakeStore()
    athletes.create_athlete(store, library, ANA, "ana.yaml", START, TODAY, NOW)
    assert store_check.check_store(store, library).problems == []


def test_damage_is_one_error_for_commands_and_listed_by_the_check(
    damaged: FakeStore, library: Library
) -> None:
    with pytest.raises(Damaged, match=r"planned_sessions row .* cannot be used"):
        training.day_view(damaged, library, "Ana", TODAY)
    problems = store_check.check_store(damaged, library).problems
    assert [(p.athlete, p.table) for p in problems] == [
        ("Ana", "plans"),
        ("Ana", "planned_sessions"),
    ]
    assert problems[1].problem == "session.date: Field required"


def test_repair_rebuilds_the_plan_and_replans_in_one_commit(
    damaged: FakeStore, library: Library
) -> None:
    commits = damaged.commits
    result = store_check.repair_store(damaged, library, NOW)
    assert damaged.commits == commits + 1
    assert result.repaired[-1] == "Ana: plan version 2 re-built from the profile from 2026-11-16"
    assert store_check.check_store(damaged, library).problems == []
    assert training.day_view(damaged, library, "Ana", TODAY).athlete == "Ana"
