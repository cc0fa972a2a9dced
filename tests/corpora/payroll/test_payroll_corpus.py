"""The payroll bureau corpus: the shared conformance checks and this corpus's own."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import time
import zipfile
from pathlib import Path

import pytest
from stdnum.au import abn, tfn

from tests.corpora import conformance
from tests.corpora.payroll import registry, world
from tests.corpora.payroll.generate import generate

SCALE = 0.3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("payroll") / "corpus"
    started = time.monotonic()
    generate(out, seed=1, scale=SCALE)
    assert time.monotonic() - started < 30
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("payroll-full") / "corpus"
    started = time.monotonic()
    generate(out, seed=1, scale=1.0)
    assert time.monotonic() - started < 60
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    conformance.check_reproducible(generate, corpus, tmp_path, scale=SCALE)


def test_registry_and_config(corpus: Path) -> None:
    conformance.check_registry_and_config(corpus, registry.COLUMNS)


def test_labels(corpus: Path) -> None:
    conformance.check_labels(corpus)


def test_files_open(corpus: Path) -> None:
    conformance.check_files_open(corpus)


def test_full_size_labels_and_files(full: Path) -> None:
    conformance.check_labels(full)
    conformance.check_files_open(full)


def _verdicts(x: dict) -> list[dict]:
    if x["channel"] == "batch":
        return x["per_letter"]
    return x.get("letters") or [x]


def _blocked(x: dict) -> bool:
    return any(v["expect"] == "block" for v in _verdicts(x))


def test_size_and_share_of_incidents(full: Path) -> None:
    found = conformance.labels(full)
    items = [x for x in found if x["channel"] == "scan"]
    runs = [x for x in found if x["channel"] == "batch"]
    assert 300 <= len(items) <= 350
    assert 5 <= len(runs) <= 7
    share = sum(map(_blocked, items)) / len(items)
    assert 0.30 <= share <= 0.36, share
    assert sum(x["category"].startswith("everyday/") for x in items) >= 90


def test_every_incident_has_a_legitimate_twin(full: Path) -> None:
    found = conformance.labels(full)
    by_id = {x["id"]: x for x in found}
    for x in found:
        if _blocked(x):
            twin = by_id[x["twin"]]
            assert not _blocked(twin), x["id"]
            assert twin["channel"] == x["channel"]
            if x["channel"] == "scan":
                assert Path(twin["path"]).suffix == Path(x["path"]).suffix, x["id"]


def test_every_area_and_rule_is_covered(full: Path) -> None:
    found = conformance.labels(full)
    areas = {x["category"].split("/")[0] for x in found}
    assert areas == conformance.AREAS
    rules = {r for x in found for v in _verdicts(x) for r in v.get("rules", [])}
    assert rules == conformance.RULES
    assert sum(bool(x.get("suppressed")) for x in found) >= 10


def test_notes_hold_client_ids_not_names(full: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((full / "clients.csv").read_text())))
    names = {f"{r['given_name']} {r['family_name']}" for r in rows}
    for x in conformance.labels(full):
        assert not any(n in x["note"] for n in names), x["id"]


def test_registry_models_a_payroll_bureau(full: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((full / "clients.csv").read_text())))
    assert len(rows) >= 200
    suppressed = [r for r in rows if r["suppressed"]]
    assert len(suppressed) >= 8
    assert any(r["joint_with"] and r["suppressed"] for r in rows)  # a protected employee still joint with her ex
    assert sum(bool(r["authorised_contacts"]) for r in rows) >= 20
    full_names = [(r["given_name"], r["family_name"]) for r in rows]
    assert len(full_names) - len(set(full_names)) >= 2  # namesakes told apart only by date of birth
    for r in rows:
        prefix = r["references"].split(";")[0]
        assert prefix.startswith(tuple(e.prefix for e in world.EMPLOYERS))
    assert all(abn.is_valid(x) for x in world.EMPLOYER_ABN.values())


def test_identifiers_are_checksum_valid(full: Path) -> None:
    w = world.World(1)
    assert all(tfn.is_valid(e.tfn) for e in w.employees)


def test_messages_are_deterministic_and_well_formed(full: Path) -> None:
    for p in sorted((full / "items").glob("*.eml")):
        msg = email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
        assert msg["Date"] and msg["Subject"]
        for part in msg.walk():
            if part.get_filename() and part.get_filename().endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(part.get_content())) as z:
                    assert z.namelist()


def test_runs_have_their_data(full: Path) -> None:
    for x in conformance.labels(full):
        if x["channel"] != "batch":
            continue
        rows = list(csv.reader(io.StringIO((full / x["data"]).read_text())))
        header = rows[0]
        for column in x.get("map", {}).values():
            for name in column.split(","):
                assert name in header, (x["id"], name)
        if x["letters"].endswith("/"):
            assert len(rows) - 1 == len(x["per_letter"])
