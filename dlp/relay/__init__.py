"""The SMTP relay hop: scan every outgoing message between the MTA and the next hop, and lose nothing."""

from dlp.relay.server import RelayServer

__all__ = ["RelayServer"]
