"""The health corpus generator: deterministic, registry and labels consistent, every file opens."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import re
import tomllib
from pathlib import Path

import pytest

from tests.corpora.conformance import AREAS, RULES, check_reproducible
from tests.corpora.conformance import labels as _labels
from tests.corpora.health.generate import generate
from tests.corpora.health.people import COLUMNS, medicare_check


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("health") / "a"
    generate(out, seed=1, scale=0.3)
    return out


def _rows(out: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((out / "clients.csv").read_text())))


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    check_reproducible(generate, corpus, tmp_path)


def test_registry_and_config(corpus: Path) -> None:
    text = (corpus / "clients.csv").read_text()
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = _rows(corpus)
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows)
    for r in rows:
        assert re.fullmatch(r"C\d{6}", r["client_id"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date_of_birth"])
        for other in filter(None, r["joint_with"].split(";")):
            assert other in ids
        for contact in filter(None, r["authorised_contacts"].split(";")):
            assert "@" in contact or contact in ids
        for s in filter(None, r["suppressed"].split(";")):
            assert s in {"postal_address", "phone", "email"}
        for ref in r["references"].split(";"):
            if len(ref) == 10:  # a Medicare number: its check digit is right
                assert int(ref[8]) == medicare_check(ref[:8]), ref
    assert any(r["suppressed"] for r in rows)
    for column in ("email", "phone", "references"):
        values = [v for r in rows for v in r[column].split(";") if v]
        assert len(values) == len(set(values)), column
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
    ids = {r["client_id"] for r in _rows(corpus)}
    names = {r["family_name"] for r in _rows(corpus)} | {r["given_name"] for r in _rows(corpus)}
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
        for cid in re.findall(r"C\d{6}", x["note"]):
            assert cid in ids, x["id"]
        words = set(re.findall(r"[A-Z][a-z]+", x["note"]))
        assert not words & names - {"Medicare", "Care"}, (x["id"], words & names)


def test_every_incident_has_a_legitimate_twin(corpus: Path) -> None:
    labels = _labels(corpus)
    by_id = {x["id"]: x for x in labels}

    def blocks(x: dict) -> bool:
        vs = x["per_letter"] if x["channel"] == "batch" else x.get("letters") or [x]
        return any(v["expect"] == "block" for v in vs)

    for x in labels:
        if blocks(x):
            assert not blocks(by_id[x["twin"]]), x["id"]


def test_twins_look_alike(corpus: Path) -> None:
    """An incident and its twin are the same kind of file, written the same way."""
    by_id = {x["id"]: x for x in _labels(corpus)}
    for x in by_id.values():
        if x["channel"] == "scan" and "twin" in x:
            twin = by_id[x["twin"]]
            assert Path(x["path"]).suffix == Path(twin["path"]).suffix, x["id"]
            if x["path"].endswith((".txt", ".html", ".eml")) and not x["category"].startswith("bulk/"):
                a, b = (corpus / x["path"]).read_bytes(), (corpus / twin["path"]).read_bytes()
                assert 0.5 < len(a) / len(b) < 2, x["id"]


def test_incident_share(corpus: Path) -> None:
    scans = [x for x in _labels(corpus) if x["channel"] == "scan" and "expect" in x]
    blocks = sum(x["expect"] == "block" for x in scans)
    assert 0.2 < blocks / len(scans) < 0.4
    assert any(x.get("suppressed") for x in scans)


def test_files_open(corpus: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    for x in _labels(corpus):
        if x["channel"] == "scan":
            if (
                x["category"].startswith("unscannable/")
                and x.get("expect") == "block"
                and not x["path"].endswith(".eml")
            ):
                continue
            paths = [corpus / x["path"]]
        else:
            p = corpus / x["letters"]
            paths = sorted(p.iterdir()) if p.is_dir() else [p]
            assert list(csv.DictReader(io.StringIO((corpus / x["data"]).read_text())))
        for p in paths:
            data = p.read_bytes()
            if p.suffix == ".pdf":
                reader = PdfReader(io.BytesIO(data))
                assert reader.pages[0].extract_text().strip()
                if "letters" in x and isinstance(x["letters"], list):
                    assert len(reader.pages) >= len(x["letters"])
            elif p.suffix == ".docx":
                assert Document(io.BytesIO(data)).paragraphs
            elif p.suffix == ".eml":
                msg = email.message_from_bytes(data, policy=email.policy.default)
                assert msg["From"] and msg["To"] and msg["Message-ID"] and msg["Date"]
                assert msg.get_body(("plain", "html")) is not None
                for part in msg.walk():
                    if part.get_content_type() == "application/pdf":
                        reader = PdfReader(io.BytesIO(part.get_content()))
                        if reader.is_encrypted:
                            assert x["category"].startswith("unscannable/") and x["expect"] == "block"
                        else:
                            assert reader.pages[0].extract_text().strip()
            else:
                assert data.decode("utf-8" if p.suffix != ".rtf" else "latin-1").strip()


def test_unscannable_really_unreadable(corpus: Path) -> None:
    from pypdf import PdfReader

    for x in _labels(corpus):
        if x["channel"] == "scan" and x["category"] == "unscannable/encrypted-letter" and x["expect"] == "block":
            assert PdfReader(io.BytesIO((corpus / x["path"]).read_bytes())).is_encrypted


def test_full_scale_size(tmp_path: Path) -> None:
    import time

    start = time.monotonic()
    cx = generate(tmp_path / "full", seed=1, scale=1.0)
    assert time.monotonic() - start < 60
    scans = [x for x in cx.labels if x["channel"] == "scan"]
    runs = [x for x in cx.labels if x["channel"] == "batch"]
    assert 250 <= len(scans) <= 350
    assert 4 <= len(runs) <= 6
    legit = sum(x.get("expect") == "allow" for x in scans)
    assert legit / len(scans) >= 0.6
