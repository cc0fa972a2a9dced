"""A throwaway PostgreSQL server for the tests (Debian `postgresql`): its own cluster, port and socket folder."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def available() -> bool:
    return binaries() is not None and os.geteuid() == 0 and shutil.which("runuser") is not None


def require() -> None:
    """Skip the test without PostgreSQL here; in CI, where .ci/run installs it, fail instead."""
    import pytest

    if not available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is installed by .ci/run; it must be here in CI")
        pytest.skip("needs Debian postgresql and root (installed by .ci/run)")


class PostgresServer:
    def __init__(self) -> None:
        bindir = binaries()
        assert bindir is not None
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="dlp-pg-", dir="/tmp"))
        shutil.chown(self.root, "postgres")
        self.data = self.root / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]

    def _as_postgres(self, *args: str) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        self._as_postgres(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )
        self._as_postgres(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-w",
            "-l",
            str(self.root / "log"),
            "-o",
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
            "start",
        )
        self._as_postgres(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "dlp"
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/dlp"

    def stop(self) -> None:
        try:
            self._as_postgres(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
