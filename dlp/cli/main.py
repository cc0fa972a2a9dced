"""`dlp`: the command line (DESIGN §4). Exit 0 all allowed, 1 something blocked, 2 usage or input error."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from dlp import __version__
from dlp.errors import DlpError, InputError, OutputError, QuarantineError, UsageError, map_exceptions

EXIT_OK, EXIT_BLOCKED, EXIT_ERROR = 0, 1, 2

# Each command, the module that implements it and its line in `dlp --help`. Only the module of the command
# being run is imported: `dlp --help` and the light commands never load Presidio or the extractors.
COMMANDS = {
    "scan": ("dlp.cli.scan", "scan .eml messages and letters"),
    "incidents": ("dlp.cli.incidents", "list, show, close and export incident records; email the daily digest"),
    "relay": ("dlp.cli.relay", "run the SMTP relay hop"),
    "serve": (
        "dlp.cli.relay",
        "run the relay, the review web UI (its own process) and, if its inbox exists, the folder watcher",
    ),
    "web": ("dlp.cli.web", "run the review web UI on [web] listen"),
    "watch": ("dlp.cli.watch", "check letters dropped into the pre-send folder"),
    "batch": ("dlp.cli.batch", "check a mail-merge run against its data source"),
    "users": ("dlp.cli.users", "accounts of the review web UI"),
    "registry": ("dlp.cli.registry", "build, check and describe the client registry index"),
    "health": ("dlp.cli.health", "ask a running relay, watcher or web UI whether it is ready"),
}


def edge() -> dict[type[BaseException], type[DlpError]]:
    """What libraries raise that can still reach the command line, as the errors the user is told about."""
    from cryptography.exceptions import InvalidTag

    return {
        EOFError: InputError,  # standard input closed before a password or a file was read whole
        InvalidTag: QuarantineError,  # a quarantined original that fails authentication
        OSError: OutputError,  # a full disk, a read-only folder, a vanished file (not BrokenPipeError)
    }


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit status is 2 too; keep its message short
        self.print_usage(sys.stderr)
        raise UsageError(message)


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The whole parser; only the command named in `argv` gets its real options (and its module imported)."""
    parser = _Parser(prog="dlp", description="Check outgoing mail and letters against the client registry.")
    parser.add_argument("--version", action="version", version=f"dlp {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, (module, text) in COMMANDS.items():
        command = sub.add_parser(name, help=text, description=text, add_help=name == chosen)
        if name == chosen:  # only the command being run gets its options, and its module imported
            importlib.import_module(module).configure(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        arguments = list(sys.argv[1:] if argv is None else argv)
        args = build_parser(arguments).parse_args(arguments)
        from dlp.logs import setup_logging

        setup_logging(args.verbose)
        with map_exceptions(edge(), "could not finish", passing=(BrokenPipeError,)):
            return int(args.func(args))
    except BrokenPipeError:  # the reader went away (`dlp scan ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except DlpError as exc:  # UsageError and every expected failure: one line, no traceback, no data
        print(f"dlp: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dlp: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug must still not show the user a traceback (nor any data in it)
        print(f"dlp: internal error ({exc.__class__.__name__}); please report it", file=sys.stderr)
        if "-v" in (argv or sys.argv) or "--verbose" in (argv or sys.argv):
            raise
        return EXIT_ERROR


def entry() -> None:
    """The `dlp` program: `main`, then exit without the interpreter's final collections walking every object
    of Presidio, numpy and pydantic (a tenth of a one-item scan); exit handlers and flushing still run."""
    code = main()
    # The command is done and its outcome known: a stop asked for now has nothing left to stop, and must not
    # turn that outcome into "killed" (143) while the interpreter winds down.
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, signal.SIG_IGN)
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
