"""Logging as a pipeline of small steps; the redaction step keeps personal information out of every line."""

from __future__ import annotations

import logging
import sys

from dlp.redact import redact


class RedactingFilter(logging.Filter):
    """Render the message once, then mask anything shaped like an email or a number."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


def setup_logging(verbose: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("dlp")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False
