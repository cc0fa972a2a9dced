"""The office's documents: statements of account under a financial management order, safe custody receipts,
estate distribution statements, guardianship decisions, reports to the tribunal, nominee letters to Centrelink,
letters to banks, aged-care facilities and co-owners. Each builds a `render.Letter` about one client, addressed
to whatever block the case gives it (that is where the incidents go wrong)."""

from __future__ import annotations

from tests.corpora.trustee import world
from tests.corpora.trustee.kit import Corpus, block, dear, fmt_crn, fmt_ref, money
from tests.corpora.trustee.registry import Client, Estate, Protection
from tests.corpora.trustee.render import Letter, PageBreak, Table


def refs_for(cx: Corpus, c: Client, prefix: str, spaced: bool, contact: str) -> list[tuple[str, str]]:
    out = [("Our ref", fmt_ref(c.ref(prefix), spaced)), ("Date", cx.long_date()), ("Contact", contact)]
    if c.crn and prefix == "CM" and spaced:
        out.insert(1, ("Centrelink CRN", fmt_crn(c.crn)))
    return out


def figures(cx: Corpus, c: Client) -> Table:
    rng = cx.rng
    pension = "Age Pension (Centrelink)" if c.dob.year < 1960 else "Disability Support Pension"
    rows = [
        [pension, money(rng, 1900, 2300), ""],
        ["Aged care fees" if c.facility or c.dob.year < 1955 else "Rent", "", money(rng, 1500, 2900)],
        ["Pharmacy and medical", "", money(rng, 60, 400)],
        ["Personal allowance", "", money(rng, 200, 600)],
        ["Interest - common fund", money(rng, 20, 180), ""],
    ]
    return Table(["Item", "Received", "Paid"], rows)


def fm_statement(
    cx: Corpus,
    c: Client,
    to: list[str] | None = None,
    salutation: str | None = None,
    style: int = 0,
    page2: Client | None = None,
    two_pages: bool = False,
) -> Letter:
    """A quarterly statement of account. With `page2` the second page is another client's (printed together)."""
    name, email, _ = cx.officer("Financial Management")
    spaced = style % 2 == 0
    body = [
        f"We manage your finances under the financial management order made by the NSW Civil and "
        f"Administrative Tribunal. This statement shows what we received and paid for you in the quarter to "
        f"{cx.long_date()}.",
        figures(cx, c),
    ]
    if two_pages or page2:
        who = page2 or c
        body += [
            PageBreak(f"{who.title} {who.initials} {who.family} - {fmt_ref(who.ref('CM'), spaced)}"),
            "Assets held for you",
            Table(
                ["Asset", "Value"],
                [
                    ["Common fund cash", money(cx.rng, 3000, 60000)],
                    [
                        f"{who.addr.street_line()} {who.addr.suburb}" if not who.suppressed else "Term deposit",
                        money(cx.rng, 280000, 900000),
                    ],
                ],
            ),
            f"Your budget for the coming year was set at our review on {cx.long_date()}. If your needs change, "
            f"please call {name} on {world.HEAD_PHONE}.",
        ]
    else:
        body.append(
            f"If you have a question about an item, please call {name} on {world.HEAD_PHONE} and quote your reference."
        )
    return Letter(
        to=to or block(c, style),
        date=cx.long_date(),
        subject="Statement of account - financial management",
        salutation=salutation or dear(c, style),
        body=body,
        refs=refs_for(cx, c, "CM", spaced, name),
        office=cx.office(),
        signer=(name, "Client Officer"),
        style=["two-column", "centred", "two-column", "caps", "centred", "two-column"][style % 6],
        window=["left", "right", "low"][style % 3],
        cont=f"{c.title} {c.initials} {c.family} - {fmt_ref(c.ref('CM'), spaced)}",
    )


