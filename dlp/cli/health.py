"""`dlp health relay|watch|web`: ask a running service whether it is ready, for container healthchecks.

Exit 0 ready (or alive, with --live), 1 not (its answer, naming the failing checks, is printed), 2 usage
error (no listener configured for that service)."""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request

from dlp.cli.common import config_of
from dlp.errors import UsageError

WILDCARDS = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "[::]": "[::1]", "::": "[::1]"}


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    parser.add_argument("service", choices=("relay", "watch", "web"))
    parser.add_argument("--live", action="store_true", help="ask only whether it is alive (/healthz)")
    parser.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS")
    parser.add_argument("--config", metavar="FILE", help="TOML configuration (where the service listens)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    listen, key = {
        "relay": (config.relay.metrics_listen, "[relay] metrics_listen"),
        "watch": (config.folder.metrics_listen, "[folder] metrics_listen"),
        "web": (config.web.listen, "[web] listen"),
    }[args.service]
    if not listen:
        raise UsageError(f"{key} is not set: the {args.service} service answers no health checks")
    host, _, port = listen.rpartition(":")
    url = f"http://{WILDCARDS.get(host, host)}:{port}/{'healthz' if args.live else 'readyz'}"
    try:
        with urllib.request.urlopen(url, timeout=args.timeout) as response:
            print(response.read().decode(errors="replace"))
        return 0
    except urllib.error.HTTPError as exc:
        print(exc.read().decode(errors="replace"))
        return 1
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        print(f"dlp health: {args.service} not answering on {url} ({reason})", file=sys.stderr)
        return 1
