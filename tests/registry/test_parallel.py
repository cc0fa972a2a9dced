"""The build split over worker processes gives the index a single process gives, and the same errors."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dlp.errors import RegistryError
from dlp.registry import RegistryIndex, parallel
from dlp.registry import format as fmt
from dlp.registry.loader import csv_rows
from tests.conftest import children, running, wait_until
from tests.synthetic import SyntheticRegistry, account_body, letter, write_large_registry


def compiled(text: str, workers: int) -> RegistryIndex:
    header, sections = parallel.compile_rows(csv_rows(io.StringIO(text)), workers=workers)
    stream = io.BytesIO()
    fmt.write(stream, header, sections)
    return RegistryIndex.from_bytes(stream.getvalue())


def test_parts_in_workers_equal_one_process(
    synthetic: SyntheticRegistry, index: RegistryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)  # five parts of the 300 clients
    built = compiled(synthetic.csv_text(), workers=2)
    assert len(built) == len(index)
    for c in synthetic.clients[:30] + [synthetic.victim, synthetic.ex_partner]:
        text = letter(c, account_body(c))
        assert [(m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in built.find(text)] == [
            (m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in index.find(text)
        ]
    assert built.joint[synthetic.ex_partner.client_id] == {synthetic.victim.client_id}
    assert built.clients[synthetic.clients[-1].client_id].family_name == synthetic.clients[-1].family_name


def test_errors_across_parts_name_the_line(synthetic: SyntheticRegistry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)
    lines = synthetic.csv_text().splitlines()
    duplicate = "\n".join([*lines, lines[5]]) + "\n"
    with pytest.raises(RegistryError, match=r"line 302.*duplicate client_id \(first on line 6\)"):
        compiled(duplicate, workers=2)
    bad = "\n".join([*lines[:200], lines[200].replace("@mail.example", "@"), *lines[201:]]) + "\n"
    with pytest.raises(RegistryError, match="line 201, column 'email'"):
        compiled(bad, workers=2)


def compiled_csv(path: Path, workers: int) -> RegistryIndex:
    header, sections = parallel.compile_csv(path, workers=workers)
    stream = io.BytesIO()
    fmt.write(stream, header, sections)
    return RegistryIndex.from_bytes(stream.getvalue())


def awkward_csv(synthetic: SyntheticRegistry) -> str:
    """The registry with a byte-order mark, blank lines and addresses quoted over two lines."""
    lines = synthetic.csv_text().splitlines()
    rows = list(csv.reader(lines))
    at = rows[0].index("postal_address")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows[0])
    for n, row in enumerate(rows[1:]):
        if n % 3 == 0:
            row[at] = row[at].replace(", ", "\n", 1)  # "12 Wattle St" over "Bendigo VIC 3550"
        writer.writerow(row)
        if n % 50 == 7:
            out.write("\r\n")
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize("workers", [1, 2])
def test_csv_read_by_workers_equals_rows_read_here(
    synthetic: SyntheticRegistry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)  # records of one part end mid-file, quoted newlines too
    text = awkward_csv(synthetic)
    path = tmp_path / "clients.csv"
    path.write_text(text, encoding="utf-8")
    built = compiled_csv(path, workers)
    reference = compiled(text.lstrip("\ufeff"), workers=1)
    assert len(built) == len(reference) > 0
    for c in synthetic.clients[:40] + [synthetic.victim, synthetic.ex_partner]:
        assert built.clients[c.client_id] == reference.clients[c.client_id]
        text_of_letter = letter(c, account_body(c))
        assert [(m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in built.find(text_of_letter)] == [
            (m.entity, m.start, m.end, m.clients, m.suppressed_for) for m in reference.find(text_of_letter)
        ]


def test_csv_errors_name_the_line_of_the_whole_file(
    synthetic: SyntheticRegistry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "PART_ROWS", 70)
    records = awkward_csv(synthetic).split("\r\n")  # quoted newlines ("\n") stay inside their record
    # A bad value in a record past several parts, quoted newlines and blank lines.
    target = next(i for i, r in enumerate(records) if i > 250 and "@mail.example" in r and "\n" not in r)
    line = ("\r\n".join(records[:target]) + "\r\n").count("\n") + 1  # as a CSV reader counts lines
    path = tmp_path / "clients.csv"

    def error_of(bad: list[str]) -> str:
        text = "\r\n".join(bad)
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RegistryError) as by_workers:
            compiled_csv(path, workers=2)
        with pytest.raises(RegistryError) as by_one_reader:
            compiled(text.lstrip("\ufeff"), workers=1)
        assert str(by_workers.value) == str(by_one_reader.value)
        return str(by_workers.value)

    bad_email = records[target].replace("@mail.example", "@", 1)
    assert f"line {line}, column 'email'" in error_of([*records[:target], bad_email, *records[target + 1 :]])
    extra = records[target] + ",extra"
    assert "more fields than the header" in error_of([*records[:target], extra, *records[target + 1 :]])
    # An unclosed quote takes the rows after it into one field: refused, not those clients silently missing.
    unclosed = records[target].replace(",", ',"', 1)
    assert f"line {line}: row has fewer fields" in error_of([*records[:target], unclosed, *records[target + 1 :]])
    path.write_bytes(b"client_id,given_name\n\xff\xfe\n")
    with pytest.raises(RegistryError, match="not UTF-8"):
        compiled_csv(path, workers=2)


def test_a_build_killed_outright_takes_its_workers_with_it(tmp_path: Path) -> None:
    # SIGKILL, as a timeout or the OOM killer sends, runs no cleanup: the pool's workers, each holding its
    # queue's write end, would wait on it forever.
    csv_path = write_large_registry(tmp_path / "clients.csv", 20_000, seed=2)
    script = f"from dlp.registry import parallel; parallel.PART_ROWS = 200; parallel.compile_csv({str(csv_path)!r})"
    build = subprocess.Popen([sys.executable, "-c", script])
    try:
        assert wait_until(lambda: len(children(build.pid)) >= 2, timeout=60, interval=0.02)
        time.sleep(0.3)  # the second worker, and the resource tracker, started too
        started = children(build.pid)
    finally:
        build.kill()
        build.wait()
    assert len(started) >= 2
    assert wait_until(lambda: not any(map(running, started)), timeout=20), "the build's workers outlived it"


def test_a_build_stopped_by_sigterm_unwinds_as_on_ctrl_c(tmp_path: Path) -> None:
    # `kill PID` or a service manager stopping `dlp registry build`: the build stops at once (its workers
    # stopped, not waited for), says so without a traceback, and leaves neither an index nor a temporary file.
    csv_path = write_large_registry(tmp_path / "clients.csv", 60_000, seed=3)  # two parts: workers are used
    out = tmp_path / "built"
    out.mkdir()
    exe = Path(sys.executable).with_name("dlp")
    build = subprocess.Popen(
        [str(exe), "registry", "build", str(csv_path), "-o", str(out / "clients.dlpidx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        assert wait_until(lambda: len(children(build.pid)) >= 2, timeout=60, interval=0.02)
        started = children(build.pid)
        build.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        _, stderr = build.communicate(timeout=30)
        stopped_in = time.monotonic() - sent
    finally:
        build.kill()
    assert build.returncode == 130
    assert stopped_in < 3, f"the build took {stopped_in:.1f} s to stop"  # a part takes seconds to compile
    assert stderr.strip() == "dlp: interrupted"
    assert list(out.iterdir()) == []
    assert wait_until(lambda: not any(map(running, started)), timeout=5), "the build's workers outlived it"
