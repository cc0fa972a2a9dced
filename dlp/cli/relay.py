"""`dlp relay` (the SMTP relay hop) and `dlp serve` (every configured entry point in one process)."""

from __future__ import annotations

import argparse
import asyncio
import gc
from typing import Any

from dlp.cli.common import add_config_options, config_of
from dlp.relay import RelayServer
from dlp.scanner import Scanner


def add_parser(sub: Any) -> None:
    for name, text in (("relay", "run the SMTP relay hop"), ("serve", "run the relay (and the other entry points)")):
        parser = sub.add_parser(name, help=text)
        add_config_options(parser)
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    # Load everything once here so a bad registry, policy or store stops start-up with a clear message.
    Scanner.from_config(config, args.registry).store.close()  # type: ignore[union-attr]
    gc.collect()
    server = RelayServer(config, args.registry)
    asyncio.run(server.serve_forever())
    return 0
