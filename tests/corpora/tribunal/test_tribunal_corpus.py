"""The tribunal corpus meets FORMAT.md (conformance helpers) and its own promises: twins, suppression, counts."""

from __future__ import annotations

import csv
import email
import email.policy
import io
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.tribunal.generate import generate
from tests.corpora.tribunal.world import COLUMNS

SCALE = 0.3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("tribunal") / "out", seed=1, scale=SCALE)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("tribunal-full") / "out", seed=1, scale=1.0)


def registry(corpus: Path) -> dict[str, dict[str, str]]:
    return {r["client_id"]: r for r in csv.DictReader(io.StringIO((corpus / "clients.csv").read_text()))}


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    conformance.check_reproducible(generate, corpus, tmp_path, scale=SCALE)


def test_registry_and_config(corpus: Path) -> None:
    conformance.check_registry_and_config(corpus, COLUMNS)


def test_labels(corpus: Path, full: Path) -> None:
    conformance.check_labels(corpus)
    conformance.check_labels(full)


def test_files_open(corpus: Path) -> None:
    conformance.check_files_open(corpus)


def test_full_scale_counts(full: Path) -> None:
    """About 330+ scanned items, roughly 30% incidents, every area present, 4-6 merge runs."""
    found = conformance.labels(full)
    scan = [x for x in found if x["channel"] == "scan"]
    blocked = [x for x in scan if x.get("expect") == "block"]
    assert len(scan) >= 330
    assert 0.25 <= len(blocked) / len(scan) <= 0.36
    assert {x["category"].split("/")[0] for x in found} == conformance.AREAS
    assert 4 <= sum(x["channel"] == "batch" for x in found) <= 6
    assert {r for x in blocked for r in x["rules"][:1]} == conformance.RULES - {"mixed_client_documents"}


def test_twins_share_format(corpus: Path) -> None:
    by_id = {x["id"]: x for x in conformance.labels(corpus)}
    for x in by_id.values():
        if x["channel"] == "scan" and "twin" in x:
            assert Path(x["path"]).suffix == Path(by_id[x["twin"]]["path"]).suffix
            assert x["category"] == by_id[x["twin"]]["category"]


def test_suppressed_values_only_where_labelled(corpus: Path) -> None:
    """A protected party's suppressed phone or email appears in an allowed item only when it goes to her or FV staff."""
    reg = registry(corpus)
    values: dict[str, str] = {}
    for cid, r in reg.items():
        for kind in ("phone", "email"):
            if kind in r["suppressed"].split(";"):
                for v in filter(None, r[kind].split(";")):
                    values[v] = cid
    assert values
    for x in conformance.labels(corpus):
        if x["channel"] != "scan" or x.get("expect") != "allow" or not x["path"].endswith((".eml", ".txt", ".html")):
            continue
        text = (corpus / x["path"]).read_text(errors="replace")
        msg = email.message_from_string(text, policy=email.policy.default)
        recipients = str(msg.get("To", "")) + str(msg.get("Cc", ""))
        for value, cid in values.items():
            if value in text:
                own = any(e and e in recipients for e in reg[cid]["email"].split(";"))
                assert own or "fv.liaison@" in recipients or "safety.registrar@" in recipients, x["id"]


def test_notes_hold_client_ids_only(corpus: Path) -> None:
    reg = registry(corpus)
    for x in conformance.labels(corpus):
        for r in reg.values():
            assert r["family_name"] not in x["note"].split(), x["id"]


def test_runs_have_one_letter_per_row(corpus: Path) -> None:
    from pypdf import PdfReader

    for x in conformance.labels(corpus):
        if x["channel"] != "batch":
            continue
        rows = list(csv.DictReader(io.StringIO((corpus / x["data"]).read_text())))
        assert len(rows) == len(x["per_letter"])
        if x["letters"].endswith(".pdf"):
            assert len(PdfReader(corpus / x["letters"]).pages) == len(rows)
