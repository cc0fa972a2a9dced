"""The planmanager corpus generator: deterministic, labels consistent, files readable."""

from __future__ import annotations

import csv
import email
import io
import json
from email import policy
from pathlib import Path

import pytest

from tests.corpora.planmanager.generate import generate
from tests.corpora.planmanager.people import COLUMNS

RULES = {
    "mismatched_recipient",
    "suppressed_detail_exposed",
    "mixed_client_documents",
    "bulk_client_data",
    "sensitive_identifier",
    "unmerged_field",
    "unscannable_content",
}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pm") / "a"
    generate(out, seed=3, scale=0.25)
    return out


def _labels(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def test_deterministic(corpus, tmp_path):
    again = tmp_path / "b"
    generate(again, seed=3, scale=0.25)
    a, b = _tree(corpus), _tree(again)
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_registry_and_config(corpus):
    with open(corpus / "clients.csv", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        rows = list(reader)
    assert len({r["client_id"] for r in rows}) == len(rows)
    assert any(r["suppressed"] for r in rows)
    toml = (corpus / "dlp.toml").read_text()
    for key in ("internal_domains", "approved_recipient_domains", "suppressed_detail_staff", 'path = "clients.csv"'):
        assert key in toml


def test_labels(corpus):
    labels = _labels(corpus)
    by_id = {x["id"]: x for x in labels}
    assert len(by_id) == len(labels)
    for lab in labels:
        if lab["channel"] == "scan":
            assert (corpus / lab["path"]).is_file(), lab
            verdicts = lab.get("letters") or [lab]
            blocked = any(v["expect"] == "block" for v in verdicts)
        else:
            assert (corpus / lab["data"]).is_file()
            assert (corpus / lab["letters"]).exists()
            verdicts = lab["per_letter"]
            blocked = lab["run_expect"] == "block"
            n_letters = 1 if lab["letters"].endswith(".pdf") else len(list((corpus / lab["letters"]).iterdir()))
            if not lab["letters"].endswith(".pdf"):
                assert n_letters == len(verdicts)
        for v in verdicts:
            assert v["expect"] in ("allow", "block")
            if v["expect"] == "block":
                assert v["rules"] and set(v["rules"]) <= RULES
        if blocked:
            assert "twin" in lab, lab["id"]
        if "twin" in lab:
            assert by_id[lab["twin"]]["twin"] == lab["id"]
            assert by_id[lab["twin"]]["category"].split("/")[0] == lab["category"].split("/")[0]
        assert "@" not in lab["note"]


def test_files_open(corpus):
    import docx
    import pypdf

    for lab in _labels(corpus):
        if lab["channel"] != "scan" or lab["category"].startswith("unscannable"):
            continue
        path = corpus / lab["path"]
        if path.suffix == ".pdf":
            assert pypdf.PdfReader(path).pages[0].extract_text().strip()
        elif path.suffix == ".docx":
            assert docx.Document(str(path)).paragraphs
        elif path.suffix == ".eml":
            msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            assert msg["To"] and msg["Message-ID"]
            for part in msg.walk():
                if part.get_content_type() == "application/pdf":
                    pypdf.PdfReader(io.BytesIO(part.get_content())).pages[0].extract_text()
        else:
            assert path.read_bytes().strip()
