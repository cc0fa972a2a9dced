"""The installed `dlp` command, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, email, letter


def dlp(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed `dlp`, run as a user runs it; `env` adds to the environment."""
    exe = Path(sys.executable).with_name("dlp")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "dlp.cli.main"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


@pytest.fixture
def workdir(tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry) -> Path:
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{registry_csv}"\n'
        '[store]\nurl = "sqlite:///var/dlp.db"\n'
    )
    a, b = synthetic.ordinary()[:2]
    (tmp_path / "good.txt").write_text(letter(a, account_body(a)))
    (tmp_path / "bad.txt").write_text(letter(a, account_body(b)))
    (tmp_path / "good.eml").write_bytes(email([a.email], "acct", account_body(a)))
    return tmp_path


def test_allowed_items_exit_0(workdir: Path) -> None:
    result = dlp("scan", "--config", "dlp.toml", "good.txt", "good.eml", cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert "ALLOW good.txt" in result.stdout and "2 item(s): 2 allow" in result.stdout


def test_blocked_item_json_lines_and_exit_1(workdir: Path, synthetic: SyntheticRegistry) -> None:
    result = dlp("scan", "--config", "dlp.toml", "--json", "good.txt", "bad.txt", cwd=workdir)
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["decision"] for line in lines] == ["allow", "quarantine"]
    bad = lines[1]
    assert bad["path"] == "bad.txt" and bad["incident"].startswith("INC-")
    finding = next(f for f in bad["findings"] if f["rule"] == "mismatched_recipient")
    assert set(finding) == {"rule", "severity", "clients", "part", "explanation"}
    b = synthetic.ordinary()[1]
    assert b.reference not in result.stdout and b.family_name not in result.stdout

    shown = dlp("incidents", "show", bad["incident"], "--config", "dlp.toml", "--json", cwd=workdir)
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == bad["incident"]
    listed = dlp("incidents", "list", "--config", "dlp.toml", "--json", cwd=workdir)
    assert bad["incident"] in listed.stdout
    exported = dlp("incidents", "export", "--config", "dlp.toml", "--format", "csv", cwd=workdir)
    assert exported.stdout.startswith("id,time,channel") and bad["incident"] in exported.stdout
    closed = dlp(
        "incidents",
        "close",
        bad["incident"],
        "--action",
        "letter withdrawn",
        "--config",
        "dlp.toml",
        cwd=workdir,
    )
    assert closed.returncode == 0 and "closed" in closed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "--config", "dlp.toml", "missing.txt"], "missing.txt: no such file"),
        (["scan", "--registry", "nope.csv", "good.txt"], "registry file not found"),
        (["scan", "--config", "bad.toml", "good.txt"], "unknown section"),
        (["scan", "good.txt"], "no client registry"),
        (["scan", "--config", "dlp.toml", "--registry", "broken.csv", "good.txt"], "line 2"),
        (["scan"], "required"),
        (["incidents", "show", "INC-2026-999999", "--config", "dlp.toml"], "no incident"),
    ],
)
def test_errors_exit_2_without_traceback(workdir: Path, args: list[str], message: str) -> None:
    (workdir / "bad.toml").write_text("[nonsense]\n")
    (workdir / "broken.csv").write_text(
        "client_id,given_name,family_name,date_of_birth,email,phone,postal_address,references,suppressed,"
        "joint_with,authorised_contacts\n,A,B,,,,,,,,\n"
    )
    result = dlp(*args, cwd=workdir)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    if not result.stderr.startswith("usage:"):  # argparse shows its usage line first
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # the error once, not logged as well


