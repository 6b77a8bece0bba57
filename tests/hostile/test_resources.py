"""Resource exhaustion (issue 10, items 6-9): every hostile input is refused by a LIMIT, quickly.

Alias bombs and deep or huge YAML, GPX files crafted against gpxpy's regular expressions, JSON
nested a thousand levels or holding 5,000-digit integers, /dev/zero and FIFOs as input files,
and session files of 10,000 sets: one line naming the limit, exit status 2, nothing stored. A
session file of the largest accepted size is logged with a number of SQL statements that does
not grow with its sets. The tests assert the limits, never wall-clock time.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hostile_support import use_backend
from sqlalchemy import Engine, event, text

from cli_helpers import run
from core_helpers import close_app_core
from runlift.adapters.db.engine import make_engine
from runlift.adapters.gpx_file import MAX_GPX_POINTS, MAX_NAMESPACES, GpxFileError
from runlift.adapters.gpx_file import parse_gpx_runs as gpx_runs
from runlift.domain.shown import shown
from runlift.services.errors import BadInput
from runlift.services.json_text import MAX_INT_DIGITS, MAX_JSON_DEPTH, read_json
from runlift.services.profile_text import MAX_PROFILE_DEPTH, ProfileFileError, parse_profile_text
from runlift.services.session_document import MAX_SETS_PER_SESSION

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from backends import BACKENDS, PG_URL, POSTGRESQL

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "resources"
ANA = ROOT / "examples" / "ana-marathon.yaml"
DAY = "2026-11-30"  # the day before the pinned today


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI on SQLite in the test's data folder, or on PostgreSQL in a fresh schema."""
    with use_backend(str(request.param), monkeypatch):
        yield str(request.param)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A blocking read (a FIFO with no writer) fails the test instead of hanging the run."""

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("the command blocked")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def exported(capsys: pytest.CaptureFixture[str], folder: Path) -> Any:
    """Everything in the store, as `runlift export` writes it."""
    path = folder / f"export-{uuid.uuid4().hex}.json"
    code, _, err = run(capsys, "export", "-o", str(path))
    assert code == 0, err
    return json.loads(path.read_text(encoding="utf-8"))


def with_athlete(capsys: pytest.CaptureFixture[str], folder: Path) -> Any:
    code, _, err = run(capsys, "athlete", "create", str(ANA), "--start", "2026-11-16")
    assert code == 0, err
    return exported(capsys, folder)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one error line of a refused command (exit 2, no traceback)."""
    code, _, err = run(capsys, *argv)
    assert "Traceback" not in err
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    assert len(lines[0]) < 300, "the message quotes no huge value"
    return lines[0]


# --- 6. the YAML alias bomb, and values too long to quote ---------------------------------

BOMB = (HERE / "profile-alias-bomb.yaml").read_text(encoding="utf-8")


def test_the_bomb_file_is_the_small_one_the_issue_names() -> None:
    assert len(BOMB.encode()) < 600
    assert BOMB.count("*") > 50


def test_an_alias_bomb_profile_is_refused_by_create_and_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    before = with_athlete(capsys, tmp_path)
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    line = refused(capsys, "athlete", "create", str(path))
    assert "anchors and aliases" in line
    assert "anchors and aliases" in refused(capsys, "plan", str(path))
    assert exported(capsys, tmp_path) == before


def test_an_alias_bomb_in_an_exports_profile_text_is_refused_by_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    document = with_athlete(capsys, tmp_path)
    document["athletes"][0]["profile_yaml"] = BOMB
    for plan in document["athletes"][0]["plans"]:
        plan["profile_yaml"] = BOMB
    path = tmp_path / "poisoned.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    close_app_core()
    if backend != POSTGRESQL:
        (tmp_path / "runlift-data" / "runlift.db").unlink(missing_ok=True)
    else:
        _empty_pg_schema()
    assert "anchors and aliases" in refused(capsys, "import", str(path))
    assert exported(capsys, tmp_path)["athletes"] == []


