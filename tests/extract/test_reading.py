"""Reading a file from disk (`load_items`): FIFOs, pipes, folders, leases and the size limit."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from dlp.errors import InputError
from dlp.extract import Limits, load_items

LETTER = "Ms A Example\n1 Sample Street\nSAMPLETOWN VIC 3000\n\nDear Ms Example,\n\nYour account is in credit.\n"
F_SETLEASE = getattr(fcntl, "F_SETLEASE", 1024)  # Linux's value, where the module does not name it


def _reasons(path: Path, limits: Limits | None = None) -> list[str]:
    (item,) = load_items(path, limits)
    return [p.error for p in item.parts if p.error]


def test_a_fifo_nobody_writes_to_reads_as_empty_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "nobody")
    start = time.monotonic()
    assert _reasons(tmp_path / "nobody") == ["the file is empty"]
    assert time.monotonic() - start < 5


def test_a_pipe_named_without_an_extension_is_read_as_text(tmp_path: Path) -> None:
    """`dlp scan <(...)` and /dev/stdin: a pipe, no extension to go by, and text is text."""
    read, write = os.pipe()
    try:
        os.write(write, LETTER.encode())
        os.close(write)
        (item,) = load_items(f"/dev/fd/{read}")
    finally:
        os.close(read)
    assert not [p.error for p in item.parts if p.error]
    assert "Your account is in credit" in "\n".join(p.text for p in item.parts)
    (tmp_path / "BLOB").write_bytes(bytes(range(256)) * 4)  # other bytes stay unreadable
    assert _reasons(tmp_path / "BLOB")


def test_a_folder_given_as_a_file_leaves_no_descriptor_open(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        with pytest.raises(InputError, match="is a folder"):
            load_items(tmp_path)
    assert len(os.listdir("/proc/self/fd")) <= before + 1


def test_a_large_size_limit_costs_a_small_file_nothing(tmp_path: Path) -> None:
    """The limit bounds what is read, not what is set aside for reading (a worker's memory is capped)."""
    (tmp_path / "letter.txt").write_text(LETTER)
    tracemalloc.start()
    try:
        assert _reasons(tmp_path / "letter.txt", Limits(max_part_bytes=1 << 40)) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20


def test_a_file_under_a_lease_is_read_once_its_holder_lets_go(tmp_path: Path) -> None:
    """A share server (Samba with kernel oplocks) holds a lease on a file a client has open: opening it waits
    for the lease to be broken, as any reader's open does, rather than failing at once."""
    path = tmp_path / "letter.txt"
    path.write_text(LETTER)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, signal, sys, time\n"
            f"fd = os.open({str(path)!r}, os.O_RDWR)\n"
            f"signal.signal(signal.SIGIO, lambda *_: fcntl.fcntl(fd, {F_SETLEASE}, fcntl.F_UNLCK))\n"
            f"fcntl.fcntl(fd, {F_SETLEASE}, fcntl.F_WRLCK)\n"
            "print('held', flush=True)\n"
            "time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        if holder.stdout.readline().strip() != "held":
            pytest.fail(f"could not take a lease here: {holder.communicate(timeout=10)[1]}")
        assert _reasons(path) == []
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
