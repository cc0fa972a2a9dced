"""Wrong-person incidents and their twins: window envelopes, namesake will-makers, continuation pages of another
client, a letter c/- a firm that does not act, facility and family contacts given another client's affairs,
co-beneficiaries' addresses, typed references and dates, government identifiers, Cc and links."""

# Lambdas here build the bad and the good text of one pair inside one loop turn, and are called there.
# ruff: noqa: E731, B023

from __future__ import annotations

from tests.corpora.trustee import content, world
from tests.corpora.trustee.kit import (
    Corpus,
    block,
    dear,
    dob_text,
    fmt_crn,
    fmt_ref,
    mail,
    money,
    pick,
    render_letter,
    who,
)
from tests.corpora.trustee.registry import Client

MIS = ["mismatched_recipient"]
MIXED = ["mixed_client_documents", "mismatched_recipient"]


def plain(cx: Corpus) -> list[Client]:
    return [c for c in cx.reg.managed if not c.suppressed and not c.joint and not c.facility and c.has("CM")]


def emailed(cx: Corpus) -> list[Client]:
    return [c for c in plain(cx) if c.emails]


def address_block(cx: Corpus) -> None:
    fmts = ["pdf", "pdf", "docx", "pdf", "rtf", "pdf"]
    for i in range(cx.k(4)):
        cx.next_day()
        a, b = pick(cx, plain(cx), 2)
        fmt = fmts[i]
        bad = render_letter(fmt, content.fm_statement(cx, a, to=block(b, i), salutation=dear(b, i), style=i))
        good = render_letter(fmt, content.fm_statement(cx, a, style=i))
        cx.pair(
            "address-block",
            "window-envelope",
            fmt,
            bad,
            good,
            MIS,
            f"statement of account of {a.cid} in the window of a letter addressed to {b.cid}",
            f"statement of account of {a.cid} addressed to {a.cid}",
        )
    for i, (base, twin) in enumerate(cx.reg.namesakes[4 : 4 + cx.k(3)]):
        cx.next_day()
        fmt = ["pdf", "docx", "rtf"][i % 3]
        bad = render_letter(fmt, content.safe_custody_receipt(cx, twin, to=block(base, i + 1), style=i, dob_style=i))
        good = render_letter(fmt, content.safe_custody_receipt(cx, twin, style=i, dob_style=i))
        cx.pair(
            "address-block",
            "namesake",
            fmt,
            bad,
            good,
            MIS,
            f"safe custody receipt of {twin.cid} (name, date of birth, packet) posted to namesake {base.cid}",
            f"safe custody receipt of {twin.cid} posted to {twin.cid}",
        )
    for i in range(cx.k(3)):
        cx.next_day()
        a, b = pick(cx, plain(cx), 2)
        bad = render_letter("pdf", content.fm_statement(cx, a, style=i + 2, page2=b))
        good = render_letter("pdf", content.fm_statement(cx, a, style=i + 2, two_pages=True))
        cx.pair(
            "address-block",
            "continuation-page",
            "pdf",
            bad,
            good,
            MIXED,
            f"page 2 (continuation header, assets, home address) is {b.cid}'s, printed with {a.cid}'s page 1",
            f"two-page statement of {a.cid}, both pages its own",
        )
    for i in range(cx.k(2)):
        cx.next_day()
        a, b = pick(cx, [c for c in plain(cx) if c.crn], 2)
        fmt = ["txt", "pdf"][i % 2]
        wrong = block(a, 5, addr=b.addr)  # A's name, the house of B
        bad = render_letter(fmt, content.fm_statement(cx, a, to=wrong, style=3))
        good = render_letter(fmt, content.fm_statement(cx, a, to=block(a, 5), style=3))
        cx.pair(
            "address-block",
            "caps-wrong-house",
            fmt,
            bad,
            good,
            MIS,
            f"all-capitals statement for {a.cid} printed with the street address of {b.cid}",
            f"all-capitals statement for {a.cid} at its own address",
        )
    pg = [c for c in cx.reg.guardianship if not c.suppressed]
    for i in range(cx.k(1)):
        cx.next_day()
        a, b = pick(cx, pg, 2)
        bad = render_letter("html", content.guardianship_decision(cx, a, to=block(b, i), style=i))
        good = render_letter("html", content.guardianship_decision(cx, a, style=i))
        cx.pair(
            "address-block",
            "html-export",
            "html",
            bad,
            good,
            MIS,
            f"guardianship decision about {a.cid} exported for posting with the address block of {b.cid}",
            f"guardianship decision about {a.cid} addressed to {a.cid}",
        )
    firm = world.SOLICITORS[0]
    acting = [c for c in cx.reg.clients if firm.email in c.authorised and c.has("CM") and not c.suppressed]
    others = [c for c in plain(cx) if firm.email not in c.authorised]
    for i in range(min(cx.k(2), len(acting))):
        cx.next_day()
        a, b = acting[i], pick(cx, others, 1)[0]
        fmt = ["docx", "rtf"][i % 2]
        cblock = lambda c: [f"{c.title} {c.initials} {c.family}", f"c/- {firm.name}", *firm.address[1:]]  # noqa: E731
        bad = render_letter(fmt, content.fm_statement(cx, b, to=cblock(b), style=i))
        good = render_letter(fmt, content.fm_statement(cx, a, to=cblock(a), style=i))
        cx.pair(
            "address-block",
            "care-of-firm",
            fmt,
            bad,
            good,
            MIS,
            f"statement of {b.cid} sent care of a law firm that acts for {a.cid}, not for {b.cid}",
            f"statement of {a.cid} sent care of the firm on its authorised contacts",
        )
    # legitimate odd layouts: units, PO boxes, rooms, lower-case suburbs, initials, capitals
    odd = [
        c
        for c in cx.reg.clients
        if (c.addr.unit or c.addr.pobox or c.room) and not c.suppressed and (c.has("CM") or c.has("WSC") or c.has("PG"))
    ]
    for i, c in enumerate(pick(cx, odd, min(len(odd), cx.k(5)))):
        cx.next_day()
        fmt = ["pdf", "docx", "txt", "pdf", "rtf"][i % 5]
        if c.has("CM"):
            letter = content.fm_statement(cx, c, style=i + 1)
        elif c.has("WSC"):
            letter = content.safe_custody_receipt(cx, c, style=i + 1)
        else:
            letter = content.guardianship_decision(cx, c, style=i)
        cx.add(
            "address-block",
            "odd-layout",
            fmt,
            render_letter(fmt, letter),
            note=f"{c.cid}'s own letter; unit, PO box or room written as staff write them",
        )


