"""Mail scenarios: recipient-own-details, relationships, headers-links, mime-parts."""
# ruff: noqa: E731, B023  -- small per-iteration templates, always called within the iteration

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from .common import DOM, Book, eml, parse, staff
from .letters import addr_lines, date_str, dob_str, make_letter, pdf_bytes, render
from .registry import PRINCIPALS, Client, Registry

SIG = (
    "\n--\n{who}\nKestrel Recoveries Pty Ltd | ABN 41 608 552 193\nT 1300 537 835 | F (03) 9614 7702\n"
    "Level 9, 470 Collins Street, Melbourne VIC 3000\n"
)


def sig(k: int) -> str:
    return SIG.format(
        who=[
            "Tom Brennan, Senior Collector",
            "Kim Wu, Hardship Team",
            "Samira Abdi, Case Manager",
            "Priya Lachlan, Team Leader",
        ][k % 4]
    )


def details_block(c: Client, k: int, suppressed_ok: bool = True) -> str:
    addr = ", ".join(addr_lines(c, k))
    return (
        f"  Name:      {c.given} {c.family}\n  Address:   {addr}\n  Mobile:    {c.phones[0]}\n"
        f"  Email:     {c.emails[0]}\n  Account:   {c.kr}\n"
    )


def recipient_own(b: Book, r: Registry) -> None:
    used: set[str] = set()
    for i in range(6):
        cat = [
            "recipient-own-details/details-updated",
            "recipient-own-details/identity-check",
            "recipient-own-details/sms-style",
            "recipient-own-details/suppressed-own",
        ][i % 4]
        a = r.fv[i] if i % 4 == 3 else r.pick(avoid=used)
        o = r.pick(avoid=used)
        if i % 4 == 0:
            subj = "We've updated your contact details"
            t = (
                "Hi {g},\n\nAs requested on the phone today we have updated your details. Please check:\n\n{blk}\n"
                "If anything is wrong, reply to this email.\n"
            )
            mk = lambda c: t.format(g=a.given, blk=details_block(c, i))
        elif i % 4 == 1:
            subj = f"Account {a.kr} - confirming your identity"
            mk = lambda c: (
                f"Dear {a.given},\n\nBefore we can discuss the account we need to confirm the date of "
                f"birth we hold: {dob_str(c.dob, i)}, for {c.given} {c.family}, account {c.kr}.\n"
                "If this is not correct please call us on 1300 537 835.\n"
            )
        elif i % 4 == 2:
            subj = "Kestrel Recoveries"
            mk = lambda c: (
                f"Hi {a.given}, we tried to call you on {c.phones[0]}. Please call 1300 537 835 re "
                f"acct {c.kr}. Reply STOP to opt out.\n"
            )
        else:
            subj = "Your details are now protected"
            mk = lambda c: (
                f"Dear {a.given},\n\nWe have marked your new address and mobile as silent. Only our "
                "family violence support team can see them. The details we have recorded:\n\n"
                f"{details_block(c, i)}\nNo letters will go to your former address.\n"
            )
        good = eml(staff(i + 1), a.emails[0], subj, mk(a) + sig(i), k=100 + i)
        if i % 4 == 3:
            o = r.fv[i + 4]
            bad = eml(staff(i + 1), a.emails[0], subj, mk(o) + sig(i), k=100 + i)
            rules, sup = ["suppressed_detail_exposed", "mismatched_recipient"], True
            note = f"email to {a.cid} shows the suppressed details of {o.cid} (wrong record)"
        else:
            bad = eml(staff(i + 1), a.emails[0], subj, mk(o) + sig(i), k=100 + i)
            rules, sup, note = ["mismatched_recipient"], False, f"email to {a.cid} carries details of {o.cid}"
        b.pair(("eml", good, cat, f"{a.cid} receives own details"), ("eml", bad, cat, rules, sup, note))


