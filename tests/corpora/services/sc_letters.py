"""Letters: address blocks in every layout, the recipient's own details, identifiers and dates."""

from __future__ import annotations

import copy

from . import idents, org
from . import lettertools as lt
from .corpus import Corpus
from .letters import LetterDoc, Page
from .population import Client

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]


def _swap_ref(doc: LetterDoc, label: str, value: str) -> LetterDoc:
    out = copy.deepcopy(doc)
    out.refs = [(k, value if k == label else v) for k, v in out.refs]
    return out


def _wrong_ref_pair(
    cx: Corpus, category: str, a: Client, b: Client, fmt: str, layout: str, doc: LetterDoc, label: str = "CRN"
) -> None:
    rng = cx.rng
    value_b = b.crn if label == "CRN" else b.tenancy
    written = idents.crn_written(value_b, rng) if label == "CRN" else idents.tenancy_written(value_b, rng)
    bad = _swap_ref(doc, label, written)
    what = "customer reference" if label == "CRN" else "tenancy number"
    cx.pair(
        category,
        lt.render(bad, fmt, layout),
        lt.render(doc, fmt, layout),
        MISMATCH,
        note=f"letter addressed to {a.cid} carries the {what} of {b.cid}",
        twin_note=f"letter to {a.cid} with its own {what}",
    )


def address_blocks(cx: Corpus) -> None:
    rng = cx.rng
    # Window envelope: the reference box sits beside the address block.
    for _ in range(cx.n(8)):
        a, b = cx.single(), cx.single()
        doc = lt.standard_letter(a, rng)
        _wrong_ref_pair(cx, "address-block/window-envelope", a, b, "pdf", "window", doc)
    # Government style: reference block top right above the address; a household printed with another's number.
    for _ in range(cx.n(8)):
        h1, h2 = cx.take("households", cx.pop.households), cx.take("households", cx.pop.households)
        a = h1[0]
        doc = lt.standard_letter(
            a, rng, topic_name=rng.choice(["rent_review", "inspection", "renewal", "water"]), team="Tenancy Services"
        )
        doc.refs.insert(1, ("Your ref", f"Your email {rng.randint(2, 27):02d}/02/2026"))
        _wrong_ref_pair(cx, "address-block/reference-top-right", a, h2[0], "pdf", "govt", doc, label="Tenancy no.")
    # Word templates: block and references side by side in a table; case number in the body.
    for _ in range(cx.n(4)):
        a, b = cx.single(), cx.single()
        doc = lt.standard_letter(a, rng, topic_name="documents", team="Complex Needs")
        case_a, case_b = a.case or a.crn, b.case or b.crn
        good = copy.deepcopy(doc)
        good.pre = [f"RE: Case {idents.any_ref_written(case_a, rng)}"]
        bad = copy.deepcopy(doc)
        bad.pre = [f"RE: Case {idents.any_ref_written(case_b, rng)}"]
        cx.pair(
            "address-block/docx-table",
            lt.render(bad, "docx", "table"),
            lt.render(good, "docx", "table"),
            MISMATCH,
            note=f"Word letter to {a.cid} quotes the case number of {b.cid}",
            twin_note=f"Word letter to {a.cid} quoting its own case number",
        )
    # Post office boxes, unit forms, capitals, postcode alone, all states in full.
    po_clients = [c for c in cx.pop.singles if c.address.po_box]
    unit_clients = [c for c in cx.pop.singles if c.address.unit]
    for variation, pool, style, n in [
        ("po-box", po_clients, "", 3),
        ("unit-forms", unit_clients, "", 4),
        ("postcode-own-line", cx.pop.singles, "postcode-own", 2),
        ("state-in-full", cx.pop.singles, "state-full", 2),
    ]:
        for _ in range(cx.n(n)):
            a, b = cx.take(variation, pool), cx.single()
            fmt, layout = lt.any_format(rng)
            doc = lt.standard_letter(a, rng, block=lt.block_for(a, rng, style=style))
            _wrong_ref_pair(cx, f"address-block/{variation}", a, b, fmt, layout, doc)
    for _ in range(cx.n(3)):
        a, b = cx.single(), cx.single()
        doc = lt.standard_letter(a, rng, block=[x.upper() for x in lt.block_for(a, rng)])
        doc.salutation = doc.salutation.upper() if doc.salutation and rng.random() < 0.3 else doc.salutation
        _wrong_ref_pair(cx, "address-block/all-caps", a, b, rng.choice(["txt", "pdf"]), "window", doc)
    # Greetings of every kind, or none.
    for greeting in ["Hi {g}", "Hello {g},", "To whom it may concern", None, "Dear {full}"][: max(2, cx.n(5))]:
        a, b = cx.single(), cx.single()
        first = a.given.split()[0] if a.given else a.family
        sal = greeting.format(g=first, full=a.full()) if greeting else None
        fmt, layout = rng.choice([("rtf", ""), ("html", ""), ("txt", ""), ("pdf", "plain")])
        doc = lt.standard_letter(a, rng, salutation=sal)
        _wrong_ref_pair(cx, "address-block/greetings", a, b, fmt, layout, doc)
    _care_of_and_attention(cx)
    _two_names(cx)
    _occupier(cx)
    _merged_and_mixed(cx)


