"""The university corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.university import world
from tests.corpora.university.generate import generate
from tests.corpora.university.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("university") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("university") / "full"
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
    assert 290 <= len(scans) <= 330
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.28 <= share <= 0.36, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_suppressed_client(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 20
    for x in supp:
        ids = [w.strip(".,'s()") for w in x["note"].split() if w.strip("(").startswith("C")]
        assert any(rows.get(i[:7], {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_university_shape(full):
    rows = list(conformance.client_rows(full).values())
    assert len(rows) >= 300
    assert sum(bool(r["suppressed"]) for r in rows) >= 10
    assert sum(bool(r["joint_with"]) for r in rows) >= 60
    assert sum("@" in r["authorised_contacts"] for r in rows) >= 60
    names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(set(names)) < len(names)  # namesakes with different dates of birth
    # every suppressed student's registered mailbox is the university's student mailbox, not staff mail
    for r in rows:
        if r["suppressed"]:
            assert r["email"].split(";")[0].endswith("@" + world.STUDENT_DOMAIN)
    # joint holders share exactly one reference: the residence contract
    for r in rows:
        for other in filter(None, r["joint_with"].split(";")):
            shared = set(r["references"].split(";")) & set(rows_by_id(rows)[other]["references"].split(";"))
            assert len(shared) == 1 and next(iter(shared))[:2] in ("RC", "FH")


def rows_by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["client_id"]: r for r in rows}


def test_config_is_the_university(full):
    cfg = tomllib.loads((full / "dlp.toml").read_text())
    org = cfg["organisation"]
    assert org["internal_domains"] == [world.INTERNAL]
    assert world.STUDENT_DOMAIN not in org["internal_domains"]
    assert world.TAC[1] in org["approved_recipient_domains"]
    assert all(a.endswith("@" + world.INTERNAL) for a in org["suppressed_detail_staff"])
    assert "1 Ranges Way, Goulburn NSW 2580" in org["own_details"]
    assert org["timezone"] == "Australia/Sydney"


def test_notes_hold_no_personal_information(full):
    rows = conformance.client_rows(full).values()
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    numbers = {ref for r in rows for ref in r["references"].split(";")}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note for n in names), note
        assert not any(n in note for n in numbers), note
