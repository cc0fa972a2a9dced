"""The incident store: SQLite by default, PostgreSQL by URL; schema kept by alembic migrations."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import CursorResult, create_engine, event, func, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from dlp.config import Config
from dlp.errors import StoreError
from dlp.model import Channel, Communication, Verdict
from dlp.redact import redact
from dlp.registry.index import RegistryIndex
from dlp.secrets import secret
from dlp.store.deadlines import due_dates
from dlp.store.describe import describe_incident
from dlp.store.models import AuditEntry, Incident, IncidentClient, IncidentEvent, IncidentFinding
from dlp.store.search import Query, cursor_of, lead_rule, next_deadline, select_page
from dlp.store.search import overdue as overdue_condition
from dlp.workdays import Calendar

PASSWORD_ENV = "DLP_STORE_PASSWORD"
MIGRATIONS = Path(str(files("dlp.store").joinpath("migrations")))
STATUSES = ("open", "reported", "closed")


def migrate(engine: Engine) -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Relay, watcher and web UI (and other hosts) may start at once on a new database: one migrates,
            # the others wait for it here and then find the schema up to date.
            connection.execute(text("select pg_advisory_xact_lock(7402201)"))
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def store_url(config: Config) -> str:
    """[store] url, with the password from DLP_STORE_PASSWORD (or the file DLP_STORE_PASSWORD_FILE names) when
    the URL carries none, so the password need not be written into the configuration file."""
    url = config.store_url
    password = secret(PASSWORD_ENV)
    if password and not url.startswith("sqlite"):
        parsed = make_url(url)
        if parsed.password is None:
            return parsed.set(password=password).render_as_string(hide_password=False)
    return url


class IncidentStore:
    def __init__(self, url: str, holidays: Iterable[date] | Calendar = (), zone: tzinfo = UTC) -> None:
        # Deadlines count from the organisation's local day, skipping its public holidays.
        self.holidays = holidays if isinstance(holidays, Calendar) else Calendar("", holidays)
        self.zone = zone
        self.alerts: Any = None  # dlp.alerts.Alerts where [alerts] to is set: critical incidents are announced
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            migrate(self.engine)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"incident store cannot be opened: {exc.__class__.__name__}: {_first_line(exc)}") from None
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_config(cls, config: Config) -> IncidentStore:
        store = cls(store_url(config), config.holidays, config.zone)
        if config.alerts.to:
            from dlp.alerts import Alerts

            store.alerts = Alerts(config)
        return store

    def record(
        self,
        verdict: Verdict,
        item: Communication,
        channel: Channel,
        index: RegistryIndex | None,
        action_taken: str,
        quarantine_ref: str | None = None,
        initials: Mapping[str, str] | None = None,
        origin: str | None = None,
    ) -> str:
        """Store an incident for a non-allow verdict; returns its reference (INC-2026-000017).

        Initials come from the registry index, or from `initials` where the caller holds no index."""
        now = datetime.now(UTC)
        report_due, close_due = due_dates(now.astimezone(self.zone).date(), self.holidays)
        ids = sorted({cid for v in verdict.violations for cid in v.clients})
        what, how, why = describe_incident(verdict, item, channel)
        incident = Incident(
            created_at=now,
            updated_at=now,
            channel=channel.value,
            item_kind=item.kind,
            decision=verdict.decision.value,
            severity=(verdict.severity.value if verdict.severity else "low"),
            rules=sorted({v.rule for v in verdict.violations}),
            clients=_clients(ids, index, initials),
            what=redact(what, index),
            how=redact(how, index),
            why=redact(why, index),
            action_taken=redact(action_taken, index),
            status="open",
            report_due=report_due,
            close_due=close_due,
            item_digest=item.digest,
            quarantine_ref=quarantine_ref,
            origin=origin,
            sender_domain=_domain(item.sender),
            client_rows=[IncidentClient(client_id=cid) for cid in ids],
            findings=_findings(verdict, index),
            events=[
                IncidentEvent(
                    at=now, actor=channel.value, action="recorded", to_status="open", reason=redact(action_taken, index)
                )
            ],
        )
        try:
            with self._session.begin() as session:
                session.add(incident)
                session.flush()
                incident.reference = f"INC-{now.year}-{incident.id:06d}"
        except SQLAlchemyError as exc:
            raise StoreError(f"incident could not be stored: {exc.__class__.__name__}") from None
        assert incident.reference is not None
        if self.alerts is not None and incident.severity == "critical":
            self.alerts.critical(self, incident.reference, incident.rules, incident.channel)
        return incident.reference

    def today(self) -> date:
        return datetime.now(self.zone).date()

    def search(self, query: Query, today: date | None = None) -> tuple[builtins.list[Incident], int]:
        """One page of a search, sorted in SQL, and how many incidents match it in all."""
        with self._session() as session:
            cursor = None
            if (edge := cursor_of(query)) is not None:
                found = session.execute(edge).first()
                if found is None:  # an unknown incident in a hand-written link: the numbered page instead
                    query = replace(query, after="", before="")
                else:
                    cursor = (found[0], int(found[1]))
            rows, count = select_page(query, today or self.today(), self.zone, cursor)
            page = list(session.scalars(rows))
            if cursor is not None and query.before:
                page.reverse()  # taken nearest the cursor first
            return page, int(session.scalar(count) or 0)

    def list(
        self,
        status: str | None = None,
        rule: str | None = None,
        channel: str | None = None,
        limit: int | None = None,
    ) -> list[Incident]:
        query = select(Incident).options(selectinload(Incident.findings)).order_by(Incident.id)
        if status:
            query = query.where(Incident.status == status)
        if channel:
            query = query.where(Incident.channel == channel)
        with self._session() as session:
            rows = list(session.scalars(query))
        if rule:  # rules is a JSON list; filtering in Python keeps SQLite and PostgreSQL alike
            rows = [r for r in rows if rule in r.rules]
        return rows[-limit:] if limit else rows

    def get(self, reference: str) -> Incident | None:
        with self._session() as session:
            return session.scalars(
                select(Incident).options(selectinload(Incident.findings)).where(Incident.reference == reference.upper())
            ).first()

    def set_status(
        self, reference: str, status: str, action_taken: str | None = None, *, actor: str = "cli", reason: str = ""
    ) -> Incident:
        """Move an incident along open → reported → closed; every change is audited (who, when, what, why)."""
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
        with self._session.begin() as session:
            incident = _by_reference(session, reference)
            if STATUSES.index(status) < STATUSES.index(incident.status) and not reason:
                raise StoreError(f"{incident.reference} is {incident.status}: going back to {status} needs a reason")
            now = datetime.now(UTC)
            session.add(
                IncidentEvent(
                    incident_id=incident.id,
                    at=now,
                    actor=actor,
                    action="status",
                    from_status=incident.status,
                    to_status=status,
                    reason=redact(reason),
                )
            )
            incident.status = status
            incident.updated_at = now
            incident.closed_at = now if status == "closed" else None
            if action_taken:
                incident.action_taken = redact(action_taken)
                session.add(
                    IncidentEvent(
                        incident_id=incident.id, at=now, actor=actor, action="action_taken", reason=redact(action_taken)
                    )
                )
            session.flush()
            session.refresh(incident, ["findings", "events"])
            return incident

    def summary(self, today: date) -> dict[str, int]:
        """What the dashboard's headline says: how many incidents, open, and overdue today."""
        with self._session() as session:
            total = session.scalar(select(func.count()).select_from(Incident)) or 0
            still_open = session.scalar(select(func.count()).where(Incident.status == "open")) or 0
            late = session.scalar(select(func.count()).where(overdue_condition(today))) or 0
        return {"total": total, "open": still_open, "overdue": late}

    def incidents_per_day(self, days: int = 14, today: date | None = None) -> dict[date, dict[str, int]]:
        """Incidents per local day of the last `days` days, each counted once, under its leading rule."""
        today = today or self.today()
        first = today - timedelta(days=days - 1)
        counts: dict[date, dict[str, int]] = {first + timedelta(days=n): {} for n in range(days)}
        since = datetime.combine(first, datetime.min.time(), tzinfo=self.zone)
        with self._session() as session:
            for created, rules in session.execute(
                select(Incident.created_at, Incident.rules).where(Incident.created_at >= since)
            ):
                day = _aware(created).astimezone(self.zone).date()
                if day in counts and rules:
                    rule = lead_rule(rules)
                    counts[day][rule] = counts[day].get(rule, 0) + 1
        return counts

    def overdue(self, today: date) -> builtins.list[Incident]:
        """Open incidents past their report date, and unclosed ones past their close date."""
        query = select(Incident).options(selectinload(Incident.findings)).where(overdue_condition(today))
        with self._session() as session:
            return list(session.scalars(query.order_by(Incident.id)))

    def due(self, until: date) -> builtins.list[dict[str, Any]]:
        """Every unclosed incident whose next deadline is `until` or before (the overdue ones too), soonest
        first: what the daily digest lists. Only the digest's own columns, none of the evidence."""
        deadline = next_deadline()
        query = (
            select(
                Incident.reference,
                Incident.rules,
                Incident.channel,
                Incident.severity,
                Incident.status,
                Incident.report_due,
                Incident.close_due,
                deadline.label("deadline"),
            )
            .where(Incident.status.in_(("open", "reported")), deadline <= until)
            .order_by(deadline, Incident.id)
        )
        with self._session() as session:
            return [dict(row._mapping) for row in session.execute(query)]

    def events(self, reference: str) -> builtins.list[IncidentEvent]:
        with self._session() as session:
            incident = _by_reference(session, reference)
            return list(
                session.scalars(
                    select(IncidentEvent).where(IncidentEvent.incident_id == incident.id).order_by(IncidentEvent.id)
                )
            )

    def replace_findings(self, reference: str, verdict: Verdict, initials: Mapping[str, str]) -> None:
        """Bring a growing incident (one for a whole batch run) up to date with everything found so far."""
        ids = sorted({cid for v in verdict.violations for cid in v.clients})
        with self._session.begin() as session:
            incident = _by_reference(session, reference)
            incident.findings = _findings(verdict, None)
            incident.clients = _clients(ids, None, initials)
            incident.client_rows = [IncidentClient(client_id=cid) for cid in ids]
            incident.how = redact(" ".join(f"{v.rule} in {v.part}: {v.explanation}." for v in verdict.violations[:50]))
            incident.updated_at = datetime.now(UTC)

    def session(self) -> Any:
        """A transaction on the store, for the few writers outside this class (release, discard)."""
        return self._session.begin()

    def held_as(self, quarantine_ref: str) -> builtins.list[str]:
        """The incidents still holding one quarantined original, oldest first: none once it was released or
        discarded, or its incident closed (the same item sent again then is a new incident)."""
        query = (
            select(Incident.reference)
            .where(Incident.quarantine_ref == quarantine_ref, Incident.status != "closed")
            .order_by(Incident.id)
        )
        with self._session() as session:
            return [r for r in session.scalars(query) if r]

    def claim_release(self, reference: str, token: str, stale_after: timedelta) -> bool:
        """Claim a held item for one release; False if someone else's release holds it (or it is gone).

        One conditional UPDATE, so of any number of parallel clicks (in any process) exactly one wins; a
        claim older than `stale_after` (its process died) may be taken over."""
        now = datetime.now(UTC)
        free = Incident.release_claim.is_(None)
        stale = Incident.release_claim < f"{(now - stale_after).isoformat()}"
        with self._session.begin() as session:
            done: CursorResult[Any] = session.execute(  # type: ignore[assignment]
                update(Incident)
                .where(
                    Incident.reference == reference.upper(),
                    Incident.quarantine_ref.is_not(None),
                    Incident.status != "closed",
                    free | stale,
                )
                .values(release_claim=f"{now.isoformat()} {token}"[:64])
            )
            return done.rowcount == 1

    def unclaim_release(self, reference: str) -> None:
        with self._session.begin() as session:
            session.execute(update(Incident).where(Incident.reference == reference.upper()).values(release_claim=None))

    def assign(self, references: Iterable[str], assignee: str | None, actor: str) -> int:
        """Give incidents to a reviewer (None: to nobody); audited. Returns how many changed."""
        now, changed = datetime.now(UTC), 0
        with self._session.begin() as session:
            for reference in references:
                incident = _by_reference(session, reference)
                if incident.assignee == assignee:
                    continue
                session.add(
                    IncidentEvent(
                        incident_id=incident.id,
                        at=now,
                        actor=actor,
                        action="assigned",
                        reason=f"to {assignee}" if assignee else "unassigned",
                    )
                )
                incident.assignee, incident.updated_at = assignee, now
                changed += 1
        return changed

    def close_many(self, references: Iterable[str], action_taken: str, actor: str) -> builtins.list[str]:
        """Close several incidents with one justification, each audited; returns those closed now."""
        if not action_taken.strip():
            raise StoreError("closing needs the action taken")
        closed = []
        for reference in references:
            incident = self.get(reference)
            if incident is not None and incident.status != "closed":
                self.set_status(reference, "closed", action_taken, actor=actor)
                closed.append(incident.reference or reference)
        return closed

    def held_before(self, cutoff: datetime) -> builtins.list[tuple[str, str, str]]:
        """(incident, quarantine reference, channel) of every original held since before `cutoff`, oldest first."""
        query = (
            select(Incident.reference, Incident.quarantine_ref, Incident.channel)
            .where(Incident.quarantine_ref.is_not(None), Incident.created_at < cutoff)
            .order_by(Incident.id)
        )
        with self._session() as session:
            return [(r, q, c) for r, q, c in session.execute(query) if r and q]

    def held_refs(self) -> set[str]:
        """Every quarantine reference an incident still points at."""
        with self._session() as session:
            return {
                q
                for q in session.scalars(select(Incident.quarantine_ref).where(Incident.quarantine_ref.is_not(None)))
                if q
            }

    def add_event(self, reference: str, actor: str, action: str, reason: str) -> None:
        """An entry in one incident's audit trail that changes nothing else (an approval)."""
        with self._session.begin() as session:
            incident = _by_reference(session, reference)
            session.add(
                IncidentEvent(
                    incident_id=incident.id, at=datetime.now(UTC), actor=actor, action=action, reason=redact(reason)
                )
            )

    def audit(self, actor: str, action: str, subject: str = "", detail: str = "") -> None:
        """An entry in the audit log of what is not one incident's: logins, accounts, purges."""
        with self._session.begin() as session:
            session.add(
                AuditEntry(
                    at=datetime.now(UTC), actor=actor[:128], action=action, subject=subject[:128], detail=redact(detail)
                )
            )

    def audit_count(self, action: str, since: datetime) -> int:
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action, AuditEntry.at >= since)
        with self._session() as session:
            return int(session.scalar(query) or 0)

    def audit_log(
        self, action: str | None = None, limit: int = 100, subject: str | None = None
    ) -> builtins.list[AuditEntry]:
        """The latest entries, newest first, of one action and one subject where given."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEntry.action == action)
        if subject is not None:
            query = query.where(AuditEntry.subject == subject)
        with self._session() as session:
            return list(session.scalars(query))

    def end_hold(self, reference: str, actor: str, action: str, reason: str, by: str = "by a reviewer") -> None:
        """The held original is gone (released, discarded or purged): the incident says so, and the audit trail
        why; the item's digest stays, so the same content can be recognised later."""
        now = datetime.now(UTC)
        with self._session.begin() as session:
            incident = _by_reference(session, reference)
            incident.quarantine_ref = None
            incident.release_claim = None
            incident.action_taken = redact(f"{action.capitalize()} {by}: {reason}")
            incident.updated_at = now
            session.add(
                IncidentEvent(incident_id=incident.id, at=now, actor=actor, action=action, reason=redact(reason))
            )

    def set_quarantine_ref(self, reference: str, quarantine_ref: str) -> None:
        with self._session.begin() as session:
            incident = _by_reference(session, reference)
            incident.quarantine_ref = quarantine_ref
            incident.updated_at = datetime.now(UTC)

    def close(self) -> None:
        self.engine.dispose()


