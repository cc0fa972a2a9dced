"""The folder watcher fails closed: only finished files, nothing overwritten, every held letter stored once
after any crash, failed handling parked and retried, and a letter over its budget held, never passed."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from dlp.config import Config, LimitsConfig, StoreConfig
from dlp.folder import FolderWatcher
from dlp.folder.names import SHUNT_FOLDER, WORKING_FOLDER
from dlp.handlers import release
from dlp.store import IncidentStore
from tests.conftest import wait_until
from tests.folder.test_watcher import Running, folder_config, names, write_watch_config
from tests.synthetic import SyntheticRegistry, account_body, letter

WRITER = """
import sys, time
path, pause, chunks = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
with open(path, "w") as handle:  # kept open between chunks, as a slow copy over a share or a print driver does
    for i, chunk in enumerate(chunks):
        if i:
            time.sleep(pause)
        handle.write(chunk)
        handle.flush()
"""


def held_notes(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".dlp.txt")) if folder.exists() else []


@pytest.mark.parametrize("polling", [False, True], ids=["inotify", "polling"])
def test_slow_writer_is_read_whole_and_its_tail_blocks_the_letter(
    tmp_path: Path, config: Config, registry_csv: Path, synthetic: SyntheticRegistry, polling: bool
) -> None:
    cfg = folder_config(config, tmp_path, polling=polling)
    cfg = dataclasses.replace(cfg, folder=dataclasses.replace(cfg.folder, stable_seconds=2))
    joint = synthetic.victim.references[0]
    harmless = f"Your joint account {joint} is in credit."
    exposing = f" The account is shared with the holder now living at {synthetic.victim.postal_address}."
    text = letter(synthetic.ex_partner, harmless + exposing)
    cut = text.index(exposing)
    chunks = [text[: cut // 2], text[cut // 2 : cut], text[cut:]]
    running = Running(FolderWatcher(cfg, str(registry_csv)))
    try:
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "inbox" / "joint.txt"), "2.5", *chunks])
        assert writer.wait(30) == 0
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=60)
        note = held_notes(tmp_path / "held")[0].read_text()
        assert "suppressed" in note.lower()
        time.sleep(1)
        assert names(tmp_path / "cleared") == set()  # never cleared half-read
    finally:
        running.stop()


def test_watcher_killed_at_any_point_stores_each_held_letter_once(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    inbox = write_watch_config(tmp_path, registry_csv)
    people = synthetic.ordinary()[120:150]
    for i, (c, other) in enumerate(zip(people, people[1:] + people[:1], strict=True)):
        (inbox / f"wrong{i:02d}.txt").write_text(letter(c, account_body(other)))  # every one is held
    exe = str(Path(sys.executable).with_name("dlp"))
    env = {**os.environ, "DLP_QUARANTINE_KEY": ""}
    chance = random.Random(7)
    for _ in range(6):  # kill -9 at a different moment each time
        watcher = subprocess.Popen([exe, "watch", "--config", "dlp.toml"], cwd=tmp_path, env=env)
        done = len(held_notes(tmp_path / "held"))
        wait_until(lambda: len(held_notes(tmp_path / "held")) > done, timeout=90)  # noqa: B023
        time.sleep(chance.uniform(0.0, 0.6))
        watcher.send_signal(signal.SIGKILL)
        watcher.wait()
    finish = subprocess.run(
        [exe, "watch", "--config", "dlp.toml", "--once"], cwd=tmp_path, env=env, capture_output=True, timeout=300
    )
    assert finish.returncode in (0, 1), finish.stderr  # 1: it held the letters the killed runs left
    store = IncidentStore(f"sqlite:///{tmp_path}/var/dlp.db")
    records = store.list()
    assert len(records) == len(people)  # one incident per letter
    assert len({r.quarantine_ref for r in records}) == len(people) and all(r.quarantine_ref for r in records)
    originals = [p for p in (tmp_path / "var" / "quarantine").iterdir() if p.name.endswith(".dlpq")]
    assert len([p for p in originals if not p.name.endswith(".env.dlpq")]) == len(people)  # one original each
    assert len(held_notes(tmp_path / "held")) == len(people)
    assert names(inbox / WORKING_FOLDER) == set() and names(tmp_path / "cleared") == set()


@pytest.fixture
def own_store(config: Config, tmp_path: Path) -> Config:
    """A store of this test's own, which the test can take down."""
    return dataclasses.replace(config, store=StoreConfig(url=f"sqlite:///{tmp_path}/store/dlp.db"))


