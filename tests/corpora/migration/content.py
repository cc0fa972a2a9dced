"""The practice's documents: letters and emails about a client's matter."""

from __future__ import annotations

from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.registry import Client

VISA = {
    "820/801": "Partner visa (subclass 820/801)",
    "309/100": "Partner visa (subclass 309/100)",
    "482": "Skills in Demand visa (subclass 482)",
    "186": "Employer Nomination Scheme visa (subclass 186)",
    "494": "Skilled Employer Sponsored Regional (Provisional) visa (subclass 494)",
    "500": "Student visa (subclass 500)",
    "485": "Temporary Graduate visa (subclass 485)",
    "866": "Protection visa (subclass 866)",
    "600": "Visitor visa (subclass 600)",
    "CIT": "Australian citizenship",
}


def visa(c: Client) -> str:
    return VISA.get(c.subclass, "visa")


def block(c: Client, caps: bool = True, written: bool = False) -> list[str]:
    name = f"{c.title} {c.written}".strip() if written else c.formal
    return [name, *c.addr.block(caps)]


def dmy(iso: str) -> str:
    months = "January February March April May June July August September October November December".split()
    y, m, d = iso.split("-")
    return f"{int(d)} {months[int(m) - 1]} {y}"


def office_of(c: Client) -> int:
    return 2 if c.addr.state == "WA" else (1 if c.addr.pc.startswith("317") else 0)


def engagement(c: Client) -> list[str]:
    return [
        f"Thank you for choosing {W.FIRM} to assist with your {visa(c)} application. This letter and the enclosed "
        "Costs Agreement set out the scope of our work, our fees and your responsibilities.",
        "Our professional fee for this stage is $4,950 (including GST), payable in three instalments. Department "
        "visa application charges are paid directly to the Department of Home Affairs and are not part of our fee.",
        f"Please quote our reference {c.matter} in all correspondence. Please sign and return the Costs Agreement "
        "within 14 days. You may end our engagement at any time by writing to us.",
    ]


def checklist(c: Client, other: Client | None = None) -> list[str]:
    p = other or c
    return [
        f"To prepare your {visa(c)} application we need the documents below. Certified copies are not required "
        "for online lodgement; clear colour scans are enough.",
        f"1. Passport bio page (passport {p.passport}) for every applicant.\n2. Birth certificate with a certified "
        "English translation.\n3. National police certificates for every country you lived in for 12 months or "
        "more in the last ten years.\n4. Evidence of the relationship or employment, as listed on the enclosed "
        "schedule.",
        "Please upload the scans to the secure client portal rather than sending them by email.",
    ]


def rfi(c: Client, other: Client | None = None) -> list[str]:
    p = other or c
    return [
        f"The Department of Home Affairs has written to us under section 56 of the Migration Act 1958 asking for "
        f"more information about the application lodged under Transaction Reference Number {p.trn}.",
        "The Department asks for updated evidence of your current circumstances and a completed Form 80. The "
        "response is due by 24 November 2025. If the information is not provided, the Department may decide the "
        "application on what it already has.",
        "Please book a time with us this week so we can go through the request together.",
    ]


def grant(c: Client, other: Client | None = None) -> list[str]:
    p = other or c
    g = p.grant or "1" + p.passport[1:] + "00000"
    return [
        f"We are pleased to tell you that the Department of Home Affairs has granted the {visa(c)}. The grant "
        f"number is {g}, and the visa is in effect from the date of grant.",
        "The grant notice is enclosed. Please read the visa conditions carefully; condition 8501 requires you to "
        "keep adequate health insurance where it applies. Your visa is linked electronically to your passport; "
        "no label is placed in it. You can check your details at any time through VEVO.",
    ]


def police(c: Client) -> list[str]:
    return [
        f"This is a reminder that your Australian National Police Check for matter {c.matter} has not yet reached "
        "us. The Department will not decide the application without it.",
        "Please apply through the AFP website, choosing 'Immigration/Citizenship' as the purpose and Code 33, and "
        "forward the certificate to us as soon as it arrives.",
    ]


def health(c: Client) -> list[str]:
    return [
        f"The Department has asked that you complete the immigration health examinations for your {visa(c)} "
        "application within 28 days.",
        "Please book with Bupa Medical Visa Services using the HAP ID shown in your ImmiAccount and the referral "
        "letter we emailed. Take your passport to the appointment.",
    ]


def invoice(c: Client, n: int) -> list[str]:
    return [
        f"Please find our tax invoice INV-{20400 + n} for professional services on matter {c.matter}: "
        f"${1650 + 110 * (n % 7):,}.00 including GST, due in 14 days.",
        "You may pay by bank transfer to our trust account (BSB 063-182, account 1049 2277, reference: your matter "
        "number) or by card through the client portal. A trust account receipt is issued for every deposit.",
    ]


def sponsor_update(c: Client) -> list[str]:
    return [
        f"We write about matter {c.matter}. As you know, the sponsorship undertaking you gave remains on the "
        "Department's file.",
        "We no longer act for you in this matter. If you wish to withdraw your sponsorship, you may write to the "
        "Department directly; we recommend you obtain independent legal advice.",
    ]


def letter(
    to: Client,
    paras: list[str],
    subject: str,
    *,
    about: Client | None = None,
    written: bool = False,
    caps: bool = True,
    signer: W.Staff = W.PRINCIPAL,
    enclosures: list[str] | None = None,
) -> R.Letter:
    a = about or to
    return R.Letter(
        block(to, caps, written),
        paras,
        to.dear,
        ref=a.matter,
        subject=subject,
        office=office_of(to),
        signer=signer,
        enclosures=enclosures or [],
    )


def grant_notice(c: Client) -> bytes:
    return R.pdf_document(
        "Department of Home Affairs - Visa grant notice",
        [
            f"Visa applicant: {c.name}",
            f"Date of birth: {dmy(c.dob)}",
            f"Passport number: {c.passport}",
            f"Transaction reference number: {c.trn}",
            f"Visa grant number: {c.grant or c.passport[1:] + '000000'}",
            f"Visa: {visa(c)}",
            "Date of grant: 29 October 2025",
            "Conditions: please refer to VEVO for the conditions that apply to this visa.",
        ],
    )


def passport_scan(c: Client) -> bytes:
    return R.pdf_document(
        "Certified copy - passport biographical page",
        [
            f"Surname / Nom: {c.family.upper()}",
            f"Given names / Prenoms: {c.given.upper() or '-'}",
            f"Passport No.: {c.passport}",
            f"Date of birth: {dmy(c.dob)}",
            "Date of expiry: 14 FEB 2031",
            "Certified true copy of the original sighted by: Tan Mei Lin, Paralegal",
        ],
    )
