"""The hostile corpus as cases: which command reads each file, on which store, expecting what.

Every folder under tests/hostile/ is one part's corpus. A file is run through the command its
name says (RULES), or as its folder's cases.toml says; README.md describes both.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEEDED = "seeded"  # one athlete with a plan, a set and a run
EMPTY = "empty"  # nothing stored: what 'import' needs
MANIFEST = "cases.toml"
NOT_INPUTS = ("README*", "*.md", MANIFEST, ".*", "__pycache__")

# name pattern -> the store it runs on and the commands that read it ({file}: the file's path)
RULES: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...] = (
    (
        "profile-*.y*ml",
        SEEDED,
        (
            ("plan", "{file}"),
            ("athlete", "create", "{file}", "--athlete", "Hostile"),
            ("athlete", "update", "{file}"),
        ),
    ),
    ("session-*.json", SEEDED, (("log", "--file", "{file}"),)),
    ("export-*.json", EMPTY, (("import", "{file}"),)),
    ("run-*.gpx", SEEDED, (("runs", "import", "{file}"),)),
    ("run-*.tcx", SEEDED, (("runs", "import", "{file}"),)),
    ("run-*.fit", SEEDED, (("runs", "import", "{file}"),)),
    ("strong-*.csv", SEEDED, (("import-log", "{file}", "--from", "strong"),)),
    ("hevy-*.csv", SEEDED, (("import-log", "{file}", "--from", "hevy"),)),
)


@dataclass(frozen=True)
class Case:
    """One hostile file through one command; `problem` is set when the corpus itself is wrong."""

    name: str
    file: Path
    argv: tuple[str, ...] = ()
    store: str = SEEDED
    status: int = 2
    expect: str | None = None
    skip: str | None = None
    problem: str | None = None

    def command(self) -> list[str]:
        """The argv after 'runlift', with the file's path in place of {file}."""
        return [a.replace("{file}", str(self.file)) for a in self.argv]


def discover(root: Path) -> list[Case]:
    """Every case of every part folder under root, in a stable order."""
    found: list[Case] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and _is_input(p.name)):
        found += _folder_cases(folder)
    return found


def _is_input(name: str) -> bool:
    return not any(fnmatch.fnmatch(name, pattern) for pattern in NOT_INPUTS)


def _folder_cases(folder: Path) -> list[Case]:
    manifest, problem = _manifest(folder)
    if problem is not None:
        return [Case(f"{folder.name}/{MANIFEST}", folder / MANIFEST, problem=problem)]
    cases: list[Case] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and _is_input(p.name)):
        entries = manifest.get(path.name)
        cases += _listed(folder, path, entries) if entries else _by_name(folder, path)
    for name in sorted(set(manifest) - {p.name for p in folder.iterdir()}):
        cases.append(
            Case(f"{folder.name}/{name}", folder / name, problem=f"{MANIFEST} names a missing file")
        )
    return cases


def _manifest(folder: Path) -> tuple[dict[str, list[dict[str, Any]]], str | None]:
    """The folder's cases.toml as entries by file name, or what is wrong with it."""
    path = folder / MANIFEST
    if not path.exists():
        return {}, None
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, f"cannot read {MANIFEST}: {exc}"
    entries = document.get("case", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return {}, f"{MANIFEST}: write each case as a [[case]] table"
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        unknown = set(entry) - {"file", "command", "store", "exit", "expect", "skip"}
        if unknown or not isinstance(entry.get("file"), str):
            return {}, f"{MANIFEST}: each case needs 'file'; unknown keys {sorted(unknown)}"
        by_file.setdefault(entry["file"], []).append(entry)
    return by_file, None


def _listed(folder: Path, path: Path, entries: list[dict[str, Any]]) -> list[Case]:
    cases = []
    for entry in entries:
        argv = entry.get("command")
        skip = entry.get("skip")
        name = f"{folder.name}/{path.name}"
        if skip is None and not (isinstance(argv, list) and argv):
            cases.append(Case(name, path, problem="a case needs a 'command' list (or 'skip')"))
            continue
        command = tuple(str(a) for a in argv) if isinstance(argv, list) else ()
        cases.append(
            Case(
                f"{name}:{_label(command) if command else 'skip'}",
                path,
                command,
                str(entry.get("store", SEEDED)),
                int(entry.get("exit", 2)),
                entry.get("expect"),
                skip,
            )
        )
    return cases


def _label(argv: tuple[str, ...]) -> str:
    """The command's words before the file: 'runs import', 'log --file'."""
    words = []
    for word in argv:
        if "{file}" in word:
            break
        words.append(word)
    return " ".join(words)


def _by_name(folder: Path, path: Path) -> list[Case]:
    for pattern, store, commands in RULES:
        if fnmatch.fnmatch(path.name.lower(), pattern):
            return [
                Case(f"{folder.name}/{path.name}:{_label(argv)}", path, argv, store)
                for argv in commands
            ]
    return [
        Case(
            f"{folder.name}/{path.name}",
            path,
            problem=f"no command reads this name; rename it or list it in {MANIFEST}",
        )
    ]