def hostile_messages(folder: Path, synthetic: SyntheticRegistry) -> list[str]:
    """Inputs that raise inside the parser: 3,000 nested multiparts, nested address groups."""
    a = synthetic.ordinary()[0]
    nest = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000))
    closing = "".join(f"--b{i}--\n" for i in reversed(range(3000)))
    (folder / "deep.eml").write_text(
        f"From: billing@{ORG_DOMAIN}\nTo: {a.email}\nSubject: x\nMIME-Version: 1.0\n{nest}"
        f"Content-Type: text/plain\n\nhello\n{closing}"
    )
    groups = "".join(f"g{i}: " for i in range(50)) + a.email + ";" * 50
    (folder / "groups.eml").write_text(f"From: billing@{ORG_DOMAIN}\nTo: {groups}\nSubject: x\n\nhello\n")
    return ["deep.eml", "groups.eml"]


def test_items_that_break_the_scanner_are_unscannable_and_the_run_goes_on(
    workdir: Path, synthetic: SyntheticRegistry
) -> None:
    bad = hostile_messages(workdir, synthetic)
    result = dlp("scan", "--config", "dlp.toml", "--json", *bad, "good.txt", cwd=workdir)
    assert result.returncode == 1, result.stderr  # blocked, not an error, and never a traceback
    assert "Traceback" not in result.stderr + result.stdout
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == [*bad, "good.txt"]
    for line in lines[:2]:
        assert line["decision"] == "quarantine" and line["incident"].startswith("INC-")
        assert [f["rule"] for f in line["findings"]] == ["unscannable_content"]
    assert lines[2]["decision"] == "allow"


def test_an_item_over_its_budget_is_held_and_the_run_goes_on(workdir: Path) -> None:
    with (workdir / "dlp.toml").open("a") as handle:
        handle.write("[limits]\nmax_scan_seconds = 2\n")
    os.mkfifo(workdir / "stuck.txt")
    # A writer that never writes: reading never ends, as a file on a hung network share.
    writer = subprocess.Popen(["sh", "-c", "exec sleep 300 > stuck.txt"], cwd=workdir)
    start = time.monotonic()
    try:
        result = dlp("scan", "--config", "dlp.toml", "--json", "stuck.txt", "good.txt", cwd=workdir)
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 1, result.stderr
    assert time.monotonic() - start < 60
    stuck, good = (json.loads(line) for line in result.stdout.splitlines())
    assert stuck["decision"] == "quarantine" and stuck["incident"].startswith("INC-")
    assert "longer than the budget of 2 s" in stuck["findings"][0]["explanation"]
    assert good["decision"] == "allow"


