"""The relay's SMTP side (aiosmtpd): who may connect, XFORWARD, and what each decision answers.

The event loop here only speaks SMTP: each message goes whole to a supervised worker process (dlp.workers,
dlp.relay.worker), which scans it and holds, refuses or forwards it. Answers 250 only after the next hop
accepted the message or it is durably quarantined; a failure on the way (full disk, store or next hop down,
a worker that died or hung) answers 451 so the sending MTA retries — until a message has stopped workers
`poison_attempts` times, when it is held as unscannable instead of being deferred forever.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import logging
import re
import signal
import ssl
import time
from email._header_value_parser import get_addr_spec, get_angle_addr  # as aiosmtpd's _getaddr
from email.errors import HeaderParseError
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from dlp import metrics
from dlp.config import Config
from dlp.errors import (
    ConfigError,
    DlpError,
    ForwardError,
    NextHopRefused,
    RegistryUnavailable,
    WorkerLost,
    WorkerTimeout,
)
from dlp.health import Listener, observe_relay
from dlp.registry.live import SharedRegistry
from dlp.relay.auth import check_password, load_users
from dlp.relay.data import BulkData
from dlp.relay.poison import PoisonShunt
from dlp.relay.worker import Outcome, RelayMessage, handle_message
from dlp.scanner import registry_location
from dlp.workers import WorkerPool
from dlp.workers.held import failure_reason
from dlp.workers.pool import can_fork
from dlp.workers.zygote import freeze_heap

log = logging.getLogger("dlp.relay")
XFORWARD_ATTRS = ("NAME", "ADDR", "PORT", "PROTO", "HELO", "IDENT", "SOURCE")
# <local@domain>, both dot-atoms of ASCII atext (RFC 5322 3.2.3): the parser's addr_spec is the text as written.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_SIMPLE_PATH = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*)>")


def _host_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host.strip("[]"), int(port)


_NEEDS_SMTPUTF8 = "553 5.6.7 A non-ASCII address needs the SMTPUTF8 option"


def _utf8(mail_options: list[str]) -> bool:
    return any(option.upper() == "SMTPUTF8" for option in mail_options)


class RelaySMTP(BulkData):
    """aiosmtpd's SMTP with a client-network check before the greeting, Postfix's XFORWARD command and DATA
    read in bulk (dlp.relay.data)."""

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

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        """aiosmtpd's own, without the typing.Protocol class it defines on every call (a class per MAIL and
        RCPT: a few percent of the event loop's time), and a plain <local@domain> read without the address
        parser (as much again). tests/relay/test_server.py holds it to the original."""
        if not arg:
            return "", ""
        addr: str
        simple = _SIMPLE_PATH.match(arg)
        after = arg[simple.end() :].lstrip(" \t") if simple is not None else ""
        if simple is not None and not after.startswith("("):  # a comment after it is the parser's to skip
            addr, rest = simple[1], after  # what nearly every MTA sends: nothing to unquote or skip
        else:
            try:
                address, rest = get_angle_addr(arg) if arg.lstrip().startswith("<") else get_addr_spec(arg)
            except HeaderParseError:
                return None, None
            addr = address.addr_spec
        localpart, _, _ = addr.rpartition("@")
        if self.local_part_limit and len(localpart) > self.local_part_limit:
            return None, None
        return addr, rest

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
    """DATA → a supervised worker (dlp.relay.worker) → the SMTP answer. Nothing here reads the message."""

    def __init__(self, config: Config, pool: WorkerPool, poison: PoisonShunt) -> None:
        self.config = config
        self.relay = config.relay
        self.pool = pool
        self.poison = poison
        self.budget = float(min(self.relay.scan_timeout_seconds, config.limits.max_scan_seconds))
        # Messages in flight (scanning or waiting for a worker); beyond max_pending one waits, boundedly, for room.
        self.slots = asyncio.Semaphore(self.relay.max_pending)
        self.active = 0  # DATA transactions in flight (for a graceful stop)
        self.connections: set[RelaySMTP] = set()
        self.stopping = False  # no new transaction once a stop began; those under way finish

    def in_transaction(self) -> bool:
        """Whether a transaction is under way: from MAIL FROM, through its content, to the final reply."""
        return bool(self.active) or any(
            c.envelope is not None and c.envelope.mail_from is not None for c in self.connections
        )

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        if self.stopping:  # the sending MTA keeps the message and tries again (another relay, or this one later)
            return "421 4.3.2 Relay stopping, please try again later"
        if not address.isascii() and not _utf8(mail_options):
            return _NEEDS_SMTPUTF8
        envelope.mail_from = address  # aiosmtpd's own steps, which a handle_MAIL hook replaces
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        # Refused now, not once the message is checked: the next hop could never be given it, and a 451 after
        # DATA would have the sending MTA retry it for days.
        if not address.isascii() and not _utf8(envelope.mail_options):
            return _NEEDS_SMTPUTF8
        envelope.rcpt_tos.append(address)  # aiosmtpd's own steps, which a handle_RCPT hook replaces
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_EHLO(
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-XFORWARD " + " ".join(XFORWARD_ATTRS), responses[-1]]

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        started = time.monotonic()
        if self.slots.locked():
            try:
                await asyncio.wait_for(self.slots.acquire(), self.relay.busy_wait_seconds)
            except TimeoutError:
                return metrics.relay_reply("451 4.3.2 Scanner busy, please try again later", started)
        else:
            await self.slots.acquire()
        self.active += 1
        try:
            return metrics.relay_reply(await self._transaction(session, envelope), started)
        finally:
            self.slots.release()
            self.active -= 1

    async def _transaction(self, session: Session, envelope: Envelope) -> str:
        xforward = getattr(session, "xforward", {})
        message = RelayMessage(
            data=envelope.original_content or b"",
            sender=envelope.mail_from or "",
            recipients=tuple(envelope.rcpt_tos),
            mail_options=tuple(envelope.mail_options),
            client=xforward.get("ADDR") or (session.peer[0] if isinstance(session.peer, tuple) else None),
        )
        try:
            outcome: Outcome = await self.pool.run(
                handle_message, message, budget=self.budget, wait=self.budget + self.relay.busy_wait_seconds
            )
        except (WorkerLost, WorkerTimeout) as failure:
            return await self._failed(message, failure)
        except RegistryUnavailable:  # fail closed: the message stays with the sender until a registry is there
            log.error("no valid client registry; asking the client to retry")
            return "451 4.3.0 Client registry unavailable, please try again later"
        except NextHopRefused as exc:
            log.error("%s; the message is refused for good", exc)
            return f"554 5.0.0 Next hop refused the message permanently ({exc.code})"
        except ForwardError as exc:
            log.error("%s; asking the client to retry", exc)
            return "451 4.4.1 Next hop unavailable, please try again later"
        except DlpError as exc:  # the store, the disk, no worker free: keep the message with the sender
            log.error("message not handled (%s); asking the client to retry", exc)
            return "451 4.3.0 Temporary scanning failure, please try again later"
        return answer(outcome)

    async def _failed(self, message: RelayMessage, failure: WorkerLost | WorkerTimeout) -> str:
        """A worker died or hung on this message: 451 the first time, held as unscannable once it has done so
        `poison_attempts` times (counted by digest across the sender's retries), never deferred forever."""
        digest = hashlib.sha256(message.data).hexdigest()
        strikes = self.poison.strikes.add(digest)
        if strikes < self.relay.poison_attempts:
            log.error("%s (strike %d of %d); asking the client to retry", failure, strikes, self.relay.poison_attempts)
            if isinstance(failure, WorkerTimeout):
                return "451 4.4.5 Scan timed out, please try again later"
            return "451 4.3.0 Temporary scanning failure, please try again later"
        try:
            outcome = await asyncio.to_thread(self.poison.hold, message, digest, failure_reason(failure))
        except DlpError as exc:
            log.error("a poison message could not be held (%s); asking the client to retry", exc)
            return "451 4.3.0 Temporary scanning failure, please try again later"
        self.poison.strikes.forget(digest)
        log.warning("a message that stopped scanning processes %d times is held as %s", strikes, outcome.incident)
        return answer(outcome)


def answer(outcome: Outcome) -> str:
    metrics.item("relay", outcome.decision, outcome.rules)
    if outcome.decision == "reject":
        return (
            f"550 5.7.1 Message refused by the outgoing-mail privacy check ({outcome.incident}): "
            f"{outcome.words}. Nothing was sent."
        )
    if outcome.quarantined:
        return f"250 2.0.0 Held for privacy review as {outcome.incident}"
    return "250 2.0.0 Ok: scanned and forwarded"


class RelayServer:
    """Owns the worker pool, the listening socket and a graceful stop."""

    def __init__(self, config: Config, registry_path: str | None, shared: SharedRegistry | None = None) -> None:
        self.config = config
        # Workers map the index `shared` names; a registry CSV is compiled once, here, not once per worker.
        self.shared = shared or SharedRegistry(registry_location(config, registry_path), config.registry)
        self._own_shared = shared is None
        self.registry_path = str(self.shared.worker_path)
        self._watch_registry: asyncio.Task[None] | None = None
        relay = config.relay
        try:
            self.networks = [ipaddress.ip_network(n, strict=False) for n in relay.client_networks]
        except ValueError as exc:
            raise ConfigError(f"[relay] client_networks: {exc}") from None
        self.tls = self._tls_context()
        self.users = load_users(config.resolve_path(relay.auth_users_file)) if relay.auth_users_file else None
        self.server: asyncio.base_events.Server | None = None
        self.pool: WorkerPool | None = None
        self.poison: PoisonShunt | None = None
        self.handler: RelayHandler | None = None
        self.observer: Listener | None = None

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

    def prefork(self) -> None:
        """Open the store (bringing its schema up to date before any worker opens it), then fork the workers'
        zygote, before any event loop or thread exists in this process, so it need not import everything
        again (optional: start() spawns a fresh one otherwise)."""
        self.poison = PoisonShunt(self.config)
        self.pool = self._pool()
        if can_fork():
            self.pool.fork_zygote()

    async def start(self) -> None:
        relay = self.config.relay
        if self.poison is None:
            self.poison = PoisonShunt(self.config)
        if self.pool is None:
            self.pool = self._pool()
        # The workers bootstrap once, in their zygote: a bad policy or store stops start-up here; without a valid
        # registry they start and answer 451 until there is one.
        await self.pool.start()
        self.handler = RelayHandler(self.config, self.pool, self.poison)
        host, port = _host_port(relay.listen)
        self.server = await asyncio.get_running_loop().create_server(self._protocol, host, port)
        self.observer = observe_relay(self)  # metrics, /healthz and /readyz on [relay] metrics_listen
        if self.shared.compiles:
            self._watch_registry = asyncio.create_task(self._recompile())

    def _pool(self) -> WorkerPool:
        relay = self.config.relay
        return WorkerPool(self.config, self.registry_path, relay.workers, vault=True, long_running=True, name="relay")

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
        if self.observer is not None:
            self.observer.close()
        if self._watch_registry is not None:
            self._watch_registry.cancel()
        deadline = time.monotonic() + self.config.relay.shutdown_grace_seconds
        if self.handler is not None:
            # Every transaction under way finishes, still receiving its content too: cut there, the sender would
            # have to send it again (nothing is lost, but "SIGTERM finishes the transactions in flight").
            self.handler.stopping = True
            while self.handler.in_transaction() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        if self.handler is not None:
            for connection in list(self.handler.connections):
                if connection.transport is not None:
                    connection.transport.close()
        if self.pool is not None:
            await self.pool.close()
        if self._own_shared:
            self.shared.close()

    async def serve_forever(self) -> None:
        await self.start()
        freeze_heap()  # what start-up made lives as long as the relay: no full collection walks it again
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopping.set)
        log.warning("relay listening on %s, forwarding to %s", self.config.relay.listen, self.config.relay.next_hop)
        await stopping.wait()
        log.warning("stopping: finishing transactions in flight")
        await self.stop()
