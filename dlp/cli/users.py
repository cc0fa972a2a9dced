"""`dlp users add`: accounts for the review web UI."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from dlp.cli.common import add_config_options, config_of
from dlp.errors import UsageError
from dlp.store import IncidentStore
from dlp.web.users import ROLES, add_user


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("users", help="accounts of the review web UI")
    verbs = parser.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="create an account (or reset its password and role)")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_config_options(add, registry=False)
    add.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password on: give it with --password-stdin")
    else:
        password = getpass.getpass("password: ")
        if password != getpass.getpass("again: "):
            raise UsageError("the passwords differ")
    store = IncidentStore.from_config(config_of(args))
    add_user(store, args.username, password, args.role)
    print(f"user {args.username} ({args.role}) saved")
    return 0
