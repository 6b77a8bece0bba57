"""The demo runner `make run` serves: made once, by the engine, on either store."""

from __future__ import annotations

import datetime as dt

from backends import Store

from runlift.bootstrap import open_library
from runlift.config import Settings
from runlift.services import accounts, reports
from runlift.services.coaching import athlete_access
from runlift.services.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo

TODAY = dt.date(2026, 12, 2)
NOW = dt.datetime(2026, 12, 2, 7, 30, tzinfo=dt.UTC)


class CheapHasher:
    """Stands in for argon2 where the cost of hashing is not what is tested."""

    def hash(self, password: str) -> str:
        return f"plain:{password}"

    def verify(self, password: str, hash: str) -> bool:
        return hash == f"plain:{password}"


def test_the_demo_runner_has_three_weeks_of_real_training(store: Store) -> None:
    library = open_library(Settings())
    hasher = CheapHasher()
    seed = seed_demo(store, library, TODAY, NOW, hasher)
    assert seed.created
    assert seed.sessions >= 6  # two a week for three weeks, rehab sessions on top
    assert seed.runs == 13  # four runs a week for three weeks, and this Tuesday's
    token = accounts.issue_token(store, DEMO_EMAIL, DEMO_PASSWORD, NOW, hasher=hasher)
    account = accounts.authenticate(store, token, NOW)
    name = athlete_access(store, account, "me").name
    logged = reports.history(store, library, name)
    assert len(logged) == seed.sets
    assert all(s.date < TODAY for s in logged)
    loaded = [s for s in logged if s.load is not None]
    assert loaded, "dumbbell lifts carry a load"
    again = seed_demo(store, library, TODAY, NOW, hasher)
    assert not again.created
    assert len(reports.history(store, library, name)) == seed.sets
