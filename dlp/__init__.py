"""Outgoing-communications DLP scanner: the small public API."""

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
