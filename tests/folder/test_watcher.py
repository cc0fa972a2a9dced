"""The pre-send folder on a real filesystem, with real watchdog observers (inotify and polling)."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dlp.config import Config, FolderConfig
from dlp.folder import FolderWatcher
from dlp.folder.journal import Ticket
from dlp.folder.names import SHUNT_FOLDER, WORKING_FOLDER
from tests.conftest import wait_until
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, letter

DLP = str(Path(sys.executable).with_name("dlp"))


def folder_config(config: Config, root: Path, polling: bool = False) -> Config:
    folder = FolderConfig(
        inbox=str(root / "inbox"),
        outbox=str(root / "cleared"),
        quarantine=str(root / "held"),
        polling=polling,
        poll_interval_seconds=1,
        stable_seconds=1,
    )
    (root / "inbox").mkdir(parents=True, exist_ok=True)
    return dataclasses.replace(config, folder=folder)


class Running:
    def __init__(self, watcher: FolderWatcher) -> None:
        self.watcher = watcher
        watcher.start()
        self.thread = threading.Thread(target=watcher.run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.thread.join(timeout=30)


@pytest.fixture(params=[False, True], ids=["inotify", "polling"])
def watch(request, tmp_path: Path, config: Config, registry_csv: Path) -> Iterator[tuple[Path, Running | None]]:
    cfg = folder_config(config, tmp_path, polling=request.param)
    holder: dict[str, Running] = {}

    def start() -> Running:
        holder["r"] = Running(FolderWatcher(cfg, str(registry_csv)))
        return holder["r"]

    yield tmp_path, start  # type: ignore[misc]
    if "r" in holder:
        holder["r"].stop()


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def test_files_present_before_start_and_dropped_later(watch, synthetic: SyntheticRegistry) -> None:
    root, start = watch
    a, b, c = synthetic.ordinary()[100:103]
    (root / "inbox" / "early.txt").write_text(letter(a, account_body(a)))
    start()
    assert wait_until(lambda: "early.txt" in names(root / "cleared"))
    (root / "inbox" / "late.txt").write_text(letter(b, account_body(b)))
    assert wait_until(lambda: "late.txt" in names(root / "cleared"))
    # A letter with another client's account is held, with an explanation beside it.
    (root / "inbox" / "wrong.txt").write_text(letter(c, account_body(a)))
    assert wait_until(lambda: any(n.endswith(".dlp.txt") for n in names(root / "held")))
    (note_name,) = names(root / "held")  # the letter itself is held encrypted, not in the folder
    assert note_name.startswith("INC-")
    note = (root / "held" / note_name).read_text()
    assert "What to check" in note and "Original file: a letter (TXT)" in note and "wrong.txt" not in note
    assert a.reference not in note and a.family_name not in note
    assert names(root / "inbox") == {WORKING_FOLDER}


def test_held_letter_released_to_outbox_under_its_own_name(watch, synthetic: SyntheticRegistry, scanner) -> None:
    from dlp.handlers import release

    root, start = watch
    a, b = synthetic.ordinary()[108:110]
    running = start()
    (root / "inbox" / "statement.txt").write_text(letter(a, account_body(b)))
    assert wait_until(lambda: any(n.endswith(".dlp.txt") for n in names(root / "held")))
    note = next((root / "held").iterdir())
    reference = note.name.removesuffix(".dlp.txt")
    ref = scanner.store.get(reference).quarantine_ref
    vault = running.watcher.vault
    assert ref and vault.load(ref) == letter(a, account_body(b)).encode()
    assert letter(a, account_body(b)).encode()[:60] not in (vault.folder / f"{ref}.dlpq").read_bytes()
    # A release that died half-way, an hour ago, left part of an original in the staging folder: cleared now.
    (root / "cleared" / ".dlp-releasing").mkdir(parents=True, exist_ok=True)
    stale = root / "cleared" / ".dlp-releasing" / "half.pdf"
    stale.write_bytes(b"%PDF-1.7 part")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    release(running.watcher.config, scanner.store, reference, "officer1", "checked with the team: joint matter")
    assert (root / "cleared" / "statement.txt").exists() and names(root / "held") == set()
    assert not stale.exists()
    assert [e.action for e in scanner.store.events(reference)][-1] == "released"


def test_a_release_never_writes_into_or_clears_a_linked_staging_folder(
    watch, synthetic: SyntheticRegistry, scanner, tmp_path
) -> None:
    """The outbox's staging folder replaced by a link to somewhere else (the vault, say): the release is refused and
    nothing there is touched."""
    from dlp.errors import ReviewError
    from dlp.handlers import release

    root, start = watch
    a, b = synthetic.ordinary()[110:112]
    running = start()
    (root / "inbox" / "statement.txt").write_text(letter(a, account_body(b)))
    assert wait_until(lambda: any(n.endswith(".dlp.txt") for n in names(root / "held")))
    reference = next((root / "held").iterdir()).name.removesuffix(".dlp.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kept = elsewhere / "kept.bin"
    kept.write_bytes(b"not the outbox's")
    os.utime(kept, (time.time() - 7200, time.time() - 7200))
    (root / "cleared").mkdir(exist_ok=True)
    (root / "cleared" / ".dlp-releasing").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ReviewError, match="symbolic link"):
        release(running.watcher.config, scanner.store, reference, "officer1", "checked")
    assert kept.exists() and names(elsewhere) == {"kept.bin"}
    assert scanner.store.get(reference).status != "closed"


def test_file_still_being_written_is_not_taken(watch, synthetic: SyntheticRegistry) -> None:
    root, start = watch
    a = synthetic.ordinary()[103]
    start()
    text = letter(a, account_body(a))
    path = root / "inbox" / "slow.txt"
    with open(path, "w") as handle:
        handle.write(text[:40])
        handle.flush()
        for _ in range(6):  # keeps writing for 3 s: longer than stable_seconds
            time.sleep(0.5)
            handle.write(" ")
            handle.flush()
            assert path.exists(), "taken while still being written"
        handle.write(text[40:])
    assert wait_until(lambda: "slow.txt" in names(root / "cleared"))
    assert (root / "cleared" / "slow.txt").read_text().endswith(text[40:])


def test_temp_file_renamed_into_place_and_ignored_files(watch, synthetic: SyntheticRegistry) -> None:
    root, start = watch
    a = synthetic.ordinary()[104]
    start()
    inbox = root / "inbox"
    for ignored in ("~$letter.docx", ".hidden.txt", "upload.part", "draft.tmp"):
        (inbox / ignored).write_text("x")
    (inbox / "letter.txt.tmp").write_text(letter(a, account_body(a)))
    os.rename(inbox / "letter.txt.tmp", inbox / "letter.txt")
    assert wait_until(lambda: "letter.txt" in names(root / "cleared"))
    time.sleep(1.5)
    assert {"~$letter.docx", ".hidden.txt", "upload.part", "draft.tmp"} <= names(inbox)


def test_name_collision_in_outbox_keeps_both(watch, synthetic: SyntheticRegistry) -> None:
    root, start = watch
    a = synthetic.ordinary()[105]
    (root / "cleared").mkdir()
    (root / "cleared" / "letter.txt").write_text("an earlier letter of the same name")
    start()
    (root / "inbox" / "letter.txt").write_text(letter(a, account_body(a)))
    assert wait_until(lambda: "letter (2).txt" in names(root / "cleared"))
    assert (root / "cleared" / "letter.txt").read_text() == "an earlier letter of the same name"


def test_manifest_naming_another_client_is_held(watch, synthetic: SyntheticRegistry) -> None:
    root, start = watch
    a, b = synthetic.ordinary()[106:108]
    start()
    (root / "inbox" / "m.txt.json").write_text(json.dumps({"client_id": b.client_id}))
    (root / "inbox" / "m.txt").write_text(letter(a, account_body(a)))
    assert wait_until(lambda: any(n.endswith(".dlp.txt") for n in names(root / "held")))
    note = next(p for p in (root / "held").iterdir() if p.name.endswith(".dlp.txt")).read_text()
    assert f"manifest intends the letter for {b.client_id}" in note


def test_manifests_as_people_write_them_and_one_naming_no_one(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """`Client_ID` and `clientId` are `client_id`; a manifest naming no one is held like an unreadable one; one
    written after its letter was checked is reported by `--once` (exit 2), its letter having gone without it."""
    inbox = write_watch_config(tmp_path, registry_csv)
    *writers, a, b = synthetic.ordinary()[106:112]
    for n, key in enumerate(("Client_ID", "clientId", "id")):
        (inbox / f"m{n}.txt.json").write_text(json.dumps({key: b.client_id}))
        (inbox / f"m{n}.txt").write_text(letter(writers[n], account_body(writers[n])))
    # Two spellings of one key naming two clients: which is meant cannot be told.
    (inbox / "m3.txt.json").write_text(json.dumps({"client_id": writers[3].client_id, "ClientID": b.client_id}))
    (inbox / "m3.txt").write_text(letter(writers[3], account_body(writers[3])))
    once = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert once.returncode == 1, once.stderr
    assert names(tmp_path / "cleared") == set()
    notes = "".join(p.read_text() for p in (tmp_path / "held").iterdir() if p.name.endswith(".dlp.txt"))
    assert notes.count(f"manifest intends the letter for {b.client_id}") == 2
    assert "names no client_id or email" in notes and "names two recipients under one key" in notes
    (inbox / "late.txt").write_text(letter(a, account_body(a)))
    subprocess.run([DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, timeout=300)
    (inbox / "late.txt.json").write_text(json.dumps({"client_id": b.client_id}))
    once = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert once.returncode == 2 and "1 manifest(s) in the inbox have no letter" in once.stderr, once.stderr


def write_watch_config(folder: Path, registry_csv: Path) -> Path:
    """`dlp.toml` for a `dlp watch` process run in `folder`; returns its inbox."""
    (folder / "inbox").mkdir()
    (folder / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{registry_csv}"\n'
        '[store]\nurl = "sqlite:///var/dlp.db"\n[folder]\ninbox = "inbox"\noutbox = "cleared"\nquarantine = "held"\n'
        "stable_seconds = 1\n"
    )
    return folder / "inbox"


def _stopped_mid_run(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry, count: int, stop: signal.Signals
) -> tuple[Path, str]:
    """`dlp watch` over `count` letters, sent `stop` once two are cleared: its inbox, and what it said."""
    inbox = write_watch_config(tmp_path, registry_csv)
    for i, c in enumerate(synthetic.ordinary()[:count]):
        (inbox / f"letter{i:03d}.txt").write_text(letter(c, account_body(c)))
    watch = subprocess.Popen([DLP, "watch", "--config", "dlp.toml"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: len(names(tmp_path / "cleared")) >= 2, timeout=60)
    watch.send_signal(stop)
    _, err = watch.communicate(timeout=60)
    assert len(names(tmp_path / "cleared")) < count
    return inbox, err


def _finished_by_once(tmp_path: Path, inbox: Path, count: int) -> None:
    """`dlp watch --once` finishes what the stopped run left: every letter cleared, exactly once."""
    done = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert names(tmp_path / "cleared") == {f"letter{i:03d}.txt" for i in range(count)}
    assert names(inbox / WORKING_FOLDER) == set()  # no ticket, temporary or not, outlives its letter


def test_crash_and_restart_processes_each_letter_exactly_once(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    inbox, _ = _stopped_mid_run(tmp_path, registry_csv, synthetic, 280, signal.SIGKILL)  # a crash mid-run
    _finished_by_once(tmp_path, inbox, 280)
    assert names(inbox) == {WORKING_FOLDER}


def test_missing_inbox_is_a_clear_error(tmp_path: Path, registry_csv: Path) -> None:
    (tmp_path / "dlp.toml").write_text(f'[registry]\npath = "{registry_csv}"\n[folder]\ninbox = "nope"\n')
    result = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_without_a_valid_registry_letters_stay_in_the_inbox(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    from dlp.registry.build import build_file

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    index = tmp_path / "clients.dlpidx"
    index.write_bytes(b"DLPREGIX half-written")
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "clients.dlpidx"\n'
        'reload_seconds = 1\n[store]\nurl = "sqlite:///var/dlp.db"\n'
        '[folder]\ninbox = "inbox"\noutbox = "cleared"\nquarantine = "held"\nstable_seconds = 1\n'
    )
    c = synthetic.ordinary()[0]
    (inbox / "letter.txt").write_text(letter(c, account_body(c)))
    watch = subprocess.Popen([DLP, "watch", "--config", "dlp.toml"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # several sweeps: the letter is never claimed, moved or passed
        assert names(inbox) == {"letter.txt", WORKING_FOLDER} and names(tmp_path / "cleared") == set()
        build_file(synthetic.to_clients(), index)
        assert wait_until(lambda: names(tmp_path / "cleared") == {"letter.txt"}, timeout=60)
    finally:
        watch.send_signal(signal.SIGTERM)
        _, err = watch.communicate(timeout=60)
    assert "no valid client registry" in err and "Traceback" not in err


def test_once_without_a_valid_registry_is_an_error_not_a_pass(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    # A script drops letters and runs `--once`: 0 would tell it every letter was checked and none held.
    inbox = write_watch_config(tmp_path, tmp_path / "missing.csv")
    c = synthetic.ordinary()[0]
    (inbox / "letter.txt").write_text(letter(c, account_body(c)))
    once = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert once.returncode == 2, once.stderr
    assert "no valid client registry" in once.stderr and "no letter checked" in once.stderr
    assert "Traceback" not in once.stderr
    assert names(inbox) == {"letter.txt"}


def test_once_is_not_0_while_a_letter_waits_in_the_shunt_or_a_folder_in_the_inbox(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """`--once` after a run that shunted a letter, with a retry not yet due, and with a folder of letters dropped
    into the inbox: the new letter is cleared, and the exit says not every letter was checked."""
    inbox = write_watch_config(tmp_path, registry_csv)
    a, b = synthetic.ordinary()[20:22]
    shunt = inbox / SHUNT_FOLDER
    shunt.mkdir()
    (shunt / "earlier.txt").write_text(letter(a, account_body(a)))
    Ticket(shunt / "earlier.txt", "earlier.txt", "L-1", attempts=1, retry_at=time.time() + 3600, reason="x").save()
    (inbox / "Run 12 letters").mkdir()
    (inbox / "Run 12 letters" / "letter1.txt").write_text(letter(a, account_body(a)))
    (inbox / "today.txt").write_text(letter(b, account_body(b)))
    once = subprocess.run(
        [DLP, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert once.returncode == 2, once.stderr
    assert "1 letter(s) wait in" in once.stderr and "1 folder(s) in the inbox are not read" in once.stderr
    assert "left in the inbox unchecked" not in once.stderr and "Traceback" not in once.stderr
    assert names(tmp_path / "cleared") == {"today.txt"}


def test_unchecked_counts_the_letters_without_a_verdict(
    tmp_path: Path, config: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    inbox = tmp_path / "inbox"
    clients = synthetic.ordinary()[:3]
    inbox.mkdir()
    for i, c in enumerate(clients):
        (inbox / f"letter{i}.txt").write_text(letter(c, account_body(c)))
    watcher = FolderWatcher(folder_config(config, tmp_path), str(registry_csv))
    try:
        assert watcher.unchecked() == 3
        watcher.start()
        watcher.run(until_idle=3)
        assert watcher.unchecked() == 0 and watcher.processed == 3
    finally:
        watcher.stop()


def test_a_stop_says_how_many_claimed_letters_wait_and_leaves_no_ticket_behind(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    inbox, err = _stopped_mid_run(tmp_path, registry_csv, synthetic, 200, signal.SIGTERM)
    waiting = {n for n in names(inbox / WORKING_FOLDER) if n.endswith(".txt")}
    # Claimed ahead of the workers: still claimed at the stop, said so, not silently out of sight.
    assert waiting and f"{len(waiting)} claimed letter(s) wait in" in err, err
    _finished_by_once(tmp_path, inbox, 200)


def test_removing_a_ticket_removes_a_save_cut_short(tmp_path: Path) -> None:
    from dlp.folder.journal import Ticket

    letter_path = tmp_path / "letter.txt"
    letter_path.write_text("x")
    ticket = Ticket(letter_path, "letter.txt", "ref")
    ticket.save()
    ticket.temp.write_text("")  # a stop between the temporary file's creation and its rename
    ticket.remove()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]
