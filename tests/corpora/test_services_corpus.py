"""The 'services' corpus generator: its output is complete, consistent, readable and deterministic."""

from __future__ import annotations

import csv
import email
import hashlib
import json
import re
import tomllib
from collections import Counter
from email import policy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from tests.corpora.services import generate
from tests.corpora.services.corpus import AREAS, RULES
from tests.corpora.services.population import COLUMNS

SCALE = 0.15
STATES = "NSW|VIC|QLD|SA|WA|TAS|NT|ACT"
ONE_LINE = re.compile(rf"^[^,]+(, [^,]+)?, [A-Za-z' .-]+ ({STATES}) \d{{4}}$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("services")
    generate.generate(out, seed=3, scale=SCALE)
    return out


def _labels(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def _registry(out: Path) -> list[dict[str, str]]:
    with (out / "clients.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_registry_is_well_formed(corpus: Path) -> None:
    rows = _registry(corpus)
    ids = [r["client_id"] for r in rows]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"C\d{6}", i) for i in ids)
    by_id = {r["client_id"]: r for r in rows}
    owners: dict[str, set[str]] = {}
    for r in rows:
        assert r["given_name"] and r["family_name"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date_of_birth"])
        assert ONE_LINE.match(r["postal_address"]), r["postal_address"]
        assert set(filter(None, r["suppressed"].split(";"))) <= {"postal_address", "phone", "email"}
        refs = r["references"].split(";")
        assert 1 <= len(refs) <= 3, r["client_id"]
        for ref in refs:
            owners.setdefault(ref, set()).add(r["client_id"])
        for other in filter(None, r["joint_with"].split(";")):
            assert r["client_id"] in by_id[other]["joint_with"].split(";")
        for contact in filter(None, r["authorised_contacts"].split(";")):
            assert contact in by_id or "@" in contact
    # A reference is shared only by joint holders (a household's tenancy number).
    for ref, who in owners.items():
        if len(who) > 1:
            for cid in who:
                assert who - {cid} <= set(by_id[cid]["joint_with"].split(";")), ref
    # Every kind of person the scenarios need is present.
    assert sum(1 for r in rows if r["suppressed"]) >= 8
    assert {r["postal_address"].rsplit(" ", 2)[1] for r in rows} == set(STATES.split("|"))
    assert any(r["postal_address"].startswith(("PO Box", "Locked Bag")) for r in rows)
    names = Counter((r["given_name"], r["family_name"]) for r in rows)
    assert any(n > 1 for n in names.values())  # name twins


def test_config_names_the_organisation(corpus: Path) -> None:
    cfg = tomllib.loads((corpus / "dlp.toml").read_text(encoding="utf-8"))
    org = cfg["organisation"]
    assert org["name"] and org["internal_domains"] and org["approved_recipient_domains"]
    assert not set(org["internal_domains"]) & set(org["approved_recipient_domains"])
    assert all(s.split("@")[1] in org["internal_domains"] for s in org["suppressed_detail_staff"])
    assert cfg["registry"]["path"] == "clients.csv"


def test_labels_are_complete_and_twinned(corpus: Path) -> None:
    labels = _labels(corpus)
    by_id = {lab["id"]: lab for lab in labels}
    assert len(by_id) == len(labels)
    areas = Counter(lab["category"].split("/")[0] for lab in labels)
    assert set(areas) == set(AREAS)
    registry_ids = {r["client_id"] for r in _registry(corpus)}
    for lab in labels:
        assert lab["channel"] in ("scan", "batch")
        for cid in re.findall(r"C\d{6}", lab["note"]):
            assert cid in registry_ids, (lab["id"], cid)
        verdicts = _verdicts(lab)
        for v in verdicts:
            assert v["expect"] in ("allow", "block")
            if v["expect"] == "block":
                assert v["rules"] and set(v["rules"]) <= set(RULES)
            else:
                assert "rules" not in v
        blocked = any(v["expect"] == "block" for v in verdicts) or lab.get("run_expect") == "block"
        if lab.get("suppressed"):
            assert blocked and "suppressed_detail_exposed" in lab["rules"]
        if blocked:
            twin = by_id[lab["twin"]]
            assert twin["twin"] == lab["id"]
            # A scan twin shares the incident's category; a run's twin is a legitimate run of the same template.
            same = "category" if lab["channel"] == "scan" else "area"
            assert _area(twin, same) == _area(lab, same)
            assert all(v["expect"] == "allow" for v in _verdicts(twin)) and twin.get("run_expect", "allow") == "allow"
            if lab["channel"] == "scan":
                assert Path(twin["path"]).suffix == Path(lab["path"]).suffix
    scan = [lab for lab in labels if lab["channel"] == "scan"]
    legit = sum(1 for lab in scan if all(v["expect"] == "allow" for v in _verdicts(lab)))
    assert 0.55 <= legit / len(scan) <= 0.75
    assert sum(1 for lab in labels if lab["channel"] == "batch") >= 6


def _area(lab: dict[str, Any], what: str) -> str:
    return str(lab["category"] if what == "category" else lab["category"].split("/")[0])


def _verdicts(lab: dict[str, Any]) -> list[dict[str, Any]]:
    if lab["channel"] == "batch":
        return list(lab["per_letter"])
    if "letters" in lab:
        return list(lab["letters"])
    return [{k: v for k, v in lab.items() if k in ("expect", "rules")}]


def test_notes_hold_no_personal_information(corpus: Path) -> None:
    rows = _registry(corpus)
    notes = "\n".join(lab["note"] for lab in _labels(corpus))
    for r in rows:
        assert f"{r['given_name']} {r['family_name']}" not in notes
        for e in filter(None, r["email"].split(";")):
            assert e not in notes
        assert r["postal_address"] not in notes


def test_every_item_opens(corpus: Path) -> None:
    for lab in _labels(corpus):
        if lab["channel"] != "scan":
            continue
        path = corpus / lab["path"]
        data = path.read_bytes()
        ext = path.suffix
        if ext == ".pdf":
            reader = PdfReader(path)
            if lab["category"] == "unscannable/encrypted-pdf-letter" and lab.get("expect") == "block":
                assert reader.is_encrypted
                continue
            text = "".join(p.extract_text() for p in reader.pages)
            assert "Housing and Community Support" in text
            if "letters" in lab:
                assert text.count("Dear ") == len(lab["letters"])
        elif ext == ".docx":
            doc = Document(str(path))
            assert doc.paragraphs or doc.tables
        elif ext == ".rtf":
            assert data.startswith(b"{\\rtf1") and data.rstrip().endswith(b"}")
        elif ext == ".html":
            assert b"<html" in data and b"</html>" in data
        elif ext == ".txt":
            assert "CASE MANAGEMENT SYSTEM" in data.decode("utf-8")
        else:
            assert ext == ".eml"
            msg = email.message_from_bytes(data, policy=policy.default)
            assert msg["From"] and msg["To"] and msg["Subject"] is not None
            for part in msg.walk():
                if part.get_content_maintype() == "text":
                    part.get_content()


def test_runs_match_their_data(corpus: Path) -> None:
    for lab in _labels(corpus):
        if lab["channel"] != "batch":
            continue
        with (corpus / lab["data"]).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        letters = corpus / lab["letters"]
        if letters.suffix == ".pdf":
            count = len(PdfReader(letters).pages)
        else:
            count = len([p for p in letters.iterdir() if p.name.startswith("letter")])
        assert count == len(lab["per_letter"])
        blocked = any(v["expect"] == "block" for v in lab["per_letter"])
        assert lab["run_expect"] == (
            "block"
            if blocked or count != len(rows) or "duplicate" in lab["category"] or "shift" in lab["category"]
            else "allow"
        )
        for column in (lab.get("map") or {}).values():
            for name in column.split(","):
                assert name in rows[0], (lab["id"], name)


def _digest(out: Path) -> dict[str, str]:
    # Encryption draws fresh salts by design: those items are compared by presence only.
    salted = {lab["path"] for lab in _labels(out) if lab["category"].startswith("unscannable/encrypted")}
    return {
        rel: "salted" if rel in salted else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
        for rel in [str(p.relative_to(out))]
    }


def test_generation_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate.generate(again, seed=3, scale=SCALE)
    assert _digest(again) == _digest(corpus)
    other = tmp_path / "other"
    generate.generate(other, seed=4, scale=SCALE)
    assert (other / "clients.csv").read_bytes() != (corpus / "clients.csv").read_bytes()
