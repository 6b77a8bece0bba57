"""What importing a Strong or Hevy log did, as the public shape (`schemas.LogImport`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from runlift import schemas

if TYPE_CHECKING:  # the converter reads it; importing it would load the services
    from runlift.services.import_log import ImportResult


def log_import_shape(result: ImportResult) -> schemas.LogImport:
    """The counts of an import and how each name in the file was mapped."""
    return schemas.LogImport(
        athlete=result.athlete,
        imported=result.imported,
        already=result.already,
        skipped=result.skipped,
        warmups=result.warmups,
        days=result.days,
        assumed_units=result.assumed_units,
        names=tuple(
            schemas.ImportedName(
                name=match.name,
                exercise=match.slug,
                how=match.how,
                sets=match.sets,
                closest=tuple(slug for slug, _name in match.closest),
            )
            for match in result.names
        ),
    )
