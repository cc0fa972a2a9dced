"""`dlp scan`: scan .eml messages and letters given on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.progress import Progress

from dlp.cli.common import add_config_options, config_of, findings_json
from dlp.errors import InputError
from dlp.model import Channel, Verdict
from dlp.scanner import Scanner

STYLE = {"allow": "green", "warn": "yellow", "quarantine": "bold red", "reject": "bold red"}


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("scan", help="scan .eml messages and letters")
    add_config_options(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line per item")
    parser.add_argument("--no-record", action="store_true", help="do not store incident records")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.set_defaults(func=run)


def verdict_json(path: str, verdict: Verdict) -> dict[str, Any]:
    out: dict[str, Any] = {"path": path}
    if verdict.locator:
        out["letter"] = verdict.locator
    return out | {
        "decision": verdict.decision.value,
        "findings": findings_json(verdict.violations),
        "incident": verdict.incident,
    }


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    scanner = Scanner.from_config(config, args.registry, with_store=not args.no_record)
    out = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    err = Console(file=sys.stderr, highlight=False)
    blocked = errors = 0
    counts: dict[str, int] = {}
    with Progress(console=err, transient=True, disable=args.json or not err.is_terminal) as progress:
        task = progress.add_task("scanning", total=len(args.files))
        for path in args.files:
            try:
                verdicts = scanner.scan_path(path, Channel.CLI)
            except InputError as exc:
                errors += 1
                err.print(f"dlp: error: {exc}", markup=False)
                if args.json:
                    print(json.dumps({"path": path, "decision": None, "error": str(exc)}), flush=True)
                progress.advance(task)
                continue
            for verdict in verdicts:
                blocked += verdict.blocked
                counts[verdict.decision.value] = counts.get(verdict.decision.value, 0) + 1
                if args.json:
                    print(json.dumps(verdict_json(path, verdict)), flush=True)
                else:
                    _print_readable(out, path, verdict)
            progress.advance(task)
    if not args.json and sum(counts.values()) + errors > 1:
        summary = ", ".join(f"{n} {d}" for d, n in sorted(counts.items()))
        out.print(f"{sum(counts.values())} item(s): {summary}" + (f", {errors} error(s)" if errors else ""))
    return 2 if errors else (1 if blocked else 0)


def _print_readable(out: Console, path: str, verdict: Verdict) -> None:
    decision = verdict.decision.value
    line = f"[{STYLE[decision]}]{decision.upper()}[/] {_escape(path)}"
    if verdict.locator:
        line += f" ({verdict.locator})"
    if verdict.incident:
        line += f"  ({verdict.incident})"
    out.print(line)
    for v in verdict.violations:
        out.print(f"    {v.rule} \\[{v.severity.value}] {_escape(v.part)}: {_escape(v.explanation)}")


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
