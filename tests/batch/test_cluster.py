"""Mail-merge runs on a Dask cluster of two worker processes: the same verdicts as locally, a worker killed
mid-run, a merged PDF split in page ranges, the scheduler going away."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")  # the `cluster` extra; the README's test command installs it

from dlp.batch import BatchRun, RunReport  # noqa: E402
from dlp.batch.worker import LetterResult  # noqa: E402
from dlp.config import Config  # noqa: E402
from dlp.registry.build import build_file  # noqa: E402
from dlp.registry.sources import csv_clients, csv_source  # noqa: E402
from tests.batch.test_batch import write_data, write_letters  # noqa: E402
from tests.extract.conftest import pdf_of_pages  # noqa: E402
from tests.synthetic import SyntheticClient, SyntheticRegistry, account_body, letter  # noqa: E402

Results = list[tuple[LetterResult, str | None]]


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    """Two worker processes of one thread each, on free ports, no dashboard."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        scheduler_port=0,
        dashboard_address=None,
        memory_limit="2GiB",
        silence_logs=40,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def index_file(registry_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shared") / "clients.dlpidx"
    build_file(csv_clients(registry_csv), path, csv_source(registry_csv))
    return path


@pytest.fixture
def clients(synthetic: SyntheticRegistry) -> list[SyntheticClient]:
    return synthetic.ordinary()[100:160]


def run(config: Config, registry: Path, data: Path, letters: Path, cluster: str | None = None, emit=None):  # type: ignore[no-untyped-def]
    results: Results = []

    def collect(result: LetterResult, incident: str | None) -> None:
        results.append((result, incident))
        if emit:
            emit(len(results))

    report = BatchRun(config, str(registry), data, letters, {}, 2, cluster=cluster).run(collect)
    return report, results


def verdicts(report: RunReport, results: Results) -> tuple[object, ...]:
    """Everything a user sees of a run but the incident ids (two runs record two sets of incidents)."""
    letters = [
        (r.number, r.locator, r.decision, sorted((v.rule, v.explanation) for v in r.violations), i is not None)
        for r, i in results
    ]
    run_letters = sorted(r.number for r, i in results if i is not None and i == report.run_incident)
    return (
        letters,
        run_letters,
        report.letters,
        report.rows,
        report.blocked,
        report.shift,
        report.duplicates,
        report.rows_without_letter,
        report.letters_without_row,
        report.run_incident is not None,
        report.failed,
    )


def test_shift_and_duplicate_give_the_same_verdicts_on_the_cluster(
    tmp_path: Path, config: Config, index_file: Path, clients: list[SyntheticClient], cluster
) -> None:
    data = write_data(tmp_path / "data.csv", clients[:40])
    texts = [letter(c, account_body(c)) for c in clients[:40]]
    texts.insert(9, texts[8])  # letter 9 printed twice
    for i in range(30, 41):  # from letter 31 on, each carries the next row's account
        texts[i] = letter(clients[i - 1], account_body(clients[i]))
    texts[20] = texts[20].replace("Your water account", "Dear «FirstName», your water account")
    letters = write_letters(tmp_path / "letters", texts)
    local = run(config, index_file, data, letters)
    remote = run(config, index_file, data, letters, cluster.scheduler_address)
    assert verdicts(*remote) == verdicts(*local)
    report, results = remote
    assert report.duplicates == {9: [9, 10]} and report.shift is not None and report.failed
    assert [r.number for r, _ in results] == list(range(1, 42))
    unmerged = results[20]
    assert unmerged[1] and unmerged[1].startswith("INC-") and unmerged[1] != report.run_incident  # recorded here


def test_a_worker_killed_mid_run_loses_and_doubles_no_letter(
    tmp_path: Path, config: Config, index_file: Path, synthetic: SyntheticRegistry, cluster
) -> None:
    people = synthetic.ordinary()[:150]
    data = write_data(tmp_path / "data.csv", people)
    letters = write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in people])
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    try:
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_one(done: int) -> None:
            if done == 20:  # the run is under way: kill a worker in the middle of a chunk of letters
                busy = [w for w, keys in client.processing().items() if any("-letters-" in str(k) for k in keys)]
                assert busy
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])

        report, results = run(config, index_file, data, letters, cluster.scheduler_address, emit=kill_one)
        assert killed
        deadline = time.monotonic() + 60
        while len(client.nthreads()) < 2 and time.monotonic() < deadline:  # its nanny starts it again
            time.sleep(0.2)
        assert set(client.run(os.getpid).values()) != set(pids.values())
    finally:
        client.close()
    assert [r.number for r, _ in results] == list(range(1, 151))  # every letter once, in order
    assert report.letters == report.rows == 150 and report.decisions == {"allow": 150}
    assert not report.failed and not report.duplicates and not report.rows_without_letter


