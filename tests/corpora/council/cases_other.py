"""Areas html-mail, bulk, unmerged, unscannable."""

from __future__ import annotations

import csv
import io
import zipfile

from . import content as ct
from .corpus import AGENCY, STAFF, VG, Corpus, addr_to, has_email, plain
from .formats import docx_bytes, html_letter, pdf_bytes

MR = ["mismatched_recipient", "mixed_client_documents"]


def html_mail(k: Corpus) -> None:
    r = k.r
    for n in range(5):
        a = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
        b = k.pick(lambda c: plain(c) and "rates" in c.refs, exclude=(a.cid,))
        v = k.reg.silent()[n % len(k.reg.silent())]
        var = ["css-grid-letter", "table-layout", "hidden-div", "newsletter-personalised", "image-alt"][n]
        cat = f"html-mail/{var}"
        rules, sup = MR, False
        if var in ("css-grid-letter", "table-layout"):
            good = html_letter(ct.rates_notice(a, r, 3), css_grid=n == 0)
            bad = html_letter(ct.rates_notice(b, r, 3), css_grid=n == 0)
            note = f"HTML notice for {b.cid} emailed to {a.cid}"
        elif var == "hidden-div":
            base = f"<html><body><p>Dear {a.given},</p><p>Your notice for assessment {a.ref('rates')} is attached.</p>"
            good = base + "<div style='display:none'>preheader: your notice is ready</div></body></html>"
            bad = base + (
                f"<div style='display:none'>internal: cf. {b.given} {b.family}, assessment "
                f"{b.ref('rates')}, {b.addr.one_line()}</div></body></html>"
            )
            note = f"hidden block with {b.cid}'s details in mail to {a.cid}"
        elif var == "newsletter-personalised":
            tpl = (
                "<html><head><style>.card{{border:1px solid #ccc;padding:8px}}</style></head><body>"
                "<h1>Wirrabara Shire News - Autumn 2026</h1><div class='card'><p>Hello {g},</p><p>Your property at "
                "{p} is in the hard-waste collection zone 3 (week of 20 April).</p></div>"
                "<p>Library hours, the Kooranga pool reopening and the Budget consultation inside.</p>"
                "<p><a href='https://wirrabara.vic.gov.example/unsubscribe'>Unsubscribe</a></p></body></html>"
            )
            good = tpl.format(g=a.given, p=a.addr.one_line())
            bad = tpl.format(g=a.given, p=v.addr.one_line())
            rules, sup, note = ["suppressed_detail_exposed"], True, f"newsletter to {a.cid} shows {v.cid}'s address"
        else:
            img = "<img src='https://wirrabara.vic.gov.example/img/map.png' alt='Map of {}'>"
            head = f"<html><body><p>Dear {a.given}, your kerbside bin collection map:</p>"
            good = head + img.format(a.addr.one_line()) + "</body></html>"
            bad = head + img.format(v.addr.one_line()) + "</body></html>"
            rules, sup, note = ["suppressed_detail_exposed"], True, f"img alt with {v.cid}'s address to {a.cid}"
        text = "This message is best viewed in HTML.\n"
        cte = "base64" if n % 2 else "quoted-printable"
        i1 = k.mail(
            STAFF["comms"],
            addr_to(a),
            "Wirrabara Shire Council",
            text,
            cat,
            html_body=good,
            cte=cte,
            note=f"HTML mail to {a.cid} with own details",
        )
        i2 = k.mail(
            STAFF["comms"],
            addr_to(a),
            "Wirrabara Shire Council",
            text,
            cat,
            "block",
            rules,
            sup,
            html_body=bad,
            cte=cte,
            note=note,
        )
        k.twin(i1, i2)


def extract(clients, cols=("assessment", "name", "postal_address", "arrears")) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for c in clients:
        w.writerow([c.ref("rates"), c.name, c.addr.one_line(), "1,204.55"])
    return buf.getvalue().encode("utf-8")


def bulk(k: Corpus) -> None:
    pool = [c for c in k.reg.clients if plain(c) and "rates" in c.refs]
    # many ratepayers to an outside address vs to an internal colleague
    for n in range(3):
        many = k.r.sample(pool, 45 + 10 * n)
        att = [(f"arrears-extract-{n}.csv", extract(many))]
        cat = "bulk/" + ["csv-extract", "csv-extract-personal-mail", "pasted-table"][n]
        text = "Hi,\n\nArrears list as discussed.\n\nRob\n"
        if n == 2:
            text += "\n" + extract(many).decode()
            att = []
        i1 = k.mail(
            STAFF["rob"],
            f"revenue.team@{'wirrabara.vic.gov.example'}",
            "Arrears list",
            text,
            cat,
            attachments=att,
            note=f"{len(many)} ratepayer rows to internal revenue team",
        )
        to = ["r.oloughlin.home@gmail.example", "admin@rates-consulting.example", "rob.ol@outlook.example"][n]
        i2 = k.mail(
            STAFF["rob"],
            to,
            "Arrears list",
            text,
            cat,
            "block",
            ["bulk_client_data", "mismatched_recipient"],
            attachments=att,
            note=f"{len(many)} ratepayer rows to an outside address",
        )
        k.twin(i1, i2)
    # legit: a small referral batch to the approved agency, supplementary valuations to the valuer-general
    few = k.r.sample(pool, 3)
    k.mail(
        STAFF["rob"],
        AGENCY,
        "Referrals March",
        "Three referrals attached.\n",
        "bulk/small-referral-batch",
        attachments=[("referrals.csv", extract(few))],
        note="3 rows to approved collection agency",
    )
    rows = "\n".join(f"{c.ref('rates')}, supplementary valuation 1 Jan 2026" for c in k.r.sample(pool, 4))
    k.mail(
        STAFF["rob"],
        VG,
        "Supplementary valuations",
        rows + "\n",
        "bulk/valuer-general-return",
        note="4 assessments to approved valuer-general",
    )


