"""The workers' compensation claims corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.workcomp import world
from tests.corpora.workcomp.generate import generate
from tests.corpora.workcomp.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("workcomp") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("workcomp") / "full"
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
    assert 290 <= len(scans) <= 350
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.28 <= share <= 0.38, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_suppressed_client(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 25
    for x in supp:
        ids = [w.strip(".,'s()") for w in x["note"].split() if w.startswith("C")]
        assert any(rows.get(i[:7], {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_claims_agent_shape(full):
    rows = list(conformance.client_rows(full).values())
    assert len(rows) >= 330
    assert sum(bool(r["suppressed"]) for r in rows) >= 10
    assert 6 <= sum(bool(r["joint_with"]) for r in rows) <= 20  # dependants on death claims only
    # every worker names the employer's RTW mailbox; representatives by their firm's mailbox
    workers = [r for r in rows if r["authorised_contacts"].startswith("rtw@")]
    assert len(workers) >= 300
    assert any(p.email in r["authorised_contacts"] for r in rows for p in world.LAW_FIRMS)
    assert any(p.email in r["authorised_contacts"] for r in rows for p in world.INTERPRETERS)
    names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(set(names)) < len(names)  # namesakes with different dates of birth
    refs = [r["references"] for r in rows]
    assert len(set(refs)) < len(refs)  # dependants share the death claim's number


def test_config_is_the_claims_agent(full):
    org = tomllib.loads((full / "dlp.toml").read_text())["organisation"]
    assert org["internal_domains"] == [world.INTERNAL]
    assert world.CONCILIATION.domain in org["approved_recipient_domains"]
    assert world.PIC.domain in org["approved_recipient_domains"]
    assert not any(e.domain in org["approved_recipient_domains"] for e in world.EMPLOYERS)
    assert all(a.endswith(world.INTERNAL) for a in org["suppressed_detail_staff"])
    assert world.MELB_OFFICE in org["own_details"] and world.PHONE_MAIN in org["own_details"]
    assert org["timezone"] == "Australia/Melbourne"


def test_notes_hold_no_personal_information(full):
    names = {r["family_name"] for r in conformance.client_rows(full).values() if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note for n in names), note
