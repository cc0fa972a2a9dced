"""`dlp watch`: the pre-send folder."""

from __future__ import annotations

import argparse
import signal
import sys

from dlp.cli.common import add_config_options, config_of
from dlp.folder import FolderWatcher
from dlp.health import observe_watcher
from dlp.registry.live import registry_problem


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    add_config_options(parser)
    parser.add_argument("--once", action="store_true", help="process what is in the inbox, then exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = config_of(args)
    # Without a valid registry the watcher still starts, and leaves letters in the inbox until there is one.
    watcher = FolderWatcher(config, args.registry)
    problem = registry_problem(watcher.shared)
    if problem and args.once:  # nothing could be checked: a one-shot run says so, as `dlp scan` does
        watcher.stop()
        print(f"dlp watch: error: no valid client registry ({problem}); no letter checked", file=sys.stderr)
        return 2
    if problem:
        print(f"dlp watch: error: no valid client registry ({problem}); letters stay in the inbox", file=sys.stderr)
    signal.signal(signal.SIGTERM, lambda *_: watcher.request_stop())
    try:
        watcher.start()
        listener = observe_watcher(watcher)  # metrics, /healthz and /readyz on [folder] metrics_listen
    except BaseException:
        watcher.stop()
        raise
    print(
        f"dlp watch: watching {watcher.inbox} ({'polling' if watcher.polling else 'inotify'}); "
        f"cleared letters go to {watcher.outbox}, held ones to {watcher.quarantine}",
        file=sys.stderr,
    )
    try:
        watcher.run(until_idle=float(config.folder.stable_seconds) + 1 if args.once else None)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
        if listener is not None:
            listener.close()
    claimed = watcher.claimed()
    print(
        f"dlp watch: stopped after {watcher.processed} letter(s), {watcher.held} held, {watcher.shunted} to retry"
        + (
            f"; {claimed} claimed letter(s) wait in {watcher.working}, finished first at the next start"
            if claimed
            else ""
        ),
        file=sys.stderr,
    )
    if not args.once:
        return 0
    # One-shot runs report like `dlp scan`: 1 when something was held (or could not be handled), so a script
    # that drops a batch and runs `--once` knows to look before printing; 2 when letters were left unchecked
    # (the registry went away mid-run, a letter still being written): never 0 for a letter nobody checked.
    if left := watcher.unchecked():
        _report_unchecked(watcher, left)
        return 2
    return 1 if watcher.held or watcher.shunted else 0


def _report_unchecked(watcher: FolderWatcher, left: int) -> None:
    """What `--once` leaves without a verdict, each kind with what to do about it."""
    shunted, folders, late = watcher.waiting_in_shunt(), watcher.folders_dropped(), watcher.late_manifests()
    if waiting := left - shunted - len(folders) - len(late):
        print(f"dlp watch: error: {waiting} letter(s) left in the inbox unchecked", file=sys.stderr)
    if shunted:
        print(f"dlp watch: error: {shunted} letter(s) wait in {watcher.shunt} to be tried again", file=sys.stderr)
    if folders:
        print(
            f"dlp watch: error: {len(folders)} folder(s) in the inbox are not read: put their letters in the inbox "
            "itself, or check a mail-merge run's folder with `dlp batch`",
            file=sys.stderr,
        )
    if late:
        print(
            f"dlp watch: error: {len(late)} manifest(s) in the inbox have no letter: a manifest written after its "
            "letter is not read (the letter was checked without it); write the manifest first",
            file=sys.stderr,
        )
