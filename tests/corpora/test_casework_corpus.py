"""The casework corpus generator writes a consistent, reproducible labelled corpus (CORPUS_FORMAT.md)."""

from __future__ import annotations

import csv
import email
import hashlib
import io
import json
import re
import tomllib
import zipfile
from email import policy
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.corpora.casework.corpus import AREAS, RULES
from tests.corpora.casework.generate import generate
from tests.corpora.casework.registry import COLUMNS

SCALE = 0.2
Label = dict[str, Any]
SEED = 3


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("casework")
    generate(path, seed=SEED, scale=SCALE)
    return path


def _labels(out: Path) -> list[Label]:
    return [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def _is_block(label: Label) -> bool:
    if "letters" in label and label["channel"] == "scan":
        return any(x["expect"] == "block" for x in label["letters"])
    if label["channel"] == "batch":
        return label["run_expect"] == "block"
    return label["expect"] == "block"


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "clients.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def test_registry_is_valid_and_links_resolve(out: Path) -> None:
    rows = _rows(out)
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows) >= 300
    by_id = {r["client_id"]: r for r in rows}
    refs: set[str] = set()
    for r in rows:
        assert re.fullmatch(r"C\d{6}", r["client_id"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date_of_birth"])
        assert r["given_name"] and r["family_name"] and r["postal_address"] and r["phone"]
        assert set(filter(None, r["suppressed"].split(";"))) <= {"postal_address", "phone", "email"}
        for j in filter(None, r["joint_with"].split(";")):
            assert r["client_id"] in by_id[j]["joint_with"].split(";"), "joint_with must be mutual"
            shared = set(r["references"].split(";")) & set(by_id[j]["references"].split(";"))
            assert shared, "co-claimants share a claim"
        for a in filter(None, r["authorised_contacts"].split(";")):
            assert "@" in a or a in ids
        own = set(r["references"].split(";")) - {
            x for j in r["joint_with"].split(";") if j for x in by_id[j]["references"].split(";")
        }
        assert not own & refs, "a client's own references are unique"
        refs |= own
    emails = [e for r in rows for e in r["email"].split(";") if e]
    assert len(emails) == len(set(emails)), "no two clients share an e-mail address"
    assert all(1 <= len(r["references"].split(";")) <= 3 for r in rows)
    victims = [r for r in rows if "postal_address" in r["suppressed"]]
    assert victims and all(r["joint_with"] for r in victims)
    states = {
        s
        for r in rows
        for s in ("NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT")
        if re.search(rf"\b{s}\b", r["postal_address"])
    }
    assert len(states) == 8


def test_config_names_the_registry_and_the_organisation(out: Path) -> None:
    cfg = tomllib.loads((out / "dlp.toml").read_text(encoding="utf-8"))
    org = cfg["organisation"]
    assert org["internal_domains"] and org["approved_recipient_domains"] and org["suppressed_detail_staff"]
    assert cfg["registry"]["path"] == "clients.csv"
    assert all(e.split("@")[1] in org["internal_domains"] for e in org["suppressed_detail_staff"])


def test_labels_follow_the_format(out: Path) -> None:
    labels = _labels(out)
    ids = [x["id"] for x in labels]
    assert len(ids) == len(set(ids))
    scans = [x for x in labels if x["channel"] == "scan"]
    runs = [x for x in labels if x["channel"] == "batch"]
    assert len(scans) >= 150 and len(runs) >= 6
    for x in labels:
        area = str(x["category"]).split("/")[0]
        assert area in AREAS and "/" in str(x["category"])
        assert x["note"]
        if x["channel"] == "batch":
            entries = x["per_letter"]
        elif "letters" in x:
            entries = x["letters"]
        else:
            entries = [x]
        for e in entries:
            assert e["expect"] in ("allow", "block")
            if e["expect"] == "block":
                assert e["rules"] and set(e["rules"]) <= set(RULES)
            else:
                assert "rules" not in e
        if x["channel"] == "scan" and "letters" not in x and x["expect"] == "block":
            assert isinstance(x["suppressed"], bool)
    legit = sum(1 for x in scans if not _is_block(x))
    assert 0.55 < legit / len(scans) < 0.8, "about two thirds legitimate"


def test_every_incident_has_a_legitimate_twin(out: Path) -> None:
    labels = {x["id"]: x for x in _labels(out)}
    for x in labels.values():
        if _is_block(x):
            twin = labels[x["twin"]]
            assert not _is_block(twin), x["id"]
            assert twin["twin"] == x["id"]
            assert twin["channel"] == x["channel"]
            if x["channel"] == "scan":
                assert Path(str(twin["path"])).suffix == Path(str(x["path"])).suffix, "same layout, same format"
                assert str(twin["category"]).split("/")[0] == str(x["category"]).split("/")[0]
    assert any(x.get("suppressed") for x in labels.values())


def _check_part(name: str, data: bytes, unscannable: bool) -> None:
    ext = name.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                assert unscannable
                return
            assert reader.pages[0].extract_text().strip()
        except Exception:
            assert unscannable, name
    elif ext in ("docx", "xlsx", "zip"):
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            assert z.namelist()
            if ext == "docx":
                assert "word/document.xml" in z.namelist()
        except zipfile.BadZipFile:
            assert unscannable, name
    elif ext in ("txt", "html", "csv", "ics", "vcf", "rtf"):
        assert data.decode("utf-8").strip()
    elif ext == "eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        assert msg["From"] and msg["To"] and msg["Date"] and msg["Message-ID"]
        for part in msg.walk():
            fn = part.get_filename()
            if (
                fn
                and not part.is_multipart()
                and not part.get("Content-ID")
                and not fn.endswith((".p7s", ".p7m", ".asc"))
            ):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    _check_part(fn, payload, unscannable)


def test_every_file_exists_and_opens(out: Path) -> None:
    for x in _labels(out):
        unscannable = "unscannable_content" in (x.get("rules") or [])
        if x["channel"] == "scan":
            path = out / str(x["path"])
            _check_part(path.name, path.read_bytes(), unscannable)
            if "letters" in x:
                pages = PdfReader(path).pages
                starts = sum(1 for p in pages if re.search(r"^Dear ", p.extract_text(), re.M))
                assert starts == len(x["letters"])
            continue
        with (out / str(x["data"])).open(encoding="utf-8", newline="") as data:
            rows = list(csv.DictReader(data))
        letters = out / str(x["letters"])
        per = x["per_letter"]
        if letters.is_dir():
            files = sorted(letters.iterdir(), key=lambda p: int(re.sub(r"\D", "", p.stem)))
            assert len(files) == len(per)
            for f in files:
                _check_part(f.name, f.read_bytes(), False)
        else:
            pages = PdfReader(letters).pages
            assert sum(1 for p in pages if re.search(r"^Dear ", p.extract_text(), re.M)) == len(per)
        for col, source in (x.get("map") or {}).items():
            assert all(c in rows[0] for c in str(source).split(",")), col
        assert (x["run_expect"] == "block") == (any(e["expect"] == "block" for e in per) or len(per) != len(rows))


def test_notes_name_no_one(out: Path) -> None:
    names = {f"{r['given_name'].split(' ')[0]} {r['family_name']}" for r in _rows(out)}
    for x in _labels(out):
        note = str(x["note"])
        assert not any(n in note for n in names), x["id"]


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def test_reproducible_for_a_seed(out: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=SEED, scale=SCALE)
    assert _digest(tmp_path) == _digest(out)
