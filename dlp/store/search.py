"""Searching the incident register in SQL: filters, sort and paging with indexes, the same on SQLite and
PostgreSQL. The list page, the CSV export and the dashboard all ask through here; none loads the whole table.

Pages are numbered (`page=N`, taken with OFFSET, for a page typed in or a shallow jump), and the list's next
and previous links also carry a cursor, the incident on the edge of the page (`after=INC-…`, `before=INC-…`):
the next page is then the rows beyond that incident's (sort value, id) in the list's order, found in the index
whatever the depth, where OFFSET would read and drop every row before it. Both orders are the same: the sort
column, then the id, with NULL as the lowest value on SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, or_, select, tuple_
from sqlalchemy.orm import selectinload

from dlp.store.models import Incident, IncidentClient, IncidentFinding

SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3, "critical": 4}
_severity = case(SEVERITY_RANK, value=Incident.severity, else_=0)
SORTS: dict[str, Any] = {
    "time": Incident.id,  # ids grow with time, and the primary key needs no other index
    "channel": Incident.channel,
    "severity": _severity,
    "status": Incident.status,
    "report_due": Incident.report_due,
    "close_due": Incident.close_due,
    "assignee": Incident.assignee,
    "sender_domain": Incident.sender_domain,
}
NULLABLE_SORTS = frozenset({"assignee", "sender_domain"})
PAGE_SIZES = (25, 50, 100, 200)
# Which rule an incident of several is counted under on the dashboard: the most harmful first.
LEAD_RULES = (
    "suppressed_detail_exposed",
    "mismatched_recipient",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unscannable_content",
    "unmerged_field",
)


def lead_rule(rules: list[str]) -> str:
    return min(rules, key=lambda r: (LEAD_RULES.index(r) if r in LEAD_RULES else len(LEAD_RULES), r))


@dataclass(frozen=True)
class Query:
    """What the list page asks for, straight from its query string (every field a string, empty for any)."""

    q: str = ""  # an incident id (INC-2026-000017) or a client id (C100234)
    client: str = ""
    rule: str = ""
    channel: str = ""
    status: str = ""
    severity: str = ""
    since: str = ""  # ISO dates, inclusive
    until: str = ""
    sender_domain: str = ""
    assignee: str = ""
    overdue: str = ""
    due_from: str = ""  # ISO dates, inclusive: the next running deadline (report, else close) falls in them
    due_until: str = ""
    sort: str = "time"
    order: str = "desc"
    page: int = 1
    per_page: int = 50
    after: str = ""  # a cursor: the incident (INC-…) last on the previous page; this page starts beyond it
    before: str = ""  # or the one first on the next page; this page ends just before it

    @classmethod
    def from_params(cls, params: Any) -> Query:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: str(v).strip() for k, v in params.items() if k in known and v is not None}
        for number, default in (("page", 1), ("per_page", 50)):
            try:
                values[number] = max(1, int(values.get(number, default)))
            except ValueError:
                values[number] = default
        if values["per_page"] not in PAGE_SIZES:
            values["per_page"] = 50
        if values.get("sort") not in SORTS:
            values["sort"] = "time"
        if values.get("order") not in ("asc", "desc"):
            values["order"] = "desc"
        for cursor in ("after", "before"):
            values[cursor] = values.get(cursor, "").upper()
        return cls(**values)

    def params(self, **changes: Any) -> dict[str, str]:
        """The query string of this search with some fields changed (for sort links and page links). A cursor
        stays only when nothing changes or a new one is given: another filter, sort or page number drops it."""
        if changes and not {"after", "before"} & changes.keys():
            changes = {**changes, "after": "", "before": ""}
        changed = replace(self, **changes)
        default = Query()
        return {
            f.name: str(getattr(changed, f.name))
            for f in fields(self)
            if getattr(changed, f.name) != getattr(default, f.name)
        }


def where(query: Query, today: date, zone: tzinfo = UTC) -> list[Any]:
    """The SQL conditions of a search."""
    conditions: list[Any] = []
    text = query.q.strip().upper()
    if text.startswith("INC-"):
        conditions.append(Incident.reference == text)
    elif text:
        conditions.append(_has_client(text))
    if query.client:
        conditions.append(_has_client(query.client.strip().upper()))
    if query.rule:
        conditions.append(
            exists().where(IncidentFinding.incident_id == Incident.id, IncidentFinding.rule == query.rule)
        )
    for column, value in (
        (Incident.channel, query.channel),
        (Incident.status, query.status),
        (Incident.severity, query.severity),
        (Incident.sender_domain, query.sender_domain.lower().lstrip("@")),
    ):
        if value:
            conditions.append(column == value)
    if query.assignee == "-":
        conditions.append(Incident.assignee.is_(None))
    elif query.assignee:
        conditions.append(Incident.assignee == query.assignee)
    if since := _day(query.since):
        conditions.append(Incident.created_at >= _start_of(since, zone))
    if until := _day(query.until):
        conditions.append(Incident.created_at < _start_of(until + timedelta(days=1), zone))
    if query.overdue:
        conditions.append(overdue(today))
    due_from, due_until = _day(query.due_from), _day(query.due_until)
    if due_from or due_until:
        conditions.append(Incident.status.in_(("open", "reported")))
        if due_from:
            conditions.append(next_deadline() >= due_from)
        if due_until:
            conditions.append(next_deadline() <= due_until)
    return conditions


def next_deadline() -> Any:
    """The deadline an unclosed incident has to meet next: its report date while open (unless the close date
    comes first), then its close date. Past today, the incident is overdue."""
    return case(
        (and_(Incident.status == "open", Incident.report_due < Incident.close_due), Incident.report_due),
        else_=Incident.close_due,
    )


def overdue(today: date) -> Any:
    """Open incidents past their report date, and unclosed ones past their close date. Written as a status
    list first, so the status index leaves out the closed majority before any date is compared."""
    return and_(
        Incident.status.in_(("open", "reported")),
        or_(Incident.close_due < today, and_(Incident.status == "open", Incident.report_due < today)),
    )


def select_page(
    query: Query, today: date, zone: tzinfo = UTC, cursor: tuple[Any, int] | None = None
) -> tuple[Select[Any], Select[Any]]:
    """The statement for one page of results, and the one counting every match.

    With a cursor (the sort value and id of the incident `after` or `before` names, see `cursor_of`) the page
    is taken by keyset; rows before a cursor come in reverse order, for the caller to turn round."""
    conditions = where(query, today, zone)
    count = select(func.count()).select_from(Incident).where(*conditions)
    rows = select(Incident).options(selectinload(Incident.findings)).where(*conditions).limit(query.per_page)
    if cursor is None:
        return rows.order_by(*_order(query, query.order == "desc")).offset((query.page - 1) * query.per_page), count
    # Rows after the cursor are taken in the list's order; rows before it in the reverse order, nearest first.
    descending = (query.order == "desc") == (not query.before)
    return rows.where(_beyond(query, cursor, descending)).order_by(*_order(query, descending)), count


def cursor_of(query: Query) -> Select[Any] | None:
    """The statement reading the cursor incident's sort value and id, if the query has a cursor."""
    reference = query.before or query.after
    if not reference:
        return None
    return select(SORTS[query.sort], Incident.id).where(Incident.reference == reference)


