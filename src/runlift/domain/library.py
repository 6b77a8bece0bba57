"""The knowledge base a use case works with: the exercise catalogue and the built-in programs."""

from __future__ import annotations

from dataclasses import dataclass

from runlift.domain.exercise import Catalogue
from runlift.domain.program import Program


@dataclass(frozen=True, slots=True)
class Library:
    """The whole knowledge base: exercises and built-in programs."""

    catalogue: Catalogue
    programs: dict[str, Program]
