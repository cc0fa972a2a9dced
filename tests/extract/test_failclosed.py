"""Issue 10 extraction, one capability at a time: normalisation, lenient decoding, PII-free part names,
budgets, containers read as containers, everyday MIME parts."""

from __future__ import annotations

import base64
import dataclasses
import io
import zipfile

import pytest

from dlp.config import LimitsConfig
from dlp.extract import communication_from_message, extract_part, letters_from_file
from dlp.extract.clean import normalise
from dlp.extract.ocr import tesseract_available
from dlp.extract.text import lenient_base64
from dlp.folder.notes import explain
from dlp.model import FILE_NAME, Decision
from tests.conftest import rules
from tests.extract import hostile
from tests.extract.conftest import password_zip, pdf_of_pages, zip_of
from tests.synthetic import SyntheticRegistry, email


def test_normalise_folds_what_evades_a_matcher() -> None:
    assert normalise("Acct ３１３８９７２１２２８") == "Acct 31389721228"
    assert normalise("3138\u200b9721\u200d228\u00ad1\ufeff") == "313897212281"
    assert normalise("٣١٣٨") == "3138"  # Arabic-Indic digits
    assert normalise("j\u0430ne.d\u043ee@mail.example") == "jane.doe@mail.example"  # Cyrillic а, о
    assert normalise("\u0399\u039f\u039d") == "ION"  # a word of Greek look-alikes only
    # Words in a script of their own stay as written; ASCII text is returned as it is.
    assert normalise("Σοφία привет café") == "Σοφία привет café"
    text = "plain ASCII text"
    assert normalise(text) is text


def test_lenient_base64_skips_stray_characters_and_reports_loss() -> None:
    body = base64.encodebytes(b"Account 210000006 is in credit. " * 20)
    stray = body[:150] + b"!*" + body[150:]
    assert lenient_base64(stray) == (base64.decodebytes(body), True)
    decoded, lossless = lenient_base64(body[:150] + b"Q" + body[150:])
    assert not lossless and decoded.count(b"Account 210000006") >= 18
    assert lenient_base64(base64.b64encode(b"no padding!").rstrip(b"=")) == (b"no padding!", True)


def test_part_names_never_carry_a_file_name(synthetic: SyntheticRegistry, scanner) -> None:
    a, b = synthetic.ordinary()[130:132]
    secret_name = f"{b.name} {b.date_of_birth} {b.phone}"
    archive = zip_of({f"{secret_name}.txt": b"Hello", "x/" + secret_name + ".pdf": pdf_of_pages(["Hello there"])})
    raw = email([a.email], "docs", "see", attachments=[(f"{secret_name}.zip", archive, "application/zip")])
    item = communication_from_message(raw, "m.eml")
    names = [p.name for p in item.parts]
    assert all(b.family_name not in n and b.phone not in n for n in names), names
    assert "attachment 1 (ZIP), file 2 (PDF), page 1" in names
    # The names are content: scanned, and the client they identify is found.
    name_parts = [p for p in item.parts if p.media_type == FILE_NAME]
    assert {p.name for p in name_parts} == {"attachment 1, file name", "attachment 1 (ZIP), file names"}
    verdict = scanner.scan(item)
    assert verdict.blocked and "mismatched_recipient" in rules(verdict)
    assert all(b.phone not in v.part + v.explanation for v in verdict.violations)


def test_watcher_note_does_not_repeat_the_file_name(synthetic: SyntheticRegistry, scanner) -> None:
    b = synthetic.ordinary()[133]
    (verdict,) = [scanner.scan(i, record=False) for i in letters_from_file(b"Dear x,\n", "l.txt")]
    note = explain([verdict], f"{b.name} {b.phone}.pdf")
    assert b.phone not in note and b.family_name not in note and "a letter (PDF)" in note


def test_zero_page_pdf_letter_is_held_not_silent(scanner) -> None:
    (item,) = letters_from_file(hostile.zero_page_pdf(), "empty.pdf")
    verdict = scanner.scan(item, record=False)
    assert verdict.decision is Decision.QUARANTINE and rules(verdict) == {"unscannable_content"}
    assert any("no pages" in v.explanation for v in verdict.violations)


