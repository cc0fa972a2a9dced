"""Alerts: a critical incident sends a short email to the configured addresses through the next hop, with
nothing in it but the incident id, its rules, the channel and a link to it (no client detail, no client id).

At most `[alerts] per_hour` go out in any hour, counted in the store's audit log so every process (relay
workers, watcher, batch runs) shares the count; beyond that each incident's alert is logged as withheld, and
the reviewers see it in the list anyway. Sending happens on a thread of its own: recording an incident never
waits for the next hop, and a failed alert is logged and audited, never the item's problem."""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import TYPE_CHECKING

from dlp.config import Config
from dlp.errors import DlpError

if TYPE_CHECKING:
    from dlp.store import IncidentStore

log = logging.getLogger("dlp.alerts")


class Alerts:
    def __init__(self, config: Config) -> None:
        self.config = config
        settings = config.alerts
        self.to, self.per_hour = settings.to, settings.per_hour
        self.link = (settings.link_base or f"http://{config.web.listen}").rstrip("/")
        self._lock = threading.Lock()

    def message(self, reference: str, rules: list[str], channel: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = f"dlp-alerts@{self.config.relay.hostname}"
        message["To"] = ", ".join(self.to)
        message["Subject"] = f"Critical privacy incident {reference}"
        message["X-DLP-Verdict"] = "alert"  # the relay lets its own alerts through
        message.set_content(
            f"A critical incident was recorded and needs review.\n\n"
            f"Incident: {reference}\nRules: {', '.join(rules)}\nChannel: {channel}\n"
            f"Review it: {self.link}/incidents/{reference}\n"
        )
        return message

    def critical(self, store: IncidentStore, reference: str, rules: list[str], channel: str) -> threading.Thread | None:
        """Send (or withhold, past the hourly limit) the alert for a critical incident."""
        with self._lock:
            since = datetime.now(UTC) - timedelta(hours=1)
            sent = store.audit_count("alert", since)
            if sent >= self.per_hour:
                store.audit("alerts", "alert_withheld", reference, f"over {self.per_hour} alerts an hour")
                return None
            store.audit("alerts", "alert", reference, ", ".join(rules))
        thread = threading.Thread(target=self._send, args=(store, reference, rules, channel), name="dlp-alert")
        thread.start()  # not a daemon: a short-lived `dlp scan` waits for its alert to go
        return thread

    def _send(self, store: IncidentStore, reference: str, rules: list[str], channel: str) -> None:
        try:
            send_through_next_hop(self.config, self.message(reference, rules, channel), self.to)
        except (DlpError, OSError) as exc:
            log.warning("alert for %s not sent: %s", reference, exc.__class__.__name__)
            store.audit("alerts", "alert_failed", reference, exc.__class__.__name__)


def send_through_next_hop(config: Config, message: EmailMessage, to: tuple[str, ...] | list[str]) -> None:
    """Hand one message of our own (an alert, the daily digest) to [relay] next_hop, with a null sender so
    that nothing bounces back into the relay. Blocks the calling thread, on an event loop of its own, so call
    it from a thread or a command, never from inside a running event loop. Raises ForwardError or OSError."""
    from dlp.relay.forward import NextHop

    host, _, port = config.relay.next_hop.rpartition(":")
    hop = NextHop(host.strip("[]"), int(port), config.relay.next_hop_timeout_seconds, keep=0)
    asyncio.run(hop.send(bytes(message), "", list(to), []))
