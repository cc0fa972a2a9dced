"""The daily digest (issue 13, point 5): one PII-free email a day listing the incidents that are overdue, due
today, and due by the next digest, sent through the next hop the way alerts are.

It is sent on business days by default (weekends and the configured public holidays skipped; `[incidents]
digest_every_day` sends it every day), so the third group runs to the next business day: on the Thursday
before Easter it holds everything due until Tuesday, which no digest would otherwise announce before it is
late. Days are the organisation's local days ([organisation] timezone), whatever the UTC date or a daylight
saving change says.

Two ways to run it, either or both: `dlp incidents digest` from cron or a systemd timer, and `dlp web`, which
sends it at `[incidents] digest_time` local time (or as soon as it starts later that day). Either way it goes
at most once per local day: a claim and the outcome are written to the store's audit log, which every
process and every host of one store shares, so a restart, a second `dlp web` or a cron job finds it sent.

Each line names only the incident id, its rules, channel and severity and the deadline it has to meet; no
client id, initials or evidence (the email leaves the review UI's access control)."""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from dlp.alerts import send_through_next_hop
from dlp.config import Config
from dlp.errors import ConfigError, DlpError, ForwardError
from dlp.store.search import SEVERITY_RANK

if TYPE_CHECKING:
    from dlp.store import IncidentStore

log = logging.getLogger("dlp.digest")
SHOWN_PER_GROUP = 100  # lines per group in the email; the group's link has them all
RETRY_SECONDS = 600  # `dlp web` tries a failed send again this much later, the same day
CLAIM, SENT, FAILED = "digest_claim", "digest_sent", "digest_failed"


@dataclass(frozen=True)
class Line:
    reference: str
    rules: tuple[str, ...]
    channel: str
    severity: str
    deadline: str  # "report" or "close"
    due: date


@dataclass(frozen=True)
class Group:
    key: str  # overdue | today | next
    title: str
    lines: tuple[Line, ...]
    link: str


@dataclass(frozen=True)
class Digest:
    day: date
    groups: tuple[Group, ...]

    @property
    def total(self) -> int:
        return sum(len(g.lines) for g in self.groups)

    def summary(self) -> str:
        return ", ".join(f"{len(g.lines)} {g.title.split(',')[0].lower()}" for g in self.groups)


@dataclass(frozen=True)
class Outcome:
    sent: bool
    why: str  # what happened, in words for the command line and the log
    digest: Digest | None = None


def send_time(config: Config) -> time:
    """[incidents] digest_time as a time of day; a clear error for anything but HH:MM."""
    value = config.incidents.digest_time
    try:
        hours, minutes = value.split(":")
        if len(hours) != 2 or len(minutes) != 2:
            raise ValueError
        return time(int(hours), int(minutes))
    except ValueError:
        raise ConfigError(f'[incidents] digest_time must be a local time "HH:MM", got {value!r}') from None


def digest_day(config: Config, day: date) -> bool:
    """Whether a digest goes on this local day: business days, or every day if so configured."""
    return config.incidents.digest_every_day or (day.weekday() < 5 and day not in config.holidays)


def next_digest_day(config: Config, day: date) -> date:
    following = day + timedelta(days=1)
    while not digest_day(config, following):
        following += timedelta(days=1)
    return following


def due_at(config: Config, day: date) -> datetime:
    """The moment (UTC) of the digest on a local day: digest_time on that day's local clock."""
    return datetime.combine(day, send_time(config), tzinfo=config.zone).astimezone(UTC)


def next_run(config: Config, after: datetime) -> datetime:
    """The first digest moment strictly after `after`, counted on the local clock (23 or 25 hours apart
    across a daylight saving change, days apart across a weekend or a public holiday)."""
    day = after.astimezone(config.zone).date()
    if not digest_day(config, day):
        day = next_digest_day(config, day)
    while due_at(config, day) <= after:
        day = next_digest_day(config, day)
    return due_at(config, day)


def build(config: Config, store: IncidentStore, today: date) -> Digest:
    """What is due: overdue, due today, and due after today up to the next digest day (tomorrow, or the next
    business day), each incident once, under its next deadline, the most severe first on each date."""
    until = next_digest_day(config, today)
    base = (config.alerts.link_base or f"http://{config.web.listen}").rstrip("/")
    lines: dict[str, list[Line]] = {"overdue": [], "today": [], "next": []}
    for row in store.due(until):
        due = row["deadline"] if isinstance(row["deadline"], date) else date.fromisoformat(str(row["deadline"]))
        which = "report" if row["status"] == "open" and due == row["report_due"] else "close"
        key = "overdue" if due < today else "today" if due == today else "next"
        lines[key].append(Line(row["reference"], tuple(row["rules"]), row["channel"], row["severity"], which, due))
    for group in lines.values():
        group.sort(key=lambda line: (line.due, -SEVERITY_RANK.get(line.severity, 0), line.reference))

    def link(**params: str) -> str:
        return f"{base}/incidents?{urlencode(params)}"

    tomorrow = today + timedelta(days=1)
    next_title = (
        f"Due tomorrow, {_day(tomorrow)}" if until == tomorrow else f"Due by the next business day, {_day(until)}"
    )
    overdue = link(overdue="1", sort="report_due", order="asc")
    same_day = link(due_from=f"{today}", due_until=f"{today}")
    return Digest(
        today,
        (
            Group("overdue", "Overdue", tuple(lines["overdue"]), overdue),
            Group("today", f"Due today, {_day(today)}", tuple(lines["today"]), same_day),
            Group("next", next_title, tuple(lines["next"]), link(due_from=f"{tomorrow}", due_until=f"{until}")),
        ),
    )


