"""`dlp relay` (the SMTP relay hop) and `dlp serve` (the relay and the pre-send folder in one process)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
from typing import Any

from dlp.cli.common import add_config_options, config_of
from dlp.config import Config
from dlp.folder import FolderWatcher
from dlp.health import observe_watcher
from dlp.registry.live import SharedRegistry, registry_problem
from dlp.relay import RelayServer
from dlp.scanner import Scanner, registry_location


def add_parser(sub: Any) -> None:
    for name, text in (
        ("relay", "run the SMTP relay hop"),
        ("serve", "run the relay and, if its inbox exists, the pre-send folder watcher"),
    ):
        parser = sub.add_parser(name, help=text)
        add_config_options(parser)
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    # A missing or bad registry does not stop start-up: the relay fails closed (451, so senders retry) and the
    # watcher leaves letters in the inbox until one is valid. A registry CSV is compiled once for every worker.
    shared = SharedRegistry(registry_location(config, args.registry), config.registry)
    problem = registry_problem(shared)
    if problem:
        print(
            f"dlp {args.command}: error: no valid client registry ({problem}); mail is deferred "
            "with 451 until one is available",
            file=sys.stderr,
        )
    server = RelayServer(config, args.registry, shared=shared)  # its workers' start-up checks policy and store
    server.prefork()  # first: while this process has no threads
    watcher = web = None
    if args.command == "serve":
        scanner = Scanner.from_config(config, str(shared.worker_path), long_running=True)
        if config.resolve_path(config.folder.inbox).is_dir():
            watcher = FolderWatcher(config, args.registry, shared=shared)
            watcher.start()
            threading.Thread(target=watcher.run, name="dlp-watch", daemon=True).start()
            observe_watcher(watcher)
            print(f"dlp serve: watching {watcher.inbox}", file=sys.stderr)
        web = _start_web(config, scanner)
    try:
        asyncio.run(server.serve_forever())
    finally:
        if watcher is not None:
            watcher.stop()
        if web is not None:
            web.should_exit = True
        shared.close()
    return 0


def _start_web(config: Config, scanner: Scanner) -> Any:
    """The review UI on [web] listen, in a thread of its own (uvicorn leaves signals to the main thread)."""
    import uvicorn

    from dlp.web.app import create_app

    host, _, port = config.web.listen.rpartition(":")
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config, scanner), host=host, port=int(port), log_config=None, log_level=None, access_log=False
        )
    )
    threading.Thread(target=server.run, name="dlp-web", daemon=True).start()
    print(f"dlp serve: review UI on http://{config.web.listen}/", file=sys.stderr)
    return server
