"""Registry scale: load, index and memory for large registries, and matching cost against registry size.

python benchmarks/bench_registry.py [--clients 100000 1000000]
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from dlp.registry import RegistryIndex
from dlp.registry.loader import load_clients
from dlp.synthetic import account_body, letter, make_registry


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print(f"{'clients':>10}{'CSV MiB':>9}{'load s':>8}{'index s':>9}{'RSS MiB':>9}{'match KiB/s':>13}")
    for n in args.clients:
        gc.collect()
        reg = make_registry(n, seed=9)
        sample = "\n".join(letter(c, account_body(c)) for c in reg.clients[:200])
        with tempfile.TemporaryDirectory() as tmp:
            path = reg.write(Path(tmp) / "clients.csv")
            size = path.stat().st_size / 2**20
            del reg
            gc.collect()
            before = rss_mib()
            start = time.perf_counter()
            clients = load_clients(path)
            loaded = time.perf_counter()
            index = RegistryIndex(clients)
            indexed = time.perf_counter()
            del clients
            gc.collect()
            memory = rss_mib() - before
        start_match = time.perf_counter()
        rounds = 20
        for _ in range(rounds):
            sum(1 for _ in index.find(sample))
        kib_s = rounds * len(sample.encode()) / 1024 / (time.perf_counter() - start_match)
        print(f"{n:>10}{size:>9.1f}{loaded - start:>8.1f}{indexed - loaded:>9.1f}{memory:>9.0f}{kib_s:>13.0f}")
        del index
        gc.collect()


if __name__ == "__main__":
    main()
