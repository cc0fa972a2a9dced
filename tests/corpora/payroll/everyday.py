"""Ordinary legitimate mail of a payroll bureau: the bulk of what it sends, all of it to be let through."""

from __future__ import annotations

import random

from . import docs, render, world
from .cases import FORMATS, payslip_mail
from .corpus import Corpus, legit, sender
from .render import Letter, Mail
from .world import World


def _add(c: Corpus, variation: str, ext: str, data: bytes, note: str) -> None:
    c.add("everyday", variation, legit(ext, data, note))


def payslip_email(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1, plain=False)[0]
    to = a.work_email if a.work_email and i % 3 == 0 else a.personal_email
    _add(c, "payslip-email", "eml", payslip_mail(c, [to], [a], a), f"{a.client_id}'s payslip to own address")


def letter(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1, plain=False)[0]  # protected employees get their own letters at their own address too
    ext, style = FORMATS[i % len(FORMATS)]
    kinds = [
        ("payslip-letter", docs.payslip),
        ("payment-summary", docs.payment_summary),
        ("termination-statement", docs.termination),
        ("lsl-statement", lambda e: docs.termination(e, lsl=True)),
        ("packaging-letter", docs.packaging),
        ("child-support-notice", lambda e: docs.child_support(e, docs.block(e))),
    ]
    name, build = kinds[i % len(kinds)]
    _add(c, f"{name}-{ext}", ext, render.render(build(a), ext, style), f"{a.client_id}'s own {name}")


