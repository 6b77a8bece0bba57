"""Files written with -o, --output or --png: the extension must not contradict the format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli_helpers import run

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
ANA = str(ROOT / "examples" / "ana-marathon.yaml")


@pytest.mark.parametrize(
    ("args", "name", "expected"),
    [
        (["watch", "--date", "2026-11-17", "-o"], "day.json", "--output: '{path}' names a json"),
        (["export", "-o"], "all.fit", "-o: '{path}' names a fit file; this writes json"),
        (["progress", "split-squat", "--png"], "trend.json", "--png: '{path}' names a json"),
    ],
)
def test_an_extension_of_another_format_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: list[str],
    name: str,
    expected: str,
) -> None:
    assert run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")[0] == 0
    path = tmp_path / name
    code, out, err = run(capsys, *args, str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert expected.format(path=path) in err
    assert not path.exists()


def test_the_right_extension_or_none_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "athlete", "create", ANA, "--start", "2026-11-16")[0] == 0
    for name in ("all.json", "all", "ALL.JSON"):
        code, _, err = run(capsys, "export", "-o", str(tmp_path / name))
        assert (code, err) == (0, "")
    code, out, err = run(capsys, "watch", "--date", "2026-11-17", "-o", str(tmp_path / "d.fit"))
    assert (code, err) == (0, "")
    assert out.endswith(" steps\n")


@pytest.mark.parametrize(
    "args", [["export"], ["watch"], ["progress"], ["profile", "init"], ["plan"]]
)
def test_help_says_a_symlinks_target_is_replaced(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, out, _ = run(capsys, *args, "--help")
    assert code == 0
    words = " ".join(re.sub("[│╭╮╰╯─]", " ", out).split())
    assert "symlink's target is replaced" in words
