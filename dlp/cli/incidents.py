"""`dlp incidents list|show|close|export`: the incident records, PII-free."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from rich.console import Console
from rich.table import Table

from dlp.cli.common import add_config_options, config_of
from dlp.errors import UsageError
from dlp.handlers import discard, purge, release
from dlp.store import IncidentStore, as_dict

EXPORT_FIELDS = (
    "id",
    "time",
    "channel",
    "item",
    "rules",
    "severity",
    "decision",
    "clients",
    "what",
    "how",
    "why",
    "action_taken",
    "status",
    "report_due",
    "close_due",
    "closed_at",
    "quarantine_ref",
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    verbs = parser.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="list incidents")
    listing.add_argument("--status", choices=["open", "reported", "closed"])
    listing.add_argument("--rule")
    listing.add_argument("--channel")
    listing.add_argument("--overdue", action="store_true", help="only incidents past a due date")
    show = verbs.add_parser("show", help="show one incident")
    show.add_argument("id")
    close = verbs.add_parser("close", help="close an incident with the action taken")
    close.add_argument("id")
    close.add_argument("--action", required=True, help="the action taken, in the template's words")
    held = []
    for verb, text in (
        ("release", "send a held item on (email to the next hop, letter to the outbox)"),
        ("discard", "delete a held original, keeping the record"),
    ):
        parser = verbs.add_parser(verb, help=text)
        parser.add_argument("id")
        parser.add_argument("--why", required=True, help="the justification, kept in the audit trail")
        held.append(parser)
    reported = verbs.add_parser("report", help="mark an incident as reported")
    reported.add_argument("id")
    # --why everywhere a justification is asked for; --reason is kept for scripts written before.
    reported.add_argument("--why", "--reason", dest="why", default="", help="a note for the audit trail")
    export = verbs.add_parser("export", help="export incidents as CSV or JSON")
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    purge = verbs.add_parser(
        "purge", help="discard originals held longer than [quarantine] retention_days (records and digests stay)"
    )
    digest = verbs.add_parser(
        "digest",
        help="email today's digest of overdue and due incidents to [incidents] digest_to (once a local day)",
        description="Email the PII-free digest of overdue and due incidents through the next hop; for cron or a "
        "systemd timer. It goes at most once per local day, however often this runs (dlp web may send it too).",
    )
    digest.add_argument("--dry-run", action="store_true", help="print the digest; send and record nothing")
    for p in (listing, show, close, reported, export, purge, digest, *held):
        add_config_options(p, registry=False)
        p.add_argument("--json", action="store_true", help="JSON output")
        p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = IncidentStore.from_config(config_of(args))
    try:
        verbs = {
            "list": _list,
            "show": _show,
            "close": _close,
            "report": _report,
            "export": _export,
            "release": _release,
            "discard": _discard,
            "purge": _purge,
            "digest": _digest,
        }
        return verbs[args.verb](store, args)
    finally:
        store.close()


def _list(store: IncidentStore, args: argparse.Namespace) -> int:
    rows = [as_dict(i) for i in store.list(status=args.status, rule=args.rule, channel=args.channel)]
    if args.overdue:
        late = {i.reference for i in store.overdue(store.today())}
        rows = [r for r in rows if r["id"] in late]
    if args.json:
        for row in rows:
            print(json.dumps(row))
        return 0
    table = Table("id", "time", "channel", "rules", "decision", "clients", "status", "report due", "close due")
    for r in rows:
        table.add_row(
            r["id"],
            r["time"][:16],
            r["channel"],
            ", ".join(r["rules"]),
            r["decision"],
            _clients(r["clients"]),
            r["status"],
            r["report_due"],
            r["close_due"],
        )
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 160
    console.print(table)
    return 0


def _clients(clients: list[dict[str, str]], shown: int = 3) -> str:
    text = ", ".join(f"{c['id']} {c['initials']}" for c in clients[:shown])
    return text + (f" +{len(clients) - shown}" if len(clients) > shown else "")


def _show(store: IncidentStore, args: argparse.Namespace) -> int:
    incident = store.get(args.id)
    if incident is None:
        raise UsageError(f"no incident {args.id}")
    row = as_dict(incident)
    if args.json:
        print(json.dumps(row, indent=2))
        return 0
    for key in EXPORT_FIELDS:
        value = row[key]
        if key == "clients":
            value = ", ".join(f"{c['id']} ({c['initials']})" for c in value)
        elif isinstance(value, list):
            value = ", ".join(value)
        print(f"{key:>13}: {value if value is not None else '-'}")
    for f in row["findings"]:
        print(f"      finding: {f['rule']} [{f['severity']}] {f['part']}: {f['explanation']}")
    for event in store.events(args.id):
        change = f"{event.from_status or '-'} -> {event.to_status}" if event.to_status else event.action
        print(f"      history: {event.at:%Y-%m-%d %H:%M} {event.actor}: {change} {event.reason}".rstrip())
    return 0


def _release(store: IncidentStore, args: argparse.Namespace) -> int:
    print(f"{args.id.upper()}: {release(config_of(args), store, args.id, _actor(), args.why)}")
    return 0


def _discard(store: IncidentStore, args: argparse.Namespace) -> int:
    discard(config_of(args), store, args.id, _actor(), args.why)
    print(f"{args.id.upper()}: original discarded; the record is kept")
    return 0


def _purge(store: IncidentStore, args: argparse.Namespace) -> int:
    purged = purge(config_of(args), store)
    if args.json:
        print(json.dumps({"purged": purged}))
    else:
        print(f"{len(purged)} held originals purged" + (f": {', '.join(purged)}" if purged else ""))
    return 0


def _digest(store: IncidentStore, args: argparse.Namespace) -> int:
    from dlp.digest import message, send_digest

    config = config_of(args)
    outcome = send_digest(config, store, dry_run=args.dry_run)
    if args.json:
        summary = {g.key: [line.reference for line in g.lines] for g in outcome.digest.groups} if outcome.digest else {}
        print(json.dumps({"sent": outcome.sent, "outcome": outcome.why, **summary}))
    elif args.dry_run and outcome.digest is not None:
        print(message(config, outcome.digest).as_string(), end="")
        print(outcome.why, file=sys.stderr)
    else:
        print(outcome.why)
    return 0


def _report(store: IncidentStore, args: argparse.Namespace) -> int:
    incident = store.set_status(args.id, "reported", actor=_actor(), reason=args.why)
    print(json.dumps(as_dict(incident)) if args.json else f"{incident.reference} reported")
    return 0


def _actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _close(store: IncidentStore, args: argparse.Namespace) -> int:
    incident = store.set_status(args.id, "closed", args.action, actor=_actor())
    print(json.dumps(as_dict(incident)) if args.json else f"{incident.reference} closed")
    return 0


def _export(store: IncidentStore, args: argparse.Namespace) -> int:
    rows = [as_dict(i) for i in store.list()]
    handle = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "json" or args.json:
            json.dump(rows, handle, indent=2)
            handle.write("\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {
                        **row,
                        "rules": ";".join(row["rules"]),
                        "clients": ";".join(f"{c['id']} {c['initials']}" for c in row["clients"]),
                    }
                )
    finally:
        if args.output:
            handle.close()
    return 0
