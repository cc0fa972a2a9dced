"""An organisation's own recognisers: YAML files named by `[analysis] recognizers`, loaded after the shipped ones.

The files are in Presidio's recogniser-registry format (the one `RecognizerRegistry.add_recognizers_from_yaml`
reads), so a recogniser written for stock Presidio works here unchanged:

    recognizers:
      - name: ClaimNumberRecognizer
        supported_language: en
        supported_entity: ACME_CLAIM
        patterns:
          - {name: claim, regex: "\\bCLM-\\d{7}\\b", score: 0.9}
        context: [claim]
        checksum: luhn          # ours, optional: drop matches whose digits fail a python-stdnum check

They are read and checked when the scanner starts, so a bad file stops a command or a service with a message
naming the file and the recogniser, never at the first item. Their entities can then be named by the policy
(for example in `sensitive_identifier: entities`, with words in `entity_words`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from presidio_analyzer import Pattern, PatternRecognizer

from dlp.errors import ConfigError
from dlp.validation import read_yaml, unknown_key

# python-stdnum's generic check-digit algorithms an organisation's own numbers commonly use.
CHECKSUMS = {
    "luhn": "stdnum.luhn",
    "verhoeff": "stdnum.verhoeff",
    "damm": "stdnum.damm",
    "mod_11_10": "stdnum.iso7064.mod_11_10",
    "mod_11_2": "stdnum.iso7064.mod_11_2",
    "mod_97_10": "stdnum.iso7064.mod_97_10",
}
_KEYS = {
    "name",
    "supported_language",
    "supported_entity",
    "supported_entities",
    "patterns",
    "deny_list",
    "context",
    "deny_list_score",
    "global_regex_flags",
    "version",
    "checksum",
}


class LocalPatternRecognizer(PatternRecognizer):
    """A pattern recogniser from an organisation's YAML, with an optional check digit on the matched digits."""

    def __init__(self, *, checksum: Callable[[str], bool] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._checksum = checksum

    def validate_result(self, pattern_text: str) -> bool | None:
        if self._checksum is None:
            return None
        digits = re.sub(r"\D", "", pattern_text)
        return bool(digits) and self._checksum(digits)


def load_local_recognizers(paths: Iterable[Path]) -> list[PatternRecognizer]:
    """Every recogniser in the organisation's files, checked; a bad file raises ConfigError naming it."""
    out: list[PatternRecognizer] = []
    for path in paths:
        out.extend(_load_file(path))
    return out


def _load_file(path: Path) -> list[PatternRecognizer]:
    where = f"[analysis] recognizers: {path}"
    data = read_yaml(path, where, ConfigError)
    entries = data.get("recognizers") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{where}: needs a non-empty 'recognizers:' list (Presidio's recogniser-registry format)")
    return [_recognizer(entry, f"{where}: recogniser {i + 1}") for i, entry in enumerate(entries)]


def _recognizer(entry: Any, where: str) -> PatternRecognizer:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a mapping")
    if isinstance(entry.get("name"), str):
        where = f"{where} ({entry['name']})"
    unknown_key(entry, sorted(_KEYS), where, ConfigError)
    entry = dict(entry)
    entity = entry.pop("supported_entity", None) or (entry.pop("supported_entities", None) or [None])[0]
    if not isinstance(entity, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
        raise ConfigError(f"{where}: supported_entity must be an upper-case name such as ACME_CLAIM")
    entry.pop("supported_entities", None)
    patterns = [_pattern(p, f"{where}, pattern {j + 1}") for j, p in enumerate(entry.pop("patterns", None) or [])]
    deny = entry.get("deny_list")
    if not patterns and not deny:
        raise ConfigError(f"{where}: needs patterns or a deny_list")
    if deny is not None and not (isinstance(deny, list) and all(isinstance(d, str) for d in deny)):
        raise ConfigError(f"{where}: deny_list must be a list of strings")
    context = entry.get("context")
    if context is not None and not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
        raise ConfigError(f"{where}: context must be a list of words")
    checksum = entry.pop("checksum", None)
    check = _checksum(checksum, where) if checksum is not None else None
    entry.pop("version", None)
    entry.setdefault("supported_language", "en")
    try:
        return LocalPatternRecognizer(checksum=check, supported_entity=entity, patterns=patterns, **entry)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc.__class__.__name__}") from None


def _pattern(entry: Any, where: str) -> Pattern:
    if not isinstance(entry, dict) or not isinstance(entry.get("regex"), str):
        raise ConfigError(f"{where}: needs name, regex and score")
    try:
        re.compile(entry["regex"])
    except re.error as exc:
        raise ConfigError(f"{where}: regex does not compile ({exc.msg} at position {exc.pos})") from None
    score = entry.get("score", 0.5)
    if not isinstance(score, int | float) or isinstance(score, bool) or not 0 < score <= 1:
        raise ConfigError(f"{where}: score must be a number above 0 and at most 1")
    return Pattern(name=str(entry.get("name", "pattern")), regex=entry["regex"], score=float(score))


def _checksum(name: Any, where: str) -> Callable[[str], bool]:
    if name not in CHECKSUMS:
        raise ConfigError(f"{where}: checksum must be one of {', '.join(CHECKSUMS)}")
    module = importlib.import_module(CHECKSUMS[name])
    is_valid: Callable[[str], bool] = module.is_valid
    return is_valid
