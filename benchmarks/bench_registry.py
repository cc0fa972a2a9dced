"""Registry scale: build time, load time, memory of a relay with several workers, and scan latency, for the
compiled index against the BASELINE (the in-memory Aho-Corasick index it replaced, benchmarks/
baseline_registry.py) measured side by side in the same run.

    python benchmarks/bench_registry.py                       # 100,000 clients, quick
    python benchmarks/bench_registry.py --clients 1000000     # the issue's target (needs ~4 GB free)

The baseline is built at --baseline-clients (default 100,000): at a million clients it needs over 10 GB.
Clients are made up (tests.synthetic.write_large_registry): hundreds of thousands of distinct names at 1M.
"""

from __future__ import annotations

import argparse
import gc
import resource
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import baseline_registry  # noqa: E402
from dlp.config import Config, OrganisationConfig  # noqa: E402
from dlp.extract import communication_from_letter  # noqa: E402
from dlp.policy import Policy  # noqa: E402
from dlp.registry import RegistryIndex  # noqa: E402
from dlp.registry.sources import csv_clients  # noqa: E402
from dlp.scanner import Scanner  # noqa: E402
from tests.synthetic import ORG_DOMAIN, write_large_registry  # noqa: E402

DLP = str(Path(sys.executable).with_name("dlp"))


def letters_from(csv_path: Path, count: int, offset: int = 0) -> list[str]:
    """Letters to real clients of the registry (every 997th from `offset`), each with its own account reference."""
    import csv

    out = []
    with csv_path.open() as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            if i % 997 != offset:
                continue
            street, _, locality = row["postal_address"].partition(", ")
            ref = row["references"].split(";")[0]
            out.append(
                f"Riverbend Water\n1 River Road\nBendigo VIC 3550\n\n20 November 2026\n\n"
                f"{row['given_name']} {row['family_name']}\n{street}\n{locality.upper()}\n\n"
                f"Dear {row['given_name']} {row['family_name']},\n\nYour water account {ref} has a balance of "
                f"$182.40 due on 15 December 2026. Call us on 1300 555 010.\n\nYours sincerely\nCustomer Care\n"
            )
            if len(out) >= count:
                break
    return out


def latency(
    scanners: list[Scanner], letters: list[list[str]], others: list[list[str]]
) -> list[tuple[float, float, float]]:
    """Per scanner: mean and 95th percentile ms per letter for a whole scan of its `letters`, and mean µs for
    registry matching alone in its `others` (to other clients: what the scans looked up is not found cached).
    Interleaved letter by letter, in an order that rotates: a machine whose speed drifts (a shared one) slows
    every scanner alike, which per-scanner blocks of letters did not."""
    items = [[communication_from_letter(t.encode(), "letter.txt") for t in texts] for texts in letters]
    for scanner, mine in zip(scanners, items, strict=True):
        for item in mine[:5]:
            scanner.scan(item, record=False)
    order = list(range(len(scanners)))
    times: list[list[float]] = [[] for _ in scanners]
    finds = [0.0 for _ in scanners]
    for j in range(min(map(len, items))):
        order = order[1:] + order[:1]
        for k in order:
            start = time.perf_counter()
            scanners[k].scan(items[k][j], record=False)
            times[k].append((time.perf_counter() - start) * 1000)
    for j in range(min(map(len, others))):
        order = order[1:] + order[:1]
        for k in order:
            start = time.perf_counter()
            sum(1 for _ in scanners[k].index.find(others[k][j]))
            finds[k] += time.perf_counter() - start
    count = min(map(len, others))
    return [
        (statistics.mean(t), statistics.quantiles(t, n=20)[-1], f / count * 1e6)
        for t, f in zip(times, finds, strict=True)
    ]


