"""The child support corpus: FORMAT.md conformance plus this domain's own invariants."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.corpora import conformance as conf
from tests.corpora.childsupport.generate import COLUMNS, generate

SCALE = 0.3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("childsupport")
    generate(out, seed=1, scale=SCALE)
    return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("childsupport_full")
    generate(out, seed=1, scale=1.0)
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    conf.check_reproducible(generate, corpus, tmp_path, scale=SCALE)


def test_registry_and_config(corpus: Path) -> None:
    conf.check_registry_and_config(corpus, COLUMNS)


def test_labels(full: Path) -> None:
    conf.check_labels(full)


def test_files_open(corpus: Path) -> None:
    conf.check_files_open(corpus)


def test_size_and_mix(full: Path) -> None:
    """About 330+ scanned items, roughly 30% incidents, 4-6 runs."""
    found = conf.labels(full)
    scan = [x for x in found if x["channel"] == "scan"]
    blocked = [x for x in scan if x["expect"] == "block"]
    assert len(scan) >= 330
    assert 0.25 <= len(blocked) / len(scan) <= 0.35
    assert 4 <= sum(x["channel"] == "batch" for x in found) <= 6
    assert {x["category"].split("/")[0] for x in found} == conf.AREAS
    assert {r for x in blocked for r in x["rules"][:1]} >= conf.RULES - {"mixed_client_documents"}


def test_parents_are_not_joint_but_share_the_case(full: Path) -> None:
    """Nobody is a joint holder; a case number is a reference of exactly two parents."""
    rows = list(csv.DictReader(io.StringIO((full / "clients.csv").read_text())))
    assert all(r["joint_with"] == "" for r in rows)
    cases = Counter(ref for r in rows for ref in r["references"].split(";") if ref.startswith("CS"))
    assert set(cases.values()) == {2}


def test_suppressed_incidents_carry_a_suppressed_detail(full: Path) -> None:
    """Every suppressed incident names a client whose suppressed detail really is in the item; twins do not
    send it to anyone but its owner."""
    rows = {r["client_id"]: r for r in csv.DictReader(io.StringIO((full / "clients.csv").read_text()))}
    found = {x["id"]: x for x in conf.labels(full)}
    for x in found.values():
        if not x.get("suppressed"):
            continue
        owners = [rows[w] for w in x["note"].replace("/", " ").replace("'s", "").split() if w in rows]
        assert any(o["suppressed"] for o in owners), x["id"]


def test_messages_have_fixed_ids_and_no_personal_data_in_notes(full: Path) -> None:
    ids = set()
    for x in conf.labels(full):
        assert "@" not in x["note"]
        if x["channel"] == "scan" and x["path"].endswith(".eml"):
            msg = email.message_from_bytes((full / x["path"]).read_bytes(), policy=email.policy.default)
            ids.add(msg["Message-ID"])
    assert len(ids) == sum(1 for x in conf.labels(full) if x.get("path", "").endswith(".eml"))


def test_labels_file_is_json_lines(corpus: Path) -> None:
    for line in (corpus / "labels.jsonl").read_text().splitlines():
        assert isinstance(json.loads(line), dict)
