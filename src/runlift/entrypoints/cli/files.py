"""The files a user names on the command line: read whole, written whole; services see contents."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from runlift.services.errors import BadInput

MAX_FILE_BYTES = 64 * 1024 * 1024


def _stdin_like(path: Path) -> bool:
    """/dev/stdin and /dev/fd/N (`<(command)`): pipes the user meant to read from."""
    return str(path) == "/dev/stdin" or str(path).startswith("/dev/fd/")


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or BadInput naming the file (missing, unreadable, not a file, too large).

    The size is what reading finds, at most `limit` + 1 bytes: a device reports size 0 and never
    ends. Only regular files are read (opened without blocking, so a FIFO cannot hang us), except
    stdin-like paths, which are read as streams up to the same limit.
    """
    stream = _stdin_like(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | (0 if stream else os.O_NONBLOCK))
    except FileNotFoundError as exc:
        raise BadInput(str(path), "file not found") from exc
    except OSError as exc:
        raise BadInput(str(path), "cannot read file") from exc
    try:
        if not stream and not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise BadInput(str(path), "is not a regular file (a folder, device or pipe)")
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise BadInput(str(path), "cannot read file") from exc
    if len(data) > limit:
        raise BadInput(str(path), f"larger than {_size(limit)}; not a file this reads")
    return data


def _size(limit: int) -> str:
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if limit >= size:
            return f"{limit // size} {unit}"
    return f"{limit} bytes"


def read_text(path: Path) -> str:
    """The file's UTF-8 text, or BadInput naming the file."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(str(path), "cannot read file") from exc


PRIVATE_FILE = 0o600  # exports and preferences: the athlete's data, for the user alone


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _mode(target: Path, private: bool) -> int:
    """The replaced file's own permission bits, or a new file's as umask (or privacy) says."""
    try:
        kept = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return PRIVATE_FILE if private else 0o666 & ~_umask()
    return kept & ~0o077 if private else kept


def _target(path: Path, field: str) -> Path:
    """Where a write lands: a symlink's target; refused unless a regular file in a folder."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.exists() and not target.is_file():
        raise BadInput(field, f"{str(path)!r} is not a regular file; name a file to write")
    if not target.parent.is_dir():
        raise BadInput(field, f"folder {str(target.parent)!r} does not exist")
    return target


def check_writable(path: Path, field: str) -> None:
    """Refuse, before any question is asked, a file that could not be written."""
    target = _target(path, field)
    folder_ok = os.access(target.parent, os.W_OK)
    if not folder_ok or (target.exists() and not os.access(target, os.W_OK)):
        raise BadInput(field, f"cannot write {str(path)!r}: permission denied")


def write_file(path: Path, data: bytes, field: str, private: bool = False) -> None:
    """Write the whole file or nothing, so readers never see a torn half.

    Only regular files are written: an existing directory, device or pipe is refused. A symbolic
    link is followed and its target replaced atomically. The temporary file has a fresh random
    name and is created exclusively (O_EXCL), so a link planted in the folder is never followed.
    A replaced file keeps its permission bits; `private` files are the user's alone (0600).
    """
    target = _target(path, field)
    folder = target.parent
    mode = _mode(target, private)
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise BadInput(field, f"cannot write {str(path)!r}: {exc.strerror}") from exc
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable too; a folder that cannot be opened for it is left as it is."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


# Extensions that name a format of their own: writing another format under one is a mistake.
KNOWN_EXTENSIONS = frozenset(
    {".json", ".fit", ".png", ".ics", ".md", ".txt", ".csv", ".gpx", ".tcx", ".yaml", ".yml"}
    | {".svg", ".pdf", ".jpg", ".jpeg", ".html", ".xml", ".db"}
)
SYMLINK_NOTE = "an existing symlink's target is replaced"


def check_extension(path: Path, extension: str, field: str) -> None:
    """Refuse a file whose extension names another format ('watch -o day.json')."""
    suffix = path.suffix.lower()
    if suffix and suffix != extension and suffix in KNOWN_EXTENSIONS:
        raise BadInput(
            field,
            f"{str(path)!r} names a {suffix[1:]} file; this writes {extension[1:]}: "
            f"use a {extension} name",
        )
