"""Ordinary legitimate mail: the bulk of what member services sends, so false blocks are measured."""

from __future__ import annotations

from tests.corpora.superfund import content as ct
from tests.corpora.superfund.cases_mail import member_query, thread_reply
from tests.corpora.superfund.corpus import Corpus
from tests.corpora.superfund.formats import message, pdf_bytes
from tests.corpora.superfund.people import DOMAIN, EMPLOYERS, FUNDS, Member, member_no_fmt

PDF = "application/pdf"

TOPICS = [
    ("Withdrawal form", "the withdrawal form you asked for is attached. Please have your identity certified."),
    ("Beneficiary nomination", "we have recorded your binding death benefit nomination. It lapses in three years."),
    ("Insurance cover", "your default cover is 2 units of death and TPD. You can change it online at any time."),
    ("Investment switch", "your switch to the Balanced option will be processed at the next unit price."),
    ("Change of details", "we have updated your contact details as requested."),
    ("Lost super search", "we found two other super accounts in your name through the ATO and can roll them in."),
    ("Hardship release", "we need two recent Centrelink income support letters before we can assess your request."),
]


def replies(cx: Corpus) -> None:
    for i in range(cx.count(16)):
        m = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        subject, line = TOPICS[i % len(TOPICS)]
        body = f"Dear {m.given},\n\nThank you for contacting us: {line}\n\n"
        if i % 3 == 0:
            body += f"For reference, {member_no_fmt(m.member_no, i).lower()}.\n\n"
        body += ct.signature(cx.rng, staff_name)
        if i % 2:
            body += "\n" + ct.quote(
                member_query(m, cx),
                i // 2,
                f"{m.given} {m.family}",
                f"{cx.when():%d %B %Y %I:%M %p}",
                m.email,
                subject,
                to=f"members@{DOMAIN}",
            )
        cx.add(
            "everyday/member-reply",
            "eml",
            message(
                f"rep{i}{cx.seed}",
                staff_addr,
                [cx.rcpt(m)],
                "RE: " + subject,
                body,
                cx.when(),
                reply_to_id=f"<r{i}@mail.example>",
            ),
            "allow",
            f"reply to {m.client_id}",
        )
    for i in range(cx.count(10)):
        m = cx.reg.others()
        cx.add(
            "threads/own-history",
            "eml",
            thread_reply(cx, m, m, f"own{i}{cx.seed}"),
            "allow",
            f"reply to {m.client_id} quoting their own query",
        )


def internal(cx: Corpus) -> None:
    for i in range(cx.count(8)):
        m = cx.reg.others()
        a_name, a_addr = cx.staff()
        b_name, b_addr = cx.staff()
        text = (
            f"Hi {b_name.split()[0]},\n\nCan you look at {m.given} {m.family}'s account ({m.member_no}, DOB "
            f"{m.dob:%d/%m/%Y})? The member says the March contribution is missing. Phone {m.phones[0]}.\n\n"
            f"Thanks\n{a_name}\n"
        )
        if i % 2:
            text = (
                f"FYI - see below.\n\n{a_name}\n\nFrom: {m.given} {m.family} <{m.email}>\nSent: "
                f"{cx.when():%A, %d %B %Y %I:%M %p}\nTo: Member Services <members@{DOMAIN}>\nSubject: Missing "
                f"contribution\n\n{member_query(m, cx)}\n"
            )
        cx.add(
            "everyday/internal-handover",
            "eml",
            message(f"int{i}{cx.seed}", a_addr, [b_addr], "Member query", text, cx.when()),
            "allow",
            f"internal handover about {m.client_id}",
        )


def statements_by_email(cx: Corpus) -> None:
    for i in range(cx.count(8)):
        m = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        att = pdf_bytes([ct.statement_letter(m, cx.addressee(m), cx.rng, cx.today())])
        text = (
            "Hi "
            + m.given
            + ",\n\nAs requested, a copy of your statement is attached.\n\n"
            + ct.signature(cx.rng, staff_name)
        )
        cx.add(
            "everyday/statement-copy",
            "eml",
            message(
                f"sc{i}{cx.seed}",
                staff_addr,
                [cx.rcpt(m)],
                "Your statement",
                text,
                cx.when(),
                attachments=[("Statement.pdf", PDF, att)],
            ),
            "allow",
            f"own statement to {m.client_id}",
        )


def employers(cx: Corpus) -> None:
    r = cx.reg
    for e, (ename, edomain) in enumerate(EMPLOYERS):
        for j, m in enumerate(r.employees[e][: cx.count(2)]):
            staff_name, staff_addr = cx.staff()
            text = (
                f"Hello Payroll,\n\nWe received a contribution for {m.given} {m.family} "
                f"({member_no_fmt(m.member_no, j)}) "
                f"but the pay period is missing. Please resend the SuperStream file.\n\n"
                f"{ct.signature(cx.rng, staff_name, 'Employer Services')}"
            )
            cx.add(
                "everyday/employer-query",
                "eml",
                message(
                    f"eq{e}{j}{cx.seed}",
                    staff_addr,
                    [f"payroll@{edomain}"],
                    f"{ename}: contribution query",
                    text,
                    cx.when(),
                ),
                "allow",
                f"query to the employer of {m.client_id}",
            )


