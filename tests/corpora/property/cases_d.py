"""Incidents and twins: bulk client data, unmerged fields, unscannable parts, merged PDFs given to `dlp scan`."""

from __future__ import annotations

import csv
import io

from tests.corpora.property import content as ct
from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit

MR, MIX, BULK = "mismatched_recipient", "mixed_client_documents", "bulk_client_data"
UM, UNS = "unmerged_field", "unscannable_content"


def _arrears_csv(k: Kit, props: list[ct.Property]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Tenancy", "Tenant", "Mobile", "Property", "Days in arrears", "Owing"])
    for p in props:
        for t in ct.tenants(k, p)[:1]:
            w.writerow([p.tenancy, t.name, t.phone, p.address.one_line(), (len(p.tenancy) * 3) % 20 + 1, p.rent])
    return out.getvalue().encode()


def bulk_arrears(k: Kit, i: int) -> None:
    props = [p for p in k.w.properties[12:] if ct.tenants(k, p) and not k.w.c(p.tenants[0]).suppressed][
        i * 7 : i * 7 + 32
    ]
    data = _arrears_csv(k, props)

    def mail(to: str) -> render.Mail:
        return render.Mail(
            k.staff(4),
            [to],
            "Arrears report - week 9",
            "Arrears report attached.",
            attachments=[("arrears.csv", "text/csv", data)],
            when=i,
        )

    k.pair(
        "bulk/arrears-report",
        ".eml",
        mail(f"riya.d.home{i}@inboxmail.example"),
        mail(f"{world.STAFF[0][1]}@{world.INTERNAL}"),
        [BULK, MR],
        "arrears report of 32 tenants sent to a staff member's personal mailbox",
        "arrears report of 32 tenants to the senior property manager (internal)",
    )


def bulk_block_owner(k: Kit, i: int) -> None:
    o = k.w.c(k.w.block_owner)
    own = k.w.by_owner(o.cid)
    others = [p for p in k.w.properties[12:60] if ct.tenants(k, p) and not k.w.c(p.tenants[0]).suppressed][:26]

    def mail(props: list[ct.Property]) -> render.Mail:
        return render.Mail(
            k.staff(4),
            [o.email],
            "Arrears summary for your units",
            f"{ct.dear([o])}\n\nThe arrears summary for your building is attached.",
            attachments=[("arrears.csv", "text/csv", _arrears_csv(k, props))],
            when=i,
        )

    k.pair(
        "bulk/owner-arrears",
        ".eml",
        mail(own + others),
        mail(own),
        [BULK, MR],
        f"owner {o.cid} sent the agency-wide arrears list (34 tenants)",
        f"owner {o.cid} sent arrears for the eight units he owns (one block)",
    )


def um_guillemet(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    good = ct.entry_notice(k, pa, [a], i)
    bad = ct.entry_notice(k, pa, [a], i)
    bad.paras[0] = "Dear «Title» «Surname»,"
    k.pair(
        "unmerged/guillemets",
        ".pdf",
        bad,
        good,
        [UM],
        f"entry notice to {a.cid} with an unmerged salutation",
        f"entry notice to {a.cid}",
    )


def um_curly(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    body = "your rent for {{property_address}} increases to ${{new_rent}} per week from " + k.date(i + 20) + "."
    k.pair(
        "unmerged/curly-braces",
        ".eml",
        render.Mail(
            k.staff(), [a.email], "Rent review", f"Dear {a.given},\n\nFollowing the annual review " + body, when=i
        ),
        render.Mail(
            k.staff(),
            [a.email],
            "Rent review",
            f"Dear {a.given},\n\nFollowing the annual review your rent "
            f"for {pa.address.street_line(1)} increases to ${pa.rent + 20} per week from {k.date(i + 20)}.",
            when=i,
        ),
        [UM],
        f"rent review to {a.cid} with unmerged fields",
        f"rent review to {a.cid}",
    )


def um_bracket(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    good = ct.arrears(k, pa, [a], i)
    bad = ct.arrears(k, pa, [a], i)
    bad.paras[0] = "Dear [Title] [Surname],"
    k.pair(
        "unmerged/square-brackets",
        ".docx",
        bad,
        good,
        [UM],
        f"arrears letter to {a.cid} with [Surname] left in",
        f"arrears letter to {a.cid}",
    )


def us_encrypted(k: Kit, i: int) -> None:
    x, _ = k.owner()
    le = ct.owner_statement(k, x, k.w.by_owner(x.cid), i)

    def mail(pw: str | None) -> render.Mail:
        return render.Mail(
            k.staff(4),
            [x.email],
            "Your statement",
            f"{ct.dear([x])}\n\nYour statement is attached" + (" (password: your folio number)." if pw else "."),
            attachments=[("statement.pdf", "application/pdf", render.pdf_letters([le], pw))],
            when=i,
        )

    k.pair(
        "unscannable/encrypted-pdf",
        ".eml",
        mail(x.refs[0]),
        mail(None),
        [UNS],
        f"password-protected statement to {x.cid}: cannot be checked",
        f"open statement to {x.cid}",
    )


def us_corrupt(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    le = ct.entry_notice(k, pa, [a], i)
    good = render.docx_letter(le)

    def mail(doc: bytes) -> render.Mail:
        return render.Mail(
            k.staff(),
            [a.email],
            "Entry notice",
            f"Hi {a.given}, notice attached.",
            attachments=[
                ("entry_notice.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc)
            ],
            when=i,
        )

    k.pair(
        "unscannable/corrupt-docx",
        ".eml",
        mail(good[: len(good) // 3]),
        mail(good),
        [UNS],
        f"truncated DOCX to {a.cid}",
        f"entry notice DOCX to {a.cid}",
    )


def us_corrupt_pdf(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    good = render.pdf_letters([ct.entry_notice(k, pa, [a], i)])
    k.pair(
        "unscannable/damaged-letter",
        ".pdf",
        good[:700] + b"\x00" * 64,
        good,
        [UNS],
        f"damaged PDF letter to {a.cid} in the pre-send folder",
        f"entry notice to {a.cid}",
    )


def mm_merged(k: Kit, i: int) -> None:
    picks = [k.tenant() for _ in range(5)]
    letters = [ct.entry_notice(k, p, [t], i) for t, p in picks]
    bad_letters = [ct.entry_notice(k, p, [t], i) for t, p in picks]
    bad_letters[3].paras[1] = letters[4].paras[1]
    bad_letters[3].refs = letters[4].refs
    a, b = (
        k.item(
            "mail-merge/merged-pdf",
            ".pdf",
            render.pdf_letters(bad_letters),
            f"letter 4 addressed to {picks[3][0].cid} carries the premises and tenancy of {picks[4][0].cid}",
        ),
        k.item("mail-merge/merged-pdf", ".pdf", render.pdf_letters(letters), "five entry notices, each its own"),
    )
    a.pop("expect")
    b.pop("expect")
    a["letters"] = [{"expect": "allow"}] * 3 + [{"expect": "block", "rules": [MIX, MR]}, {"expect": "allow"}]
    b["letters"] = [{"expect": "allow"}] * 5
    a["twin"], b["twin"] = b["id"], a["id"]
    for x in (a, b):
        x["note"] = x.pop("note")


CASES = [
    (bulk_arrears, 2),
    (bulk_block_owner, 1),
    (um_guillemet, 2),
    (um_curly, 2),
    (um_bracket, 1),
    (us_encrypted, 2),
    (us_corrupt, 1),
    (us_corrupt_pdf, 1),
    (mm_merged, 2),
]
