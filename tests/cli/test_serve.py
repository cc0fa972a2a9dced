"""`dlp serve` (relay, watcher and review UI in one service) stops promptly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import Sink, children, free_port, wait_for_port
from tests.relay.conftest import write_config


def test_sigterm_stops_relay_watcher_and_ui_within_a_second_or_two(
    tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]
) -> None:
    # The watcher's pool is forked after the relay's: its zygote held a copy of the relay zygote's control
    # socket, which then never closed, and every stop waited out a 5 s grace before killing it.
    relay_port, web_port = free_port(), free_port()
    config = write_config(tmp_path, registry_csv, relay_port, sink[1])
    with config.open("a") as handle:
        handle.write(f'[web]\nlisten = "127.0.0.1:{web_port}"\n')
    (tmp_path / "presend" / "inbox").mkdir(parents=True)
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("dlp")), "serve", "--config", str(config)],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DLP_QUARANTINE_KEY": ""},
    )
    wait_for_port(relay_port, process=process)
    wait_for_port(web_port, process=process)
    assert len(children(process.pid)) >= 3  # the relay's zygote, the watcher's and the UI's process
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "watching" in err and "Traceback" not in err
    assert time.monotonic() - started < 3
