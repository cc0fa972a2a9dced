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
from dlp.lifetime import terminate_as_interrupt

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
    parser.add_argument(
        "--cluster",
        metavar="tcp://HOST:8786",
        help="check the letters on this Dask scheduler's workers (default [batch] cluster; none: this host)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
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
    # SIGTERM (kill, a job's timeout) stops a run as Ctrl-C does: a partial summary, workers and temp files gone.
    with terminate_as_interrupt():
        config = config_of(args)
        batch = BatchRun(
            config, args.registry, Path(args.data), Path(args.letters), _overrides(args.map), args.workers, args.cluster
        )
        try:
            batch.start()  # before the progress bar's thread
            return _check(args, batch)
        finally:
            batch.close()


def _check(args: argparse.Namespace, batch: BatchRun) -> int:
    out = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    err = Console(file=sys.stderr, highlight=False)
    shown = not args.quiet and err.is_terminal
    if shown and out.is_terminal:
        # One terminal for both: result lines go through the bar's console, which prints them above the bar.
        out = err

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

    # Progress on stderr, only to a terminal; the bar is cleared at the end, results stay where they were printed.
    with Progress(
        TextColumn("checking letters"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
        disable=not shown,
    ) as progress:
        task = progress.add_task("letters", total=None)
        report = batch.run(emit, progress=lambda done, total: progress.update(task, completed=done, total=total))
    _summary(err if args.json else out, report)
    if report.stopped:
        print(f"dlp: the run stopped before its end: {report.stopped}", file=sys.stderr)
        return 130 if report.stopped.startswith("interrupted") else 2
    return 1 if report.failed else 0


def _summary(console: Console, report: RunReport) -> None:
    table = Table(title="mail-merge run" + (" (stopped: partial)" if report.stopped else ""), show_header=False)
    if report.stopped:
        table.add_row("stopped", report.stopped)
    partial = report.stopped and report.total is not None
    table.add_row("letters", f"{report.letters} of {report.total}" if partial else str(report.letters))
    table.add_row("data rows read" if report.stopped else "data rows", str(report.rows))
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
