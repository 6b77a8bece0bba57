"""The shipped catalogue is valid, consistent and complete (DESIGN sections 3 and 4).

Checks run on the raw YAML where possible, so a loader bug cannot hide a data problem, and the
loader itself is shown to reject bad files with a message naming the file.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from runlift.adapters import catalogue_loader
from runlift.adapters.catalogue_loader import (
    CatalogueError,
    load_library,
    package_root,
    parse_exercise,
    parse_program,
)
from runlift.domain.anatomy import GROUP_OF_HEAD
from runlift.domain.exercise import normalise_name
from runlift.domain.library import Library
from runlift.domain.vocab import (
    Category,
    Equipment,
    Impact,
    Injury,
    Level,
    MaxIntensity,
    MuscleGroup,
    Pattern,
)

ROOT = package_root()
EXERCISE_FILES = sorted((ROOT / "exercises").glob("*.yaml"))
PROGRAM_FILES = sorted((ROOT / "programs").glob("*.yaml"))


def _raw(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    return data


RAW_EXERCISES = {path.stem: _raw(path) for path in EXERCISE_FILES}
RAW_PROGRAMS = {path.stem: _raw(path) for path in PROGRAM_FILES}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ROOT)


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A writable copy of the whole shipped catalogue."""
    return Path(shutil.copytree(ROOT, tmp_path / "catalogue"))


# --- the catalogue as shipped -------------------------------------------------------------


def test_whole_catalogue_loads(library: Library) -> None:
    assert len(EXERCISE_FILES) >= 75
    assert len(library.catalogue) == len(EXERCISE_FILES)
    assert sorted(library.programs) == sorted(path.stem for path in PROGRAM_FILES)
    assert len(library.programs) == 13


def test_at_least_75_active_exercises(library: Library) -> None:
    assert len(library.catalogue.active()) >= 75


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.stem)
def test_exercise_slug_equals_file_name(path: Path) -> None:
    assert RAW_EXERCISES[path.stem]["slug"] == path.stem
    assert parse_exercise(path).slug == path.stem


@pytest.mark.parametrize("path", PROGRAM_FILES, ids=lambda p: p.stem)
def test_program_slug_equals_file_name(path: Path) -> None:
    assert RAW_PROGRAMS[path.stem]["slug"] == path.stem
    assert parse_program(path).slug == path.stem


def test_every_variant_and_replacement_reference_resolves() -> None:
    dangling = []
    for slug, data in RAW_EXERCISES.items():
        refs = [*data.get("easier", []), *data.get("harder", [])]
        if data.get("replaced_by"):
            refs.append(data["replaced_by"])
        dangling += [f"{slug} -> {ref}" for ref in refs if ref not in RAW_EXERCISES]
    assert not dangling, f"unresolved references: {dangling}"


def test_deprecated_exercises_point_at_active_replacements() -> None:
    for slug, data in RAW_EXERCISES.items():
        if data.get("status") == "deprecated":
            target = RAW_EXERCISES[data["replaced_by"]]
            assert target.get("status", "active") == "active", slug


def test_no_name_or_alias_belongs_to_two_exercises() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for slug, data in RAW_EXERCISES.items():
        for name in (slug, data["name"], *data.get("aliases", [])):
            owners[normalise_name(name)].add(slug)
    clashes = {name: sorted(slugs) for name, slugs in owners.items() if len(slugs) > 1}
    assert not clashes, f"names shared by several exercises: {clashes}"


def test_resolve_finds_every_name_and_alias(library: Library) -> None:
    catalogue = library.catalogue
    for slug, data in RAW_EXERCISES.items():
        for name in (slug, data["name"], *data.get("aliases", [])):
            found = catalogue.resolve(name.upper())
            assert found is not None, (name, slug)
            assert found.slug == slug, (name, slug)


