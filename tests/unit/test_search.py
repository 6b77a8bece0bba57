"""Search ranking: the words a runner types find what they mean."""

from __future__ import annotations

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.vocab import Category, Injury
from runlift.services.search import search

CATALOGUE = load_library().catalogue


def top(query: str, n: int = 5) -> list[str]:
    return [hit.exercise.slug for hit in search(CATALOGUE, query, limit=n)]


def test_short_words_match_exactly_not_as_prefixes() -> None:
    hits = search(CATALOGUE, "core no equipment", limit=5)
    assert hits
    for hit in hits:
        assert hit.exercise.category is Category.CORE
        assert hit.exercise.bodyweight


def test_an_injury_and_a_muscle_find_the_rehab_work_first() -> None:
    assert top("hamstring injury", 2) == ["nordic-hamstring-curl", "romanian-deadlift"]
    for slug in top("achilles calf", 3):
        assert Injury.ACHILLES_TENDINOPATHY in CATALOGUE.get(slug).injuries


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("bulgarain split squat", "bulgarian-split-squat"), ("glute brige", "glute-bridge")],
)
def test_typos_still_find_the_exercise(typed: str, expected: str) -> None:
    assert top(typed, 1) == [expected]


def test_nothing_matches_gives_no_hits() -> None:
    assert search(CATALOGUE, "zzzz qqqq") == []
    assert search(CATALOGUE, "the and of") == []


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("squat", "air-squat"),
        ("lunge", "forward-lunge"),
        ("pull-up", "pull-up"),
        ("planks", "plank"),
    ],
)
def test_singular_and_plural_names_resolve(typed: str, slug: str) -> None:
    found = CATALOGUE.resolve(typed)
    assert found is not None
    assert found.slug == slug
