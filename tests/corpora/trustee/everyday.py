"""Ordinary mail that must go out: case conferences between staff, reports to the Tribunal, nominee letters to
Centrelink, fee emails to the facility a resident lives in, estate and safe-custody letters, notices about the
offices, suppliers, referrals to the Ageing and Disability Commission, letters to the co-owner that give nothing
away. Other people are named as the register allows: staff, offices, public bodies, doctors, linked family."""

from __future__ import annotations

from tests.corpora.trustee import content, render, world
from tests.corpora.trustee.cases_mis import plain
from tests.corpora.trustee.kit import Corpus, dob_text, fmt_ref, mail, money, pick, render_letter, who
from tests.corpora.trustee.registry import Client

FMTS = ["pdf", "docx", "pdf", "rtf", "txt", "pdf", "html"]


def internal(cx: Corpus, i: int, c: Client) -> None:
    a, b = pick(cx, world.STAFF[:10], 2)
    frm, to = world.staff_email(a[0], a[1]), world.staff_email(b[0], b[1])
    txt = (
        f"Hi {b[0]},\n\nCase conference for {c.title} {c.given} {c.family} ({fmt_ref(c.refs[0], i % 2 == 0)}, "
        f"born {dob_text(c.dob, i)}) is on Thursday. Address on file: {c.addr.line}; GP is "
        f"{world.DOCTORS[i % 4][0]} at {world.DOCTORS[i % 4][1]}. Can you bring the budget?\n\nThanks\n{a[0]}"
    )
    cx.add(
        "everyday",
        "internal",
        "eml",
        mail(
            cx,
            frm=who(f"{a[0]} {a[1]}", frm),
            to=[to],
            subject="Case conference",
            text=txt,
            cc=[world.TEAM_BOXES["Financial Management"]],
        ),
        note=f"internal case conference about {c.cid}",
    )


def tribunal(cx: Corpus, i: int, c: Client) -> None:
    fmt = ["pdf", "docx"][i % 2]
    cx.add(
        "everyday",
        "tribunal-report",
        fmt,
        render_letter(fmt, content.ncat_report(cx, c, style=i)),
        note=f"review report on {c.cid} to NCAT (approved third party)",
    )


def centrelink(cx: Corpus, i: int, c: Client) -> None:
    fmt = ["pdf", "txt", "rtf"][i % 3]
    cx.add(
        "everyday",
        "centrelink-nominee",
        fmt,
        render_letter(fmt, content.centrelink_letter(cx, c, c.crn, style=i)),
        note=f"nominee letter for {c.cid} with {c.cid}'s CRN to Centrelink (approved)",
    )


def facility(cx: Corpus, i: int, c: Client) -> None:
    name, addr, _ = cx.officer("Financial Management")
    txt = (
        f"Dear {c.facility.name} accounts,\n\nWe have paid {c.title} {c.family}'s fees for Room {c.room} "
        f"({money(cx.rng, 2800, 4200)}, ref {fmt_ref(c.ref('CM'), True)}). Please send the next invoice to "
        f"{world.TEAM_BOXES['Financial Management']}.\n\nRegards\n{name}\n"
    )
    cx.add(
        "everyday",
        "facility-fees",
        "eml",
        mail(cx, frm=who(name, addr), to=[c.facility.email], subject="Fees paid", text=txt),
        note=f"fees of resident {c.cid} to the facility on {c.cid}'s authorised contacts",
    )


def estate(cx: Corpus, i: int, _c: Client) -> None:
    est = cx.reg.estates[i % len(cx.reg.estates)]
    ben = est.beneficiaries[i % len(est.beneficiaries)]
    fmt = FMTS[i % len(FMTS)]
    cx.add(
        "everyday",
        "estate-distribution",
        fmt,
        render_letter(fmt, content.distribution(cx, ben, est, style=i)),
        note=f"distribution statement to {ben.cid}, co-beneficiaries named with shares only",
    )


def will(cx: Corpus, i: int, _c: Client) -> None:
    c = cx.reg.willmakers[(i * 5) % len(cx.reg.willmakers)]
    fmt = FMTS[(i + 2) % len(FMTS)]
    cx.add(
        "everyday",
        "safe-custody",
        fmt,
        render_letter(fmt, content.safe_custody_receipt(cx, c, style=i, dob_style=i)),
        note=f"safe custody receipt to {c.cid}",
    )


