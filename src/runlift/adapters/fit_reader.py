"""A small FIT reader that decodes only what runs need, so hostile files cost bounded work.

Written from the public FIT protocol description: a file is a header (12 or 14 bytes,
".FIT", the size of the records, an optional header CRC), the records, and a CRC-16 over
both. A record is a definition (architecture, global message number, field and developer
field definitions for a local message type) or a data message laid out by the definition of
its local type; a compressed-timestamp header carries a 5-bit time offset instead of a
timestamp field. The walk visits every record once and skips the bytes of every message but
file_id, session and activity. Chained files (several FIT files back to back) are read as one.
Every length is checked against the bytes left; anything inconsistent is a `FitFormatError`.
"""

from __future__ import annotations

import functools
import struct
import sys
from array import array
from dataclasses import dataclass

FILE_ID, SESSION, ACTIVITY = 0, 18, 34
TIMESTAMP_FIELD = 253
_WANTED = {
    FILE_ID: (0,),  # type
    SESSION: (2, 5, 7, 8, 9, TIMESTAMP_FIELD),  # start, sport, elapsed, timer, distance
    ACTIVITY: (5, TIMESTAMP_FIELD),  # local_timestamp
}
_HEADER_SIZES = (12, 14)
_SIGNATURE = b".FIT"
# Base type number (the low 5 bits) -> struct code and the "invalid" value meaning absent.
# Floats are invalid when all bits are set, which reads as NaN.
_BASE_TYPES: dict[int, tuple[str, float | None]] = {
    0: ("B", 0xFF),  # enum
    1: ("b", 0x7F),  # sint8
    2: ("B", 0xFF),  # uint8
    3: ("h", 0x7FFF),  # sint16
    4: ("H", 0xFFFF),  # uint16
    5: ("i", 0x7FFFFFFF),  # sint32
    6: ("I", 0xFFFFFFFF),  # uint32
    8: ("f", None),  # float32
    9: ("d", None),  # float64
    10: ("B", 0),  # uint8z
    11: ("H", 0),  # uint16z
    12: ("I", 0),  # uint32z
    13: ("B", 0xFF),  # byte
    14: ("q", 0x7FFFFFFFFFFFFFFF),  # sint64
    15: ("Q", 0xFFFFFFFFFFFFFFFF),  # uint64
    16: ("Q", 0),  # uint64z
}
# The documented CRC-16 of FIT, four bits at a time.
_CRC_NIBBLES = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


_Layout = tuple[struct.Struct, float | None]  # how to unpack a value, and its invalid value


class FitFormatError(ValueError):
    """The bytes break the FIT protocol; the message says where, for the user."""


@dataclass(frozen=True, slots=True)
class FitSession:
    """A session message's fields for a run: times are FIT seconds, distance metres."""

    sport: int | None
    start_time: int | None
    timestamp: int | None
    total_distance: float | None
    total_timer_time: float | None
    total_elapsed_time: float | None


@dataclass(frozen=True, slots=True)
class FitActivity:
    """An activity message's UTC and local clocks (FIT seconds), which give the watch's offset."""

    timestamp: int | None
    local_timestamp: int | None


@dataclass(frozen=True, slots=True)
class FitLimits:
    """The most records, definitions (all, and different ones) and decoded messages in a file."""

    records: int
    definitions: int
    layouts: int
    messages: int


@dataclass(frozen=True, slots=True)
class FitContents:
    """What a FIT file holds for runs, and the records walked to find it (the work done)."""

    file_type: int | None
    sessions: tuple[FitSession, ...]
    activity: FitActivity | None
    records: int


@dataclass(frozen=True, slots=True)
class _Definition:
    """A local message type's layout: its data size and where the wanted fields lie."""

    global_number: int
    wanted: bool
    size: int
    fields: tuple[tuple[int, int, struct.Struct, float | None], ...]  # number, offset, ...
    timestamp: tuple[int, struct.Struct] | None  # field 253 as a uint32: offset, format


def crc16(data: bytes | memoryview, crc: int = 0) -> int:
    """FIT's CRC-16 of the bytes, continuing from `crc`, two bytes per step for speed."""
    byte_table, word_table = _crc_tables()
    even = len(data) - len(data) % 2
    words = array("H")
    words.frombytes(data[:even])
    if sys.byteorder == "big":
        words.byteswap()
    for word in words:
        crc = word_table[crc ^ word]
    for byte in bytes(data[even:]):
        crc = (crc >> 8) ^ byte_table[(crc ^ byte) & 0xFF]
    return crc


def crc16_by_nibbles(data: bytes, crc: int = 0) -> int:
    """The CRC-16 exactly as the protocol describes it (slow; the reference for `crc16`)."""
    for byte in data:
        crc = _crc_step(crc, byte)
    return crc


