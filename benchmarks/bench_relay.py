"""Relay throughput and added latency, against two baselines measured side by side in the same run.

    python benchmarks/bench_relay.py [--repeat 3] [--sessions 1 10 20] [--seconds 3] [--workers 2]

Postfix's `smtp-source` drives the same messages, at 1, 10 and 20 parallel sessions, to
- a bare aiosmtpd sink (a Python SMTP server that accepts everything: the ceiling of a Python relay),
- Postfix's `smtp-sink` (the raw SMTP ceiling of this machine),
- `dlp relay`, which scans every message and forwards it to an `smtp-sink` as its next hop.
The three are interleaved (their order rotates every round) and each round is repeated; the figures are
min / median / max of the relay's throughput as a ratio of each baseline's in the same round. On a shared
machine those ratios move with the load (printed with every round), so the CPU time each message costs the
relay's processes and the aiosmtpd sink (read from /proc during the same runs) is printed beside them.

Two workloads: 20 KB client emails, and the mix (short client emails, letters, an internal list, a client
extract, a 150 KB attachment, a few incidents the relay holds instead of forwarding), each kind sent in
proportion to its weight. Each round then measures the latency one 20 KB message at a time adds, straight to
`smtp-sink` and through the relay to it (interleaved blocks; 2,000 messages a side by default, so a round's
p99 rests on its seven slowest, not on one or two); the end shows where a relay message's time goes
(parse and scan in-process; the rest is SMTP twice, the hand-off to a worker and forwarding).
Needs Debian's postfix package (smtp-source, smtp-sink).

smtp-source resends one file: the figures are honest only because the scanner keeps nothing it worked out
about a text from one item to the next (Scanner.scan forgets its per-text caches first). A cache keyed by
text that outlived a scan would make this benchmark measure cache hits, not mail.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the synthetic generator lives with the tests

from tests.synthetic import (  # noqa: E402
    OMBUDSMAN_DOMAIN,
    ORG_DOMAIN,
    SyntheticRegistry,
    account_body,
    email,
    extract_csv,
    letter,
    make_registry,
)

SINK = textwrap.dedent("""
    import sys
    from aiosmtpd.controller import Controller
    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 2.0.0 Ok"
    c = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]), decode_data=False)
    c.start()
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    sys.stdin.read()
""")
FILLER = textwrap.fill(
    "Planned maintenance on the water main in your street will interrupt supply for up to four hours. " * 300,
    width=76,
)
SENDER = f"billing@{ORG_DOMAIN}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(port)


def message_20k(reg: SyntheticRegistry) -> bytes:
    a = reg.ordinary()[0]
    body = account_body(a) + "\n\n" + FILLER
    message = email([a.email], "Your account", body[: 20 * 1024 - 400])
    return message


def mix(reg: SyntheticRegistry) -> list[tuple[str, bytes, int]]:
    """(name, message, weight): mostly ordinary outgoing mail, some large, a few incidents (held, not refused:
    smtp-source stops at a refusal)."""
    people = reg.ordinary()
    a, b = people[0], people[1]
    big = os.urandom(110 * 1024)  # an opaque ~150 KB attachment once base64-encoded
    return [
        ("client email 3 KB", email([a.email], "Your account", account_body(a) + "\n" + FILLER[:2500]), 40),
        (
            "letter attached 8 KB",
            email(
                [a.email],
                "Your letter",
                "Attached.",
                attachments=[("letter.txt", letter(a, account_body(a) + FILLER[:5000]).encode(), "text/plain")],
            ),
            20,
        ),
        (
            "internal list 5 KB",
            email(
                [f"team@{ORG_DOMAIN}"], "Review", "\n".join(f"{c.reference} {c.name} {c.phone}" for c in people[:80])
            ),
            10,
        ),
        ("ombudsman 4 KB", email([f"case@{OMBUDSMAN_DOMAIN}"], "Complaint", account_body(a) + FILLER[:3000]), 10),
        (
            "extract to internal 10 KB",
            email(
                [f"analyst@{ORG_DOMAIN}"], "Extract", "x", attachments=[("c.csv", extract_csv(people[:60]), "text/csv")]
            ),
            5,
        ),
        (
            "large attachment 150 KB",
            email(
                [f"team@{ORG_DOMAIN}"],
                "Photos",
                "see attached",
                attachments=[("p.bin", big, "application/octet-stream")],
            ),
            5,
        ),
        ("incident: wrong account", email([a.email], "Your account", account_body(b)), 2),
    ]


def smtp_source(port: int, message: Path, count: int, sessions: int, rcpt: str) -> float:
    """Seconds to send `count` messages over `sessions` parallel, reused connections (as Postfix does)."""
    start = time.perf_counter()
    out = subprocess.run(
        ["smtp-source", "-d", "-s", str(sessions), "-m", str(count), "-f", SENDER, "-t", rcpt, "-F", str(message)]
        + [f"127.0.0.1:{port}"],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:  # a 451 ("busy") or any refusal stops smtp-source: the figure would be wrong
        raise RuntimeError(f"smtp-source to port {port}: {out.stderr.strip()[-300:]}")
    return time.perf_counter() - start


def latencies(port: int, message: bytes, rcpt: str, count: int) -> list[float]:
    out = []
    with smtplib.SMTP("127.0.0.1", port, timeout=120) as client:
        for _ in range(count):
            start = time.perf_counter()
            client.sendmail(SENDER, [rcpt], message)
            out.append(time.perf_counter() - start)
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of `pid` and its live descendants (the relay's zygote and workers); 0 without /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
            times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grown = {pid}, True
    while grown:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        grown = bool(more)
        tree |= more
    return sum(times.get(p, 0.0) for p in tree)


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


class InProcess:
    """Parsing and scanning alone, as a worker does them (no SMTP, no hand-off), timed in every round so that
    they are measured under the same load as the runs they are set against."""

    def __init__(self, tmp: Path, messages: dict[str, bytes]) -> None:
        from dlp.config import load_config
        from dlp.scanner import Scanner

        self.scanner = Scanner.from_config(load_config(tmp / "dlp.toml"), with_store=False)
        self.messages = {name: data.replace(b"\n", b"\r\n") for name, data in messages.items()}
        self.wall: dict[str, list[float]] = {name: [] for name in messages}
        self.cpu: dict[str, list[float]] = {name: [] for name in messages}
        self.measure(5)  # warm-up, not kept
        self.wall = {name: [] for name in messages}
        self.cpu = {name: [] for name in messages}

    def measure(self, n: int) -> None:
        """Milliseconds per message (wall and CPU) over `n` scans of each message."""
        from dlp.extract import communication_from_message
        from dlp.model import Channel

        scanner = self.scanner
        for name, data in self.messages.items():
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(n):
                item = communication_from_message(data, "bench", scanner.limits, envelope_recipients=["x@x.example"])
                scanner.scan(item, Channel.RELAY, record=False)
            self.wall[name].append((time.perf_counter() - start) / n * 1000)
            self.cpu[name].append((time.process_time() - cpu) / n * 1000)


def _no_op(state: object, message: bytes) -> int:
    return len(message)


def plumbing_costs(tmp: Path, message: bytes, sink_port: int, aio_port: int) -> dict[str, float]:
    """Median milliseconds of the relay's other steps for one message, each measured alone: SMTP in (a
    transaction with the bare aiosmtpd sink), the hand-off to a worker and back (dlp.workers, a 20 KB job that
    does nothing), and forwarding to the next hop (dlp.relay.forward, as a worker does)."""
    import asyncio

    from dlp.config import load_config
    from dlp.relay.forward import NextHop
    from dlp.workers import WorkerPool
    from dlp.workers.pool import can_fork

    async def measure(pool: WorkerPool) -> dict[str, float]:
        hop = NextHop("127.0.0.1", sink_port, 30, keep=2)
        forward, handoff = [], []
        try:
            await pool.start()
            for _ in range(300):
                start = time.perf_counter()
                await pool.run(_no_op, message, budget=30)
                handoff.append(time.perf_counter() - start)
                start = time.perf_counter()
                await hop.send(message, SENDER, ["x@mail.example"], [])
                forward.append(time.perf_counter() - start)
        finally:
            hop.close()
            await pool.close()
        return {"hand-off": statistics.median(handoff) * 1000, "forwarding": statistics.median(forward) * 1000}

    if not can_fork():  # the no-op job lives in this script: only a fork of it can run it
        return {}
    out = {"SMTP in": statistics.median(latencies(aio_port, message, "x@mail.example", 300)) * 1000}
    pool = WorkerPool(load_config(tmp / "dlp.toml"), None, 1, record=False)
    pool.fork_zygote()
    return out | asyncio.run(measure(pool))


def main() -> None:
    for tool in ("smtp-source", "smtp-sink"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install postfix")
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 20])
    parser.add_argument("--seconds", type=float, default=3.0, help="aim for about this long per relay run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--latency-messages", type=int, default=2000, help="a side, over all rounds")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dlp-bench-relay-"))
    reg = make_registry(5000, seed=5)
    reg.write(tmp / "clients.csv")
    aio_port, sink_port, hop_port, relay_port = free_port(), free_port(), free_port(), free_port()
    (tmp / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\napproved_recipient_domains = ["{OMBUDSMAN_DOMAIN}"]\n'
        f'[registry]\npath = "clients.csv"\n[store]\nurl = "sqlite:///var/dlp.db"\n'
        f'[relay]\nlisten = "127.0.0.1:{relay_port}"\nnext_hop = "127.0.0.1:{hop_port}"\nworkers = {args.workers}\n'
    )
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    processes = [
        subprocess.Popen([sys.executable, "-c", SINK, str(aio_port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE),
        subprocess.Popen(["smtp-sink", *user, f"127.0.0.1:{sink_port}", "1000"]),
        subprocess.Popen(["smtp-sink", *user, f"127.0.0.1:{hop_port}", "1000"]),
    ]
    relay = subprocess.Popen(
        [str(Path(sys.executable).with_name("dlp")), "relay", "--config", str(tmp / "dlp.toml")],
        cwd=tmp,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "DLP_QUARANTINE_KEY": ""},
    )
    targets = {"aiosmtpd sink": aio_port, "smtp-sink": sink_port, "relay": relay_port}
    try:
        for port in (aio_port, sink_port, hop_port, relay_port):
            wait_for(port)
        rcpt = reg.ordinary()[0].email
        workloads = {"20 KB": [("20 KB client email", message_20k(reg), 1)], "mixed": mix(reg)}
        files: dict[str, Path] = {}
        for kinds in workloads.values():
            for name, message, _ in kinds:
                files[name] = tmp / f"{len(files)}.eml"
                files[name].write_bytes(message.replace(b"\r\n", b"\n"))
        # Warm up every path, and size each target's runs from its own speed: every run lasts about --seconds,
        # so smtp-source's start and its connections weigh alike on all three (a fixed count would leave the
        # sinks' runs mostly start-up, flattering the relay).
        count: dict[str, int] = {}
        for target, port in targets.items():
            smtp_source(port, files["20 KB client email"], 40, 4, rcpt)
            n = 200 if target == "relay" else 1000
            rate = n / smtp_source(port, files["20 KB client email"], n, 10, rcpt)
            count[target] = max(100, int(rate * args.seconds))
        print(
            "messages per run (about --seconds each, from a warm-up at 10 sessions for 20 KB mail): "
            + ", ".join(f"{target} {n}" for target, n in count.items())
            + "\n"
        )

        ratios: dict[tuple[str, int, str], list[float]] = {}
        throughput: dict[tuple[str, int, str], list[float]] = {}
        cpu_ms: dict[tuple[str, str], list[float]] = {}  # (workload, process) -> CPU ms per message, per run
        added: dict[str, list[float]] = {"p50": [], "p99": []}
        direct_all: list[float] = []
        through_all: list[float] = []
        message = message_20k(reg).replace(b"\n", b"\r\n")
        owners = {"aiosmtpd sink": processes[0].pid, "relay": relay.pid}  # the relay's workers are its descendants
        rounds_latency = max(5, args.latency_messages // args.repeat)
        alone = InProcess(tmp, {name: m for kinds in workloads.values() for name, m, _ in kinds})
        order = list(targets)
        print(f"start: {load()}")
        for round_no in range(args.repeat):
            for sessions in args.sessions:
                for workload, kinds in workloads.items():
                    total = sum(w for *_, w in kinds)
                    order = order[1:] + order[:1]  # interleave: every target goes first in turn
                    rates = {}
                    for target in order:
                        seconds = sent = 0.0
                        used = {name: cpu_seconds(pid) for name, pid in owners.items()}
                        used["next hop"] = cpu_seconds(processes[2].pid)
                        for name, _, weight in kinds:
                            n = max(sessions, count[target] * weight // total)
                            seconds += smtp_source(targets[target], files[name], n, sessions, rcpt)
                            sent += n
                        rates[target] = sent / seconds
                        throughput.setdefault((workload, sessions, target), []).append(rates[target])
                        if target == "aiosmtpd sink":
                            cpu_ms.setdefault((workload, "aiosmtpd sink"), []).append(
                                (cpu_seconds(owners["aiosmtpd sink"]) - used["aiosmtpd sink"]) / sent * 1000
                            )
                        elif target == "relay":
                            cpu_ms.setdefault((workload, "relay"), []).append(
                                (cpu_seconds(relay.pid) - used["relay"]) / sent * 1000
                            )
                            cpu_ms.setdefault((workload, "relay's next hop"), []).append(
                                (cpu_seconds(processes[2].pid) - used["next hop"]) / sent * 1000
                            )
                    for baseline in ("aiosmtpd sink", "smtp-sink"):
                        ratio = rates["relay"] / rates[baseline]
                        ratios.setdefault((workload, sessions, baseline), []).append(ratio)
            direct: list[float] = []
            through: list[float] = []
            for _ in range(5):  # interleaved blocks
                direct += latencies(sink_port, message, rcpt, rounds_latency // 5)
                through += latencies(relay_port, message, rcpt, rounds_latency // 5)
            added["p50"].append((statistics.median(through) - statistics.median(direct)) * 1000)
            added["p99"].append((p99(through) - p99(direct)) * 1000)
            direct_all += direct
            through_all += through
            alone.measure(max(20, 200 // args.repeat))
            print(f"round {round_no + 1} of {args.repeat} done, {load()}", file=sys.stderr)

        print(
            f"{'workload':<8}{'sessions':>9}  {'msg/s aiosmtpd / smtp-sink / relay (median)':<46}"
            f"{'relay / aiosmtpd sink':>24}{'relay / smtp-sink':>22}"
        )
        for workload in workloads:
            for sessions in args.sessions:
                med = [statistics.median(throughput[(workload, sessions, t)]) for t in targets]
                print(
                    f"{workload:<8}{sessions:>9}  {' / '.join(f'{m:.0f}' for m in med):<46}"
                    f"{spread(ratios[(workload, sessions, 'aiosmtpd sink')]):>24}"
                    f"{spread(ratios[(workload, sessions, 'smtp-sink')]):>22}"
                )
        print("(ratios: min / median / max over the rounds)\n")
        print(
            f"one 20 KB message at a time ({len(through_all)} each, {args.repeat} rounds): straight to smtp-sink p50 "
            f"{statistics.median(direct_all) * 1000:.2f} ms p99 {p99(direct_all) * 1000:.2f} ms; through the relay p50 "
            f"{statistics.median(through_all) * 1000:.2f} ms p99 {p99(through_all) * 1000:.2f} ms; added p50 "
            f"{spread(added['p50'])} ms, p99 {spread(added['p99'])} ms (min / median / max over the rounds)"
        )
        print(f"end: {load()}")
        wall = {name: statistics.median(values) for name, values in alone.wall.items()}
        cpu = {name: statistics.median(values) for name, values in alone.cpu.items()}
        steps = {"parse + scan": wall["20 KB client email"]} | plumbing_costs(tmp, message, sink_port, aio_port)
        relay_ms = statistics.median(through_all) * 1000
        rest = relay_ms - sum(steps.values())
        print(
            f"where a 20 KB message's {relay_ms:.2f} ms (p50 through the relay) go, each step measured alone: "
            + ", ".join(f"{name} {ms:.2f} ms" for name, ms in steps.items())
            + f"; the remaining {rest:.2f} ms is waiting for a CPU between the four processes on the way"
        )
        print(
            "parse + scan per message, in-process, wall / CPU (medians of the rounds): "
            + ", ".join(f"{name} {wall[name]:.2f} / {cpu[name]:.2f} ms" for name in wall)
        )
        for workload, kinds in workloads.items():
            # What the relay's processes spend per message besides parsing and scanning: SMTP in, the hand-off,
            # forwarding, holding the mix's incidents. Against the sink's CPU: how far the relay could go were
            # scanning free (approximate: in-process scans are timed between the runs, not during them).
            scan_ms = sum(cpu[name] * weight for name, _, weight in kinds) / sum(w for *_, w in kinds)
            relay_ms = statistics.median(cpu_ms[(workload, "relay")])
            sink_ms = statistics.median(cpu_ms[(workload, "aiosmtpd sink")])
            hop_ms = statistics.median(cpu_ms[(workload, "relay's next hop")])
            print(
                f"CPU per message, {workload} (medians of the runs): aiosmtpd sink {sink_ms:.2f} ms; the relay's "
                f"processes {relay_ms:.2f} ms ({relay_ms / max(sink_ms, 1e-9):.1f}x the sink's): parse + scan "
                f"{scan_ms:.2f} ms (in-process) and {relay_ms - scan_ms:.2f} ms of everything else (SMTP in, "
                f"hand-off, forwarding, holds); its next hop {hop_ms:.2f} ms"
            )
    finally:
        relay.send_signal(signal.SIGTERM)
        relay.wait(timeout=60)
        for process in processes:
            process.kill()
            process.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
