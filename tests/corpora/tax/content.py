"""The practice's documents: what a tax agent and bookkeeper actually send. Each builder returns the subject, the
reference table and the body of a letter (or an email's text) about one client, or about the partners of one
partnership or trust; ``letter_for`` puts it on letterhead to an address block, ``render_as`` writes a file."""

from __future__ import annotations

import random

from tests.corpora.tax import render, world
from tests.corpora.tax.registry import Client

DATES = [
    "2 March 2026",
    "4 March 2026",
    "9 March 2026",
    "12 March 2026",
    "17 March 2026",
    "23 March 2026",
    "26 March 2026",
    "1 April 2026",
    "8 April 2026",
    "14 April 2026",
]


def money(rng: random.Random, lo: int, hi: int) -> str:
    return f"${rng.randint(lo, hi):,}.{rng.randint(0, 99):02d}"


def masked_tfn(c: Client) -> str:
    return f"*** *** {c.tfn[-3:]}"


def full_tfn(c: Client) -> str:
    return f"{c.tfn[:3]} {c.tfn[3:6]} {c.tfn[6:]}"


def abn_of(c: Client) -> str:
    return next((r for r in c.refs if len(r) == 11 and r.isdigit()), "")


def acn_of(c: Client) -> str:
    return next((r for r in c.refs if len(r) == 9 and r.isdigit()), "")


def fmt_abn(a: str) -> str:
    return f"{a[:2]} {a[2:5]} {a[5:8]} {a[8:]}"


def fmt_acn(a: str) -> str:
    return f"{a[:3]} {a[3:6]} {a[6:]}"


def return_ready(c: Client, rng: random.Random, tfn: str = "masked") -> dict:
    income, ded = rng.randint(48000, 165000), rng.randint(900, 9000)
    taxable = income - ded
    withheld = int(taxable * rng.uniform(0.2, 0.3))
    tax = int(taxable * rng.uniform(0.19, 0.29))
    t = masked_tfn(c) if tfn == "masked" else full_tfn(c)
    return {
        "subject": f"2025 Individual Income Tax Return - {c.formal}",
        "refs": [("Client code", c.code), ("Our ref", f"ITR25/{c.code}"), ("TFN", t), ("Enquiries", "Priya Raman")],
        "body": [
            "Your 2025 income tax return has been prepared from the information you gave us. Please check it "
            "carefully: you are responsible for the accuracy of the return even though we prepared it.",
            (
                "table",
                ["Summary", "Amount"],
                [
                    ("Total income", f"${income:,}.00"),
                    ("Deductions", f"${ded:,}.00"),
                    ("Taxable income", f"${taxable:,}.00"),
                    ("Tax and Medicare levy", f"${tax:,}.00"),
                    ("PAYG withheld", f"${withheld:,}.00"),
                    (
                        "Estimated refund" if withheld > tax else "Estimated amount payable",
                        f"${abs(withheld - tax):,}.00",
                    ),
                ],
            ),
            f"Please sign the declaration through our client portal ({world.PORTAL}) or sign the enclosed copy and "
            "return it in the reply-paid envelope. We will lodge the return once we have your signed declaration.",
            "Our fee for this work is enclosed as a separate tax invoice.",
        ],
    }


def noa(c: Client, rng: random.Random) -> dict:
    amt = money(rng, 120, 6800)
    return {
        "subject": "Notice of Assessment - year ended 30 June 2025",
        "refs": [("Client code", c.code), ("Our ref", f"NOA/{c.code}")],
        "body": [
            f"The Australian Taxation Office has issued your notice of assessment for the 2025 income year. It "
            f"agrees with the return we lodged on your behalf. A refund of {amt} will be paid to the account you "
            "nominated within 14 days.",
            "A copy of the notice is in your portal. Please keep it with your tax records for five years.",
        ],
    }


def engagement(c: Client, rng: random.Random) -> dict:
    fee = rng.choice([385, 440, 495, 660, 880])
    return {
        "subject": "Engagement letter - 2026 income year",
        "refs": [("Client code", c.code), ("Partner", "Helen Quach")],
        "body": [
            "Thank you for asking us to act for you again. This letter sets out the work we will do and what we "
            "need from you.",
            ("heading", "Scope"),
            "Preparation and lodgement of your 2026 individual income tax return; correspondence with the "
            "Australian Taxation Office about that return; tax planning before 30 June if you ask for it.",
            ("heading", "Fees"),
            f"Our fixed fee is ${fee}.00 (GST inclusive). Work outside this scope is charged at our standard rates.",
            "As your registered tax agent we are bound by the Code of Professional Conduct in the Tax Agent "
            "Services Act 2009. Please sign and return a copy of this letter.",
        ],
    }


