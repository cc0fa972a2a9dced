"""Ordinary legitimate outgoing mail and letters: most of what the scheme sends."""

from __future__ import annotations

import html

from tests.corpora.ombudsman.corpus import Corpus
from tests.corpora.ombudsman.formats import PDF_MIME, Letter, Mail, letters_pdf, pages_pdf
from tests.corpora.ombudsman.people import MEMBERS, ORG_NAME, ORG_PHONE, Client
from tests.corpora.ombudsman.texts import (
    ack_letter,
    ack_mail,
    case_summary,
    issue,
    outcome_letter,
    referral_mail,
    staff_sig,
)

EVENTS = [
    ("Community outreach day - Horsham", "Join our team at the Horsham Town Hall on Thursday 14 May from 10am."),
    ("Member forum: hardship practice", "Our quarterly member forum will cover hardship and payment plans."),
    ("Financial counsellors' briefing", "A briefing for financial counsellors on disconnection complaints."),
    ("Annual report launch", "We are pleased to share our annual report and invite you to the launch."),
]


def _newsletter(cx: Corpus) -> str:
    title, line = cx.rng.choice(EVENTS)
    to = cx.rng.choice(["members-list@ewowd.example", "subscribers@ewowd.example"])
    bcc_note = "You are receiving this because you subscribed to updates from the Ombudsman."
    text = (
        f"{title}\n\n{line}\n\nThis quarter we received 1,284 complaints, 61% about billing. Complaints about "
        f"disconnection fell by 12%. Case study: a customer in the Wimmera region had an estimated bill reduced "
        f"after a meter read (details changed to protect privacy).\n\nRSVP by replying to this email.\n\n"
        f"{bcc_note}\n{ORG_NAME} | {ORG_PHONE}\n"
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    rcpt = cx.rng.choice(["counsellors@fcv-westside.example", "news@community.test", to])
    m = Mail(
        f"{ORG_NAME} <news@ewowd.example>",
        [rcpt],
        title,
        text,
        html=f"<html><body>{body}</body></html>",
        when=cx.when(),
    )
    return cx.mail("everyday/newsletter-event", m, "newsletter or event invitation, no client data")


def _ack_letter(cx: Corpus, c: Client) -> str:
    topic, _ = issue(cx)
    return cx.letter("everyday/acknowledgement-letter", ack_letter(cx, c, topic), f"acknowledgement to {c.cid}")


def _ack_mail(cx: Corpus, c: Client) -> str:
    topic, _ = issue(cx)
    return cx.mail(
        "everyday/acknowledgement-email",
        ack_mail(cx, c, topic, to=cx.rng.choice(c.emails)),
        f"acknowledgement email to {c.cid}",
    )


def _referral(cx: Corpus, c: Client) -> str:
    _, detail = issue(cx)
    return cx.mail("everyday/referral", referral_mail(cx, c, c.member, detail), f"referral of {c.cid} to its member")


def _rfi(cx: Corpus, c: Client) -> str:
    name, sender = cx.sender()
    text = (
        f"Dear {c.member.name},\n\nRe: {c.formal}, account {c.account_spaced()}, our ref {c.case_ref}\n\n"
        "To progress our investigation please provide within 15 business days:\n"
        "1. the account history and all bills since 1 July 2025;\n2. meter reads and any meter test report;\n"
        "3. records of calls with the customer, including any payment arrangement offered;\n"
        "4. your hardship policy as it applied at the time.\n\n"
        f"Regards,\n{staff_sig(name)}\n"
    )
    m = Mail(sender, [f"ombudsman@{c.member.domain}"], f"Request for information - {c.case_ref}", text, when=cx.when())
    return cx.mail("everyday/request-for-information", m, f"request for information about {c.cid} to its member")


def _outcome_pair(cx: Corpus, c: Client) -> list[str]:
    topic, detail = issue(cx)
    a = cx.letter("everyday/conciliation-outcome", outcome_letter(cx, c, topic), f"outcome letter to {c.cid}")
    name, sender = cx.sender()
    pdf = pages_pdf(
        [
            [
                f"{ORG_NAME}",
                "Conciliation outcome",
                "",
                *case_summary(c, detail),
                "",
                "Agreed: credit and fee waiver as discussed at conference.",
            ]
        ]
    )
    m = Mail(
        sender,
        [f"complaints@{c.member.domain}"],
        f"Conciliation outcome {c.complaint_no}",
        f"Hello,\n\nAttached is the agreed outcome for complaint {c.complaint_no}.\n\n{staff_sig(name)}\n",
        attachments=[(f"outcome-{c.complaint_no}.pdf", PDF_MIME, pdf)],
        when=cx.when(),
    )
    b = cx.mail("everyday/conciliation-outcome", m, f"outcome for {c.cid} to its member company")
    return [a, b]


def _investigation(cx: Corpus, c: Client) -> str:
    topic, detail = issue(cx)
    pages = [
        [
            ORG_NAME,
            "INVESTIGATION REPORT",
            f"Complaint {c.complaint_no}",
            "",
            *case_summary(c, detail),
            "",
            "Findings",
            f"The Ombudsman finds that {c.member.name} did not follow its own procedures about {topic}.",
        ],
        [
            "Recommendations",
            "1. Credit the account.",
            "2. Apologise to the customer in writing.",
            "3. Review staff training.",
            "",
            "Issued to both parties.",
        ],
    ]
    name, sender = cx.sender()
    to = cx.rng.choice([[c.email], [f"complaints@{c.member.domain}"]])
    m = Mail(
        sender,
        to,
        f"Investigation report {c.complaint_no}",
        f"Please find attached the investigation report.\n\n{staff_sig(name)}\n",
        attachments=[(f"Investigation_{c.case_ref.replace('/', '-')}.pdf", PDF_MIME, pages_pdf(pages))],
        when=cx.when(),
    )
    return cx.mail("everyday/investigation-report", m, f"investigation report about {c.cid} to a party")


def _rep(cx: Corpus, c: Client) -> str:
    assert c.rep
    rname, org, rmail = c.rep
    topic, _ = issue(cx)
    name, sender = cx.sender()
    text = (
        f"Dear {rname.split()[0]},\n\nThank you for the signed authority from your client {c.formal} "
        f"(complaint {c.complaint_no}). {c.member.name} has offered a payment plan of $25 a fortnight on account "
        f"{c.account_spaced()} and to hold any disconnection while the plan is discussed. Please let us know "
        f"whether your client accepts.\n\n{staff_sig(name)}\n"
    )
    m = Mail(sender, [rmail], f"{c.complaint_no} - {c.family} - offer", text, when=cx.when())
    return cx.mail("relationships/authorised-representative", m, f"update about {c.cid} to its authorised rep")


def _child(cx: Corpus, parent: Client, child: Client) -> str:
    topic, _ = issue(cx)
    letter = ack_letter(cx, parent, topic, block=cx.block(child))
    letter.salutation = f"Dear {child.title} {child.family},"
    letter.body.insert(0, f"We write as you hold a signed authority to act for your parent, {parent.formal}.")
    return cx.letter(
        "relationships/adult-child-authority",
        letter,
        f"letter about {parent.cid} to {child.cid}, an authorised contact",
    )


def _joint(cx: Corpus, a: Client, b: Client) -> str:
    topic, _ = issue(cx)
    letter = outcome_letter(cx, a, topic, block=cx.block(b))
    letter.salutation = f"Dear {b.title} {b.family},"
    return cx.letter("relationships/joint-holder", letter, f"outcome about joint account of {a.cid} to {b.cid}")


def _interpreter(cx: Corpus, c: Client) -> list[str]:
    topic, _ = issue(cx)
    a = cx.letter(
        "everyday/interpreter-assisted",
        ack_letter(cx, c, topic, interpreter=True),
        f"acknowledgement to {c.cid} with interpreter note",
    )
    name, sender = cx.sender()
    m = Mail(
        sender,
        ["bookings@tisnational.example"],
        f"Interpreter booking - {c.language}",
        f"Please book a {c.language} telephone interpreter for {cx.date_text()} at 10:30am for a call with "
        f"our client {c.given} (complaint {c.complaint_no}). Expected length 40 minutes.\n\n{staff_sig(name)}\n",
        when=cx.when(),
    )
    b = cx.mail("everyday/interpreter-booking", m, f"interpreter booking for {c.cid} to the approved service")
    return [a, b]


def _fv_own(cx: Corpus, her: Client) -> str:
    topic, _ = issue(cx)
    letter = ack_letter(cx, her, topic, block=cx.block(her))
    letter.body.append(
        "We have recorded that your contact details are confidential. We will not give them to "
        "anyone, including the other account holder."
    )
    letter.signoff = cx.signoff(fv=True)
    return cx.letter(
        "suppressed-loose/own-suppressed-address", letter, f"letter to {her.cid} at her own suppressed address"
    )


def _fv_staff(cx: Corpus, her: Client) -> str:
    name, sender = cx.sender()
    _, to, _ = cx.staff(fv=True)
    text = (
        f"Hi team,\n\nNew address for {her.formal} ({her.complaint_no}): {her.address.one_line()}, "
        f"mobile {her.phone}. Please keep this confidential and update the CRM flag.\n\n{name}\n"
    )
    m = Mail(sender, [to], f"Confidential - {her.complaint_no}", text, when=cx.when())
    return cx.mail("suppressed-loose/to-fv-staff", m, f"suppressed details of {her.cid} to listed FV staff")


def _hardship_member(cx: Corpus, c: Client) -> str:
    extra = (
        "URGENT: the customer reports a disconnection notice with supply to be cut on "
        f"{cx.date_text()}. Please place a hold on disconnection while the complaint is open.\n"
    )
    m = referral_mail(cx, c, c.member, "Hardship and disconnection complaint.", extra=extra)
    m.subject = f"URGENT disconnection hold - {c.complaint_no}"
    return cx.mail("everyday/hardship-disconnection", m, f"urgent hardship referral of {c.cid} to its member")


def _html_ack(cx: Corpus, c: Client) -> str:
    topic, _ = issue(cx)
    m = ack_mail(cx, c, topic)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in m.text.split("\n\n"))
    m.html = f'<html><body><table role="presentation"><tr><td><h2>{ORG_NAME}</h2>{body}</td></tr></table></body></html>'
    return cx.mail("html-mail/acknowledgement", m, f"HTML acknowledgement to {c.cid}")


