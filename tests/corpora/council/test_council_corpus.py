"""The council corpus: deterministic, labels consistent, every file readable."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

import pytest

from tests.corpora.council.generate import generate

pypdf = pytest.importorskip("pypdf")


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    root = tmp_path_factory.mktemp("council")
    generate(root / "a", seed=3, scale=0.5)
    generate(root / "b", seed=3, scale=0.5)
    return root


def test_deterministic(out):
    assert _tree(out / "a") == _tree(out / "b")


def test_labels(out):
    root = out / "a"
    labels = [json.loads(line) for line in (root / "labels.jsonl").read_text().splitlines()]
    by_id = {lab["id"]: lab for lab in labels}
    assert len(by_id) == len(labels)
    for lab in labels:
        if lab["channel"] == "scan":
            assert (root / lab["path"]).is_file()
            expects = [lab["expect"]] if "expect" in lab else [x["expect"] for x in lab["letters"]]
            assert set(expects) <= {"allow", "block"}
            if "block" in expects:
                assert "twin" in lab
            if lab.get("expect") == "block":
                assert lab["rules"]
        else:
            assert (root / lab["data"]).is_file() and (root / lab["letters"]).exists()
        if "twin" in lab:
            other = by_id[lab["twin"]]
            assert other["twin"] == lab["id"] and other["category"] == lab["category"]
    assert (root / "clients.csv").read_text().startswith("client_id,given_name,family_name,date_of_birth,")


def test_files_open(out):
    root = out / "a"
    for p in root.rglob("*.pdf"):
        r = pypdf.PdfReader(p)
        if r.is_encrypted:
            r.decrypt("wsc2026")
        assert len(r.pages) >= 1
    for p in root.rglob("*.eml"):
        m = email.message_from_bytes(p.read_bytes(), policy=policy.default)
        assert m["To"] and m["From"]
        for part in m.walk():
            if not part.is_multipart():
                part.get_content()
