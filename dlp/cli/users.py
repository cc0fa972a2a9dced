"""`dlp users add|list|disable|reset-password`: accounts of the review web UI."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from dlp.cli.common import add_config_options, config_of
from dlp.errors import UsageError
from dlp.store import IncidentStore
from dlp.web.users import ROLES, add_user, disable_user, list_users, reset_password


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    verbs = parser.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="create an account (or reset its password and role)")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    listing = verbs.add_parser("list", help="list accounts: role, disabled, locked")
    listing.add_argument("--json", action="store_true")
    disable = verbs.add_parser("disable", help="stop an account logging in and end its sessions")
    disable.add_argument("username")
    reset = verbs.add_parser("reset-password", help="set a new password, unlock the account, end its sessions")
    reset.add_argument("username")
    for verb, parsed in (("add", add), ("list", listing), ("disable", disable), ("reset-password", reset)):
        if verb in ("add", "reset-password"):
            parsed.add_argument(
                "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
            )
        add_config_options(parsed, registry=False)
        parsed.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = IncidentStore.from_config(config_of(args))
    try:
        if args.verb == "list":
            accounts = list_users(store)
            if args.json:
                for a in accounts:
                    locked = a.locked_until.isoformat() if a.locked_until else None
                    print(
                        json.dumps({"user": a.username, "role": a.role, "disabled": a.disabled, "locked_until": locked})
                    )
            else:
                for a in accounts:
                    state = (
                        "disabled"
                        if a.disabled
                        else f"locked until {a.locked_until:%Y-%m-%d %H:%M}"
                        if a.locked_until
                        else "active"
                    )
                    print(f"{a.username}\t{a.role}\t{state}")
            return 0
        if args.verb == "disable":
            disable_user(store, args.username)
            print(f"user {args.username} disabled; their sessions ended")
            return 0
        password = _password(args.password_stdin)
        if args.verb == "reset-password":
            reset_password(store, args.username, password)
            print(f"password of {args.username} reset; their sessions ended")
        else:
            add_user(store, args.username, password, args.role)
            print(f"user {args.username} ({args.role}) saved")
        return 0
    finally:
        store.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask for the password on: give it with --password-stdin")
    password = getpass.getpass("password: ")
    if password != getpass.getpass("again: "):
        raise UsageError("the passwords differ")
    return password
