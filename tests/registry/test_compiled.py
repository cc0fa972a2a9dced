"""The compiled index file: same answers as the in-memory index, integrity checks, generic tables."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date
from pathlib import Path

import pytest

from dlp.errors import IndexFileError
from dlp.registry import RegistryIndex
from dlp.registry import format as fmt
from dlp.registry.build import build_file, compile_clients
from dlp.registry.format import FORMAT_VERSION, open_file
from dlp.registry.keys import TABLES
from tests.synthetic import SyntheticRegistry, account_body, extract_csv, letter


@pytest.fixture(scope="module")
def built(synthetic: SyntheticRegistry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "clients.dlpidx"
    build_file(synthetic.to_clients(), path, {"kind": "csv", "file": "clients.csv"})
    return path


def matches(index: RegistryIndex, text: str) -> list[tuple[object, ...]]:
    return [(m.entity, m.start, m.end, m.clients, m.suppressed_for, m.key) for m in index.find(text)]


def test_file_and_memory_indexes_find_the_same(synthetic: SyntheticRegistry, index: RegistryIndex, built: Path) -> None:
    mapped = RegistryIndex.open(built)
    texts = [letter(c, account_body(c)) for c in synthetic.clients[:40]]
    texts.append(extract_csv(synthetic.clients[:60]).decode())
    for text in texts:
        assert matches(mapped, text) == matches(index, text)
    assert len(mapped) == len(index) == len(synthetic.clients)


def test_tables_answer_as_mappings(synthetic: SyntheticRegistry, built: Path) -> None:
    index = RegistryIndex.open(built)
    c = synthetic.ordinary()[0]
    assert index.by_email[c.email] == (c.client_id,)
    assert c.client_id in index.clients_born(c.date_of_birth)
    assert index.clients[c.client_id].given_name == c.given_name
    assert index.clients[c.client_id] == next(x for x in synthetic.to_clients() if x.client_id == c.client_id)
    assert "nobody@nowhere.example" not in index.by_email and index.by_email.get("x@y.example") is None
    assert index.joint[synthetic.victim.client_id] == frozenset({synthetic.ex_partner.client_id})
    assert index.related(synthetic.ex_partner.client_id, synthetic.victim.client_id)
    records = index.by_postcode[c.postcode]
    assert any(r.client_id == c.client_id and not r.suppressed for r in records)
    victim = next(r for r in index.by_postcode[synthetic.victim.postcode] if r.client_id == synthetic.victim.client_id)
    assert victim.suppressed
    assert synthetic.represented.client_id in index.authorised_by_email[synthetic.rep_email]
    assert "C0000000" not in index.clients and index.by_dob.get(date(1800, 1, 1)) is None
    assert set(index.clients) == {x.client_id for x in synthetic.clients}


def test_format_is_generic_over_tables_and_entities(synthetic: SyntheticRegistry) -> None:
    header, sections = compile_clients(synthetic.to_clients()[:20])
    assert header["tables"] == list(TABLES)
    assert {f"table.{t}.hashes" for t in TABLES} <= set(sections)
    assert "CLIENT_REFERENCE" in header["entities"] and header["max_key_length"] >= 5


def test_info_header_holds_no_personal_data(synthetic: SyntheticRegistry, built: Path) -> None:
    data = open_file(built)
    header = json.dumps(data.header)
    c = synthetic.clients[0]
    for value in (c.given_name, c.family_name, c.email, c.reference):
        assert value not in header
    assert data.header["counts"]["clients"] == len(synthetic.clients)


def corrupt(source: Path, target: Path, how: str) -> Path:
    data = bytearray(source.read_bytes())
    if how == "flipped":
        data[len(data) // 2] ^= 0x01
    elif how == "truncated":
        data = data[: len(data) * 2 // 3]
    elif how == "empty":
        data = bytearray()
    elif how == "version":
        data[8] = FORMAT_VERSION + 1
    elif how == "csv":
        data = bytearray(b"client_id,given_name\n")
    elif how == "forged":  # garbage in a trie, under a checksum made to fit (the checksum is no signature)
        prefix = fmt._PREFIX.unpack_from(data, 0)
        header = json.loads(bytes(data[fmt._PREFIX.size : fmt._PREFIX.size + prefix[2]]))
        entry = header["sections"]["match.trie.0"]
        start = fmt._PREFIX.size + prefix[2] + entry["offset"]
        data[start + 16 : start + entry["count"]] = random.Random(1).randbytes(entry["count"] - 16)
        data[16:48] = hashlib.sha256(bytes(data[fmt._PREFIX.size :])).digest()
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("flipped", "checksum mismatch"),
        ("truncated", "truncated"),
        ("empty", "empty"),
        ("version", "rebuild it"),
        ("csv", "not a registry index"),
        ("forged", "key tries are corrupt"),
    ],
)
def test_damaged_files_are_refused(built: Path, tmp_path: Path, how: str, message: str) -> None:
    with pytest.raises(IndexFileError, match=message):
        RegistryIndex.open(corrupt(built, tmp_path / "bad.dlpidx", how))


def test_a_build_replaces_the_file_atomically(synthetic: SyntheticRegistry, tmp_path: Path) -> None:
    path = tmp_path / "r.dlpidx"
    build_file(synthetic.to_clients()[:50], path)
    first = RegistryIndex.open(path)
    build_file(synthetic.to_clients(), path)
    second = RegistryIndex.open(path)
    assert len(first) == 50 and len(second) == len(synthetic.clients)  # the old mapping stays readable
    assert first.checksum != second.checksum
    assert [p.name for p in tmp_path.iterdir()] == ["r.dlpidx"]  # no temporary file left behind


def test_empty_registry(tmp_path: Path) -> None:
    build_file([], tmp_path / "e.dlpidx")
    index = RegistryIndex.open(tmp_path / "e.dlpidx")
    assert len(index) == 0 and list(index.find("account 123456789")) == [] and "x" not in index.by_email


def test_an_index_whose_keys_are_spelt_otherwise_is_refused(
    synthetic: SyntheticRegistry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Built by a dlp whose word tables differ ("0061" was once kept as written), its keys would miss what the
    scanner now reads: loading, and `dlp registry info`, refuse it and say to rebuild."""
    from dlp.cli.main import main

    monkeypatch.setattr("dlp.registry.build.SPELLING", "an older one")
    path = tmp_path / "old.dlpidx"
    build_file(synthetic.to_clients()[:20], path)
    monkeypatch.undo()
    with pytest.raises(IndexFileError, match="turns words into keys differently.*rebuild"):
        RegistryIndex.open(path)
    assert main(["registry", "info", str(path)]) == 2
    assert "rebuild" in capsys.readouterr().out
    build_file(synthetic.to_clients()[:20], path)
    assert len(RegistryIndex.open(path)) == 20