def bas(c: Client, rng: random.Random) -> dict:
    g1 = rng.randint(18000, 240000)
    a1, b1 = g1 // 11, rng.randint(800, g1 // 15)
    w1 = rng.randint(0, 60000)
    w2 = w1 // 5
    return {
        "subject": f"Business Activity Statement - March 2026 quarter - {c.business}",
        "refs": [("Client code", c.code), ("ABN", fmt_abn(abn_of(c))), ("Due", "28 April 2026")],
        "body": [
            "We have prepared your activity statement for the quarter ended 31 March 2026 from your Xero file.",
            (
                "table",
                ["Label", "Description", "Amount"],
                [
                    ("G1", "Total sales", f"${g1:,}"),
                    ("1A", "GST on sales", f"${a1:,}"),
                    ("1B", "GST on purchases", f"${b1:,}"),
                    ("W1", "Total salary and wages", f"${w1:,}"),
                    ("W2", "Amount withheld", f"${w2:,}"),
                    ("9", "Net amount payable", f"${a1 - b1 + w2:,}"),
                ],
            ),
            "Please approve it in the portal by 21 April so we can lodge it on time. Payment is due to the ATO "
            "by 28 April 2026 using your payment reference number.",
        ],
    }


def info_request(c: Client, rng: random.Random) -> dict:
    items = rng.sample(
        [
            "PAYG payment summary / income statement",
            "Private health insurance statement",
            "Bank interest",
            "Dividend statements",
            "Rental property statements from your agent",
            "Receipts for work-related expenses",
            "Car logbook",
            "Donation receipts",
            "Capital gains: contract notes for shares sold",
            "Super contributions you made yourself",
        ],
        5,
    )
    return {
        "subject": "Tax time 2025 - what we need from you",
        "refs": [("Client code", c.code)],
        "body": [
            "To prepare your return we need the following. You can upload them to the portal or drop them at "
            "any of our offices (Wagga Wagga, Albury, Griffith).",
            ("table", ["Document", "Received"], [(i, "No") for i in items]),
            "If your circumstances changed this year (a new job, a separation, a new property), please let us "
            "know when you upload.",
        ],
    }


def invoice(c: Client, rng: random.Random, number: str | None = None) -> dict:
    fee = rng.choice([330, 385, 440, 550, 770, 990, 1320])
    number = number or f"INV-{rng.randint(40000, 49999)}"
    return {
        "subject": f"Tax Invoice {number}",
        "refs": [("Client code", c.code), ("Invoice", number), ("Date", "12 March 2026"), ("Terms", "14 days")],
        "body": [
            (
                "table",
                ["Description", "Ex GST", "GST", "Total"],
                [
                    (
                        "Preparation of 2025 income tax return",
                        f"${fee / 1.1:,.2f}",
                        f"${fee / 11:,.2f}",
                        f"${fee:,.2f}",
                    ),
                ],
            ),
            f"Pay by EFT to BSB 032-688 account 418 552 (reference {c.code}) or by card on 02 6921 4410.",
        ],
    }


def entity_statement(a: Client, b: Client, rng: random.Random, with_addresses: tuple | None = None) -> dict:
    share = rng.choice([50, 50, 60])
    profit = rng.randint(30000, 190000)
    rows = [
        (a.formal, f"{share}%", f"${profit * share // 100:,}"),
        (b.formal, f"{100 - share}%", f"${profit * (100 - share) // 100:,}"),
    ]
    if with_addresses:
        rows = [r + (ad,) for r, ad in zip(rows, with_addresses, strict=False)]
    head = ["Partner / beneficiary", "Share", "Distribution"] + (["Address for notices"] if with_addresses else [])
    kind = "trust" if "Trust" in a.entity else "partnership"
    if not a.entity_code:  # a jointly owned rental is no entity: each owner's schedule under their own code
        return {
            "subject": "Joint rental property - 2025 rental schedule",
            "refs": [("Client code", a.code)],
            "body": [
                "Your 2025 rental schedule is ready. Income and expenses are split between the owners as "
                "shown; each owner reports their share in their own return.",
                ("table", head, rows),
            ],
        }
    return {
        "subject": f"{a.entity} - 2025 {'distribution statement' if kind == 'trust' else 'partnership return'}",
        "refs": [("Entity code", a.entity_code or a.code), ("Entity ABN", fmt_abn(a.entity_abn or abn_of(a)))],
        "body": [
            f"The 2025 return for {a.entity} has been finalised. Each "
            f"{'beneficiary' if kind == 'trust' else 'partner'}'s share of the net income is shown below and must "
            "be included in their own income tax return.",
            ("table", head, rows),
            "While the winding up is completed, each party receives this statement separately. Questions about "
            "your own share can be directed to your accountant at this office.",
        ],
    }


