"""Unmerged placeholders and unreadable parts, each beside the same item done right."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from . import content as t
from .corpus import Corpus
from .docs import render, to_docx, to_pdf
from .letter_cases import count
from .mail import Attachment, Mail, build
from .world import DOMAIN, World

PLACEHOLDERS = [
    "«FirstName»",
    "{{hearing_date}}",
    "<<Title>>",
    "[Surname]",
    "{ MERGEFIELD PropertyAddress }",
    "«Matter_No»",
]


def unmerged(c: Corpus, w: World, scale: float) -> None:
    for i in range(count(scale, 8)):
        m = w.tenancy[33 + i]
        to = m.parties["Tenant"]
        ok = t.adjournment(m, to, i)
        ph = PLACEHOLDERS[i % len(PLACEHOLDERS)]
        if i % 2:
            bad = replace(ok, salutation=f"Dear {ph}")
        else:
            bad = replace(ok, paras=ok.paras + [f"Your new hearing date will be confirmed for {ph}."])
            ok = replace(ok, paras=ok.paras + [f"Your new hearing date will be confirmed for {t.when(m)}."])
        fmt = ["docx", "pdf", "rtf", "txt"][i % 4]
        if i == 7:
            text_ok = t.notice_email(m, to)
            text_bad = text_ok.replace(to.formal, "<<Title>> <<Surname>>")
            c.pair(
                "unmerged/email-template",
                "eml",
                lambda mid, s=text_ok, to=to: build(
                    Mail(f"listings@{DOMAIN}", [to.emails[0]], f"Hearing {m.number}", s), mid
                ),
                lambda mid, s=text_bad, to=to: build(
                    Mail(f"listings@{DOMAIN}", [to.emails[0]], f"Hearing {m.number}", s), mid
                ),
                ["unmerged_field"],
                f"merged email to {to.cid}",
                f"email to {to.cid} with merge field",
            )
            continue
        c.pair(
            f"unmerged/{fmt}-letter",
            fmt,
            render(ok, fmt),
            render(bad, fmt),
            ["unmerged_field"],
            f"adjournment to {to.cid} merged",
            f"adjournment to {to.cid} with placeholder",
        )


def _corrupt(data: bytes) -> bytes:
    return data[: len(data) // 3]


def _bomb() -> bytes:
    """A small zip whose one member inflates to 1 GiB of zeros."""
    import zlib

    size = 1 << 30
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 24)
    body = b"".join(comp.compress(chunk) for _ in range(size // len(chunk))) + comp.flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    name = b"hearing_bundle.pdf"
    local = (
        b"PK\x03\x04"
        + (20).to_bytes(2, "little")
        + b"\x00\x00"
        + (8).to_bytes(2, "little")
        + b"\x00\x00\x21\x5c"
        + crc.to_bytes(4, "little")
        + len(body).to_bytes(4, "little")
        + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + b"\x00\x00"
        + name
    )
    central = (
        b"PK\x01\x02"
        + (20).to_bytes(2, "little") * 2
        + b"\x00\x00"
        + (8).to_bytes(2, "little")
        + b"\x00\x00\x21\x5c"
        + crc.to_bytes(4, "little")
        + len(body).to_bytes(4, "little")
        + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + b"\x00" * 12
        + name
    )
    end = (
        b"PK\x05\x06"
        + b"\x00" * 4
        + (1).to_bytes(2, "little") * 2
        + len(central).to_bytes(4, "little")
        + (len(local) + len(body)).to_bytes(4, "little")
        + b"\x00\x00"
    )
    return local + body + central + end


def _zip(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0)), data)
    return out.getvalue()


def unscannable(c: Corpus, w: World, scale: float) -> None:
    for i in range(count(scale, 3)):
        m = w.tenancy[5 + i]
        to = m.parties["Landlord"]
        letter = t.order(m, to, i)
        c.pair(
            "unscannable/encrypted-pdf",
            "pdf",
            to_pdf([letter]),
            to_pdf([letter], encrypt=f"{m.number[-5:]}"),
            ["unscannable_content"],
            f"order to {to.cid}",
            f"order to {to.cid}, password protected",
        )
    for i in range(count(scale, 2)):
        m = w.tenancy[9 + i]
        to = m.parties["Tenant"]
        data = to_docx(t.notice_of_hearing(m, to, i))
        c.pair(
            "unscannable/corrupt-docx",
            "docx",
            data,
            _corrupt(data),
            ["unscannable_content"],
            f"notice to {to.cid}",
            f"notice to {to.cid}, truncated file",
        )
    bomb = _bomb()
    for i in range(count(scale, 2)):
        m = w.tenancy[11 + i]
        to = m.parties["Tenant"]
        pdf = to_pdf([t.order(m, to, i)])
        atts = [
            (
                Attachment("hearing_bundle.zip", _zip("hearing_bundle.pdf", pdf), "application/zip"),
                Attachment("hearing_bundle.zip", bomb, "application/zip"),
            ),
            (
                Attachment("Order.pdf", pdf, "application/pdf"),
                Attachment("Order.pdf", to_pdf([t.order(m, to, i)], encrypt="mcat"), "application/pdf"),
            ),
        ][i % 2]
        text = f"Dear {to.formal},\n\nThe hearing bundle for {m.number} is attached."
        c.pair(
            "unscannable/attachment",
            "eml",
            lambda mid, a=atts[0]: build(
                Mail(f"registry@{DOMAIN}", [to.emails[0]], f"Bundle {m.number}", text, attachments=[a]), mid
            ),
            lambda mid, a=atts[1]: build(
                Mail(f"registry@{DOMAIN}", [to.emails[0]], f"Bundle {m.number}", text, attachments=[a]), mid
            ),
            ["unscannable_content"],
            f"bundle to {to.cid}",
            f"bundle to {to.cid} cannot be read",
        )
