"""The composition root opens nothing until asked, and a store that cannot be reached is
`Unavailable` (exit 3, HTTP 503), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from runlift.bootstrap import bootstrap
from runlift.config import Settings
from runlift.services.errors import Unavailable


def test_nothing_is_opened_until_used(tmp_path: Path) -> None:
    core = bootstrap(Settings(data_dir=tmp_path, cache_dir=tmp_path / "cache"))
    assert core._library is None
    assert core._engine is None
    assert "goblet-squat" in core.library.catalogue
    assert core._engine is None  # the catalogue does not open the store
    make_uow = core.uow_factory()
    with make_uow() as uow:
        assert uow.athletes.all() == []
    assert (tmp_path / "runlift.db").exists()
    core.close()
    assert core._engine is None


def test_an_unreachable_store_is_unavailable(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"
    core = bootstrap(Settings(data_dir=tmp_path, database_url=url))
    with pytest.raises(Unavailable) as caught:
        core.uow_factory()
    assert caught.value.exit_code == 3
    assert caught.value.http_status == 503


def test_a_unit_of_work_on_a_lost_store_is_unavailable() -> None:
    from runlift.adapters.db.engine import make_engine
    from runlift.adapters.db.uow import SqlUnitOfWork

    engine = make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    with pytest.raises(Unavailable), SqlUnitOfWork(engine):
        pass
    engine.dispose()
