"""`dlp scan`: scan .eml messages and letters given on the command line.

Each file is scanned in a supervised worker process within its wall-time budget. A file that breaks the
scan (an internal error, deep nesting, a crash, over its budget) is reported as unscannable_content — blocked,
exit status 1 — and the run goes on with the next; only a file that cannot be opened is an input error (2).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.console import Console
from rich.progress import Progress

from dlp import handlers
from dlp.cli.common import add_config_options, config_of, findings_json
from dlp.config import Config
from dlp.errors import InputError, WorkerError, WorkerLost, WorkerTimeout
from dlp.extract import load_items, looks_like_message
from dlp.lifetime import held_interrupts, interrupted_by, terminate_as_interrupt
from dlp.model import Channel, Communication, Verdict
from dlp.policy import Policy
from dlp.workers import BlockingPool, WorkerState
from dlp.workers.held import failure_reason, unscannable_item, unscannable_verdict
from dlp.workers.zygote import recycle

if TYPE_CHECKING:
    from dlp.store import IncidentStore

STYLE = {"allow": "green", "warn": "yellow", "quarantine": "bold red", "reject": "bold red"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
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
    out = Console(file=sys.stdout, highlight=False, soft_wrap=True)
    err = Console(file=sys.stderr, highlight=False)
    blocked = errors = finished = 0
    counts: dict[str, int] = {}
    with terminate_as_interrupt():
        try:
            # The workers open the incident store at the first item that needs a record (`_store`): a run where
            # everything is allowed never imports SQLAlchemy and alembic, nor checks the schema.
            with BlockingPool(config, args.registry, 1, record=False, name="scan") as pool:
                held = _Unscannable(config, record=not args.no_record)
                with Progress(console=err, transient=True, disable=args.json or not err.is_terminal) as progress:
                    task = progress.add_task("scanning", total=len(args.files))
                    for path in args.files:
                        verdicts: list[Verdict] = []
                        failed: InputError | None = None
                        try:
                            verdicts = _scan(
                                pool, held, path, float(config.limits.max_scan_seconds), not args.no_record
                            )
                        except InputError as exc:
                            failed = exc
                        # A file's verdicts are printed and counted whole: an interrupt meanwhile waits for the end.
                        with held_interrupts():
                            if failed is not None:
                                errors += 1
                                _print_error(err, path, failed, args.json)
                            for verdict in verdicts:
                                blocked += verdict.blocked
                                counts[verdict.decision.value] = counts.get(verdict.decision.value, 0) + 1
                                if args.json:
                                    print(json.dumps(verdict_json(path, verdict)), flush=True)
                                else:
                                    _print_readable(out, path, verdict)
                            finished += 1
                            progress.advance(task)
        except KeyboardInterrupt as exc:
            if finished < len(args.files):
                # What was checked stands (its verdicts printed, its incidents recorded); what was not is named,
                # so a script or a print room knows the run is not a pass.
                with held_interrupts():
                    if not args.json and (counts or errors):
                        _print_summary(out, counts, errors)
                    left = len(args.files) - finished
                    err.print(
                        f"dlp: interrupted ({interrupted_by(exc)}): {left} of {len(args.files)} file(s) not checked"
                    )
                return 130
            # Every file was checked before it came (the workers were stopping): the run's outcome stands.
        with contextlib.suppress(KeyboardInterrupt), held_interrupts():
            if not args.json and sum(counts.values()) + errors > 1:
                _print_summary(out, counts, errors)
    return 2 if errors else (1 if blocked else 0)


def _print_error(err: Console, path: str, exc: InputError, as_json: bool) -> None:
    err.print(f"dlp: error: {exc}", markup=False)
    if as_json:
        print(json.dumps({"path": path, "decision": None, "error": str(exc)}), flush=True)


def _print_summary(out: Console, counts: dict[str, int], errors: int) -> None:
    summary = ", ".join(f"{n} {d}" for d, n in sorted(counts.items()))
    out.print(f"{sum(counts.values())} item(s): {summary}" + (f", {errors} error(s)" if errors else ""))


def _scan(pool: BlockingPool, held: _Unscannable, path: str, budget: float, record: bool) -> list[Verdict]:
    for attempt in (1, 2):
        try:
            return list(pool.run(scan_file, path, record, budget=budget))
        except WorkerLost as exc:  # once more on a fresh worker, then it is the file's doing
            if attempt == 2:
                return [held.verdict(path, failure_reason(exc))]
        except WorkerTimeout as exc:
            return [held.verdict(path, failure_reason(exc))]
        except WorkerError as exc:
            return [held.verdict(path, str(exc))]
    raise AssertionError("unreachable")


def scan_file(state: WorkerState, path: str, record: bool = True) -> list[Verdict]:
    """In a worker: every item of one file, scanned and recorded; one that breaks the scan is unscannable."""
    scanner = state.scanner
    try:
        items = load_items(path, scanner.limits)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the file is held as unscannable, the run goes on
        items = [_stand_in(path, _reason(state, exc))]
    out = []
    for item in items:
        try:
            verdict = scanner.scan(item, Channel.CLI, record=False)
        except Exception as exc:  # noqa: BLE001
            item = unscannable_item(item.kind, item.source, _reason(state, exc), item.digest, locator=item.locator)
            verdict = unscannable_verdict(scanner.policy, item)
        store = _store(state) if record and verdict.violations else None
        out.append(handlers.record(store, verdict, item, Channel.CLI, scanner.index))
    return out


def _store(state: WorkerState) -> IncidentStore:
    """This worker's incident store, opened when the first item needs a record."""
    store = state.extras.get("store")
    if store is None:
        from dlp.store import IncidentStore

        store = state.extras["store"] = IncidentStore.from_config(state.config)
    return cast("IncidentStore", store)


class _Unscannable:
    """Verdicts, and incidents, for files no worker could finish: made here, without reading the file."""

    def __init__(self, config: Config, record: bool) -> None:
        self.config, self.record = config, record
        self._policy: Policy | None = None
        self._store: IncidentStore | None = None

    def verdict(self, path: str, reason: str) -> Verdict:
        if self._policy is None:
            self._policy = Policy.from_config(self.config)
        item = _stand_in(path, reason)
        verdict = unscannable_verdict(self._policy, item)
        if not self.record:
            return verdict
        if self._store is None:
            from dlp.store import IncidentStore

            self._store = IncidentStore.from_config(self.config)
        return handlers.record(self._store, verdict, item, Channel.CLI, None)


def _stand_in(path: str, reason: str) -> Communication:
    """The file as an item nobody could read: its kind guessed from its first bytes, its digest taken."""
    digest, head = hashlib.sha256(), b""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise OSError("not a regular file")  # a FIFO or a device could block us as it blocked the worker
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                head = head or chunk[:65536]
                digest.update(chunk)
    except OSError:
        pass
    kind = "email" if looks_like_message(head, Path(path)) else "letter"
    return unscannable_item(kind, path, reason, digest.hexdigest())


def _reason(state: WorkerState, exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        recycle()
    return failure_reason(exc, state.config.limits.max_memory_mb)


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
