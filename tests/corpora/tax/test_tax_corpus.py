"""The tax practice corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.tax import world
from tests.corpora.tax.generate import generate
from tests.corpora.tax.registry import COLUMNS, abn, acn, tfn_ok


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tax") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tax") / "full"
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
    assert 290 <= len(scans) <= 320
    share = sum(map(conformance.blocked, scans)) / len(scans)
    assert 0.27 <= share <= 0.34, share
    assert len(runs) == 6
    assert sum(map(conformance.blocked, runs)) == 3
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS
    assert sum(x["category"].startswith("everyday/") for x in scans) >= 100


def test_every_incident_has_an_allowed_twin_of_the_same_layout(full):
    conformance.check_twins_alike(full)


def test_suppressed_incidents_name_a_protected_client(full):
    rows = conformance.client_rows(full)
    supp = [x for x in conformance.labels(full) if x.get("suppressed")]
    assert len(supp) >= 30
    for x in supp:
        ids = [w.strip(".,;:()'s")[:7] for w in x["note"].split() if w.startswith("C4")]
        assert any(rows.get(i, {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_tax_practice_shape(full):
    rows = conformance.client_rows(full)
    assert len(rows) >= 280
    for r in rows.values():  # every client: a practice client code and a TFN that passes the ATO check
        refs = r["references"].split(";")
        assert refs[0].startswith("MP") and tfn_ok(refs[1])
    protected = [r for r in rows.values() if r["suppressed"]]
    assert len(protected) >= 12
    for v in protected:  # the former partner: still joint in the entity being wound up, living elsewhere
        ex = rows[v["joint_with"]]
        shared = set(v["references"].split(";")) & set(ex["references"].split(";"))
        assert any(s.startswith("MPE") for s in shared)
        assert ex["postal_address"] != v["postal_address"]
    assert sum(bool(r["joint_with"]) for r in rows.values()) >= 90
    contacts = [c for r in rows.values() for c in r["authorised_contacts"].split(";") if c]
    assert any(c.startswith("C4") for c in contacts)  # spouses and attorneys who are clients
    for firm in (world.PLANNERS[0], world.SOLICITORS[0], world.BOOKKEEPERS[0]):
        assert any(c.endswith("@" + firm[1]) for c in contacts)
    names = [(r["given_name"], r["family_name"]) for r in rows.values()]
    assert len(set(names)) < len(names)  # namesakes with other dates of birth


def test_config_is_the_practice(full):
    cfg = tomllib.loads((full / "dlp.toml").read_text())
    org = cfg["organisation"]
    assert org["internal_domains"] == [world.DOMAIN, world.BOOKS_DOMAIN]
    assert world.ATO in org["approved_recipient_domains"]
    assert set(org["suppressed_detail_staff"]) == set(world.CLEARED)
    assert "141 Banna Avenue, Griffith NSW 2680" in org["own_details"]
    assert org["timezone"] == "Australia/Sydney" and cfg["incidents"]["holidays"] == "AU-NSW"
    assert (full / cfg["policy"]["path"]).is_file()


def test_identifier_checks():
    import random

    rng = random.Random(3)
    assert tfn_ok("123456782") and not tfn_ok("123456789")
    a = abn(rng)
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    assert sum(wi * d for wi, d in zip(w, [int(a[0]) - 1] + [int(x) for x in a[1:]], strict=False)) % 89 == 0
    c = acn(rng)
    assert (10 - sum(int(x) * y for x, y in zip(c, range(8, 0, -1), strict=False)) % 10) % 10 == int(c[8])


def test_notes_hold_no_personal_information(full):
    rows = conformance.client_rows(full).values()
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note.split() for n in names), note