def relationships(cx: Corpus) -> None:
    reg = cx.reg
    for i in range(cx.k(2)):
        cx.next_day()
        fac = world.FACILITIES[i % 2]
        mine = reg.residents(fac)
        other = reg.residents(world.FACILITIES[2])
        if len(mine) < 2 or not other:
            continue
        a, b = mine[0], mine[1]
        x = other[i % len(other)]
        name, addr, _ = cx.officer("Financial Management")

        def fees(people: list[Client]) -> str:
            rows = "\n".join(
                f"  {p.title} {p.given} {p.family} ({fmt_ref(p.ref('CM'), True)}), Room {p.room}: "
                f"{money(cx.rng, 2800, 4200)} paid {cx.long_date()}"
                for p in people
            )
            return (
                f"Hi accounts team,\n\nPlease find below this month's fee payments from the office for your "
                f"residents under our management:\n\n{rows}\n\nRemittance advice to follow by post.\n\n"
                f"Kind regards\n{name}\nFinancial Management | {world.ORG}\n"
            )

        bad = mail(cx, frm=who(name, addr), to=[fac.email], subject="Monthly fee payments", text=fees([a, x]))
        good = mail(cx, frm=who(name, addr), to=[fac.email], subject="Monthly fee payments", text=fees([a, b]))
        cx.pair(
            "relationships",
            "facility-residents",
            "eml",
            bad,
            good,
            MIXED,
            f"fees of {x.cid} (resident elsewhere) sent to the facility authorised for {a.cid}",
            f"fees of {a.cid} and {b.cid}, both residents whose rows authorise this facility",
        )
    with_rel = [c for c in plain(cx) if any(e.split("@")[1] in world.PRIVATE_MAIL for e in c.authorised)]
    for i in range(cx.k(2)):
        cx.next_day()
        mum = with_rel[i]
        aunt = pick(cx, [c for c in plain(cx) if c is not mum and not c.authorised], 1)[0]
        rel = next(e for e in mum.authorised if e.split("@")[1] in world.PRIVATE_MAIL)
        name, addr, _ = cx.officer("Financial Management")

        def budget(c: Client) -> str:
            return (
                f"Hello,\n\nAs discussed, here is the approved budget for {c.title} {c.given} {c.family} "
                f"(our ref {fmt_ref(c.ref('CM'), i == 0)}) for the coming year:\n\n"
                f"  Aged care / rent      {money(cx.rng, 20000, 40000)}\n  Personal allowance    "
                f"{money(cx.rng, 3000, 6000)}\n  Clothing and outings  {money(cx.rng, 800, 2000)}\n\n"
                f"Her account balance today is {money(cx.rng, 4000, 90000)}.\n\nRegards\n{name}\n{world.ORG}\n"
            )

        bad = mail(cx, frm=who(name, addr), to=[rel], subject="Budget for the year", text=budget(aunt))
        good = mail(cx, frm=who(name, addr), to=[rel], subject="Budget for the year", text=budget(mum))
        cx.pair(
            "relationships",
            "private-guardian",
            "eml",
            bad,
            good,
            MIS,
            f"budget of {aunt.cid} emailed to the private guardian authorised only for {mum.cid}",
            f"budget of {mum.cid} emailed to the private guardian on {mum.cid}'s authorised contacts",
        )
    for i, (h, w) in enumerate(reg.couples[: cx.k(2)]):
        cx.next_day()
        name, _, _ = cx.officer("Financial Management")
        ji = h.ref("JI")
        base = [
            f"Your joint investment account with {w.title} {w.given} {w.family} ({fmt_ref(ji, True)}) earned "
            f"{money(cx.rng, 200, 900)} in interest this quarter.",
            content.Table(
                ["Account", "Holders", "Balance"],
                [[fmt_ref(ji, False), f"{h.given} & {w.given} {h.family}", money(cx.rng, 40000, 200000)]],
            ),
        ]
        leak = [
            f"{w.title} {w.family}'s own pension account {fmt_ref(w.ref('CM'), True)} (Centrelink CRN "
            f"{fmt_crn(w.crn)}) had a balance of {money(cx.rng, 2000, 9000)}."
        ]
        mk = lambda body: content.Letter(  # noqa: E731
            to=block(h, i),
            date=cx.long_date(),
            subject="Joint investment account - quarterly summary",
            salutation=dear(h, i),
            body=body,
            refs=[("Our ref", fmt_ref(h.ref("CM"), True)), ("Contact", name)],
            signer=(name, "Client Officer"),
        )
        fmt = ["pdf", "docx"][i % 2]
        cx.pair(
            "relationships",
            "joint-spouses",
            fmt,
            render_letter(fmt, mk(base + leak)),
            render_letter(fmt, mk(base)),
            MIS,
            f"{h.cid}'s joint-account letter also gives joint holder {w.cid}'s own account and CRN",
            f"joint account letter to {h.cid} naming joint holder {w.cid} and the joint account only",
        )
    ests = [e for e in reg.estates if not any(b.suppressed for b in e.beneficiaries)]
    for i in range(cx.k(3)):
        cx.next_day()
        est = ests[i]
        ben = est.beneficiaries[-1]
        kind = ["addresses", "bank", "addresses"][i % 3]
        fmt = ["pdf", "docx", "rtf"][i % 3]
        bad = render_letter(fmt, content.distribution(cx, ben, est, others=kind, style=i))
        good = render_letter(fmt, content.distribution(cx, ben, est, others="names", style=i))
        others = ", ".join(b.cid for b in est.beneficiaries if b is not ben)
        cx.pair(
            "relationships",
            "co-beneficiaries",
            fmt,
            bad,
            good,
            MIXED,
            f"distribution statement to {ben.cid} gives the {kind} of co-beneficiaries {others}",
            f"distribution statement to {ben.cid} naming co-beneficiaries and shares only",
        )
    let = [c for c in plain(cx) if world.AGENT.email in c.authorised]
    not_let = [c for c in plain(cx) if world.AGENT.email not in c.authorised]
    for i in range(min(cx.k(1), len(let))):
        cx.next_day()
        a, b = let[i], pick(cx, not_let, 1)[0]
        name, addr, _ = cx.officer("Property Services")
        txt = lambda extra: (  # noqa: E731
            f"Hi Coastal Realty team,\n\nFor {a.title} {a.family}'s property ({fmt_ref(a.ref('CM'), True)}) please "
            f"proceed with the smoke alarm service and the gutter clean, up to $650 in total.{extra}\n\n"
            f"Thanks\n{name}\nProperty Services, {world.ORG}\n"
        )
        extra = (
            f"\n\nAlso, {b.title} {b.given} {b.family}'s house at {b.addr.line} will need a rental appraisal "
            f"next month (our ref {fmt_ref(b.ref('CM'), False)})."
        )
        cx.pair(
            "relationships",
            "agent",
            "eml",
            mail(cx, frm=who(name, addr), to=[world.AGENT.email], subject="Maintenance approval", text=txt(extra)),
            mail(cx, frm=who(name, addr), to=[world.AGENT.email], subject="Maintenance approval", text=txt("")),
            MIS,
            f"agent authorised for {a.cid} also given {b.cid}'s address and reference",
            f"maintenance approval for {a.cid}'s let property to its managing agent",
        )
    # legitimate: the people the register says may know
    for i, c in enumerate(pick(cx, [c for c in plain(cx) if c.authorised], cx.k(5))):
        cx.next_day()
        to = c.authorised[0]
        name, addr, _ = cx.officer("Financial Management")
        body = (
            f"Dear {to.split('@')[0].split('.')[0].title()},\n\nThank you for your call about {c.title} "
            f"{c.given} {c.family} ({fmt_ref(c.ref('CM'), i % 2 == 0)}). The statement for the quarter is "
            f"attached; the balance of the common fund account is {money(cx.rng, 2000, 90000)}.\n\n"
            f"Regards\n{name}\n{world.ORG}\n"
        )
        pdf = render_letter("pdf", content.fm_statement(cx, c, style=i))
        cx.add(
            "relationships",
            "authorised-contact",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[to],
                subject="Quarterly statement",
                text=body,
                attachments=[(f"Statement {c.ref('CM')}.pdf", pdf)],
            ),
            note=f"statement of {c.cid} to a contact on {c.cid}'s authorised_contacts",
        )