def _crc_step(crc: int, byte: int) -> int:
    for nibble in (byte & 0xF, byte >> 4):
        low = _CRC_NIBBLES[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ low ^ _CRC_NIBBLES[nibble]
    return crc


@functools.cache
def _crc_tables() -> tuple[list[int], list[int]]:
    """The CRC of one byte, and of two bytes (a little-endian word), from a zero register."""
    byte_table = [_crc_step(value, 0) for value in range(256)]
    word_table = []
    for word in range(65536):
        low = byte_table[word & 0xFF]
        word_table.append((low >> 8) ^ byte_table[(low ^ (word >> 8)) & 0xFF])
    return byte_table, word_table


def read_fit(data: bytes, limits: FitLimits) -> FitContents:
    """The file_id type, sessions and activity of FIT data, or FitFormatError if malformed."""
    walk = _Walk(data, limits)
    position = 0
    while True:
        position = walk.segment(position)
        if position == len(data):
            break
        if len(data) - position < _HEADER_SIZES[0] or data[position + 8 : position + 12] != (
            _SIGNATURE
        ):
            raise FitFormatError(f"{len(data) - position} stray bytes after the FIT data")
    return FitContents(walk.file_type, tuple(walk.sessions), walk.activity, walk.records)


class _Walk:
    """One pass over the records of one or more chained FIT files, collecting what runs need."""

    def __init__(self, data: bytes, limits: FitLimits) -> None:
        self.data = data
        self.max_records = limits.records
        self.max_definitions = limits.definitions
        self.max_layouts = limits.layouts
        self.definitions = 0
        self.max_messages = limits.messages
        self.layouts: dict[bytes, _Definition] = {}
        self.messages = 0
        self.records = 0
        self.file_type: int | None = None
        self.seen_file_id = False
        self.sessions: list[FitSession] = []
        self.activity: FitActivity | None = None

    def segment(self, start: int) -> int:
        """Check one FIT file's header and CRC, walk its records, and return where it ends."""
        data = self.data
        left = len(data) - start
        header_size = data[start] if left else 0
        if left >= _HEADER_SIZES[0] and header_size not in _HEADER_SIZES:
            raise FitFormatError(f"header size {header_size}, expected 12 or 14")
        if left < _HEADER_SIZES[0] or left < header_size:
            raise FitFormatError(f"Truncated FIT input: {left} bytes, too few for a header")
        if data[start + 8 : start + 12] != _SIGNATURE:
            raise FitFormatError("no .FIT signature in the header")
        records_size = int.from_bytes(data[start + 4 : start + 8], "little")
        if header_size == 14:
            header_crc = int.from_bytes(data[start + 12 : start + 14], "little")
            if header_crc and header_crc != crc16(data[start : start + 12]):
                raise FitFormatError("the header's CRC does not match")
        first = start + header_size
        end = first + records_size
        if end + 2 > len(data):
            raise FitFormatError(
                f"FIT data is truncated: the header announces {records_size} bytes of "
                f"records and a CRC, {len(data) - first} bytes follow"
            )
        file_crc = int.from_bytes(data[end : end + 2], "little")
        if file_crc != crc16(memoryview(data)[start:end]):
            raise FitFormatError("the file's CRC does not match its content")
        self._records(first, end)
        return end + 2

    def _records(self, position: int, end: int) -> None:
        """Walk the records in [position, end): the hot loop skips unwanted data messages."""
        data = self.data
        definitions: list[_Definition | None] = [None] * 16
        # Record size by header byte for data messages that need no decoding; 0: look closer.
        skip = [0] * 256
        last_timestamp: int | None = None
        visited = 0
        limit = self.max_records - self.records
        while position < end:
            visited += 1
            step = skip[data[position]]
            if step:
                position += step
                continue
            if visited > limit:
                raise FitFormatError(f"more than {self.max_records} records")
            header = data[position]
            position += 1
            if header & 0x80:  # compressed timestamp header: local type 0-3, 5-bit offset
                definition = self._defined(definitions, (header >> 5) & 0x3)
                if last_timestamp is None:
                    raise FitFormatError("a compressed timestamp with no timestamp before it")
                offset = header & 0x1F
                base = last_timestamp & ~0x1F
                last_timestamp = base + offset + (0x20 if offset < last_timestamp & 0x1F else 0)
                self._need(position, definition.size, end)
                if definition.wanted:
                    self._data(definition, position, last_timestamp)
                position += definition.size
            elif header & 0x40:
                local = header & 0x0F
                position, definition = self._definition(position, end, bool(header & 0x20))
                definitions[local] = definition
                quick = 0 if definition.wanted or definition.timestamp else 1 + definition.size
                for variant in (local, local | 0x10, local | 0x20, local | 0x30):
                    skip[variant] = quick
            else:
                definition = self._defined(definitions, header & 0x0F)
                self._need(position, definition.size, end)
                if definition.timestamp is not None:
                    where, layout = definition.timestamp
                    (stamp,) = layout.unpack_from(data, position + where)
                    if stamp != 0xFFFFFFFF:
                        last_timestamp = stamp
                if definition.wanted:
                    self._data(definition, position, None)
                position += definition.size
        self.records += visited
        if self.records > self.max_records:
            raise FitFormatError(f"more than {self.max_records} records")
        if position != end:
            raise FitFormatError("the last record runs past the end of the FIT data")

    @staticmethod
    def _defined(definitions: list[_Definition | None], local: int) -> _Definition:
        definition = definitions[local]
        if definition is None:
            raise FitFormatError(f"a data message of local type {local}, which has no definition")
        return definition

    @staticmethod
    def _need(position: int, size: int, end: int) -> None:
        if position + size > end:
            raise FitFormatError("a record runs past the end of the FIT data")

    def _definition(self, position: int, end: int, developer: bool) -> tuple[int, _Definition]:
        """Parse a definition message at `position`; return where it ends and the layout."""
        self.definitions += 1
        if self.definitions > self.max_definitions:
            raise FitFormatError(f"more than {self.max_definitions} definition messages")
        data = self.data
        self._need(position, 5, end)
        count = data[position + 4]  # one byte: never more than 255 fields
        length = 5 + 3 * count
        self._need(position, length + int(developer), end)
        developer_count = data[position + length] if developer else 0
        length += int(developer) + 3 * developer_count  # as many developer fields at most
        self._need(position, length, end)
        raw = data[position : position + length]
        definition = self.layouts.get(raw)
        if definition is None:
            if len(self.layouts) >= self.max_layouts:
                raise FitFormatError(f"more than {self.max_layouts} different definitions")
            definition = _layout(raw, count)
            self.layouts[raw] = definition
        return position + length, definition

    def _data(self, definition: _Definition, position: int, timestamp: int | None) -> None:
        """Decode the wanted fields of a file_id, session or activity data message."""
        self.messages += 1
        if self.messages > self.max_messages:
            raise FitFormatError(f"more than {self.max_messages} file_id/session/activity messages")
        values: dict[int, float | None] = {}
        for number, offset, code, invalid in definition.fields:
            (value,) = code.unpack_from(self.data, position + offset)
            absent = value != value if invalid is None else value == invalid  # NaN != NaN
            values[number] = None if absent else value
        if timestamp is not None:
            values[TIMESTAMP_FIELD] = timestamp
        kind = definition.global_number
        if kind == FILE_ID:
            if not self.seen_file_id:
                self.seen_file_id = True
                self.file_type = _whole(values.get(0))
        elif kind == SESSION:
            self.sessions.append(
                FitSession(
                    sport=_whole(values.get(5)),
                    start_time=_whole(values.get(2)),
                    timestamp=_whole(values.get(TIMESTAMP_FIELD)),
                    total_distance=_scaled(values.get(9), 100),
                    total_timer_time=_scaled(values.get(8), 1000),
                    total_elapsed_time=_scaled(values.get(7), 1000),
                )
            )
        elif self.activity is None:
            self.activity = FitActivity(_whole(values.get(TIMESTAMP_FIELD)), _whole(values.get(5)))


def _layout(raw: bytes, count: int) -> _Definition:
    """A definition's layout from its bytes (fixed part, fields, developer fields)."""
    architecture = raw[1]
    if architecture not in (0, 1):
        raise FitFormatError(f"architecture {architecture} in a definition, expected 0 or 1")
    endian = ">" if architecture else "<"
    global_number = int.from_bytes(raw[2:4], "big" if architecture else "little")
    fields = raw[5 : 5 + 3 * count]
    numbers, sizes, base_types = fields[0::3], fields[1::3], fields[2::3]
    size = sum(sizes) + sum(raw[5 + 3 * count + 2 :: 3])  # developer fields: number, size, index
    wanted = _WANTED.get(global_number, ())
    decoded: list[tuple[int, int, struct.Struct, float | None]] = []
    timestamp = None
    for number in {*wanted, TIMESTAMP_FIELD}:
        index = numbers.find(number)  # the first field of that number counts
        layout = _field_layout(endian, sizes[index], base_types[index]) if index >= 0 else None
        if layout is None:
            continue
        offset = sum(sizes[:index])
        if number in wanted:
            decoded.append((number, offset, *layout))
        if number == TIMESTAMP_FIELD and layout[0].format[1:] == "I":
            timestamp = (offset, layout[0])
    return _Definition(
        global_number, global_number in _WANTED, size, tuple(sorted(decoded)), timestamp
    )


@functools.cache
def _field_layout(endian: str, size: int, base_type: int) -> _Layout | None:
    """How to read a field of one value; None for strings, arrays and unknown base types."""
    known = _BASE_TYPES.get(base_type & 0x1F)
    if known is None:
        return None
    code = struct.Struct(endian + known[0])
    return (code, known[1]) if code.size == size else None


def _whole(value: float | None) -> int | None:
    """An enum or time field as an integer (a float one only when it is a whole number)."""
    if value is None or (isinstance(value, float) and not value.is_integer()):
        return None
    return int(value)


def _scaled(value: float | None, scale: int) -> float | None:
    return None if value is None else value / scale
