"""Letter scenarios: address-block, unmerged, unscannable (letters and letters attached to mail)."""
# ruff: noqa: E731, B023  -- small per-iteration templates, always called within the iteration

from __future__ import annotations

import datetime as dt
import zlib

from .common import DOM, Book, eml, make_zip, staff
from .letters import addr_lines, block_for, make_letter, pdf_bytes, render, salute_name
from .registry import Registry

FMTS = ["pdf-window", "docx-table", "pdf-right", "txt", "docx-frame", "rtf", "html", "docx-textbox"]
KINDS = ["demand", "arrangement", "hardship", "statement", "credit"]


def address_block(b: Book, r: Registry) -> None:
    rng = r.rng
    used: set[str] = set()
    d0 = dt.date(2026, 3, 3)
    for i in range(12):
        fmt = FMTS[i % len(FMTS)]
        kind = KINDS[i % len(KINDS)]
        d = d0 + dt.timedelta(days=i)
        cat = f"address-block/{fmt}"
        t = i % 5
        if t == 0:  # wrong debtor: units in one building, or any other debtor
            if i < 10:
                a, o = r.building[i % 4], r.building[(i % 4) + 4]
            else:
                a, o = r.pick(avoid=used), r.pick(avoid=used)
            good = make_letter(kind, a, a, i, d, i)
            bad = make_letter(kind, a, o, i, d, i)
            note_b = f"letter about {a.cid} addressed to {o.cid}"
            rules, sup = ["mismatched_recipient", "mixed_client_documents"], False
        elif t == 1:  # same name, different person
            a, o = r.twins[i % len(r.twins)]
            good = make_letter(kind, a, a, i, d, i)
            bad = make_letter(kind, a, o, i, d, i)
            note_b = f"name twin: letter about {a.cid} printed with address of {o.cid}"
            rules, sup = ["mismatched_recipient"], False
        elif t == 2:  # joint letter to co-debtor copying the victim at her suppressed new address
            v = r.fv[i % len(r.fv)]
            p = r.by_id[v.joint[0]]
            good = make_letter(kind, p, p, i, d, i)
            good.signoff = good.signoff + ["", f"cc: {salute_name(v, 0)} (joint account holder, by separate letter)"]
            bad = make_letter(kind, p, p, i, d, i)
            bad.signoff = bad.signoff + ["", f"cc: {salute_name(v, 0)}, " + ", ".join(addr_lines(v, i))]
            a, o = p, v
            note_b = f"letter to joint holder {p.cid} shows suppressed address of {v.cid} in cc"
            rules, sup = ["suppressed_detail_exposed"], True
        elif t == 3:  # suppressed address used as delivery address for the co-debtor
            v = r.fv[(i + 3) % len(r.fv)]
            p = r.by_id[v.joint[0]]
            good = make_letter(kind, v, v, i, d, i)
            bad = make_letter(kind, v, p, i, d, i, to_lines=[salute_name(p, i)] + addr_lines(v, i))
            bad.salutation = f"Dear {p.given},"
            a, o = v, p
            note_b = f"joint-account letter for {p.cid} delivered to suppressed address of {v.cid}"
            rules, sup = ["suppressed_detail_exposed", "mismatched_recipient"], True
        else:  # deceased estate, c/- the executor; incident: other estate's account
            (dd, ex), (d2, _) = r.estates[i % 4], r.estates[(i % 4) + 4]
            lines = [f"Estate of the late {dd.given} {dd.family}", f"c/- {salute_name(ex, 0)} (Executor)"]
            good = make_letter("estate", dd, dd, i, d, i, to_lines=lines + addr_lines(ex, i))
            bad = make_letter("estate", d2, dd, i, d, i, to_lines=lines + addr_lines(ex, i))
            a, o = dd, d2
            note_b = f"estate letter to executor of {dd.cid} carries account of deceased {d2.cid}"
            rules, sup = ["mismatched_recipient", "mixed_client_documents"], False
        ext, data = render(good, fmt)
        ext2, data2 = render(bad, fmt)
        b.pair(
            (ext, data, cat, f"letter for {a.cid} to the client or authorised contact"),
            (ext2, data2, cat, rules, sup, note_b),
        )
    # PO boxes, locked bags and care-of addresses
    for j, fmt in enumerate(["pdf-window", "docx-frame", "txt"]):
        a, o = r.po_clients[j], r.po_clients[j + 3]
        good = make_letter("demand", a, a, 30 + j, d0, j)
        bad = make_letter("demand", o, a, 30 + j, d0, j)
        cat = f"address-block/po-box-{fmt}"
        e1, d1 = render(good, fmt)
        e2, d2 = render(bad, fmt)
        b.pair(
            (e1, d1, cat, f"letter to {a.cid} at a PO box / care-of address"),
            (
                e2,
                d2,
                cat,
                ["mismatched_recipient", "mixed_client_documents"],
                False,
                f"letter addressed to {a.cid} carries account of {o.cid}",
            ),
        )
    # one merged print file given to scan: five letters, the fourth for the wrong debtor
    people = [r.pick(avoid=used) for _ in range(6)]
    good = [make_letter("demand", c, c, 40 + k, d0, k) for k, c in enumerate(people[:5])]
    bad = list(good)
    bad[3] = make_letter("demand", people[5], people[3], 43, d0, 3)
    a = b.add(
        "pdf",
        pdf_bytes(good),
        "address-block/merged-print-file",
        letters=[{"expect": "allow"}] * 5,
        note="five demand letters, each to its own debtor",
    )
    z = b.add(
        "pdf",
        pdf_bytes(bad),
        "address-block/merged-print-file",
        letters=[{"expect": "allow"}] * 3
        + [{"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]}, {"expect": "allow"}],
        note=f"letter 4 addressed to {people[3].cid} carries account of {people[5].cid}",
    )
    b.labels[-2]["twin"], b.labels[-1]["twin"] = z, a
    _ = rng


MERGE_TOKENS = ["«FirstName»", "{{account_number}}", "<<Title>> <<Surname>>", "[Surname]"]


def unmerged(b: Book, r: Registry) -> None:
    used: set[str] = set()
    d = dt.date(2026, 3, 9)
    for i in range(5):
        c = r.pick(avoid=used)
        fmt = ["docx-table", "pdf-window", "txt", "html", "docx-frame"][i]
        good = make_letter(KINDS[i], c, c, 60 + i, d, i)
        bad = make_letter(KINDS[i], c, c, 60 + i, d, i)
        if i == 0:
            bad.salutation = "Dear «FirstName»,"
        elif i == 1:
            bad.paras = [bad.paras[0].replace("account", "account {{account_number}}", 1)] + bad.paras[1:]
        elif i == 2:
            bad.to_lines = ["<<Title>> <<Surname>>"] + bad.to_lines[1:]
        elif i == 3:
            bad.salutation = f"Dear {c.given} [Surname],"
        else:
            bad.paras = bad.paras + ["Your case manager is MERGEFIELD CaseManager and can be reached directly."]
        cat = f"unmerged/{fmt}"
        e1, d1 = render(good, fmt)
        e2, d2 = render(bad, fmt)
        b.pair(
            (e1, d1, cat, f"fully merged letter to {c.cid}"),
            (e2, d2, cat, ["unmerged_field"], False, f"letter to {c.cid} with a surviving merge field"),
        )
    # an SMS-style email with an unmerged token
    c = r.pick(avoid=used)
    to = c.emails[0]
    good = eml(
        staff(4),
        to,
        "Payment reminder",
        f"Hi {c.given}, a reminder your instalment of $60.00 is due "
        f"Friday. Ref {c.kr}. Kestrel Recoveries 1300 537 835",
        k=70,
    )
    bad = eml(
        staff(4),
        to,
        "Payment reminder",
        f"Hi {{{{first_name}}}}, a reminder your instalment of $60.00 is "
        f"due Friday. Ref {c.kr}. Kestrel Recoveries 1300 537 835",
        k=70,
    )
    b.pair(
        ("eml", good, "unmerged/sms-email", f"SMS-style reminder to {c.cid}"),
        ("eml", bad, "unmerged/sms-email", ["unmerged_field"], False, f"reminder to {c.cid}, unmerged name"),
    )


def _encrypted_docx() -> bytes:
    # an Office "Agile" encrypted package is an OLE compound file, not a zip
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    body = "EncryptionInfo\x00EncryptedPackage\x00".encode("utf-16-le")
    return head + b"\x00" * 40 + body + bytes(range(256)) * 24


def _bomb() -> bytes:
    ten_mb = b"\x00" * (10 * 1024 * 1024)
    inner = make_zip([(f"statement_{k:02d}.txt", ten_mb) for k in range(10)])
    return make_zip([(f"batch_{k:02d}.zip", inner) for k in range(12)])


def unscannable(b: Book, r: Registry) -> None:
    used: set[str] = set()
    d = dt.date(2026, 3, 10)
    cs = [r.pick(avoid=used) for _ in range(5)]
    bomb = _bomb()
    for i, c in enumerate(cs):
        lt = make_letter("statement", c, c, 80 + i, d, i)
        plain = pdf_bytes([lt])
        text = (
            f"Dear {c.given},\n\nPlease find attached your statement of account ({c.kr}).\n\n"
            f"Kind regards\nAccounts\n{DOM}\n"
        )
        if i == 0:
            good_att = ("statement.pdf", "application/pdf", plain)
            bad_att = ("statement.pdf", "application/pdf", pdf_bytes([lt], password=c.dob.replace("-", "")))
            text_b = text + "\nThe PDF is protected: the password is your date of birth (DDMMYYYY).\n"
            v = "encrypted-pdf"
        elif i == 1:
            good_att = ("statement.pdf", "application/pdf", plain)
            bad_att = ("statement.pdf", "application/pdf", plain[: len(plain) // 3])
            text_b, v = text, "truncated-pdf"
        elif i == 2:
            good_att = (
                "Statement.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                render(lt, "docx-table")[1],
            )
            bad_att = (good_att[0], good_att[1], _encrypted_docx())
            text_b, v = text, "encrypted-docx"
        elif i == 3:
            good_att = ("statements.zip", "application/zip", make_zip([("statement.pdf", plain)]))
            bad_att = ("statements.zip", "application/zip", bomb)
            text_b, v = text, "archive-bomb"
        else:
            good_att = ("statement.pdf", "application/pdf", plain)
            bad_att = ("statement.pdf", "application/pdf", b"%PDF-1.7\n" + zlib.compress(plain)[:900])
            text_b, v = text, "garbled-pdf"
        cat = f"unscannable/{v}"
        g = eml(staff(i), c.emails[0], f"Your statement {c.kr}", text, k=90 + i, attachments=[good_att])
        x = eml(staff(i), c.emails[0], f"Your statement {c.kr}", text_b, k=90 + i, attachments=[bad_att])
        b.pair(
            ("eml", g, cat, f"readable statement to {c.cid}"),
            ("eml", x, cat, ["unscannable_content"], False, f"unreadable attachment to {c.cid}"),
        )
    _ = block_for
