"""The watcher's work in a scanning process: check one claimed letter, hold it or record its warnings.

Idempotent for the letter's reserved quarantine reference: run again after a crash at any point, it stores
the same original once (under the same reference) and reuses the incidents already recorded for it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dlp import handlers
from dlp.errors import InputError
from dlp.extract import load_items
from dlp.folder.manifest import check_manifest
from dlp.model import Channel, Communication, Verdict
from dlp.workers import WorkerState
from dlp.workers.held import failure_reason, unscannable_item, unscannable_verdict
from dlp.workers.zygote import extend_deadline, recycle


def check_letter(state: WorkerState, letter: str, manifest: str, ref: str, original_name: str) -> list[Verdict]:
    """Scan every letter in the file, add the manifest's check; anything that breaks the scan is unscannable."""
    scanner, path = state.scanner, Path(letter)
    try:
        items = load_items(path, scanner.limits)
        verdicts = []
        for item in items:
            verdict = scanner.scan(item, Channel.FOLDER, record=False)
            if Path(manifest).exists():
                verdict = check_manifest(scanner, path, Path(manifest), verdict)
            verdicts.append(verdict)
    except InputError:
        raise  # the file itself is gone or unreadable: the watcher's to handle, not the content's fault
    except Exception as exc:  # noqa: BLE001 - an internal error on one letter holds that letter, nothing more
        if isinstance(exc, MemoryError):
            recycle()
        return hold_letter(state, letter, ref, original_name, failure_reason(exc, state.config.limits.max_memory_mb))
    extend_deadline(state.config.limits.max_scan_seconds)  # read: storing it must not count as scanning
    return _finish(state, path, ref, original_name, items, verdicts)


def hold_letter(state: WorkerState, letter: str, ref: str, original_name: str, reason: str) -> list[Verdict]:
    """Hold a letter that could not be scanned (over its budget, or it killed workers) without reading it."""
    path = Path(letter)
    with open(path, "rb") as data:  # a letter of gigabytes is held too, in the memory of a piece of it
        digest = hashlib.file_digest(data, "sha256")
    item = unscannable_item("letter", letter, reason, digest.hexdigest())
    return _finish(state, path, ref, original_name, [item], [unscannable_verdict(state.scanner.policy, item)])


def _finish(
    state: WorkerState, path: Path, ref: str, original_name: str, items: list[Communication], verdicts: list[Verdict]
) -> list[Verdict]:
    """Store the original if anything is held, then record incidents, before the watcher moves anything."""
    scanner = state.scanner
    checked = list(zip(items, verdicts, strict=True))
    if not any(v.blocked for v in verdicts):
        return [handlers.record(scanner.store, v, item, Channel.FOLDER, scanner.index) for item, v in checked]
    assert state.vault is not None, "folder workers hold a vault"
    envelope = {"channel": "folder", "original_name": original_name}
    return handlers.hold(scanner.store, state.vault, path, envelope, checked, Channel.FOLDER, scanner.index, ref=ref)