def relationships(b: Book, r: Registry) -> None:
    d = dt.date(2026, 3, 12)
    cs = r.counselled
    for i in range(4):  # financial counsellor: own client vs another debtor's details
        a, o = cs[i], cs[i + 12]
        cat = "relationships/financial-counsellor"
        body = lambda c: (
            f"Hi,\n\nThanks for your call about {c.given} {c.family} (our ref {c.kr}, "
            f"{PRINCIPALS[c.principal][0]} account {c.acct}). We have placed the account on hold for "
            f"90 days from {date_str(d, i)}. Current balance ${c.balance}. The client's hardship "
            "form is attached.\n\nRegards\n"
        )
        att = lambda c: [("hardship-form.pdf", "application/pdf", pdf_bytes([make_letter("hardship", c, c, i, d, i)]))]
        g = eml(staff(1), a.contacts[0], f"Hardship hold - {a.kr}", body(a) + sig(1), k=120 + i, attachments=att(a))
        x = eml(staff(1), a.contacts[0], f"Hardship hold - {o.kr}", body(o) + sig(1), k=120 + i, attachments=att(o))
        b.pair(
            ("eml", g, cat, f"counsellor of {a.cid} gets {a.cid}'s hardship details"),
            (
                "eml",
                x,
                cat,
                ["mismatched_recipient"],
                False,
                f"counsellor of {a.cid} gets details of {o.cid}, who is not their client",
            ),
        )
    for i in range(2):  # solicitor
        a, o = r.represented[i], r.represented[i + 1]
        cat = "relationships/solicitor"
        body = lambda c: (
            f"Dear {c.contacts[0].split('@')[0].title()},\n\nRe: Your client {c.given[0]}. {c.family}"
            f" - Our ref {c.kr}\n\nWe confirm our principal will accept ${float(c.balance) * 0.6:,.2f} "
            f"in full and final settlement if paid by {date_str(d + dt.timedelta(days=21), i + 2)}.\n"
        )
        g = eml(staff(7), a.contacts[0], f"Settlement offer {a.kr}", body(a) + sig(3), k=130 + i)
        x = eml(staff(7), a.contacts[0], f"Settlement offer {o.kr}", body(o) + sig(3), k=130 + i)
        b.pair(
            ("eml", g, cat, f"solicitor of {a.cid} gets settlement offer for {a.cid}"),
            ("eml", x, cat, ["mismatched_recipient"], False, f"solicitor of {a.cid} gets offer for {o.cid}"),
        )
    for i in range(2):  # executor (authorised by client id)
        dd, ex = r.estates[i]
        other = r.pick()
        cat = "relationships/executor"
        body = (
            f"Dear {ex.given},\n\nThank you for letting us know about the passing of {dd.given} {dd.family}. "
            f"The {PRINCIPALS[dd.principal][0]} account {dd.acct} (our ref {dd.kr}) has been noted against the "
            "estate and all collection activity has stopped.\n"
        )
        g = eml(staff(2), ex.emails[0], "Estate of the late " + dd.family, body + sig(2), k=140 + i)
        x = eml(staff(2), other.emails[0], "Estate of the late " + dd.family, body + sig(2), k=140 + i)
        b.pair(
            ("eml", g, cat, f"executor {ex.cid} (authorised by id) gets estate of {dd.cid}"),
            (
                "eml",
                x,
                cat,
                ["mismatched_recipient"],
                False,
                f"estate details of {dd.cid} sent to unrelated {other.cid}",
            ),
        )
    for i in range(4):  # joint holders: joint account ok; the victim's suppressed contact details never
        v = r.fv[i + 1]
        p = r.by_id[v.joint[0]]
        cat = "relationships/joint-account"
        base = (
            f"Dear {p.given},\n\nStatement for joint account {v.acct} ({PRINCIPALS[v.principal][0]}).\n"
            f"Account holders: {p.given} {p.family} and {v.given} {v.family}.\nBalance owing: ${v.balance}\n"
        )
        leak = [
            f"Correspondence for {v.given} now goes to " + ", ".join(addr_lines(v, i)) + ".",
            f"{v.given} has asked to be contacted on {v.phones[0]}.",
            f"Copy sent to {v.given} at {v.emails[0]}.",
            f"Second account holder's postal address: {v.address}",
        ][i]
        if i in (1, 2) and len(v.suppressed) == 1:
            leak = f"Correspondence for {v.given} now goes to {v.address}."
        g = eml(staff(0), p.emails[0], f"Joint account {v.acct}", base + "\n" + sig(0), k=150 + i)
        x = eml(staff(0), p.emails[0], f"Joint account {v.acct}", base + leak + "\n" + sig(0), k=150 + i)
        b.pair(
            ("eml", g, cat, f"joint holder {p.cid} gets joint account info shared with {v.cid}"),
            (
                "eml",
                x,
                cat,
                ["suppressed_detail_exposed"],
                True,
                f"joint holder {p.cid} sees suppressed detail of {v.cid}",
            ),
        )


