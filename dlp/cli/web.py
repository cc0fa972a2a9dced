"""`dlp web`: the review UI on its own (`dlp serve` runs it beside the relay and the watcher)."""

from __future__ import annotations

import argparse
import signal
import socket
import sys
from typing import Any

from dlp.cli.common import add_config_options, config_of
from dlp.config import Config
from dlp.errors import ConfigError


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("web", help="run the review web UI on its own")
    add_config_options(parser)
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
    print(f"dlp web: review UI on http://{config.web.listen}/", file=sys.stderr)
    # uvicorn stops cleanly on SIGTERM and Ctrl-C, then raises the signal again for the handler it found: a
    # no-op one here, so that a stop (docker stop, systemd) ends in exit status 0 rather than death by signal.
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        server.run(sockets=[listening])
    finally:
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