def test_steps_and_sources_present() -> None:
    problems = []
    for slug, data in RAW_EXERCISES.items():
        if data["category"] != "foam_roll" and len(data.get("steps", [])) < 3:
            problems.append(f"{slug}: fewer than 3 steps")
        if not data.get("sources"):
            problems.append(f"{slug}: no sources")
    assert not problems, problems


def test_every_vocabulary_value_is_known() -> None:
    equipment = {e.value for e in Equipment}
    muscles = {m.value for m in MuscleGroup}
    problems = []
    for slug, data in RAW_EXERCISES.items():
        if data["category"] not in {c.value for c in Category}:
            problems.append(f"{slug}: category {data['category']!r}")
        problems += [
            f"{slug}: pattern {p!r}"
            for p in data["patterns"]
            if p not in {x.value for x in Pattern}
        ]
        for key in ("primary_muscles", "secondary_muscles"):
            problems += [f"{slug}: {key} {m!r}" for m in data.get(key, []) if m not in muscles]
        problems += [
            f"{slug}: muscle head {h!r}"
            for h in data.get("muscle_heads", [])
            if h not in GROUP_OF_HEAD
        ]
        for option in data["equipment_options"]:
            problems += [f"{slug}: equipment {e!r}" for e in option if e not in equipment]
        problems += [
            f"{slug}: injury {i!r}"
            for i in data.get("injuries", [])
            if i not in {x.value for x in Injury}
        ]
        if data["level"] not in {x.value for x in Level}:
            problems.append(f"{slug}: level {data['level']!r}")
        if data["impact"] not in {x.value for x in Impact}:
            problems.append(f"{slug}: impact {data['impact']!r}")
    assert not problems, problems


def test_every_program_item_references_an_existing_exercise() -> None:
    missing = []
    for slug, data in RAW_PROGRAMS.items():
        for block in data["blocks"]:
            missing += [
                f"{slug}: {item['exercise']}"
                for item in block["items"]
                if item["exercise"] not in RAW_EXERCISES
            ]
    assert not missing, missing


def test_ladders_do_not_contradict_themselves() -> None:
    problems = []
    for slug, data in RAW_EXERCISES.items():
        easier, harder = set(data.get("easier", [])), set(data.get("harder", []))
        if slug in easier | harder:
            problems.append(f"{slug} lists itself")
        problems += [f"{slug}: {s} is both easier and harder" for s in sorted(easier & harder)]
        for other in sorted(harder):
            if slug in RAW_EXERCISES.get(other, {}).get("harder", []):
                problems.append(f"{slug} and {other} each list the other as harder")
        for other in sorted(easier):
            if slug in RAW_EXERCISES.get(other, {}).get("easier", []):
                problems.append(f"{slug} and {other} each list the other as easier")
    assert not problems, problems


def test_easier_and_harder_are_symmetric() -> None:
    asymmetric = []
    for slug, data in RAW_EXERCISES.items():
        for other in data.get("harder", []):
            if slug not in RAW_EXERCISES.get(other, {}).get("easier", []):
                asymmetric.append(f"{slug}.harder has {other} but {other}.easier lacks {slug}")
        for other in data.get("easier", []):
            if slug not in RAW_EXERCISES.get(other, {}).get("harder", []):
                asymmetric.append(f"{slug}.easier has {other} but {other}.harder lacks {slug}")
    assert not asymmetric, asymmetric


# --- max_intensity: the heaviest prescription an exercise can carry --------------------------

LOADABLE = {"dumbbell", "kettlebell", "barbell", "leg_press", "cable_machine", "weight_plate"}
ALWAYS_LIGHT = {"plyometric", "core", "mobility", "stretch", "foam_roll", "warmup", "cardio"}


def test_every_exercise_has_a_known_max_intensity() -> None:
    known = {m.value for m in MaxIntensity}
    problems = [
        f"{slug}: max_intensity {data.get('max_intensity')!r}"
        for slug, data in RAW_EXERCISES.items()
        if data.get("max_intensity") not in known
    ]
    assert not problems, problems


