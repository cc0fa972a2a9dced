"""The victims-service corpus: FORMAT.md's shared checks plus this corpus's own promises."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.victims import world
from tests.corpora.victims.generate import generate
from tests.corpora.victims.registry import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("victims") / "small"
    generate(out, seed=1, scale=0.3)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("victims") / "full"
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


def _blocked(x: dict) -> bool:
    verdicts = x.get("letters") if isinstance(x.get("letters"), list) else None
    if x["channel"] == "batch":
        verdicts = x["per_letter"]
    return x.get("expect") == "block" or any(v["expect"] == "block" for v in verdicts or [])


def test_size_and_share_of_incidents(full):
    found = conformance.labels(full)
    scans = [x for x in found if x["channel"] == "scan"]
    runs = [x for x in found if x["channel"] == "batch"]
    assert 300 <= len(scans) <= 350
    share = sum(map(_blocked, scans)) / len(scans)
    assert 0.28 <= share <= 0.36, share
    assert 5 <= len(runs) <= 7
    areas = {x["category"].split("/")[0] for x in found}
    assert areas == conformance.AREAS


def test_every_incident_has_an_allowed_twin_of_the_same_kind(full):
    found = conformance.labels(full)
    by_id = {x["id"]: x for x in found}
    for x in found:
        if _blocked(x):
            twin = by_id[x["twin"]]
            assert not _blocked(twin), x["id"]
            same = "category" if x["channel"] == "scan" else "area"
            assert twin["category"].split("/")[0] == x["category"].split("/")[0], x["id"]
            if same == "category":
                assert twin["category"] == x["category"], x["id"]
            assert twin["channel"] == x["channel"]
            if x["channel"] == "scan":
                assert Path(twin["path"]).suffix == Path(x["path"]).suffix


def test_suppressed_incidents_name_a_client_with_suppressed_details(full):
    rows = {r["client_id"]: r for r in csv.DictReader(io.StringIO((full / "clients.csv").read_text()))}
    found = conformance.labels(full)
    supp = [x for x in found if x.get("suppressed")]
    assert len(supp) >= 20
    for x in supp:
        ids = [w.strip(".,'s") for w in x["note"].split() if w.startswith("C")]
        assert any(rows.get(i[:7], {}).get("suppressed") for i in ids), x["id"]


def test_registry_has_the_service_shape(full):
    rows = list(csv.DictReader(io.StringIO((full / "clients.csv").read_text())))
    assert len(rows) >= 200
    suppressed = [r for r in rows if r["suppressed"]]
    assert 0.2 <= len(suppressed) / len(rows) <= 0.5
    assert any(r["joint_with"] for r in rows)
    assert any(r["authorised_contacts"].startswith("C") for r in rows)  # child victims' guardians
    names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(set(names)) < len(names)  # namesakes with different dates of birth
    assert any("'" in f or "-" in f for _, f in names)


def test_identifiers_are_checksum_valid():
    import random

    from stdnum.au import abn, tfn

    rng = random.Random(5)
    for _ in range(50):
        assert tfn.is_valid(world.tfn(rng))
        assert abn.is_valid(world.abn(rng))
        digits = world.medicare(rng).replace(" ", "")
        weights = [1, 3, 7, 9, 1, 3, 7, 9]
        assert sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 10 == int(digits[8])
        card = [int(d) for d in world.luhn_card(rng).replace(" ", "")]
        assert sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(reversed(card))) % 10 == 0


def test_config_is_the_service(full):
    import tomllib

    cfg = tomllib.loads((full / "dlp.toml").read_text())
    org = cfg["organisation"]
    assert org["internal_domains"] == [world.INTERNAL]
    assert world.PAROLE in org["approved_recipient_domains"]
    assert all(a.endswith(world.INTERNAL) for a in org["suppressed_detail_staff"])


def test_notes_hold_no_personal_information(full):
    rows = list(csv.DictReader(io.StringIO((full / "clients.csv").read_text())))
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for line in (full / "labels.jsonl").read_text().splitlines():
        note = json.loads(line)["note"]
        assert not any(n in note for n in names), note
