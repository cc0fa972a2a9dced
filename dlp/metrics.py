"""Prometheus metrics (prometheus-client), counted in the process that supervises the scanning workers.

Workers scan, but every item's outcome comes back to their supervisor (the relay's event loop, the folder
watcher's loop) as a small PII-free value, and so does every failure a worker cannot report itself (a crash,
a timeout, no worker free, no registry). So the supervisor counts, in its own registry, exactly once per
item: no multiprocess mode, whose per-pid files would need cleaning up after every worker killed on a
budget. State that is simply there to be read (items pending, workers alive, the registry in use) is read
when scraped, from sources the channels register (`watch_*`).

Labels carry channel, decision, rule and reason names only, never anything from an item.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, Protocol

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector

ITEMS = Counter("dlp_items", "Items scanned, by channel and decision", ["channel", "decision"])
ITEM_RULES = Counter(
    "dlp_item_rules", "Items on which a rule fired, by channel, rule and decision", ["channel", "rule", "decision"]
)
TEMPFAILS = Counter(
    "dlp_tempfails",
    "Items deferred to be tried again (relay 451, letter left in the inbox or the shunt), by channel and reason",
    ["channel", "reason"],
)
SCAN_SECONDS = Histogram(
    "dlp_scan_duration_seconds",
    "Time from handing an item to the scanning processes to its outcome (waiting for a free worker, scanning, "
    "and holding or forwarding it), by channel",
    ["channel"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0),
)

# The relay's 451 answers by enhanced status code (RFC 3463), then by wording where one code has two causes.
_RELAY_TEMPFAILS = {"4.3.2": "busy", "4.4.1": "next_hop_unavailable", "4.4.5": "scan_timeout"}


def item(channel: str, decision: str, rules: Iterable[str] = ()) -> None:
    ITEMS.labels(channel, decision).inc()
    for rule in rules:
        ITEM_RULES.labels(channel, rule, decision).inc()


def tempfail(channel: str, reason: str) -> None:
    TEMPFAILS.labels(channel, reason).inc()


def observe_scan(channel: str, started: float) -> None:
    """`started`: time.monotonic() when the item was handed over."""
    SCAN_SECONDS.labels(channel).observe(time.monotonic() - started)


def relay_reply(reply: str, started: float) -> str:
    """Count one relay transaction by its SMTP answer (the outcome itself is counted by `item`); returns it."""
    if reply.startswith("4"):
        code = reply.split(" ", 2)[1] if reply.count(" ") >= 2 else ""
        reason = _RELAY_TEMPFAILS.get(code)
        if reason is None:
            reason = "registry_unavailable" if "registry" in reply.lower() else "scanning_failure"
        tempfail("relay", reason)
        if reason == "busy":
            return reply  # never scanned: no latency to count
    observe_scan("relay", started)
    return reply


# -- read when scraped ---------------------------------------------------------------------------------------


class Pool(Protocol):
    size: int
    replaced: int

    @property
    def live(self) -> int: ...


class Registry(Protocol):
    def current(self) -> Any: ...


class _Sources(Collector):
    def __init__(self) -> None:
        self.pending: dict[str, Callable[[], int]] = {}
        self.limits: dict[str, int] = {}
        self.pools: dict[str, Pool] = {}
        self.registry: Registry | None = None

    def collect(self) -> Iterator[Metric]:
        pending = GaugeMetricFamily(
            "dlp_pending_items", "Items taken and not yet settled, by channel", labels=["channel"]
        )
        limit = GaugeMetricFamily(
            "dlp_pending_limit", "Items that may be pending before more are deferred, by channel", labels=["channel"]
        )
        for channel, read in list(self.pending.items()):
            pending.add_metric([channel], read())
        for channel, value in list(self.limits.items()):
            limit.add_metric([channel], value)
        live = GaugeMetricFamily("dlp_workers", "Scanning processes running, by pool", labels=["pool"])
        wanted = GaugeMetricFamily("dlp_workers_wanted", "Scanning processes configured, by pool", labels=["pool"])
        replaced = CounterMetricFamily(
            "dlp_workers_replaced", "Scanning processes lost (crash, timeout, memory) and replaced", labels=["pool"]
        )
        for name, pool in list(self.pools.items()):
            live.add_metric([name], pool.live)
            wanted.add_metric([name], pool.size)
            replaced.add_metric([name], pool.replaced)
        yield from (pending, limit, live, wanted, replaced)
        if self.registry is not None:
            yield from registry_metrics(self.registry)


def registry_metrics(registry: Registry) -> Iterator[Metric]:
    valid = GaugeMetricFamily("dlp_registry_valid", "1 when a valid client registry index is in use")
    try:
        index = registry.current()
    except Exception:  # noqa: BLE001 - RegistryUnavailable, or a file that vanished: not valid, say so
        valid.add_metric([], 0)
        yield valid
        return
    from dlp.registry.format import FORMAT_VERSION

    valid.add_metric([], 1)
    yield valid
    header = index.header
    info = InfoMetricFamily("dlp_registry", "The client registry index in use (checksum prefix, format version)")
    info.add_metric([], {"checksum": index.checksum[:16], "format_version": str(FORMAT_VERSION)})
    yield info
    yield GaugeMetricFamily("dlp_registry_clients", "Clients in the registry index in use", value=len(index))
    built = _timestamp(header.get("built_at"))
    if built is not None:
        yield GaugeMetricFamily(
            "dlp_registry_build_timestamp_seconds", "When the registry index in use was built (Unix time)", value=built
        )
        yield GaugeMetricFamily(
            "dlp_registry_age_seconds", "Seconds since the registry index in use was built", value=time.time() - built
        )


def _timestamp(value: object) -> float | None:
    try:
        return datetime.fromisoformat(str(value)).timestamp()
    except ValueError:
        return None


SOURCES = _Sources()
REGISTRY.register(SOURCES)


def watch_pending(channel: str, read: Callable[[], int], limit: int | None = None) -> None:
    SOURCES.pending[channel] = read
    if limit is not None:
        SOURCES.limits[channel] = limit


def watch_pool(name: str, pool: Pool) -> None:
    SOURCES.pools[name] = pool


def watch_registry(registry: Registry) -> None:
    SOURCES.registry = registry


def exposition() -> tuple[bytes, str]:
    """The text format Prometheus scrapes, and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