def test_letter_whose_handling_fails_is_shunted_retried_and_never_overwritten(
    tmp_path: Path, own_store: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    cfg = folder_config(own_store, tmp_path)
    cfg = dataclasses.replace(cfg, folder=dataclasses.replace(cfg.folder, retry_seconds=1, max_retry_seconds=2))
    a, b, c = synthetic.ordinary()[160:163]
    running = Running(FolderWatcher(cfg, str(registry_csv)))
    database = tmp_path / "store" / "dlp.db"
    shunt = tmp_path / "inbox" / SHUNT_FOLDER
    try:
        database.rename(database.with_suffix(".away"))  # the store goes down
        database.mkdir()
        held_text = letter(a, account_body(b))
        (tmp_path / "inbox" / "letter.txt").write_text(held_text)
        assert wait_until(lambda: "letter.txt" in names(shunt), timeout=60)
        note = (shunt / "letter.txt.dlp.txt").read_text()
        assert "tried again automatically" in note and b.reference not in note and b.family_name not in note
        # A letter of the same name meanwhile: handled on its own, and the shunted one is not overwritten.
        cleared_text = letter(c, account_body(c))
        (tmp_path / "inbox" / "letter.txt").write_text(cleared_text)
        assert wait_until(lambda: "letter.txt" in names(tmp_path / "cleared"), timeout=60)
        assert (tmp_path / "cleared" / "letter.txt").read_text() == cleared_text
        assert (shunt / "letter.txt").read_text() == held_text
        assert wait_until(lambda: running.watcher.shunted >= 3, timeout=30)  # retried, and retried again
        database.rmdir()  # the store comes back: the next retry goes through
        database.with_suffix(".away").rename(database)
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=30)
        assert names(shunt) == set() and names(tmp_path / "inbox" / WORKING_FOLDER) == set()
        (record,) = IncidentStore(cfg.store_url).list()
        assert running.watcher.vault.load(record.quarantine_ref) == held_text.encode()
    finally:
        if database.is_dir():
            database.rmdir()
            database.with_suffix(".away").rename(database)
        running.stop()


def test_letter_over_its_budget_is_held_as_unscannable(
    tmp_path: Path, own_store: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    cfg = dataclasses.replace(folder_config(own_store, tmp_path), limits=LimitsConfig(max_scan_seconds=2))
    a = synthetic.ordinary()[164]
    running = Running(FolderWatcher(cfg, str(registry_csv)))
    try:
        assert wait_until(lambda: running.watcher.pool.pool.live == 1)
        (worker,) = running.watcher.pool.pool._workers
        os.kill(worker.pid, signal.SIGSTOP)  # hangs, as on a pathological file
        text = letter(a, account_body(a))  # harmless, but nobody has read it
        (tmp_path / "inbox" / "slow.txt").write_text(text)
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=60)
        assert "longer than the budget of 2 s" in held_notes(tmp_path / "held")[0].read_text()
        assert names(tmp_path / "cleared") == set()
        (record,) = IncidentStore(cfg.store_url).list()
        assert record.rules == ["unscannable_content"]
        assert running.watcher.vault.load(record.quarantine_ref) == text.encode()
        # The pool healed: the next letter is checked as usual.
        (tmp_path / "inbox" / "next.txt").write_text(text)
        assert wait_until(lambda: "next.txt" in names(tmp_path / "cleared"), timeout=60)
    finally:
        running.stop()