def _empty_pg_schema() -> None:
    """Drop every table of the test's PostgreSQL schema, so the next command starts empty."""
    schema = os.environ["RUNLIFT_DATABASE_SCHEMA"]
    assert PG_URL is not None
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("a: &x 1\nb: *x\n", "anchors and aliases"),
        ("name: &n Ana\n", "anchors and aliases"),
        ("base: &b {level: beginner}\n<<: *b\n", "anchors and aliases"),
        ("injuries: " + "[" * 20_000 + "]" * 20_000 + "\n", f"more than {MAX_PROFILE_DEPTH}"),
        ("age: " + "9" * 5_000 + "\n", "a number of 5000 characters"),
        ("name: " + "x" * 70_000 + "\n", "longer than 64 KB"),
    ],
    ids=["alias", "anchor", "merge-key", "20000-deep", "5000-digits", "70-KB"],
)
def test_profile_yaml_beyond_the_limits_is_refused(yaml_text: str, expected: str) -> None:
    with pytest.raises(ProfileFileError, match=expected):
        parse_profile_text(yaml_text)


def test_a_huge_value_is_quoted_cut_short(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "long.yaml"
    text = ANA.read_text(encoding="utf-8").replace("level: intermediate", "level: " + "q" * 60_000)
    path.write_text(text, encoding="utf-8")
    line = refused(capsys, "athlete", "create", str(path))
    assert line.startswith("error: level: ")
    assert "…" in line


def test_shown_cuts_every_kind_of_value() -> None:
    assert shown("abc") == "'abc'"
    assert shown("x" * 10_000) == repr("x" * 60) + "…"
    assert shown(10**5_000) == "a number of about 5001 digits"
    assert len(shown(list(range(100_000)))) <= 61
    assert len(shown({"k" * 500: ["v" * 500] * 500})) <= 61


# --- 7. GPX crafted against gpxpy -----------------------------------------------------------

GPX_HEAD = '<?xml version="1.0"?>\n<gpx version="1.1" creator="x" xmlns="http://www.topografix.com/GPX/1/1"'
GPX_TAIL = '><trk><trkseg><trkpt lat="1" lon="1"><time>2026-11-30T07:00:00Z</time></trkpt>'
GPX_END = "</trkseg></trk></gpx>"


def repeated_xmlns() -> bytes:
    """The 1.2 MB blow-up: 'xmlns' repeated without '=', which gpxpy's regex scans quadratically."""
    return (GPX_HEAD + " xmlns" * 200_000 + GPX_TAIL + GPX_END).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (repeated_xmlns(), f"at most {MAX_NAMESPACES}"),
        (
            (GPX_HEAD + "".join(f' xmlns:n{i}="u{i}"' for i in range(5_000)) + GPX_TAIL + GPX_END),
            f"at most {MAX_NAMESPACES}",
        ),
        ((GPX_HEAD + " xmlns" * 10 + " a" * 400_000 + GPX_TAIL + GPX_END), "xmlns without"),
        (
            (GPX_HEAD + ' xsi:schemaLocation="' + "x" * 1_000_000 + GPX_TAIL + GPX_END),
            "schemaLocation without",
        ),
        (
            GPX_HEAD + GPX_TAIL + '<trkpt lat="1" lon="1"/>' * (MAX_GPX_POINTS + 1) + GPX_END,
            f"at most {MAX_GPX_POINTS}",
        ),
    ],
    ids=["xmlns-repeated", "5000-namespaces", "xmlns-no-value", "schema-unclosed", "points"],
)
def test_gpx_beyond_the_limits_is_refused_before_parsing(data: str | bytes, expected: str) -> None:
    raw = data.encode() if isinstance(data, str) else data
    with pytest.raises(GpxFileError, match=expected):
        gpx_runs(raw, "hostile.gpx")


