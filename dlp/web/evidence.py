"""The evidence a reviewer sees: the held item's text with every detected entity replaced by its type
(presidio-anonymizer), then anything still shaped like an email or number masked."""

from __future__ import annotations

from pathlib import Path

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from dlp.config import Config
from dlp.errors import DlpError
from dlp.extract import communication_from_message, letters_from_file
from dlp.quarantine import Quarantine
from dlp.redact import redact
from dlp.scanner import Scanner
from dlp.store.models import Incident

_anonymizer = AnonymizerEngine()
_OPERATORS = {"DEFAULT": OperatorConfig("replace", {"new_value": "<REDACTED>"})}


def original(config: Config, incident: Incident) -> bytes:
    if not incident.quarantine_ref:
        raise DlpError("no original is held for this incident")
    return Quarantine.from_config(config).load(incident.quarantine_ref)


def redacted_parts(config: Config, scanner: Scanner, incident: Incident) -> list[tuple[str, str]]:
    data = original(config, incident)
    if incident.channel == "relay":
        items = [communication_from_message(data, "held", scanner.limits)]
    else:
        name = Quarantine.from_config(config).envelope(incident.quarantine_ref or "").get("original_name", "held")
        items = letters_from_file(data, Path(str(name)).name, scanner.limits)
    out = []
    for item in items:
        for part in item.parts:
            if part.error:
                out.append((part.name, f"[cannot be read: {part.error}]"))
                continue
            results = scanner.analyzer.analyze(part.text, language=scanner.config.analysis.language)
            text = _anonymizer.anonymize(part.text, results, _OPERATORS).text  # type: ignore[arg-type]
            out.append((part.name, redact(text, scanner.index)))
    return out
