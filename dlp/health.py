"""Liveness and readiness, and the small HTTP listener that serves them with the metrics.

    /healthz  alive: the process's loops are turning (200), or one has stalled (503)
    /readyz   ready: scanning processes up, a valid registry in use, the incident store reachable (200),
              else 503 naming what is not
    /metrics  Prometheus text format (dlp.metrics)

Each channel registers what it has (`observe_relay`, `observe_watcher`, `observe_web`); a process running
several (`dlp serve`) answers for all of them. Answers are JSON naming checks and reasons, never any data.
The review UI serves the same three paths on its own port (dlp.web.health); the relay and the watcher on
`[relay] metrics_listen` and `[folder] metrics_listen` (off unless set).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from dlp import metrics

log = logging.getLogger("dlp.health")
Check = Callable[[], str | None]  # None when fine, else why not (no personal data)
STALL_SECONDS = 30.0  # a loop that has not turned for this long is not alive

_ready: dict[str, Check] = {}
_alive: dict[str, Check] = {}


def add_readiness(name: str, check: Check) -> None:
    _ready[name] = check


def add_liveness(name: str, check: Check) -> None:
    _alive[name] = check


def _run(checks: dict[str, Check]) -> tuple[bool, dict[str, str]]:
    results: dict[str, str] = {}
    for name, check in sorted(checks.items()):
        try:
            problem = check()
        except Exception as exc:  # noqa: BLE001 - a failing check is an answer, not a crash
            problem = f"check failed ({exc.__class__.__name__})"
        results[name] = problem or "ok"
    return all(v == "ok" for v in results.values()), results


def readiness() -> tuple[bool, dict[str, Any]]:
    ok, checks = _run(_ready)
    return ok, {"ready": ok, "checks": checks}


def liveness() -> tuple[bool, dict[str, Any]]:
    ok, checks = _run(_alive)
    return ok, {"alive": ok, "checks": checks}


# -- the checks --------------------------------------------------------------------------------------------


class Heartbeat:
    """Beaten by a loop each time round; stale once it has not been for STALL_SECONDS."""

    def __init__(self) -> None:
        self.at = time.monotonic()

    def beat(self) -> None:
        self.at = time.monotonic()

    def check(self) -> str | None:
        idle = time.monotonic() - self.at
        return f"stalled for {idle:.0f} s" if idle > STALL_SECONDS else None


def workers_check(pool: metrics.Pool) -> Check:
    return lambda: None if pool.live > 0 else f"no scanning process running (0 of {pool.size})"


def registry_check(registry: metrics.Registry) -> Check:
    def check() -> str | None:
        from dlp.errors import DlpError

        try:
            registry.current()
        except DlpError as exc:
            return str(exc)
        return None

    return check


def store_check(store: Any) -> Check:
    """`store`: an IncidentStore, or a Config for a process that holds none (its workers do)."""
    engine = getattr(store, "engine", None)

    def check() -> str | None:
        nonlocal engine
        from sqlalchemy import create_engine, text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            if engine is None:
                from dlp.store import store_url

                engine = create_engine(store_url(store), pool_pre_ping=True)
            with engine.connect() as connection:
                connection.execute(text("select 1"))
        except SQLAlchemyError as exc:
            return f"incident store unreachable ({exc.__class__.__name__})"
        return None

    return check


# -- what each channel has ----------------------------------------------------------------------------------


def observe_relay(server: Any) -> Listener | None:
    """From `RelayServer.start()`, in its event loop: metrics sources, checks and [relay] metrics_listen."""
    from dlp.registry.live import LiveRegistry

    config = server.config
    handler, pool = server.handler, server.pool
    # The workers map the index; this process maps it too (one copy in the page cache) to say which is in use.
    registry = LiveRegistry(server.shared.worker_path, config.registry, write_status=False)
    metrics.watch_pending("relay", lambda: handler.active, config.relay.max_pending)
    metrics.watch_pool("relay", pool)
    metrics.watch_registry(registry)
    add_readiness("relay_workers", workers_check(pool))
    add_readiness("registry", registry_check(registry))
    add_readiness("store", store_check(server.poison.store))
    beat = Heartbeat()
    add_liveness("relay_loop", beat.check)
    loop = asyncio.get_running_loop()

    def tick() -> None:  # runs as long as the loop does; a blocked loop stops beating
        beat.beat()
        loop.call_later(1.0, tick)

    tick()
    return serve(config.relay.metrics_listen) if config.relay.metrics_listen else None


def observe_watcher(watcher: Any) -> Listener | None:
    """From `dlp watch` and `dlp serve` once the watcher started: sources, checks, [folder] metrics_listen."""
    config = watcher.config
    metrics.watch_pending("folder", lambda: len(watcher._waiting) + watcher._busy)
    metrics.watch_pool("folder", watcher.pool.pool)
    if metrics.SOURCES.registry is None:
        metrics.watch_registry(watcher.registry)
    add_readiness("folder_workers", workers_check(watcher.pool.pool))
    _ready.setdefault("registry", registry_check(watcher.registry))
    _ready.setdefault("store", store_check(config))
    add_liveness("folder_loop", watcher.heartbeat.check)
    return serve(config.folder.metrics_listen) if config.folder.metrics_listen else None


def observe_web(scanner: Any) -> None:
    """The review UI's checks: the store it shows, the registry it redacts evidence with."""
    if metrics.SOURCES.registry is None:
        metrics.watch_registry(scanner.registry)
    _ready.setdefault("registry", registry_check(scanner.registry))
    add_readiness("store", store_check(scanner.store))


# -- the listener -------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server_version = "dlp"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        if path == "/metrics":
            body, kind = metrics.exposition()
            self._send(200, body, kind)
        elif path in ("/healthz", "/readyz"):
            ok, answer = liveness() if path == "/healthz" else readiness()
            self._send(200 if ok else 503, json.dumps(answer).encode(), "application/json")
        else:
            self._send(404, b'{"error": "not found"}', "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - scrapes every few seconds: no log
        pass


class Listener:
    """/metrics, /healthz and /readyz on HOST:PORT, in a thread of its own."""

    def __init__(self, listen: str) -> None:
        host, _, port = listen.rpartition(":")
        self.httpd = ThreadingHTTPServer((host.strip("[]"), int(port)), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="dlp-metrics", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(listen: str) -> Listener:
    from dlp.errors import ConfigError

    try:
        listener = Listener(listen)
    except OSError as exc:
        raise ConfigError(f"metrics_listen {listen}: cannot listen ({exc.strerror})") from None
    log.info("metrics, /healthz and /readyz on http://%s/", listen)
    return listener