def _order(query: Query, descending: bool) -> list[Any]:
    column = SORTS[query.sort]
    if query.sort in NULLABLE_SORTS:  # NULL lowest, as SQLite has it (PostgreSQL's default is the other way)
        return (
            [column.desc().nulls_last(), Incident.id.desc()]
            if descending
            else [column.asc().nulls_first(), Incident.id.asc()]
        )
    return [column.desc(), Incident.id.desc()] if descending else [column.asc(), Incident.id.asc()]


def _beyond(query: Query, cursor: tuple[Any, int], descending: bool) -> Any:
    """Rows past (value, id) in the order `_order` gives, NULL lowest. A row-value comparison, so that the
    (column, id) and primary-key indexes take it as one range."""
    column, (value, ident) = SORTS[query.sort], cursor
    if column is Incident.id:
        return Incident.id < ident if descending else Incident.id > ident
    if descending:
        if value is None:
            return and_(column.is_(None), Incident.id < ident)
        below = tuple_(column, Incident.id) < tuple_(value, ident)
        return or_(below, column.is_(None)) if query.sort in NULLABLE_SORTS else below
    if value is None:
        return or_(column.is_not(None), Incident.id > ident)
    return tuple_(column, Incident.id) > tuple_(value, ident)


def _has_client(client_id: str) -> Any:
    # A client has few incidents: their ids come from the (client_id, incident_id) index, then the rows by key.
    return Incident.id.in_(select(IncidentClient.incident_id).where(IncidentClient.client_id == client_id))


def _start_of(day: date, zone: tzinfo) -> datetime:
    """Local midnight as UTC (stored times are UTC; SQLite compares them as text)."""
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