def safe_custody_receipt(
    cx: Corpus, c: Client, to: list[str] | None = None, style: int = 0, dob_style: int = 0
) -> Letter:
    from tests.corpora.trustee.kit import dob_text

    name, _, _ = cx.officer("Wills and Safe Custody")
    year = cx.rng.randint(2008, 2024)
    body = [
        "Thank you for lodging your will with us for safe keeping. We hold the following document in our "
        "safe custody vault:",
        Table(
            ["Document", "Will-maker", "Date of birth", "Packet"],
            [
                [
                    f"Will dated {cx.rng.randint(1, 28)}/{cx.rng.randint(1, 12)}/{year}",
                    c.name,
                    dob_text(c.dob, dob_style),
                    fmt_ref(c.ref("WSC"), style % 2 == 0),
                ]
            ],
        ),
        "Only you, or a person you authorise in writing, may uplift the will while you are alive. Please tell us "
        "if your address changes, and review your will every few years or after a marriage, separation or "
        "the death of an executor.",
    ]
    return Letter(
        to=to or block(c, style),
        date=cx.long_date(),
        subject="Will held in safe custody - receipt",
        salutation=dear(c, style),
        body=body,
        refs=[("Packet no.", fmt_ref(c.ref("WSC"), True)), ("Date", cx.long_date()), ("Officer", name)],
        office=cx.office(),
        signer=(name, "Safe Custody Officer"),
        unit="Wills and Safe Custody",
        style=["two-column", "centred", "form"][style % 3],
        window=["left", "low", "right"][style % 3],
    )


def distribution(
    cx: Corpus, ben: Client, est: Estate, others: str = "names", to: list[str] | None = None, style: int = 0
) -> Letter:
    """An interim distribution statement. others: names (the usual), addresses or bank (what must not go)."""
    name, _, _ = cx.officer("Deceased Estates")
    share = f"{100 // len(est.beneficiaries)}%"
    rows = []
    for b in est.beneficiaries:
        row = [f"{b.given} {b.family}", share, money(cx.rng, 20000, 90000)]
        if others == "addresses":
            row.append(b.addr.line if b is not ben else "to you")
        elif others == "bank":
            row.append(
                f"BSB 06{cx.rng.randint(1, 9)}-{cx.rng.randint(100, 999)} acct {cx.rng.randint(10000000, 99999999)}"
                if b is not ben
                else "your nominated account"
            )
        else:
            row.append("paid by EFT")
        rows.append(row)
    body = [
        f"Estate of the late {est.deceased}, who died on {cx.long_date(est.died)}.",
        "The Supreme Court granted us letters of administration and we have now collected the estate's assets. "
        "We are making an interim distribution to the beneficiaries under the will as follows:",
        Table(["Beneficiary", "Share", "Interim amount", "Payment"], rows),
        "A final distribution will follow once the estate's last tax return is lodged and any claims are settled.",
    ]
    return Letter(
        to=to or block(ben, style),
        date=cx.long_date(),
        subject=f"Estate of the late {est.deceased}",
        salutation=dear(ben, style),
        body=body,
        refs=[("Estate ref", fmt_ref(est.ref, style % 2 == 0)), ("Date", cx.long_date()), ("Contact", name)],
        office=cx.office(),
        signer=(name, "Estate Administrator"),
        unit="Deceased Estates",
        style=["two-column", "centred"][style % 2],
        window=["left", "right", "low"][style % 3],
    )


def coowner_letter(cx: Corpus, p: Protection, leak: str = "", style: int = 0, to: list[str] | None = None) -> Letter:
    """To the co-owner (the son, the former partner) about the property both hold. `leak` is what must not be there."""
    v, o = p.victim, p.other
    name, _, _ = cx.officer("Property Services")
    where = {
        "": "We will keep you informed as the matter progresses.",
        "address": f"Any notices for {v.title} {v.family} may be sent to her at {v.addr.line}.",
        "phone": f"If you need to reach {v.title} {v.family} directly, her mobile is {v.phones[0]}.",
        "suburb": f"{v.title} {v.family} is now living in {v.addr.suburb} and is settling in well.",
        "street": f"{v.title} {v.family} is now in {v.addr.street} {v.addr.stype[0]}, {v.addr.suburb}.",
        "email": f"A copy of this letter has gone to {v.title} {v.family} at {(v.emails or [''])[0]}.",
    }[leak]
    what = ("the home at " + p.old_addr.line) if p.kind != "estate" else "the estate property"
    body = [
        f"We write about {what}, which you own jointly with {v.title} {v.given} {v.family}. The office "
        f"manages {v.title} {v.family}'s share under a financial management order.",
        "The Tribunal has asked the co-owners to agree on a sale. We have obtained two market appraisals and "
        "would like to discuss them with you or your solicitor.",
        where,
        f"Please contact {name} on {world.OFFICES[0].phone} and quote the property file number.",
    ]
    ref = fmt_ref(p.shared, style % 2 == 0)
    return Letter(
        to=to or block(o, style),
        date=cx.long_date(),
        subject=f"Property file {ref}",
        salutation=dear(o, style),
        body=body,
        refs=[("Property file", ref), ("Date", cx.long_date()), ("Contact", name)],
        office=world.OFFICES[0],
        signer=(name, "Property Officer"),
        unit="Property Services",
        style=["two-column", "centred", "caps"][style % 3],
        window=["left", "right", "low"][style % 3],
    )


