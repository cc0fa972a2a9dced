"""What staff write: letters and messages built from one complainant's record."""

from __future__ import annotations

from tests.corpora.ombudsman.corpus import Corpus
from tests.corpora.ombudsman.formats import Letter, Mail
from tests.corpora.ombudsman.people import ORG_DOMAIN, ORG_NAME, ORG_PHONE, Client, Member

ISSUES = [
    (
        "a disputed estimated bill",
        "The bill for the period ending {d} was estimated and is about three times the usual amount.",
    ),
    ("a disconnection for non-payment", "Supply was disconnected on {d} although a payment plan had been agreed."),
    ("hardship assistance", "The customer asked to join the hardship program and was told she was not eligible."),
    ("a water leak allowance", "A concealed leak was repaired on {d} and the customer seeks a leak allowance."),
    ("a solar feed-in credit", "Feed-in credits have not appeared on the last two bills."),
    (
        "a transfer without consent",
        "The account was transferred to a new retailer on {d} without the customer's consent.",
    ),
    ("a meter exchange", "The meter was exchanged on {d} and the next bill doubled."),
    ("a restriction of water supply", "A flow restrictor was fitted on {d} while a payment plan was in place."),
    (
        "a life-support registration",
        "The customer's life-support registration was not recorded before a planned outage.",
    ),
    ("a backbilling claim", "The customer received a bill backdated fourteen months."),
]


def issue(cx: Corpus) -> tuple[str, str]:
    topic, detail = cx.rng.choice(ISSUES)
    return topic, detail.format(d=cx.date_text())


def ack_letter(
    cx: Corpus,
    c: Client,
    topic: str,
    block: list[str] | None = None,
    refs: list[str] | None = None,
    interpreter: bool = False,
) -> Letter:
    body = [
        f"Thank you for contacting us about {topic} with {c.member.name}. We have registered your complaint "
        f"and referred it to {c.member.name}, who has 10 business days to contact you and try to resolve it.",
        "If the complaint is not resolved you can ask us to investigate. Please quote the reference above "
        "whenever you contact us.",
    ]
    if interpreter:
        body.append(
            f"You told us you prefer to speak {c.language}. We will book a {c.language} interpreter through the "
            f"Translating and Interpreting Service for every call. You do not need to pay for this."
        )
    return Letter(
        address=block or cx.block(c),
        date=cx.date_text(),
        refs=refs or cx.ref_lines(c),
        salutation=f"Dear {c.title} {c.family},",
        subject="Your complaint has been registered",
        body=body,
        signoff=cx.signoff(),
        letterhead=cx.rng.randint(0, 3),
    )


def outcome_letter(cx: Corpus, c: Client, topic: str, block: list[str] | None = None) -> Letter:
    amount = cx.rng.choice(["$184.60", "$412.00", "$1,250.00", "$96.35", "$730.10"])
    return Letter(
        address=block or cx.block(c),
        date=cx.date_text(),
        refs=cx.ref_lines(c),
        salutation=f"Dear {c.title} {c.family},",
        subject="Outcome of conciliation",
        body=[
            f"Thank you for taking part in the conciliation conference about {topic}. {c.member.name} has agreed "
            f"to credit {amount} to account {c.account_spaced()} and to waive late payment fees.",
            "Both parties have accepted this outcome. We have sent the same summary to the company and will "
            "close the complaint once the credit appears on your next bill.",
        ],
        signoff=cx.signoff(),
        letterhead=cx.rng.randint(0, 3),
    )


def case_summary(c: Client, detail: str, show_address: bool = True) -> list[str]:
    lines = [
        f"Complainant: {c.formal}",
        f"Complaint no.: {c.complaint_no}   File: {c.case_ref}",
        f"{c.member.name} account: {c.account_spaced()}",
    ]
    if show_address:
        lines += [f"Supply / postal address: {c.address.one_line()}", f"Phone: {c.phone}"]
    lines += [f"Issue: {detail}", "Outcome sought: a review of the account and a fair credit."]
    return lines


def referral_mail(
    cx: Corpus, c: Client, member: Member, detail: str, show_contact: bool = True, extra: str = ""
) -> Mail:
    name, sender = cx.sender()
    if show_contact:
        contact = f"Address: {c.address.one_line()}\nPhone: {c.phone}\nEmail: {c.email}\n"
    else:
        contact = (
            "Contact details: WITHHELD. This complainant's address and phone are confidential. Please contact "
            f"the complainant only through our office ({ORG_PHONE}, quoting the complaint number).\n"
        )
    text = (
        f"Hello {member.name} escalations team,\n\n"
        f"Please find below a new complaint referred under the Scheme's Charter. Please contact the customer "
        f"within 10 business days.\n\n"
        f"Complaint no.: {c.complaint_no}\nCustomer: {c.formal}\nAccount: {c.account_spaced()}\n{contact}"
        f"\nComplaint: {detail}\n{extra}\nKind regards,\n{name}\n{ORG_NAME}\n"
    )
    return Mail(sender, [member.referrals], f"New referral {c.complaint_no} - {c.family}", text, when=cx.when())


def ack_mail(cx: Corpus, c: Client, topic: str, to: str | None = None) -> Mail:
    name, sender = cx.sender()
    text = (
        f"Dear {c.given.split()[0]},\n\nThank you for your complaint about {topic}. Your complaint number is "
        f"{c.complaint_no}. We have referred it to {c.member.name} (account {c.account_spaced()}); they will "
        f"contact you within 10 business days.\n\nIf you need to reach us, call {ORG_PHONE} or reply to this "
        f"email.\n\nRegards,\n{name}\n{ORG_NAME}\n"
    )
    return Mail(sender, [to or c.email], f"Your complaint {c.complaint_no}", text, when=cx.when())


def staff_sig(name: str) -> str:
    return f"{name}\n{ORG_NAME}\nPh {ORG_PHONE} | {ORG_DOMAIN}"
