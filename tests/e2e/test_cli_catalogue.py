"""The catalogue commands of the `runlift` CLI, against the contract in DESIGN sections 3 and 6."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

import runlift
from cli_helpers import run
from core_helpers import close_app_core
from runlift.adapters.catalogue_loader import package_root
from runlift.domain.rules import RULES
from runlift.domain.vocab import Category, Equipment, Injury, Level, MuscleGroup

EXERCISE_FIELDS = {
    "slug": str,
    "name": str,
    "aliases": list,
    "category": str,
    "patterns": list,
    "primary_muscles": list,
    "secondary_muscles": list,
    "muscle_heads": list,
    "equipment_options": list,
    "unilateral": bool,
    "lower_body": bool,
    "level": str,
    "max_intensity": str,
    "impact": str,
    "injuries": list,
    "default": dict,
    "easier": list,
    "harder": list,
    "steps": list,
    "cues": list,
    "sources": list,
}
DEFAULT_FIELDS = {"sets", "reps", "seconds", "rest_seconds", "per_side"}
PROGRAM_SLUGS = [
    "twelve-best-sample",
    "top-seven",
    "magnificent-seven",
    "runner-circuit",
    "runner-upper-body",
    "core-and-legs",
    "runners-knee",
    "foot-strength",
    "hip-strength",
    "leg-strength",
    "core-strength",
    "marathon-strength",
    "ten-minute-routine",
]
RULE_IDS = [
    "frequency",
    "session-length",
    "warm-up",
    "full-body",
    "unilateral",
    "intensity",
    "plyometrics",
    "spacing",
    "deload",
    "taper",
    "progression",
    "e1rm",
    "injury-focus",
    "protein",
    "run-spike",
]
SLUG_AT_START = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\s")
LEVEL_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2}
BAND_KIT = {"resistance_band", "mini_band"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert err == ""
    return json.loads(out)


def assert_user_error(code: int, out: str, err: str) -> str:
    """Exit 2, exactly one 'error: ' line on stderr, no traceback, nothing on stdout."""
    assert code == 2, (code, err)
    assert "Traceback" not in err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    return lines[0]


def doable(exercise: dict[str, Any], kit: set[str]) -> bool:
    return any(set(option) <= kit for option in exercise["equipment_options"])


@pytest.fixture
def all_exercises(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = run_json(capsys, "exercises", "list", "--format", "json")
    return found


# --- exercises list ---------------------------------------------------------------------------


def test_list_json_has_every_design_field(all_exercises: list[dict[str, Any]]) -> None:
    assert len(all_exercises) >= 75
    for exercise in all_exercises:
        for field, kind in EXERCISE_FIELDS.items():
            assert field in exercise, (exercise.get("slug"), field)
            assert isinstance(exercise[field], kind), (exercise["slug"], field)
        assert set(exercise["default"]) >= DEFAULT_FIELDS, exercise["slug"]
        assert exercise["max_intensity"] in {"heavy", "moderate", "light"}, exercise["slug"]
        dose = exercise["default"]
        assert isinstance(dose["sets"], int)
        assert dose["sets"] >= 1
        assert dose["reps"] is None or (
            len(dose["reps"]) == 2 and dose["reps"][0] <= dose["reps"][1]
        )
        assert (dose["reps"] is None) != (dose["seconds"] is None), exercise["slug"]
        assert all(isinstance(option, list) for option in exercise["equipment_options"])


def test_list_json_is_every_active_exercise_once_in_slug_order(
    all_exercises: list[dict[str, Any]],
) -> None:
    slugs = [e["slug"] for e in all_exercises]
    assert slugs == sorted(set(slugs))
    shipped = sorted(p.stem for p in (package_root() / "exercises").glob("*.yaml"))
    assert set(slugs) <= set(shipped)
    assert {"goblet-squat", "air-squat", "box-jump", "foam-roll-quads"} <= set(slugs)


def test_list_table_shows_slugs_and_a_count(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    code, out, err = run(capsys, "exercises", "list")
    assert code == 0
    assert err == ""
    assert "goblet-squat" in out
    assert f"{len(all_exercises)} exercises" in out


@pytest.mark.parametrize(
    "kit",
    [["dumbbell"], ["dumbbell", "bench"], ["mini_band"], ["barbell", "box", "pull_up_bar"]],
)
def test_list_equipment_filter(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]], kit: list[str]
) -> None:
    args = [arg for item in kit for arg in ("--equipment", item)]
    found = run_json(capsys, "exercises", "list", *args, "--format", "json")
    expected = [e["slug"] for e in all_exercises if doable(e, set(kit))]
    assert [e["slug"] for e in found] == expected
    assert "air-squat" in expected  # bodyweight always counts


def test_list_equipment_repeatable_widens_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    dumbbell = run_json(capsys, "exercises", "list", "--equipment", "dumbbell", "--format", "json")
    both = run_json(
        capsys, "exercises", "list", "-e", "dumbbell", "--equipment", "bench", "--format", "json"
    )
    dumbbell_slugs = {e["slug"] for e in dumbbell}
    both_slugs = {e["slug"] for e in both}
    assert "dumbbell-bench-press" not in dumbbell_slugs
    assert "dumbbell-bench-press" in both_slugs
    assert dumbbell_slugs < both_slugs
    assert "back-squat" not in both_slugs  # barbell only


def test_list_muscle_filter(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    found = run_json(capsys, "exercises", "list", "--muscle", "calves", "--format", "json")
    expected = [
        e["slug"]
        for e in all_exercises
        if "calves" in e["primary_muscles"] or "calves" in e["secondary_muscles"]
    ]
    assert [e["slug"] for e in found] == expected
    assert "calf-raise" in expected
    assert "push-up" not in expected


def test_list_injury_filter(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    found = run_json(capsys, "exercises", "list", "--injury", "runners_knee", "--format", "json")
    expected = [e["slug"] for e in all_exercises if "runners_knee" in e["injuries"]]
    assert found
    assert [e["slug"] for e in found] == expected


def test_list_category_filter(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    found = run_json(capsys, "exercises", "list", "--category", "plyometric", "--format", "json")
    assert [e["slug"] for e in found] == [
        e["slug"] for e in all_exercises if e["category"] == "plyometric"
    ]
    assert "box-jump" in {e["slug"] for e in found}


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_list_level_filter_means_up_to_this_level(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]], level: str
) -> None:
    found = run_json(capsys, "exercises", "list", "--level", level, "--format", "json")
    expected = [e["slug"] for e in all_exercises if LEVEL_RANK[e["level"]] <= LEVEL_RANK[level]]
    assert found
    assert [e["slug"] for e in found] == expected
    assert ("pistol-squat" in expected) == (level == "advanced")


def test_list_filters_combine(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    found = run_json(
        capsys,
        "exercises", "list", "-e", "mini_band", "--muscle", "glutes",
        "--injury", "it_band_syndrome", "--level", "beginner", "--format", "json",
    )  # fmt: skip
    expected = [
        e["slug"]
        for e in all_exercises
        if doable(e, {"mini_band"})
        and "glutes" in e["primary_muscles"] + e["secondary_muscles"]
        and "it_band_syndrome" in e["injuries"]
        and e["level"] == "beginner"
    ]
    assert found
    assert [e["slug"] for e in found] == expected


def test_filter_ids_are_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    lower = run_json(capsys, "exercises", "list", "--category", "core", "--format", "json")
    upper = run_json(capsys, "exercises", "list", "--category", "CORE", "--format", "JSON")
    assert lower == upper
    assert lower


# --- exercises show ---------------------------------------------------------------------------


def test_show_json_matches_the_list_entry(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    shown = run_json(capsys, "exercises", "show", "goblet-squat", "--format", "json")
    assert shown == next(e for e in all_exercises if e["slug"] == "goblet-squat")
    assert shown["name"] == "Goblet squat"
    assert shown["max_intensity"] == "heavy"
    assert len(shown["steps"]) >= 3
    assert shown["sources"]


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercises", "show", "goblet-squat")
    assert code == 0
    assert err == ""
    assert "Goblet squat (goblet-squat)" in out
    assert "How to do it:" in out
    assert "  1. " in out
    assert "  3. " in out
    assert "Sources:" in out
    assert "max intensity: heavy" in out
    code, explicit, _ = run(capsys, "exercises", "show", "goblet-squat", "--format", "text")
    assert code == 0
    assert explicit == out


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Valslide leg curls", "slider-leg-curl"),
        ("squat to press", "dumbbell-thruster"),
        ("GOBLET SQUATS", "goblet-squat"),
        ("Swiss ball T-raises", "stability-ball-t-raise"),
    ],
)
def test_show_by_name_or_alias(capsys: pytest.CaptureFixture[str], name: str, slug: str) -> None:
    assert run_json(capsys, "exercises", "show", name, "--format", "json")["slug"] == slug


# --- exercises search -------------------------------------------------------------------------


def test_search_knee_pain_band_ranks_band_work_for_runners_knee_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hits = run_json(capsys, "exercises", "search", "knee pain band", "--format", "json")
    top = hits[:3]
    assert len(top) == 3
    for hit in top:
        assert "runners_knee" in hit["injuries"], hit["slug"]
        assert doable(hit, BAND_KIT), hit["slug"]
    assert any(BAND_KIT & set(option) for hit in top for option in hit["equipment_options"])


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("glute brige", "glute-bridge"),
        ("bulgarain split squat", "bulgarian-split-squat"),
        ("gobelt squat", "goblet-squat"),
        ("goblet squat", "goblet-squat"),
    ],
)
def test_search_tolerates_typos(capsys: pytest.CaptureFixture[str], query: str, slug: str) -> None:
    hits = run_json(capsys, "exercises", "search", query, "--format", "json")
    assert hits[0]["slug"] == slug


def test_search_table_and_no_match(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercises", "search", "glute brige")
    assert code == 0
    assert err == ""
    rows = [line.split()[0] for line in out.splitlines()[1:] if SLUG_AT_START.match(line)]
    assert rows[0] == "glute-bridge"
    code, out, err = run(capsys, "exercises", "search", "zzzxqy")
    assert code == 0
    assert err == ""
    assert "no exercise matches" in out


def test_search_limit(capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "exercises", "search", "squat", "--limit", "2", "--format", "json")
    assert len(hits) == 2


# --- programs ---------------------------------------------------------------------------------


def check_program_contract(program: dict[str, Any]) -> None:
    def int_or_range(value: object) -> bool:
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) for v in value)
            and value[0] <= value[1]
        )

    assert {"slug", "name", "sources", "rounds", "blocks"} <= set(program)
    assert isinstance(program["name"], str)
    assert program["name"]
    assert program["sources"]
    assert all(isinstance(s, str) for s in program["sources"])
    assert isinstance(program["rounds"], int)
    assert program["rounds"] >= 1
    assert program["blocks"]
    for block in program["blocks"]:
        assert {"kind", "items"} <= set(block)
        assert block["kind"] in {
            "warmup", "foam_roll", "main", "plyometric", "core", "circuit", "cooldown",
        }  # fmt: skip
        assert block["items"]
        for item in block["items"]:
            assert {"exercise", "sets", "reps", "seconds", "per_side", "rest_seconds"} <= set(item)
            assert isinstance(item["exercise"], str)
            assert int_or_range(item["sets"]), item
            assert item["reps"] is None or (int_or_range(item["reps"]) and len(item["reps"]) == 2)
            assert item["seconds"] is None or isinstance(item["seconds"], int)
            assert isinstance(item["per_side"], bool)
            assert int_or_range(item["rest_seconds"]), item


def test_programs_list_json(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]]
) -> None:
    programs = run_json(capsys, "programs", "list", "--format", "json")
    assert sorted(p["slug"] for p in programs) == sorted(PROGRAM_SLUGS)
    slugs = {e["slug"] for e in all_exercises}
    for program in programs:
        check_program_contract(program)
        for block in program["blocks"]:
            assert {item["exercise"] for item in block["items"]} <= slugs


def test_programs_list_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "programs", "list")
    assert code == 0
    assert err == ""
    for slug in PROGRAM_SLUGS:
        assert slug in out


@pytest.mark.parametrize("slug", PROGRAM_SLUGS)
def test_programs_show_json(capsys: pytest.CaptureFixture[str], slug: str) -> None:
    program = run_json(capsys, "programs", "show", slug, "--format", "json")
    assert program["slug"] == slug
    check_program_contract(program)
    assert any(source.startswith("seed ") for source in program["sources"])


@pytest.mark.parametrize("slug", PROGRAM_SLUGS)
def test_programs_show_text(capsys: pytest.CaptureFixture[str], slug: str) -> None:
    program = run_json(capsys, "programs", "show", slug, "--format", "json")
    code, out, err = run(capsys, "programs", "show", slug)
    assert code == 0
    assert err == ""
    assert f"({slug})" in out.splitlines()[0]
    assert program["name"] in out
    first = program["blocks"][0]["items"][0]["exercise"]
    name = run_json(capsys, "exercises", "show", first, "--format", "json")["name"]
    assert name in out


# --- rules and version ------------------------------------------------------------------------


def test_rules_lists_every_rule_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules")
    assert code == 0
    assert err == ""
    listed = {line.split(":")[0] for line in out.splitlines() if line and not line[0].isspace()}
    assert set(RULE_IDS) <= listed
    assert {rule.id for rule in RULES} <= listed
    assert "sources:" in out


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    rules = run_json(capsys, "rules", "--format", "json")
    assert set(RULE_IDS) <= {rule["id"] for rule in rules}
    assert all(rule["sources"] and rule["rule"] for rule in rules)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert err == ""
    assert out.strip() == f"runlift {runlift.__version__}"
    assert runlift.__version__ == version("runlift")


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "suggestion"),
    [
        ("gobletsquat", "goblet-squat"),
        ("romanian-deadlfit", "romanian-deadlift"),
        ("wall-sitt", "wall-sit"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_unknown_exercise(
    capsys: pytest.CaptureFixture[str], slug: str, suggestion: str, fmt: str
) -> None:
    line = assert_user_error(*run(capsys, "exercises", "show", slug, "--format", fmt))
    assert slug in line
    assert suggestion in line


def test_unknown_program(capsys: pytest.CaptureFixture[str]) -> None:
    line = assert_user_error(*run(capsys, "programs", "show", "runers-knee"))
    assert "runers-knee" in line
    assert "runners-knee" in line


@pytest.mark.parametrize(
    ("option", "value", "accepted"),
    [
        ("--equipment", "sandbag", [e.value for e in Equipment]),
        ("--muscle", "glutez", [m.value for m in MuscleGroup]),
        ("--injury", "knee", [i.value for i in Injury]),
        ("--category", "plyo", [c.value for c in Category]),
        ("--level", "expert", [lv.value for lv in Level]),
        ("--format", "xml", ["table", "json"]),
    ],
)
def test_unknown_list_option_value(
    capsys: pytest.CaptureFixture[str], option: str, value: str, accepted: list[str]
) -> None:
    line = assert_user_error(*run(capsys, "exercises", "list", option, value))
    assert option in line
    assert value in line
    for item in accepted:
        assert item in line, item


@pytest.mark.parametrize(
    ("argv", "accepted"),
    [
        (["exercises", "show", "goblet-squat", "--format", "table"], ["text", "json"]),
        (["exercises", "search", "squat", "--format", "yaml"], ["table", "json"]),
        (["programs", "list", "--format", "csv"], ["table", "json"]),
        (["programs", "show", "top-seven", "--format", "md"], ["text", "json"]),
        (["rules", "--format", "html"], ["text", "json"]),
    ],
)
def test_unknown_format(
    capsys: pytest.CaptureFixture[str], argv: list[str], accepted: list[str]
) -> None:
    line = assert_user_error(*run(capsys, *argv))
    assert "--format" in line
    assert argv[-1] in line
    for item in accepted:
        assert item in line


def test_second_bad_equipment_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    line = assert_user_error(*run(capsys, "exercises", "list", "-e", "dumbbell", "-e", "kettlebel"))
    assert "kettlebel" in line
    assert "kettlebell" in line


def test_empty_search_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert_user_error(*run(capsys, "exercises", "search", "   "))


@pytest.fixture
def catalogue_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped catalogue that the CLI reads instead (RUNLIFT_CATALOGUE_DIR)."""
    root = Path(shutil.copytree(package_root(), tmp_path / "my-catalogue"))
    monkeypatch.setenv("RUNLIFT_CATALOGUE_DIR", str(root))
    close_app_core()
    return root