def test_a_merged_pdf_is_split_in_page_ranges_with_letters_across_their_edges(
    tmp_path: Path,
    config: Config,
    index_file: Path,
    clients: list[SyntheticClient],
    cluster,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dlp.batch import cluster as cluster_module

    monkeypatch.setattr(cluster_module, "PAGES_PER_TASK", 3)  # ranges of 3 pages; letters of 1 to 4 pages
    people = clients[:9]
    pages: list[str] = []
    for i, person in enumerate(people):
        body = account_body(people[i + 1] if i == 6 else person)  # letter 7 carries the next row's account
        pages.append(letter(person, body))
        pages += [f"Page {n}\nTerms and conditions of your water account, continued." for n in range(2, 2 + i % 4)]
    pdf = tmp_path / "run.pdf"
    pdf.write_bytes(pdf_of_pages(pages))
    data = write_data(tmp_path / "data.csv", people)
    local = run(config, index_file, data, pdf)
    remote = run(config, index_file, data, pdf, cluster.scheduler_address)
    assert verdicts(*remote) == verdicts(*local)
    report, results = remote
    assert report.letters == 9 and not report.rows_without_letter and not report.duplicates
    assert [r.number for r, _ in results if r.decision != "allow"] == [7]
    # Letter 4 (pages 7-10) and letter 8 (pages 17-20) run across the edges of the 3-page ranges.
    assert [r.locator for r, _ in results][3::4] == ["letter 4, pages 7-10", "letter 8, pages 17-20"]
    assert results[8][0].locator == "letter 9, page 21"


def test_the_scheduler_going_away_stops_the_run_with_a_partial_report(
    tmp_path: Path, registry_csv: Path, index_file: Path, synthetic: SyntheticRegistry
) -> None:
    people = synthetic.ordinary()[:200]
    write_data(tmp_path / "data.csv", people)
    write_letters(tmp_path / "letters", [letter(c, account_body(c)) for c in people])
    (tmp_path / "dlp.toml").write_text(f'[registry]\npath = "{index_file}"\n[store]\nurl = "sqlite:///var/x.db"\n')
    dask = [sys.executable, "-m"]
    scheduler = subprocess.Popen(
        [
            *dask,
            "distributed.cli.dask_scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            "s.json",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "s.json").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads((tmp_path / "s.json").read_text())["address"]
        worker = subprocess.Popen(
            [*dask, "distributed.cli.dask_worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        exe = Path(sys.executable).with_name("dlp")
        batch = subprocess.Popen(
            [
                str(exe),
                "batch",
                "--config",
                "dlp.toml",
                "--data",
                "data.csv",
                "--json",
                "--cluster",
                address,
                "letters",
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=(tmp_path / "stderr").open("w"),
            text=True,
        )
        assert batch.stdout is not None
        lines = [batch.stdout.readline() for _ in range(5)]  # five letters checked on the cluster
        scheduler.kill()
        out = batch.stdout.read()  # the rest, through the same buffer
        batch.wait(180)
        err = (tmp_path / "stderr").read_text()
    finally:
        for process in (worker, scheduler):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(30)
    results = [json.loads(line) for line in [*lines, *out.splitlines()] if line.strip()]
    assert batch.returncode == 2, err
    assert "went away" in err and "stopped: partial" in err and "Traceback" not in err
    assert 5 <= len(results) < 200 and f"{len(results)} of 200" in err, err
    assert all(r["decision"] == "allow" for r in results), results[-3:]
