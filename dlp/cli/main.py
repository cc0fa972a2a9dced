"""`dlp`: the command line (DESIGN §4). Exit 0 all allowed, 1 something blocked, 2 usage or input error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from dlp import __version__
from dlp.cli import batch, health, incidents, registry, relay, scan, users, watch, web
from dlp.errors import DlpError, UsageError
from dlp.logs import setup_logging

EXIT_OK, EXIT_BLOCKED, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit status is 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dlp", description="Check outgoing mail and letters against the client registry.")
    parser.add_argument("--version", action="version", version=f"dlp {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    scan.add_parser(sub)
    incidents.add_parser(sub)
    relay.add_parser(sub)
    watch.add_parser(sub)
    batch.add_parser(sub)
    users.add_parser(sub)
    registry.add_parser(sub)
    web.add_parser(sub)
    health.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        setup_logging(args.verbose)
        return int(args.func(args))
    except UsageError as exc:
        print(f"dlp: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except DlpError as exc:
        print(f"dlp: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug must still not show the user a traceback (nor any data in it)
        print(f"dlp: internal error ({exc.__class__.__name__}); please report it", file=sys.stderr)
        if "-v" in (argv or sys.argv) or "--verbose" in (argv or sys.argv):
            raise
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dlp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
