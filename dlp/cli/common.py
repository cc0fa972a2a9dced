"""Options shared by subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from dlp.config import Config, load_config
from dlp.logs import setup_logging
from dlp.model import Violation


def add_config_options(parser: argparse.ArgumentParser, registry: bool = True) -> None:
    parser.add_argument("--config", metavar="FILE", help="TOML configuration (default: built-in defaults)")
    if registry:
        parser.add_argument(
            "--registry", metavar="FILE", help="client registry: an index file or a CSV (overrides [registry] path)"
        )


def findings_json(violations: Iterable[Violation]) -> list[dict[str, Any]]:
    """DESIGN §4's `findings` list: rule, severity, client ids, part, explanation."""
    return [
        {
            "rule": v.rule,
            "severity": v.severity.value,
            "clients": list(v.clients),
            "part": v.part,
            "explanation": v.explanation,
        }
        for v in violations
    ]


def config_of(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    setup_logging(getattr(args, "verbose", False), config.logging)  # [logging] format and level
    return config
