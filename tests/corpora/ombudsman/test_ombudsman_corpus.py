"""The ombudsman corpus generator: deterministic, labels consistent, files open."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import tomllib
from pathlib import Path

import pytest

from tests.corpora.ombudsman.generate import generate
from tests.corpora.ombudsman.people import COLUMNS

RULES = {
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
}
AREAS = {
    "address-block",
    "recipient-own-details",
    "relationships",
    "headers-links",
    "suppressed-loose",
    "identifiers-dates",
    "mime-parts",
    "mail-merge",
    "threads",
    "html-mail",
    "everyday",
    "bulk",
    "unmerged",
    "unscannable",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ombudsman") / "a"
    generate(out, seed=1, scale=0.3)
    return out


def _labels(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "labels.jsonl").read_text().splitlines()]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    generate(again, seed=1, scale=0.3)
    first, second = _tree(corpus), _tree(again)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_other_seed_differs(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path / "c", seed=2, scale=0.3)
    assert (tmp_path / "c" / "clients.csv").read_bytes() != (corpus / "clients.csv").read_bytes()


def test_registry_and_config(corpus: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((corpus / "clients.csv").read_text())))
    assert list(rows[0].keys()) == COLUMNS
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        for other in filter(None, r["joint_with"].split(";")):
            assert other in ids
        for s in filter(None, r["suppressed"].split(";")):
            assert s in {"postal_address", "phone", "email"}
    cfg = tomllib.loads((corpus / "dlp.toml").read_text())
    assert cfg["registry"]["path"] == "clients.csv"
    assert set(cfg["organisation"]) >= {
        "name",
        "internal_domains",
        "approved_recipient_domains",
        "suppressed_detail_staff",
    }


def test_labels_consistent(corpus: Path) -> None:
    labels = _labels(corpus)
    by_id = {x["id"]: x for x in labels}
    assert len(by_id) == len(labels)
    for x in labels:
        assert x["category"].split("/")[0] in AREAS, x["id"]
        assert x["category"].count("/") == 1
        if x["channel"] == "scan":
            assert (corpus / x["path"]).is_file(), x["id"]
            verdicts = x["letters"] if "letters" in x else [x]
        else:
            assert (corpus / x["data"]).is_file()
            assert (corpus / x["letters"]).exists()
            verdicts = x["per_letter"]
            if x["letters"].endswith("/"):
                assert len(list((corpus / x["letters"]).iterdir())) == len(verdicts)
            assert x["run_expect"] == ("block" if any(v["expect"] == "block" for v in verdicts) else "allow")
        blocked = False
        for v in verdicts:
            assert v["expect"] in ("allow", "block")
            if v["expect"] == "block":
                blocked = True
                assert v["rules"] and set(v["rules"]) <= RULES, x["id"]
            else:
                assert "rules" not in v
        if blocked:
            assert x.get("twin") in by_id, x["id"]
        if "twin" in x:
            twin = by_id[x["twin"]]
            assert twin["twin"] == x["id"]
            assert twin["category"].split("/")[0] == x["category"].split("/")[0]
        if x.get("suppressed"):
            assert "suppressed_detail_exposed" in x["rules"]
        assert "@" not in x["note"]


def test_incident_share(corpus: Path) -> None:
    scans = [x for x in _labels(corpus) if x["channel"] == "scan" and "expect" in x]
    blocks = sum(x["expect"] == "block" for x in scans)
    assert 0.2 < blocks / len(scans) < 0.5


def test_files_open(corpus: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    for x in _labels(corpus):
        paths = []
        if x["channel"] == "scan":
            if x["category"].startswith("unscannable/") and x["expect"] == "block" and not x["path"].endswith(".eml"):
                continue
            paths = [corpus / x["path"]]
        else:
            p = corpus / x["letters"]
            paths = sorted(p.iterdir()) if p.is_dir() else [p]
        for p in paths:
            data = p.read_bytes()
            if p.suffix == ".pdf":
                reader = PdfReader(io.BytesIO(data))
                assert reader.pages[0].extract_text().strip()
            elif p.suffix == ".docx":
                assert Document(io.BytesIO(data)).paragraphs
            elif p.suffix == ".eml":
                msg = email.message_from_bytes(data, policy=email.policy.default)
                assert msg["From"] and msg["To"] and msg["Message-ID"]
                for part in msg.walk():
                    if part.get_content_type() == "application/pdf" and not x["category"].startswith("unscannable/"):
                        PdfReader(io.BytesIO(part.get_content())).pages[0].extract_text()
            else:
                assert data.decode("utf-8" if p.suffix != ".rtf" else "latin-1")


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
