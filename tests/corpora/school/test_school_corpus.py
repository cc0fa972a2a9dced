"""The school region corpus: conformance (tests/corpora/conformance.py) plus checks of its own."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.corpora.conformance import (
    check_files_open,
    check_labels,
    check_registry_and_config,
    check_reproducible,
    labels,
)
from tests.corpora.school.generate import generate
from tests.corpora.school.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("school") / "corpus"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("school_full") / "corpus"
    generate(out, seed=1, scale=1.0)
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    check_reproducible(generate, corpus, tmp_path, scale=0.3)


def test_registry_and_config(corpus: Path) -> None:
    check_registry_and_config(corpus, COLUMNS)


def test_labels(full: Path) -> None:
    check_labels(full)


def test_files_open(full: Path) -> None:
    check_files_open(full)


def test_size_and_incident_share(full: Path) -> None:
    found = labels(full)
    scan = [x for x in found if x["channel"] == "scan"]
    blocked = [
        x for x in scan if x.get("expect") == "block" or any(v["expect"] == "block" for v in x.get("letters", []))
    ]
    assert len(scan) >= 330
    assert 0.25 <= len(blocked) / len(scan) <= 0.36
    runs = [x for x in found if x["channel"] == "batch"]
    assert 4 <= len(runs) <= 6 and {x["run_expect"] for x in runs} == {"allow", "block"}


def test_twins_share_format(full: Path) -> None:
    by_id = {x["id"]: x for x in labels(full)}
    for x in by_id.values():
        if x["channel"] == "scan" and "twin" in x:
            assert Path(x["path"]).suffix == Path(by_id[x["twin"]]["path"]).suffix
            assert x["category"] == by_id[x["twin"]]["category"]


def test_notes_hold_client_ids_only(full: Path) -> None:
    rows = list(csv.DictReader((full / "clients.csv").open(encoding="utf-8")))
    names = {r["family_name"] for r in rows} | {r["given_name"] for r in rows}
    for x in labels(full):
        words = set(x["note"].replace(",", " ").replace("'s", " ").split())
        assert not words & names - {"Van", "Park", "Kim"}, x["id"]


def test_registry_models_the_families(full: Path) -> None:
    rows = {r["client_id"]: r for r in csv.DictReader((full / "clients.csv").open(encoding="utf-8"))}
    protected = [r for r in rows.values() if "postal_address" in r["suppressed"]]
    assert len(protected) >= 8
    for r in protected:  # a protected parent stays linked to the other parent of the children
        assert r["joint_with"] and rows[r["joint_with"]]["references"]
    assert any("rivergumcare.example" in r["authorised_contacts"] for r in rows.values())
    names = [(r["given_name"], r["family_name"]) for r in rows.values()]
    assert len(names) - len(set(names)) >= 3  # namesakes with different dates of birth


def test_suppressed_items_carry_a_suppressed_detail(full: Path) -> None:
    rows = {r["client_id"]: r for r in csv.DictReader((full / "clients.csv").open(encoding="utf-8"))}
    phones = {
        p.replace(" ", "")[-6:] for r in rows.values() if "phone" in r["suppressed"] for p in r["phone"].split(";")
    }
    streets = {r["postal_address"].split(",")[0].split()[-2] for r in rows.values() if r["suppressed"]}
    for x in labels(full):
        if x.get("suppressed") and x["path"].endswith(".eml"):
            msg = email.message_from_bytes((full / x["path"]).read_bytes(), policy=email.policy.default)
            parts = [str(p.get_payload(decode=True)) for p in msg.walk() if p.get_content_type() != "application/pdf"]
            pdfs = [
                PdfReader(io.BytesIO(p.get_content())) for p in msg.walk() if p.get_content_type() == "application/pdf"
            ]
            parts += [pg.extract_text() for r in pdfs for pg in r.pages]
            text = json.dumps(parts) + str(msg)
            flat = text.replace(" ", "").replace("-", "")
            assert any(p in flat for p in phones) or any(s in text for s in streets), x["id"]
