"""`dlp registry build|check|info`: compile the client registry into an index file, validate a source,
describe an index file (never any personal data)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dlp.cli.common import config_of
from dlp.config import Config
from dlp.errors import IndexFileError, UsageError
from dlp.lifetime import terminate_as_interrupt
from dlp.registry.build import write_compiled
from dlp.registry.format import FORMAT_VERSION, open_file
from dlp.registry.index import check_spelling
from dlp.registry.live import read_status
from dlp.registry.loader import validate_rows
from dlp.registry.parallel import compile_csv, compile_rows
from dlp.registry.sources import csv_file_rows, csv_source, database_rows, database_source


def configure(parser: argparse.ArgumentParser) -> None:
    """Its options; its name and words are in dlp.cli.main.COMMANDS."""
    commands = parser.add_subparsers(dest="registry_command", required=True, parser_class=type(parser))

    build = commands.add_parser("build", help="compile a registry CSV or database into one index file")
    _source_options(build)
    build.add_argument("-o", "--output", required=True, metavar="FILE", help="the index file to write")
    build.add_argument(
        "--workers", type=int, default=min(4, os.cpu_count() or 1), help="processes compiling (default: cores, ≤ 4)"
    )
    build.set_defaults(func=run_build)

    check = commands.add_parser("check", help="validate a registry source without building")
    _source_options(check)
    check.set_defaults(func=run_check)

    info = commands.add_parser("info", help="format version, build time, counts and checksum of an index file")
    info.add_argument("file", metavar="FILE")
    info.add_argument("--config", metavar="FILE", help="TOML configuration (not needed)")
    info.add_argument("--json", action="store_true", help="one JSON object")
    info.set_defaults(func=run_info)


def _source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", metavar="SOURCE", help="the registry CSV, or a database URL")
    parser.add_argument("--url", help="database URL (SQLAlchemy), e.g. postgresql+psycopg://user@host/crm")
    parser.add_argument("--query", help="SQL query returning the DESIGN §4 columns")
    parser.add_argument("--table", help="table (or schema.table) holding the DESIGN §4 columns")
    parser.add_argument("--config", metavar="FILE", help="TOML configuration ([registry] absent_columns, …)")


def _database_url(args: argparse.Namespace) -> str | None:
    """The database URL the source options name, or None for a registry CSV (args.source)."""
    url = args.url
    if args.source and "://" in args.source:
        if url:
            raise UsageError("give the database URL once, as SOURCE or with --url")
        url = args.source
    if url:
        if bool(args.query) == bool(args.table):
            raise UsageError("a database source needs --query or --table (one of them)")
        return str(url)
    if args.query or args.table:
        raise UsageError("--query and --table need a database URL (SOURCE or --url)")
    if not args.source:
        raise UsageError("give a registry CSV or a database URL")
    return None


def _rows(
    args: argparse.Namespace, config: Config
) -> tuple[Iterator[tuple[int, dict[str, object]]], str, dict[str, Any]]:
    """The source's raw rows (header checked), what a row is called in errors, and the source's description."""
    url = _database_url(args)
    if url:
        rows = database_rows(url, args.query, args.table, config.registry)
        return rows, "row", database_source(url, args.query, args.table)
    return csv_file_rows(args.source, config.registry), "line", csv_source(args.source)


def _progress() -> Progress:
    err = Console(file=sys.stderr)
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def run_build(args: argparse.Namespace) -> int:
    config = config_of(args)
    settings = config.registry
    url = _database_url(args)

    def compile_source(progress: Callable[[int], None]) -> tuple[dict[str, Any], dict[str, Any]]:
        if url is None:  # workers read the file's records themselves (dlp.registry.csvchunks)
            return compile_csv(
                args.source,
                absent_columns=settings.absent_columns,
                date_format=settings.date_of_birth_format,
                source=csv_source(args.source),
                workers=args.workers,
                progress=progress,
            )
        rows, unit, source = _rows(args, config)
        return compile_rows(
            rows,
            date_format=settings.date_of_birth_format,
            unit=unit,
            source=source,
            workers=args.workers,
            progress=progress,
        )

    output = Path(args.output)
    if not output.parent.is_dir():
        raise UsageError(f"output folder does not exist: {output.parent}")
    started = time.perf_counter()
    with terminate_as_interrupt(), _progress() as progress:
        task = progress.add_task("compiling", total=None)
        header, sections = compile_source(lambda n: progress.update(task, description=f"{n:,} clients"))
        progress.update(task, description="writing")
        header = write_compiled(output, header, sections)
    counts = header["counts"]
    print(
        f"built {output}: {counts['clients']:,} clients, {counts['keys']:,} keys, "
        f"{output.stat().st_size / 2**20:.1f} MiB in {time.perf_counter() - started:.1f} s; "
        f"checksum {header['checksum']}"
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    config = config_of(args)
    rows, unit, _ = _rows(args, config)
    with _progress() as progress:
        task = progress.add_task("checking", total=None)
        count = 0
        for count, _client in enumerate(validate_rows(rows, config.registry.date_of_birth_format, unit), 1):
            if count % 10_000 == 0:
                progress.update(task, description=f"{count:,} clients")
    print(f"registry is valid: {count:,} clients")
    return 0


def run_info(args: argparse.Namespace) -> int:
    path = Path(args.file)
    out: dict[str, Any] = {"file": str(path)}
    error = None
    try:
        data = open_file(path, verify=True)
        check_spelling(data)
    except IndexFileError as exc:
        error = str(exc)
        out["valid"] = False
        out["error"] = error
    else:
        header = data.header
        out |= {
            "valid": True,
            "format_version": FORMAT_VERSION,
            "built_at": header["built_at"],
            "build_seconds": header.get("build_seconds"),
            "source": header["source"],
            "counts": header["counts"],
            "bytes": data.nbytes,
            "checksum": data.checksum,
        }
    status = read_status(path)
    if status:
        out["in_use"] = {k: status.get(k) for k in ("checksum", "clients", "loaded_at", "error", "pid", "written_at")}
    if args.json:
        print(json.dumps(out))
    else:
        _print_info(out)
    return 2 if error else 0


def _print_info(out: dict[str, Any]) -> None:
    print(f"file:           {out['file']}")
    if not out["valid"]:
        print(f"INVALID:        {out['error']}")
    else:
        counts = out["counts"]
        source = ", ".join(f"{k}={v}" for k, v in out["source"].items())
        print(f"format version: {out['format_version']}")
        print(f"built at:       {out['built_at']} ({out['build_seconds']} s)")
        print(f"source:         {source}")
        print(f"clients:        {counts['clients']:,}")
        print(f"keys:           {counts['keys']:,} ({counts['postings']:,} client entries)")
        tables = ", ".join(f"{k} {v:,}" for k, v in counts.items() if k not in ("clients", "keys", "postings"))
        print(f"tables:         {tables}")
        print(f"size:           {out['bytes'] / 2**20:.1f} MiB")
        print(f"checksum:       sha256:{out['checksum']}")
    in_use = out.get("in_use")
    if in_use:
        using = (
            f"checksum {str(in_use['checksum'])[:16]}… since {in_use['loaded_at']}" if in_use["checksum"] else "none"
        )
        print(f"in use:         {using} (reported by process {in_use['pid']} at {in_use['written_at']})")
        if in_use.get("error"):
            print(f"last refusal:   {in_use['error']}")
