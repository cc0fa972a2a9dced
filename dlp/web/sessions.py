"""Server-side sessions of the review UI: the signed cookie carries a random session id, the store says
whether it is still live. Logging out, disabling an account or resetting its password ends its sessions at
once, in every process serving the UI."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select

from dlp.store import IncidentStore
from dlp.store.models import User, WebSession


def open_session(store: IncidentStore, username: str, hours: int) -> str:
    now = datetime.now(UTC)
    sid = secrets.token_urlsafe(32)
    with store.session() as session:
        session.execute(delete(WebSession).where(WebSession.expires_at < now))  # tidy expired ones as we go
        session.add(WebSession(id=sid, username=username, created_at=now, expires_at=now + timedelta(hours=hours)))
    return sid


def live_user(store: IncidentStore, sid: str) -> tuple[str, str] | None:
    """(user name, role) of a live session on an enabled account; None once it ended or expired."""
    now = datetime.now(UTC)
    query = (
        select(User.username, User.role, WebSession.expires_at)
        .join(User, User.username == WebSession.username)
        .where(WebSession.id == sid, User.disabled.is_(False))
    )
    with store.session() as session:
        row = session.execute(query).first()
    if row is None:
        return None
    expires = row[2] if row[2].tzinfo else row[2].replace(tzinfo=UTC)
    return (row[0], row[1]) if expires > now else None


def end_session(store: IncidentStore, sid: str) -> None:
    with store.session() as session:
        session.execute(delete(WebSession).where(WebSession.id == sid))
