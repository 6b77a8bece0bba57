"""The sweep: every file of the hostile corpus is refused in one line and changes nothing.

Each case runs on SQLite and PostgreSQL: exit status 2 (or the case's own), exactly one stderr
line starting 'error: ', no traceback, and the store's export the same before and after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import BACKENDS, assert_refused, call, seed, snapshot, use_backend
from sweep import EMPTY, MANIFEST, SEEDED, Case, discover

HERE = Path(__file__).resolve().parent
CASES = discover(HERE)

pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with use_backend(request.param, monkeypatch):
        yield request.param


def _params() -> list[object]:
    if not CASES:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no hostile files yet"))]
    return [
        pytest.param(case, id=case.name, marks=[pytest.mark.skip(reason=case.skip)])
        if case.skip
        else pytest.param(case, id=case.name)
        for case in CASES
    ]


@pytest.mark.parametrize("case", _params())
def test_a_hostile_file_is_refused_in_one_line_and_changes_nothing(
    case: Case, backend: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert case.problem is None, f"{case.name}: {case.problem}"
    assert case.store in (SEEDED, EMPTY), f"{case.name}: store is 'seeded' or 'empty'"
    if case.store == SEEDED:
        seed(capsys)
    before = snapshot(capsys, tmp_path)
    code, _, err = call(capsys, case.command())
    assert_refused(code, err, case.status, case.expect)
    assert snapshot(capsys, tmp_path) == before, "the store changed"


def test_each_name_finds_its_command_and_a_manifest_overrides_it(tmp_path: Path) -> None:
    part = tmp_path / "part"
    part.mkdir()
    for name in ("profile-a.yaml", "session-b.json", "export-c.json", "run-d.GPX", "e.txt"):
        (part / name).write_text("x", encoding="utf-8")
    (part / "README.md").write_text("about", encoding="utf-8")
    (part / "odd.bin").write_bytes(b"\0")
    (part / MANIFEST).write_text(
        '[[case]]\nfile = "odd.bin"\ncommand = ["runs", "import", "{file}"]\nexpect = "odd"\n'
        '[[case]]\nfile = "e.txt"\nskip = "notes"\n',
        encoding="utf-8",
    )
    found = {c.name: c for c in discover(tmp_path)}
    assert sorted(found) == [
        "part/e.txt:skip",
        "part/export-c.json:import",
        "part/odd.bin:runs import",
        "part/profile-a.yaml:athlete create",
        "part/profile-a.yaml:athlete update",
        "part/profile-a.yaml:plan",
        "part/run-d.GPX:runs import",
        "part/session-b.json:log --file",
    ]
    assert found["part/export-c.json:import"].store == EMPTY
    odd = found["part/odd.bin:runs import"]
    assert odd.command() == ["runs", "import", str(part / "odd.bin")]
    assert (odd.expect, odd.store, odd.status) == ("odd", SEEDED, 2)
    assert found["part/e.txt:skip"].skip == "notes"
    session = found["part/session-b.json:log --file"]
    assert session.command() == ["log", "--file", str(part / "session-b.json")]


def test_a_file_no_command_reads_or_a_broken_manifest_is_a_failing_case(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / MANIFEST).write_text("[[case]\n", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / MANIFEST).write_text('[[case]]\nfile = "gone.json"\nskip = "x"\n')
    problems = {c.name: c.problem for c in discover(tmp_path)}
    assert set(problems) == {"a/notes.txt", f"b/{MANIFEST}", "c/gone.json"}
    assert all(problems.values())