def headers_links(b: Book, r: Registry) -> None:
    used: set[str] = set()
    for i in range(6):
        a, o = r.pick(avoid=used), r.pick(avoid=used)
        txt = (
            f"Dear {a.given},\n\nYour arrangement on account {a.kr} is confirmed: $75.00 per fortnight.\n"
            f"Pay online: https://pay.{DOM}/p?ref={a.kr}&crn={a.crn}\n"
        )
        cat = [
            "headers-links/bcc",
            "headers-links/autocomplete-twin",
            "headers-links/mailto",
            "headers-links/pay-link",
            "headers-links/cc-counsellor",
            "headers-links/cc-co-debtor",
        ][i]
        rules, sup = ["mismatched_recipient"], False
        if i == 0:
            g = eml(staff(i), a.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i, bcc=[staff(5)])
            x = eml(staff(i), a.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i, bcc=[o.emails[0]])
            note = f"{a.cid}'s arrangement bcc'd to {o.cid}"
        elif i == 1:
            a, o = r.twins[i + 2]
            txt = txt.replace("Dear", "Dear").replace(txt.split(",")[0], f"Dear {a.given}")
            txt = f"Dear {a.given},\n\nYour arrangement on account {a.kr} is confirmed: $75.00 per fortnight.\n"
            g = eml(
                staff(i), f'"{a.given} {a.family}" <{a.emails[0]}>', "Arrangement confirmed", txt + sig(i), k=160 + i
            )
            x = eml(
                staff(i), f'"{a.given} {a.family}" <{o.emails[0]}>', "Arrangement confirmed", txt + sig(i), k=160 + i
            )
            note = f"display name of {a.cid}, address of name twin {o.cid}"
        elif i == 2:
            g = eml(
                staff(i),
                a.emails[0],
                "Arrangement confirmed",
                txt + f"Questions? mailto:hardship@{DOM}\n" + sig(i),
                k=160 + i,
            )
            x = eml(
                staff(i),
                a.emails[0],
                "Arrangement confirmed",
                txt + f"Questions? mailto:{o.emails[0]}?subject=Account%20{o.kr}\n" + sig(i),
                k=160 + i,
            )
            note = f"email to {a.cid} with mailto link naming {o.cid}'s email and account"
        elif i == 3:
            bad_txt = txt.replace(f"ref={a.kr}", f"ref={o.kr}")
            g = eml(staff(i), a.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i)
            x = eml(staff(i), a.emails[0], "Arrangement confirmed", bad_txt + sig(i), k=160 + i)
            note = f"pay link in email to {a.cid} carries account reference of {o.cid}"
        elif i == 4:
            a, other = r.counselled[5], r.counselled[17]
            txt = txt.replace(txt.split(",")[0], f"Dear {a.given}")
            txt = f"Dear {a.given},\n\nYour arrangement on account {a.kr} is confirmed: $75.00 per fortnight.\n"
            g = eml(staff(i), a.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i, cc=a.contacts)
            x = eml(staff(i), a.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i, cc=other.contacts)
            note = f"{a.cid}'s arrangement cc'd to the counsellor of {other.cid}"
        else:
            v = next(f for f in r.fv[8:] if "email" in f.suppressed)
            a = v
            p = r.by_id[v.joint[0]]
            txt = f"Dear {v.given},\n\nYour arrangement on account {v.kr} is confirmed: $75.00 per fortnight.\n"
            g = eml(staff(i), v.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i)
            x = eml(staff(i), v.emails[0], "Arrangement confirmed", txt + sig(i), k=160 + i, cc=[p.emails[0]])
            rules, sup = ["suppressed_detail_exposed"], True
            note = f"{v.cid}'s own email, co-debtor {p.cid} in Cc sees the suppressed address in the header"
        b.pair(("eml", g, cat, f"arrangement to {a.cid}"), ("eml", x, cat, rules, sup, note))


def _fwd(frm: str, to: str, subject: str, text: str, k: int) -> EmailMessage:
    return parse(eml(frm, to, subject, text, k=k))


def _ics(c: Client, when: str, uid: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kestrel Recoveries//Hardship Diary//EN\r\nMETHOD:REQUEST\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}@{DOM}\r\nDTSTAMP:20260302T000000Z\r\nDTSTART;TZID=Australia/Melbourne:{when}\r\n"
        "DURATION:PT30M\r\nSUMMARY:Hardship phone appointment - Kestrel Recoveries\r\n"
        f"DESCRIPTION:We will call {c.given} on {c.phones[0]} about account {c.kr}.\\nIf this time does not "
        "suit call 1300 537 835.\r\n"
        f"ORGANIZER;CN=Hardship Team:mailto:hardship@{DOM}\r\nATTENDEE;CN={c.given} {c.family}:mailto:"
        f"{c.emails[0]}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _vcf(c: Client) -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{c.family};{c.given};;;\r\nFN:{c.given} {c.family}\r\n"
        f"TEL;TYPE=CELL:{c.phones[0]}\r\nEMAIL:{c.emails[0]}\r\nADR;TYPE=HOME:;;{c.street_line};{c.suburb};"
        f"{c.state};{c.postcode};Australia\r\nNOTE:Kestrel ref {c.kr}\r\nEND:VCARD\r\n"
    )