def unmerged(k: Corpus) -> None:
    r = k.r
    marks = [
        ("guillemets", "«FirstName» «Surname»"),
        ("braces", "{{given_name}}"),
        ("angle", "<<Title>> <<Surname>>"),
        ("square", "[Surname]"),
        ("mergefield", "MERGEFIELD Assessment_No"),
    ]
    for n, (var, mark) in enumerate(marks):
        a = k.pick(lambda c: plain(c) and "rates" in c.refs)
        good = ct.rates_reminder(a, r, 1)
        bad = ct.rates_reminder(a, r, 1)
        good.body.insert(0, f"Dear {a.title} {a.family},")
        bad.body.insert(0, f"Dear {mark},")
        fmt = ("docx", "pdf", "rtf", "txt", "docx")[n]
        cat = f"unmerged/{var}"
        i1 = k.letter(good, fmt, cat, note=f"merged reminder for {a.cid}")
        i2 = k.letter(bad, fmt, cat, "block", ["unmerged_field"], note=f"reminder for {a.cid} with unmerged field")
        k.twin(i1, i2)


def ole_header() -> bytes:
    """An encrypted OOXML file is a CFB container; this is a minimal one the way Office writes it."""
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return (hdr + b"\x06\x00" + b"\x00" * 470).ljust(512, b"\x00") + b"EncryptionInfo\x00StrongEncryptionDataSpace" * 40


def unscannable(k: Corpus) -> None:
    r = k.r
    a = k.pick(lambda c: plain(c) and "rates" in c.refs)
    L = ct.rates_notice(a, r, 4)
    cat = "unscannable/encrypted-pdf"
    i1 = k.raw(pdf_bytes([L]), "pdf", cat, note=f"plain notice for {a.cid}")
    i2 = k.raw(
        pdf_bytes([L], encrypt="wsc2026"),
        "pdf",
        cat,
        "block",
        ["unscannable_content"],
        note=f"password-protected notice for {a.cid}",
    )
    k.twin(i1, i2)
    b = k.pick(lambda c: plain(c) and has_email(c) and "rates" in c.refs)
    Lb = ct.rates_notice(b, r, 2)
    good = pdf_bytes([Lb])
    bad = good[: len(good) // 3]
    cat = "unscannable/corrupt-attachment"
    t = f"Dear {b.given},\n\nYour notice is attached.\n"
    i1 = k.mail(
        STAFF["rates"],
        addr_to(b),
        "Rates notice",
        t,
        cat,
        attachments=[("notice.pdf", good)],
        note=f"notice for {b.cid}",
    )
    i2 = k.mail(
        STAFF["rates"],
        addr_to(b),
        "Rates notice",
        t,
        cat,
        "block",
        ["unscannable_content"],
        attachments=[("notice.pdf", bad)],
        note=f"truncated notice PDF for {b.cid}",
    )
    k.twin(i1, i2)
    c = k.pick(lambda c: plain(c) and has_email(c) and "homecare" in c.refs)
    cat = "unscannable/encrypted-docx"
    t = f"Dear {c.given},\n\nYour care plan is attached.\n"
    i1 = k.mail(
        STAFF["homecare"],
        addr_to(c),
        "Care plan",
        t,
        cat,
        attachments=[("careplan.docx", docx_bytes(ct.homecare_letter(c, r, 1)))],
        note=f"care plan {c.cid}",
    )
    i2 = k.mail(
        STAFF["homecare"],
        addr_to(c),
        "Care plan",
        t,
        cat,
        "block",
        ["unscannable_content"],
        attachments=[("careplan.docx", ole_header())],
        note=f"encrypted care plan for {c.cid}",
    )
    k.twin(i1, i2)
    cat = "unscannable/archive-bomb"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        zi = zipfile.ZipInfo("scans/photos.tif", date_time=(2026, 3, 2, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, b"\x00" * (200 * 1024 * 1024))
    small = _small_zip()
    t = "Hi,\n\nThe site photos for the drainage complaint are attached.\n"
    i1 = k.mail(
        STAFF["ana"],
        "claims@murray-insure.example",
        "Site photos",
        t,
        cat,
        attachments=[("photos.zip", small)],
        note="ordinary zip of site photos, no client data",
    )
    i2 = k.mail(
        STAFF["ana"],
        "claims@murray-insure.example",
        "Site photos",
        t,
        cat,
        "block",
        ["unscannable_content"],
        attachments=[("photos.zip", buf.getvalue())],
        note="zip expanding to 200 MB",
    )
    k.twin(i1, i2)


def _small_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            zipfile.ZipInfo("photos/readme.txt", date_time=(2026, 3, 2, 9, 0, 0)),
            b"Photos of the blocked drain at the High Street reserve, taken 20 Feb 2026.\n",
        )
    return buf.getvalue()
