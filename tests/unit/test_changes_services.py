"""The changes log over the fake store: a change and its line are kept together or not at all,
the trusted CLI (no account) logs nothing, and notes are checked before anything is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import FakeStore

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.services import athletes, changes
from runlift.services.errors import BadInput, Conflict
from runlift.services.ports import EditKind, Role
from runlift.services.real_week import move_session, skip_session

ANA = Path(__file__).resolve().parents[2] / "examples" / "ana-marathon.yaml"
MON = dt.date(2026, 11, 16)
THU, FRI, SAT = (MON + dt.timedelta(days=i) for i in (3, 4, 5))
NOW = dt.datetime(2026, 11, 10, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(library: Library) -> FakeStore:
    fake = FakeStore()
    athletes.create_athlete(fake, library, ANA.read_text(), str(ANA), MON, MON, NOW)
    return fake


def _coach(store: FakeStore) -> int:
    with store() as uow:
        account = uow.accounts.add("cleo@example.com", "Cleo", "hash", Role.COACH, NOW)
        uow.commit()
    return account.id


def test_a_move_and_a_profile_change_are_logged_with_their_author(
    store: FakeStore, library: Library
) -> None:
    cleo = _coach(store)
    move_session(store, library, "Ana", THU, SAT, anyway=True, today=MON, now=NOW, by=cleo)
    athletes.update_athlete(
        store, library, "Ana", ANA.read_text(), "profile", MON, MON, NOW, by=cleo
    )
    log = changes.changes_of(store, "Ana")
    assert [(c.kind, c.author_id, c.author_name) for c in log] == [
        (EditKind.PROFILE, cleo, "Cleo"),
        (EditKind.MOVE, cleo, "Cleo"),
    ]
    assert log[0].summary == "profile changed; plan version 2 from 2026-11-16"
    assert log[1].summary == "moved Thu 2026-11-19 to Sat 2026-11-21 despite a warning"


def test_a_refused_move_logs_nothing_and_the_cli_logs_nothing(
    store: FakeStore, library: Library
) -> None:
    cleo = _coach(store)
    with pytest.raises(BadInput):
        move_session(store, library, "Ana", THU, SAT, today=MON, now=NOW, by=cleo)
    move_session(store, library, "Ana", THU, FRI, anyway=True, today=MON, now=NOW)
    assert changes.changes_of(store, "Ana") == []


def test_a_skip_is_logged_as_a_move_to_no_day_and_a_refused_one_not(
    store: FakeStore, library: Library
) -> None:
    cleo = _coach(store)
    assert skip_session(store, library, "Ana", THU, today=MON, now=NOW, by=cleo) == THU
    with pytest.raises(Conflict):
        skip_session(store, library, "Ana", THU, today=MON, now=NOW, by=cleo)
    log = changes.changes_of(store, "Ana")
    assert [(c.kind, c.author_name, c.summary) for c in log] == [
        (EditKind.MOVE, "Cleo", "skipped Thu 2026-11-19")
    ]


def test_a_note_is_kept_trimmed_and_logged_a_bad_one_changes_nothing(store: FakeStore) -> None:
    cleo = _coach(store)
    for text in ("", "  ", "a\x00b", "x" * 2001):
        with pytest.raises(BadInput) as refused:
            changes.add_note(store, "Ana", THU, text, by=cleo, today=MON, now=NOW)
        assert refused.value.field == "text"
    with pytest.raises(BadInput) as old:
        changes.add_note(store, "Ana", dt.date(1900, 1, 1), "hi", by=cleo, today=MON, now=NOW)
    assert old.value.field == "date"
    assert changes.notes_of(store, "Ana") == []
    note = changes.add_note(store, "Ana", THU, " Easy \n", by=cleo, today=MON, now=NOW)
    assert (note.text, note.author_name, note.date) == ("Easy", "Cleo", THU)
    assert changes.notes_of(store, "Ana", THU) == [note]
    assert changes.notes_of(store, "Ana", FRI) == []
    [logged] = changes.changes_of(store, "Ana")
    assert (logged.kind, logged.summary) == (EditKind.NOTE, "note on 2026-11-19")


@pytest.mark.parametrize("limit", [0, 501])
def test_a_limit_out_of_range_is_bad_input(store: FakeStore, limit: int) -> None:
    with pytest.raises(BadInput) as refused:
        changes.changes_of(store, "Ana", limit)
    assert refused.value.field == "limit"
