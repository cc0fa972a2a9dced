"""Options shared by subcommands."""

from __future__ import annotations

import argparse

from dlp.config import Config, load_config


def add_config_options(parser: argparse.ArgumentParser, registry: bool = True) -> None:
    parser.add_argument("--config", metavar="FILE", help="TOML configuration (default: built-in defaults)")
    if registry:
        parser.add_argument("--registry", metavar="CSV", help="client registry (overrides [registry] path)")


def config_of(args: argparse.Namespace) -> Config:
    return load_config(args.config)