def test_heavy_only_for_loadable_strength_exercises() -> None:
    problems = []
    for slug, data in RAW_EXERCISES.items():
        if data["max_intensity"] != "heavy":
            continue
        kit = {item for option in data["equipment_options"] for item in option}
        if data["category"] != "strength":
            problems.append(f"{slug}: heavy but category {data['category']}")
        if not kit & (LOADABLE | {"pull_up_bar"}):
            problems.append(f"{slug}: heavy without a loadable option or a pull-up bar")
    assert not problems, problems


def test_non_strength_categories_are_light() -> None:
    problems = [
        f"{slug}: {data['category']} is {data['max_intensity']}"
        for slug, data in RAW_EXERCISES.items()
        if data["category"] in ALWAYS_LIGHT and data["max_intensity"] != "light"
    ]
    assert not problems, problems


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("back-squat", "heavy"),
        ("deadlift", "heavy"),
        ("romanian-deadlift", "heavy"),
        ("goblet-squat", "heavy"),
        ("bulgarian-split-squat", "heavy"),
        ("hip-thrust", "heavy"),
        ("seated-calf-raise", "heavy"),
        ("single-leg-calf-raise", "heavy"),
        ("pull-up", "heavy"),
        ("single-leg-romanian-deadlift", "moderate"),
        ("overhead-lunge", "moderate"),
        ("kettlebell-swing", "moderate"),
        ("pistol-squat", "moderate"),
        ("step-up", "moderate"),
        ("nordic-hamstring-curl", "moderate"),
        ("eccentric-step-down", "moderate"),
        ("bent-knee-calf-raise", "moderate"),
        ("air-squat", "light"),
        ("clamshell", "light"),
        ("plank", "light"),
        ("box-jump", "light"),
        ("couch-stretch", "light"),
        ("foam-roll-quads", "light"),
    ],
)
def test_key_exercises_have_the_expected_max_intensity(
    library: Library, slug: str, expected: str
) -> None:
    assert RAW_EXERCISES[slug]["max_intensity"] == expected
    assert library.catalogue.get(slug).max_intensity is MaxIntensity(expected)


def test_max_intensity_is_required(tmp_path: Path) -> None:
    data = _goblet()
    del data["max_intensity"]
    path = _write(tmp_path / "goblet-squat.yaml", data)
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*max_intensity"):
        parse_exercise(path)


def test_unknown_max_intensity_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "goblet-squat.yaml", _goblet() | {"max_intensity": "maximal"})
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*max_intensity"):
        parse_exercise(path)


def test_cached_load_keeps_max_intensity(tmp_path: Path) -> None:
    fresh = load_library(ROOT, cache_dir=tmp_path)
    cached = load_library(ROOT, cache_dir=tmp_path)
    assert list(tmp_path.glob("catalogue-*.pickle"))
    assert {e.slug: e.max_intensity for e in cached.catalogue} == {
        e.slug: e.max_intensity for e in fresh.catalogue
    }


