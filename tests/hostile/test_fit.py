"""Hostile FIT files (issue 10, item 7): every one is read or refused by a LIMIT, in one line.

The reader's work is counted (records visited, definitions, decoded messages) and asserted
against the limits of `fit_activity.LIMITS`, never wall-clock time.
"""

from __future__ import annotations

import datetime as dt
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fit_bytes import RECORD, UINT32, data, definition, fit_file, header, with_crc
from runlift.adapters.fit_activity import LIMITS, MAX_BYTES, FitActivityError, parse_fit_runs
from runlift.adapters.fit_reader import FitFormatError, FitLimits, read_fit

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
START = round((dt.datetime(2026, 11, 20, 7, tzinfo=dt.UTC) - FIT_EPOCH).total_seconds())
SESSION_FIELDS = [(5, 1, 0), (2, 4, UINT32), (9, 4, UINT32), (8, 4, UINT32)]


def run_file(extra: bytes = b"") -> bytes:
    """A small activity: file_id, a 5 km run in 25 minutes, then `extra` records."""
    file_id = definition(0, 0, [(0, 1, 0)]) + data(0, b"\x04")
    session = definition(1, 18, SESSION_FIELDS)
    session += data(1, struct.pack("<BIII", 1, START, 500_000, 1_500_000))
    return fit_file(file_id + session + extra)


def outcome(fit: bytes) -> str:
    """'runs' or 'refused': anything but FitActivityError escaping fails the test."""
    try:
        parse_fit_runs(fit, "hostile.fit")
    except FitActivityError:
        return "refused"
    return "runs"


def test_the_small_file_is_a_run() -> None:
    [found] = parse_fit_runs(run_file(), "good.fit")
    assert (found.run.date, found.run.distance_m, found.run.duration_s) == (
        dt.date(2026, 11, 20),
        5000.0,
        1500,
    )


def test_every_prefix_is_refused() -> None:
    whole = run_file()
    for size in range(len(whole)):
        with pytest.raises(FitActivityError, match="not a valid FIT file"):
            parse_fit_runs(whole[:size], "cut.fit")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_flipped_bytes_give_runs_or_one_refusal(draw: st.DataObject) -> None:
    fit = bytearray(run_file(stamped_records(3)))
    for _ in range(draw.draw(st.integers(1, 4))):
        at = draw.draw(st.integers(0, len(fit) - 1))
        fit[at] ^= draw.draw(st.integers(1, 255))
    assert outcome(bytes(fit)) in ("runs", "refused")
    # With the CRC made right again, the flips reach the record walk itself.
    assert outcome(with_crc(bytes(fit))) in ("runs", "refused")


def stamped_records(count: int) -> bytes:
    """Record messages of a timestamp only (local type 2): five bytes each."""
    layout = definition(2, RECORD, [(253, 4, UINT32)])
    return layout + b"".join(data(2, struct.pack("<I", START + n)) for n in range(count))


def test_a_definition_of_255_fields_of_255_bytes_is_read_within_bounds() -> None:
    wide = definition(3, 18, [(n, 255, 0x86) for n in range(255)])
    fit = run_file(wide + data(3, bytes(255 * 255)))
    contents = read_fit(fit, LIMITS)
    # No field of 255 bytes is a uint32, so the second session has no distance: refused.
    assert len(contents.sessions) == 2
    assert contents.sessions[1].total_distance is None
    with pytest.raises(FitActivityError, match="session 2: no valid total_distance"):
        parse_fit_runs(fit, "wide.fit")


def test_a_data_size_beyond_the_file_is_refused() -> None:
    fit = run_file()
    lying = with_crc(header(2**32 - 1) + fit[14:])  # a header CRC that matches the lie
    with pytest.raises(FitActivityError, match=r"not a valid FIT file \(FIT data is truncated"):
        parse_fit_runs(lying, "lying.fit")


def test_a_file_over_the_size_cap_is_refused_unread() -> None:
    with pytest.raises(FitActivityError, match="larger than 4 MB"):
        parse_fit_runs(b"\x0e" + bytes(MAX_BYTES), "huge.fit")


def tiny_records(count: int) -> bytes:
    """Records of a definition without fields: one byte each, the most a size allows."""
    return definition(4, RECORD, []) + bytes([4]) * count


def test_the_record_limit_counts_every_record_visited() -> None:
    overhead = read_fit(run_file(tiny_records(0)), LIMITS).records
    room = LIMITS.records - overhead
    assert read_fit(run_file(tiny_records(room)), LIMITS).records == LIMITS.records
    with pytest.raises(FitFormatError, match=f"more than {LIMITS.records} records"):
        read_fit(run_file(tiny_records(room + 1)), LIMITS)


@pytest.mark.parametrize(
    "records",
    [
        pytest.param(lambda size: tiny_records(size), id="one-byte records"),
        pytest.param(lambda size: stamped_records(size // 5), id="timestamped records"),
        pytest.param(
            lambda size: definition(5, RECORD, []) * (size // 6), id="repeated definitions"
        ),
        pytest.param(lambda size: definition(6, 18, []) + bytes([6]) * size, id="empty sessions"),
    ],
)
def test_a_file_of_the_largest_size_is_refused_by_a_limit(records: object) -> None:
    assert callable(records)
    fit = run_file(records(MAX_BYTES - 100))
    assert MAX_BYTES - 100 < len(fit) <= MAX_BYTES
    with pytest.raises(FitActivityError, match="not a valid FIT file \\(more than"):
        parse_fit_runs(fit, "big.fit")


def test_different_definitions_and_decoded_messages_are_limited() -> None:
    small = FitLimits(records=5000, definitions=1000, layouts=10, messages=5)
    layouts = b"".join(definition(7, RECORD, [(n, 1, 2)]) for n in range(11))
    with pytest.raises(FitFormatError, match="more than 10 different definitions"):
        read_fit(run_file(layouts), small)
    same = definition(7, RECORD, [(1, 1, 2)]) * 1001
    with pytest.raises(FitFormatError, match="more than 1000 definition messages"):
        read_fit(run_file(same), small)
    sessions = definition(7, 18, []) + bytes([7]) * 4
    with pytest.raises(FitFormatError, match="more than 5 file_id/session/activity messages"):
        read_fit(run_file(sessions), small)
