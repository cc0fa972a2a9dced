"""Consistency checks of a written corpus (used by the test, runnable by hand):

python -m tests.corpora.insurance.check OUTDIR
"""

from __future__ import annotations

import csv
import email
import io
import json
import logging
import re
import sys
import tomllib
import zipfile
from email import policy
from pathlib import Path
from typing import Any

import pypdf
from docx import Document
from openpyxl import load_workbook

from .corpus import AREAS, RULES
from .generate import COLUMNS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CID = re.compile(r"\bPH\d{6}\b")


def load_labels(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "labels.jsonl").read_text(encoding="utf-8").splitlines()]


def _blocks(lab: dict[str, Any]) -> bool:
    if lab["channel"] == "batch":
        return bool(lab["run_expect"] == "block")
    if "letters" in lab:
        return any(lt["expect"] == "block" for lt in lab["letters"])
    return bool(lab["expect"] == "block")


def check_labels(out: Path, labels: list[dict[str, Any]], registry: set[str]) -> list[str]:
    errors: list[str] = []
    by_id = {lab["id"]: lab for lab in labels}
    if len(by_id) != len(labels):
        errors.append("duplicate ids")
    for lab in labels:
        lid = lab["id"]
        if lab["category"].split("/")[0] not in AREAS or lab["category"].count("/") != 1:
            errors.append(f"{lid}: bad category {lab['category']}")
        verdicts = (
            lab.get("per_letter") or lab.get("letters") if lab["channel"] == "batch" or "letters" in lab else [lab]
        )
        for v in verdicts if isinstance(verdicts, list) else []:
            if v["expect"] not in ("allow", "block"):
                errors.append(f"{lid}: bad expect")
            if v["expect"] == "block" and (
                not v.get("rules") or not set(v["rules"]) <= RULES or not isinstance(v.get("suppressed"), bool)
            ):
                errors.append(f"{lid}: block without valid rules/suppressed")
            if v["expect"] == "allow" and "rules" in v:
                errors.append(f"{lid}: allow with rules")
        if lab["channel"] == "scan":
            if not (out / lab["path"]).is_file():
                errors.append(f"{lid}: missing file")
        else:
            for key in ("data", "letters"):
                if not (out / lab[key]).exists():
                    errors.append(f"{lid}: missing {key}")
        for cid in _CID.findall(lab["note"]):
            if cid not in registry:
                errors.append(f"{lid}: note names unknown client {cid}")
        if _blocks(lab):
            twin = by_id.get(lab.get("twin", ""))
            if twin is None or _blocks(twin) or twin.get("twin") != lid or twin["category"] != lab["category"]:
                errors.append(f"{lid}: incident without a legitimate twin in its category")
    return errors


def check_registry(out: Path) -> tuple[list[str], set[str]]:
    errors: list[str] = []
    with (out / "clients.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"registry columns {reader.fieldnames}")
        rows = list(reader)
    ids = {r["client_id"] for r in rows}
    owners: dict[str, set[str]] = {}
    for r in rows:
        if not _DATE.match(r["date_of_birth"]) or not r["family_name"] or not r["postal_address"]:
            errors.append(f"{r['client_id']}: incomplete row")
        if not set(filter(None, r["suppressed"].split(";"))) <= {"postal_address", "phone", "email"}:
            errors.append(f"{r['client_id']}: bad suppressed")
        for j in filter(None, r["joint_with"].split(";")):
            if j not in ids:
                errors.append(f"{r['client_id']}: joint_with unknown {j}")
        for ref in r["references"].split(";"):
            owners.setdefault(ref.replace("-", "").replace(" ", ""), set()).add(r["client_id"])
    by_id = {r["client_id"]: r for r in rows}
    for ref, who in owners.items():
        if len(who) > 1 and not all(set(who) - {c} <= set(by_id[c]["joint_with"].split(";")) for c in who):
            errors.append(f"reference {ref[:3]}… shared by unrelated clients")
    if len(ids) != len(rows):
        errors.append("duplicate client ids")
    return errors, ids


def _open_part(name: str, data: bytes) -> None:
    """Parse an attachment by what it claims to be; encrypted and corrupt ones are expected to fail."""
    if data.startswith(b"%PDF"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if not reader.is_encrypted:
                _ = [p.extract_text() for p in reader.pages]
        except Exception:  # noqa: BLE001 - a deliberately truncated PDF
            pass
    elif data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if z.testzip() is not None:
                raise ValueError(f"bad zip member in {name}")


def check_files(out: Path, labels: list[dict[str, Any]]) -> list[str]:
    errors: list[str] = []
    for lab in labels:
        paths: list[Path] = []
        if lab["channel"] == "scan":
            paths = [out / lab["path"]]
        else:
            d = out / lab["letters"]
            paths = sorted(d.iterdir()) if d.is_dir() else [d]
            with (out / lab["data"]).open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
            n_letters = len(paths) if d.is_dir() else len(pypdf.PdfReader(d).pages)
            if n_letters != len(lab["per_letter"]):
                errors.append(f"{lab['id']}: {n_letters} letters, {len(lab['per_letter'])} labels")
            if not rows or abs(len(rows) - n_letters) > 1:
                errors.append(f"{lab['id']}: {len(rows)} rows for {n_letters} letters")
        for p in paths:
            try:
                _open(p)
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{lab['id']}: {p.name} does not open: {exc!r}")
    return errors


def _open(p: Path) -> None:
    data = p.read_bytes()
    ext = p.suffix
    if ext == ".pdf":
        reader = pypdf.PdfReader(p)
        if not reader.is_encrypted or reader.decrypt(""):
            if not "".join(pg.extract_text() for pg in reader.pages).strip():
                raise ValueError("no text")
    elif ext == ".docx":
        Document(str(p))
    elif ext == ".xlsx":
        load_workbook(p)
    elif ext == ".eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if not msg[h]:
                raise ValueError(f"no {h}")
        for part in msg.walk():
            if not part.is_multipart() and part.get_content_type() != "message/rfc822":
                payload = part.get_payload(decode=True)
                if payload is None:
                    raise ValueError("undecodable part")
                _open_part(part.get_filename() or "", payload)
    elif ext == ".rtf":
        if not data.startswith(b"{\\rtf1"):
            raise ValueError("not RTF")
        data.decode("ascii")
    else:
        data.decode("utf-8")


def check(out: Path) -> list[str]:
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # the truncated PDFs are meant to be truncated
    errors, registry = check_registry(out)
    labels = load_labels(out)
    errors += check_labels(out, labels, registry)
    errors += check_files(out, labels)
    cfg = tomllib.loads((out / "dlp.toml").read_text(encoding="utf-8"))
    if cfg["registry"]["path"] != "clients.csv" or not cfg["organisation"]["internal_domains"]:
        errors.append("config")
    return errors


if __name__ == "__main__":
    problems = check(Path(sys.argv[1]))
    print("\n".join(problems) or "ok")
    raise SystemExit(1 if problems else 0)
