"""Incident records (DESIGN §4): PII-free by construction: client ids and initials, rule words, digests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Incident(Base):
    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str | None] = mapped_column(String(32), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    channel: Mapped[str] = mapped_column(String(16), index=True)
    item_kind: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    rules: Mapped[list[str]] = mapped_column(JSON)
    clients: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{"id": "C100234", "initials": "A.L."}]
    what: Mapped[str] = mapped_column(Text)
    how: Mapped[str] = mapped_column(Text)
    why: Mapped[str] = mapped_column(Text)
    action_taken: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    report_due: Mapped[date] = mapped_column(Date)
    close_due: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    item_digest: Mapped[str] = mapped_column(String(64))
    quarantine_ref: Mapped[str | None] = mapped_column(String(255), nullable=True)
    # Where the item came from: the original SMTP client (from XFORWARD) for the relay; an IP or host name.
    origin: Mapped[str | None] = mapped_column(String(255), nullable=True)
    sender_domain: Mapped[str | None] = mapped_column(String(255), nullable=True)  # a domain only, never an address
    assignee: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Set while one reviewer's release is under way, so parallel clicks deliver once.
    release_claim: Mapped[str | None] = mapped_column(String(64), nullable=True)

    findings: Mapped[list[IncidentFinding]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="IncidentFinding.id"
    )
    events: Mapped[list[IncidentEvent]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="IncidentEvent.id"
    )
    client_rows: Mapped[list[IncidentClient]] = relationship(cascade="all, delete-orphan")


class IncidentClient(Base):
    """One client id of an incident, as a row: searched with an index (the JSON list is for display)."""

    __tablename__ = "incident_clients"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(32), primary_key=True)


class IncidentEvent(Base):
    """The audit trail: who changed what, when and why. Never updated, never deleted."""

    __tablename__ = "incident_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))  # recorded, status, action_taken, released, discarded
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")

    incident: Mapped[Incident] = relationship(back_populates="events")


class IncidentFinding(Base):
    __tablename__ = "incident_findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(16))
    clients: Mapped[list[str]] = mapped_column(JSON)
    part: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)

    incident: Mapped[Incident] = relationship(back_populates="findings")


class User(Base):
    """A reviewer or privacy officer of the web UI; passwords are stored as argon2 hashes only."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))  # reviewer | privacy_officer
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class WebSession(Base):
    """A logged-in session of the review UI; the cookie carries only its id, so logging out revokes it."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """What is audited beyond one incident: logins, account changes, retention purges."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))  # login, login_failed, locked, logout, disabled, ...
    subject: Mapped[str] = mapped_column(String(128), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
