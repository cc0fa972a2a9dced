"""The superannuation fund corpus generator: deterministic, labels consistent, files open."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import tomllib
from pathlib import Path

import pytest

from tests.corpora.conformance import AREAS, RULES, check_reproducible
from tests.corpora.conformance import labels as _labels
from tests.corpora.superfund.generate import generate
from tests.corpora.superfund.people import COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("superfund") / "a"
    generate(out, seed=1, scale=0.3)
    return out


def _registry(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "clients.csv").read_text())))


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    check_reproducible(generate, corpus, tmp_path)


def test_registry_and_config(corpus: Path) -> None:
    header = (corpus / "clients.csv").read_text().splitlines()[0]
    assert header.split(",") == COLUMNS
    rows = _registry(corpus)
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows)
    refs: list[str] = []
    for r in rows:
        assert r["client_id"].startswith("C") and r["client_id"][1:].isdigit()
        for other in filter(None, r["joint_with"].split(";")):
            assert other in ids
        for s in filter(None, r["suppressed"].split(";")):
            assert s in {"postal_address", "phone", "email"}
        for a in filter(None, r["authorised_contacts"].split(";")):
            assert "@" in a or a in ids
        assert len(r["date_of_birth"]) == 10 and r["date_of_birth"][4] == "-"
        refs += r["references"].split(";")
    assert len(refs) == len(set(refs)), "a reference belongs to one member"
    for col in ("email", "phone", "postal_address"):
        values = [v for r in rows for v in r[col].split(";") if v]
        shared = {v for v in values if values.count(v) > 1}
        if col == "postal_address":
            assert len(shared) <= 1, "only the couple shares an address"
        else:
            assert not shared, col
    assert any(r["suppressed"] for r in rows)
    cfg = tomllib.loads((corpus / "dlp.toml").read_text())
    assert cfg["registry"]["path"] == "clients.csv"
    org = cfg["organisation"]
    assert set(org) >= {"name", "internal_domains", "approved_recipient_domains", "suppressed_detail_staff"}
    for addr in org["suppressed_detail_staff"]:
        assert addr.split("@")[1] in org["internal_domains"]


def test_labels_consistent(corpus: Path) -> None:
    labels = _labels(corpus)
    by_id = {x["id"]: x for x in labels}
    ids = {r["client_id"] for r in _registry(corpus)}
    assert len(by_id) == len(labels)
    for x in labels:
        assert x["category"].split("/")[0] in AREAS, x["id"]
        assert x["category"].count("/") == 1
        if x["channel"] == "scan":
            assert (corpus / x["path"]).is_file(), x["id"]
            verdicts = x["letters"] if "letters" in x else [x]
        else:
            assert x["channel"] == "batch"
            assert (corpus / x["data"]).is_file()
            assert (corpus / x["letters"]).exists()
            verdicts = x["per_letter"]
            if x["letters"].endswith("/"):
                assert len(list((corpus / x["letters"]).iterdir())) == len(verdicts)
                rows = list(csv.DictReader(io.StringIO((corpus / x["data"]).read_text())))
                assert len(rows) == len(verdicts)
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
            twin = by_id[x["twin"]]
            if twin["channel"] == "batch":
                twin_verdicts = twin["per_letter"]
            else:
                twin_verdicts = twin["letters"] if "letters" in twin else [twin]
            assert all(v["expect"] == "allow" for v in twin_verdicts), x["id"]
        if "twin" in x:
            twin = by_id[x["twin"]]
            assert twin["twin"] == x["id"]
            assert twin["category"].split("/")[0] == x["category"].split("/")[0]
            assert twin["channel"] == x["channel"]
        if x.get("suppressed"):
            assert "suppressed_detail_exposed" in x["rules"]
        assert "@" not in x["note"]
        for word in x["note"].replace(",", " ").replace("(", " ").replace(")", " ").split():
            if word.startswith("C1") and word[1:].isdigit():
                assert word in ids, (x["id"], word)


def test_incident_share(corpus: Path) -> None:
    scans = [x for x in _labels(corpus) if x["channel"] == "scan" and "expect" in x]
    blocks = sum(x["expect"] == "block" for x in scans)
    assert 0.15 < blocks / len(scans) <= 0.4
    assert any(x.get("suppressed") for x in scans)


def test_notes_hold_no_names(corpus: Path) -> None:
    rows = _registry(corpus)
    names = {r["family_name"] for r in rows if len(r["family_name"]) > 3}
    for x in _labels(corpus):
        words = set(x["note"].replace(",", " ").split())
        assert not (words & names), x["id"]


def test_files_open(corpus: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    for x in _labels(corpus):
        unscannable = x["category"].startswith("unscannable/") and x.get("expect") == "block"
        if x["channel"] == "scan":
            if unscannable and not x["path"].endswith(".eml"):
                assert PdfReader(io.BytesIO((corpus / x["path"]).read_bytes())).is_encrypted
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
                assert msg["From"] and msg["To"] and msg["Message-ID"] and msg["Subject"]
                assert msg.get_body(("plain", "html")) is not None
                for part in msg.walk():
                    if part.get_content_type() == "application/pdf" and not unscannable:
                        assert PdfReader(io.BytesIO(part.get_content())).pages[0].extract_text().strip()
            elif p.suffix == ".rtf":
                assert data.startswith(b"{\\rtf1")
            else:
                assert data.decode("utf-8").strip()


def test_merged_run_has_one_letter_per_row(corpus: Path) -> None:
    from pypdf import PdfReader

    for x in _labels(corpus):
        if x["channel"] == "batch" and x["letters"].endswith(".pdf"):
            text = "".join(p.extract_text() for p in PdfReader(corpus / x["letters"]).pages)
            rows = list(csv.DictReader(io.StringIO((corpus / x["data"]).read_text())))
            assert len(rows) == len(x["per_letter"])
            for r in rows:
                assert r["MBR_NO"][:3] + " " + r["MBR_NO"][3:6] in text


def test_full_scale_size(tmp_path: Path) -> None:
    cx = generate(tmp_path / "full", seed=1, scale=1.0)
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    runs = [x for x in cx.labels if x["channel"] == "batch"]
    assert 250 <= len(scans) <= 350
    assert 4 <= len(runs) <= 6
    assert sum(x.get("expect") == "allow" for x in scans) >= 0.6 * len(scans)


def test_tiny_scale_terminates(tmp_path: Path) -> None:
    cx = generate(tmp_path / "tiny", seed=3, scale=0.05)
    assert any(x["channel"] == "batch" for x in cx.labels)
    assert any(x.get("expect") == "block" for x in cx.labels)