def test_cache_key_depends_on_the_cache_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache written before a format bump (such as adding max_intensity) is never read."""
    before = catalogue_loader._fingerprint(EXERCISE_FILES)
    monkeypatch.setattr(catalogue_loader, "_CACHE_FORMAT", catalogue_loader._CACHE_FORMAT - 1)
    assert catalogue_loader._fingerprint(EXERCISE_FILES) != before


# --- the loader rejects bad files, naming them ----------------------------------------------


def _goblet() -> dict[str, Any]:
    return dict(RAW_EXERCISES["goblet-squat"])


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_valid_copy_parses(tmp_path: Path) -> None:
    """Control for the failure tests below: the untouched data parses from a tmp folder."""
    exercise = parse_exercise(_write(tmp_path / "goblet-squat.yaml", _goblet()))
    assert exercise.slug == "goblet-squat"


def test_slug_that_differs_from_file_name_fails_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "cup-squat.yaml", _goblet())
    with pytest.raises(CatalogueError) as caught:
        parse_exercise(path)
    assert "cup-squat.yaml" in str(caught.value)
    assert "slug" in str(caught.value)


def test_mismatched_slug_in_a_catalogue_copy_fails_the_load(catalogue_copy: Path) -> None:
    source = catalogue_copy / "exercises" / "goblet-squat.yaml"
    source.rename(catalogue_copy / "exercises" / "goblet-squats.yaml")
    with pytest.raises(CatalogueError, match=r"goblet-squats\.yaml"):
        load_library(catalogue_copy)


def test_unknown_key_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    data = _goblet() | {"difficulty_rating": 7}
    path = _write(tmp_path / "goblet-squat.yaml", data)
    with pytest.raises(CatalogueError) as caught:
        parse_exercise(path)
    message = str(caught.value)
    assert "goblet-squat.yaml" in message
    assert "difficulty_rating" in message


def test_unknown_nested_key_is_refused(tmp_path: Path) -> None:
    data = _goblet()
    data["default"] = dict(data["default"]) | {"tempo": "3-1-1"}
    path = _write(tmp_path / "goblet-squat.yaml", data)
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*tempo"):
        parse_exercise(path)


def test_unknown_key_in_a_program_is_refused(tmp_path: Path) -> None:
    data = dict(RAW_PROGRAMS["runners-knee"]) | {"difficulty": "easy"}
    path = _write(tmp_path / "runners-knee.yaml", data)
    with pytest.raises(CatalogueError) as caught:
        parse_program(path)
    assert "runners-knee.yaml" in str(caught.value)
    assert "difficulty" in str(caught.value)


def test_unknown_vocabulary_value_is_refused(tmp_path: Path) -> None:
    data = _goblet() | {"equipment_options": [["dumbbell"], ["sandbag"]]}
    path = _write(tmp_path / "goblet-squat.yaml", data)
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*equipment_options"):
        parse_exercise(path)


def test_malformed_yaml_fails_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "goblet-squat.yaml"
    path.write_text("slug: goblet-squat\nname: [Goblet squat\naliases: {\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml"):
        parse_exercise(path)


def test_malformed_yaml_in_a_catalogue_copy_fails_the_load(catalogue_copy: Path) -> None:
    broken = catalogue_copy / "exercises" / "plank.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"plank\.yaml"):
        load_library(catalogue_copy)


def test_dangling_reference_in_a_catalogue_copy_fails_the_load(catalogue_copy: Path) -> None:
    path = catalogue_copy / "exercises" / "goblet-squat.yaml"
    _write(path, _goblet() | {"harder": ["goblet-squat-deluxe"]})
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*goblet-squat-deluxe"):
        load_library(catalogue_copy)


def test_program_with_unknown_exercise_fails_the_load(catalogue_copy: Path) -> None:
    path = catalogue_copy / "programs" / "runners-knee.yaml"
    data = dict(RAW_PROGRAMS["runners-knee"])
    block = dict(data["blocks"][0])
    block["items"] = [*block["items"], dict(block["items"][0]) | {"exercise": "moon-squat"}]
    data["blocks"] = [block, *data["blocks"][1:]]
    _write(path, data)
    with pytest.raises(CatalogueError, match=r"runners-knee\.yaml.*moon-squat"):
        load_library(catalogue_copy)


def test_alias_shared_by_two_exercises_fails_the_load(catalogue_copy: Path) -> None:
    path = catalogue_copy / "exercises" / "goblet-squat.yaml"
    _write(path, _goblet() | {"aliases": ["Air Squats!"]})
    with pytest.raises(CatalogueError, match=r"goblet-squat\.yaml.*Air Squats.*air-squat"):
        load_library(catalogue_copy)