def rollovers(cx: Corpus) -> None:
    for i in range(cx.count(8)):
        m = cx.reg.others()
        fund = FUNDS[i % len(FUNDS)]
        staff_name, staff_addr = cx.staff()
        text = (
            f"Hello,\n\nRollover in progress for {m.given} {m.family}, DOB {m.dob:%d %b %Y}, "
            f"{member_no_fmt(m.member_no, i)}. Expected amount {ct.money(m.balance)}.\n\n"
            f"{ct.signature(cx.rng, staff_name, 'Benefit Payments')}"
        )
        cx.add(
            "everyday/rollover-to-fund",
            "eml",
            message(f"rl{i}{cx.seed}", staff_addr, [f"transfers@{fund}"], "Rollover", text, cx.when()),
            "allow",
            f"rollover of {m.client_id} to an approved fund",
        )


def special(cx: Corpus) -> None:
    r = cx.reg
    v, ex = r.victim, r.ex
    staff_name, staff_addr = cx.staff()
    sends: list[tuple[str, list[str], str, str]] = [
        (
            "fv.support@" + DOMAIN,
            [cx.rcpt(v)],
            f"Hi {v.given},\n\nWe have recorded your new address {v.address.one_line()} and mobile {v.phones[0]} "
            "and suppressed them: they will not appear on anything sent to anyone else.\n\n"
            "Family Violence Support Team",
            f"own suppressed details to {v.client_id}",
        ),
        (
            staff_addr,
            [r.victim_lawyer],
            f"Dear Sir/Madam,\n\nWe confirm the payment split for your client {v.given} {v.family}, "
            f"{member_no_fmt(v.member_no, 1)}, has been actioned.\n\n"
            f"{ct.signature(cx.rng, staff_name, 'Family Law Team')}",
            f"split of {v.client_id} to her authorised lawyer, no contact details",
        ),
        (
            staff_addr,
            [cx.rcpt(ex)],
            f"Hi {ex.given},\n\nThe payment split on your account {ex.member_no} has been actioned; your new balance "
            f"is {ct.money(ex.balance)}.\n\n{ct.signature(cx.rng, staff_name, 'Family Law Team')}",
            f"split confirmation to {ex.client_id} about his own account",
        ),
        (
            staff_addr,
            [r.executor_email],
            f"Dear Estates Team,\n\nThank you for the grant of probate for the estate of the late {r.deceased.given} "
            f"{r.deceased.family} (member {r.deceased.member_no}, claim {r.deceased.claims[-1]}). The benefit of "
            f"{ct.money(r.deceased.balance)} will be paid to the estate account.\n\n"
            f"{ct.signature(cx.rng, staff_name, 'Benefit Payments')}",
            f"death benefit of {r.deceased.client_id} to the executor's firm, authorised",
        ),
        (
            staff_addr,
            [cx.rcpt(r.wife)],
            f"Hi {r.wife.given},\n\nAs the authorised contact on {r.husband.given}'s account "
            f"({member_no_fmt(r.husband.member_no, 0)}), here is the balance you asked for: "
            f"{ct.money(r.husband.balance)}.\n\n{ct.signature(cx.rng, staff_name)}",
            f"account of {r.husband.client_id} to spouse {r.wife.client_id}, authorised",
        ),
    ]
    for j, (frm, to, text, note) in enumerate(sends):
        cx.add(
            "recipient-own-details/own-suppressed-details" if j == 0 else "everyday/relationship-mail",
            "eml",
            message(f"sp{j}{cx.seed}", frm, to, "Your account", text, cx.when()),
            "allow",
            note,
        )
    for m in (r.same_a, r.same_b):
        text = f"Hi {m.given},\n\nYour member number is {m.member_no}. Date of birth on file {m.dob:%d/%m/%Y}.\n\n"
        cx.add(
            "recipient-own-details/same-name-own",
            "eml",
            message(
                f"sn{m.client_id}",
                staff_addr,
                [cx.rcpt(m)],
                "Your details",
                text + ct.signature(cx.rng, staff_name),
                cx.when(),
            ),
            "allow",
            f"own details to {m.client_id}",
        )


def tfn_requests(cx: Corpus) -> None:
    for i in range(cx.count(4)):
        m: Member = cx.reg.others()
        staff_name, staff_addr = cx.staff()
        text = (
            f"Hi {m.given},\n\nWe don't hold your tax file number. Please add it by logging in to the member "
            "portal (Profile > Tax file number) or call us. For your security, please don't reply with your TFN.\n\n"
            f"{ct.signature(cx.rng, staff_name)}"
        )
        cx.add(
            "everyday/tfn-request",
            "eml",
            message(f"tr{i}{cx.seed}", staff_addr, [cx.rcpt(m)], "Tax file number", text, cx.when()),
            "allow",
            f"TFN request to {m.client_id}, no TFN in it",
        )


def build(cx: Corpus) -> None:
    replies(cx)
    internal(cx)
    statements_by_email(cx)
    employers(cx)
    rollovers(cx)
    special(cx)
    tfn_requests(cx)