def test_a_fifo_nobody_writes_to_is_held_at_once_and_a_pipe_is_read_to_its_limit(workdir: Path) -> None:
    """`cat` would wait for ever on a FIFO with no writer: the scan reads it as empty and holds it. A pipe has
    no size to check first: it is read no further than the size limit, and held as over it."""
    with (workdir / "dlp.toml").open("a") as handle:
        handle.write("[limits]\nmax_part_bytes = 100000\n")
    os.mkfifo(workdir / "nobody.txt")
    start = time.monotonic()
    result = dlp("scan", "--config", "dlp.toml", "--json", "nobody.txt", "good.txt", cwd=workdir)
    assert time.monotonic() - start < 30
    assert result.returncode == 1, result.stderr
    nobody, good = (json.loads(line) for line in result.stdout.splitlines())
    assert nobody["decision"] == "quarantine" and [f["rule"] for f in nobody["findings"]] == ["unscannable_content"]
    assert good["decision"] == "allow"

    exe = Path(sys.executable).with_name("dlp")
    endless = subprocess.run(
        ["bash", "-c", f"'{exe}' scan --config dlp.toml --json <(yes good)"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert endless.returncode == 1, endless.stderr
    (line,) = (json.loads(line) for line in endless.stdout.splitlines())
    assert line["decision"] == "quarantine" and "over the size limit" in line["findings"][0]["explanation"]


def _terminated_scan(workdir: Path, files: list[str], delay: float) -> tuple[int, list[str], str]:
    """`dlp scan FILES` sent SIGTERM `delay` seconds after its first line: exit status, stdout lines, stderr."""
    scan = subprocess.Popen(
        [str(Path(sys.executable).with_name("dlp")), "scan", "--config", "dlp.toml", "--no-record", *files],
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert scan.stdout is not None and scan.stderr is not None
    first = scan.stdout.readline()  # one file checked: the run is under way
    time.sleep(delay)
    scan.terminate()
    # Read through the same buffered pipe: communicate() would miss what readline() already buffered.
    rest, err = scan.stdout.read(), scan.stderr.read()
    return scan.wait(timeout=120), [first.rstrip("\n"), *rest.splitlines()], err


def test_a_scan_stopped_part_way_says_what_it_did_not_check(workdir: Path) -> None:
    """SIGTERM (as Ctrl-C) stops a scan between files: each verdict so far printed once, their summary, how
    many files were not checked, exit 130; never a pass, never a traceback. Stopped at several moments, some in
    the middle of printing a verdict."""
    many = [f"many{i}.txt" for i in range(300)]
    for name in many:
        (workdir / name).write_text((workdir / "good.txt").read_text())
    for delay in (0, 0.001, 0.003, 0.01, 0.03):
        status, lines, err = _terminated_scan(workdir, many, delay)
        assert status == 130, err
        verdicts, summary = lines[:-1], lines[-1]
        assert verdicts and all(line.startswith("ALLOW ") for line in verdicts), lines
        assert len(set(verdicts)) == len(verdicts), "a verdict printed twice"
        assert summary == f"{len(verdicts)} item(s): {len(verdicts)} allow"
        left = len(many) - len(verdicts)
        assert f"dlp: interrupted (SIGTERM): {left} of {len(many)} file(s) not checked" in err, err
        assert "Traceback" not in err and "Warning" not in err, err


def test_an_interrupt_after_the_last_file_leaves_the_outcome_as_it_is(
    workdir: Path, synthetic: SyntheticRegistry
) -> None:
    """A stop asked for once every file is checked (the workers stopping, the interpreter winding down) has
    nothing left to stop: the outcome stands (1: blocked), not 130 with "0 files not checked", nor killed."""
    bad = hostile_messages(workdir, synthetic)[:1]
    for delay in (0, 0.005, 0.01, 0.02, 0.04, 0.08):
        status, lines, err = _terminated_scan(workdir, bad, delay)
        assert status == 1, (delay, err)
        assert lines[0].startswith("QUARANTINE") and "unscannable_content" in "\n".join(lines[1:])
        assert "not checked" not in err


def test_edges_give_one_clear_line_not_an_internal_error(workdir: Path) -> None:
    """What libraries raise at the edges (a closed standard input, a closed pipe, a folder that cannot be
    written) is mapped onto the error tree: a clear line and exit 2, never 'internal error' or a traceback."""
    exe = Path(sys.executable).with_name("dlp")
    no_tty = subprocess.run(
        [str(exe), "users", "add", "ann", "--role", "reviewer", "--config", "dlp.toml"],
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert no_tty.returncode == 2 and "--password-stdin" in no_tty.stderr, no_tty.stderr

    many = [f"good{i}.txt" for i in range(40)]
    for name in many:
        (workdir / name).write_text((workdir / "good.txt").read_text())
    reader = subprocess.Popen(
        [str(exe), "scan", "--config", "dlp.toml", "--json", *many],
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # `| head -1`
    err = reader.stderr.read().decode()
    assert reader.wait(timeout=120) == 2 and "internal error" not in err and "Traceback" not in err

    (workdir / "odd.toml").write_text((workdir / "dlp.toml").read_text().replace("var/dlp.db", "good.txt/dlp.db"))
    blocked = dlp("scan", "--config", "odd.toml", "bad.txt", cwd=workdir)  # a file where a folder should be
    assert blocked.returncode == 2 and blocked.stderr.startswith("dlp: error:"), blocked.stderr
    assert "internal error" not in blocked.stderr and "Traceback" not in blocked.stderr