def test_catalogue_copy_is_used(capsys: pytest.CaptureFixture[str], catalogue_copy: Path) -> None:
    path = catalogue_copy / "exercises" / "plank.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Plank\n", "name: Copied plank\n"),
        encoding="utf-8",
    )
    assert run_json(capsys, "exercises", "show", "plank", "--format", "json")["name"] == (
        "Copied plank"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["exercises", "list"],
        ["exercises", "show", "goblet-squat", "--format", "json"],
        ["exercises", "search", "squat"],
        ["programs", "list"],
        ["programs", "show", "top-seven"],
    ],
)
def test_broken_yaml_in_catalogue_copy(
    capsys: pytest.CaptureFixture[str], catalogue_copy: Path, argv: list[str]
) -> None:
    broken = catalogue_copy / "exercises" / "wall-sit.yaml"
    broken.write_text("slug: wall-sit\nname: [Wall sit\nsteps: {\n", encoding="utf-8")
    line = assert_user_error(*run(capsys, *argv))
    assert "wall-sit.yaml" in line


def test_unknown_key_in_catalogue_copy(
    capsys: pytest.CaptureFixture[str], catalogue_copy: Path
) -> None:
    path = catalogue_copy / "programs" / "top-seven.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "difficulty: hard\n", encoding="utf-8")
    line = assert_user_error(*run(capsys, "programs", "list"))
    assert "top-seven.yaml" in line
    assert "difficulty" in line