def test_the_gpx_blow_up_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    before = with_athlete(capsys, tmp_path)
    path = tmp_path / "blow-up.gpx"
    path.write_bytes(repeated_xmlns())
    assert path.stat().st_size > 1_200_000
    assert f"at most {MAX_NAMESPACES}" in refused(capsys, "runs", "import", str(path))
    assert exported(capsys, tmp_path) == before


def test_a_real_looking_gpx_is_within_the_limits() -> None:
    points = "".join(
        f'<trkpt lat="{47.6 + i * 1e-5:.7f}" lon="-122.3"><ele>30.0</ele>'
        f"<time>2026-11-30T07:{i // 60:02d}:{i % 60:02d}Z</time><extensions>"
        f"<ns3:TrackPointExtension><ns3:hr>140</ns3:hr></ns3:TrackPointExtension>"
        f"</extensions></trkpt>\n"
        for i in range(3_000)
    )
    data = (
        '<?xml version="1.0"?>\n<gpx version="1.1" creator="Garmin Connect" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 '
        'http://www.topografix.com/GPX/1/1/gpx.xsd">'
        f"<trk><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()
    (found,) = gpx_runs(data, "run.gpx")
    assert found.run.duration_s == 2_999


# --- 9. deep nesting, huge integers, odd files -------------------------------------------


def session_file(sets: int, tag: str = "s") -> str:
    return json.dumps(
        {
            "date": DAY,
            "id": f"file-{tag}-{sets}",
            "srpe": 6,
            "sets": [
                {"exercise": "goblet-squat", "reps": 8, "load": f"{12 + i % 3 * 0.1:g}kg"}
                if i % 2
                else {"exercise": "push-up", "reps": 8, "id": f"{tag}{i}"}
                for i in range(sets)
            ],
        }
    )


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("[" * 1_000 + "]" * 1_000, f"more than {MAX_JSON_DEPTH} levels"),
        ('{"a":' * 1_000 + "1" + "}" * 1_000, f"more than {MAX_JSON_DEPTH} levels"),
        ("[" * 100_000, f"more than {MAX_JSON_DEPTH} levels"),
        (
            session_file(1).replace('"reps": 8', '"reps": ' + "7" * 5_000),
            f"sets.0.reps: a number of 5000 digits is not accepted; at most {MAX_INT_DIGITS}",
        ),
    ],
    ids=["1000-deep-list", "1000-deep-object", "unclosed-100000", "5000-digits"],
)
def test_json_beyond_the_limits_is_refused_naming_the_field(document: str, expected: str) -> None:
    with pytest.raises(BadInput, match=expected):
        read_json(document, "doc.json")


