"""The exercise library page's question: the CLI's search ranking within the CLI's filters."""

from __future__ import annotations

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.domain.vocab import Equipment, Injury, Level
from runlift.services.errors import BadInput
from runlift.services.exercise_page import find_exercises
from runlift.services.search import search


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_no_words_and_no_filters_is_every_active_exercise_by_name(library: Library) -> None:
    found = find_exercises(library)
    assert {e.slug for e in found} == {e.slug for e in library.catalogue.active()}
    assert [e.name.casefold() for e in found] == sorted(e.name.casefold() for e in found)


def test_words_keep_the_search_ranking(library: Library) -> None:
    found = find_exercises(library, "calf raise")
    ranked = [h.exercise.slug for h in search(library.catalogue, "calf raise", limit=60)]
    assert [e.slug for e in found] == ranked


def test_filters_apply_to_the_search_results(library: Library) -> None:
    found = find_exercises(library, "squat", injury="runners_knee", level="beginner")
    assert found
    assert all(Injury.RUNNERS_KNEE in e.injuries and e.level is Level.BEGINNER for e in found)
    everything = find_exercises(library, "squat")
    assert len(found) < len(everything)


def test_kit_means_what_it_or_no_kit_allows_and_none_means_bodyweight(library: Library) -> None:
    band = find_exercises(library, equipment="resistance_band")
    assert all(e.doable_with([Equipment.RESISTANCE_BAND]) for e in band)
    assert any(not e.bodyweight for e in band)
    assert all(e.bodyweight for e in find_exercises(library, equipment="none"))


def test_an_unknown_filter_value_names_its_field(library: Library) -> None:
    with pytest.raises(BadInput) as refused:
        find_exercises(library, muscle="biceps femoris")
    assert refused.value.field == "muscle"
