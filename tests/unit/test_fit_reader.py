"""fit_reader against Garmin's FIT SDK on files fit-tool builds, and the protocol's corners."""

from __future__ import annotations

import struct
from typing import Any

import pytest
from fit_tool.endian import Endian
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport
from garmin_fit_sdk import Decoder, Stream
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fit_bytes import (
    RECORD,
    UINT8,
    UINT32,
    compressed,
    data,
    definition,
    fit_file,
    records_of,
    with_crc,
)
from runlift.adapters.fit_activity import LIMITS
from runlift.adapters.fit_reader import (
    FitContents,
    FitFormatError,
    crc16,
    crc16_by_nibbles,
    read_fit,
)

FIT_EPOCH_MS = 631_065_600_000
START_MS = FIT_EPOCH_MS + 1_000_000_000_000  # 2021: a start in FIT's range, in unix ms


@given(st.binary(max_size=300), st.integers(0, 0xFFFF))
def test_the_fast_crc_is_the_documented_one(payload: bytes, start: int) -> None:
    assert crc16(payload, start) == crc16_by_nibbles(payload, start)


endians = st.sampled_from([Endian.LITTLE, Endian.BIG])
sessions = st.fixed_dictionaries(
    {
        "sport": st.sampled_from([Sport.RUNNING, Sport.CYCLING, Sport.SWIMMING, None]),
        "start": st.integers(0, 10**9),
        "metres": st.integers(0, 10**7).map(lambda centimetres: centimetres / 100),
        "timer": st.none() | st.integers(0, 10**7).map(lambda ms: ms / 1000),
        "elapsed": st.none() | st.integers(0, 10**7).map(lambda ms: ms / 1000),
        "endian": endians,
    }
)
others = st.tuples(st.sampled_from(["record", "event"]), st.integers(0, 10**6), endians)


@st.composite
def activity_files(draw: st.DrawFn) -> bytes:
    """A FIT activity built by fit-tool: sessions, records and events, mixed endianness."""
    builder = FitFileBuilder(auto_define=True, min_string_size=0)
    file_id = FileIdMessage(endian=draw(endians))
    file_id.type = draw(st.sampled_from([FileType.ACTIVITY, FileType.WORKOUT, FileType.COURSE]))
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.time_created = START_MS
    builder.add(file_id)
    items: list[Any] = draw(st.lists(sessions | others, max_size=6))
    for item in items:
        if isinstance(item, dict):
            session = SessionMessage(endian=item["endian"])
            if item["sport"] is not None:
                session.sport = item["sport"]
            session.start_time = START_MS + item["start"] * 1000
            session.total_distance = item["metres"]
            if item["timer"] is not None:
                session.total_timer_time = item["timer"]
            if item["elapsed"] is not None:
                session.total_elapsed_time = item["elapsed"]
            builder.add(session)
        elif item[0] == "record":
            record = RecordMessage(endian=item[2])
            record.timestamp = START_MS + item[1] * 1000
            record.heart_rate = item[1] % 200
            builder.add(record)
        else:
            event = EventMessage(endian=item[2])
            event.timestamp = START_MS + item[1] * 1000
            event.event = Event.TIMER
            event.event_type = EventType.START
            builder.add(event)
    if draw(st.booleans()):
        activity = ActivityMessage(endian=draw(endians))
        activity.timestamp = START_MS + draw(st.integers(0, 10**6)) * 1000
        activity.local_timestamp = draw(st.integers(0, 2**31))
        builder.add(activity)
    built: bytes = builder.build().to_bytes()
    if draw(st.booleans()):  # a record with a developer field, which the SDK can read too
        extra = definition(5, RECORD, [(253, 4, UINT32), (3, 1, UINT8)], developer=[(0, 2, 0)])
        extra += data(5, struct.pack("<IBH", 1_000_000_000, 150, 7))
        built = fit_file(records_of(built) + extra, draw(st.sampled_from([12, 14])))
    return built


def garmin(fit: bytes) -> dict[str, Any]:
    decoder = Decoder(Stream.from_byte_array(bytearray(fit)))
    messages, errors = decoder.read(
        convert_types_to_strings=False, convert_datetimes_to_dates=False
    )
    assert errors == []
    return dict(messages)


def summary(contents: FitContents) -> dict[str, Any]:
    """Our reading in the shape of the SDK's messages (absent fields left out)."""
    found: dict[str, Any] = {"file_id_mesgs": [{"type": contents.file_type}]}
    found["session_mesgs"] = [
        {
            key: value
            for key, value in {
                "sport": session.sport,
                "start_time": session.start_time,
                "total_distance": session.total_distance,
                "total_timer_time": session.total_timer_time,
                "total_elapsed_time": session.total_elapsed_time,
            }.items()
            if value is not None
        }
        for session in contents.sessions
    ]
    activity = contents.activity
    found["activity_mesgs"] = (
        []
        if activity is None
        else [{"timestamp": activity.timestamp, "local": activity.local_timestamp}]
    )
    return found


