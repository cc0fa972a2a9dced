"""`dlp serve` (relay, watcher and review UI in one service) stops promptly on SIGTERM."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.conftest import Sink, children
from tests.web.conftest import Serve


def test_sigterm_stops_relay_watcher_and_ui_within_a_second_or_two(
    tmp_path: Path, registry_csv: Path, sink: tuple[Sink, int]
) -> None:
    # The watcher's pool is forked after the relay's: its zygote held a copy of the relay zygote's control
    # socket, which then never closed, and every stop waited out a 5 s grace before killing it.
    (tmp_path / "presend" / "inbox").mkdir(parents=True)  # [folder] inbox's default: serve watches it
    serve = Serve(tmp_path, registry_csv, sink[1])
    assert len(children(serve.process.pid)) >= 3  # the relay's zygote, the watcher's and the UI's process
    started = time.monotonic()
    serve.process.send_signal(signal.SIGTERM)
    _, err = serve.process.communicate(timeout=60)
    assert serve.process.returncode == 0, err
    assert b"watching" in err and b"Traceback" not in err
    assert time.monotonic() - started < 3