def identifiers(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.k(2)):
        cx.next_day()
        a, b = pick(cx, emailed(cx), 2)
        name, addr, _ = cx.officer("Client Services")
        txt = lambda c: (  # noqa: E731
            f"Dear {a.given},\n\nThanks for your email. I have checked your account {fmt_ref(c.ref('CM'), i == 1)}: "
            f"your personal allowance of {money(rng, 150, 400)} was paid on {cx.long_date()} and your balance is "
            f"{money(rng, 1000, 30000)}.\n\nKind regards\n{name}\nClient Services\n"
        )
        cx.pair(
            "identifiers-dates",
            "typed-reference",
            "eml",
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="RE: my allowance", text=txt(b)),
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="RE: my allowance", text=txt(a)),
            MIS,
            f"reply to {a.cid} quotes the account reference and balance of {b.cid}",
            f"reply to {a.cid} quoting {a.cid}'s own reference",
        )
    base, twin = cx.reg.namesakes[-1]
    cx.next_day()
    name, addr, _ = cx.officer("Wills and Safe Custody")
    txt = lambda c, st: (  # noqa: E731
        f"Dear {twin.title} {twin.family},\n\nWe confirm that we hold the will of {c.given} {c.family}, born "
        f"{dob_text(c.dob, st)}, in safe custody. To uplift it, please bring photo identification to our "
        f"{world.OFFICES[1].town} office.\n\n{name}\nWills and Safe Custody\n"
    )
    cx.pair(
        "identifiers-dates",
        "namesake-dob",
        "eml",
        mail(cx, frm=who(name, addr), to=[twin.emails[0]], subject="Your will", text=txt(base, 1)),
        mail(cx, frm=who(name, addr), to=[twin.emails[0]], subject="Your will", text=txt(twin, 2)),
        MIS,
        f"namesake {twin.cid} told the date of birth of {base.cid} (name + DOB identify {base.cid})",
        f"{twin.cid} told their own name and date of birth",
    )
    cx.next_day()
    a, b = pick(cx, [c for c in plain(cx) if c.crn], 2)
    cx.pair(
        "identifiers-dates",
        "crn-of-another",
        "pdf",
        render_letter("pdf", content.centrelink_letter(cx, a, b.crn)),
        render_letter("pdf", content.centrelink_letter(cx, a, a.crn)),
        ["mixed_client_documents"],
        f"nominee letter naming {a.cid} carries the CRN of {b.cid}, never named",
        f"nominee letter for {a.cid} with {a.cid}'s CRN to Centrelink (approved)",
    )
    # government identifiers and card numbers outside an approved channel
    tfn = tfn_number(rng)
    med = medicare_number(rng)
    card = card_number(rng)
    let = [c for c in plain(cx) if world.AGENT.email in c.authorised] or plain(cx)
    rel = [c for c in plain(cx) if any(e.split("@")[1] in world.PRIVATE_MAIL for e in c.authorised)]
    coord = [c for c in cx.reg.clients if world.COORDINATOR.email in c.authorised and c.has("CM")] or plain(cx)
    cases = [
        (
            let[-1],
            world.AGENT.email,
            "Rental income statement",
            f"her tax file number is {tfn[:3]} {tfn[3:6]} {tfn[6:]}",
            "her tax file number is held by our tax team",
            "tax file number",
        ),
        (
            rel[-1],
            next(e for e in rel[-1].authorised if e.split("@")[1] in world.PRIVATE_MAIL),
            "Hospital admission",
            f"her Medicare number is {med[:4]} {med[4:9]} {med[9]}",
            "her Medicare card is with the facility",
            "Medicare number",
        ),
        (
            coord[0],
            world.COORDINATOR.email,
            "Spending card",
            f"the new spending card is {card[:4]} {card[4:8]} {card[8:12]} {card[12:]}, expiry 08/28",
            f"the new spending card ending {card[-4:]} has been posted",
            "card number",
        ),
    ]
    for c, to, subj, leak, safe, what in cases[: cx.k(3)]:
        cx.next_day()
        name, addr, _ = cx.officer("Financial Management")
        txt = lambda s: (  # noqa: E731
            f"Hello,\n\nRe {c.title} {c.given} {c.family} ({fmt_ref(c.ref('CM'), True)}): {s}. Please let me know if "
            f"you need anything else.\n\nRegards\n{name}\n{world.ORG}\n"
        )
        cx.pair(
            "identifiers-dates",
            "government-identifier",
            "eml",
            mail(cx, frm=who(name, addr), to=[to], subject=subj, text=txt(leak)),
            mail(cx, frm=who(name, addr), to=[to], subject=subj, text=txt(safe)),
            ["sensitive_identifier"],
            f"{what} of {c.cid} emailed to {c.cid}'s authorised contact (not approved)",
            f"same email to {c.cid}'s authorised contact without the {what}",
        )
    ests = cx.reg.estates
    cx.next_day()
    e1, e2 = ests[5], ests[6]
    ben = e1.beneficiaries[-1]
    good = content.distribution(cx, ben, e1, style=1)
    bad = content.distribution(cx, ben, e1, style=1)
    bad.refs = [("Estate ref", fmt_ref(e2.ref, False))] + bad.refs[1:]
    cx.pair(
        "identifiers-dates",
        "estate-reference",
        "docx",
        render_letter("docx", bad),
        render_letter("docx", good),
        MIXED,
        f"letter to {ben.cid} carries the estate reference of another estate ({e2.beneficiaries[0].cid}'s)",
        f"letter to {ben.cid} with its own estate reference",
    )
    # legitimate: own dates in every format, the office's trust account and ABN
    for i, c in enumerate(pick(cx, emailed(cx), cx.k(3))):
        cx.next_day()
        name, addr, _ = cx.officer("Client Services")
        txt = (
            f"Dear {c.given},\n\nWe have updated your record: date of birth {dob_text(c.dob, i)}, reference "
            f"{fmt_ref(c.ref('CM'), i % 2 == 1)}. Payments to the office can be made to our trust account, BSB "
            f"{world.TRUST_BSB} account {world.TRUST_ACCOUNT} (ABN {world.ABN}).\n\nRegards\n{name}\n"
        )
        cx.add(
            "identifiers-dates",
            "own-dates",
            "eml",
            mail(cx, frm=who(name, addr), to=[c.emails[0]], subject="Your details", text=txt),
            note=f"{c.cid}'s own date of birth and reference; the office's trust account and ABN",
        )


