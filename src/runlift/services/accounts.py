"""Account use cases: sign up, sign in for a bearer token, know who calls, operate accounts.

Passwords are hashed with argon2 (pwdlib) and never stored, logged or returned; tokens and
invitation codes are kept as SHA-256 digests, so a copy of the database signs nobody in. Every
piece of state (failure counters included) lives in the store, so server processes share it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from runlift.domain.log import MAX_NAME_LENGTH
from runlift.services.errors import BadInput, Conflict, Hidden, RateLimited, Unauthorized
from runlift.services.ports import Account, Role, StoredToken, UnitOfWork
from runlift.services.suggest import parse_enum

UowFactory = Callable[[], UnitOfWork]
SecretMaker = Callable[[], str]

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
MAX_EMAIL = 254
MAX_TOKEN = 200
FAILURE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES = 10  # failed sign-ins per account and per address in one window
TOUCH_EVERY = dt.timedelta(minutes=5)  # how stale a token's last use may get before a write
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class Hasher(Protocol):
    """What hashes and checks passwords: pwdlib's PasswordHash, or a cheaper one in tests."""

    def hash(self, password: str) -> str: ...
    def verify(self, password: str, hash: str) -> bool: ...


@functools.cache
def default_hasher() -> PasswordHash:
    """argon2id with pwdlib's recommended cost, built on first use."""
    return PasswordHash((Argon2Hasher(),))


_DUMMY_HASHES: dict[int, str] = {}


def _dummy_hash(hasher: Hasher) -> str:
    """A hash to check unknown e-mails against, so they take as long as known ones."""
    if id(hasher) not in _DUMMY_HASHES:
        _DUMMY_HASHES[id(hasher)] = hasher.hash("not-a-password-of-anyone")
    return _DUMMY_HASHES[id(hasher)]


def new_secret() -> str:
    """A token or code nobody can guess (256 bits)."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the store keeps of a token or code: its SHA-256, in hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _encodable(field: str, value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadInput(field, "is not valid text (an unpaired surrogate)") from exc
    return value


def checked_email(email: str) -> str:
    """An e-mail address as accounts keep it: trimmed, lower-cased, plainly of the form a@b.c."""
    value = _encodable("email", email).strip().lower()
    if len(value) > MAX_EMAIL or _CONTROL.search(value) or not _EMAIL.fullmatch(value):
        raise BadInput("email", "is not an e-mail address like ana@example.com")
    return value


def checked_password(password: str) -> str:
    """A password long enough to resist guessing and short enough to hash quickly."""
    _encodable("password", password)
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise BadInput(
            "password", f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long", "weak_password"
        )
    return password


def checked_account_name(name: str) -> str:
    """A display name: 1-80 printable characters."""
    value = _encodable("name", name).strip()
    if not value or len(value) > MAX_NAME_LENGTH or _CONTROL.search(value):
        raise BadInput("name", f"give 1 to {MAX_NAME_LENGTH} printable characters")
    return value


def sign_up(
    make_uow: UowFactory,
    email: str,
    password: str,
    name: str,
    role: Role | str,
    now: dt.datetime,
    hasher: Hasher | None = None,
) -> Account:
    """A new account; an athlete (or both) gets a store athlete of their own, without a plan."""
    address = checked_email(email)
    display = checked_account_name(name)
    roles = parse_enum(Role, role, "role") if isinstance(role, str) else role
    password_hash = (hasher or default_hasher()).hash(checked_password(password))
    with make_uow() as uow:
        if uow.accounts.by_email(address) is not None:
            raise Conflict("an account with this e-mail exists", "email", "email_taken")
        account = uow.accounts.add(address, display, password_hash, roles, now)
        if roles is not Role.COACH:
            athlete = uow.athletes.add(_free_athlete_name(uow, account.id), "", now)
            uow.accounts.set_athlete(account.id, athlete.id)
            account = replace(account, athlete_id=athlete.id)
        uow.commit()
    return account


def _free_athlete_name(uow: UnitOfWork, account_id: int) -> str:
    """The store key of an account's athlete (acct-<id>), clear of names the CLI gave."""
    name, suffix = f"acct-{account_id}", 1
    while uow.athletes.get(name) is not None:
        suffix += 1
        name = f"acct-{account_id}-{suffix}"
    return name


def _window(now: dt.datetime) -> tuple[dt.datetime, int]:
    """The fixed window `now` falls in, and the seconds until it ends."""
    size = int(FAILURE_WINDOW.total_seconds())
    epoch = int(now.timestamp())
    start = epoch - epoch % size
    return dt.datetime.fromtimestamp(start, dt.UTC), start + size - epoch


