"""Options shared by subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from dlp.config import Config, load_config
from dlp.model import Violation
from dlp.rules import load_rule_modules


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
    """The configuration, with the organisation's rule modules imported: every process of a command (the
    supervisor that writes notes and counts, as well as the workers that scan) knows the rules' words. Logging
    is set up as its [logging] section says."""
    from dlp.logs import setup_logging

    config = load_config(args.config)
    setup_logging(getattr(args, "verbose", False), config.logging)  # [logging] format and level
    load_rule_modules(config.policy.rule_modules)
    return config
