"""Wall time of the command line as a user meets it: `dlp --help` and a one-item `dlp scan`.

    python benchmarks/bench_cli.py [--clients 2000] [--runs 7] [--baseline-dlp OTHER/.venv/bin/dlp]

A registry of `--clients` generated clients (tests.synthetic, as a CSV: compiled at start, the slow case)
and one allowed .eml are written to a temporary folder, with a configuration naming them; each command is
then run `--runs` times as a fresh process and its median wall time printed. The named baseline, timed in
the same rounds, is a bare `python -c pass` (the floor no command can go below), or with `--baseline-dlp` the
same commands of another checkout (for example main's), so a change is measured side by side with what it
replaces. Targets (issue 14): `dlp --help` at most 0.3 s, a one-item scan with 2,000 clients at most 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the synthetic generator lives with the tests

from tests.synthetic import ORG_DOMAIN, account_body, email, make_registry  # noqa: E402

TARGETS = {"dlp --help": 0.3, "dlp scan (1 item)": 1.0}


def workspace(folder: Path, clients: int) -> None:
    registry = make_registry(clients, seed=7)
    registry.write(folder / "clients.csv")
    a = registry.ordinary()[0]
    (folder / "allowed.eml").write_bytes(email([a.email], "Your account", account_body(a)))
    (folder / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "clients.csv"\n'
        f'[store]\nurl = "sqlite:///{folder / "dlp.db"}"\n'
    )


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dlp", default=str(Path(sys.executable).with_name("dlp")), help="the dlp measured")
    parser.add_argument("--baseline-dlp", help="another checkout's dlp, timed in the same rounds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        folder = Path(tmp)
        workspace(folder, args.clients)
        scan = ["scan", "--config", "dlp.toml", "allowed.eml"]
        cases = {"dlp --help": ["--help"], "dlp scan (1 item)": scan}
        ours = {name: [args.dlp, *words] for name, words in cases.items()}
        if args.baseline_dlp:
            label = f"baseline {args.baseline_dlp}"
            theirs = {name: [args.baseline_dlp, *words] for name, words in cases.items()}
        else:
            label = "baseline python -c pass"
            theirs = {name: [sys.executable, "-c", "pass"] for name in cases}
        for command in [*ours.values(), *theirs.values()]:  # warm the page cache and the .pyc files
            wall(command, folder)
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):  # in turn, so other load on the machine slows both alike
            for name in cases:
                times.setdefault((name, "ours"), []).append(wall(ours[name], folder))
                times.setdefault((name, "base"), []).append(wall(theirs[name], folder))

    print(f"{args.clients} clients (CSV), median of {args.runs} runs; {label}")
    print(f"{'command':<20} {'ours':>8} {'baseline':>9} {'ratio':>7} {'target':>7}")
    for name, target in TARGETS.items():
        mine = statistics.median(times[(name, "ours")])
        base = statistics.median(times[(name, "base")])
        verdict = "ok" if mine <= target else "OVER"
        print(f"{name:<20} {mine:>7.2f}s {base:>8.2f}s {mine / base:>6.2f}x {target:>5.1f}s {verdict}")


if __name__ == "__main__":
    main()
