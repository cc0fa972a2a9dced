"""The relay's SMTP side (aiosmtpd): who may connect, XFORWARD, and what each decision answers.

Answers 250 only after the next hop accepted the message or it is durably quarantined; every failure on
the way (scanner exception, timeout, full disk, next hop down) answers 451 so the sending MTA retries.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import multiprocessing
import signal
import ssl
import time
from concurrent.futures import ProcessPoolExecutor
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from dlp.config import Config
from dlp.errors import ConfigError
from dlp.registry.live import RegistryUnavailable, SharedRegistry
from dlp.relay.auth import check_password, load_users
from dlp.relay.forward import ForwardError, NextHop, with_header
from dlp.relay.worker import Outcome, init_worker, scan_message
from dlp.scanner import registry_location

log = logging.getLogger("dlp.relay")
XFORWARD_ATTRS = ("NAME", "ADDR", "PORT", "PROTO", "HELO", "IDENT", "SOURCE")


def _host_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host.strip("[]"), int(port)


class RelaySMTP(SMTP):
    """aiosmtpd's SMTP with a client-network check before the greeting and Postfix's XFORWARD command."""

    def __init__(
        self, handler: RelayHandler, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network], **kwargs: Any
    ) -> None:
        super().__init__(handler, **kwargs)
        self._networks = networks
        self._handler_ref = handler
        handler.connections.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._handler_ref.connections.discard(self)
        super().connection_lost(exc)

    async def _handle_client(self) -> None:
        assert self.session is not None
        peer = self.session.peer
        host = peer[0] if isinstance(peer, tuple) else str(peer)
        try:
            address = ipaddress.ip_address(host)
            allowed = any(address in net for net in self._networks)
        except ValueError:
            allowed = False
        if not allowed:
            log.warning("refused connection from a client outside [relay] client_networks")
            await self.push("554 5.7.1 Access denied: this relay accepts mail only from its configured networks")
            if self.transport is not None:
                self.transport.close()
            return
        await super()._handle_client()

    async def smtp_XFORWARD(self, arg: str) -> None:
        assert self.session is not None
        attrs: dict[str, str] = getattr(self.session, "xforward", {})
        for pair in (arg or "").split():
            key, sep, value = pair.partition("=")
            if not sep or key.upper() not in XFORWARD_ATTRS:
                await self.push("501 5.5.4 Bad XFORWARD attribute")
                return
            attrs[key.upper()] = value
        self.session.xforward = attrs  # type: ignore[attr-defined]
        await self.push("250 2.0.0 Ok")


class RelayHandler:
    def __init__(self, config: Config, pool: ProcessPoolExecutor) -> None:
        self.config = config
        self.relay = config.relay
        self.pool = pool
        self.next_hop = _host_port(self.relay.next_hop)
        self.hop = NextHop(*self.next_hop, timeout=self.relay.next_hop_timeout_seconds, keep=self.relay.max_pending)
        self.pending = 0  # messages scanning or waiting for a worker
        self.active = 0  # DATA transactions in flight (for a graceful stop)
        self.connections: set[RelaySMTP] = set()

    async def handle_EHLO(
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-XFORWARD " + " ".join(XFORWARD_ATTRS), responses[-1]]

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.pending >= self.relay.max_pending:
            return "451 4.3.2 Scanner busy, please try again later"
        self.pending += 1
        self.active += 1
        try:
            return await self._transaction(session, envelope)
        finally:
            self.pending -= 1
            self.active -= 1

    async def _transaction(self, session: Session, envelope: Envelope) -> str:
        data = envelope.original_content or b""
        sender = envelope.mail_from or ""
        recipients = list(envelope.rcpt_tos)
        xforward = getattr(session, "xforward", {})
        client = xforward.get("ADDR") or (session.peer[0] if isinstance(session.peer, tuple) else None)
        loop = asyncio.get_running_loop()
        try:
            outcome: Outcome = await asyncio.wait_for(
                loop.run_in_executor(
                    self.pool, scan_message, data, recipients, client, sender, tuple(envelope.mail_options)
                ),
                timeout=self.relay.scan_timeout_seconds,
            )
        except RegistryUnavailable:  # fail closed: the message stays with the sender until a registry is there
            log.error("no valid client registry; asking the client to retry")
            return "451 4.3.0 Client registry unavailable, please try again later"
        except TimeoutError:
            log.error("scan timed out; asking the client to retry")
            return "451 4.4.5 Scan timed out, please try again later"
        except Exception as exc:  # the worker crashed or raised: keep the message with the sender
            log.error("scan failed (%s); asking the client to retry", exc.__class__.__name__)
            return "451 4.3.0 Temporary scanning failure, please try again later"

        if outcome.decision == "reject":
            return (
                f"550 5.7.1 Message refused by the outgoing-mail privacy check ({outcome.incident}): "
                f"{outcome.words}. Nothing was sent."
            )
        if outcome.decision == "quarantine":
            if self.relay.notify_sender and sender:
                await self._notify(sender, outcome)
            return f"250 2.0.0 Held for privacy review as {outcome.incident}"
        header = outcome.decision + (
            f"; rules={','.join(outcome.rules)}; incident={outcome.incident}" if outcome.rules else ""
        )
        try:
            await self.hop.send(
                with_header(data, "X-DLP-Verdict", header), sender, recipients, list(envelope.mail_options)
            )
        except ForwardError as exc:
            log.error("%s; asking the client to retry", exc)
            return "451 4.4.1 Next hop unavailable, please try again later"
        return "250 2.0.0 Ok: scanned and forwarded"

    async def _notify(self, sender: str, outcome: Outcome) -> None:
        notice = EmailMessage()
        notice["From"] = f"postmaster@{self.relay.hostname}"
        notice["To"] = sender
        notice["Subject"] = f"Your message is held for privacy review ({outcome.incident})"
        notice["X-DLP-Verdict"] = "notice"
        notice.set_content(
            f"Your message was held before delivery because of: {outcome.words}.\n"
            f"A privacy officer will review it under reference {outcome.incident}. You do not need to resend it.\n"
        )
        try:
            await self.hop.send(bytes(notice), "", [sender], [])
        except ForwardError as exc:  # the message itself is safely held; a lost notice is only logged
            log.warning("sender notice not sent: %s", exc)


class RelayServer:
    """Owns the worker pool, the listening socket and a graceful stop."""

    def __init__(self, config: Config, registry_path: str | None, shared: SharedRegistry | None = None) -> None:
        self.config = config
        self.registry_path = registry_path
        # Workers map the index `shared` names; a registry CSV is compiled once, here, not once per worker.
        self.shared = shared or SharedRegistry(registry_location(config, registry_path), config.registry)
        self._own_shared = shared is None
        self._watch_registry: asyncio.Task[None] | None = None
        relay = config.relay
        try:
            self.networks = [ipaddress.ip_network(n, strict=False) for n in relay.client_networks]
        except ValueError as exc:
            raise ConfigError(f"[relay] client_networks: {exc}") from None
        self.tls = self._tls_context()
        self.users = load_users(config.resolve_path(relay.auth_users_file)) if relay.auth_users_file else None
        self.server: asyncio.base_events.Server | None = None
        self.pool: ProcessPoolExecutor | None = None
        self.handler: RelayHandler | None = None

    def _tls_context(self) -> ssl.SSLContext | None:
        relay = self.config.relay
        if not relay.tls_cert and not relay.tls_key:
            if relay.require_tls:
                raise ConfigError("[relay] require_tls needs tls_cert and tls_key")
            return None
        if not (relay.tls_cert and relay.tls_key):
            raise ConfigError("[relay] tls_cert and tls_key must be given together")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            context.load_cert_chain(self.config.resolve_path(relay.tls_cert), self.config.resolve_path(relay.tls_key))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"[relay] TLS certificate or key cannot be loaded: {exc}") from None
        return context

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if self.users is None or not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode(errors="replace")
        stored = self.users.get(login)
        ok = stored is not None and check_password(stored, auth_data.password.decode(errors="replace"))
        return AuthResult(success=ok, handled=False)

    def _protocol(self) -> RelaySMTP:
        assert self.handler is not None
        relay = self.config.relay
        return RelaySMTP(
            self.handler,
            networks=self.networks,
            hostname=relay.hostname,
            data_size_limit=relay.max_message_bytes,
            enable_SMTPUTF8=True,
            decode_data=False,
            timeout=relay.smtp_timeout_seconds,
            tls_context=self.tls,
            require_starttls=relay.require_tls,
            auth_required=self.users is not None,
            auth_require_tls=self.tls is not None,
            authenticator=self._authenticate if self.users else None,
        )

    async def start(self) -> None:
        relay = self.config.relay
        context = multiprocessing.get_context("spawn")  # no fork of a running event loop
        self.pool = ProcessPoolExecutor(
            max_workers=relay.workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(self.config, str(self.shared.worker_path)),
        )
        self.handler = RelayHandler(self.config, self.pool)
        # Build every worker's scanner now, so a bad registry or policy stops start-up, not the first message.
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self.pool, _ready) for _ in range(relay.workers)))
        host, port = _host_port(relay.listen)
        self.server = await loop.create_server(self._protocol, host, port)
        if self.shared.compiles:
            self._watch_registry = asyncio.create_task(self._recompile())

    async def _recompile(self) -> None:
        """Recompile a changed registry CSV; workers notice the new index file themselves."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.config.registry.reload_seconds / 4)
            await loop.run_in_executor(None, self.shared.refresh)

    async def stop(self) -> None:
        """Stop accepting, let transactions in flight finish, then close idle connections and the workers."""
        if self.server is not None:
            self.server.close()
        if self._watch_registry is not None:
            self._watch_registry.cancel()
        deadline = time.monotonic() + self.config.relay.shutdown_grace_seconds
        while self.handler is not None and self.handler.active and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if self.handler is not None:
            for connection in list(self.handler.connections):
                if connection.transport is not None:
                    connection.transport.close()
        if self.handler is not None:
            self.handler.hop.close()
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self._own_shared:
            self.shared.close()

    async def serve_forever(self) -> None:
        await self.start()
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopping.set)
        log.warning("relay listening on %s, forwarding to %s", self.config.relay.listen, self.config.relay.next_hop)
        await stopping.wait()
        log.warning("stopping: finishing transactions in flight")
        await self.stop()


def _ready() -> bool:
    return True
