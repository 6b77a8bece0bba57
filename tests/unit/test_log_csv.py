"""Strong and Hevy CSV exports read into neutral sets, bad files refused with the row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from runlift.adapters import log_csv
from runlift.adapters.log_csv import HEVY, STRONG, LogCsvError, read_log_csv, write_strong_csv
from runlift.domain.foreign_log import ForeignSet
from runlift.domain.vocab import Units
from runlift.services.errors import BadInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "log_import"
KG, LB = Units.KG, Units.LB
CLASSIC = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)
MARCH_4 = dt.datetime(2025, 3, 4, 7, 12, 40)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def summary(one: ForeignSet) -> tuple[object, ...]:
    return (one.exercise, one.order, one.weight, one.unit, one.reps, one.seconds, one.rpe)


def test_a_strong_export_without_units_reads_every_set_and_flags_warm_ups() -> None:
    rows = read_log_csv(fixture("strong-kg.csv"), STRONG)
    assert len(rows) == 18
    assert rows[0].warmup
    assert rows[0].order == "W"
    assert [r.row for r in rows[:2]] == [2, 3]  # spreadsheet rows: the header is row 1
    assert (rows[0].started, rows[0].workout) == (MARCH_4, "Legs A")
    assert summary(rows[3]) == ("Squat (Barbell)", "3", 80.0, None, 4, None, 9.5)
    assert rows[3].notes == "Belt on, last rep slow"
    plank = rows[8]
    assert summary(plank) == ("Plank", "1", 0.0, None, 0, 60, None)
    assert sum(r.warmup for r in rows) == 1


def test_an_old_semicolon_export_reads_decimal_commas_and_its_unit_column() -> None:
    rows = read_log_csv(fixture("strong-lb.csv"), STRONG)
    assert len(rows) == 10
    assert summary(rows[1]) == ("Deadlift (Barbell)", "2", 232.5, LB, 5, None, 8.0)
    assert rows[5].notes == "Pad; slow top"
    assert all(r.unit is LB for r in rows)


def test_a_hevy_export_with_a_bom_reads_times_units_and_set_types() -> None:
    rows = read_log_csv(fixture("hevy.csv"), HEVY)
    assert len(rows) == 12
    assert rows[0].warmup
    assert not rows[3].warmup
    assert rows[0].started == dt.datetime(2025, 1, 26, 7, 5)
    assert summary(rows[3]) == ("Squat (Barbell)", "3", 70.0, KG, 5, None, 10.0)
    assert summary(rows[6]) == ("Plank", "0", None, KG, None, 60, None)
    assert (rows[8].notes, rows[8].rpe) == ("Slow negatives", 8.5)
    assert (rows[11].distance, rows[11].seconds) == (1.5, 600)


@pytest.mark.parametrize(
    ("text", "app", "expected"),
    [
        # Strong, newest layout: unit in the header, workout number, rest timers, warm-ups
        (
            '"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order",'
            '"Weight (kg)","Reps","RPE","Distance (meters)","Seconds","Notes","Workout Notes"\n'
            '"1","2025-03-04 07:12:40","Legs","3120","Plank","W","0","0","","","30","",""\n'
            '"1","2025-03-04 07:12:40","Legs","3120","Plank","Rest Timer","","","","","90","",""\n'
            '"1","2025-03-04 07:12:40","Legs","3120","Squat (Barbell)","1","80","5.0","8","","",'
            '"",""\n',
            STRONG,
            [("Plank", "W", 0.0, KG, 0, 30, None), ("Squat (Barbell)", "1", 80.0, KG, 5, None, 8)],
        ),
        # Strong with pounds in the header, drop and failure sets, CRLF lines
        (
            "Date,Workout Name,Exercise Name,Set Order,Weight (lbs),Reps\r\n"
            "2025-03-04 07:12:40,Legs,Deadlift (Barbell),D,185,8\r\n"
            "2025-03-04 07:12:40,Legs,Deadlift (Barbell),f,185,6\r\n",
            STRONG,
            [
                ("Deadlift (Barbell)", "D", 185.0, LB, 8, None, None),
                ("Deadlift (Barbell)", "F", 185.0, LB, 6, None, None),
            ],
        ),
        # Strong with a 12-hour clock and a narrow no-break space before PM, seconds as 45.0
        (
            f"{CLASSIC}\n2025-03-04 7:12:40\u202fPM,Core,,Side Plank,1,0,0,0,45.0,,,\n",
            STRONG,
            [("Side Plank", "1", 0.0, None, 0, 45, None)],
        ),
        # Hevy in pounds with an ISO start time
        (
            "title,start_time,exercise_title,set_index,set_type,weight_lbs,reps,rpe\n"
            "Legs,2025-01-26T07:05:00+01:00,Goblet Squat,0,normal,50,10,7.5\n",
            HEVY,
            [("Goblet Squat", "0", 50.0, LB, 10, None, 7.5)],
        ),
    ],
)
def test_layouts_people_export(text: str, app: str, expected: list[tuple[object, ...]]) -> None:
    rows = read_log_csv(text.encode(), app)
    assert [summary(r) for r in rows] == expected
    assert rows[0].started.date() == dt.date(2025, 3, 4) or app == HEVY


def test_twelve_hour_times_and_iso_times_keep_the_clock_as_written() -> None:
    pm = read_log_csv(
        f"{CLASSIC}\n2025-03-04 12:05:00 AM,C,,Plank,1,0,0,0,30,,,\n".encode(), STRONG
    )
    assert pm[0].started == dt.datetime(2025, 3, 4, 0, 5)
    iso = "title,start_time,exercise_title,set_index,reps\nL,2025-01-26T07:05:00Z,Plank,0,1\n"
    assert read_log_csv(iso.encode(), HEVY)[0].started == dt.datetime(2025, 1, 26, 7, 5)


def test_repeated_labels_in_one_workout_are_told_apart() -> None:
    text = (
        f"{CLASSIC}\n"
        "2025-03-04 07:12:40,Legs,,Squat (Barbell),1,80,5,0,0,,,\n"
        "2025-03-04 07:12:40,Legs,,Squat (Barbell),1,85,3,0,0,,,\n"
        "2025-03-06 07:12:40,Legs,,Squat (Barbell),1,80,5,0,0,,,\n"
    )
    assert [r.occurrence for r in read_log_csv(text.encode(), STRONG)] == [1, 2, 1]


def bad(text: str | bytes, app: str = STRONG) -> LogCsvError:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(LogCsvError) as caught:
        read_log_csv(data, app)
    assert isinstance(caught.value, BadInput)
    return caught.value


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("", "file", "empty"),
        ("\n\n", "file", "empty"),
        (f"{CLASSIC}\n", "file", "no sets"),
        (
            "Date,Workout Name,Set Order,Weight,Reps\n2025-03-04,L,1,5,5\n",
            "file",
            "no column 'exercise name'",
        ),
        (f"{CLASSIC}\n04/03/2025 07:12,L,,Plank,1,0,0,0,30,,,\n", "row 2, Date", "not a date"),
        (f"{CLASSIC}\n2025-02-30 07:12:00,L,,Plank,1,0,0,0,30,,,\n", "row 2, Date", "not a date"),
        (f"{CLASSIC}\n2025-03-04 13:12:00 PM,L,,Plank,1,0,0,0,30,,,\n", "row 2, Date", "time"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,1,eighty,5,0,0,,,\n", "row 2, Weight", "number"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,1,-5,5,0,0,,,\n", "row 2, Weight", ">= 0"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,1,nan,5,0,0,,,\n", "row 2, Weight", ">= 0"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,1,80,5.5,0,0,,,\n", "row 2, Reps", "whole"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,X,80,5,0,0,,,\n", "row 2, Set Order", "W, D, F"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,,1,80,5,0,0,,,\n", "row 2, Exercise Name", "no exer"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L,,Squat,1,80,5,0,0,,,,,extra\n", "row 2", "14 cells"),
        (
            "Date,Exercise Name,Set Order,Weight,Weight Unit,Reps\n2025-03-04,Squat,1,80,st,5\n",
            "row 2, Weight Unit",
            "kg, lbs",
        ),
        (f'{CLASSIC}\n2025-03-04 07:12:00,"L,,Squat,1,80,5,0,0,,,\n', "file", "not valid CSV"),
        (f"{CLASSIC}\n2025-03-04 07:12:00,L\x00,,Squat,1,80,5,0,0,,,\n", "file", "NUL"),
    ],
)
def test_a_bad_strong_file_is_one_error_naming_the_row_and_column(
    text: str, field: str, words: str
) -> None:
    error = bad(text)
    assert error.field == field
    assert words.casefold() in error.message.casefold()


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (f"{HEVY_HEADER}\nL,yesterday,,,Plank,,,0,normal,,,,30,\n", "row 2, start_time", "date"),
        (f"{HEVY_HEADER}\nL,26 Foo 2025,,,Plank,,,0,normal,,,,30,\n", "row 2, start_time", "date"),
        (
            f'{HEVY_HEADER}\nL,"26 Jan 2025, 07:05",,,Plank,,,0,cooldown,,,,30,\n',
            "row 2, set_type",
            "warmup",
        ),
        (
            f'{HEVY_HEADER}\nL,"26 Jan 2025, 07:05",,,Plank,,,-1,normal,,,,30,\n',
            "row 2, set_index",
            "not a set",
        ),
        (
            f'{HEVY_HEADER}\nL,"26 Jan 2025, 07:05",,,Squat,,,0,normal,x,5,,,\n',
            "row 2, weight_kg",
            "number",
        ),
    ],
)
def test_a_bad_hevy_file_is_one_error_naming_the_row_and_column(
    text: str, field: str, words: str
) -> None:
    error = bad(text, HEVY)
    assert error.field == field
    assert words.casefold() in error.message.casefold()


def test_a_file_of_the_other_app_says_which_app_it_looks_like() -> None:
    assert "looks like a Hevy export" in bad(fixture("hevy.csv")).message
    assert "looks like a Strong export" in bad(fixture("strong-kg.csv"), HEVY).message


def test_text_that_is_not_utf_8_is_refused_with_the_offending_byte() -> None:
    latin = f"{CLASSIC}\n2025-03-04 07:12:00,Kräftig,,Squat,1,80,5,0,0,,,\n".encode("latin-1")
    error = bad(latin)
    assert (error.field, error.row) == ("file", None)
    assert "not UTF-8" in error.message
    assert "0xe4" in error.message


def test_huge_files_and_too_many_rows_are_refused_before_any_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    row = "2025-03-04 07:12:00,L,,Squat (Barbell),1,80,5,0,0,,,\n"
    monkeypatch.setattr(log_csv, "MAX_ROWS", 3)
    assert "more than 3 sets" in bad(CLASSIC + "\n" + row * 4).message
    assert len(read_log_csv((CLASSIC + "\n" + row * 3).encode(), STRONG)) == 3
    monkeypatch.setattr(log_csv, "MAX_BYTES", 100)
    assert "larger than" in bad(CLASSIC + "\n" + row * 2).message


def test_an_unknown_app_is_refused() -> None:
    with pytest.raises(BadInput) as caught:
        read_log_csv(fixture("hevy.csv"), "fitbod")
    assert caught.value.field == "from"


def test_the_writer_uses_strongs_header_and_reads_back_the_same_sets() -> None:
    sets = [
        ForeignSet(2, MARCH_4, "Strength A", "Goblet squat", "1", weight=24.0, unit=KG, reps=10),
        ForeignSet(
            3, MARCH_4, "Strength A", "Goblet squat", "2", weight=102.1, unit=KG, reps=8, rpe=8.0
        ),
        ForeignSet(4, MARCH_4, "Strength A", "Side plank", "1", seconds=45),
        ForeignSet(5, MARCH_4, "Strength A", "Push-up, incline", "1", reps=12, rpe=10.0),
    ]
    text = write_strong_csv(sets)
    lines = text.splitlines()
    assert lines[0] == CLASSIC
    assert lines[2] == "2025-03-04 07:12:40,Strength A,,Goblet squat,2,102.1,8,0,0,,,8"
    assert lines[3] == "2025-03-04 07:12:40,Strength A,,Side plank,1,0,0,0,45,,,"
    back = read_log_csv(text.encode(), STRONG)
    assert [summary(r) for r in back] == [
        ("Goblet squat", "1", 24.0, None, 10, None, None),
        ("Goblet squat", "2", 102.1, None, 8, None, 8.0),
        ("Side plank", "1", 0.0, None, 0, 45, None),
        ("Push-up, incline", "1", 0.0, None, 12, None, 10.0),
    ]


def test_the_writer_refuses_loads_in_two_units() -> None:
    sets = [
        ForeignSet(2, MARCH_4, "A", "Goblet squat", "1", weight=24.0, unit=KG, reps=10),
        ForeignSet(3, MARCH_4, "A", "Goblet squat", "2", weight=50.0, unit=LB, reps=10),
    ]
    with pytest.raises(ValueError, match="one weight unit"):
        write_strong_csv(sets)