def _staff_vcf() -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Wu;Kim;;;\r\nFN:Kim Wu\r\nORG:Kestrel Recoveries Pty Ltd\r\n"
        f"TEL;TYPE=WORK:+61 3 9614 7731\r\nEMAIL:k.wu@{DOM}\r\nEND:VCARD\r\n"
    )


def mime_parts(b: Book, r: Registry) -> None:
    used: set[str] = set()
    d = dt.date(2026, 3, 16)
    for i in range(8):
        a, o = r.pick(avoid=used), r.pick(avoid=used)
        to = a.emails[0]
        rules, sup = ["mismatched_recipient"], False
        hi = f"Dear {a.given},\n\n"
        if i == 0:
            cat = "mime-parts/forwarded-rfc822"
            pr = PRINCIPALS[a.principal]
            to = f"accounts@{pr[1]}"
            fw = lambda c: _fwd(
                c.emails[0],
                f"collections@{DOM}",
                f"Re: account {c.kr}",
                f"I paid $200 on {date_str(d, 3)} please check. {c.given} {c.family}, {c.phones[0]}",
                170,
            )
            g = eml(
                staff(0),
                to,
                f"FW: payment dispute {a.kr}",
                "Please see the debtor's message below.\n" + sig(0),
                k=171,
                attachments=[("forwarded.eml", "message/rfc822", fw(a))],
            )
            x = eml(
                staff(0),
                a.emails[0],
                f"FW: payment dispute {a.kr}",
                hi + "Please see below.\n" + sig(0),
                k=171,
                attachments=[("forwarded.eml", "message/rfc822", fw(o))],
            )
            note = f"email to {a.cid} forwards {o.cid}'s own message with phone and account"
        elif i == 1:
            cat = "mime-parts/base64-body"
            t = lambda c: hi + f"Your payment of $120.00 to account {c.kr} ({c.acct}) was received. Thank you.\n"
            g = eml(staff(1), to, "Payment received", t(a) + sig(1), k=172, cte="base64")
            x = eml(staff(1), to, "Payment received", t(o) + sig(1), k=172, cte="base64")
            note = f"base64 body to {a.cid} confirms payment on account of {o.cid}"
        elif i == 2:
            cat = "mime-parts/quoted-printable"
            t = lambda c: (
                hi + f"Réf. {c.kr} – your file has been reviewed. Balance ${c.balance}. We’ll call "
                f"you on {c.phones[0]} next week.\n" + "=" * 30 + "\n"
            )
            g = eml(
                staff(2), to, "Révision de votre dossier / file review", t(a) + sig(2), k=173, cte="quoted-printable"
            )
            x = eml(
                staff(2), to, "Révision de votre dossier / file review", t(o) + sig(2), k=173, cte="quoted-printable"
            )
            note = f"quoted-printable body to {a.cid} carries phone and account of {o.cid}"
        elif i == 3:
            cat = "mime-parts/alternative-differs"
            txt = hi + f"Your statement for {a.kr} is below. Balance ${a.balance}.\n"
            row = lambda c: f"<tr><td>{c.kr}</td><td>{c.given} {c.family}</td><td>${c.balance}</td></tr>"
            html_g = (
                f"<html><body><p>Dear {a.given},</p><table style='border:1px solid #ccc'>{row(a)}</table>"
                f"<p><img src='cid:logo' alt='Kestrel'></p></body></html>"
            )
            html_x = (
                f"<html><body><p>Dear {a.given},</p><table style='border:1px solid #ccc'>{row(a)}{row(o)}"
                "</table></body></html>"
            )
            g = eml(staff(3), to, "Statement", txt + sig(3), html=html_g, k=174)
            x = eml(staff(3), to, "Statement", txt + sig(3), html=html_x, k=174)
            rules = ["mismatched_recipient", "mixed_client_documents"]
            note = f"text part clean; HTML part to {a.cid} also lists {o.cid}"
        elif i == 4:
            cat = "mime-parts/ics-invite"
            g = eml(
                f"hardship@{DOM}",
                to,
                "Hardship appointment",
                hi + "Invitation attached.\n" + sig(1),
                k=175,
                attachments=[("invite.ics", "text/calendar", _ics(a, "20260319T103000", "hs-175"))],
            )
            x = eml(
                f"hardship@{DOM}",
                to,
                "Hardship appointment",
                hi + "Invitation attached.\n" + sig(1),
                k=175,
                attachments=[("invite.ics", "text/calendar", _ics(o, "20260319T103000", "hs-175"))],
            )
            note = f"appointment for {o.cid} (phone, account, email) sent to {a.cid}"
        elif i == 5:
            cat = "mime-parts/vcard"
            v = r.fv[7]
            pr = PRINCIPALS[v.principal]
            to = f"skiptrace@{pr[1]}"
            txt = f"Contact card for our case manager attached; debtor account {v.acct}.\n"
            g = eml(
                staff(1),
                to,
                f"Account {v.acct}",
                txt + sig(1),
                k=176,
                attachments=[("Kim Wu.vcf", "text/vcard", _staff_vcf())],
            )
            x = eml(
                staff(1),
                to,
                f"Account {v.acct}",
                txt.replace("our case manager", "the debtor") + sig(1),
                k=176,
                attachments=[(f"{v.given}.vcf", "text/vcard", _vcf(v))],
            )
            a, o = v, v
            rules, sup = ["suppressed_detail_exposed"], True
            note = f"vCard with suppressed address of {v.cid} sent to principal"
        elif i == 6:
            cat = "mime-parts/wrong-attachment-pdf"
            att = lambda c: [
                (
                    "Statement.pdf",
                    "application/pdf",
                    pdf_bytes([make_letter("statement", c, c, 177, d, 2)], "right"),
                )
            ]
            g = eml(staff(2), to, "Your statement", hi + "Statement attached.\n" + sig(2), k=177, attachments=att(a))
            x = eml(staff(2), to, "Your statement", hi + "Statement attached.\n" + sig(2), k=177, attachments=att(o))
            rules = ["mismatched_recipient", "mixed_client_documents"]
            note = f"{a.cid} receives the statement PDF of {o.cid}"
        else:
            cat = "mime-parts/docx-attachment"
            att = lambda c: [
                (
                    "Arrangement.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    render(make_letter("arrangement", c, c, 178, d, 4), "docx-frame")[1],
                )
            ]
            g = eml(staff(2), to, "Arrangement letter", hi + "Letter attached.\n" + sig(2), k=178, attachments=att(a))
            x = eml(staff(2), to, "Arrangement letter", hi + "Letter attached.\n" + sig(2), k=178, attachments=att(o))
            rules = ["mismatched_recipient", "mixed_client_documents"]
            note = f"{a.cid} receives the arrangement letter DOCX of {o.cid}"
        b.pair(("eml", g, cat, f"mail to {a.cid} or its principal about {a.cid}"), ("eml", x, cat, rules, sup, note))


