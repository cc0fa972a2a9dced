"""What a claims agent writes: the letter model and the wording of its everyday letters."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids
from .org import CASE_MANAGERS, ORG_NAME, ORG_PHONE, PARTIES, Person
from .people import Client

TODAY = date(2026, 3, 2)


@dataclass
class Page:
    """An enclosure printed behind the letter: a certificate, a schedule, a report page."""

    title: str
    lines: list[str]
    table: list[list[str]] | None = None


@dataclass
class Letter:
    name_lines: list[str]
    addr_lines: list[str]
    date: str
    subject: str
    paras: list[str]
    salutation: str | None = "Dear Sir or Madam"
    refs: list[tuple[str, str]] = field(default_factory=list)
    pre_greeting: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    signoff: list[str] = field(default_factory=list)
    confidential: bool = False
    enclosures: list[Page] = field(default_factory=list)
    table_after: int = 0  # the paragraph the table follows

    @property
    def block(self) -> list[str]:
        return self.name_lines + self.addr_lines

    def text_body(self) -> list[str]:
        """Everything below the address block as lines of text (for TXT/RTF/HTML and e-mail bodies)."""
        out = list(self.pre_greeting)
        if self.pre_greeting:
            out.append("")
        if self.salutation:
            out += [self.salutation + ",", ""]
        if self.subject:
            out += [self.subject, ""]
        for p in self.paras:
            out += [p, ""]
        return out


def weekday(d: date) -> date:
    """Move a Saturday or Sunday to the Monday after."""
    return d + timedelta(days=(7 - d.weekday()) % 7 if d.weekday() >= 5 else 0)


def letter_date(rng: random.Random) -> date:
    return weekday(TODAY + timedelta(days=rng.randrange(0, 90)))


def signoff(cm: Person, rng: random.Random) -> list[str]:
    close = rng.choice(["Yours sincerely", "Yours faithfully", "Kind regards", "Yours sincerely"])
    return [close, "", cm.name, cm.title, ORG_NAME]


def details_table(c: Client, dob_style: str, ref_style: str = "canon", with_employer: bool = True) -> list[list[str]]:
    rows = [
        ["Worker", c.full],
        ["Date of birth", ids.fmt_date(c.dob, dob_style)],
        ["Claim number", ids.fmt_ref(c.claim, ref_style)],
        ["Date of injury", ids.fmt_date(c.injury_date, "long")],
    ]
    if with_employer:
        rows.append(["Employer", f"{c.employer.name} (ABN {ids.fmt_abn(c.employer.abn)})"])
    return rows


SERVICES = {
    "gp": ("Initial consultation", "Review consultation", "Certificate of capacity", "Long consultation"),
    "physio": ("Initial physiotherapy assessment", "Physiotherapy treatment", "Hydrotherapy session"),
    "psych": ("Psychology session", "Initial psychological assessment", "Psychology report"),
}
KINDS = ("weekly", "medical", "ime", "liability", "certificate", "rtw", "stepdown", "travel", "closure", "conciliation")


def compose(
    kind: str,
    to: Client,
    rng: random.Random,
    *,
    about: Client | None = None,
    claim: str | None = None,
    cm: Person | None = None,
    dob_style: str | None = None,
    ref_style: str = "canon",
    name_style: str = "formal",
    addr_style: str = "plain",
    when: date | None = None,
    worker_line: bool | None = None,
) -> Letter:
    """A letter of a given kind addressed to `to`; `about` (default `to`) supplies the claim details."""
    a = about or to
    claim = claim or a.claim
    cm = cm or rng.choice(CASE_MANAGERS)
    when = when or letter_date(rng)
    dob_style = dob_style or rng.choice(ids.DATE_STYLES[:7])
    ref = ids.fmt_ref(claim, ref_style)
    inj = ids.fmt_date(a.injury_date, rng.choice(["long", "dmy", "short-mon"]))
    emp = a.employer.name
    paras: list[str]
    table: list[list[str]] | None = None
    contact = (
        f"If you have any questions, please contact me on {cm.phone} or email {cm.email}. If you need an "
        f"interpreter, call TIS National on 131 450 and ask them to call us on {ORG_PHONE}."
    )
    if kind == "weekly":
        start = when - timedelta(days=28)
        subject = f"Weekly payments - claim {ref}"
        piawe = rng.uniform(900, 2400)
        paras = [
            f"We are writing to confirm the weekly payments made on your claim for the period "
            f"{ids.fmt_date(start, 'long')} to {ids.fmt_date(when - timedelta(days=1), 'long')}.",
            f"Your pre-injury average weekly earnings (PIAWE) have been assessed at ${piawe:,.2f}. As your "
            "certificate of capacity states that you have no current work capacity, you are entitled to 95% of "
            "your PIAWE for the first 13 weeks of incapacity.",
            "Payments are made fortnightly into your nominated bank account. If you return to work in any "
            "capacity, or your capacity changes, please tell us within 7 days.",
            contact,
        ]
        table = [["Period ending", "Gross", "PAYG withheld", "Net paid"]]
        for k in range(2):
            g = piawe * 0.95 * 2
            table.append(
                [
                    ids.fmt_date(start + timedelta(days=14 * (k + 1)), "dmy"),
                    f"${g:,.2f}",
                    f"${g * 0.19:,.2f}",
                    f"${g * 0.81:,.2f}",
                ]
            )
    elif kind == "medical":
        subject = "Approval of medical and related expenses"
        clinic = rng.choice(PARTIES["clinics"])
        paras = [
            f"We have approved the following expenses on your claim for the {a.injury} you sustained on {inj}.",
            f"Payment of the approved amounts has been made directly to {clinic.name}. You do not need to pay "
            "these accounts. Please keep any receipts for expenses you pay yourself and send them to us within "
            "six months.",
            contact,
        ]
        table = [["Provider", "Date of service", "Item", "Amount"]]
        for _ in range(rng.randrange(2, 5)):
            d = a.injury_date + timedelta(days=rng.randrange(10, 300))
            table.append(
                [
                    clinic.name,
                    ids.fmt_date(d, "dmy"),
                    rng.choice(SERVICES[clinic.kind]),
                    ids.money(rng, 65, 480),
                ]
            )
    elif kind == "ime":
        ime = PARTIES["approved"][2]
        doc = rng.choice([p for p in ime.contacts if p.name.startswith("Dr")])
        appt = weekday(when + timedelta(days=rng.randrange(14, 40)))
        subject = "Independent medical examination - appointment"
        paras = [
            f"We have arranged for you to attend an independent medical examination (IME) with {doc.name}, "
            f"{doc.title}, at {ime.postal[0].title()}, North Sydney on {ids.fmt_date(appt, 'weekday')} at "
            f"{rng.choice(['9.15 am', '10.30 am', '1.45 pm', '3.00 pm'])}.",
            "The examination is about your injury, your treatment and your capacity for work. Please bring "
            "photo identification, any X-rays, MRI or CT scans, and a list of the medicines you take.",
            "We will reimburse reasonable travel expenses. If you cannot attend, please call us at least 48 "
            "hours beforehand, as a cancellation fee may otherwise apply.",
            contact,
        ]
    elif kind == "liability":
        subject = "Notice of decision on your claim"
        paras = [
            f"We have accepted liability for your claim for compensation for {a.injury} sustained on {inj} "
            f"while employed by {emp}.",
            "This means we will pay weekly payments while you have an incapacity for work, and the reasonable "
            "costs of medical and related treatment for your injury.",
            "If you disagree with any decision we make on your claim, you can ask us to review it, or contact "
            "the Workers Compensation Conciliation Service on 1800 502 118.",
            contact,
        ]
    elif kind == "certificate":
        due = when + timedelta(days=rng.randrange(5, 20))
        subject = "Your certificate of capacity"
        paras = [
            f"Our records show that your current certificate of capacity expires on {ids.fmt_date(due, 'long')}.",
            "To keep receiving weekly payments without interruption, please see your treating doctor and send "
            "us a new certificate before that date. You can upload it through the worker portal, email it, or "
            "post it to our Locked Bag address.",
            contact,
        ]
    elif kind == "rtw":
        rtw = a.employer.contacts[0]
        subject = "Your return to work plan"
        paras = [
            f"Thank you for meeting with us and {rtw.name} of {emp} to agree on your return to work plan.",
            f"From {ids.fmt_date(when + timedelta(days=7), 'long')} you will work "
            f"{rng.choice(['3 days a week, 4 hours a day', '4 days a week, 5 hours a day', '5 days, 6 hours'])} "
            "on suitable duties, with no lifting over 5 kg and regular breaks.",
            "The plan will be reviewed in four weeks with your treating doctor's advice.",
            contact,
        ]
    elif kind == "stepdown":
        subject = "Notice of change to your weekly payments"
        paras = [
            "After 13 weeks of incapacity, the rate of weekly payments changes from 95% to 80% of your pre-injury "
            "average weekly earnings.",
            f"Your payments on claim {ref} will change from {ids.fmt_date(when + timedelta(days=14), 'long')}. "
            "This notice is given at least 14 days before the change, as the scheme requires.",
            contact,
        ]
    elif kind == "travel":
        km = rng.randrange(40, 400)
        subject = "Reimbursement of travel expenses"
        paras = [
            f"We have reimbursed {km} km of travel to medical appointments at $0.88 per km "
            f"(${km * 0.88:,.2f}), and parking of {ids.money(rng, 8, 40)}.",
            "The amount will be paid into your nominated account within 5 business days.",
            contact,
        ]
    elif kind == "closure":
        subject = "Your claim is closing"
        paras = [
            f"Your claim has had no activity for some time and we intend to close it on "
            f"{ids.fmt_date(when + timedelta(days=28), 'long')}.",
            "If you still need treatment for your injury, please contact us before that date. You can ask us "
            "to reopen your claim later if your injury needs further treatment.",
            contact,
        ]
    else:  # conciliation
        conf = weekday(when + timedelta(days=rng.randrange(10, 30)))
        subject = "Conciliation conference"
        paras = [
            f"The Workers Compensation Conciliation Service has listed a conciliation conference on your dispute "
            f"for {ids.fmt_date(conf, 'weekday')} at 10.00 am, by telephone.",
            "The conciliation officer will call you. Please have your documents with you. You may have a "
            "representative or a support person with you.",
            contact,
        ]
    refs = [
        ("Claim number", ref),
        ("Date", ids.fmt_date(when, "long")),
        ("Case manager", cm.name),
        ("Direct line", cm.phone),
    ]
    body_refs = paras
    if worker_line is None:
        worker_line = kind in ("medical", "travel") or rng.random() < 0.25
    if worker_line:
        body_refs = [f"Worker: {a.full}    Date of birth: {ids.fmt_date(a.dob, dob_style)}    Claim: {ref}"] + paras
    return Letter(
        name_lines=[to.name_line(name_style)],
        addr_lines=to.addr.block(addr_style),
        date=ids.fmt_date(when, "long"),
        subject=subject,
        paras=body_refs,
        salutation=to.salutation(rng),
        refs=refs,
        table=table,
        signoff=signoff(cm, rng),
        confidential=rng.random() < 0.5,
        table_after=len(body_refs) - len(paras),
    )


CAPACITIES = ("No current work capacity", "Capacity for suitable duties", "Fit for pre-injury duties")


def certificate_page(c: Client, rng: random.Random, dob_style: str = "dmy") -> Page:
    """A certificate of capacity as scanned onto the claim file."""
    start = c.injury_date + timedelta(days=rng.randrange(20, 200))
    return Page(
        "CERTIFICATE OF CAPACITY",
        [
            f"Worker's name: {c.full}",
            f"Date of birth: {ids.fmt_date(c.dob, dob_style)}",
            f"Claim number: {c.claim}",
            f"Address: {c.addr.one_line()}",
            f"Telephone: {c.phone}",
            f"Diagnosis: {c.injury}",
            f"Capacity: {rng.choice(CAPACITIES)}"
            f" from {ids.fmt_date(start, 'dmy')} to {ids.fmt_date(start + timedelta(days=28), 'dmy')}",
            "Treating practitioner: Dr Amal Farouk, Riverside Family Practice",
        ],
    )


def schedule_page(clients: list[Client], title: str = "SCHEDULE OF PAYMENTS") -> Page:
    rows = [["Worker", "Claim", "Date of birth", "Amount"]]
    for i, c in enumerate(clients):
        rows.append([c.full, c.claim, ids.fmt_date(c.dob, "dmy"), f"${412.5 + 37.25 * i:,.2f}"])
    return Page(title, ["Prepared by Corella Claims Services, payments team."], rows)


def notice(rng: random.Random, kind: str) -> tuple[str, list[str]]:
    """A notice without client data: subject and paragraphs."""
    notices = {
        "indexation": (
            "Indexation of weekly payments from 1 July 2026",
            [
                "Weekly payments are indexed each year in line with the wage price index. From 1 July 2026, weekly "
                "payments will increase by 3.4%.",
                "You do not need to do anything: the new rate will apply "
                "automatically from your first payment after 1 July.",
            ],
        ),
        "office": (
            "Office closure over the Easter long weekend",
            [
                "Our offices will be closed from Good Friday 3 April 2026 to Easter Monday 6 April 2026. Weekly "
                "payments "
                "due on Good Friday will be made on Thursday 2 April.",
                f"For urgent matters during the closure please call {ORG_PHONE} and follow the prompts.",
            ],
        ),
        "portal": (
            "Introducing the Corella worker portal",
            [
                "You can now upload certificates of capacity and receipts, see your payments and message your case "
                "manager through our secure worker portal at portal.corellaclaims.example.",
                "Registration takes about five minutes. You will need your claim number and your date of birth.",
            ],
        ),
        "privacy": (
            "Update to our privacy policy",
            [
                "We have updated our privacy policy to explain how we share information with treating practitioners, "
                "rehabilitation providers and the scheme regulator.",
                "You can read the policy at corellaclaims.example/privacy or ask us for a printed copy.",
            ],
        ),
        "bank": (
            "Our bank details are not changing",
            [
                "We are aware of scam emails asking employers and providers to update our bank details. Corella Claims "
                "Services will never ask you to change the account you pay into by email.",
                f"If you receive such a request, please call us on {ORG_PHONE} before acting on it.",
            ],
        ),
        "survey": (
            "Tell us about your experience",
            [
                "We are asking workers whose claims closed in the last year to take part in a short survey. "
                "Taking part "
                "is voluntary and does not affect any claim.",
                "The survey takes about ten minutes.",
            ],
        ),
    }
    return notices[kind]


NOTICE_KINDS = ("indexation", "office", "portal", "privacy", "bank", "survey")
