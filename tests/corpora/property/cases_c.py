"""Incidents and twins: identifiers and dates, MIME parts, threads, HTML mail."""

from __future__ import annotations

import datetime as dt

from tests.corpora.property import content as ct
from tests.corpora.property import render, world
from tests.corpora.property.kit import Kit

MR, MIX, SUP, SID = (
    "mismatched_recipient",
    "mixed_client_documents",
    "suppressed_detail_exposed",
    "sensitive_identifier",
)


def _dob(iso: str, style: int) -> str:
    d = dt.date.fromisoformat(iso)
    return [d.strftime("%d/%m/%Y"), f"{d.day} {d:%B %Y}", d.isoformat()][style % 3]


def id_dob(k: Kit, i: int) -> None:
    a_id, b_id = k.w.namesakes[(i + 1) % len(k.w.namesakes)]
    a, b = k.w.c(a_id), k.w.c(b_id)
    pa = k.w.of_tenant(a_id)

    def mail(dob: str) -> render.Mail:
        return render.Mail(
            k.staff(),
            [a.email],
            "Your tenancy application",
            f"{ct.dear([a])}\n\nBefore we submit "
            f"your application for the property at {pa.address.one_line()}, please confirm the details: "
            f"{a.name}, date of birth {_dob(dob, i)}." + ct.signature(k, pa.office),
            when=i,
        )

    k.pair(
        "identifiers-dates/namesake-dob",
        ".eml",
        mail(b.dob),
        mail(a.dob),
        [MR, MIX],
        f"{a.cid} asked to confirm the date of birth of namesake {b.cid}",
        f"{a.cid} asked to confirm own details",
    )


def id_spaced_folio(k: Kit, i: int) -> None:
    (x, px), (y, _) = k.owner(), k.owner()

    def mail(folio: str) -> render.Mail:
        spaced = f"{folio[0]} {folio[1:4]} {folio[4:]}"
        return render.Mail(
            k.staff(4),
            [x.email],
            "Disbursement query",
            f"{ct.dear([x])}\n\nThe disbursement for folio "
            f"{spaced} was delayed by the public holiday and will reach your account on "
            f"{k.date(i + 1)}." + ct.signature(k, px.office),
            when=i,
        )

    k.pair(
        "identifiers-dates/spaced-reference",
        ".eml",
        mail(y.refs[0]),
        mail(x.refs[0]),
        [MR],
        f"owner {x.cid} told about folio of {y.cid}, written with spaces",
        f"owner {x.cid} about own folio",
    )


