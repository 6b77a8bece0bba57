"""Measure FIT activity reading: 1-hour and 10-hour runs recorded every second, and the worst case.

The files are written here byte by byte (a record of timestamp, position, distance, altitude,
speed, heart rate and cadence, as watches write), so the benchmark needs no FIT encoder.
"""

from __future__ import annotations

import contextlib
import statistics
import struct
import time

from runlift.adapters.fit_activity import MAX_BYTES, FitActivityError, parse_fit_runs
from runlift.adapters.fit_reader import crc16

START = 1_100_000_000  # FIT seconds: late 2024
UINT8, SINT32, UINT16, UINT32 = 0x02, 0x85, 0x84, 0x86
RECORD_FIELDS = [(253, 4, UINT32), (0, 4, SINT32), (1, 4, SINT32), (5, 4, UINT32)]
RECORD_FIELDS += [(2, 2, UINT16), (6, 2, UINT16), (3, 1, UINT8), (4, 1, UINT8)]


def definition(local: int, global_number: int, fields: list[tuple[int, int, int]]) -> bytes:
    head = bytes([0x40 | local, 0, 0]) + struct.pack("<HB", global_number, len(fields))
    return head + b"".join(bytes(field) for field in fields)


def fit_file(records: bytes) -> bytes:
    head = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    body = head + struct.pack("<H", crc16(head)) + records
    return body + struct.pack("<H", crc16(body))


def activity(seconds: int) -> bytes:
    """A run of `seconds` at 1 Hz: file_id, one record a second, the session and activity."""
    parts = [definition(0, 0, [(0, 1, 0)]), b"\x00\x04", definition(1, 20, RECORD_FIELDS)]
    record = struct.Struct("<BIiiIHHBB")
    parts += [
        record.pack(1, START + n, 500_000_000 + n, 100_000_000 - n, n * 300, 2600, 3000, 150, 85)
        for n in range(seconds)
    ]
    session = [(5, 1, 0), (2, 4, UINT32), (9, 4, UINT32), (8, 4, UINT32), (7, 4, UINT32)]
    parts.append(definition(2, 18, session))
    parts.append(struct.pack("<BBIIII", 2, 1, START, seconds * 300, seconds * 1000, seconds * 1000))
    parts.append(definition(3, 34, [(253, 4, UINT32), (5, 4, UINT32)]))
    parts.append(struct.pack("<BII", 3, START + seconds, START + seconds + 3600))
    return fit_file(b"".join(parts))


def worst_case() -> bytes:
    """The most records the size cap allows: one-byte messages of a definition with no field."""
    records = definition(0, 20, []) + bytes(MAX_BYTES - 40)
    return fit_file(records)


def seconds_to_read(data: bytes, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        # The worst case is refused by a limit: the time to refuse is what counts.
        with contextlib.suppress(FitActivityError):
            parse_fit_runs(data, "benchmark.fit")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    for hours in (1, 10):
        data = activity(hours * 3600)
        print(f"FIT {hours:>2} h at 1 Hz ({len(data) / 1e6:.2f} MB): {seconds_to_read(data):.3f} s")
    data = worst_case()
    worst = seconds_to_read(data)
    print(f"FIT worst case ({len(data) / 1e6:.2f} MB of 1-byte records): {worst:.3f} s")


if __name__ == "__main__":
    main()
