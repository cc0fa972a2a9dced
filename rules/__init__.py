"""The policy rules: importing this package registers every rule class in RULES."""

from dlp.rules import (  # noqa: F401  (each module registers its rule)
    bulk_client_data,
    mismatched_recipient,
    mixed_client_documents,
    sensitive_identifier,
    suppressed_detail_exposed,
    unmerged_field,
    unscannable_content,
)
from dlp.rules.base import RULES, Rule, RuleSettings

__all__ = ["RULES", "Rule", "RuleSettings"]