def test_zip_starting_with_a_pdf_is_read_as_a_zip(synthetic: SyntheticRegistry, scanner) -> None:
    """Issue 10's example: an uncompressed ZIP whose first member is a PDF was taken for that PDF."""
    a, b = synthetic.ordinary()[134:136]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("cover.pdf", pdf_of_pages(["A harmless cover letter."]))
        archive.writestr("other.txt", f"Account {b.reference}")
    parts = extract_part(out.getvalue(), "attachment 1", typed=True)
    assert parts[0].name == "attachment 1 (ZIP), file names"
    assert any(b.reference in p.text for p in parts)
    locked = password_zip({"cover.pdf": pdf_of_pages(["A harmless cover letter."]), "other.txt": b"x"})
    assert any(p.error == "password-protected ZIP archive" for p in extract_part(locked, "attachment 1"))


def test_budgets_hold_the_item_with_the_reason(synthetic: SyntheticRegistry, scanner) -> None:
    a = synthetic.ordinary()[136]
    limits = dataclasses.replace(
        LimitsConfig(), max_spreadsheet_cells=5, max_recipients=3, max_header_bytes=200, max_mime_depth=3
    )
    sheet = hostile.xlsx(lambda book: [book.active.append([n, n]) for n in range(5)])
    item = communication_from_message(hostile.attach(a, "s.xlsx", sheet), "m.eml", limits)
    assert any(p.error and "max_spreadsheet_cells" in p.error for p in item.parts)
    many = email([f"r{n}@x.example" for n in range(10)], "s", "b")
    item = communication_from_message(many, "m.eml", limits)
    assert len(item.recipients) == 4 and any(p.error and "max_recipients" in p.error for p in item.parts)
    long_subject = email([a.email], "word " * 100, "b")
    assert any(
        p.error and "header over the size limit" in p.error
        for p in communication_from_message(long_subject, "m", limits).parts
    )
    deep = hostile._deep_mime(a, 5)
    assert any(
        p.error and "nested deeper than 3" in p.error for p in communication_from_message(deep, "m", limits).parts
    )
    verdict = scanner.scan(communication_from_message(deep, "m", limits), record=False)
    assert "unscannable_content" in rules(verdict)


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract not installed (.ci/run installs it)")
def test_ocr_budget_counts_distinct_non_blank_images_only(synthetic: SyntheticRegistry) -> None:
    limits = dataclasses.replace(LimitsConfig(), max_ocr_images=2)
    same = hostile.gif_frames(["Hello there"] * 30 + [""] * 30)
    (part,) = extract_part(same, "attachment 1", limits=limits)
    assert part.error is None and "Hello" in part.text  # one OCR run: repeats and blank frames are free
    distinct = hostile.gif_frames(["one", "two", "three"])
    (part,) = extract_part(distinct, "attachment 1", limits=limits)
    assert part.error and "max_ocr_images" in part.error


def test_far_cell_costs_nothing(synthetic: SyntheticRegistry) -> None:
    parts = extract_part(hostile.far_cell_xlsx("far away"), "attachment 1", typed=True)
    assert [p.name for p in parts if "sheet" in p.name] == ["attachment 1 (XLSX), sheet 1"]
    assert "far away" in parts[0].text or any("far away" in p.text for p in parts)


def test_everyday_mime_parts(synthetic: SyntheticRegistry, scanner) -> None:
    a, b = synthetic.ordinary()[137:139]
    for kind, raw in hostile.legitimate_signed(a):
        item = communication_from_message(raw, "m.eml")
        assert all(p.error is None for p in item.parts), kind
        assert scanner.scan(item, record=False).decision is Decision.ALLOW, kind
    invite = dict((k, d) for k, d, _ in hostile.places(a, b))["calendar invitation"]
    item = communication_from_message(invite, "m.eml")
    # The folded DESCRIPTION line is unfolded: the account number is whole again.
    assert any(f"Bring account {b.reference} please" in p.text for p in item.parts)
    held = dict(hostile.held_items(a, b))
    for kind, reason in (("S/MIME encrypted", "S/MIME-encrypted"), ("PGP/MIME encrypted", "PGP/MIME-encrypted")):
        parts = communication_from_message(held[kind], "m.eml").parts
        assert any(p.error == f"{reason} content" for p in parts), kind
    opaque = dict((k, d) for k, d, _ in hostile.places(a, b))["opaque-signed S/MIME"]
    assert any(b.reference in p.text for p in communication_from_message(opaque, "m.eml").parts)