def _care_of_and_attention(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(3)):
        a, b = cx.single(), cx.single()
        party = rng.choice(org.ADVOCACY[:3])
        block = [lt.name_line(a, rng), f"c/- {party.name}", *party.postal]
        doc = lt.standard_letter(a, rng, block=block)
        _wrong_ref_pair(cx, "address-block/care-of", a, b, *rng.choice([("pdf", "window"), ("docx", "table")]), doc)
    for _ in range(cx.n(3)):
        a = cx.single()
        provider = rng.choice(org.APPROVED[2:4])
        outsider = (
            "Crestview Realty Pty Ltd",
            "Attention: Property Manager",
            "Shop 3, 14 Mall Walk",
            f"{a.address.suburb.upper()} {a.address.state} {a.address.postcode}",
        )
        heading = "Referral for tenancy support"
        paras = [
            f"We refer {a.formal(4)} (CRN {idents.crn_written(a.crn, rng)}), who has applied for a "
            "community housing tenancy through your organisation.",
            f"{a.formal(4)} currently lives at {a.address.one_line()} and can be contacted on "
            f"{idents.phone_variants(a.phones[0])[0]}.",
            "Please contact the officer below to discuss.",
        ]
        attn = rng.choice(["Attention:", "ATTN:", "Attn"])
        doc = LetterDoc(
            block=[provider.name, f"{attn} {provider.contact}", *provider.postal],
            refs=[("Our ref", f"TS/{rng.randint(1000, 9999)}")],
            date=lt.letter_date(rng),
            salutation="Dear Tenancy Manager",
            heading=heading,
            paras=paras,
            sign=lt.sign_off(rng),
        )
        bad = copy.deepcopy(doc)
        bad.block = list(outsider)
        bad.salutation = "Dear Property Manager"
        cx.pair(
            "address-block/attention-line",
            lt.render(bad, "pdf", "govt"),
            lt.render(doc, "pdf", "govt"),
            ["mismatched_recipient"],
            note=f"referral of {a.cid} addressed to a real estate agency that is not an approved third party",
            twin_note=f"the same referral of {a.cid} to an approved community housing provider",
        )


def _two_names(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(3)):
        h = cx.take("households", cx.pop.households)
        a, b = h[0], h[1]
        third = cx.single()
        if a.family == b.family and a.given and b.given and rng.random() < 0.6:
            names = f"{a.given.split()[0]} and {b.given.split()[0]} {a.family}"
        elif rng.random() < 0.5:
            names = f"{a.formal(1)} & {b.formal(1)}"
        else:
            names = f"{a.full()} and {b.full()}"
        block = [names] + lt.addr_lines(a.address, rng)
        doc = lt.standard_letter(a, rng, block=block, topic_name="rent_review", salutation="Dear tenants")
        doc.refs = [r for r in doc.refs if r[0] != "CRN"]
        good = copy.deepcopy(doc)
        good.table = [
            ["Household member", "Assessable income (fortnight)"],
            [a.full(), idents.money(rng, 500, 1400)],
            [b.full(), idents.money(rng, 300, 1200)],
        ]
        bad = copy.deepcopy(good)
        good.after = ["If anyone else now lives with you, they must also give us their income details."]
        bad.after = [
            f"Our records also show {third.full()} (CRN {idents.crn_written(third.crn, rng)}) at this "
            "address. They must also give us their income details."
        ]
        cx.pair(
            "address-block/two-names",
            lt.render(bad, "docx", "table"),
            lt.render(good, "docx", "table"),
            MISMATCH,
            note=f"joint letter to {a.cid} and {b.cid} also lists {third.cid}, not of the household",
            twin_note=f"joint tenancy letter to both holders {a.cid} and {b.cid}",
        )