def employer_query(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    a = w.pick(rng, 1, employer=emp.key)[0]
    topics = [
        f"the higher duties allowance for employee {a.empno} ({a.name}) from 3 March needs a signed form",
        f"{a.name} ({a.empno}) has asked to reduce to 0.8 FTE from 1 April; please confirm the new contract",
        f"employee {a.empno} was paid a meal allowance twice on 4 March; we will recover $16.20 next pay",
        f"the garnishee order for {a.empno} has been satisfied and the deduction stops this pay",
    ]
    body = f"Hi {emp.payroll_officer[0].split()[0]},\n\n{topics[i % 4].capitalize()}.\n\nThanks,\nLedgerline Payroll\n"
    data = c.mail(Mail(sender(), [world.officer_email(emp)], f"Employee {a.empno}", body))
    _add(c, "employer-payroll-query", "eml", data, f"query about {a.client_id} to the employer's payroll")


def super_fund(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    pdf = render.pdf(docs.super_letter(a, [a.fund[0], "Member Services", "Locked Bag 5000", "MELBOURNE VIC 3001"]))
    data = c.mail(
        Mail(
            sender("super"),
            [f"employers@{a.fund[1]}"],
            f"Contribution correction {a.member_no}",
            "Correction letter attached.\n",
            attachments=[("Correction.pdf", pdf)],
        )
    )
    _add(c, "super-fund-correspondence", "eml", data, f"contribution correction for {a.client_id} to the fund")


def packager(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1, employer="hosp")[0]
    body = (
        f"Hello Packwise team,\n\nPlease set up a new packaging account for {a.name}, employee {a.empno}, "
        f"{a.employer.name}, from 1 April 2025. Cap $9,010 general, meal entertainment $2,650.\n\nLedgerline Payroll\n"
    )
    data = c.mail(Mail(sender(), [f"newaccounts@{world.PACKAGER[1]}"], f"New packaging account {a.empno}", body))
    _add(c, "salary-packager", "eml", data, f"new packaging account for {a.client_id}")


def child_support_agency(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    body = (
        f"Employer deduction reconciliation for {a.employer.name}.\nEmployee: {a.name}\nEmployee number: {a.empno}\n"
        f"Date of birth: {a.dob.strftime('%d/%m/%Y')}\nDeducted this period: $212.40\n"
    )
    data = c.mail(
        Mail(
            sender("deductions", "Deductions"),
            [f"employers@{world.CHILD_SUPPORT[1]}"],
            "Deduction reconciliation",
            body,
        )
    )
    _add(c, "child-support-agency", "eml", data, f"deduction reconciliation for {a.client_id} to the agency")


def representative(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    reps = [e for e in w.employees if e.authorised and not e.suppressed]
    a = reps[(i * 7 + 2) % len(reps)]
    body = (
        f"Dear Representative,\n\nWith your member's authority on file, we confirm that the underpayment for "
        f"{a.name} (employee {a.empno}) of {docs.money(412.8)} will be paid on {docs.PAY_DATE}.\n\nLedgerline Payroll\n"
    )
    data = c.mail(Mail(sender("adjustments"), [a.authorised[0]], f"Underpayment - {a.empno}", body))
    _add(
        c, "authorised-representative", "eml", data, f"underpayment of {a.client_id} to {a.client_id}'s representative"
    )


def joint(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    couples = w.tagged("couple")
    a = couples[i % len(couples)]
    b = w.by_id[a.joint_with[0]]
    body = (
        f"Dear {a.given} and {b.given},\n\nYou both asked for your net pay to go to the joint account BSB {a.bsb} "
        f"account {a.account}. That is now set up for employees {a.empno} and {b.empno}.\n\nLedgerline Payroll\n"
    )
    data = c.mail(Mail(sender(), [a.personal_email, b.personal_email], "Joint pay account confirmed", body))
    _add(c, "joint-pay-account", "eml", data, f"joint account letter to joint holders {a.client_id} and {b.client_id}")


def protected_own(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    v = w.protected()[i % len(w.protected())]
    if i % 2 == 0:
        body = (
            f"Dear {v.given},\n\nWe have recorded your new address ({v.address.one_line}) and mobile "
            f"({v.mobile}) and marked them confidential. They will not appear on anything sent to anyone else.\n\n"
            "Protected Employees Team\n"
        )
        to = [v.personal_email]
        data = c.mail(Mail(sender("protected.payroll", "Protected Employees Team"), to, "Your details", body))
        _add(c, "protected-employee-own-details", "eml", data, f"{v.client_id}'s own suppressed details to her")
    else:
        body = f"Team,\n\nConfirmed new address for {v.empno}: {v.address.one_line}. Suppression flag set.\n"
        data = c.mail(Mail(sender("k.whitford", "Kerry Whitford"), [world.PROTECTED_TEAM[0]], f"{v.empno}", body))
        _add(c, "protected-team-internal", "eml", data, f"suppressed address of {v.client_id} within the listed team")


def internal(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    staff_name, local = world.BUREAU_STAFF[i % 5]
    other = world.BUREAU_STAFF[(i + 2) % 5][1]
    body = (
        f"Can you check the tax scale for {a.empno} ({a.name}, DOB {a.dob.strftime('%d/%m/%Y')})? They claimed the "
        f"tax-free threshold with a second employer.\n\n{staff_name}\n"
    )
    data = c.mail(Mail(sender(local, staff_name), [world.staff_email(other)], f"Tax scale {a.empno}", body))
    _add(c, "internal-colleague", "eml", data, f"internal question about {a.client_id}")


def no_client(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    options = [
        (
            [world.officer_email(emp)],
            "Pay run timetable Easter 2025",
            "Hi,\n\nOver Easter the pay run closes on Wednesday 16 April at noon. Approvals after that go into the "
            "following run.\n\nLedgerline Payroll\n",
        ),
        (
            [f"accounts@{world.BANK[1]}"],
            "Direct entry user ID renewal",
            "Hello,\n\nPlease renew our direct entry user ID 301500 for another year.\n\nLedgerline Payments\n",
        ),
        (
            ["sales@officeworksupply.example"],
            "Order - window envelopes",
            "Please send 20 boxes of DL window envelopes, 5,000 each, to our Collins Street office.\n",
        ),
        (
            [f"all.staff@{emp.domain}"],
            "Payslip portal maintenance Saturday",
            "The payslip portal will be down on Saturday 22 March from 6 am to 10 am for maintenance.\n",
        ),
        (
            [f"training@{world.TAX_OFFICE[1]}"],
            "STP Phase 2 webinar registration",
            "We would like to register two staff for the STP Phase 2 employer webinar on 2 April.\n",
        ),
    ]
    to, subject, body = options[i % len(options)]
    page = ""
    if i % 5 == 3:
        page = f"<html><body><h3>{subject}</h3><p>{body}</p><p><a href='https://myslips.{world.BUREAU_DOMAIN}'>Portal</a></p></body></html>"
    data = c.mail(Mail(sender(), to, subject, body, html=page))
    _add(c, "no-client-information", "eml", data, "no employee information")


def small_list(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[(i + 1) % 4]
    staff = w.pick(rng, 4, employer=emp.key)
    rows = docs.report_rows(staff, "leave")
    page = f"<html><body><p>New starters processed this fortnight:</p>{render.html_table(rows)}</body></html>"
    text = "New starters processed this fortnight:\n" + "\n".join(", ".join(r) for r in rows) + "\n"
    data = c.mail(Mail(sender(), [world.officer_email(emp)], "New starters processed", text, html=page))
    _add(c, "employer-new-starters", "eml", data, f"four {emp.key} employees listed to their employer")


def exit_invite(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    cal = render.ics(
        "Exit interview",
        f"Exit interview for employee {a.empno}. Please bring your access card.",
        [(a.name, a.personal_email)],
        "20250325T100000",
        f"exit-ev-{i}-{a.empno}",
        f"{a.employer.name}, People and Culture",
    )
    data = c.mail(
        Mail(
            sender("hr.services", "Ledgerline HR Services"),
            [a.personal_email],
            "Exit interview",
            f"Dear {a.given},\n\nAn invitation for your exit interview is attached.\n",
            attachments=[("invite.ics", cal)],
        )
    )
    _add(c, "exit-interview-invitation", "eml", data, f"exit interview invitation to {a.client_id}")


def own_thread(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    body = (
        f"Hi {a.given},\n\nThanks - we have corrected your super fund member number.\n\nPayroll Services\n\n"
        f"On Wed, 12 Mar 2025 at 9:30 am, {a.name} wrote:\n> My member number with {a.fund[0]} is {a.member_no}, "
        f"please fix it.\n> Employee {a.empno}\n"
    )
    data = c.mail(Mail(sender(), [a.personal_email], "Re: super member number", body))
    _add(c, "reply-own-thread", "eml", data, f"reply to {a.client_id} quoting {a.client_id}")


def html_notice(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    page = (
        f"<html><body><p>Hi {a.given},</p><p>Your pay advice for {docs.PERIOD} is ready.</p>"
        + render.html_table(docs.payslip_rows(a))
        + f"<p>Ledgerline Payroll for {a.employer.name}</p></body></html>"
    )
    data = c.mail(Mail(sender("noreply"), [a.personal_email], "Your pay advice", "See HTML part.", html=page))
    _add(c, "html-pay-notice", "eml", data, f"HTML pay notice to {a.client_id}")


def payment_summary_doc(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    fmt = ["docx", "pdf", "rtf"][i % 3]
    att = render.render(docs.payment_summary(a), fmt, "window")
    data = c.mail(
        Mail(
            sender(),
            [a.personal_email],
            "Your income statement copy",
            f"Dear {a.given},\n\nAttached.\n",
            attachments=[(f"IncomeStatement_{a.empno}.{fmt}", att)],
        )
    )
    _add(c, f"income-statement-{fmt}", "eml", data, f"{a.client_id}'s own income statement")


def bank_file(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    emp = world.EMPLOYERS[i % 4]
    staff = [e for e in w.employees if e.employer.key == emp.key][20:35]
    data = c.mail(
        Mail(
            sender("payments", "Ledgerline Payments"),
            [f"directentry@{world.BANK[1]}"],
            f"Off-cycle direct entry {emp.prefix}",
            "Off-cycle file attached.\n",
            attachments=[(f"{emp.prefix}OFF.txt", docs.aba_remittance(staff, emp))],
        )
    )
    _add(c, "bank-off-cycle-file", "eml", data, "off-cycle direct entry file to the paying bank")


def sidepanel_letter(c: Corpus, w: World, rng: random.Random, i: int) -> None:
    a = w.pick(rng, 1)[0]
    lt = Letter(
        heading=docs.heading(a),
        to_lines=docs.block(a, short=True),
        ref=f"Employee No {a.empno}",
        title="Change to your pay day",
        salutation=f"Dear {a.title} {a.family},",
        paragraphs=[f"From 1 May 2025 {a.employer.name} will pay on Thursdays instead of Wednesdays."],
        panel=docs.panel(a),
    )
    ext = ["pdf", "docx"][i % 2]
    _add(c, f"sidepanel-letter-{ext}", ext, render.render(lt, ext, "sidepanel"), f"notice to {a.client_id}")


EVERYDAY = [
    (payslip_email, 14),
    (letter, 18),
    (employer_query, 8),
    (super_fund, 5),
    (packager, 4),
    (child_support_agency, 3),
    (representative, 5),
    (joint, 3),
    (protected_own, 6),
    (internal, 5),
    (no_client, 8),
    (small_list, 4),
    (exit_invite, 4),
    (own_thread, 5),
    (html_notice, 5),
    (payment_summary_doc, 5),
    (bank_file, 2),
    (sidepanel_letter, 4),
]


def make(c: Corpus, w: World, rng: random.Random, scale: float) -> None:
    for func, base in EVERYDAY:
        for i in range(max(1, round(base * scale))):
            func(c, w, rng, i)