def notice(cx: Corpus, i: int, c: Client) -> None:
    name, addr, _ = cx.officer("Client Services")
    tam = world.OFFICES[-1]
    text = [
        f"Our {tam.town} office is moving to {tam.line} from 1 July. Our phone numbers do not change.",
        "Our offices will close at noon on 24 December and reopen on 2 January. In an emergency call "
        f"{world.HEAD_PHONE}.",
        "Scam warning: we will never ask you for your bank password by email or text.",
        f"Free will-making days are being held at our {world.OFFICES[4].town} and {world.OFFICES[5].town} "
        "offices in March.",
        "Our new client portal is live.",
    ][i % 5]
    if i % 2:
        html = (
            f"<html><body><h2>{world.ORG} - client news</h2><p>{text}</p><p>Offices: "
            f"{', '.join(o.town for o in world.OFFICES)}</p>"
            f"{render.signature(name, 'Client Services', world.OFFICES[0], html=True)}</body></html>"
        )
        data = mail(
            cx,
            frm=who(world.SHORT, world.TEAM_BOXES["Client Services"]),
            to=[c.emails[0]],
            subject="Client news",
            html=html,
        )
    else:
        data = mail(
            cx,
            frm=who(world.SHORT, world.TEAM_BOXES["Client Services"]),
            to=[c.emails[0]],
            subject="Client news",
            text=f"Dear {c.given},\n\n{text}\n\n{render.signature(name, 'Client Services', world.OFFICES[0])}",
        )
    cx.add("everyday", "notice", "eml", data, note=f"general notice to {c.cid}, offices and towns named")


def training(cx: Corpus, i: int, _c: Client) -> None:
    name, addr, _ = cx.officer("Client Services")
    staff = [world.staff_email(g, f) for g, f, _ in world.STAFF[i % 4 : i % 4 + 5]]
    inv = render.ics(
        f"training-{i}@{world.DOMAIN}",
        ["Family violence awareness", "Elder abuse: recognising financial abuse", "Records and privacy refresher"][
            i % 3
        ],
        f"2025061{i}T093000",
        f"2025061{i}T123000",
        f"{world.SHORT} {world.OFFICES[i % 8].town} office, Training Room 2",
        "Mandatory for client-facing staff. Presenter: Bridget Conlon, Privacy and Complaints.",
        addr,
        staff,
    )
    cx.add(
        "everyday",
        "training-invite",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=staff,
            subject="Invitation: training",
            text="Please accept.",
            attachments=[("invite.ics", inv)],
        ),
        note="internal training invitation",
    )


def vendor(cx: Corpus, i: int, _c: Client) -> None:
    vname, vmail = world.VENDORS[i % 2]
    name, addr, _ = cx.officer("Client Services")
    txt = [
        f"Hi {vname},\n\nPlease quote for printing 4,000 copies of our client newsletter (A4, 8 pages) for "
        "delivery to our Sydney office by 20 June.\n\nThanks\n" + name,
        f"Hi,\n\nPlease collect 12 archive boxes (2019 closed estates) from our {world.OFFICES[1].town} office, "
        f"{world.OFFICES[1].line}, on Tuesday.\n\nThanks\n" + name,
    ][i % 2]
    cx.add(
        "everyday",
        "supplier",
        "eml",
        mail(cx, frm=who(name, addr), to=[vmail], subject="Request", text=txt),
        note="supplier request, no client information",
    )


def bank(cx: Corpus, i: int, c: Client) -> None:
    b = next(p for p in world.BANKS if p.email in c.authorised)
    fmt = ["pdf", "docx"][i % 2]
    cx.add(
        "everyday",
        "bank-notice",
        fmt,
        render_letter(fmt, content.bank_letter(cx, c, b, style=i)),
        note=f"order notice for {c.cid} to the bank on {c.cid}'s authorised contacts",
    )


def adc(cx: Corpus, i: int, _c: Client) -> None:
    p = [p for p in cx.reg.protections if p.kind == "elder-abuse"][i % 4]
    v = p.victim
    name, addr, _ = cx.officer("Client Protection Unit")
    txt = (
        f"Dear Intake Officer,\n\nWe refer {v.title} {v.given} {v.family} (born {dob_text(v.dob, 0)}, our ref "
        f"{fmt_ref(v.ref('CM'), True)}). We suspect financial abuse by a family member who co-owns her former "
        f"home at {p.old_addr.line}. Her current address is held by our Client Protection Unit and is not "
        f"given here; please contact her through {world.PROTECTIVE_BOX}.\n\n{name}\nClient Protection Unit"
    )
    cx.add(
        "everyday",
        "abuse-referral",
        "eml",
        mail(cx, frm=who(name, addr), to=[world.ADC.email], subject="Referral - suspected financial abuse", text=txt),
        note=f"referral of {v.cid} to the Commission (approved), her new address withheld",
    )


def guardian_mail(cx: Corpus, i: int, c: Client) -> None:
    rel = next(e for e in c.authorised if e.split("@")[1] in world.PRIVATE_MAIL)
    name, addr, _ = cx.officer("Financial Management")
    nick = world.NICKNAMES.get(c.given, c.given)
    txt = (
        f"Hi,\n\nThanks for letting us know {nick} needs new glasses. We have approved {money(cx.rng, 200, 600)} "
        f"from her account ({fmt_ref(c.ref('CM'), True)}); the optometrist can invoice us directly.\n\n{name}"
    )
    cx.add(
        "everyday",
        "family-guardian",
        "eml",
        mail(cx, frm=who(name, addr), to=[rel], subject="Glasses", text=txt),
        note=f"{c.cid}'s affairs (by nickname) to the relative on {c.cid}'s authorised contacts",
    )


