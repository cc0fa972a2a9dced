"""The organisation's client records: loading, the exact-data-match index, recipient resolution."""

from dlp.registry.client import Client
from dlp.registry.index import RegistryIndex
from dlp.registry.loader import load_clients

__all__ = ["Client", "RegistryIndex", "load_clients", "load_registry"]


def load_registry(path: str) -> RegistryIndex:
    """A registry index from a compiled index file, or compiled in memory from a registry CSV."""
    from dlp.registry.format import is_index_file

    if is_index_file(path):
        return RegistryIndex.open(path)
    return RegistryIndex(load_clients(path))
