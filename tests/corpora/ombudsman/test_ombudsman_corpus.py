"""The ombudsman corpus generator: deterministic, labels consistent, files open."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.corpora.conformance import check_files_open, check_labels, check_registry_and_config, check_reproducible
from tests.corpora.conformance import labels as _labels
from tests.corpora.ombudsman.generate import generate
from tests.corpora.ombudsman.people import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ombudsman") / "a"
    generate(out, seed=1, scale=0.3)
    return out


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    check_reproducible(generate, corpus, tmp_path)


def test_registry_and_config(corpus: Path) -> None:
    check_registry_and_config(corpus, COLUMNS)


def test_labels_consistent(corpus: Path) -> None:
    check_labels(corpus)


def test_files_open(corpus: Path) -> None:
    check_files_open(corpus)


def test_incident_share(corpus: Path) -> None:
    scans = [x for x in _labels(corpus) if x["channel"] == "scan" and "expect" in x]
    blocks = sum(x["expect"] == "block" for x in scans)
    assert 0.2 < blocks / len(scans) < 0.5


def test_full_scale_size(tmp_path: Path) -> None:
    cx = generate(tmp_path / "full", seed=1, scale=1.0)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    runs = [x for x in cx.labels if x["channel"] == "batch"]
    assert 250 <= len(scans) <= 350
    assert 4 <= len(runs) <= 6
    allowed = sum(x.get("expect") == "allow" for x in scans)
    assert allowed / len(scans) >= 0.6


def _verdicts(x: dict) -> list[dict]:
    if x["channel"] == "batch":
        return x["per_letter"]
    return x["letters"] if "letters" in x else [x]


def test_twins_mirror_and_differ(corpus: Path) -> None:
    labels = _labels(corpus)
    by_id = {x["id"]: x for x in labels}
    incidents = 0
    for x in labels:
        if "twin" not in x:
            continue
        twin = by_id[x["twin"]]
        if any(v["expect"] == "block" for v in _verdicts(x)):
            incidents += 1
            assert all(v["expect"] == "allow" for v in _verdicts(twin)), (x["id"], twin["id"])
        assert twin["channel"] == x["channel"]
        if x["channel"] == "scan":
            assert x["path"].rsplit(".", 1)[1] == twin["path"].rsplit(".", 1)[1]
            assert (corpus / x["path"]).read_bytes() != (corpus / twin["path"]).read_bytes()
    assert incidents


def test_notes_hold_ids_not_names(corpus: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((corpus / "clients.csv").read_text())))
    names = {f"{r['given_name']} {r['family_name']}" for r in rows} | {r["family_name"] for r in rows}
    ids = {r["client_id"] for r in rows}
    for x in _labels(corpus):
        for n in names:
            assert n not in x["note"], (x["id"], n)
        for word in x["note"].replace(",", " ").split():
            if word.startswith("C2") and word[1:].isdigit():
                assert word in ids, (x["id"], word)


def test_suppressed_clients_are_joint(corpus: Path) -> None:
    rows = {r["client_id"]: r for r in csv.DictReader(io.StringIO((corpus / "clients.csv").read_text()))}
    fv = [r for r in rows.values() if r["suppressed"]]
    assert fv
    for r in fv:
        for other in r["joint_with"].split(";"):
            assert r["client_id"] in rows[other]["joint_with"].split(";")


def test_every_incident_category_has_legitimate_items(corpus: Path) -> None:
    labels = _labels(corpus)
    allowed = {x["category"] for x in labels if all(v["expect"] == "allow" for v in _verdicts(x))}
    for x in labels:
        if any(v["expect"] == "block" for v in _verdicts(x)):
            assert x["category"] in allowed or x["category"].split("/")[0] == "mail-merge", x["id"]


def test_cli(tmp_path: Path) -> None:
    from tests.corpora.ombudsman.generate import main

    assert main([str(tmp_path / "cli"), "--seed", "3", "--scale", "0.2"]) == 0
    assert (tmp_path / "cli" / "labels.jsonl").is_file()