def sdk_summary(messages: dict[str, Any]) -> dict[str, Any]:
    keys = ("sport", "start_time", "total_distance", "total_timer_time", "total_elapsed_time")
    return {
        "file_id_mesgs": [{"type": messages["file_id_mesgs"][0].get("type")}],
        "session_mesgs": [
            {key: s[key] for key in keys if key in s} for s in messages.get("session_mesgs", [])
        ],
        "activity_mesgs": [
            {"timestamp": a.get("timestamp"), "local": a.get("local_timestamp")}
            for a in messages.get("activity_mesgs", [])[:1]
        ],
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity_files())
def test_the_reader_finds_what_garmins_sdk_decodes(fit: bytes) -> None:
    assert summary(read_fit(fit, LIMITS)) == sdk_summary(garmin(fit))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activity_files(), activity_files())
def test_chained_files_are_read_as_one(first: bytes, second: bytes) -> None:
    chained = read_fit(first + second, LIMITS)
    one, two = read_fit(first, LIMITS), read_fit(second, LIMITS)
    assert chained.file_type == one.file_type
    assert chained.sessions == one.sessions + two.sessions
    assert chained.activity == (one.activity or two.activity)
    assert chained.records == one.records + two.records


def stamped(stamp: int) -> bytes:
    """A record definition (local 1) with a timestamp, and one record at `stamp`."""
    return definition(1, RECORD, [(253, 4, UINT32)]) + data(1, struct.pack("<I", stamp))


def test_compressed_timestamps_count_from_the_last_timestamp_and_roll_over() -> None:
    stamp = 1_000_000_030  # its low five bits are 30
    fit = fit_file(
        stamped(stamp)
        + definition(2, RECORD, [(3, 1, UINT8)])
        + compressed(2, 31, b"\x90")  # 30 -> 31: one second later
        + compressed(2, 2, b"\x90")  # 31 -> 2: rolled over, three seconds later
        + definition(3, 34, [(5, 4, UINT32)], big_endian=True)
        + compressed(3, 4, struct.pack(">I", 123))  # the activity, two seconds later
    )
    activity = read_fit(fit, LIMITS).activity
    assert activity is not None
    assert (activity.timestamp, activity.local_timestamp) == (stamp + 6, 123)


@pytest.mark.parametrize(
    ("records", "reason"),
    [
        (definition(2, RECORD, [(3, 1, UINT8)]) + compressed(2, 3, b"\x90"), "no timestamp before"),
        (data(4, b""), "local type 4, which has no definition"),
        (stamped(5)[:-1], "runs past the end"),
        (stamped(5) + data(1, b"\x00\x00"), "runs past the end"),
        (bytes([0x40, 0, 2, 0, 0, 0]), "architecture 2"),
        (definition(0, 18, [(9, 4, UINT32)] * 255)[:-3], "runs past the end"),
    ],
)
def test_broken_records_are_named(records: bytes, reason: str) -> None:
    with pytest.raises(FitFormatError, match=reason):
        read_fit(fit_file(records), LIMITS)


def test_the_header_is_checked() -> None:
    fit = fit_file(stamped(5))
    assert read_fit(fit, LIMITS).records == 2
    no_header_crc = with_crc(fit[:12] + b"\x00\x00" + fit[14:])
    assert read_fit(no_header_crc, LIMITS).records == 2
    for broken, reason in [
        (fit[:12] + b"\x01\x00" + fit[14:], "header's CRC"),
        (b"\x0d" + fit[1:], "header size 13"),
        (fit[:8] + b".FTT" + fit[12:], "no .FIT signature"),
        (fit[:-1], "FIT data is truncated"),
        (fit[:11], "Truncated FIT input"),
        (fit + b"\x00", "1 stray bytes"),
    ]:
        with pytest.raises(FitFormatError, match=reason):
            read_fit(broken, LIMITS)


def test_invalid_values_mean_absent() -> None:
    fields = [(5, 1, 0), (2, 4, UINT32), (9, 4, UINT32), (8, 4, UINT32), (7, 4, 0x8C)]
    session = struct.pack("<BIIII", 0xFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)  # uint32z: 0
    [found] = read_fit(fit_file(definition(0, 18, fields) + data(0, session)), LIMITS).sessions
    assert found.sport is found.start_time is found.total_distance is None
    assert found.total_timer_time is found.total_elapsed_time is None
