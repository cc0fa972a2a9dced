"""Ordinary legitimate mail: what the agency sends all day, including the hard-but-fine cases."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from . import letters as L
from .corpus import Corpus
from .render_docs import Letter, letter_pdf, render
from .render_mail import Mail, ics, signature, to_eml
from .world import DOMAIN, FRC, FV_STAFF, NZ, REVENUE, Case, Client, World, fmt_ref

FMTS = ["pdf", "pdf", "docx", "rtf", "txt", "html"]
STAFF = ["Dana Kowalski", "Sione Taufa", "Priya Gill", "Marco Rossi", "Leila Karimi", "Jack Murphy", "Ngaire Tipene"]


def _letter(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    fmt = FMTS[i % len(FMTS)]
    letter = L.any_letter(case, who, r)
    c.add(f"everyday/{fmt}-letter", (render(letter, fmt), fmt), note=f"own letter to {who.cid}")


def _care_of(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    firm = case.payee_lawyer if who is case.payee else case.payer_lawyer
    firm = firm or ("Harbourside Legal Centre", "harbourside-lc.example")
    letter = L.any_letter(case, who, r, to=L.care_block(who, firm, r))
    c.add("everyday/care-of-lawyer", (letter_pdf(letter), "pdf"), note=f"letter to {who.cid} care of a law firm")


def _email_attach(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    fmt = ["pdf", "docx"][i % 2]
    doc = render(L.any_letter(case, who, r), fmt)
    mime = (
        "application/pdf" if fmt == "pdf" else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    mail = Mail(
        f"{r.choice(STAFF)} <customer.service@{DOMAIN}>",
        [who.email],
        "Your letter from SCCSA",
        f"Dear {who.given},\n\nPlease find your letter attached. Your customer reference is "
        f"{fmt_ref(who.crn, r.randrange(3))}." + signature(r.choice(STAFF), "Customer Service"),
        attachments=[(f"SCCSA_letter_{case.number}.{fmt}", doc, mime)],
    )
    c.add("everyday/email-own-attachment", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"own letter to {who.cid}")


def _html_notice(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    from html import escape

    kids = ", ".join(n.split()[0] for n, _ in case.children)
    text = (
        f"Hi {who.given},\nA payment of ${case.annual / 26:,.2f} for {kids} was "
        f"{'paid to you' if who is case.payee else 'received from you'} on 28 February 2025.\n"
    )
    html = (
        f"<html><body><p>Hi {escape(who.given)},</p><p>A payment of <b>${case.annual / 26:,.2f}</b> for "
        f"{escape(kids)} was {'paid to you' if who is case.payee else 'received from you'} on 28 February 2025.</p>"
        f"<p>Case {case.number}</p><p><a href='https://my.{DOMAIN}/payments'>See your payments</a></p>"
        "<p style='color:#777;font-size:11px'>Please don't reply to this email. Call 1300 555 014.</p></body></html>"
    )
    mail = Mail(f"SCCSA Notifications <no-reply@{DOMAIN}>", [who.email], "Payment update", text, html=html)
    c.add("everyday/html-notification", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"notification to {who.cid}")


def _invite(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    start = datetime(2025, 4, 1 + i % 25, 9 + i % 6, 0, tzinfo=timezone(timedelta(hours=10)))
    cal = ics(
        f"med-{case.number}-{who.cid}",
        "Child support mediation",
        start,
        60,
        "Online (link to follow)",
        f"Case {case.number}. {case.other(who).name} will attend a separate session.",
        f"mediation@{DOMAIN}",
        [(who.name, who.email)],
    )
    mail = Mail(
        f"SCCSA Mediation <mediation@{DOMAIN}>",
        [who.email],
        "Invitation: Child support mediation",
        f"Dear {who.given},\n\nYou are invited to a mediation session about case {case.number}.",
        calendar=cal,
    )
    c.add("everyday/calendar-invitation", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"invitation to {who.cid}")


def _employer(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    if not case.employer:
        return _letter(c, w, r, case, who, i)
    letter = L.employer_notice(case, case.employer, r)
    if i % 2:
        c.add("everyday/employer-notice", (letter_pdf(letter), "pdf"), note=f"deduction notice for {case.payer.cid}")
        return None
    mail = Mail(
        f"Employer Services <employer.services@{DOMAIN}>",
        [case.employer.payroll],
        "Deduction notice",
        "Dear Payroll Officer,\n\nPlease action the attached notice." + signature(r.choice(STAFF), "Employer Services"),
        attachments=[("deduction-notice.pdf", letter_pdf(letter), "application/pdf")],
    )
    c.add("everyday/employer-notice", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"to employer of {case.payer.cid}")
    return None


def _lawyer(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    side = case.payer if case.payer_lawyer else case.payee if case.payee_lawyer else None
    if side is None:
        return _letter(c, w, r, case, who, i)
    firm = case.payer_lawyer if side is case.payer else case.payee_lawyer
    letter = L.lawyer_letter(case, side, firm, r)
    mail = Mail(
        f"Objections <objections@{DOMAIN}>",
        [side.contacts[-1]],
        f"Your client - case {case.number}",
        "Our letter is attached." + signature(r.choice(STAFF), "Objections and Reviews"),
        attachments=[("letter.pdf", letter_pdf(letter), "application/pdf")],
    )
    c.add("everyday/to-own-lawyer", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"to the lawyer of {side.cid}")
    return None


def _thread(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    other = case.other(who)
    quoted = (
        f"On Wed, 19 Feb 2025 at 8:02 pm, {who.name} <{who.email}> wrote:\n> Hi, {other.given} says the "
        f"kids are with her more now. What do I need to do?\n> Thanks\n> {who.given}\n"
    )
    if i % 2:
        quoted = (
            "-----Original Message-----\nFrom: " + f"{who.name} <{who.email}>\nSent: Wednesday, 19 February "
            f"2025 8:02 PM\nTo: SCCSA Enquiries <enquiries@{DOMAIN}>\nSubject: care change\n\n"
            f"Hi, {other.given} says the kids are with her more now. What do I need to do?\n"
        )
    text = (
        f"Hi {who.given},\n\nIf care of {case.children[0][0].split()[0]} has changed, both parents can tell "
        f"us and we will reassess case {fmt_ref(case.number, 0)}."
        + signature(r.choice(STAFF), "Enquiries")
        + "\n"
        + quoted
    )
    mail = Mail(f"SCCSA Enquiries <enquiries@{DOMAIN}>", [who.email], "Re: care change", text)
    c.add("everyday/reply-thread", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"reply to {who.cid}")


def _fv_internal(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    v = case.victim
    if v is None:
        return _letter(c, w, r, case, who, i)
    text = (
        f"Team,\n\n{v.name} (CRN {fmt_ref(v.crn, 1)}) has a new address: {v.address.one_line()}, mobile "
        f"{v.phone}. Please keep the suppression on; the other parent must not see it."
        + signature(r.choice(STAFF), "Customer Service")
    )
    mail = Mail(
        f"{r.choice(STAFF)} <customer.service@{DOMAIN}>", [r.choice(FV_STAFF)], "Protected customer update", text
    )
    c.add(
        "everyday/internal-safety-team",
        (to_eml(mail, f"E{i}", c.when()), "eml"),
        note=f"suppressed details of {v.cid} to cleared staff",
    )
    return None


def _victim_own(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    v = case.victim
    if v is None:
        return _letter(c, w, r, case, who, i)
    fmt = FMTS[i % len(FMTS)]
    letter = L.any_letter(case, v, r, extra=["The other parent's copy does not show your address."])
    c.add(
        "everyday/protected-customer-own-letter",
        (render(letter, fmt), fmt),
        note=f"letter to {v.cid} at her own suppressed address",
    )
    return None


def _other_parent_named(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    letter = L.assessment(
        case,
        who,
        r,
        extra=[f"{case.other(who).name} has also been sent a notice. Their contact details are not shown."],
    )
    fmt = FMTS[i % len(FMTS)]
    c.add(
        "everyday/assessment-names-other-parent",
        (render(letter, fmt), fmt),
        note=f"notice to {who.cid} naming the other parent {case.other(who).cid} and the children",
    )


def _frc(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    other = case.other(who)
    phone = "" if "phone" in who.suppressed else f" (ph {who.phone})"
    text = (
        f"Hello,\n\nWe refer {who.name}{phone} and {other.name} in case {case.number} for family "
        "dispute resolution."
        + ("" if not other.suppressed else " Contact the other parent through us only.")
        + signature(r.choice(STAFF), "Case Support")
    )
    mail = Mail(f"Case Support <case.support@{DOMAIN}>", [f"referrals@{FRC}"], "FDR referral", text)
    c.add("everyday/frc-referral", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"referral of {who.cid} to FRC")


def _revenue(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    text = (
        f"Please confirm the lodgement status of {who.name}, born {who.dob}, customer {who.crn}, for 2023-24."
        + signature("Data Exchange", "Income Data Exchange")
    )
    mail = Mail(f"Income Data Exchange <dataexchange@{DOMAIN}>", [f"dataexchange@{REVENUE}"], "Lodgement status", text)
    c.add("everyday/revenue-office", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"{who.cid} to revenue office")


def _overseas(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    letter = L.lawyer_letter(case, case.payer, ("Inland Revenue Child Support", NZ), r)
    mail = Mail(
        f"International Cases <international@{DOMAIN}>",
        [f"liaison@{NZ}"],
        f"Case {case.number}",
        "Summary attached." + signature(r.choice(STAFF), "International Cases"),
        attachments=[("summary.pdf", letter_pdf(letter), "application/pdf")],
    )
    c.add("everyday/overseas-agency", (to_eml(mail, f"E{i}", c.when()), "eml"), note=f"{case.payer.cid} to NZ agency")


def _no_client(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    subjects = [
        (
            "Office closure - Easter",
            "Our offices will be closed from 18 to 21 April 2025. Payments made online are processed as usual.",
        ),
        (
            "Stakeholder newsletter March",
            "This month: changes to the protected earnings amount, new "
            "employer portal features, and our family violence support line 1800 555 299.",
        ),
        ("Meeting notes", "Thanks for meeting with us about the employer portal. Next steps attached."),
        ("Re: room booking", "Level 4 boardroom is booked for Thursday 10-11."),
    ]
    subj, body = subjects[i % len(subjects)]
    to = r.choice(["partners@communitylegal.example", f"all.staff@{DOMAIN}", "info@payrollassoc.example"])
    mail = Mail(f"Communications <comms@{DOMAIN}>", [to], subj, body + signature(r.choice(STAFF), "Communications"))
    c.add("everyday/no-client-data", (to_eml(mail, f"E{i}", c.when()), "eml"), note="no client data")


def _employer_schedule(c: Corpus, w: World, r: random.Random, case: Case, who: Client, i: int) -> None:
    emp = case.employer or w.employers[0]
    staff = [k for k in w.cases if k.employer is emp][:5]
    if len(staff) < 2:
        return _employer(c, w, r, case, who, i)
    rows = [["Employee", "Customer ref", "Per pay"]] + [
        [k.payer.name, fmt_ref(k.payer.crn, 0), f"${k.annual / 26:,.2f}"] for k in staff
    ]
    letter = Letter(
        ["The Payroll Officer", emp.name, *emp.address.lines()],
        "3 March 2025",
        [("Employer reference", f"E{r.randint(100000, 999999)}")],
        "Deduction schedule - March 2025",
        "Dear Payroll Officer",
        ["Deductions for your employees this month:", rows],
        sign=["Yours faithfully", "", "Employer Services"],
    )
    c.add(
        "everyday/employer-schedule",
        (letter_pdf(letter), "pdf"),
        note="schedule of " + ", ".join(k.payer.cid for k in staff) + " to their employer",
    )
    return None


KINDS = [
    _letter,
    _letter,
    _letter,
    _care_of,
    _email_attach,
    _email_attach,
    _html_notice,
    _invite,
    _employer,
    _lawyer,
    _thread,
    _fv_internal,
    _victim_own,
    _other_parent_named,
    _other_parent_named,
    _frc,
    _revenue,
    _overseas,
    _no_client,
    _employer_schedule,
]


def everyday(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    n = max(len(KINDS), round(150 * scale))
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        case = w.cases[(i * 7) % len(w.cases)]
        who = case.payer if i % 3 else case.payee
        if kind in (_fv_internal, _victim_own):
            vs = w.victims()
            case = vs[i % len(vs)]
        kind(c, w, random.Random(rng.random()), case, who, i)
