"""The migration-practice corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.migration import world
from tests.corpora.migration.generate import generate
from tests.corpora.migration.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("migration") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("migration") / "full"
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
    assert 280 <= len(scans) <= 340
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.28 <= share <= 0.38, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS
    everyday = [x for x in scans if x["category"].startswith("everyday/")]
    assert len(everyday) >= 90 and not any(map(conformance.blocked, everyday))


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_suppressed_client(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 20
    for x in supp:
        ids = [w.strip(".,'s") for w in x["note"].split() if w.startswith("C1")]
        assert any(rows.get(i[:7], {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_practice_shape(full):
    rows = list(conformance.client_rows(full).values())
    assert len(rows) >= 180
    fv = [r for r in rows if "postal_address" in r["suppressed"] and r["joint_with"]]
    assert len(fv) == 8  # separated partner-visa applicants, joint with the former sponsor
    for r in fv:  # her legal centre may act for her; her former sponsor is no longer authorised
        assert any(c in r["authorised_contacts"] for c in world.CLCS)
        assert r["joint_with"] not in r["authorised_contacts"]
    assert sum(bool(r["joint_with"]) for r in rows) >= 50
    assert any(e[1] in r["authorised_contacts"] for r in rows for e in world.EMPLOYERS)
    assert any(r["authorised_contacts"].startswith("C1") for r in rows)  # a parent for a child, a partner
    assert any(r["given_name"] == "" for r in rows)  # single-name clients
    assert any(r["postal_address"].endswith("Success WA 6164") for r in rows)
    names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(names) - len(set(names)) == 3  # three namesake pairs, different dates of birth


def test_config_is_the_practice(full):
    cfg = tomllib.loads((full / "dlp.toml").read_text())
    org = cfg["organisation"]
    assert org["internal_domains"] == [world.INTERNAL]
    assert set(org["approved_recipient_domains"]) == set(world.APPROVED)
    assert all(a.endswith(world.INTERNAL) for a in org["suppressed_detail_staff"])
    assert world.OFFICES[1].address in org["own_details"]
    assert org["timezone"] == "Australia/Melbourne"
    # authorised contacts are clients' representatives, never approved domains
    assert not any(world.INTERPRETER.endswith(d) for d in org["approved_recipient_domains"])


def test_notes_hold_no_personal_information(full):
    rows = conformance.client_rows(full).values()
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note for n in names), note