def two_statements(b: Book, r: Registry) -> None:
    """Two debtors' statements printed into one email (the seed's 'documents of two clients mixed up')."""
    used: set[str] = set()
    d = dt.date(2026, 3, 18)
    for i in range(2):
        a, o, a2 = r.pick(avoid=used), r.pick(avoid=used), None
        if i == 1:  # a joint account: both holders' statements together is fine
            a, a2 = r.joints[3]
        st = lambda c, n: (
            f"Statement-{c.kr}.pdf",
            "application/pdf",
            pdf_bytes([make_letter("statement", c, c, 190 + n, d, n)]),
        )
        txt = f"Dear {a.given},\n\nYour statements are attached.\n" + sig(i)
        second = a2 if a2 else a
        g = eml(
            staff(2),
            a.emails[0],
            "Your statements",
            txt,
            k=190 + i,
            attachments=[st(a, 0), st(second, 1)] if a2 else [st(a, 0)],
        )
        x = eml(staff(2), a.emails[0], "Your statements", txt, k=190 + i, attachments=[st(a, 0), st(o, 1)])
        cat = "mime-parts/two-statements"
        b.pair(
            ("eml", g, cat, f"statement(s) of {a.cid}" + (f" and joint holder {a2.cid}" if a2 else "")),
            (
                "eml",
                x,
                cat,
                ["mixed_client_documents", "mismatched_recipient"],
                False,
                f"statements of {a.cid} and unrelated {o.cid} in one email to {a.cid}",
            ),
        )