def test_every_alternative_is_scanned(synthetic: SyntheticRegistry, scanner) -> None:
    a, b = synthetic.ordinary()[139:141]
    raw = email([a.email], "s", "Hello, nothing here.", html=f"<p>Account {b.reference}</p>")
    verdict = scanner.scan(communication_from_message(raw, "m.eml"), record=False)
    assert "mismatched_recipient" in rules(verdict)
    assert any(v.part == "body 2" for v in verdict.violations)


def test_read_receipt_parts_are_text_not_unknown() -> None:
    """A read receipt (multipart/report) carries message/disposition-notification and text/rfc822-headers."""
    mdn = (
        b"From: a@riverbendwater.example\r\nTo: b@x.example\r\nSubject: Read: hello\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/report; report-type=disposition-notification; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n"
        b"--XX\r\nContent-Type: message/disposition-notification\r\n\r\nReporting-UA: x\r\n"
        b"Disposition: manual-action/MDN-sent-manually; displayed\r\n\r\n"
        b"--XX\r\nContent-Type: text/rfc822-headers\r\n\r\nSubject: hello\r\nFrom: b@x.example\r\n\r\n--XX--\r\n"
    )
    parts = communication_from_message(mdn, "m.eml").parts
    assert all(p.error is None for p in parts)
    assert any("Subject: hello" in p.text for p in parts)


def test_part_headers_and_part_counts_are_budgeted() -> None:
    limits = dataclasses.replace(LimitsConfig(), max_item_parts=10)
    raw = email(["a@x.example"], "s", "b", attachments=[(f"f{i}.txt", b"hello", "text/plain") for i in range(50)])
    problems = [p.error for p in communication_from_message(raw, "m", limits).parts if p.error]
    assert problems == ["item holds more than 10 parts and embedded files ([limits] max_item_parts)"]
    name = b"=?utf-8?B?QWNjb3VudA==?= " * 5000  # a file name of 5,000 encoded words is never parsed
    raw = (
        b"From: a@x.example\r\nTo: b@y.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n"
        b'Content-Disposition: attachment; filename="' + name + b'"\r\n\r\nhello\r\n--X--\r\n'
    )
    parts = communication_from_message(raw, "m").parts
    assert ("part headers", "a header over the size limit of 65536 bytes") in [(p.name, p.error) for p in parts]


def reference_base64(data: bytes) -> tuple[bytes, bool]:
    """lenient_base64 as first written: split into lines, a regex per line."""
    import re

    lines = [line for line in (re.sub(rb"[^A-Za-z0-9+/]", b"", raw) for raw in data.splitlines()) if line]
    core = b"".join(lines)
    uneven = [i for i, line in enumerate(lines[:-1]) if len(line) % 4]
    if not uneven and len(core) % 4 != 1:
        return base64.b64decode(core + b"=" * (-len(core) % 4)), True
    if len(uneven) <= max(1, len(lines) // 5):
        out = bytearray()
        for at, line in enumerate(lines):
            line = line[: len(line) - len(line) % 4] if len(line) % 4 == 1 or at != len(lines) - 1 else line
            out += base64.b64decode(line + b"=" * (-len(line) % 4)) if line else b""
        return bytes(out), False
    return base64.b64decode(core[: len(core) - len(core) % 4]), len(core) % 4 != 1


def test_lenient_base64_reads_every_line_as_the_line_by_line_form_did() -> None:
    import random

    rng = random.Random(21)
    for n in range(3000):
        body = base64.encodebytes(rng.randbytes(rng.randint(0, 400)))
        if n % 3:
            body = body.replace(b"\n", b"\r\n")
        chunks = bytearray(body)
        for _ in range(rng.randint(0, 6)):  # stray characters, lost and doubled ones, odd line breaks
            at = rng.randint(0, len(chunks))
            chunks[at:at] = rng.choice([b"*", b" ", b"\r", b"\n", b"\x0b", b"=", b"Q", b"\xff", b"\r\n\r\n", b""])
        if n % 5 == 0 and len(chunks) > 10:
            del chunks[rng.randint(0, len(chunks) - 1)]
        data = bytes(chunks)
        assert lenient_base64(data) == reference_base64(data), data
