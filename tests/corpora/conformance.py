"""What every corpus generator's own tests check, as FORMAT.md describes it: reproducible output, a registry and
configuration in DESIGN §4's terms, labels that mean something, files that open."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def labels(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "labels.jsonl").read_text().splitlines()]


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def check_reproducible(generate: Callable[..., Any], corpus: Path, tmp_path: Path, scale: float = 0.3) -> None:
    """The same seed writes the same bytes; another seed another registry and other labels."""
    generate(tmp_path / "again", seed=1, scale=scale)
    first, second = tree(corpus), tree(tmp_path / "again")
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name
    generate(tmp_path / "other", seed=2, scale=scale)
    assert (tmp_path / "other" / "clients.csv").read_bytes() != (corpus / "clients.csv").read_bytes()
    assert (tmp_path / "other" / "labels.jsonl").read_bytes() != (corpus / "labels.jsonl").read_bytes()


def check_registry_and_config(corpus: Path, columns: list[str]) -> None:
    rows = list(csv.DictReader(io.StringIO((corpus / "clients.csv").read_text())))
    assert list(rows[0].keys()) == columns
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


def check_labels(corpus: Path) -> None:
    """Areas and rule ids from FORMAT.md, files where labels say, every incident with its twin and back."""
    found = labels(corpus)
    by_id = {x["id"]: x for x in found}
    assert len(by_id) == len(found)
    for x in found:
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


def blocked(label: dict) -> bool:
    """Does the label expect a block: the item's, one of a merged file's letters', or one of a run's letters'?"""
    verdicts = label["per_letter"] if label["channel"] == "batch" else label.get("letters") or [label]
    return any(v["expect"] == "block" for v in verdicts)


def client_rows(corpus: Path) -> dict[str, dict]:
    """The registry's rows by client id."""
    return {r["client_id"]: r for r in csv.DictReader(io.StringIO((corpus / "clients.csv").read_text()))}


def check_twins_alike(corpus: Path) -> None:
    """Every incident's twin is allowed, of the same category and channel, and a scanned one of the same file type."""
    found = labels(corpus)
    by_id = {x["id"]: x for x in found}
    for x in filter(blocked, found):
        twin = by_id[x["twin"]]
        assert not blocked(twin), x["id"]
        assert twin["category"] == x["category"] and twin["channel"] == x["channel"]
        if x["channel"] == "scan":
            assert Path(twin["path"]).suffix == Path(x["path"]).suffix


def check_files_open(corpus: Path) -> None:
    """PDFs have text, DOCX paragraphs, messages their headers; an unscannable incident's file need not open."""
    from docx import Document
    from pypdf import PdfReader

    for x in labels(corpus):
        if x["channel"] == "scan":
            unscannable = x["category"].startswith("unscannable/") and x.get("expect") == "block"
            if unscannable and not x["path"].endswith(".eml"):
                continue
            paths = [corpus / x["path"]]
        else:
            p = corpus / x["letters"]
            paths = sorted(p.iterdir()) if p.is_dir() else [p]
        for p in paths:
            data = p.read_bytes()
            if p.suffix == ".pdf":
                assert PdfReader(io.BytesIO(data)).pages[0].extract_text().strip()
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
