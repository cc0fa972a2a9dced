"""The legalaid corpus generator: deterministic, labels consistent, files readable."""

from __future__ import annotations

import csv
import email
import hashlib
import io
import json
from email import policy
from pathlib import Path

import pytest

from tests.corpora.legalaid.generate import generate

pypdf = pytest.importorskip("pypdf")

SCALE = 0.4
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


def _expect(lab: dict) -> str:
    if "letters" in lab and isinstance(lab["letters"], list):
        return "block" if any(p["expect"] == "block" for p in lab["letters"]) else "allow"
    return lab.get("expect", lab.get("run_expect"))


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("legalaid") / "out"
    generate(out, seed=1, scale=SCALE)
    return out


@pytest.fixture(scope="module")
def labels(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def test_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, seed=1, scale=SCALE)
    assert _digest(corpus) == _digest(again)


def test_registry_columns(corpus: Path) -> None:
    rows = list(csv.DictReader((corpus / "clients.csv").open(encoding="utf-8")))
    assert list(rows[0]) == [
        "client_id",
        "given_name",
        "family_name",
        "date_of_birth",
        "email",
        "phone",
        "postal_address",
        "references",
        "suppressed",
        "joint_with",
        "authorised_contacts",
    ]
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        for x in r["joint_with"].split(";") + [c for c in r["authorised_contacts"].split(";") if "@" not in c]:
            assert not x or x in ids


def test_labels_consistent(corpus: Path, labels: list[dict]) -> None:
    by_id = {lab["id"]: lab for lab in labels}
    assert len(by_id) == len(labels)
    for lab in labels:
        assert lab["category"].split("/")[0] in AREAS
        if lab["channel"] == "scan":
            assert (corpus / lab["path"]).is_file()
            if "letters" in lab:
                assert all(p["expect"] == "allow" or set(p["rules"]) <= RULES for p in lab["letters"])
                continue
            assert lab["expect"] in ("allow", "block")
            if lab["expect"] == "block":
                assert lab["rules"] and set(lab["rules"]) <= RULES
                assert "twin" in lab
        else:
            assert (corpus / lab["data"]).is_file() and (corpus / lab["letters"]).exists()
            for p in lab["per_letter"]:
                assert p["expect"] in ("allow", "block")
                assert p["expect"] == "allow" or set(p["rules"]) <= RULES
        if "twin" in lab:
            twin = by_id[lab["twin"]]
            assert twin["twin"] == lab["id"]
            assert twin["category"] == lab["category"]
            assert {_expect(lab), _expect(twin)} == {"allow", "block"}


def test_files_readable(corpus: Path, labels: list[dict]) -> None:
    unscannable = {lab["path"] for lab in labels if lab["category"].startswith("unscannable")}
    for p in sorted(corpus.rglob("*.pdf")):
        r = pypdf.PdfReader(str(p))
        rel = str(p.relative_to(corpus))
        assert r.is_encrypted == (
            rel in unscannable and "block" in {lab.get("expect") for lab in labels if lab["path"] == rel}
        )
        if not r.is_encrypted:
            assert r.pages[0].extract_text()
    for p in sorted(corpus.rglob("*.eml")):
        m = email.message_from_bytes(p.read_bytes(), policy=policy.default)
        assert m["From"] and m["To"] and m["Message-ID"]
        for part in m.walk():
            if part.get_content_type() == "application/pdf" and str(p.relative_to(corpus)) not in unscannable:
                assert pypdf.PdfReader(io.BytesIO(part.get_payload(decode=True))).pages
    for p in sorted(corpus.rglob("*.docx")):
        import docx

        assert docx.Document(str(p)).paragraphs


def test_balance(labels: list[dict]) -> None:
    items = [lab for lab in labels if lab["channel"] == "scan"]
    bad = [lab for lab in items if _expect(lab) == "block"]
    assert 0.25 < len(bad) / len(items) < 0.45
    assert any(lab["channel"] == "batch" and lab["run_expect"] == "block" for lab in labels)
