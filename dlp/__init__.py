"""Outgoing-communications DLP scanner: the small public API."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dlp.analysis.light import install as _light_presidio

# Presidio's recogniser classes without its engine, NLP engines and spaCy until something uses them
# (dlp.analysis.light): the default pipeline never does.
_light_presidio()

if TYPE_CHECKING:
    from dlp.config import Config, load_config
    from dlp.errors import (
        ConfigError,
        DlpError,
        ExtractionError,
        InputError,
        PolicyError,
        RegistryError,
        StoreError,
        UsageError,
    )
    from dlp.extract import load_item
    from dlp.model import Channel, Communication, Decision, Finding, Recipient, Verdict, Violation
    from dlp.policy import Policy
    from dlp.registry import RegistryIndex, load_registry
    from dlp.scanner import Scanner
    from dlp.store import IncidentStore

# Where each name of the public API lives. They are imported on first use (PEP 562), so `dlp --help` and the
# light commands do not pay for Presidio, SQLAlchemy and the extractors they never touch.
_HOMES = {
    "Config": "dlp.config",
    "load_config": "dlp.config",
    "ConfigError": "dlp.errors",
    "DlpError": "dlp.errors",
    "ExtractionError": "dlp.errors",
    "InputError": "dlp.errors",
    "PolicyError": "dlp.errors",
    "RegistryError": "dlp.errors",
    "StoreError": "dlp.errors",
    "UsageError": "dlp.errors",
    "load_item": "dlp.extract",
    "Channel": "dlp.model",
    "Communication": "dlp.model",
    "Decision": "dlp.model",
    "Finding": "dlp.model",
    "Recipient": "dlp.model",
    "Verdict": "dlp.model",
    "Violation": "dlp.model",
    "Policy": "dlp.policy",
    "RegistryIndex": "dlp.registry",
    "load_registry": "dlp.registry",
    "Scanner": "dlp.scanner",
    "IncidentStore": "dlp.store",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'dlp' has no attribute {name!r}")


__all__ = [
    "Channel",
    "Communication",
    "Config",
    "ConfigError",
    "Decision",
    "DlpError",
    "ExtractionError",
    "Finding",
    "IncidentStore",
    "InputError",
    "Policy",
    "PolicyError",
    "Recipient",
    "RegistryError",
    "RegistryIndex",
    "Scanner",
    "StoreError",
    "UsageError",
    "Verdict",
    "Violation",
    "load_config",
    "load_item",
    "load_registry",
]
__version__ = "0.1.0"
