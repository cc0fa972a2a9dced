"""One letter of a batch against its own data row and the registry; runs in supervised worker processes.

A letter that cannot be read or breaks the scan is reported as unscannable_content and the run goes on.
Where the worker holds no incident store (a Dask cluster's workers: a letter may be checked twice when a
worker dies), a letter's incident is left to the run's own process: the result carries it as `unrecorded`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dlp import handlers
from dlp.batch.rows import Row, addressee_matches, reference_in
from dlp.errors import InputError
from dlp.extract import letters_from_file, load_items
from dlp.model import Channel, Communication, Verdict, Violation
from dlp.normalize import CompactText, name_tokens
from dlp.policy import Policy
from dlp.registry.index import CLIENT_REFERENCE
from dlp.scanner import Scanner
from dlp.workers import WorkerState
from dlp.workers.held import failure_reason, unscannable_item, unscannable_verdict
from dlp.workers.zygote import recycle

ROW_RULE = "mixed_client_documents"
UNSCANNABLE = "unscannable_content"


@dataclass(frozen=True)
class Task:
    number: int  # the letter's place in the run, 1-based
    source: str
    locator: str | None
    communication: Communication | None  # a letter split from a merged file; else read `source`
    rows: tuple[Row, ...]  # the data rows around this letter's own


@dataclass(frozen=True)
class LetterResult:
    number: int
    source: str
    locator: str | None
    decision: str
    violations: tuple[Violation, ...]
    incident: str | None
    row_ok: bool
    addressee_rows: tuple[int, ...]
    reference_rows: tuple[int, ...]
    in_run_incident: bool  # does not match its row: reported in the run's one incident, not one of its own
    initials: dict[str, str]
    row: int | None = None  # the data row the letter matches (its own, or another where letters are missing)
    # An incident to record, where the worker has no store: the verdict and the letter without its text.
    unrecorded: tuple[Verdict, Communication] | None = None


def check_letter(state: WorkerState, task: Task) -> LetterResult:
    scanner = state.scanner
    try:
        items = [task.communication] if task.communication else load_items(task.source, scanner.limits)
        item = items[0]
        verdict = scanner.scan(item, Channel.BATCH, record=False)
        text = CompactText.of("\n".join(p.text for p in item.parts if p.error is None))
        addressee = tuple(r.number for r in task.rows if addressee_matches(item.address_block, r))
        references = tuple(r.number for r in task.rows if reference_in(text, r))
    except Exception as exc:  # noqa: BLE001 - one bad letter is reported, and the run goes on
        if isinstance(exc, MemoryError):
            recycle()
        reason = (
            "the file could not be opened"
            if isinstance(exc, InputError)
            else failure_reason(exc, state.config.limits.max_memory_mb)
        )
        item, verdict = unscannable_letter(scanner.policy, task, reason)
        return _recorded(scanner, unscannable_result(task, item, verdict, None), verdict, item)
    if item.address_block is None and any(v.rule == UNSCANNABLE for v in verdict.violations):
        # Nothing of it could be read to compare with a row: held on its own, its row counted as covered.
        return _recorded(scanner, unscannable_result(task, item, verdict, None), verdict, item)
    own = next((r for r in task.rows if r.number == task.number), None)
    # The row this letter is for: its own, or, where a letter is missing or extra before it, the row of the
    # person it is addressed to. A template may print no reference, or another of the client's own; a reference
    # of another row, or only references of other clients, is not that row's letter.
    target = own if own is not None and own.number in addressee else _nearest(task, addressee)
    greets = _greets_another(item, target, task.rows) if target is not None else None
    row_ok = (
        target is not None
        and not [n for n in references if n != target.number and _row(task, n).reference != target.reference]
        and (target.number in references or not _only_others_references(scanner, verdict, target))
        and greets is None
    )
    registry_violations = verdict.violations
    if not row_ok:
        verdict = _add_row_violation(scanner, verdict, task.number, own, addressee, references, greets)
    if len(items) > 1:
        verdict = _add(scanner, verdict, ROW_RULE, f"letter {task.number}: the file holds {len(items)} letters")
    clients = {cid for v in verdict.violations for cid in v.clients} | (
        {own.client_id} if own and own.client_id else set()
    )
    initials = {cid: scanner.index.clients[cid].initials for cid in clients if cid in scanner.index.clients}
    result = LetterResult(
        task.number,
        task.source,
        task.locator,
        verdict.decision.value,
        verdict.violations,
        None,
        row_ok,
        addressee,
        references,
        not row_ok and verdict.blocked,
        initials,
        target.number if row_ok and target is not None else None,
    )
    if row_ok and registry_violations and verdict.blocked:
        return _recorded(scanner, result, verdict, item)
    return result


def _recorded(scanner: Scanner, result: LetterResult, verdict: Verdict, item: Communication) -> LetterResult:
    """The result with its incident recorded here, or handed back for the run's process to record."""
    if scanner.store is None:
        return replace(result, unrecorded=(verdict, replace(item, parts=())) if verdict.violations else None)
    return replace(
        result, incident=handlers.record(scanner.store, verdict, item, Channel.BATCH, scanner.index).incident
    )


