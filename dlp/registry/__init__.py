"""The organisation's client records: loading, the exact-data-match index, recipient resolution."""

from dlp.registry.client import Client
from dlp.registry.index import RegistryIndex
from dlp.registry.loader import load_clients

__all__ = ["Client", "RegistryIndex", "load_clients", "load_registry"]


def load_registry(path: str) -> RegistryIndex:
    """Load, validate and index a registry CSV."""
    return RegistryIndex(load_clients(path))
