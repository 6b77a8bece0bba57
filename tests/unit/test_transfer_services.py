"""Export and import over the fake store: a lossless round trip; refusals that change nothing."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from fakes import FakeStore
from log_fixtures import ana_with_a_log

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.library import Library
from runlift.services import transfer
from runlift.services.errors import BadInput, RunliftError

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def document() -> dict[str, Any]:
    return transfer.export_document(ana_with_a_log())


def test_the_export_holds_the_whole_log_in_stored_order(document: dict[str, Any]) -> None:
    assert (document["format"], document["version"]) == ("runlift-export", 1)
    assert transfer.counts(document) == transfer.Counts(1, 1, 3, 9, 2)
    [ana] = document["athletes"]
    assert [s["client_id"] for s in ana["sessions"]] == ["s-0", "s-1", "s-2"]
    assert [len(s["sets"]) for s in ana["sessions"]] == [4, 3, 2]
    assert [r["client_id"] for r in ana["runs"]] == [None, "gpx:abc:0"]
    assert ana["sessions"][0]["started_at"] == "2026-11-16T18:00:00+00:00"


def test_export_then_import_into_an_empty_store_gives_back_the_same_document(
    document: dict[str, Any], library: Library
) -> None:
    empty = FakeStore()
    counts = transfer.import_document(empty, library, copy.deepcopy(document), TODAY)
    assert counts == transfer.counts(document)
    assert empty.commits == 1
    again = transfer.export_document(empty)
    assert again == document
    assert transfer.document_text(again) == transfer.document_text(document)


def test_an_import_into_a_store_with_athletes_is_refused_and_changes_nothing(
    document: dict[str, Any], library: Library
) -> None:
    store = ana_with_a_log()
    before, commits = copy.deepcopy(store.data), store.commits
    document["athletes"][0]["name"] = "Ben"  # even a different athlete: import needs an empty store
    with pytest.raises(RunliftError, match="not empty"):
        transfer.import_document(store, library, document, TODAY)
    assert store.data == before
    assert store.commits == commits


def test_a_document_naming_one_athlete_twice_is_refused_and_stores_nothing(
    document: dict[str, Any], library: Library
) -> None:
    document["athletes"].append(copy.deepcopy(document["athletes"][0]))
    empty = FakeStore()
    with pytest.raises(BadInput, match="repeats athlete name") as raised:
        transfer.import_document(empty, library, document, TODAY)
    assert raised.value.field == "athletes.1.name"
    assert empty.commits == 0
    assert transfer.export_document(empty)["athletes"] == []


def test_a_bad_row_deep_in_the_document_is_named_and_stores_nothing(
    document: dict[str, Any], library: Library
) -> None:
    document["athletes"][0]["sessions"][2]["sets"][1]["exercise"] = "no-such-lift"
    empty = FakeStore()
    with pytest.raises(BadInput, match="no-such-lift") as raised:
        transfer.import_document(empty, library, document, TODAY)
    assert raised.value.field == "athletes.0.sessions.2.sets.1.exercise"
    assert empty.commits == 0


def test_imported_times_are_kept_as_utc_instants(
    document: dict[str, Any], library: Library
) -> None:
    run = document["athletes"][0]["runs"][1]
    run["logged_at"] = "2026-11-19T09:00:00+02:00"
    empty = FakeStore()
    transfer.import_document(empty, library, document, TODAY)
    exported = transfer.export_document(empty)["athletes"][0]["runs"][1]
    assert exported["logged_at"] == "2026-11-19T07:00:00+00:00"