def own_details(cx: Corpus) -> None:
    pool = emailed(cx)
    for i in range(cx.k(3)):
        cx.next_day()
        a, b = (
            pick(cx, [c for c in pool if c.phones], 1)[0],
            pick(cx, [c for c in cx.reg.clients if c.phones and not c.suppressed], 1)[0],
        )
        name, addr, _ = cx.officer("Client Services")
        txt = lambda ph: (  # noqa: E731
            f"Dear {a.title} {a.family},\n\nThese are the details we hold for you:\n\n  Name:     {a.name}\n"
            f"  Born:     {dob_text(a.dob, i)}\n  Address:  {a.addr.line}\n  Phone:    {ph}\n  Email:    "
            f"{a.emails[0]}\n\nPlease tell us if anything is wrong.\n\n{name}\n"
        )
        cx.pair(
            "recipient-own-details",
            "details-check",
            "eml",
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your details", text=txt(b.phones[0])),
            mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your details", text=txt(a.phones[0])),
            MIS,
            f"details check for {a.cid} lists the phone number of {b.cid} as theirs",
            f"details check for {a.cid} with {a.cid}'s own details",
        )
    people = pick(cx, [c for c in cx.reg.clients if not c.suppressed and c.kind != "coowner"], cx.k(6))
    for i, c in enumerate(people):
        cx.next_day()
        fmt = ["pdf", "docx", "txt", "html", "rtf", "pdf"][i % 6]
        if c.has("CM"):
            letter = content.fm_statement(cx, c, style=i)
        elif c.has("WSC"):
            letter = content.safe_custody_receipt(cx, c, style=i, dob_style=i)
        elif c.has("PG"):
            letter = content.guardianship_decision(cx, c, style=i)
        else:
            est = next(e for e in cx.reg.estates if c in e.beneficiaries)
            letter = content.distribution(cx, c, est, style=i)
        cx.add(
            "recipient-own-details",
            "own-letter",
            fmt,
            render_letter(fmt, letter),
            note=f"{c.cid}'s own letter with their own address, references and date of birth",
        )
    for p in cx.reg.protections[: cx.k(2)]:
        cx.next_day()
        v = p.victim
        letter = (
            content.fm_statement(cx, v, style=2)
            if v.has("CM")
            else content.distribution(cx, v, next(e for e in cx.reg.estates if v in e.beneficiaries))
        )
        cx.add(
            "recipient-own-details",
            "protected-own-letter",
            "pdf",
            render_letter("pdf", letter),
            note=f"{v.cid}'s own letter at the suppressed address she gave us: it is hers",
        )