def _thread_own(cx: Corpus, c: Client) -> str:
    n1, s1 = cx.sender()
    n2, _ = cx.sender()
    _, detail = issue(cx)
    text = (
        f"Hello,\n\nForwarding our notes on {c.complaint_no} so you have the history before the conference.\n\n"
        f"{n1}\n\n---------- Forwarded message ----------\nFrom: {n2}\nSubject: {c.complaint_no} notes\n\n"
        f"Spoke with {c.given} on {c.phone}. {detail} Account {c.account_spaced()}. She would accept a credit.\n"
    )
    m = Mail(s1, [f"complaints@{c.member.domain}"], f"Fwd: {c.complaint_no} notes", text, when=cx.when())
    return cx.mail("threads/forward-to-member", m, f"internal notes on {c.cid} forwarded to its member")


def _reply_quoting(cx: Corpus, c: Client) -> str:
    name, sender = cx.sender()
    topic, detail = issue(cx)
    when = cx.date_text()
    text = (
        f"Dear {c.given.split()[0]},\n\nThank you for the extra information. I have passed it to {c.member.name} "
        f"and will call you next week.\n\n{name}\n\nOn {when}, {c.name} wrote:\n"
        f"> Hi, my complaint is {c.complaint_no}. {detail}\n> I am at {c.address.one_line()} and my mobile is "
        f"{c.phone}.\n> Account {c.account}\n"
    )
    m = Mail(sender, [c.email], f"RE: complaint {c.complaint_no} about {topic}", text, when=cx.when())
    m.headers["In-Reply-To"] = f"<CAK{cx.rng.randint(10**9, 10**10)}x@{c.email.split('@')[1]}>"
    return cx.mail("threads/reply-quoting-complainant", m, f"reply to {c.cid} quoting its own message")