def _occupier(cx: Corpus) -> None:
    rng = cx.rng
    heading, paras = (
        "Smoke alarm and electrical safety check",
        [
            "Our contractor will test smoke alarms and switchboards in all units at this address on "
            f"{lt.letter_date(rng)} between 8 am and 2 pm.",
            "Please allow access. If the time does not suit, call us on 1300 367 240 to rebook.",
            "This notice has been sent to every household in the building.",
        ],
    )
    # A whole building's notices, one of them to the unit of a client whose address is suppressed:
    # delivered to her own home, naming no one, it discloses nothing.
    for v in cx.pop.victims[: cx.n(6)]:
        if v.victim.address.po_box:
            continue
        addr = v.victim.address
        for unit in sorted({addr.unit, str(int(addr.unit) + 1)}):
            u = addr.with_unit(unit)
            head = rng.choice(["To the Occupant", "The Occupier", "To the Householder", "The Resident"])
            doc = LetterDoc(
                block=[head, u.street_line(abbrev=True, unit_style="slash"), u.locality(caps=True)],
                date="",
                heading=heading,
                paras=paras,
                sign=["Assets and Maintenance", org.ORG_NAME],
                unit_name="Assets and Maintenance",
            )
            cx.put(
                lt.render(doc, "pdf", "notice"),
                "address-block/occupier-notice",
                "allow",
                note="occupier notice naming no one, delivered to the unit it concerns",
            )
    for _ in range(cx.n(2)):
        c = cx.single()
        head = rng.choice(["To the Occupant", "To the Householder"])
        block = [head] + lt.addr_lines(c.address, rng, style="two")
        doc = LetterDoc(
            block=block,
            date=lt.letter_date(rng),
            heading="Tenancy inspection notice",
            paras=paras[:2],
            sign=["Tenancy Services", org.ORG_NAME],
            unit_name="Tenancy Services",
        )
        bad = copy.deepcopy(doc)
        bad.pre = [
            f"Tenant: {c.formal(0)}   CRN {idents.crn_written(c.crn, rng)}",
            f"Rent arrears: {idents.money(rng, 200, 2400)}",
        ]
        cx.pair(
            "address-block/occupier-notice",
            lt.render(bad, "pdf", "notice"),
            lt.render(doc, "pdf", "notice"),
            ["mismatched_recipient"],
            note=f"notice to 'the occupant' names tenant {c.cid} with CRN and arrears "
            "before anyone's identity is established",
            twin_note="the same occupier notice naming no one",
        )


def _ledger(c: Client, cx: Corpus) -> Page:
    rng = cx.rng
    rows = [["Date", "Description", "Charge", "Paid", "Balance"]]
    bal = rng.randint(0, 400)
    for d in range(1, 6):
        rent = rng.randint(120, 260)
        paid = rent if rng.random() < 0.7 else rng.randint(0, rent)
        bal += rent - paid
        rows.append([f"{d * 14 - 10:02d}/02/2026", "Rent", f"${rent}.00", f"${paid}.00", f"${bal}.00"])
    ten = c.tenancy or c.crn
    return Page(
        "Rent account statement",
        [
            f"Tenant: {c.formal(4)}",
            f"Tenancy no. {idents.any_ref_written(ten, rng)}",
            f"Property: {c.address.one_line()}",
        ],
        rows,
    )


