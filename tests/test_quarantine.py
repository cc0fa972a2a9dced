"""Encrypted originals: a wrong key or an altered file is a clear QuarantineError, never unverified bytes."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from dlp.errors import ConfigError, QuarantineError
from dlp.quarantine import SUFFIX, Quarantine, load_key


def test_round_trip_then_wrong_key_and_tampering_are_refused(tmp_path: Path) -> None:
    vault = Quarantine(tmp_path / "q", os.urandom(32))
    ref = vault.store(b"original bytes", {"rcpt_tos": ["a@example.org"]})
    assert vault.load(ref) == b"original bytes" and vault.envelope(ref)["rcpt_tos"] == ["a@example.org"]

    with pytest.raises(QuarantineError, match="wrong key or altered file"):
        Quarantine(tmp_path / "q", os.urandom(32)).load(ref)
    sealed = (tmp_path / "q" / (ref + SUFFIX)).read_bytes()
    (tmp_path / "q" / (ref + SUFFIX)).write_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]))
    with pytest.raises(QuarantineError, match="wrong key or altered file"):
        vault.load(ref)
    with pytest.raises(QuarantineError, match="no quarantined original"):
        vault.load("0" * 32)


def test_unusable_key_file_and_folder(tmp_path: Path) -> None:
    bad = tmp_path / "key"
    bad.write_text("not base64 at all!\n")
    with pytest.raises(ConfigError, match="quarantine key file unusable"):
        load_key(bad)
    short = tmp_path / "short"
    short.write_bytes(base64.b64encode(b"x" * 16))
    with pytest.raises(ConfigError, match="32 bytes"):
        load_key(short)
    (tmp_path / "file").write_text("")
    with pytest.raises(QuarantineError, match="quarantine folder cannot be used"):
        Quarantine(tmp_path / "file" / "q", os.urandom(32))


def test_a_key_given_in_hex_says_base64_and_how_to_make_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DLP_QUARANTINE_KEY", os.urandom(32).hex())  # 64 hex digits: valid base64, 48 bytes
    with pytest.raises(ConfigError) as info:
        load_key(tmp_path / "unused")
    message = str(info.value)
    assert "DLP_QUARANTINE_KEY" in message and "base64" in message and "not 48" in message
    assert "head -c 32 /dev/urandom | base64" in message


def test_a_vault_folder_removed_while_running_is_made_again(tmp_path: Path) -> None:
    """A share re-mounted or a folder removed under a running watcher: the next hold stores its original."""
    import shutil

    vault = Quarantine(tmp_path / "share" / "q", os.urandom(32))
    shutil.rmtree(tmp_path / "share")
    ref = vault.store(b"held letter")
    assert vault.load(ref) == b"held letter"


def test_an_original_on_disk_is_sealed_in_pieces_and_reads_back_as_stored_bytes_do(tmp_path: Path) -> None:
    """A file stored from disk has the layout of bytes stored (nonce, ciphertext, tag): load, a wrong key and
    tampering behave alike."""
    key = os.urandom(32)
    vault = Quarantine(tmp_path / "q", key)
    original = os.urandom(3 * (1 << 20) + 17)  # more than one piece, and not a whole number of them
    (tmp_path / "letter.pdf").write_bytes(original)
    ref = vault.store(tmp_path / "letter.pdf", {"channel": "folder"}, "abc123")
    assert vault.load(ref) == original and vault.envelope(ref) == {"channel": "folder"}
    with pytest.raises(QuarantineError, match="wrong key or altered file"):
        Quarantine(tmp_path / "q", os.urandom(32)).load(ref)
    sealed = (tmp_path / "q" / (ref + SUFFIX)).read_bytes()
    (tmp_path / "q" / (ref + SUFFIX)).write_bytes(sealed[:100] + bytes([sealed[100] ^ 1]) + sealed[101:])
    with pytest.raises(QuarantineError, match="wrong key or altered file"):
        vault.load(ref)


def test_an_original_is_read_back_in_pieces_and_only_once_its_tag_checks_out(tmp_path: Path) -> None:
    """copy_to, sha256 and pieces read a held original a megabyte at a time (a letter of gigabytes); an altered
    or cut file is refused at its end, and copy_to then leaves nothing behind to be sent on."""
    import hashlib

    vault = Quarantine(tmp_path / "q", os.urandom(32))
    original = os.urandom(2 * (1 << 20) + 5)
    (tmp_path / "x.bin").write_bytes(original)
    for ref in (vault.store(original), vault.store(tmp_path / "x.bin")):  # sealed whole, and in pieces
        assert vault.size(ref) == len(original)
        assert b"".join(vault.pieces(ref)) == original
        assert vault.sha256(ref) == hashlib.sha256(original).hexdigest()
        vault.copy_to(ref, tmp_path / "out.bin")
        assert (tmp_path / "out.bin").read_bytes() == original
    empty = vault.store(b"")
    assert vault.size(empty) == 0 and vault.sha256(empty) == hashlib.sha256(b"").hexdigest()

    sealed = tmp_path / "q" / (ref + SUFFIX)
    whole = sealed.read_bytes()
    for altered in (whole[:-1] + bytes([whole[-1] ^ 1]), whole[: 1 << 20], whole[:20]):
        sealed.write_bytes(altered)
        for read in (vault.sha256, lambda r: vault.copy_to(r, tmp_path / "again.bin")):
            with pytest.raises(QuarantineError, match="wrong key or altered file"):
                read(ref)
        assert not (tmp_path / "again.bin").exists()
    with pytest.raises(QuarantineError, match="no quarantined original"):
        vault.sha256("0" * 32)
    with pytest.raises(QuarantineError, match="bad quarantine reference"):
        vault.size("../x")


def test_a_download_is_checked_whole_first_and_its_last_piece_only_once_checked_again(tmp_path: Path) -> None:
    """checked_pieces refuses an altered file before giving anything; a file swapped in after the check is not the
    one read (the same handle); one altered in place after the check never arrives whole."""
    vault = Quarantine(tmp_path / "q", os.urandom(32))
    original = os.urandom(3 * (1 << 20) + 9)
    ref = vault.store(original)
    assert b"".join(vault.checked_pieces(ref)) == original
    sealed = tmp_path / "q" / (ref + SUFFIX)
    whole = sealed.read_bytes()

    sealed.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))
    with pytest.raises(QuarantineError, match="wrong key or altered file"):
        vault.checked_pieces(ref)  # before a single piece
    sealed.write_bytes(whole)

    pieces = vault.checked_pieces(ref)
    other = vault.store(b"another letter")
    os.replace(tmp_path / "q" / (other + SUFFIX), sealed)  # swapped in after the check: not read
    assert b"".join(pieces) == original

    sealed.write_bytes(whole)
    pieces = vault.checked_pieces(ref)
    with open(sealed, "ab") as handle:  # grown after the check: refused before a piece
        handle.write(b"more")
    with pytest.raises(QuarantineError):
        next(iter(pieces))

    sealed.write_bytes(whole)
    pieces = vault.checked_pieces(ref)
    with open(sealed, "r+b") as handle:  # altered in place after the check
        handle.seek(-1, os.SEEK_END)
        handle.write(bytes([whole[-1] ^ 1]))
    got = []
    with pytest.raises(QuarantineError):
        for piece in pieces:
            got.append(piece)
    assert len(b"".join(got)) < len(original)