def _member_general(cx: Corpus) -> str:
    m = cx.rng.choice(MEMBERS)
    name, sender = cx.sender()
    text = (
        f"Dear colleagues,\n\nA reminder that the updated Charter takes effect on 1 July. Referral timeframes "
        f"change from 10 to 15 business days for complex complaints.\n\n{staff_sig(name)}\n"
    )
    mail = Mail(sender, [f"regulatory@{m.domain}"], "Charter changes from 1 July", text, when=cx.when())
    return cx.mail("everyday/member-notice", mail, "notice to a member company, no client data")


def _merged_ok(cx: Corpus, cs: list[Client]) -> str:
    letters: list[Letter] = []
    for c in cs:
        topic, _ = issue(cx)
        letters.append(ack_letter(cx, c, topic))
    data = letters_pdf(letters)
    return cx.multi(
        "everyday/merged-pdf",
        "pdf",
        data,
        "merged acknowledgements, each to its own complainant",
        [{"expect": "allow"} for _ in cs],
    )


def _refund(cx: Corpus, c: Client) -> str:
    bsb = f"{cx.rng.choice(['063', '033', '083', '013'])}-{cx.rng.randint(100, 999)}"
    acct = f"{cx.rng.randint(10000000, 99999999)}"
    topic, _ = issue(cx)
    letter = outcome_letter(cx, c, topic)
    letter.body.append(
        f"The refund will be paid into the bank account you nominated (BSB {bsb}, account {acct}) within 10 "
        "business days. Please contact us if these details are not correct."
    )
    return cx.letter("identifiers-dates/bank-details-own", letter, f"refund letter to {c.cid} with own bank details")