def id_bond(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(bond: str) -> render.Mail:
        form = render.pdf_text(
            "Bond claim form",
            [
                f"Bond number: {bond}",
                f"Premises: {pa.address.one_line()}",
                f"Tenant: {a.name}",
                "Amount to tenant: $1,920.00",
                "Amount to landlord: $0.00",
                "Signed for the agent: ________",
            ],
        )
        return render.Mail(
            k.staff(),
            [a.email],
            "Bond claim form to sign",
            f"Hi {a.given},\n\nPlease sign the "
            "attached claim form so we can release your bond in full." + ct.signature(k, pa.office),
            attachments=[("bond_claim.pdf", "application/pdf", form)],
            when=i,
        )

    k.pair(
        "identifiers-dates/bond-number",
        ".eml",
        mail(pb.bond),
        mail(pa.bond),
        [MR, MIX],
        f"bond claim form for {a.cid} carries bond number of {b.cid}",
        f"bond claim form for {a.cid}",
    )


def id_medicare(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    o, po = k.owner()
    mc = world.medicare(k.rng)

    def mail(ident: str) -> render.Mail:
        return render.Mail(
            k.staff(3),
            [o.email],
            f"Application for {po.address.street_line(1)}",
            f"{ct.dear([o])}\n\nWe recommend the application of {a.name}, currently renting "
            f"with us, income verified, ledger clear. Identification: {ident}.\n\nPlease reply to "
            "approve." + ct.signature(k, po.office),
            when=i,
        )

    k.pair(
        "identifiers-dates/government-id",
        ".eml",
        mail(f"Medicare card {mc}"),
        mail("Medicare card sighted"),
        [SID],
        f"applicant {a.cid}'s Medicare number sent to prospective owner {o.cid}",
        f"application summary about {a.cid} to owner {o.cid}, identity documents sighted only",
    )


def id_card(k: Kit, i: int) -> None:
    a, pa = k.tenant()
    o = k.w.c(pa.owners[0])
    card = world.luhn_card(k.rng)

    def mail(shown: str) -> render.Mail:
        return render.Mail(
            k.staff(4),
            [o.email],
            "Rent arrears cleared",
            f"{ct.dear([o])}\n\nThe tenant at "
            f"{pa.address.one_line()} cleared the arrears today by card ({shown})." + ct.signature(k, pa.office),
            when=i,
        )

    k.pair(
        "identifiers-dates/card-number",
        ".eml",
        mail(card),
        mail("card ending " + card[-4:]),
        [SID],
        f"tenant {a.cid}'s full card number sent to owner {o.cid}",
        f"owner {o.cid} told of payment, card masked",
    )


def mp_attachment(k: Kit, i: int) -> None:
    (x, _), (y, _) = k.owner(), k.owner()

    def mail(o: ct.Client) -> render.Mail:
        pdf = render.pdf_text("Owner statement", ct.statement_text(k, o, k.w.by_owner(o.cid)))
        return render.Mail(
            k.staff(4),
            [x.email],
            "Your March statement",
            f"{ct.dear([x])}\n\nYour statement is attached." + ct.signature(k, world.OFFICES[i % 4]),
            attachments=[(f"statement_{o.refs[0]}.pdf", "application/pdf", pdf)],
            when=i,
        )

    k.pair(
        "mime-parts/wrong-attachment",
        ".eml",
        mail(y),
        mail(x),
        [MR, MIX],
        f"owner {x.cid} sent the statement PDF of {y.cid}",
        f"owner {x.cid} sent own statement PDF",
    )


def mp_docx(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(t: ct.Client, p: ct.Property) -> render.Mail:
        doc = render.docx_paragraphs(
            [
                "Residential tenancy agreement - renewal",
                f"Tenant: {t.name}",
                f"Premises: {p.address.one_line()}",
                f"Tenancy: {p.tenancy}",
                f"Term: 12 months from {k.date(i + 7)}",
                f"Rent: ${p.rent} per week",
            ]
        )
        return render.Mail(
            k.staff(),
            [a.email],
            "Lease renewal to sign",
            f"Hi {a.given},\n\nYour renewal is attached for e-signing." + ct.signature(k, pa.office),
            attachments=[
                ("renewal.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc)
            ],
            when=i,
        )

    k.pair(
        "mime-parts/docx-attachment",
        ".eml",
        mail(b, pb),
        mail(a, pa),
        [MR, MIX],
        f"{a.cid} sent the lease renewal of {b.cid}",
        f"{a.cid} sent own lease renewal",
    )


def mp_ics(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(t: ct.Client, p: ct.Property) -> render.Mail:
        cal = render.ics(
            f"insp-{p.tenancy}-{i}",
            "Routine inspection",
            p.address.one_line(),
            dt.datetime(2026, 4, 1 + i % 20, 10, 0),
            f"Routine inspection, tenancy {p.tenancy}, tenant {t.name}",
            f"{world.STAFF[1][1]}@{world.INTERNAL}",
            a.email,
        )
        return render.Mail(
            k.staff(1),
            [a.email],
            "Routine inspection",
            f"Hi {a.given},\n\nPlease find the inspection appointment attached." + ct.signature(k, pa.office),
            attachments=[("inspection.ics", "text/calendar", cal)],
            when=i,
        )

    k.pair(
        "mime-parts/calendar",
        ".eml",
        mail(b, pb),
        mail(a, pa),
        [MR],
        f"{a.cid} sent the inspection invitation for {b.cid}'s home",
        f"{a.cid} sent own inspection invitation",
    )


def th_wrong_thread(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()

    def mail(t: ct.Client, p: ct.Property) -> render.Mail:
        earlier = (
            f"Hi, the dishwasher at {p.address.street_line(1)} has stopped draining. I'm home after 3pm, "
            f"call me on {t.phone}.\n{t.given} {t.family}"
        )
        return render.Mail(
            k.staff(),
            [a.email],
            "RE: Dishwasher",
            "Thanks, the plumber will come on Thursday morning." + ct.signature(k, pa.office),
            quoted=render.quote(f"{t.name} <{t.email}>", "Mon 2 Mar 2026", earlier),
            when=i,
        )

    k.pair(
        "threads/wrong-thread",
        ".eml",
        mail(b, pb),
        mail(a, pa),
        [MR],
        f"reply to {a.cid} quotes {b.cid}'s request with address and mobile",
        f"reply to {a.cid} quoting their own",
    )


def th_reply_all(k: Kit, i: int) -> None:
    v, ex, f = k.fv(i + 6)
    earlier = (
        f"Hi, I can't attend the final inspection for the old place. Please call me instead.\n{v.given}\n{v.phone}"
    )
    q = render.quote(f"{v.name} <{v.email}>", "Tue 3 Mar 2026", earlier)
    text = "Thanks, we'll call you this week." + ct.signature(k, f.old.office)
    k.pair(
        "threads/reply-all",
        ".eml",
        render.Mail(k.staff(), [v.email], "RE: Final inspection", text, cc=[ex.email], quoted=q, when=i),
        render.Mail(k.staff(), [v.email], "RE: Final inspection", text, quoted=q, when=i),
        [SUP],
        f"reply-all copies former partner {ex.cid} on {v.cid}'s message with her suppressed mobile",
        f"reply to {v.cid} alone quoting her own message",
        True,
    )


def hm_table(k: Kit, i: int) -> None:
    x, _ = k.owner()
    y, _ = k.owner()
    rows_x = ct.statement_rows(k, x, k.w.by_owner(x.cid), "May")
    rows_y = ct.statement_rows(k, y, k.w.by_owner(y.cid), "May")[1:2]

    def mail(rows: list[list[str]]) -> render.Mail:
        tr = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return render.Mail(
            k.staff(4),
            [x.email],
            "Your May statement",
            "Your May statement is below.",
            html=f"<html><body><p>{ct.dear([x])}</p><table>{tr}</table><p>Folio {x.refs[0]}</p></body></html>",
            when=i,
        )

    k.pair(
        "html-mail/statement-table",
        ".eml",
        mail(rows_x[:-1] + rows_y + rows_x[-1:]),
        mail(rows_x),
        [MIX, MR],
        f"HTML statement to {x.cid} has a row of {y.cid}'s property and tenant",
        f"HTML statement to {x.cid}",
    )


def hm_hidden(k: Kit, i: int) -> None:
    (a, pa), (b, pb) = k.tenant(), k.tenant()
    hidden = (
        f"<div style='display:none'>merge preview: {b.name}, {pb.address.one_line()}, {pb.tenancy}, {b.phone}</div>"
    )
    body = (
        f"<p>Hi {a.given},</p><p>Your routine inspection at {pa.address.street_line(1)} is on {k.date(i + 4)}."
        "</p><p>Harbourline Property Management</p>"
    )
    k.pair(
        "html-mail/hidden-text",
        ".eml",
        render.Mail(k.staff(), [a.email], "Inspection reminder", "Inspection reminder.", html=body + hidden, when=i),
        render.Mail(k.staff(), [a.email], "Inspection reminder", "Inspection reminder.", html=body, when=i),
        [MR, MIX],
        f"hidden HTML block in mail to {a.cid} holds {b.cid}'s details",
        f"HTML inspection reminder to {a.cid}",
    )


CASES = [
    (id_dob, 2),
    (id_spaced_folio, 2),
    (id_bond, 2),
    (id_medicare, 2),
    (id_card, 2),
    (mp_attachment, 3),
    (mp_docx, 2),
    (mp_ics, 2),
    (th_wrong_thread, 3),
    (th_reply_all, 3),
    (hm_table, 2),
    (hm_hidden, 2),
]