def split_file(state: WorkerState, path: str) -> list[Communication] | str:
    """The letters of one merged print file, or why it cannot be read (the run reports it, and goes on)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        return letters_from_file(data, path, state.scanner.limits)
    except Exception as exc:  # noqa: BLE001
        if isinstance(exc, MemoryError):
            recycle()
        return failure_reason(exc, state.config.limits.max_memory_mb)


def unscannable_letter(policy: Policy, task: Task, reason: str) -> tuple[Communication, Verdict]:
    item = unscannable_item("letter", task.source, reason, locator=task.locator)
    return item, unscannable_verdict(policy, item)


def unscannable_result(task: Task, item: Communication, verdict: Verdict, incident: str | None) -> LetterResult:
    """A letter that could not be checked: held on its own; its row counts as covered (nothing is known)."""
    return LetterResult(
        task.number,
        task.source,
        task.locator,
        verdict.decision.value,
        verdict.violations,
        incident,
        True,
        (task.number,),
        (),
        False,
        {},
    )


def _add_row_violation(
    scanner: Scanner,
    verdict: Verdict,
    number: int,
    own: Row | None,
    addressee: tuple[int, ...],
    references: tuple[int, ...],
    greets: int | None = None,
) -> Verdict:
    if own is None:
        words = f"letter {number} has no data row (the data has fewer rows than there are letters)"
    elif addressee and number not in addressee:
        words = f"letter {number} is addressed to the person of data row {addressee[0]}, not of row {number}"
    elif others := [n for n in references if n != number]:
        words = f"letter {number} carries the reference of data row {others[0]}, not only that of row {number}"
    elif greets is not None:
        words = f"letter {number} greets the person of data row {greets}, not of row {number}"
    else:
        words = f"letter {number} does not match its data row {number}"
    clients = [own.client_id] if own and own.client_id else []
    return _add(scanner, verdict, ROW_RULE, words, clients)


def _add(scanner: Scanner, verdict: Verdict, rule_id: str, words: str, clients: list[str] | None = None) -> Verdict:
    return scanner.policy.add_violation(verdict, rule_id, "letter", words, tuple(clients or ()))


def _only_others_references(scanner: Scanner, verdict: Verdict, own: Row) -> bool:
    """The letter carries client references, none of them the row's client's (or a joint holder's)."""
    refs = [f for f in verdict.findings if f.entity == CLIENT_REFERENCE and f.clients and not f.addressee]
    if not refs:
        return False
    ours = {own.client_id} if own.client_id else {c for r in verdict.recipients for c in r.clients}
    ours |= {j for cid in ours for j in scanner.index.joint.get(cid, ())}
    return not any(f.clients & ours for f in refs)


def _greets_another(item: Communication, target: Row, rows: tuple[Row, ...]) -> int | None:
    """The data row (near this letter's) whose person the greeting names, when it names no one of the letter's
    own row: "Dear Samira" on Fatima's letter, whose row is next to Samira's. A greeting naming no row ("Dear
    Customer", a nickname) says nothing."""
    block = item.address_block
    greeting = name_tokens(block.salutation) if block and block.salutation else []
    if not greeting:
        return None
    own = set(name_tokens(f"{target.given} {target.family}")) | set(target.name.split())
    if own.intersection(greeting):
        return None
    for row in rows:
        if row.number != target.number and set(greeting) <= set(name_tokens(f"{row.given} {row.family}")):
            return row.number
    return None


def _nearest(task: Task, rows: tuple[int, ...]) -> Row | None:
    if not rows:
        return None
    return _row(task, min(rows, key=lambda n: abs(n - task.number)))


def _row(task: Task, number: int) -> Row:
    return next(r for r in task.rows if r.number == number)
