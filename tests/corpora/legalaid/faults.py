"""Areas: unmerged (placeholders and look-alikes) and unscannable (encrypted, corrupt, password zip)."""

from __future__ import annotations

import dataclasses
import io
import random
import struct
import zipfile
import zlib

from . import render
from .common import Corpus
from .letters import client_letter, emit, pick
from .mail import frm, staff
from .registry import Registry

_CRC = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _CRC.append(_c)


def _crc_byte(crc: int, b: int) -> int:
    return (crc >> 8) ^ _CRC[(crc ^ b) & 0xFF]


def zip_encrypted(name: str, data: bytes, password: bytes, rng: random.Random) -> bytes:
    """A one-file ZIP with traditional PKWARE (ZipCrypto) encryption, stored."""
    k = [0x12345678, 0x23456789, 0x34567890]

    def upd(b: int) -> None:
        k[0] = _crc_byte(k[0], b)
        k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k[2] = _crc_byte(k[2], k[1] >> 24)

    def enc(b: int) -> int:
        t = (k[2] | 2) & 0xFFFF
        c = b ^ (((t * (t ^ 1)) >> 8) & 0xFF)
        upd(b)
        return c

    for b in password:
        upd(b)
    crc = zlib.crc32(data) & 0xFFFFFFFF
    header = bytes(rng.randint(0, 255) for _ in range(11)) + bytes([crc >> 24])
    body = bytes(enc(b) for b in header + data)
    fn = name.encode()
    dostime, dosdate = (9 << 11), ((2026 - 1980) << 9) | (3 << 5) | 2
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 1, 0, dostime, dosdate, crc, len(body), len(data), len(fn), 0)
        + fn
        + body
    )
    central = (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            1,
            0,
            dostime,
            dosdate,
            crc,
            len(body),
            len(data),
            len(fn),
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + fn
    )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


def zip_plain(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        zi = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0))
        z.writestr(zi, data)
    return out.getvalue()


def unmerged(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    forms = [
        ("pdf", "«FirstName»"),
        ("eml", "{{surname}}"),
        ("txt", "[CLIENT NAME]"),
        ("rtf", "<<Title>>"),
        ("docx", "MERGEFIELD"),
        ("html", "[Surname]"),
        ("eml", "«Hearing_Date»"),
    ]
    for k in range(cp.n(7)):
        fmt, ph = forms[k % len(forms)]
        c = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        L = client_letter(c, random.Random(k), k)
        if fmt == "eml":
            lw = staff(k)
            good = f"Dear {c.given},\n\nThis is a reminder of your appointment on Tuesday at 10 am.\n\n{lw[0]}"
            if ph == "{{surname}}":
                bad = good.replace(f"Dear {c.given}", f"Dear {c.title} {{{{surname}}}}")
                good = good.replace(f"Dear {c.given}", f"Dear {c.title} {c.family}")
            else:
                bad = good.replace("on Tuesday", "on «Hearing_Date»")
            cp.pair(
                "unmerged/placeholder-in-email",
                "eml",
                mailer.mail(frm(lw), [c.emails[0]], "Reminder", bad),
                mailer.mail(frm(lw), [c.emails[0]], "Reminder", good),
                ["unmerged_field"],
                f"placeholder {ph} left in mail to {c.client_id}",
                f"merged mail to {c.client_id}",
            )
            continue
        if fmt == "docx":
            bad = render.docx_letter(L, mergefield="Title")
            good = render.docx_letter(L)
            ext = "docx"
        else:
            if ph == "«FirstName»":
                bl = dataclasses.replace(L, salutation=f"Dear {ph}")
            elif ph == "[CLIENT NAME]":
                bl = dataclasses.replace(L, addr=[ph] + L.addr[1:])
            elif ph == "<<Title>>":
                bl = dataclasses.replace(L, salutation=f"Dear {ph} {c.family}")
            else:
                bl = dataclasses.replace(L, salutation=f"Dear {c.title} {ph}")
            ext, bad = emit(bl, fmt)
            _, good = emit(L, fmt)
        cp.pair(
            f"unmerged/placeholder-{ext}",
            ext,
            bad,
            good,
            ["unmerged_field"],
            f"placeholder {ph} left in the letter to {c.client_id}",
            f"merged letter to {c.client_id}",
        )
    # look-alikes: case citations, [sic], square-bracketed editorial text
    cites = [
        "In Kellow & Kellow [2025] FedCFamC2F 118 the Court held that a change of school is a major long-term issue.",
        "The relevant test is set out in Rice & Asplund [1979] FamCA 84.",
        "The tenant wrote that the heater 'has never worked [sic]' since the lease began.",
    ]
    for k in range(cp.n(3)):
        c = pick(rng, reg, lambda c: not c.suppressed, avoid)
        L = client_letter(c, random.Random(100 + k), k)
        L = dataclasses.replace(L, paras=L.paras + [cites[k % len(cites)]])
        ext, data = emit(L, ["pdf", "txt", "docx"][k % 3])
        cp.allow("unmerged/bracket-lookalike", ext, data, f"letter to {c.client_id} with a case citation or [sic]")


def unscannable(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(4)):
        c = pick(rng, reg, lambda c: bool(c.emails) and not c.suppressed, avoid)
        lw = staff(k)
        lines = [
            f"Client: {c.given} {c.family}",
            f"File: {c.ref}",
            "Statement of financial circumstances",
            "Income: Centrelink Parenting Payment",
            "Rent: $420 per fortnight",
        ]
        plain = render.pdf_text("Financial statement", lines)
        kind = ["encrypted-pdf", "corrupt-pdf", "encrypted-zip", "encrypted-pdf-letter"][k % 4]
        txt = f"Dear {c.given},\n\nYour statement is attached. The password is sent separately by SMS.\n\n{lw[0]}"
        if kind == "encrypted-pdf":
            bad_att = ("statement.pdf", "application/pdf", render.pdf_text("Financial statement", lines, True))
            good_att = ("statement.pdf", "application/pdf", plain)
        elif kind == "corrupt-pdf":
            bad_att = ("statement.pdf", "application/pdf", plain[: len(plain) // 3] + b"\x00\x17garbage")
            good_att = ("statement.pdf", "application/pdf", plain)
        elif kind == "encrypted-zip":
            bad_att = ("statement.zip", "application/zip", zip_encrypted("statement.pdf", plain, b"Ironbark26", rng))
            good_att = ("statement.zip", "application/zip", zip_plain("statement.pdf", plain))
        else:
            L = client_letter(c, random.Random(k), k)
            enc = render.pdf_text("Letter", L.addr + [""] + L.paras, encrypt=True)
            cp.pair(
                "unscannable/encrypted-pdf-letter",
                "pdf",
                enc,
                render.pdf_text("Letter", L.addr + [""] + L.paras),
                ["unscannable_content"],
                f"encrypted letter file for {c.client_id}",
                f"same letter to {c.client_id} unencrypted",
            )
            continue
        cp.pair(
            f"unscannable/{kind}",
            "eml",
            mailer.mail(frm(lw), [c.emails[0]], "Your statement", txt, attachments=[bad_att]),
            mailer.mail(frm(lw), [c.emails[0]], "Your statement", txt, attachments=[good_att]),
            ["unscannable_content"],
            f"{kind} attachment in mail to {c.client_id}",
            f"readable attachment in mail to {c.client_id}",
        )