def test_letter_that_kills_workers_twice_is_held(
    tmp_path: Path, own_store: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    cfg = folder_config(own_store, tmp_path)
    a = synthetic.ordinary()[165]
    running = Running(FolderWatcher(cfg, str(registry_csv)))
    pool = running.watcher.pool.pool
    filler = "The meter was read on schedule and no leak was found at the property. " * 30_000  # 2 MB: seconds
    try:
        (tmp_path / "inbox" / "crash.txt").write_text(letter(a, account_body(a) + "\n" + filler))
        killed: set[int] = set()

        def scanning() -> list[int]:
            return [w.pid for w in list(pool._workers) if w.job is not None and w.pid not in killed]

        for _ in range(2):  # the worker scanning it dies, twice, as if the letter crashed it
            assert wait_until(scanning, timeout=60, interval=0.005)
            for pid in scanning():
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=60)
        assert "stopped the scanning process" in held_notes(tmp_path / "held")[0].read_text()
        assert names(tmp_path / "cleared") == set()
    finally:
        running.stop()


def test_the_outbox_holds_exactly_the_bytes_checked_never_a_name_for_a_file_elsewhere(
    tmp_path: Path, config: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """A letter dropped as a second hard link of a file kept elsewhere, or still held open by its writer, is
    cleared as a copy of its own: changing that file afterwards (another client's account written into it) does
    not change the cleared letter. A symbolic link is no letter and stays in the inbox."""
    a, b = synthetic.ordinary()[170:172]
    own, wrong = letter(a, account_body(a)), letter(a, account_body(b))
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    (elsewhere / "hard.txt").write_text(own)
    (elsewhere / "linked.txt").write_text(own)
    running = Running(FolderWatcher(folder_config(config, tmp_path), str(registry_csv)))
    try:
        os.link(elsewhere / "hard.txt", tmp_path / "inbox" / "hard.txt")
        (tmp_path / "inbox" / "linked.txt").symlink_to(elsewhere / "linked.txt")
        assert wait_until(lambda: "hard.txt" in names(tmp_path / "cleared"), timeout=60)
        cleared = tmp_path / "cleared" / "hard.txt"
        assert cleared.stat().st_nlink == 1 and not cleared.samefile(elsewhere / "hard.txt")
        (elsewhere / "hard.txt").write_text(wrong)
        assert cleared.read_text() == own
        time.sleep(3)  # sweeps come and go: the link is not taken
        assert names(tmp_path / "cleared") == {"hard.txt"}
        assert (tmp_path / "inbox" / "linked.txt").is_symlink()
    finally:
        running.stop()


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a second filesystem (tmpfs at /dev/shm)")
def test_an_outbox_on_another_filesystem_receives_whole_letters(
    tmp_path: Path, config: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """Links cannot cross filesystems: the letter is copied over, named only once whole, and leaves the inbox."""
    import tempfile

    if os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("/dev/shm is on the same filesystem as the test's folder here")
    a, b = synthetic.ordinary()[172:174]
    with tempfile.TemporaryDirectory(dir="/dev/shm") as other:
        cfg = folder_config(config, tmp_path)
        cfg = dataclasses.replace(cfg, folder=dataclasses.replace(cfg.folder, outbox=other))
        running = Running(FolderWatcher(cfg, str(registry_csv)))
        try:
            texts = {f"letter{n}.txt": letter(c, account_body(c)) for n, c in enumerate((a, b))}
            for name, text in texts.items():
                (tmp_path / "inbox" / name).write_text(text)
            assert wait_until(lambda: names(Path(other)) == set(texts), timeout=60)
            assert {name: (Path(other) / name).read_text() for name in texts} == texts
            assert names(tmp_path / "inbox") <= {WORKING_FOLDER}
            assert names(tmp_path / "inbox" / WORKING_FOLDER) == set()
        finally:
            running.stop()


def test_copies_of_one_letter_dropped_together_are_held_as_so_many_letters(
    tmp_path: Path, own_store: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """The client's copy, the solicitor's and the file's of one merged letter are byte-identical: each is held
    with an incident and an original of its own, so each comes back when its incident is released."""
    a, b = synthetic.ordinary()[174:176]
    held = letter(a, account_body(b))
    running = Running(FolderWatcher(folder_config(own_store, tmp_path), str(registry_csv)))
    try:
        for name in ("to-client.txt", "copy-solicitor.txt", "copy-file.txt"):
            (tmp_path / "inbox" / name).write_text(held)
        assert wait_until(lambda: len(held_notes(tmp_path / "held")) == 3, timeout=60)
        records = IncidentStore(own_store.store_url).list()
        assert len(records) == 3 and len({r.quarantine_ref for r in records}) == 3
        assert all(running.watcher.vault.load(r.quarantine_ref) == held.encode() for r in records)
    finally:
        running.stop()


def test_letters_named_as_long_as_a_file_name_may_be(
    tmp_path: Path, config: Config, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    """Linux allows 255 bytes; the watcher adds ".dlp-ticket", ".json", " (2)": such a letter is claimed under a
    shorter name and reaches the outbox under its own, twice over (" (2)"), or is held, and the watcher goes on."""
    a, b = synthetic.ordinary()[176:178]
    name = "Final statement for the account holder " + "x" * 206 + ".txt"
    assert len(name.encode()) == 249
    running = Running(FolderWatcher(folder_config(config, tmp_path), str(registry_csv)))
    try:
        (tmp_path / "inbox" / name).write_text(letter(a, account_body(a)))
        assert wait_until(lambda: name in names(tmp_path / "cleared"), timeout=60)
        (tmp_path / "inbox" / name).write_text(letter(b, account_body(b)))
        assert wait_until(lambda: len(names(tmp_path / "cleared")) == 2, timeout=60)
        (tmp_path / "inbox" / name).write_text(letter(a, account_body(b)))
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=60)
        (tmp_path / "inbox" / "short.txt").write_text(letter(b, account_body(b)))
        assert wait_until(lambda: "short.txt" in names(tmp_path / "cleared"), timeout=60)
        assert names(tmp_path / "inbox") <= {WORKING_FOLDER, SHUNT_FOLDER}
        assert not names(tmp_path / "inbox" / SHUNT_FOLDER)
    finally:
        running.stop()


def test_a_letter_larger_than_a_workers_memory_is_held_not_retried_for_ever(
    tmp_path: Path, own_store: Config, registry_csv: Path
) -> None:
    """A scan-to-folder job gone wrong drops a file bigger than a worker may take (here 300 MB against 200 MB):
    it is over the size a part may be, so unscannable, and held: stored in pieces, never read whole. Released, it
    is written out in pieces too, byte for byte."""
    cfg = dataclasses.replace(folder_config(own_store, tmp_path), limits=LimitsConfig(max_memory_mb=200))
    running = Running(FolderWatcher(cfg, str(registry_csv)))
    try:
        with open(tmp_path / "inbox" / "scan.pdf.part", "wb") as handle:
            handle.write(b"%PDF-1.7\n")
            handle.truncate(300 * 1024 * 1024)
        os.rename(tmp_path / "inbox" / "scan.pdf.part", tmp_path / "inbox" / "scan.pdf")
        assert wait_until(lambda: held_notes(tmp_path / "held"), timeout=120)
        (record,) = IncidentStore(cfg.store_url).list()
        assert record.rules == ["unscannable_content"]
        assert not names(tmp_path / "inbox" / SHUNT_FOLDER) and names(tmp_path / "cleared") == set()
        vault = running.watcher.vault
        assert vault.size(record.quarantine_ref) == 300 * 1024 * 1024
        tracemalloc.start()
        try:
            release(cfg, IncidentStore(cfg.store_url), record.reference, "officer1", "scanned the wrong tray")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 32 * 1024 * 1024  # a few pieces of a megabyte, never the letter whole
        released = tmp_path / "cleared" / "scan.pdf"
        assert released.stat().st_size == 300 * 1024 * 1024
        with open(released, "rb") as handle:
            assert handle.read(9) == b"%PDF-1.7\n" and handle.read(1 << 20) == bytes(1 << 20)
    finally:
        running.stop()