def headers_links(cx: Corpus) -> None:
    est = cx.reg.estates[9]
    a, b = est.beneficiaries[0], est.beneficiaries[1]
    cx.next_day()
    name, addr, _ = cx.officer("Deceased Estates")
    bsb = f"BSB 082-{cx.rng.randint(100, 999)} account {cx.rng.randint(10000000, 99999999)}"
    txt = (
        f"Dear {a.given},\n\nWe have recorded your bank account for the distribution ({bsb}) and will send your "
        f"share of the estate of the late {est.deceased} to {a.addr.line} by cheque if the transfer fails.\n\n"
        f"Regards\n{name}\n"
    )
    cx.pair(
        "headers-links",
        "cc-co-beneficiary",
        "eml",
        mail(cx, frm=who(name, addr), to=[a.emails[0]], cc=[b.emails[0]], subject="Your bank details", text=txt),
        mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your bank details", text=txt),
        MIS,
        f"{a.cid}'s bank account and address with co-beneficiary {b.cid} in Cc",
        f"{a.cid}'s bank account and address to {a.cid} alone",
    )
    base, twin = cx.reg.namesakes[5]
    cx.next_day()
    name, addr, _ = cx.officer("Wills and Safe Custody")
    txt = (
        f"Dear {twin.given},\n\nYour will (packet {fmt_ref(twin.ref('WSC'), True)}) is ready to be uplifted "
        f"from our {world.OFFICES[2].town} office. Please bring photo ID.\n\n{name}\n"
    )
    cx.pair(
        "headers-links",
        "autocomplete",
        "eml",
        mail(cx, frm=who(name, addr), to=[base.emails[0]], subject="Uplift of will", text=txt),
        mail(cx, frm=who(name, addr), to=[twin.emails[0]], subject="Uplift of will", text=txt),
        MIS,
        f"packet number of {twin.cid} emailed to the address autocomplete picked: namesake {base.cid}",
        f"{twin.cid}'s packet number to {twin.cid}'s own address",
    )
    cx.next_day()
    a, b = pick(cx, emailed(cx), 2)
    name, addr, _ = cx.officer("Client Services")
    url = lambda c: f"https://portal.{world.DOMAIN}/statements?client={c.ref('CM')}&dob={c.dob.isoformat()}"  # noqa: E731
    html = lambda c: (  # noqa: E731
        f"<p>Dear {a.given},</p><p>Your statement is ready. <a href='{url(c)}'>View your statement online</a>.</p>"
        f"<p>{name}<br>{world.ORG}</p>"
    )
    cx.pair(
        "headers-links",
        "portal-link",
        "eml",
        mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your statement is ready", html=html(b)),
        mail(cx, frm=who(name, addr), to=[a.emails[0]], subject="Your statement is ready", html=html(a)),
        MIS,
        f"link to {a.cid} carries the reference and date of birth of {b.cid}",
        f"link to {a.cid} carries {a.cid}'s own reference",
    )
    for i, c in enumerate(pick(cx, emailed(cx), cx.k(2))):
        cx.next_day()
        name, addr, _ = cx.officer("Client Services")
        html = (
            f"<p>Dear {c.given},</p><p>Your statement ({fmt_ref(c.ref('CM'), True)}) is ready: "
            f"<a href='https://portal.{world.DOMAIN}/statements?client={c.ref('CM')}'>view it here</a>. "
            f"Our {world.OFFICES[i + 3].town} office is at {world.OFFICES[i + 3].line}.</p>"
        )
        cx.add(
            "headers-links",
            "portal-link",
            "eml",
            mail(
                cx,
                frm=who(name, addr),
                to=[c.emails[0]],
                cc=[world.TEAM_BOXES["Client Services"]],
                subject="Your statement is ready",
                html=html,
            ),
            note=f"{c.cid}'s own link, internal mailbox in Cc",
        )


def tfn_number(rng) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        if d[0] and sum(a * b for a, b in zip(d, w, strict=True)) % 11 == 0:
            return "".join(map(str, d))


def medicare_number(rng) -> str:
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    check = sum(a * b for a, b in zip(d, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
    return "".join(map(str, d + [check, rng.randint(1, 5)]))


def card_number(rng) -> str:
    d = [5, 1, 6, 3] + [rng.randint(0, 9) for _ in range(11)]
    total = 0
    for i, x in enumerate(reversed(d)):
        x = x * 2 if i % 2 == 0 else x
        total += x - 9 if x > 9 else x
    return "".join(map(str, d + [(10 - total % 10) % 10]))
