"""Presidio recognisers of the default pipeline, one per file, and the YAML pure-pattern ones."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import yaml
from presidio_analyzer import EntityRecognizer

from dlp.recognizers.au_abn_recognizer import AuAbnRecognizer
from dlp.recognizers.au_acn_recognizer import AuAcnRecognizer
from dlp.recognizers.au_medicare_recognizer import AuMedicareRecognizer
from dlp.recognizers.au_phone_recognizer import AuPhoneRecognizer
from dlp.recognizers.au_tfn_recognizer import AuTfnRecognizer
from dlp.recognizers.card_number_recognizer import CardNumberRecognizer
from dlp.recognizers.client_dob_recognizer import ClientDobRecognizer
from dlp.recognizers.registry_recognizer import RegistryRecognizer
from dlp.registry.entities import CLIENT_DOB, CLIENT_NAME_DOB, REGISTRY_ENTITIES
from dlp.registry.index import RegistryIndex

__all__ = [
    "AuAbnRecognizer",
    "AuAcnRecognizer",
    "AuMedicareRecognizer",
    "AuPhoneRecognizer",
    "AuTfnRecognizer",
    "CardNumberRecognizer",
    "ClientDobRecognizer",
    "RegistryRecognizer",
    "code_recognizers",
    "shipped_entities",
    "PATTERNS_YAML",
]

PATTERNS_YAML = Path(str(files("dlp.recognizers").joinpath("patterns.yaml")))


def code_recognizers(index: RegistryIndex) -> list[EntityRecognizer]:
    """The recognisers written in Python; the YAML ones are added from PATTERNS_YAML."""
    return [
        RegistryRecognizer(index),
        ClientDobRecognizer(index),
        AuTfnRecognizer(),
        AuAbnRecognizer(),
        AuAcnRecognizer(),
        AuMedicareRecognizer(),
        AuPhoneRecognizer(),
        CardNumberRecognizer(),
    ]


# What the Python recognisers above report; the YAML ones say it in PATTERNS_YAML.
CODE_ENTITIES: tuple[str, ...] = (*REGISTRY_ENTITIES, CLIENT_DOB, CLIENT_NAME_DOB)
CODE_ENTITIES += ("AU_TFN", "AU_ABN", "AU_ACN", "AU_MEDICARE", "PHONE_NUMBER", "CREDIT_CARD")


def shipped_entities() -> frozenset[str]:
    """Every entity the default pipeline can report, so a policy naming another one is caught at start-up."""
    entries = yaml.safe_load(PATTERNS_YAML.read_text(encoding="utf-8"))["recognizers"]
    return frozenset(CODE_ENTITIES) | {entry["supported_entity"] for entry in entries}