def _couple_letter(cx: Corpus, a: Client, b: Client) -> str:
    topic, _ = issue(cx)
    names = f"{a.title} {a.given} & {b.title} {b.given} {a.family}"
    letter = outcome_letter(cx, a, topic, block=[names, *a.address.block(cx.rng.random() < 0.5)])
    letter.salutation = f"Dear {a.title} and {b.title} {a.family},"
    return cx.letter("relationships/couple-joint-address", letter, f"letter to joint holders {a.cid} and {b.cid}")


def _internal_note(cx: Corpus, c: Client) -> str:
    name, sender = cx.sender()
    _, to, _ = cx.non_fv_staff()
    _, detail = issue(cx)
    text = (
        f"Hi,\n\nCan you pick up {c.complaint_no} while I am on leave? {c.formal}, {c.address.one_line()}, "
        f"{c.phone}. {detail}\n\nThanks,\n{name}\n"
    )
    m = Mail(sender, [to], f"Handover {c.complaint_no}", text, when=cx.when())
    return cx.mail("everyday/internal-case-note", m, f"internal handover about {c.cid}")


def _care_of(cx: Corpus, c: Client) -> str:
    topic, _ = issue(cx)
    letter = ack_letter(cx, c, topic, block=[c.formal, *c.address.block(True)])
    return cx.letter("address-block/care-of", letter, f"letter to {c.cid} at its registered c/- address")


def build(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    pool = reg.ordinary
    for _ in range(cx.times(8)):
        _newsletter(cx)
    for _ in range(cx.times(14)):
        _ack_letter(cx, rng.choice(pool + reg.interpreted))
    for _ in range(cx.times(8)):
        _ack_mail(cx, rng.choice(pool))
    for _ in range(cx.times(10)):
        _referral(cx, rng.choice(pool))
    for _ in range(cx.times(5)):
        _rfi(cx, rng.choice(pool))
    for _ in range(cx.times(5)):
        _outcome_pair(cx, rng.choice(pool))
    for _ in range(cx.times(4)):
        _investigation(cx, rng.choice(pool))
    for c in reg.represented:
        _rep(cx, c)
    for parent, child in reg.children:
        _child(cx, parent, child)
    for a, b in reg.couples:
        _joint(cx, a, b)
    for c in reg.interpreted[: cx.times(4)]:
        _interpreter(cx, c)
    for her, _ in reg.fv:
        _fv_own(cx, her)
    for her, _ in reg.fv[: cx.times(3)]:
        _fv_staff(cx, her)
    for _ in range(cx.times(5)):
        _hardship_member(cx, rng.choice(pool))
    for _ in range(cx.times(5)):
        _html_ack(cx, rng.choice(pool))
    for _ in range(cx.times(4)):
        _thread_own(cx, rng.choice(pool))
    for _ in range(cx.times(4)):
        _member_general(cx)
    for _ in range(cx.times(4)):
        _reply_quoting(cx, rng.choice(pool))
    _merged_ok(cx, rng.sample(pool, 4))
    for _ in range(cx.times(4)):
        _refund(cx, rng.choice(pool))
    for a, b in reg.couples[: cx.times(3)]:
        _couple_letter(cx, a, b)
    for _ in range(cx.times(4)):
        _internal_note(cx, rng.choice(pool))
    for _ in range(cx.times(2)):
        _care_of(cx, reg.represented[0])
