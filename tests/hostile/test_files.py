"""Filesystem and environment: safe atomic writes, private files, odd store locations, and a
store that cannot be opened (one line naming where and why, exit status 3)."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import PG_URL, PROFILE, assert_refused, call, seed
from sqlalchemy import text
from sqlalchemy.engine import make_url

from core_helpers import app_core, close_app_core
from runlift.adapters.db.engine import alembic_config, make_engine
from runlift.adapters.db.failures import failure_cause, store_location

pytestmark = pytest.mark.usefixtures("pinned_today")
needs_pg = pytest.mark.skipif(PG_URL is None, reason="RUNLIFT_TEST_PG_URL is not set")
RUNLIFT = str(Path(sys.executable).parent / "runlift")  # the console script beside this Python
NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
AS_NOBODY = NOBODY if os.geteuid() == 0 else ()
PLAN = ["plan", str(PROFILE), "--start", "2026-12-07", "-o"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# 10. Atomic writes --------------------------------------------------------------------------


@pytest.mark.parametrize("planted", [".plan.txt.tmp", ".plan.txt.", "plan.txt.tmp", "plan.txt~"])
def test_a_link_planted_at_a_guessable_temporary_name_is_never_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, planted: str
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / planted).symlink_to(victim)
    code, _, err = call(capsys, [*PLAN, str(tmp_path / "plan.txt")])
    assert (code, err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / planted).is_symlink()
    assert "Week 1" in (tmp_path / "plan.txt").read_text(encoding="utf-8")


def test_the_temporary_file_is_made_exclusively_so_a_link_at_its_very_name_is_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / ".plan.txt.guessed.tmp").symlink_to(victim)
    (tmp_path / ".plan.txt.dangling.tmp").symlink_to(tmp_path / "new-victim")
    names = iter(["guessed", "dangling", "fresh"])
    monkeypatch.setattr("tempfile._get_candidate_names", lambda: names)
    code, _, err = call(capsys, [*PLAN, str(tmp_path / "plan.txt")])
    assert (code, err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "new-victim").exists()
    assert "Week 1" in (tmp_path / "plan.txt").read_text(encoding="utf-8")


def _fifo(folder: Path) -> Path:
    path = folder / "pipe"
    os.mkfifo(path)
    return path


def _folder(folder: Path) -> Path:
    path = folder / "plan.txt"
    path.mkdir()
    return path


def _link_to_fifo(folder: Path) -> Path:
    path = folder / "plan.txt"
    path.symlink_to(_fifo(folder))
    return path


@pytest.mark.parametrize(
    "make",
    [_fifo, _folder, _link_to_fifo, lambda _folder: Path("/dev/null")],
    ids=["fifo", "folder", "link-to-fifo", "device"],
)
def test_only_regular_files_are_replaced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object
) -> None:
    assert callable(make)
    target: Path = make(tmp_path)
    kind = stat.S_IFMT(target.stat().st_mode)
    code, _, err = call(capsys, [*PLAN, str(target)])
    assert_refused(code, err, expected="is not a regular file")
    assert stat.S_IFMT(target.stat().st_mode) == kind
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("kept", [0o640, 0o604, 0o600, 0o664], ids=oct)
def test_a_replaced_file_keeps_its_permission_bits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kept: int
) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(kept)
    code, _, err = call(capsys, [*PLAN, str(target)])
    assert (code, err) == (0, "")
    assert mode(target) == kept
    assert target.read_text(encoding="utf-8") != "old"
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_new_file_is_made_as_the_umask_says(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for umask, expected in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        previous = os.umask(umask)
        try:
            target = tmp_path / f"plan-{umask:o}.txt"
            assert call(capsys, [*PLAN, str(target)])[0] == 0
        finally:
            os.umask(previous)
        assert mode(target) == expected


# 11. Private by default ---------------------------------------------------------------------


def test_a_new_data_folder_and_database_are_private_whatever_the_umask(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "fresh" / "runlift"
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(data))
    close_app_core()
    previous = os.umask(0o000)
    try:
        seed(capsys)
        with app_core().engine.connect() as connection:  # the WAL and its index exist now
            connection.execute(text("SELECT count(*) FROM athletes"))
            files = sorted(p.name for p in data.iterdir())
            modes = {p.name: mode(p) for p in data.iterdir()}
    finally:
        os.umask(previous)
    assert mode(data) == 0o700
    assert {"runlift.db", "runlift.db-wal", "runlift.db-shm"} <= set(files)
    assert modes == dict.fromkeys(files, 0o600)


def test_exports_and_preferences_are_private(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(capsys)
    data = tmp_path / "later" / "data"
    previous = os.umask(0o000)
    try:
        new, old = tmp_path / "new.json", tmp_path / "old.json"
        old.write_text("{}", encoding="utf-8")
        old.chmod(0o664)
        assert call(capsys, ["export", "-o", str(new)])[0] == 0
        assert call(capsys, ["export", "-o", str(old)])[0] == 0
        monkeypatch.setenv("RUNLIFT_DATA_DIR", str(data))  # 'athlete use' makes the folder
        close_app_core()
        seed(capsys)
        assert call(capsys, ["athlete", "use", "Ana"])[0] == 0
    finally:
        os.umask(previous)
    assert (mode(new), mode(old)) == (0o600, 0o600)
    assert mode(data / "cli.json") == 0o600
    assert mode(data) == 0o700


def test_an_existing_data_folder_keeps_the_mode_its_owner_gave_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o750)
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(shared))
    close_app_core()
    seed(capsys)
    assert mode(shared) == 0o750
    assert mode(shared / "runlift.db") == 0o600


# 12. Odd store locations --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["My Data (old)", "100%", "a%28b", "q?x#y", "ünï 'c\"d"])
def test_a_data_folder_with_any_name_works(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    data = tmp_path / name
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(data))
    close_app_core()
    seed(capsys)
    code, out, err = call(capsys, ["athlete", "list"])
    assert (code, err) == (0, "")
    assert out.startswith("Ana")
    assert {p.name for p in tmp_path.iterdir()} == {"runlift-cache", "runlift-data", name}
    assert (data / "runlift.db").is_file()


def test_a_database_url_with_percent_signs_works(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUNLIFT_DATABASE_URL", f"sqlite:///{tmp_path}/100%25 (old).db")
    close_app_core()
    seed(capsys)
    assert call(capsys, ["db", "upgrade"])[0] == 0
    assert (tmp_path / "100% (old).db").is_file()


def test_alembic_never_sees_the_url() -> None:
    engine = make_engine("postgresql://u:p%40ss%25@h/db")
    config = alembic_config(engine)
    assert config.get_main_option("sqlalchemy.url") is None
    assert config.attributes["engine"] is engine


@needs_pg
def test_a_postgresql_password_with_escaped_characters_works(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert PG_URL is not None
    role = f"rl_{uuid.uuid4().hex[:12]}"
    password = "p@ss%w(rd"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
        connection.execute(text(f"CREATE SCHEMA {role} AUTHORIZATION {role}"))
    url = make_url(PG_URL).set(username=role, password=password)
    rendered = url.render_as_string(hide_password=False)
    assert "p%40ss%25w%28rd" in rendered
    monkeypatch.setenv("RUNLIFT_DATABASE_URL", rendered)
    monkeypatch.setenv("RUNLIFT_DATABASE_SCHEMA", role)
    close_app_core()
    try:
        seed(capsys)
        code, out, err = call(capsys, ["athlete", "list"])
        assert (code, err) == (0, "")
        assert out.startswith("Ana")
    finally:
        close_app_core()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {role} CASCADE"))
            connection.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


# 13. A store that cannot be opened ----------------------------------------------------------

GARBAGE = b"this is not a database, just text that a careless copy left here\n" * 20


def _garbage(folder: Path) -> str:
    (folder / "runlift.db").write_bytes(GARBAGE)
    return "file is not a database"


def _a_folder(folder: Path) -> str:
    (folder / "runlift.db").mkdir()
    return "a folder where the database file should be"


def _under_a_file(folder: Path) -> str:
    (folder / "blocker").write_bytes(b"x")
    return "Not a directory"


@pytest.mark.parametrize(
    ("make", "sub"),
    [(_garbage, ""), (_a_folder, ""), (_under_a_file, "blocker/sub")],
    ids=["garbage", "a-folder", "under-a-file"],
)
def test_a_sqlite_store_that_cannot_be_opened_is_one_line_and_exit_3(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: object,
    sub: str,
) -> None:
    assert callable(make)
    folder = tmp_path / "store"
    folder.mkdir()
    cause: str = make(folder)
    data = folder / sub if sub else folder
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(data))
    close_app_core()
    for argv in (
        ["athlete", "list"],
        ["export", "-o", str(tmp_path / "x.json")],
        ["db", "upgrade"],
    ):
        code, out, err = call(capsys, argv)
        assert_refused(code, err, status=3, expected=cause)
        assert f"cannot open the database at {data / 'runlift.db'}: " in err
        assert out == ""
    if make is _garbage:
        assert (folder / "runlift.db").read_bytes() == GARBAGE


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _nobody_can_run_runlift() -> bool:
    """Whether the unprivileged user can start the console script (the checkout may be private)."""
    probe = subprocess.run(
        [*AS_NOBODY, sys.executable, RUNLIFT, "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.parametrize("folder_writable", [False, True], ids=["folder-read-only", "file-only"])
def test_a_read_only_store_is_one_line_and_exit_3_and_stays_as_it_was(
    capsys: pytest.CaptureFixture[str], folder_writable: bool
) -> None:
    """Root ignores permissions, so as root the command runs as 'nobody' (through setpriv)."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    if AS_NOBODY and not _nobody_can_run_runlift():
        pytest.skip("'nobody' cannot reach this checkout's runlift (a private folder above it)")
    with tempfile.TemporaryDirectory() as top:
        base = Path(top)
        base.chmod(0o755)
        data, cache = base / "data", base / "cache"
        data.mkdir(mode=0o755)
        cache.mkdir(mode=0o777)
        env = {**os.environ, "RUNLIFT_DATA_DIR": str(data), "RUNLIFT_CACHE_DIR": str(cache)}
        created = subprocess.run(
            [RUNLIFT, "athlete", "create", str(PROFILE)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert created.returncode == 0, created.stderr
        (data / "runlift.db").chmod(0o444)
        data.chmod(0o777 if folder_writable else 0o555)
        before = _digest(data)
        refused = subprocess.run(
            [*AS_NOBODY, RUNLIFT, "runs", "add", "--distance", "5km"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        data.chmod(0o755)
        after = {k: v for k, v in _digest(data).items() if k in before}
    assert_refused(refused.returncode, refused.stderr, status=3)
    assert "readonly database" in refused.stderr
    assert f"the database at {data / 'runlift.db'}: " in refused.stderr
    assert after == before


@needs_pg
@pytest.mark.parametrize(
    ("change", "cause"),
    [({"port": 1}, "Connection refused"), ({"database": "runlift_missing"}, "does not exist")],
    ids=["server-down", "database-missing"],
)
def test_a_postgresql_store_that_cannot_be_opened_names_it_without_the_password(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
    cause: str,
) -> None:
    assert PG_URL is not None
    url = make_url(PG_URL).set(password="s3cr%t@pw", **change)  # type: ignore[arg-type]
    monkeypatch.setenv("RUNLIFT_DATABASE_URL", url.render_as_string(hide_password=False))
    close_app_core()
    code, _, err = call(capsys, ["athlete", "list"])
    assert_refused(code, err, status=3, expected=cause)
    assert "s3cr" not in err
    assert "%40" not in err
    assert f"at {url.set(drivername='postgresql').render_as_string()}: " in err


def test_the_cause_never_carries_the_password() -> None:
    url = "postgresql://u:hunter22@h/db"
    assert (
        failure_cause(RuntimeError("auth for hunter22 failed\nmore"), url) == "auth for *** failed"
    )
    assert store_location("postgresql+psycopg://u:hunter22@h/db") == "postgresql://u:***@h/db"
    assert store_location("sqlite:////tmp/100%25 (x).db") == "/tmp/100% (x).db"


def test_the_catalogue_cache_is_private_and_its_writer_follows_no_planted_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("RUNLIFT_CACHE_DIR", str(cache))
    close_app_core()
    assert call(capsys, ["exercises", "show", "goblet-squat"])[0] == 0
    (pickled,) = cache.glob("catalogue-*.pickle")
    assert mode(pickled) == 0o600
    pickled.unlink()
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    pickled.with_suffix(".tmp").symlink_to(victim)  # the name the cache writer used to open
    close_app_core()
    code, _, err = call(capsys, ["exercises", "show", "goblet-squat"])
    assert (code, err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert pickled.is_file()
    fresh = tmp_path / "fresh" / "cache"
    monkeypatch.setenv("RUNLIFT_CACHE_DIR", str(fresh))
    close_app_core()
    assert call(capsys, ["exercises", "show", "goblet-squat"])[0] == 0
    assert mode(fresh) == 0o700