def message(config: Config, digest: Digest) -> EmailMessage:
    """The digest as an email: plain text, a section per group, one line per incident."""
    email = EmailMessage()
    email["From"] = f"dlp-digest@{config.relay.hostname}"
    email["To"] = ", ".join(config.incidents.digest_to)
    counts = {g.key: len(g.lines) for g in digest.groups}
    email["Subject"] = (
        f"Privacy incidents {_day(digest.day)}: {counts['overdue']} overdue, {counts['today']} due today, "
        f"{counts['next']} due next"
    )
    email["X-DLP-Verdict"] = "digest"  # the scanner's own mail, as alerts and notices are marked
    text = [
        f"Incidents of {config.organisation.name} with a deadline to meet, {digest.day:%A %-d %B %Y} "
        f"({config.organisation.timezone}). A deadline is the end of the local day named.",
        "",
    ]
    if not digest.total:
        text.append("Nothing is overdue or due.")
    for group in digest.groups:
        text += [f"{group.title}: {len(group.lines)}", f"  {group.link}"]
        for line in group.lines[:SHOWN_PER_GROUP]:
            late = (digest.day - line.due).days
            words = f" ({late} day{'s' if late != 1 else ''} late)" if late > 0 else ""
            text.append(
                f"  {line.reference}  {line.deadline} by {_day(line.due)}{words}  {line.severity}  "
                f"{line.channel}  {', '.join(line.rules)}"
            )
        if len(group.lines) > SHOWN_PER_GROUP:
            text.append(f"  ... and {len(group.lines) - SHOWN_PER_GROUP} more: see the link above")
        text.append("")
    body = "\n".join(text)
    # Plain 7-bit text where it can be, so the lines read as they are in any mail client and in a dry run.
    email.set_content(body, cte="7bit" if body.isascii() else "quoted-printable")
    return email


def send_digest(config: Config, store: IncidentStore, now: datetime | None = None, dry_run: bool = False) -> Outcome:
    """Send today's digest unless it went already (or today is not a digest day, or nothing is due and an
    empty digest is not wanted). A dry run builds it and sends and records nothing. Raises ForwardError when
    the next hop does not take it (audited; the day's digest may then be sent again)."""
    now = now or datetime.now(UTC)
    today = now.astimezone(config.zone).date()
    if not dry_run and not config.incidents.digest_to:
        raise ConfigError("[incidents] digest_to is not set: no one to send the digest to")
    if not digest_day(config, today) and not dry_run:
        return Outcome(False, f"{today} is not a business day: no digest ([incidents] digest_every_day)")
    subject = f"digest {today.isoformat()}"
    if not dry_run and _entries(store, subject, SENT):
        return Outcome(False, f"the digest of {today} was sent already")
    digest = build(config, store, today)
    if not digest.total and not config.incidents.digest_when_empty:
        return Outcome(False, f"nothing overdue or due on {today}: no digest sent", digest)
    if dry_run:
        return Outcome(False, f"dry run: {digest.summary()}; nothing sent", digest)
    if not _claim(config, store, subject):
        return Outcome(False, f"the digest of {today} is being sent by another process", digest)
    try:
        send_through_next_hop(config, message(config, digest), config.incidents.digest_to)
    except (DlpError, OSError) as exc:
        store.audit("digest", FAILED, subject, exc.__class__.__name__)
        raise ForwardError(f"the digest of {today} was not sent: {exc}") from None
    store.audit("digest", SENT, subject, f"{digest.summary()}; to {len(config.incidents.digest_to)} address(es)")
    return Outcome(True, f"digest of {today} sent: {digest.summary()}", digest)


def run_daily(config: Config, store: IncidentStore, stop: threading.Event) -> None:
    """`dlp web`'s digest thread: send at digest_time each digest day, or at once when started later that
    day and it has not gone yet; a failed send is tried again every RETRY_SECONDS until the day is over."""
    handled: date | None = None
    while not stop.is_set():
        now = datetime.now(UTC)
        today = now.astimezone(config.zone).date()
        if today != handled and digest_day(config, today) and now >= due_at(config, today):
            try:
                log.info("%s", send_digest(config, store, now).why)
                handled = today
            except DlpError as exc:
                log.warning("%s", exc)
                stop.wait(RETRY_SECONDS)
                continue
        # Wake at the next digest time, or within the hour anyway, so a changed clock is noticed.
        wait = (next_run(config, now) - now).total_seconds()
        stop.wait(max(1.0, min(wait, 3600.0)))


def _claim(config: Config, store: IncidentStore, subject: str) -> bool:
    """Claim today's sending in the audit log; True if this process's claim is the one that counts: the
    earliest live claim since the last failure. A claim older than a send can take (its process died
    sending) no longer counts."""
    token = secrets.token_hex(8)
    store.audit("digest", CLAIM, subject, token)
    stale = datetime.now(UTC) - timedelta(seconds=2 * config.relay.next_hop_timeout_seconds + 60)
    entries = sorted(_entries(store, subject, CLAIM, FAILED), key=lambda e: e.id)
    failed = max((e.id for e in entries if e.action == FAILED), default=0)
    live = [e for e in entries if e.action == CLAIM and e.id > failed and _aware(e.at) >= stale]
    return bool(live) and live[0].detail == token


def _entries(store: IncidentStore, subject: str, *actions: str) -> list[Any]:
    return [e for e in store.audit_log(None, limit=1000, subject=subject) if e.action in actions]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
