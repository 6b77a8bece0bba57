"""`exercises list --equipment ...` lists exactly what the kit allows (DESIGN section 6)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.vocab import Equipment
from runlift.services.catalogue import list_exercises

LIBRARY = load_library()
ACTIVE = LIBRARY.catalogue.active()
BODYWEIGHT = [e.slug for e in ACTIVE if any(len(option) == 0 for option in e.equipment_options)]

kits = st.sets(st.sampled_from(list(Equipment)), min_size=1)


def doable(option_sets: tuple[frozenset[Equipment], ...], kit: set[Equipment]) -> bool:
    """Written out here rather than using Exercise.doable_with, so the test is independent."""
    return any(all(item in kit for item in option) for option in option_sets)


def listed(kit: set[Equipment]) -> list[str]:
    """What the CLI asks the service for when --equipment is given once per kit item."""
    ids = sorted(item.value for item in kit)
    found = list_exercises(LIBRARY, equipment=ids, bodyweight_only=bool(ids))
    return [e.slug for e in found]


def test_fixture_catalogue_has_both_kinds() -> None:
    assert len(BODYWEIGHT) >= 10
    assert len(BODYWEIGHT) < len(ACTIVE)


@settings(max_examples=200, database=None)
@given(kit=kits)
def test_every_listed_exercise_is_doable_with_the_kit(kit: set[Equipment]) -> None:
    by_slug = {e.slug: e for e in ACTIVE}
    for slug in listed(kit):
        assert doable(by_slug[slug].equipment_options, kit), (slug, sorted(kit))


@settings(max_examples=200, database=None)
@given(kit=kits)
def test_every_doable_active_exercise_is_listed(kit: set[Equipment]) -> None:
    expected = [e.slug for e in ACTIVE if doable(e.equipment_options, kit)]
    assert listed(kit) == expected


@settings(max_examples=200, database=None)
@given(kit=kits)
def test_bodyweight_exercises_are_always_listed(kit: set[Equipment]) -> None:
    assert set(BODYWEIGHT) <= set(listed(kit))


@settings(max_examples=100, database=None)
@given(small=kits, extra=kits)
def test_more_kit_never_lists_fewer_exercises(small: set[Equipment], extra: set[Equipment]) -> None:
    assert set(listed(small)) <= set(listed(small | extra))


@settings(max_examples=100, database=None)
@given(kit=kits, data=st.data())
def test_order_and_case_of_ids_do_not_matter(kit: set[Equipment], data: st.DataObject) -> None:
    ids = data.draw(st.permutations(sorted(item.value for item in kit)))
    shouted = [item.upper() for item in ids]
    found = list_exercises(LIBRARY, equipment=shouted, bodyweight_only=True)
    assert [e.slug for e in found] == listed(kit)


def test_no_kit_given_means_no_kit_filter() -> None:
    assert [e.slug for e in list_exercises(LIBRARY)] == [e.slug for e in ACTIVE]


def test_empty_kit_with_bodyweight_only_lists_bodyweight_exercises() -> None:
    found = list_exercises(LIBRARY, equipment=[], bodyweight_only=True)
    assert [e.slug for e in found] == BODYWEIGHT


def test_full_kit_lists_every_active_exercise() -> None:
    assert listed(set(Equipment)) == [e.slug for e in ACTIVE]
