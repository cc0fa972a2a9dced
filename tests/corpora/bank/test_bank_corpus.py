"""The credit-union corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.bank import world
from tests.corpora.bank.generate import generate
from tests.corpora.bank.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bank") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bank") / "full"
    generate(out, seed=1, scale=1.0)
    return out


def test_reproducible(corpus, tmp_path):
    conformance.check_reproducible(generate, corpus, tmp_path, scale=0.3)


def test_registry_and_config(full):
    conformance.check_registry_and_config(full, COLUMNS)


def test_labels(corpus, full):
    conformance.check_labels(corpus)
    conformance.check_labels(full)


def test_files_open(full):
    conformance.check_files_open(full)


def test_size_and_share_of_incidents(full):
    found = conformance.labels(full)
    scans = [x for x in found if x["channel"] == "scan"]
    runs = [x for x in found if x["channel"] == "batch"]
    assert 290 <= len(scans) <= 340
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.28 <= share <= 0.36, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_suppressed_member(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 30
    for x in supp:
        ids = [w.strip(".,;'s")[:7] for w in x["note"].split() if w.startswith("C3")]
        assert any(rows.get(i, {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_credit_union_shape(full):
    rows = list(conformance.client_rows(full).values())
    assert len(rows) >= 300
    victims = [r for r in rows if r["suppressed"]]
    assert len(victims) >= 12
    for v in victims:  # each still shares a joint loan with the former partner, who lives elsewhere
        ex = conformance.client_rows(full)[v["joint_with"]]
        shared = set(v["references"].split(";")) & set(ex["references"].split(";"))
        assert any(s.startswith("HL") for s in shared)
        assert ex["postal_address"] != v["postal_address"]
    assert sum(bool(r["joint_with"]) for r in rows) >= 100
    contacts = [c for r in rows for c in r["authorised_contacts"].split(";") if c]
    assert any(c.startswith("C3") for c in contacts)  # attorneys and guarantors who are members
    assert world.COUNSELLING[1] in contacts and world.POA_SOLICITOR[1] in contacts
    names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(set(names)) < len(names)  # namesakes with different dates of birth


def test_config_is_the_bank(full):
    org = tomllib.loads((full / "dlp.toml").read_text())["organisation"]
    assert org["internal_domains"] == [world.DOMAIN]
    assert org["approved_recipient_domains"] == [world.AFCA_DOMAIN]
    assert all(a.endswith(world.DOMAIN) for a in org["suppressed_detail_staff"])
    assert "133 Queen Street, Ayr QLD 4807" in org["own_details"]
    assert len(set(org["own_details"])) == len(org["own_details"])


def test_notes_hold_no_personal_information(full):
    rows = conformance.client_rows(full).values()
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note for n in names), note