def ato_plan(c: Client, rng: random.Random) -> dict:
    debt, inst = rng.randint(3000, 28000), rng.randint(200, 1500)
    return {
        "subject": "Your ATO payment plan",
        "refs": [("Client code", c.code), ("Our ref", f"DEBT/{c.code}")],
        "body": [
            f"The ATO has accepted the payment plan we proposed for your income tax debt of ${debt:,}. "
            f"Fortnightly instalments of ${inst:,} start on 20 March 2026 by direct debit.",
            "Missing an instalment may cancel the plan. Please call us before a payment is missed, not after.",
        ],
    }


def change_details(c: Client, lines: list[str], phone: str, email: str) -> dict:
    return {
        "subject": "We have updated your contact details",
        "refs": [("Client code", c.code)],
        "body": [
            "As you asked, we have updated your details in our records and with the ATO (through the tax agent "
            "portal). Please tell us straight away if anything below is wrong.",
            (
                "table",
                ["Detail", "Now recorded"],
                [("Postal address", ", ".join(lines)), ("Mobile", phone), ("Email", email)],
            ),
            "Your notices of assessment and ATO letters will now be sent to this address.",
        ],
    }


def asic_review(c: Client) -> dict:
    return {
        "subject": f"ASIC annual review - {c.business}",
        "refs": [("Client code", c.code), ("ACN", fmt_acn(acn_of(c))), ("Review date", "31 March 2026")],
        "body": [
            f"ASIC's annual statement for {c.business} is attached. Please check the officeholder and shareholder "
            "details and let us know of any change within 28 days of the review date.",
            "The annual review fee must be paid to ASIC within two months to avoid a late fee. We will pass the "
            "solvency resolution at the same time unless you tell us otherwise.",
        ],
    }


DOCS = [return_ready, noa, engagement, info_request, invoice, ato_plan]


def name_line(c: Client, style: str) -> str:
    if style == "initials":
        return c.initials
    if style == "caps":
        return c.initials.upper()
    if style == "nick":
        return f"{c.nick} {c.family}"
    if style == "plain":
        return c.name
    if style == "business" and c.business:
        return c.business
    return c.formal


def letter_for(
    c: Client,
    doc: dict,
    rng: random.Random,
    *,
    name: str = "formal",
    astyle: str = "std",
    address: list[str] | None = None,
    names: list[str] | None = None,
    window: tuple | None = None,
    office: tuple | None = None,
    caps: bool = False,
    salutation: str | None = None,
    signer: tuple | None = None,
    extra_body: list | None = None,
) -> render.Letter:
    lines = (names or [name_line(c, name)]) + (address or c.addr.lines(astyle))
    s = signer or world.STAFF[rng.choice([0, 2, 3, 7])]
    return render.Letter(
        date=rng.choice(DATES),
        addressee=lines,
        salutation=salutation or c.dear,
        subject=doc["subject"],
        refs=doc["refs"],
        body=doc["body"] + (extra_body or []),
        signoff=["Yours sincerely,", "", f"{s[0]} {s[1]}", s[2]],
        office=office or next((o for o in world.OFFICES if o[0] == s[4]), world.OFFICES[0]),
        window=window or rng.choice([(20.0, 48.0), (22.0, 52.0), (25.0, 45.0), (110.0, 50.0), (20.0, 60.0)]),
        caps=caps,
        continuation=f"{lines[0]}  |  {doc['refs'][0][1]}",
    )


def render_as(ext: str, letter: render.Letter) -> bytes:
    return {
        ".pdf": render.pdf,
        ".docx": render.docx,
        ".rtf": render.rtf,
        ".txt": render.txt,
        ".html": render.html_letter,
    }[ext](letter)


def email_text(doc: dict, greeting: str, staff: tuple) -> str:
    """A document as an email body: the same words and figures, typed out."""
    out = [greeting, ""]
    out += [f"{k}: {v}" for k, v in doc["refs"]] + [""]
    for block in doc["body"]:
        if isinstance(block, str):
            out += [block, ""]
        elif block[0] == "heading":
            out.append(block[1])
        elif block[0] == "table":
            out += ["  ".join(block[1])] + ["  ".join(map(str, r)) for r in block[2]] + [""]
    return "\n".join(out) + render.signature_text(staff)
