"""The Tallowwood (utility) accuracy corpus generates, opens and is self-consistent, at a small scale."""

from __future__ import annotations

import csv
import email
import hashlib
import io
import json
import re
from email import policy
from pathlib import Path

import pypdf
import pytest
from docx import Document

from tests.corpora.utility.corpus import AREAS, check
from tests.corpora.utility.generate import generate
from tests.corpora.utility.registry import COLUMNS

SCALE = 0.1


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("utility")
    generate(out, seed=1, scale=SCALE)
    return out


def _labels(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_area_has_items_and_every_incident_a_twin(corpus: Path) -> None:
    counts = check(corpus)  # raises on a missing file, a bad label or an incident without a twin
    areas = {k.split("/")[0] for k in counts if k.count("/") == 1 and not k.startswith("channel/")}
    assert areas == AREAS, AREAS ^ areas
    for area in AREAS - {"everyday"}:
        assert counts[f"{area}/block"] >= 1, area
    assert counts["everyday/block"] == 0
    assert counts["channel/batch"] >= 8
    share = counts["allow"] / (counts["allow"] + counts["block"])
    assert 0.55 <= share <= 0.75, share


def test_twins_are_mutual_and_incidents_name_right_rules(corpus: Path) -> None:
    labels = {x["id"]: x for x in _labels(corpus)}
    suppressed = 0
    for lab in labels.values():
        if lab.get("expect") == "block":
            assert labels[lab["twin"]]["twin"] == lab["id"]
            if lab["suppressed"]:
                suppressed += 1
                assert lab["rules"] == ["suppressed_detail_exposed"]
    assert suppressed >= 10


def test_check_rejects_an_incident_without_twin(corpus: Path, tmp_path: Path) -> None:
    lines = _labels(corpus)
    victim = next(x for x in lines if x.get("expect") == "block")
    victim.pop("twin")
    (tmp_path / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    for sub in ("items", "runs"):
        (tmp_path / sub).symlink_to(corpus / sub)
    with pytest.raises(AssertionError, match="has no twin"):
        check(tmp_path)


def test_registry_is_consistent(corpus: Path) -> None:
    with (corpus / "clients.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == COLUMNS
    assert 1400 <= len(rows) <= 1600
    ids = {r["client_id"] for r in rows}
    assert len(ids) == len(rows)
    by_id = {r["client_id"]: r for r in rows}
    states = set()
    for r in rows:
        states.add(re.search(r" (NSW|VIC|QLD|SA|WA|TAS|NT|ACT) \d{4}$", r["postal_address"]).group(1))  # type: ignore[union-attr]
        assert set(filter(None, r["suppressed"].split(";"))) <= {"postal_address", "phone", "email"}
        for other in filter(None, r["joint_with"].split(";")):
            assert r["client_id"] in by_id[other]["joint_with"].split(";")
            assert set(r["references"].split(";")) & set(by_id[other]["references"].split(";"))
        for contact in filter(None, r["authorised_contacts"].split(";")):
            assert "@" in contact or contact in ids
    assert len(states) == 8
    assert sum(1 for r in rows if r["suppressed"]) >= 30


def test_files_open(corpus: Path) -> None:
    for lab in _labels(corpus):
        if lab["channel"] != "scan":
            continue
        path = corpus / lab["path"]
        data = path.read_bytes()
        if path.suffix == ".pdf":
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                assert lab["rules"] == ["unscannable_content"]
            else:
                assert len(reader.pages[0].extract_text()) > 200, lab["id"]
        elif path.suffix == ".docx":
            assert Document(io.BytesIO(data)).paragraphs
        elif path.suffix == ".eml":
            msg = email.message_from_bytes(data, policy=policy.default)
            assert msg["From"] and msg["To"] and msg["Message-ID"]
        else:
            assert len(data.decode("utf-8" if path.suffix != ".rtf" else "ascii")) > 200


def test_notes_hold_no_names(corpus: Path) -> None:
    """Labels follow the incident-record rule: client ids only, never a name or contact detail."""
    with (corpus / "clients.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = {f"{r['given_name']} {r['family_name']}" for r in rows}
    emails = {e for r in rows for e in r["email"].split(";") if e}
    text = (corpus / "labels.jsonl").read_text(encoding="utf-8")
    notes = [json.loads(x)["note"] for x in text.splitlines()]
    assert not [n for n in notes for s in names | emails if s in n]


def test_deterministic(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path, seed=1, scale=SCALE)

    def digest(root: Path) -> dict[str, str]:
        return {
            str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    assert digest(tmp_path) == digest(corpus)
