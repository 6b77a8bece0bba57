"""Hand-made FIT bytes for tests: records fit-tool cannot write, and files broken on purpose."""

from __future__ import annotations

import struct

from runlift.adapters.fit_reader import crc16, crc16_by_nibbles

UINT8, ENUM, UINT16, UINT32 = 0x02, 0x00, 0x84, 0x86
RECORD = 20  # the global number of a record message (one sample of a track)


def header(records_size: int, size: int = 14) -> bytes:
    """A FIT file header announcing `records_size` bytes of records (with a header CRC at 14)."""
    head = struct.pack("<BBHI4s", size, 0x20, 2132, records_size, b".FIT")
    return head + struct.pack("<H", crc16_by_nibbles(head)) if size == 14 else head


def definition(
    local: int,
    global_number: int,
    fields: list[tuple[int, int, int]],
    big_endian: bool = False,
    developer: list[tuple[int, int, int]] | None = None,
) -> bytes:
    """A definition record: (number, size, base type) fields, developer fields if given."""
    flags = 0x40 | (0x20 if developer is not None else 0) | local
    endian = ">" if big_endian else "<"
    body = bytes([flags, 0, int(big_endian)]) + struct.pack(endian + "H", global_number)
    body += bytes([len(fields)]) + b"".join(bytes(field) for field in fields)
    if developer is not None:
        body += bytes([len(developer)]) + b"".join(bytes(field) for field in developer)
    return body


def data(local: int, payload: bytes) -> bytes:
    """A data record with a normal header."""
    return bytes([local]) + payload


def compressed(local: int, offset: int, payload: bytes) -> bytes:
    """A data record with a compressed-timestamp header (local type 0-3, offset 0-31 s)."""
    return bytes([0x80 | local << 5 | offset]) + payload


def fit_file(records: bytes, header_size: int = 14) -> bytes:
    """A whole FIT file around the records: header, records, file CRC."""
    body = header(len(records), header_size) + records
    return body + struct.pack("<H", crc16(body))  # the fast CRC, checked against the nibbles


def records_of(fit: bytes) -> bytes:
    """The records of a one-file FIT (what lies between its header and its CRC)."""
    return fit[fit[0] : -2]


def with_crc(fit: bytes) -> bytes:
    """The same bytes with the file CRC recomputed (so a flip reaches the record walk)."""
    return fit[:-2] + struct.pack("<H", crc16(fit[:-2]))
