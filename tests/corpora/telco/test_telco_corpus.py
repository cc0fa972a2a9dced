"""The telco corpus: FORMAT.md conformance plus this corpus's own promises (twins, share of incidents, registry
shape, checksums of invented identifiers)."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.telco import world
from tests.corpora.telco.generate import generate
from tests.corpora.telco.registry import COLUMNS

SCALE = 0.3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("telco") / "corpus"
    generate(out, seed=1, scale=SCALE)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("telco-full") / "corpus"
    generate(out, seed=1, scale=1.0)
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    conformance.check_reproducible(generate, corpus, tmp_path, scale=SCALE)


def test_registry_and_config(corpus: Path) -> None:
    conformance.check_registry_and_config(corpus, COLUMNS)


def test_labels(corpus: Path, full: Path) -> None:
    conformance.check_labels(corpus)
    conformance.check_labels(full)


def test_files_open(full: Path) -> None:
    conformance.check_files_open(full)


def _verdicts(x: dict) -> list[dict]:
    if x["channel"] == "batch":
        return x["per_letter"]
    return x["letters"] if "letters" in x else [x]


def test_size_and_share_of_incidents(full: Path) -> None:
    labels = conformance.labels(full)
    scans = [x for x in labels if x["channel"] == "scan"]
    runs = [x for x in labels if x["channel"] == "batch"]
    incidents = [x for x in scans if any(v["expect"] == "block" for v in _verdicts(x))]
    assert 300 <= len(scans) <= 360
    assert 5 <= len(runs) <= 7
    assert 0.30 <= len(incidents) / len(scans) <= 0.36
    assert Counter(x["category"].split("/")[0] for x in scans).keys() == conformance.AREAS - {"mail-merge"} | {
        "mail-merge"
    }


def test_every_incident_has_a_legitimate_twin_of_the_same_kind(full: Path) -> None:
    labels = conformance.labels(full)
    by_id = {x["id"]: x for x in labels}
    for x in labels:
        if any(v["expect"] == "block" for v in _verdicts(x)):
            twin = by_id[x["twin"]]
            assert all(v["expect"] == "allow" for v in _verdicts(twin)), x["id"]
            assert twin["channel"] == x["channel"]
            if x["channel"] == "scan":
                assert twin["category"] == x["category"], x["id"]
                assert Path(twin["path"]).suffix == Path(x["path"]).suffix, x["id"]
            else:
                assert Path(twin["data"]).name == Path(x["data"]).name
                assert twin["letters"].endswith("/") == x["letters"].endswith("/")
                assert len(twin["per_letter"]) == len(x["per_letter"])


def test_every_area_has_incidents_and_suppressed_exposures_are_many(full: Path) -> None:
    labels = conformance.labels(full)
    areas = Counter(x["category"].split("/")[0] for x in labels if x.get("expect") == "block")
    for area in conformance.AREAS - {"everyday", "mail-merge"}:
        assert areas[area] >= 3, area
    assert sum(1 for x in labels if x.get("suppressed")) >= 20
    assert all(x.get("expect", "allow") == "allow" for x in labels if x["category"].startswith("everyday/"))


def _registry(out: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "clients.csv").read_text())))


def test_registry_models_a_telco(corpus: Path) -> None:
    rows = _registry(corpus)
    by_id = {r["client_id"]: r for r in rows}
    suppressed = [r for r in rows if r["suppressed"]]
    assert len(suppressed) >= 15
    for r in suppressed:  # a silent number is never also listed as an (unsuppressed) reference
        assert not set(r["phone"].split(";")) & set(r["references"].split(";"))
    for r in rows:
        for other in filter(None, r["joint_with"].split(";")):
            assert r["client_id"] in by_id[other]["joint_with"].split(";")
        for phone in filter(None, r["phone"].split(";")):
            assert re.fullmatch(r"04\d{2} \d{3} \d{3}|\(0[2378]\) \d{4} \d{4}", phone), phone
    assert any(len(r["references"].split(";")) >= 4 for r in rows)  # family plans and business accounts
    assert any("@" in r["authorised_contacts"] for r in rows)
    emails = [e for r in rows for e in r["email"].split(";")]
    assert len(emails) == len(set(emails))
    phones = [p for r in rows for p in r["phone"].split(";")]
    assert len(phones) == len(set(phones))


def test_invented_identifiers_are_checksum_valid() -> None:
    import random

    from stdnum import luhn
    from stdnum.au import abn

    rng = random.Random(3)
    for _ in range(200):
        assert abn.is_valid(world.abn(rng))
        card = world.card_number(rng)
        assert luhn.is_valid(card.replace(" ", "")) and world.luhn_ok(card)
    assert abn.is_valid(world.ORG_ABN)


def test_card_numbers_in_incidents_pass_luhn(full: Path) -> None:
    for x in conformance.labels(full):
        if x["category"].startswith("identifiers-dates/card-number") and x["expect"] == "block":
            msg = email.message_from_bytes((full / x["path"]).read_bytes(), policy=email.policy.default)
            body = msg.get_body(("plain",)).get_content()
            m = re.search(r"card (\d[\d -]{14,20}\d)", body)
            assert m and world.luhn_ok(m.group(1)), x["id"]


def test_notes_hold_client_ids_only(full: Path) -> None:
    names = {r["family_name"] for r in _registry(full)}
    for x in conformance.labels(full):
        words = set(re.findall(r"[A-Z][a-z'-]+", x["note"]))
        assert not words & names, x["id"]
