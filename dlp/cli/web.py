"""`dlp web`: the review UI in a process of its own, so a busy relay does not slow it, nor the other way round.

`dlp serve` starts it as a child process next to the relay and the watcher; it can also run alone (another
host, behind a TLS proxy, a compose service) against the same incident store and quarantine."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from dlp.cli.common import add_config_options, config_of
from dlp.config import Config
from dlp.errors import ConfigError

if TYPE_CHECKING:
    from dlp.scanner import Scanner


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    add_config_options(parser)
    parser.add_argument("--parent", type=int, help=argparse.SUPPRESS)  # exit when this process (dlp serve) is gone
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from dlp.scanner import Scanner
    from dlp.web.app import create_app

    config = config_of(args)
    # Like the relay, it starts without a valid registry (evidence is then not shown) and picks one up later.
    scanner = Scanner.from_config(config, args.registry, long_running=True)
    listening = bind(config)
    server = uvicorn.Server(
        uvicorn.Config(create_app(config, scanner), log_config=None, log_level=None, access_log=False)
    )
    threading.Thread(target=_retention, args=(config, scanner), name="dlp-retention", daemon=True).start()
    stop = threading.Event()  # ends the digest thread's wait when the server stops
    if config.incidents.digest_to and scanner.store is not None:
        from dlp.digest import run_daily, send_time

        send_time(config)  # a bad digest_time is a start-up error, not a silent thread
        threading.Thread(target=run_daily, args=(config, scanner.store, stop), name="dlp-digest", daemon=True).start()
    if args.parent:
        threading.Thread(target=_follow, args=(args.parent, server), name="dlp-web-parent", daemon=True).start()
    print(f"dlp web: review UI on http://{config.web.listen}/", file=sys.stderr)
    # uvicorn stops cleanly on SIGTERM and Ctrl-C, then raises the signal again for the handler it found: a
    # no-op one here, so that a stop (docker stop, systemd) ends in exit status 0 rather than death by signal.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        server.run(sockets=[listening])
    finally:
        stop.set()
        signal.signal(signal.SIGTERM, previous)
    return 0


def bind(config: Config) -> socket.socket:
    """[web] listen, bound here so that a port in use is a clear error, not a server that exits."""
    host, _, port = config.web.listen.rpartition(":")
    host = host.strip("[]")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, int(port)))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"[web] listen {config.web.listen}: cannot listen ({exc.strerror})") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _retention(config: Config, scanner: Scanner, every_seconds: float = 6 * 3600) -> None:
    """Purge originals past [quarantine] retention_days now and every few hours (each purge audited)."""
    from dlp.errors import DlpError
    from dlp.handlers import purge

    while scanner.store is not None:
        try:
            purge(config, scanner.store)
        except DlpError as exc:
            print(f"dlp web: retention purge failed: {exc}", file=sys.stderr)
        time.sleep(every_seconds)


def _follow(parent: int, server: Any) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    server.should_exit = True


def spawn(config_path: str | None, registry: str | None, verbose: bool = False) -> subprocess.Popen[bytes]:
    """Start `dlp web` as a child of this process (dlp serve)."""
    command = [sys.executable, "-c", "import sys; from dlp.cli.main import main; sys.exit(main())"]
    if verbose:
        command.append("-v")
    command.append("web")
    if config_path:
        command += ["--config", config_path]
    if registry:
        command += ["--registry", registry]
    command += ["--parent", str(os.getpid())]
    return subprocess.Popen(command)


def stop(process: subprocess.Popen[bytes], config: Config) -> None:
    process.terminate()
    try:
        process.wait(timeout=config.relay.shutdown_grace_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
