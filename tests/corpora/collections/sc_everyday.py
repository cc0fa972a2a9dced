"""Everyday legitimate mail and letters: the bulk of what the agency sends on an ordinary day."""
# ruff: noqa: E731, B023  -- small per-iteration templates, always called within the iteration

from __future__ import annotations

import datetime as dt

from .common import DOM, Book, eml, make_zip, staff
from .letters import date_str, make_letter, pdf_bytes, render, salute_name
from .registry import PRINCIPALS, Client, Registry
from .sc_mail import _ics, _staff_vcf, sig


def _one(b: Book, r: Registry, t: int, n: int, used: set[str]) -> None:
    k = 500 + n
    d = dt.date(2026, 3, 2) + dt.timedelta(days=n % 20)
    c = r.pick(avoid=used)
    pr, pdom = PRINCIPALS[c.principal]
    hi = f"Dear {c.given},\n\n"
    cat = "everyday/"
    if t == 0:
        data = eml(
            staff(n),
            c.emails[0],
            "Kestrel Recoveries",
            f"Hi {c.given}, your instalment of $45.00 is due "
            f"{date_str(d, n)}. Ref {c.kr}. Questions? {['1300 537 835', '13 75 37'][n % 2]}. Reply STOP to "
            "opt out.\n",
            k=k,
        )
        b.add("eml", data, cat + "sms-reminder", note=f"reminder to {c.cid}")
    elif t == 1:
        data = eml(
            f"payments@{DOM}",
            c.emails[-1],
            f"Receipt {c.kr}-{n:03d}",
            hi + f"We received ${60 + n}.00 "
            f"by BPAY on {date_str(d, n + 2)}. Receipt no. {90000 + n * 37}. Remaining balance "
            f"${c.balance}.\n" + sig(n),
            k=k,
        )
        b.add("eml", data, cat + "receipt", note=f"receipt to {c.cid}")
    elif t == 2:
        fmt = ["pdf-window", "pdf-right", "docx-table", "docx-frame", "txt", "rtf"][n % 6]
        ext, data = render(make_letter(["demand", "arrangement", "hardship", "credit"][n % 4], c, c, k, d, n), fmt)
        b.add(ext, data, cat + "letter-" + fmt, note=f"letter to {c.cid}")
    elif t == 3:
        cc = r.counselled[n % len(r.counselled)]
        data = eml(
            f"hardship@{DOM}",
            cc.contacts[0],
            f"Hardship update - {cc.kr}",
            f"Hi,\n\nUpdate on your client {cc.given} {cc.family[0]}. ({cc.kr}): the hold has been extended to "
            f"{date_str(d + dt.timedelta(days=60), n)}. Balance ${cc.balance}.\n" + sig(1),
            k=k,
            attachments=[("update.pdf", "application/pdf", pdf_bytes([make_letter("hardship", cc, cc, k, d, n)]))]
            if n % 2
            else None,
        )
        b.add("eml", data, cat + "counsellor-update", note=f"authorised counsellor of {cc.cid}")
    elif t == 4:
        lt = make_letter("demand", c, c, k, d, n)
        lt.heading = "MAGISTRATES' COURT OF VICTORIA - COMPLAINT (Form 5A)"
        lt.paras = [
            f"Plaintiff: {pr}. Defendant: {c.given} {c.family}, of {c.address}. Date of birth "
            f"{date_str(dt.date.fromisoformat(c.dob), 0)}.",
            f"The defendant owes ${c.balance} for services supplied on account {c.acct}.",
        ]
        data = eml(
            f"legal@{DOM}",
            "lodgements@efiling.magistrates-vic.example",
            f"Lodgement - {pr} v {c.family}",
            "Please find attached the complaint for filing.\n" + sig(3),
            k=k,
            attachments=[("complaint.pdf", "application/pdf", pdf_bytes([lt], "right"))],
        )
        b.add("eml", data, cat + "court-filing", note=f"court filing about {c.cid} to approved court domain")
    elif t == 5:
        data = eml(
            f"credit@{DOM}",
            "listings@equifacts-credit.example",
            "Default listing",
            f"Default listing request\nName: {c.family.upper()}, {c.given}\nDOB: {c.dob}\n"
            f"Address: {c.address}\nCredit provider: {pr}\nAccount: {c.acct}\nAmount: ${c.balance}\n"
            f"Date of default: {date_str(d, 2)}\n",
            k=k,
        )
        b.add("eml", data, cat + "credit-reporting", note=f"default listing of {c.cid} to approved bureau")
    elif t == 6:
        data = eml(
            staff(n),
            f"accounts@{pdom}",
            f"Status - acct {c.acct}",
            f"Hi {pr} team,\n\nAcct {c.acct} ({c.given[0]}. {c.family}) is on an arrangement of $50/fn, "
            f"3 payments received since {date_str(d, 4)}.\n" + sig(n),
            k=k,
        )
        b.add("eml", data, cat + "principal-status", note=f"status of {c.cid} to principal")
    elif t == 7:
        o = r.pick(avoid=used)
        data = eml(
            staff(n),
            staff(n + 2),
            f"{c.kr} and {o.kr}",
            f"Can you look at these two before Friday?\n{c.given} {c.family} {c.kr} {c.phones[0]}\n"
            f"{o.given} {o.family} {o.kr} {o.phones[0]}\n",
            k=k,
        )
        b.add("eml", data, cat + "internal", note=f"internal note about {c.cid} and {o.cid}")
    elif t == 8:
        data = eml(
            f"printroom@{DOM}",
            "jobs@mailhouse-print.example",
            "Print run 23 March",
            "Hi Dale,\n\nRun KR-0323 is 1,240 letters, DL window, 2 pages simplex, lodged by 2pm. Invoice "
            "to accounts payable, PO 77123.\n" + sig(n),
            k=k,
        )
        b.add("eml", data, cat + "vendor-no-client-data", note="no client information")
    elif t == 9:
        data = eml(
            staff(n),
            c.emails[0],
            "Automatic reply: Out of office",
            "I am out of the office until Monday 9 March. For urgent matters call 1300 537 835.\n",
            k=k,
            headers={"Auto-Submitted": "auto-replied"},
        )
        b.add("eml", data, cat + "out-of-office", note="no client information")
    elif t == 10:
        data = eml(
            f"hardship@{DOM}",
            c.emails[0],
            "Hardship phone appointment",
            hi + "Your appointment is booked. An invitation is attached.\n" + sig(1),
            k=k,
            attachments=[("appointment.ics", "text/calendar", _ics(c, f"202603{10 + n % 18}T140000", f"e{n}"))],
        )
        b.add("eml", data, cat + "ics-appointment", note=f"appointment for {c.cid}")
    elif t == 11:
        cc = r.counselled[(n + 3) % len(r.counselled)]
        data = eml(
            staff(1),
            cc.contacts[0],
            "My contact details",
            "Hi, my card is attached for your clients.\n",
            k=k,
            attachments=[("Kim Wu.vcf", "text/vcard", _staff_vcf())],
        )
        b.add("eml", data, cat + "staff-vcard", note="staff card only")
    elif t == 12:
        dd, ex = r.estates[n % len(r.estates)]
        lines = [
            f"Estate of the late {dd.given} {dd.family}",
            f"c/- {salute_name(ex, 1)}",
            ex.street_line,
            f"{ex.suburb.upper()} {ex.state} {ex.postcode}",
        ]
        ext, data = render(make_letter("estate", dd, dd, k, d, n, to_lines=lines), ["pdf-window", "docx-table"][n % 2])
        b.add(ext, data, cat + "estate-letter", note=f"estate of {dd.cid} c/- executor {ex.cid}")
    elif t == 13:
        a, bb = r.joints[n % len(r.joints)]
        data = eml(
            staff(n),
            bb.emails[0],
            f"Joint account {a.acct}",
            f"Dear {bb.given},\n\nJoint account {a.acct}: "
            f"balance ${a.balance}, held by {a.given} and {bb.given} {bb.family} at {a.address}.\n" + sig(n),
            k=k,
        )
        b.add("eml", data, cat + "joint-holder", note=f"joint holder {bb.cid} about joint account with {a.cid}")
    elif t == 14:
        data = eml(
            f"disputes@{DOM}",
            "case.officer@afca-disputes.example",
            f"Complaint response - {c.acct}",
            f"Dear Case Officer,\n\nOur response to the complaint of {c.given} {c.family} (account {c.acct}, "
            f"{pr}) is attached. Collection is on hold while the complaint is open.\n" + sig(2),
            k=k,
            attachments=[
                (
                    "response.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    render(make_letter("statement", c, c, k, d, n), "docx-table")[1],
                )
            ],
        )
        b.add("eml", data, cat + "ombudsman", note=f"complaint response about {c.cid} to approved scheme")
    elif t == 15:
        q = (
            f"On {date_str(d, 5)}, {c.given} {c.family} <{c.emails[0]}> wrote:\n> I lost my job last month and "
            f"can't keep paying $100.\n> My number is {c.phones[0]}.\n"
        )
        data = eml(
            f"hardship@{DOM}",
            c.emails[0],
            "Re: can't pay",
            hi + "I'm sorry to hear that. We have paused "
            "your account for 30 days and will call you next week.\n" + sig(1) + "\n" + q,
            k=k,
        )
        b.add("eml", data, cat + "reply-with-quote", note=f"reply to {c.cid} quoting own message")
    elif t == 16:
        h = (
            "<html><head><style>.btn{background:#14466e;color:#fff;padding:8px}</style></head><body>"
            "<h2>Ways to pay</h2><ul><li>BPAY biller code 218846</li><li>Phone 1300 537 835</li>"
            "<li>Centrepay - ask us</li></ul><a class='btn' href='https://pay.kestrelrecoveries.example'>Pay now</a>"
            "</body></html>"
        )
        data = eml(
            f"noreply@{DOM}", c.emails[0], "Ways to pay", "Ways to pay: BPAY 218846, phone 1300 537 835.\n", html=h, k=k
        )
        b.add("eml", data, cat + "html-no-client-data", note=f"generic info to {c.cid}")
    elif t == 17:
        data = eml(
            f"legal@{DOM}",
            "registry@vcat-lodgement.example",
            "Application - small claim",
            f"Applicant: {pr}\nRespondent: {c.given} {c.family}\nAddress for service: {c.address}\n"
            f"Amount claimed: ${c.balance}\n",
            k=k,
        )
        b.add("eml", data, cat + "tribunal-lodgement", note=f"tribunal application about {c.cid}")
    elif t == 18:
        lt = make_letter("statement", c, c, k, d, n)
        data = eml(
            staff(n),
            f"accounts@{pdom}",
            f"Statement {c.acct}",
            "Statement as requested.\n" + sig(n),
            k=k,
            attachments=[("statement.pdf", "application/pdf", pdf_bytes([lt]))],
        )
        b.add("eml", data, cat + "statement-to-principal", note=f"statement of {c.cid} to its principal")
    elif t == 19:
        v = r.fv[n % len(r.fv)]
        data = eml(
            staff(3),
            f"j.trinh@{DOM}",
            f"FV file {v.kr}",
            f"Jo, new details for {v.kr}: {v.address}, {v.phones[0]}. Old address must not be used.\n",
            k=k,
        )
        b.add("eml", data, cat + "fv-allowed-staff", note=f"suppressed details of {v.cid} to allowed staff")
    elif t == 20:
        ext, data = render(make_letter("arrangement", c, c, k, d, n), "txt-right")
        b.add(ext, data, cat + "letter-txt-right", note=f"letter to {c.cid}")
    elif t == 21:
        data = eml(
            staff(n),
            c.emails[0],
            "Documents",
            hi + "Your signed arrangement and our privacy policy are attached in a zip.\n" + sig(n),
            k=k,
            attachments=[
                (
                    "docs.zip",
                    "application/zip",
                    make_zip(
                        [
                            ("arrangement.pdf", pdf_bytes([make_letter("arrangement", c, c, k, d, n)])),
                            ("privacy.txt", "Kestrel Recoveries collects personal information to recover debts...\n"),
                        ]
                    ),
                )
            ],
        )
        b.add("eml", data, cat + "zip-attachment", note=f"own documents to {c.cid}")
    elif t == 22:
        v = r.fv[(n + 5) % len(r.fv)]
        ext, data = render(make_letter("hardship", v, v, k, d, n), ["pdf-window", "docx-frame"][n % 2])
        b.add(ext, data, cat + "letter-to-protected-client", note=f"letter to {v.cid} at their own suppressed address")
    else:
        data = eml(
            f"training@{DOM}",
            f"all-staff@{DOM}",
            "Reminder: hardship training Thursday",
            "Hi all, a reminder the family violence awareness module is due by 31/03/26. Room 9.02.\n",
            k=k,
        )
        b.add("eml", data, cat + "internal-no-client-data", note="no client information")


def everyday(b: Book, r: Registry, scale: float) -> None:
    used: set[str] = set()
    n_items = max(24, int(64 * scale))
    for n in range(n_items):
        _one(b, r, n % 24, n, used)
    _ = Client
