"""Accounts of the review UI: argon2 password hashes, two roles."""

from __future__ import annotations

from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from dlp.errors import UsageError
from dlp.store import IncidentStore
from dlp.store.models import User

ROLES = ("reviewer", "privacy_officer")
_hasher = PasswordHasher()
# Verified against when a user does not exist, so a login takes as long either way.
_DUMMY = _hasher.hash("not a password anyone has")


def add_user(store: IncidentStore, username: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise UsageError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 10:
        raise UsageError("password must be at least 10 characters")
    with store.session() as session:
        existing = session.scalars(select(User).where(User.username == username)).first()
        if existing is not None:
            existing.password_hash, existing.role = _hasher.hash(password), role
        else:
            session.add(
                User(username=username, password_hash=_hasher.hash(password), role=role, created_at=datetime.now(UTC))
            )


def authenticate(store: IncidentStore, username: str, password: str) -> User | None:
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        try:
            _hasher.verify(user.password_hash if user else _DUMMY, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        session.expunge(user)
        return user
