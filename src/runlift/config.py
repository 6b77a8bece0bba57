"""One Settings object, read from RUNLIFT_* variables when built (by the composition root)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir("runlift", appauthor=False))


def _cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("runlift", appauthor=False))


class Settings(BaseSettings):
    """Where runlift keeps its data and which database it talks to."""

    model_config = SettingsConfigDict(env_prefix="RUNLIFT_", extra="ignore")

    data_dir: Path = Field(default_factory=_data_dir)
    cache_dir: Path = Field(default_factory=_cache_dir)
    database_url: str | None = None
    database_schema: str | None = None
    catalogue_dir: Path | None = None
    catalogue_cache: bool = True
    # Pretend today is this day: for demos, tests and output that must not depend on the clock.
    today: dt.date | None = None
    # The web server: its secret (RUNLIFT_SECRET_KEY), a development mode that may run without
    # one (RUNLIFT_DEV), and the largest request body it reads.
    secret_key: str | None = None
    dev: bool = False
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)

    def effective_database_url(self) -> str:
        """The configured database, or SQLite in the user's data directory.

        The path is quoted, so a folder named '100%' or 'a?b' is the folder, not URL syntax.
        """
        if self.database_url:
            return self.database_url
        return f"sqlite:///{quote(str(self.data_dir / 'runlift.db'), safe='/')}"
