"""Athletes at the command line: names in any case, and a default when several are stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cli_helpers import run

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")
BEN = str(ROOT / "examples" / "ben-first-5k.yaml")
START = ("--start", "2026-11-16")


def preferences() -> Path:
    return Path(os.environ["RUNLIFT_DATA_DIR"]) / "cli.json"


@pytest.fixture
def two(capsys: pytest.CaptureFixture[str]) -> None:
    for profile in (ANA, BEN):
        code, _, err = run(capsys, "athlete", "create", profile, *START)
        assert code == 0, err


def test_names_match_whatever_their_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "athlete", "create", ANA, *START)[0] == 0
    code, out, err = run(
        capsys, "today", "--date", "2026-11-17", "--athlete", "ANA", "--format", "json"
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["athlete"] == "Ana"
    code, _, err = run(capsys, "athlete", "create", BEN, *START, "--athlete", "ana")
    assert code == 2
    assert err == ("error: athlete: 'Ana' exists; use 'runlift athlete update' to change it\n")


@pytest.mark.usefixtures("two")
def test_athlete_use_sets_the_default_and_list_marks_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "today", "--date", "2026-11-17")
    assert code == 2
    assert "runlift athlete use NAME" in err
    code, out, err = run(capsys, "athlete", "use", "ben")
    assert (code, err) == (0, "")
    assert out.startswith("Ben is now the default athlete")
    assert json.loads(preferences().read_text(encoding="utf-8")) == {"default_athlete": "Ben"}
    code, out, err = run(capsys, "today", "--date", "2026-11-17", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["athlete"] == "Ben"
    code, out, _ = run(capsys, "athlete", "list")
    lines = out.splitlines()
    assert lines[0].startswith("  Ana: ")
    assert lines[1].startswith("* Ben: ")
    assert lines[2] == "2 athletes; * is the default ('runlift athlete use NAME')"
    code, out, _ = run(
        capsys, "today", "--date", "2026-11-17", "--athlete", "Ana", "--format", "json"
    )
    assert code == 0
    assert json.loads(out)["athlete"] == "Ana"


@pytest.mark.usefixtures("two")
def test_an_unknown_name_is_not_made_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "athlete", "use", "Bne")
    assert code == 2
    assert "did you mean Ben" in err
    assert not preferences().exists()


@pytest.mark.usefixtures("two")
def test_a_default_naming_nobody_stored_is_ignored_with_a_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    preferences().write_text(json.dumps({"default_athlete": "Zoe"}), encoding="utf-8")
    code, _, err = run(capsys, "today", "--date", "2026-11-17")
    assert code == 2
    assert err.startswith("note: the default athlete 'Zoe' is no longer stored; ignored\n")
    assert "several athletes (Ana, Ben)" in err
    code, out, _ = run(capsys, "athlete", "list")
    assert code == 0
    assert out.splitlines()[-1] == "note: the default athlete 'Zoe' is no longer stored; ignored"
    preferences().write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "today", "--date", "2026-11-17")
    assert code == 2
    assert "not a preferences file runlift can read" in err


def test_one_athlete_needs_no_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "athlete", "create", ANA, *START)[0] == 0
    code, out, _ = run(capsys, "athlete", "list")
    assert code == 0
    assert out.startswith("Ana: intermediate, marathon on 2027-04-18")
