"""Shared fixtures: a generated registry of synthetic clients and a scanner built on it (once per session)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dlp.config import Config, OrganisationConfig, StoreConfig
from dlp.extract import communication_from_letter, communication_from_message
from dlp.model import Verdict
from dlp.policy import Policy
from dlp.registry import RegistryIndex, load_registry
from dlp.scanner import Scanner
from dlp.synthetic import OMBUDSMAN_DOMAIN, ORG_DOMAIN, SyntheticRegistry, make_registry

STAFF_ALLOWED = f"fv-support@{ORG_DOMAIN}"


@pytest.fixture(scope="session")
def synthetic() -> SyntheticRegistry:
    return make_registry(300, seed=11)


@pytest.fixture(scope="session")
def registry_csv(synthetic: SyntheticRegistry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write(tmp_path_factory.mktemp("registry") / "clients.csv")


@pytest.fixture(scope="session")
def index(registry_csv: Path) -> RegistryIndex:
    return load_registry(str(registry_csv))


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    base = tmp_path_factory.mktemp("dlp")
    return Config(
        organisation=OrganisationConfig(
            name="Riverbend Water",
            internal_domains=(ORG_DOMAIN,),
            approved_recipient_domains=(OMBUDSMAN_DOMAIN,),
            suppressed_detail_staff=(STAFF_ALLOWED,),
        ),
        store=StoreConfig(url=f"sqlite:///{base}/dlp.db"),
        base_dir=base,
    )


@pytest.fixture(scope="session")
def scanner(config: Config, index: RegistryIndex) -> Scanner:
    from dlp.store import IncidentStore

    return Scanner(config, index, Policy.load(), IncidentStore(config.store_url))


@pytest.fixture
def scan_email(scanner: Scanner) -> Callable[[bytes], Verdict]:
    def scan(data: bytes) -> Verdict:
        return scanner.scan(communication_from_message(data, "test.eml"))

    return scan


@pytest.fixture
def scan_letter(scanner: Scanner) -> Callable[[str], Verdict]:
    def scan(text: str) -> Verdict:
        return scanner.scan(communication_from_letter(text.encode(), "letter.txt"))

    return scan


def rules(verdict: Verdict) -> set[str]:
    return {v.rule for v in verdict.violations}
