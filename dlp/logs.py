"""Logging as a pipeline of small steps; the redaction step keeps personal information out of every line.

    LogRecord → event (a dict: time, level, logger, message, exception, stack) → redact → render (text | JSON)

A record's message, and its traceback and stack when it carries them, are rendered once into the event and
then redacted, so an exception message that quotes an address or a number is masked like any other text.
`[logging] format = "json"` renders one JSON object per line (for log shippers); "text" is for people.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dlp.redact import redact

if TYPE_CHECKING:
    from dlp.config import LoggingConfig

Event = dict[str, Any]
Step = Callable[[logging.LogRecord, Event], Event]
_TRACEBACKS = logging.Formatter()  # only its formatException / formatStack


def base_fields(record: logging.LogRecord, event: Event) -> Event:
    when = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(record.created))
    event.update(
        time=f"{when}.{int(record.msecs):03d}{time.strftime('%z', time.localtime(record.created))}",
        level=record.levelname.lower(),
        logger=record.name,
        message=record.getMessage(),
        pid=record.process,
    )
    return event


def exception_text(record: logging.LogRecord, event: Event) -> Event:
    """The traceback and stack as text, so the redaction step sees them (a formatter never re-renders them)."""
    if record.exc_info and record.exc_info[0] is not None:
        event["exception"] = _TRACEBACKS.formatException(record.exc_info)
    elif record.exc_text:
        event["exception"] = record.exc_text
    if record.stack_info:
        event["stack"] = _TRACEBACKS.formatStack(record.stack_info)
    return event


def redact_event(record: logging.LogRecord, event: Event) -> Event:
    for key in ("message", "exception", "stack"):
        if isinstance(event.get(key), str):
            event[key] = redact(event[key])
    return event


PIPELINE: list[Step] = [base_fields, exception_text, redact_event]


def render_text(event: Event) -> str:
    line = f"{event['time']} {event['level'].upper()} {event['logger']}: {event['message']}"
    for key in ("exception", "stack"):
        if key in event:
            line += "\n" + event[key]
    return line


def render_json(event: Event) -> str:
    return json.dumps(event, ensure_ascii=False, default=str)


RENDERERS: dict[str, Callable[[Event], str]] = {"text": render_text, "json": render_json}


class PipelineFormatter(logging.Formatter):
    def __init__(self, render: Callable[[Event], str], steps: list[Step] | None = None) -> None:
        super().__init__()
        self.render = render
        self.steps = PIPELINE if steps is None else steps

    def format(self, record: logging.LogRecord) -> str:
        event: Event = {}
        for step in self.steps:
            event = step(record, event)
        return self.render(event)


LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def setup_logging(verbose: bool = False, settings: LoggingConfig | None = None) -> None:
    """Our loggers (and the web server's) to stderr through the pipeline; `-v` lowers the level to info."""
    fmt = settings.format if settings is not None else "text"
    level = LEVELS[settings.level] if settings is not None else logging.WARNING
    if verbose:
        level = min(level, logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PipelineFormatter(RENDERERS.get(fmt, render_text)))
    for name in ("dlp", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # Every other library's warnings go through the same pipeline, not Python's last-resort handler (raw, and
    # blind to the JSON format); aiosmtpd's session log keeps its own words, not what a client sent.
    others = logging.StreamHandler(sys.stderr)
    others.setFormatter(handler.formatter)
    others.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not isinstance(h.formatter, PipelineFormatter)] + [others]
    session = logging.getLogger("mail.log")
    if not any(isinstance(f, PeerOnly) for f in session.filters):
        session.addFilter(PeerOnly())


class PeerOnly(logging.Filter):
    """aiosmtpd logs what a client sent beside who sent it ("%r unrecognised: %s", "%r sender: %s"): a body sent
    out of turn is logged line by line as unrecognised commands. Only the first argument, the peer, is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) > 1:
            record.args = (record.args[0], *("(not shown)" for _ in record.args[1:]))
        return True