def memory_of(pid: int) -> dict[str, float]:
    """PSS and USS (private) of a process, MiB."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, value = line.partition(":")
        if value.strip().endswith("kB"):
            fields[key] = int(value.split()[0]) / 1024
    return {"pss": fields["Pss"], "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def children(pid: int, deep: bool = True) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids = (task / "children").read_text().split()
        found += [int(k) for k in kids]
    return found + [g for k in found for g in children(k)] if deep else found


class Sink:
    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        return "250 2.0.0 Ok"


def relay_memory(index: Path, workers: int, letters: list[str], tmp: Path) -> list[tuple[str, dict[str, float]]]:
    import socket

    def port() -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    sink_port, relay_port = port(), port()
    sink = Controller(Sink(), hostname="127.0.0.1", port=sink_port)
    sink.start()
    config = tmp / "relay.toml"
    config.write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{index}"\n'
        f'[store]\nurl = "sqlite:///{tmp}/dlp.db"\n[quarantine]\npath = "{tmp}/q"\nkey_file = "{tmp}/q.key"\n'
        f'[relay]\nlisten = "127.0.0.1:{relay_port}"\nnext_hop = "127.0.0.1:{sink_port}"\nworkers = {workers}\n'
    )
    started = time.perf_counter()
    relay = subprocess.Popen([DLP, "relay", "--config", str(config)], stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with smtplib.SMTP("127.0.0.1", relay_port, timeout=5):
                    break
            except OSError:
                if relay.poll() is not None or time.perf_counter() - started > 300:
                    raise RuntimeError("relay did not start") from None
                time.sleep(0.2)
        ready = time.perf_counter() - started

        # Enough messages, over as many sessions as there are workers at once, that every worker scans its
        # share and touches the index as real traffic does (one session at a time would keep one worker busy).
        def send(share: list[str]) -> None:
            with smtplib.SMTP("127.0.0.1", relay_port, timeout=120) as smtp:
                for i, text in enumerate(share):
                    smtp.sendmail(f"billing@{ORG_DOMAIN}", [f"staff{i}@{ORG_DOMAIN}"], f"Subject: x\n\n{text}")

        with ThreadPoolExecutor(workers) as sessions:
            list(sessions.map(send, [letters[k::workers] * 3 for k in range(workers)]))
        time.sleep(1)
        out = [("relay (main)", memory_of(relay.pid))]
        for zygote in children(relay.pid, deep=False):  # the workers' zygote, then the workers it forked
            out.append(("zygote", memory_of(zygote)))
            out += [(f"worker {n}", memory_of(pid)) for n, pid in enumerate(children(zygote), 1)]
        out.append(("started in s", {"pss": ready, "uss": 0.0}))
        return out
    finally:
        relay.terminate()
        relay.wait(timeout=120)
        sink.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--baseline-clients", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the latency comparison")
    args = parser.parse_args()
    config = Config(organisation=OrganisationConfig(internal_domains=(ORG_DOMAIN,)))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        csv_path = write_large_registry(tmp / "clients.csv", args.clients, seed=9)
        index_path = tmp / "clients.dlpidx"
        print(f"registry: {args.clients:,} clients, CSV {csv_path.stat().st_size / 2**20:.0f} MiB")

        start = time.perf_counter()
        subprocess.run([DLP, "registry", "build", str(csv_path), "-o", str(index_path)], check=True)
        build_s = time.perf_counter() - start
        build_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"build: {build_s:.1f} s, peak {build_peak:.0f} MiB, index {index_path.stat().st_size / 2**20:.0f} MiB")

        loads = []
        for _ in range(3):
            start = time.perf_counter()
            index = RegistryIndex.open(index_path)
            loads.append(time.perf_counter() - start)
        print(f"load (checksum verified, mapped): {min(loads):.2f} s")

        base_csv = write_large_registry(tmp / "baseline.csv", args.baseline_clients, seed=9)
        small_path = tmp / "small.dlpidx"
        subprocess.run([DLP, "registry", "build", str(base_csv), "-o", str(small_path)], check=True)
        gc.collect()
        start = time.perf_counter()
        base_index = baseline_registry.RegistryIndex(csv_clients(base_csv))
        base_load = time.perf_counter() - start
        gc.collect()
        gc.freeze()  # the baseline's millions of objects: not walked by every collection of the rounds
        scanners = (
            (f"baseline, {args.baseline_clients:,} clients", Scanner(config, base_index, Policy.load()), base_csv),  # type: ignore[arg-type]
            (
                f"compiled, {args.baseline_clients:,} clients",
                Scanner(config, RegistryIndex.open(small_path), Policy.load()),
                base_csv,
            ),
            (f"compiled, {args.clients:,} clients", Scanner(config, index, Policy.load()), csv_path),
        )
        # Rounds of letters interleaved one by one (baseline, compiled, compiled at scale, in turn): a machine
        # shared with other work slows all three alike, and each round gives its own ratios. Each round writes
        # to other clients, as a relay's next messages would: no round finds the lookups of the last one cached.
        rounds = [
            latency(
                [scanner for _, scanner, _ in scanners],
                [letters_from(source, args.letters, 2 * k) for _, _, source in scanners],
                [letters_from(source, args.letters, 2 * k + 1) for _, _, source in scanners],
            )
            for k in range(args.rounds)
        ]
        print(f"baseline load+index of {args.baseline_clients:,} clients from CSV: {base_load:.1f} s")
        print(f"scan latency, {args.rounds} rounds of {args.letters} letters interleaved one by one")
        print("(median of rounds; ratio to the baseline per round as min / median / max)")
        print(f"{'':<34}{'mean ms':>9}{'p95 ms':>9}{'find µs':>9}   ratio")
        for k, (name, _, _) in enumerate(scanners):
            mean, p95, find = (statistics.median(r[k][i] for r in rounds) for i in range(3))
            ratios = sorted(r[k][0] / r[0][0] for r in rounds)
            spread = f"{ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f}"
            print(f"{name:<34}{mean:>9.2f}{p95:>9.2f}{find:>9.0f}   {spread}")
        del scanners, base_index
        gc.unfreeze()

        del index
        gc.collect()
        rows = relay_memory(index_path, args.workers, letters_from(csv_path, 40), tmp)
        started = rows.pop()[1]["pss"]
        print(f"relay with {args.workers} workers on the {args.clients:,}-client index (ready in {started:.1f} s):")
        for name, mem in rows:
            print(f"  {name:<14} PSS {mem['pss']:7.0f} MiB   USS {mem['uss']:7.0f} MiB")
        print(f"  {'total':<14} PSS {sum(m['pss'] for _, m in rows):7.0f} MiB")


if __name__ == "__main__":
    main()
