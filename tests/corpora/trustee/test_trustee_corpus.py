"""The public trustee and guardian corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.trustee import world
from tests.corpora.trustee.generate import generate
from tests.corpora.trustee.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("trustee") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("trustee") / "full"
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
    assert 280 <= len(scans) <= 330
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.27 <= share <= 0.34, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS
    assert sum(x["category"].startswith("everyday/") for x in scans) >= 75


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_protected_client(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 20
    for x in supp:
        ids = re.findall(r"C\d{6}", x["note"])
        assert any(rows[i]["suppressed"] for i in ids), x["id"]


def test_registry_has_the_trustee_shape(full):
    rows = conformance.client_rows(full)
    protected = [r for r in rows.values() if r["suppressed"]]
    assert len(protected) >= 12
    for v in protected:  # every protected client is hidden from someone the office also writes to
        if v["joint_with"]:
            other = rows[v["joint_with"]]
            assert set(v["references"].split(";")) & set(other["references"].split(";"))
            assert other["postal_address"] != v["postal_address"]
    estates: dict[str, list[str]] = {}
    for r in rows.values():
        for ref in r["references"].split(";"):
            if ref.startswith("ES"):
                estates.setdefault(ref, []).append(r["client_id"])
    assert len(estates) >= 15 and all(len(b) >= 2 for b in estates.values())
    contacts = [c for r in rows.values() for c in r["authorised_contacts"].split(";") if c]
    for party in (*world.FACILITIES, world.AGENT, world.COORDINATOR):
        assert party.email in contacts
    names = [(r["given_name"], r["family_name"]) for r in rows.values()]
    assert len(set(names)) < len(names)  # namesakes with other dates of birth
    facility_addrs = [r["postal_address"] for r in rows.values() if "Fig Tree Lane" in r["postal_address"]]
    assert len(facility_addrs) >= 3  # several residents registered at one aged-care home


def test_config_is_the_trustee(full):
    cfg = tomllib.loads((full / "dlp.toml").read_text())
    org = cfg["organisation"]
    assert org["internal_domains"] == [world.DOMAIN]
    assert "ncat.nsw.example" in org["approved_recipient_domains"]
    assert all(a.endswith("@" + world.DOMAIN) for a in org["suppressed_detail_staff"])
    assert world.OFFICES[-1].line in org["own_details"]
    assert len(set(org["own_details"])) == len(org["own_details"])
    assert org["timezone"] == "Australia/Sydney" and cfg["incidents"]["holidays"] == "AU-NSW"


def test_notes_hold_no_personal_information(full):
    rows = conformance.client_rows(full).values()
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(re.search(rf"\b{re.escape(n)}\b", note) for n in names), note
