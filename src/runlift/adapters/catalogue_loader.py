"""Load the catalogue YAML into domain objects, with a cache so start-up stays fast."""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import ValidationError

from runlift import __version__
from runlift.adapters.catalogue_schema import ExerciseModel, ProgramModel
from runlift.domain.exercise import Catalogue, DefaultDose, Exercise, normalise_name
from runlift.domain.library import Library
from runlift.domain.program import Program, ProgramBlock, ProgramItem

# Bump whenever Exercise, Program or Library gain or change fields, so an old pickle is never
# served (2: Exercise.max_intensity; 3: Library moved to runlift.domain.library).
_CACHE_FORMAT = 3


class CatalogueError(ValueError):
    """A catalogue file is unreadable or invalid; the message names the file and field."""


def package_root() -> Path:
    """The catalogue folder shipped inside the package."""
    return Path(str(resources.files("runlift") / "catalogue"))


def _format_error(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(file)"
    return f"{path.name}: {where}: {first['msg']}"


def _read_yaml(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"{path.name}: cannot read file ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise CatalogueError(f"{path.name}:{line} malformed YAML") from exc


M = TypeVar("M", ExerciseModel, ProgramModel)


def _validated(path: Path, model: type[M]) -> M:
    """Read a file and validate it against `model`; its slug must be its file name."""
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise CatalogueError(f"{path.name}: expected a mapping of fields")
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(_format_error(path, exc)) from exc
    if parsed.slug != path.stem:
        raise CatalogueError(f"{path.name}: slug: {parsed.slug!r} must equal the file name")
    return parsed


def parse_exercise(path: Path) -> Exercise:
    """Validate one exercise file and turn it into a domain Exercise."""
    return _exercise(_validated(path, ExerciseModel))


def _exercise(m: ExerciseModel) -> Exercise:
    d = m.default
    return Exercise(
        slug=m.slug,
        name=m.name,
        aliases=tuple(m.aliases),
        category=m.category,
        patterns=tuple(m.patterns),
        primary_muscles=tuple(m.primary_muscles),
        secondary_muscles=tuple(m.secondary_muscles),
        muscle_heads=tuple(m.muscle_heads),
        equipment_options=tuple(frozenset(option) for option in m.equipment_options),
        unilateral=m.unilateral,
        lower_body=m.lower_body,
        level=m.level,
        impact=m.impact,
        injuries=tuple(m.injuries),
        default=DefaultDose(d.sets, d.reps, d.seconds, d.rest_seconds, d.per_side),
        easier=tuple(m.easier),
        harder=tuple(m.harder),
        steps=tuple(m.steps),
        cues=tuple(m.cues),
        mistakes=tuple(m.mistakes),
        sources=tuple(m.sources),
        status=m.status,
        replaced_by=m.replaced_by,
        max_intensity=m.max_intensity,
    )


def parse_program(path: Path) -> Program:
    """Validate one program file and turn it into a domain Program."""
    m = _validated(path, ProgramModel)
    blocks = tuple(
        ProgramBlock(
            kind=b.kind,
            title=b.title,
            items=tuple(
                ProgramItem(
                    exercise=i.exercise,
                    sets=i.sets,
                    reps=i.reps,
                    seconds=i.seconds,
                    per_side=i.per_side,
                    rest_seconds=i.rest_seconds,
                    distance_m=i.distance_m,
                    note=i.note,
                )
                for i in b.items
            ),
        )
        for b in m.blocks
    )
    return Program(
        slug=m.slug,
        name=m.name,
        summary=m.summary,
        sources=tuple(m.sources),
        rounds=m.rounds,
        rest_between_rounds=m.rest_between_rounds,
        frequency=m.frequency,
        blocks=blocks,
        notes=tuple(m.notes),
    )


def check_references(library: Library) -> None:
    """Every cross-reference must resolve and no alias may name two exercises."""
    catalogue = library.catalogue
    owners: dict[str, str] = {}
    for exercise in catalogue:
        refs = [*exercise.easier, *exercise.harder]
        if exercise.replaced_by:
            refs.append(exercise.replaced_by)
        for ref in refs:
            if ref not in catalogue:
                raise CatalogueError(f"{exercise.slug}.yaml: unknown exercise reference {ref!r}")
        for alias in (exercise.name, *exercise.aliases):
            key = normalise_name(alias)
            other = owners.setdefault(key, exercise.slug)
            if other != exercise.slug:
                raise CatalogueError(
                    f"{exercise.slug}.yaml: aliases: {alias!r} is already used by {other}"
                )
    for program in library.programs.values():
        for slug in program.exercise_slugs():
            if slug not in catalogue:
                raise CatalogueError(f"{program.slug}.yaml: unknown exercise {slug!r}")


def _files(root: Path) -> tuple[list[Path], list[Path]]:
    return (
        sorted((root / "exercises").glob("*.yaml")),
        sorted((root / "programs").glob("*.yaml")),
    )


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{__version__}".encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_library(root: Path | None = None, cache_dir: Path | None = None) -> Library:
    """Parse and check every catalogue file; reuse a compiled cache when the files are unchanged."""
    root = root or package_root()
    exercise_files, program_files = _files(root)
    cache_file = None
    if cache_dir is not None:
        key = _fingerprint([*exercise_files, *program_files])
        cache_file = cache_dir / f"catalogue-{key[:24]}.pickle"
        cached = _read_cache(cache_file)
        if cached is not None:
            return cached
    library = Library(
        catalogue=Catalogue.of(parse_exercise(path) for path in exercise_files),
        programs={p.slug: p for p in (parse_program(path) for path in program_files)},
    )
    check_references(library)
    if cache_file is not None:
        _write_cache(cache_file, library)
    return library


def _read_cache(path: Path) -> Library | None:
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return value if isinstance(value, Library) else None


def _write_cache(path: Path, library: Library) -> None:
    """Write atomically; a cache that cannot be written is simply skipped.

    The folder is made private and the temporary file has a fresh name, created exclusively: a
    pickle is code, so nobody else may plant one (or a link at a guessable name) here.
    """
    tmp: Path | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp = Path(handle.name)
            pickle.dump(library, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return


def main(argv: list[str] | None = None) -> int:
    """Check catalogue files: `python -m runlift.adapters.catalogue_loader [FILE...]`."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    try:
        for name in args:
            path = Path(name)
            if path.parent.name == "programs":
                parse_program(path)
            else:
                parse_exercise(path)
        if not args:
            library = load_library()
            print(f"ok: {len(library.catalogue)} exercises, {len(library.programs)} programs")
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
