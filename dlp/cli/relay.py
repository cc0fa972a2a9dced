"""`dlp relay` (the SMTP relay hop) and `dlp serve` (the relay and the pre-send folder in one process)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading

from dlp.cli import web as web_process
from dlp.cli.common import add_config_options, config_of
from dlp.folder import FolderWatcher
from dlp.health import observe_watcher
from dlp.registry.live import SharedRegistry, registry_problem
from dlp.relay import RelayServer
from dlp.scanner import registry_location


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of `dlp relay` and `dlp serve` alike; their names and words are in dlp.cli.main.COMMANDS."""
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
        if config.resolve_path(config.folder.inbox).is_dir():
            watcher = FolderWatcher(config, args.registry, shared=shared)
            watcher.start()
            threading.Thread(target=watcher.run, name="dlp-watch", daemon=True).start()
            observe_watcher(watcher)
            print(f"dlp serve: watching {watcher.inbox}", file=sys.stderr)
        # The review UI in a process of its own, on the compiled index: a busy relay does not slow it.
        web = web_process.spawn(args.config, str(shared.worker_path), args.verbose)
    try:
        asyncio.run(server.serve_forever())
    finally:
        if watcher is not None:
            watcher.stop()
        if web is not None:
            web_process.stop(web, config)
        shared.close()
    return 0
