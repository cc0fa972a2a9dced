"""`dlp batch`: check a mail-merge run, every letter against its own data row and the registry."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from dlp.batch import BatchRun, RunReport
from dlp.batch.columns import FIELDS
from dlp.batch.worker import LetterResult
from dlp.cli.common import add_config_options, config_of, findings_json
from dlp.errors import UsageError

STYLE = {"allow": "green", "warn": "yellow", "quarantine": "bold red", "reject": "bold red"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    add_config_options(parser)
    parser.add_argument("--data", required=True, metavar="DATA.csv", help="the mail merge's data source")
    parser.add_argument("--json", action="store_true", help="one JSON object per line per letter")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=f"name a data column for a field ({', '.join(FIELDS)}); repeatable",
    )
    parser.add_argument("--workers", type=int, help="scanning processes (default [batch] workers)")
    parser.add_argument("letters", metavar="LETTERS", help="a folder of letters, or one merged PDF")
    parser.set_defaults(func=run)


def _overrides(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or name not in FIELDS or not column:
            raise UsageError(f"--map takes FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}; got {pair!r}")
        out[name] = column
    return out


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    batch = BatchRun(config, args.registry, Path(args.data), Path(args.letters), _overrides(args.map), args.workers)
    batch.start()  # before the progress bar's thread
    out = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    err = Console(file=sys.stderr, highlight=False)

    def emit(result: LetterResult, incident: str | None) -> None:
        if args.json:
            line: dict[str, Any] = {"path": result.source}
            if result.locator:
                line["letter"] = result.locator
            line |= {
                "decision": result.decision,
                "findings": findings_json(result.violations),
                "incident": incident,
            }
            print(json.dumps(line), flush=True)
        elif result.decision != "allow":
            where = result.locator or Path(result.source).name
            out.print(
                f"[{STYLE[result.decision]}]{result.decision.upper()}[/] letter {result.number} ({where})"
                + (f"  ({incident})" if incident else "")
            )
            for v in result.violations:
                out.print(f"    {v.rule} \\[{v.severity.value}] {v.part}: {v.explanation}", markup=True)

    with Progress(
        TextColumn("checking letters"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("letters", total=None)
        report = batch.run(emit, progress=lambda: progress.advance(task))
    _summary(err if args.json else out, report)
    return 1 if report.failed else 0


def _summary(console: Console, report: RunReport) -> None:
    table = Table(title="mail-merge run", show_header=False)
    table.add_row("letters", str(report.letters))
    table.add_row("data rows", str(report.rows))
    for decision, count in sorted(report.decisions.items()):
        table.add_row(decision, str(count))
    if report.shift:
        start, k = report.shift
        table.add_row(
            "row shift", f"from letter {start} on, each letter carries data row {start + k} onwards (offset {k:+d})"
        )
    if report.duplicates:
        table.add_row(
            "duplicates",
            "; ".join(f"row {r}: letters {', '.join(map(str, ls))}" for r, ls in list(report.duplicates.items())[:10]),
        )
    if report.rows_without_letter:
        table.add_row("rows without a letter", _list(report.rows_without_letter))
    if report.letters_without_row:
        table.add_row("letters without a row", _list(report.letters_without_row))
    if report.run_incident:
        table.add_row("run incident", report.run_incident)
    console.print(table)


def _list(numbers: list[int], shown: int = 20) -> str:
    text = ", ".join(map(str, numbers[:shown]))
    return text + (f" … ({len(numbers)} in all)" if len(numbers) > shown else "")