@pytest.mark.parametrize("command", ["log", "import"])
def test_deep_and_huge_json_files_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    before = with_athlete(capsys, tmp_path)
    deep = tmp_path / "deep.json"
    deep.write_text('{"date":' * 1_000 + "1" + "}" * 1_000, encoding="utf-8")
    huge = tmp_path / "huge.json"
    huge.write_text(session_file(1).replace('"reps": 8', '"reps": ' + "7" * 5_000))
    argv = ["log", "--file"] if command == "log" else ["import"]
    assert "levels deep" in refused(capsys, *argv, str(deep))
    line = refused(capsys, *argv, str(huge))
    assert "5000 digits" in line
    assert "sets.0.reps" in line
    assert exported(capsys, tmp_path) == before


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder"])
@pytest.mark.usefixtures("no_hang")
def test_odd_files_as_input_are_refused_without_reading_forever(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    before = with_athlete(capsys, tmp_path)
    if kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
    else:
        path = tmp_path
    commands = [["log", "--file"], ["import"], ["runs", "import"], ["athlete", "create"]]
    for argv in commands if kind != "folder" else [c for c in commands if c[0] != "runs"]:
        assert "is not a regular file" in refused(capsys, *argv, str(path))
    assert exported(capsys, tmp_path) == before


def test_a_stream_is_read_only_up_to_the_limit() -> None:
    from runlift.entrypoints.cli.files import read_bytes

    read, write = os.pipe()
    writer = threading.Thread(target=_fill_pipe, args=(write,), daemon=True)
    writer.start()
    with pytest.raises(BadInput, match="larger than 64 KB"):
        read_bytes(Path(f"/dev/fd/{read}"), limit=64 * 1024)
    os.close(read)
    writer.join(timeout=10)


def _fill_pipe(descriptor: int) -> None:
    try:
        while True:
            os.write(descriptor, b"0" * 65_536)
    except OSError:  # the reader closed its end
        pass
    finally:
        os.close(descriptor)


# --- 8. long session files: capped, linear, and short on the lock ----------------------------


class Statements:
    """Counts the SQL statements every engine runs while active."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: object) -> None:
        self.count += 1

    def __enter__(self) -> Statements:
        event.listen(Engine, "before_cursor_execute", self)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self)


def test_a_10000_set_session_file_is_refused_naming_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    before = with_athlete(capsys, tmp_path)
    path = tmp_path / "huge-session.json"
    path.write_text(session_file(10_000), encoding="utf-8")
    line = refused(capsys, "log", "--file", str(path))
    assert line == (
        f"error: sets: 10000 sets in one session; at most {MAX_SETS_PER_SESSION} are accepted"
    )
    assert exported(capsys, tmp_path) == before


def test_the_largest_session_file_is_logged_in_statements_that_do_not_grow_with_its_sets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    with_athlete(capsys, tmp_path)
    counts = {}
    for sets in (10, MAX_SETS_PER_SESSION):
        path = tmp_path / f"session-{sets}.json"
        path.write_text(session_file(sets, tag=f"t{sets}-"), encoding="utf-8")
        with Statements() as statements:
            code, out, err = run(capsys, "log", "--file", str(path))
        assert (code, err) == (0, ""), err
        assert out == f"logged {sets} of {sets} sets (0 already there)\n"
        counts[sets] = statements.count
    assert counts[MAX_SETS_PER_SESSION] <= counts[10] + 2, counts
    assert counts[MAX_SETS_PER_SESSION] < 80, counts
    session = exported(capsys, tmp_path)["athletes"][0]["sessions"][-1]
    numbers = [(s["exercise"], s["set_number"]) for s in session["sets"]]
    half = MAX_SETS_PER_SESSION // 2
    assert sorted(numbers) == sorted(
        [("goblet-squat", n) for n in range(1, half + 1)]
        + [("push-up", n) for n in range(1, half + 1)]
    )


def test_a_repeated_large_session_file_stores_nothing_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, backend: str
) -> None:
    with_athlete(capsys, tmp_path)
    path = tmp_path / "session.json"
    path.write_text(session_file(MAX_SETS_PER_SESSION), encoding="utf-8")
    assert run(capsys, "log", "--file", str(path))[0] == 0
    once = exported(capsys, tmp_path)
    code, out, _ = run(capsys, "log", "--file", str(path))
    assert code == 0
    assert "already" in out
    assert exported(capsys, tmp_path) == once


def test_a_reader_waits_for_a_writer_instead_of_failing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """SQLite: while another connection holds the write lock briefly, a command waits for it."""
    with_athlete(capsys, tmp_path)
    engine = make_engine(f"sqlite:///{tmp_path / 'runlift-data' / 'runlift.db'}")
    held = threading.Event()

    def hold() -> None:
        with engine.connect() as connection:  # BEGIN IMMEDIATE: the write lock
            connection.execute(text("SELECT 1"))
            held.set()
            threading.Event().wait(0.5)
            connection.rollback()

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    code, _, err = run(capsys, "today")
    holder.join()
    engine.dispose()
    assert "locked" not in err
    assert code == 0, err
