"""Relay throughput and added latency: Postfix's smtp-source drives the same message mix straight to a sink
and through `dlp relay` to that sink, in one run.

    python benchmarks/bench_relay.py [--messages 200] [--sessions 8] [--workers 2]

The mix: short client emails, letters, an internal list, a 40-row client extract, a ~150 KB attachment
message, and a few incidents (which the relay holds or refuses instead of forwarding). Needs Debian's
postfix package for smtp-source.
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

from dlp.synthetic import (
    OMBUDSMAN_DOMAIN,
    ORG_DOMAIN,
    account_body,
    email,
    extract_csv,
    letter,
    make_registry,
)

SINK = textwrap.dedent("""
    import asyncio, sys
    from aiosmtpd.controller import Controller
    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 2.0.0 Ok"
    c = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]), decode_data=False)
    c.start()
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    sys.stdin.read()
""")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(port)


def mix(reg) -> list[tuple[str, bytes, int]]:  # type: ignore[no-untyped-def]
    """(name, message, weight): mostly ordinary outgoing mail, some large, a few incidents."""
    people = reg.ordinary()
    a, b = people[0], people[1]
    filler = textwrap.fill(
        "Planned maintenance on the water main in your street will interrupt supply for up to four hours. " * 40,
        width=76,
    )
    big = os.urandom(110 * 1024)  # an opaque ~150 KB attachment once base64-encoded
    return [
        ("client email 3 KB", email([a.email], "Your account", account_body(a) + "\n" + filler[:2500]), 40),
        (
            "letter attached 8 KB",
            email(
                [a.email],
                "Your letter",
                "Attached.",
                attachments=[("letter.txt", (letter(a, account_body(a) + filler[:5000])).encode(), "text/plain")],
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
        ("ombudsman 4 KB", email([f"case@{OMBUDSMAN_DOMAIN}"], "Complaint", account_body(a) + filler[:3000]), 10),
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
                attachments=[("photos.bin", big, "application/octet-stream")],
            ),
            5,
        ),
        ("incident: wrong account", email([a.email], "Your account", account_body(b)), 2),
    ]


def smtp_source(port: int, message: Path, count: int, sessions: int, rcpt: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            "smtp-source",
            "-s",
            str(sessions),
            "-m",
            str(count),
            "-f",
            f"billing@{ORG_DOMAIN}",
            "-t",
            rcpt,
            "-F",
            str(message),
            f"127.0.0.1:{port}",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def latencies(port: int, message: bytes, rcpt: str, count: int) -> list[float]:
    out = []
    with smtplib.SMTP("127.0.0.1", port, timeout=120) as client:
        for _ in range(count):
            start = time.perf_counter()
            client.sendmail(f"billing@{ORG_DOMAIN}", [rcpt], message)
            out.append(time.perf_counter() - start)
    return out


def main() -> None:
    if not shutil.which("smtp-source"):
        sys.exit("smtp-source not found: apt-get install postfix")
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dlp-bench-relay-"))
    reg = make_registry(5000, seed=5)
    reg.write(tmp / "clients.csv")
    sink_port, relay_port = free_port(), free_port()
    (tmp / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\napproved_recipient_domains = ["{OMBUDSMAN_DOMAIN}"]\n'
        f'[registry]\npath = "clients.csv"\n[store]\nurl = "sqlite:///var/dlp.db"\n'
        f'[relay]\nlisten = "127.0.0.1:{relay_port}"\nnext_hop = "127.0.0.1:{sink_port}"\n'
        f"workers = {args.workers}\nmax_pending = 64\n"
    )
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(sink_port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert sink.stdout and sink.stdout.readline().strip() == b"ready"
    relay = subprocess.Popen(
        [str(Path(sys.executable).with_name("dlp")), "relay", "--config", str(tmp / "dlp.toml")],
        cwd=tmp,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(relay_port)
        items = mix(reg)
        total_weight = sum(w for *_, w in items)
        rcpt = reg.ordinary()[0].email
        print(f"{'message':<28}{'count':>6}{'direct msg/s':>14}{'relay msg/s':>13}")
        direct_total = relay_total = 0.0
        sent = 0
        for name, message, weight in items:
            path = tmp / "message.eml"
            path.write_bytes(message.replace(b"\r\n", b"\n"))
            count = max(args.sessions, args.messages * weight // total_weight)
            direct = smtp_source(sink_port, path, count, args.sessions, rcpt)
            through = smtp_source(relay_port, path, count, args.sessions, rcpt)
            direct_total += direct
            relay_total += through
            sent += count
            print(f"{name:<28}{count:>6}{count / direct:>14.0f}{count / through:>13.0f}")
        print(
            f"all {sent} messages: direct {sent / direct_total:.0f} msg/s, through the relay "
            f"{sent / relay_total:.0f} msg/s = {direct_total / relay_total:.2f} of direct"
        )
        message = items[0][1].replace(b"\n", b"\r\n")
        base = latencies(sink_port, message, rcpt, 100)
        added = latencies(relay_port, message, rcpt, 100)
        q = statistics.quantiles
        print(
            f"latency of a 3 KB message, one at a time: direct p50 {statistics.median(base) * 1000:.1f} ms, "
            f"through the relay p50 {statistics.median(added) * 1000:.1f} ms, p99 {q(added, n=100)[98] * 1000:.1f} ms "
            f"(added p50 {(statistics.median(added) - statistics.median(base)) * 1000:.1f} ms, "
            f"p99 {(q(added, n=100)[98] - q(base, n=100)[98]) * 1000:.1f} ms)"
        )
    finally:
        relay.send_signal(signal.SIGTERM)
        relay.wait(timeout=60)
        sink.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