def _limit_keys(email: str, address: str | None) -> list[str]:
    keys = [f"signin:email:{digest(email)[:40]}"]
    if address:
        keys.append(f"signin:address:{digest(address)[:40]}")
    return keys


def issue_token(
    make_uow: UowFactory,
    email: str,
    password: str,
    now: dt.datetime,
    name: str = "api",
    address: str | None = None,
    hasher: Hasher | None = None,
    make_secret: SecretMaker = new_secret,
) -> str:
    """A new bearer token for the right e-mail and password (Unauthorized otherwise).

    After MAX_FAILURES failures in a window for the e-mail or the caller's address, every
    attempt is RateLimited until the window ends, right password or not.
    """
    hasher = hasher or default_hasher()
    key = email.strip().lower()
    keys = _limit_keys(key, address)
    window, retry_after = _window(now)
    token_name = checked_account_name(name)
    with make_uow() as uow:
        if any(uow.rate_limits.count(k, window) >= MAX_FAILURES for k in keys):
            raise RateLimited(retry_after)
        account = uow.accounts.by_email(key) if _is_text(key) else None
        stored = None if account is None else uow.accounts.password_hash(account.id)
    right = _verify(hasher, password, stored) and account is not None and not account.disabled
    with make_uow() as uow:
        if not right or account is None:
            for k in keys:
                uow.rate_limits.hit(k, window)
            uow.rate_limits.forget_before(window)
            uow.commit()
            raise Unauthorized("wrong e-mail or password")
        secret = make_secret()
        uow.tokens.add(account.id, digest(secret), token_name, now)
        uow.commit()
    return secret


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_text(value: str) -> bool:
    """Text a database can be asked about (no NUL, no unpaired surrogate)."""
    return _encodes(value) and "\x00" not in value


def _verify(hasher: Hasher, password: str, stored: str | None) -> bool:
    """Check a password in the same time whether or not the account exists."""
    if not _encodes(password):
        return False
    ok = hasher.verify(password, stored or _dummy_hash(hasher))
    return ok and stored is not None


def authenticate(make_uow: UowFactory, token: str, now: dt.datetime) -> Account:
    """The account a bearer token belongs to; Unauthorized when unknown, revoked or disabled."""
    if not token or len(token) > MAX_TOKEN:
        raise Unauthorized()
    with make_uow() as uow:
        stored = uow.tokens.by_digest(digest(token))
        if stored is None or stored.revoked_at is not None:
            raise Unauthorized()
        account = uow.accounts.get(stored.account_id)
        if account is None or account.disabled:
            raise Unauthorized()
        if stored.last_used_at is None or now - stored.last_used_at >= TOUCH_EVERY:
            uow.tokens.touch(stored.id, now)
            uow.commit()
    return account


def revoke_secret(make_uow: UowFactory, secret: str, now: dt.datetime) -> None:
    """Revoke the token (or page session) with this secret; an unknown one is already gone."""
    if not secret or len(secret) > MAX_TOKEN or not _is_text(secret):
        return
    with make_uow() as uow:
        stored = uow.tokens.by_digest(digest(secret))
        if stored is not None and stored.revoked_at is None:
            uow.tokens.revoke(stored.id, now)
            uow.commit()


def list_tokens(make_uow: UowFactory, account: Account) -> list[StoredToken]:
    """The account's tokens, revoked ones included, oldest first."""
    with make_uow() as uow:
        return uow.tokens.of_account(account.id)


def revoke_token(make_uow: UowFactory, account: Account, token_id: int, now: dt.datetime) -> None:
    """Revoke one of the account's tokens (again is harmless); another's token is not found."""
    with make_uow() as uow:
        if not any(t.id == token_id for t in uow.tokens.of_account(account.id)):
            raise Hidden("token", f"no token {token_id} of yours", "token_id")
        uow.tokens.revoke(token_id, now)
        uow.commit()


def list_accounts(make_uow: UowFactory) -> list[Account]:
    """Every account, oldest first (for the operator)."""
    with make_uow() as uow:
        return uow.accounts.all()


def set_account_disabled(make_uow: UowFactory, email: str, disabled: bool = True) -> Account:
    """Disable (or enable again) an account: its tokens stop working at once."""
    key = email.strip().lower()
    with make_uow() as uow:
        account = uow.accounts.by_email(key)
        if account is None:
            raise Hidden("account", f"no account with the e-mail {key!r}", "email")
        uow.accounts.set_disabled(account.id, disabled)
        uow.commit()
    return replace(account, disabled=disabled)
