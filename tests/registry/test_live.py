"""The live registry: a new index is used from the next item on, a bad one never replaces a good one."""

from __future__ import annotations

import fcntl
import logging
import os
import tempfile
from pathlib import Path

import pytest

from dlp.config import RegistryConfig
from dlp.errors import RegistryUnavailable
from dlp.registry.build import build_file
from dlp.registry.live import LiveRegistry, SharedRegistry, read_status
from tests.synthetic import SyntheticRegistry

FAST = RegistryConfig(reload_seconds=1)


def test_a_new_index_file_is_used_from_the_next_item_on(synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    path = tmp_path / "r.dlpidx"
    clients = synthetic.to_clients()
    build_file(clients[:100], path)
    live = LiveRegistry(path, FAST)
    in_flight = live.current()
    assert len(in_flight) == 100 and live.current() is in_flight  # no change, no reload
    build_file(clients, path)
    assert live.refresh()
    assert len(live.current()) == len(clients)
    # An item that started on the old version finishes on it: its mapping stays valid.
    assert len(in_flight) == 100 and any(in_flight.find(synthetic.clients[10].reference))


def test_the_change_is_seen_within_reload_seconds_without_asking(synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    import time

    path = tmp_path / "r.dlpidx"
    build_file(synthetic.to_clients()[:10], path)
    live = LiveRegistry(path, FAST)
    live.current()
    build_file(synthetic.to_clients()[:20], path)
    time.sleep(FAST.reload_seconds)
    assert len(live.current()) == 20


@pytest.mark.parametrize("damage", ["truncated", "flipped", "removed"])
def test_a_bad_file_never_replaces_a_good_index(
    synthetic: SyntheticRegistry, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    path = tmp_path / "r.dlpidx"
    build_file(synthetic.to_clients(), path)
    live = LiveRegistry(path, FAST)
    good = live.current()
    data = bytearray(path.read_bytes())
    if damage == "truncated":  # a half-written copy
        path.write_bytes(bytes(data[: len(data) // 2]))
    elif damage == "flipped":
        data[-100] ^= 0xFF
        path.write_bytes(bytes(data))
    else:
        path.unlink()
    with caplog.at_level(logging.ERROR, logger="dlp.registry"):
        assert not live.refresh()
    assert live.current() is good
    status = live.status()
    assert status.checksum == good.checksum and status.error
    assert caplog.records and synthetic.victim.family_name not in caplog.text
    if damage != "removed":
        assert read_status(path)["error"] == status.error  # what `dlp registry info` shows
        build_file(synthetic.to_clients()[:5], path)  # a good file after a bad one is taken
        assert live.refresh() and len(live.current()) == 5 and live.status().error is None


def test_no_valid_registry_fails_closed_until_one_appears(synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    path = tmp_path / "r.dlpidx"
    live = LiveRegistry(path, FAST)
    with pytest.raises(RegistryUnavailable, match="not found"):
        live.current()
    path.write_bytes(b"DLPREGIX garbage")
    live.refresh()
    with pytest.raises(RegistryUnavailable, match="no valid client registry"):
        live.current()
    build_file(synthetic.to_clients()[:3], path)
    live.refresh()
    assert len(live.current()) == 3


def test_a_changed_csv_is_recompiled_once_for_all_workers(synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    csv_path = synthetic.write(tmp_path / "clients.csv")
    shared = SharedRegistry(csv_path, FAST)
    try:
        assert shared.compiles and shared.worker_path.is_file() and shared.worker_path != csv_path
        worker = LiveRegistry(shared.worker_path, FAST)
        assert len(worker.current()) == len(synthetic.clients)
        lines = csv_path.read_text().splitlines()
        csv_path.write_text("\n".join(lines[:-1]) + "\n")  # one client fewer
        assert shared.refresh() and not shared.refresh()
        assert worker.refresh() and len(worker.current()) == len(synthetic.clients) - 1
        csv_path.write_text(lines[0] + "\nC1,Nobody,,,,,,,,,\n")  # invalid: the compiled index stays
        assert not shared.refresh() and "missing family_name" in (shared.error or "")
        assert not worker.refresh() and len(worker.current()) == len(synthetic.clients) - 1
    finally:
        shared.close()
    assert not shared.worker_path.exists()


def test_scanner_switches_between_items(synthetic: SyntheticRegistry, tmp_path: Path, config) -> None:
    from dlp.extract import communication_from_message
    from dlp.policy import Policy
    from dlp.scanner import Scanner
    from tests.synthetic import email

    path = tmp_path / "r.dlpidx"
    clients = synthetic.to_clients()
    a, b = synthetic.ordinary()[:2]
    build_file([c for c in clients if c.client_id != b.client_id], path)
    scanner = Scanner(config, LiveRegistry(path, FAST), Policy.load())
    message = communication_from_message(email([a.email], "acct", f"Account {b.reference}"), "m.eml")
    assert not scanner.scan(message, record=False).blocked  # b is not a client yet
    build_file(clients, path)
    scanner.registry.refresh()
    assert scanner.scan(message, record=False).blocked
    assert b.client_id in scanner.index.clients


def test_another_users_compiled_copy_is_left_alone_without_looking_inside(
    synthetic: SyntheticRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The relay and the watcher may run as different accounts: the other's copy (mode 0700) cannot be looked
    into, and that must not stop this one from starting ("could not finish (Permission denied)")."""
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", None)
    (tmp_path / "tmp").mkdir()
    theirs = tmp_path / "tmp" / "dlp-registry-4444-mnop3456"
    theirs.mkdir(mode=0o700)
    (theirs / ".lock").touch()
    if os.getuid() != 0:
        pytest.skip("needs root to give a folder away")
    os.chown(theirs, 65534, 65534)
    looked_inside: list[Path] = []
    is_file = Path.is_file

    def no_entry(self: Path) -> bool:  # what stat() inside another user's 0700 folder does to anyone but root
        if theirs in self.parents:
            looked_inside.append(self)
            raise PermissionError(13, "Permission denied", str(self))
        return is_file(self)

    monkeypatch.setattr(Path, "is_file", no_entry)
    SharedRegistry(synthetic.write(tmp_path / "clients.csv")).close()
    assert theirs.exists() and not looked_inside


def test_a_compiled_copy_left_by_a_killed_process_is_removed_by_the_next(
    synthetic: SyntheticRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    (tmp_path / "tmp").mkdir()
    orphan = tmp_path / "tmp" / "dlp-registry-4242-abcd1234"  # its process killed: its lock died with it
    orphan.mkdir()
    (orphan / ".lock").touch()
    (orphan / "clients.dlpidx").write_bytes(b"a killed run's copy")
    in_use = tmp_path / "tmp" / "dlp-registry-4343-efgh5678"  # a running process's (here, this one's)
    in_use.mkdir()
    held = os.open(in_use / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)
    unknown = tmp_path / "tmp" / "dlp-registry-ijkl9012"  # named before locks were: no telling, kept
    unknown.mkdir()
    try:
        shared = SharedRegistry(synthetic.write(tmp_path / "clients.csv"))
        try:
            assert not orphan.exists() and in_use.exists() and unknown.exists()
            assert shared.worker_path.parent.name.startswith(f"dlp-registry-{os.getpid()}-")
            # Its own copy is held as well: the next process leaves it alone.
            SharedRegistry(synthetic.write(tmp_path / "clients2.csv")).close()
            assert shared.worker_path.exists()
        finally:
            shared.close()
        assert not shared.worker_path.parent.exists()
    finally:
        os.close(held)
