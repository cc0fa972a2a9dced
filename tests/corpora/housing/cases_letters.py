"""Incident/twin pairs in letters: address-block, recipient-own-details, relationships, identifiers-dates."""

from __future__ import annotations

from .corpus import (
    LETTERS,
    SA_DOMAIN,
    Corpus,
    arrears_letter,
    block,
    dob_text,
    name_line,
    ref_text,
    rent_statement,
    sal,
    staff,
)
from .formats import Letter, render

MIS = ["mismatched_recipient", "mixed_client_documents"]


def address_block(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    fmts = [
        ("address-block/window-envelope", "pdf-window", 2),
        ("address-block/right-aligned", "pdf-right", 2),
        ("address-block/docx-table-cell", "docx-table", 2),
        ("address-block/docx-text-box", "docx-textbox", 2),
        ("address-block/rtf", "rtf", 1),
        ("address-block/html", "html-table", 1),
        ("address-block/plain-text", "txt", 1),
    ]
    k = 0
    for cat, fmt, base in fmts:
        for _ in range(cx.reps(base)):
            k += 1
            a, b = cx.neighbours() if k % 2 else cx.two_tenants()
            make = LETTERS[k % len(LETTERS)]
            v = k % 4

            def mk(bad, a=a, b=b, make=make, v=v, fmt=fmt):
                about = a if bad else b
                ext, data = render(make(rng, b, about, v), fmt)
                note = f"letter addressed to {b.cid} carries tenancy ref of {a.cid}" if bad else f"{b.cid}'s own letter"
                return ext, data, note

            cx.pair(cat, MIS, mk)

    # rooming house: Room N vs Room M at the same address
    for i in range(cx.reps(2)):
        a, b = rng.sample(reg.rooming[i % 2 * 6 : i % 2 * 6 + 6], 2)

        def mk(bad, a=a, b=b, i=i):
            ext, data = render(rent_statement(rng, b, a if bad else b, i), "pdf-window")
            return ext, data, (f"Room letter to {b.cid} with {a.cid}'s account" if bad else f"{b.cid} own statement")

        cx.pair("address-block/rooming-house", MIS, mk)

    # PO box / c/- postal addresses
    po = [c for c in reg.clients if c.postal.po]
    co = [c for c in reg.clients if c.postal.co]
    for cat, pool in (("address-block/po-box", po), ("address-block/care-of", co)):
        for i in range(cx.reps(1)):
            a, b = rng.sample(pool, 2)

            def mk(bad, a=a, b=b, i=i):
                ext, data = render(arrears_letter(rng, b, a if bad else b, i + 1), "pdf-window")
                return (
                    ext,
                    data,
                    (f"to {b.cid} at postal address, arrears of {a.cid}" if bad else f"{b.cid} own arrears"),
                )

            cx.pair(cat, MIS, mk)

    lots = [c for c in reg.clients if c.postal.number.startswith("Lot")]
    for _ in range(cx.reps(1)):
        a, b = rng.sample(lots, 2)

        def mk(bad, a=a, b=b):
            ext, data = render(LETTERS[2](rng, b, a if bad else b, 2), "docx-para")
            return ext, data, (f"lot letter to {b.cid} with {a.cid}'s inspection" if bad else f"{b.cid} own inspection")

        cx.pair("address-block/estate-lot", MIS, mk)

    # suppressed address used as the delivery address for the former joint tenant
    for i in range(cx.reps(2)):
        vic = reg.victims[i % len(reg.victims)]
        perp = vic.perp

        def mk(bad, vic=vic, perp=perp, i=i):
            letter = Letter(
                to_lines=block(perp, i, vic.postal if bad else perp.postal),
                subject="Bond refund - former joint tenancy",
                refs=[f"Tenancy ref: {vic.refs[0]}"],
                paras=[
                    f"Dear {sal(perp)},",
                    "The joint tenancy at the property ended on 30 January 2026. "
                    "Your share of the bond will be paid by the bond authority once both former tenants "
                    "sign the claim.",
                ],
            )
            ext, data = render(letter, "pdf-window" if i % 2 == 0 else "pdf-right")
            note = (
                f"letter to {perp.cid} delivered to suppressed address of {vic.cid}"
                if bad
                else f"letter to {perp.cid} at own address about old joint tenancy with {vic.cid}"
            )
            return ext, data, note

        cx.pair(
            "address-block/suppressed-delivery-address",
            ["suppressed_detail_exposed", "mismatched_recipient"],
            mk,
            suppressed=True,
        )

    # the victim's letter sent to the former joint home (where the ex-partner lives)
    for i in range(cx.reps(2)):
        vic = reg.victims[(i + 2) % len(reg.victims)]

        def mk(bad, vic=vic, i=i):
            letter = rent_statement(rng, vic, vic, i, addr=vic.old_prop if bad else None)
            ext, data = render(letter, ["docx-table", "pdf-window"][i % 2])
            note = (
                f"{vic.cid}'s statement with her new property sent to the former joint home"
                if bad
                else f"{vic.cid}'s statement to her own (suppressed) address"
            )
            return ext, data, note

        cx.pair(
            "address-block/former-joint-home",
            ["suppressed_detail_exposed", "mismatched_recipient"],
            mk,
            suppressed=True,
        )


def own_details(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    withcontact = [c for c in reg.tenants() if c.emails]
    for i in range(cx.reps(2)):
        a, b = rng.sample(withcontact, 2)

        def mk(bad, a=a, b=b, i=i):
            src = a if bad else b
            letter = Letter(
                to_lines=block(b, i),
                subject="Please check your contact details",
                refs=[f"Tenancy ref: {b.tref}"],
                paras=[
                    f"Dear {sal(b)},",
                    "We are updating our records. We currently hold:",
                    f"Mobile: {src.phones[0]}    Email: {src.emails[0]}",
                    "If anything has changed, reply to this letter or call 1300 258 486.",
                ],
            )
            ext, data = render(letter, ["pdf-right", "docx-para"][i % 2])
            return (
                ext,
                data,
                (f"letter to {b.cid} lists phone and email of {a.cid}" if bad else f"{b.cid} own contact details"),
            )

        cx.pair("recipient-own-details/contact-details", ["mismatched_recipient"], mk)

    crn = [c for c in reg.tenants() if c.crn and c.dob]
    for i in range(cx.reps(2)):
        a, b = rng.sample(crn, 2)

        def mk(bad, a=a, b=b, i=i):
            src = a if bad else b
            letter = Letter(
                to_lines=block(b, i + 1),
                subject="Your Centrepay deduction has started",
                refs=[f"Rent account: {b.racct}"],
                paras=[
                    f"Dear {sal(b)},",
                    f"Services Australia has confirmed a Centrepay deduction for {name_line(b, 3)} "
                    f"(CRN {src.crn[:3]} {src.crn[3:6]} {src.crn[6:]}), born {dob_text(b, i)}.",
                    "The deduction of $145.00 per fortnight will be paid to your rent account from 12 March 2026.",
                ],
            )
            ext, data = render(letter, ["pdf-window", "rtf"][i % 2])
            return (
                ext,
                data,
                (
                    f"Centrepay letter to {b.cid} carries CRN of {a.cid}"
                    if bad
                    else f"{b.cid} own CRN and date of birth"
                ),
            )

        cx.pair("recipient-own-details/centrepay-crn", ["mismatched_recipient", "mixed_client_documents"], mk)

    po = [c for c in reg.clients if c.postal.po]
    for i in range(cx.reps(1)):
        b = po[i % len(po)]
        a = rng.choice(reg.blocks[i % len(reg.blocks)])

        def mk(bad, a=a, b=b):
            prop = a.postal if bad else b.prop
            letter = Letter(
                to_lines=block(b, 0),
                subject=f"Smoke alarm service - {prop.inline(1)}",
                refs=[f"Tenancy ref: {b.tref}"],
                paras=[
                    f"Dear {sal(b)},",
                    f"Our contractor will service the smoke alarms at {prop.inline(1)} on 18 March 2026.",
                    "We have sent this letter to your postal address as you asked.",
                ],
            )
            ext, data = render(letter, "pdf-window")
            return (
                ext,
                data,
                (
                    f"PO box letter to {b.cid} names the home address of {a.cid}"
                    if bad
                    else f"PO box letter to {b.cid} names her own rented property"
                ),
            )

        cx.pair("recipient-own-details/postal-differs-from-property", ["mismatched_recipient"], mk)


def relationships(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    for i in range(cx.reps(2)):
        vic = reg.victims[(i + 4) % len(reg.victims)]
        perp = vic.perp

        def mk(bad, vic=vic, perp=perp, i=i):
            fwd = (
                f"Forwarding address for {vic.given} {vic.family}: {vic.postal.inline(i)}"
                if bad
                else f"{vic.given} {vic.family} will receive her own copy of this statement."
            )
            letter = Letter(
                to_lines=block(perp, i),
                subject="Final statement - joint tenancy ended",
                refs=[f"Tenancy ref: {vic.refs[0]}", f"Rent account: {vic.refs[1]}"],
                paras=[
                    f"Dear {sal(perp)},",
                    f"The joint tenancy of {perp.name} and {vic.name} ended on 30 January 2026. Final balance: $0.00.",
                    fwd,
                ],
            )
            ext, data = render(letter, ["pdf-window", "docx-para"][i % 2])
            return (
                ext,
                data,
                (
                    f"joint statement to {perp.cid} prints suppressed address of {vic.cid}"
                    if bad
                    else f"joint statement to {perp.cid} naming joint tenant {vic.cid}, no suppressed detail"
                ),
            )

        cx.pair("relationships/former-joint-tenant", ["suppressed_detail_exposed"], mk, suppressed=True)

    for i in range(cx.reps(2)):
        head, member = reg.households[i % len(reg.households)]
        other_head, other = reg.households[(i + 1) % len(reg.households)]

        def mk(bad, head=head, member=member, other=other, i=i):
            m = other if bad else member
            letter = Letter(
                to_lines=block(head, i),
                subject="Household review",
                refs=[f"Tenancy ref: {head.tref}"],
                paras=[
                    f"Dear {sal(head)},",
                    "Thank you for returning your household review. The people on your lease are:",
                    f"{head.name} (tenant); {m.name}, born {dob_text(m, i)} (household member).",
                    "Please tell us within 28 days if anyone moves in or out.",
                ],
            )
            ext, data = render(letter, ["pdf-right", "docx-table"][i % 2])
            return (
                ext,
                data,
                (
                    f"household review to {head.cid} lists {other.cid} of another tenancy"
                    if bad
                    else f"household review to {head.cid} lists own household member {member.cid}"
                ),
            )

        cx.pair("relationships/household-member", ["mismatched_recipient", "mixed_client_documents"], mk)

    for i in range(cx.reps(2)):
        x, y = reg.joint_pairs[i % len(reg.joint_pairs)]
        a = rng.choice(reg.tenants())

        def mk(bad, x=x, y=y, a=a, i=i):
            to = a if bad else y
            ext, data = render(rent_statement(rng, to, x, i, addr=to.postal), ["pdf-window", "html-grid"][i % 2])
            return (
                ext,
                data,
                (
                    f"joint statement of {x.cid}/{y.cid} addressed to {a.cid}"
                    if bad
                    else f"joint statement of {x.cid} sent to joint tenant {y.cid}"
                ),
            )

        cx.pair("relationships/joint-tenancy", MIS, mk)


def identifiers(cx: Corpus) -> None:
    reg, rng = cx.reg, cx.rng
    with_dob = [c for c in reg.tenants() if c.dob]
    for i in range(cx.reps(3)):
        a, b = rng.sample(with_dob, 2)

        def mk(bad, a=a, b=b, i=i):
            who = a if bad else b
            letter = Letter(
                to_lines=block(b, i),
                subject="Application for priority transfer - acknowledgement",
                refs=[],
                paras=[
                    f"Dear {sal(b)},",
                    f"We have received the transfer application for {who.name} (date of birth {dob_text(who, i)}).",
                    "An assessment officer will contact you within 10 business days.",
                ],
            )
            ext, data = render(letter, ["pdf-window", "txt", "docx-para"][i % 3])
            return (
                ext,
                data,
                (
                    f"acknowledgement to {b.cid} names {a.cid} with date of birth"
                    if bad
                    else f"{b.cid} own name and date of birth"
                ),
            )

        cx.pair("identifiers-dates/name-and-date-of-birth", ["mismatched_recipient"], mk)

    for i in range(cx.reps(2)):
        first, second = reg.name_twins[i % len(reg.name_twins)]

        def mk(bad, first=first, second=second, i=i):
            d = second if bad else first
            letter = Letter(
                to_lines=block(first, i + 1),
                subject="Confirmation of identity for your new lease",
                refs=[f"Tenancy ref: {first.tref}"],
                paras=[
                    f"Dear {sal(first)},",
                    f"We have verified the identity of {first.name}, born {dob_text(d, i + 1)}, "
                    "for the lease starting 9 March 2026.",
                ],
            )
            ext, data = render(letter, "pdf-right")
            return (
                ext,
                data,
                (
                    f"letter to {first.cid} carries date of birth of same-name {second.cid}"
                    if bad
                    else f"letter to {first.cid} with own date of birth (name twin {second.cid} exists)"
                ),
            )

        cx.pair("identifiers-dates/same-name-different-dob", ["mismatched_recipient", "mixed_client_documents"], mk)

    for i in range(cx.reps(2)):
        a, b = cx.two_tenants()

        def mk(bad, a=a, b=b, i=i):
            key = f"K-{1100 + i * 37}"
            wo = f"WO-2026-{48120 + i * 211}"
            extra = f"tenancy {ref_text(a.tref, i + 1)}" if bad else f"work order {wo}"
            letter = Letter(
                to_lines=block(b, i),
                subject="Collecting your new keys",
                refs=[f"Tenancy ref: {b.tref}"],
                paras=[
                    f"Dear {sal(b)},",
                    f"The locks at your home were changed under {extra}. Your new keys (key "
                    f"number {key}, property PROP-{30200 + i * 13}) are ready at our office.",
                    "Please bring photo identification.",
                ],
            )
            ext, data = render(letter, ["docx-para", "pdf-window"][i % 2])
            return (
                ext,
                data,
                (
                    f"keys letter to {b.cid} quotes tenancy ref of {a.cid}"
                    if bad
                    else f"keys letter to {b.cid} with key, work order and property numbers (not client ids)"
                ),
            )

        cx.pair("identifiers-dates/work-order-and-key-numbers", MIS, mk)

    # Centrepay deduction requests to Services Australia (approved) vs a look-alike outside address
    crn = [c for c in reg.tenants() if c.crn and c.dob]
    for i in range(cx.reps(2)):
        c = crn[(i + 3) % len(crn)]

        def mk(bad, c=c, i=i):
            to = "centrepay.business@servicesaustralia-gov.example" if bad else f"centrepay.business@{SA_DOMAIN}"
            text = (
                f"Centrepay deduction request\n\nCustomer: {c.name}\nDate of birth: {dob_text(c, i)}\n"
                f"CRN: {c.crn}\nReference: {c.racct}\nAmount: $160.00 per fortnight\n"
                "Payee: Bluegum Community Housing Ltd, BSB 633-000, account 1847 2291 05\n\nBluegum Rent Services"
            )
            return (
                "eml",
                cx.eml(f"rent.services@{cx_domain()}", [to], "Centrepay deduction request", text),
                (
                    f"Centrepay request for {c.cid} to look-alike domain"
                    if bad
                    else f"Centrepay request for {c.cid} to Services Australia"
                ),
            )

        cx.pair("identifiers-dates/centrepay-request", ["mismatched_recipient", "sensitive_identifier"], mk)

    # government identifiers in a referral to an outside agency
    auth = [c for c in reg.clients if any("@" in x for x in c.auth)]
    for i in range(cx.reps(2)):
        c = auth[i % len(auth)]
        med = MEDICARE[i % len(MEDICARE)]

        def mk(bad, c=c, med=med, i=i):
            ident = (
                (
                    f"Medicare number {med[:4]} {med[4:9]} {med[9]}"
                    if i % 2 == 0
                    else f"Tax file number {TFN[i % len(TFN)]}"
                )
                if bad
                else ("Medicare number XXXX XXXXX 1" if i % 2 == 0 else "Tax file number: held by client")
            )
            text = (
                f"Hi,\n\nReferral for {c.name} ({c.tref}) as discussed. They would like help with her rent "
                f"arrears plan and a Centrelink review.\n{ident}\n\nThanks\n{staff(i)}"
            )
            worker = [x for x in c.auth if "@" in x][0]
            return (
                "eml",
                cx.eml(staff(i), [worker], "Referral - tenancy support", text),
                (
                    f"referral for {c.cid} to authorised worker carries a full government identifier"
                    if bad
                    else f"referral for {c.cid} to authorised worker, identifier masked"
                ),
            )

        cx.pair("identifiers-dates/government-identifier", ["sensitive_identifier"], mk)


def cx_domain() -> str:
    return "bluegumhousing.example"


def _medicare(base8: str, issue: str) -> str:
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    chk = sum(int(d) * x for d, x in zip(base8, w, strict=True)) % 10
    return base8 + str(chk) + issue


def _tfn(base8: str) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    for last in range(10):
        digits = base8 + str(last)
        if sum(int(d) * x for d, x in zip(digits, w, strict=True)) % 11 == 0:
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return _tfn(str(int(base8) + 1))


MEDICARE = [_medicare("29518364", "1"), _medicare("41736290", "2"), _medicare("53029147", "1")]
TFN = [_tfn("12345678"), _tfn("87302914"), _tfn("46219035")]
