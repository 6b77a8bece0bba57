"""Accounts and coach consent over the in-memory store: sign-up, tokens, limits, who sees whom."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from fakes import FakeStore

from runlift.services import accounts, coaching
from runlift.services.errors import (
    BadInput,
    Conflict,
    NotFound,
    RateLimited,
    Unauthorized,
)
from runlift.services.ports import Account, Role

NOW = dt.datetime(2026, 12, 1, 9, 0, 10, tzinfo=dt.UTC)
PASSWORD = "correct horse battery"


class QuickHasher:
    """A cheap stand-in for argon2, so the unit tests stay fast."""

    def hash(self, password: str) -> str:
        return "quick$" + hashlib.sha256(password.encode()).hexdigest()

    def verify(self, password: str, hash: str) -> bool:
        return self.hash(password) == hash


QUICK = QuickHasher()


def _sign_up(store: FakeStore, email: str, role: Role | str = Role.ATHLETE) -> Account:
    return accounts.sign_up(store, email, PASSWORD, email.split("@")[0], role, NOW, QUICK)


def _token(store: FakeStore, email: str, password: str = PASSWORD, **kw: object) -> str:
    return accounts.issue_token(store, email, password, NOW, hasher=QUICK, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


def test_an_athlete_sign_up_makes_an_athlete_without_a_plan(store: FakeStore) -> None:
    account = _sign_up(store, "  Ana@Example.COM ")
    assert (account.email, account.name, account.roles) == ("ana@example.com", "Ana", Role.ATHLETE)
    with store() as uow:
        assert account.athlete_id is not None
        athlete = uow.athletes.by_id(account.athlete_id)
        assert athlete is not None
        assert athlete.name == f"acct-{account.id}"
        assert uow.plans.latest(athlete.id) is None
        assert uow.accounts.by_athlete(athlete.id) == account
        assert PASSWORD not in uow.accounts.password_hash(account.id)


def test_a_coach_has_no_athlete_and_both_has_one(store: FakeStore) -> None:
    assert _sign_up(store, "coach@example.com", "coach").athlete_id is None
    both = _sign_up(store, "both@example.com", "both")
    assert both.athlete_id is not None
    assert both.is_coach


def test_the_athlete_key_steps_around_a_name_the_cli_gave(store: FakeStore) -> None:
    with store() as uow:
        uow.athletes.add("acct-2", "", NOW)  # takes id 1: the next account is 2
        uow.commit()
    account = _sign_up(store, "ana@example.com")
    with store() as uow:
        assert account.athlete_id is not None
        athlete = uow.athletes.by_id(account.athlete_id)
        assert athlete is not None
        assert athlete.name == f"acct-{account.id}-2"


@pytest.mark.parametrize(
    ("email", "password", "name", "role", "field"),
    [
        ("ana", PASSWORD, "Ana", "athlete", "email"),
        ("ana@example", PASSWORD, "Ana", "athlete", "email"),
        ("a\x00@example.com", PASSWORD, "Ana", "athlete", "email"),
        ("ana@example.com", "short", "Ana", "athlete", "password"),
        ("ana@example.com", "\ud800" * 12, "Ana", "athlete", "password"),
        ("ana@example.com", PASSWORD, "  ", "athlete", "name"),
        ("ana@example.com", PASSWORD, "A" * 81, "athlete", "name"),
        ("ana@example.com", PASSWORD, "Ana", "admin", "role"),
    ],
)
def test_bad_sign_ups_name_the_field_and_store_nothing(
    store: FakeStore, email: str, password: str, name: str, role: str, field: str
) -> None:
    with pytest.raises(BadInput) as caught:
        accounts.sign_up(store, email, password, name, role, NOW, QUICK)
    assert caught.value.field == field
    assert store.commits == 0


def test_an_e_mail_signs_up_once(store: FakeStore) -> None:
    _sign_up(store, "ana@example.com")
    with pytest.raises(Conflict):
        _sign_up(store, "ANA@example.com")


def test_a_token_names_its_account_and_is_stored_only_as_a_digest(store: FakeStore) -> None:
    account = _sign_up(store, "ana@example.com")
    token = _token(store, "ANA@example.com")
    assert accounts.authenticate(store, token, NOW) == account
    assert token not in str(store.data)
    assert accounts.digest(token) in store.data.web.tokens


@pytest.mark.parametrize("token", ["", "nope", "x" * 500])
def test_unknown_tokens_are_unauthorized(store: FakeStore, token: str) -> None:
    _sign_up(store, "ana@example.com")
    with pytest.raises(Unauthorized):
        accounts.authenticate(store, token, NOW)


def test_wrong_passwords_and_unknown_e_mails_get_no_token(store: FakeStore) -> None:
    _sign_up(store, "ana@example.com")
    for email, password in [("ana@example.com", "wrong password"), ("bob@example.com", PASSWORD)]:
        with pytest.raises(Unauthorized):
            _token(store, email, password)
    assert not store.data.web.tokens


def test_ten_failures_lock_the_account_until_the_window_ends(store: FakeStore) -> None:
    _sign_up(store, "ana@example.com")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(Unauthorized):
            _token(store, "ana@example.com", "wrong password")
    with pytest.raises(RateLimited) as caught:
        _token(store, "ana@example.com")  # even the right password
    assert 0 < caught.value.retry_after <= 15 * 60
    later = NOW + dt.timedelta(seconds=caught.value.retry_after)
    assert accounts.issue_token(store, "ana@example.com", PASSWORD, later, hasher=QUICK)


def test_failures_from_one_address_lock_that_address_for_every_account(store: FakeStore) -> None:
    _sign_up(store, "ana@example.com")
    for n in range(accounts.MAX_FAILURES):
        with pytest.raises(Unauthorized):
            _token(store, f"guess{n}@example.com", "wrong password", address="10.0.0.9")
    with pytest.raises(RateLimited):
        _token(store, "ana@example.com", address="10.0.0.9")
    assert _token(store, "ana@example.com", address="10.0.0.10")


def test_a_revoked_token_stops_working_and_others_tokens_are_not_found(store: FakeStore) -> None:
    ana = _sign_up(store, "ana@example.com")
    bob = _sign_up(store, "bob@example.com")
    token = _token(store, "ana@example.com")
    [stored] = accounts.list_tokens(store, ana)
    with pytest.raises(NotFound):
        accounts.revoke_token(store, bob, stored.id, NOW)
    accounts.revoke_token(store, ana, stored.id, NOW)
    accounts.revoke_token(store, ana, stored.id, NOW)  # again: harmless
    with pytest.raises(Unauthorized):
        accounts.authenticate(store, token, NOW)
    assert accounts.list_tokens(store, ana)[0].revoked_at == NOW


def test_a_disabled_account_neither_signs_in_nor_uses_its_tokens(store: FakeStore) -> None:
    _sign_up(store, "ana@example.com")
    token = _token(store, "ana@example.com")
    assert accounts.set_account_disabled(store, "ANA@example.com").disabled
    with pytest.raises(Unauthorized):
        accounts.authenticate(store, token, NOW)
    with pytest.raises(Unauthorized):
        _token(store, "ana@example.com")
    with pytest.raises(NotFound):
        accounts.set_account_disabled(store, "nobody@example.com")


def test_argon2_hashes_are_salted_and_verify() -> None:
    hasher = accounts.default_hasher()
    first, second = hasher.hash(PASSWORD), hasher.hash(PASSWORD)
    assert first.startswith("$argon2id$")
    assert first != second
    assert hasher.verify(PASSWORD, first)
    assert not hasher.verify("wrong password", first)


# --- coaches ---------------------------------------------------------------------------------


def _coached(store: FakeStore) -> tuple[Account, Account, Account]:
    """A coach, an athlete who accepted them, and another athlete."""
    coach = _sign_up(store, "coach@example.com", Role.COACH)
    ana = _sign_up(store, "ana@example.com")
    bob = _sign_up(store, "bob@example.com")
    code = coaching.create_invitation(store, coach, NOW)
    link = coaching.accept_invitation(store, ana, code, NOW)
    assert (link.coach_id, link.athlete_account_id) == (coach.id, ana.id)
    return coach, ana, bob


def test_a_coach_acts_for_an_athlete_who_accepted_until_revoked(store: FakeStore) -> None:
    coach, ana, _ = _coached(store)
    [seen] = coaching.coached_athletes(store, coach)
    assert (seen.account_id, seen.athlete_id, seen.name) == (ana.id, ana.athlete_id, "ana")
    access = coaching.athlete_access(store, coach, str(ana.athlete_id))
    assert access == coaching.AthleteAccess(
        ana.athlete_id or 0, f"acct-{ana.id}", True, ana.id, coach.id
    )
    assert [c.account_id for c in coaching.coaches_of(store, ana)] == [coach.id]
    coaching.revoke_coach(store, ana, coach.id, NOW)
    assert coaching.coached_athletes(store, coach) == []
    with pytest.raises(NotFound):
        coaching.athlete_access(store, coach, str(ana.athlete_id))
    with pytest.raises(NotFound):
        coaching.revoke_coach(store, ana, coach.id, NOW)


def test_me_and_ones_own_id_are_oneself(store: FakeStore) -> None:
    _, ana, _ = _coached(store)
    own = coaching.athlete_access(store, ana, "me")
    assert (own.athlete_id, own.as_coach, own.account_id) == (ana.athlete_id, False, ana.id)
    assert coaching.athlete_access(store, ana, str(ana.athlete_id)) == own


@pytest.mark.parametrize("ref", ["other", "", "1.0", "-1", "٣", "9" * 30, "999"])
def test_everything_not_yours_is_not_found(store: FakeStore, ref: str) -> None:
    coach, ana, bob = _coached(store)
    refs = {"other": str(bob.athlete_id)}
    for caller in (coach, ana):
        with pytest.raises(NotFound):
            coaching.athlete_access(store, caller, refs.get(ref, ref))
    with pytest.raises(NotFound):
        coaching.athlete_access(store, coach, "me")  # a coach only has no athlete


def test_invitations_are_one_use_short_lived_and_for_coaches(store: FakeStore) -> None:
    coach, ana, bob = _coached(store)
    with pytest.raises(NotFound):
        coaching.create_invitation(store, ana, NOW)
    code = coaching.create_invitation(store, coach, NOW)
    coaching.accept_invitation(store, bob, code, NOW)
    with pytest.raises(NotFound):
        coaching.accept_invitation(store, ana, code, NOW)
    old = coaching.create_invitation(store, coach, NOW)
    with pytest.raises(NotFound):
        coaching.accept_invitation(store, ana, old, NOW + dt.timedelta(days=15))
    with pytest.raises(NotFound):
        coaching.accept_invitation(store, ana, "made-up", NOW)
    with pytest.raises(NotFound):
        coaching.accept_invitation(store, coach, old, NOW)  # a coach only trains nobody


def test_an_account_that_is_both_cannot_coach_itself(store: FakeStore) -> None:
    both = _sign_up(store, "both@example.com", Role.BOTH)
    code = coaching.create_invitation(store, both, NOW)
    with pytest.raises(BadInput):
        coaching.accept_invitation(store, both, code, NOW)
