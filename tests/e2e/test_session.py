"""`runlift session` driven through main() with typed answers: sets saved as entered, resumable."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from pathlib import Path

import pytest

from core_helpers import app_core
from runlift.entrypoints.cli import session as cli_session
from runlift.entrypoints.cli.root import main
from runlift.services.ports import StoredSession

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DAY = "2026-11-17"
WARMUPS = ["", "", ""]
Row = tuple[str, int, int | None, str | None, int | None, int | None, str | None]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The session's 'today' is the training day, so the run does not depend on the clock."""
    monkeypatch.setenv("RUNLIFT_TODAY", "2026-11-17")
    monkeypatch.delenv("RUNLIFT_NO_TIMERS", raising=False)


def answer(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def create(profile: str = "ana-marathon") -> None:
    assert (
        main(["athlete", "create", str(EXAMPLES / f"{profile}.yaml"), "--start", "2026-11-16"]) == 0
    )


def stored(name: str = "Ana") -> list[Row]:
    with app_core().uow_factory()() as uow:
        athlete = uow.athletes.get(name)
        assert athlete is not None
        return [
            (
                s.logged.exercise,
                s.logged.set_number,
                s.logged.reps,
                str(s.logged.load) if s.logged.load else None,
                s.logged.seconds,
                s.logged.rir,
                s.logged.client_id,
            )
            for s in sorted(uow.sets.all(athlete.id), key=lambda s: s.id)
        ]


def sessions(name: str = "Ana") -> list[StoredSession]:
    with app_core().uow_factory()() as uow:
        athlete = uow.athletes.get(name)
        assert athlete is not None
        return uow.sessions.all(athlete.id)


def cid(exercise: str, number: int, day: str = DAY) -> str:
    return f"session:{day}:{exercise}:{number}"


def test_a_whole_session_stores_every_set_as_typed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create()
    capsys.readouterr()
    answer(
        monkeypatch,
        [
            *WARMUPS,
            *["foo", ""],  # pogo jump 1 x 10-15, bodyweight; one typo
            *["", "10 16kg", "", "9 16kg 1"],  # split squat: Enter refused until a load is known
            *["", "", "s"],  # side-lying leg raise with a mini band: no load, then skip
            *["15 20kg 2", "", ""],  # single-leg calf raise
            *["10 14 3", "", "s"],  # single-leg RDL to row: bare load in kg, then skip
            *["", "", ""],  # bird dog
            "11",
            "7",
            "felt strong",
        ],
    )
    assert main(["session", "--date", DAY, "--no-timers"]) == 0
    out, err = capsys.readouterr()
    assert "Pogo jump: 1 x 10-15, rest 60 s" in out  # jumps: no RIR
    assert "1. Stand tall with feet hip-width apart" in out  # the catalogue's own words
    assert "set 1 of 1 [Enter = 15 reps]" in out
    assert "set 2 of 3 [Enter = 10 reps @ 16 kg, RIR 3]" in out
    assert "Side-lying leg raise: 3 x 12-15, RIR 3, rest 45 s, each side" in out
    assert out.count("load: choose one") == 3  # the dumbbell lifts only, never the mini band
    assert "entry: 'foo' is not understood" in err
    assert "load: no load yet for this exercise" in err
    assert "srpe: '11' is not accepted" in err
    assert "session saved: 14 sets on 2026-11-17; session RPE 7" in out
    split, leg, calf = "split-squat", "side-lying-leg-raise", "single-leg-calf-raise"
    rdl, bird = "single-leg-rdl-to-row", "bird-dog"
    assert stored() == [
        ("pogo-jump", 1, 15, None, None, None, cid("pogo-jump", 1)),
        (split, 1, 10, "16 kg", None, None, cid(split, 1)),
        (split, 2, 10, "16 kg", None, 3, cid(split, 2)),
        (split, 3, 9, "16 kg", None, 1, cid(split, 3)),
        (leg, 1, 15, None, None, 3, cid(leg, 1)),
        (leg, 2, 15, None, None, 3, cid(leg, 2)),
        (calf, 1, 15, "20 kg", None, 2, cid(calf, 1)),
        (calf, 2, 15, "20 kg", None, 3, cid(calf, 2)),
        (calf, 3, 15, "20 kg", None, 3, cid(calf, 3)),
        (rdl, 1, 10, "14 kg", None, 3, cid(rdl, 1)),
        (rdl, 2, 10, "14 kg", None, 3, cid(rdl, 2)),
        (bird, 1, 10, None, None, 3, cid(bird, 1)),
        (bird, 2, 10, None, None, 3, cid(bird, 2)),
        (bird, 3, 10, None, None, 3, cid(bird, 3)),
    ]
    [performed] = sessions()
    assert performed.session.date == dt.date(2026, 11, 17)
    assert (performed.session.srpe, performed.session.notes) == (7, "felt strong")
    started, ended = performed.session.started_at, performed.session.ended_at
    assert started is not None
    assert ended is not None
    assert started <= ended
    # The sets answered today's targets, so next time's target follows from them: 16 kg at
    # 8-10 (RIR 3) carried into next Tuesday's 4-6 range (RIR 2) by Epley.
    assert main(["next", "split-squat", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["date"], result["load"]) == ("2026-11-24", {"value": 18.0, "unit": "kg"})


def test_stopping_half_way_keeps_the_sets_and_a_second_run_resumes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create()
    answer(monkeypatch, [*WARMUPS, "", "10 16kg"])  # then the input ends, as when it closes
    assert main(["session", "--date", DAY, "--no-timers"]) == 130
    out = capsys.readouterr().out
    assert "stopped; 2 sets saved; run `runlift session --date 2026-11-17` to resume" in out
    assert [row[:3] for row in stored()] == [("pogo-jump", 1, 15), ("split-squat", 1, 10)]

    answer(monkeypatch, ["9", "", "q"])
    assert main(["session", "--date", DAY, "--no-timers"]) == 0
    out = capsys.readouterr().out
    assert "resuming: 2 sets already saved for 2026-11-17" in out
    assert "Easy jog: 1 x 300 s (done earlier)" in out
    assert "Pogo jump: 1 x 10-15, rest 60 s (done: 1 set saved)" in out
    assert "set 1: 10 reps @ 16 kg (saved earlier)" in out
    assert "set 1 of 3 [type reps and load" not in out  # the split squat resumes at set 2
    assert "set 2 of 3 [Enter = 10 reps @ 16 kg, RIR 3]" in out
    assert "stopped; 4 sets saved" in out
    rows = stored()
    assert [row[:4] for row in rows] == [
        ("pogo-jump", 1, 15, None),
        ("split-squat", 1, 10, "16 kg"),
        ("split-squat", 2, 9, "16 kg"),
        ("split-squat", 3, 10, "16 kg"),
    ]
    assert len({row[6] for row in rows}) == 4

    answer(monkeypatch, ["s", "s", "s", "s", "", ""])
    assert main(["session", "--date", DAY, "--no-timers"]) == 0
    out = capsys.readouterr().out
    assert "Split squat: 3 x 8-10, RIR 3, rest 90 s, each side (done: 3 sets saved)" in out
    assert "session saved: 4 sets on 2026-11-17" in out
    assert len(stored()) == 4
    assert len(sessions()) == 1


def test_a_set_logged_with_runlift_log_counts_as_done(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create()
    assert main(["log", "split-squat", "--reps", "9", "--load", "16kg", "--date", DAY]) == 0
    capsys.readouterr()
    answer(monkeypatch, ["", "", "q"])  # the warm-up lies before a saved set: not asked again
    assert main(["session", "--date", DAY, "--no-timers"]) == 0
    out = capsys.readouterr().out
    assert "A-skip: 1 x 20 s (done earlier)" in out
    assert "set 1: 9 reps @ 16 kg (saved earlier)" in out
    assert "set 2 of 3 [Enter = 10 reps @ 16 kg, RIR 3]" in out
    assert [row[:3] for row in stored()] == [
        ("split-squat", 1, 9),
        ("pogo-jump", 1, 15),
        ("split-squat", 2, 10),
    ]
    assert stored()[2][6] == cid("split-squat", 2)


def test_holds_and_timers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create("ben-first-5k")
    timers: list[tuple[int, str]] = []
    monkeypatch.setattr(cli_session, "countdown", lambda s, label: timers.append((s, label)))
    answer(
        monkeypatch,
        [
            *["", "", "", "", ""],  # warm-up
            *["8", "s"],  # forward lunge: one set, 60 s rest, then skip the second
            "s",  # calf raise: skipped, no timer
            "s",  # incline push-up: skipped, no timer
            *["", "", "", "45s"],  # side plank: start the hold, then the result, twice
            "",
            "",
        ],
    )
    assert main(["session", "--date", "2026-11-16"]) == 0
    assert timers == [
        (60, "rest 60 s"),
        (30, "first side"),
        (5, "switch sides"),
        (30, "second side"),
        (30, "rest 30 s"),
        (30, "first side"),
        (5, "switch sides"),
        (30, "second side"),
    ]
    out = capsys.readouterr().out
    assert "Kneeling side plank: 2 x 30 s, rest 30 s, each side" in out  # holds: no RIR
    assert "Enter to start the 30 s hold" in out
    assert "set 1 of 2 [Enter = 30 s]" in out
    plank = [row for row in stored("Ben") if row[0] == "kneeling-side-plank"]
    assert [(row[2], row[4], row[5]) for row in plank] == [(None, 30, None), (None, 45, None)]


def test_no_timers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    create("dev-ten-minutes")

    def refuse(seconds: int, label: str) -> None:
        raise AssertionError(f"timer {label} ran")

    monkeypatch.setattr(cli_session, "countdown", refuse)
    monkeypatch.setenv("RUNLIFT_NO_TIMERS", "1")
    answer(monkeypatch, ["", "", "", "8", "", ""])  # warm-up, towel heel raise, split squat
    assert main(["session", "--date", "2026-11-18"]) == 0
    assert len(stored("Dev")) == 2


def test_ctrl_c_skips_only_the_timer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", interrupt)  # the module cli_session's countdown calls
    cli_session.countdown(90, "rest 90 s")
    assert "rest 90 s: skipped" in capsys.readouterr().out


def test_skipping_everything_stores_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create()
    answer(monkeypatch, [*WARMUPS, "s", "s", "s", "s", "s", "s"])
    assert main(["session", "--date", DAY, "--no-timers"]) == 0
    assert "no sets saved for 2026-11-17; nothing stored" in capsys.readouterr().out
    assert stored() == []
    assert sessions() == []


def test_a_day_without_a_session(capsys: pytest.CaptureFixture[str]) -> None:
    create()
    assert main(["session", "--date", "2026-11-18", "--no-timers"]) == 0
    assert "2026-11-18: no strength session planned for Ana" in capsys.readouterr().out


def test_today_is_the_default_day(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    create()
    answer(monkeypatch, [*WARMUPS, "q"])
    assert main(["session", "--no-timers"]) == 0
    out = capsys.readouterr().out
    assert "Ana, 2026-11-17: Base strength A" in out
    assert "run `runlift session` to resume" in out


def test_bad_day_or_athlete_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    create()
    capsys.readouterr()
    assert main(["session", "--date", "2027-01-04", "--no-timers"]) == 2
    assert "--date: 2027-01-04 is in the future" in capsys.readouterr().err
    assert main(["session", "--date", "17/11/2026"]) == 2
    assert main(["session", "--athlete", "Nobody", "--date", DAY]) == 2
    assert stored() == []
