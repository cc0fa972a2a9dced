"""Batch throughput and memory: letters/s for a run of text letters and of one merged PDF, peak memory.

    python benchmarks/bench_batch.py [--letters 10000] [--pdf-letters 1000] [--workers 2] [--cluster]

Peak memory (max RSS of the main process and of the largest worker) is printed so a run of 10,000 and one
of 100,000 letters can be compared: rows and letters are streamed, so it should not grow with the run.

With `--cluster` the same runs are also made on a Dask LocalCluster of `--workers` worker processes (one thread
each) in the same invocation, the local processes being the baseline: letters/s of both, their ratio, and the
peak memory of the run's process and of the largest cluster worker. Both read the same compiled index file.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dlp.batch import BatchRun  # noqa: E402
from dlp.config import Config, StoreConfig  # noqa: E402
from dlp.registry.build import build_file  # noqa: E402
from dlp.registry.sources import csv_clients, csv_source  # noqa: E402
from tests.synthetic import SyntheticClient, account_body, letter, make_registry  # noqa: E402

HEADER = ["FirstName", "Surname", "Address1", "Suburb", "Postcode", "AccountNo"]


def write_data(path: Path, clients: list[SyntheticClient]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for c in clients:
            writer.writerow([c.given_name, c.family_name, c.address_lines()[0], c.suburb, c.postcode, c.reference])
    return path


def timed(
    config: Config, index: Path, data: Path, letters: Path, workers: int, cluster: str | None
) -> tuple[float, float]:
    """Letters per second of one run (start-up included: a run pays for it), and the CPU time the run's own
    process spent per letter (all its threads: on a LocalCluster the scheduler's too)."""
    start, cpu = time.perf_counter(), time.process_time()
    first: list[float] = []
    run = BatchRun(config, str(index), data, letters, {}, workers, cluster=cluster)
    report = run.run(lambda r, i: first or first.append(time.perf_counter()))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.decisions.get("allow", 0) == report.letters, dict(report.decisions)
    steady = (report.letters - 1) / (start + elapsed - first[0])
    where = "cluster" if cluster else "local"
    print(f"    ({where}: {first[0] - start:.1f} s to the first letter, {steady:.0f} letters/s after it)")
    return report.letters / elapsed, cpu / report.letters


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


class TreeMemory(threading.Thread):
    """Samples the resident memory of some processes and all their descendants (a Dask worker and its
    scanning processes), every half second: the largest process seen, and the largest tree (shared pages,
    such as the mapped index, counted once per process)."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.process_kib, self.tree_kib = pids, 0.0, 0.0
        self.stopping = threading.Event()

    def run(self) -> None:
        import psutil  # distributed's own dependency

        while not self.stopping.wait(0.5):
            for pid in self.pids:
                try:
                    root = psutil.Process(pid)
                    sizes = [p.memory_info().rss / 1024 for p in [root, *root.children(recursive=True)]]
                except psutil.Error:
                    continue
                self.process_kib = max(self.process_kib, *sizes)
                self.tree_kib = max(self.tree_kib, sum(sizes))

    def stop(self) -> None:
        self.stopping.set()
        self.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--pdf-letters", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cluster", action="store_true", help="also on a Dask LocalCluster, side by side")
    args = parser.parse_args()
    n = max(args.letters, args.pdf_letters)
    # The registry stays the same size whatever the run's length, so memory figures show the run's own cost.
    reg = make_registry(10_010, seed=8)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        reg.write(tmp / "clients.csv")
        index = tmp / "clients.dlpidx"
        build_file(csv_clients(tmp / "clients.csv"), index, csv_source(tmp / "clients.csv"))
        config = Config(store=StoreConfig(url=f"sqlite:///{tmp}/dlp.db"), base_dir=tmp)
        clients = [reg.clients[i % 10_000] for i in range(n)]
        runs: list[tuple[str, Path, Path]] = []
        if args.letters:
            folder = tmp / "letters"
            folder.mkdir()
            for i, c in enumerate(clients[: args.letters], 1):
                (folder / f"letter{i}.txt").write_text(letter(c, account_body(c)))
            runs.append((f"text letters ({args.letters})", write_data(tmp / "data.csv", clients), folder))
        if args.pdf_letters:
            from tests.extract.conftest import pdf_of_pages

            pdf = tmp / "run.pdf"
            pdf.write_bytes(pdf_of_pages([letter(c, account_body(c)) for c in reg.clients[: args.pdf_letters]]))
            runs.append((f"merged PDF ({args.pdf_letters})", write_data(tmp / "pdfdata.csv", reg.clients), pdf))

        local = {name: timed(config, index, data, letters, args.workers, None)[0] for name, data, letters in runs}
        local_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        for name, rate in local.items():
            print(f"{name}: local {rate:.0f} letters/s ({args.workers} processes)")
        print(f"peak memory, local: run's process {mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}, ", end="")
        print(f"largest worker {mib(local_worker)}")
        if not args.cluster:
            return

        from distributed import Client, LocalCluster

        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            scheduler_port=0,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster:
            with Client(cluster.scheduler_address, set_as_default=False) as client:
                sampler = TreeMemory(list(client.run(os.getpid).values()))
            sampler.start()
            for name, data, letters in runs:
                rate, cpu = timed(config, index, data, letters, args.workers, cluster.scheduler_address)
                print(
                    f"{name}: cluster {rate:.0f} letters/s ({args.workers} workers) = {rate / local[name]:.2f}x local; "
                    f"the run's process {cpu * 1000:.2f} ms CPU per letter (its ceiling {1 / cpu:.0f} letters/s)"
                )
            sampler.stop()
        print(
            f"peak memory, cluster: run's process {mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)} "
            f"(the scheduler runs in it), largest worker process {mib(sampler.process_kib)}, "
            f"largest worker with its scanning processes {mib(sampler.tree_kib)}"
        )


if __name__ == "__main__":
    main()
