"""The policy rules, one small class per module: every module of this package is imported (each defines its
rule, which registers itself), so a new rule is a new module plus its entry in the policy YAML."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from dlp.errors import PolicyError
from dlp.rules.base import RULES, Rule, RuleSettings

__all__ = ["RULES", "Rule", "RuleSettings", "load_rule_modules"]

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")


def load_rule_modules(names: Iterable[str]) -> None:
    """Import an organisation's own rule modules (`[policy] rule_modules`), each defining Rule subclasses."""
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise PolicyError(f"[policy] rule_modules: {name!r} cannot be imported ({exc})") from None
