"""Reading the files a user names on the command line; services only ever see their contents."""

from __future__ import annotations

from pathlib import Path

from runlift.services.errors import BadInput

MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or BadInput naming the file (missing, unreadable, too large)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BadInput(str(path), f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise BadInput(str(path), "file not found") from exc
    except OSError as exc:
        raise BadInput(str(path), "cannot read file") from exc


def read_text(path: Path) -> str:
    """The file's UTF-8 text, or BadInput naming the file."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(str(path), "cannot read file") from exc