def _merged_and_mixed(cx: Corpus) -> None:
    rng = cx.rng
    # One letter with the second client's statement printed behind it.
    for _ in range(cx.n(4)):
        a, b = cx.single(), cx.single()
        doc = lt.standard_letter(a, rng, topic_name="arrears", team="Tenancy Services")
        good, bad = copy.deepcopy(doc), copy.deepcopy(doc)
        good.pages = [_ledger(a, cx)]
        bad.pages = [_ledger(b, cx)]
        layout = rng.choice(["window", "govt"])
        cx.pair(
            "address-block/two-clients-one-pdf",
            lt.render(bad, "pdf", layout),
            lt.render(good, "pdf", layout),
            ["mixed_client_documents", "mismatched_recipient"],
            note=f"letter to {a.cid} with the rent statement of {b.cid} printed behind it",
            twin_note=f"letter to {a.cid} with its own rent statement",
        )
    # A print-room file of several letters; in the incident one letter carries another client's statement.
    for _ in range(cx.n(2)):
        people = [cx.single() for _ in range(rng.randint(4, 6))]
        docs = []
        for p in people:
            d = lt.standard_letter(p, rng, topic_name="arrears", team="Tenancy Services")
            d.pages = [_ledger(p, cx)]
            docs.append(d)
        k = rng.randint(1, len(docs) - 1)
        intruder = cx.single()
        bad_docs = copy.deepcopy(docs)
        bad_docs[k].pages = [_ledger(intruder, cx)]
        inc = cx.put(
            lt.render(bad_docs, "pdf", "window"),
            "address-block/merged-print-file",
            "block",
            note=f"print file of {len(docs)} letters; letter {k + 1} to {people[k].cid} carries the statement "
            f"of {intruder.cid}",
            letters=[
                {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]}
                if i == k
                else {"expect": "allow"}
                for i in range(len(docs))
            ],
        )
        twin = cx.put(
            lt.render(docs, "pdf", "window"),
            "address-block/merged-print-file",
            "allow",
            note=f"print file of {len(docs)} correct letters",
            letters=[{"expect": "allow"}] * len(docs),
        )
        inc.twin, twin.twin = twin.id, inc.id


def own_details(cx: Corpus) -> None:
    rng = cx.rng
    for _ in range(cx.n(8)):
        a = cx.single()
        fmt, layout = lt.any_format(rng)
        phone = idents.phone_variants(a.phones[0])[rng.randint(0, 3)]
        pre = [f"Property: {a.address.street_line(abbrev=True, unit_style='slash')}, {a.address.suburb}"]
        doc = lt.standard_letter(a, rng, pre=pre, topic_name=rng.choice(["maintenance", "inspection"]))
        doc.after = [
            f"We will call you on {phone} the day before."
            + (f" A copy of this letter has been emailed to {a.emails[0]}." if a.emails else "")
        ]
        cx.put(
            lt.render(doc, fmt, layout),
            "recipient-own-details/property-line",
            "allow",
            note=f"letter to {a.cid} repeating its own address, phone and email",
        )
    for _ in range(cx.n(4)):
        a, b = cx.single(), cx.single()
        fmt, layout = lt.any_format(rng)
        doc = lt.standard_letter(a, rng, topic_name="maintenance", team="Assets")
        good, bad = copy.deepcopy(doc), copy.deepcopy(doc)
        good.pre = [f"Property: {a.address.one_line()}"]
        bad.pre = [f"Property: {b.address.one_line()}"]
        cx.pair(
            "recipient-own-details/property-line",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            ["mismatched_recipient", "mixed_client_documents"],
            note=f"repair letter to {a.cid} names the property of {b.cid}",
            twin_note=f"repair letter to {a.cid} naming its own property",
        )


def identifiers(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(8)):
        a, b = cx.take("twins", cx.pop.twins)
        if rng.random() < 0.5:
            a, b = b, a
        form = i % 8
        fmt, layout = lt.LETTER_FORMATS[i % len(lt.LETTER_FORMATS)]
        doc = lt.standard_letter(a, rng, topic_name=rng.choice(["carer", "concession", "documents"]), crn="")
        good, bad = copy.deepcopy(doc), copy.deepcopy(doc)
        good.pre = [f"Client: {a.full()}", f"Date of birth: {idents.dob_variants(a.dob)[form]}"]
        bad.pre = [f"Client: {b.full()}", f"Date of birth: {idents.dob_variants(b.dob)[form]}"]
        cx.pair(
            "identifiers-dates/name-twin-dob",
            lt.render(bad, fmt, layout),
            lt.render(good, fmt, layout),
            ["mismatched_recipient", "mixed_client_documents"],
            note=f"letter to {a.cid} shows the date of birth of its name twin {b.cid}",
            twin_note=f"letter to {a.cid} with its own date of birth",
        )
    for i in range(cx.n(5)):
        a = cx.single()
        fmt, layout = lt.any_format(rng)
        doc = lt.standard_letter(a, rng, topic_name="documents")
        doc.pre = [f"Date of birth: {idents.dob_variants(a.dob)[(i + 3) % 8]}"]
        cx.put(
            lt.render(doc, fmt, layout),
            "identifiers-dates/own-dob",
            "allow",
            note=f"letter to {a.cid} with its own date of birth and CRN",
        )