def coowner(cx: Corpus, i: int, _c: Client) -> None:
    own = [p for p in cx.reg.protections if p.kind != "estate"]
    p = own[(i + 5) % len(own)]
    fmt = ["pdf", "docx", "txt"][i % 3]
    cx.add(
        "everyday",
        "co-owner",
        fmt,
        render_letter(fmt, content.coowner_letter(cx, p, style=i)),
        note=f"letter to co-owner {p.other.cid} at his address about the shared property; {p.victim.cid} named only",
    )


def probate(cx: Corpus, i: int, _c: Client) -> None:
    est = cx.reg.estates[(i * 3 + 1) % len(cx.reg.estates)]
    name, _, _ = cx.officer("Deceased Estates")
    letter = render.Letter(
        to=world.PROBATE.address,
        date=cx.long_date(),
        subject=f"Estate of the late {est.deceased}",
        salutation="Dear Registrar",
        body=[
            "Please find enclosed our application for letters of administration with the will "
            f"annexed, the death certificate and the inventory of property. Beneficiaries: "
            f"{', '.join(b.name for b in est.beneficiaries)}."
        ],
        refs=[("Estate ref", fmt_ref(est.ref, True)), ("Date", cx.long_date())],
        signer=(name, "Estate Administrator"),
        unit="Deceased Estates",
    )
    cx.add(
        "everyday",
        "probate",
        "pdf",
        render_letter("pdf", letter),
        note="application to the Probate Registry (approved), beneficiaries named",
    )


def protective(cx: Corpus, i: int, _c: Client) -> None:
    p = cx.reg.protections[(i * 4) % len(cx.reg.protections)]
    v = p.victim
    name, addr, _ = cx.officer("Client Protection Unit")
    txt = (
        f"Rosa,\n\nConfirming {v.title} {v.family}'s new details for the locked record: {v.addr.line}, "
        f"{v.phones[0]}.\n\n{name}"
    )
    cx.add(
        "everyday",
        "protection-unit",
        "eml",
        mail(cx, frm=who(name, addr), to=[world.PROTECTIVE_BOX] + world.CLEARED[:1], subject="Locked record", text=txt),
        note=f"{v.cid}'s suppressed details to the Client Protection Unit (suppressed_detail_staff)",
    )


def interstate(cx: Corpus, i: int, c: Client) -> None:
    body = (
        f"We refer to the order of your Tribunal for {c.title} {c.given} {c.family}, born {dob_text(c.dob, 1)}, "
        f"who now lives in New South Wales. Please send us a sealed copy of the order so that it can be "
        f"registered here. Our reference is {fmt_ref(c.ref('CM'), True)}."
    )
    party = [world.VCAT, world.QCAT][i % 2]
    name, addr, _ = cx.officer("Financial Management")
    cx.add(
        "everyday",
        "interstate-tribunal",
        "eml",
        mail(
            cx,
            frm=who(name, addr),
            to=[party.email],
            subject="Recognition of interstate order",
            text=f"Dear Registrar,\n\n{body}\n\n{name}",
        ),
        note=f"{c.cid} to VCAT/QCAT (approved)",
    )


def caps_letter(cx: Corpus, i: int, c: Client) -> None:
    fmt = ["txt", "pdf"][i % 2]
    cx.add(
        "everyday",
        "capitals-letter",
        fmt,
        render_letter(fmt, content.fm_statement(cx, c, style=3)),
        note=f"{c.cid}'s statement from the legacy print system, all in capitals",
    )


def decision(cx: Corpus, i: int, c: Client) -> None:
    fmt = ["html", "pdf", "html", "docx", "html"][i % 5]
    cx.add(
        "everyday",
        "guardianship-decision",
        fmt,
        render_letter(fmt, content.guardianship_decision(cx, c, style=i)),
        note=f"guardianship decision to {c.cid} (exported to HTML for the client portal, or printed)",
    )


def everyday(cx: Corpus) -> None:
    reg = cx.reg
    pl = plain(cx)
    mailable = [c for c in reg.clients if c.emails and not c.suppressed]
    residents = [c for f in world.FACILITIES for c in reg.residents(f)]
    banked = [c for c in pl if any(b.email in c.authorised for b in world.BANKS)]
    relatives = [c for c in pl if any(e.split("@")[1] in world.PRIVATE_MAIL for e in c.authorised)]
    plan = [
        (internal, pl, 13),
        (decision, [c for c in reg.guardianship if not c.suppressed], 5),
        (tribunal, pl, 6),
        (centrelink, [c for c in pl if c.crn], 5),
        (facility, residents, 6),
        (estate, pl, 7),
        (will, pl, 7),
        (notice, mailable, 6),
        (training, pl, 3),
        (vendor, pl, 3),
        (bank, banked, 3),
        (adc, pl, 2),
        (guardian_mail, relatives, 4),
        (coowner, pl, 4),
        (probate, pl, 3),
        (protective, pl, 3),
        (interstate, pl, 3),
        (caps_letter, pl, 3),
    ]
    for fn, pool, n in plan:
        for i in range(min(cx.k(n), len(pool))):
            cx.next_day()
            fn(cx, i, pool[(i * 7 + 3) % len(pool)])