def test_broken_catalogue_is_reported_after_a_good_load_was_cached(
    capsys: pytest.CaptureFixture[str], catalogue_copy: Path
) -> None:
    assert run(capsys, "exercises", "list")[0] == 0
    broken = catalogue_copy / "exercises" / "wall-sit.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\ntempo: [slow\n", encoding="utf-8")
    line = assert_user_error(*run(capsys, "exercises", "list"))
    assert "wall-sit.yaml" in line


# --- determinism and the cache ----------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["exercises", "list", "--format", "json"],
        ["exercises", "list", "-e", "dumbbell", "--muscle", "glutes"],
        ["exercises", "show", "single-leg-romanian-deadlift"],
        ["exercises", "show", "goblet-squat", "--format", "json"],
        ["exercises", "search", "knee pain band"],
        ["exercises", "search", "calf", "--format", "json"],
        ["programs", "list"],
        ["programs", "show", "core-and-legs"],
        ["programs", "show", "runner-circuit", "--format", "json"],
        ["rules"],
    ],
)
def test_same_command_gives_identical_output(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    first = run(capsys, *argv)
    second = run(capsys, *argv)
    assert first[0] == 0
    assert first == second
    assert first[1]


def test_compiled_catalogue_goes_to_the_configured_cache_dir(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache_dir = Path(os.environ["RUNLIFT_CACHE_DIR"])
    assert not any(cache_dir.iterdir())
    first = run(capsys, "exercises", "list", "--format", "json")
    assert list(cache_dir.glob("catalogue-*.pickle"))
    assert run(capsys, "exercises", "list", "--format", "json") == first


# --- the installed console script ------------------------------------------------------------


def console_script() -> str:
    beside = Path(sys.executable).parent / "runlift"
    if beside.exists():
        return str(beside)
    found = shutil.which("runlift")
    if found is None:
        pytest.fail("the runlift console script is not installed")
    return found


def test_console_script_in_a_subprocess() -> None:
    script = console_script()
    done = subprocess.run(
        [script, "exercises", "show", "goblet-squat", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["slug"] == "goblet-squat"
    assert done.stderr == ""

    bad = subprocess.run(
        [script, "exercises", "show", "gobletsquat"],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error: ")
    assert len(bad.stderr.splitlines()) == 1
    assert "goblet-squat" in bad.stderr
    assert bad.stdout == ""


# --- filters take what the tables print --------------------------------------------------------


@pytest.mark.parametrize("word", ["none", "bodyweight", "Bodyweight", "body weight"])
def test_equipment_none_or_bodyweight_lists_bodyweight_moves_only(
    capsys: pytest.CaptureFixture[str], all_exercises: list[dict[str, Any]], word: str
) -> None:
    found = run_json(capsys, "exercises", "list", "--equipment", word, "--format", "json")
    expected = [e["slug"] for e in all_exercises if doable(e, set())]
    assert [e["slug"] for e in found] == expected
    assert "air-squat" in expected
    assert "goblet-squat" not in expected


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        (["--level", "beg"], ["--level", "beginner"]),
        (["--level", "int"], ["--level", "intermediate"]),
        (["-e", "mini band"], ["-e", "mini_band"]),
        (["-e", "Dumbbells"], ["-e", "dumbbell"]),
        (["-e", "pull-up bar"], ["-e", "pull_up_bar"]),
        (["--muscle", "lower back"], ["--muscle", "lower_back"]),
        (["--injury", "Runner's knee"], ["--injury", "runners_knee"]),
        (["--category", "foam roll"], ["--category", "foam_roll"]),
    ],
)
def test_filters_accept_the_words_tables_print(
    capsys: pytest.CaptureFixture[str], args: list[str], same_as: list[str]
) -> None:
    found = run_json(capsys, "exercises", "list", *args, "--format", "json")
    expected = run_json(capsys, "exercises", "list", *same_as, "--format", "json")
    assert found == expected
    assert found


def test_the_list_fits_80_columns_and_prints_names_not_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "exercises", "list")
    assert (code, err) == (0, "")
    assert all(len(line) <= 80 and line == line.rstrip() for line in out.splitlines())
    assert "lower back" in out
    assert "lower_back" not in out
    code, out, _ = run(capsys, "exercises", "list", "--muscle", "calves", "--level", "beg")
    assert out.splitlines()[-1].endswith(" exercises") or out.splitlines()[-1] == "1 exercise"


def test_articles_are_shown_by_their_title(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (
        ["exercises", "show", "goblet-squat"],
        ["programs", "list"],
        ["programs", "show", "runner-circuit"],
        ["rules"],
    ):
        code, out, err = run(capsys, *command)
        assert (code, err) == (0, ""), command
        assert ".txt" not in out, command
        assert "Training" in " ".join(out.split()), command
