"""The profile questions as answers: checked like a profile file, stored only when all is well."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.services import athletes
from runlift.services.errors import BadInput
from runlift.services.onboarding import (
    ProfileAnswers,
    answered_profile,
    answers_from_profile,
    onboarding_answers,
    plan_from_answers,
)
from runlift.services.profile_text import parse_profile_text

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
TODAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
ANSWERS = ProfileAnswers(
    name="Ana",
    level="intermediate",
    lifting="some",
    age="41",
    units="kg",
    race_distance="marathon",
    race_date="2027-04-18",
    sessions_per_week="2",
    minutes_per_session="40",
    preferred_days=("mon", "thu"),
    equipment=("dumbbell", "bench"),
    weights={"dumbbell": "4, 6 8", "kettlebell": ""},
    runs={"tue": "intervals", "wed": "", "sun": "long"},
    injuries=("runners_knee",),
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store() -> FakeStore:
    fake = FakeStore()
    with fake() as uow:
        uow.athletes.add("acct-1", "", NOW)
        uow.commit()
    return fake


def test_answers_become_the_profile_file_they_stand_for() -> None:
    profile = parse_profile_text(answered_profile(ANSWERS))
    assert profile.race is not None
    assert (profile.race.distance, profile.race.date) == ("marathon", dt.date(2027, 4, 18))
    assert profile.strength.sessions_per_week == 2
    assert profile.strength.preferred_days == ["mon", "thu"]
    assert profile.runs == {"tue": "intervals", "sun": "long"}
    assert profile.weights == {"dumbbell": [4.0, 6.0, 8.0]}
    assert (profile.age, profile.lifting) == (41, "some")


def test_a_stored_profile_gives_back_the_same_answers() -> None:
    profile = parse_profile_text(answered_profile(ANSWERS))
    again = answers_from_profile(profile, "someone else")
    assert again.weights == {"dumbbell": "4, 6, 8"}
    assert parse_profile_text(answered_profile(again)) == profile


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sessions_per_week": "0"}, "strength.sessions_per_week"),
        ({"minutes_per_session": "2.5"}, "strength.minutes_per_session"),
        ({"race_date": ""}, "race.date"),
        ({"race_distance": "marathonn"}, "race.distance"),
        ({"weights": {"dumbbell": "4, -2"}}, "weights.dumbbell"),
        ({"weights": {"barbell": "20"}}, "weights.barbell"),
        ({"age": "old"}, "age"),
        ({"name": " "}, "name"),
        ({"units": "stone"}, "units"),
    ],
)
def test_each_bad_answer_names_its_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(BadInput) as refused:
        answered_profile(dataclasses.replace(ANSWERS, **changes))  # type: ignore[arg-type]
    assert refused.value.field == field


def test_the_first_answers_are_stored_with_a_plan_from_next_monday(
    store: FakeStore, library: Library
) -> None:
    assert onboarding_answers(store, "acct-1", "Ana") == (
        answers_from_profile(None, "Ana"),
        False,
    )
    record = plan_from_answers(store, library, "acct-1", ANSWERS, TODAY, NOW)
    assert record.start == dt.date(2026, 12, 7)
    answers, stored = onboarding_answers(store, "acct-1", "Ana")
    assert stored is True
    assert answers.race_date == "2027-04-18"


def test_a_refused_answer_stores_nothing(store: FakeStore, library: Library) -> None:
    early = dataclasses.replace(ANSWERS, race_date="2026-12-02")
    with pytest.raises(BadInput) as refused:
        plan_from_answers(store, library, "acct-1", early, TODAY, NOW)
    assert refused.value.field == "race.date"
    assert athletes.get_athlete(store, "acct-1").profile_yaml == ""
    with store() as uow:
        assert uow.plans.latest(1) is None


def test_a_re_plan_keeps_what_the_form_does_not_ask(store: FakeStore, library: Library) -> None:
    classic = ANA.read_text().replace("style: performance", "style: classic")
    athletes.update_athlete(store, library, "acct-1", classic, "ana", None, TODAY, NOW)
    plan_from_answers(store, library, "acct-1", ANSWERS, TODAY, NOW)
    profile = athletes.profile_document(store, "acct-1")
    assert (profile.style, profile.body_mass) == ("classic", 62)
    assert profile.equipment == ["dumbbell", "bench"]
