"""The relay and the review UI leave each other alone (issue 13, point 8): `dlp relay` and `dlp web` run as
the separate processes they are in production, on one SQLite incident store, and each is measured while the
other is idle and while the other is busy, in the same run, in alternating rounds.

    python benchmarks/bench_interference.py [--incidents 20000] [--seconds 10] [--rounds 2] [--sessions 10]

- UI: latency of the list pages and the dashboard, one request at a time, with the relay idle (BASELINE) and
  with Postfix's `smtp-source` pushing 20 KB client mail through it at --sessions parallel sessions.
- Relay: messages a second through `dlp relay` (scanning, forwarding to Postfix's `smtp-sink`), with the UI
  idle (BASELINE) and with --clients browsers' worth of requests hammering it without pause.
Figures are ratios busy / idle (1.00: no interference). Both processes share this machine's cores, so some
slowdown is the CPU being shared, not the processes waiting on each other. Needs Debian's postfix package.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from bench_relay import SENDER, free_port, message_20k, smtp_source, wait_for  # noqa: E402

from dlp.store import IncidentStore  # noqa: E402
from dlp.web.users import add_user  # noqa: E402
from tests.store.generate import fill  # noqa: E402
from tests.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, make_registry  # noqa: E402

USER, PASSWORD = "olivia", "a long enough password"
PAGES = (
    "/incidents",
    "/incidents?status=open&sort=severity",
    "/incidents?channel=relay&since=2026-01-01&per_page=100",
    "/incidents?overdue=1&sort=report_due&order=asc",
    "/",
)
DLP = str(Path(sys.executable).with_name("dlp"))


def logged_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert token is not None
    answer = client.post("/login", data={"csrf": token.group(1), "username": USER, "password": PASSWORD})
    assert answer.status_code in (200, 303), answer.status_code
    return client


def ui_latencies(client: httpx.Client, seconds: float) -> list[float]:
    """Milliseconds of each page asked for, one after another, for `seconds`."""
    out, deadline, n = [], time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        start = time.perf_counter()
        answer = client.get(PAGES[n % len(PAGES)])
        out.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.status_code
        n += 1
    return out


async def _hammer(base: str, clients: int, stop: Path) -> int:
    """`clients` loops asking for pages without pause until `stop` exists; returns how many were served."""
    done = 0
    sync = logged_in(base)
    cookies = dict(sync.cookies)
    sync.close()

    async def one(n: int) -> None:
        nonlocal done
        async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=60) as client:
            while not stop.exists():
                await client.get(PAGES[(n + done) % len(PAGES)])
                done += 1

    await asyncio.gather(*(one(n) for n in range(clients)))
    return done


def relay_rate(port: int, message: Path, count: int, sessions: int, rcpt: str) -> float:
    return count / smtp_source(port, message, count, sessions, rcpt)


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=10, help="parallel SMTP sessions of the relay load")
    parser.add_argument("--clients", type=int, default=4, help="parallel clients hammering the UI")
    parser.add_argument("--hammer", nargs=3, metavar=("BASE", "CLIENTS", "STOP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.hammer:  # the UI load, in a process of its own so that it does not share the measuring one
        base, clients, stop = args.hammer
        print(asyncio.run(_hammer(base, int(clients), Path(stop))))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="dlp-bench-interference-"))
    reg = make_registry(5000, seed=5)
    reg.write(tmp / "clients.csv")
    relay_port, hop_port, web_port = free_port(), free_port(), free_port()
    (tmp / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\napproved_recipient_domains = ["{OMBUDSMAN_DOMAIN}"]\n'
        f'[registry]\npath = "clients.csv"\n[store]\nurl = "sqlite:///{tmp}/var/dlp.db"\n'
        f'[relay]\nlisten = "127.0.0.1:{relay_port}"\nnext_hop = "127.0.0.1:{hop_port}"\n'
        f'[web]\nlisten = "127.0.0.1:{web_port}"\n'
    )
    store = IncidentStore(f"sqlite:///{tmp}/var/dlp.db")
    fill(store, args.incidents, seed=7, days=180)
    add_user(store, USER, PASSWORD, "privacy_officer")
    store.close()
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    env = {**os.environ, "DLP_QUARANTINE_KEY": "", "DLP_WEB_SECRET": "bench-secret"}
    processes = [
        subprocess.Popen(["smtp-sink", *user, f"127.0.0.1:{hop_port}", "1000"]),
        subprocess.Popen(
            [DLP, "relay", "--config", str(tmp / "dlp.toml")], cwd=tmp, stderr=subprocess.DEVNULL, env=env
        ),
        subprocess.Popen([DLP, "web", "--config", str(tmp / "dlp.toml")], cwd=tmp, stderr=subprocess.DEVNULL, env=env),
    ]
    try:
        for port in (hop_port, relay_port, web_port):
            wait_for(port)
        rcpt = reg.ordinary()[0].email
        mail = tmp / "20k.eml"
        mail.write_bytes(message_20k(reg).replace(b"\r\n", b"\n"))
        ui = logged_in(f"http://127.0.0.1:{web_port}")
        ui_latencies(ui, 2)  # warm: templates, statement caches, the page cache of the database
        smtp_source(relay_port, mail, 40, 4, rcpt)
        rate = relay_rate(relay_port, mail, 200, args.sessions, rcpt)
        count = max(100, int(rate * args.seconds))
        print(f"{args.incidents:,} incidents; relay warm-up {rate:.0f} msg/s at {args.sessions} sessions (20 KB mail)")

        idle_ui: list[float] = []
        busy_ui: list[float] = []
        idle_relay: list[float] = []
        busy_relay: list[float] = []
        ui_ratios, relay_ratios, served = [], [], []
        for round_no in range(args.rounds):
            # The UI, relay idle and relay busy (which first alternates by round).
            measured = {}
            for busy in (False, True) if round_no % 2 == 0 else (True, False):
                load = None
                if busy:  # enough mail to outlast the measurement
                    load = subprocess.Popen(
                        ["smtp-source", "-d", "-s", str(args.sessions), "-m", str(int(rate * (args.seconds + 5))),
                         "-f", SENDER, "-t", rcpt, "-F", str(mail), f"127.0.0.1:{relay_port}"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    )  # fmt: skip
                    time.sleep(1)
                measured[busy] = ui_latencies(ui, args.seconds)
                if load is not None:
                    load.terminate()
                    load.wait()
                    time.sleep(1)
            idle_ui += measured[False]
            busy_ui += measured[True]
            ui_ratios.append(statistics.median(measured[True]) / statistics.median(measured[False]))

            # The relay, UI idle and UI hammered.
            rates = {}
            for busy in (False, True) if round_no % 2 == 0 else (True, False):
                stop = tmp / f"stop-{round_no}-{busy}"
                hammer = None
                if busy:
                    base = f"http://127.0.0.1:{web_port}"
                    command = [sys.executable, __file__, "--hammer", base, str(args.clients), str(stop)]
                    hammer = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
                    time.sleep(1.5)
                start = time.perf_counter()
                rates[busy] = relay_rate(relay_port, mail, count, args.sessions, rcpt)
                if hammer is not None:
                    stop.touch()
                    out, _ = hammer.communicate(timeout=120)
                    served.append(int(out.strip() or 0) / (time.perf_counter() - start + 1.5))
            idle_relay.append(rates[False])
            busy_relay.append(rates[True])
            relay_ratios.append(rates[True] / rates[False])

        print(f"\nUI (list pages and dashboard, one at a time), {len(idle_ui)} + {len(busy_ui)} requests:")
        print(f"  BASELINE relay idle : median {statistics.median(idle_ui):7.1f} ms   p95 {p95(idle_ui):7.1f} ms")
        print(f"  relay under load    : median {statistics.median(busy_ui):7.1f} ms   p95 {p95(busy_ui):7.1f} ms")
        print(f"  busy / idle median latency per round (min / median / max): {spread(ui_ratios)}")
        print(f"  p95 ratio (all rounds): {p95(busy_ui) / p95(idle_ui):.2f}")
        print(f"\nRelay (20 KB mail, {args.sessions} sessions, {count} messages a run):")
        print(f"  BASELINE UI idle    : {statistics.median(idle_relay):6.1f} msg/s")
        pages = statistics.median(served)
        print(f"  UI hammered         : {statistics.median(busy_relay):6.1f} msg/s", end="")
        print(f"   (the UI served {pages:.0f} pages/s meanwhile to {args.clients} clients)")
        print(f"  hammered / idle throughput per round (min / median / max): {spread(relay_ratios)}")
        print(f"\n({os.cpu_count()} cores shared by relay workers, the UI, the load generators and this process)")
        ui.close()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
