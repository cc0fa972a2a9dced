"""The aged care corpus: the shared conformance checks plus this corpus's own."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from tests.corpora import conformance
from tests.corpora.agedcare import registry, world
from tests.corpora.agedcare.generate import generate

SCALE = 1.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("agedcare") / "corpus"
    generate(out, seed=1, scale=SCALE)
    return out


@pytest.fixture(scope="module")
def labels(corpus: Path) -> list[dict]:
    return conformance.labels(corpus)


@pytest.fixture(scope="module")
def clients(corpus: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO((corpus / "clients.csv").read_text())))


def _verdicts(x: dict) -> list[dict]:
    if x["channel"] == "batch":
        return x["per_letter"]
    return x["letters"] if "letters" in x else [x]


def _blocked(x: dict) -> bool:
    return any(v["expect"] == "block" for v in _verdicts(x))


# ----------------------------------------------------------------------------- shared checks


def test_reproducible(corpus: Path, tmp_path: Path) -> None:
    conformance.check_reproducible(generate, corpus, tmp_path, scale=SCALE)


def test_registry_and_config(corpus: Path) -> None:
    conformance.check_registry_and_config(corpus, registry.COLUMNS)


def test_labels(corpus: Path) -> None:
    conformance.check_labels(corpus)


def test_files_open(corpus: Path) -> None:
    conformance.check_files_open(corpus)


# ----------------------------------------------------------------------------- this corpus


def test_size_and_share_of_incidents(labels: list[dict]) -> None:
    items = [x for x in labels if x["channel"] == "scan"]
    runs = [x for x in labels if x["channel"] == "batch"]
    incidents = [x for x in items if _blocked(x)]
    assert 300 <= len(items) <= 350
    assert 5 <= len(runs) <= 7
    assert 0.30 <= len(incidents) / len(items) <= 0.35
    # legitimate mail is the majority, and "everyday" is the biggest area
    areas = Counter(x["category"].split("/")[0] for x in items)
    assert areas.most_common(1)[0][0] == "everyday"


def test_every_incident_has_a_legitimate_twin(labels: list[dict]) -> None:
    by_id = {x["id"]: x for x in labels}
    for x in labels:
        if _blocked(x):
            twin = by_id[x["twin"]]
            assert not _blocked(twin), x["id"]
            assert twin["channel"] == x["channel"]
            if x["channel"] == "scan":
                assert Path(twin["path"]).suffix == Path(x["path"]).suffix, x["id"]


def test_every_area_has_incidents(labels: list[dict]) -> None:
    areas = {x["category"].split("/")[0] for x in labels if _blocked(x)}
    assert areas == conformance.AREAS - {"everyday"}
    assert not any(_blocked(x) for x in labels if x["category"].startswith("everyday/"))


def test_every_rule_expected_somewhere(labels: list[dict]) -> None:
    first = set()
    for x in labels:
        for v in _verdicts(x):
            if v["expect"] == "block":
                first.add(v["rules"][0])
    assert first == conformance.RULES


def test_runs_match_their_data(corpus: Path, labels: list[dict]) -> None:
    for x in (x for x in labels if x["channel"] == "batch"):
        rows = list(csv.DictReader(io.StringIO((corpus / x["data"]).read_text())))
        assert len(rows) == len(x["per_letter"]), x["id"]
        if x["letters"].endswith(".pdf"):
            from pypdf import PdfReader

            assert len(PdfReader(corpus / x["letters"]).pages) >= len(rows)
        else:
            names = sorted((corpus / x["letters"]).iterdir(), key=lambda p: int(re.sub(r"\D", "", p.stem)))
            assert [p.stem for p in names] == [f"letter{i + 1}" for i in range(len(rows))]


def test_identifiers_are_checksum_valid(clients: list[dict]) -> None:
    def medicare_ok(m: str) -> bool:
        d = [int(c) for c in m]
        return (
            d[0] in range(2, 7)
            and sum(a * b for a, b in zip(d[:8], [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10 == d[8]
        )

    n = 0
    for r in clients:
        for ref in r["references"].split(";"):
            if re.fullmatch(r"\d{10}", ref):
                assert medicare_ok(ref), r["client_id"]
                n += 1
    assert n > 50
    weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    digits = [int(c) for c in world.ORG_ABN]
    digits[0] -= 1
    assert sum(a * b for a, b in zip(digits, weights, strict=True)) % 89 == 0


def test_registry_model(clients: list[dict]) -> None:
    ids = {r["client_id"]: r for r in clients}
    suppressed = [r for r in clients if r["suppressed"]]
    assert len(suppressed) >= 3
    # the former partner is the joint holder of a suppressed client, and never authorised for her
    joint_suppressed = [r for r in suppressed if r["joint_with"]]
    assert joint_suppressed
    for r in joint_suppressed:
        for other in r["joint_with"].split(";"):
            assert other not in r["authorised_contacts"].split(";")
            assert r["client_id"] in ids[other]["joint_with"].split(";")
    # representatives who receive post are registry rows referenced from authorised_contacts
    referenced = {c for r in clients for c in r["authorised_contacts"].split(";") if c in ids}
    assert len(referenced) > 30
    for r in clients:
        for e in filter(None, r["email"].split(";") + r["authorised_contacts"].split(";")):
            assert e in ids or e.endswith(".example"), e
    residents = [r for r in clients if r["postal_address"].startswith("Room ")]
    assert len(residents) >= 40


def test_notes_carry_no_names(labels: list[dict], clients: list[dict]) -> None:
    names = {r["family_name"] for r in clients if len(r["family_name"]) > 3}
    for x in labels:
        words = set(re.findall(r"[A-Z][\w'-]+", x["note"]))
        assert not words & names, (x["id"], words & names)


# ------------------------------------------------------------------------------------ suppressed details


def _texts(name: str, data: bytes) -> str:
    if name.endswith(".pdf"):
        from pypdf import PdfReader

        try:
            return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        except Exception:
            return ""
    if name.endswith(".docx"):
        from docx import Document

        try:
            d = Document(io.BytesIO(data))
        except Exception:
            return ""
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    if name.endswith(".zip"):
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
            return "\n".join(_texts(n, z.read(n)) for n in z.namelist())
        except Exception:
            return ""
    return data.decode("utf-8", "replace")


def _item_text(path: Path) -> str:
    if path.suffix != ".eml":
        return _texts(path.name, path.read_bytes())
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    out = [str(msg["Subject"])]
    for part in msg.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        out.append(_texts(part.get_filename() or "", content if isinstance(content, bytes) else content.encode()))
    return "\n".join(out)


SUPPRESSED_ALLOWED = {
    "everyday/to-client-suppressed",  # the client herself
    "everyday/safeguarding-internal",  # staff listed in suppressed_detail_staff
    "everyday/guardian-suppressed",  # judgement call (README): her tribunal-appointed guardian
    "recipient-own-details/suppressed-own-address",  # twin: the client herself
    "relationships/barred-family-member",  # twin: the safeguarding team
}


def test_suppressed_details_only_where_labelled(corpus: Path, labels: list[dict], clients: list[dict]) -> None:
    """Every item that shows a suppressed detail is a labelled suppressed incident, or one of the few
    legitimate readers (the client, the safeguarding team, and the guardian judgement call)."""
    details: list[re.Pattern[str]] = []
    for r in clients:
        sup = r["suppressed"].split(";")
        parts = [p.strip() for p in r["postal_address"].split(",")]
        if "postal_address" in sup and parts[0].startswith("Room "):
            room, street = parts[0].split()[1], parts[1].split()[-2]
            details.append(re.compile(rf"(?is)\b(room|rm) {room}\b.{{0,60}}{street}"))
        elif "postal_address" in sup:
            details.append(re.compile(re.escape(parts[-2])))
        if "phone" in sup:
            for p in filter(None, r["phone"].split(";")):
                details.append(
                    re.compile(r"(?<!\d)(?:0|\+?61[\s-]?)?" + r"[\s-]?".join(re.sub(r"\D", "", p)[-9:]) + r"(?!\d)")
                )
        if "email" in sup:
            details += [re.compile(re.escape(e)) for e in r["email"].split(";") if e]
    assert details
    seen = 0
    for x in labels:
        if x["channel"] != "scan":
            continue
        text = _item_text(corpus / x["path"])
        shows = any(d.search(text) for d in details)
        if x.get("suppressed"):
            if "home-name-only" not in x["category"] and "farewell" not in x["category"]:
                assert shows, x["id"]
            seen += 1
        elif shows:
            assert x["category"] in SUPPRESSED_ALLOWED, (x["id"], x["category"])
    assert seen >= 15


def test_labels_file_is_plain_json(corpus: Path) -> None:
    for line in (corpus / "labels.jsonl").read_text().splitlines():
        assert json.loads(line)["id"]
