"""Catalogue use cases: load the knowledge base once, answer list/show/search questions."""

from __future__ import annotations

from collections.abc import Sequence

from runlift.adapters.catalogue_loader import CatalogueError, Library, load_library
from runlift.config import Settings
from runlift.domain.exercise import Exercise
from runlift.domain.program import Program
from runlift.domain.vocab import Category, Equipment, Injury, Level, MuscleGroup
from runlift.services import search as search_engine
from runlift.services.errors import BadInput, Internal, RunliftError
from runlift.services.suggest import not_found, parse_enum


class CatalogueBroken(RunliftError):
    """A catalogue folder the user pointed runlift at (RUNLIFT_CATALOGUE_DIR) is invalid."""


def open_library(settings: Settings) -> Library:
    """The knowledge base, from the compiled cache when the files have not changed.

    A broken folder the user chose is their input; a broken packaged catalogue is a bug.
    """
    cache = settings.cache_dir if settings.catalogue_cache else None
    try:
        return load_library(settings.catalogue_dir, cache_dir=cache)
    except CatalogueError as exc:
        if settings.catalogue_dir is None:
            raise Internal(f"the packaged catalogue is broken: {exc}") from exc
        raise CatalogueBroken(f"catalogue: {exc}") from exc


def get_exercise(library: Library, name: str) -> Exercise:
    """An exercise by slug, name or alias; NotFound with the closest slugs otherwise."""
    catalogue = library.catalogue
    exercise = catalogue.exercises.get(name) or catalogue.resolve(name)
    if exercise is None:
        raise not_found("exercise", name, catalogue.names)
    return exercise


def get_program(library: Library, slug: str) -> Program:
    """A built-in program by slug; NotFound with the closest slugs otherwise."""
    program = library.programs.get(slug)
    if program is None:
        names = {s: s for s in library.programs} | {
            p.name.casefold(): p.slug for p in library.programs.values()
        }
        raise not_found("program", slug, names)
    return program


def list_exercises(
    library: Library,
    *,
    equipment: Sequence[str] = (),
    muscle: str | None = None,
    injury: str | None = None,
    category: str | None = None,
    level: str | None = None,
    bodyweight_only: bool = False,
) -> list[Exercise]:
    """Exercises filtered by the runner's kit and the other criteria, all given as ids."""
    kit = [parse_enum(Equipment, item, "equipment") for item in equipment]
    return library.catalogue.filter(
        kit=kit if (kit or bodyweight_only) else None,
        muscle=parse_enum(MuscleGroup, muscle, "muscle") if muscle else None,
        injury=parse_enum(Injury, injury, "injury") if injury else None,
        category=parse_enum(Category, category, "category") if category else None,
        level=parse_enum(Level, level, "level") if level else None,
    )


def search_exercises(library: Library, query: str, limit: int = 20) -> list[search_engine.Hit]:
    """Ranked search; an empty query is refused rather than answered with everything."""
    if not query.strip():
        raise BadInput("QUERY", "give at least one word to search for")
    return search_engine.search(library.catalogue, query, limit=limit)
