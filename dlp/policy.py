"""Policy files and the chain: load rules/*.yaml, validate them at start-up, run every rule, decide.

The shipped `rules/default.yaml` sets every rule; an organisation's own file (`[policy] path`) overrides
any key of any rule. A bad file stops start-up with a PolicyError naming the file, rule and key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from dlp.config import Config
from dlp.errors import PolicyError
from dlp.model import Decision, Report, ScanContext, Severity, Verdict, Violation
from dlp.rules import RULES, Rule, RuleSettings, load_rule_modules
from dlp.validation import did_you_mean, read_yaml, unknown_key, validate

SHIPPED = Path(str(files("dlp.rules").joinpath("default.yaml")))
BASE_KEYS = ("enabled", "decision", "severity", "internal_decision")


def _read(path: Path) -> dict[str, Any]:
    where = f"policy file {path}"
    data = read_yaml(path, where, PolicyError)
    if isinstance(data, dict):
        unknown_key(data, ("version", "rules"), where, PolicyError)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise PolicyError(f"{where} must be a mapping with a 'rules' mapping")
    if data.get("version", 1) != 1:
        raise PolicyError(f"{where}: unsupported version {data.get('version')!r}")
    return data["rules"]


class Policy:
    """The chain: every enabled rule reports, and the policy alone decides what each report means."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._by_id = {rule.rule_id: rule for rule in rules}

    @classmethod
    def load(cls, override: str | Path | None = None, rule_modules: Iterable[str] = ()) -> Policy:
        load_rule_modules(rule_modules)
        merged: dict[str, dict[str, Any]] = {}
        sources = [SHIPPED] + ([Path(override)] if override else [])
        for source in sources:
            for rule_id, values in _read(source).items():
                if rule_id not in RULES:
                    raise PolicyError(f"{source}: unknown rule {rule_id!r}; {did_you_mean(rule_id, RULES)}")
                if not isinstance(values, dict):
                    raise PolicyError(f"{source}: rule {rule_id} must be a mapping")
                if source != SHIPPED:  # ours is checked by the tests, not at every start (tests/test_policy.py)
                    _validate(rule_id, values, source)
                merged.setdefault(rule_id, {}).update(values)
        missing = sorted(set(RULES) - set(merged))
        if missing:
            raise PolicyError(f"no policy for rule(s) {', '.join(missing)}: add them to your policy file")
        return cls([RULES[rid](_settings(rid, merged[rid])) for rid in sorted(merged)])

    @classmethod
    def from_config(cls, config: Config) -> Policy:
        """The shipped policy with the organisation's file (`[policy] path`) and rule modules over it."""
        override = config.resolve_path(config.policy.path) if config.policy.path else None
        return cls.load(override, config.policy.rule_modules)

    def check_entities(self, known: Iterable[str]) -> None:
        """Every entity a rule names (its `entities` option) must be one some recogniser reports: a typo
        would otherwise switch the check off without a word."""
        known = set(known)
        for rule in self.rules:
            named = rule.options.get("entities") or []
            unknown = sorted(set(named) - known)
            if unknown:
                raise PolicyError(
                    f"rule {rule.rule_id}: no recogniser reports {', '.join(unknown)}; "
                    "add the organisation's own in a YAML file named by [analysis] recognizers"
                )

    def judge(self, report: Report) -> Violation:
        """A report as this policy decides it: its rule's decision (or its internal decision, where only
        internal staff would see it) and severity."""
        settings = self._by_id[report.rule].settings
        decision = settings.internal_decision if report.internal and settings.internal_decision else settings.decision
        return Violation(report.rule, settings.severity, decision, report.clients, report.part, report.explanation)

    def add_violation(
        self, verdict: Verdict, rule_id: str, part: str, explanation: str, clients: tuple[str, ...] = ()
    ) -> Verdict:
        """A verdict with one more violation of `rule_id`, found outside the rules (a manifest, a data row)."""
        violation = self.judge(Report(rule_id, tuple(sorted(set(clients))), part, explanation))
        decision = max(verdict.decision, violation.decision, key=lambda d: d.rank)
        return replace(verdict, violations=(*verdict.violations, violation), decision=decision)

    def evaluate(self, ctx: ScanContext) -> Verdict:
        violations = [
            violation
            for rule in self.rules
            if rule.settings.enabled
            for violation in map(self.judge, rule.check(ctx))
            if violation.decision is not Decision.ALLOW
        ]
        decision = max((v.decision for v in violations), key=lambda d: d.rank, default=Decision.ALLOW)
        item = ctx.communication
        return Verdict(
            item.source, decision, tuple(violations), ctx.recipients, locator=item.locator, findings=ctx.findings
        )


def _validate(rule_id: str, values: dict[str, Any], source: Path) -> None:
    validate(_fields(rule_id), values, f"{source}: rule {rule_id}", PolicyError)


def _fields(rule_id: str) -> dict[str, tuple[Any, Any]]:
    """A rule's keys and their types: the base keys, then its OPTIONS, typed by their defaults."""
    decisions = Literal[tuple(d.value for d in Decision)]  # type: ignore[valid-type]
    severities = Literal[tuple(s.value for s in Severity)]  # type: ignore[valid-type]
    fields: dict[str, tuple[Any, Any]] = {
        "enabled": (bool, True),
        "decision": (decisions, None),
        "severity": (severities, None),
        "internal_decision": (decisions, None),
    }
    for key, default in RULES[rule_id].OPTIONS.items():
        fields[key] = (OPTION_TYPES.get(type(default), Any), default)
    return fields


# An option's type, by its default's.
OPTION_TYPES: dict[type, Any] = {bool: bool, int: int, float: float, str: str, list: list[str], dict: dict[str, str]}


def _settings(rule_id: str, values: dict[str, Any]) -> RuleSettings:
    if "decision" not in values or "severity" not in values:
        raise PolicyError(f"rule {rule_id}: decision and severity are required")
    options = {k: v for k, v in values.items() if k not in BASE_KEYS}
    internal = values.get("internal_decision")
    return RuleSettings(
        Decision(values["decision"]),
        Severity(values["severity"]),
        values.get("enabled", True),
        options,
        Decision(internal) if internal else None,
    )