def _by_reference(session: Session, reference: str) -> Incident:
    incident = session.scalars(select(Incident).where(Incident.reference == reference.upper())).first()
    if incident is None:
        raise StoreError(f"no incident {reference}")
    return incident


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC


def _domain(sender: str | None) -> str | None:
    """The sender's domain only (searchable; an address would be personal information)."""
    if not sender or "@" not in sender:
        return None
    return sender.rsplit("@", 1)[1].strip().strip(">").lower()[:255] or None


def _clients(ids: list[str], index: RegistryIndex | None, initials: Mapping[str, str] | None) -> list[dict[str, Any]]:
    def of(cid: str) -> str:
        if index is not None and cid in index.clients:
            return index.clients[cid].initials
        return (initials or {}).get(cid, "")

    return [{"id": cid, "initials": of(cid)} for cid in ids]


def _findings(verdict: Verdict, index: RegistryIndex | None) -> list[IncidentFinding]:
    return [
        IncidentFinding(
            rule=v.rule,
            severity=v.severity.value,
            decision=v.decision.value,
            clients=list(v.clients),
            part=redact(v.part, index),
            explanation=redact(v.explanation, index),
        )
        for v in verdict.violations
    ]


def as_dict(incident: Incident) -> dict[str, Any]:
    """The incident template's fields, for `--json` and exports."""
    return {
        "id": incident.reference,
        "time": incident.created_at.isoformat(),
        "channel": incident.channel,
        "item": incident.item_kind,
        "rules": list(incident.rules),
        "severity": incident.severity,
        "decision": incident.decision,
        "clients": list(incident.clients),
        "what": incident.what,
        "how": incident.how,
        "why": incident.why,
        "action_taken": incident.action_taken,
        "status": incident.status,
        "report_due": incident.report_due.isoformat(),
        "close_due": incident.close_due.isoformat(),
        "closed_at": incident.closed_at.isoformat() if incident.closed_at else None,
        "item_digest": incident.item_digest,
        "quarantine_ref": incident.quarantine_ref,
        "origin": incident.origin,
        "sender_domain": incident.sender_domain,
        "assignee": incident.assignee,
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "decision": f.decision,
                "clients": list(f.clients),
                "part": f.part,
                "explanation": f.explanation,
            }
            for f in incident.findings
        ],
    }


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else ""