def guardianship_decision(cx: Corpus, c: Client, to: list[str] | None = None, style: int = 0) -> Letter:
    name, _, _ = cx.officer("Guardianship")
    place = c.facility.name if c.facility else "your current home with supports"
    body = [
        f"As your guardian under the order of the NSW Civil and Administrative Tribunal, the Public Guardian "
        f"has made an accommodation decision: you will continue to live at {place}.",
        "We made this decision after speaking with you, your support coordinator and your doctor. If you "
        "disagree, you may ask the Tribunal to review it.",
        Table(["Decision", "Made", "Review by"], [["Accommodation", cx.long_date(), "12 months"]]),
    ]
    return Letter(
        to=to or block(c, style),
        date=cx.long_date(),
        subject="Guardianship decision - accommodation",
        salutation=dear(c, style),
        body=body,
        refs=[("Our ref", fmt_ref(c.ref("PG"), True)), ("Date", cx.long_date()), ("Guardian", name)],
        office=cx.office(),
        signer=(name, "Delegate of the Public Guardian"),
        unit="Public Guardian",
        style=["two-column", "centred"][style % 2],
        window=["left", "low"][style % 2],
    )


def ncat_report(cx: Corpus, c: Client, extra: list | None = None, style: int = 0) -> Letter:
    """A report to the Tribunal for the review of a financial management order (an approved third party)."""
    name, _, _ = cx.officer("Financial Management")
    body = [
        f"Re: {c.title} {c.given} {c.family}, born {c.dob.day}/{c.dob.month}/{c.dob.year}",
        f"The office has managed {c.title} {c.family}'s estate since the order was made. We provide this report "
        "for the review hearing listed by the Tribunal.",
        figures(cx, c),
        *(extra or []),
        "In our view the order remains necessary. We have no objection to a copy of this report being given to "
        "the parties.",
    ]
    return Letter(
        to=world.NCAT.address,
        date=cx.long_date(),
        subject="Review of financial management order",
        salutation="Dear Registrar",
        body=body,
        refs=[
            ("Our ref", fmt_ref(c.ref("CM"), True)),
            ("Tribunal file", f"2025/00{cx.rng.randint(100000, 999999)}"),
            ("Date", cx.long_date()),
        ],
        office=cx.office(),
        signer=(name, "Senior Client Officer"),
        style=["two-column", "centred"][style % 2],
    )


def centrelink_letter(cx: Corpus, c: Client, crn: str, style: int = 0) -> Letter:
    name, _, _ = cx.officer("Financial Management")
    body = [
        f"Customer: {c.title} {c.given} {c.family}   CRN: {fmt_crn(crn)}",
        "The office is this customer's correspondence and payment nominee. Please update the customer's "
        f"assets: the former home has been sold and the proceeds of {money(cx.rng, 300000, 800000)} are held in "
        "our common fund on the customer's behalf.",
        "Please send any letters for the customer to the office at the address above.",
    ]
    return Letter(
        to=world.CENTRELINK.address,
        date=cx.long_date(),
        subject="Nominee notification - change of assets",
        salutation="Dear Sir or Madam",
        body=body,
        refs=[("Our ref", fmt_ref(c.ref("CM"), style % 2 == 0)), ("Date", cx.long_date())],
        office=cx.office(),
        signer=(name, "Client Officer"),
        style=["two-column", "caps"][style % 2],
    )


def bank_letter(cx: Corpus, c: Client, bank: world.Party, style: int = 0) -> Letter:
    name, _, _ = cx.officer("Financial Management")
    body = [
        f"Account holder: {c.title} {c.given} {c.family}, born {c.dob.day:02d}/{c.dob.month:02d}/{c.dob.year}",
        f"Our client reference: {fmt_ref(c.ref('CM'), True)}",
        "The NSW Civil and Administrative Tribunal has appointed the office to manage this person's financial "
        "affairs (copy of the order enclosed). Please record our authority, stop any cards and direct debits, "
        "and send us statements of every account held in this name.",
    ]
    return Letter(
        to=bank.address,
        date=cx.long_date(),
        subject="Financial management order - notice to bank",
        salutation="Dear Sir or Madam",
        body=body,
        refs=[("Our ref", fmt_ref(c.ref("CM"), False)), ("Date", cx.long_date())],
        office=cx.office(),
        signer=(name, "Client Officer"),
        style=["two-column", "centred"][style % 2],
    )
