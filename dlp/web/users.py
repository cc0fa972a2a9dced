"""Accounts of the review UI: argon2 password hashes, two roles, lockout after wrong passwords, disabling.

Every login, failed login, lockout and account change goes to the store's audit log (user names and
addresses of the reviewers' own machines only, never a client's detail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from dlp.errors import UsageError
from dlp.store import IncidentStore
from dlp.store.models import User, WebSession

ROLES = ("reviewer", "privacy_officer")
_hasher = PasswordHasher()
# Verified against when a user does not exist, so a login takes as long either way.
_DUMMY = _hasher.hash("not a password anyone has")


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    disabled: bool
    locked_until: datetime | None
    created_at: datetime


def _check_password(password: str) -> None:
    if len(password) < 10:
        raise UsageError("password must be at least 10 characters")


def add_user(store: IncidentStore, username: str, password: str, role: str, actor: str = "cli") -> None:
    if role not in ROLES:
        raise UsageError(f"role must be one of {', '.join(ROLES)}")
    _check_password(password)
    with store.session() as session:
        existing = session.scalars(select(User).where(User.username == username)).first()
        if existing is not None:
            existing.password_hash, existing.role = _hasher.hash(password), role
            existing.disabled, existing.failed_logins, existing.locked_until = False, 0, None
            session.execute(delete(WebSession).where(WebSession.username == username))
        else:
            session.add(
                User(username=username, password_hash=_hasher.hash(password), role=role, created_at=datetime.now(UTC))
            )
    store.audit(actor, "user_saved", username, f"role {role}")


def list_users(store: IncidentStore) -> list[Account]:
    with store.session() as session:
        return [
            Account(u.username, u.role, u.disabled, u.locked_until, u.created_at)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def disable_user(store: IncidentStore, username: str, actor: str = "cli") -> None:
    """No more logins, and every session of the account ends now."""
    with store.session() as session:
        user = _existing(session, username)
        user.disabled = True
        session.execute(delete(WebSession).where(WebSession.username == username))
    store.audit(actor, "user_disabled", username)


def reset_password(store: IncidentStore, username: str, password: str, actor: str = "cli") -> None:
    """A new password; the lockout is lifted, the account enabled, and its sessions end."""
    _check_password(password)
    with store.session() as session:
        user = _existing(session, username)
        user.password_hash = _hasher.hash(password)
        user.disabled, user.failed_logins, user.locked_until = False, 0, None
        session.execute(delete(WebSession).where(WebSession.username == username))
    store.audit(actor, "password_reset", username)


def _existing(session: object, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username)).first()  # type: ignore[attr-defined]
    if user is None:
        raise UsageError(f"no user {username!r}")
    assert isinstance(user, User)
    return user


def authenticate(
    store: IncidentStore, username: str, password: str, *, attempts: int = 5, lockout: timedelta | None = None
) -> tuple[User | None, str]:
    """The user if the password is right and the account usable, with what happened (for the audit log):
    "login", "login_failed", "locked" (too many wrong passwords: refused whatever the password) or "disabled"."""
    lockout = lockout or timedelta(minutes=15)
    now = datetime.now(UTC)
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        try:
            _hasher.verify(user.password_hash if user else _DUMMY, password)
            right = True
        except (VerificationError, InvalidHashError):
            right = False
        if user is None:
            return None, "login_failed"
        if user.disabled:
            return None, "disabled"
        if user.locked_until is not None and _aware(user.locked_until) > now:
            return None, "locked"
        if not right:
            user.failed_logins = (user.failed_logins or 0) + 1
            if user.failed_logins >= attempts:
                user.locked_until, user.failed_logins = now + lockout, 0
                return None, "locked"
            return None, "login_failed"
        user.failed_logins, user.locked_until = 0, None
        session.flush()
        session.expunge(user)
        return user, "login"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive datetimes
