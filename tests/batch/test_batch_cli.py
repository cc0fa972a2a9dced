"""`dlp batch` as a user runs it: Ctrl-C mid-run, and the progress bar on a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.batch.test_batch import write_data, write_letters
from tests.synthetic import SyntheticRegistry, account_body, letter


@pytest.fixture
def run_dir(tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry) -> Path:
    clients = synthetic.ordinary()[:200]
    write_data(tmp_path / "data.csv", clients)
    write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in clients])
    (tmp_path / "dlp.toml").write_text(f'[registry]\npath = "{registry_csv}"\n[store]\nurl = "sqlite:///var/x.db"\n')
    return tmp_path


def _command(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("dlp")
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "dlp.cli.main"]), *args]


def _answering_ctrl_c() -> None:
    """A terminal's foreground job answers Ctrl-C. A suite started as a script's background job ignores SIGINT,
    and its children would inherit that: the run would never see the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupted_run(
    run_dir: Path, synthetic: SyntheticRegistry, stop: Callable[[int], None], **popen: Any
) -> tuple[int, str, list[dict[str, Any]]]:
    """A run of 1,000 letters stopped by `stop(pid)` once ten are checked: its exit status, stderr and results.
    Long enough to be still under way when the stop lands, however slowly this process is scheduled beside the
    run's own (200 letters took a loaded machine less than that: the run had finished)."""
    clients = synthetic.ordinary()[:200] * 5
    write_data(run_dir / "data.csv", clients)
    for i, c in enumerate(clients[200:], 201):
        (run_dir / "letters" / f"letter{i}.txt").write_text(letter(c, account_body(c)))
    process = subprocess.Popen(
        _command("batch", "--config", "dlp.toml", "--data", "data.csv", "--json", "--workers", "2", "letters"),
        cwd=run_dir,
        stdout=subprocess.PIPE,
        stderr=(run_dir / "stderr").open("w"),
        text=True,
        **popen,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(10)]  # ten letters checked: the run is under way
    stop(process.pid)
    lines += process.stdout.read().splitlines()  # the rest, through the same buffer
    process.wait(120)
    err = (run_dir / "stderr").read_text()
    return process.returncode, err, [json.loads(line) for line in lines if line.strip()]


def test_ctrl_c_mid_run_gives_the_partial_summary_without_tracebacks(
    run_dir: Path, synthetic: SyntheticRegistry
) -> None:
    status, err, results = _interrupted_run(
        run_dir,
        synthetic,
        lambda pid: os.killpg(pid, signal.SIGINT),
        start_new_session=True,  # its own process group, as a terminal's foreground job: Ctrl-C reaches all of it
        preexec_fn=_answering_ctrl_c,
    )
    assert status == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "stopped: partial" in err and "interrupted (Ctrl-C)" in err
    assert 10 <= len(results) < 1000
    assert f"{len(results)} of 1000" in err  # the summary counts exactly the letters reported
    assert [r["decision"] for r in results] == ["allow"] * len(results)


def test_sigterm_stops_a_run_as_ctrl_c_does_and_leaves_no_registry_copy(
    run_dir: Path, synthetic: SyntheticRegistry
) -> None:
    # `kill`, a job's timeout or a service manager: the same partial summary, and the run's compiled copy of the
    # registry (a whole copy of the client records) removed from the temporary folder.
    temporary = run_dir / "tmp"
    temporary.mkdir()
    copies: list[Path] = []

    def terminate(pid: int) -> None:
        copies.extend(temporary.glob("dlp-registry-*"))  # the run's compiled registry, while it runs
        os.kill(pid, signal.SIGTERM)

    status, err, results = _interrupted_run(run_dir, synthetic, terminate, env={**os.environ, "TMPDIR": str(temporary)})
    assert copies
    assert status == 130, err
    assert "Traceback" not in err and "stopped: partial" in err and "interrupted (SIGTERM)" in err
    assert f"{len(results)} of 1000" in err
    assert list(temporary.iterdir()) == []


def _on_a_terminal(run_dir: Path, *extra: str) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (where the bar is drawn) and stdout on a pipe."""
    main, side = pty.openpty()
    process = subprocess.Popen(
        _command("batch", "--config", "dlp.toml", "--data", "data.csv", *extra, "letters"),
        cwd=run_dir,
        stdout=subprocess.PIPE,
        stderr=side,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "120"},
    )
    os.close(side)
    terminal = b""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            terminal += chunk
        elif process.poll() is not None:
            break
    os.close(main)
    assert process.stdout is not None
    out = process.stdout.read().decode()
    process.wait(30)
    return process.returncode, out, terminal.decode(errors="replace")


def test_progress_shows_total_and_eta_on_stderr_and_quiet_silences_it(run_dir: Path) -> None:
    (run_dir / "letters" / "letter7.txt").write_text("Dear «FirstName», your account.")
    status, out, terminal = _on_a_terminal(run_dir)
    assert status == 1
    assert "checking letters" in terminal and "/200" in terminal and "eta" in terminal
    # Results on stdout, whole and in order, the bar never among them.
    assert "letter 7 (letter7.txt)" in out and "checking letters" not in out and "/200" not in out
    quiet_status, quiet_out, quiet_terminal = _on_a_terminal(run_dir, "--quiet")
    assert quiet_status == 1 and "checking letters" not in quiet_terminal
    assert "letter 7 (letter7.txt)" in quiet_out
