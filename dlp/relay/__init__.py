"""The SMTP relay hop. `RelayServer` is imported on first use: forwarding (dlp.relay.forward) is used by the
shared handlers without loading the server."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dlp.relay.server import RelayServer

__all__ = ["RelayServer"]


def __getattr__(name: str) -> Any:
    if name == "RelayServer":
        from dlp.relay.server import RelayServer

        return RelayServer
    raise AttributeError(name)
